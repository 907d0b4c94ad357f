"""Stage one (checker.layout): what it needs, and what it makes of raw cells."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.config import schemas_dir
from checker.judge import _runs
from checker.layout import Headers, _cells
from checker.vocabulary import default_vocabulary


def test_headers_read_straight_from_the_file_are_the_vocabularys():
    """Batch workers read the header names without validating the vocabulary; the two
    readings of columns.yaml must never differ."""
    assert Headers.read(schemas_dir() / "columns.yaml") == default_vocabulary().headers


def test_stage_one_imports_neither_pandas_nor_pydantic():
    """What lets batch workers be forked at once and stay small (checker.batch)."""
    code = (
        "import sys, checker.cli, checker.api, checker.batch, checker.layout\n"
        "print(sorted({'pandas', 'pandera', 'pydantic'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)  # fmt: skip
    assert out.stdout.strip() == "[]"


def test_cleaning_strips_text_and_keeps_every_other_value_as_it_is():
    day = dt.datetime(2026, 10, 5)
    row = [" HCT ", "", "   ", None, float("nan"), True, 1, 1.0, day, dt.date(2026, 10, 5)]
    cleaned = _cells([row], len(row))[0].tolist()
    assert cleaned[:5] == ["HCT", None, None, None, None]
    # 1, 1.0 and True are equal in Python; each keeps its own type.
    assert [type(v) for v in cleaned[5:8]] == [bool, int, float]
    assert cleaned[8] == day and type(cleaned[9]) is dt.date


def test_equal_texts_and_dates_become_one_object():
    first, second = ("".join(["Chief of ", "Mission"]) for _ in range(2))  # equal, not one
    assert first is not second
    cleaned = _cells([[first, dt.datetime(2026, 10, 5)], [second, dt.datetime(2026, 10, 5)]], 2)
    assert cleaned[0, 0] is cleaned[1, 0]
    assert cleaned[0, 1] is cleaned[1, 1]


def test_a_meetings_rows_are_kept_as_runs_of_one_sheet():
    sheets = np.array(["A", "A", "A", "A", "A", "B"], dtype=object)
    rows = np.array([5, 6, 7, 9, 10, 3])
    assert _runs(sheets, rows) == (("A", 5, 7), ("A", 9, 10), ("B", 3, 3))
    assert _runs(sheets[:3], rows[:3]) == (("A", 5, 7),)


def test_ragged_rows_are_padded_and_cut_to_the_tables_width():
    cells = _cells([["a"], ["b", "c", "d"], []], 2)
    assert cells.tolist() == [["a", None], ["b", "c"], [None, None]]


def test_absence_words_in_unread_columns_are_ones_the_vocabulary_calls_absent():
    """A row whose unread cell says the person was absent takes that cell as its presence;
    a word the layout took that the vocabulary did not read as absent would count them as
    attending: the layout's words are the vocabulary's, less the yes/no answers."""
    from checker.text import fold

    vocabulary = default_vocabulary()
    absent = vocabulary.headers.absent
    said = ["Absent", "ABSENTE", "Ausente", "apologies", "(Apologies)", "Apology", "Apologised",
            "apologized", "Excused", "Excusé", "excusée", "Excusé(e)", "Excusado", "excusada",
            "Regrets", "Did not attend", "not attended", "Not present", "N'a pas assisté",
            "Pas présent", "No asistió", "No participó"]  # fmt: skip
    for word in said:
        assert fold(word) in absent, word
        assert vocabulary.presence(word) == "absent", word
    # Words that may mean something else in a column no field reads are left alone.
    for word in ["No", "N", "0", "Non", "False", "Absent-minded note", "apologies for the delay",
                 "Present", "Virtual"]:  # fmt: skip
        assert fold(word) not in absent, word
    assert all(vocabulary.presence(word) == "absent" for word in absent)


def test_a_slash_in_brackets_is_no_form_group():
    headers = default_vocabulary().headers
    assert headers.match("Présence OIM (1/0)") == "presence"
    assert headers.match("meeting/platform") == "platform"


def test_a_remark_that_speaks_of_absence_leaves_attendance_unknown(tmp_path):
    """Written by hand after field3: a remark that says more than "absent" ("Excusada – la
    representó el Oficial de Programa") must not leave the CoM counted as attending."""
    import openpyxl

    from checker.api import check_file

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Fecha", "Reunión", "Participante", "Entidad", "Cargo", "Observaciones"])
    sheet.append([dt.date(2026, 11, 3), "EHP", "Lucía Torres", "OIM", "Jefa de Misión", "Ausente"])
    sheet.append([dt.date(2026, 11, 17), "UNCT", "Lucía Torres", "OIM", "Jefa de Misión",
                  "Excusada – la representó el Oficial de Programa"])  # fmt: skip
    sheet.append([dt.date(2026, 11, 24), "SMT", "Lucía Torres", "OIM", "Jefa de Misión",
                  "Conectada por Teams"])  # fmt: skip
    book.save(tmp_path / "PER_2026-11.xlsx")
    meetings = {m.platform: m for m in check_file(tmp_path / "PER_2026-11.xlsx").meetings}
    assert {p: str(m.verdict) for p, m in meetings.items()} == {
        "HCT": "absent", "UNCT": "undetermined", "SMT": "compliant"}  # fmt: skip
    assert meetings["UNCT"].reason == (
        'the roster says "Excusada – la representó el Oficial de Programa" for the IOM attendee '
        "on Sheet row 3; it cannot be told whether they attended (write Present or Absent)"
    )


def test_a_blank_attendance_beside_a_deputy_is_not_wrong_level(tmp_path):
    """The Chief of Mission listed with a blank attendance cell may be the one who came: the
    deputy beside her does not make the meeting wrong level."""
    import openpyxl

    from checker.api import check_file

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Meeting", "Name", "Organisation", "Title", "Attended (Y/N)"])
    sheet.append([dt.date(2026, 11, 3), "HCT", "Ana Ruiz", "IOM", "Chief of Mission", None])
    sheet.append([dt.date(2026, 11, 3), "HCT", "Luis Paz", "IOM", "Deputy Chief of Mission", "Y"])
    sheet.append([dt.date(2026, 11, 10), "HCT", "Luis Paz", "IOM", "Deputy Chief of Mission", "Y"])
    book.save(tmp_path / "PER_2026-11.xlsx")
    meetings = check_file(tmp_path / "PER_2026-11.xlsx").meetings
    assert [str(m.verdict) for m in meetings] == ["undetermined", "wrong_level"]
    assert meetings[0].reason == (
        "the attendance cell of the IOM attendee on Sheet row 2 is empty; it cannot be told "
        "whether they attended (write Present or Absent)"
    )


@pytest.mark.parametrize("mark", ["✗", "✘", "❌", "☒", "-", "?"])
def test_a_presence_mark_without_letters_is_never_attended(tmp_path, mark):
    """Round 4's COL: '✓'/'✗' ticks. Marks fold to nothing, and the vocabulary's '✓' once
    made the empty key 'present', so that '✗' (and '-', '?') read as attended."""
    import openpyxl

    from checker.api import check_file

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Fecha", "Reunión", "Nombre", "Organización", "Cargo", "Asistencia"])
    sheet.append([dt.date(2026, 11, 19), "HCT", "Ana Ruiz", "OIM", "Jefa de Misión", mark])
    sheet.append([dt.date(2026, 11, 26), "HCT", "Ana Ruiz", "OIM", "Jefa de Misión", "✓"])
    book.save(tmp_path / "COL_2026-11.xlsx")
    verdicts = [str(m.verdict) for m in check_file(tmp_path / "COL_2026-11.xlsx").meetings]
    assert verdicts[1] == "compliant"
    assert verdicts[0] == ("absent" if mark not in "-?" else "undetermined")


@pytest.mark.parametrize(
    ("own", "remark", "verdict"),
    [
        # Said of the row's own person: not counted as attending.
        ("Chief of Mission", "On leave – DCoM attended", "undetermined"),
        ("Chief of Mission", "On leave", "absent"),
        ("Chef de mission", "En mission à Mopti", "undetermined"),
        # Said of someone else, on the row of the person who came in their place.
        ("Deputy Chief of Mission", "CoM on leave", "wrong_level"),
        ("Jefe de Misión interino", "La Jefa de Misión de vacaciones", "compliant"),
        ("Chargé de la sécurité", "Cheffe de mission en déplacement", "wrong_level"),
    ],
)
def test_a_remark_that_someone_was_away(tmp_path, own, remark, verdict):
    import openpyxl

    from checker.api import check_file

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Meeting", "Name", "Organisation", "Title", "Signature"])
    sheet.append([dt.date(2026, 11, 12), "HCT", "P. Cruz", "IOM", own, remark])
    sheet.append([dt.date(2026, 11, 12), "HCT", "G. Lee", "OCHA", "Head of Office", "signed"])
    book.save(tmp_path / "PHL_2026-11.xlsx")
    assert [str(m.verdict) for m in check_file(tmp_path / "PHL_2026-11.xlsx").meetings] == [verdict]


@given(st.integers(1, 31), st.integers(2000, 2099), st.integers(1, 12))
def test_a_day_in_a_sheet_name_is_that_day_of_the_period_or_unreadable(day, year, month):
    """The sheet "EHP 07" of a one-month roster: that day of the month when the month has
    it; else a text no date reading accepts (S203), never another day."""
    from checker.dates import parse_date
    from checker.titleblock import DayOfMonth

    period = f"{year}-{month:02d}"
    value = DayOfMonth(day).in_period(period)
    try:
        expected: dt.date | None = dt.date(year, month, day)
    except ValueError:
        expected = None
    if expected is not None:
        assert value == expected
    else:
        assert isinstance(value, str) and parse_date(value) is None
    assert parse_date(DayOfMonth(day).in_period(None)) is None  # no month: no date
    assert parse_date(DayOfMonth(day).in_period(str(year))) is None  # a year: no month either


def test_a_sheet_name_is_read_as_platform_and_day_only_when_it_names_a_platform():
    from checker.titleblock import DayOfMonth, read_title_block

    headers = default_vocabulary().headers
    for name, day in [("EHP 07", 7), ("UNCT-14", 14), ("SMT 21", 21), ("Cluster Santé 3", 3)]:
        block = read_title_block([], name, headers.names_platform)
        assert block.date is not None and block.date.value == DayOfMonth(day), name
    for name in ["Sheet 2", "Feuil1", "Folha 3", "EHP 45", "2026", "EHP"]:
        assert read_title_block([], name, headers.names_platform).date is None, name


def test_sheets_numbered_from_one_after_one_name_are_a_run():
    from checker.titleblock import numbered_sheets

    assert numbered_sheets(["Calendário", "EHP 1", "UNCT 1", "EHP 2", "SMT 1"]) == {
        "EHP 1",
        "EHP 2",
    }
    assert numbered_sheets(["EHP 07", "UNCT 14", "SMT 21"]) == frozenset()  # field3/GIN: days
    assert numbered_sheets(["HCT 2", "HCT 3"]) == frozenset()  # not from 1: days
    assert numbered_sheets(["HCT 1"]) == frozenset()  # one sheet: its heading decides


@pytest.mark.parametrize(("date", "platform"), [("05/11/2026", "HCT"), ("12/11/2026", "EHP"),
                                                ("19/11/2026", "Equipo Humanitario de País")])  # fmt: skip
def test_filling_merged_cells_down_leaves_the_sheet_as_read(date, platform):
    """The date and platform merged down over a meeting's rows are on every row of the grid
    it returns; the workbook's own grid (read again by other tables, and after) is not
    changed."""
    import copy

    from checker.layout import _fill_merged_down
    from checker.reader import SheetGrid

    rows = [["Date", "Platform", "Name", "Organization"], [date, platform, "A. B.", "IOM"],
            [None, None, "C. D.", "UNICEF"], ["", "", "E. F.", "WFP"]]  # fmt: skip
    sheet = SheetGrid("Log", rows, merged=[(1, 0, 3, 0), (1, 1, 3, 1)])
    before = copy.deepcopy(sheet.cells)
    origin: dict[tuple[int, int, int], tuple[int, int]] = {}
    filled = _fill_merged_down(sheet, 0, 0, origin)
    assert sheet.cells == before and sheet.cells[2] is rows[2]
    assert [row[:2] for row in filled.cells[1:]] == [[date, platform]] * 3
    assert filled.cells[1] is rows[1]  # a row not filled is shared, not copied
    assert origin == {(0, 3, 0): (1, 0), (0, 4, 0): (1, 0), (0, 3, 1): (1, 1), (0, 4, 1): (1, 1)}


_MERGES = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 2), st.integers(0, 5)), max_size=4)


