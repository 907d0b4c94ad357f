"""Raw sheet grids → where each roster table is, and which of its rows are data.

Finds the roster table in each visible sheet (header within the first 20 rows, titles above
it allowed), fills merged cells down, and drops blank and note rows (counted as skipped).
Each kept row keeps its sheet and Excel row, and each table the column of each field, so that
findings can name the exact cell. numpy only, neither pandas nor pydantic: in a batch this
runs in the worker processes that read the files, forked before the parent process has
imported either (see checker.batch).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from checker.metadata import METADATA_SHEETS, Metadata, from_sheet
from checker.reader import SheetGrid, UnreadableRoster, Workbook, read_workbook
from checker.text import fold

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


@dataclass
class Unlaid:
    """Why a file could not be laid out: the file-level finding to report on it."""

    path: Path
    code: str  # E101 unreadable, E102 encrypted, E103 no roster table, E104 over the limits
    detail: str = ""
    message_key: str | None = None  # a variant of the code's message ("E101:internal")
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def failure(cls, path: Path, exc: Exception) -> Unlaid:
        """A file that made the checker fail: reported on that file, the others go on."""
        if isinstance(exc, (MemoryError, RecursionError)):
            return cls(path, "E104", f"the file exhausted the checker ({type(exc).__name__})")
        return cls(path, "E101", f"{type(exc).__name__}: {exc}", message_key="E101:internal")


@dataclass(frozen=True)
class Headers:
    """What finding a roster's header row takes from the vocabulary (schemas/columns.yaml):
    each field's header names, folded, and the fields a roster must have."""

    fields: dict[str, str]  # folded header text → field
    required: frozenset[str]
    _seen: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, columns: Iterable[tuple[str, Iterable[str], bool]]) -> Headers:
        """From (field, its header names, whether required) in the file's order."""
        fields: dict[str, str] = {}
        required = set()
        for name, aliases, needed in columns:
            for alias in (name, *aliases):  # the first field to claim a header keeps it
                fields.setdefault(fold(alias), name)
            if needed:
                required.add(name)
        return cls(fields, frozenset(required))

    @classmethod
    def read(cls, path: Path) -> Headers:
        """Straight from columns.yaml, without validating the vocabulary (which needs
        pydantic): for the readers of a batch. Raises on anything unexpected; the caller
        then loads the vocabulary, whose validation says what is wrong."""
        import yaml

        from checker.config import SafeLoader

        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)  # safe
        return cls.build(
            (name, list(entry.get("aliases", [])), bool(entry.get("required", False)))
            for name, entry in data["columns"].items()
        )

    def match(self, text: str) -> str | None:
        """The field a header cell names, if any (each distinct text folded once)."""
        try:
            return self._seen[text]
        except KeyError:
            found = self._seen[text] = self.fields.get(fold(text))
            return found


# ------------------------------------------------------------------ finding the tables


def _header_fields(row: list[Any], headers: Headers) -> dict[str, int]:
    fields: dict[str, int] = {}
    for col, cell in enumerate(row):
        if isinstance(cell, str) and cell.strip():
            name = headers.match(cell)
            if name is not None and name not in fields:
                fields[name] = col
    return fields


def _find_header(sheet: SheetGrid, headers: Headers) -> tuple[int, dict[str, int]] | None:
    best: tuple[int, dict[str, int]] | None = None
    for r, row in enumerate(sheet.cells[:HEADER_SEARCH_ROWS]):
        fields = _header_fields(row, headers)
        if len(fields) >= 2 and (best is None or len(fields) > len(best[1])):
            best = (r, fields)
    return best


def locate_tables(
    workbook: Workbook, headers: Headers
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
        found = _find_header(sheet, headers)
        if found is not None:
            candidates.append((sheet, *found))
    complete = [c for c in candidates if headers.required <= c[2].keys()]
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


def _cells(body: list[list[Any]], width: int) -> np.ndarray:
    """Rows → a 2-D object array of `width` columns (CSV rows may be ragged), text stripped,
    blank text (and NaN) as None. Equal texts and dates become one object: a roster repeats
    the same few words and dates on every row, so the laid-out file takes less memory and
    pickles (to the process that judges it) in half the time."""
    if all(len(row) == width for row in body):  # a workbook's rows all have the sheet's width
        flat = list(chain.from_iterable(body))
    else:
        flat = [value for row in body for value in [*row[:width], *[None] * (width - len(row))]]
    canonical: dict[object, object] = {}
    for value in set(flat):  # each distinct value once (1, 1.0 and True merge: not used)
        kind = type(value)
        if kind is str:
            canonical[value] = value.strip() or None
        elif kind is dt.datetime or kind is dt.date:  # never equal to a text, nor each other
            canonical[value] = value
        elif value != value:  # NaN: an empty cell
            canonical[value] = None
    cells = np.empty(len(flat), dtype=object)
    cells[:] = [canonical.get(value, value) for value in flat]
    return cells.reshape(len(body), width)


def _table_rows(
    table: RosterTable, sheet: SheetGrid, origin: dict[tuple[int, int, int], tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Data rows of one table → (cells of the kept rows, their Excel rows, rows read, rows
    skipped)."""
    header_index = table.header_row - 1
    _fill_merged_down(sheet, header_index, table.index, origin)
    body = sheet.cells[header_index + 1 :]
    width = max(max(table.columns.values()) + 1, len(sheet.cells[header_index]))
    cells = _cells(body, width)
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


def lay_out_file(path: Path, headers: Headers) -> Layout | Unlaid:
    """Stage one of the pipeline for one file: read it and lay out its roster tables, or
    say why that cannot be done. A bad file never raises."""
    try:
        workbook = read_workbook(path)
    except UnreadableRoster as exc:
        return Unlaid(path, exc.code, exc.message, message_key=exc.key)
    except Exception as exc:
        return Unlaid.failure(path, exc)
    return lay_out_workbook(workbook, headers)


def lay_out_workbook(workbook: Workbook, headers: Headers) -> Layout | Unlaid:
    try:
        layout = lay_out(workbook, headers)
    except Exception as exc:
        return Unlaid.failure(workbook.path, exc)
    if not layout.tables:
        return Unlaid(workbook.path, "E103", extra={"sheets_seen": layout.sheets_seen})
    return layout


def lay_out(workbook: Workbook, headers: Headers) -> Layout:
    """Find the workbook's roster tables and keep their data rows (blank and note rows are
    counted as skipped)."""
    tables, metadata, sheets = locate_tables(workbook, headers)
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
