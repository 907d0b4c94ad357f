"""Minutes in prose beside the sign-in sheets: their apologies line held against the list.

A workbook may keep a meeting's minutes on a sheet of their own ("Ata UNCT": "Ata da reunião
da Equipa de País das Nações Unidas (UNCT) – 1 de dezembro de 2026", "Presentes: …",
"Ausências justificadas: OIM (Chefe de Missão), representada pela Oficial de Programa"). No
table of people is on it, so it is not a roster; but when its apologies line names IOM and
its heading names the platform and the date of one sign-in sheet of the workbook, the IOM
rows of that sheet may be the very person the minutes call excused: their attendance is
unknown, and the reason names the minutes' sheet and cell. Minutes naming IOM among the
apologies that cannot be tied to one meeting are said (S219), never ignored silently.

A sign-in sheet named by its meeting's number and undated ("HCT-14" under "MEETING 14/2026")
takes its date from the heading of another sheet that names the same platform and number
with a date ("Minutes of HCT meeting 14/2026 – held on 4 November 2026"), when exactly one
date is so given and no other sign-in sheet has that platform and number.

numpy only (runs in the batch's reader processes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from checker import presence, titleblock
from checker.dates import DayMonth, ParsedDate, read_date
from checker.findings import column_letter
from checker.headers import Headers
from checker.lazyre import lazy
from checker.reader import SheetGrid
from checker.text import fold

if TYPE_CHECKING:
    from checker.layout import RosterTable

# The presence of an IOM row whose meeting's minutes name IOM among the apologies, before
# "sheet\tcell\tline" (judge: reason_minutes).
MINUTES = "(minutes) "


@dataclass(frozen=True)
class Apologies:
    """An apologies line naming IOM, and its cell."""

    sheet: str
    row: int  # Excel row
    col: int  # 0-based
    line: str

    @property
    def cell(self) -> str:
        return f"{column_letter(self.col)}{self.row}"


@dataclass(frozen=True)
class Minutes:
    """A sheet of minutes: the meeting its heading names (as written) and its apologies."""

    heading: str
    date: Any  # the date as written, None when the heading names none
    platform: str | None  # the text naming the platform
    apologies: Apologies


@dataclass(frozen=True)
class Untied:
    """Minutes whose apologies name IOM but that name no one meeting of the workbook:
    `matches` sign-in sheets have their platform and date (0, or several)."""

    minutes: Minutes
    matches: int


def read_minutes(sheet: SheetGrid, headers: Headers) -> Minutes | None:
    """The minutes on a sheet with no table, when a line of them lists apologies naming IOM
    ("Excusés : OIM (Chef de mission)", "Ausências justificadas: OIM (…)"); else None."""
    lines: list[titleblock.Line] = []
    for r, row in enumerate(sheet.cells):
        for c, value in enumerate(row):
            if value in ("", None):
                continue
            if isinstance(value, str) and presence.apologies_line(
                [presence.Note(value, "")], headers
            ):
                block = titleblock.read_title_block(lines, sheet.name, headers.names_platform)
                platform = next((str(line.value) for line in block.platforms
                                 if headers.names_platform(str(line.value))), None)  # fmt: skip
                heading = next((str(line.value) for line in lines), sheet.name)
                return Minutes(heading, block.date.value if block.date else None, platform,
                               Apologies(sheet.name, r + 1, c, value.strip()))  # fmt: skip
            lines.append(titleblock.Line(r + 1, c, value))
    return None


@dataclass(frozen=True)
class NumberedDate:
    """The date another sheet's heading gives a meeting it names by number."""

    sheet: str
    row: int  # Excel row
    col: int  # 0-based
    value: Any  # the date as written
    line: str


# A line about the meeting after ("Next meeting: HCT 15/2026 on …"), folded: a plan, no record.
_NEXT = lazy(r"\b(?:next|prochaine?|proxima|proximo|siguiente|seguinte)\b")
_HEADING_ROWS = 3  # the rows of a sheet that can be its heading (the first ones with text)


def dates_by_number(
    undated: dict[str, tuple[RosterTable, SheetGrid]], others: list[SheetGrid], headers: Headers
) -> dict[str, NumberedDate]:
    """The dates of sign-in sheets named by their meeting's number (by their sheet's name:
    {name: (table, sheet)}), from the heading of another sheet (`others`) that names the
    same platform and the same number ("Minutes of HCT meeting 14/2026 – held on 4 November
    2026" for "HCT-14" under "MEETING 14/2026"). None for a sheet when no heading, or
    headings giving two days, or another sign-in sheet with that platform and number."""
    keys: dict[str, tuple[tuple[int, int | None], frozenset[str]]] = {}
    for name, (table, grid) in undated.items():
        number, platforms = _number_of(table, grid), _platforms_of(table, headers)
        if number is not None and platforms:
            keys[name] = (number, platforms)
    found: dict[str, NumberedDate] = {}
    for name, (number, platforms) in keys.items():
        if any(other != name and _same(number, platforms, *key) for other, key in keys.items()):
            continue  # two sheets of one platform and number: which is which is not known
        dates = [d for grid in others for d in _numbered_dates(grid, headers)
                 if _same(number, platforms, d[0], d[1])]  # fmt: skip
        days = {_day(d[2].value) for d in dates}
        if len(days) == 1 and None not in days:
            found[name] = dates[0][2]
    return found


