"""Which month a roster's ambiguous dates are read in, when the file states more than one.

A roster's period may be stated by the command line, a Metadata/Info sheet, the file's name
and the heading of each list ("ATTENDANCE REGISTER – DECEMBER 2026"). When they agree, or
only one is stated, the period reads the dates that read both ways (03/12/2026) as before.
When they disagree (BTN_2026-11_… titled "DECEMBER 2026"; an Info sheet left at last month's
"2026-10" in a November list), the tool does not pick one silently and flip dates by it:
S222 names the statements, and a date that reads both ways is read only where every stated
month reads it alike ("01/12/2026" is 1 December by November and by December alike;
"11/12/2026" is 12 November by the one, 11 December by the other: not read, S203). The
column's own evidence (its order, a header stating it, a weekday) still reads it.

The period the file then has is the heading's month (the document's own statement about the
rows under it), else the Metadata sheet's, else the file name's; the command line always
wins, and is still held against the others.

A workbook of several months' sheets (last month's sheet left before this month's) is no
disagreement: a list whose heading names another month than the period, beside a list whose
heading names the period's month, is that month's list, and its ambiguous dates are read in
its month ("11/10/2026" on October's sheet is 11 October, not 10 November); its meetings
are outside the period (S207) as any other row of another month. A list without a heading
month whose dates that read one way only all fall in one other month (two at least) adds
that month to the months its ambiguous dates must agree in: no flip either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.dates import DayMonth, ParsedDate


@dataclass(frozen=True)
class Statement:
    """Where a period is stated: `source` is command line, metadata sheet, file name, title
    or dates; `sheet`, `row` (Excel) and `col` (0-based) place a title; `text` is its text."""

    source: str
    period: str
    sheet: str | None = None
    row: int | None = None
    col: int | None = None
    text: str | None = None


@dataclass
class PeriodReading:
    """What a file's statements of its period come to."""

    period: str | None
    source: str | None
    # Local table index → the months its ambiguous dates are read in, for the tables read
    # otherwise than by `default`.
    tables: dict[int, tuple[str, ...]] = field(default_factory=dict)
    default: tuple[str, ...] = ()  # the months of the other tables; () is `period` alone
    # The statements that disagree (S222), empty when none do.
    conflict: tuple[Statement, ...] = ()

    def of(self, table: int) -> tuple[str, ...]:
        """The months a table's ambiguous dates are read in (local index)."""
        return self.tables.get(table, self.default or ((self.period,) if self.period else ()))


def _agree(a: str, b: str) -> bool:
    """A month and a year (or two equal periods) agree: "2026-11" is in "2026"."""
    return a.startswith(b) or b.startswith(a)


def decide(
    fixed: Sequence[Statement],
    titles: dict[int, Statement],
    dated: dict[int, Statement] | None = None,
) -> PeriodReading:
    """The file's period and how each table's ambiguous dates are read. `fixed`: the
    command line's, the Metadata sheet's and the file name's statements, in that order (the
    ones made); `titles`: each table's heading month; `dated`: each table (without a heading
    month) whose dates that read one way only all fall in one month."""
    dated = dated or {}
    command = next((s for s in fixed if s.source == "command line"), None)
    first = fixed[0] if fixed else None
    title_months = {s.period for s in titles.values()}
    # The period by the statements beside the titles (command line, Metadata, file name).
    by_file = first.period if first else None
    # A workbook of several months' sheets: a heading names the file's period; the others
    # are their months' lists.
    several = (by_file is not None and len(by_file) == 7 and len(title_months) > 1
               and by_file in title_months)  # fmt: skip
    if command is not None:
        period, source = command.period, command.source
    elif len(title_months) == 1 and (by_file is None or not _agree(by_file, *title_months)):
        title = next(iter(titles.values()))  # the document's word over the uploader's
        period, source = title.period, "title"
    elif first is not None:
        period, source = first.period, first.source
    else:
        return PeriodReading(None, None)
    reading = PeriodReading(period, source)
    conflict: dict[tuple[str, str], Statement] = {}
    # The file-level statements that disagree with each other (an Info sheet left at last
    # month, against the name).
    months = [s for s in fixed if len(s.period) == 7]
    for table, title in titles.items():
        if several and title.period != by_file:
            reading.tables[table] = (title.period,)  # last month's sheet, read in its month
            continue
        months.append(title)
    disputed = [s for s in months if any(not _agree(s.period, o.period) for o in months)]
    for s in disputed:
        conflict.setdefault((s.source, s.period), s)
    candidates = tuple(dict.fromkeys(s.period for s in disputed))
    if candidates:
        # Every table not already read in its own month is read where these agree.
        reading.default = tuple(dict.fromkeys((period, *candidates)))
    for table, found in dated.items():
        if table in titles or _agree(found.period, period):
            continue
        base = reading.tables.get(table, reading.default or (period,))
        if found.period not in base:
            reading.tables[table] = (*base, found.period)
    reading.conflict = tuple(conflict.values())
    return reading


def one_way_month(values: Sequence[ParsedDate | DayMonth | None]) -> str | None:
    """The month all of a table's dates that read one way only fall in, when there are two
    such dates at least (a lone row of another month is a slip, not the list's month)."""
    days = {v.value for v in values
            if isinstance(v, ParsedDate) and v.alternative is None and not v.month_only}  # fmt: skip
    months = {d.strftime("%Y-%m") for d in days}
    return months.pop() if len(days) >= 2 and len(months) == 1 else None
