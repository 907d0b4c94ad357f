"""--format xlsx: the report as an Excel workbook for field staff (needs --output FILE.xlsx).

One roster: its annotated copy (checker/annotate.py): flagged cells filled and commented, a
result column per roster table, a first sheet "Findings" with links, a sheet "Summary".
Several rosters cannot share one copy of their sheets, so the workbook then holds the
Findings sheet (with a File column) and the Summary of all files; `roster-check annotate`
gives each file its own copy.
"""

from __future__ import annotations

from pathlib import Path

from checker.findings import Report

BINARY = True


def write(report: Report, target: Path) -> None:
    from checker.annotate import annotate, findings_workbook

    if len(report.results) == 1:
        result = report.results[0]
        annotate(Path(result.path), target, result, lang=report.lang)
    else:
        findings_workbook(report.results, target, lang=report.lang)
