"""Laid-out roster tables (checker.layout) → one tidy attendance frame of codes.

The kept rows of a batch of files become one frame, and every cell becomes a code of the
vocabulary. Each frame row keeps its file, sheet and Excel row, so findings can name the
exact cell. Matching runs once per distinct value, not once per row.
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
from checker.layout import FIELDS, Layout, RosterTable
from checker.vocabulary import Vocabulary, fold


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
    # As object Series: a bare array of text would be turned into pandas' string dtype.
    frame["date_iso"] = pd.Series(dates, index=frame.index, dtype=object)
    period = np.array(list(periods), dtype=object)[files]
    frame["period"] = pd.Series(period, index=frame.index, dtype=object)


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
    # fold, not the memoised vocabulary.key: names are nearly all distinct, so remembering
    # each one for the rest of the process would only grow the memo (80,000 entries for
    # the 200-file benchmark batch).
    (frame["attendee_key"],) = _lookup(frame["attendee"], fold, (None, None, None))
