"""Tables side by side on one sheet (field4's BGD: national meetings in A–E, sector meetings
in G–K, each with its own title): each is read as a table of its own, and a lone empty
column inside one table does not cut it in two."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.cli import main
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import codes

_ = None  # an empty cell


def _check(rows: list[list[Any]], sheet: str = "Nov"):
    return check_workbook(Sheets(Path("BGD_2026-11.xlsx"), [SheetGrid(sheet, rows)]),
                          CheckOptions())  # fmt: skip


def _tables(result) -> list[dict[str, Any]]:
    return result.to_dict()["reading"]["tables"]


def _meetings(result) -> list[tuple[str, str | None, str, str]]:
    return sorted((m.date, m.platform, m.sector, str(m.verdict)) for m in result.meetings)


def _accounted(result) -> bool:
    rows = result.rows
    return rows.read == rows.used + rows.skipped + rows.rejected


# National meetings in A–E, cluster meetings in G–K with a Sector column and no platform
# column: the title above the right table names its platform.
TWO_TABLES = [
    ["National coordination", _, _, _, _, _, "Sector / cluster meetings", _, _, _, _],
    [_] * 11,
    ["Date", "Meeting", "Name", "Agency", "Title", _, "Date", "Sector", "Name", "Agency", "Title"],
    ["02/11/2026", "HCT", "A. Esoev", "IOM", "Chief of Mission", _,
     "04/11/2026", "Shelter", "N. Jahan", "IOM", "Shelter Programme Officer"],
    ["02/11/2026", "HCT", "G. Lewis", "RCO", "Resident Coordinator", _,
     "04/11/2026", "Shelter", "T. Aziz", "UNHCR", "Shelter Officer"],
    ["09/11/2026", "UNCT", "R. Karim", "IOM", "Senior Programme Manager", _,
     "18/11/2026", "WASH", "K. Uddin", "UNICEF", "WASH Sector Coordinator"],
    ["16/11/2026", "SMT", "M. Hill", "UNDSS", "Chief Security Adviser", _, _, _, _, _, _],
]  # fmt: skip


def test_two_tables_side_by_side_are_read_each_on_its_own():
    result = _check(TWO_TABLES)
    assert _meetings(result) == [
        ("2026-11-02", "HCT", None, "compliant"),
        ("2026-11-04", "CLUSTER", "SHL", "compliant"),
        ("2026-11-09", "UNCT", None, "wrong_level"),
        ("2026-11-16", "SMT", None, "absent"),
        ("2026-11-18", "CLUSTER", "WSH", "absent"),
    ]
    left, right = _tables(result)
    assert (left["block"], left["header_row"], right["block"], right["header_row"]) == (
        "A:E", 3, "G:K", 3)  # fmt: skip
    # The right table's Sector column is its own, not the left one's; nothing is a duplicate.
    assert "sector" not in left["columns"]
    assert right["columns"]["sector"]["column"] == "H"
    assert right["columns"]["platform"] == {"cell": "G1", "from": "title"}
    assert left["ignored_columns"] == right["ignored_columns"] == []
    assert (result.rows.read, result.rows.used) == (7, 7) and _accounted(result)


def test_french_tables_side_by_side_each_with_its_platform_column():
    rows = [
        ["Coordination nationale", _, _, _, _, _, "Coordination sectorielle", _, _, _, _],
        ["Date", "Réunion", "Nom", "Organisation", "Fonction", _,
         "Date", "Réunion", "Nom", "Organisation", "Fonction"],
        ["03/11/2026", "EHP", "A. B.", "OIM", "Chef de mission", _,
         "05/11/2026", "Cluster Santé", "C. D.", "OIM", "Chargé de programme Santé"],
        ["10/11/2026", "UNCT", "E. F.", "UNICEF", "Représentant", _,
         "12/11/2026", "Cluster Abris", "G. H.", "HCR", "Coordonnateur du cluster"],
    ]  # fmt: skip
    result = _check(rows, sheet="Nov")
    assert _meetings(result) == [
        ("2026-11-03", "HCT", None, "compliant"),
        ("2026-11-05", "CLUSTER", "HEA", "compliant"),
        ("2026-11-10", "UNCT", None, "absent"),
        ("2026-11-12", "CLUSTER", "SHL", "absent"),
    ]
    assert [t["block"] for t in _tables(result)] == ["A:E", "G:K"]
    assert _accounted(result) and result.rows.used == 4


def test_a_side_table_that_cannot_be_read_is_a_finding_naming_its_cells():
    """No platform column, and a title that names no meeting: its rows are rejected, and
    S201 says which table (G3:J3), not the sheet's header, lacks the column."""
    rows = [
        ["National coordination", _, _, _, _, _, _, _, _, _],
        [_] * 10,
        ["Date", "Meeting", "Name", "Agency", "Title", _, "Date", "Name", "Agency", "Title"],
        ["02/11/2026", "HCT", "A. B.", "IOM", "Chief of Mission", _,
         "04/11/2026", "C. D.", "IOM", "Health Officer"],
        ["09/11/2026", "UNCT", "E. F.", "UNICEF", "Representative", _,
         "11/11/2026", "G. H.", "WHO", "Health Cluster Coordinator"],
    ]  # fmt: skip
    result = _check(rows)
    assert _meetings(result) == [("2026-11-02", "HCT", None, "compliant"),
                                 ("2026-11-09", "UNCT", None, "absent")]  # fmt: skip
    assert codes(result, "S201") == [("S201", "Nov!G3")]
    message = next(f.message for f in result.findings if f.code == "S201")
    assert "G3:J3" in message and "beside another table" in message
    assert (result.rows.read, result.rows.used, result.rows.rejected) == (4, 2, 2)
    assert _accounted(result)
    assert [t["block"] for t in _tables(result)] == ["A:E", "G:J"]


