"""The period stated twice, differently (S222); last month's sheet read in its month; the
day of typing on every row of a log (round 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.periods import Statement, decide
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from checker.titleblock import Line, list_month
from tests.conftest import codes


def _check(*sheets: SheetGrid, name: str, period: str | None = None):
    return check_workbook(Sheets(Path(name), list(sheets), hidden=[]), CheckOptions(period=period))


def _meetings(result) -> dict[tuple[str, str], str]:
    return {(m["platform"], m["date"]): m["verdict"] for m in result.to_dict()["meetings"]}


HEADERS = {
    "en": (["Date", "Meeting", "Name", "Organization", "Title"], "Chief of Mission", "IOM"),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "Chef de mission", "OIM"),
    "es": (["Fecha", "Reunión", "Nombre", "Organismo", "Cargo"], "Jefa de Misión", "OIM"),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Função"], "Chefe de Missão", "OIM"),
}
DECEMBER = {"en": "ATTENDANCE REGISTER – DECEMBER 2026", "fr": "REGISTRE – DÉCEMBRE 2026",
            "es": "Registro de asistencia – diciembre de 2026",
            "pt": "Lista de presenças – dezembro de 2026"}  # fmt: skip


def _rows(lang: str, title: str, dates: list[str]) -> list[list[object]]:
    header, chief, iom = HEADERS[lang]
    rows: list[list[object]] = [[title], header]
    for date, platform in zip(dates, ["UNCT", "OMT", "HCT", "SMT"]):
        rows.append([date, platform, "P. Wangmo", iom, chief])
        rows.append([date, platform, "K. Dorji", "UNICEF", "Representative"])
    return rows


@pytest.mark.parametrize("lang", list(HEADERS))
def test_a_title_naming_another_month_than_the_file_name_flips_no_date(lang):
    """Named 2026-11, titled December: "11/12/2026" is 12 Nov by the one, 11 Dec by the
    other: not read (S203:period_conflict), never a compliant meeting on 12 November."""
    rows = _rows(lang, DECEMBER[lang], ["01/12/2026", "03/12/2026", "11/12/2026"])
    result = _check(SheetGrid("Register", rows), name="BTN_2026-11_register.xlsx")
    meetings = _meetings(result)
    assert ("HCT", "2026-11-12") not in meetings and ("HCT", "2026-12-11") not in meetings
    assert meetings[("UNCT", "2026-12-01")] == "compliant"
    assert meetings[("OMT", "2026-12-03")] == "wrong_level"  # the CoM at the OMT
    assert result.period == "2026-12"  # the heading: the document's own word
    assert codes(result, "S222") == [("S222", "Register!A1")]
    keys = {f.key for f in result.findings if f.code == "S203"}
    assert keys == {"S203:period_conflict"}
    assert not [f for f in result.findings if f.code == "S207"]  # December is the period


def test_the_command_line_period_wins_but_still_flips_nothing():
    rows = _rows("en", DECEMBER["en"], ["11/12/2026"])
    result = _check(SheetGrid("Register", rows), name="roster.xlsx", period="2026-11")
    assert result.period == "2026-11"
    assert ("HCT", "2026-11-12") not in _meetings(result)
    assert codes(result, "S222")


@pytest.mark.parametrize("lang", list(HEADERS))
def test_an_info_sheet_left_at_last_month_flips_no_date(lang):
    """A template's Info sheet "Period 2026-10" against the file name and title (November):
    "10/11/2026" is 11 Oct by the one, 10 Nov by the others: not read."""
    labels = {"en": "Period", "fr": "Période", "es": "Periodo", "pt": "Período"}
    info = SheetGrid("Info", [["Mission", "TON"], [labels[lang], "2026-10"]])
    title = {"en": "Attendance – 1st fortnight of November 2026",
             "fr": "Présences – 1re quinzaine de novembre 2026",
             "es": "Asistencia – 1.ª quincena de noviembre de 2026",
             "pt": "Presenças – 1.ª quinzena de novembro de 2026"}[lang]  # fmt: skip
    rows = _rows(lang, title, ["02/11/2026", "10/11/2026"])
    result = _check(info, SheetGrid("Lista", rows), name="TON_2026-11_registo.xlsx")
    meetings = _meetings(result)
    assert ("OMT", "2026-10-11") not in meetings and ("OMT", "2026-11-10") not in meetings
    assert meetings[("UNCT", "2026-11-02")] == "compliant"
    assert result.period == "2026-11"
    assert len(codes(result, "S222")) == 1


def test_agreeing_statements_change_nothing():
    rows = _rows("en", "ATTENDANCE REGISTER – NOVEMBER 2026", ["11/12/2026"])
    result = _check(SheetGrid("Register", rows), name="BTN_2026-11_register.xlsx")
    assert _meetings(result) == {("UNCT", "2026-11-12"): "compliant"}
    assert not codes(result, "S222")


@pytest.mark.parametrize("lang", list(HEADERS))
def test_last_month_s_sheet_is_read_in_its_month(lang):
    """October's sheet left before November's: its "11/10/2026" is 11 October (out of the
    period, S207), not 10 November, where November's HCT had no IOM row."""
    header, chief, iom = HEADERS[lang]
    months = {"en": ("October 2026", "November 2026"), "fr": ("octobre 2026", "novembre 2026"),
              "es": ("octubre de 2026", "noviembre de 2026"),
              "pt": ("outubro de 2026", "novembro de 2026")}[lang]  # fmt: skip
    october = SheetGrid("Oct", [[f"Attendance – {months[0]}"], header,
                                ["04/10/2026", "UNCT", "A. Rasheed", iom, chief],
                                ["11/10/2026", "HCT", "A. Rasheed", iom, chief]])  # fmt: skip
    november = SheetGrid("Nov", [[f"Attendance – {months[1]}"], header,
                                 ["10/11/2026", "HCT", "H. Moosa", "UNICEF", "Representative"],
                                 ["17/11/2026", "SMT", "A. Rasheed", iom, chief]])  # fmt: skip
    result = _check(october, november, name="MDV_2026-11_asistencia.xlsx")
    meetings = _meetings(result)
    assert meetings[("HCT", "2026-11-10")] == "absent"
    assert meetings[("HCT", "2026-10-11")] == "compliant"
    assert result.period == "2026-11"
    assert not codes(result, "S222")
    assert {f.cell for f in result.findings if f.code == "S207"} >= {"Oct!A3", "Oct!A4"}


