"""--format csv: one row per finding, for a spreadsheet or a database import.

Columns: path, mission, period, code, rule, severity, sheet, cell, meeting_id, meeting_date,
platform, message, value, suggestion, accepted ("baseline", "waived" or empty). A file with
no findings has no row. Text that a spreadsheet would run as a formula (starting with = + -
@, a tab or a carriage return) is prefixed with an apostrophe: roster cells are typed by
people outside our control and must not become live formulas in whoever opens the report.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from checker.findings import Report
from checker.reporters import accepted

COLUMNS = ("path", "mission", "period", "code", "rule", "severity", "sheet", "cell",
           "meeting_id", "meeting_date", "platform", "message", "value", "suggestion",
           "accepted")  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> str:
    """The cell's text, defused if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for result in report.to_dict()["results"]:
        for finding in result["findings"]:
            row = {**finding, "path": result["path"], "mission": result["mission"],
                   "period": result["period"], "accepted": accepted(finding)}  # fmt: skip
            writer.writerow(neutralise(row[column]) for column in COLUMNS)
