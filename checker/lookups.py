"""A title computed by a lookup (`=VLOOKUP(C11,'Staff'!$A$3:$C$20,3,FALSE)`, XLOOKUP,
INDEX/MATCH; PROCV, BUSCARV, RECHERCHEV in a localised file) rather than typed: its cached
value is the first row whose key matches. When the looked-up range holds the key on two
rows or more (two staff named "M. Said"), which of them the row is cannot be told from the
title: the title is no evidence, and the row's attendance is in doubt (judge:
reason_lookup_ambiguous). A VLOOKUP whose cached value is not what the looked-up row now
holds (calculation left on manual, the staff list changed since) is stale: which of the two
is the person's title that day cannot be told (judge: reason_lookup_stale)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from checker.text import fold

_REF = r"\$?([A-Z]{1,3})\$?([0-9]{1,7})"
# The function, its key (a cell of the row) and the range it looks the key up in: the first
# column of a VLOOKUP's table, an XLOOKUP's or MATCH's lookup array.
_LOOKUP = re.compile(
    r"(?i)\b(?:_xlfn\.)?(?:vlookup|xlookup|x?match|procv|procx|corresp|buscarv|buscarx|"
    r"coincidir|recherchev|recherchex|equiv|consultav)\s*\(\s*" + _REF + r"\s*[,;]\s*"
    r"(?:('[^']+'|[^'!,;()\s]+)!)?\$?([A-Z]{1,3})\$?([0-9]{0,7})(?::\$?[A-Z]{1,3}\$?([0-9]{0,7}))?"
)
# A VLOOKUP's exact-match call: its key, table (sheet, first column and rows), the column
# index it returns and its range_lookup argument (FALSE / 0 / FALSO / FAUX).
_VLOOKUP = re.compile(
    r"(?i)\b(?:vlookup|procv|buscarv|recherchev|consultav)\s*\(\s*" + _REF + r"\s*[,;]\s*"
    r"(?:('[^']+'|[^'!,;()\s]+)!)?\$?([A-Z]{1,3})\$?([0-9]{0,7})(?::\$?[A-Z]{1,3}\$?([0-9]{0,7}))?"
    r"\s*[,;]\s*([0-9]{1,3})\s*[,;]\s*(false|faux|falso|0)\s*\)"
)
STALE = "(lookup stale) "
# A lookup this module writes as a row's presence: this, the cell, the key, the sheet looked
# up, the count and the value shown ("\x00" between).
AMBIGUOUS = "(lookup ambiguous) "


def _column(letters: str) -> int:
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return col - 1


def ambiguous(formula: str, row: Sequence[Any], own: str,
              grids: Mapping[str, Sequence[Sequence[Any]]]) -> tuple[str, str, int] | None:  # fmt: skip
    """(key, sheet looked up, rows holding it) when the formula's key is found on two rows
    or more of the range it looks up, else None. `row`: the cells of the formula's row;
    `grids`: the workbook's sheets' cells by name."""
    found = _LOOKUP.search(formula)
    if found is None:
        return None
    key_col, _key_row, sheet, col, first, last = found.groups()
    key = row[_column(key_col)] if _column(key_col) < len(row) else None
    if key in (None, ""):
        return None
    name = sheet.strip("'").replace("''", "'") if sheet else own
    cells = grids.get(name)
    if cells is None:
        return None
    count = len(_rows_holding(cells, _column(col), first, last, key))
    return (str(key), name, count) if count > 1 else None


def _rows_holding(cells: Sequence[Sequence[Any]], c: int, first: str | None, last: str | None,
                  key: object) -> list[Sequence[Any]]:  # fmt: skip
    """The rows of the looked-up range (rows `first`–`last`, 1-based; the whole sheet when
    not given) whose column `c` holds `key`, folded."""
    start = int(first) - 1 if first else 0
    end = int(last) if last else len(cells)
    wanted = fold(str(key))
    return [r for r in cells[start:end]
            if c < len(r) and r[c] not in (None, "") and fold(str(r[c])) == wanted]  # fmt: skip


def mark(cell: str, key: str, sheet: str, count: int, shown: object) -> str:
    return f"{AMBIGUOUS}{cell}\x00{key}\x00{sheet}\x00{count}\x00{shown or ''}"


def read(said: object) -> tuple[str, str, str, str, str] | None:
    """(cell, key, sheet, count, value shown) of a `mark`, else None."""
    if type(said) is not str or not said.startswith(AMBIGUOUS):
        return None
    cell, key, sheet, count, shown = said.removeprefix(AMBIGUOUS).split("\x00", 4)
    return cell, key, sheet, count, shown


def stale(formula: str, row: Sequence[Any], own: str, shown: object,
          grids: Mapping[str, Sequence[Sequence[Any]]]) -> tuple[str, str, str] | None:  # fmt: skip
    """(key, sheet looked up, the value the looked-up row now holds) when an exact-match
    VLOOKUP's cached value `shown` is not what the one row holding its key holds now (the
    workbook was not recalculated since the list changed), else None. Only a key found on
    exactly one row of a sheet read in full is recomputed: anything else is not told."""
    found = _VLOOKUP.search(formula)
    if found is None or shown in (None, ""):
        return None
    key_col, _key_row, sheet, col, first, last, index, _exact = found.groups()
    key = row[_column(key_col)] if _column(key_col) < len(row) else None
    if key in (None, ""):
        return None
    name = sheet.strip("'").replace("''", "'") if sheet else own
    cells = grids.get(name)
    if cells is None:
        return None
    take = _column(col) + int(index) - 1
    hits = _rows_holding(cells, _column(col), first, last, key)
    if len(hits) != 1 or int(index) < 1:
        return None
    now = hits[0][take] if take < len(hits[0]) else None
    if now in (None, "") or fold(str(now)) == fold(str(shown)):
        return None
    return str(key), name, str(now)


def mark_stale(cell: str, key: str, sheet: str, now: str, shown: object) -> str:
    return f"{STALE}{cell}\x00{key}\x00{sheet}\x00{now}\x00{shown or ''}"


def read_stale(said: object) -> tuple[str, str, str, str, str] | None:
    """(cell, key, sheet, value now, value shown) of a `mark_stale`, else None."""
    if type(said) is not str or not said.startswith(STALE):
        return None
    cell, key, sheet, now, shown = said.removeprefix(STALE).split("\x00", 4)
    return cell, key, sheet, now, shown


def sheets_looked_up(formulas: Sequence[str], own: str) -> set[str]:
    """The sheets other than `own` whose ranges these lookup formulas look values up in."""
    names = set()
    for formula in formulas:
        for found in _LOOKUP.finditer(formula):
            sheet = found.group(3)
            if sheet:
                names.add(sheet.strip("'").replace("''", "'"))
    names.discard(own)
    return names