@given(_MERGES, st.lists(st.lists(st.sampled_from(["", None, "HCT", "x"]), min_size=3,
                                  max_size=3), min_size=1, max_size=6))  # fmt: skip
def test_filling_merged_cells_down_never_changes_its_input(merges, rows):
    import copy

    from checker.layout import _fill_merged_down
    from checker.reader import SheetGrid

    merged = [(r0, c, max(r0, r1), c) for r0, c, r1 in merges]
    sheet = SheetGrid("S", rows, merged=merged)
    before = copy.deepcopy(rows)
    filled = _fill_merged_down(sheet, 0, 0, {})
    assert rows == before
    assert len(filled.cells) == len(rows)


def test_overlapping_merges_are_filled_the_same_whatever_their_order():
    from checker.layout import _fill_merged_down
    from checker.reader import SheetGrid

    rows = [["Date", "Name"], ["06/10/2026", "A"], ["", "B"], ["08/10/2026", "C"], ["", "D"]]
    down = [(1, 0, 4, 0), (3, 0, 4, 0)]  # the first over the second: no real file has that
    for merged in (down, down[::-1]):
        filled = _fill_merged_down(SheetGrid("S", rows, merged=merged), 0, 0, {})
        assert [row[0] for row in filled.cells[1:]] == ["06/10/2026"] * 2 + ["08/10/2026"] + [
            "06/10/2026"
        ]


