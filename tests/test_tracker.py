"""Wide trackers whose columns are days of a month (4, 11, 18, 25 under "NOVEMBRE 2026") or
weeks with the meeting's date ("W41 (5 Oct)"): read as dates only when the sheet or the
period says which; otherwise the columns are not read, and a finding says why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from checker import tracker
from checker.api import CheckOptions, check_workbook
from checker.dates import WeekOf, month_named, week_of
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import codes
from tests.test_reading import _check, _reading


def _meetings(result):
    return sorted((m.date, m.platform, str(m.verdict)) for m in result.meetings)


DAYS_FR = [["OIM Mali – suivi de la représentation – NOVEMBRE 2026"], [],
           ["Plateforme", 4, 11, 18],
           ["EHP", "A. Diallo (Cheffe de mission)", "—", "M. Keïta (Chef de bureau, Mopti)"],
           ["UNCT", "—", "Pas d'OIM", "Annulée"],
           ["SMT", "—", "A. Diallo (Cheffe de mission) – excusée", "—"]]  # fmt: skip


def test_days_under_a_french_month_banner_are_dates_of_that_month():
    """MLI_2026-11_suivi: the period of the file name is a year; the banner gives the month."""
    result = _check(SheetGrid("Représentation OIM", DAYS_FR), name="MLI_2026.xlsx")
    assert _meetings(result) == [
        ("2026-11-04", "HCT", "compliant"), ("2026-11-11", "SMT", "absent"),  # excusée
        ("2026-11-11", "UNCT", "absent"), ("2026-11-18", "HCT", "wrong_level"),
    ]  # fmt: skip
    table = _reading(result)["tables"][0]
    assert table["days"] == {"month_from": "banner", "cell": "A1",
                             "banner": "OIM Mali – suivi de la représentation – NOVEMBRE 2026"}  # fmt: skip
    assert not codes(result, "S203")


def test_days_under_an_english_or_spanish_banner_not_merged():
    english = [["Platform", None, None, "November 2026"],
               ["Platform", 4.0, 11.0, 18.0],
               ["HCT", "J. Doe (CoM)", "No IOM", "Cancelled"]]  # fmt: skip
    result = _check(SheetGrid("Tracker", english), name="KEN_2026.xlsx")
    assert _meetings(result) == [("2026-11-04", "HCT", "compliant"),
                                 ("2026-11-11", "HCT", "absent")]  # fmt: skip
    spanish = [["OIM Perú – Noviembre de 2026"],
               ["Espacio", "4", "11", "18"],
               ["EHP", "R. Paredes (Jefa de Misión)", "no hubo reunión",
                "R. Paredes (Jefa de Misión) – de vacaciones"]]  # fmt: skip
    result = _check(SheetGrid("Seguimiento", spanish), name="PER_2026.xlsx")
    assert _meetings(result) == [("2026-11-04", "HCT", "compliant"),
                                 ("2026-11-18", "HCT", "absent")]  # fmt: skip


def test_days_without_a_banner_take_the_month_of_the_period_and_say_so():
    rows = [["OIM Mali – suivi"], *DAYS_FR[2:]]
    result = _check(SheetGrid("Suivi", rows), name="MLI_2026-11.xlsx")
    assert ("2026-11-04", "HCT", "compliant") in _meetings(result)
    assert _reading(result)["tables"][0]["days"] == {"month_from": "period"}


def test_days_whose_month_nothing_names_are_not_read_but_said():
    rows = [["OIM Mali – suivi"], *DAYS_FR[2:]]
    result = _check(SheetGrid("Suivi", rows), name="MLI_2026.xlsx")
    assert result.meetings == ()
    assert codes(result, "S203") == [("S203", "Suivi!B2")]  # one finding for the sheet's days
    finding = next(f for f in result.findings if f.code == "S203")
    assert finding.key == "S203:days" and "4, 11, 18" in finding.message
    # Two banners naming different months say no one month either.
    two = [["OIM Mali – octobre 2026"], ["mis à jour le 3 novembre 2026"], *DAYS_FR[2:]]
    result = _check(SheetGrid("Suivi", two), name="MLI_2026.xlsx")
    assert result.meetings == () and codes(result, "S203")


def test_numbers_that_are_not_days_of_one_month_make_no_tracker():
    body = [["HCT", "J. Doe (CoM)", "No IOM", "J. Doe (CoM)"]]
    for header in (["Platform", 2026, 11, 18], ["Platform", 25, 4, 11], ["Platform", 4, 11, 32]):
        assert tracker.day_columns(header, body) == [], header
    counts = [["HCT", 5, 4, 3]]  # a chart's counts under a row of numbers
    assert tracker.day_columns(["Platform", 1, 2, 3], counts) == []
    assert [c.day for c in tracker.day_columns(["Platform", 4, 11, 18], body)] == [4, 11, 18]


@given(st.lists(st.integers(1, 31), min_size=3, max_size=8, unique=True))
def test_increasing_days_are_days_and_any_other_order_is_not(days):
    body = [["HCT", *(["J. Doe (CoM)"] * len(days))]]
    found = tracker.day_columns(["Platform", *days], body)
    assert [c.day for c in found] == (days if days == sorted(days) else [])


WEEKS = {
    "en": ["W41 (5 Oct)", "W42 (12 Oct)", "Week 43 (19 Oct)"],
    "fr": ["S41 (5 oct.)", "S42 (12 oct.)", "S43 (19 oct.)"],
    "es": ["Semana 41 (5 oct)", "Semana 42 (12 oct)", "Semana 43 (19 de octubre)"],
}


def test_week_columns_are_the_dates_in_their_brackets():
    """ZWE_2026-10_weekly, in three languages: a meeting a week, on the date in brackets."""
    for lang, weeks in WEEKS.items():
        rows = [["Platform", *weeks], ["HCT", "T. Moyo (CoM)", "—", "No IOM"]]
        result = _check(SheetGrid("IOM weekly tracker", rows), name="ZWE_2026-10.xlsx")
        assert _meetings(result) == [("2026-10-05", "HCT", "compliant"),
                                     ("2026-10-19", "HCT", "absent")], lang  # fmt: skip


def test_a_week_that_disagrees_with_its_date_is_not_guessed():
    rows = [["Platform", "W41 (5 Oct)", "W43 (12 Oct)", "W43 (19 Oct)"],
            ["HCT", "T. Moyo (CoM)", "T. Moyo (CoM)", "No IOM"]]  # fmt: skip
    result = _check(SheetGrid("Weeks", rows), name="ZWE_2026-10.xlsx")
    assert _meetings(result) == [("2026-10-05", "HCT", "compliant"),
                                 ("2026-10-19", "HCT", "absent")]  # fmt: skip
    assert codes(result, "S203") == [("S203", "Weeks!C1")]
    finding = next(f for f in result.findings if f.code == "S203")
    assert finding.key == "S203:week_mismatch"
    assert "2026-10-12" in finding.message and "week 42" in finding.message


def test_a_bare_week_gives_no_date_and_is_said():
    """ "W41" alone: the meeting happened some day of a week that may straddle two months;
    dating it by its month would also merge two weeks' meetings (a compliant one hiding an
    absent one), so the column is not read."""
    rows = [["Platform", "W41", "W42", "W43 (19 Oct)"],
            ["HCT", "T. Moyo (CoM)", "No IOM", "T. Moyo (CoM)"]]  # fmt: skip
    result = _check(SheetGrid("Weeks", rows), name="ZWE_2026-10.xlsx")
    assert _meetings(result) == [("2026-10-19", "HCT", "compliant")]
    assert codes(result, "S203") == [("S203", "Weeks!B1"), ("S203", "Weeks!C1")]
    assert {f.key for f in result.findings if f.code == "S203"} == {"S203:week"}


@given(st.dates(min_value=dt.date(2000, 1, 4), max_value=dt.date(2099, 12, 28)),
       st.sampled_from(["W{w} ({d} {m})", "Week {w} ({d} {m})", "S{w} ({d} {m}.)",
                        "Semana {w} ({d} de {m})"]))  # fmt: skip
def test_a_week_header_reads_its_date_only_in_its_own_week(day, form):
    month = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
             "dec"][day.month - 1]  # fmt: skip
    week = day.isocalendar()[1]
    header = form.format(w=week, d=day.day, m=month)
    assert week_of(header) == WeekOf(week, day.day, day.month)
    assert week_of(header).dated(str(day.year)) == day
    other = form.format(w=week % 52 + 1, d=day.day, m=month)
    assert week_of(other).dated(str(day.year)) is None


def test_a_banner_names_one_month_or_none():
    assert month_named("NOVEMBRE 2026") is not None
    assert month_named("Noviembre de 2026").month == 11
    assert month_named("novembro de 2026").month == 11
    assert month_named("octobre–novembre 2026") is None
    assert month_named("IOM Yemen – Jan–Jun 2026") is None


def test_a_remark_after_a_title_in_a_tracker_cell_is_the_persons_attendance():
    """ "(Cheffe de mission) – excusée": listed but away. A remark that says neither leaves
    the attendance unknown rather than counting her there."""
    rows = [["IOM Niger – who represented IOM"], ["Platform", "Jan", "Feb", "Mar"],
            ["HCT", "A. B. (CoM) - on leave", "A. B. (CoM) – représentée par C. D.",
             "A. B. (CoM)"]]  # fmt: skip
    result = _check(SheetGrid("2026", rows), name="NER_2026.xlsx")
    assert _meetings(result) == [("2026-01", "HCT", "absent"), ("2026-02", "HCT", "undetermined"),
                                 ("2026-03", "HCT", "compliant")]  # fmt: skip


def test_a_dash_in_a_tracker_cell_is_no_meeting():
    """ "—" was read as a person with no title (an undetermined meeting)."""
    rows = [["IOM Niger – who represented IOM"], ["Platform", "Jan", "Feb", "Mar"],
            ["HCT", "A. B. (CoM)", "—", "-"]]  # fmt: skip
    result = _check(SheetGrid("2026", rows), name="NER_2026.xlsx")
    assert _meetings(result) == [("2026-01", "HCT", "compliant")]


# URY (field9): "No se reunió" in a tracker cell was read as a person with no title (S202).
@pytest.mark.parametrize(
    "cell", ["No se reunió", "no se reunió este mes", "Did not meet", "Did not meet in February",
             "Pas de réunion ce mois-ci", "Não houve reunião este mês", "Não se reuniu"],
)  # fmt: skip
def test_a_tracker_cell_saying_the_platform_did_not_meet_is_no_meeting(cell):
    assert tracker.read_cell(cell) is None
    rows = [["IOM Niger – who represented IOM"], ["Platform", "Jan", "Feb", "Mar"],
            ["SMT (Sécurité)", "A. B. (CoM)", cell, "-"]]  # fmt: skip
    result = _check(SheetGrid("2026", rows), name="NER_2026.xlsx")
    assert _meetings(result) == [("2026-01", "SMT", "compliant")]
    assert not codes(result, "S202") and not codes(result, "S204")


# A tracker whose columns are meeting dates, each column one platform's meeting: the other
# rows are blank there (field6/UKR_2026-11_tracker, with the year written).
SPARSE = {
    "en": [["IOM Ukraine – representation in coordination meetings"],
           ["Meeting", "4 Nov 2026", "9 Nov 2026", "10 Nov 2026", "24 Nov 2026"],
           ["HCT", "K. Melnyk (CoM)"], ["ICCG", None, "O. Lysenko (CCCM Cluster Coordinator)"],
           ["OMT", None, None, "No IOM", "Cancelled"]],
    "fr": [["OIM Mali – représentation"],
           ["Plateforme", "4 novembre 2026", "9 novembre 2026", "10 novembre 2026",
            "24 novembre 2026"],
           ["EHP", "A. Diallo (Cheffe de mission)"],
           ["ICCG", None, "S. Coulibaly (Coordonnatrice cluster CCCM)"],
           ["OMT", None, None, "Pas d'OIM", "Annulée"]],
    "es": [["OIM Perú – representación"],
           ["Espacio", "4 de noviembre de 2026", "9 de noviembre de 2026",
            "10 de noviembre de 2026", "24 de noviembre de 2026"],
           ["EHP", "R. Paredes (Jefa de Misión)"],
           ["ICCG", None, "C. Huamán (Coordinadora del clúster CCCM)"],
           ["OMT", None, None, "Sin OIM", "no hubo reunión"]],
}  # fmt: skip


def test_a_blank_cell_of_a_date_column_filled_on_few_rows_is_no_meeting():
    """UKR_2026-11_tracker: a blank cell was an absent meeting, so that 5 platforms × 7 dates
    gave 28 made-up absences beside the 7 meetings the tracker records. A date column filled
    on one row of three is that platform's meeting; the blank cells are listed in the
    reading, and counted skipped."""
    missions = {"en": "UKR", "fr": "MLI", "es": "PER"}  # the office each heading names
    for lang, rows in SPARSE.items():
        result = _check(SheetGrid("Tracker", rows), name=f"{missions[lang]}_2026-11.xlsx")
        assert _meetings(result) == [("2026-11-04", "HCT", "compliant"),
                                     ("2026-11-09", "ICCG", "compliant"),
                                     ("2026-11-10", "OMT", "absent")], lang  # fmt: skip
        table = _reading(result)["tables"][0]
        assert table["no_meeting_blanks"] == ["B4", "B5", "C3", "C5", "D3", "D4", "E3", "E4"]
        rows_count = result.to_dict()["rows"]
        assert rows_count == {"read": 12, "used": 3, "skipped": 9, "rejected": 0}, lang


def test_a_blank_cell_of_a_date_column_most_rows_fill_is_still_a_meeting_without_iom():
    """PER_2026_seguimiento: a date column where the other platforms' cells are filled ("no
    hubo reunión" included) is a day they all meet; its one blank cell stays a meeting
    without IOM, as in a month column."""
    rows = [["Espacio", "10 de junio de 2026", "11 de junio de 2026", "12 de junio de 2026"],
            ["EHP", "no hubo reunión", "R. Paredes (Jefa de Misión)", "R. Paredes (Jefa de Misión)"],
            ["OMT", None, "Sin OIM", "M. Torres (Oficial de Gestión de Recursos)"],
            ["Clúster de Protección", "no hubo reunión", "no hubo reunión", None]]  # fmt: skip
    result = _check(SheetGrid("Seguimiento", rows), name="PER_2026-06.xlsx")
    assert ("2026-06-10", "OMT", "absent") in _meetings(result)
    assert "no_meeting_blanks" not in _reading(result)["tables"][0]
    # A month column: a platform meets every month, a blank there is a meeting without IOM.
    months = [["Platform", "Jan", "Feb", "Mar"], ["HCT", "J. Doe (CoM)", None, None],
              ["OMT", None, None, "F. Al-Harazi (RMO)"], ["PMT", None, None, None]]  # fmt: skip
    result = _check(SheetGrid("IOM tracker", months), name="YEM_2026.xlsx")
    assert ("2026-01", "OMT", "absent") in _meetings(result)
    assert ("2026-03", "HCT", "absent") in _meetings(result)


WEEKLY = [
    (["Platform", "Mon 2 Nov", "Mon 9 Nov", "Mon 16 Nov"],
     ["HCT", "UNCT", "SMT", "OMT", "PMT", "ICCG"], "J. Doe (CoM)",
     "Legend: a blank cell = IOM did not attend"),
    (["Plateforme", "lun. 2 nov.", "lun. 9 nov.", "lun. 16 nov."],
     ["EHP", "UNCT", "SMT", "OMT", "PMT", "ICCG"], "A. Diallo (Cheffe de mission)",
     "Légende : case vide = absent"),
    (["Espacio", "lun 2 nov", "lun 9 nov", "lun 16 nov"],
     ["EHP", "UNCT", "SMT", "OMT", "PMT", "ICCG"], "R. Paredes (Jefa de Misión)",
     "Leyenda: en blanco = no asistió"),
    (["Plataforma", "seg 2 nov", "seg 9 nov", "seg 16 nov"],
     ["HCT", "UNCT", "SMT", "OMT", "PMT", "ICCG"], "M. Payet (Chefe de Missão)",
     "Legenda: célula em branco = ausente"),
]  # fmt: skip


def _weekly(header, labels, person):
    # Each column has two entries among six platforms that all have one somewhere.
    return [header, [labels[0], person, person, None], [labels[1], person, None, None],
            [labels[2], None, person, None], [labels[3], None, None, person],
            [labels[4], None, None, person], [labels[5], None, None, "No IOM"]]  # fmt: skip


@pytest.mark.parametrize(("header", "labels", "person", "legend"), WEEKLY)
def test_a_sparse_tracker_of_days_records_only_the_meetings_held(header, labels, person, legend):
    """field11 SYC: a tracker of days filled on fewer than half its cells writes each
    platform's own meetings (and its absences: "Sem OIM"); with two platforms meeting the
    same day, the others' blanks that day were made-up absences. They are no meeting, each
    listed and counted skipped."""
    result = _check(SheetGrid("Tracker", _weekly(header, labels, person)), name="KEN_2026-11.xlsx")
    verdicts = {(d, p): v for d, p, v in _meetings(result)}
    assert ("2026-11-02", "SMT") not in verdicts and ("2026-11-09", "UNCT") not in verdicts
    assert verdicts[("2026-11-16", "ICCG")] == "absent"  # "No IOM" is written
    table = _reading(result)["tables"][0]
    assert "B4" in table["no_meeting_blanks"] and "C3" in table["no_meeting_blanks"]
    counts = result.to_dict()["rows"]
    assert counts["read"] == 18 and counts["used"] + counts["skipped"] == 18


@pytest.mark.parametrize(("header", "labels", "person", "legend"), WEEKLY)
def test_under_a_legend_saying_blank_is_absent_a_blank_stays_a_meeting_without_iom(
    header, labels, person, legend
):
    """A weekly tracker where IOM wrote only the meetings it attended, and its legend says
    so: the blanks beside two entries are absences, never meetings that vanish and leave the
    file compliant."""
    rows = [*_weekly(header, labels, person), [], [legend]]
    result = _check(SheetGrid("Tracker", rows), name="KEN_2026-11.xlsx")
    verdicts = {(d, p): v for d, p, v in _meetings(result)}
    assert verdicts[("2026-11-02", "SMT")] == "absent"
    assert verdicts[("2026-11-09", "UNCT")] == "absent"
    assert result.to_dict()["status"] != "compliant"
    assert "no_meeting_blanks" not in _reading(result)["tables"][0]


EXAMPLE = {
    "en": ["Example: HCT", "J. Doe (CoM)", None, None, "example row – delete"],
    "fr": ["Exemple : EHP", "J. Doe (CdM)", None, None, None],
    "es": ["Ejemplo: EHP", "J. Doe (JdM)", None, None, "(fila de ejemplo)"],
    "pt": ["Exemplo: HCT", "J. Doe (CoM)", None, None, "(linha de exemplo – não apagar)"],
}


@pytest.mark.parametrize("lang", EXAMPLE)
def test_an_example_row_left_in_a_tracker_is_no_platform_and_no_entry(lang):
    """field11 SYC: the README's example "J. Doe (CoM)" left in an "Exemplo: HCT" row gave
    the 4th a second entry, so the other rows' blanks that day became meetings. It is
    skipped as an example (S214:example_row, listed in the reading), and no entry of its
    column: the 4th is the UNCT's only."""
    rows = [[None, "NOVEMBER 2026"], ["Platform", 4, 11, 18, "Notes"], EXAMPLE[lang],
            ["UNCT", "M. Payet (Chief of Mission)", None, "No IOM", None],
            ["SMT", None, "M. Payet (Chief of Mission)", None, None],
            ["OMT", None, None, "C. Hoareau (RMO)", None],
            ["PMT", None, "D. Labrosse (Programme Coordinator)", None, None]]  # fmt: skip
    result = _check(SheetGrid("Tracker", rows), name="SYC_2026-11.xlsx")
    assert _meetings(result) == [("2026-11-04", "UNCT", "compliant"),
                                 ("2026-11-11", "PMT", "compliant"),
                                 ("2026-11-11", "SMT", "compliant"),
                                 ("2026-11-18", "OMT", "compliant"),
                                 ("2026-11-18", "UNCT", "absent")], lang  # fmt: skip
    assert [(c, w) for c, w in codes(result) if c.startswith("S2")] == [("S214", "Tracker!A3")]
    table = _reading(result)["tables"][0]
    assert table["example_rows"] == ["A3"]
    counts = result.to_dict()["rows"]
    assert counts["read"] == counts["used"] + counts["skipped"] + counts["rejected"]
    assert counts["rejected"] == 0


