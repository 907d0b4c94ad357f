"""Raw sheet grids → one tidy attendance frame.

Finds the roster table in each visible sheet (header within the first 20 rows, titles above
it allowed), fills merged cells down, drops blank and note rows (counted as skipped), and
turns every cell into a code of the vocabulary. Each frame row keeps its sheet and Excel row;
each table keeps the column of each field, so findings can name the exact cell.
Matching runs once per distinct value, not once per row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from checker.dates import ParsedDate, parse_date, resolve
from checker.findings import column_letter
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
class Roster:
    """The tidy result: one frame row per data row that was neither blank nor a note, for
    one file or several (the `file` column holds each row's file position)."""

    frame: pd.DataFrame
    tables: list[RosterTable]
    merged_origin: dict[tuple[int, int, int], tuple[int, int]]

    def cell_of(self, table: int, row: int, field_name: str) -> tuple[int, str | None]:
        """The (row, column letter) a person should look at for a field of a frame row."""
        roster_table = self.tables[table]
        col = roster_table.columns.get(field_name)
        if col is None:
            return row, None
        origin = self.merged_origin.get((table, row, col))
        if origin is not None:
            return origin[0] + 1, column_letter(origin[1])
        return row, column_letter(col)


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
    """Strip text; blank text becomes None — once per distinct value of the whole grid,
    then one array take."""
    codes, distinct = pd.factorize(grid.ravel(), use_na_sentinel=True)
    table = np.empty(len(distinct) + 1, dtype=object)  # the last slot is for code -1 (None)
    table[:-1] = [(v.strip() or None) if type(v) is str else v for v in distinct]
    return table[codes].reshape(grid.shape)


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
    return Layout(tables, origin, read, skipped, metadata, np.concatenate(parts),
                  np.concatenate(rows), np.concatenate(table_of_row))  # fmt: skip


def build_roster(layouts: Sequence[Layout]) -> Roster:
    """Several files' kept rows as one frame, so that matching, validation and judging run
    once over all their rows (pandas and pandera cost per call, not per row). Rows keep
    their file's position in the `file` column; tables are numbered across the files."""
    tables: list[RosterTable] = []
    origin: dict[tuple[int, int, int], tuple[int, int]] = {}
    table_of_row = []
    for layout in layouts:
        offset = len(tables)
        tables.extend(replace(t, index=t.index + offset) for t in layout.tables)
        origin.update({(t + offset, r, c): o for (t, r, c), o in layout.merged_origin.items()})
        table_of_row.append(layout.table_of_row + offset)
    sizes = [len(layout.rows) for layout in layouts]
    # Object columns, built in one block: pandas 3 would otherwise infer its string dtype
    # column by column, which costs more than the data and slows every later factorize.
    frame = pd.DataFrame(
        np.concatenate([layout.cells for layout in layouts]),
        columns=[*FIELDS, "sheet"],
        dtype=object,
        copy=False,
    ).assign(
        row=np.concatenate([layout.rows for layout in layouts]),
        table=np.concatenate(table_of_row),
        file=np.repeat(np.arange(len(layouts), dtype=np.int64), sizes),
    )
    return Roster(frame, tables, origin)


# ------------------------------------------------------------------ cell values → codes


# Code columns hold a code of the vocabulary, BLANK where a needed cell is empty, UNKNOWN
# where its text means nothing known, and None where the cell does not matter for that row.
BLANK = ""
UNKNOWN = "?"

# What to take from a match: (attribute or None for the match itself, the value when nothing
# matched, the value for an empty cell).
Take = tuple[str | None, object, object]
CODE: Take = (None, UNKNOWN, BLANK)


def _lookup(column: pd.Series, match: Callable[[Any], Any], *takes: Take) -> list[pd.Series]:
    """Match each distinct value once (rosters repeat the same few words), then spread the
    results over the rows with one array take per output column — no per-row Python."""
    codes, distinct = pd.factorize(column, use_na_sentinel=True)
    found = [match(value) for value in distinct]
    out = []
    for attribute, unmatched, blank in takes:
        table = np.empty(len(found) + 1, dtype=object)
        for i, matched in enumerate(found):  # item by item: a tuple must stay one object
            value = getattr(matched, attribute) if attribute and matched is not None else matched
            table[i] = unmatched if value is None else value
        table[-1] = blank  # code -1: an empty cell
        out.append(pd.Series(table[codes], index=column.index, dtype=object))
    return out


@dataclass(frozen=True)
class ParsedDates:
    """The date column read once per distinct cell value: codes index into `values`."""

    codes: np.ndarray
    values: list[ParsedDate | None]

    def months(self, rows: np.ndarray) -> Counter[str]:
        """How many of these rows fall in each month (default day-first reading), to guess
        a file's period."""
        codes = self.codes[rows]
        counts = np.bincount(codes[codes >= 0], minlength=len(self.values))
        months: Counter[str] = Counter()
        for parsed, count in zip(self.values, counts):
            if parsed is not None and count:
                months[parsed.value.strftime("%Y-%m")] += int(count)
        return months


def parse_dates(frame: pd.DataFrame) -> ParsedDates:
    codes, distinct = pd.factorize(frame["date"], use_na_sentinel=True)
    return ParsedDates(codes, [parse_date(value) for value in distinct])


def apply_dates(frame: pd.DataFrame, parsed: ParsedDates, periods: Sequence[str | None]) -> None:
    """ISO dates, each ambiguous day/month resolved by its file's period (`periods[file]`);
    BLANK/UNKNOWN otherwise. Also the `period` column."""
    files = frame["file"].to_numpy()
    dates = np.full(len(frame), BLANK, dtype=object)
    for period in dict.fromkeys(periods):
        rows = np.isin(files, [i for i, p in enumerate(periods) if p == period])
        codes = parsed.codes[rows]
        table = np.full(len(parsed.values) + 1, BLANK, dtype=object)  # code -1: an empty cell
        for code in np.unique(codes[codes >= 0]):
            value = parsed.values[code]
            table[code] = UNKNOWN if value is None else resolve(value, period).isoformat()
        dates[rows] = table[codes]
    frame["date_iso"] = dates
    frame["period"] = np.array(list(periods), dtype=object)[files]


def apply_vocabulary(roster: Roster, vocabulary: Vocabulary) -> None:
    """Add the code columns: platform, cluster sector, level, IOM, role, sector, capacity."""
    frame = roster.frame
    frame["platform_code"], platform_sector = _lookup(
        frame["platform"], vocabulary.platform, ("platform", UNKNOWN, BLANK), ("sector", None, None)
    )
    frame["platform_sector"] = platform_sector
    (level,) = _lookup(frame["level"], vocabulary.level, CODE)
    # A blank level is national, unless the profile says the platform meets at another level.
    if vocabulary.platform_levels:
        default_level = frame["platform_code"].map(vocabulary.platform_levels).fillna("national")
        frame["level_code"] = level.mask(level.eq(BLANK), default_level).astype(object)
    else:
        frame["level_code"] = level.replace(BLANK, "national")
    (frame["location_key"],) = _lookup(frame["location"], vocabulary.key, (None, "", ""))

    (iom,) = _lookup(frame["organization"], vocabulary.is_iom, (None, False, False))
    # A table without an Organization column is an IOM representation log: every named row
    # is IOM, and a row without a name means the meeting took place without IOM.
    logs = [t.index for t in roster.tables if "organization" not in t.columns]
    in_log = frame["table"].isin(logs)
    named = frame["attendee"].notna() | frame["title"].notna()
    frame["is_iom"] = iom.astype(bool).where(~in_log, named)
    iom = frame["is_iom"]
    bare_cluster = frame["platform_code"].eq("CLUSTER") & platform_sector.isna()

    # Sectors matter for IOM attendees, and name the cluster when the platform is a bare "Cluster".
    (sector,) = _lookup(frame["sector"].where(iom | bare_cluster, None), vocabulary.sector, CODE)
    # A blank sector only matters where it would name the cluster.
    frame["sector_code"] = sector.where((iom & sector.ne(BLANK)) | bare_cluster, None)
    frame["meeting_sector"] = platform_sector.where(
        ~bare_cluster, sector.where(~sector.isin([BLANK, UNKNOWN]), None)
    )

    # Only IOM titles are judged; other agencies' titles are not looked at.
    role, frame["title_sector"], acting = _lookup(
        frame["title"].where(iom, None),
        vocabulary.title,
        ("role", UNKNOWN, BLANK),
        ("sector", None, None),
        ("acting", False, False),
    )
    frame["role"] = role.where(iom, None)
    frame["acting"] = acting.astype(bool)
    (capacity,) = _lookup(frame["capacity"], vocabulary.capacity, (None, UNKNOWN, "member"))
    frame["capacity_code"] = capacity.where(iom, "member")

    # One number per meeting: rows sharing date, platform, cluster sector, level and location.
    keys = ["file", "date_iso", "platform_code", "meeting_sector", "level_code", "location_key"]
    frame["meeting"] = frame.groupby(keys, sort=False, dropna=False).ngroup()
    (frame["attendee_key"],) = _lookup(frame["attendee"], vocabulary.key, (None, None, None))
