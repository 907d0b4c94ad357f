"""A page to forward: per mission, this month's verdicts, the change since last month, the
meetings missed or at the wrong level with who attended, and what to do next.

Two versions of the same text: HTML ready to paste into an e-mail (inline styles, tables, no
script, no image, no link to anything) and plain text. No mail server is involved.
"""

from __future__ import annotations

from markupsafe import escape

from checker.report.aggregate import Figures, MeetingEntry, Summary
from checker.report.words import Words

_CELL = "border:1px solid #d6d6d6;padding:4px 8px;text-align:left;vertical-align:top"
_HEAD = _CELL + ";background:#f4f6fa;font-weight:600"


def _month_of(summary: Summary, mission: str) -> str | None:
    """The latest month of the range with a usable roster of this mission."""
    months = [m for (k, m) in summary.mission_months if k == mission and m in summary.months]
    return max(months) if months else None


def _verdict_line(f: Figures, month: str, w: Words) -> str:
    parts = [w.t("email_count", n=getattr(f, v), verdict=w.verdict(v))
             for v in ("compliant", "absent", "wrong_level", "undetermined", "not_applicable",
                       "waived") if getattr(f, v)]  # fmt: skip
    return w.t("email_verdicts", month=w.month(month).capitalize(), n=f.meetings,
               list=w.join(parts), rate=w.percent(f.compliance_rate, 1),
               compliant=f.compliant, assessed=f.assessed)  # fmt: skip


# Wrong-level findings whose remedy is not "send the required role": each has an
# `action_<CODE>` sentence in checker/report/messages; the first one present wins.
SPECIAL_ACTIONS = ("C308", "C304", "C305", "C303")


def _actions(
    summary: Summary, mission: str, month: str | None, failing: list[MeetingEntry], w: Words
) -> list[str]:  # fmt: skip
    from checker.messages import catalogue

    roles = catalogue(w.lang)
    out = []
    seen: set[tuple[str, str]] = set()
    for e in failing:
        if (e.label, e.verdict) in seen:
            continue
        seen.add((e.label, e.verdict))
        key = "action_absent" if e.verdict == "absent" else "action_wrong_level"
        codes = {f.get("code") for f in e.findings if not f.get("waived")}
        special = next((c for c in SPECIAL_ACTIONS if c in codes), None)
        if e.verdict == "wrong_level" and special is not None:
            role = roles.name("roles", e.required[0], e.required[0]) if len(e.required) == 1 \
                else w.t("iom")  # fmt: skip
            out.append(w.t("action_" + special, label=e.label, role=role))
            continue
        if len(e.required) == 1:
            role = roles.name("roles", e.required[0], e.required[0])
            out.append(w.t(key, label=e.label, role=role))
        else:  # several roles are accepted (a cluster): the findings say which
            out.append(w.t(key + "_any", label=e.label))
    for gap in summary.submissions:
        if gap.mission == mission:
            key = "action_missing" if gap.status == "missing" else "action_unusable"
            out.append(w.t(key, month=w.month(gap.month), path=gap.path or ""))
    if month is not None:
        f = summary.mission_months[(mission, month)]
        if f.undetermined:
            out.append(w.t("action_undetermined", n=f.undetermined))
    if not out:
        out.append(w.t("action_none"))
    return out


def content(summary: Summary, mission: str, w: Words) -> dict[str, object]:
    """The facts of the page, once, for both versions."""
    month = _month_of(summary, mission)
    out: dict[str, object] = {"mission": mission, "month": month}
    out["title"] = w.t(
        "email_title",
        mission=mission,
        month=w.month(month) if month else w.period(summary.period_label),
    )
    if month is None:
        out["verdicts"] = w.t("email_no_roster", mission=mission,
                              period=w.period(summary.period_label))  # fmt: skip
        out["change"] = None
        failing: list[MeetingEntry] = []
        waived: list[MeetingEntry] = []
    else:
        now = summary.mission_months[(mission, month)]
        out["verdicts"] = _verdict_line(now, month, w)
        from checker.report.aggregate import shift

        before = shift(month, -1)
        previous = summary.mission_months.get((mission, before))
        if previous is None:
            out["change"] = w.t("email_no_previous", previous=w.month(before))
        else:
            out["change"] = w.t(
                "email_change", previous=w.month(before),
                rate_before=w.percent(previous.compliance_rate, 1),
                rate_now=w.percent(now.compliance_rate, 1),
                points=w.points(None if now.compliance_rate is None
                                or previous.compliance_rate is None
                                else now.compliance_rate - previous.compliance_rate),
                absent_before=previous.absent, absent_now=now.absent,
                wrong_before=previous.wrong_level, wrong_now=now.wrong_level,
            )  # fmt: skip
        entries = [e for e in summary.meetings if e.mission == mission and e.month == month]
        failing = [e for e in entries if not e.waived]
        waived = [e for e in entries if e.waived]
    out["failing"] = failing
    out["waived"] = waived
    out["actions"] = _actions(summary, mission, month, failing, w)
    return out


