"""Raw sheet grids → where each roster table is, and which of its rows are data.

Finds the roster table in each visible sheet (header within the first 20 rows, titles above
it allowed), fills merged cells down, and drops blank and note rows (counted as skipped).
Each kept row keeps its sheet and Excel row, and each table the column of each field, so that
findings can name the exact cell. numpy only, no pandas: in a batch this runs in the worker
processes that read the files, before the parent has imported pandas (see checker.batch).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from checker.metadata import METADATA_SHEETS, Metadata, from_sheet
from checker.reader import SheetGrid, Workbook
from checker.vocabulary import Vocabulary, fold

HEADER_SEARCH_ROWS = 20
FIELDS = ("date", "platform", "level", "location", "attendee", "organization", "title", "sector",
          "capacity")  # fmt: skip


@dataclass(frozen=True)
class RosterTable:
    """Where one roster table sits in the workbook."""

    index: int
    sheet: str
    header_row: int  # Excel row number of the header
    columns: dict[str, int]  # field → 0-based column index


@dataclass
class Layout:
    """One file's roster tables and the cells of their kept rows, before any pandas: files
    are laid out one by one and framed together (`build_roster`), so that pandas' per-call
    cost is paid once per batch of files rather than once per file."""

    path: Path
    sheets_seen: list[str]  # names of the visible sheets, to say where no table was found
    tables: list[RosterTable]
    # Cells filled from a merged range → the range's top-left cell: (table, row, col) → (row, col).
    merged_origin: dict[tuple[int, int, int], tuple[int, int]]
    rows_read: int
    rows_skipped: int
    metadata: Metadata
    cells: np.ndarray  # one row per kept row; the FIELDS, then the sheet name (object)
    rows: np.ndarray  # Excel row of each kept row
    table_of_row: np.ndarray  # table index of each kept row


# ------------------------------------------------------------------ finding the tables


def _header_fields(row: list[Any], vocabulary: Vocabulary) -> dict[str, int]:
    fields: dict[str, int] = {}
    for col, cell in enumerate(row):
        if isinstance(cell, str) and cell.strip():
            name = vocabulary.header_field(cell)
            if name is not None and name not in fields:
                fields[name] = col
    return fields


def _find_header(sheet: SheetGrid, vocabulary: Vocabulary) -> tuple[int, dict[str, int]] | None:
    best: tuple[int, dict[str, int]] | None = None
    for r, row in enumerate(sheet.cells[:HEADER_SEARCH_ROWS]):
        fields = _header_fields(row, vocabulary)
        if len(fields) >= 2 and (best is None or len(fields) > len(best[1])):
            best = (r, fields)
    return best


def locate_tables(
    workbook: Workbook, vocabulary: Vocabulary
) -> tuple[list[RosterTable], Metadata, list[SheetGrid]]:
    """Roster tables of the workbook, the metadata sheet's contents, and the roster sheets."""
    candidates: list[tuple[SheetGrid, int, dict[str, int]]] = []
    metadata = Metadata()
    for sheet in workbook.hidden_metadata:  # a visible metadata sheet, read below, wins
        metadata = from_sheet(sheet)
    for sheet in workbook.sheets:
        if fold(sheet.name) in METADATA_SHEETS:
            metadata = from_sheet(sheet)
            continue
        found = _find_header(sheet, vocabulary)
        if found is not None:
            candidates.append((sheet, *found))
    required = {f for f, c in vocabulary.columns.columns.items() if c.required}
    complete = [c for c in candidates if required <= c[2].keys()]
    # A visible lists sheet ("Platform | Title | Sector") is not a roster when others are.
    chosen = complete or candidates[:1]
    tables = [
        RosterTable(i, sheet.name, header + 1, fields)
        for i, (sheet, header, fields) in enumerate(chosen)
    ]
    return tables, metadata, [sheet for sheet, _, _ in chosen]


# ------------------------------------------------------------------ building the frame


def _fill_merged_down(
    sheet: SheetGrid,
    header_index: int,
    table: int,
    origin: dict[tuple[int, int, int], tuple[int, int]],
) -> None:
    """A date or platform merged down over a meeting's attendees belongs to every row."""
    cells = sheet.cells
    for r0, c0, r1, _c1 in sheet.merged:
        if r0 <= header_index or r1 == r0 or r0 >= len(cells):
            continue
        value = cells[r0][c0] if c0 < len(cells[r0]) else ""
        for r in range(r0 + 1, min(r1, len(cells) - 1) + 1):
            row = cells[r]
            if c0 < len(row) and row[c0] in ("", None):
                row[c0] = value
                origin[(table, r + 1, c0)] = (r0, c0)


