"""A meeting calendar: a sheet that lists meetings and their dates but no people
("Calendário": Reunião | Data | Hora | Local, rows "EHP 1 | 05/11/2026 | …"), beside sign-in
sheets named by the meeting ("EHP 1", "UNCT 1") that carry no date of their own.

Each calendar row whose reference names such a sheet (by its name, case, spaces, dashes and
"nº" aside: "EHP-1", "ehp nº 1", "EHP 01" name the sheet "EHP 1") gives that sheet its date,
and says so on the sheet's reading line. What cannot be joined is said, never guessed: a
reference that names no sheet of the workbook, a sheet named twice with two dates (it stays
undated), a reference whose date cell holds no date or only a month ("Novembre 2026": no day),
two calendars that give one sheet two dates (it stays undated) (S217).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from checker.dates import DayMonth, ParsedDate, read_date
from checker.lazyre import lazy
from checker.reader import SheetGrid
from checker.text import fold

# "ehp no 1", "ehp n 1", "ehp 01": a name, perhaps a number sign, a number.
_NUMBERED = lazy(r"(?P<name>.*?[a-z].*?)\s*(?:\b(?:n|no|nr|num|numero|number)\s*)?(?P<n>\d+)")


def sheet_key(text: object) -> str:
    """What a reference and a sheet's name are matched on: "EHP nº1", "EHP-1" and "ehp 01"
    are all "ehp#1"."""
    folded = fold(text)
    match = _NUMBERED.fullmatch(folded)
    if match is None:
        return folded.replace(" ", "")
    return f"{match.group('name').replace(' ', '')}#{int(match.group('n'))}"


@dataclass(frozen=True)
class Dating:
    """A sheet's date, from the calendar's row `row` (Excel), column `col` (0-based)."""

    calendar: str  # the calendar sheet's name
    row: int
    col: int
    value: Any  # the date cell as written: read by stage two as any date cell


@dataclass(frozen=True)
class Problem:
    """A calendar row that gives no sheet its date: `kind` is "unmatched" (names no sheet),
    "twice" (the sheet `sheet` is given other dates on `rows`), "no_date" (its date cell
    holds no day), "own_date" (the sheet has a date of its own, `own`, and the calendar
    gives another: the sheet's is kept) or "calendars" (another calendar, `elsewhere`, gives
    the sheet another date, `own`, on its row `rows`: neither is taken)."""

    kind: str
    row: int  # Excel row of the calendar
    reference: str
    sheet: str = ""
    rows: tuple[int, ...] = ()
    value: Any = None
    own: Any = None  # "own_date": the date the sheet itself gives; "calendars": the other's
    elsewhere: str = ""  # "calendars": the other calendar's sheet


@dataclass(frozen=True)
class Calendar:
    """What a calendar sheet gives: each undated sheet's date, and the rows that give none."""

    sheet: str
    reference: int  # the column of the references (0-based)
    dates: dict[str, Dating]
    problems: tuple[Problem, ...]


def read_calendar(
    sheet: SheetGrid, start: int, reference: int, date: int, sheets: Iterable[str],
    undated: Iterable[str], dated: Mapping[str, Any] | None = None,
) -> Calendar | None:  # fmt: skip
    """The calendar on `sheet` (data from 0-based row `start`; the references in column
    `reference`, the dates in `date`) for a workbook of `sheets`, of which `undated` have no
    date of their own. None when no reference names an undated sheet: then the sheet is not
    these sheets' calendar (a list of meetings, read as it was)."""
    by_key = {sheet_key(name): name for name in sheets}
    undated = set(undated)
    found: dict[str, list[tuple[int, Any]]] = {}  # undated sheet → (row, date cell)
    problems: list[Problem] = []
    for r in range(start, len(sheet.cells)):
        row = sheet.cells[r]
        text = row[reference] if reference < len(row) else None
        value = row[date] if date < len(row) else None
        if text in ("", None):
            continue
        named = by_key.get(sheet_key(text))
        if named is None:
            problems.append(Problem("unmatched", r + 1, str(text).strip()))
        elif named in undated and _day(value) is None:
            problems.append(Problem("no_date", r + 1, str(text).strip(), named, value=value))
        elif named in undated:
            found.setdefault(named, []).append((r + 1, value))
        elif dated and named in dated and not _same_day(value, dated[named]):
            # the sheet's own date is kept, and the disagreement said
            problems.append(Problem("own_date", r + 1, str(text).strip(), named, value=value,
                                    own=dated[named]))  # fmt: skip
    if not found:
        return None
    dates: dict[str, Dating] = {}
    for named, rows in found.items():
        if len({_day(value) for _, value in rows}) > 1:  # two dates: neither is taken
            first = rows[0][0]
            problems.append(Problem("twice", first, named, named, tuple(r for r, _ in rows)))
            continue
        dates[named] = Dating(sheet.name, rows[0][0], date, rows[0][1])
    return Calendar(sheet.name, reference, dates, tuple(sorted(problems, key=lambda p: p.row)))


def agree(calendars: list[Calendar]) -> list[Calendar]:
    """The calendars of one workbook, each without the sheets another calendar gives another
    date: those stay undated, and each calendar says which cell of the other disagrees
    ("calendars"). Two calendars giving a sheet the same date agree: the first dates it."""
    out = list(calendars)
    for i, one in enumerate(calendars):
        for j, other in enumerate(calendars):
            if i == j:
                continue
            for name, dating in one.dates.items():
                theirs = other.dates.get(name)
                if theirs is None:
                    continue
                dates = dict(out[i].dates)
                if _day(theirs.value) != _day(dating.value):
                    dates.pop(name, None)
                    said = Problem("calendars", dating.row, name, name, (theirs.row,),
                                   dating.value, theirs.value, other.sheet)  # fmt: skip
                    problems = sorted((*out[i].problems, said), key=lambda p: p.row)
                    out[i] = replace(out[i], dates=dates, problems=tuple(problems))
                elif j < i:  # the same date: the first calendar dates the sheet
                    dates.pop(name, None)
                    out[i] = replace(out[i], dates=dates)
    return out


def _day(value: Any) -> ParsedDate | DayMonth | None:
    """A date cell's day; None for no date, or a month without its day ("Novembre 2026")."""
    parsed = read_date(value)
    return None if isinstance(parsed, ParsedDate) and parsed.month_only else parsed


def _same_day(one: Any, other: Any) -> bool:
    """Whether two date cells may name the same day (by day and month: one may lack its year,
    or be ambiguous); a cell that is no date names no day."""
    return bool(_days(one) & _days(other))


def _days(value: Any) -> set[tuple[int, int]]:
    """(month, day) of each day a date cell may be; none for a month alone (not a day)."""
    parsed = _day(value)
    if isinstance(parsed, DayMonth):
        return {(parsed.month, parsed.day)}
    if isinstance(parsed, ParsedDate):
        return {(d.month, d.day) for d in (parsed.value, parsed.alternative) if d is not None}
    return set()
