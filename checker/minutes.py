"""Minutes in prose beside the sign-in sheets: their apologies line held against the list.

A workbook may keep a meeting's minutes on a sheet of their own ("Ata UNCT": "Ata da reunião
da Equipa de País das Nações Unidas (UNCT) – 1 de dezembro de 2026", "Presentes: …",
"Ausências justificadas: OIM (Chefe de Missão), representada pela Oficial de Programa"). No
table of people is on it, so it is not a roster; but when its apologies line names IOM and
its heading names the platform and the date of one sign-in sheet of the workbook, the IOM
rows of that sheet may be the very person the minutes call excused: their attendance is
unknown, and the reason names the minutes' sheet and cell. Minutes naming IOM among the
apologies that cannot be tied to one meeting are said (S219), never ignored silently.

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
    texts = [str(line.value) for line in platform.candidates] or [str(platform.value)]
    text = next((t for t in texts if headers.names_platform(t)), None)
    if text is None:
        return False
    mine, other = _platforms(minutes.platform, headers), _platforms(text, headers)
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
    key = f" {fold(text)} "
    return frozenset(name for name in headers.platforms if f" {name} " in key)