def test_a_side_table_a_row_lower_is_not_part_of_the_left_one():
    """Its header one row below the left table's: found on its own row, its headers are no
    duplicates of the left table's, and its rows are its own (Spanish headers)."""
    rows = [
        ["Coordinación nacional", _, _, _, _, _, _, _, _, _, _],
        ["Fecha", "Reunión", "Nombre", "Organización", "Cargo", _, _, _, _, _, _],
        ["02/11/2026", "EHP", "A. B.", "OIM", "Jefa de Misión", _,
         "Fecha", "Reunión", "Nombre", "Organización", "Cargo"],
        ["09/11/2026", "UNCT", "C. D.", "UNICEF", "Representante", _,
         "04/11/2026", "Clúster de Salud", "E. F.", "OIM", "Oficial de Salud"],
        [_, _, _, _, _, _, "11/11/2026", "Clúster de Salud", "G. H.", "OMS", "Coordinador"],
    ]  # fmt: skip
    result = _check(rows, sheet="Noviembre")
    left, right = _tables(result)
    assert (left["header_row"], right["header_row"]) == (2, 3)
    assert left["ignored_columns"] == [] and "sector" not in left["columns"]
    assert _meetings(result) == [
        ("2026-11-02", "HCT", None, "compliant"),
        ("2026-11-04", "CLUSTER", "HEA", "compliant"),
        ("2026-11-09", "UNCT", None, "absent"),
        ("2026-11-11", "CLUSTER", "HEA", "absent"),
    ]
    # The left table reads rows 3–4 (row 5 is blank in its columns), the right one rows 4–5.
    assert (result.rows.read, result.rows.used, result.rows.skipped) == (4, 4, 0)
    assert _accounted(result)


# One table with an empty spacer column inside it: never two tables.
ONE_TABLE = {
    "en": ["Date", "Meeting", "Name", "Agency", "Title", "Signature"],
    "fr": ["Date", "Réunion", "Nom", "Organisation", "Fonction", "Émargement"],
    "es": ["Fecha", "Reunión", "Nombre", "Organización", "Cargo", "Firma"],
}
ROWS = {
    "en": [["02/11/2026", "HCT", "A. B.", "IOM", "Chief of Mission", "AB"],
           ["09/11/2026", "UNCT", "C. D.", "IOM", "Programme Officer", "CD"],
           ["09/11/2026", "UNCT", "E. F.", "UNICEF", "Representative", "EF"]],
    "fr": [["02/11/2026", "EHP", "A. B.", "OIM", "Cheffe de mission", "AB"],
           ["09/11/2026", "UNCT", "C. D.", "OIM", "Chargé de programme", "CD"],
           ["09/11/2026", "UNCT", "E. F.", "UNICEF", "Représentant", "EF"]],
    "es": [["02/11/2026", "EHP", "A. B.", "OIM", "Jefa de Misión", "AB"],
           ["09/11/2026", "UNCT", "C. D.", "OIM", "Oficial de Programas", "CD"],
           ["09/11/2026", "UNCT", "E. F.", "UNICEF", "Representante", "EF"]],
}  # fmt: skip


