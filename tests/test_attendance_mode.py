"""Online meetings IOM's attendee did not get into (field12 CUB, KHM, SYC, VUT): a column
saying HOW someone took part ("Modalidad": Presencial / Virtual) is not the attendance
column, and a remark or cell saying the person could not connect ("no se pudo conectar",
"Connection failed – could not join", "Ligação falhou") means they did not attend; a
connection that dropped ("Joined 10:02 – dropped 10:05") leaves their attendance unknown."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from checker.vocabulary import default_vocabulary
from tests.conftest import verdicts


def _check(rows: list[list[object]]):
    sheets = Sheets(Path("CUB_2026-11.xlsx"), [SheetGrid("Asistencia", rows)], hidden=[])
    return check_workbook(sheets, CheckOptions())


def _table(result) -> dict:
    return result.to_dict()["reading"]["tables"][0]


# (the mode column's header, the CoM's mode, the remark that she could not connect)
_NOT_CONNECTED = [
    ("Mode", "Online", "Connection failed – could not join (network down)"),
    ("In person or online", "Virtual", "Could not connect"),
    ("Modalité", "En ligne", "connexion impossible – n'a pas pu rejoindre la réunion"),
    ("Présentiel / en ligne", "En ligne", "N'a pas pu se connecter"),
    ("Modalidad", "Virtual", "no se pudo conectar (sin conexión en Santiago de Cuba)"),
    ("Modalidad", "Virtual", "No logró conectarse"),
    ("Modalidade", "Virtual", "Ligação falhou – não conseguiu entrar (Teams)"),
    ("Presencial ou virtual", "Virtual", "Sem áudio"),
]


def _rows(header: str, mode: str, remark: str | None) -> list[list[object]]:
    return [["Fecha", "Reunión", "Nombre", "Organización", "Cargo", header, "Observaciones"],
            ["06/11/2026", "SMT", "A. Vega", "UNDSS", "Security Adviser", "In person", None],
            ["06/11/2026", "SMT", "R. Castillo", "IOM", "Chief of Mission", mode, remark],
            ["06/11/2026", "SMT", "C. Díaz", "RCO", "Resident Coordinator", "In person",
             None]]  # fmt: skip


@pytest.mark.parametrize(("header", "mode", "remark"), _NOT_CONNECTED)
def test_a_mode_column_is_not_attendance_and_a_failed_connection_is_absence(header, mode, remark):
    """field12 CUB: "Virtual" under "Modalidad" was read as present and the remark "no se
    pudo conectar" beside it ignored: the SMT was compliant on a CoM who never got in."""
    result = _check(_rows(header, mode, remark))
    assert verdicts(result) == ["absent"]
    table = _table(result)
    assert "presence" not in table["columns"]
    assert {"column": "F", "header": header, "kind": "mode"} in table["ignored_columns"]


@pytest.mark.parametrize("header", ["Mode", "Modalité", "Modalidad", "Modalidade"])
def test_a_mode_column_alone_says_nothing_against_attendance(header):
    """Without a remark, "Virtual" / "En ligne" is how the CoM took part: listed, so there."""
    assert verdicts(_check(_rows(header, "Virtual", None))) == ["compliant"]


@pytest.mark.parametrize("remark", ["Connected", "Connexion OK", "Conectada", "Ligação OK"])
def test_a_remark_that_the_person_connected_leaves_them_present(remark):
    assert verdicts(_check(_rows("Modalidad", "Virtual", remark))) == ["compliant"]


def test_a_mode_column_still_says_absence_when_it_holds_one():
    """field3's "Modalidad" with Presencial / Virtual / Excusado: "Excusado" stays absence."""
    assert verdicts(_check(_rows("Modalidad", "Excusado", None))) == ["absent"]


def test_a_column_of_modes_under_a_header_no_field_names_is_a_mode_column():
    """A column read by its contents: "Presencial" / "Virtual" alone say how, not whether."""
    result = _check(_rows("Formato", "Virtual", "no se pudo conectar"))
    assert verdicts(result) == ["absent"]
    assert {"column": "F", "header": "Formato", "kind": "mode"} in _table(result)["ignored_columns"]