def _who(e: MeetingEntry, w: Words) -> str:
    return "; ".join(e.attendees) if e.attendees else w.t("nobody")


def render_mission(summary: Summary, mission: str, w: Words) -> tuple[bytes, bytes]:
    c = content(summary, mission, w)
    failing: list[MeetingEntry] = c["failing"]  # type: ignore[assignment]
    waived: list[MeetingEntry] = c["waived"]  # type: ignore[assignment]
    actions: list[str] = c["actions"]  # type: ignore[assignment]

    # plain text
    lines = [str(c["title"]), "=" * len(str(c["title"])), "", str(c["verdicts"])]
    if c["change"]:
        lines += ["", str(c["change"])]
    lines += ["", w.t("email_failing_title"), ""]
    if failing:
        for e in failing:
            where = f"{e.label} ({e.location})" if e.location else e.label
            lines.append("- " + w.t("email_meeting", date=w.date(e.date), where=where,
                                    verdict=w.verdict(e.verdict), who=_who(e, w)))  # fmt: skip
    else:
        lines.append(w.t("email_none_failing") if c["month"] else w.t("email_nothing_known"))
    if waived:
        lines += ["", w.t("email_waived_title"), ""]
        for e in waived:
            lines.append(f"- {w.date(e.date)}, {e.label}: {w.verdict(e.verdict)} "
                         f"({w.t('waived_because', reason='; '.join(e.waiver_reasons))})")  # fmt: skip
    lines += ["", w.t("email_next_title"), ""]
    lines += [f"{i}. {a}" for i, a in enumerate(actions, start=1)]
    lines += ["", w.t("email_footer")]
    text = "\n".join(lines) + "\n"

    # HTML: inline styles only, so that a mail client keeps them
    h = [f'<!DOCTYPE html><html lang="{w.lang}"><head><meta charset="utf-8">'
         f"<title>{escape(c['title'])}</title></head>"
         '<body style="margin:0;padding:12px;font-family:Arial,Helvetica,sans-serif;'
         'font-size:14px;line-height:1.45;color:#1b1b1b;overflow-wrap:anywhere">'
         f'<h1 style="font-size:19px;color:#0033a0;margin:0 0 8px">{escape(c["title"])}</h1>'
         f'<p style="margin:6px 0">{escape(c["verdicts"])}</p>']  # fmt: skip
    if c["change"]:
        h.append(f'<p style="margin:6px 0">{escape(c["change"])}</p>')
    h.append(
        f'<h2 style="font-size:16px;margin:14px 0 6px">{escape(w.t("email_failing_title"))}</h2>'
    )
    if failing:
        h.append('<table style="border-collapse:collapse;font-size:13px;width:100%">'
                 f'<tr><th style="{_HEAD}">{escape(w.t("date"))}</th>'
                 f'<th style="{_HEAD}">{escape(w.t("platform"))}</th>'
                 f'<th style="{_HEAD}">{escape(w.t("verdict"))}</th>'
                 f'<th style="{_HEAD}">{escape(w.t("iom_attendees"))}</th></tr>')  # fmt: skip
        for e in failing:
            where = f"{e.label} ({e.location})" if e.location else e.label
            h.append(f'<tr><td style="{_CELL}">{escape(w.date(e.date))}</td>'
                     f'<td style="{_CELL}">{escape(where)}</td>'
                     f'<td style="{_CELL};color:#b42318;font-weight:600">'
                     f"{escape(w.verdict(e.verdict))}</td>"
                     f'<td style="{_CELL}">{escape(_who(e, w))}</td></tr>')  # fmt: skip
        h.append("</table>")
    else:
        h.append(f'<p style="margin:6px 0">'
                 f'{escape(w.t("email_none_failing") if c["month"] else w.t("email_nothing_known"))}</p>')  # fmt: skip
    if waived:
        h.append(
            f'<h2 style="font-size:16px;margin:14px 0 6px">{escape(w.t("email_waived_title"))}</h2><ul>'
        )
        for e in waived:
            h.append(f"<li>{escape(w.date(e.date))}, {escape(e.label)}: {escape(w.verdict(e.verdict))} "
                     f"({escape(w.t('waived_because', reason='; '.join(e.waiver_reasons)))})</li>")  # fmt: skip
        h.append("</ul>")
    h.append(
        f'<h2 style="font-size:16px;margin:14px 0 6px">{escape(w.t("email_next_title"))}</h2><ol>'
    )
    h += [f'<li style="margin:3px 0">{escape(a)}</li>' for a in actions]
    h.append(
        f'</ol><p style="color:#5a5a5a;font-size:12px">{escape(w.t("email_footer"))}</p>'
        "</body></html>"
    )
    return "".join(h).encode("utf-8"), text.encode("utf-8")