def _with_spacer(rows: list[list[Any]], at: int) -> list[list[Any]]:
    return [[*row[:at], _, *row[at:]] for row in rows]


@settings(max_examples=30, deadline=None)
@given(lang=st.sampled_from(sorted(ONE_TABLE)), at=st.integers(1, 5),
       title=st.booleans())  # fmt: skip
def test_an_empty_spacer_column_inside_one_table_does_not_split_it(lang, at, title):
    """Between Title and Signature, the meeting's columns and the people's, Name and
    Agency…: wherever the empty column is, the table reads as without it."""
    rows = [ONE_TABLE[lang], *ROWS[lang]]
    heading = [["National coordination"], []] if title else []
    plain = _check(heading + rows)
    spaced = _check(heading + _with_spacer(rows, at))
    assert len(_tables(spaced)) == 1 and "block" not in _tables(spaced)[0]
    assert (
        _meetings(spaced)
        == _meetings(plain)
        == [("2026-11-02", "HCT", None, "compliant"), ("2026-11-09", "UNCT", None, "wrong_level")]
    )
    assert _fields(spaced) == _fields(plain)
    assert _row_counts(spaced) == _row_counts(plain)


def _fields(result) -> dict[str, str]:
    """Each field's header (or the cell above the table it came from)."""
    return {name: spec.get("header") or spec["cell"]
            for name, spec in _tables(result)[0]["columns"].items()}  # fmt: skip


def _row_counts(result) -> tuple[int, int, int, int]:
    rows = result.rows
    return rows.read, rows.used, rows.skipped, rows.rejected


def test_a_two_row_header_with_a_spacer_is_one_table():
    """The people's headers a row lower than the meeting's (a group header above them),
    after an empty column: the right part names no name or organisation the left part has,
    so it is more of the same table, read as it is without the spacer."""
    rows = [
        ["Date", "Meeting", "Name", "Affiliation", _],
        [_, _, _, "Agency", "Title"],
        ["02/11/2026", "HCT", "A. B.", "IOM", "Chief of Mission"],
        ["09/11/2026", "UNCT", "E. F.", "UNICEF", "Representative"],
    ]  # fmt: skip
    plain, spaced = _check(rows), _check(_with_spacer(rows, 3))
    assert len(_tables(spaced)) == 1 and "block" not in _tables(spaced)[0]
    assert _fields(spaced) == _fields(plain)
    assert _meetings(spaced) == _meetings(plain)


def test_the_annotated_copy_gives_each_table_its_own_verdict_column(tmp_path):
    """The two tables share their Excel rows: one verdict column after the last would show
    the cluster meeting's "Compliant" beside the UNCT's wrong level."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Nov"
    for row in TWO_TABLES:
        ws.append(row)
    roster, copy = tmp_path / "BGD_2026-11.xlsx", tmp_path / "annotated.xlsx"
    book.save(roster)
    result = CliRunner().invoke(main, ["annotate", str(roster), "-o", str(copy)])
    assert result.exit_code in (0, 1), result.output
    annotated = openpyxl.load_workbook(copy)["Nov"]
    left = [annotated.cell(r, 6).value for r in range(3, 8)]  # F: the empty column between
    right = [annotated.cell(r, 12).value for r in range(3, 8)]  # L: after the right table
    assert left == ["Check result", "Compliant", "Compliant", "Wrong level", "Absent"]
    assert right == ["Check result", "Compliant", "Compliant", "Absent", None]
