"""Raw sheet grids → one tidy attendance frame.

Finds the roster table in each visible sheet (header within the first 20 rows, titles above
it allowed), fills merged cells down, drops blank and note rows (counted as skipped), and
turns every cell into a code of the vocabulary. Each frame row keeps its sheet and Excel row;
each table keeps the column of each field, so findings can name the exact cell.
Matching runs once per distinct value, not once per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from checker.dates import parse_date, resolve
from checker.findings import Finding, column_letter
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

    def column_of(self, field_name: str) -> str | None:
        index = self.columns.get(field_name)
        return None if index is None else column_letter(index)


@dataclass
class Roster:
    """The tidy result: one frame row per data row that was neither blank nor a note."""

    frame: pd.DataFrame
    tables: list[RosterTable]
    # Cells filled from a merged range → the range's top-left cell: (sheet, row, col) → (row, col).
    merged_origin: dict[tuple[str, int, int], tuple[int, int]]
    rows_read: int
    rows_skipped: int
    has_organization: bool
    metadata: Metadata
    findings: list[Finding] = field(default_factory=list)

    def cell_of(self, table: int, row: int, field_name: str) -> tuple[int, str | None]:
        """The (row, column letter) a person should look at for a field of a frame row."""
        roster_table = self.tables[table]
        col = roster_table.columns.get(field_name)
        if col is None:
            return row, None
        origin = self.merged_origin.get((roster_table.sheet, row, col))
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
    sheet: SheetGrid, header_index: int, origin: dict[tuple[str, int, int], tuple[int, int]]
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
                origin[(sheet.name, r + 1, c0)] = (r0, c0)


def _clean(column: pd.Series) -> pd.Series:
    """Strip text; blank text becomes missing."""
    try:
        stripped = column.str.strip()
    except AttributeError:  # a column without any text
        stripped = None
    if stripped is not None:
        column = column.mask(stripped.notna(), stripped)
    return column.mask(column.isna() | column.eq(""), None).astype(object)


def _table_frame(
    table: RosterTable, sheet: SheetGrid, origin: dict[tuple[str, int, int], tuple[int, int]]
) -> tuple[pd.DataFrame, int, int]:
    """Data rows of one table → (frame of kept rows, rows read, rows skipped)."""
    header_index = table.header_row - 1
    _fill_merged_down(sheet, header_index, origin)
    body = sheet.cells[header_index + 1 :]
    width = max(max(table.columns.values()) + 1, len(sheet.cells[header_index]))
    raw = pd.DataFrame(body, dtype=object) if body else pd.DataFrame(dtype=object)
    raw = raw.reindex(columns=range(width))
    cleaned = {col: _clean(raw[col]) for col in raw.columns}
    present = pd.DataFrame({col: s.notna() for col, s in cleaned.items()}, index=raw.index)
    filled = present.sum(axis=1)
    # Rows after the last non-empty one are not part of the table.
    last = filled[filled > 0].index.max() if (filled > 0).any() else -1
    keep_range = raw.index <= last
    single = (filled == 1) & keep_range
    note = pd.Series(False, index=raw.index)
    if single.any():
        first_value = pd.DataFrame(cleaned)[single].bfill(axis=1).iloc[:, 0]
        note[single] = first_value.map(lambda v: isinstance(v, str))
    kept = keep_range & (filled > 0) & ~note
    frame = pd.DataFrame(
        {name: cleaned[col][kept] for name, col in table.columns.items()}, index=raw.index[kept]
    )
    frame = frame.reindex(columns=list(FIELDS))
    frame["sheet"] = table.sheet
    frame["row"] = frame.index + table.header_row + 1
    frame["table"] = table.index
    rows_read = int(keep_range.sum())
    return frame, rows_read, rows_read - int(kept.sum())


def build_roster(workbook: Workbook, vocabulary: Vocabulary) -> Roster:
    tables, metadata, sheets = locate_tables(workbook, vocabulary)
    origin: dict[tuple[str, int, int], tuple[int, int]] = {}
    frames, read, skipped = [], 0, 0
    for table, sheet in zip(tables, sheets):
        frame, table_read, table_skipped = _table_frame(table, sheet, origin)
        frames.append(frame)
        read += table_read
        skipped += table_skipped
    frame = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=[*FIELDS, "sheet", "row", "table"])
    )
    has_org = any("organization" in t.columns for t in tables)
    return Roster(frame, tables, origin, read, skipped, has_org, metadata)


# ------------------------------------------------------------------ cell values → codes


def _by_value(column: pd.Series, match: Callable[[Any], Any]) -> pd.Series:
    """Apply `match` once per distinct value (rosters repeat the same few words)."""
    values = column.dropna()
    if values.empty:
        return pd.Series(None, index=column.index, dtype=object)
    lookup = {value: match(value) for value in pd.unique(values)}
    return column.map(lookup, na_action="ignore").astype(object)


# Code columns hold a code of the vocabulary, BLANK where a needed cell is empty, UNKNOWN
# where its text means nothing known, and None where the cell does not matter for that row.
BLANK = ""
UNKNOWN = "?"


def parse_dates(frame: pd.DataFrame) -> pd.Series:
    return _by_value(frame["date"], parse_date)


def unambiguous_dates(parsed: pd.Series) -> list[Any]:
    return [p.value for p in parsed.dropna() if p.alternative is None]


def apply_dates(frame: pd.DataFrame, parsed: pd.Series, period: str | None) -> None:
    lookup = {value: resolve(value, period).isoformat() for value in pd.unique(parsed.dropna())}
    iso = parsed.map(lookup, na_action="ignore").astype(object)
    frame["date_iso"] = iso.where(iso.notna(), frame["date"].map(_blank_or_unknown))


def _blank_or_unknown(raw: Any) -> str:
    return BLANK if raw is None or raw != raw else UNKNOWN


def _codes(column: pd.Series, match: Callable[[Any], Any]) -> pd.Series:
    """Codes of a column: the match, UNKNOWN when nothing matches, BLANK when empty."""
    codes = _by_value(column, match)
    return codes.where(codes.notna(), column.map(_blank_or_unknown))


def apply_vocabulary(roster: Roster, vocabulary: Vocabulary) -> None:
    """Add the code columns: platform, cluster sector, level, IOM, role, sector, capacity."""
    frame = roster.frame
    platform = _by_value(frame["platform"], vocabulary.platform)
    frame["platform_code"] = platform.map(lambda m: m.platform, na_action="ignore").astype(object)
    frame["platform_code"] = frame["platform_code"].where(
        frame["platform_code"].notna(), frame["platform"].map(_blank_or_unknown)
    )
    frame["platform_sector"] = platform.map(lambda m: m.sector, na_action="ignore").astype(object)
    # A blank level is national, unless the profile says the platform meets at another level.
    level = _codes(frame["level"], vocabulary.level)
    default_level = frame["platform_code"].map(vocabulary.platform_levels).astype(object)
    default_level = default_level.where(default_level.notna(), "national")
    frame["level_code"] = level.mask(level.eq(BLANK), default_level).astype(object)
    frame["location_key"] = _by_value(frame["location"], fold).fillna("")

    if roster.has_organization:
        frame["is_iom"] = _by_value(frame["organization"], vocabulary.is_iom).fillna(False)
    else:
        # An IOM representation log: every named row is IOM; no name means IOM was absent.
        frame["is_iom"] = frame["attendee"].notna() | frame["title"].notna()
    frame["is_iom"] = frame["is_iom"].astype(bool)
    iom = frame["is_iom"]
    bare_cluster = frame["platform_code"].eq("CLUSTER") & frame["platform_sector"].isna()

    # Sectors matter for IOM attendees, and name the cluster when the platform is a bare "Cluster".
    sector = _codes(frame["sector"], vocabulary.sector)
    # A blank sector only matters where it would name the cluster.
    frame["sector_code"] = sector.where((iom & sector.ne(BLANK)) | bare_cluster).astype(object)
    frame["meeting_sector"] = frame["platform_sector"].where(
        ~bare_cluster, sector.where(~sector.isin([BLANK, UNKNOWN]))
    )

    titles = _by_value(frame["title"], vocabulary.title)
    role = titles.map(lambda t: t.role, na_action="ignore").astype(object)
    role = role.where(role.notna(), frame["title"].map(_blank_or_unknown))
    frame["role"] = role.where(iom).astype(object)
    frame["title_sector"] = titles.map(lambda t: t.sector, na_action="ignore").astype(object)
    frame["acting"] = titles.map(lambda t: t.acting, na_action="ignore").fillna(False).astype(bool)
    capacity = _codes(frame["capacity"], vocabulary.capacity).replace(BLANK, "member")
    frame["capacity_code"] = capacity.where(iom, "member")
    frame["meeting_key"] = (
        frame["date_iso"].astype(str) + "|" + frame["platform_code"].astype(str) + "|"
        + frame["meeting_sector"].fillna("").astype(str) + "|" + frame["level_code"].astype(str)
        + "|" + frame["location_key"].astype(str)
    )  # fmt: skip
    named = frame["attendee"].notna()
    frame["attendee_key"] = (
        frame["meeting_key"] + "|" + _by_value(frame["attendee"], fold).fillna("")
    ).where(named)
