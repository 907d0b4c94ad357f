"""--format markdown: for pull-request comments, wikis and GitHub's job summary.

A table with one row per file (status, meetings by verdict, compliance, findings), then for
each file with findings a collapsible section listing them. Cells are escaped so that a
roster's text can neither break the table nor inject HTML or links into the page.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

from checker.findings import Report
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
    stream.write(summary(report.to_dict()))


def summary(data: dict[str, Any]) -> str:
    total = data["summary"]
    words = catalogue(data.get("lang", "en"))
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
    for result in data["results"]:
        s = result["summary"]
        kept = sum(1 for f in result["findings"] if accepted(f))
        lines.append(
            f"| {cell(result['path'])} | {cell(result['mission'] or '?')} "
            f"| {cell(result['period'] or '?')} | {_status(result['status'], words)} "
            f"| {s['meetings']} "
            f"| {s['compliant']} | {s['absent']} | {s['wrong_level']} | {s['undetermined']} "
            f"| {s.get('not_applicable', 0)} | {rate(s['compliance_rate'])} | {s['errors']} "
            f"| {s['warnings']} | {kept} |"
        )
    for result in data["results"]:
        if result["findings"]:
            lines += ["", *_findings(result, words)]
    return "\n".join(lines) + "\n"


def _row(cells: Any) -> str:
    return "| " + " | ".join(cells) + " |"


def _status(status: str, words: Catalogue) -> str:
    return f"{STATUS.get(status, '')} {words.name('statuses', status)}".strip()


def _findings(result: dict[str, Any], words: Catalogue) -> list[str]:
    meetings = {m["id"]: m for m in result["meetings"]}
    heading = words.text("outputs", "md_findings", path=html(result["path"]),
                         n=len(result["findings"]))  # fmt: skip
    lines = [
        f"<details><summary>{heading}</summary>",
        "",
        _row(cell(c) for c in words.lookup("outputs", "md_finding_columns")),
        "|---|---|---|---|---|",
    ]
    for finding in result["findings"]:
        meeting = meetings.get(finding["meeting_id"] or "")
        label = f"{meeting['label']} {meeting['date']}" if meeting else ""
        status = accepted(finding)
        severity = words.name("severities", finding["severity"])
        if status:
            severity += f" ({words.text('outputs', 'accepted_' + status)})"
        lines.append(
            f"| {cell(where(finding, words))} | {finding['code']} {cell(finding['rule'])} "
            f"| {severity} | {cell(label)} | {cell(finding['message'])} |"
        )
    lines += ["", "</details>"]
    return lines
