"""--format csv: one row per finding, for a spreadsheet or a database import.

Columns: path, mission, period, code, rule, severity, sheet, cell, meeting_id, meeting_date,
platform, message, value, suggestion, accepted ("baseline", "waived" or empty). A file with
no findings has no row. Every field is quoted. Text that a spreadsheet would run as a formula (starting
with = + - @, a tab or a carriage return) is prefixed with an apostrophe, and so is such a
start after any , ; or tab inside a field: opened with another separator (French and Spanish
Excel split on ;), or by a tool that ignores quotes, each piece becomes a cell of its own.
Roster cells are typed by people outside our control and must not become live formulas in
whoever opens the report. Control characters and newlines are written as escapes (\\n).
"""

from __future__ import annotations

import csv
import re
from typing import Any, TextIO

from checker.findings import Each, Report, ResultStream
from checker.reporters import accepted, printable

COLUMNS = ("path", "mission", "period", "code", "rule", "severity", "sheet", "cell",
           "meeting_id", "meeting_date", "platform", "message", "value", "suggestion",
           "accepted")  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A formula starting after a separator a spreadsheet might split on (spaces, and quotes a
# tool that ignores quoting keeps, allowed between).
_CONTROL = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_INNER_FORMULA = re.compile(r'([,;\t][ "\u00a0]*)(?=[=+\-@])')


def neutralise(value: Any) -> str:
    """The cell's text, defused if a spreadsheet would read it, or a piece of it, as a
    formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) or text.lstrip(' "\u00a0').startswith(FORMULA_START[:4]):
        text = "'" + text
    text = _INNER_FORMULA.sub(r"\1'", text)
    # A tab is data a quoted CSV field carries; newlines and other controls are escaped, so
    # that no line of the file can start with text from a roster (a CI log showing the file
    # would run "::error …" as a workflow command) and no sequence reaches a terminal.
    return _CONTROL.sub(lambda m: printable(m.group()), text)


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    render_results(ResultStream.of_report(report), stream)


def render_results(results: ResultStream, stream: TextIO, color: bool = False) -> None:
    writer = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    for result in results.dicts(lists=Each):  # a finding's dict made as its row is written
        for finding in result["findings"]:
            row = {**finding, "path": result["path"], "mission": result["mission"],
                   "period": result["period"], "accepted": accepted(finding)}  # fmt: skip
            writer.writerow(neutralise(row[column]) for column in COLUMNS)