@settings(deadline=None)
@given(st.lists(st.lists(st.sampled_from([None, "J. Doe (CoM)", "No IOM", "Cancelled"]),
                         min_size=4, max_size=4), min_size=1, max_size=5))  # fmt: skip
def test_every_cell_of_a_date_tracker_is_a_meeting_a_skip_or_a_listed_blank(body):
    """Whatever the tracker's pattern of blanks, each cell is accounted for: read = used +
    skipped; a blank is no meeting (listed) only in a column with one entry, or filled on
    half its rows at most in a tracker filled on fewer than half its cells; else absent."""
    platforms = ["HCT", "UNCT", "SMT", "OMT", "PMT"]
    rows = [["Platform", "4 Nov 2026", "11 Nov 2026", "18 Nov 2026", "25 Nov 2026"],
            *([platforms[i], *cells] for i, cells in enumerate(body))]  # fmt: skip
    result = _check(SheetGrid("IOM tracker", rows), name="KEN_2026-11.xlsx")
    counts = result.to_dict()["rows"]
    assert counts["read"] == counts["used"] + counts["skipped"] + counts["rejected"]
    labelled = [r for r in body if any(c is not None for c in r)]
    blanks = set(_reading(result)["tables"][0].get("no_meeting_blanks", [])) if labelled else set()
    sparse = 2 * sum(c is not None for r in labelled for c in r) < 4 * len(labelled)
    for c in range(4):
        filled = sum(r[c] is not None for r in labelled)
        for i, row in enumerate(body):
            cell = f"{'BCDE'[c]}{i + 2}"
            listed = (
                row in labelled
                and row[c] is None
                and (
                    filled == 1 < len(labelled)
                    or (sparse and filled > 0 and 2 * filled <= len(labelled))
                )
            )
            assert (cell in blanks) == bool(listed), (cell, body)
    assert not any(m.verdict == "compliant" for m in result.meetings) or any(
        "J. Doe (CoM)" in r for r in body
    )


