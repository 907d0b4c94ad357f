"""--format text: for a person at a terminal — one header line per file, then the findings
as `Sheet!Cell CODE message`, grouped by meeting. Words come from the message catalogue of
the report's language (`--lang`)."""

from __future__ import annotations

from typing import Any, TextIO

from checker.findings import Each, Report, ResultStream
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
    render_results(ResultStream.of_report(report), stream, color)


def render_results(results: ResultStream, stream: TextIO, color: bool = False) -> None:
    words = catalogue(results.lang)
    waived = undetermined = 0
    for result in results.dicts(lists=Each):
        _file(result, stream, color, words)
        waived += result["summary"]["waived"]
        undetermined += result["summary"]["undetermined"]
    total = results.summary()
    line = words.text("report", "total_line", files=total["files"],
                      compliant=total["compliant"], non_compliant=total["non_compliant"],
                      invalid=total["invalid"], unreadable=total["unreadable"],
                      meetings=total["meetings"], waivers=waivers(waived, words),
                      rate=_rate(total["compliance_rate"], undetermined, words))  # fmt: skip
    stream.write(line + "\n")


def _rate(rate: float | None, undetermined: int, words: Catalogue) -> str:
    """The compliance rate, and how many meetings it leaves out as undetermined: "100.0%" of
    one judged meeting beside four undetermined must not read as a clean bill."""
    text = words.rate(rate)
    if undetermined:
        text += words.text("report", "rate_unjudged", n=undetermined)
    return text


def _file(result: dict[str, Any], stream: TextIO, color: bool, words: Catalogue) -> None:
    summary = result["summary"]
    rows = result["rows"]
    status = _style(words.name("statuses", result["status"]), color,
                    fg=_STATUS_COLOUR[result["status"]], bold=True)  # fmt: skip
    verdicts = ", ".join(
        words.text("report", f"count_{k}", n=summary[k]) for k in _VERDICTS if summary.get(k)
    )
    # Which table judged the file, and from which file: never silently the generic one.
    name, path = result.get("profile"), result.get("profile_path")
    if path:
        profile = words.text("report", "profile_file", name=name, path=path)
    elif name == "generic":
        profile = words.text("report", "generic_table")
    else:  # no profile for a file that could not be read, or a result without profile_path
        profile = words.text("report", "profile", name=name) if name else ""
    path = printable(result["path"])
    # A file named ":…" would start the line with "::", which a CI log reads as a command.
    path = f"./{path}" if path.startswith(":") else path
    line = words.text(
        "report", "file_line", path=_style(path, color, bold=True),
        mission=printable(result["mission"] or "?"), period=printable(result["period"] or "?"),
        profile=printable(profile),
        status=status, meetings=summary["meetings"],
        verdicts=f" ({verdicts})" if verdicts else "",
        rate=_rate(summary["compliance_rate"], summary["undetermined"], words),
        waivers=waivers(summary["waived"], words),
        read=rows["read"], used=rows["used"], skipped=rows["skipped"], rejected=rows["rejected"],
    )  # fmt: skip
    stream.write(line + "\n")
    for reading_line in reading_lines(result, words):
        stream.write(f"  {printable(reading_line)}\n")
    # Meetings and findings by position, each dict made as it is written (a result's lists
    # may be Each): a tall roster's 200,000 meetings are never all held as dicts.
    meetings, findings = result["meetings"], result["findings"]
    meeting_at = {m["id"]: at for at, m in enumerate(meetings)}
    by_meeting: dict[str | None, list[int]] = {}
    for at, finding in enumerate(findings):
        by_meeting.setdefault(finding["meeting_id"], []).append(at)
    if None in by_meeting:
        stream.write(f"  {words.text('report', 'roster')}\n")
        for at in by_meeting.pop(None):
            _finding(findings[at], stream, color, words)
    for meeting in meetings:  # undetermined without a finding of its own: say why
        if meeting.get("reason") and meeting["id"] not in by_meeting:
            by_meeting[meeting["id"]] = []
    for meeting_id, found in by_meeting.items():
        place = meeting_at.get(meeting_id or "")
        if place is not None:
            meeting = meetings[place]
            level = words.name("levels", meeting["level"])
            where = printable(", ".join(x for x in (level, meeting["location"]) if x))
            line = words.text("report", "meeting_line", label=printable(meeting["label"]),
                              date=printable(meeting["date"]), where=where,
                              verdict=words.name("verdicts", meeting["verdict"]))  # fmt: skip
            reason = f" — {printable(meeting['reason'])}" if meeting.get("reason") else ""
            stream.write(f"  {line}{reason}\n")
        for at in found:
            _finding(findings[at], stream, color, words)
    stream.write("\n")


