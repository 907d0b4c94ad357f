"""Sheets beside a roster that are not attendance though their table looks like one (field16:
WSM, FSM, KIR, PLW): the template's Instructions with a worked example, a table under a heading
"Worked example", a Planning of who will represent IOM, an agenda whose items name who
presents, and a Corrections sheet naming the roster's rows. None is read as attendance; a
correction puts the row it names in doubt (its meeting undetermined, the reason quoting it),
unless it corrects only the hour or the place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid, Workbook

D4, D12, D19 = dt.datetime(2026, 11, 4), dt.datetime(2026, 11, 12), dt.datetime(2026, 11, 19)

# Per language: the header, IOM, the CoM, a programme officer, the RC, the presence word.
LANGUAGES = {
    "en": (["Date", "Meeting", "Name", "Organisation", "Title", "Attended"], "IOM",
           "Chief of Mission", "Programme Officer", "Resident Coordinator", "Yes"),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction", "Présent(e)"], "OIM",
           "Chef de mission", "Chargée de programme", "Coordonnateur résident", "Oui"),
    "es": (["Fecha", "Reunión", "Nombre", "Organismo", "Cargo", "Asistió"], "OIM",
           "Jefe de Misión", "Oficial de Programas", "Coordinadora Residente", "Sí"),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Cargo", "Presente"], "OIM",
           "Chefe de Missão", "Oficial de Programas", "Coordenadora Residente", "Sim"),
}  # fmt: skip

# Per language: an Instructions sheet's name, a heading over a worked example, a planning
# sheet's name and heading, an agenda sheet's name and heading, a corrections sheet's name
# and header, what a line of it says.
SHEETS = {
    "en": ("Instructions", "Worked example (the HCT of 4 November, as it should look):",
           "Planning", "Meetings of 30/11–11/12: who will represent IOM",
           "Agenda HCT 4 Nov", "HCT – 4 November 2026 – AGENDA",
           "Corrections", ["Register row", "Meeting", "Column", "Instead of", "Read"],
           "Name / Title", "the CoM was on mission; the deputy went",
           "Time: the meeting was held at 14:00, not 10:00"),
    "fr": ("Mode d'emploi", "Exemple : l'EHP du 4 novembre, tel qu'il doit être saisi",
           "Calendrier prévisionnel", "Réunions à venir : qui représentera l'OIM",
           "Ordre du jour EHP", "EHP – 4 novembre 2026 – ORDRE DU JOUR",
           "Rectificatifs", ["Ligne du registre", "Réunion", "Colonne", "Au lieu de", "Lire"],
           "Nom / Fonction", "le CdM était en mission ; l'adjoint y est allé",
           "Heure : la réunion s'est tenue à 14 h et non à 10 h"),
    "es": ("Instrucciones", "Ejemplo: el HCT del 4 de noviembre, como debe quedar",
           "Programación", "Próximas reuniones: quién representará a la OIM",
           "Orden del día HCT", "HCT – 4 de noviembre de 2026 – ORDEN DEL DÍA",
           "Correcciones", ["Fila del registro", "Reunión", "Columna", "En lugar de", "Leer"],
           "Nombre / Cargo", "el JdM estaba de misión; fue el adjunto",
           "Hora: la reunión fue a las 14 h, no a las 10 h"),
    "pt": ("Instruções", "Exemplo: o HCT de 4 de novembro, como deve ficar",
           "Planeamento", "Próximas reuniões: quem irá representar a OIM",
           "Ordem do dia HCT", "HCT – 4 de novembro de 2026 – ORDEM DO DIA",
           "Correções", ["Linha do registo", "Reunião", "Coluna", "Em vez de", "Ler"],
           "Nome / Cargo", "o CM estava em missão; foi o adjunto",
           "Hora: a reunião foi às 14 h, não às 10 h"),
}  # fmt: skip


def _roster(lang: str) -> SheetGrid:
    """The HCT of the 4th with a programme officer (wrong level), the SMT of the 12th and the
    UNCT of the 19th with the CoM (compliant)."""
    header, iom, com, officer, rc, yes = LANGUAGES[lang]
    return SheetGrid("Nov", [
        ["November 2026"], header,
        [D4, "HCT", "A. B.", "RCO", rc, yes],
        [D4, "HCT", "C. D.", iom, officer, yes],
        [D12, "SMT", "A. B.", "RCO", rc, yes],
        [D12, "SMT", "E. F.", iom, com, yes],
        [D19, "UNCT", "A. B.", "RCO", rc, yes],
        [D19, "UNCT", "E. F.", iom, com, yes],
    ])  # fmt: skip


def _example(lang: str, name: str = "", heading: str | None = None) -> SheetGrid:
    header, iom, com, _, rc, yes = LANGUAGES[lang]
    return SheetGrid(name or SHEETS[lang][0], [
        ["How to fill in: one row per person per meeting"],
        [heading if heading is not None else SHEETS[lang][1]],
        header,
        [D4, "HCT", "A. B.", "RCO", rc, yes],
        [D4, "HCT", "E. F.", iom, com, yes],
    ])  # fmt: skip


def _check(*sheets: SheetGrid):
    return check_workbook(Workbook(Path("XYZ_2026-11.xlsx"), list(sheets)), CheckOptions())


def _verdicts(result) -> dict[tuple[str, str], str]:
    return {(m.platform, m.date): m.verdict.value for m in result.meetings}


def _meeting(result, platform: str, date: str):
    return next(m for m in result.meetings if (m.platform, m.date) == (platform, date))


def _not_attendance(result) -> list[str]:
    return [f.message for f in result.findings if f.code == "S214"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_instructions_sheets_worked_example_is_no_meeting(lang):
    """WSM: the example's CoM "Yes" at the HCT of the 4th does not join the real HCT."""
    result = _check(_example(lang), _roster(lang))
    assert _verdicts(result)[("HCT", "2026-11-04")] == "wrong_level"
    assert any(SHEETS[lang][0] in m for m in _not_attendance(result))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_table_under_an_example_heading_is_no_meeting(lang):
    result = _check(_example(lang, name="Sheet1"), _roster(lang))
    assert _verdicts(result)[("HCT", "2026-11-04")] == "wrong_level"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_heading_of_instructions_over_a_real_roster_is_read(lang):
    """Only the sheet's name says instructions: "Instructions: tick Yes / No" above a real
    roster is a heading of that roster."""
    roster = _roster(lang)
    roster.cells[0] = [f"{SHEETS[lang][0]}: one row per person per meeting"]
    assert _verdicts(_check(roster))[("SMT", "2026-11-12")] == "compliant"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_planning_of_who_will_represent_iom_is_no_attendance(lang):
    """FSM: the CoM planned for the HCT of the 4th (a programme officer went) and for the
    meetings of next month: neither a meeting attended nor a meeting."""
    header, _, com, *_ = LANGUAGES[lang]
    planning = SheetGrid(SHEETS[lang][2], [
        [SHEETS[lang][3]], ["Date", header[1], "IOM", header[4]],
        [D4, "HCT", "E. F.", com],
        [dt.datetime(2026, 12, 1), "UNCT", "E. F.", com],
    ])  # fmt: skip
    result = _check(planning, _roster(lang))
    verdicts = _verdicts(result)
    assert verdicts[("HCT", "2026-11-04")] == "wrong_level"
    assert ("UNCT", "2026-12-01") not in verdicts
    assert any(SHEETS[lang][2] in m for m in _not_attendance(result))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_agenda_is_no_sign_in_sheet(lang):
    """KIR: who presents an item ("Chief of Mission", IOM) is not who attended."""
    header, iom, com, _, rc, _ = LANGUAGES[lang]
    agenda = SheetGrid(SHEETS[lang][4], [
        [SHEETS[lang][5]], [None],
        ["Time", "Item", *header[2:5]],
        ["10:00", "Opening", "A. B.", "RCO", rc],
        ["10:15", "Drought response", "E. F.", iom, com],
    ])  # fmt: skip
    result = _check(agenda, _roster(lang))
    verdicts = _verdicts(result)
    assert verdicts[("HCT", "2026-11-04")] == "wrong_level"
    assert len(verdicts) == 3
    assert any(SHEETS[lang][4] in m for m in _not_attendance(result))


