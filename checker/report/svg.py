"""Inline SVG charts for the HTML report: no scripts, no fonts or images from the network.

Every piece of text goes through markupsafe.escape; the functions return Markup that the
template inserts as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from checker.report.aggregate import Figures
from checker.report.words import Words

# Okabe-Ito: distinguishable with the common colour-vision deficiencies, and in grey print.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                  "#8C6D1F", "#7F3C8D", "#3A7D44", "#B3446C")  # fmt: skip
OVERALL_COLOUR = "#111111"
VERDICT_COLOURS = {"compliant": "#1a9850", "wrong_level": "#f4a340", "absent": "#d73027",
                   "undetermined": "#9e9e9e", "waived": "#8fa8d8",
                   "not_applicable": "#d9d9d9"}  # fmt: skip
BAR_VERDICTS = ("compliant", "wrong_level", "absent", "waived", "undetermined", "not_applicable")

# Heatmap cells: light enough at both ends for black text; the xlsx uses the same three stops.
RATE_SCALE = ((0.0, "F08A7E"), (0.5, "FFE08A"), (1.0, "8FD18A"))

WIDTH, HEIGHT = 600, 280
LEFT, RIGHT, TOP, BOTTOM = 52, 30, 14, 36


@dataclass(frozen=True)
class Series:
    name: str
    figures: Sequence[Figures]
    colour: str
    overall: bool = False


def month_label(month: str, words: Words | None = None) -> str:
    return (words or Words()).month_short(month)


def _x_positions(count: int) -> list[float]:
    inner = WIDTH - LEFT - RIGHT
    if count == 1:
        return [LEFT + inner / 2]
    return [LEFT + inner * i / (count - 1) for i in range(count)]


def _frame(
    months: Sequence[str], xs: Sequence[float], y_labels: Sequence[tuple[float, str]],
    words: Words,
) -> list[str]:  # fmt: skip
    parts = []
    for y, text in y_labels:
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'class="grid"/>')  # fmt: skip
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(text)}</text>'
        )
    step = max(1, -(-len(months) // 12))  # at most ~12 month labels
    for i, (month, x) in enumerate(zip(months, xs)):
        if i % step == 0 or i == len(months) - 1:
            anchor = (
                "end" if x >= WIDTH - RIGHT - 1 else "start" if x <= LEFT + 1 else "middle"
            )  # the first and last labels stay inside the chart
            parts.append(f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="{anchor}">'
                         f"{escape(month_label(month, words))}</text>")  # fmt: skip
    return parts


def _open(label: str, css: str) -> str:
    return (f'<svg class="{css}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="{escape(label)}">'
            f"<title>{escape(label)}</title>")  # fmt: skip


def rate_chart(
    months: Sequence[str], series: Sequence[Series], label: str, words: Words | None = None
) -> Markup:
    """Compliance rate per month, one line per series; a month with nothing assessed is a gap."""
    words = words or Words()
    xs = _x_positions(len(months))
    plot_h = HEIGHT - TOP - BOTTOM

    def y_of(rate: float) -> float:
        return TOP + plot_h * (1 - rate)

    parts = [_open(label, "chart line-chart")]
    parts += _frame(months, xs, [(y_of(v / 100), words.percent(v / 100)) for v in (0, 25, 50, 75, 100)],
                    words)  # fmt: skip
    # The overall line last, so that it sits on top.
    for s in sorted(series, key=lambda s: s.overall):
        width = 3.2 if s.overall else 1.8
        runs: list[list[tuple[float, float]]] = [[]]
        for x, f in zip(xs, s.figures):
            if f.compliance_rate is None:
                runs.append([])
            else:
                runs[-1].append((x, y_of(f.compliance_rate)))
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                parts.append(f'<polyline points="{points}" fill="none" stroke="{s.colour}" '
                             f'stroke-width="{width}" stroke-linejoin="round"/>')  # fmt: skip
        for month, x, f in zip(months, xs, s.figures):
            if f.compliance_rate is None:
                continue
            tip = words.t("chart_tip", name=s.name, month=words.month(month),
                          rate=words.percent(f.compliance_rate), compliant=f.compliant,
                          n=f.assessed)  # fmt: skip
            parts.append(f'<circle cx="{x:.1f}" cy="{y_of(f.compliance_rate):.1f}" '
                         f'r="{3.6 if s.overall else 2.6}" fill="{s.colour}">'
                         f"<title>{escape(tip)}</title></circle>")  # fmt: skip
    parts.append("</svg>")
    return Markup("".join(parts))


def verdict_bars(
    months: Sequence[str], overall: Sequence[Figures], label: str, words: Words | None = None
) -> Markup:
    """Meetings per month, stacked by verdict (waived and not applicable included)."""
    words = words or Words()
    xs = _x_positions(len(months))
    plot_h = HEIGHT - TOP - BOTTOM
    top = max([f.meetings for f in overall] + [1])
    scale = _nice_ceiling(top)
    slot = (WIDTH - LEFT - RIGHT) / max(len(months), 1)
    bar = min(46.0, slot * 0.7)
    if len(months) > 1:  # bars sit on the same x as the line chart's points, inside the frame
        xs = [LEFT + slot * (i + 0.5) for i in range(len(months))]
    parts = [_open(label, "chart bar-chart")]
    ticks = [scale * i / 4 for i in range(5)]
    parts += _frame(months, xs, [(TOP + plot_h * (1 - t / scale), words.decimal(t)) for t in ticks], words)  # fmt: skip
    for month, x, f in zip(months, xs, overall):
        y = TOP + plot_h
        for verdict in BAR_VERDICTS:
            count = getattr(f, verdict)
            if not count:
                continue
            h = plot_h * count / scale
            y -= h
            tip = f"{words.month(month)}: {words.number(count)} × {words.verdict(verdict)}"
            parts.append(f'<rect x="{x - bar / 2:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                         f'height="{h:.1f}" fill="{VERDICT_COLOURS[verdict]}">'
                         f"<title>{escape(tip)}</title></rect>")  # fmt: skip
    parts.append("</svg>")
    return Markup("".join(parts))


def _nice_ceiling(value: int) -> float:
    """A round axis maximum at or above value, whose quarters are round too."""
    magnitude = 1.0
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def rate_colour(rate: float | None) -> str:
    """The heatmap colour of a compliance rate (#rrggbb); light grey when there is none."""
    if rate is None:
        return "#f2f2f2"
    for (low, a), (high, b) in pairwise(RATE_SCALE):
        if rate <= high:
            t = (rate - low) / (high - low)
            channels = (round(int(a[i : i + 2], 16) * (1 - t) + int(b[i : i + 2], 16) * t)
                        for i in (0, 2, 4))  # fmt: skip
            return "#" + "".join(f"{c:02x}" for c in channels)
    return "#" + RATE_SCALE[-1][1].lower()
