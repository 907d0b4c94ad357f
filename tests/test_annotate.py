"""The annotated copy (`roster-check annotate`, `check --format xlsx`): the original is never
touched, comments sit on exactly the flagged cells, the Findings sheet is the JSON findings
one for one, and what the roster's owner put in the workbook survives."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_rosters"
FIXTURES = ROOT / "tests" / "fixtures"
TOOL = "roster-check"


def run(*args: Any) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def json_findings(path: Path, *options: str) -> list[dict[str, Any]]:
    result = run("check", path, "--format", "json", *options)
    findings: list[dict[str, Any]] = json.loads(result.stdout)["results"][0]["findings"]
    return findings


def tool_comments(book: openpyxl.Workbook, skip: tuple[str, ...]) -> set[str]:
    """Cells ("Sheet!G4") carrying a comment written by the checker."""
    return {
        f"{ws.title}!{cell.coordinate}"
        for ws in book.worksheets
        if ws.title not in skip
        for row in ws.iter_rows()
        for cell in row
        if cell.comment is not None and cell.comment.author == TOOL
    }


def flagged_cells(findings: list[dict[str, Any]]) -> set[str]:
    return {f"{f['sheet']}!{f['column']}{f['row']}" for f in findings if f["row"] and f["column"]}


def findings_sheet_rows(path: Path, sheet: str = "Findings") -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(path)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row)) for row in rows[1:] if row[0] is not None]


def build_roster(path: Path) -> None:
    """An unseen roster with what people really put in workbooks: a merged title, a date
    merged down a meeting, fills, comments, a validation list, and a sheet of formulas."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Attendance"
    ws["A1"] = "IOM Testland – coordination meetings, November 2026"
    ws.merge_cells("A1:G1")
    ws.append(["Meeting date", "Platform", "Level", "Attendee name", "Organization",
               "Position title", "Role in meeting"])  # fmt: skip
    rows = [
        [dt.datetime(2026, 11, 3), "HCT", "National", "A. Mensah", "IOM", "Programme Officer",
         "Member"],
        [None, "HCT", "National", "B. Ortiz", "OCHA", "Head of Office", "Chair"],
        [dt.datetime(2026, 11, 5), "OMT", "National", "C. Diallo", "IOM",
         "Resource Management Officer", "Member"],
        [dt.datetime(2026, 11, 9), "Helth Cluster", "National", "D. Kim", "IOM",
         "Programme Officer", "Member"],
        [dt.datetime(2026, 11, 12), "SMT", "National", "E. Haddad", "UNDSS", "Chief Security Adviser",
         "Chair"],
    ]  # fmt: skip
    for row in rows:
        ws.append(row)
    ws.merge_cells("A3:A4")  # the HCT's date, merged down over its two attendees
    for row in range(3, 8):
        ws.cell(row, 1).number_format = "dd mmm yyyy"
    ws["D5"].fill = PatternFill("solid", start_color="FFFF00", end_color="FFFF00")
    ws["D5"].comment = Comment("Confirmed by email", "Field officer")
    ws["F3"].comment = Comment("Acting for the CoM?", "Field officer")
    validation = DataValidation(type="list", formula1='"Member,Observer,Chair"')
    ws.add_data_validation(validation)
    validation.add("G3:G50")
    ws.freeze_panes = "A3"
    ws.column_dimensions["F"].width = 31

    budget = book.create_sheet("Budget")
    budget.append(["Item", "Cost", "Share"])
    budget.append(["Travel", 1234.5, 0.25])
    budget.append(["Venue", 800, 0.75])
    budget.append(["Total", "=SUM(B2:B3)", "=C2+C3"])
    budget["B2"].number_format = "#,##0.00"
    budget["C2"].number_format = "0%"
    budget.merge_cells("A6:C6")
    budget["A6"] = "Figures in USD"
    hidden = book.create_sheet("Lists")
    hidden.append(["HCT"])
    hidden.sheet_state = "hidden"
    book.save(path)


