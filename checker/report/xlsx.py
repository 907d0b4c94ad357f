"""--format xlsx: Summary, Heatmap (colour scale), Trend (a native line chart), By <group>,
Gaps, Submissions and Meetings sheets.

Rates are written as numbers (0.75 shown as 75%) so that Excel can sort, filter and chart
them. Text from rosters is always written as text: a location "=HYPERLINK(…)" stays a string
and never becomes a formula.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from checker.report.aggregate import NEWER_WINS, PLATFORM_LABELS, Figures, Headline, Summary
from checker.report.svg import RATE_SCALE

HEADER_FILL = "0033A0"  # IOM blue
PERCENT = "0%"
CHANGE = '+0" pts";-0" pts";0" pts"'


def render(summary: Summary) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Summary"
    _summary(sheet, summary)
    _heatmap(workbook.create_sheet("Heatmap"), summary)
    _trend(workbook.create_sheet("Trend"), summary)
    _breakdown(workbook.create_sheet(f"By {summary.group_by}"), summary)
    _gaps(workbook.create_sheet("Gaps"), summary)
    _submissions(workbook.create_sheet("Submissions"), summary)
    _meetings(workbook.create_sheet("Meetings"), summary)
    workbook.properties.creator = "roster-check"
    workbook.properties.title = f"IOM representation compliance report {summary.period_label}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- cells


def _text(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _put(ws: Any, row: int, column: int, value: Any, number_format: str | None = None) -> Any:
    cell = ws.cell(row=row, column=column, value=_text(value))
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the roster wrote
    if number_format:
        cell.number_format = number_format
    return cell


def _row(ws: Any, row: int, values: Sequence[Any], formats: Sequence[str | None] = ()) -> None:
    for column, value in enumerate(values, start=1):
        fmt = formats[column - 1] if column - 1 < len(formats) else None
        _put(ws, row, column, value, fmt)


def _header(ws: Any, row: int, values: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    _row(ws, row, values)
    for column in range(1, len(values) + 1):
        cell = ws.cell(row=row, column=column)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(ws: Any, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _colour_scale(ws: Any, cells: str) -> None:
    from openpyxl.formatting.rule import ColorScaleRule

    (low, low_colour), (mid, mid_colour), (high, high_colour) = RATE_SCALE
    ws.conditional_formatting.add(cells, ColorScaleRule(
        start_type="num", start_value=low, start_color=low_colour,
        mid_type="num", mid_value=mid, mid_color=mid_colour,
        end_type="num", end_value=high, end_color=high_colour,
    ))  # fmt: skip


def _rate(figures: Figures | None) -> float | None:
    return None if figures is None else figures.compliance_rate


def _label(platform: str) -> str:
    return PLATFORM_LABELS.get(platform, platform)


# ---------------------------------------------------------------- sheets


def _summary(ws: Any, s: Summary) -> None:
    from openpyxl.styles import Font

    _put(ws, 1, 1, "IOM representation at coordination meetings: compliance report").font = \
        Font(bold=True, size=14, color=HEADER_FILL)  # fmt: skip
    _row(ws, 2, ["Period", s.period_label])
    _row(ws, 3, ["Grouped by", s.group_by])
    _row(ws, 4, ["Generated", s.generated])
    _row(ws, 5, ["Anonymised", "yes: names replaced by roles" if s.anonymised else "no"])
    _row(ws, 6, ["Files", f"{s.files['used']} used of {s.files['read']} read; "
                          f"{s.files['superseded']} superseded by a newer file; "
                          f"{s.files['not_placed']} not placed; "
                          f"{s.files['outside_period']} outside the period"])  # fmt: skip
    row = 8
    for title, h in (("Latest month", s.headline_latest), ("Whole period", s.headline_range)):
        if h is None or (title == "Whole period" and len(s.months) == 1):
            continue
        row = _headline(ws, row, title, h) + 1
    if s.improving() or s.worsening():
        for title, rows in (("Improving", s.improving()), ("Worsening", s.worsening())):
            _put(ws, row, 1, title).font = Font(bold=True)
            row += 1
            for r in rows:
                _row(ws, row, [_label(r.key), r.previous.compliance_rate, r.latest.compliance_rate,
                               round((r.change or 0) * 100)], [None, PERCENT, PERCENT, CHANGE])  # fmt: skip
                row += 1
            row += 1
    _put(ws, row, 1, "Top recurring gaps").font = Font(bold=True)
    row += 1
    for gap in s.gaps[: s.top_gaps] or []:
        _put(ws, row, 1, gap.text)
        row += 1
    if not s.gaps:
        _put(ws, row, 1, "No gap recurs.")
        row += 1
    if s.duplicates:
        row += 1
        _put(ws, row, 1, f"Two rosters for the same mission-month: {NEWER_WINS}").font = Font(
            bold=True
        )
        row += 1
        for d in s.duplicates:
            _row(ws, row, [f"{d.mission} {d.month}", f"used {d.kept}",
                           "not counted: " + ", ".join(d.superseded)])  # fmt: skip
            row += 1
    if s.unplaced:
        row += 1
        _put(ws, row, 1, "Rosters that could not be placed").font = Font(bold=True)
        row += 1
        for u in s.unplaced:
            _row(ws, row, [u.path, u.reason, u.status])
            row += 1
    _widths(ws, [34, 22, 22, 16])


def _headline(ws: Any, row: int, title: str, h: Headline) -> int:
    _header(ws, row, [f"{title}: {h.label}", "Value", f"Before ({h.previous_label})", "Change"])
    before = h.previous
    lines = [
        ("Meetings assessed", h.figures.assessed, before.assessed if before else None, None),
        ("Compliance rate", h.figures.compliance_rate, before.compliance_rate if before else None,
         PERCENT),
        ("IOM absent", h.figures.absent, before.absent if before else None, None),
        ("Wrong level", h.figures.wrong_level, before.wrong_level if before else None, None),
    ]  # fmt: skip
    for name, now, then, fmt in lines:
        row += 1
        delta: Any = None
        if now is not None and then is not None:
            delta = round((now - then) * 100) if fmt == PERCENT else now - then
        _row(ws, row, [name, now, then, delta],
             [None, fmt, fmt, CHANGE if fmt == PERCENT else '+0;-0;0'])  # fmt: skip
    return row + 1


def _heatmap(ws: Any, s: Summary) -> None:
    from openpyxl.utils import get_column_letter

    lead = ["Mission", "Region"] if s.regions else ["Mission"]
    header = [*lead, *map(_label, s.platforms), "All platforms", "Meetings assessed"]
    _header(ws, 1, header)
    first = len(lead) + 1
    last = first + len(s.platforms)  # the "All platforms" column
    formats = [None] * len(lead) + [PERCENT] * (len(s.platforms) + 1)
    for i, r in enumerate(s.heatmap, start=2):
        _row(ws, i, [r.key, *([r.region or "(no region)"] if s.regions else []),
                     *(_rate(r.cells.get(p)) for p in s.platforms), r.total.compliance_rate,
                     r.total.assessed], formats)  # fmt: skip
    end = 1 + len(s.heatmap)
    if s.heatmap:
        _colour_scale(ws, f"{get_column_letter(first)}2:{get_column_letter(last)}{end}")
    ws.freeze_panes = ws.cell(row=2, column=first)
    row = end + 2
    if s.region_heatmap:
        _header(
            ws, row, ["Region", *map(_label, s.platforms), "All platforms", "Meetings assessed"]
        )
        for j, r in enumerate(s.region_heatmap, start=row + 1):
            _row(ws, j, [r.key, *(_rate(r.cells.get(p)) for p in s.platforms),
                         r.total.compliance_rate, r.total.assessed],
                 [None] + [PERCENT] * (len(s.platforms) + 1))  # fmt: skip
        _colour_scale(ws, f"B{row + 1}:{get_column_letter(len(s.platforms) + 2)}"
                          f"{row + len(s.region_heatmap)}")  # fmt: skip
    _widths(ws, [12, *([22] if s.regions else []), *[11] * (len(s.platforms) + 2)])


def _trend(ws: Any, s: Summary) -> None:
    from openpyxl.chart import LineChart, Reference
    from openpyxl.utils import get_column_letter

    names = [*map(_label, s.platforms), "All platforms"]
    _header(ws, 1, ["Month", *names])
    for i, month in enumerate(s.months, start=2):
        rates = [s.trend[p][i - 2].compliance_rate for p in s.platforms]
        _row(ws, i, [month, *rates, s.overall[i - 2].compliance_rate],
             [None] + [PERCENT] * len(names))  # fmt: skip
    end = 1 + len(s.months)
    if s.months:
        _colour_scale(ws, f"B2:{get_column_letter(len(names) + 1)}{end}")
        chart = LineChart()
        chart.title = "Compliance rate by month"
        chart.y_axis.title = "compliant ÷ assessed"
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        chart.y_axis.majorUnit = 0.25
        chart.x_axis.title = "Month"
        # openpyxl ≥ 3.1 hides axes unless told otherwise.
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.display_blanks = "gap"
        chart.height, chart.width = 9, 18
        chart.add_data(Reference(ws, min_col=2, max_col=len(names) + 1, min_row=1, max_row=end),
                       titles_from_data=True)  # fmt: skip
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=end))
        overall = chart.series[-1]
        overall.graphicalProperties.line.width = 38100  # EMU: 3 pt, the overall line stands out
        overall.graphicalProperties.line.solidFill = "111111"
        ws.add_chart(chart, f"{get_column_letter(len(names) + 3)}2")
    # Counts under the rates, for whoever wants to recompute them.
    row = end + 2
    _header(ws, row, ["Month", "Meetings", "Assessed", "Compliant", "IOM absent", "Wrong level",
                      "Undetermined", "Not applicable"])  # fmt: skip
    for i, (month, f) in enumerate(zip(s.months, s.overall), start=row + 1):
        _row(ws, i, [month, f.meetings, f.assessed, f.compliant, f.absent, f.wrong_level,
                     f.undetermined, f.not_applicable])  # fmt: skip
    _widths(ws, [10, *[11] * len(names)])


def _breakdown(ws: Any, s: Summary) -> None:
    from openpyxl.utils import get_column_letter

    _header(ws, 1, [s.group_by.capitalize(), *s.months, "All months",
                    f"Change {s.headline_latest.previous_label}→{s.headline_latest.label}"
                    if s.headline_latest else "Change"])  # fmt: skip
    for i, r in enumerate(s.breakdown, start=2):
        key = _label(r.key) if s.group_by == "platform" else r.key
        change = None if r.change is None else round(r.change * 100)
        _row(ws, i, [key, *(f.compliance_rate for f in r.months), r.total.compliance_rate, change],
             [None] + [PERCENT] * (len(s.months) + 1) + [CHANGE])  # fmt: skip
    if s.breakdown:
        _colour_scale(ws, f"B2:{get_column_letter(len(s.months) + 2)}{len(s.breakdown) + 1}")
    ws.freeze_panes = "B2"
    _widths(ws, [22, *[10] * (len(s.months) + 1), 16])


def _gaps(ws: Any, s: Summary) -> None:
    _header(ws, 1, ["Gap", "Mission", "Platform", "Kind", "Months failing", "Months met",
                    "Meetings failing", "Meetings", "Seat"])  # fmt: skip
    for i, g in enumerate(s.gaps, start=2):
        _row(ws, i, [g.text, g.mission, g.label, g.kind.replace("_", " "), g.months_failing,
                     g.months_met, g.meetings_failing, g.meetings, g.required])  # fmt: skip
    ws.auto_filter.ref = f"A1:I{max(1, len(s.gaps) + 1)}"
    ws.freeze_panes = "A2"
    _widths(ws, [60, 10, 18, 12, 10, 10, 10, 10, 28])


def _submissions(ws: Any, s: Summary) -> None:
    _header(ws, 1, ["Mission", "Region", "Month", "Status", "File"])
    for i, g in enumerate(s.submissions, start=2):
        _row(ws, i, [g.mission, g.region, g.month, g.status, g.path])
    ws.auto_filter.ref = f"A1:E{max(1, len(s.submissions) + 1)}"
    ws.freeze_panes = "A2"
    _widths(ws, [10, 22, 10, 12, 50])


def _meetings(ws: Any, s: Summary) -> None:
    from openpyxl.styles import Alignment

    _header(ws, 1, [s.group_by.capitalize(), "Mission", "Month", "Date", "Platform", "Level",
                    "Location", "Verdict", "IOM attendees", "Findings", "File", "Cells"])  # fmt: skip
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, e in enumerate(s.meetings, start=2):
        findings = "\n".join(f"{f['code']} {f['message']}" for f in e.findings)
        cells = ", ".join(str(f["cell"]) for f in e.findings if f.get("cell"))
        group = _label(e.group) if s.group_by == "platform" else e.group
        _row(
            ws,
            i,
            [
                group,
                e.mission,
                e.month,
                e.date,
                e.label,
                e.level,
                e.location,
                e.verdict.replace("_", " "),
                "; ".join(e.attendees),
                findings,
                e.path,
                cells,
            ],
        )
        ws.cell(row=i, column=10).alignment = wrap
    ws.auto_filter.ref = f"A1:L{max(1, len(s.meetings) + 1)}"
    ws.freeze_panes = "A2"
    _widths(ws, [14, 9, 9, 11, 18, 12, 16, 12, 34, 80, 30, 18])