@given(_MERGES, st.lists(st.lists(st.sampled_from(["", None, "HCT", "x"]), min_size=3,
                                  max_size=3), min_size=1, max_size=6), st.randoms())  # fmt: skip
def test_overlapping_merges_fill_a_cell_once_whatever_their_order(merges, rows, random):
    """Merges overlap in no real workbook; a hostile .ods or .xlsx's may, each down to the
    bottom of a tall sheet (5,000 of them over 100,000 rows took minutes). A cell is filled
    from the first merge above it going down over it, whatever order the file lists them in."""
    from checker.layout import _fill_merged_down
    from checker.reader import SheetGrid

    merged = [(r0, c, max(r0, r1), c) for r0, c, r1 in merges]
    origin: dict[tuple[int, int, int], tuple[int, int]] = {}
    filled = _fill_merged_down(SheetGrid("S", rows, merged=merged), 0, 0, origin)
    shuffled = random.sample(merged, len(merged))
    again: dict[tuple[int, int, int], tuple[int, int]] = {}
    assert _fill_merged_down(SheetGrid("S", rows, merged=shuffled), 0, 0, again).cells == (
        filled.cells
    )
    assert again == origin
    for (_, row, col), (r0, _c0) in origin.items():  # the first merge from the top
        assert r0 == min(m[0] for m in merged if m[1] == col and 0 < m[0] < row - 1 <= m[2])


