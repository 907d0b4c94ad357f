"""Laid-out roster tables (checker.layout) → one tidy attendance frame of codes.

The kept rows of a batch of files become one frame, and every cell becomes a code of the
vocabulary. Each frame row keeps its file, sheet and Excel row, so findings can name the
exact cell. Matching runs once per distinct value, not once per row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from checker import abbreviations, sessions, versions
from checker.dates import (
    DAY_FIRST,
    MONTH_FIRST,
    DayMonth,
    DayOf,
    MonthOf,
    ParsedDate,
    WeekOf,
    header_order,
    read_date,
    read_in,
)
from checker.findings import column_letter
from checker.layout import (
    EMAIL_CONTRADICTS,
    FIELDS,
    NAMELESS,
    ON_BEHALF,
    Constant,
    Layout,
    RosterTable,
)
from checker.lazyre import lazy
from checker.mailbox import EMAIL_POST
from checker.roster_language import written_in
from checker.titleblock import DayOfMonth
from checker.vocabulary import IOM, UNCLEAR, Vocabulary, fold

# How the people of a table are known to be IOM staff or not.
BY_ORGANIZATION = "organization_column"  # an attendance list: each row's organisation says
IOM_LOG = "iom_log"  # IOM's own log: every named person is IOM staff
UNKNOWN_AFFILIATION = "unknown"  # no organisation column and no evidence either way
SPLIT = "split"  # evidence both ways


@dataclass(frozen=True)
class Affiliation:
    """Whose people a table lists, and why it is read so."""

    reading: str  # BY_ORGANIZATION, IOM_LOG, UNKNOWN_AFFILIATION or SPLIT
    evidence: tuple[tuple[str, str], ...] = ()
    counter_evidence: tuple[tuple[str, str], ...] = ()


@dataclass
class Roster:
    """The tidy result: one frame row per data row that was neither blank nor a note, for
    one file or several (the `file` column holds each row's file position)."""

    frame: pd.DataFrame
    tables: list[RosterTable]
    merged_origin: dict[tuple[int, int, int], tuple[int, int]]
    # A field of a table taken from a cell outside it (a sign-in sheet's heading, a tracker's
    # month header): (table, field) → (Excel row, 0-based column); row 0 is the sheet's name.
    outside: dict[tuple[int, str], tuple[int, int]] = field(default_factory=dict)
    # Tables whose heading and sheet name name different platforms (a list without a
    # platform column): table → those texts, for the S201 that says so; nothing is guessed.
    platforms_differ: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # Whose people each table lists: table → Affiliation (set by apply_vocabulary).
    affiliations: dict[int, Affiliation] = field(default_factory=dict)
    # The frame rows whose organisation cell names IOM beside someone else (set by
    # apply_vocabulary): few or none, so each file's S213 cells are looked up among them
    # rather than by scanning the batch's frame once per file.
    unclear_organisations: pd.Index = field(default_factory=lambda: pd.RangeIndex(0))
    # Organisations read from elsewhere than the row's organisation cell (set by
    # apply_vocabulary), when they are IOM or unclear: frame row → (where, the text read).
    # "name": from the name cell, the organisation cell being blank (S216:from_name).
    organisations_read: dict[int, tuple[str, str]] = field(default_factory=dict)
    # Rows whose organisation another cell contradicts about IOM, not counted as IOM (S213):
    # frame row → (variant, the other cell's text). "name_cell": the name cell names another
    # organisation; "swapped": the title column read as such (its header said organisation)
    # names another agency than the row's organisation.
    organisation_conflicts: dict[int, tuple[str, str]] = field(default_factory=dict)
    # How each table's date column is written, by its dates or its header (date_orders):
    # only the tables with an order, or whose header and dates disagree.
    date_orders: dict[int, DateOrder] = field(default_factory=dict)
    # Tables whose dates that read both ways are read in other months than their file's
    # period (checker.periods): where all of them read a date alike; table → the months.
    date_periods: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # The date column read once per distinct cell (parse_dates), for what reads it again.
    parsed_dates: ParsedDates | None = None

    def date_order(self, table: int) -> str | None:
        """MONTH_FIRST or DAY_FIRST when a table's dates that read both ways are read so."""
        found = self.date_orders.get(table)
        return None if found is None else found.order

    def cell_of(self, table: int, row: int, field_name: str) -> tuple[int, str | None]:
        """The (row, column letter) a person should look at for a field of a frame row."""
        roster_table = self.tables[table]
        col = roster_table.columns.get(field_name)
        if col is None and field_name == "platform" and roster_table.groups:
            # its group's heading row (layout: RosterTable.groups), or the line ending it
            above = [(r, c) for r, c, _, _ in roster_table.groups if r <= row]
            if above:
                return above[-1][0], column_letter(above[-1][1])
        if col is None:
            placed = self.outside.get((table, field_name))
            if placed is not None:
                return placed[0], column_letter(placed[1]) if placed[0] else None
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
# The platform code of a row of a side meeting ("HCT Sub-Group on Durable Solutions",
# "Groupe thématique Migration et développement", Vocabulary.side_meeting): no platform's
# meeting, never judged nor counted for one; its rows are skipped (S221).
SIDE = "~"

# What to take from a match: (attribute or None for the match itself, the value when nothing
# matched, the value for an empty cell).
Take = tuple[str | None, object, object]
CODE: Take = (None, UNKNOWN, BLANK)


def _lookup(column: pd.Series | np.ndarray, match: Callable[[Any], Any],
            *takes: Take) -> list[np.ndarray]:  # fmt: skip
    """Match each distinct value once (rosters repeat the same few words), then spread the
    results over the rows with one array take per output column — no per-row Python.
    Object arrays, one per take."""
    codes, distinct = pd.factorize(column, use_na_sentinel=True)
    found = [match(value) for value in distinct]
    out = []
    for attribute, unmatched, blank in takes:
        table = np.empty(len(found) + 1, dtype=object)
        for i, matched in enumerate(found):  # item by item: a tuple must stay one object
            value = getattr(matched, attribute) if attribute and matched is not None else matched
            table[i] = unmatched if value is None else value
        table[-1] = blank  # code -1: an empty cell
        out.append(table[codes])
    return out


def _where(condition: np.ndarray, values: Any, other: Any) -> np.ndarray:
    """Each row's value where the condition holds, else the other (arrays or single values;
    None included, as in pandas' `where`)."""
    return np.where(condition, values, other)


def _objects(frame: pd.DataFrame, values: np.ndarray) -> pd.Series:
    """A code column: object values (a bare array of text would become pandas' string dtype)."""
    return pd.Series(values, index=frame.index, dtype=object)


@dataclass(frozen=True)
class ParsedDates:
    """The date column read once per distinct cell value: codes index into `values`."""

    codes: np.ndarray
    values: list[ParsedDate | DayMonth | None]

    def months(self, rows: np.ndarray, month_first: np.ndarray | None = None) -> Counter[str]:
        """How many of these rows fall in each month (day first, but month first for the
        `month_first` rows of a column written so), to guess a file's period."""
        if month_first is None:
            month_first = np.zeros(len(self.codes), dtype=bool)
        months: Counter[str] = Counter()
        for first in (False, True):
            codes = self.codes[rows & (month_first == first)]
            counts = np.bincount(codes[codes >= 0], minlength=len(self.values))
            for parsed, count in zip(self.values, counts):
                if isinstance(parsed, ParsedDate) and count:  # without its year: no month
                    value = parsed.alternative if first and parsed.alternative else parsed.value
                    months[value.strftime("%Y-%m")] += int(count)
        return months


def parse_dates(frame: pd.DataFrame) -> ParsedDates:
    codes, distinct = pd.factorize(frame["date"], use_na_sentinel=True)
    return ParsedDates(codes, [read_date(value) for value in distinct])


@dataclass(frozen=True)
class DateOrder:
    """How a table's date column is written, and what says so."""

    order: str | None  # MONTH_FIRST, DAY_FIRST; None when its header and dates disagree
    source: str  # DATES, HEADER, HEADER_AND_DATES, or CONFLICT (no order)
    header: str = ""  # the date column's header, when it states an order
    dates: str | None = None  # CONFLICT: the order its dates that read one way only show
    # The Excel row of a line stating the format ("All dates dd/mm/yyyy", a row "jj/mm/aaaa"
    # under the header) when it, not the header, states the order; `header` is then its text.
    line: int | None = None


# What says a date column's order (DateOrder.source; the reading's `date_order_from`).
DATES = "dates"
HEADER = "header"
HEADER_AND_DATES = "header_and_dates"
LINE = "format_line"
LINE_AND_DATES = "format_line_and_dates"
CONFLICT = "conflict"


def date_orders(
    frame: pd.DataFrame, parsed: ParsedDates, tables: Sequence[RosterTable]
) -> dict[int, DateOrder]:
    """How each table's date column is written. Its header may state the order ("Date
    (mm/dd)", "Fecha (dd/mm/aaaa)"): its ambiguous dates ("12/01/2026") are read so, unless
    a date that reads one way only says otherwise ("25/11/2026" under "mm/dd"): then the
    column has no order, and the disagreement is said (S220:conflict). With no such header,
    a line above the header or under it may state it instead ("All dates dd/mm/yyyy"). With
    neither, a column whose dates that read one way only are all month first ("11/18/2026", none
    such as "18/11/2026") was typed month first, and one whose such dates are all day first
    ("25/11/2026") day first: its ambiguous dates are read so too."""
    orders = np.array([getattr(v, "order", None) for v in parsed.values] + [None], dtype=object)
    row_orders = orders[parsed.codes]  # code -1, an empty cell: the last, None
    table_of_row = frame["table"].to_numpy()
    shown: dict[int, set[str]] = {}
    for order in (MONTH_FIRST, DAY_FIRST):
        for index in set(table_of_row[row_orders == order].tolist()):
            shown.setdefault(int(index), set()).add(order)
    found = {}
    for table in tables:
        seen = shown.get(table.index, set())
        header = next((c.header for c in table.found if c.field == "date"), "")
        stated = header_order(header)
        line = None
        if stated is None and table.date_format is not None:  # "All dates dd/mm/yyyy"
            line, _, header = table.date_format
            stated = header_order(header)
        sources = (HEADER, HEADER_AND_DATES) if line is None else (LINE, LINE_AND_DATES)
        if stated is None:
            # Either order shown alone is the column's: a day-first column's "12/11/2026" is
            # 12 November even where the period alone would read 11 December (then unread).
            if len(seen) == 1:
                found[table.index] = DateOrder(next(iter(seen)), DATES)
        elif seen <= {stated}:
            found[table.index] = DateOrder(stated, sources[1] if seen else sources[0], header,
                                           line=line)  # fmt: skip
        else:
            found[table.index] = DateOrder(None, CONFLICT, header, (seen - {stated}).pop(), line)
    return found


def apply_dates(
    frame: pd.DataFrame,
    parsed: ParsedDates,
    periods: Sequence[str | None],
    orders: dict[int, DateOrder] | None = None,
    date_periods: dict[int, tuple[str, ...]] | None = None,
) -> None:
    """ISO dates, each ambiguous day/month resolved by its file's period (`periods[file]`),
    or by the order of the tables' columns written so (`orders`), and so the year of a date
    written without one; BLANK/UNKNOWN otherwise (UNKNOWN also for a weekday that is not the
    date's, and for a date the column's order and the period read differently). Also the
    `period` column."""
    files = frame["file"].to_numpy()
    orders = orders or {}
    tables = frame["table"]
    ordered: dict[str | None, np.ndarray] = {
        order: tables.isin([t for t, o in orders.items() if o.order == order]).to_numpy()
        for order in (MONTH_FIRST, DAY_FIRST)
    }
    ordered[None] = ~(ordered[MONTH_FIRST] | ordered[DAY_FIRST])
    dates = np.full(len(frame), BLANK, dtype=object)
    for period in dict.fromkeys(periods):
        of_period = np.isin(files, [i for i, p in enumerate(periods) if p == period])
        for order, in_order in ordered.items():
            rows = of_period & in_order
            codes = parsed.codes[rows]
            table = np.full(len(parsed.values) + 1, BLANK, dtype=object)  # code -1: empty
            for code in np.unique(codes[codes >= 0]):
                value = parsed.values[code]
                if isinstance(value, ParsedDate):
                    iso = value.iso(period, order)
                else:
                    iso = None if value is None else value.iso(period)
                table[code] = UNKNOWN if iso is None else iso
            dates[rows] = table[codes]
    for index, months in (date_periods or {}).items():
        # Read in other months than the file's (last month's sheet), or in several that the
        # file states (S222): a date is read only where they all read it alike.
        rows = (tables == index).to_numpy()
        order = orders[index].order if index in orders else None
        codes = parsed.codes[rows]
        table = np.full(len(parsed.values) + 1, BLANK, dtype=object)
        for code in np.unique(codes[codes >= 0]):
            table[code] = read_in(parsed.values[code], months, order) or UNKNOWN
        dates[rows] = table[codes]
    # As object Series: a bare array of text would be turned into pandas' string dtype.
    frame["date_iso"] = pd.Series(dates, index=frame.index, dtype=object)
    period = np.array(list(periods), dtype=object)[files]
    frame["period"] = pd.Series(period, index=frame.index, dtype=object)


def apply_outside_cells(
    roster: Roster, vocabulary: Vocabulary, periods: Sequence[str | None]
) -> None:
    """Fields of a table written outside it: the platform a sign-in sheet's heading names
    (the first of its texts the vocabulary knows, else the first: reported as unknown), a
    month without its year (a tracker's "Oct" or "W41 (5 Oct)": the year of the file's
    period; a day and month, "HCT 3 Jun", get theirs as every date without a year, in
    apply_dates), a tracker's day without its month (the period's month), a sheet's day
    without its month ("EHP 07": the day of the file's month)."""
    frame = roster.frame
    for table in roster.tables:
        if table.groups:
            _side_groups(frame, table, vocabulary)
        if not table.constants:
            continue
        rows = frame["table"].to_numpy() == table.index
        for constant in table.constants:
            chosen = constant
            if constant.field == "platform" and constant.same_in_all:
                named = _platforms_named(constant, vocabulary)
                if len(named) != 1:  # none, or several: read no platform (S201), guess none
                    frame.loc[rows, "platform"] = None
                    if named:
                        roster.platforms_differ[table.index] = tuple(t for _, t in named)
                    continue
                ((line, text),) = named
                chosen = replace(constant, row=line.row, col=line.col, value=text)
            elif constant.field == "platform" and constant.candidates:
                # Each heading whole, then its parts ("IOM attendance – Humanitarian Country
                # Team"): the first the vocabulary knows; else the first, reported unknown.
                # A heading naming a side meeting ("HCT – sub-group on cash") is taken whole,
                # before the sheet's name: not the platform's meeting (S204 says so). So is
                # one naming its level or place ("Cluster Protection – sous-cluster Nord"):
                # its first part alone would make it the national meeting.
                texts = [
                    (c, text) for c in constant.candidates
                    for text in [c.value, *_HEADING_PARTS.split(str(c.value))] if str(text).strip()
                ]  # fmt: skip
                line, text = next(
                    ((c, c.value) for c in constant.candidates
                     if vocabulary.side_meeting(c.value) is not None
                     or (vocabulary.platform(c.value) is None
                         and vocabulary.platform_at_level(c.value) is not None)),
                    next(((c, t) for c, t in texts if vocabulary.platform(t) is not None),
                         (constant.candidates[0], constant.candidates[0].value)),
                )  # fmt: skip
                chosen = replace(constant, row=line.row, col=line.col, value=text)
            value = chosen.value
            if constant.field == "date" and rows.any():
                period = periods[int(frame.loc[rows, "file"].iloc[0])]
                if isinstance(value, MonthOf):
                    value = value.with_year(period)
                elif isinstance(value, (DayOf, WeekOf)):  # undated: the table is broken
                    value = value.dated(period) or value
                elif isinstance(value, DayOfMonth):  # the sheet "EHP 07": the period's month
                    value = value.in_period(period)
            if value is not chosen.value or chosen is not constant:
                frame.loc[rows, constant.field] = value
            roster.outside[(table.index, constant.field)] = (chosen.row, chosen.col)


def _side_groups(frame: pd.DataFrame, table: RosterTable, vocabulary: Vocabulary) -> None:
    """The rows under a lone line of a grouped table that names a side meeting ("Reunión
    bilateral Coordinadora Residente – OIM (al margen del UNCT)"): that meeting's, whose
    platform is the line (a side meeting, skipped), not rows of no platform (S202)."""
    lines = table.groups
    for at, (row, _, heading, text) in enumerate(lines):
        if heading is not None or vocabulary.side_meeting(text) is None:
            continue
        end = lines[at + 1][0] if at + 1 < len(lines) else None
        under = (frame["table"].to_numpy() == table.index) & (frame["row"].to_numpy() > row)
        if end is not None:
            under &= frame["row"].to_numpy() < end
        frame.loc[under & frame["platform"].isna().to_numpy(), "platform"] = text


def _platforms_named(constant: Constant, vocabulary: Vocabulary) -> list[tuple[Any, str]]:
    """The platforms a list's heading and sheet name name ("Shelter/NFI Cluster – … –
    November 2026" on the sheet "Shelter-NFI": one), each as the first (line, text) naming
    it: a platform, or a sector (its cluster). A heading naming a side meeting ("HCT –
    sub-group on cash") is the one text: it names no platform's own meeting (S204)."""
    found: dict[tuple[str, str | None], tuple[Any, str]] = {}
    side = [(line, str(line.value)) for line in constant.candidates
            if vocabulary.side_meeting(line.value) is not None]  # fmt: skip
    if side:  # "HCT – sub-group on cash": no platform's own meeting, whatever else is named
        return side[:1]
    for line in constant.candidates:
        for text in [line.value, *_HEADING_PARTS.split(str(line.value))]:
            match = vocabulary.platform(text) if str(text).strip() else None
            if match is not None:
                found.setdefault((match.platform, match.sector), (line, str(text)))
    return list(found.values())


_HEADING_PARTS = lazy(r"\s+[-–—|]\s+|\s*[:/]\s+")


def _affiliations(roster: Roster, vocabulary: Vocabulary, templated: Sequence[bool]) -> None:
    """Decide, for each table without an organisation column, whether it is IOM's own log:
    on evidence only (its sheet or heading names IOM, its name column is headed "IOM
    representative", IOM e-mail addresses, IOM's template), never by default. Titles are no
    evidence: IOM's are other agencies' too ("Country Director" is WFP's, "Head of Office"
    OCHA's, "Chief of Mission" UNHCR's in some countries), so a sign-in sheet of an HCT
    without IOM would be read as IOM's log and judged compliant."""
    frame = roster.frame
    for table in roster.tables:
        if "organization" in table.columns:
            roster.affiliations[table.index] = Affiliation(BY_ORGANIZATION)
            continue
        evidence = list(table.evidence)
        rows = frame["table"].to_numpy() == table.index
        file = int(frame.loc[rows, "file"].iloc[0]) if rows.any() else -1
        if 0 <= file < len(templated) and templated[file]:
            evidence.append(("template", ""))
        if evidence and table.counter_evidence:
            reading = SPLIT
        elif evidence:
            reading = IOM_LOG
        else:
            reading = UNKNOWN_AFFILIATION
        roster.affiliations[table.index] = Affiliation(
            reading, tuple(evidence), table.counter_evidence
        )


def _organisations(roster: Roster, vocabulary: Vocabulary, org_text: np.ndarray) -> np.ndarray:
    """Each row's organisation code. An organisation written in the name cell ("IOM
    – P. Diallo", "P. Diallo (OIM)") is read when the row's organisation cell is blank, and
    said (S216:from_name); beside a filled one, a name cell naming IOM where the organisation
    does not, or the other way round, leaves the row's organisation unclear (S213), as does
    a swapped table's title cell naming another agency than an IOM row's organisation."""
    frame = roster.frame
    tables = frame["table"].to_numpy()
    listed = np.isin(tables, [t.index for t in roster.tables if "organization" in t.columns])
    attendee = frame["attendee"].to_numpy()
    (in_name,) = _lookup(_where(listed, attendee, None), vocabulary.organisation_in_name,
                         (None, None, None))  # fmt: skip
    blank = pd.isna(org_text)
    from_name = blank & ~pd.isna(in_name)
    (organisation,) = _lookup(_where(from_name, in_name, org_text), vocabulary.organisation,
                              (None, None, None))  # fmt: skip
    # Those that matter to a verdict: another agency's person is not IOM's either way.
    for i in np.flatnonzero(
        from_name & ((organisation == IOM) | (organisation == UNCLEAR))
    ).tolist():
        roster.organisations_read[int(frame.index[i])] = ("name", str(in_name[i]))
    (named,) = _lookup(_where(from_name, None, in_name), vocabulary.organisation,
                       (None, None, None))  # fmt: skip
    conflict = ~pd.isna(named) & ~pd.isna(organisation) & ((named == IOM) != (organisation == IOM))
    for i in np.flatnonzero(conflict).tolist():
        roster.organisation_conflicts[int(frame.index[i])] = ("name_cell", str(in_name[i]))
    swapped = [t.index for t in roster.tables if t.swapped is not None]
    if swapped:
        titles = frame["title"].to_numpy()
        for i in np.flatnonzero(np.isin(tables, swapped) & (organisation == IOM)).tolist():
            if vocabulary.headers.organisation_kind(titles[i], strict=True) == "other":
                roster.organisation_conflicts[int(frame.index[i])] = ("swapped", str(titles[i]))
                conflict[i] = True
    return _where(conflict, UNCLEAR, organisation)


def _platforms_at_level(frame: pd.DataFrame, vocabulary: Vocabulary, platform_code: np.ndarray,
                        platform_sector: np.ndarray, level: np.ndarray) -> None:  # fmt: skip
    """ "EHP sous-nationale – Anjouan", "Sub-national HCT – Hela Province": a platform cell
    that also says the level (and the place after a dash) is that platform at that level,
    in that place. Only where the level cell is blank or says the same (a cell that says
    another level leaves the platform unknown: which one is right is not known), and the
    place only where the location cell is blank. The arrays are changed in place."""
    for i in np.flatnonzero(platform_code == UNKNOWN).tolist():
        found = vocabulary.platform_at_level(frame["platform"].iat[i])
        if found is None or level[i] not in (BLANK, found.level):
            continue
        platform_code[i], platform_sector[i] = found.match.platform, found.match.sector
        level[i] = found.level
        if found.place is not None and pd.isna(frame["location"].iat[i]):
            frame.iloc[i, frame.columns.get_loc("location")] = found.place


def _side_meetings(frame: pd.DataFrame, vocabulary: Vocabulary, platform_code: np.ndarray) -> None:
    """A platform cell naming a side meeting ("Subgrupo de Compras Comunes del OMT",
    "Security briefing (UNDSS) – all agencies"): SIDE, not an unknown platform. In place."""
    texts = frame["platform"].to_numpy()
    for i in np.flatnonzero(platform_code == UNKNOWN).tolist():
        if vocabulary.side_meeting(texts[i]) is not None:
            platform_code[i] = SIDE


def apply_vocabulary(
    roster: Roster, vocabulary: Vocabulary, templated: Sequence[bool] | None = None
) -> None:
    """Add the code columns: platform, cluster sector, level, IOM, role, sector, capacity.
    `templated[file]` says whether a file was made from IOM's roster template (evidence that
    a table without an organisation column is IOM's log).

    The codes are worked out on numpy arrays of the frame's rows (one array operation costs a
    few microseconds where a pandas one costs a hundred: a judging pass runs some fifty) and
    set as object columns."""
    frame = roster.frame

    def column(name: str) -> np.ndarray:
        return frame[name].to_numpy()

    # A later sitting ("OMT (continuación)", "HCT (resumed session)") is its platform's
    # meeting: the platform is read without those words, the row marked for the judge.
    platforms = column("platform")
    (later,) = _lookup(platforms, sessions.continued, (None, None, None))
    continued = ~pd.isna(later)
    # So is a later day's table of a meeting held over several days (layout: "Jour 2 (19/11)").
    sittings = {t.index: t.sitting for t in roster.tables if t.sitting is not None}
    if sittings:
        (sitting,) = _lookup(column("table"), sittings.get, (None, None, None))
        frame["sitting"] = _objects(frame, sitting)
        frame["continued"] = continued | ~pd.isna(sitting)
    else:
        frame["continued"] = continued
    platform_code, platform_sector = _lookup(
        _where(continued, later, platforms), vocabulary.platform, ("platform", UNKNOWN, BLANK),
        ("sector", None, None),
    )  # fmt: skip
    (level,) = _lookup(column("level"), vocabulary.level, CODE)
    _platforms_at_level(frame, vocabulary, platform_code, platform_sector, level)
    _side_meetings(frame, vocabulary, platform_code)
    frame["platform_code"] = _objects(frame, platform_code)
    frame["platform_sector"] = _objects(frame, platform_sector)
    # A blank level is national, unless the profile says the platform meets at another level.
    default_level: object = "national"
    if vocabulary.platform_levels:
        (default_level,) = _lookup(platform_code, vocabulary.platform_levels.get,
                                   (None, "national", "national"))  # fmt: skip
    frame["level_code"] = _objects(frame, _where(level == BLANK, default_level, level))
    (location_key,) = _lookup(column("location"), vocabulary.key, (None, "", ""))
    frame["location_key"] = _objects(frame, location_key)

    # Marks in brackets: "(excusée)" — listed but absent —, "(observer)" — there as observer.
    title_key, title_absent, title_observer = _lookup(
        column("title"), vocabulary.marks, ("text", None, None), ("absent", False, False),
        ("observer", False, False),
    )  # fmt: skip
    _legend_titles(roster, vocabulary, title_key)
    attendee = column("attendee")
    (name_absent,) = _lookup(attendee, vocabulary.marks, ("absent", False, False))
    # A title written in the name cell ("Chief of Mission - Jane Doe") where none is given.
    (in_name,) = _lookup(_where(pd.isna(title_key), attendee, None), vocabulary.title_in_name,
                         (None, None, None))  # fmt: skip
    from_name = ~pd.isna(in_name)
    title_key = _where(from_name, in_name, title_key)
    title = _where(from_name, in_name, column("title"))
    frame["title_key"] = _objects(frame, title_key)
    frame["title"] = _objects(frame, title)
    org_text, org_observer = _lookup(
        column("organization"), vocabulary.marks, ("text", None, None), ("observer", False, False)
    )
    _on_behalf(frame, vocabulary, title_key)
    (presence,) = _lookup(column("presence"), vocabulary.presence, (None, UNKNOWN, BLANK))
    tables = column("table")
    with_presence = np.isin(tables, [t.index for t in roster.tables if "presence" in t.columns])
    absent = name_absent.astype(bool) | title_absent.astype(bool) | (presence == "absent")
    # In a table with an attendance column, a blank or unreadable one does not say they came;
    # elsewhere an unreadable one is a remark the layout took because it speaks of absence
    # ("Excusada – la representó el Oficial de Programa"): it does not say they came either.
    # A remark about someone else ("CoM on leave" on the deputy's row, who came in her
    # place) says nothing of the row's own person.
    # An organisation the e-mail address contradicts (layout): whose staff is unknown.
    contradicted = np.fromiter(
        (type(v) is str and v.startswith(EMAIL_CONTRADICTS) for v in column("presence")),
        bool, len(frame),
    ) & ~absent  # fmt: skip
    # A title the row's IOM address says is not the person's post (layout, checker.mailbox):
    # its attendance is in doubt, whatever remark reading would make of the mark.
    mailbox = np.fromiter(
        (type(v) is str and v.startswith(EMAIL_POST) for v in column("presence")), bool, len(frame)
    )
    presence[mailbox] = UNKNOWN
    for i in np.flatnonzero((presence == UNKNOWN) & ~with_presence & ~contradicted
                            & ~mailbox).tolist():  # fmt: skip
        remark = column("presence")[i]
        subject = vocabulary.remark_subject(remark, title_key[i])
        elsewhere = subject is not None and subject != vocabulary.title(title_key[i])
        # "Ana en misión en Tobago" beside "Jefe de Misión a.i.": why he acted.
        if elsewhere or vocabulary.acting_because_away(remark, title_key[i], attendee[i]):
            presence[i] = None
    # Beside an attendance cell ("Y – CoM on mission" on the Deputy CoM's row), such a remark
    # leaves the cell's own "Y" standing.
    for i in np.flatnonzero((presence == UNKNOWN) & with_presence & ~contradicted
                            & ~mailbox).tolist():  # fmt: skip
        beside = vocabulary.presence_beside(column("presence")[i], title_key[i])
        if beside is not None:
            presence[i] = beside
    presence_unknown = ((with_presence & (presence == BLANK)) | (presence == UNKNOWN)) & ~absent

    organisation = _organisations(roster, vocabulary, org_text)
    frame["organisation_code"] = _objects(frame, organisation)
    roster.unclear_organisations = frame.index[organisation == UNCLEAR]
    _affiliations(roster, vocabulary, templated or ())
    # In IOM's log every named row is IOM, and a row without a name means the meeting took
    # place without IOM. Where it cannot be told whose people a table lists, nobody is
    # counted as IOM and the row's meeting cannot be judged absent either, named or not (a
    # minutes register whose one "Attendance" cell lists the agencies names nobody).
    readings = {t: a.reading for t, a in roster.affiliations.items()}
    (reading,) = _lookup(tables, readings.get, (None, None, None))
    named = ~pd.isna(attendee) | ~pd.isna(title)
    listed = reading == BY_ORGANIZATION
    contradicted &= listed
    staff = (listed & (organisation == IOM) & ~contradicted) | ((reading == IOM_LOG) & named)
    iom = staff & ~absent & ~presence_unknown
    frame["is_iom"] = iom
    # What the roster says of the attendance of IOM staff whose attendance is unknown ("" for
    # a blank attendance cell), or of a person who may be IOM's, for the reason their
    # meeting cannot be judged.
    said = column("presence")
    frame["presence_doubt"] = _objects(
        frame,
        _where((staff & presence_unknown) | contradicted, _where(pd.isna(said), "", said), None),
    )
    frame["iom_unknown"] = (
        contradicted
        | (listed & (organisation == UNCLEAR))
        | (reading == UNKNOWN_AFFILIATION)
        | (reading == SPLIT)
        | (staff & presence_unknown)
    )
    bare_cluster = (platform_code == "CLUSTER") & pd.isna(platform_sector)

    # Sectors matter for IOM attendees, and name the cluster when the platform is a bare "Cluster".
    (sector,) = _lookup(_where(iom | bare_cluster, column("sector"), None), vocabulary.sector,
                        CODE)  # fmt: skip
    # A blank sector only matters where it would name the cluster.
    frame["sector_code"] = _objects(
        frame, _where((iom & (sector != BLANK)) | bare_cluster, sector, None)
    )
    known_sector = _where((sector == BLANK) | (sector == UNKNOWN), None, sector)
    frame["meeting_sector"] = _objects(frame, _where(bare_cluster, known_sector, platform_sector))

    # Only IOM titles are judged; other agencies' titles are not looked at.
    role, title_sector, acting = _lookup(
        _where(iom, title_key, None),
        vocabulary.title,
        ("role", UNKNOWN, BLANK),
        ("sector", None, None),
        ("acting", False, False),
    )
    _language_titles(roster, vocabulary, iom, role, title_key)
    frame["role"] = _objects(frame, _where(iom, role, None))
    frame["title_sector"] = _objects(frame, title_sector)
    frame["acting"] = acting.astype(bool)
    (capacity,) = _lookup(column("capacity"), vocabulary.capacity, (None, UNKNOWN, "member"))
    observer = title_observer.astype(bool) | org_observer.astype(bool)
    capacity = _where(observer, "observer", capacity)
    frame["capacity_code"] = _objects(frame, _where(iom, capacity, "member"))

    # One number per meeting: rows sharing date, platform, cluster sector, level, location
    # and session (the regular UNCT and its extraordinary session that day are two).
    keys = ["file", "date_iso", "platform_code", "meeting_sector", "level_code", "location_key"]
    _sessions(roster, keys)
    frame["meeting"] = frame.groupby([*keys, "session_key"], sort=False,
                                     dropna=False).ngroup()  # fmt: skip
    _elsewhere_the_same_day(frame, vocabulary, level == BLANK)
    # fold, not the memoised vocabulary.key: names are nearly all distinct, so remembering
    # each one for the rest of the process would only grow the memo (80,000 entries for
    # the 200-file benchmark batch).
    (attendee_key,) = _lookup(attendee, fold, (None, None, None))
    frame["attendee_key"] = _objects(frame, attendee_key)
    _contradictions(roster, staff, presence, absent, with_presence)


def _sessions(roster: Roster, keys: list[str]) -> None:
    """Each row's session (`session`, as said in the meeting) and the key that tells the
    sessions of one platform's day apart (`session_key`). A sign-in sheet's session is its
    heading's or name's; a list's row's is its platform cell's ("UNCT – sessão
    extraordinária"). An extraordinary session is never the unmarked meeting; two times tell
    two sessions apart only where both rows give one (a page without the hour is not a
    session of its own)."""
    frame = roster.frame
    by_table = {t.index: t.session for t in roster.tables}
    found = [
        by_table.get(table) or sessions.session_of(platform)
        for table, platform in zip(frame["table"].tolist(), frame["platform"].tolist())
    ]
    frame["session"] = _objects(frame, np.array([str(s) or None for s in found], dtype=object))
    if not any(found):
        frame["session_key"] = ""
        return
    kinds = pd.Series([s.kind for s in found], index=frame.index)
    times = pd.Series([s.time for s in found], index=frame.index)
    groups = [frame[k] for k in keys] + [kinds]
    timed = times.where(times.ne(""))
    several = timed.groupby(groups, sort=False, dropna=False).transform("nunique").fillna(0) > 1
    frame["session_key"] = (kinds + "|" + times.where(several, "")).to_numpy(dtype=object)


# A row's attendance in doubt because its meeting, of no level said, met in another place than
# a meeting of the same platform that day: "<its place>\t<the other's>" (judge: reason_two_places).
ELSEWHERE = "(elsewhere) "


def _elsewhere_the_same_day(frame: pd.DataFrame, vocabulary: Vocabulary,
                            level_blank: np.ndarray) -> None:  # fmt: skip
    """Two meetings of one platform (and cluster sector) on one day, in two named places, at
    the same level (national), one of them — or both — with no level said: "Clúster de
    Protección | Nacional | Castries" and "Clúster de Protección | | Vieux Fort (hub sur)".
    The one whose place names a field office ("hub", "sous-bureau", "oficina de terreno") is
    the sub-national meeting; of any other with no level, which is the national meeting is not
    known: its IOM rows are in doubt, never the national meeting's attendance. Only beside
    another meeting of the day: alone, "Venue: UN Hub, Sana'a" or "WHO sub-office, Cox's
    Bazar" is where the national meeting met. In place (the meetings numbered again when a
    level changed)."""
    keys = ["file", "date_iso", "platform_code", "meeting_sector", "level_code"]

    def elsewhere() -> tuple[pd.DataFrame, np.ndarray]:
        known = ~np.isin(frame["platform_code"].to_numpy(), [UNKNOWN, BLANK, SIDE]) & (
            frame["location_key"].to_numpy() != ""
        )
        rows = frame[known]
        places = rows.groupby(keys, sort=False, dropna=False)["location_key"].transform("nunique")
        unsaid = pd.Series(level_blank[known], index=rows.index).groupby(rows["meeting"])
        return rows, (places > 1).to_numpy() & unsaid.transform("all").to_numpy(dtype=bool)

    rows, two = elsewhere()
    if not two.any():
        return
    offices = rows.index[two & np.fromiter(map(vocabulary.field_office, rows["location"]), bool,
                                           len(rows))]  # fmt: skip
    frame.loc[offices, "level_code"] = "subnational"
    if not offices.empty:
        frame["meeting"] = frame.groupby([*keys, "location_key"], sort=False,
                                         dropna=False).ngroup()  # fmt: skip
        rows, two = elsewhere()
    doubted = rows.index[two & rows["is_iom"].to_numpy(dtype=bool)
                         & pd.isna(rows["presence_doubt"]).to_numpy()]  # fmt: skip
    if not doubted.empty:
        others: dict[tuple[Any, ...], list[str]] = {}
        for key, place in zip(rows[keys].itertuples(index=False, name=None),
                              rows["location"].tolist()):  # fmt: skip
            said = str(place).strip()
            if said not in others.setdefault(key, []):
                others[key].append(said)
        quoted = []
        for i in doubted:
            here = str(frame.at[i, "location"]).strip()
            there = [p for p in others[tuple(frame.loc[i, keys])] if fold(p) != fold(here)]
            quoted.append(f"{ELSEWHERE}{here}\t{', '.join(there)}")
        frame.loc[doubted, "presence_doubt"] = quoted
        frame.loc[doubted, "is_iom"] = False
        frame.loc[doubted, "iom_unknown"] = True
        frame.loc[doubted, "role"] = None
        frame.loc[doubted, "capacity_code"] = "member"


def _legend_titles(roster: Roster, vocabulary: Vocabulary, title_key: np.ndarray) -> None:
    """Titles read with their sheet's legend written out ("Snr PM" under "PM = Project
    Manager": "Snr Project Manager"): the sheet's word wins over the built-in reading of an
    abbreviation the vocabulary reads (checker.abbreviations). Other entries of the legend
    ("IOM = International Organization for Migration") are no title's. In place."""
    legends = {t.index: [e for e in t.title_legend if vocabulary.reads_abbreviation(e[0])]
               for t in roster.tables if t.title_legend}  # fmt: skip
    legends = {t: legend for t, legend in legends.items() if legend}
    if not legends:
        return
    tables = roster.frame["table"].to_numpy()
    for i in np.flatnonzero(np.isin(tables, list(legends))).tolist():
        if type(title_key[i]) is str:
            title_key[i] = abbreviations.spelled_out(title_key[i], legends[int(tables[i])])


def _on_behalf(frame: pd.DataFrame, vocabulary: Vocabulary, title_key: np.ndarray) -> None:
    """A name cell saying on whose behalf its person came (layout's ON_BEHALF mark). Where it
    names the post they came for and the row's title is another known post ("Em nome da
    Chefe de Missão: R. Khumalo" beside "Oficial de Programa Sénior", field12 ZAF) below it,
    the title is the person's own: the row is theirs, with its attendance cell. Otherwise the
    title may be the absent one's ("A. Fall (pour M. Ndiaye)" beside "Cheffe de mission"):
    nobody known attended (NAMELESS)."""
    said = frame["presence"].to_numpy()
    marked = [i for i, v in enumerate(said.tolist()) if type(v) is str and v.startswith(ON_BEHALF)]
    if not marked:
        return
    attendee = frame["attendee"].to_numpy()
    column = frame.columns.get_loc("presence")
    for i in marked:
        cell, _, mark = said[i].removeprefix(ON_BEHALF).partition("\t")
        post = vocabulary.post_stood_for(attendee[i])
        own = vocabulary.title(title_key[i]).role if type(title_key[i]) is str else None
        # Only someone junior to the post they came for: a post above it ("on behalf of the
        # RMO" beside "Chief of Mission") is more likely the absent one's, written in the row.
        if post is not None and own is not None and _ranks_below(vocabulary, own, post):
            frame.iat[i, column] = mark or None
        else:
            frame.iat[i, column] = NAMELESS + cell


def _ranks_below(vocabulary: Vocabulary, role: str, other: str) -> bool:
    ranks = vocabulary.roles
    return role in ranks and other in ranks and ranks[role].rank > ranks[other].rank


def _language_titles(roster: Roster, vocabulary: Vocabulary, iom: np.ndarray, role: np.ndarray,
                     title_key: np.ndarray) -> None:  # fmt: skip
    """An IOM title the vocabulary reads only in one language ("CM": the Chefe de Missão in
    Portuguese) takes its role where the sheet is written in that language, told from its
    headers and titles; elsewhere it stays unknown (S205)."""
    frame = roster.frame
    languages: dict[tuple[Any, Any], str | None] = {}
    for i in np.flatnonzero(iom & (role == UNKNOWN)).tolist():
        roles = vocabulary.language_title(title_key[i])
        if not roles:
            continue
        where = (frame["file"].iat[i], frame["sheet"].iat[i])
        if where not in languages:
            languages[where] = _sheet_language(roster, *where)
        lang = languages[where]
        if lang in roles:
            role[i] = roles[lang]


def _sheet_language(roster: Roster, file: Any, sheet: Any) -> str | None:
    """The language a sheet's tables are written in, from their headers and titles."""
    frame = roster.frame
    rows = frame[(frame["file"] == file) & (frame["sheet"] == sheet)]
    tables = [roster.tables[t] for t in rows["table"].unique().tolist()]
    headers = [c.header for t in tables for c in t.found]
    headers += [header for t in tables for _, header, _ in t.ignored]
    return written_in([*headers, *rows["title"].dropna().unique().tolist()])


def _contradictions(roster: Roster, staff: np.ndarray, presence: np.ndarray, absent: np.ndarray,
                    with_presence: np.ndarray) -> None:  # fmt: skip
    """One IOM person listed twice at one meeting, a row saying present and another absent
    (a draft and a final table that nothing tells apart, checker.versions): whether they
    attended is unknown, and the reason quotes both cells — never "present wins"."""
    frame = roster.frame
    # Present: the presence cell says so, or the person is listed in a table without one.
    said_present = ~absent & ((presence == "present") | (~with_presence & (presence == BLANK)))
    found = versions.contradictions(frame["meeting"].to_numpy(),
                                    frame["attendee_key"].to_numpy(), staff.astype(bool),
                                    said_present.astype(bool), absent.astype(bool))  # fmt: skip
    if not found:
        return
    sheets, rows, tables = (frame[c].to_numpy() for c in ("sheet", "row", "table"))
    said = frame["presence"].to_numpy()

    def quote(i: int) -> str:
        row, letter = roster.cell_of(int(tables[i]), int(rows[i]), "presence")
        cell = f"{sheets[i]}!{letter}{row}" if letter else f"{sheets[i]} row {row}"
        return f'{cell} "{said[i] if said[i] is not None else ""}"'

    at = frame.index[list(found)]
    frame.loc[at, "presence_doubt"] = [
        f"{versions.CONTRADICTED}{quote(i)} / {quote(j)}" for i, j in found.items()
    ]
    frame.loc[at, "is_iom"] = False
    frame.loc[at, "iom_unknown"] = True
    frame.loc[at, "role"] = None
    frame.loc[at, "capacity_code"] = "member"
