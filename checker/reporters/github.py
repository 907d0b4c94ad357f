"""--format github: GitHub Actions workflow commands, one annotation per finding.

    ::error file=rosters/ETH_2026-10.xlsx,title=C302 wrong-level::Attendance!G4: HCT on ...

error → ::error, warning → ::warning, info → ::notice. Findings accepted by a waiver or the
baseline are not annotated (they are counted in the last line). When $GITHUB_STEP_SUMMARY
is set, the Markdown report (--format markdown) is appended to it, so the job's summary
page shows the table.
"""

from __future__ import annotations

import os
from typing import Any, TextIO

from checker.findings import Each, Report, ResultStream
from checker.messages import Catalogue, catalogue
from checker.reporters import accepted, markdown, printable, where

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF would end or corrupt the command; other
    control characters (ESC…) are shown as escapes rather than sent to the log viewer."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text)


def escape_property(text: str) -> str:
    """A property value (file=, title=): also , and : which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    # Each result and finding made into its dict as it is written, never the whole report.
    results = ResultStream.of_report(report)
    words = catalogue(results.lang)
    quiet = 0
    for result in results.dicts(lists=Each):
        for finding in result["findings"]:
            if accepted(finding):
                quiet += 1
                continue
            stream.write(_annotation(result, finding, words))
    total = results.summary()
    line = words.text("outputs", "github_total", files=total["files"],
                      compliant=total["compliant"], non_compliant=total["non_compliant"],
                      invalid=total["invalid"], unreadable=total["unreadable"], accepted=quiet)  # fmt: skip
    stream.write(line + "\n")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as summary:
            markdown.write(results, summary)


def _annotation(result: dict[str, Any], finding: dict[str, Any], words: Catalogue) -> str:
    properties = {"file": result["path"].replace(os.sep, "/"),
                  "title": f"{finding['code']} {finding['rule']}"}  # fmt: skip
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = f"{where(finding, words)}: {finding['message']}"
    return f"::{COMMAND[finding['severity']]} {props}::{escape_data(message)}\n"