@pytest.mark.parametrize(("line", "date", "place"), [
    ("Date : 12/11/2026 – Lieu : Bangui", "12/11/2026", "Bangui"),
    ("Date: 12/11/2026, Venue: OCHA conference room", "12/11/2026", "OCHA conference room"),
    ("Fecha: 12/11/2026 – Lugar: Tegucigalpa", "12/11/2026", "Tegucigalpa"),
    ("Data: 12/11/2026 | Local: Díli", "12/11/2026", "Díli"),
    ("Date : 12/11/2026 ; Heure : 10:00 ; Lieu : Bangui", "12/11/2026", "Bangui"),
])  # fmt: skip
def test_a_date_line_with_a_place_after_it_gives_both(line, date, place):
    """A sign-in sheet's "Date : 12/11/2026 – Lieu : Bangui" was read as the date
    "12/11/2026 – Lieu : Bangui" (S203, undetermined)."""
    from checker.titleblock import Line, read_title_block

    lines = [Line(1, 0, "Équipe humanitaire pays – réunion ordinaire"), Line(2, 0, line)]
    block = read_title_block(lines, "Feuil1")
    assert block.date is not None and block.location is not None
    assert (block.date.value, block.date.row, block.location.value) == (date, 2, place)
    assert block.platforms[0].value == "Équipe humanitaire pays – réunion ordinaire"


@pytest.mark.parametrize("line", ["Date : 12/11/2026 (reportée) – Bangui",
                                  "HCT – Point 3: cash", "Date : 12/11/2026 – 14/11/2026"])  # fmt: skip
def test_a_line_is_split_only_at_a_known_label(line):
    """What follows without a known label stays with the date (not read: S203) or the name."""
    from checker.titleblock import Line, _labelled_parts

    assert _labelled_parts(Line(2, 0, line)) == [Line(2, 0, line)]


@given(st.from_regex(r"[A-Z][a-zé]{2,12}( [A-Z][a-zé]{2,12})?", fullmatch=True),
       st.sampled_from([("Date", "Lieu"), ("Date", "Venue"), ("Fecha", "Lugar"), ("Data", "Local")]),
       st.sampled_from([" – ", ", ", " | ", " ; ", " - "]))  # fmt: skip
def test_a_labelled_place_after_the_date_is_the_place_whatever_it_is(place, labels, separator):
    from checker.titleblock import Line, read_title_block

    line = f"{labels[0]} : 12/11/2026{separator}{labels[1]} : {place}"
    block = read_title_block([Line(2, 0, "HCT"), Line(3, 0, line)], "Sheet1")
    assert block.date is not None and block.date.value == "12/11/2026"
    assert block.location is not None and block.location.value == place