def test_a_diary_named_in_a_heading_is_no_agenda():
    """French "agenda" is also a diary: "d'après l'agenda du Chef de mission" under a log's
    title does not make the log an agenda."""
    roster = _roster("fr")
    roster.cells[0] = ["Saisi le 30/11/2026 d'après l'agenda du Chef de mission"]
    assert _verdicts(_check(roster))[("SMT", "2026-11-12")] == "compliant"


def _corrections(lang: str, *lines: list[object]) -> SheetGrid:
    return SheetGrid(SHEETS[lang][6], [["Corrections"], SHEETS[lang][7], *lines])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_correction_naming_a_row_puts_it_in_doubt(lang):
    """PLW: the SMT's CoM row (Excel row 6) was really the deputy: undetermined, the reason
    quoting the correction; the row the correction names is never silently kept."""
    _, _, com, *_ = LANGUAGES[lang]
    line = [6, "SMT 12/11", SHEETS[lang][8], f"E. F., {com}", f"G. H. – {SHEETS[lang][9]}"]
    result = _check(_roster(lang), _corrections(lang, line))
    smt = _meeting(result, "SMT", "2026-11-12")
    assert smt.verdict.value == "undetermined"
    assert SHEETS[lang][9] in smt.reason and f"{SHEETS[lang][6]}!A3" in smt.reason
    assert _verdicts(result)[("UNCT", "2026-11-19")] == "compliant"
    assert any(SHEETS[lang][6] in m for m in _not_attendance(result))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_correction_of_the_hour_only_changes_nothing(lang):
    line = [6, "SMT 12/11", "—", "—", SHEETS[lang][10]]
    result = _check(_roster(lang), _corrections(lang, line))
    assert _verdicts(result)[("SMT", "2026-11-12")] == "compliant"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_correction_naming_a_meeting_puts_its_iom_rows_in_doubt(lang):
    """No row number: the platform and day it names ("SMT 12/11")."""
    line = [None, "SMT 12/11", SHEETS[lang][8], "—", f"G. H. – {SHEETS[lang][9]}"]
    result = _check(_roster(lang), _corrections(lang, line))
    assert _verdicts(result)[("SMT", "2026-11-12")] == "undetermined"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_correction_tied_to_nothing_is_said(lang):
    line = [None, "—", SHEETS[lang][8], "—", f"G. H. – {SHEETS[lang][9]}"]
    result = _check(_roster(lang), _corrections(lang, line))
    assert _verdicts(result)[("SMT", "2026-11-12")] == "compliant"
    said = _not_attendance(result)
    assert said and all("applied" in m or "appliqu" in m or "aplic" in m for m in said)


