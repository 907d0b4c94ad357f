"""Acting periods stated in a note of the sheet (checker.acting), held against each row's
date: field10 BWA ('CoM a.i.' on 24 Nov after a note's 1–14 Nov) and field8 MAR ('Cheffe de
mission adjointe' on 26 Nov with 'a.i. since 15 Nov')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.acting import read_note, sheet_statements
from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import codes, verdicts

HEADER = ["Date", "Platform", "Name", "Organization", "Title", "Remarks"]


def _check(rows: list[list[object]], name: str = "BWA_2026-11.xlsx"):
    return check_workbook(Sheets(Path(name), [SheetGrid("Sheet1", rows)], hidden=[]),
                          CheckOptions())  # fmt: skip


def _messages(result, code: str) -> list[str]:
    return [f.message for f in result.findings if f.code == code]


@pytest.mark.parametrize(
    ("note", "start", "end"),
    [
        ("K. Mosweu (Deputy CoM) was CoM a.i. 1–14 Nov while T. Kgosi was on leave", (11, 1),
         (11, 14)),
        ("A. Diallo Chef de mission a.i. du 1er au 14 novembre", (11, 1), (11, 14)),
        ("R. Benali Cheffe de mission a.i. à partir du 15/11", (11, 15), None),
        ("M. Pérez Jefa de Misión a.i. desde el 15/11", (11, 15), None),
        ("L. Costa Chefe de Missão interina a partir de 15/11", (11, 15), None),
        ("a.i. since 15 Nov", (11, 15), None),
        ("Jefe de Misión a.i. (hasta el 15 nov)", None, (11, 15)),
    ],
)  # fmt: skip
def test_a_note_s_acting_period_is_read_in_each_language(note, start, end):
    (statement,) = read_note(note, "A1", 1)
    assert (statement.start, statement.end, statement.back) == (start, end, False)


@pytest.mark.parametrize(
    "note",
    ["T. Kgosi back in office from 16 Nov", "T. Kgosi de retour à partir du 16/11",
     "T. Kgosi de regreso desde el 16 de noviembre", "T. Kgosi de volta a partir de 16/11",
     "T. Kgosi returned to the office on 16 Nov, resumed duties from 16/11"],
)  # fmt: skip
def test_a_return_is_read_in_each_language(note):
    (statement,) = read_note(note, "A1", 1)
    assert statement.back and statement.start == (11, 16) and "kgosi" in statement.subject


def test_a_sheet_s_notes_are_found_at_their_cells():
    # Rows of any width, blank rows, a letter that lower() makes two ('İ'), numbers, None.
    cells = [["İSTANBUL", 3.0, None], [], ["Date", "Name"], ["05/11/2026", "K. Mosweu", "x"],
             [None, None, "K. Mosweu was CoM a.i. 1–14 Nov"], ["a.i. since 15 Nov"]]  # fmt: skip
    letter = "ABC".__getitem__
    found = sheet_statements(cells, letter, data_rows={4, 5})
    assert [(s.cell, s.row, s.column, s.in_row) for s in found] == [
        ("C5", 5, 2, True), ("A6", 6, 0, False)]  # fmt: skip
    assert sheet_statements([["Chief of Mission", "12/11/2026"]], letter, set()) == ()


def test_a_note_without_acting_word_or_date_says_nothing():
    assert read_note("K. Martin quitte le pays le 14/11", "A1", 1) == ()
    # IOM's programmes of return are no one coming back to the office.
    assert read_note("Assisted voluntary returns since 1 Nov", "A1", 1) == ()
    assert read_note("Programa de regreso voluntario desde el 1/11", "A1", 1) == ()
    assert read_note("Aide au programme de retour volontaire depuis le 1/11", "A1", 1) == ()
    assert read_note("Prepared by: L. Ramotswa, Admin Assistant", "A1", 1) == ()


@pytest.mark.parametrize(
    ("date", "note", "title"),
    [
        ("24/11/2026", "K. Mosweu (Deputy CoM) was CoM a.i. 1–14 Nov; T. Kgosi back in office "
         "from 16 Nov.", "CoM a.i."),
        ("24/11/2026", "Note : K. Mosweu Chef de mission a.i. du 1er au 14 novembre",
         "Chef de mission a.i."),
        ("10/11/2026", "Nota: K. Mosweu Jefa de Misión a.i. desde el 15/11", "Jefa de Misión a.i."),
        ("10/11/2026", "Nota: K. Mosweu Chefe de Missão interina a partir de 15/11",
         "Chefe de Missão interina"),
    ],
)  # fmt: skip
def test_an_acting_title_outside_the_note_s_period_is_undetermined(date, note, title):
    rows = [["IOM – representation log"], HEADER,
            [date, "HCT", "K. Mosweu", "IOM", title, None], [], [note]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["undetermined"]
    assert codes(result, "C3") == [("C309", "Sheet1!E3")]
    (message,) = _messages(result, "C309")
    assert "Sheet1!A5" in message and title in message


def test_an_acting_title_inside_the_note_s_period_stays_compliant():
    rows = [HEADER, ["10/11/2026", "HCT", "K. Mosweu", "IOM", "CoM a.i.", None], [],
            ["K. Mosweu (Deputy CoM) was CoM a.i. 1–14 Nov; T. Kgosi back in office from 16 Nov."]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["compliant"]
    assert codes(result, "C3") == [("C307", "Sheet1!E2")]


def test_a_note_about_someone_else_leaves_the_acting_title_alone():
    rows = [HEADER, ["24/11/2026", "HCT", "P. Sebego", "IOM", "CoM a.i.", None], [],
            ["K. Mosweu was CoM a.i. 1–14 Nov"]]  # fmt: skip
    assert verdicts(_check(rows)) == ["compliant"]


def test_another_row_s_remark_is_that_row_s_only():
    # field7 CHL: a title "Jefe de Misión a.i. (hasta el 15 nov)" is its own row's.
    rows = [HEADER, ["10/11/2026", "SMT", "M. Rojas", "IOM", "Jefe de Misión a.i.", None],
            ["20/11/2026", "UNCT", "P. Soto", "IOM", "Jefe de Misión", "a.i. hasta el 15 nov"]]  # fmt: skip
    assert verdicts(_check(rows)) == ["compliant", "compliant"]


@pytest.mark.parametrize(
    ("note", "title", "remark"),
    [
        ("NB : R. Benali Cheffe de mission a.i. à partir du 15/11", "Cheffe de mission adjointe",
         None),
        (None, "Cheffe de mission adjointe", "a.i. since 15 Nov"),
        ("Nota: R. Benali Jefa de Misión a.i. desde el 15/11", "Jefa de Misión Adjunta", None),
        (None, "Chefe de Missão Adjunta", "interina a partir de 15/11"),
        ("R. Benali (Deputy CoM) was CoM a.i. 20–30 Nov", "Deputy Chief of Mission", None),
    ],
)  # fmt: skip
def test_a_deputy_inside_their_stated_acting_period_is_acting(note, title, remark):
    rows = [[note], HEADER, ["05/11/2026", "SMT", "R. Benali", "IOM", title, None],
            ["26/11/2026", "UNCT", "R. Benali", "IOM", title, remark]]  # fmt: skip
    result = _check(rows, name="MAR_2026-11.xlsx")
    assert verdicts(result) == ["wrong_level", "compliant"]
    assert codes(result, "C3") == [("C302", "Sheet1!E3"), ("C307", "Sheet1!E4")]
    (message,) = _messages(result, "C307")
    assert ("Sheet1!A1" if note else "Sheet1!F4") in message


def test_a_note_naming_nobody_makes_only_the_only_deputy_acting():
    note = [["Deputy CoM a.i. from 15 Nov"]]
    one = [*note, HEADER, ["26/11/2026", "UNCT", "R. Benali", "IOM", "Deputy CoM", None]]
    assert verdicts(_check(one)) == ["compliant"]
    # Two deputies: whose period it is cannot be told, nor the level (never compliant).
    two = [*one, ["27/11/2026", "HCT", "S. Idrissi", "IOM", "Deputy CoM", None]]
    result = _check(two)
    assert verdicts(result) == ["undetermined", "undetermined"]
    assert codes(result, "C3") == [("C309", "Sheet1!E3"), ("C309", "Sheet1!E4")]
    assert all("cannot be tied" in m for m in _messages(result, "C309"))


@pytest.mark.parametrize(
    "note",
    ["Note: R. Benali was CoM a.i. during K. Martin's home leave",
     "NB : R. Benali Cheffe de mission par intérim pendant le congé de K. Martin",
     "Nota: R. Benali Jefa de Misión interina durante la licencia de K. Martin"],
)  # fmt: skip
def test_a_deputy_s_acting_note_without_dates_leaves_the_level_in_doubt(note):
    rows = [[note], HEADER, ["26/11/2026", "UNCT", "R. Benali", "IOM", "Deputy CoM", None]]
    result = _check(rows)
    assert verdicts(result) == ["undetermined"]
    (message,) = _messages(result, "C309")
    assert "Sheet1!A1" in message and "dates cannot be read" in message


_NOTES = {
    "en": "{name} was CoM a.i. {a}–{b} Nov",
    "fr": "{name} Chef de mission a.i. du {a} au {b} novembre",
    "es": "{name} Jefe de Misión a.i. del {a} al {b} de noviembre",
    "pt": "{name} Chefe de Missão interino de {a}/11 a {b}/11",
}
_TITLES = {"en": "CoM a.i.", "fr": "Chef de mission a.i.", "es": "Jefe de Misión a.i.",
           "pt": "Chefe de Missão interino"}  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    language=st.sampled_from(sorted(_NOTES)),
    a=st.integers(1, 30),
    length=st.integers(0, 29),
    day=st.integers(1, 30),
    place=st.sampled_from(["above", "below", "remark"]),
    named=st.booleans(),
)
def test_an_acting_title_outside_a_note_s_period_is_never_compliant(
    language, a, length, day, place, named
):
    b = min(a + length, 30)
    if a <= day <= b:
        day = b + 1 if b < 30 else a - 1
    if not 1 <= day <= 30:
        return  # the period is the whole month
    name = "K. Mosweu" if named else ""
    note = _NOTES[language].format(name=name, a=a, b=b).strip()
    date = dt.date(2026, 11, day).strftime("%d/%m/%Y")
    row = [date, "HCT", "K. Mosweu", "IOM", _TITLES[language], note if place == "remark" else None]
    rows = [HEADER, row]
    if place == "above":
        rows = [[note], *rows]
    elif place == "below":
        rows = [*rows, [], [note]]
    assert verdicts(_check(rows)) != ["compliant"]