def _clean(grid: np.ndarray) -> np.ndarray:
    """Strip text; blank text (and NaN) becomes None. Equal texts and dates become one
    object: a roster repeats the same few words and dates on every row, so the laid-out
    file takes less memory, and pickles (to the process that judges it) in half the time."""
    cells = grid.ravel().tolist()
    canonical: dict[object, object] = {}
    for value in set(cells):  # each distinct value once (1, 1.0 and True merge: not used)
        kind = type(value)
        if kind is str:
            canonical[value] = value.strip() or None
        elif kind is dt.datetime or kind is dt.date:  # never equal to a text, nor each other
            canonical[value] = value
        elif value != value:  # NaN: an empty cell
            canonical[value] = None
    cleaned = np.empty(len(cells), dtype=object)
    cleaned[:] = [canonical.get(value, value) for value in cells]
    return cleaned.reshape(grid.shape)


def _grid(body: list[list[Any]], width: int) -> np.ndarray:
    """Rows → a 2-D object array of `width` columns (CSV rows may be ragged)."""
    grid = np.full((len(body), width), None, dtype=object)
    if body and len(set(map(len, body))) == 1:
        whole = np.empty((len(body), len(body[0])), dtype=object)
        whole[:] = body
        usable = min(width, whole.shape[1])
        grid[:, :usable] = whole[:, :usable]
        return grid
    for r, row in enumerate(body):
        grid[r, : min(width, len(row))] = row[:width]
    return grid


def _table_rows(
    table: RosterTable, sheet: SheetGrid, origin: dict[tuple[int, int, int], tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Data rows of one table → (cells of the kept rows, their Excel rows, rows read, rows
    skipped)."""
    header_index = table.header_row - 1
    _fill_merged_down(sheet, header_index, table.index, origin)
    body = sheet.cells[header_index + 1 :]
    width = max(max(table.columns.values()) + 1, len(sheet.cells[header_index]))
    cells = _clean(_grid(body, width))
    filled = np.count_nonzero(cells != None, axis=1)  # noqa: E711 - elementwise on object cells
    nonempty = np.flatnonzero(filled)
    # Rows after the last non-empty one are not part of the table.
    rows_read = int(nonempty[-1]) + 1 if len(nonempty) else 0
    kept = filled[:rows_read] > 0
    for r in np.flatnonzero(filled[:rows_read] == 1):
        # A lone text cell ("Prepared by …", "Total") is a note, not a roster row.
        if any(type(value) is str for value in cells[r]):
            kept[r] = False
    index = np.flatnonzero(kept)
    fields = np.full((len(index), len(FIELDS) + 1), None, dtype=object)
    for i, name in enumerate(FIELDS):
        col = table.columns.get(name)
        if col is not None:
            fields[:, i] = cells[index, col]
    fields[:, -1] = table.sheet
    return fields, index + table.header_row + 1, rows_read, rows_read - len(index)


def lay_out(workbook: Workbook, vocabulary: Vocabulary) -> Layout:
    """Find the workbook's roster tables and keep their data rows (blank and note rows are
    counted as skipped)."""
    tables, metadata, sheets = locate_tables(workbook, vocabulary)
    origin: dict[tuple[int, int, int], tuple[int, int]] = {}
    parts, rows, table_of_row, read, skipped = [], [], [], 0, 0
    for table, sheet in zip(tables, sheets):
        cells, excel_rows, table_read, table_skipped = _table_rows(table, sheet, origin)
        parts.append(cells)
        rows.append(excel_rows)
        table_of_row.append(np.full(len(excel_rows), table.index, dtype=np.int64))
        read += table_read
        skipped += table_skipped
    if not parts:
        parts, rows = [np.empty((0, len(FIELDS) + 1), dtype=object)], [np.empty(0, np.int64)]
        table_of_row = [np.empty(0, np.int64)]
    return Layout(workbook.path, [sheet.name for sheet in workbook.sheets], tables, origin,
                  read, skipped, metadata, np.concatenate(parts),
                  np.concatenate(rows), np.concatenate(table_of_row))  # fmt: skip