@pytest.fixture(scope="module")
def unseen(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    folder = tmp_path_factory.mktemp("annotate")
    roster = folder / "NER_2026-11.xlsx"
    build_roster(roster)
    before = digest(roster)
    copy = folder / "NER_2026-11_checked.xlsx"
    result = run("annotate", roster, "-o", copy)
    assert result.exit_code == 0, result.output
    return roster, copy, before


def test_original_is_never_modified(unseen: tuple[Path, Path, str]) -> None:
    roster, copy, before = unseen
    assert digest(roster) == before
    assert copy.exists() and digest(copy) != before


def test_comments_sit_on_exactly_the_flagged_cells(unseen: tuple[Path, Path, str]) -> None:
    roster, copy, _ = unseen
    findings = json_findings(roster)
    # A Programme Officer recorded at the HCT: C302 on their title cell.
    assert ("C302", "Attendance!F3") in {(f["code"], f["cell"]) for f in findings}
    book = openpyxl.load_workbook(copy)
    assert tool_comments(book, skip=("Findings", "Summary")) == flagged_cells(findings)
    title_cell = book["Attendance"]["F3"]
    assert title_cell.comment.text.startswith("C302 wrong-level (error)\nHCT on 2026-11-03")
    assert "Acting for the CoM?" in title_cell.comment.text  # the earlier comment is kept
    assert title_cell.fill.fgColor.rgb.endswith("FFC7CE")
    # The unknown platform carries its suggestion.
    platform = book["Attendance"]["B6"].comment.text
    assert "S204" in platform and "Suggestion: Health Cluster" in platform


def test_findings_sheet_matches_the_json_findings(unseen: tuple[Path, Path, str]) -> None:
    roster, copy, _ = unseen
    findings = json_findings(roster)
    rows = findings_sheet_rows(copy)
    assert [(r["Code"], r["Cell"], r["What to fix"]) for r in rows] == [
        (f["code"], f["cell"] or "(whole file)", f["message"]) for f in findings
    ]
    ws = openpyxl.load_workbook(copy)["Findings"]
    links = {ws.cell(r, 5).value: ws.cell(r, 5).hyperlink for r in range(2, ws.max_row + 1)}
    assert links["Attendance!F3"].location == "'Attendance'!F3"
    assert all(link is not None for cell, link in links.items() if "!" in str(cell))


def test_the_owners_workbook_survives(unseen: tuple[Path, Path, str]) -> None:
    roster, copy, _ = unseen
    original = openpyxl.load_workbook(roster)
    annotated = openpyxl.load_workbook(copy)
    assert annotated.sheetnames == ["Findings", "Summary", *original.sheetnames]
    assert annotated["Lists"].sheet_state == "hidden"
    for name in original.sheetnames:
        before, after = original[name], annotated[name]
        assert {str(r) for r in before.merged_cells.ranges} == {
            str(r) for r in after.merged_cells.ranges
        }
        for row in before.iter_rows():
            for cell in row:
                twin = after[cell.coordinate]
                assert twin.value == cell.value, cell.coordinate
                assert twin.number_format == cell.number_format, cell.coordinate
    assert annotated["Budget"]["B4"].value == "=SUM(B2:B3)"
    assert annotated["Budget"]["C2"].number_format == "0%"
    sheet = annotated["Attendance"]
    assert sheet["D5"].fill.fgColor.rgb.endswith("FFFF00")  # the owner's highlight
    assert sheet["D5"].comment.text == "Confirmed by email"
    assert sheet.freeze_panes == "A3"
    assert sheet.column_dimensions["F"].width == 31
    assert [str(v.sqref) for v in sheet.data_validations.dataValidation] == ["G3:G50"]


def test_each_meeting_row_gets_its_result(unseen: tuple[Path, Path, str]) -> None:
    _, copy, _ = unseen
    sheet = openpyxl.load_workbook(copy)["Attendance"]
    assert sheet["H2"].value == "Check result"
    results = {row: sheet.cell(row, 8).value for row in range(3, 8)}
    # Row 6 names an unknown platform: its meeting stays visible, undetermined.
    assert results == {
        3: "Wrong level",
        4: "Wrong level",
        5: "Compliant",
        6: "Undetermined",
        7: "Absent",
    }


def test_summary_gives_mission_period_status_and_counts(unseen: tuple[Path, Path, str]) -> None:
    _, copy, _ = unseen
    ws = openpyxl.load_workbook(copy)["Summary"]
    pairs = {row[0]: row[1:] for row in ws.iter_rows(values_only=True) if row[0]}
    assert pairs["Mission"][0] == "NER"
    assert pairs["Period"][0] == "2026-11"
    assert pairs["Status"][0] == "Non-compliant"
    assert pairs["Compliance rate"][0] == "33.3%"
    assert pairs["Wrong level"][0] == 1 and pairs["Absent"][0] == 1
    assert pairs["HCT"][:2] == (1, 0)  # one HCT meeting, not compliant


def test_checking_the_copy_finds_the_same_problems(unseen: tuple[Path, Path, str]) -> None:
    roster, copy, _ = unseen

    def cells(findings: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
        return [(f["code"], f["cell"]) for f in findings]

    renamed = copy.with_name("NER_2026-11.copy.xlsx")
    renamed.write_bytes(copy.read_bytes())
    assert cells(json_findings(renamed)) == cells(json_findings(roster))


def test_sample_roster_in_french(tmp_path: Path) -> None:
    roster = SAMPLES / "ETH_2026-10.xlsx"
    copy = tmp_path / "ETH_checked.xlsx"
    assert run("annotate", roster, "-o", copy, "--lang", "fr").exit_code == 0
    findings = json_findings(roster, "--lang", "fr")
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames[:2] == ["Problèmes", "Résumé"]
    assert tool_comments(book, skip=("Problèmes", "Résumé")) == flagged_cells(findings)
    rows = findings_sheet_rows(copy, "Problèmes")
    assert [(r["Code"], r["Cellule"], r["Que corriger"]) for r in rows] == [
        (f["code"], f["cell"], f["message"]) for f in findings
    ]
    assert book["Attendance"]["G4"].comment.text.startswith("C302 wrong-level (erreur)")
    assert book["Attendance"]["J3"].value == "Résultat du contrôle"


def test_merged_cells_get_their_comment_on_the_top_left_cell(tmp_path: Path) -> None:
    roster = SAMPLES / "COD_2026-10.xlsx"
    copy = tmp_path / "COD_checked.xlsx"
    assert run("annotate", roster, "-o", copy).exit_code == 0
    findings = json_findings(roster)
    book = openpyxl.load_workbook(copy)
    assert tool_comments(book, skip=("Findings", "Summary")) == flagged_cells(findings)
    merged_platforms = {str(r) for r in book["Présences"].merged_cells.ranges}
    assert "B15:B17" in merged_platforms


def test_macros_of_an_xlsm_are_kept(tmp_path: Path) -> None:
    roster = tmp_path / "NER_2026-11.xlsm"
    build_roster(tmp_path / "plain.xlsx")
    vba = b"\xd0\xcf\x11\xe0 fake VBA project " * 20
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as source, zipfile.ZipFile(roster, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                ).replace(
                    b"<Default ",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                    b"<Default ",
                    1,
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            out.writestr(item, data)
        out.writestr("xl/vbaProject.bin", vba)
    before = digest(roster)

    refused = run("annotate", roster, "-o", tmp_path / "copy.xlsx")
    assert refused.exit_code == 2
    assert "macros" in refused.output and not (tmp_path / "copy.xlsx").exists()

    copy = tmp_path / "copy.xlsm"
    assert run("annotate", roster, "-o", copy).exit_code == 0
    assert digest(roster) == before
    with zipfile.ZipFile(copy) as archive:
        assert archive.read("xl/vbaProject.bin") == vba
        assert b"macroEnabled" in archive.read("[Content_Types].xml")
    book = openpyxl.load_workbook(copy, keep_vba=True)
    assert book.sheetnames[:2] == ["Findings", "Summary"]


@pytest.mark.parametrize("name", ["roster.csv", "roster.ods"])
def test_csv_and_ods_give_a_fresh_xlsx(tmp_path: Path, name: str) -> None:
    roster = FIXTURES / name
    copy = tmp_path / "copy.xlsx"
    assert run("annotate", roster, "-o", copy).exit_code == 0
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames[:2] == ["Findings", "Summary"]
    sheet = book[book.sheetnames[2]]
    assert sheet["A1"].value in ("Meeting date", "Date")
    assert sheet["B2"].value in ("HCT", "ICCG")
    summary = [row[1] for row in book["Summary"].iter_rows(values_only=True) if row[0] == "Note"]
    assert any("copied into a new workbook" in str(text) for text in summary)
    findings = json_findings(roster)
    assert len(findings_sheet_rows(copy)) == len(findings)


def test_csv_text_never_becomes_a_formula(tmp_path: Path) -> None:
    roster = tmp_path / "NER_2026-10.csv"
    roster.write_text(
        "Meeting date,Platform,Attendee name,Organization,Position title,Location\n"
        '2026-10-06,HCT,A. Mensah,IOM,Chief of Mission,"=HYPERLINK(""http://x"",""y"")"\n',
        encoding="utf-8",
    )
    copy = tmp_path / "copy.xlsx"
    assert run("annotate", roster, "-o", copy).exit_code == 0
    cell = openpyxl.load_workbook(copy)["NER_2026-10"]["F2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_unreadable_roster_gives_findings_and_summary_only(tmp_path: Path) -> None:
    copy = tmp_path / "copy.xlsx"
    result = run("annotate", SAMPLES / "broken_roster.xlsx", "-o", copy)
    assert result.exit_code == 0
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames == ["Findings", "Summary"]
    assert [r["Code"] for r in findings_sheet_rows(copy)] == ["E101"]


def test_refuses_to_overwrite_the_roster(tmp_path: Path) -> None:
    roster = tmp_path / "ETH_2026-10.xlsx"
    roster.write_bytes((SAMPLES / "ETH_2026-10.xlsx").read_bytes())
    before = digest(roster)
    result = run("annotate", roster, "-o", roster)
    assert result.exit_code == 2
    assert "never overwritten" in result.output
    assert digest(roster) == before
    relative = run("annotate", roster, "-o", tmp_path / "." / roster.name)
    assert relative.exit_code == 2 and digest(roster) == before


def test_check_format_xlsx(tmp_path: Path) -> None:
    missing = run("check", SAMPLES / "ETH_2026-10.xlsx", "--format", "xlsx")
    assert missing.exit_code == 2 and "--output" in missing.output

    one = tmp_path / "one.xlsx"
    result = run("check", SAMPLES / "ETH_2026-10.xlsx", "--format", "xlsx", "--output", one)
    assert result.exit_code == 1  # the exit status still follows --fail-on
    assert openpyxl.load_workbook(one).sheetnames == ["Findings", "Summary", "Attendance"]

    many = tmp_path / "many.xlsx"
    result = run("check", SAMPLES, "--format", "xlsx", "--output", many)
    report = json.loads(run("check", SAMPLES, "--format", "json").stdout)
    rows = findings_sheet_rows(many)
    assert [(r["File"], r["Code"], r["Cell"]) for r in rows] == [
        (res["path"], f["code"], f["cell"] or "(whole file)")
        for res in report["results"]
        for f in res["findings"]
    ]
    assert openpyxl.load_workbook(many).sheetnames == ["Findings", "Summary"]


def test_output_opens_without_warnings(unseen: tuple[Path, Path, str]) -> None:
    # pytest turns warnings into errors: openpyxl finding anything odd would fail here.
    _, copy, _ = unseen
    book = openpyxl.load_workbook(copy)
    assert book.active.title == "Findings"
    assert [ws.sheet_view.tabSelected for ws in book.worksheets].count(True) == 1
    assert re.fullmatch(r"A1:I\d+", book["Findings"].auto_filter.ref or "")


# ------------------------------------------------------------------ the check beside the copy
# The command checks the roster in a worker process while it loads the copy with openpyxl.


def test_a_check_whose_worker_dies_is_read_again_alone(tmp_path: Path, monkeypatch) -> None:
    from checker import batch, pipeline

    def die(*args: object) -> None:
        os._exit(9)  # what a crash in calamine or the OOM killer looks like

    monkeypatch.setattr(pipeline, "check_in_process", die)  # the worker is forked: it sees it
    monkeypatch.setattr(batch, "_start_method", lambda: batch.multiprocessing.get_context("fork"))
    copy = tmp_path / "copy.xlsx"
    result = run("annotate", SAMPLES / "KEN_2026-10.xlsx", "-o", copy)
    assert result.exit_code == 0, result.output
    assert "status compliant" in result.output  # read again in a fresh process, and judged
    assert "Attendance" in openpyxl.load_workbook(copy).sheetnames


def test_a_profile_that_cannot_be_loaded_stops_the_command(tmp_path: Path) -> None:
    profile = tmp_path / "KEN.yaml"
    profile.write_text("mission: [unclosed\n", encoding="utf-8")
    copy = tmp_path / "copy.xlsx"
    result = run("annotate", SAMPLES / "KEN_2026-10.xlsx", "-o", copy, "--profile", profile)
    assert result.exit_code == 2
    assert str(profile) in result.output and not copy.exists()


def test_only_an_archive_the_checker_accepts_is_loaded_before_the_check(tmp_path: Path) -> None:
    from checker.annotate import load_copy_early
    from checker.reader import MAX_ZIP_RATIO

    assert load_copy_early(SAMPLES / "KEN_2026-10.xlsx") is not None
    assert load_copy_early(FIXTURES / "roster.csv") is None
    assert load_copy_early(FIXTURES / "not_a_spreadsheet.xlsx") is None
    bomb = tmp_path / "bomb.xlsx"  # a sheet that unpacks far past what it weighs
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (MAX_ZIP_RATIO * 2**15))  # 3 MB
    assert load_copy_early(bomb) is None


def test_an_ods_fresh_copy_keeps_its_merges_each_cell_under_one(tmp_path: Path) -> None:
    """An .ods's merged dates are merged in its fresh copy; merges overlapping one already
    drawn (no real file has them; Excel would call the copy corrupt) are left out."""
    from tests.hostile.corpus import _ods

    def cell(text: str, extra: str = "") -> str:
        return (f'<table:table-cell office:value-type="string"{extra}><text:p>{text}</text:p>'
                "</table:table-cell>")  # fmt: skip

    down = ' table:number-rows-spanned="3"'
    rows = ["".join(cell(h) for h in ("Date", "Platform", "Name", "Organization", "Title")),
            cell("2026-10-06", down) + cell("HCT", ' table:number-rows-spanned="4"')
            + "".join(cell(v) for v in ("K. Osei", "IOM", "Chief of Mission")),
            '<table:covered-table-cell table:number-columns-repeated="2"/>'
            + "".join(cell(v) for v in ("A. Sarr", "OCHA", "Head of Office")),
            '<table:covered-table-cell table:number-columns-repeated="2"/>'
            + "".join(cell(v) for v in ("L. Faye", "UNICEF", "Representative"))]  # fmt: skip
    roster = _ods(tmp_path / "GHA_2026-10.ods",
                  "".join(f"<table:table-row>{row}</table:table-row>" for row in rows)
                  + "<table:table-row><table:covered-table-cell/>"  # B5 under B2:B5, and B5:C5
                  + cell("x", ' table:number-rows-spanned="2" table:number-columns-spanned="2"')
                  + "</table:table-row>")  # fmt: skip
    copy = tmp_path / "copy.xlsx"
    assert run("annotate", roster, "-o", copy).exit_code == 0
    sheet = openpyxl.load_workbook(copy)["S"]
    assert sorted(str(r) for r in sheet.merged_cells.ranges) == ["A2:A4", "B2:B5"]
    assert sheet["C4"].value == "L. Faye"