@pytest.mark.parametrize(
    ("present", "mode"),
    [("Present", "Virtual"), ("Présent", "En ligne"), ("Presente", "Virtual"), ("Sim", "Virtual")],
)
def test_a_mode_beside_a_real_attendance_column_leaves_that_column_the_attendance(present, mode):
    rows = [["Date", "Meeting", "Name", "Organization", "Title", "Mode", "Attendance"],
            ["06/11/2026", "SMT", "R. Castillo", "IOM", "Chief of Mission", mode, present],
            ["06/11/2026", "SMT", "C. Díaz", "RCO", "Resident Coordinator", "In person",
             present]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["compliant"]
    assert _table(result)["columns"]["presence"]["header"] == "Attendance"


@pytest.mark.parametrize(
    ("present", "remark", "verdict"),
    [("Present", "Could not connect", "undetermined"),  # the two say different things
     ("Absent", "Could not connect", "absent"),
     ("Ligação falhou – não conseguiu entrar (Teams)", None, "absent"),  # field12 SYC
     ("Connection failed – could not join", None, "absent"),
     ("Could not connect – DCoM attended", None, "undetermined")],  # someone went
)  # fmt: skip
def test_a_failed_connection_in_or_beside_the_attendance_column(present, remark, verdict):
    rows = [["Date", "Meeting", "Name", "Organization", "Title", "Presença", "Notes"],
            ["03/12/2026", "OMT", "F. Dubel", "IOM", "Resource Management Officer", present,
             remark]]  # fmt: skip
    assert verdicts(_check(rows)) == [verdict]


@pytest.mark.parametrize(
    ("note", "verdict"),
    [("Connected 09:58–11:30", "compliant"),
     ("Connection failed – could not join (network down in Siem Reap)", "absent"),  # KHM SMT
     ("Joined 10:02 – dropped 10:05, did not rejoin", "undetermined"),  # KHM OMT
     ("Joined – dropped after 5 minutes", "undetermined"),
     ("Déconnecté après 5 minutes", "undetermined"),
     ("Se desconectó a los 5 minutos", "undetermined"),
     ("Caiu a ligação aos 5 minutos", "undetermined")],
)  # fmt: skip
def test_a_connection_column_no_field_reads(note, verdict):
    """field12 KHM: Teams' attendance with a "Connection" column of notes."""
    rows = [["Date", "Meeting", "Participant", "Agency", "Title", "Connection"],
            ["08/12/2026", "SMT", "V. Sar", "UNDSS", "Security Adviser", "Connected"],
            ["08/12/2026", "SMT", "L. Chea", "IOM", "Chief of Mission", note]]  # fmt: skip
    assert verdicts(_check(rows)) == [verdict]


_FAILED = [w for w in default_vocabulary().words.presence["absent"]
           if any(k in w.lower() for k in ("conn", "conect", "join", "rejoindre", "liga",
                                           "entrar", "audio", "áudio"))]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_FAILED), st.sampled_from(sorted(default_vocabulary().words.attendance_modes)),
       st.sampled_from(["", " (network down)", " – sin conexión", " (Teams)"]))  # fmt: skip
def test_a_failed_connection_beside_any_mode_is_never_attendance(failed, mode, after):
    assert verdicts(_check(_rows("Modalidad", mode, failed + after))) == ["absent"]


@pytest.mark.parametrize(
    ("mode", "remark", "verdict"),
    [("Virtual", "no se pudo conectar", "absent"),  # how she was to attend, and why she did not
     ("En ligne", "connexion impossible", "absent"),
     ("Virtual", None, "compliant"),
     # field7 MEX: excused, but connected for one item: who was there is not known.
     ("Excusado", "se conectó para el punto 2 (presupuesto)", "undetermined")],
)  # fmt: skip
def test_a_mode_column_that_also_says_absence_is_the_attendance_column(mode, remark, verdict):
    """field3 / field7 MEX: a "Modalidad" of Presencial / Virtual / Excusado says whether too."""
    rows = _rows("Modalidad", mode, remark)
    rows.append(["06/11/2026", "SMT", "E. Marín", "UNICEF", "Representative", "Excusado", None])
    result = _check(rows)
    assert verdicts(result) == [verdict]
    assert _table(result)["columns"]["presence"] == {
        "column": "F", "header": "Modalidad", "found_by": "contents"}  # fmt: skip