def waivers(waived: int, words: Catalogue) -> str:
    """ ", 1 waived by the profile": an absence counted above that a waiver accepts, and the
    reason the rate does not count it (nothing when no meeting is waived)."""
    return words.text("report", "waivers", n=waived) if waived else ""


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


def reading_lines(result: dict[str, Any], words: Catalogue) -> list[str]:
    """How the file was read, a short line per table ("Attendance: attendance list, header
    row 3; date=A, platform=B, organization=F (by its contents)"), then the sheets not read."""
    reading = result.get("reading") or {}
    lines = []
    for table in reading.get("tables", []):
        mapping = ", ".join(
            words.phrase("reading_calendar_date", field=words.name("fields", name),
                         sheet=spec["sheet"], row=spec["row"])
            if spec.get("from") == "calendar" else
            words.phrase("reading_date_elsewhere", field=words.name("fields", name),
                         cell=f"{spec['sheet']}!{spec['cell']}", line=spec["line"])
            if spec.get("from") == "other_sheet" else
            f"{words.name('fields', name)}={spec.get('column') or spec.get('cell') or words.phrase('reading_sheet_name')}"
            + (f" ({words.phrase('found_' + spec['found_by'])})"
               if spec.get("found_by") not in (None, "header") else "")
            for name, spec in table["columns"].items()
        )  # fmt: skip
        months = (f", {len(table['months'])} {words.phrase('reading_months')}"
                  if table.get("months") else "")  # fmt: skip
        if days := table.get("days"):  # a tracker's columns are days: say whose month
            months = f", {len(table['months'])} {words.phrase('reading_days')}, " + (
                words.phrase("reading_month_banner", cell=days["cell"], banner=days["banner"])
                if days["month_from"] == "banner" else words.phrase("reading_month_period"))  # fmt: skip
        sheet = f"{table['sheet']} ({table['block']})" if table.get("block") else table["sheet"]
        hidden = [  # what the sheet hides: said, since the officer may not see it
            words.phrase("reading_hidden_rows", n=table["hidden_rows"]) if table.get("hidden_rows")
            else "",
            words.phrase("reading_filtered_rows", n=table["filtered_rows"])
            if table.get("filtered_rows") else "",
            words.phrase("reading_unsure_rows", n=table["unsure_rows"])
            if table.get("unsure_rows") else "",
            words.phrase("reading_folded_rows", n=table["folded_rows"])
            if table.get("folded_rows") else "",
            words.phrase("reading_unread_formats",
                         ranges=", ".join(table["unread_conditional_formats"]))
            if table.get("unread_conditional_formats") else "",
            words.phrase("reading_hidden_columns", columns=", ".join(table["hidden_columns"]))
            if table.get("hidden_columns") else "",
            words.phrase("reading_no_meeting_blanks", n=len(table["no_meeting_blanks"]))
            if table.get("no_meeting_blanks") else "",
        ]  # fmt: skip
        lines.append(words.phrase("reading_table", sheet=sheet,
                                  layout=words.phrase("layout_" + table["layout"]),
                                  row=table["header_row"], months=months, mapping=mapping)
                     + "".join(f"; {said}" for said in hidden if said))  # fmt: skip

    def why(sheet: dict[str, Any]) -> str:
        missing = words.phrase("list_and").join(words.name("fields", f)
                                                for f in sheet.get("missing", ()))  # fmt: skip
        return words.phrase("sheet_" + (sheet.get("reason") or sheet["status"]), missing=missing)

    lines += [words.phrase("reading_calendar_line", sheet=sheet["name"], n=len(sheet["dates_for"]))
              for sheet in reading.get("sheets", []) if sheet["status"] == "calendar"]  # fmt: skip
    unread = [f"{sheet['name']} ({why(sheet)})" for sheet in reading.get("sheets", [])
              if sheet["status"] in ("ignored", "hidden")]  # fmt: skip
    if unread:
        lines.append(words.phrase("reading_not_read_line", sheets="; ".join(unread)))
    if (reading.get("period") or {}).get("from") == "dates":
        lines.append(words.phrase("reading_period_from_dates", period=reading["period"]["value"]))
    return lines
