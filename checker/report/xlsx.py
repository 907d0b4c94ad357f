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

from checker.report import sentences
from checker.report.aggregate import Figures, Headline, Summary
from checker.report.html import role_words, unplaced_reason
from checker.report.svg import RATE_SCALE
from checker.report.words import Words

HEADER_FILL = "0033A0"  # IOM blue
PERCENT = "0%"
W = Words()  # the language of the workbook being written (render sets it)


def _change_format() -> str:
    unit = W.t("points", value="", n=2).strip()
    return f'+0" {unit}";-0" {unit}";0" {unit}"'


def render(summary: Summary, words: Words | None = None) -> bytes:
    from openpyxl import Workbook

    global W, PERCENT
    W = words or Words()
    PERCENT = W.t("xlsx_percent_format")  # "0%"; "0 %" in French and Spanish
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = W.t("sheet_summary")
    _summary(sheet, summary)
    _heatmap(workbook.create_sheet(W.t("sheet_heatmap")), summary)
    _trend(workbook.create_sheet(W.t("sheet_trend")), summary)
    _breakdown(workbook.create_sheet(W.t("sheet_by_" + summary.group_by)), summary)
    _gaps(workbook.create_sheet(W.t("sheet_gaps")), summary)
    _submissions(workbook.create_sheet(W.t("sheet_submissions")), summary)
    _meetings(workbook.create_sheet(W.t("sheet_meetings")), summary)
    for ws in workbook.worksheets:
        _print_setup(ws)
    workbook.properties.creator = "roster-check"
    workbook.properties.title = f"{W.t('title')}: {W.period(summary.period_label)}"
    workbook.properties.language = W.lang
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
    return sentences.platform_label(W, platform)


def _first_upper(text: str) -> str:
    """ "OIM absente" stays as it is; str.capitalize() would write "Oim absente"."""
    return text[:1].upper() + text[1:]


def _print_setup(ws: Any) -> None:
    """Prints on few, readable pages: the used range, landscape A4, one page wide, the header
    row repeated on every page (sheets whose first row is a table header)."""
    from openpyxl.utils import get_column_letter

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    _fit_wrapped(ws)
    last_row = max(ws.max_row, getattr(ws, "_chart_rows", 0))
    ws.print_area = f"A1:{get_column_letter(max(ws.max_column, 1))}{max(last_row, 1)}"
    if ws.freeze_panes:  # a sheet with a frozen header row has a table header in row 1
        ws.print_title_rows = "1:1"
    ws.oddFooter.center.text = "&P / &N"


# ---------------------------------------------------------------- sheets