WEEKDAY_HEADERS = {
    "en": ["Wed 4 Nov", "Mon 9 Nov", "Tue 10 Nov"],
    "fr": ["mer. 4 nov.", "lun. 9 nov.", "mar. 10 nov."],
    "es": ["miér 4 nov", "lun 9 nov", "mar 10 nov"],
    "pt": ["qua 4 nov", "seg 9 nov", "ter 10 nov"],
    "numeric": ["04/11/2026 (Wed)", "Mon 09/11", "Tue 10/11"],
}


def test_tracker_headers_with_a_weekday_and_no_year_are_dates_of_the_period():
    """UKR_2026-11_tracker: "Wed 4 Nov" was not taken for a date, so nothing was read (E103).
    The year is the period's, as for a date without a year in a cell."""
    for lang, headers in WEEKDAY_HEADERS.items():
        rows = [["Meeting", *headers], ["HCT", "V. Petrenko (CoM)"],
                ["ICCG", None, "O. Lysenko (CCCM Cluster Coordinator)"],
                ["OMT", None, None, "S. Koval (RMO)"]]  # fmt: skip
        result = _check(SheetGrid("IOM representation", rows), name="UKR_2026-11.xlsx")
        assert _meetings(result) == [("2026-11-04", "HCT", "compliant"),
                                     ("2026-11-09", "ICCG", "compliant"),
                                     ("2026-11-10", "OMT", "compliant")], lang  # fmt: skip
        assert not codes(result, "S203"), lang


