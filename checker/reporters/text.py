"""--format text: for a person at a terminal — one header line per file, then the findings
as `Sheet!Cell CODE message`, grouped by meeting."""

from __future__ import annotations

from typing import Any, TextIO

from checker.findings import Report
from checker.reporters import where

_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
_STATUS_COLOUR = {"compliant": "green", "non_compliant": "red", "invalid": "red",
                  "unreadable": "red"}  # fmt: skip


def _style(text: str, color: bool, **kwargs: Any) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kwargs)


def _rate(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate:.1%}"


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    data = report.to_dict()
    for result in data["results"]:
        _file(result, stream, color)
    total = data["summary"]
    stream.write(
        f"{total['files']} file(s): {total['compliant']} compliant, "
        f"{total['non_compliant']} non-compliant, {total['invalid']} invalid, "
        f"{total['unreadable']} unreadable; {total['meetings']} meetings, "
        f"compliance {_rate(total['compliance_rate'])}\n"
    )


def _file(result: dict[str, Any], stream: TextIO, color: bool) -> None:
    summary = result["summary"]
    rows = result["rows"]
    status = _style(result["status"].replace("_", "-"), color,
                    fg=_STATUS_COLOUR[result["status"]], bold=True)  # fmt: skip
    verdicts = ", ".join(
        f"{summary[k]} {k.replace('_', ' ')}"
        for k in ("compliant", "absent", "wrong_level", "undetermined", "not_applicable")
        if summary.get(k)
    )
    # The generic table is the default: name the profile only when one applied.
    name = result.get("profile")
    profile = f", profile {name}" if name and name != "generic" else ""
    stream.write(
        f"{_style(result['path'], color, bold=True)}: mission {result['mission'] or '?'}, "
        f"period {result['period'] or '?'}{profile}, {status}; {summary['meetings']} meetings"
        f"{' (' + verdicts + ')' if verdicts else ''}, compliance {_rate(summary['compliance_rate'])}"
        f"; rows {rows['read']} read, {rows['used']} used, {rows['skipped']} skipped, "
        f"{rows['rejected']} rejected\n"
    )
    meetings = {m["id"]: m for m in result["meetings"]}
    by_meeting: dict[str | None, list[dict[str, Any]]] = {}
    for finding in result["findings"]:
        by_meeting.setdefault(finding["meeting_id"], []).append(finding)
    if None in by_meeting:
        stream.write("  roster:\n")
        for finding in by_meeting.pop(None):
            _finding(finding, stream, color)
    for meeting_id, findings in by_meeting.items():
        meeting = meetings.get(meeting_id or "")
        if meeting is not None:
            place = ", ".join(x for x in (meeting["level"], meeting["location"]) if x)
            label = meeting["label"]
            stream.write(f"  {label} {meeting['date']} ({place}): "
                         f"{meeting['verdict'].replace('_', ' ')}\n")  # fmt: skip
        for finding in findings:
            _finding(finding, stream, color)
    stream.write("\n")


def _finding(finding: dict[str, Any], stream: TextIO, color: bool) -> None:
    code = _style(finding["code"], color, fg=_SEVERITY_COLOUR[finding["severity"]], bold=True)
    cell = where(finding)
    waived = f" [waived: {finding.get('waiver_reason')}]" if finding.get("waived") else ""
    accepted = " [baseline]" if finding.get("baseline") else ""
    stream.write(f"    {cell} {code} {finding['message']}{waived}{accepted}\n")
