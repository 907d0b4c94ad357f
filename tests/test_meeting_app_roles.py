"""A meeting app's own role column (Microsoft Teams' attendance export: "Role" / "Função"
holding Organizer, Presenter, Attendee) is neither the person's title nor their capacity at
the meeting: beside the officer's own title column it is set aside (S216 says so), and as the
capacity it is not read (no S211 the officer could not fix)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import codes, verdicts


def _check(rows: list[list[object]], name: str = "PRT_2026-11.xlsx"):
    return check_workbook(Sheets(Path(name), [SheetGrid("Sheet1", rows)], hidden=[]),
                          CheckOptions())  # fmt: skip


def _reading(result) -> dict:
    return result.to_dict()["reading"]["tables"][0]


def _messages(result, code: str) -> list[str]:
    return [f.message for f in result.findings if f.code == code]


# (app's column header, title header, organiser, attendee, IOM, CoM, other's title)
TITLE_BESIDE = [
    ("Function", "Position", "Organizer", "Attendee", "IOM", "Chief of Mission",
     "Resident Coordinator"),
    ("Fonction", "Poste", "Organisateur", "Participant", "OIM", "Chef de mission",
     "Coordonnateur résident"),
    ("Función", "Cargo", "Organizador", "Asistente", "OIM", "Jefe de Misión",
     "Coordinadora Residente"),
    ("Função", "Cargo", "Organizador", "Participante", "OIM", "Chefe de Missão",
     "Coordenadora Residente"),
]  # fmt: skip


@pytest.mark.parametrize(("role", "title", "organiser", "attendee", "iom", "com", "other"),
                         TITLE_BESIDE)  # fmt: skip
def test_a_column_of_meeting_app_roles_is_not_the_title_beside_the_officers_own(
    role, title, organiser, attendee, iom, com, other
):
    # field8 PRT: "Função" (Organizador / Participante) came first and was read as the title:
    # 'the title "Participante" is not recognised', the UNCT undetermined instead of compliant.
    rows = [["Date", "Platform", "Name", role, "Organisation", title],
            ["03/11/2026", "UNCT", "R. Sousa", organiser, "RCO", other],
            ["03/11/2026", "UNCT", "J. Ferreira", attendee, iom, com]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["compliant"]
    assert _reading(result)["columns"]["title"] == {"column": "F", "header": title,
                                                    "found_by": "contents"}  # fmt: skip
    assert codes(result, "S216") == [("S216", "Sheet1!F1")]
    (message,) = _messages(result, "S216")
    assert "meeting app" in message and f'"{organiser}"' in message
    assert not codes(result, "S205")


def test_the_officers_title_column_stays_read_though_the_apps_has_more_values():
    # The title left blank on the organiser's row: "the one with more values" would have
    # taken Teams' column.
    rows = [["Date", "Platform", "Name", "Cargo", "Organização", "Função"],
            ["03/11/2026", "UNCT", "R. Sousa", "", "GCR", "Organizador"],
            ["03/11/2026", "UNCT", "J. Ferreira", "Chefe de Missão", "OIM", "Participante"],
            ["03/11/2026", "UNCT", "M. Lima", "Representante", "UNICEF", "Participante"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["compliant"]
    assert _reading(result)["columns"]["title"]["column"] == "D"
    assert "meeting app" in _messages(result, "S216")[0]


def test_two_title_columns_of_real_titles_are_chosen_as_before():
    rows = [["Date", "Platform", "Name", "Função", "Organização", "Cargo"],
            ["03/11/2026", "UNCT", "J. Ferreira", "Chefe de Missão", "OIM", "Chefe de Missão"],
            ["03/11/2026", "UNCT", "M. Lima", "Representante", "UNICEF", "Representante"]]  # fmt: skip
    result = _check(rows)
    assert _reading(result)["columns"]["title"]["column"] == "D"
    assert "the one read comes first" in _messages(result, "S216")[0]


# (capacity header, name, organisation, title, organiser, presenter, attendee)
CAPACITY = [
    ("Role", "Full Name", "Agency", "Title", "Organizer", "Presenter", "Attendee"),
    ("Rôle", "Nom complet", "Agence", "Fonction", "Organisateur", "Présentateur", "Participant"),
    ("Rol", "Nombre completo", "Agencia", "Cargo", "Organizador", "Presentador", "Asistente"),
    ("Papel", "Nome completo", "Organização", "Cargo", "Organizador", "Apresentador",
     "Participante"),
]  # fmt: skip


@pytest.mark.parametrize(("role", "name", "org", "title", "organiser", "presenter", "attendee"),
                         CAPACITY)  # fmt: skip
def test_a_column_of_meeting_app_roles_is_not_the_capacity(
    role, name, org, title, organiser, presenter, attendee
):
    # field8 TZA: Teams' "Role" (Attendee / Presenter) was read as the capacity: S211 'The
    # role in meeting "Attendee" is not Member, Observer or Chair' on every row.
    rows = [["Date", "Platform", name, role, org, title],
            ["04/11/2026", "HCT", "G. Mwangi", organiser, "RCO", "Resident Coordinator"],
            ["04/11/2026", "HCT", "O. Said", attendee, "IOM", "Chief of Mission"],
            ["04/11/2026", "HCT", "A. Mushi", presenter, "IOM", "Programme Officer"]]  # fmt: skip
    result = _check(rows)
    assert not codes(result, "S211")
    assert verdicts(result) == ["compliant"]
    table = _reading(result)
    assert "capacity" not in table["columns"]
    assert {"column": "D", "header": role, "kind": "meeting_app_role"} in table["ignored_columns"]


def test_a_capacity_column_that_says_observer_is_still_read():
    rows = [["Date", "Platform", "Name", "Role", "Agency", "Title"],
            ["04/11/2026", "UNCT", "G. Mwangi", "Participant", "RCO", "Resident Coordinator"],
            ["04/11/2026", "UNCT", "O. Said", "Observer", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(rows)
    assert _reading(result)["columns"]["capacity"]["column"] == "D"
    assert codes(result, "C304")  # the CoM only observed: said


APP_ROLES = ["Organizer", "Organiser", "Co-organizer", "Presenter", "Attendee", "Participant",
             "Organisateur", "Présentateur", "Organizador", "Presentador", "Asistente",
             "Apresentador", "Participante"]  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.sampled_from(["Role", "Rôle", "Rol", "Papel", "Função", "Fonction", "Function"]),
       roles=st.lists(st.sampled_from(APP_ROLES), min_size=3, max_size=3),
       com=st.sampled_from(["Chief of Mission", "Deputy Chief of Mission", "Driver"]))  # fmt: skip
def test_a_meeting_app_role_column_never_changes_a_verdict(header, roles, com):
    base = [["Date", "Platform", "Name", "Agency", "Title"],
            ["04/11/2026", "UNCT", "G. Mwangi", "RCO", "Resident Coordinator"],
            ["04/11/2026", "UNCT", "O. Said", "IOM", com],
            ["04/11/2026", "UNCT", "K. Ruth", "UNHCR", "Representative"]]  # fmt: skip
    with_roles = [[*row[:3], cell, *row[3:]] for row, cell in zip(base, [header, *roles])]
    assert verdicts(_check(with_roles)) == verdicts(_check(base))
    assert not codes(_check(with_roles), "S211")


# (header of Teams' action column, joined, left, role header, attendee role)
JOINED_LEFT = [
    ("User Action", "Joined", "Left", "Role", "Attendee"),
    ("Action de l'utilisateur", "A rejoint", "A quitté", "Rôle", "Participant"),
    ("Acción del usuario", "Se unió", "Salió", "Función", "Asistente"),
    ("Ação do utilizador", "Entrou", "Saiu", "Função", "Participante"),
]  # fmt: skip


@pytest.mark.parametrize(("action", "joined", "left", "role", "attendee"), JOINED_LEFT)
def test_joined_and_left_lines_of_a_meeting_app_export_are_not_duplicates(
    action, joined, left, role, attendee
):
    # field8 TZA / PRT: a Teams export lists a person once per connection (Joined, Left,
    # Joined again): S208 "listed twice … delete one of the rows" on each, which nobody can act on.
    rows = [["Date", "Platform", "Name", action, role, "Organisation", "Title"],
            ["12/11/2026", "UNCT", "A. Mushi", joined, attendee, "IOM", "Chief of Mission"],
            ["12/11/2026", "UNCT", "A. Mushi", left, attendee, "IOM", "Chief of Mission"],
            ["12/11/2026", "UNCT", "A. Mushi", joined, attendee, "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["compliant"]
    assert not codes(result, "S208")


def test_a_person_twice_in_an_ordinary_list_is_still_a_duplicate():
    rows = [["Date", "Platform", "Name", "Organisation", "Title"],
            ["12/11/2026", "UNCT", "A. Mushi", "IOM", "Chief of Mission"],
            ["12/11/2026", "UNCT", "A. Mushi", "IOM", "Chief of Mission"]]  # fmt: skip
    assert codes(_check(rows), "S208")


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
def test_the_advice_on_a_meeting_apps_column_is_not_to_delete_it(lang):
    # S216 said "delete the column that is out of date" of Teams' own "Função" column.
    rows = [["Date", "Platform", "Name", "Função", "Organização", "Cargo"],
            ["03/11/2026", "UNCT", "R. Sousa", "Organizador", "GCR", "Coordenadora Residente"],
            ["03/11/2026", "UNCT", "J. Ferreira", "Participante", "OIM", "Chefe de Missão"]]  # fmt: skip
    result = check_workbook(Sheets(Path("PRT_2026-11.xlsx"), [SheetGrid("Sheet1", rows)],
                                   hidden=[]), CheckOptions(lang=lang))  # fmt: skip
    (finding,) = [f for f in result.findings if f.code == "S216"]
    assert finding.key == "S216:app_roles"
    assert not any(w in finding.message for w in ("out of date", "périmée", "desactualizada",
                                                  "desatualizada"))  # fmt: skip