def _summary(ws: Any, s: Summary) -> None:
    from openpyxl.styles import Alignment, Font

    wrap = Alignment(wrap_text=True, vertical="top")
    _put(ws, 1, 1, W.t("title")).font = Font(bold=True, size=14, color=HEADER_FILL)
    _row(ws, 2, [W.t("meta", period=W.period(s.period_label), generated=W.generated(s.generated))])
    row = 3
    if s.anonymised:
        _row(ws, row, [W.t("anonymised")])
        row += 1
    row += 1
    _put(ws, row, 1, W.t("basis_title")).font = Font(bold=True)
    for line in sentences.basis(s, W):
        row += 1
        _put(ws, row, 1, line).alignment = wrap
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 15 * (1 + len(line) // 95)
    row += 2
    no_data = sentences.no_data(s, W)
    if no_data:
        cell = _put(ws, row, 1, no_data)
        cell.font, cell.alignment = Font(bold=True, color="B42318"), wrap
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 15 * (1 + len(no_data) // 95)
        row += 2
    else:
        for key, h in (("latest_month", s.headline_latest), ("whole_period", s.headline_range)):
            if h is None or (key == "whole_period" and len(s.months) == 1):
                continue
            row = _headline(ws, row, W.t(key), h)
            for line in sentences.comparison(h, W):
                _put(ws, row, 1, line).alignment = wrap
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
                ws.row_dimensions[row].height = 15 * (1 + len(line) // 95)
                row += 1
            row += 1
    if s.improving() or s.worsening():
        for key, rows in (("improving", s.improving()), ("worsening", s.worsening())):
            _put(ws, row, 1, W.t(key)).font = Font(bold=True)
            row += 1
            for r in rows:
                _row(ws, row, [_label(r.key), r.previous.compliance_rate, r.latest.compliance_rate,
                               round((r.change or 0) * 100)],
                     [None, PERCENT, PERCENT, _change_format()])  # fmt: skip
                row += 1
            row += 1
    _put(ws, row, 1, W.t("gaps")).font = Font(bold=True)
    row += 1
    for gap in s.gaps[: s.top_gaps] or []:
        _put(ws, row, 1, sentences.gap_text(gap, W, role_words(W, gap.required_codes,
                                                                gap.required)))  # fmt: skip
        row += 1
    if not s.gaps:
        _put(ws, row, 1, W.t("no_gap_many" if len(s.months) > 1 else "no_gap_one")
             if s.total.assessed else W.t("gaps_no_data"))  # fmt: skip
        row += 1
    statement = sentences.submissions_statement(s, W)
    if statement:
        row += 1
        _put(ws, row, 1, statement)
        row += 1
    if s.duplicates:
        row += 1
        _put(ws, row, 1, W.t("duplicates")).font = Font(bold=True)
        row += 1
        _put(ws, row, 1, W.t("duplicates_rule"))
        row += 1
        for d in s.duplicates:
            _row(ws, row, [f"{d.mission} {W.month_short(d.month)}", f"{W.t('used')} {d.kept}",
                           f"{W.t('not_counted')} " + ", ".join(d.superseded)])  # fmt: skip
            row += 1
    if s.unplaced:
        row += 1
        _put(ws, row, 1, W.t("unplaced")).font = Font(bold=True)
        row += 1
        for u in s.unplaced:
            _row(ws, row, [u.path, f"{unplaced_reason(W, u.reason)} ({W.status(u.status)})"])
            ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
            row += 1
        _put(ws, row, 1, W.t("unplaced_remedy")).alignment = wrap
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 45
    _widths(ws, [44, 14, 26, 14])


def _headline(ws: Any, row: int, title: str, h: Headline) -> int:
    """This period (every mission), and the same missions in both periods for the change."""
    c = h.change
    _header(ws, row, [W.t("heading_period", title=title, period=W.period(h.label)), W.t("value"),
                      W.t("before_same_missions", previous=W.period(h.previous_label)),
                      W.t("change")])  # fmt: skip
    ws.row_dimensions[row].height = 30
    before = h.previous if c else None
    now = h.now if c else None
    lines = [
        (W.t("meetings_assessed"), h.figures.assessed, before.assessed if before else None,
         now.assessed if now else None, None),
        (W.t("compliance_rate"), h.figures.compliance_rate,
         before.compliance_rate if before else None, now.compliance_rate if now else None,
         PERCENT),
        (W.t("iom_absent"), h.figures.absent, before.absent if before else None,
         now.absent if now else None, None),
        (W.t("wrong_level"), h.figures.wrong_level, before.wrong_level if before else None,
         now.wrong_level if now else None, None),
    ]  # fmt: skip
    for name, value, then, same, fmt in lines:
        row += 1
        delta: Any = None
        if same is not None and then is not None:
            delta = round((same - then) * 100) if fmt == PERCENT else same - then
        _row(ws, row, [name, value, then, delta],
             [None, fmt, fmt, _change_format() if fmt == PERCENT else "+0;-0;0"])  # fmt: skip
    return row + 1


def _heatmap(ws: Any, s: Summary) -> None:
    from openpyxl.utils import get_column_letter

    lead = [W.t("mission"), W.t("region")] if s.regions else [W.t("mission")]
    header = [*lead, *map(_label, s.platforms), W.t("all_platforms"), W.t("meetings_assessed")]
    _header(ws, 1, header)
    first = len(lead) + 1
    last = first + len(s.platforms)  # the "All platforms" column
    formats = [None] * len(lead) + [PERCENT] * (len(s.platforms) + 1)
    for i, r in enumerate(s.heatmap, start=2):
        _row(ws, i, [r.key, *([r.region or W.t("no_region")] if s.regions else []),
                     *(_rate(r.cells.get(p)) for p in s.platforms), r.total.compliance_rate,
                     r.total.assessed], formats)  # fmt: skip
    end = 1 + len(s.heatmap)
    if s.heatmap:
        _colour_scale(ws, f"{get_column_letter(first)}2:{get_column_letter(last)}{end}")
    ws.freeze_panes = ws.cell(row=2, column=first)
    row = end + 2
    if s.region_heatmap:
        _header(
            ws,
            row,
            [
                W.t("region"),
                *map(_label, s.platforms),
                W.t("all_platforms"),
                W.t("meetings_assessed"),
            ],
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

    names = [*map(_label, s.platforms), W.t("all_platforms")]
    _header(ws, 1, [W.t("month"), *names])
    for i, month in enumerate(s.months, start=2):
        rates = [s.trend[p][i - 2].compliance_rate for p in s.platforms]
        _row(ws, i, [W.month_short(month), *rates, s.overall[i - 2].compliance_rate],
             [None] + [PERCENT] * len(names))  # fmt: skip
    end = 1 + len(s.months)
    if s.months and s.total.meetings:
        _colour_scale(ws, f"B2:{get_column_letter(len(names) + 1)}{end}")
        chart = LineChart()
        chart.title = W.t("chart_rate")
        chart.y_axis.title = W.t("chart_y")
        chart.y_axis.number_format = PERCENT
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        chart.y_axis.majorUnit = 0.25
        chart.x_axis.title = W.t("month")
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
    # Counts under the rates, for whoever wants to recompute them; the chart under them, so
    # that the sheet prints one page wide.
    row = end + 2
    _header(ws, row, [W.t("month"), W.t("meetings"), W.t("assessed"),
                      *(_first_upper(W.verdict(v)) for v in ("compliant", "absent", "wrong_level",
                                                            "undetermined", "not_applicable",
                                                            "waived"))])  # fmt: skip
    for i, (month, f) in enumerate(zip(s.months, s.overall), start=row + 1):
        _row(ws, i, [W.month_short(month), f.meetings, f.assessed, f.compliant, f.absent,
                     f.wrong_level, f.undetermined, f.not_applicable, f.waived])  # fmt: skip
    if s.months and s.total.meetings:
        anchor = row + len(s.months) + 2
        ws.add_chart(chart, f"A{anchor}")
        ws._chart_rows = anchor + 19
    ws.freeze_panes = "B2"
    _widths(ws, [12, *[12] * max(len(names), 8)])


def _breakdown(ws: Any, s: Summary) -> None:
    from openpyxl.utils import get_column_letter

    _header(ws, 1, [W.t(s.group_by), *map(W.month_short, s.months), W.t("all"),
                    W.t("change")])  # fmt: skip
    for i, r in enumerate(s.breakdown, start=2):
        key = _label(r.key) if s.group_by == "platform" else r.key
        change = None if r.change is None else round(r.change * 100)
        _row(ws, i, [key, *(f.compliance_rate for f in r.months), r.total.compliance_rate, change],
             [None] + [PERCENT] * (len(s.months) + 1) + [_change_format()])  # fmt: skip
    if s.breakdown:
        _colour_scale(ws, f"B2:{get_column_letter(len(s.months) + 2)}{len(s.breakdown) + 1}")
    ws.freeze_panes = "B2"
    _widths(ws, [22, *[10] * (len(s.months) + 1), 16])


def _gaps(ws: Any, s: Summary) -> None:
    _header(ws, 1, [W.t("gap"), W.t("mission"), W.t("platform"), W.t("verdict"),
                    W.t("months_failing"), W.t("months_met"), W.t("meetings_failing"),
                    W.t("meetings"), W.t("seat")])  # fmt: skip
    for i, g in enumerate(s.gaps, start=2):
        role = role_words(W, g.required_codes, g.required)
        _row(ws, i, [sentences.gap_text(g, W, role), g.mission, g.label, W.verdict(g.kind),
                     g.months_failing, g.months_met, g.meetings_failing, g.meetings, role])  # fmt: skip
    ws.auto_filter.ref = f"A1:I{max(1, len(s.gaps) + 1)}"
    ws.freeze_panes = "A2"
    _widths(ws, [60, 10, 18, 12, 10, 10, 10, 10, 28])


def _submissions(ws: Any, s: Summary) -> None:
    _header(ws, 1, [W.t("mission"), W.t("region"), W.t("month"), W.t("status"), W.t("file")])
    for i, g in enumerate(s.submissions, start=2):
        _row(ws, i, [g.mission, g.region, W.month_short(g.month), W.status(g.status), g.path])
    ws.auto_filter.ref = f"A1:E{max(1, len(s.submissions) + 1)}"
    ws.freeze_panes = "A2"
    _widths(ws, [10, 22, 10, 12, 50])


def _lines(text: Any, width: float) -> int:
    """How many lines a wrapped cell takes at a column width (in characters)."""
    if not isinstance(text, str) or not text:
        return 1
    return sum(max(1, -(-len(part) // max(1, int(width * 1.05)))) for part in text.split("\n"))


def _fit_wrapped(ws: Any) -> None:
    """Rows whose wrapped cells need more than one line and have no height yet get one."""
    from openpyxl.utils import get_column_letter

    widths = {c: ws.column_dimensions[get_column_letter(c)].width or 8.43
              for c in range(1, ws.max_column + 1)}  # fmt: skip
    for row in ws.iter_rows():
        if not row or ws.row_dimensions[row[0].row].height is not None:
            continue
        lines = max((_lines(c.value, widths.get(c.column, 8.43)) for c in row
                     if c.alignment is not None and c.alignment.wrap_text), default=1)  # fmt: skip
        if lines > 1:
            ws.row_dimensions[row[0].row].height = 13 * lines + 2


def _fit_rows(ws: Any, first: int, last: int, widths: Sequence[float]) -> None:
    """Row heights for wrapped text: spreadsheet programs do not grow rows on opening a file,
    so a row of long findings would print over the next one."""
    for row in range(first, last + 1):
        lines = max(_lines(ws.cell(row=row, column=c).value, w) for c, w in
                    enumerate(widths, start=1))  # fmt: skip
        if lines > 1:
            ws.row_dimensions[row].height = 13 * lines + 2


def _meetings(ws: Any, s: Summary) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    lead = [] if s.group_by == "mission" else [W.t(s.group_by)]
    header = [*lead, W.t("mission"), W.t("month"), W.t("date"), W.t("platform"), W.t("level"),
              W.t("location"), W.t("verdict"), W.t("iom_attendees"), W.t("findings"),
              W.t("file"), W.t("cells")]  # fmt: skip
    _header(ws, 1, header)
    widths = [*([12] if lead else []), 8, 9, 11, 16, 12, 14, 14, 26, 60, 22, 14]
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for i, e in enumerate(s.meetings, start=2):
        findings = "\n".join(
            f"{f['code']} {f['message']}"
            + (f" [{W.t('waived_because', reason=f.get('waiver_reason'))}]" if f.get("waived") else "")
            for f in e.findings
        )  # fmt: skip
        cells = ", ".join(str(f["cell"]) for f in e.findings if f.get("cell"))
        group = [_label(e.group) if s.group_by == "platform" else e.group] if lead else []
        values = [
            *group, e.mission, W.month_short(e.month), e.date, e.label,
            W.t("level_" + e.level) if W.has("level_" + e.level) else e.level, e.location,
            W.verdict(e.verdict) + (f" ({W.t('waived')})" if e.waived else ""),
            "; ".join(e.attendees), findings, e.path, cells,
        ]  # fmt: skip
        _row(ws, i, values)
        for column in range(1, len(values) + 1):
            ws.cell(row=i, column=column).alignment = wrap if column > len(lead) + 4 else top
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(1, len(s.meetings) + 1)}"
    ws.freeze_panes = "A2"
    _widths(ws, widths)
    _fit_rows(ws, 2, len(s.meetings) + 1, widths)
