"""--format html: one self-contained page (inline CSS and SVG, no script or file from the
network), readable on a phone and printable to PDF. Jinja2 with autoescape on: every value
from a roster is escaped; only the SVG charts, built with escaping in svg.py, go in as Markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.report.aggregate import NEWER_WINS, PLATFORM_LABELS, Figures, Summary
from checker.report.svg import (
    OVERALL_COLOUR,
    SERIES_COLOURS,
    VERDICT_COLOURS,
    VERDICT_WORDS,
    Series,
    rate_chart,
    rate_colour,
    verdict_bars,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"


def thousands(value: int) -> str:
    return f"{value:,}"


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


def points(delta: float | None) -> str:
    """A change of rate in percentage points: +5 pts, −3 pts, ±0 pts."""
    if delta is None:
        return "–"
    value = round(delta * 100)
    return f"{'+' if value > 0 else '−' if value < 0 else '±'}{abs(value)} pts"


def signed(delta: int | None) -> str:
    if delta is None:
        return "–"
    return f"{'+' if delta > 0 else '−' if delta < 0 else '±'}{abs(delta)}"


def trend_class(delta: float | None, good_when_up: bool = True) -> str:
    if not delta:
        return "flat"
    return "good" if (delta > 0) == good_when_up else "bad"


def cell_tip(figures: Figures) -> str:
    return (f"{figures.compliant} of {figures.assessed} assessed meetings compliant; "
            f"{figures.absent} absent, {figures.wrong_level} wrong level")  # fmt: skip


def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )  # fmt: skip
    env.filters.update(percent=percent, thousands=thousands, points=points, signed=signed, colour=rate_colour,
                       tip=cell_tip, trend_class=trend_class)  # fmt: skip
    return env


def render(summary: Summary) -> bytes:
    series = [
        Series(PLATFORM_LABELS.get(p, p), summary.trend[p], SERIES_COLOURS[i % len(SERIES_COLOURS)])
        for i, p in enumerate(summary.platforms)
    ]
    series.append(Series("All platforms", summary.overall, OVERALL_COLOUR, overall=True))
    charts = {}
    if summary.months:
        charts["rate"] = rate_chart(
            summary.months, series, "Compliance rate by month, per platform"
        )
        charts["bars"] = verdict_bars(
            summary.months, summary.overall, "Meetings by month and verdict"
        )
    drill: dict[str, list[Any]] = {}
    for entry in summary.meetings:
        drill.setdefault(entry.group, []).append(entry)
    missing: dict[str, list[Any]] = {}
    for gap in summary.submissions:
        missing.setdefault(gap.mission, []).append(gap)
    page = _environment().get_template("report.html.j2").render(
        s=summary, series=series, charts=charts, drill=drill, missing=missing,
        platform_labels=PLATFORM_LABELS, verdict_colours=VERDICT_COLOURS,
        verdict_words=VERDICT_WORDS, newer_wins=NEWER_WINS, open_drill=len(summary.meetings) <= 200,
    )  # fmt: skip
    return page.encode("utf-8")
