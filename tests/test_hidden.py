"""What a workbook hides or annotates: hidden rows (an invitation list whose non-attendees'
rows are hidden), a filter left on (its hidden rows are data), hidden columns (last year's
titles beside this year's) and cell comments ("did not attend in the end")."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.comments import Comment

from checker.api import CheckOptions, check_file
from checker.formatting import Hidden, _comments_in, _hidden_in, cell_comments, hidden_cells

DAY = dt.date(2026, 11, 9)
# (header, the CoM's title, the deputy's title, a comment saying they did not come, language)
LANGUAGES = {
    "en": (["Date", "Meeting", "Name", "Organisation", "Title"], "Chief of Mission",
           "Deputy Chief of Mission", "Did not attend in the end, no replacement"),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "Cheffe de mission",
           "Chef de mission adjoint", "N'a finalement pas assisté. Pas de remplaçant."),
    "es": (["Fecha", "Reunión", "Nombre", "Organización", "Cargo"], "Jefa de Misión",
           "Jefe de Misión Adjunto", "Al final no asistió, sin reemplazo"),
}  # fmt: skip


def _rows(lang: str, deputy: bool = False) -> list[list[object]]:
    _, chief, deputy_title, _ = LANGUAGES[lang]
    rows: list[list[object]] = [
        [DAY, "HCT", "Ana Silva", "UNDP", "Resident Coordinator"],
        [DAY, "HCT", "Nimal Perera", "IOM", chief],
    ]
    if deputy:
        rows.append([DAY, "HCT", "Omar Haddad", "IOM", deputy_title])
    return rows


def _book(path: Path, lang: str, rows: list[list[object]], hidden_rows: tuple[int, ...] = (),
          comments: dict[str, str] | None = None) -> Path:  # fmt: skip
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sign-in"
    sheet.append(LANGUAGES[lang][0])
    for row in rows:
        sheet.append(row)
    for number in hidden_rows:
        sheet.row_dimensions[number].hidden = True
    for cell, text in (comments or {}).items():
        sheet[cell].comment = Comment(text, "Patricia")
    book.save(path)
    return path


def _result(path: Path, lang: str = "en"):
    return check_file(path, CheckOptions(lang=lang))


def _table(result) -> dict:
    return result.to_dict()["reading"]["tables"][0]


# ------------------------------------------------------------------ hidden rows


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_hidden_chief_of_mission_row_is_not_counted_as_attending(tmp_path, lang):
    """Round 5's IRQ: the CoM's row hidden on an invitation list whose non-attendees' rows
    are hidden: never compliant on it."""
    path = _book(tmp_path / "IRQ_2026-11.xlsx", lang, _rows(lang), hidden_rows=(3,))
    result = _result(path, lang)
    [meeting] = result.meetings
    assert str(meeting.verdict) == "undetermined"
    assert "Sign-in" in (meeting.reason or "") and "3" in (meeting.reason or "")
    assert _table(result)["hidden_rows"] == 1


def test_the_reason_says_the_row_is_hidden(tmp_path):
    path = _book(tmp_path / "IRQ_2026-11.xlsx", "en", _rows("en"), hidden_rows=(3,))
    [meeting] = _result(path).meetings
    assert "Sign-in row 3 is in a hidden row" in (meeting.reason or "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_hidden_chief_of_mission_beside_a_deputy_is_not_wrong_level(tmp_path, lang):
    """IRQ's SMT: the CoM's hidden row and the deputy's visible one: the CoM's attendance is
    unknown, so the meeting is neither compliant nor judged on the deputy."""
    path = _book(tmp_path / "IRQ_2026-11.xlsx", lang, _rows(lang, deputy=True), hidden_rows=(3,))
    assert [str(m.verdict) for m in _result(path, lang).meetings] == ["undetermined"]


def test_a_workbook_without_hidden_rows_reads_as_before(tmp_path):
    path = _book(tmp_path / "IRQ_2026-11.xlsx", "en", _rows("en"))
    with zipfile.ZipFile(path) as archive:
        assert hidden_cells(archive) == {}
    result = _result(path)
    assert [str(m.verdict) for m in result.meetings] == ["compliant"]
    assert "hidden_rows" not in _table(result) and "filtered_rows" not in _table(result)


def _filtered(path: Path, criteria: bool) -> Path:
    """A register with a filter on the meeting column showing the HCT: the OMT's rows are
    hidden by the filter (with criteria), or hidden by hand under filter buttons (without)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Register"
    sheet.append(LANGUAGES["en"][0])
    sheet.append([DAY, "HCT", "Nimal Perera", "IOM", "Chief of Mission"])
    sheet.append([DAY, "OMT", "Lena Berg", "IOM", "Resource Management Officer"])
    sheet.auto_filter.ref = "A1:E3"
    if criteria:
        sheet.auto_filter.add_filter_column(1, ["HCT"])
    sheet.row_dimensions[3].hidden = True
    book.save(path)
    return path


