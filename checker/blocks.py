"""Tables side by side on one sheet: national meetings in A–E, sector meetings in G–K, an
empty column between them, each table with its own title above it.

Read as one table across the whole width, the right table's columns would be taken for the
left one's ("Sector" in H as the sector of the left table's rows, its Date, Name… as
duplicates) and its rows lost without a word. So a sheet is cut at its empty columns, and
each part is read as a sheet of its own (`Block.grid`: the other columns blank, so that cell
positions stay the sheet's).

A lone empty column inside one table is common in hand-made rosters (a spacer between Title
and Signature, between the meeting's columns and the people's, in a two-row header): a part
starts a table of its own only when it and the table on its left each list people (a name or
an organisation column holding words, not a chart's counts) and the part repeats the name or
organisation column of the table on its left (no table has two Name columns) with another of
its fields, or has its header on another row (a table beside, misaligned by a row or two).
Any other part belongs to the table on its left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from checker.reader import SheetGrid


@dataclass(frozen=True)
class Block:
    """One table of a sheet that holds several side by side."""

    first: int  # 0-based first column
    last: int  # 0-based last column (inclusive)
    grid: SheetGrid  # the sheet with every column outside first..last blank


_PEOPLE = frozenset({"attendee", "organization"})


@dataclass(frozen=True)
class Part:
    """What the header of a part of the sheet says."""

    row: int  # 0-based row of its header
    fields: frozenset[str]  # the fields it names
    people: bool  # its name or organisation column holds words: people, agencies


# A part of the sheet (the other columns blank) → what its header says (None: it has none).
HeaderOf = Callable[[SheetGrid], Part | None]


_EMPTY = (None, "")


def column_parts(sheet: SheetGrid, header_index: int) -> list[tuple[int, int]]:
    """Runs of columns holding something from the header row down, cut at the columns
    that hold nothing there (0-based, inclusive)."""
    cells = sheet.cells[header_index:]
    width = max((len(row) for row in cells), default=0)
    # Row by row, the columns still empty (most sheets: none, or a few past the table).
    empty = [c for c in range(width) if c >= len(cells[0]) or cells[0][c] in _EMPTY]
    for row in cells[1:]:
        if not empty:
            break
        empty = [c for c in empty if c >= len(row) or row[c] in _EMPTY]
    gaps = set(empty)
    parts: list[tuple[int, int]] = []
    start: int | None = None
    for col in range(width):
        if col not in gaps:
            start = col if start is None else start
        elif start is not None:
            parts.append((start, col - 1))
            start = None
    if start is not None:
        parts.append((start, width - 1))
    return parts


def view(sheet: SheetGrid, first: int, last: int, rows: int | None = None) -> SheetGrid:
    """The sheet (its first `rows` rows) with only columns first..last, the others blank:
    cell positions stay the sheet's."""
    cells = [[v if first <= c <= last else None for c, v in enumerate(row)]
             for row in sheet.cells[:rows]]  # fmt: skip
    return replace(sheet, cells=cells)


def _starts_a_table(left: Part, part: Part) -> bool:
    """Whether a part is a table of its own beside `left`, not more of it."""
    if not (left.people and part.people):
        return False
    shared = part.fields & left.fields
    return bool(shared & _PEOPLE) and (len(shared) >= 2 or part.row != left.row)


def side_by_side(
    sheet: SheetGrid, header_index: int, header_of: HeaderOf, head: int
) -> list[Block]:
    """The tables standing side by side on the sheet whose header was found at
    `header_index`, left to right; [] when it holds one table across. A part's header is
    looked for in its first `head` rows."""
    parts = column_parts(sheet, header_index)
    if len(parts) < 2:
        return []
    tables: list[tuple[int, int, Part | None]] = []
    for first, last in parts:
        found = header_of(view(sheet, first, last, head))
        if tables:
            left_first, _, left = tables[-1]
            if left is None or found is None or not _starts_a_table(left, found):
                # More of the table on the left: its columns, and the fields they name.
                if left is None:
                    left = found
                elif found is not None:
                    left = replace(left, fields=left.fields | found.fields,
                                   people=left.people or found.people)  # fmt: skip
                tables[-1] = (left_first, last, left)
                continue
        tables.append((first, last, found))
    if len(tables) < 2:
        return []
    return [Block(first, last, view(sheet, first, last)) for first, last, _ in tables]