@pytest.mark.parametrize(
    ("header", "texts"),
    [(["Date", "Meeting", "Subject", "IOM representative", "Title"],
      ["HCT monthly – Thursday 5 November", "UNCT – Tuesday 10 November"]),
     (["Date", "Réunion", "Objet de la réunion", "Représentant(e) de l'OIM", "Fonction"],
      ["Réunion ordinaire de l'EHP – jeudi 5 novembre", "UNCT mensuel – mardi 10 novembre"]),
     (["Fecha", "Reunión", "Asunto", "Representante de la OIM", "Cargo"],
      ["EHP ordinaria – jueves 5 de noviembre", "UNCT – martes 10 de noviembre"]),
     (["Data", "Reunião", "Assunto", "Representante da OIM", "Função"],
      ["EHP ordinária – quinta-feira 5 de novembro", "UNCT – terça-feira 10 de novembro"])],
)  # fmt: skip
def test_the_day_of_typing_on_every_row_is_not_the_meeting_date(header, texts):
    rows = [["IOM – monthly representation log"], header,
            ["30/11/2026", "HCT", texts[0], "R. Harris", "Chief of Mission"],
            ["30/11/2026", "UNCT", texts[1], "R. Harris", "Chief of Mission"],
            ["30/11/2026", "HCT", texts[0].replace("5", "19").replace("jeudi", "jeudi"),
             "S. Dowiyogo", "Programme Officer"]]  # fmt: skip
    result = _check(SheetGrid("Log", rows), name="NRU_2026-11_suivi.xlsx")
    meetings = _meetings(result)
    assert ("HCT", "2026-11-30") not in meetings and ("UNCT", "2026-11-30") not in meetings
    assert meetings[("HCT", "2026-11-05")] == "compliant"
    assert meetings[("UNCT", "2026-11-10")] == "compliant"
    # "… 19 November" with Thursday: 19 November 2026 is a Thursday, read; the programme
    # officer's HCT is its own meeting, never merged with the CoM's.
    assert meetings[("HCT", "2026-11-19")] == "wrong_level"


def test_a_date_of_entry_column_is_never_the_meeting_date():
    for header in ("Date de saisie", "Date of entry", "Fecha de registro", "Data de registo"):
        rows = [
            [header, "Date", "Meeting", "Name", "Organization", "Title"],
            ["30/11/2026", "05/11/2026", "HCT", "A. B.", "IOM", "Chief of Mission"],
            ["30/11/2026", "10/11/2026", "UNCT", "A. B.", "IOM", "Chief of Mission"],
        ]
        result = _check(SheetGrid("Log", rows), name="NRU_2026-11_suivi.xlsx")
        assert set(_meetings(result)) == {("HCT", "2026-11-05"), ("UNCT", "2026-11-10")}


def test_a_heading_naming_a_date_or_two_months_names_no_list_month():
    assert list_month([Line(1, 0, "HCT meeting – 5 November 2026")]) is None
    assert list_month([Line(1, 0, "Attendance October – November 2026")]) is None
    assert list_month([Line(1, 0, "Attendance – 1–15 November 2026")]) is None
    assert list_month([Line(1, 0, "Register – November 2026"), Line(2, 0, "December 2026")]) \
        is None  # fmt: skip
    assert list_month([Line(1, 0, "Registo – 1.ª quinzena de novembro de 2026")])[3] == "2026-11"


MONTHS = st.sampled_from([f"2026-{m:02d}" for m in range(1, 13)])


@settings(max_examples=60, deadline=None)
@given(name=MONTHS, title=st.one_of(st.none(), MONTHS), meta=st.one_of(st.none(), MONTHS))
def test_disagreeing_statements_always_read_in_all_of_them(name, title, meta):
    """Whatever the statements, every month stated is one a table's dates must agree in,
    unless they all agree."""
    fixed = [Statement(s, p) for s, p in (("metadata sheet", meta), ("file name", name)) if p]
    titles = {0: Statement("title", title)} if title else {}
    decided = decide(fixed, titles)
    stated = {s.period for s in fixed} | ({title} if title else set())
    if len(stated) > 1:
        assert set(decided.of(0)) == stated and decided.conflict
    else:
        assert decided.of(0) == (name,) and not decided.conflict