def test_rows_hidden_by_a_filter_are_read_as_data(tmp_path):
    """Round 5's SSD: a filter left on hides other meetings' rows; they are not deletions."""
    result = _result(_filtered(tmp_path / "SSD_2026-11.xlsx", criteria=True))
    assert sorted(str(m.verdict) for m in result.meetings) == ["compliant", "compliant"]
    table = _table(result)
    assert table["filtered_rows"] == 1 and "hidden_rows" not in table


def test_filter_buttons_without_criteria_do_not_explain_a_hidden_row(tmp_path):
    result = _result(_filtered(tmp_path / "SSD_2026-11.xlsx", criteria=False))
    verdict = {m.platform: str(m.verdict) for m in result.meetings}
    assert verdict == {"HCT": "compliant", "OMT": "undetermined"}
    assert _table(result)["hidden_rows"] == 1


# ------------------------------------------------------------------ hidden columns

TITLES = {  # the stale hidden header, the current one
    "en": ("Title (2024 directory)", "Title"),
    "fr": ("Fonction (annuaire 2024)", "Fonction"),
    "es": ("Cargo (directorio 2024)", "Cargo"),
}


def _two_titles(path: Path, lang: str, hidden_first: bool, hide: bool = True) -> Path:
    """Round 5's CIV: last year's titles in a hidden column beside this year's: the CoM then,
    the deputy now."""
    header, chief, deputy, _ = LANGUAGES[lang]
    stale, current = TITLES[lang]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Roster"
    titles = [stale, current] if hidden_first else [current, stale]
    values = [chief, deputy] if hidden_first else [deputy, chief]
    sheet.append([*header[:4], *titles])
    sheet.append([DAY, "UNCT", "Awa Koné", "IOM", *values])
    sheet.append([DAY, "UNCT", "Ana Silva", "UNDP", "Resident Coordinator", "Resident Coordinator"])
    if hide:
        sheet.column_dimensions["E" if hidden_first else "F"].hidden = True
    book.save(path)
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("hidden_first", [True, False])
def test_a_hidden_title_column_is_never_read_over_a_visible_one(tmp_path, lang, hidden_first):
    result = _result(_two_titles(tmp_path / "CIV_2026-11.xlsx", lang, hidden_first), lang)
    assert [str(m.verdict) for m in result.meetings] == ["wrong_level"]
    table = _table(result)
    visible, hidden = ("F", "E") if hidden_first else ("E", "F")
    assert table["columns"]["title"]["column"] == visible
    assert "hidden" not in table["columns"]["title"]
    assert table["hidden_columns"] == [hidden]
    [ignored] = [c for c in table["ignored_columns"] if c["column"] == hidden]
    assert ignored["hidden"] is True and ignored["kind"] == "duplicate:title"
    [s216] = [f for f in result.findings if f.code == "S216"]
    assert s216.cell == f"Roster!{visible}1"
    assert TITLES[lang][0] in s216.message and hidden in s216.message


def test_the_finding_says_why_in_words(tmp_path):
    result = _result(_two_titles(tmp_path / "CIV_2026-11.xlsx", "fr", True), "fr")
    [s216] = [f for f in result.findings if f.code == "S216"]
    assert "celle qui n'a pas été lue est masquée" in s216.message


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_exact_header_is_read_over_one_with_more_words(tmp_path, lang):
    """Both visible: "Fonction" rather than "Fonction (annuaire 2024)", and said (S216)."""
    path = _two_titles(tmp_path / "CIV_2026-11.xlsx", lang, hidden_first=True, hide=False)
    result = _result(path, lang)
    assert [str(m.verdict) for m in result.meetings] == ["wrong_level"]
    assert _table(result)["columns"]["title"]["column"] == "F"
    assert [f.cell for f in result.findings if f.code == "S216"] == ["Roster!F1"]