def test_a_tracker_header_whose_weekday_is_not_its_dates_is_not_read():
    """ "Thu 9 Nov": 9 November 2026 is a Monday; the column is not moved to another day."""
    rows = [["Meeting", "Wed 4 Nov", "Thu 9 Nov", "Tue 10 Nov"], ["HCT", "V. Petrenko (CoM)"],
            ["OMT", None, "S. Koval (RMO)"], ["UNCT", None, None, "V. Petrenko (CoM)"]]  # fmt: skip
    result = _check(SheetGrid("T", rows), name="UKR_2026-11.xlsx")
    assert ("2026-11-09", "OMT", "compliant") not in _meetings(result)
    assert ("Thu 9 Nov", "OMT", "undetermined") in _meetings(result)
    finding = next(f for f in result.findings if f.code == "S203")
    assert finding.key == "S203:weekday" and "Monday" in finding.message


def test_e103_on_a_tracker_of_dates_not_read_names_one_and_asks_for_the_year():
    """UKR_2026-11_tracker: E103 advised renaming the columns Date | Platform | … although
    the shape is a tracker's; it now says which header is not a date."""
    rows = [["Meeting", "04/11", "09/11", "10/11"], ["HCT", "V. Petrenko (CoM)"],
            ["OMT", None, "S. Koval (RMO)"]]  # fmt: skip
    for lang, words in [("en", "not read as a date"), ("fr", "comme une date"),
                        ("es", "como fecha")]:  # fmt: skip
        result = check_workbook(Sheets(Path("UKR_2026-11.xlsx"), [SheetGrid("T", rows)]),
                                CheckOptions(lang=lang))  # fmt: skip
        (finding,) = result.findings
        assert finding.key == "E103:dates", lang
        assert words in finding.message and "04/11" in finding.message, lang
        assert "2026" in finding.message and "Date | " not in finding.message, lang