# ------------------------------------------------------------------ the property

_KINDS = ("instructions", "example", "planning", "agenda")


@settings(max_examples=40, deadline=None)
@given(lang=st.sampled_from(sorted(LANGUAGES)), kind=st.sampled_from(_KINDS),
       meeting=st.sampled_from([(D4, "HCT"), (D12, "SMT"), (D19, "UNCT"),
                                (dt.datetime(2026, 11, 26), "OMT")]),
       first=st.booleans())  # fmt: skip
def test_a_sheet_that_is_not_attendance_never_makes_a_meeting_compliant(lang, kind, meeting,
                                                                        first):  # fmt: skip
    """Adding an Instructions, example, Planning or agenda sheet naming the CoM at any meeting
    of the month, before or after the roster, never makes a meeting compliant."""
    header, iom, com, _, rc, yes = LANGUAGES[lang]
    day, platform = meeting
    rows = [[day, platform, "A. B.", "RCO", rc, yes], [day, platform, "E. F.", iom, com, yes]]
    if kind == "instructions":
        extra = SheetGrid(SHEETS[lang][0], [["How to fill in"], header, *rows])
    elif kind == "example":
        extra = SheetGrid("Sheet2", [[SHEETS[lang][1]], header, *rows])
    elif kind == "planning":
        extra = SheetGrid(SHEETS[lang][2], [[SHEETS[lang][3]], header[:5], *[r[:5] for r in rows]])
    else:
        extra = SheetGrid(SHEETS[lang][4], [[SHEETS[lang][5]], header[:5], *[r[:5] for r in rows]])
    before = {k for k, v in _verdicts(_check(_roster(lang))).items() if v == "compliant"}
    sheets = (extra, _roster(lang)) if first else (_roster(lang), extra)
    after = {k for k, v in _verdicts(_check(*sheets)).items() if v == "compliant"}
    assert after <= before