def test_a_column_without_a_header_is_listed_as_not_read(tmp_path):
    """Round 5's COD: a column whose header cell is empty (merged from above) was in
    neither the mapping nor the columns not read."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Meeting", "Name", "Organisation", "Title", None])
    sheet.append([DAY, "HCT", "Nimal Perera", "IOM", "Chief of Mission", "Non"])
    book.save(tmp_path / "COD_2026-11.xlsx")
    table = _table(_result(tmp_path / "COD_2026-11.xlsx"))
    assert {"column": "F", "header": "", "kind": None} in table["ignored_columns"]


# ------------------------------------------------------------------ comments


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_comment_on_the_chief_of_missions_row_leaves_attendance_unknown(tmp_path, lang):
    """Round 5's COD: "N'a finalement pas assisté… Pas de remplaçant" on the CoM's name."""
    said = LANGUAGES[lang][3]
    path = _book(tmp_path / "COD_2026-11.xlsx", lang, _rows(lang), comments={"C3": said})
    [meeting] = _result(path, lang).meetings
    assert str(meeting.verdict) == "undetermined"
    assert said in (meeting.reason or "")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Left after 10 minutes (urgent call); the Programme Officer stayed until the end"),
    ("en", "Arrived late for the last item only"),
    ("en", "Left early"),
    ("fr", "Partie après 10 minutes ; la Chargée de programme est restée jusqu'à la fin"),
    ("fr", "A quitté la réunion à 10 h"),
    ("es", "Se retiró a los 10 minutos; la Oficial de Programa se quedó hasta el final"),
    ("es", "Llegó tarde, solo para el último punto"),
    ("es", "Se fue temprano"),
    ("es", "Salió antes del cierre"),
    ("pt", "Saiu após 10 minutos (chamada urgente); a Oficial de Programa ficou até ao fim"),
    ("pt", "Retirou-se cedo"),
    ("pt", "Chegou atrasada"),
])  # fmt: skip
def test_a_comment_that_the_chief_of_mission_left_early_or_came_late(tmp_path, lang, said):
    """Round 10's SWZ: "Saiu após 10 minutos …" on the CoM's name beside "Presente": whether
    she attended the meeting is in doubt, never compliant on the presence cell alone."""
    header_lang = "es" if lang == "pt" else lang
    path = _book(tmp_path / "SWZ_2026-11.xlsx", header_lang, _rows(header_lang),
                 comments={"C3": said})  # fmt: skip
    [meeting] = _result(path, header_lang).meetings
    assert str(meeting.verdict) == "undetermined"
    assert said in (meeting.reason or "")


def test_a_comment_and_a_remark_that_iom_left_early_give_one_reason(tmp_path):
    """One policy (checker.partial): "Left after 15 minutes" as a comment on the CoM's name
    and as a Remarks cell of the CoM's row give the same reason, bar the cell it names."""
    said = "Left after 15 minutes"
    commented = _book(tmp_path / "KGZ_2026-12.xlsx", "en", _rows("en"), comments={"C3": said})
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sign-in"
    sheet.append([*LANGUAGES["en"][0], "Remarks"])
    for row in _rows("en"):
        sheet.append([*row, said if row[3] == "IOM" else None])
    remarked = tmp_path / "KGZ_2026-11.xlsx"
    book.save(remarked)
    [by_comment] = _result(commented).meetings
    [by_remark] = _result(remarked).meetings
    assert str(by_comment.verdict) == str(by_remark.verdict) == "undetermined"
    assert "Sign-in!C3" in (by_comment.reason or "") and "Sign-in!F3" in (by_remark.reason or "")
    assert by_comment.reason.replace("C3", "F3") == by_remark.reason


def test_a_comment_on_another_agencys_row_changes_nothing(tmp_path):
    path = _book(tmp_path / "COD_2026-11.xlsx", "en", _rows("en"), comments={"C2": "Late"})
    assert [str(m.verdict) for m in _result(path).meetings] == ["compliant"]


