"""A meeting calendar dates the sign-in sheets named by their meeting (field6/TLS: "EHP 1"
under "Reunião n.º 1 (ver Calendário)", the dates in a "Calendário" sheet), and says so; what
it cannot join is a finding (S217), and a sheet it does not date stays undated."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import meeting_calendar
from checker.api import CheckOptions, check_workbook
from checker.dates import MonthOf
from checker.meeting_calendar import sheet_key
from checker.messages import catalogue
from checker.reader import SheetGrid, Workbook
from checker.reporters.text import reading_lines

# Per language: the calendar sheet's name, its header, a sign-in heading naming the meeting's
# number, and the sign-in sheet's header and rows (IOM's CoM at "EHP 1", its deputy at "EHP 2").
LANGUAGES = {
    "pt": ("Calendário", ["Reunião", "Data", "Hora", "Local"], "Reunião n.º {n} (ver Calendário)",
           ["N.º", "Nome", "Organização", "Cargo"], "OIM", "Chefe de Missão",
           "Chefe de Missão Adjunta"),
    "fr": ("Calendrier", ["Réunion", "Date", "Heure", "Lieu"], "Réunion n° {n} (voir Calendrier)",
           ["N°", "Nom", "Organisation", "Fonction"], "OIM", "Chef de mission",
           "Chef de mission adjoint"),
    "es": ("Calendario", ["Reunión", "Fecha", "Hora", "Lugar"], "Reunión N.º {n} (ver Calendario)",
           ["N.º", "Nombre", "Organización", "Cargo"], "OIM", "Jefe de Misión",
           "Jefe de Misión Adjunto"),
    "en": ("Schedule", ["Meeting", "Date", "Time", "Venue"], "Meeting no. {n} (see Schedule)",
           ["No.", "Name", "Organization", "Title"], "IOM", "Chief of Mission",
           "Deputy Chief of Mission"),
}  # fmt: skip


def _sign_in(lang: str, n: int, title: str) -> list[list[object]]:
    _, _, heading, header, iom, _, _ = LANGUAGES[lang]
    return [["Humanitarian Country Team"], [heading.format(n=n)], [""], header,
            [1, "L. Ximenes", iom, title], [2, "R. Soares", "OCHA", "Head of Office"]]  # fmt: skip


def _check(lang: str, calendar: list[list[object]], titles: dict[str, str] | None = None):
    name, header, *_, com, deputy = LANGUAGES[lang]
    titles = titles or {"EHP 1": com, "EHP 2": deputy}
    sheets = [SheetGrid(name, [["Calendar – November 2026"], [""], header, *calendar])]
    sheets += [SheetGrid(sheet, _sign_in(lang, int(sheet[-1]), title))
               for sheet, title in titles.items()]  # fmt: skip
    return check_workbook(Workbook(Path("TLS_2026-11.xlsx"), sheets), CheckOptions())


def _meetings(result) -> list[tuple[str, str, str]]:
    return sorted((m.date, m.platform, str(m.verdict)) for m in result.meetings)


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize(("first", "second"), [("EHP 1", "EHP 2"), ("EHP-1", "ehp nº 2"),
                                               ("EHP n.º 1", "EHP 02")])  # fmt: skip
def test_a_calendar_dates_the_sheets_its_rows_name(lang, first, second):
    calendar = [[first, "05/11/2026", "10:00", "UN House"],
                [second, "19/11/2026", "10:00", "UN House"]]  # fmt: skip
    result = _check(lang, calendar)
    assert _meetings(result) == [("2026-11-05", "HCT", "compliant"),
                                 ("2026-11-19", "HCT", "wrong_level")]  # fmt: skip
    assert {f.code for f in result.findings} & {"S203", "S204", "S213", "S214", "S217"} == set()
    reading = result.to_dict()["reading"]
    name = LANGUAGES[lang][0]
    dates = {t["sheet"]: t["columns"]["date"] for t in reading["tables"]}
    assert dates == {"EHP 1": {"from": "calendar", "sheet": name, "row": 4},
                     "EHP 2": {"from": "calendar", "sheet": name, "row": 5}}  # fmt: skip
    [sheet] = [s for s in reading["sheets"] if s["name"] == name]
    assert sheet == {"name": name, "status": "calendar", "dates_for": ["EHP 1", "EHP 2"]}
    lines = reading_lines(result.to_dict(), catalogue("en"))
    assert f"date from sheet {name}, row 4" in lines[0]  # never silent
    assert f"{name}: meeting calendar, dates for 2 sheets" in lines


def test_the_reading_line_says_the_calendar_in_every_language():
    result = _check("fr", [["EHP 1", "05/11/2026"], ["EHP 2", "19/11/2026"]])
    said = {lang: reading_lines(result.to_dict(), catalogue(lang)) for lang in ("fr", "es")}
    assert "date d'après la feuille Calendrier, ligne 4" in said["fr"][0]
    assert "Calendrier : calendrier des réunions, dates de 2 feuilles" in said["fr"]
    assert "fecha según la hoja Calendrier, fila 4" in said["es"][0]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_reference_that_names_no_sheet_is_said_and_the_others_are_dated(lang):
    calendar = [["EHP 1", "05/11/2026"], ["EHP 2", "19/11/2026"], ["OMT 1", "20/11/2026"]]
    result = _check(lang, calendar)
    assert [m.date for m in result.meetings] == ["2026-11-05", "2026-11-19"]
    [s217] = [f for f in result.findings if f.code == "S217"]
    assert (s217.cell, s217.value, s217.key, str(s217.severity)) == (
        f"{LANGUAGES[lang][0]}!A6", "OMT 1", "S217", "warning")  # fmt: skip
    assert '"OMT 1"' in s217.message and "no sheet" in s217.message


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_sheet_named_twice_with_two_dates_stays_undated(lang):
    calendar = [["EHP 1", "05/11/2026"], ["EHP 2", "19/11/2026"], ["EHP-2", "26/11/2026"]]
    result = _check(lang, calendar)
    dated = [m for m in result.meetings if m.date[:4].isdigit()]
    assert [(m.date, str(m.verdict)) for m in dated] == [("2026-11-05", "compliant")]
    assert [str(m.verdict) for m in result.meetings if m not in dated] == ["undetermined"]
    [s217] = [f for f in result.findings if f.code == "S217"]
    assert (s217.key, s217.row) == ("S217:twice", 5)
    assert "rows 5, 6" in s217.message
    assert [f.value for f in result.findings if f.code == "S203"] == ["EHP 2"]  # not the 2nd


def test_the_same_date_twice_is_one_date():
    result = _check("pt", [["EHP 1", "05/11/2026"], ["EHP 1", "05/11/2026"],
                           ["EHP 2", "19/11/2026"]])  # fmt: skip
    assert [m.date for m in result.meetings] == ["2026-11-05", "2026-11-19"]
    assert [f.code for f in result.findings if f.code == "S217"] == []


@pytest.mark.parametrize("date", ["", "a confirmar", "TBC"])
def test_a_calendar_row_without_a_date_leaves_its_sheet_undated(date):
    result = _check("pt", [["EHP 1", "05/11/2026"], ["EHP 2", date]])
    assert [m.date for m in result.meetings if m.date[:4].isdigit()] == ["2026-11-05"]
    assert [(f.key, f.row) for f in result.findings if f.code == "S217"] == [("S217:no_date", 5)]
    assert [f.value for f in result.findings if f.code == "S203"] == ["EHP 2"]


def test_a_sheet_the_calendar_does_not_name_stays_undated():
    """A meeting number is never a day: "SMT 1" is not the 1st because a calendar dates the
    other sheets."""
    result = _check("pt", [["EHP 1", "05/11/2026"]],
                    titles={"EHP 1": "Chefe de Missão", "SMT 1": "Chefe de Missão"})  # fmt: skip
    assert [m.date for m in result.meetings if m.date[:4].isdigit()] == ["2026-11-05"]
    assert [f.value for f in result.findings if f.code == "S203"] == ["SMT 1"]
    assert [f.code for f in result.findings if f.code == "S217"] == []


def test_a_sheet_with_its_own_date_keeps_it():
    own = _sign_in("en", 1, "Chief of Mission")
    own[1] = ["Date: 06/11/2026"]
    sheets = [SheetGrid("Schedule", [["Meeting", "Date"], ["HCT 1", "05/11/2026"],
                                     ["HCT 2", "19/11/2026"]]),
              SheetGrid("HCT 1", own), SheetGrid("HCT 2", _sign_in("en", 2, "Chief of Mission"))]  # fmt: skip
    result = check_workbook(Workbook(Path("TLS_2026-11.xlsx"), sheets), CheckOptions())
    assert [m.date for m in result.meetings] == ["2026-11-06", "2026-11-19"]
    # The calendar says 5 November for a sheet that says 6: kept, and said.
    (s217,) = [f for f in result.findings if f.code == "S217"]
    assert s217.cell == "Schedule!A2" and "06/11/2026" in s217.message


@pytest.mark.parametrize(("lang", "words"), [("en", "was kept"), ("fr", "a été gardée"),
                                             ("es", "se mantuvo")])  # fmt: skip
def test_a_calendar_date_that_is_the_sheet_s_own_is_not_a_finding(lang, words):
    own = _sign_in("en", 1, "Chief of Mission")
    own[1] = ["Date: 05/11/2026"]
    for calendar_date, said in (("05/11/2026", False), ("5 Nov", False), ("12/11/2026", True)):
        sheets = [SheetGrid("Schedule", [["Meeting", "Date"], ["HCT 1", calendar_date],
                                         ["HCT 2", "19/11/2026"]]),
                  SheetGrid("HCT 1", own),
                  SheetGrid("HCT 2", _sign_in("en", 2, "Chief of Mission"))]  # fmt: skip
        result = check_workbook(Workbook(Path("TLS_2026-11.xlsx"), sheets), CheckOptions(lang=lang))
        s217 = [f for f in result.findings if f.code == "S217"]
        assert bool(s217) == said, calendar_date
        assert not said or words in s217[0].message


def test_a_list_of_meetings_that_names_no_sheet_is_no_calendar():
    """Rows naming platforms, not sheets: the sheet is not read, and no S217 (it dates no
    one)."""
    result = _check("en", [["HCT", "05/11/2026"], ["UNCT", "12/11/2026"]])
    sheets = {s["name"]: s.get("reason") for s in result.to_dict()["reading"]["sheets"]}
    assert sheets["Schedule"] == "no_people"
    assert [f.code for f in result.findings if f.code == "S217"] == []
    assert [m.date for m in result.meetings if m.date[:4].isdigit()] == []


_NAMES = st.from_regex(r"[A-Z][A-Za-z]{1,5}", fullmatch=True)


@given(_NAMES, st.integers(1, 40), st.sampled_from([" ", "-", "_", " nº", " n.º ", " No. ",
                                                     "  ", " #"]))  # fmt: skip
def test_a_reference_names_its_sheet_however_it_is_written(name, n, sign):
    assert sheet_key(f"{name}{sign}{n}") == sheet_key(f"{name} {n}")
    assert sheet_key(f"{name.lower()}{sign}{n:02d}") == sheet_key(f"{name} {n}")
    assert sheet_key(f"{name} {n}") != sheet_key(f"{name} {n + 1}")


def _two_calendars(lang: str, first: list[list[object]], second: list[list[object]]):
    """A workbook with the calendar of LANGUAGES[lang] and a second one ("Agenda")."""
    name, header, *_, com, deputy = LANGUAGES[lang]
    sheets = [SheetGrid(name, [header, *first]), SheetGrid("Agenda", [header, *second])]
    sheets += [SheetGrid(sheet, _sign_in(lang, int(sheet[-1]), title))
               for sheet, title in {"EHP 1": com, "EHP 2": deputy}.items()]  # fmt: skip
    return check_workbook(Workbook(Path("TLS_2026-11.xlsx"), sheets), CheckOptions(lang=lang))


@pytest.mark.parametrize(("lang", "words"), [("en", "not dated from either"),
                                             ("fr", "aucun des deux"), ("es", "ninguno de los dos")])  # fmt: skip
def test_two_calendars_that_give_a_sheet_two_dates_date_it_from_neither(lang, words):
    """The first calendar won, silently: now the sheet stays undated and both cells are said."""
    result = _two_calendars(lang, [["EHP 1", "05/11/2026"], ["EHP 2", "19/11/2026"]],
                            [["EHP 1", "06/11/2026"]])  # fmt: skip
    assert [m.date for m in result.meetings if m.date[:4].isdigit()] == ["2026-11-19"]
    assert [f.value for f in result.findings if f.code == "S203"] == ["EHP 1"]  # not dated
    said = sorted((f.cell, f.key) for f in result.findings if f.code == "S217")
    calendar = LANGUAGES[lang][0]
    assert said == sorted([(f"{calendar}!A2", "S217:calendars"), ("Agenda!A2", "S217:calendars")])
    message = next(f.message for f in result.findings if f.cell == f"{calendar}!A2")
    assert "05/11/2026" in message and "06/11/2026" in message and "Agenda" in message
    assert words in message


def test_two_calendars_that_agree_date_the_sheet_once():
    result = _two_calendars("pt", [["EHP 1", "05/11/2026"], ["EHP 2", "19/11/2026"]],
                            [["EHP-1", "05/11/2026"]])  # fmt: skip
    assert [m.date for m in result.meetings] == ["2026-11-05", "2026-11-19"]
    assert [f.code for f in result.findings if f.code == "S217"] == []
    sheets = {s["name"]: s for s in result.to_dict()["reading"]["sheets"]}
    assert sheets["Agenda"]["status"] == "calendar"  # a calendar, not a sheet left unread


@pytest.mark.parametrize("month", [MonthOf(11, 2026), MonthOf(11)])
def test_a_month_without_its_day_dates_no_sheet(month):
    """ "Novembre 2026" is no day: neither the 1st of the month nor the sheet's own day."""
    assert meeting_calendar._days(month) == set()
    assert not meeting_calendar._same_day(month, "01/11/2026")
    sheet = SheetGrid("Calendrier", [["Réunion", "Date"], ["EHP 1", month],
                                     ["EHP 2", "19/11/2026"]])  # fmt: skip
    found = meeting_calendar.read_calendar(sheet, 1, 0, 1, ["EHP 1", "EHP 2"], ["EHP 1", "EHP 2"])
    assert found is not None and list(found.dates) == ["EHP 2"]
    assert [(p.kind, p.row, p.sheet) for p in found.problems] == [("no_date", 2, "EHP 1")]