def test_a_cancelled_cell_with_its_reason_is_no_meeting():
    """UKR_2026-11_tracker: "Cancelled – air alert" was a person with no title (undetermined,
    S202)."""
    for cell in ["Cancelled – air alert", "Cancelled (air alert)", "Postponed to 27 Nov",
                 "Annulée – alerte sécurité", "Réunion annulée : grève", "Cancelada – alerta aérea",
                 "Reunión cancelada, sin quórum", "Reunião cancelada – alerta", "Adiada – feriado"]:  # fmt: skip
        rows = [["Platform", "Jan", "Feb", "Mar"], ["OMT", "S. Koval (RMO)", cell, "No IOM"]]
        result = _check(SheetGrid("IOM tracker", rows), name="UKR_2026.xlsx")
        assert _meetings(result) == [("2026-01", "OMT", "compliant"),
                                     ("2026-03", "OMT", "absent")], cell  # fmt: skip
        assert not codes(result, "S202"), cell
    # A person's remark is theirs, not the meeting's: "(CoM) – cancelled" is no absence read.
    assert tracker.read_cell("J. Doe (CoM) – cancelled") == [("J. Doe", "CoM", "cancelled")]
    assert tracker.read_cell("Na Kim (CoM)") == [("Na Kim", "CoM", None)]