def test_a_broken_comments_part_is_ignored_without_a_crash(tmp_path):
    path = _book(tmp_path / "COD_2026-11.xlsx", "en", _rows("en"), comments={"C3": "Absent"})
    broken = tmp_path / "COD_2026-12.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if "comment" in item.filename and item.filename.endswith(".xml"):
                data = b"<!DOCTYPE x [<!ENTITY a 'b'>]>" + data[:40]
            target.writestr(item, data)
    assert cell_comments(broken, "Sheet") == {}
    result = _result(broken)
    assert [str(m.verdict) for m in result.meetings] == ["compliant"]


def test_comments_are_read_from_the_sheets_own_comments_part(tmp_path):
    path = _book(tmp_path / "COD_2026-11.xlsx", "en", _rows("en"), comments={"C3": "Absent"})
    assert cell_comments(path, "Sign-in") == {(2, 2): "Absent"}
    assert cell_comments(path, "No such sheet") == {}


def test_a_threaded_comment_and_its_replies_are_one_text():
    part = (
        b'<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/'
        b'threadedcomments"><threadedComment ref="D10" id="{1}"><text>Did not attend.</text>'
        b'</threadedComment><threadedComment ref="D10" id="{2}" parentId="{1}"><text>No '
        b"replacement</text></threadedComment></ThreadedComments>"
    )
    assert _comments_in(part) == {(9, 3): "Did not attend. / No replacement"}


def test_the_hidden_rows_and_columns_of_a_part_are_found(tmp_path):
    path = _book(tmp_path / "IRQ_2026-11.xlsx", "en", _rows("en", deputy=True), hidden_rows=(3,))
    book = openpyxl.load_workbook(path)
    book.active.column_dimensions["B"].hidden = True
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        assert hidden_cells(archive) == {
            "Sign-in": Hidden(rows=frozenset({2}), columns=frozenset({1}))
        }


@given(st.binary(max_size=400) | st.text(max_size=300).map(lambda t: (
    f'<comments><commentList><comment ref="{t[:8]}"><text><t>{t}</t></text></comment>'
    "</commentList></comments>").encode()))  # fmt: skip
def test_any_comments_part_reads_as_cells_with_text_or_nothing(data):
    """A comments part is read with expat: odd bytes give nothing, never an exception."""
    for (row, col), text in _comments_in(data).items():
        assert row >= 0 and col >= 0 and text.strip() == text and text


@given(st.lists(st.sampled_from([
    '<row r="3" hidden="1">', '<row hidden="true">', "<row>", '<col min="2" max="99999" '
    'hidden="1"/>', '<autoFilter ref="A1:C9">', '<filterColumn colId="0">', "</autoFilter>",
    '<row r="9999999" hidden="1">', "<c r='A1'>", "hidden", '<row r="0" hidden="1">', '<col min="0" max="1" hidden="1"/>',
]), max_size=30))  # fmt: skip
def test_any_sheet_part_gives_bounded_hidden_rows_and_columns(tags):
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + "".join(tags))
    with zipfile.ZipFile(buffer) as archive:
        hidden = _hidden_in(archive, "xl/worksheets/sheet1.xml")
    assert all(0 <= r < 1_048_576 for r in hidden.rows | hidden.filtered)
    assert all(0 <= c < 16_384 for c in hidden.columns)
    assert not hidden.rows & hidden.filtered


@pytest.mark.parametrize(("lang", "said"), [("en", "Acting for the CoM?"),
                                            ("fr", "Confirmé par e-mail"),
                                            ("es", "Nombrado en octubre")])  # fmt: skip
def test_a_comment_about_something_else_than_attendance_changes_nothing(tmp_path, lang, said):
    path = _book(tmp_path / "COD_2026-11.xlsx", lang, _rows(lang), comments={"E3": said})
    assert [str(m.verdict) for m in _result(path, lang).meetings] == ["compliant"]


def test_the_checkers_own_comments_in_an_annotated_copy_are_not_read(tmp_path):
    """Re-checking an annotated copy: our "C302 wrong-level… represented by…" comments are
    about the cell, not the attendance."""
    from checker.annotate import annotate

    rows = [[DAY, "HCT", "Nimal Perera", "IOM", "Deputy Chief of Mission"]]
    path = _book(tmp_path / "COD_2026-11.xlsx", "en", rows)
    copy = tmp_path / "COD_2026-11_checked.xlsx"
    annotate(path, copy, _result(path))
    assert any(c.comment for row in openpyxl.load_workbook(copy)["Sign-in"] for c in row)
    assert [str(m.verdict) for m in _result(copy).meetings] == ["wrong_level"]
