"""How a file was read: every sheet accounted for, each table's layout and column mapping,
and the evidence for whose people a table lists — in the result, never a silent guess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import codes, verdicts
from tests.profile_helpers import run


def _check(*sheets: SheetGrid, hidden: list[str] | None = None, name: str = "NER_2026-10.xlsx"):
    return check_workbook(Sheets(Path(name), list(sheets), hidden=hidden or []),
                          CheckOptions())  # fmt: skip


def _reading(result):
    return result.to_dict()["reading"]


LOG = [["Date", "Platform", "Name", "Title"], ["05/10/2026", "HCT", "A. B.", "Chief of Mission"],
       ["06/10/2026", "OMT", "C. D.", "Representative"]]  # fmt: skip


def test_a_list_without_organisations_and_without_evidence_judges_nobody():
    result = _check(SheetGrid("Sheet1", LOG))
    assert verdicts(result) == ["undetermined", "undetermined"]
    assert codes(result, "S213") == [("S213", "Sheet1!C1")]
    assert result.status == "non_compliant"  # never "compliant" on meetings nobody judged
    table = _reading(result)["tables"][0]
    assert table["affiliation"]["reading"] == "unknown"


def test_a_log_is_iom_s_on_evidence_and_says_which():
    named = [["IOM Niger – representation log"], *LOG]
    result = _check(SheetGrid("Sheet1", named))
    assert verdicts(result) == ["compliant", "undetermined"]  # "Representative": not IOM's
    evidence = _reading(result)["tables"][0]["affiliation"]["evidence"]
    assert evidence == [{"kind": "title", "detail": "IOM Niger – representation log"}]


def test_titles_are_no_evidence_of_an_iom_log():
    """An HCT's sign-in sheet without an organisation column, where every title is one IOM
    uses too (found by test_no_false_compliant): WFP's Country Director and OCHA's Head of
    Office must not make IOM's log, nor the HCT compliant."""
    rows = [["Date", "Platform", "Name", "Title"],
            ["05/10/2026", "HCT", "A. B.", "Country Director"],
            ["05/10/2026", "HCT", "C. D.", "Head of Office"],
            ["06/10/2026", "OMT", "E. F.", "Resource Management Officer"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert verdicts(result) == ["undetermined", "undetermined"]
    assert _reading(result)["tables"][0]["affiliation"] == {
        "reading": "unknown", "evidence": [], "against": []}  # fmt: skip


def test_other_agencies_e_mails_split_the_evidence():
    rows = [["Date", "Platform", "IOM representative", "Title", "Email"],
            ["05/10/2026", "HCT", "A. B.", "Chief of Mission", "ab@unicef.org"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert verdicts(result) == ["undetermined"]
    assert _reading(result)["tables"][0]["affiliation"]["reading"] == "split"
    assert "unicef.org" in next(f.message for f in result.findings if f.code == "S213")


def test_a_column_of_organisations_is_the_organisation_column_whatever_its_header():
    rows = [["Date", "Platform", "Name", "Who / from where", "Title"],
            ["05/10/2026", "HCT", "A. B.", "UNICEF", "Representative"],
            ["05/10/2026", "HCT", "C. D.", "WFP", "Country Director"],
            ["05/10/2026", "HCT", "E. F.", "OCHA", "Head of Office"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert verdicts(result) == ["absent"]  # WFP's Country Director is not IOM's CoM
    column = _reading(result)["tables"][0]["columns"]["organization"]
    assert column == {"column": "D", "header": "Who / from where", "found_by": "contents"}


def test_remarks_that_start_with_an_organisation_are_not_the_organisation_column():
    """Round 3's NPL: a Remarks column of "IOM: CCCM cluster coordinator (S. Gurung)" was
    taken for the organisation column, and every row became IOM's or nobody's. A cell is an
    organisation when it names one, with at most a place after it — not when a remark starts
    with one."""
    rows = [["Date", "Platform", "Name", "Title", "Remarks"],
            ["05/10/2026", "HCT", "A. B.", "Representative", "IOM: CCCM cluster coordinator"],
            ["05/10/2026", "HCT", "C. D.", "Country Director", "IOM represented by the PO"],
            ["05/10/2026", "HCT", "E. F.", "Head of Office", "UNICEF asked for the minutes"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    table = _reading(result)["tables"][0]
    assert "organization" not in table["columns"]
    assert verdicts(result) == ["undetermined"]  # nobody's affiliation is known: not absent


def test_an_organisation_with_its_office_is_still_an_organisation():
    rows = [["Date", "Platform", "Name", "From", "Title"],
            ["05/10/2026", "HCT", "A. B.", "IOM Sub-Office Gambella", "Chief of Mission"],
            ["05/10/2026", "HCT", "C. D.", "UNICEF Gambella", "Representative"],
            ["05/10/2026", "HCT", "E. F.", "WFP", "Country Director"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert _reading(result)["tables"][0]["columns"]["organization"]["column"] == "D"
    assert verdicts(result) == ["compliant"]


def test_every_sheet_has_a_status():
    roster = [["Date", "Platform", "Name", "Organization", "Title"],
              ["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission"]]  # fmt: skip
    names_only = [["Name", "Organization"], ["A. B.", "IOM"], ["C. D.", "UNICEF"]]
    result = _check(SheetGrid("Roster", roster), SheetGrid("Notes", [["Call Fatima"]]),
                    SheetGrid("Names", names_only), SheetGrid("Empty", [[""]]),
                    hidden=["Lists"])  # fmt: skip
    sheets = {s["name"]: (s["status"], s.get("reason")) for s in _reading(result)["sheets"]}
    assert sheets == {
        "Roster": ("attendance_list", None), "Notes": ("ignored", "no_header"),
        "Names": ("ignored", "incomplete"), "Empty": ("ignored", "empty"),
        "Lists": ("hidden", None),
    }  # fmt: skip
    # A sheet that looks like a roster but was not read is a finding, not silence.
    assert codes(result, "S214") == [("S214", "Names!1:1")]


def test_a_sign_in_sheet_takes_its_meeting_from_the_heading_and_its_year_from_the_period():
    sheet = [["Humanitarian Country Team meeting – 3 June"], ["Venue: OCHA, Niamey"], [""],
             ["No.", "Name", "Agency", "Position", "Signature"],
             [1, "A. B.", "IOM", "Chief of Mission a.i.", ""], [2, "C. D.", "UNICEF", "Rep", ""],
             [3, "", "", "", ""], [4, "", "", "", ""]]  # fmt: skip
    result = _check(SheetGrid("HCT", sheet), name="NER_2026-06.xlsx")
    assert [(m.date, m.platform, m.location, str(m.verdict)) for m in result.meetings] == [
        ("2026-06-03", "HCT", "OCHA, Niamey", "compliant")
    ]
    assert (result.rows.read, result.rows.used, result.rows.skipped) == (4, 2, 2)
    table = _reading(result)["tables"][0]
    assert table["layout"] == "sign_in"
    assert table["columns"]["platform"] == {"cell": "A1", "from": "title"}


def test_a_wide_tracker_gives_a_meeting_per_month_cell():
    sheet = [["IOM Niger – who represented IOM"],
             ["Platform", "Jan", "Feb", "Mar"],
             ["HCT", "A. B. (CoM)", "No IOM", "Cancelled"],
             ["OMT", "C. D. (RMO)", "", "E. F. (Finance Assistant)"]]  # fmt: skip
    result = _check(SheetGrid("2026", sheet), name="NER_2026.xlsx")
    got = [(m.date, m.platform, str(m.verdict)) for m in result.meetings]
    assert sorted(got) == [
        ("2026-01", "HCT", "compliant"), ("2026-01", "OMT", "compliant"),
        ("2026-02", "HCT", "absent"), ("2026-02", "OMT", "absent"),
        ("2026-03", "OMT", "wrong_level"),
    ]  # fmt: skip
    rows = result.rows
    assert rows.read == rows.used + rows.skipped + rows.rejected == 6  # a record per cell


def test_hxl_hashtags_name_the_columns_and_are_not_data():
    rows = [["Fecha", "Reunión", "Persona", "Entidad", "Puesto"],
            ["#date", "#meeting+type", "#contact+name", "#org", "#contact+title"],
            ["05/10/2026", "HCT", "A. B.", "OIM", "Jefa de Misión"]]  # fmt: skip
    result = _check(SheetGrid("Datos", rows))
    assert verdicts(result) == ["compliant"]
    assert not result.findings
    assert _reading(result)["tables"][0]["layout"] == "hxl"


def test_a_meeting_whose_rows_were_all_rejected_stays_visible():
    rows = [["Date", "Platform", "Name", "Organization", "Title"],
            ["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission"],
            ["06/10/2026", "Humanitarian Coutnry Team", "A. B.", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert [(m.platform, str(m.verdict)) for m in result.meetings] == [
        ("HCT", "compliant"), ("UNKNOWN", "undetermined")
    ]  # fmt: skip
    assert result.meetings[1].reason
    assert result.to_dict()["summary"]["compliance_rate"] == 1.0


def test_e103_names_the_headers_it_saw_and_what_each_might_be(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Dte", "Meetng", "Participant", "Agencyy"])
    ws.append(["05/10/2026", "HCT", "A. B.", "IOM"])
    wb.save(tmp_path / "NER_2026-10.xlsx")
    result = run("check", tmp_path / "NER_2026-10.xlsx", "--format", "json")
    finding = json.loads(result.stdout)["results"][0]["findings"][0]
    assert finding["code"] == "E103"
    assert '"Dte" (→ date?)' in finding["message"] and "row 1" in finding["message"]


def test_text_output_says_how_each_table_was_read(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Attendance"
    ws.append(["Date", "Meeting", "Name", "Org./Agency", "Position / Title"])
    ws.append(["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission"])
    wb.save(tmp_path / "NER_2026-10.xlsx")
    out = run("check", tmp_path / "NER_2026-10.xlsx").stdout
    assert "Attendance: attendance list, header row 1; date=A, platform=B" in out


@pytest.mark.parametrize("total", ["Total participants:", "Total des participants", "Total de "
                                   "participantes", "TOTAL", "Total"])  # fmt: skip
def test_a_totals_row_under_the_table_is_not_a_meeting(total):
    """Round 5's IRQ: "Total participants: | | | 14" became a meeting dated "Total
    participants:" (S203, S202)."""
    rows = [["Date", "Platform", "Name", "Organization", "Title"],
            ["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission"],
            [total, "", 14, "", ""]]  # fmt: skip
    result = _check(SheetGrid("Attendance", rows))
    assert verdicts(result) == ["compliant"]
    assert codes(result, "S20") == []
    assert result.rows.skipped == 1


def test_a_totals_row_of_a_csv_file_has_its_counts_as_text():
    rows = [["Date", "Platform", "Name", "Organization", "Title"],
            ["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission"],
            ["Total des participants :", "", "14", "", ""]]  # fmt: skip
    result = _check(SheetGrid("Présences", rows))
    assert verdicts(result) == ["compliant"] and codes(result, "S20") == []


def test_a_row_that_starts_with_total_but_names_someone_is_data():
    rows = [["Date", "Platform", "Name", "Organization", "Title"],
            ["Total", "HCT", "A. B.", "IOM", "Chief of Mission"]]  # fmt: skip
    assert codes(_check(SheetGrid("Attendance", rows)), "S203") == [("S203", "Attendance!A2")]


def test_a_totals_row_with_counts_under_tick_columns_is_not_a_meeting():
    """Round 5's ZMB: "TOTAL | 10 | 3" under the Name…Present columns got two S202."""
    rows = [["Date", "Platform", "Name", "Organization", "Title", "Present", "Apologies"],
            ["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission", "X", ""],
            ["", "", "", "", "TOTAL", 10, 3]]  # fmt: skip
    result = _check(SheetGrid("Attendance", rows))
    assert verdicts(result) == ["compliant"] and codes(result, "S20") == []