# Cells that say who was away, in the four languages (issue 10): "Absent (CoM)" was a person
# "Absent" with title CoM, a compliant meeting; "No IOM – CoM on leave" a person without title.
ABSENT_CELLS = [
    "Absent (CoM)", "No IOM – CoM on leave", "Not attended – CoM travelling",
    "None – the CoM was away", "No IOM (RMO sick)", "Excused (RMO)", "Apologies – CoM",
    "Regrets", "Nobody", "Did not attend", "✗ (CoM)", "Absente (CdM)", "Excusé",
    "Excusée (Cheffe de mission)", "Personne", "Pas de participation OIM", "Ausente (JdM)",
    "Ausente – Jefe de Misión", "Se excusó", "Nadie", "No asistió", "Justificou", "Ninguém",
    "Não compareceu", "Ausente (CdM em férias)",
    # Probed further: each was compliant, a person "Away" or "Missed" titled CoM.
    "Away (CoM)", "Missed (CoM)", "Unavailable (CoM)", "Not available (CoM)", "Absence (CoM)",
    "Indisponible (CdM)", "Falta (CdM)", "Nobody attended", "Personne n'a participé",
    "Nadie asistió", "Ninguém compareceu", "IOM absent", "OIM ausente",
    # A word of absence after the title, without a dash.
    "J. Doe (CoM) absent", "(CoM) absent", "R. Paredes (Jefa de Misión) ausente",
    # The post or person first, then the absence, no title in brackets (was "no title").
    "CoM on leave", "CdM en congé", "JdM de vacaciones", "Chefe de Missão de férias",
    "J. Doe – sick",
    # "Not applicable": the post-holder away, and nobody else named (field10 DZA's truth).
    "N/A (CoM en congé)",
]  # fmt: skip
UNCLEAR_CELLS = ["Absent (CoM) – DCoM attended",
                 "Excusée, représentée par C. D.", "Absent (CoM); K. Lee (DCoM)",
                 "Ausente – asistió el Jefe Adjunto",
                 # No one's name before the title: a mark, a word, a letter (was compliant).
                 "TBC (CoM)", "Vacant (CoM)", "X (CoM)", "? (CoM)", "- (CoM)", "0 (CoM)"]  # fmt: skip


