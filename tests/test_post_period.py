"""A post held over a period, said by the workbook (checker.acting's POST statements), held
against each row's date: field17 HRV ("cambió de puesto el 1/11: ahora Gerente de Programa"
beside "RMO"), HUN (a note that the CoM ended her functions on 30/11, her "Chefe de Missão"
on 3 Dec; the deputy heading the mission from then) and POL (a "Staff list" sheet giving
posts since and until). Rows here are this test's own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.acting import POST, read_note, staff_statements
from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import codes, verdicts

HEADER = ["Date", "Platform", "Name", "Organization", "Title", "Remarks"]


def _check(*sheets: SheetGrid, name: str = "ZZZ_2026-11.xlsx"):
    return check_workbook(Sheets(Path(name), list(sheets), hidden=[]), CheckOptions())


def _sheet(rows: list[list[object]], name: str = "Sheet1") -> SheetGrid:
    return SheetGrid(name, rows)


def _message(result) -> str:
    (message,) = [f.message for f in result.findings if f.code == "C309"]
    return message


@pytest.mark.parametrize(
    ("title", "remark"),
    [
        ("RMO", "changed post on 1 Nov: now Programme Manager (Labour Mobility)"),
        ("Responsable de la gestion des ressources",
         "a changé de poste le 1/11 : désormais Chargé de programme"),
        ("Oficial de Gestión de Recursos",
         "cambió de puesto el 1/11: ahora Gerente de Programa (Migración Laboral)"),
        ("Oficial de Gestão de Recursos", "mudou de função a 1/11: agora Gestor de Programa"),
    ],
)  # fmt: skip
def test_a_remark_that_the_post_changed_leaves_the_old_title_in_doubt(title, remark):
    rows = [HEADER, ["11/11/2026", "OMT", "I. Juric", "IOM", title, remark],
            ["20/10/2026", "OMT", "I. Juric", "IOM", title, None]]  # fmt: skip
    result = _check(_sheet(rows))
    # 20 Oct is before the change: the title is the person's post then.
    assert verdicts(result) == ["undetermined", "compliant"]
    assert codes(result, "C309") == [("C309", "Sheet1!E2")]
    assert "Sheet1!F2" in _message(result) and title in _message(result)


def test_a_remark_that_the_post_changed_to_the_title_s_post_is_no_doubt():
    rows = [HEADER, ["11/11/2026", "OMT", "I. Juric", "IOM", "RMO",
                     "changed post on 1 Nov: now Resource Management Officer"]]  # fmt: skip
    assert verdicts(_check(_sheet(rows))) == ["compliant"]


@pytest.mark.parametrize(
    ("note", "title"),
    [
        ("Note: the Chief of Mission E. Nagy ended her functions on 30 Nov 2026.",
         "Chief of Mission"),
        ("NB : la Cheffe de mission E. Nagy a terminé ses fonctions le 30/11/2026.",
         "Cheffe de mission"),
        ("Nota: la Jefa de Misión E. Nagy terminó funciones el 30/11/2026.", "Jefa de Misión"),
        ("Nota: a Chefe de Missão E. Nagy terminou funções a 30/11/2026.", "Chefe de Missão"),
    ],
)  # fmt: skip
def test_a_title_after_the_person_s_functions_ended_is_in_doubt(note, title):
    rows = [[note], HEADER, ["03/12/2026", "HCT", "E. Nagy", "IOM", title, None],
            ["25/11/2026", "UNCT", "E. Nagy", "IOM", title, None],
            ["08/12/2026", "SMT", "K. Szabo", "IOM", title, None]]  # fmt: skip
    result = _check(_sheet(rows))
    # Before the end she was the CoM; the note is not about K. Szabo.
    assert verdicts(result) == ["undetermined", "compliant", "compliant"]
    assert codes(result, "C309") == [("C309", "Sheet1!E3")]
    assert "Sheet1!A1" in _message(result)


@pytest.mark.parametrize(
    "note",
    [
        "Note: the Chief of Mission E. Nagy ended her functions on 30/11/2026; until the new "
        "CoM arrives, L. Kiss (Deputy CoM) heads the mission.",
        "NB : la Cheffe de mission E. Nagy a terminé ses fonctions le 30/11/2026 ; L. Kiss "
        "(Chef de mission adjoint) assure la direction de la mission.",
        "Nota: la Jefa de Misión E. Nagy terminó funciones el 30/11/2026; L. Kiss (Jefe Adjunto "
        "de Misión) asume la jefatura.",
        "Nota: a Chefe de Missão E. Nagy terminou funções a 30/11/2026; até à chegada do novo "
        "Chefe de Missão, a chefia da missão é assegurada por L. Kiss (Chefe Adjunto de Missão).",
    ],
)
def test_the_deputy_heading_the_mission_after_the_head_left_is_acting(note):
    rows = [[note], HEADER, ["01/12/2026", "UNCT", "L. Kiss", "IOM", "Deputy CoM", None],
            ["20/11/2026", "HCT", "L. Kiss", "IOM", "Deputy CoM", None]]  # fmt: skip
    result = _check(_sheet(rows))
    assert verdicts(result) == ["compliant", "wrong_level"]
    assert codes(result, "C307") == [("C307", "Sheet1!E3")]


def test_heading_the_mission_from_a_day_is_read_in_each_language():
    for note in ["L. Kiss heads the mission from 1 Dec", "L. Kiss assure la direction à partir du 1/12",
                 "L. Kiss asume la jefatura desde el 1/12", "L. Kiss chefia a missão a partir de 1/12"]:  # fmt: skip
        (statement,) = read_note(note, "A1", 1)
        assert statement.start == (12, 1) and "kiss" in statement.names, note


def test_a_post_note_is_tied_by_the_surname_it_names_only():
    # The post's words are no surname: "Gabinete da Chefia de Missão" in a name cell.
    (statement,) = read_note("a Chefe de Missão E. Nagy terminou funções a 30/11/2026", "A1", 1)
    assert statement.kind == POST and statement.names == {"nagy"} and statement.end == (11, 30)


STAFF = [
    ["IOM – senior staff and posts (HR, updated 1 October 2026)"],
    ["Name", "Current post", "Since", "Previous post / note"],
    ["E. Kowalczyk", "Chief of Mission", "01/03/2022", "until 31 Oct 2026 (reassigned)"],
    ["J. Lewandowski", "Deputy Chief of Mission", dt.datetime(2024, 2, 1),
     "appointed Chief of Mission w.e.f. 1 Nov 2026"],
    ["M. Nowak", "Programme Manager (Labour Mobility)", "01/10/2026", "RMO until 30 Sep 2026"],
    ["A. Wisniewska", "Resource Management Officer", "01/10/2026", "previously Finance Officer"],
]  # fmt: skip


def test_a_staff_list_s_posts_are_read_with_their_periods():
    said = {(s.person, s.post): (s.start, s.start_year, s.end, s.end_year)
            for s in staff_statements("Staff", STAFF, "ABCD".__getitem__)}  # fmt: skip
    assert said == {
        ("E. Kowalczyk", "Chief of Mission"): ((3, 1), 2022, (10, 31), 2026),
        ("J. Lewandowski", "Deputy Chief of Mission"): ((2, 1), 2024, (10, 31), 2026),
        ("J. Lewandowski", "Chief of Mission"): ((11, 1), 2026, None, None),
        ("M. Nowak", "Programme Manager (Labour Mobility)"): ((10, 1), 2026, None, None),
        ("M. Nowak", "RMO"): (None, None, (9, 30), 2026),
        ("A. Wisniewska", "Resource Management Officer"): ((10, 1), 2026, None, None),
    }


@pytest.mark.parametrize(
    ("header", "until"),
    [
        (["Name", "Post", "Since", "Note"], "RMO until 30 Sep 2026"),
        (["Nom", "Poste", "Depuis", "Note"], "RMO jusqu'au 30/09/2026"),
        (["Nombre", "Cargo", "Desde", "Observaciones"], "RMO hasta el 30/09/2026"),
        (["Nome", "Função", "Desde", "Observações"], "RMO até 30/09/2026"),
    ],
)
def test_a_title_a_staff_list_contradicts_on_the_day_is_in_doubt(header, until):
    staff = [header, ["M. Nowak", "Programme Manager", "01/10/2026", until],
             ["J. Lewandowski", "Deputy Chief of Mission", "01/02/2024",
              "Chief of Mission w.e.f. 1 Nov 2026"],
             ["A. Wisniewska", "RMO", "01/10/2026", None]]  # fmt: skip
    roster = [HEADER, ["06/10/2026", "OMT", "M. Nowak", "IOM", "RMO", None],
              ["15/10/2026", "HCT", "J. Lewandowski", "IOM", "Chief of Mission", None],
              ["16/10/2026", "OMT", "A. Wisniewska", "IOM", "RMO", None],
              ["25/09/2026", "OMT", "M. Nowak", "IOM", "RMO", None],
              ["05/11/2026", "UNCT", "J. Lewandowski", "IOM", "Chief of Mission", None]]  # fmt: skip
    result = _check(_sheet(roster, "Attendance"), _sheet(staff, "Staff"))
    by_date = {m.date: str(m.verdict) for m in result.meetings}
    assert by_date == {"2026-10-06": "undetermined", "2026-10-15": "undetermined",
                       "2026-10-16": "compliant", "2026-09-25": "compliant",
                       "2026-11-05": "compliant"}  # fmt: skip
    messages = [f.message for f in result.findings if f.code == "C309"]
    assert any("Staff!B2" in m for m in messages) and any("Staff!B3" in m for m in messages)


def test_a_staff_list_is_tied_only_by_an_unambiguous_name():
    staff = [["Name", "Post", "Since"], ["M. Nowak", "Programme Manager", "01/10/2026"],
             ["K. Nowak", "Driver", "01/01/2020"]]  # fmt: skip
    roster = [HEADER, ["06/10/2026", "OMT", "Nowak", "IOM", "RMO", None],
              ["07/10/2026", "OMT", "P. Nowak", "IOM", "RMO", None],
              ["08/10/2026", "OMT", "M. Nowak", "IOM", "RMO", None]]  # fmt: skip
    result = _check(_sheet(roster, "Attendance"), _sheet(staff, "Staff"))
    # "Nowak" may be either; "P. Nowak" is neither: the list says nothing of them.
    assert verdicts(result) == ["compliant", "compliant", "undetermined"]


def test_an_acting_title_is_not_contradicted_by_the_staff_list_s_own_post():
    staff = [["Name", "Post", "Since"], ["J. Lewandowski", "Deputy Chief of Mission", "01/02/2024"]]
    roster = [HEADER, ["15/10/2026", "HCT", "J. Lewandowski", "IOM", "CoM a.i.", None]]
    assert verdicts(_check(_sheet(roster, "Attendance"), _sheet(staff, "Staff"))) == ["compliant"]


_ENDED = {
    "en": "{name} ended her functions on {day}/{month}/2026",
    "fr": "{name} a terminé ses fonctions le {day}/{month}/2026",
    "es": "{name} terminó funciones el {day}/{month}/2026",
    "pt": "{name} terminou funções a {day}/{month}/2026",
}
_TITLE = st.sampled_from(["Chief of Mission", "Chef de mission", "Jefa de Misión",
                          "Chefe de Missão", "RMO", "Deputy CoM", "CoM a.i.",
                          "Programme Coordinator"])  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    language=st.sampled_from(sorted(_ENDED)),
    day=st.integers(1, 28),
    month=st.integers(9, 12),
    meeting=st.dates(dt.date(2026, 9, 1), dt.date(2026, 12, 31)),
    platform=st.sampled_from(["HCT", "UNCT", "OMT", "PMT"]),
    title=_TITLE,
    who=st.sampled_from(["E. Nagy", "K. Szabo", ""]),
    place=st.sampled_from(["above", "below", "remark"]),
)
def test_a_note_that_a_post_ended_never_makes_a_meeting_compliant(
    language, day, month, meeting, platform, title, who, place
):
    note = _ENDED[language].format(name=who, day=day, month=month).strip()
    row = [meeting.strftime("%d/%m/%Y"), platform, "E. Nagy", "IOM", title, None]
    without = verdicts(_check(_sheet([HEADER, row])))
    if place == "remark":
        rows = [HEADER, [*row[:5], note]]
    elif place == "above":
        rows = [[note], HEADER, row]
    else:
        rows = [HEADER, row, [], [note]]
    with_note = verdicts(_check(_sheet(rows)))
    if with_note == ["compliant"]:
        assert without == ["compliant"]
    if who == "E. Nagy" and meeting > dt.date(2026, month, day):
        assert with_note != ["compliant"]
