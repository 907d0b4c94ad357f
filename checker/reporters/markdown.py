"""--format markdown: for pull-request comments, wikis and GitHub's job summary.

A table with one row per file (status, meetings by verdict, compliance, findings), then for
each file with findings a collapsible section listing them. Cells are escaped so that a
roster's text can neither break the table nor inject HTML or links into the page.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any, TextIO

from checker.findings import Each, Report, ResultStream
from checker.messages import Catalogue, catalogue
from checker.reporters import accepted, where

_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
STATUS = {"compliant": "✅", "non_compliant": "❌", "invalid": "⚠️", "unreadable": "⛔"}


def html(value: object) -> str:
    """Text safe inside HTML (the <summary> lines, where Markdown is not read)."""
    text = _CONTROL.sub("\ufffd", "" if value is None else str(value))
    for raw, safe in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        text = text.replace(raw, safe)
    return " ".join(text.split())  # a newline would end the table row or the summary


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell: no HTML, links, code or emphasis from a roster."""
    text = html(value)
    for raw in "\\|[]`*_":
        text = text.replace(raw, "\\" + raw)
    return text


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    write(ResultStream.of_report(report), stream)


def summary(data: dict[str, Any]) -> str:
    """The report of `data` (Report.to_dict()) as one text."""
    out = io.StringIO()
    write(ResultStream.of(data), out)
    return out.getvalue()


def write(results: ResultStream, stream: TextIO) -> None:
    """The report, a line at a time: a result's findings are made into dicts as their rows
    are written, never the whole report as dicts nor as one text (a 200,000-row roster full
    of findings). The results are read twice (the table, then the findings): a report's,
    not a run's as they come."""
    total = results.summary()
    words = catalogue(results.lang)
    rate = words.rate
    headline = words.text("outputs", "md_total", files=total["files"],
                          compliant=total["compliant"], non_compliant=total["non_compliant"],
                          invalid=total["invalid"], unreadable=total["unreadable"],
                          meetings=total["meetings"], rate=rate(total["compliance_rate"]))  # fmt: skip
    lines = [
        "## roster-check",
        "",
        headline,
        "",
        _row(cell(c) for c in words.lookup("outputs", "md_columns")),
        "|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    stream.writelines(line + "\n" for line in lines)
    for result in results.dicts(lists=Each):
        s = result["summary"]
        kept = sum(1 for f in result["findings"] if accepted(f))
        stream.write(
            f"| {cell(result['path'])} | {cell(result['mission'] or '?')} "
            f"| {cell(result['period'] or '?')} | {_status(result['status'], words)} "
            f"| {s['meetings']} "
            f"| {s['compliant']} | {s['absent']} | {s['wrong_level']} | {s['undetermined']} "
            f"| {s.get('not_applicable', 0)} | {rate(s['compliance_rate'])} | {s['errors']} "
            f"| {s['warnings']} | {kept} |\n"
        )
    for result in results.dicts(lists=Each):
        if len(result["findings"]):
            stream.write("\n")
            stream.writelines(line + "\n" for line in _findings(result, words))


def _row(cells: Any) -> str:
    return "| " + " | ".join(cells) + " |"


def _status(status: str, words: Catalogue) -> str:
    return f"{STATUS.get(status, '')} {words.name('statuses', status)}".strip()


def _findings(result: dict[str, Any], words: Catalogue) -> Iterator[str]:
    # Meetings by position: with Each, a meeting's dict is made when a finding names it.
    meetings = result["meetings"]
    meeting_at = {m["id"]: at for at, m in enumerate(meetings)}
    heading = words.text("outputs", "md_findings", path=html(result["path"]),
                         n=len(result["findings"]))  # fmt: skip
    yield f"<details><summary>{heading}</summary>"
    yield ""
    yield _row(cell(c) for c in words.lookup("outputs", "md_finding_columns"))
    yield "|---|---|---|---|---|"
    for finding in result["findings"]:
        place = meeting_at.get(finding["meeting_id"] or "")
        meeting = meetings[place] if place is not None else None
        label = f"{meeting['label']} {meeting['date']}" if meeting else ""
        status = accepted(finding)
        severity = words.name("severities", finding["severity"])
        if status:
            severity += f" ({words.text('outputs', 'accepted_' + status)})"
        yield (
            f"| {cell(where(finding, words))} | {finding['code']} {cell(finding['rule'])} "
            f"| {severity} | {cell(label)} | {cell(finding['message'])} |"
        )
    yield ""
    yield "</details>"
