"""--format text: for a person at a terminal — one header line per file, then the findings
as `Sheet!Cell CODE message`, grouped by meeting. Words come from the message catalogue of
the report's language (`--lang`)."""

from __future__ import annotations

from typing import Any, TextIO

from checker.findings import Report
from checker.messages import Catalogue, catalogue
from checker.reporters import printable

_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
_STATUS_COLOUR = {"compliant": "green", "non_compliant": "red", "invalid": "red",
                  "unreadable": "red"}  # fmt: skip
_VERDICTS = ("compliant", "absent", "wrong_level", "undetermined", "not_applicable")


def _style(text: str, color: bool, **kwargs: Any) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kwargs)


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    data = report.to_dict()
    words = catalogue(data.get("lang", "en"))
    for result in data["results"]:
        _file(result, stream, color, words)
    total = data["summary"]
    line = words.text("report", "total_line", files=total["files"],
                      compliant=total["compliant"], non_compliant=total["non_compliant"],
                      invalid=total["invalid"], unreadable=total["unreadable"],
                      meetings=total["meetings"], rate=words.rate(total["compliance_rate"]))  # fmt: skip
    stream.write(line + "\n")


def _file(result: dict[str, Any], stream: TextIO, color: bool, words: Catalogue) -> None:
    summary = result["summary"]
    rows = result["rows"]
    status = _style(words.name("statuses", result["status"]), color,
                    fg=_STATUS_COLOUR[result["status"]], bold=True)  # fmt: skip
    verdicts = ", ".join(
        words.text("report", "verdict_count", count=summary[k], verdict=words.name("verdicts", k))
        for k in _VERDICTS
        if summary.get(k)
    )
    # The generic table is the default: name the profile only when one applied.
    name = result.get("profile")
    profile = words.text("report", "profile", name=name) if name and name != "generic" else ""
    line = words.text(
        "report", "file_line", path=_style(printable(result["path"]), color, bold=True),
        mission=printable(result["mission"] or "?"), period=printable(result["period"] or "?"),
        profile=printable(profile),
        status=status, meetings=summary["meetings"],
        verdicts=f" ({verdicts})" if verdicts else "", rate=words.rate(summary["compliance_rate"]),
        read=rows["read"], used=rows["used"], skipped=rows["skipped"], rejected=rows["rejected"],
    )  # fmt: skip
    stream.write(line + "\n")
    meetings = {m["id"]: m for m in result["meetings"]}
    by_meeting: dict[str | None, list[dict[str, Any]]] = {}
    for finding in result["findings"]:
        by_meeting.setdefault(finding["meeting_id"], []).append(finding)
    if None in by_meeting:
        stream.write(f"  {words.text('report', 'roster')}\n")
        for finding in by_meeting.pop(None):
            _finding(finding, stream, color, words)
    for meeting_id, findings in by_meeting.items():
        meeting = meetings.get(meeting_id or "")
        if meeting is not None:
            level = words.name("levels", meeting["level"])
            where = printable(", ".join(x for x in (level, meeting["location"]) if x))
            line = words.text("report", "meeting_line", label=printable(meeting["label"]),
                              date=printable(meeting["date"]), where=where,
                              verdict=words.name("verdicts", meeting["verdict"]))  # fmt: skip
            stream.write(f"  {line}\n")
        for finding in findings:
            _finding(finding, stream, color, words)
    stream.write("\n")


def _finding(finding: dict[str, Any], stream: TextIO, color: bool, words: Catalogue) -> None:
    code = _style(finding["code"], color, fg=_SEVERITY_COLOUR[finding["severity"]], bold=True)
    cell = printable(finding["cell"] or finding["sheet"] or words.text("report", "file"))
    waived = (
        words.text("report", "waived", reason=printable(finding.get("waiver_reason")))
        if finding.get("waived")
        else ""
    )
    accepted = words.text("report", "baseline") if finding.get("baseline") else ""
    stream.write(f"    {cell} {code} {printable(finding['message'])}{waived}{accepted}\n")