def _november(cell):
    rows = [["Platform", "September", "October", "November"],
            ["HCT", "J. Doe (CoM)", "J. Doe (CoM)", cell]]  # fmt: skip
    result = _check(SheetGrid("Tracker", rows), name="KEN_2026.xlsx")
    return next(m for m in result.to_dict()["meetings"] if m["date"] == "2026-11")


@pytest.mark.parametrize("cell", ABSENT_CELLS)
def test_a_tracker_cell_that_says_who_was_away_is_an_absence(cell):
    meeting = _november(cell)
    assert meeting["verdict"] == "absent", cell
    assert meeting["iom_attendees"] == []


@pytest.mark.parametrize("cell", UNCLEAR_CELLS)
def test_a_tracker_cell_that_does_not_say_whether_iom_went_is_undetermined(cell):
    """The reason quotes the cell (reason_presence_said, a doubt: C309)."""
    meeting = _november(cell)
    assert meeting["verdict"] == "undetermined", cell
    assert cell in meeting["reason"]


def test_a_name_that_begins_like_a_word_of_absence_is_still_a_person():
    assert tracker.read_cell("Nona Absalon (CoM)") == [("Nona Absalon", "CoM", None)]
    assert tracker.read_cell("N. Regretti (RMO)") == [("N. Regretti", "RMO", None)]


_ABSENCE_WORDS = sorted(
    {"Absent", "Absente", "Ausente", "Excused", "Excusé", "Excusée", "Apologies", "Regrets",
     "Nobody", "No IOM", "None", "Personne", "Pas d'OIM", "Nadie", "Sin OIM", "Ninguém",
     "Sem OIM", "Not attended", "Did not attend", "No asistió", "Não compareceu", "Justificou",
     "Se excusó", "✗", "❌"}
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_ABSENCE_WORDS), st.sampled_from(["", " ", " – ", " (", ": ", "; ", ", "]),
       st.text(alphabet=st.sampled_from("JDoe.CMRWASHPOcom() –;,/"), max_size=25)
       | st.sampled_from(["J. Doe (CoM)", "CoM", "K. Lee (DCoM)", "DCoM attended",
                          "Chief of Mission", "CoM on leave", "(CoM)"]))  # fmt: skip
def test_a_cell_that_starts_with_absence_never_gives_a_compliant_meeting(word, sep, rest):
    assume(sep or not rest[:1].isalnum())  # "ExcusedJ. Doe" does not start with the word
    cell = f"{word}{sep}{rest}"
    assert _november(cell)["verdict"] != "compliant", cell


# Trackers started mid-year: two month columns, or one (issue 10, KEN_2026-11_tra/trb).
SHORT = {
    "en": [["Platform", "Oct-26", "Nov-26"], ["HCT", "No IOM – CoM on leave", "J. Doe (CoM)"],
           ["OMT", "K. Lee (RMO)", "No IOM"]],
    "fr": [["Plateforme", "oct. 2026", "nov. 2026"],
           ["EHP", "Pas d'OIM – CdM en congé", "A. Diallo (Cheffe de mission)"],
           ["OMT", "M. Keïta (RMO)", "Absente (RMO)"]],
    "es": [["Espacio", "octubre 2026", "noviembre 2026"],
           ["EHP", "Ausente (JdM)", "R. Paredes (Jefa de Misión)"],
           ["OMT", "M. Torres (RMO)", "Sin OIM"]],
}  # fmt: skip


@pytest.mark.parametrize("lang", SHORT)
def test_a_tracker_of_two_months_is_read(lang):
    """Two month columns were not read (E103, "Rename the columns…"): three were needed.
    "Oct-26" is October 2026, not 26 October."""
    result = _check(SheetGrid("Tracker", SHORT[lang]), name="KEN_2026-11.xlsx")
    assert _meetings(result) == [("2026-10", "HCT", "absent"), ("2026-10", "OMT", "compliant"),
                                 ("2026-11", "HCT", "compliant"), ("2026-11", "OMT", "absent")]  # fmt: skip


def test_a_tracker_of_one_month_whose_labels_are_platforms_is_read():
    rows = [["IOM Kenya – representation", None], [None, "November 2026"],
            ["HCT", "J. Doe (CoM)"], ["OMT", "No IOM"], ["UNCT", "Cancelled"]]  # fmt: skip
    result = _check(SheetGrid("Tracker", rows), name="KEN_2026-11.xlsx")
    assert _meetings(result) == [("2026-11", "HCT", "compliant"), ("2026-11", "OMT", "absent")]


