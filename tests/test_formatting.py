"""Struck-through rows: a person crossed off the list is never counted as attending."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from checker.api import check_file
from checker.formatting import struck_cells

HEADER = ["Date", "Meeting", "Name", "Organisation", "Position"]


def _roster(path: Path, rows: list[list[object]], struck: dict[int, list[str]]) -> Path:
    """A roster whose listed (Excel) rows have the given columns struck through."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sign-in"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    for number, columns in struck.items():
        for column in columns:
            sheet[f"{column}{number}"].font = Font(strike=True)
    book.save(path)
    return path


def _verdicts(path: Path) -> dict[str, tuple[str, str | None]]:
    return {m.platform: (str(m.verdict), m.reason) for m in check_file(path).meetings}


UNCT = [dt.date(2026, 10, 26), "UNCT", "Nimal Perera", "IOM", "Chief of Mission"]
OTHERS = [dt.date(2026, 10, 26), "UNCT", "Ana Silva", "UNDP", "Resident Representative"]


def test_the_struck_cells_are_read_per_sheet(tmp_path):
    path = _roster(tmp_path / "LKA_2026-10.xlsx", [OTHERS, UNCT], {3: ["C", "D", "E"]})
    with zipfile.ZipFile(path) as archive:
        assert struck_cells(archive) == {"Sign-in": frozenset({(2, 2), (2, 3), (2, 4)})}


def test_a_workbook_without_strikes_costs_nothing(tmp_path):
    path = _roster(tmp_path / "LKA_2026-10.xlsx", [OTHERS, UNCT], {})
    with zipfile.ZipFile(path) as archive:
        assert struck_cells(archive) == {}


def test_a_crossed_off_chief_of_mission_does_not_make_the_meeting_compliant(tmp_path):
    path = _roster(tmp_path / "LKA_2026-10.xlsx", [OTHERS, UNCT], {3: ["C", "D", "E"]})
    verdict, reason = _verdicts(path)["UNCT"]
    assert verdict == "undetermined"
    assert reason is not None and "Sign-in row 3 is struck through" in reason


@pytest.mark.parametrize("column", ["C", "D", "E"])
def test_any_struck_people_cell_crosses_the_row_off(tmp_path, column):
    path = _roster(tmp_path / "LKA_2026-10.xlsx", [OTHERS, UNCT], {3: [column]})
    assert _verdicts(path)["UNCT"][0] == "undetermined"


def test_a_struck_date_or_an_empty_struck_cell_is_no_crossing_off(tmp_path):
    """A corrected date, or strikethrough left on an empty cell, says nothing of the person."""
    row = [dt.date(2026, 10, 26), "UNCT", "Nimal Perera", "IOM", None]
    path = _roster(tmp_path / "LKA_2026-10.xlsx", [OTHERS, UNCT, row], {3: ["A"], 4: ["E"]})
    assert _verdicts(path)["UNCT"][0] == "compliant"


def test_a_crossed_off_row_beside_a_present_chief_of_mission(tmp_path):
    """Someone else crossed off: the Chief of Mission who came still makes it compliant."""
    deputy = [dt.date(2026, 10, 26), "UNCT", "Kamal Silva", "IOM", "Deputy Chief of Mission"]
    path = _roster(tmp_path / "LKA_2026-10.xlsx", [OTHERS, UNCT, deputy], {4: ["C"]})
    assert _verdicts(path)["UNCT"][0] == "compliant"


def test_a_crossed_off_chief_of_mission_beside_a_deputy_is_not_wrong_level(tmp_path):
    """The person in doubt may be the one required: neither compliant nor wrong level."""
    deputy = [dt.date(2026, 10, 26), "UNCT", "Kamal Silva", "IOM", "Deputy Chief of Mission"]
    path = _roster(tmp_path / "LKA_2026-10.xlsx", [OTHERS, deputy, UNCT], {4: ["C", "D", "E"]})
    assert _verdicts(path)["UNCT"][0] == "undetermined"


def test_strike_turned_off_is_no_strike(tmp_path):
    path = _roster(tmp_path / "LKA_2026-10.xlsx", [OTHERS, UNCT], {})
    book = openpyxl.load_workbook(path)
    book.active["C3"].font = Font(strike=False)
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        assert struck_cells(archive) == {}
    assert _verdicts(path)["UNCT"][0] == "compliant"


def test_a_broken_stylesheet_is_no_strike_and_no_crash(tmp_path):
    path = _roster(tmp_path / "LKA_2026-10.xlsx", [OTHERS, UNCT], {3: ["C"]})
    broken = tmp_path / "LKA_2026-11.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/styles.xml":
                data = data.replace(b"<strike", b"<!DOCTYPE x><strike", 1)
            target.writestr(item, data)
    with zipfile.ZipFile(broken) as archive:
        assert struck_cells(archive) == {}


def _coloured_roster(path: Path, legend: str | None, fill: str = "FFFF0000") -> Path:
    from openpyxl.styles import PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(HEADER)
    sheet.append(OTHERS)
    sheet.append(UNCT)
    for column in "ABCDE":
        sheet[f"{column}1"].fill = PatternFill("solid", fgColor="FFD9E1F2")  # a header colour
        sheet[f"{column}3"].fill = PatternFill("solid", fgColor=fill)
    if legend is not None:
        sheet.append([])
        sheet.append([legend])
    book.save(path)
    return path


@pytest.mark.parametrize("legend", ["Legend: rows in red = did not attend",
                                    "En rouge : personnes absentes", "Resaltado = ausente"])  # fmt: skip
def test_a_row_coloured_under_a_legend_of_absence_is_not_counted_as_attending(tmp_path, legend):
    """Round 4's SOM: the CoM's row is red, and a note under the table says red = absent."""
    verdict, reason = _verdicts(_coloured_roster(tmp_path / "SOM_2026-10.xlsx", legend))["UNCT"]
    assert verdict == "undetermined"
    assert reason is not None and "Data row 3 is coloured" in reason and legend in reason


@pytest.mark.parametrize("legend", [None, "Legend: red = chair of the meeting"])
def test_colour_without_a_legend_of_absence_says_nothing(tmp_path, legend):
    path = _coloured_roster(tmp_path / "SOM_2026-10.xlsx", legend)
    assert _verdicts(path)["UNCT"][0] == "compliant"


def test_a_white_fill_is_no_colour(tmp_path):
    path = _coloured_roster(tmp_path / "SOM_2026-10.xlsx", "Red = absent", fill="FFFFFFFF")
    assert _verdicts(path)["UNCT"][0] == "compliant"
