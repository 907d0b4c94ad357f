"""--format html: one self-contained page (inline CSS and SVG, no script or file from the
network), readable on a phone and printable to PDF. Jinja2 with autoescape on: every value
from a roster is escaped; only the SVG charts, built with escaping in svg.py, go in as Markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.report import sentences
from checker.report.aggregate import Figures, Summary
from checker.report.sentences import platform_label
from checker.report.svg import (
    BAR_VERDICTS,
    OVERALL_COLOUR,
    SERIES_COLOURS,
    VERDICT_COLOURS,
    Series,
    rate_chart,
    rate_colour,
    verdict_bars,
)
from checker.report.words import Words

TEMPLATES = Path(__file__).resolve().parent / "templates"


def trend_class(delta: float | None, good_when_up: bool = True) -> str:
    """The colour of a change follows its meaning: fewer absences is good, a higher rate is
    good; no change, or no comparison, is neutral."""
    if not delta:
        return "flat"
    return "good" if (delta > 0) == good_when_up else "bad"


def unplaced_reason(words: Words, reason: str) -> str:
    if reason.startswith("period ") and reason.endswith(" is not a single month"):
        return words.t("reason_not_a_month", period=reason[7:-22])
    return words.t("reason_" + reason.replace(" ", "_")) if words.has(
        "reason_" + reason.replace(" ", "_")) else reason  # fmt: skip


def role_words(words: Words, codes: tuple[str, ...], fallback: str) -> str:
    """The role a seat requires, in the report's language ("IOM" when several are accepted)."""
    from checker.messages import catalogue

    if len(codes) != 1:
        return words.t("iom")
    return catalogue(words.lang).name("roles", codes[0], fallback)


def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )  # fmt: skip
    env.filters.update(colour=rate_colour)
    return env


def render(summary: Summary, words: Words | None = None) -> bytes:
    w = words or Words()
    series = [
        Series(platform_label(w, p), summary.trend[p], SERIES_COLOURS[i % len(SERIES_COLOURS)])
        for i, p in enumerate(summary.platforms)
    ]
    series.append(Series(w.t("all_platforms"), summary.overall, OVERALL_COLOUR, overall=True))
    charts = {}
    if summary.months and summary.total.meetings:
        charts["rate"] = rate_chart(summary.months, series, w.t("chart_rate"), w)
        charts["bars"] = verdict_bars(summary.months, summary.overall, w.t("chart_bars"), w)
    drill: dict[str, list[Any]] = {}
    for entry in summary.meetings:
        drill.setdefault(entry.group, []).append(entry)
    missing: dict[str, list[Any]] = {}
    for gap in summary.submissions:
        missing.setdefault(gap.mission, []).append(gap)
    headlines = [h for h in (summary.headline_latest,
                             summary.headline_range if len(summary.months) > 1 else None)
                 if h is not None and summary.total.meetings]  # fmt: skip

    def tip(f: Figures) -> str:
        return w.t("tip", compliant=f.compliant, n=f.assessed, absent=f.absent,
                   wrong_level=f.wrong_level)  # fmt: skip

    page = _environment().get_template("report.html.j2").render(
        s=summary, w=w, t=w.t, series=series, charts=charts, drill=drill, missing=missing,
        headlines=headlines, basis=sentences.basis(summary, w),
        trend_note=sentences.trend_note(summary, w),
        no_data=sentences.no_data(summary, w), comparison=lambda h: sentences.comparison(h, w),
        submissions_statement=sentences.submissions_statement(summary, w),
        meetings_statement=sentences.meetings_statement(summary, w),
        label=lambda p: platform_label(w, p), tip=tip, trend_class=trend_class,
        gap=lambda g: sentences.gap_text(g, w, role_words(w, g.required_codes, g.required)),
        reason=lambda r: unplaced_reason(w, r), months_short=lambda ms: [w.month_short(m) for m in ms], verdict_colours=VERDICT_COLOURS,
        bar_verdicts=BAR_VERDICTS, open_drill=len(summary.meetings) <= 200,
    )  # fmt: skip
    return page.encode("utf-8")
