"""--format md: GitHub-flavoured Markdown for wikis. Every value from a roster is escaped so
that it cannot break a table or become a link, an image or HTML."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from checker.report import sentences
from checker.report.aggregate import Figures, Headline, Summary
from checker.report.html import role_words, unplaced_reason
from checker.report.words import Words

_BREAKS = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(value: object) -> str:
    """Literal text in Markdown: specials backslashed, no line breaks, and no bare URLs."""
    # Line breaks go, but not the no-break spaces of "44,4 %" (str.split() would take them).
    text = _BREAKS.sub(" ", str(value)).strip()
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


def _rate(w: Words, figures: Figures | None) -> str:
    return "·" if figures is None or not figures.assessed else w.percent(figures.compliance_rate)


def _label(w: Words, platform: str) -> str:
    return escape(sentences.platform_label(w, platform))


def _headline(w: Words, title: str, h: Headline) -> list[str]:
    c = h.change
    since = w.t("before_same_missions", previous=w.period(h.previous_label))
    rows = [
        (w.t("meetings_assessed"), w.number(h.figures.assessed), w.signed(c["assessed"]) if c else "–"),
        (w.t("compliance_rate"), w.percent(h.figures.compliance_rate, 1),
         w.points(c["compliance_rate"]) if c else "–"),
        (w.t("iom_absent"), w.number(h.figures.absent), w.signed(c["absent"]) if c else "–"),
        (w.t("wrong_level"), w.number(h.figures.wrong_level), w.signed(c["wrong_level"]) if c else "–"),
    ]  # fmt: skip
    heading = w.t("heading_period", title=title, period=w.period(h.label))
    header = ["", escape(w.t("value")), escape(f"{w.t('change')} ({since})")]
    return [f"### {escape(heading)}", "", *_table(header, [[escape(x) for x in r] for r in rows])]


def render(summary: Summary, words: Words | None = None) -> bytes:
    s = summary
    w = words or Words()
    e = escape
    out = [f"# {e(w.t('heading_period', title=w.t('title'), period=w.period(s.period_label)))}", ""]
    out.append(e(w.t("meta", period=w.period(s.period_label), generated=w.generated(s.generated)))
               + (f" · {e(w.t('anonymised'))}" if s.anonymised else ""))  # fmt: skip
    out += ["", f"**{e(w.t('basis_title'))}**", ""]
    out += [f"- {e(line)}" for line in sentences.basis(s, w)]
    no_data = sentences.no_data(s, w)
    out += ["", f"## {e(w.t('headline'))}", ""]
    if no_data:
        out += [f"**{e(no_data)}**", ""]
    else:
        for key, h in (("latest_month", s.headline_latest),
                       ("whole_period", s.headline_range if len(s.months) > 1 else None)):  # fmt: skip
            if h is None:
                continue
            out += _headline(w, w.t(key), h)
            if h.figures.waived:
                out += [e(w.t("waived_note", n=h.figures.waived)), ""]
            for line in sentences.comparison(h, w):
                out += [e(line), ""]
    if s.improving() or s.worsening():
        assert s.headline_latest is not None
        span = f"{w.period(s.headline_latest.previous_label)} → {w.period(s.headline_latest.label)}"
        for key, rows in (("improving", s.improving()), ("worsening", s.worsening())):
            out += [f"**{e(w.t(key))}** ({e(span)}): " + ("; ".join(
                f"{_label(w, r.key) if s.group_by == 'platform' else e(r.key)} "
                f"{e(w.percent(r.previous.compliance_rate))} → "
                f"{e(w.percent(r.latest.compliance_rate))} ({e(w.points(r.change))})"
                for r in rows) or e(w.t("none"))), ""]  # fmt: skip
        out += [e(w.t("changes_note")), ""]

    months = [e(w.month_short(m)) for m in s.months]
    if s.months and not no_data:
        out += [f"## {e(w.t('trend'))}", ""]
        note = sentences.trend_note(s, w)
        if note:
            out += [e(note), ""]
        trend = [[_label(w, p), *(e(_rate(w, f)) for f in s.trend[p])] for p in s.platforms]
        trend.append([f"**{e(w.t('all_platforms'))}**",
                      *(f"**{e(_rate(w, f))}**" for f in s.overall)])  # fmt: skip
        out += _table([e(w.t("platform")), *months], trend)
        out += _table([e(w.t("meetings")), *months], [
            [e(label), *(e(w.number(getattr(f, key))) for f in s.overall)]
            for key, label in (("assessed", w.t("assessed")),
                               *((v, w.verdict(v)) for v in ("compliant", "absent",
                                 "wrong_level", "undetermined", "not_applicable", "waived")))
        ])  # fmt: skip

        out += [
            f"## {e(w.t('heatmap'))}",
            "",
            e(w.t("heatmap_note", period=w.period(s.period_label))),
            "",
        ]
        header = [e(w.t("mission")), *([e(w.t("region"))] if s.regions else []),
                  *(_label(w, p) for p in s.platforms), e(w.t("all")), e(w.t("assessed"))]  # fmt: skip
        out += _table(header, (
            [e(r.key), *([e(r.region or w.t("no_region"))] if s.regions else []),
             *(e(_rate(w, r.cells.get(p))) for p in s.platforms), f"**{e(_rate(w, r.total))}**",
             e(w.number(r.total.assessed))]
            for r in s.heatmap
        ), right_from=2 if s.regions else 1)  # fmt: skip
        if s.region_heatmap:
            out += [f"### {e(w.t('regional_rollup'))}", ""]
            out += _table([e(w.t("region")), *(_label(w, p) for p in s.platforms), e(w.t("all")),
                           e(w.t("assessed"))], (
                [e(w.t("no_region") if r.key == "(no region)" else r.key),
                 *(e(_rate(w, r.cells.get(p))) for p in s.platforms),
                 f"**{e(_rate(w, r.total))}**", e(w.number(r.total.assessed))]
                for r in s.region_heatmap
            ))  # fmt: skip

        if s.group_by != "mission" or len(s.months) > 1:
            out += [f"## {e(w.t('breakdown_' + s.group_by))}", ""]
            out += _table([e(w.t(s.group_by)), *months, e(w.t("all")), e(w.t("change"))], (
                [_label(w, r.key) if s.group_by == "platform" else e(r.key),
                 *(e(_rate(w, f)) for f in r.months), f"**{e(_rate(w, r.total))}**",
                 e(w.points(r.change))]
                for r in s.breakdown
            ))  # fmt: skip
            latest = s.headline_latest
            if latest is not None and latest.compared:
                out += [e(w.t("change_column", now=w.period(latest.label),
                              before=w.period(latest.previous_label),
                              list=w.join(latest.compared))), ""]  # fmt: skip

    out += [f"## {e(w.t('gaps'))}", ""]
    if s.gaps:
        for i, g in enumerate(s.gaps[: s.top_gaps], start=1):
            role = role_words(w, g.required_codes, g.required)
            out.append(f"{i}. {e(sentences.gap_text(g, w, role))} "
                       f"({e(w.t('meetings_of', failing=g.meetings_failing, n=g.meetings))})")  # fmt: skip
        if len(s.gaps) > s.top_gaps:
            out += ["", e(w.t("more_gaps", n=len(s.gaps) - s.top_gaps))]
    elif s.total.assessed:
        out.append(e(w.t("no_gap_many" if len(s.months) > 1 else "no_gap_one")))
    else:
        out.append(e(w.t("gaps_no_data")))
    out.append("")

    out += [f"## {e(w.t('submissions'))}", ""]
    if s.submissions:
        by_mission: dict[str, dict[str, list[str]]] = {}
        for gap in s.submissions:
            text = e(w.month_short(gap.month)) if gap.status == "missing" else \
                f"{e(w.month_short(gap.month))} ({code(gap.path)})"  # fmt: skip
            by_mission.setdefault(gap.mission, {}).setdefault(gap.status, []).append(text)
        for mission, statuses in by_mission.items():
            parts = [
                f"{e(w.status(status))}: {', '.join(items)}" for status, items in statuses.items()
            ]
            out.append(f"- **{e(mission)}**: " + "; ".join(parts))
    else:
        out.append(e(sentences.submissions_statement(s, w) or ""))
    out.append("")
    if s.duplicates:
        out += [f"### {e(w.t('duplicates'))}", "", e(w.t("duplicates_rule")), ""]
        out += [f"- {e(d.mission)} {e(w.month_short(d.month))}: {e(w.t('used'))} {code(d.kept)}; "
                f"{e(w.t('not_counted'))} " + ", ".join(code(p) for p in d.superseded)
                for d in s.duplicates]  # fmt: skip
        out.append("")
    if s.unplaced:
        out += [f"### {e(w.t('unplaced'))}", ""]
        out += [f"- {code(u.path)}: {e(unplaced_reason(w, u.reason))} ({e(w.status(u.status))})"
                for u in s.unplaced]  # fmt: skip
        out += ["", e(w.t("unplaced_remedy")), ""]

    out += [f"## {e(w.t('failing_meetings'))}", ""]
    statement = sentences.meetings_statement(s, w)
    group = None
    for m in s.meetings:
        if m.group != group:
            group = m.group
            out += ["", f"### {_label(w, group) if s.group_by == 'platform' else e(group)}", ""]
        who = "; ".join(e(a) for a in m.attendees) or e(w.t("nobody"))
        level = w.t("level_" + m.level) if w.has("level_" + m.level) else m.level
        where = ", ".join(e(x) for x in (level, m.location) if x)
        waived = f" ({e(w.t('waived'))})" if m.waived else ""
        out.append(f"- **{e(w.date(m.date))} {e(m.mission)} {e(m.label)}** ({where}): "
                   f"{e(w.verdict(m.verdict))}{waived}; {e(w.t('iom_attendees'))}: {who}")  # fmt: skip
        for f in m.findings:
            cell = f" ({code(m.path + ' ' + str(f['cell']))})" if f.get("cell") else ""
            note = (f" [{e(w.t('waived_because', reason=f.get('waiver_reason')))}]"
                    if f.get("waived") else "")  # fmt: skip
            out.append(f"  - {e(f['code'])} {e(f['message'])}{note}{cell}")
    if statement:
        out += ["", e(statement)]
    out.append("")
    return "\n".join(out).encode("utf-8")
