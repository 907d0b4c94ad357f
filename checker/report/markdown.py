"""--format md: GitHub-flavoured Markdown for wikis. Every value from a roster is escaped so
that it cannot break a table or become a link, an image or HTML."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from checker.report import sentences
from checker.report.aggregate import NEWER_WINS, PLATFORM_LABELS, Figures, Headline, Summary
from checker.report.words import Words

_EN = Words()
percent, points, signed = _EN.percent, _EN.points, _EN.signed

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(value: object) -> str:
    """Literal text in Markdown: specials backslashed, no line breaks, and no bare URLs."""
    text = " ".join(str(value).split())
    text = _SPECIAL.sub(r"\\\1", text)
    return text.replace("://", ":\u200b//")


def code(value: object) -> str:
    """A code span: backslashes are literal there, so only backticks and breaks must go."""
    return "`" + " ".join(str(value).split()).replace("`", "'") + "`"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], right_from: int = 1) -> list[str]:
    align = ["---" if i < right_from else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _rate(figures: Figures | None) -> str:
    return "·" if figures is None or not figures.assessed else percent(figures.compliance_rate)


def _label(platform: str) -> str:
    return escape(PLATFORM_LABELS.get(platform, platform))


def _headline(title: str, h: Headline) -> list[str]:
    c = h.to_dict()["change"]
    since = f"change from {escape(h.previous_label)}, same missions"
    rows = [
        ("Meetings assessed", str(h.figures.assessed), signed(c["assessed"]) if c else "–"),
        ("Compliance rate", percent(h.figures.compliance_rate),
         points(c["compliance_rate"]) if c else "–"),
        ("IOM absent", str(h.figures.absent), signed(c["absent"]) if c else "–"),
        ("Wrong level", str(h.figures.wrong_level), signed(c["wrong_level"]) if c else "–"),
    ]  # fmt: skip
    lines = [f"### {title}: {escape(h.label)}", "", *_table(["", "value", since], rows)]
    return lines


def render(summary: Summary, words: Words | None = None) -> bytes:
    s = summary
    w = words or Words()
    out = [f"# {escape(w.t('title'))}: {escape(w.period(s.period_label))}", ""]
    out.append(f"Grouped by {s.group_by}; generated {s.generated}."
               + (" Anonymised: people's names are replaced by their roles." if s.anonymised
                  else ""))  # fmt: skip
    out += ["", f"**{escape(w.t('basis_title'))}**", ""]
    out += [f"- {escape(line)}" for line in sentences.basis(s, w)]
    no_data = sentences.no_data(s, w)
    out += ["", "## Headline", ""]
    if no_data:
        out += [f"**{escape(no_data)}**", ""]
    elif s.headline_latest:
        out += _headline("Latest month", s.headline_latest)
    if s.headline_range and len(s.months) > 1 and not no_data:
        out += _headline("Whole period", s.headline_range)
    for h in (s.headline_latest, s.headline_range if len(s.months) > 1 else None):
        if h is not None and not no_data:
            out += [escape(line) for line in sentences.comparison(h, w)] + [""]
    if not s.months:
        out += ["No roster could be placed at a mission and month.", ""]
    if s.improving() or s.worsening():
        assert s.headline_latest is not None
        span = f"{s.headline_latest.previous_label} → {s.headline_latest.label}"
        for title, rows in (("Improving", s.improving()), ("Worsening", s.worsening())):
            out += [f"**{title}** ({span}): " + ("; ".join(
                f"{escape(PLATFORM_LABELS.get(r.key, r.key))} "
                f"{percent(r.previous.compliance_rate)} → {percent(r.latest.compliance_rate)} "
                f"({points(r.change)})" for r in rows) or "none"), ""]  # fmt: skip

    if s.months and not no_data:
        out += ["## Trend: compliance rate by month", ""]
        note = sentences.trend_note(s, w)
        if note:
            out += [escape(note), ""]
        trend = [[_label(p), *(_rate(f) for f in s.trend[p])] for p in s.platforms]
        trend.append(["**All platforms**", *(f"**{_rate(f)}**" for f in s.overall)])
        out += _table(["Platform", *s.months], trend)
        out += _table(["Meetings", *s.months], [
            [label, *(str(getattr(f, key)) for f in s.overall)]
            for key, label in (("assessed", "assessed"), ("compliant", "compliant"),
                               ("absent", "IOM absent"), ("wrong_level", "wrong level"),
                               ("undetermined", "undetermined"))
        ])  # fmt: skip

    if not no_data:
        out += [f"## Compliance by mission and platform ({escape(s.period_label)})", ""]
        header = ["Mission", *(["Region"] if s.regions else []), *map(_label, s.platforms), "All",
                  "Assessed"]  # fmt: skip
        out += _table(header, (
            [escape(r.key), *([escape(r.region or "(no region)")] if s.regions else []),
             *(_rate(r.cells.get(p)) for p in s.platforms), f"**{_rate(r.total)}**",
             str(r.total.assessed)]
            for r in s.heatmap
        ), right_from=2 if s.regions else 1)  # fmt: skip
        if s.region_heatmap:
            out += ["### Regional roll-up", ""]
            out += _table(["Region", *map(_label, s.platforms), "All", "Assessed"], (
                [escape(r.key), *(_rate(r.cells.get(p)) for p in s.platforms),
                 f"**{_rate(r.total)}**", str(r.total.assessed)]
                for r in s.region_heatmap
            ))  # fmt: skip

        if s.group_by != "mission" or len(s.months) > 1:
            out += [f"## By {s.group_by}, month by month", ""]
            out += _table([s.group_by.capitalize(), *s.months, "All", "Change"], (
                [_label(r.key) if s.group_by == "platform" else escape(r.key),
                 *(_rate(f) for f in r.months), f"**{_rate(r.total)}**", points(r.change)]
                for r in s.breakdown
            ))  # fmt: skip

    out += ["## Top recurring gaps", ""]
    if s.gaps:
        out += [f"{i}. {escape(g.text)} ({g.meetings_failing} of {g.meetings} meetings)"
                for i, g in enumerate(s.gaps[: s.top_gaps], start=1)]  # fmt: skip
        if len(s.gaps) > s.top_gaps:
            out.append(f"\n{len(s.gaps) - s.top_gaps} more in the JSON and Excel reports.")
    elif s.total.assessed:
        out.append(escape(w.t("no_gap_many" if len(s.months) > 1 else "no_gap_one")))
    else:
        out.append(escape(w.t("gaps_no_data")))
    out.append("")

    out += ["## Missing or unreadable submissions", ""]
    if s.submissions:
        by_mission: dict[str, dict[str, list[str]]] = {}
        for gap in s.submissions:
            text = escape(gap.month) if gap.status == "missing" else \
                f"{escape(gap.month)} ({code(gap.path)})"  # fmt: skip
            by_mission.setdefault(gap.mission, {}).setdefault(gap.status, []).append(text)
        for mission, statuses in by_mission.items():
            parts = [f"{status} {', '.join(items)}" for status, items in statuses.items()]
            out.append(f"- **{escape(mission)}**: " + "; ".join(parts))
    else:
        out.append(escape(sentences.submissions_statement(s, w) or ""))
    out.append("")
    if s.duplicates:
        out += [
            "### Two rosters for the same mission-month",
            "",
            f"When that happens, {NEWER_WINS}.",
            "",
        ]
        out += [f"- {escape(d.mission)} {escape(d.month)}: used {code(d.kept)}; not counted: "
                + ", ".join(code(p) for p in d.superseded) for d in s.duplicates]  # fmt: skip
        out.append("")
    if s.unplaced:
        out += ["### Rosters that could not be placed", ""]
        out += [f"- {code(u.path)}: {escape(u.reason)} ({u.status.replace('_', ' ')})"
                for u in s.unplaced]  # fmt: skip
        out.append("")

    out += ["## Non-compliant meetings", ""]
    statement = sentences.meetings_statement(s, w)
    if statement:
        out.append(escape(statement))
    group = None
    for e in s.meetings:
        if e.group != group:
            group = e.group
            out += ["", f"### {_label(group) if s.group_by == 'platform' else escape(group)}", ""]
        who = "; ".join(escape(a) for a in e.attendees) or "no IOM attendee"
        where = ", ".join(escape(x) for x in (e.level, e.location) if x)
        waived = f" ({escape(w.t('waived'))})" if e.waived else ""
        out.append(f"- **{escape(e.date)} {escape(e.mission)} {escape(e.label)}** ({where}): "
                   f"{e.verdict.replace('_', ' ')}{waived}; IOM: {who}")  # fmt: skip
        for f in e.findings:
            cell = f" ({code(e.path + ' ' + str(f['cell']))})" if f.get("cell") else ""
            note = (f" [{escape(w.t('waived_because', reason=f.get('waiver_reason')))}]"
                    if f.get("waived") else "")  # fmt: skip
            out.append(f"  - {escape(f['code'])} {escape(f['message'])}{note}{cell}")
    out.append("")
    return "\n".join(out).encode("utf-8")