@pytest.mark.parametrize(
    "rows",
    [  # ticks, counts or dates under the months: no tracker's entries
        [["Platform", "October", "November"], ["HCT", "✓", "✓"], ["OMT", "✓", "✗"]],
        [["Meeting", "October", "November"], ["HCT", 4, 5], ["OMT", 2, 3]],
        [["Réunion", "octobre", "novembre"], ["EHP", "05/10/2026", "02/11/2026"],
         ["OMT", "07/10/2026", "04/11/2026"]],
        # a label column of people, not platforms
        [["Nom", "octobre", "novembre"], ["A. Diallo", "J. Doe (CoM)", "K. Lee (RMO)"],
         ["M. Keïta", "J. Doe (CoM)", "K. Lee (RMO)"]],
        # one entry only says too little
        [["Platform", "November"], ["HCT", "J. Doe (CoM)"]],
    ],
)  # fmt: skip
def test_a_table_of_two_months_that_is_no_tracker_is_not_read_as_one(rows):
    assert tracker.find_tracker_header(rows, 20, _platform_like) == (-1, [])


def _platform_like(value):
    from checker.layout import _platform_like as like
    from checker.vocabulary import default_vocabulary

    return like(value, default_vocabulary().headers)


def test_a_sign_in_sheet_with_a_meeting_and_a_date_line_is_no_tracker():
    """ "Meeting | 5 Nov 2026" over a list of names whose second column happens to be
    "Agency (Post)": the labels are people, not platforms."""
    rows = [["Meeting", "5 Nov 2026"], ["Name", "Agency (Post)"],
            ["A. B.", "IOM (CoM)"], ["C. D.", "UNHCR (Representative)"],
            ["E. F.", "WFP (Country Director)"]]  # fmt: skip
    assert tracker.find_tracker_header(rows, 20, _platform_like) == (-1, [])


def test_a_title_that_ends_like_an_absence_is_no_absence():
    assert tracker.read_cell("Head of Travel", _ABSENT) == [("Head of Travel", None, None)]
    assert tracker.read_cell("CoM on leave, DCoM attended", _ABSENT) == [
        ("CoM on leave, DCoM attended", None, None)
    ]


def _absent_words():
    from checker.vocabulary import default_vocabulary

    return default_vocabulary().headers.absent


_ABSENT = _absent_words()


@pytest.mark.parametrize("cell", ["J. Doe (CoM) – left after 20 min, DCoM stayed",
                                  "A. Diallo (CdM) – arrivée en retard",
                                  "A. Ruiz (JdM) – se retiró a los 15 minutos"])  # fmt: skip
def test_a_tracker_cell_that_iom_left_early_gives_the_left_early_reason(cell):
    """field6 UKR: one policy (checker.partial), the reason a remark or comment gets, naming
    the tracker's cell."""
    meeting = _november(cell)
    assert meeting["verdict"] == "undetermined"
    assert cell.split(" – ")[1] in meeting["reason"] and "Tracker!D2" in meeting["reason"]
    assert "left early or arrived late" in meeting["reason"]


@given(st.sampled_from(["Example:", "Exemple :", "Ejemplo:", "Exemplo:", "e.g.", "(example)"]),
       st.text(max_size=30))  # fmt: skip
def test_a_cell_that_starts_by_saying_example_marks_an_example_row(mark, rest):
    assert tracker.is_example(f"{mark} {rest}")


def test_no_title_platform_or_sector_of_the_vocabulary_reads_as_an_example():
    """An example row is told by a word standing alone: "Sample Collection Officer" or any
    name the vocabulary knows is never one."""
    import yaml

    words = yaml.safe_load(Path("schemas/vocabulary.yaml").read_text(encoding="utf-8"))
    names = [alias for group in ("platforms", "sectors", "roles")
             for entry in words[group].values() for alias in [entry["name"], *entry["aliases"]]]  # fmt: skip
    assert not [n for n in names if tracker.is_example(n)]
    assert not tracker.is_example("Sample Collection Officer")
    assert not tracker.is_example("Examples of good practice")


def test_in_a_sparse_tracker_a_day_most_platforms_met_keeps_its_blank_as_an_absence():
    """A tracker filled on few cells, but one day (a joint retreat) five platforms of six
    have an entry: the sixth's blank that day is an absence left unwritten, not no meeting."""
    p = "J. Doe (Chief of Mission)"
    rows = [["Platform", "Mon 2 Nov", "Mon 9 Nov", "Mon 16 Nov", "Mon 23 Nov"],
            ["HCT", p, p, None, None], ["UNCT", None, p, None, None],
            ["SMT", None, p, None, None], ["OMT", None, p, "No IOM", None],
            ["PMT", None, p, None, None], ["ICCG", None, None, None, "No IOM"]]  # fmt: skip
    result = _check(SheetGrid("Tracker", rows), name="KEN_2026-11.xlsx")
    verdicts = {(d, p): v for d, p, v in _meetings(result)}
    assert verdicts[("2026-11-09", "ICCG")] == "absent"
    assert ("2026-11-02", "UNCT") not in verdicts  # a day of one platform only
    assert "G3" not in _reading(result)["tables"][0]["no_meeting_blanks"]