def _same(number: tuple[int, int | None], platforms: frozenset[str],
          other: tuple[int, int | None], theirs: frozenset[str]) -> bool:  # fmt: skip
    """The same meeting number (and year, when both say it) of the same platform."""
    if number[0] != other[0] or (None not in (number[1], other[1]) and number[1] != other[1]):
        return False
    return bool(platforms) and bool(theirs) and (platforms <= theirs or theirs <= platforms)


def _number_of(table: RosterTable, grid: SheetGrid) -> tuple[int, int | None] | None:
    """The meeting's number a sign-in sheet's heading gives ("MEETING 14/2026"), else its
    sheet's name ("HCT-14"); None when they disagree or neither gives one."""
    said = {n for row in grid.cells[: table.header_row - 1] for v in row
            if isinstance(v, str) and (n := titleblock.meeting_number(v)) is not None}  # fmt: skip
    named = titleblock.sheet_number(grid.name)
    if len(said) > 1 or (said and named is not None and next(iter(said))[0] != named):
        return None
    return next(iter(said)) if said else (named, None) if named is not None else None


def _platforms_of(table: RosterTable, headers: Headers) -> frozenset[str]:
    platform = table.constant("platform")
    if platform is None:
        return frozenset()
    texts = [str(line.value) for line in platform.candidates] or [str(platform.value)]
    text = next((t for t in texts if headers.names_platform(t)), None)
    return frozenset() if text is None else _platforms(text, headers)


def _numbered_dates(
    grid: SheetGrid, headers: Headers
) -> list[tuple[tuple[int, int | None], frozenset[str], NumberedDate]]:
    """The meetings a sheet's heading names by number and platform, each with its date: on
    the line itself, or on another line of the heading ("Date: 4 November 2026")."""
    lines: list[titleblock.Line] = []
    for r, row in enumerate(grid.cells):
        texts = [(c, v) for c, v in enumerate(row) if v not in ("", None)]
        lines += [titleblock.Line(r + 1, c, v) for c, v in texts]
        if len({line.row for line in lines}) >= _HEADING_ROWS:
            break
    found = []
    for line in lines:
        text = line.value
        if not isinstance(text, str) or _NEXT.search(fold(text)):
            continue
        number = titleblock.meeting_number(text)
        platforms = _platforms(text, headers)
        if number is None or not platforms:
            continue
        span = titleblock.find_date(text)
        if span is not None:
            date: Any = text[span[0] : span[1]]
            cell = line
        else:  # a date line of its own in the heading
            block = titleblock.read_title_block(
                [x for x in lines if x is not line and not _NEXT.search(fold(x.value))], ""
            )
            if block.date is None:
                continue
            date, cell = block.date.value, block.date
        found.append((number, platforms,
                      NumberedDate(grid.name, cell.row, cell.col, date, text.strip())))  # fmt: skip
    return found


def same_meeting(minutes: Minutes, table: RosterTable, headers: Headers) -> bool:
    """Whether a sign-in sheet is the meeting the minutes name: the same day, and platform
    texts naming the same platforms (one's names among the other's: "UNCT" and "Equipa de
    País das Nações Unidas (UNCT)")."""
    date, platform = table.constant("date"), table.constant("platform")
    if date is None or platform is None or minutes.platform is None:
        return False
    ours, theirs = _day(minutes.date), _day(date.value)
    if ours is None or theirs is None or ours[1:] != theirs[1:]:
        return False
    if ours[0] is not None and theirs[0] is not None and ours[0] != theirs[0]:
        return False
    mine, other = _platforms(minutes.platform, headers), _platforms_of(table, headers)
    return bool(mine) and bool(other) and (mine <= other or other <= mine)


def excuse(fields: np.ndarray, where: int, organisation: int | None, apologies: Apologies,
           headers: Headers) -> None:  # fmt: skip
    """The IOM rows of the sign-in sheet: their attendance is unknown (the minutes may call
    excused the very person the list names), unless the row says absent."""
    mark = f"{MINUTES}{apologies.sheet}\t{apologies.cell}\t{apologies.line}"
    presence.doubt_iom_rows(fields, where, organisation, mark, headers)


def _day(value: Any) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date as written; None when it is not one day."""
    parsed = read_date(value)
    if isinstance(parsed, ParsedDate) and parsed.alternative is None and not parsed.month_only:
        return parsed.value.year, parsed.value.month, parsed.value.day
    if isinstance(parsed, DayMonth):
        return None, parsed.month, parsed.day
    return None


def _platforms(text: str, headers: Headers) -> frozenset[str]:
    """The platforms and sectors a text names, by code where the vocabulary gives one
    ("Humanitarian Country Team" and "HCT" → {"HCT"})."""
    key = f" {fold(text)} "
    return frozenset(headers.codes.get(name, name) for name in headers.platforms
                     if f" {name} " in key)  # fmt: skip
