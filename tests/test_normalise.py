"""Layouts people really use: titles above the header, merged cells, notes, several sheets."""

from __future__ import annotations

from pathlib import Path

from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid, Workbook
from tests.conftest import codes, roster, verdicts

HEADER = ["Date", "Platform", "Name", "Organization", "Title"]


def test_header_below_titles_and_columns_in_any_order():
    result = roster(
        [["IOM", "Chief of Mission", "HCT", "05/10/2026", "K. Osei"]],
        header=["Agency", "Position", "Meeting", "Fecha", "Participant"],
        title_rows=3,
    )
    assert verdicts(result) == ["compliant"]
    assert result.meetings[0].iom_attendees[0].row == 5


def test_merged_date_and_platform_are_filled_down_and_reported_once():
    rows = [["bad date", "HCT", "A", "UNICEF", "Rep"], ["", "", "B", "IOM", "Chief of Mission"],
            ["", "", "C", "WFP", "Rep"]]  # fmt: skip
    # Excel rows 2-4 merged in columns A and B (0-based rows 1..3).
    result = roster(rows, header=HEADER, merged=[(1, 0, 3, 0), (1, 1, 3, 1)])
    assert codes(result) == [("S203", "Roster!A2")]
    assert result.rows.rejected == 3


def test_merged_cells_make_one_meeting():
    rows = [["05/10/2026", "HCT", "A", "UNICEF", "Rep"], ["", "", "B", "IOM", "Chief of Mission"]]
    result = roster(rows, header=HEADER, merged=[(1, 0, 2, 0), (1, 1, 2, 1)])
    assert verdicts(result) == ["compliant"]
    assert result.rows.used == 2


def test_blank_and_note_rows_are_skipped_and_counted():
    rows = [["05/10/2026", "HCT", "B", "IOM", "Chief of Mission"], ["", "", "", "", ""],
            ["06/10/2026", "OMT", "R", "IOM", "RMO"], ["Prepared by: M&E unit", "", "", "", ""],
            ["", "", "", "", ""]]  # fmt: skip
    result = roster(rows, header=HEADER)
    assert (result.rows.read, result.rows.used, result.rows.skipped) == (4, 2, 2)
    assert verdicts(result) == ["compliant", "compliant"]


def test_rows_with_problems_point_at_their_cells():
    rows = [["", "HCT", "A", "IOM", "Chief of Mission"], ["05/10/2026", "", "A", "IOM", "CoM"],
            ["05/10/2026", "Humanitarain Country Team", "A", "IOM", "CoM"],
            ["07/10/2026", "HCT", "A", "IOM", ""]]  # fmt: skip
    result = roster(rows, header=HEADER)
    assert codes(result) == [("S202", "Roster!A2"), ("S202", "Roster!B3"), ("S202", "Roster!E5"),
                             ("S204", "Roster!B4")]  # fmt: skip
    suggestion = next(f.suggestion for f in result.findings if f.code == "S204")
    assert suggestion == "Humanitarian Country Team"
    # The meeting with a blank title is judged undetermined; the three rows that could not
    # be read stay visible as meetings of their own, undetermined with the reason.
    assert verdicts(result) == ["undetermined"] * 4
    assert [m.reason is not None for m in result.meetings] == [True] * 4
    assert result.rows.rejected == 3


def test_missing_title_column_is_one_s201_and_meetings_undetermined():
    result = roster([["05/10/2026", "HCT", "A", "IOM"]], header=HEADER[:4])
    assert codes(result) == [("S201", None)]
    assert verdicts(result) == ["undetermined"]


def test_several_sheets_and_lists_sheet():
    roster_sheet = [HEADER, ["05/10/2026", "HCT", "A", "IOM", "Chief of Mission"]]
    second = [["Subnational meetings"], HEADER, ["06/10/2026", "OMT", "B", "IOM", "RMO"]]
    lists = [["Platform", "Title"], ["HCT", "Chief of Mission"], ["OMT", "RMO"]]
    workbook = Workbook(Path("NER_2026-10.xlsx"), [
        SheetGrid("National", roster_sheet), SheetGrid("Lists", lists), SheetGrid("Sub", second),
    ])  # fmt: skip
    result = check_workbook(workbook, CheckOptions())
    assert result.sheets == ("National", "Sub")
    assert verdicts(result) == ["compliant", "compliant"]
    assert (result.mission, result.period) == ("NER", "2026-10")


def test_duplicate_person_in_a_meeting_is_a_warning():
    rows = [["05/10/2026", "HCT", "K. Osei", "IOM", "Chief of Mission"],
            ["05/10/2026", "HCT", "k. osei ", "IOM", "Chief of Mission"]]  # fmt: skip
    result = roster(rows, header=HEADER)
    assert codes(result) == [("S208", "Roster!C3")]
    assert result.status == "compliant"


def test_out_of_period_dates_are_warned():
    result = roster([["05/09/2026", "HCT", "A", "IOM", "Chief of Mission"]], header=HEADER)
    assert codes(result) == [("S207", "Roster!A2")]


def test_unknown_mission_and_period_are_s210():
    result = roster([["05/10/2026", "HCT", "A", "IOM", "CoM"]], header=HEADER, mission=None,
                    period=None)  # fmt: skip
    assert result.period == "2026-10"  # from the dates
    assert codes(result) == [("S210", None)]


def test_an_unknown_platform_naming_a_known_acronym_suggests_it():
    """BOL (field5): the S204 message listed UNCT as known beside a cell that says UNCT."""
    rows = [["05/10/2026", "Equipo Humanitario (UNCT)", "A", "OIM", "Jefe de Misión"],
            ["06/10/2026", "Equipo de País (UNCT)", "A", "OIM", "Jefe de Misión"]]  # fmt: skip
    result = roster(rows, header=["Fecha", "Reunión", "Nombre", "Organización", "Cargo"])
    s204 = [f for f in result.findings if f.code == "S204"]
    assert [(f.cell, f.suggestion) for f in s204] == [("Roster!B2", "UNCT")]
    assert '"UNCT"' in s204[0].message
    assert sorted(m.platform for m in result.meetings) == ["UNCT", "UNKNOWN"]
