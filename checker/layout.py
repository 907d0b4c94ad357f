"""Raw sheet grids → where each roster table is, how it was read, and which of its rows are
data.

Every visible sheet is accounted for: read as a table (an attendance list or a log, a
sign-in sheet for one meeting, a wide tracker), read as the metadata sheet, or ignored with
the reason. A table's columns are found by their header (or HXL hashtag, a keyword in a
question-like header, a mapping the user gave) and, for the organisation column, by its
contents. Merged cells are filled down; blank lines, note rows and the empty numbered lines
of a printed form are skipped (counted). Each kept row keeps its sheet and Excel row, and
each table the column of each field, so that findings can name the exact cell.

numpy only, neither pandas nor pydantic: in a batch this runs in the worker processes that
read the files, forked before the parent process has imported either (see checker.batch).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, pairwise
from pathlib import Path
from typing import Any

import numpy as np

from checker import (
    abbreviations,
    acting,
    between,
    blocks,
    corrections,
    dates,
    footnotes,
    instead,
    lookups,
    mailbox,
    matrix,
    meeting_calendar,
    minutes,
    offices,
    partial,
    presence,
    sessions,
    sheetnames,
    times,
    titleblock,
    tracker,
    versions,
)
from checker.dates import DayOf, MonthOf, header_order, month_named, month_of, read_date, week_of
from checker.findings import TOOL_NAME, column_letter
from checker.formatting import (
    SYMBOL_FONTS,
    SYMBOL_LETTERS,
    cell_comments,
    filled_cells,
    lookup_formulas,
    number_format_cells,
    shown_number,
    symbol_font_cells,
    yearless_date_cells,
)
from checker.headers import (
    BY_CONTENTS,
    BY_HEADER,
    BY_HXL,
    BY_KEYWORD,
    BY_USER,
    EXPECTED,
    OTHER_ANSWER,
    Headers,
    hxl_field,
    is_hxl_tag,
)
from checker.lazyre import lazy
from checker.mailbox import EMAIL_POST
from checker.metadata import METADATA_SHEETS, Metadata, from_sheet
from checker.reader import SheetGrid, UnreadableRoster, Workbook, read_workbook
from checker.text import fold

HEADER_SEARCH_ROWS = 20
# "country": a regional compilation's Country / Mission column, whose rows of another
# mission are not this mission's (checker.offices.apply_missions).
FIELDS = ("date", "platform", "level", "location", "attendee", "organization", "title", "sector",
          "capacity", "presence", "country")  # fmt: skip
CONTENT_SAMPLE_ROWS = 300

# Shapes of table a sheet may hold.
LIST = "list"  # one row per attendee (or per meeting) with date and platform columns
SIGN_IN = "sign_in"  # one meeting a sheet: the meeting named above the table
TRACKER = "wide_tracker"  # a row per platform, a column per month
MATRIX = "matrix"  # a row per meeting, a column per agency ticked ✓ / ✗ (checker.matrix)

# Statuses of a sheet that holds no table.
METADATA = "metadata"
CALENDAR = "calendar"  # the dates of sign-in sheets named by their meeting (meeting_calendar)
HIDDEN = "hidden"
IGNORED = "ignored"

_EMAIL = lazy(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_NOTE_WORDS = lazy(
    r"^\s*(?:prepared|prepare|préparé|établi|elaborado|preparado|total|note|nb|n\.b|signature|"
    r"validated|validé|validado|approved|approuvé|aprobado|source|fin|end)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Column:
    """How one field's column was found."""

    field: str
    col: int  # 0-based
    header: str  # the header cell's text ("" when the column had none)
    found_by: str  # checker.headers.BY_*: header, user, hxl, keyword, contents


@dataclass(frozen=True)
class Choice:
    """Two columns that could be one field, and which was read: the visible one over a hidden
    one, then — for the organisation — the one whose values name agencies over one that holds
    a single other word ("UN", "NGO"), for the title and the capacity the one whose values
    are not all a meeting app's roles ("Cargo" over Teams' "Função": Organizador,
    Participante), then the exact header over one with more words
    ("Fonction" over "Fonction (annuaire 2024)"), then the one with more values, then the
    first. Said in a finding (S216)."""

    field: str
    taken: int  # 0-based column read
    taken_header: str
    other: int  # 0-based column set aside
    other_header: str
    why: str  # hidden (the one set aside is), contents, app_roles, exact, filled or first
    word: str = ""  # for contents and app_roles: a word the column set aside holds


@dataclass(frozen=True)
class Swap:
    """A title column and an organisation column whose headers are swapped: the column headed
    as the organisation holds titles, the one headed as the title holds organisations. Each
    is read for what it holds, and a finding says so (S216:swapped)."""

    organisation: int  # 0-based column read as the organisation (headed as the title)
    organisation_header: str
    title: int  # 0-based column read as the title (headed as the organisation)
    title_header: str


@dataclass(frozen=True)
class Constant:
    """A field that has one value for the whole table, written outside it: a sign-in sheet's
    meeting in its heading, a tracker column's month. `candidates` are the texts that may
    name the platform, best first (stage two picks the first the vocabulary knows)."""

    field: str
    row: int  # Excel row; 0 when it comes from the sheet's name
    col: int  # 0-based
    value: Any
    candidates: tuple[titleblock.Line, ...] = ()
    # A list's platform from its heading and sheet name: taken only when all the texts that
    # name a platform name the same one (else stage two leaves it unread: S201).
    same_in_all: bool = False
    # A sign-in sheet's date from a calendar sheet: (its name, Excel row); row and col are 0.
    calendar: tuple[str, int] | None = None
    # A sign-in sheet's date from another sheet's heading naming its meeting by number
    # ("Minutes of HCT meeting 14/2026 – held on 4 November 2026"): (that sheet, Excel row,
    # 0-based column, the line); row and col are 0 (checker.minutes.dates_by_number).
    elsewhere: tuple[str, int, int, str] | None = None


@dataclass(frozen=True)
class RosterTable:
    """Where one roster table sits in the workbook, and how it was read."""

    index: int
    sheet: str
    header_row: int  # Excel row number of the header (of the HXL row under it, if any)
    columns: dict[str, int]  # field → 0-based column index
    shape: str = LIST
    found: tuple[Column, ...] = ()
    ignored: tuple[tuple[int, str, str], ...] = ()  # (column, header, kind of column)
    constants: tuple[Constant, ...] = ()
    # Whose list it is when no column names the organisations: (evidence, detail) pairs that
    # it is IOM's own log, and pairs against (e-mails of other agencies).
    evidence: tuple[tuple[str, str], ...] = ()
    counter_evidence: tuple[tuple[str, str], ...] = ()
    hxl: bool = False
    form: bool = False  # a forms export (a timestamp or system column: Kobo, MS or Google Forms)
    months: tuple[int, ...] = ()  # a tracker's month columns (0-based), for each of its tables
    # The cell naming the month of a tracker's day columns ("NOVEMBRE 2026" above 4, 11, 18):
    # (Excel row, 0-based column, text); None when the file's period gives it.
    month_banner: tuple[int, int, str] | None = None
    last_row: int | None = None  # Excel row of the last row, when another table follows
    stacked: bool = False  # another table stands above it on the sheet (one under another)
    # Its first and last columns (0-based), when other tables stand beside it on the sheet:
    # only its own columns are read (checker.blocks).
    span: tuple[int, int] | None = None
    choices: tuple[Choice, ...] = ()  # fields that two columns could be
    hidden_columns: tuple[int, ...] = ()  # of the table's columns (read or not), 0-based
    hidden_rows: tuple[int, ...] = ()  # Excel rows of the table hidden by hand
    filtered_rows: int = 0  # rows of the table a filter hides (read as data)
    folded_rows: int = 0  # rows of the table a collapsed outline group folds (read as data)
    # Excel rows of the table hidden under a filter whose criteria are not evaluated
    # (attendance unknown, as a row hidden by hand).
    unsure_rows: tuple[int, ...] = ()
    # The ranges of the sheet's conditional formats that strike cells, not evaluated.
    unread_formats: tuple[str, ...] = ()
    # An agency matrix's columns whose texts may name IOM's representative (Remarks).
    remarks: tuple[int, ...] = ()
    # Each row's own office, from a column headed so ("Duty station", "Bureau
    # d'affectation"): (Excel row, the cell), for checker.offices; never the meeting's place.
    offices: tuple[tuple[int, str], ...] = ()
    # A tracker column's blank cells read as no meeting of that platform that day (Excel
    # rows): a date column with one entry, or a sparse tracker (tracker.blank_is_no_meeting).
    no_meeting_blanks: tuple[int, ...] = ()
    # A list without a platform column whose groups of rows each stand under a heading row
    # naming their platform ("EQUIPO DE PAÍS DE LA ONU (UNCT)", then its attendees): (Excel
    # row, 0-based column, the heading) of each such row, in order; the heading is None for a
    # lone line that names no platform alone ("Reunión bilateral … (al margen del UNCT)"),
    # which ends the group above it: its rows have no platform read (unless the vocabulary
    # reads the line as a side meeting, checker.normalise). The fourth is the line's text.
    groups: tuple[tuple[int, int, str | None, str], ...] = ()
    # Rows left from the README's or template's example ("Exemplo: HCT", "example row –
    # delete"): skipped, never a meeting; (Excel row, 0-based column, the cell that says so).
    example_rows: tuple[tuple[int, int, str], ...] = ()
    # Rows whose name cell is an action point or follow-up item of a meeting ("Action point:
    # share the report (responsible: CoM)", "Ponto de ação … (responsável: CM)"), not a
    # person: skipped, never an attendee; (Excel row, 0-based column, the name cell).
    action_rows: tuple[tuple[int, int, str], ...] = ()
    # A line stating how the dates are written ("All dates dd/mm/yyyy", a row "jj/mm/aaaa"
    # under the header), above the header or as the first row under it (then skipped): the
    # same evidence of the date column's order as a header saying it (normalise.date_orders);
    # (Excel row, 0-based column, its text).
    date_format: tuple[int, int, str] | None = None
    # With no platform column: a column not read whose values name platforms on half its
    # rows or more, (0-based column, header), for S201 to name it.
    platform_like: tuple[int, str] | None = None
    # The apologies line naming IOM of the minutes of this sign-in sheet's meeting, on
    # another sheet (checker.minutes).
    minutes: minutes.Apologies | None = None
    # The sheet's notes stating an acting period ("X was CoM a.i. 1–14 Nov"), held against
    # each row's date by the judge (checker.acting).
    acting_notes: tuple[acting.Statement, ...] = ()
    # The sheet's legend of title abbreviations ("PM = Project Manager"): (folded code, its
    # words, the line), read over the built-in reading (checker.abbreviations).
    title_legend: tuple[tuple[str, str, str], ...] = ()
    swapped: Swap | None = None  # the title and organisation columns read the other way round
    # A meeting app's attendance export (Teams): a column holds only the app's roles
    # (Organizer, Attendee). Its Joined/Left lines list a person once per connection, so a
    # name on several rows of one meeting is the export's form, not a duplicate (S208).
    meeting_app: bool = False
    # The session a sign-in sheet's heading or name names ("extraordinary session – 16:00",
    # "(p.m.)"): two sessions of one platform's day are two meetings (checker.sessions).
    session: sessions.Session = sessions.NONE
    # The month its heading names as the list's own ("ATTENDANCE REGISTER – DECEMBER 2026"):
    # (Excel row, 0-based column, text, "YYYY-MM"), for a table with a date column. A
    # statement of the period beside the file name's and the Metadata sheet's (periods.py).
    list_month: tuple[int, int, str, str] | None = None
    # The cells above the header naming an IOM office of a country ("IOM KIRIBATI – …",
    # "prepared by …, IOM Kiribati"): (Excel row, 0-based column, text, the countries' ISO3
    # codes), held against the file's mission in stage two (checker.offices.apply_missions).
    heading_offices: tuple[tuple[int, int, str, tuple[str, ...]], ...] = ()
    # A later day of a meeting held over several days, a sign-in sheet's column per day ("Jour
    # 2 (19/11)"): that column's header. Its rows are the meeting's later sitting, judged
    # with the first day's (checker.judge.join_sittings); the first day's table has None.
    sitting: str | None = None

    def has(self, field_name: str) -> bool:
        return (field_name in self.columns or any(c.field == field_name for c in self.constants)
                or (field_name == "platform" and bool(self.groups)))  # fmt: skip

    def constant(self, field_name: str) -> Constant | None:
        return next((c for c in self.constants if c.field == field_name), None)


@dataclass(frozen=True)
class SheetReading:
    """What became of one sheet: read as tables, as the metadata sheet, or not read, why."""

    name: str
    status: str  # LIST, SIGN_IN, TRACKER, METADATA, HIDDEN or IGNORED
    reason: str = ""  # for IGNORED: a message key (empty, no_header, incomplete, lists, …)
    headers: tuple[str, ...] = ()  # the best header row seen, for an ignored sheet
    header_row: int | None = None
    looks_like_roster: bool = False  # an ignored sheet with people or meetings in it
    missing: tuple[str, ...] = ()  # the required fields its header lacks
    calendar: meeting_calendar.Calendar | None = None  # for CALENDAR: what it dated, and not
    # Its tables not read because another version of them is (checker.versions): S218.
    superseded: tuple[versions.Superseded, ...] = ()
    # A minutes sheet's apologies line naming IOM that no meeting's list could be tied to
    # (checker.minutes): S219.
    untied: minutes.Untied | None = None
    # A recap not read (reason "summary"): the sheets read as attendance beside it.
    beside: tuple[str, ...] = ()
    # A corrections sheet's lines (reason "corrections"), held against the rows they name.
    corrections: tuple[corrections.Correction, ...] = ()


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
    sheets: list[SheetReading] = field(default_factory=list)


@dataclass
class Unlaid:
    """Why a file could not be laid out: the file-level finding to report on it."""

    path: Path
    code: str  # E101 unreadable, E102 encrypted, E103 no roster table, E104 over the limits
    detail: str = ""  # the checker's own failure, as Python words it (E101:internal)
    message_key: str | None = None  # a variant of the code's message ("E101:internal")
    extra: dict[str, object] = field(default_factory=dict)
    # Why the reader gave up, as a key of the catalogues' `details` with its fields: the
    # words are chosen when the finding is rendered, in the language of the check.
    detail_key: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def failure(cls, path: Path, exc: Exception) -> Unlaid:
        """A file that made the checker fail: reported on that file, the others go on."""
        if isinstance(exc, (MemoryError, RecursionError)):
            return cls(path, "E104", detail_key="exhausted", fields={"error": type(exc).__name__})
        return cls(path, "E101", f"{type(exc).__name__}: {exc}", message_key="E101:internal")


# ------------------------------------------------------------------ finding the header


@dataclass
class _Header:
    """The best header row of a sheet and what its cells name."""

    index: int  # 0-based row of the header text
    data_start: int  # 0-based first row under the header (and under its HXL row)
    columns: dict[str, Column]
    ignored: list[tuple[int, str, str]]
    hxl: bool
    platform_like: tuple[int, str] | None = None  # see RosterTable
    swapped: Swap | None = None  # see RosterTable


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _preferred(col: int, how: str, taken: Column, hidden: frozenset[int]) -> bool:
    """Whether a column is a better reading of a field than the one taken before it: the
    visible one over a hidden one (a hidden column is often last year's, kept aside), then
    the exact header over a header with more words (found by a keyword in it)."""
    if (col in hidden) != (taken.col in hidden):
        return taken.col in hidden
    return how == BY_HEADER and taken.found_by == BY_KEYWORD


def _read_header_row(row: list[Any], below: list[Any] | None, headers: Headers,
                     hidden: frozenset[int] = frozenset()) -> _Header | None:  # fmt: skip
    hxl = below is not None and _is_hxl_row(below)
    columns: dict[str, Column] = {}
    ignored: list[tuple[int, str, str]] = []
    for col in range(max(len(row), len(below) if hxl and below else 0)):
        header = _text(row[col]) if col < len(row) else ""
        name, how = headers.read_header(header) if header else (None, "")
        if hxl and below is not None and col < len(below) and is_hxl_tag(below[col]):
            tagged = hxl_field(below[col])
            if name is None and tagged is not None:  # the hashtag names what the header did not
                name, how = tagged, BY_HXL
        if name in columns and how == BY_KEYWORD:  # "Cluster (if cluster meeting)": sector
            name = next((n for n in headers.alternatives(header) if n not in columns), name)
        if name in columns and _preferred(col, how, columns[name], hidden):
            taken = columns.pop(name)
            ignored.append((taken.col, taken.header, f"duplicate:{name}"))
        if name is not None and name not in columns and name in FIELDS:
            columns[name] = Column(name, col, header, how)
        elif header:
            ignored.append((col, header, how if name is None else f"duplicate:{name}"))
    if not columns:
        return None
    sector = columns.get("sector")
    if "platform" not in columns and sector is not None and sector.found_by == BY_KEYWORD and (
        headers.reads_as_platform(sector.header)
    ):  # fmt: skip
        # "Date | Cluster | Participant" without a meeting column: "Cluster" holds which
        # cluster met ("Protection", "Health"), so it is the meeting's column.
        columns["platform"] = Column("platform", sector.col, sector.header, BY_KEYWORD)
        del columns["sector"]
    return _Header(0, 0, columns, ignored, hxl)


_FORM_COLUMNS = frozenset({"number", "signature", "email", "phone"})


def _is_hxl_row(row: list[Any]) -> bool:
    texts = [v for v in row if _text(v)]
    return len(texts) >= 2 and sum(is_hxl_tag(v) for v in texts) * 2 >= len(texts)


def _find_header(sheet: SheetGrid, headers: Headers) -> _Header | None:
    """The first row of the first 20 that names the required fields (a second table's header
    further down is found by `_next_header`); else the row naming the most fields."""
    best: _Header | None = None
    rows = sheet.cells[:HEADER_SEARCH_ROWS]
    for r, row in enumerate(rows):
        if _is_hxl_row(row):
            continue  # read with the header row above it
        below = sheet.cells[r + 1] if r + 1 < len(sheet.cells) else None
        found = _read_header_row(_header_cells(sheet, r), below, headers, sheet.hidden.columns)
        # Two fields, or one beside columns every printed form has ("No. | Name | Signature").
        known = sum(kind in _FORM_COLUMNS for _, _, kind in found.ignored) if found else 0
        if found is None or len(found.columns) + min(known, 1) < 2:
            continue
        found.index, found.data_start = r, r + (2 if found.hxl else 1)
        if headers.required <= found.columns.keys():
            return _two_row_header(sheet, found, headers) or found
        if best is None or len(found.columns) > len(best.columns):
            best = found
    return best


def _header_cells(sheet: SheetGrid, r: int) -> list[Any]:
    """Row `r` read as a header: an empty cell under a header merged down into it from the
    row above ("Présent(e)" over G3:G4 beside Date / Nom / Fonction in row 4) takes its text."""
    row = sheet.cells[r]
    down = [(r0, c0) for r0, c0, r1, _c1 in sheet.merged if r0 == r - 1 and r1 >= r]
    if not down:
        return row
    row = list(row)
    for r0, c0 in down:
        above = sheet.cells[r0][c0] if c0 < len(sheet.cells[r0]) else None
        row.extend([None] * (c0 + 1 - len(row)))
        if row[c0] in ("", None):
            row[c0] = above
    return row


def _two_row_header(sheet: SheetGrid, found: _Header, headers: Headers) -> _Header | None:
    """A printed form's header on two rows: group words on top merged across the columns
    they group ("Participant" over Name / Position / Organisation, "Attendance" over Present /
    Apologies), the other headers merged down over both rows ("Date"). The lower row, with
    the merged-down texts, is the header when it names more fields than the top one."""
    r = found.index
    grouped = any(r0 == r and (r1 == r + 1 or (r1 == r and c1 > c0))
                  for r0, c0, r1, c1 in sheet.merged)  # fmt: skip
    if not grouped or found.hxl or r + 1 >= len(sheet.cells):
        return None
    below = sheet.cells[r + 2] if r + 2 < len(sheet.cells) else None
    lower = _read_header_row(_header_cells(sheet, r + 1), below, headers)
    if lower is None or not (headers.required <= lower.columns.keys()):
        return None
    if len(lower.columns) <= len(found.columns):
        return None
    lower.index, lower.data_start = r + 1, r + (3 if lower.hxl else 2)
    return lower


def _best_row_texts(sheet: SheetGrid) -> tuple[int | None, tuple[str, ...]]:
    """The row of the first 20 with the most text cells: what the user would call a header."""
    best: tuple[int | None, tuple[str, ...]] = (None, ())
    for r, row in enumerate(sheet.cells[:HEADER_SEARCH_ROWS]):
        texts = tuple(_text(v) for v in row if _text(v))
        if len(texts) > len(best[1]):
            best = (r + 1, texts)
    return best


# ------------------------------------------------------------------ columns by their contents


def _column_values(sheet: SheetGrid, start: int, col: int) -> list[Any]:
    return [
        row[col]
        for row in sheet.cells[start : start + CONTENT_SAMPLE_ROWS]
        if col < len(row) and row[col] not in ("", None)
    ]


def _organisation_column(sheet: SheetGrid, found: _Header, headers: Headers) -> Column | None:
    """A column whose values are organisations (IOM beside other agencies) is the
    organisation column, whatever its header says ("Who / from where", "Procedencia")."""
    settled = {c.col for c in found.columns.values() if c.found_by not in ("keyword", BY_HXL)}
    candidates = sorted({c for c, _, _ in found.ignored} | {
        c.col for c in found.columns.values() if c.col not in settled
    }, key=lambda c: (c in sheet.hidden.columns, c))  # visible ones first  # fmt: skip
    for col in candidates:
        values = _column_values(sheet, found.data_start, col)
        if len(values) < 2:
            continue
        known = [v for v in values if headers.organisation_kind(v, strict=True) is not None]
        if len(known) * 10 >= len(values) * 6:
            header = next((h for c, h, _ in found.ignored if c == col), "")
            header = header or next((c.header for c in found.columns.values() if c.col == col), "")
            return Column("organization", col, header, BY_CONTENTS)
    return None


# Kinds of unmatched column whose values are something else than presence even when they
# look like it: a signature's "X" is read as a signature (checker.presence.unsigned).
# A column saying how each person took part ("Modalidad": Presencial / Virtual), not whether.
MODE = "mode"
_NOT_PRESENCE = frozenset({"number", "email", "phone", "signature", "gender", "timestamp",
                           "system", "remarks", "office", OTHER_ANSWER, EXPECTED, *times.KINDS})  # fmt: skip


def _presence_column(sheet: SheetGrid, found: _Header, headers: Headers) -> Column | None:
    """A column no header names whose values are, on most rows, presence words or marks
    (✓ / ✗, Oui / Non, Sí / No, Present / Absent, P / A) is the presence column: a "No" the
    checker does not read must never leave the person counted as attending. Several such
    columns (a matrix of agencies ticked ✓ / ✗) make none the presence column."""
    mapped = {c.col for c in found.columns.values()}
    kinds = {col: (header, kind) for col, header, kind in found.ignored}
    width = max((len(row) for row in sheet.cells[found.data_start :][:CONTENT_SAMPLE_ROWS]),
                default=0)  # fmt: skip
    rows = sum(1 for row in sheet.cells[found.data_start :][:CONTENT_SAMPLE_ROWS]
               if any(v not in ("", None) for v in row))  # fmt: skip
    columns: list[Column] = []
    for col in range(width):
        header, kind = kinds.get(col, ("", ""))
        # A duplicate by keyword is a candidate: "¿Vino a la reunión?" beside "Reunión".
        if col in mapped or (kind in _NOT_PRESENCE and kind != "signature"):
            continue
        if headers.organisation_kind(header, strict=True) is not None:
            continue  # an agency's column in a matrix
        if _UNSETTLED.search(f" {fold(header)} "):
            continue  # "Invited" / "Confirmed" ticked Yes: who was invited, not who came
        values = _column_values(sheet, found.data_start, col)
        # A "Signed" column of ticks and crosses says who signed (✗: not signed, absent);
        # one of signatures and "X"s alone is read as signatures (presence.unsigned).
        if kind == "signature" and not any(headers.presence_word(v) == "absent" for v in values):
            continue
        # A "Modalidad" column says how people took part; one that also says "Excusado" on
        # some rows says whether they came, and is the attendance column (field3, field7 MEX).
        if kind == MODE and not any(headers.presence_word(v) == "absent" for v in values):
            continue
        if len(values) < 2 or len(values) * 2 < rows:
            continue
        said = [v for v in values if headers.presence_word(v) is not None
                or (isinstance(v, str) and v.strip().lower() in ("p", "a"))]  # fmt: skip
        if len(said) * 10 < len(values) * 8:
            continue
        if all(fold(v) in headers.modes for v in said) and kind != "signature":
            # "Présentiel" / "En ligne" alone: how people took part, not whether they came.
            found.ignored = [(c, h, MODE if c == col and not k else k)
                             for c, h, k in found.ignored]  # fmt: skip
            continue
        columns.append(Column("presence", col, header, BY_CONTENTS))
    return columns[0] if len(columns) == 1 else None


def _platform_column(
    sheet: SheetGrid, found: _Header, headers: Headers
) -> tuple[Column | None, tuple[int, str] | None]:
    """A visible column whose header names no field ("Espacio", "Ámbito") and whose values
    are, on most rows, platforms' names ("EHP", "Clúster de Protección", "Equipo de País de
    la ONU (UNCT)") is the platform column, and the reading says it was found by its
    contents. Two such columns make neither. Else the first column not read whose values
    name a platform on half its rows or more is returned second, for S201 to name it."""
    taken: list[Column] = []
    like: tuple[int, str] | None = None
    for col, header, kind in found.ignored:
        if kind:  # a column of another kind (remarks, e-mail…) or a second one of a field
            continue
        values = _column_values(sheet, found.data_start, col)
        if len(values) < 2:
            continue
        platforms = sum(1 for v in values if headers.reads_as_platform(v))
        if col not in sheet.hidden.columns and platforms * 10 >= len(values) * 8:
            taken.append(Column("platform", col, header, BY_CONTENTS))
        named = sum(1 for v in values if headers.names_platform(v))
        if like is None and named * 2 >= len(values):
            like = (col, header)
    if len(taken) == 1:
        return taken[0], None
    return None, like


def _settle_columns(sheet: SheetGrid, found: _Header, headers: Headers) -> None:
    """Judge columns by their contents as well as their headers."""
    _meeting_times(sheet, found)
    # Two columns for one field ("Organisation" left empty, "Agency" filled): the filled one,
    # unless the other is the visible one, or has the exact header and values.
    hidden = sheet.hidden.columns
    for i, (col, header, kind) in enumerate(list(found.ignored)):
        name = kind.removeprefix("duplicate:") if kind.startswith("duplicate:") else None
        taken = found.columns.get(name) if name else None
        if name is None or taken is None:
            continue
        if col in hidden and taken.col not in hidden:
            continue
        app_roles = (_app_roles_over(sheet, found, headers, name, taken.col, col)
                     if taken.found_by != BY_USER else None)  # fmt: skip
        if app_roles is not None:  # a meeting app's roles ("Organizador"): the other is read
            if app_roles == taken.col:
                found.columns[name] = Column(name, col, header, BY_CONTENTS)
                found.ignored[i] = (taken.col, taken.header, f"duplicate:{name}")
            continue
        if name == "organization" and (col in hidden) == (taken.col in hidden):
            if _names_agencies_over(sheet, found, headers, taken.col, col):
                continue
            if _names_agencies_over(sheet, found, headers, col, taken.col):
                found.columns[name] = Column(name, col, header, BY_CONTENTS)
                found.ignored[i] = (taken.col, taken.header, f"duplicate:{name}")
                continue
        values = len(_column_values(sheet, found.data_start, taken.col))
        if values and taken.found_by == BY_HEADER and not _header_exact(header, headers):
            continue
        if len(_column_values(sheet, found.data_start, col)) > values:
            found.columns[name] = Column(name, col, header, taken.found_by)
            found.ignored[i] = (taken.col, taken.header, f"duplicate:{name}")
    org = found.columns.get("organization")
    if org is None or org.found_by not in ("header", BY_USER, BY_CONTENTS):
        by_contents = _organisation_column(sheet, found, headers)
        if by_contents is not None:
            took = [n for n, c in found.columns.items() if c.col == by_contents.col]
            for name in took:  # a keyword took it for something else ("from where": location)
                column = found.columns.pop(name)
                if name != "organization":
                    found.ignored.append((column.col, column.header, f"not:{name}"))
            found.ignored = [i for i in found.ignored if i[0] != by_contents.col]
            found.columns["organization"] = by_contents
    _swap_title_and_organisation(sheet, found, headers)
    capacity = found.columns.get("capacity")
    held = _column_values(sheet, found.data_start, capacity.col) if capacity else []
    # Teams' "Role" (Attendee, Presenter) is not the capacity; S211 on it could not be fixed.
    if capacity is not None and capacity.found_by != BY_USER and headers.app_roles_only(held):
        del found.columns["capacity"]
        found.ignored.append((capacity.col, capacity.header, MEETING_APP_ROLE))
    if "platform" not in found.columns:
        platform_column, found.platform_like = _platform_column(sheet, found, headers)
        if platform_column is not None:
            found.ignored = [i for i in found.ignored if i[0] != platform_column.col]
            found.columns["platform"] = platform_column
    if "presence" not in found.columns:
        presence_column = _presence_column(sheet, found, headers)
        if presence_column is not None:
            found.ignored = [i for i in found.ignored if i[0] != presence_column.col]
            found.columns["presence"] = presence_column


# A header's words (folded) that say which end of the meeting a column of times gives.
_STARTS = frozenset({"start", "debut", "inicio", "comienzo"})
_ENDS = frozenset({"end", "fin", "finalizacion", "termino"})


def _meeting_times(sheet: SheetGrid, found: _Header) -> None:
    """A "Start" / "End" column (a form's submission times by its header) whose values are
    all times of day (10:00, 11:30) gives the meeting's own start and end, not a form's: a
    Kobo or Microsoft Forms export's start / end carry their date. Read beside each person's
    arrival and departure (checker.times); the table is no forms export for them."""
    for i, (col, header, kind) in enumerate(list(found.ignored)):
        words = set(fold(header).split())
        end = bool(words & _ENDS)
        if kind != "timestamp" or not (bool(words & _STARTS) ^ end):
            continue
        if times.all_times_of_day(_column_values(sheet, found.data_start, col)):
            found.ignored[i] = (col, header, times.MEETING_END if end else times.MEETING_START)


def _names_agencies_over(
    sheet: SheetGrid, found: _Header, headers: Headers, agencies: int, other: int
) -> bool:
    """Whether, of two columns that could be the organisation column, the first's values name
    agencies (UNHCR, IOM, WFP: two or more, on most rows) and the other's are all one word
    that names no agency and not IOM ("UN", "NGO", "Gov"): a kind of organisation, not whose
    staff each person is."""
    named = _column_values(sheet, found.data_start, agencies)
    held = _column_values(sheet, found.data_start, other)
    if len(named) < 2 or len(held) < 2 or len({fold(v) for v in held}) != 1:
        return False
    if headers.organisation_kind(held[0]) == "iom":
        return False
    kinds = [v for v in named if headers.organisation_kind(v, strict=True) is not None]
    return len(kinds) * 10 >= len(named) * 6 and len({fold(v) for v in kinds}) >= 2


# The kind of a column set aside because it holds a meeting app's roles (Teams' "Role").
MEETING_APP_ROLE = "meeting_app_role"


def _app_roles_over(
    sheet: SheetGrid, found: _Header, headers: Headers, name: str, taken: int, other: int
) -> int | None:
    """Of two columns that could be the title (or the capacity), the one whose values are
    all roles a meeting app gives (Teams' "Função": Organizador, Participante) when the
    other's are not and it has values: that one is not read. None when neither or both."""
    if name not in ("title", "capacity"):
        return None
    taken_values = _column_values(sheet, found.data_start, taken)
    other_values = _column_values(sheet, found.data_start, other)
    if not taken_values or not other_values:
        return None
    taken_roles, other_roles = (headers.app_roles_only(taken_values),
                                headers.app_roles_only(other_values))  # fmt: skip
    if taken_roles == other_roles:
        return None
    return taken if taken_roles else other


def _only_word(sheet: SheetGrid, found: _Header, col: int) -> str:
    values = _column_values(sheet, found.data_start, col)
    return str(values[0]).strip() if values else ""


# Of the values of a column, how many must be of a kind for the column to hold that kind.
_MOSTLY = 0.6


def _swap_title_and_organisation(sheet: SheetGrid, found: _Header, headers: Headers) -> None:
    """The title and organisation headers written over each other's column ("Title" over
    IOM, UNICEF; "Agency" over Chief of Mission, Representative): when the column headed as
    the organisation holds mostly titles and the one headed as the title mostly
    organisations, each is read for what it holds, as an unlabelled organisation column is
    (by its contents); the table's Swap says so (S216:swapped). A column the user mapped is
    read as mapped."""
    org, title = found.columns.get("organization"), found.columns.get("title")
    if org is None or title is None or BY_USER in (org.found_by, title.found_by):
        return
    titles = _column_values(sheet, found.data_start, org.col)
    organisations = _column_values(sheet, found.data_start, title.col)
    if len(titles) < 2 or len(organisations) < 2:
        return
    as_titles = sum(1 for v in titles if headers.reads_as_title(v))
    as_organisations = sum(1 for v in organisations
                           if headers.organisation_kind(v, strict=True) is not None)  # fmt: skip
    if as_titles < len(titles) * _MOSTLY or as_organisations < len(organisations) * _MOSTLY:
        return
    found.columns["organization"] = Column("organization", title.col, title.header, BY_CONTENTS)
    found.columns["title"] = Column("title", org.col, org.header, BY_CONTENTS)
    found.swapped = Swap(title.col, title.header, org.col, org.header)


def _header_exact(header: str, headers: Headers) -> bool:
    return headers.read_header(header)[1] == BY_HEADER if header else False


def _unheaded_columns(sheet: SheetGrid, found: _Header) -> list[tuple[int, str, str]]:
    """Columns with values under the table but no header (its header cell is blank, or
    merged from a cell above): listed as not read, never left out of the reading."""
    named = {c.col for c in found.columns.values()} | {c for c, _, _ in found.ignored}
    width = max((len(row) for row in sheet.cells[found.index : found.index + 1]), default=0)
    body = sheet.cells[found.data_start :]
    return [(col, "", "") for col in range(width) if col not in named
            and any(col < len(row) and row[col] not in ("", None) for row in body)]  # fmt: skip


def _choices(sheet: SheetGrid, found: _Header, headers: Headers) -> tuple[Choice, ...]:
    """Each field two columns could be, with the one set aside, when it has values or
    either is hidden: said in a finding, because the officer cannot see which was read."""
    # This walk repeats _settle_columns' on purpose: the reason is told from the columns as
    # finally read (after the organisation column by contents and a title/organisation swap
    # may have replaced the one settled), so recording it while settling could name a stale
    # reason. Keep the order of the reasons the same as the order of the tests there.
    hidden = sheet.hidden.columns
    out = []
    for col, header, kind in found.ignored:
        name = kind.removeprefix("duplicate:") if kind.startswith("duplicate:") else None
        taken = found.columns.get(name) if name else None
        if name is None or taken is None:
            continue
        other_values = len(_column_values(sheet, found.data_start, col))
        if not other_values and col not in hidden and taken.col not in hidden:
            continue  # an empty column beside the one read says nothing
        word = ""
        if col in hidden and taken.col not in hidden:
            why = "hidden"
        elif _app_roles_over(sheet, found, headers, name, taken.col, col) == col:
            why, word = "app_roles", _only_word(sheet, found, col)
        elif name == "organization" and _names_agencies_over(sheet, found, headers, taken.col, col):
            why, word = "contents", _only_word(sheet, found, col)
        elif taken.found_by == BY_HEADER and not _header_exact(header, headers):
            why = "exact"
        elif len(_column_values(sheet, found.data_start, taken.col)) > other_values:
            why = "filled"
        else:
            why = "first"
        out.append(Choice(name, taken.col, taken.header, col, header, why, word))
    return tuple(out)


# ------------------------------------------------------------------ whose log


def _title_lines(sheet: SheetGrid, header_index: int, start: int = 0) -> list[titleblock.Line]:
    """The cells above a header (from `start`, the end of the table above it)."""
    return [
        titleblock.Line(r + 1, c, value)
        for r, row in enumerate(sheet.cells[start:header_index], start=start)
        for c, value in enumerate(row)
        if value not in ("", None)
    ]


def _names_iom(text: str, headers: Headers) -> bool:
    key = f" {fold(text)} "
    return any(f" {name} " in key for name in headers.iom)


def _log_evidence(
    sheet: SheetGrid, found: _Header, lines: list[titleblock.Line], headers: Headers
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """What says that a table without an organisation column is IOM's own log (every named
    person IOM staff), and what says it is not."""
    evidence: list[tuple[str, str]] = []
    against: list[tuple[str, str]] = []
    if _names_iom(sheet.name, headers):
        evidence.append(("sheet_name", sheet.name))
    title = next((str(line.value) for line in lines if _names_iom(str(line.value), headers)), None)
    if title is not None:
        evidence.append(("title", title))
    attendee = found.columns.get("attendee")
    if attendee is not None and _names_iom(attendee.header, headers):
        evidence.append(("header", attendee.header))
    for col, header, kind in found.ignored:
        if kind == "remarks":  # a note naming IOM alone ("No IOM rep") is about IOM's seat
            if any(headers.names_others(v) for v in _column_values(sheet, found.data_start, col)):
                against.append(("organisations", header))
            continue
        if kind in ("", None) or kind.startswith(("duplicate:", "not:")):
            values = _column_values(sheet, found.data_start, col)
            if any(headers.organisation_kind(v) is not None for v in values):
                against.append(("organisations", header))  # whose people: others' too
            continue
        if kind != "email":
            continue
        domains = set()
        for value in _column_values(sheet, found.data_start, col):
            match = _EMAIL.search(str(value))
            if match:
                domains.add(match.group(1).lower())
        others = sorted(d for d in domains if not headers.iom_domain(d))
        if domains and not others:
            evidence.append(("emails", header))
        elif others:
            against.append(("emails", ", ".join(others[:3])))
    return tuple(evidence), tuple(against)


# ------------------------------------------------------------------ one sheet → tables


@dataclass
class _SheetPlan:
    reading: SheetReading
    tables: list[RosterTable] = field(default_factory=list)  # index filled in later
    sheet: SheetGrid | None = None
    incomplete: bool = False  # a header without date or platform: read only if nothing else is
    # A recap of the other sheets: "named" ("Summary") or "asked" ("IOM present? Yes"); not
    # read beside a sheet read as attendance (_drop_recaps).
    recap: str = ""


def _plan_sheet(
    sheet: SheetGrid, headers: Headers, in_block: bool = False, numbered: bool = False
) -> _SheetPlan:
    """`in_block`: `sheet` is one of several tables side by side (the others blanked out).
    `numbered`: the sheet is one of a run "EHP 1", "EHP 2" (meeting numbers, not days)."""
    if not any(v not in ("", None) for row in sheet.cells for v in row):
        return _SheetPlan(SheetReading(sheet.name, IGNORED, "empty"))
    found = _find_header(sheet, headers)
    why, at = _not_attendance(sheet, found)
    if why is not None:
        reading = SheetReading(sheet.name, IGNORED, why,
                               tuple(_text(v) for v in sheet.cells[at] if _text(v)), at + 1,
                               looks_like_roster=True)  # fmt: skip
        if why == "corrections":
            heading = " ".join(str(ln.value) for ln in _title_lines(sheet, at))
            fixes = corrections.read(sheet.cells, sheet.name, at, heading, headers,
                                     column_letter)  # fmt: skip
            reading = replace(reading, corrections=fixes)
        return _SheetPlan(reading)
    if found is not None and not in_block:
        parts = blocks.side_by_side(sheet, found.index, lambda grid: _part_header(grid, headers),
                                    HEADER_SEARCH_ROWS + 1)  # fmt: skip
        planned = _plan_blocks(sheet, parts, headers, numbered) if parts else None
        if planned is not None:
            return planned
    matrix_plan = _plan_matrix(sheet, found, headers) if found is not None else None
    if matrix_plan is not None:
        return matrix_plan
    if found is not None:
        _settle_columns(sheet, found, headers)
    fields = set(found.columns) if found is not None else set()
    if found is not None and _lists_contacts(sheet, found, headers):
        reading = SheetReading(sheet.name, IGNORED, "contacts",
                               tuple(c.header for c in found.columns.values()), found.index + 1,
                               looks_like_roster=_holds_people(sheet, found))  # fmt: skip
        return _SheetPlan(reading)
    if found is not None and _lists_expected(sheet, found, headers):
        shown = sorted(
            [(c.col, c.header) for c in found.columns.values()]
            + [(col, h) for col, h, kind in found.ignored if kind == EXPECTED]
        )
        reading = SheetReading(sheet.name, IGNORED, "expected", tuple(h for _, h in shown),
                               found.index + 1, looks_like_roster=True)  # fmt: skip
        return _SheetPlan(reading)
    if found is not None and headers.required <= fields and not _names_people(sheet, found):
        reading = SheetReading(sheet.name, IGNORED, "no_people",
                               tuple(c.header for c in found.columns.values()), found.index + 1)  # fmt: skip
        return _SheetPlan(reading, [_table(sheet, found, LIST, headers)], sheet, incomplete=True)
    if found is not None and headers.required <= fields:
        return _SheetPlan(SheetReading(sheet.name, LIST), _lists(sheet, found, headers), sheet,
                          recap=_sums_up(sheet, found, headers))  # fmt: skip
    tracked = _plan_tracker(sheet, found, headers)
    if tracked is not None:
        return tracked
    if found is not None and fields & {"attendee", "organization"}:
        lines = _title_lines(sheet, found.index)
        block = titleblock.read_title_block(lines, sheet.name, headers.names_platform, numbered)
        if block.names_a_meeting and not ({"date", "platform"} <= fields):
            days = _day_columns(sheet, found, block, headers)
            if days:  # "Jour 1 (18/11)", "Jour 2 (19/11)": attendance, a sitting a day
                taken = {col for col, _, _ in days}
                for name in [n for n, c in found.columns.items() if c.col in taken]:
                    del found.columns[name]
                found.ignored = [i for i in found.ignored if i[0] not in taken]
                fields = set(found.columns)
            constants = _sign_in_constants(block, fields)
            table = _table(sheet, found, SIGN_IN, headers, constants, lines)
            table = replace(table, session=sessions.session_of(*(ln.value for ln in lines),
                                                               sheet.name))  # fmt: skip
            tables = _days_apart(table, days, found) if days else [table]
            return _SheetPlan(SheetReading(sheet.name, SIGN_IN), tables, sheet)
        headed = _block_heading(block, lines, fields) if in_block and "date" in fields else ()
        if headed:  # a list beside another, whose title names its platform
            table = _table(sheet, found, LIST, headers, headed, lines)
            return _SheetPlan(SheetReading(sheet.name, LIST), [table], sheet)
        if "date" in fields and "platform" not in fields and not in_block:
            grouped = [_grouped(sheet, t, headers) for t in _lists(sheet, found, headers)]
            if any(t.groups for t in grouped):
                return _SheetPlan(SheetReading(sheet.name, LIST), grouped, sheet)
            named = _platform_above(lines, sheet.name, headers)
            if named is not None:
                tables = _lists(sheet, found, headers)
                tables[0] = replace(tables[0], constants=(*tables[0].constants, named))
                return _SheetPlan(SheetReading(sheet.name, LIST), tables, sheet)
    if found is not None:
        people = _holds_people(sheet, found)
        reading = SheetReading(sheet.name, IGNORED, "incomplete" if people else "lists",
                               tuple(c.header for c in found.columns.values()), found.index + 1,
                               looks_like_roster=people,
                               missing=tuple(sorted(headers.required - fields)))  # fmt: skip
        return _SheetPlan(reading, [_table(sheet, found, LIST, headers)], sheet, incomplete=True)
    row, texts = _best_row_texts(sheet)
    return _SheetPlan(SheetReading(sheet.name, IGNORED, "no_header", texts, row))


def _not_attendance(sheet: SheetGrid, found: _Header | None) -> tuple[str | None, int]:
    """Why a sheet with a table holds no attendance whatever its table: "example" (the
    template's instructions, by the sheet's name; a table under a heading that starts "Worked
    example", "Ejemplo"), "corrections" (lines correcting the roster's rows, by the sheet's name
    or a heading opening on the word: read by checker.corrections), "agenda" ("Agenda HCT 12
    nov", "ORDEN DEL DÍA": who presents an item is no attendee; unless its name or heading says
    attendance was taken on it, or it has a signature column); else None. With the 0-based
    row of its header: a corrections sheet's need name no roster field ("Row | Meeting |
    Column | Instead of | Read"), its row of the most texts is taken then."""
    if found is None:
        row, _ = _best_row_texts(sheet)
        if row is None:
            return None, 0
        lines = _title_lines(sheet, row - 1)
        said = sheetnames.names_corrections(sheet.name) or any(
            sheetnames.starts_with_corrections(ln.value) for ln in lines
        )  # fmt: skip
        return ("corrections", row - 1) if said else (None, 0)
    lines = _title_lines(sheet, found.index)
    last = max((ln.row for ln in lines), default=None)
    if sheetnames.is_instructions_sheet(sheet.name) or any(
        ln.row == last and sheetnames.is_example_heading(ln.value) for ln in lines
    ):
        return "example", found.index
    if sheetnames.names_corrections(sheet.name) or any(
        sheetnames.starts_with_corrections(ln.value) for ln in lines
    ):
        return "corrections", found.index
    texts = [sheet.name, *(str(ln.value) for ln in lines)]
    agenda = sheetnames.names_agenda(sheet.name) or any(
        sheetnames.names_agenda(ln.value, heading=True) for ln in lines
    )  # fmt: skip
    signed = any(kind == "signature" for _, _, kind in found.ignored)
    if agenda and not signed and not any(_TAKES_ATTENDANCE.search(f" {fold(t)} ") for t in texts):
        return "agenda", found.index
    return None, found.index


# A header of a column of attendance for one day of a meeting held over several ("Jour 1
# (18/11)", "Day 2 – 19 Nov", "Día 1 (18/11/2026)", "Dia 2 (19/11)"), folded: its number
# and the rest, which holds the day's date.
_DAY_HEADER = lazy(r"^(?:day|jour|journee|dia|j|d)\s*(?P<n>[1-9])\b(?P<rest>.*)$")
_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2,4}))?(?!\d)")
_MEETING_DAYS = 14  # the longest a meeting held over several days is taken to last
# The kind of another day's column in a day's table (`_days_apart`): that day's attendance.
OTHER_DAY = "other_day"


def _day_columns(sheet: SheetGrid, found: _Header, block: titleblock.TitleBlock,
                 headers: Headers) -> list[tuple[int, str, dt.date]]:  # fmt: skip
    """A sign-in sheet's columns of attendance a day (`_DAY_HEADER`): (column, header, date)
    of each, in order of days, when there are two or more, numbered 1, 2 … with their dates
    in the same order within a fortnight, each holding presence marks only ("✓", "✗",
    "Oui", blank), and no other column of the date or of attendance. Else []: the columns
    are read as before. A day's date without its year takes the heading's year."""
    heading = read_date(block.date.value) if block.date is not None else None
    year = heading.value.year if isinstance(heading, dates.ParsedDate) else None
    days: list[tuple[int, int, str, dt.date]] = []
    for col, value in enumerate(_header_cells(sheet, found.index)):
        match = _DAY_HEADER.match(fold(value)) if isinstance(value, str) else None
        if match is None:
            continue
        day = _day_in_header(str(value), year)
        if day is None:
            return []
        days.append((int(match.group("n")), col, str(value).strip(), day))
    days.sort()
    if (len(days) < 2 or [n for n, _, _, _ in days] != list(range(1, len(days) + 1))
            or any(b[3] <= a[3] for a, b in pairwise(days))
            or (days[-1][3] - days[0][3]).days > _MEETING_DAYS):  # fmt: skip
        return []
    taken = {col for _, col, _, _ in days}
    if any(c.col not in taken for name, c in found.columns.items() if name in ("date", "presence")):
        return []
    for _, col, _, _ in days:
        marks = [v for v in _column_values(sheet, found.data_start, col) if _text(v) or v]
        if not marks or any(headers.presence_word(v) is None for v in marks):
            return []
    return [(col, header, day) for _, col, header, day in days]


def _day_in_header(header: str, year: int | None) -> dt.date | None:
    """The date a day column's header gives ("Jour 1 (18/11)", "Day 2 – 19 Nov 2026"): day
    first when numeric; the year the header's, else `year`."""
    numeric = _DAY_MONTH.findall(header)
    if len(numeric) == 1:
        day, month, written = (int(x) if x else None for x in numeric[0])
        if written is not None:
            year = written + 2000 if written < 100 else written
    else:
        span = titleblock.find_date(header)
        parsed = read_date(header[span[0] : span[1]]) if span is not None else None
        if isinstance(parsed, dates.ParsedDate) and parsed.alternative is None:
            return parsed.value if not parsed.month_only else None
        if not isinstance(parsed, dates.DayMonth):
            return None
        day, month = parsed.day, parsed.month
    if year is None or day is None or month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _days_apart(table: RosterTable, days: list[tuple[int, str, dt.date]],
                found: _Header) -> list[RosterTable]:  # fmt: skip
    """A sign-in sheet of a meeting held over several days, a table a day: each reads the
    same rows, its day's column as their attendance and its header's date as the meeting's;
    the later days are the meeting's later sittings (`RosterTable.sitting`)."""
    tables = []
    others = tuple(c for c in table.constants if c.field != "date")
    taken = {col for col, _, _ in days}  # unheaded to `_table`, which saw them read by none
    for k, (col, header, day) in enumerate(days):
        date = Constant("date", found.index + 1, col, dt.datetime(day.year, day.month, day.day))
        ignored = tuple(sorted([*(i for i in table.ignored if i[0] not in taken),
                                *((c, h, OTHER_DAY) for c, h, _ in days if c != col)]))  # fmt: skip
        tables.append(replace(
            table, columns={**table.columns, "presence": col}, constants=(*others, date),
            found=(*table.found, Column("presence", col, header, BY_HEADER)), ignored=ignored,
            sitting=header if k else None,
        ))  # fmt: skip
    return tables


# A table names people when it has one of these: a calendar ("Reunião | Data | Hora | Local")
# does not, and is not an attendance list.
_PEOPLE = frozenset({"attendee", "organization", "title"})


def _names_people(sheet: SheetGrid, found: _Header) -> bool:
    """Whether a table has a column of people: not a calendar ("Reunião | Data | Hora |
    Local"), nor one whose only such column counts them ("Participantes": 12, 9)."""
    people = found.columns.keys() & _PEOPLE
    if people != {"attendee"}:
        return bool(people)
    values = _column_values(sheet, found.data_start, found.columns["attendee"].col)
    return not values or not all(
        type(v) in (int, float) or (type(v) is str and v.strip().isdigit()) for v in values
    )


def _lists_contacts(sheet: SheetGrid, found: _Header, headers: Headers) -> bool:
    """A contact list ("Contacts CCCM", "Cluster CCCM – liste des points focaux"): people and
    the dates their entry was updated, not who came to a meeting."""
    if headers.names_contacts(sheet.name):
        return True
    # A table with meetings of its own (a date and a platform column, or an attendance
    # column) is attendance whatever a note above it names ("Titles are looked up in the
    # Directory sheet"): only its sheet's name can make it a contact list.
    if {"date", "platform"} <= found.columns.keys() or "presence" in found.columns:
        return False
    return any(headers.names_contacts(ln.value) for ln in _title_lines(sheet, found.index))


def _lists_expected(sheet: SheetGrid, found: _Header, headers: Headers) -> bool:
    """A list of who is expected at meetings, not of who came: its only column of people is
    who should come ("Meeting | Date | Agency | Expected representative"), or its name or
    heading says so ("Expected participants", "Représentation requise", "Convocados") and no
    column says who came (an invitee list ticked Present / Absent is read)."""
    expected = [(col, h) for col, h, kind in found.ignored if kind == EXPECTED
                and _column_values(sheet, found.data_start, col)]  # fmt: skip
    # Its name column is who should come ("Invited representative"): the Title beside it is
    # that person's; a "Required level" beside a Title is only a column aside.
    named = any("attendee" in headers.keyword_fields(fold(h)) for _, h in expected)
    if expected and "attendee" not in found.columns and (named or "title" not in found.columns):
        return True
    texts = (sheet.name, *(ln.value for ln in _title_lines(sheet, found.index)))
    if not any(headers.names_expected(t) for t in texts):
        return False
    # "Coordination meetings attendance" above "Invitation list: rows of invitees who did not
    # attend are hidden" (field5 IRQ): the invitees' list is where attendance was taken.
    return "presence" not in found.columns and not any(
        _TAKES_ATTENDANCE.search(_unexpected(t, headers)) for t in texts
    )


def _unexpected(text: object, headers: Headers) -> str:
    """A sheet's name or heading (folded, padded) without the words that say it lists who is
    expected: "Expected attendance" says nothing of attendance taken."""
    key = f" {fold(text)} "
    for words in headers.expected_lists:
        key = key.replace(f" {words} ", " ")
    return key


# Words of a sheet's name or heading that say attendance was taken on it (folded).
_TAKES_ATTENDANCE = lazy(
    r" (?:attendance|attended|did not attend|sign in|signin|presences|feuille de presence|"
    r"emargement|asistencia|asistieron|presencas|lista de presenca|folha de presenca) "
)


def _sums_up(sheet: SheetGrid, found: _Header, headers: Headers) -> str:
    """Whether a table is a recap of the workbook's other sheets: "named" when its name or
    heading says so ("Summary", "Récapitulatif", "Resumen"), "asked" when a column asks
    whether IOM was there ("IOM present?", "¿OIM presente?") and is answered yes / no."""
    lines = _title_lines(sheet, found.index)
    if any(headers.names_summary(t) for t in (sheet.name, *(ln.value for ln in lines))):
        return "named"
    asked = [(c.col, c.header) for c in found.columns.values() if c.field == "presence"]
    asked += [(col, header) for col, header, _ in found.ignored]
    for col, header in asked:
        if not (_names_iom(header, headers) and _ATTENDANCE_HEADER.search(f" {fold(header)}")):
            continue
        values = _column_values(sheet, found.data_start, col)
        answered = [v for v in values if headers.presence_word(v) is not None
                    or headers.presence_word(str(v).split("–")[0].split("-")[0]) is not None]  # fmt: skip
        if "?" in header or (values and len(answered) * 2 >= len(values)):
            return "asked"
    return ""


def _part_header(sheet: SheetGrid, headers: Headers) -> blocks.Part | None:
    found = _find_header(sheet, headers)
    if found is None:
        return None
    return blocks.Part(found.index, frozenset(found.columns), _holds_people(sheet, found))


def _plan_blocks(
    sheet: SheetGrid, parts: list[blocks.Block], headers: Headers, numbered: bool = False
) -> _SheetPlan | None:
    """Tables side by side: each read as a sheet of its own, with its own heading, header
    row and rows. One that cannot be read (no platform column, no title naming one) is kept,
    so that its rows are counted rejected and S201 names its cells. None when no part can be
    read: the sheet is then read as one table, as any other."""
    tables: list[RosterTable] = []
    status = None
    for part in parts:
        plan = _plan_sheet(part.grid, headers, in_block=True, numbered=numbered)
        if not plan.incomplete and plan.tables:
            status = status or plan.reading.status
        tables += [replace(t, span=(part.first, part.last)) for t in plan.tables]
    if status is None:
        return None
    return _SheetPlan(SheetReading(sheet.name, status), tables, sheet)


def _block_heading(
    block: titleblock.TitleBlock, lines: list[titleblock.Line], fields: set[str]
) -> tuple[Constant, ...]:
    """The platform (and level, location) a table's own title names, for a table beside
    another that has no platform column ("Sector / cluster meetings" above Date | Sector |
    Name …). Not the sheet's name: the sheet holds the other table too."""
    headings = tuple(line for line in block.platforms if line.row)
    if "platform" in fields or not headings:
        return ()
    constants = [Constant("platform", headings[0].row, headings[0].col, headings[0].value,
                          headings)]  # fmt: skip
    level = titleblock.level_line(lines) if "level" not in fields else None
    if level is not None:
        constants.append(Constant("level", level.row, level.col, level.value))
    if "location" not in fields and block.location is not None:
        line = block.location
        constants.append(Constant("location", line.row, line.col, line.value))
    return tuple(constants)


def _holds_people(sheet: SheetGrid, found: _Header) -> bool:
    """Whether a table's name or organisation column holds words (people, agencies), not
    numbers: a chart's data ("Réunion | Nombre") is not a roster."""
    for name in ("attendee", "organization"):
        column = found.columns.get(name)
        if column is None:
            continue
        values = _column_values(sheet, found.data_start, column.col)
        words = [v for v in values if isinstance(v, str) and any(ch.isalpha() for ch in v)]
        if values and len(words) * 2 > len(values):
            return True
    return False


def _platform_above(
    lines: list[titleblock.Line], sheet_name: str, headers: Headers
) -> Constant | None:
    """The platform of a list with a Date column and no platform column (a sheet per
    cluster, "Shelter/NFI Cluster – coordination meeting – November 2026"): the heading's
    texts and the sheet's name that hold a platform's or sector's name; stage two takes it
    when they all name one."""
    texts = [line for line in lines if isinstance(line.value, str)]
    texts.append(titleblock.Line(0, 0, sheet_name))
    named = tuple(line for line in texts if headers.names_platform(line.value))
    if not named:
        return None
    first = named[0]
    return Constant("platform", first.row, first.col, first.value, named, same_in_all=True)


def _grouped(sheet: SheetGrid, table: RosterTable, headers: Headers) -> RosterTable:
    """A list without a platform column whose platform is written in heading rows inside it
    (a row holding only "EQUIPO DE PAÍS DE LA ONU (UNCT)" or "Clúster de Protección", then
    that meeting's attendees): the table with its `groups`. A heading must be a platform's
    name and nothing else (`Headers.reads_as_platform`); any other lone line in the table
    ("Reunión bilateral Coordinadora Residente – OIM (al margen del UNCT)", a note) ends the
    group above it, so that no row under it is read as that platform's. None found: the
    table as it was."""
    end = table.last_row if table.last_row is not None else len(sheet.cells)
    groups: list[tuple[int, int, str | None, str]] = []
    for r in range(table.header_row, end):  # the rows under the header (0-based)
        texts = [(c, v) for c, v in enumerate(_own(sheet.cells[r], table.span))
                 if v is not None and (type(v) is not str or v.strip())]  # fmt: skip
        if len(texts) != 1 or type(texts[0][1]) is not str:
            continue
        col, text = texts[0]
        if table.span is not None:
            col += table.span[0]
        heading = text.strip() if headers.reads_as_platform(text) else None
        groups.append((r + 1, col, heading, text.strip()))
    if not any(heading for _, _, heading, _ in groups):
        return table
    return replace(table, groups=tuple(groups))


def _group_platforms(table: RosterTable, fields: np.ndarray, rows: np.ndarray) -> None:
    """Each kept row's platform from the heading row of its group (`RosterTable.groups`):
    the last heading above it, none under a lone line that names no platform alone."""
    where = FIELDS.index("platform")
    starts = np.array([row for row, _, _, _ in table.groups])
    for i, row in enumerate(rows.tolist()):  # Excel rows
        at = int(np.searchsorted(starts, row, side="right")) - 1
        fields[i, where] = table.groups[at][2] if at >= 0 else None


def _sign_in_constants(block: titleblock.TitleBlock, fields: set[str]) -> tuple[Constant, ...]:
    constants = []
    if "date" not in fields and block.date is not None:
        constants.append(Constant("date", block.date.row, block.date.col, block.date.value))
    if "platform" not in fields and block.platforms:
        first = block.platforms[0]
        constants.append(Constant("platform", first.row, first.col, first.value, block.platforms))
    for name, line in (("location", block.location), ("level", block.level)):
        if name not in fields and line is not None:
            constants.append(Constant(name, line.row, line.col, line.value))
    return tuple(constants)


def _lists(sheet: SheetGrid, found: _Header, headers: Headers) -> list[RosterTable]:
    """A sheet's lists: the first header's table, and each further table that starts with a
    header of its own further down ("A. National level" … "B. Subnational level (Goma)").
    Each table's heading may name its level when it has no level column."""
    tables: list[RosterTable] = []
    start = 0
    current: _Header | None = found
    while current is not None:
        following = _next_header(sheet, current, headers)
        end = following.index if following is not None else None
        lines = _title_lines(sheet, current.index, start)
        constants: tuple[Constant, ...] = ()
        if "level" not in current.columns:
            level = titleblock.level_line(lines)
            constants = (Constant("level", level.row, level.col, level.value),) if level else ()
        table = replace(_table(sheet, current, LIST, headers, constants, lines),
                        stacked=bool(tables))  # fmt: skip
        tables.append(replace(table, last_row=end) if end is not None else table)
        start = _heading_start(sheet, end) if end is not None else 0
        current = following
    return tables


def _heading_start(sheet: SheetGrid, header_index: int, span: tuple[int, int] | None = None) -> int:
    """Where the heading of a table further down a sheet begins: the rows right above its
    header holding at most one cell (blank lines, "B. Niveau sous-national (Goma)"), in the
    columns `span` only when given (tables side by side)."""
    start = header_index
    while start > 0 and sum(v not in ("", None) for v in _own(sheet.cells[start - 1], span)) <= 1:
        start -= 1
    return start


def _own(row: list[Any], span: tuple[int, int] | None) -> list[Any]:
    """A row's cells in a table's columns (all of them unless the table stands beside another)."""
    return row if span is None else row[span[0] : span[1] + 1]


def _next_header(sheet: SheetGrid, found: _Header, headers: Headers) -> _Header | None:
    """The next row below a table that is a roster header again (names its date and platform
    columns), if any. Only the date and platform columns' text cells are looked at first:
    few distinct texts, so a year's roster costs little."""
    cells = sheet.cells
    watched = [found.columns[name].col for name in ("date", "platform") if name in found.columns]
    # Most sheets hold one table: no text of those columns is a header's word at all.
    texts = {row[col] for row in cells[found.data_start :] for col in watched
             if col < len(row) and type(row[col]) is str}  # fmt: skip
    if not any((key := fold(t)) in headers.fields or key in headers.user for t in texts):
        return None
    seen: dict[str, bool] = {}
    for r in range(found.data_start, len(cells)):
        row = cells[r]
        hit = False
        for col in watched:
            value = row[col] if col < len(row) else None
            if type(value) is str and value:
                known = seen.get(value)
                if known is None:  # a header's own words, not a keyword inside a value
                    key = fold(value)
                    known = seen[value] = key in headers.fields or key in headers.user
                hit = hit or known
        if not hit:
            continue
        below = cells[r + 1] if r + 1 < len(cells) else None
        again = _read_header_row(row, below, headers, sheet.hidden.columns)
        if again is not None and headers.required <= again.columns.keys():
            again.index, again.data_start = r, r + (2 if again.hxl else 1)
            _settle_columns(sheet, again, headers)
            return again
    return None


def _table(
    sheet: SheetGrid,
    found: _Header,
    shape: str,
    headers: Headers,
    constants: tuple[Constant, ...] = (),
    lines: list[titleblock.Line] | None = None,
) -> RosterTable:
    evidence: tuple[tuple[str, str], ...] = ()
    against: tuple[tuple[str, str], ...] = ()
    if "organization" not in found.columns:
        lines = lines if lines is not None else _title_lines(sheet, found.index)
        evidence, against = _log_evidence(sheet, found, lines, headers)
    found = _dates_in_text(sheet, found)
    ignored = [*found.ignored, *_unheaded_columns(sheet, found)]
    read = {c.col for c in found.columns.values()} | {c for c, _, _ in ignored}
    month = None
    if "date" in found.columns:
        lines = lines if lines is not None else _title_lines(sheet, found.index)
        month = titleblock.list_month(lines)
    return RosterTable(
        index=0, sheet=sheet.name, header_row=found.data_start,
        columns={name: c.col for name, c in found.columns.items()}, shape=shape,
        found=tuple(found.columns.values()), ignored=tuple(sorted(ignored)),
        constants=constants, evidence=evidence, counter_evidence=against, hxl=found.hxl,
        form=any(kind in ("timestamp", "system") for _, _, kind in found.ignored),
        choices=(choices := _choices(sheet, found, headers)),
        meeting_app=any(kind == MEETING_APP_ROLE for _, _, kind in found.ignored)
        or any(c.why == "app_roles" for c in choices),
        hidden_columns=tuple(sorted(read & sheet.hidden.columns)),
        platform_like=found.platform_like if "platform" not in found.columns else None,
        swapped=found.swapped, list_month=month,
    )  # fmt: skip


# A date column read from a text column that gives the meetings' dates ("Objet: EHP – jeudi 5
# novembre"), the date column holding one date on every row: the day they were typed.
BY_DATES_IN_TEXT = "dates_in_text"
ENTRY_DATE = "entry_date"  # that date column, not read (the kind of an ignored column)


def _dates_in_text(sheet: SheetGrid, found: _Header) -> _Header:
    """A date column holding one date on every row (2 rows or more: "30/11/2026", the day
    the log was typed) beside a column of texts that give varying dates ("Réunion ordinaire
    de l'EHP – jeudi 5 novembre", "UNCT – mardi 10 novembre") is not the meetings' date: the
    texts are read as the date (a weekday written there must be the date's; a text that
    gives no date leaves its row undated, S203). Never every meeting on the typing day."""
    date = found.columns.get("date")
    if date is None:
        return found
    body = sheet.cells[found.data_start :][:CONTENT_SAMPLE_ROWS]
    filled = [str(row[date.col]) for row in body
              if date.col < len(row) and row[date.col] not in ("", None)]  # fmt: skip
    if len(filled) < 2 or len(set(filled)) != 1:
        return found
    taken = {c.col for c in found.columns.values()}
    header = sheet.cells[found.index]
    for col in range(max((len(row) for row in body), default=0)):
        if col in taken:
            continue
        texts = [row[col] for row in body if col < len(row) and isinstance(row[col], str)]
        dated = [read_date(text) for text in texts if titleblock.find_date(text)]
        dates = [d for d in dated if d is not None]
        if len(set(dates)) >= 2 and 2 * len(dates) >= len(filled):
            columns = dict(found.columns)
            name = _text(header[col]) if col < len(header) else ""
            columns["date"] = Column("date", col, name, BY_DATES_IN_TEXT)
            ignored = [(c, h, k) for c, h, k in found.ignored if c != col]
            ignored.append((date.col, date.header, ENTRY_DATE))
            return replace(found, columns=columns, ignored=sorted(ignored))
    return found


# Matrix columns found so: IOM's column (presence, and IOM as the organisation of its rows),
# and the remarks that name IOM's representative (name, title).
BY_IOM_COLUMN = "iom_column"
BY_REMARK = "remark"


def _plan_matrix(sheet: SheetGrid, found: _Header, headers: Headers) -> _SheetPlan | None:
    """An agency matrix (checker.matrix): a row per meeting whose IOM column says whether IOM
    attended and whose remarks may say who went. Read as a list of IOM's rows; the other
    agencies' columns are not read (they are not people)."""
    if not headers.required <= found.columns.keys() or found.columns.keys() & {
        "attendee", "organization", "title", "presence"
    }:  # fmt: skip
        return None
    row = sheet.cells[found.index]
    remarks = [col for col, _, kind in found.ignored if kind == "remarks"]
    body = sheet.cells[found.data_start :][:CONTENT_SAMPLE_ROWS]
    taken = {c.col for c in found.columns.values()}
    agencies = matrix.find(row, body, headers, taken, remarks)
    if agencies is None:
        return None
    iom = _text(row[agencies.iom])
    columns = dict(found.columns)
    columns["organization"] = Column("organization", agencies.iom, iom, BY_IOM_COLUMN)
    columns["presence"] = Column("presence", agencies.iom, iom, BY_IOM_COLUMN)
    if agencies.remarks:
        first = agencies.remarks[0]
        header = _text(row[first])
        columns["attendee"] = Column("attendee", first, header, BY_REMARK)
        columns["title"] = Column("title", first, header, BY_REMARK)
    kinds = {col: "agency" for col in agencies.others}
    ignored = [(col, header, kinds.get(col, kind)) for col, header, kind in found.ignored
               if col != agencies.iom and col not in agencies.remarks[:1]]  # fmt: skip
    laid = _Header(found.index, found.data_start, columns, ignored, found.hxl)
    table = replace(_table(sheet, laid, MATRIX, headers), remarks=agencies.remarks)
    return _SheetPlan(SheetReading(sheet.name, MATRIX), [table], sheet)


def _platform_like(value: Any, headers: Headers) -> bool:
    """A tracker's label cell: a platform's name ("HCT", "Health Cluster", "EHP")."""
    return isinstance(value, str) and headers.reads_as_platform(value)


def _plan_tracker(sheet: SheetGrid, found: _Header | None, headers: Headers) -> _SheetPlan | None:
    """A wide tracker: a header row of months after one or more label columns."""
    header_index, months = tracker.find_tracker_header(
        sheet.cells, HEADER_SEARCH_ROWS, lambda value: _platform_like(value, headers)
    )
    if header_index < 0:
        return None
    header = sheet.cells[header_index]
    labels = range(months[0].col)
    label_fields: dict[str, int] = {}
    for col in labels:
        name = headers.match(_text(header[col])) if col < len(header) else None
        if name in ("platform", "sector", "level", "location") and name not in label_fields:
            label_fields[name] = col
    label_fields.setdefault("platform", next(
        (c for c in labels if c not in label_fields.values()), 0
    ))  # fmt: skip
    lines = _title_lines(sheet, header_index)
    evidence = [("tracker", "")]
    if _names_iom(sheet.name, headers):
        evidence.append(("sheet_name", sheet.name))
    title = next((str(line.value) for line in lines if _names_iom(str(line.value), headers)), None)
    if title is not None:
        evidence.append(("title", title))
    banner = tracker.month_banner(lines) if months[0].day is not None else None
    named = month_named(banner.value) if banner is not None else None
    tables = []
    for month in months:
        if month.day is not None:  # a day: of the banner's month, else of the period's
            date: Any = DayOf(month.day, *((named.month, named.year) if named else ()))
        else:
            date = week_of(month.header) or month_of(month.header) or month.header
        columns = dict(label_fields, attendee=month.col, title=month.col)
        found_columns = tuple(
            Column(name, col, _text(header[col]) if col < len(header) else "", "header")
            for name, col in columns.items()
        )
        tables.append(RosterTable(
            index=0, sheet=sheet.name, header_row=header_index + 1, columns=columns,
            shape=TRACKER, found=found_columns,
            constants=(Constant("date", header_index + 1, month.col, date),),
            evidence=tuple(evidence), months=tuple(m.col for m in months),
            month_banner=(banner.row, banner.col, str(banner.value)) if banner else None,
        ))  # fmt: skip
    return _SheetPlan(SheetReading(sheet.name, TRACKER), tables, sheet)


def locate_tables(
    workbook: Workbook, headers: Headers
) -> tuple[list[RosterTable], Metadata, list[SheetGrid], list[SheetReading]]:
    """Roster tables of the workbook, the metadata sheet's contents, the sheet of each table,
    and what became of every sheet."""
    metadata = Metadata()
    for sheet in workbook.hidden_metadata:  # a visible metadata sheet, read below, wins
        metadata = from_sheet(sheet)
    plans: list[_SheetPlan] = []
    numbered = titleblock.numbered_sheets([sheet.name for sheet in workbook.sheets])
    for sheet in workbook.sheets:
        if fold(sheet.name) in METADATA_SHEETS:
            metadata = from_sheet(sheet)
            plans.append(_SheetPlan(SheetReading(sheet.name, METADATA)))
            continue
        plans.append(_plan_sheet(sheet, headers, numbered=sheet.name in numbered))
    _date_from_calendars(plans, [*(sheet.name for sheet in workbook.sheets), *workbook.hidden])
    _date_by_number(plans, workbook.sheets, headers)
    _drop_superseded(plans)
    _tie_minutes(plans, workbook.sheets, headers)
    _drop_recaps(plans)
    _drop_looked_up(plans, workbook)
    if not any(p.tables and not p.incomplete for p in plans):
        # Nothing complete: read the first table-like sheet, whose missing columns are then
        # reported (S201), rather than nothing.
        first = next((p for p in plans if p.incomplete), None)
        if first is not None:
            first.incomplete = False
            first.reading = SheetReading(first.reading.name, LIST)
    tables: list[RosterTable] = []
    sheets: list[SheetGrid] = []
    for plan in plans:
        if plan.incomplete or plan.sheet is None:
            continue
        for table in plan.tables:
            tables.append(_numbered(table, len(tables), plan.sheet))
            sheets.append(plan.sheet)
    readings = [p.reading for p in plans]
    readings += [SheetReading(name, HIDDEN) for name in workbook.hidden]
    return tables, metadata, sheets, readings


def _date_from_calendars(plans: list[_SheetPlan], names: list[str]) -> None:
    """Sign-in sheets named by their meeting and undated ("EHP 1" under "Reunião n.º 1 (ver
    Calendário)") take their date from a calendar sheet whose rows name them; that sheet is
    then the workbook's calendar, not a sheet left unread."""
    sign_ins = [p for p in plans if p.reading.status == SIGN_IN and len(p.tables) == 1]
    undated = {p.reading.name: p for p in sign_ins if _undated(p.tables[0])}
    # Sign-in sheets with a date of their own: a calendar row giving another is said (S217).
    own_dates = {p.reading.name: date.value for p in sign_ins if p.reading.name not in undated
                 and (date := p.tables[0].constant("date")) is not None}  # fmt: skip
    if not undated:
        return
    calendars: list[tuple[_SheetPlan, meeting_calendar.Calendar]] = []
    for plan in plans:
        if plan.reading.reason != "no_people" or plan.sheet is None or len(plan.tables) != 1:
            continue
        table = plan.tables[0]
        if not {"platform", "date"} <= table.columns.keys():
            continue
        found = meeting_calendar.read_calendar(
            plan.sheet, table.header_row, table.columns["platform"], table.columns["date"],
            names, undated, own_dates,
        )  # fmt: skip
        if found is not None:
            calendars.append((plan, found))
    # Two calendars giving one sheet two dates: neither dates it, and both say so.
    agreed = meeting_calendar.agree([found for _, found in calendars])
    for (plan, _), found in zip(calendars, agreed):
        plan.reading = replace(plan.reading, status=CALENDAR, reason="", calendar=found)
        plan.tables, plan.sheet, plan.incomplete = [], None, False
        for name, dating in found.dates.items():
            dated = undated.pop(name)
            date = Constant("date", 0, 0, dating.value, calendar=(dating.calendar, dating.row))
            signed = dated.tables[0]
            others = tuple(c for c in signed.constants if c.field != "date")
            dated.tables[0] = replace(signed, constants=(*others, date))


def _date_by_number(plans: list[_SheetPlan], grids: list[SheetGrid], headers: Headers) -> None:
    """Sign-in sheets named by their meeting's number and undated ("HCT-14" under "MEETING
    14/2026") take their date from the heading of a sheet not read as a roster (its minutes)
    that names the same platform and number with a date (checker.minutes.dates_by_number)."""
    undated = {p.reading.name: p for p in plans if p.reading.status == SIGN_IN
               and len(p.tables) == 1 and p.sheet is not None and _undated(p.tables[0])}  # fmt: skip
    if not undated:
        return
    unread = {p.reading.name for p in plans if p.reading.status == IGNORED}
    found = minutes.dates_by_number(
        {name: (p.tables[0], p.sheet) for name, p in undated.items() if p.sheet is not None},
        [grid for grid in grids if grid.name in unread], headers,
    )  # fmt: skip
    for name, dating in found.items():
        signed = undated[name].tables[0]
        date = Constant("date", 0, 0, dating.value,
                        elsewhere=(dating.sheet, dating.row, dating.col, dating.line))  # fmt: skip
        others = tuple(c for c in signed.constants if c.field != "date")
        undated[name].tables[0] = replace(signed, constants=(*others, date))


def _drop_superseded(plans: list[_SheetPlan]) -> None:
    """A draft table beside the final one of the same list (checker.versions): the draft is
    not read, and its sheet's reading says so (S218); a sheet left with no table is listed
    as not read (`superseded`)."""
    candidates = []
    for p, plan in enumerate(plans):
        if plan.incomplete or plan.sheet is None:
            continue
        for t, table in enumerate(plan.tables):
            header_index = table.header_row - 1 - (1 if table.hxl else 0)
            mark = versions.table_mark(plan.sheet, header_index, t == 0) \
                if table.span is None else None  # fmt: skip
            if mark is None:  # an unmarked table is not a version: its rows are not looked at
                continue
            if table.shape == SIGN_IN:
                date, platform = table.constant("date"), table.constant("platform")
                meetings = frozenset({(str(date.value), fold(str(platform.value)))}) \
                    if date is not None and platform is not None else frozenset()  # fmt: skip
            else:
                meetings = versions.meetings_of(plan.sheet, header_index, table.last_row,
                                                table.columns.get("date"),
                                                table.columns.get("platform"))  # fmt: skip
            candidates.append(versions.Version((p, t), table.sheet, header_index + 1,
                                               table.shape, meetings, mark))  # fmt: skip
    superseded = versions.supersede(candidates)
    for p, plan in enumerate(plans):
        dropped = [superseded[(p, t)] for t in range(len(plan.tables)) if (p, t) in superseded]
        if not dropped:
            continue
        plan.tables = [table for t, table in enumerate(plan.tables) if (p, t) not in superseded]
        reading = replace(plan.reading, superseded=tuple(dropped))
        if not plan.tables:
            reading = replace(reading, status=IGNORED, reason="superseded")
            plan.sheet = None
        plan.reading = reading


def _drop_looked_up(plans: list[_SheetPlan], workbook: Workbook) -> None:
    """A sheet another read sheet looks values up in (`=VLOOKUP(C5,'Staff'!$A$3:$C$20,3,0)`)
    is that sheet's table of staff, a directory: with no date and platform columns of its
    own it is no meeting, whatever its heading says ("Staff list – updated 01/12/2026"
    names no meeting). Not read (`lookup`); a table with meetings of its own stays read."""
    if workbook.path.suffix.lower() not in (".xlsx", ".xlsm") or len(plans) < 2:
        return
    candidates = {plan.reading.name: plan for plan in plans
                  if plan.tables and plan.sheet is not None
                  and not any({"date", "platform"} <= t.columns.keys() for t in plan.tables)}  # fmt: skip
    if not candidates:
        return
    looked_up: set[str] = set()
    for plan in plans:
        if not plan.tables or plan.incomplete or plan.sheet is None:
            continue
        formulas = lookup_formulas(workbook.path, plan.reading.name).values()
        looked_up |= lookups.sheets_looked_up(list(formulas), plan.reading.name)
    for name in looked_up & candidates.keys():
        plan = candidates[name]
        plan.reading = SheetReading(name, IGNORED, "lookup")
        plan.tables, plan.sheet, plan.incomplete = [], None, False


def _drop_recaps(plans: list[_SheetPlan]) -> None:
    """A recap ("Summary", "¿OIM presente? Sí") beside a sheet read as attendance restates
    it, and is no second source of who came: not read, so that its "Yes – Chief of Mission"
    never makes compliant a meeting the register shows IOM absent from. A recap alone in its
    workbook is the only record, and is read as any list. A sheet only asking whether IOM was
    there (no name or heading saying it sums up) is a recap beside a sheet listing one of its
    meetings: else it may be IOM's own log beside another record (a sign-in sheet)."""
    read = [plan for plan in plans if plan.tables and not plan.incomplete and not plan.recap]
    if not read:
        return
    for plan in plans:
        if not plan.recap or not plan.tables or plan.incomplete:
            continue
        beside = tuple(other.reading.name for other in read if plan.recap == "named"
                       or _meetings(plan) & _meetings(other))  # fmt: skip
        if not beside:
            continue
        first = plan.tables[0]
        shown = sorted(
            [(c.col, c.header) for c in first.found] + [(col, h) for col, h, _ in first.ignored]
        )
        plan.reading = replace(plan.reading, status=IGNORED, reason="summary", beside=beside,
                               headers=tuple(h for _, h in shown), header_row=first.header_row)  # fmt: skip
        plan.tables, plan.sheet = [], None


def _meetings(plan: _SheetPlan) -> set[tuple[str, str]]:
    """(date, platform) of a plan's lists' rows, a date cell as its day ("2026-10-06")."""
    out: set[tuple[str, str]] = set()
    if plan.sheet is None:
        return out
    for table in plan.tables:
        header_index = table.header_row - 1 - (1 if table.hxl else 0)
        pairs = versions.meetings_of(plan.sheet, header_index, table.last_row,
                                     table.columns.get("date"), table.columns.get("platform"))  # fmt: skip
        for date, platform in pairs:
            day = date.date() if isinstance(date, dt.datetime) else date
            out.add((day.isoformat() if isinstance(day, dt.date) else str(day).strip(), platform))
    return out


def _tie_minutes(plans: list[_SheetPlan], grids: list[SheetGrid], headers: Headers) -> None:
    """A minutes sheet (no table) whose apologies line names IOM: the sign-in sheet of the
    meeting its heading names takes the line (checker.minutes); minutes tied to no meeting,
    or to several, are said (S219)."""
    unread = {p.reading.name for p in plans
              if p.reading.status == IGNORED and p.reading.reason == "no_header"}  # fmt: skip
    signed = [(p, plan.tables[0]) for p, plan in enumerate(plans)
              if plan.reading.status == SIGN_IN and len(plan.tables) == 1]  # fmt: skip
    for grid in grids:
        if grid.name not in unread:
            continue
        found = minutes.read_minutes(grid, headers)
        if found is None:
            continue
        tied = [(p, table) for p, table in signed if minutes.same_meeting(found, table, headers)]
        plan = next(plan for plan in plans if plan.reading.name == grid.name)
        if len(tied) == 1:
            p, table = tied[0]
            plans[p].tables[0] = replace(table, minutes=found.apologies)
            plan.reading = replace(plan.reading, reason="minutes")
        else:
            plan.reading = replace(plan.reading, untied=minutes.Untied(found, len(tied)))


def _undated(table: RosterTable) -> bool:
    """A sign-in sheet whose only date is its name's number ("EHP 1": a meeting's number, or
    a day without its month) or none."""
    date = table.constant("date")
    return (
        table.shape == SIGN_IN
        and "date" not in table.columns
        and (
            date is None
            or isinstance(date.value, (titleblock.MeetingNumber, titleblock.DayOfMonth))
        )
    )


def _numbered(table: RosterTable, index: int, sheet: SheetGrid) -> RosterTable:
    """The table with its index, and the rows of it that are hidden (by hand, by a filter)."""
    hidden = sheet.hidden
    if not (hidden.rows or hidden.filtered or hidden.folded or hidden.unsure) or (
        table.shape == TRACKER
    ):
        return replace(table, index=index, unread_formats=sheet.unread_formats)
    end = table.last_row if table.last_row is not None else len(sheet.cells)

    def inside(rows: frozenset[int]) -> list[int]:
        return sorted(r + 1 for r in rows if table.header_row <= r < end)

    return replace(table, index=index, hidden_rows=tuple(inside(hidden.rows)),
                   filtered_rows=len(inside(hidden.filtered)),
                   folded_rows=len(inside(hidden.folded)),
                   unsure_rows=tuple(inside(hidden.unsure)),
                   unread_formats=sheet.unread_formats)  # fmt: skip


# ------------------------------------------------------------------ building the frame


def _fill_merged_down(
    sheet: SheetGrid,
    header_index: int,
    table: int,
    origin: dict[tuple[int, int, int], tuple[int, int]],
    span: tuple[int, int] | None = None,
    hidden: dict[int, tuple[int, Any, int, Any]] | None = None,
) -> SheetGrid:
    """The sheet with a date or platform merged down over a meeting's attendees written on
    every row (of the table's own columns, `span`, when tables stand side by side). A new
    grid: the workbook's is left as read, so a second table of the sheet (and anything that
    reads the workbook after) sees the cells as written and records its own origins.

    A cell under the merge that keeps a value of its own unlike the merge's (Excel keeps the
    covered cells' contents when asked to) shows the merge's value on screen and paper: the
    row reads what the sheet shows, and the hidden value goes to `hidden` (0-based row →
    column, its value, the merge's top row, the merge's value), leaving the row in doubt."""
    cells = list(sheet.cells)  # the rows filled are copied, the others shared
    filled: set[int] = set()
    # Merges never overlap in a real workbook; a hostile one's could each go to the bottom
    # of a tall sheet. Down each column, a row is passed over once: the first merge keeps it.
    reached: dict[int, int] = {}  # column → the last row a merge in it has gone down to
    for r0, c0, r1, _c1 in sorted(sheet.merged, key=lambda m: (m[1], m[0])):
        if r0 <= header_index or r1 == r0 or r0 >= len(cells):
            continue
        if span is not None and not span[0] <= c0 <= span[1]:
            continue
        value = cells[r0][c0] if c0 < len(cells[r0]) else ""
        first, last = max(r0 + 1, reached.get(c0, -1) + 1), min(r1, len(cells) - 1)
        reached[c0] = max(reached.get(c0, -1), last)
        for r in range(first, last + 1):
            if c0 >= len(cells[r]):
                continue
            own = cells[r][c0]
            if own not in ("", None):
                if hidden is None or _same_value(own, value):
                    continue  # the same value, or a tracker's cells: read as written
                hidden.setdefault(r, (c0, own, r0, value))
            if r not in filled:  # copied once, before its first change
                cells[r] = list(cells[r])
                filled.add(r)
            cells[r][c0] = value
            origin[(table, r + 1, c0)] = (r0, c0)
    return replace(sheet, cells=cells) if filled else sheet


def _same_value(a: Any, b: Any) -> bool:
    """Whether a cell under a merge holds what the merge shows (a date and its datetime,
    texts that differ only in case or spaces)."""
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a == b
    if isinstance(a, (dt.date, dt.datetime)) and isinstance(b, (dt.date, dt.datetime)):
        return _day(a) == _day(b)
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return bool(a == b)


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


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


def _says_cancelled(text: str) -> bool:
    return versions.says_called_off(text)


def _absent_elsewhere(
    table: RosterTable, fields: np.ndarray, cells: np.ndarray, absent: frozenset[str],
    headers: Headers | None = None,
) -> None:  # fmt: skip
    """A row whose cell in a column no field reads speaks of absence, so that the person is
    never counted as attending on a guess. Without a presence column, that cell is the row's
    presence: one that says only that ("apologies" in the Signature column, "Excusado" under
    an unrecognised "Modalidad"; `Headers.absent`) makes them absent; a remark that says more
    ("Excusada – la representó el Oficial de Programa") leaves their attendance unknown
    (stage two cannot read it as present or absent). Beside a presence column that does not
    say absent, a remark of absence or of someone sent instead ("Yes" and "Sent RMO
    instead") contradicts it: the two are kept together, and the attendance is unknown."""
    where = FIELDS.index("presence")
    _invited_only(table, fields, cells, absent, headers)
    # An agency matrix's remarks say who went for IOM ("IOM represented by a Programme
    # Officer"): the matrix reads them itself (_matrix_presence), as its attendee.
    unread = [col for col, _, _ in table.ignored if col < cells.shape[1]
              and not (table.shape == MATRIX and col in table.remarks)]  # fmt: skip
    if not unread:
        return
    if headers is not None:
        _crossed_aside(table, fields, cells, headers)
    aside = cells[:, unread]
    marked = "presence" in table.columns
    # Each distinct cell once, at C speed: most tables have no such remark aside at all.
    # Without an attendance column, a remark that the person did not come ("Did not come",
    # "No vino", "Não compareceu") or of where their invitation stood ("Invited",
    # "Confirmado", "À confirmer", "Declined") is all the row says of their attendance.
    # A remark that the meeting was called off ("Réunion annulée la veille – non tenue", on
    # a log's row typed in advance, field15 CHE): whether anyone attended anything is not
    # known, never a "Yes" nor a row that says nothing else.
    said = {v for v in set(aside.ravel().tolist()) if type(v) is str and (
        _names_absence(v, absent) or _sent_instead(v) or versions.calls_off(v)
        or (not marked and _UNSETTLED.search(f" {fold(v)} ")))}  # fmt: skip
    if not said:
        return
    for r in np.flatnonzero([any(v in said for v in row) for row in aside.tolist()]).tolist():
        remark = next(v for v in aside[r] if v in said)
        mark = fields[r, where]
        # How the person was to take part ("Virtual") says nothing against "could not connect".
        how = headers is not None and fold(mark) in headers.modes and _names_absence(remark, absent)
        if not marked or mark is None or how:
            fields[r, where] = remark
        elif not _says_absent(mark, absent, headers):
            fields[r, where] = f"{mark} – {remark}"


# Words of a remark, or of a column's header, saying where a person's invitation stood or that
# they did not come, not that they attended (folded): "Invited", "Confirmado", "À confirmer",
# "RSVP", "Declined", "No show", "Justificada", "Did not come", "No vino", "Não compareceu".
_UNSETTLED = lazy(
    r" (?:invited|invitation|invitee?s?|convidad[oa]s?|invitad[oa]s?|"
    r"confirmed|confirme e?|confirmee?|confirmad[oa]|to be confirmed|tbc|a confirmer|"
    r"a confirmar|por confirmar|pending|pendiente|pendente|en attente|rsvp|registered|"
    r"registration|inscrit e?|inscrite?|inscrit[oa]|registrad[oa]|declined|a decline|"
    r"declino|recusou|no show|no-show|justificad[oa]|did not come|didn t come|no vino|"
    r"nao veio|nao compareceu|nao esteve|no estuvo|n est pas venue?|falta|faltou|justificou|"
    r"nao participou|no participo|n a pas participe|did not participate|represented|"
    r"delegated|replaced|substituid[oa]|sustituid[oa]|reemplazad[oa]|remplacee?) "
)


def _invited_only(
    table: RosterTable, fields: np.ndarray, cells: np.ndarray, absent: frozenset[str],
    headers: Headers | None,
) -> None:  # fmt: skip
    """A list whose only attendance column says who was invited or had confirmed
    ("Invited", "Confirmed", "RSVP", "Registered", "Invité", "Confirmado"; "Confirmed
    attendance (RSVP)" read as the attendance column): it lists invitees, not attendees;
    each row's attendance is unknown (a "No" stays absent), and its reason quotes the column
    and the row's cell."""
    where = FIELDS.index("presence")
    own = next((c for c in table.found if c.field == "presence"), None)
    if own is not None:
        invited = [(own.col, own.header)] if _UNSETTLED.search(f" {fold(own.header)} ") else []
    else:
        invited = [(col, header) for col, header, _ in table.ignored
                   if col < cells.shape[1] and _UNSETTLED.search(f" {fold(header)} ")]  # fmt: skip
    for col, header in invited:
        # Ticks or yes/no words (or blanks), not "Registration no." numbers or dates.
        if own is None and (headers is None or any(
                v is not None and headers.presence_word(v) is None for v in cells[:, col].tolist())):  # fmt: skip
            continue
        for r in range(len(fields)):
            if own is None and fields[r, where] is not None:
                continue
            if own is not None and _says_absent(fields[r, where], absent, headers):
                continue
            value = cells[r, col]
            fields[r, where] = f"{header.strip()}: {value if value is not None else '–'}"


# The presence of a row that a column no field reads marks ✗ / No / Non (a column of ticks
# and crosses under a header the checker does not know, or one of two such columns), before
# the column's header, the mark and what the row's presence cell said: its attendance is
# unknown (judge: reason_presence_said quotes them), never taken as attending.
MARKED_ASIDE = "(marked aside) "
# Column kinds whose "No", "N" or "0" is no mark of attendance (a number, a gender "N/A"), and
# a second attendance column the reading chose against (S216 says which was read).
_NOT_MARKS = frozenset({"number", "email", "phone", "gender", "timestamp", "system",
                        "office", "duplicate:presence", OTHER_DAY, *times.KINDS})  # fmt: skip
# Words of a header (folded, at a word's start) that say its marks are about attendance or
# signing: "Signed", "Signé", "Firmado", "Assinado", "Émargement", "Came?", "Stayed to the end".
_ATTENDANCE_HEADER = lazy(
    r"\b(?:sign|firm|assin|emarg|initial|paraph|rubric|attend|assist|asist|present|presen[cz]|"
    r"came|come|venu|vino|veio|particip|stay|remain|rest[eo]|quedo|ficou|permanec|left|"
    r"absen|ausen|excus|apolog|online|en ligne|virtual|remote|distanc|here|ici|aqui)"
)
# Words of a header that say nothing of what its marks are about ("Status", "Col F", "Check").
_BARE_HEADER = frozenset({"col", "column", "colonne", "columna", "coluna", "check", "checked",
                          "status", "statut", "estado", "situacao", "mark", "marks", "tick",
                          "marque", "marca", "see", "legend", "voir", "legende", "ver", "leyenda",
                          "legenda", "ok"})  # fmt: skip


def _marks_attendance(header: str) -> bool:
    """Whether a column of ✓ / ✗ under `header` may be marking who came: its header speaks
    of attendance or signing, or says nothing of what it is about ("", "Q7", "Status").
    "¿Acta compartida?", "Requires follow-up?" are about something else (field6 GTM, MOZ)."""
    key = fold(header)
    if _ATTENDANCE_HEADER.search(f" {key}"):
        return True
    return all(len(word) < 4 or word in _BARE_HEADER for word in key.split())


def _crossed_aside(
    table: RosterTable, fields: np.ndarray, cells: np.ndarray, headers: Headers
) -> None:
    """A column no field reads whose cells are, on most of the table's rows, marks of
    presence (✓ / ✗, Y / N, Yes / No, Oui / Non, Sí / No, Sim / Não): a row it marks absent
    is never counted as attending on the strength of the rest of the row. Its attendance is
    unknown (what the column means is not known), unless its presence cell says absent."""
    if table.shape == MATRIX:  # the other agencies' columns of ✓ / ✗ are theirs
        return
    where = FIELDS.index("presence")
    for col, header, kind in table.ignored:
        if col >= cells.shape[1] or kind in _NOT_MARKS:
            continue
        if headers.organisation_kind(header, strict=True) is not None:
            continue  # an agency's column
        if not _marks_attendance(header):
            continue
        values = [v for v in cells[:, col].tolist() if v is not None]
        marks = [v for v in values if type(v) is str and headers.presence_word(v) is not None]
        if len(values) < 2 or len(marks) * 10 < len(values) * 8:
            continue
        for r, v in enumerate(cells[:, col].tolist()):
            if type(v) is not str or headers.presence_word(v) != "absent":
                continue
            said = fields[r, where]
            if headers.presence_word(said) == "absent":
                continue
            before = "" if said is None else f"{str(said).removeprefix(MARKED_ASIDE)} – "
            fields[r, where] = f"{MARKED_ASIDE}{before}{header or column_letter(col)}: {v.strip()}"


# A row whose name cell says that nobody, or someone else, filled the post its title names
# takes this mark and the cell as its presence (judge: reason_nameless): "—", "N/A",
# "Vacant", "por designar" beside "Chief of Mission" say no name, and "(représenté par
# M. Ali Hassan)" says someone whose post is not given went. The title beside it is the
# post's, not an attendee's: whether IOM attended, and at what level, is not known.
NAMELESS = "(name says nobody) "
# The presence of a record a chair or note-taker line gives that names IOM but no person
# ("Chair: IOM (cluster lead agency)"): the mark, the line's cell and, after a tab, its text.
UNNAMED_OFFICER = "(line names IOM, no one) "
# A name cell saying on whose behalf its person came ("Em nome da Chefe de Missão: R.
# Khumalo") takes this mark, the cell and, after a tab, the row's attendance: stage two, which
# knows titles, reads the row's title as the person's own where the cell names another post
# (checker.normalise), and as the absent one's (NAMELESS) otherwise.
ON_BEHALF = "(name says on behalf of) "
_NOBODY = frozenset(fold(w) or w for w in [
    "-", "–", "—", "--", "n/a", "na", "n.a.", "s/o", "s.o.", "n/d", "nd", "tbd", "tba", "tbc",
    "to be nominated", "to be designated", "to be confirmed", "vacant", "vacancy",
    "post vacant", "vacant post", "poste vacant", "vacante", "puesto vacante", "cargo vacante",
    "vago", "vaga", "cargo vago", "posto vago", "por designar", "a designar", "à désigner",
    "a designer", "à nommer", "por nombrar", "a nomear", "por nomear", "nobody", "no one",
    "none", "no iom", "personne", "aucun", "aucune", "pas d'oim", "nadie", "ninguno",
    "ninguna", "sin oim", "ninguém", "nenhum", "nenhuma", "sem oim", "?",
    # A name still to be confirmed, and a form's placeholder left in the cell.
    "à confirmer", "a confirmar", "por confirmar", "a confirmer", "por definir", "a definir",
    "à définir", "nn", "n.n.", "name", "nom", "nombre", "nome", "full name", "nom complet",
])  # fmt: skip
# A name cell of crosses or blanks to fill in ("xxx", "X X", "..."): a placeholder, no name.
_PLACEHOLDER = re.compile(r"^(?:x+\s*)+$")
# A name cell saying its person came for another, beyond what checker.instead reads in any
# text (field12 SEN "A. Fall (pour M. Ndiaye)"): as whole words "(for X)", "pour X", "o.b.o.
# X", "p.p. X" (a name cell holds no other "for" or "pour"), and "por", "pelo", "pela" only
# between two names ("L. Pérez (por R. Castillo)"): words common in Spanish and Portuguese,
# and "Pela" is a surname.
_FOR_ANOTHER = re.compile(r"\b(?:for|pour|obo|pp|per pro)\b|(?<=\w )(?:por|pel[oa]) (?=\w)")


def _for_another(cell: str) -> bool:
    """Whether a name cell says its person came for someone else."""
    return instead.someone_else_went(cell) or bool(_FOR_ANOTHER.search(f" {fold(cell)} "))


def _nobody_named(
    table: RosterTable, fields: np.ndarray, absent: frozenset[str], headers: Headers | None
) -> None:
    """Name cells that say nobody ("—", "Vacant", "por designar", "à confirmer", "xxx") or
    someone else ("(represented by K. Roe)") beside a title: the row names no attendee;
    unless its attendance cell says absent, whether IOM attended is unknown (NAMELESS).

    So does a blank name cell beside a title when other rows of the table name their
    person: a pre-printed form types each expected member's agency and title in advance and
    leaves the name for whoever came (NAMELESS with no text). A name column blank on every
    row says nothing (a list that records titles only); a row with neither name nor title
    (IOM's log: nobody went) is read as before."""
    if "attendee" not in table.columns or "title" not in table.columns:
        return
    name, title = FIELDS.index("attendee"), FIELDS.index("title")
    where = FIELDS.index("presence")
    # An agency matrix names IOM's representative in a remark, when at all: a name left out
    # there is no pre-printed line left blank.
    named = table.shape != MATRIX and any(_names_someone(v) for v in fields[:, name].tolist())
    for r in range(len(fields)):
        cell = fields[r, name]
        if fields[r, title] is None:
            continue
        if cell is None or (type(cell) is str and not cell.strip()):
            if not named:
                continue
            cell = ""
        elif type(cell) is not str or _names_someone(cell):
            continue
        mark = fields[r, where]
        if _says_absent(mark, absent, headers):
            continue
        if cell and type(mark) in (str, type(None)) and _for_another(cell):
            fields[r, where] = f"{ON_BEHALF}{cell.strip()}\t{'' if mark is None else mark}"
        else:
            fields[r, where] = NAMELESS + cell.strip()


def _names_someone(cell: Any) -> bool:
    """Whether a name cell names a person: not blank, not a word for nobody or a placeholder
    ("—", "TBC", "xxx", "..."), not someone else ("(represented by K. Roe)")."""
    if type(cell) is not str or not cell.strip():
        return False
    key = fold(cell)
    if not key:  # only marks: "—", "...", "?", "____"
        return False
    # A word for nobody with its reason after it: "N/A (RMO en congé)", "Vacant – recruiting"
    # (field10 DZA): the head says nobody, whatever the reason adds.
    head = fold(_REASON_AFTER.split(cell.strip(), maxsplit=1)[0])
    return not (key in _NOBODY or head in _NOBODY or _PLACEHOLDER.match(key)
                or _for_another(cell) or _OFFICE_AS_NAME.search(key))  # fmt: skip


# A name cell naming an office, not a person (folded): "Office of the CoM", "Bureau du chef de
# mission", "Oficina de la Jefatura de Misión", "Gabinete da Chefia de Missão", "CoM's office",
# "Front Office". Who of the office went is not said (field17 HUN). An office word then a
# linking word, or "office" last: "J. Bureau", "Bureau, J." stay names.
_OFFICE_AS_NAME = lazy(
    r"^(?:front )?(?:office|bureau|cabinet|gabinete|oficina|despacho|escritorio|secretariat|"
    r"secretariado)(?: (?:of|du|de|del|da|do|des|dos|das|la|le|l|the|el|a|o|au|al|à))+ [a-z]|"
    r"^(?:[a-z]{2,} )?(?:s )?(?:front )?office$"
)


# Where a name cell's reason starts: a bracket, a spaced dash, a colon, comma or semicolon.
_REASON_AFTER = re.compile(r"\s*[(\[:,;]|\s[-–—]\s")


# Words by which a remark says that the person took part after all (folded): "a rejoint en
# ligne pour le point 3", "Participou virtualmente", "Ligou-se por Teams", "se conectó".
_JOINED = lazy(
    r"\b(?:joined|dialled in|dialed in|connected|attended online|attended virtually|"
    r"participated|a rejoint|s est connecte|a participe|en ligne|se conecto|se unio|"
    r"participo|asistio virtual|ligou se|conectou se|se conectou|participou|entrou)"
)


def _present_elsewhere(
    table: RosterTable, fields: np.ndarray, cells: np.ndarray, absent: frozenset[str],
    headers: Headers | None,
) -> None:  # fmt: skip
    """The reverse of `_absent_elsewhere`: an attendance cell that says absent ("A", "Não",
    "Excusado") beside a remark that the person joined after all ("a rejoint en ligne pour
    le point 3", "Ligou-se por Teams para o ponto 2"): the two are kept together, and the
    attendance is unknown. Read after the legend's letters, so that "A" is known absent."""
    column = table.columns.get("presence")
    unread = [col for col, _, _ in table.ignored if col < cells.shape[1]]
    if column is None or not unread:
        return
    where = FIELDS.index("presence")
    for r, row in enumerate(cells[:, unread].tolist()):
        remark = next((v for v in row if type(v) is str and _JOINED.search(f" {fold(v)} ")), None)
        if remark is None or not _says_absent(fields[r, where], absent, headers):
            continue
        if _names_absence(remark, absent) or _sent_instead(remark):
            continue  # "Excusée, a participé en ligne le DCoM": about someone else
        fields[r, where] = f"{cells[r, column]} – {remark}"


# Columns whose cells are no person's remark: a meeting platform's join and leave times
# ("Joined", "Left", "Leave time" in a Teams export) are events, not someone leaving early.
# A duty station ("Bureau régional de Vienne (en appui)") is the person's office
# (checker.offices), not a remark on their attendance.
_NOT_REMARKS = frozenset({"timestamp", "system", "email", "phone", "number", "office",
                          *times.KINDS})  # fmt: skip


def _left_early(
    table: RosterTable, fields: np.ndarray, cells: np.ndarray, rows: np.ndarray,
    absent: frozenset[str], headers: Headers | None,
) -> None:  # fmt: skip
    """A row whose remark or attendance cell says its person left early or arrived late
    ("Yes" beside "Left early, after item 2", "Presente – saiu após 20 minutos"): whether
    they took part in the meeting is unknown, whatever the attendance cell says, and the
    reason is the one a comment saying so gets (checker.partial). A row that says absent
    stays absent. `rows`: the rows' 0-based sheet rows."""
    own = table.columns.get("presence")
    aside = [col for col, _, kind in table.ignored if col < cells.shape[1]
             and kind not in _NOT_REMARKS and not (table.shape == MATRIX and col in table.remarks)]  # fmt: skip
    columns = ([own] if own is not None else []) + aside
    if not columns:
        return
    # Each distinct cell once: most tables say nothing of the kind.
    # A remark that also says someone else went or the person was away ("Sent RMO instead,
    # left early") keeps that reading (`_absent_elsewhere`).
    said = {v for v in set(cells[:, columns].ravel().tolist()) if partial.says_partial(v)
            and not (_names_absence(v, absent) or _sent_instead(v))}  # fmt: skip
    if not said:
        return
    where = FIELDS.index("presence")
    for r, row in enumerate(cells[:, columns].tolist()):
        col = next((c for c, v in zip(columns, row) if v in said), None)
        if col is None or _says_absent(fields[r, where], absent, headers):
            continue
        fields[r, where] = partial.mark(f"{column_letter(col)}{int(rows[r]) + 1}", cells[r, col])


def _hardly_there(
    table: RosterTable, fields: np.ndarray, cells: np.ndarray, rows: np.ndarray,
    absent: frozenset[str], headers: Headers | None,
) -> None:  # fmt: skip
    """A row whose own arrival or departure time is more than a quarter of an hour off the
    meeting's start or end on the same row (Time in 11:20 of a 10:00-11:30 meeting): its
    person's attendance is unknown, with the reason a statement of leaving early gets
    (checker.times, checker.partial). A row that says absent stays absent; without the
    meeting's start and end on the row nothing is read from one person's times."""
    kinds = {kind: (col, header) for col, header, kind in table.ignored
             if kind in times.KINDS and col < cells.shape[1]}  # fmt: skip
    if not ({times.MEETING_START, times.MEETING_END} <= kinds.keys()
            and kinds.keys() & {times.ARRIVAL, times.DEPARTURE}):  # fmt: skip
        return
    start, end = kinds[times.MEETING_START][0], kinds[times.MEETING_END][0]
    where = FIELDS.index("presence")
    for r, row in enumerate(cells.tolist()):
        came = row[kinds[times.ARRIVAL][0]] if times.ARRIVAL in kinds else None
        went = row[kinds[times.DEPARTURE][0]] if times.DEPARTURE in kinds else None
        off = times.times_off(row[start], row[end], came, went)
        if not off or _says_absent(fields[r, where], absent, headers):
            continue
        if partial.read(str(fields[r, where] or "")) is not None:
            continue  # a remark already says so, and names its own cell
        # Both times when both are off ("Time in 10:40, Time out 11:00"): the reason says
        # all the row shows, at the first one's cell.
        said = ", ".join(f"{kinds[k][1]} {times.clock(row[kinds[k][0]])}" for k in off)
        said += f" ({times.clock(row[start])}-{times.clock(row[end])})"
        col = kinds[off[0]][0]
        fields[r, where] = partial.mark(f"{column_letter(col)}{int(rows[r]) + 1}", said)


def _left_early_by_line(
    table: RosterTable, fields: np.ndarray, lines: list[presence.Note], absent: frozenset[str],
    headers: Headers,
) -> None:  # fmt: skip
    """A note line around the table that says someone left early or arrived late ("Note:
    the IOM Chief of Mission left after item 2", "P. Lado est arrivé en retard"): IOM's rows
    it is tied to — by IOM's name, or by the row's own name or title — are read as a remark
    on the row would be (`_left_early`)."""
    said = [line for line in lines if partial.says_partial(line.text)]
    if not said:
        return
    where = FIELDS.index("presence")
    organisation = FIELDS.index("organization") if "organization" in table.columns else None
    name = FIELDS.index("attendee") if "attendee" in table.columns else None
    title = FIELDS.index("title") if "title" in table.columns else None
    for line in said:
        key = f" {fold(line.text)} "
        iom = headers.names_iom(line.text)
        for r in range(len(fields)):
            kind = headers.organisation_kind(fields[r, organisation]) if organisation else None
            if organisation is not None and kind != "iom":
                continue
            named = (name is not None and _named_in(fields[r, name], key, surname=True)) or (
                title is not None and _named_in(fields[r, title], key))  # fmt: skip
            if (iom or named) and not _says_absent(fields[r, where], absent, headers):
                fields[r, where] = partial.mark(line.cell, line.text)


def _footnoted(
    table: RosterTable, fields: np.ndarray, cells: np.ndarray, rows: np.ndarray,
    lines: list[presence.Note], absent: frozenset[str], headers: Headers,
) -> None:  # fmt: skip
    """A row with a footnote mark on any of its cells ("✓*" in the Signature column, "Mr. D.
    Best¹", "Chief of Mission (1)") whose footnote line stands around the table ("* signed
    in by the PA on Mr. Best's behalf – he did not attend"): the row is no plain attendee
    (checker.footnotes); the footnote is quoted as its presence. A "✓*" in a signature or
    attendance column whose footnote is not found leaves the attendance unknown too. A row
    that says absent stays absent. `rows`: the rows' 0-based sheet rows."""
    by_mark = footnotes.lines_by_mark((line.text, line.cell) for line in lines)
    ticks = {col for col, _, kind in table.ignored if kind == "signature"}
    if "presence" in table.columns:
        ticks.add(table.columns["presence"])
    where = FIELDS.index("presence")
    for r, row in enumerate(cells.tolist()):
        for col, value in enumerate(row):
            key = footnotes.mark_of(value)
            if key is None or (key not in by_mark and not (
                    col in ticks and footnotes.unread_plain(value))):  # fmt: skip
                continue
            if _says_absent(fields[r, where], absent, headers):
                break
            line_cell, line = by_mark.get(key, ("", ""))
            here = f"{column_letter(col)}{int(rows[r]) + 1}"
            fields[r, where] = footnotes.mark(here, value, line_cell, line)
            break


def _named_in(value: Any, key: str, surname: bool = False) -> bool:
    """Whether a folded line (spaced at both ends) names a row's name or title cell: all of
    it ("P. Lado", "Chief of Mission"), or with `surname` a name's last word ("Lado")."""
    if type(value) is not str or len(fold(value)) < 3:
        return False
    words = fold(value).split()
    return f" {' '.join(words)} " in key or (
        surname and len(words[-1]) > 3 and f" {words[-1]} " in key)  # fmt: skip


def _says_absent(mark: Any, absent: frozenset[str], headers: Headers | None) -> bool:
    """Whether an attendance cell says absent ("No", "✗", "Absent", "Excused")."""
    if headers is not None and headers.presence_word(mark) == "absent":
        return True
    return type(mark) is str and _names_absence(mark, absent)


# Words by which a remark says that the person did not come, or that someone else went in
# their place (folded): checker.instead's words, and these. Word beginnings: "Replacement",
# "Sent apologies" say as much beside "Yes".
_SENT_INSTEAD = lazy(
    r"\b(?:sent|replac|rempla|reempla|substitu|sustitu|"
    r"did not|didn t|not there|pas venu|"
    r"n a pas|no fue|no estuvo|no pudo|no vino|no asisti|nao compareceu|nao veio|"
    # Apologies in ES/PT verb forms (field7 MEX, BRA): "Se excusó", "Justificou ausência",
    # "Ausência justificada".
    r"se excus|excusad|justificou|ausencia justificada|falta justificada|justifico su)"
)


def _sent_instead(text: str) -> bool:
    """Whether a remark says the person did not come or someone else went: "Sent RMO
    instead", "Represented by DCoM", a Signature cell "rep. by T. Mokoena" (field10 LSO)."""
    return bool(_SENT_INSTEAD.search(f" {fold(text)} ")) or instead.someone_else_went(text)


# The presence a crossed-off row takes: no word of the vocabulary, so its attendance is
# unknown, and stage two says why (judge: reason_struck).
def _symbol_marks(table: RosterTable, fields: np.ndarray, rows: np.ndarray, path: Path) -> None:
    """A presence cell ticked in a symbol font ("ü" in Wingdings shows ✓, "û" ✗; "P" in
    Wingdings 2 shows ✓): the mark it shows. The fonts are read only when the presence
    column holds such a letter; a letter in another font is what it is ("O" is Oui)."""
    column = table.columns.get("presence")
    if column is None:
        return
    where = FIELDS.index("presence")
    letters = [i for i, v in enumerate(fields[:, where].tolist())
               if type(v) is str and v.strip() in SYMBOL_LETTERS]  # fmt: skip
    if not letters:
        return
    fonts = symbol_font_cells(path, table.sheet)
    for i in letters if fonts else []:
        font = fonts.get((int(rows[i]), column))
        shown = SYMBOL_FONTS[font].get(fields[i, where].strip()) if font is not None else None
        if shown is not None:
            fields[i, where] = shown


def _worded_numbers(table: RosterTable, fields: np.ndarray, rows: np.ndarray, path: Path) -> None:
    """A presence cell holding a number that its number format shows as a word (1 / 0 / 2
    under '[=1]"Sí";[=0]"No";"Excusado"' show Sí / No / Excusado): the word, as Excel
    shows it and the person ticking it chose it. A number whose format shows the number
    (or nothing) stays the number, which no presence word reads."""
    column = table.columns.get("presence")
    if column is None:
        return
    where = FIELDS.index("presence")
    numbers = [i for i, v in enumerate(fields[:, where].tolist()) if type(v) in (int, float)]
    if not numbers:
        return
    codes = number_format_cells(path, table.sheet)
    for i in numbers if codes else []:
        code = codes.get((int(rows[i]), column))
        shown = shown_number(float(fields[i, where]), code) if code is not None else None
        if shown is not None:
            fields[i, where] = shown


# A row whose organisation and e-mail address disagree about IOM takes this, then the two
# cells joined by "\x00", as its presence (judge: reason_email_affiliation).
EMAIL_CONTRADICTS = "(e-mail) "


def _email_contradicts(
    table: RosterTable, fields: np.ndarray, cells: np.ndarray, absent: frozenset[str],
    headers: Headers,
) -> None:  # fmt: skip
    """A row whose organisation names IOM beside another agency's e-mail address ("OIM" and
    x@acnur.org), or another organisation beside an IOM address ("HCR" and x@iom.int): whose
    staff the person is cannot be told, so they count neither as IOM's attendee nor as
    nobody's (stage two). The address may stand in any column no field reads ("Email",
    "Contact"). A row that says the person was absent is left so: absent either way."""
    if "organization" not in table.columns or table.shape == MATRIX:
        return
    unread = [col for col, _, _ in table.ignored if col < cells.shape[1]]
    if not unread:
        return
    aside = cells[:, unread]
    # Each distinct cell once: most tables hold no address of a known domain at all.
    known = {v: k for v in set(aside.ravel().tolist()) if (k := headers.email_kind(v)) is not None}
    if not known:
        return
    organisation, where = FIELDS.index("organization"), FIELDS.index("presence")
    for r, row in enumerate(aside.tolist()):
        emails = [known[v] for v in row if v in known]
        said = headers.organisation_kind(fields[r, organisation]) if emails else None
        if said is None or _says_absent(fields[r, where], absent, headers):
            continue
        against = next((address for kind, address in emails if kind != said), None)
        if against is not None:
            fields[r, where] = f"{EMAIL_CONTRADICTS}{fields[r, organisation]}\x00{against}"


def _email_names_post(
    table: RosterTable, fields: np.ndarray, cells: np.ndarray, absent: frozenset[str],
    headers: Headers,
) -> None:  # fmt: skip
    """A row whose IOM address names a post below its title ("Chef de mission" beside
    assistant.cdm.sofia@iom.int): the mailbox is the assistant's, so who signed, the titled
    person or the assistant, cannot be told (checker.mailbox). The row is in doubt
    (EMAIL_POST), never the title's role; a row saying absent is left so."""
    if "title" not in table.columns or table.shape == MATRIX:
        return
    unread = [col for col, _, _ in table.ignored if col < cells.shape[1]]
    if not unread:
        return
    aside = cells[:, unread]
    iom = {v: k[1] for v in set(aside.ravel().tolist())
           if (k := headers.email_kind(v)) is not None and k[0] == "iom"}  # fmt: skip
    if not iom:
        return
    title, name = FIELDS.index("title"), FIELDS.index("attendee")
    where = FIELDS.index("presence")
    for r, row in enumerate(aside.tolist()):
        said = fields[r, where]
        if type(said) is str and said.startswith(EMAIL_CONTRADICTS):
            continue
        for address in (iom[v] for v in row if v in iom):
            if fields[r, title] is None or _says_absent(said, absent, headers):
                break
            if mailbox.post_below(address, fields[r, title], fields[r, name]) is not None:
                fields[r, where] = f"{EMAIL_POST}{str(fields[r, title]).strip()}\x00{address}"
                break


STRUCK_THROUGH = "(struck through)"


def _struck_off(
    table: RosterTable, struck: frozenset[tuple[int, int]], fields: np.ndarray, rows: np.ndarray
) -> None:
    """A row whose name, organisation or title is struck through was crossed off the list:
    whether that person attended is unknown, whatever its presence cell says. Counting them
    as attending could make a meeting compliant on someone who did not come; counting them
    absent, absent on a correction."""
    if not struck:
        return
    people = [(table.columns[n], FIELDS.index(n)) for n in ("attendee", "organization", "title")
              if n in table.columns]  # fmt: skip
    where = FIELDS.index("presence")
    for i, row in enumerate(rows.tolist()):
        if any((row, col) in struck and fields[i, f] is not None for col, f in people):
            fields[i, where] = STRUCK_THROUGH


# The presence a greyed-out row takes (judge: reason_greyed).
GREYED = "(greyed out)"


def _greyed_off(
    table: RosterTable, greyed: frozenset[tuple[int, int]], fields: np.ndarray, rows: np.ndarray
) -> None:
    """A row whose name, organisation and title are all in a grey font, on a table whose
    other people's rows are not, was greyed out: people grey the invitees who did not come.
    Whether that person attended is unknown. A table in grey throughout is a style, and
    says nothing."""
    if not greyed:
        return
    people = [(table.columns[n], FIELDS.index(n)) for n in ("attendee", "organization", "title")
              if n in table.columns]  # fmt: skip
    where = FIELDS.index("presence")
    grey, plain = [], 0
    for i, row in enumerate(rows.tolist()):
        written = [(col, f) for col, f in people if fields[i, f] is not None]
        if not written:
            continue
        if all((row, col) in greyed for col, _ in written):
            grey.append(i)
        else:
            plain += 1
    if plain:
        for i in grey:
            if fields[i, where] != STRUCK_THROUGH:
                fields[i, where] = GREYED


# The presence a row written in its background's colour takes, then the cell (judge:
# reason_invisible).
INVISIBLE = "(invisible) "


def _invisible_off(
    table: RosterTable, invisible: frozenset[tuple[int, int]], fields: np.ndarray,
    rows: np.ndarray,
) -> None:  # fmt: skip
    """A row whose name, organisation and title are all written in the colour of their
    background (white on white) reads as an empty line on screen and paper: someone blanked
    the person out (a sheet copied from the last meeting, its absentees whitened). Whether
    they attended is unknown, whatever the row's other cells say."""
    if not invisible:
        return
    people = [(table.columns[n], FIELDS.index(n)) for n in ("attendee", "organization", "title")
              if n in table.columns]  # fmt: skip
    where = FIELDS.index("presence")
    for i, row in enumerate(rows.tolist()):
        written = [col for col, f in people if fields[i, f] is not None]
        blank = written and all((row, col) in invisible for col in written)
        if blank and fields[i, where] != STRUCK_THROUGH:
            fields[i, where] = f"{INVISIBLE}{column_letter(written[0])}{row + 1}"


# A row coloured under a legend that gives the colour a meaning of absence takes the legend,
# after this mark, as its presence: unknown, and said so (judge: reason_coloured).
COLOURED = "(coloured) "
_COLOUR = re.compile(
    r"\b(?:red|rouge|rojo|roja|vermelho|vermelha|yellow|jaune|amarillo|amarelo|green|verte?|"
    r"verde|gr[ae]y|grise?|cinza|orange|naranja|laranja|blue|bleue?|azul|pink|rose|rosa|"
    r"highlighted|surlign\w*|resaltad\w*|destacad\w*|colou?r(?:ed)?|couleur|colorad\w*|"
    r"shaded|grisee?s?)\b"
)


def _names_absence(text: str, absent: frozenset[str]) -> bool:
    """Whether the text holds one of the vocabulary's words of absence (`Headers.absent`),
    as whole words once folded."""
    key = f" {fold(text)} "
    return any(f" {word} " in key for word in absent)


def _is_colour_legend(text: str, absent: frozenset[str]) -> bool:
    """ "Legend: rows in red = did not attend", "En rouge : absents", "Resaltado = ausente"."""
    return bool(_COLOUR.search(f" {fold(text)} ")) and _names_absence(text, absent)


def _coloured(table: RosterTable, filled: frozenset[tuple[int, int]], legend: str,
              fields: np.ndarray, rows: np.ndarray) -> None:  # fmt: skip
    """Under a legend that speaks of colour and absence, a row whose name, organisation or
    title is coloured may be one the legend calls absent (which colour is not matched):
    that person's attendance is unknown."""
    people = [(table.columns[n], FIELDS.index(n)) for n in ("attendee", "organization", "title")
              if n in table.columns]  # fmt: skip
    where = FIELDS.index("presence")
    for i, row in enumerate(rows.tolist()):
        if any((row, col) in filled and fields[i, f] is not None for col, f in people):
            fields[i, where] = COLOURED + legend


def _cell_of(sheet: SheetGrid, text: str) -> str:
    """The cell ("A2") of the first cell of the sheet holding this text."""
    for r, row in enumerate(sheet.cells):
        for c, value in enumerate(row):
            if type(value) is str and value.strip() == text:
                return f"{column_letter(c)}{r + 1}"
    return "?"


def _own_lines(
    table: RosterTable, sheet: SheetGrid, header_index: int, unread: list[int]
) -> list[presence.Note]:
    """The text lines around a table that may be about its meetings (an apologies line),
    with their cells: those above its header, and its rows not read as attendees (`unread`,
    0-based sheet rows). Tables one under another share the lines between them: each line
    is the table's it stands nearer to, and both tables' when as near to both
    (checker.between)."""
    span = table.span
    found: list[presence.Note] = []

    def add(r: int, near: between.Side = between.Side.ABOVE, whole: bool = False) -> None:
        for c, v in enumerate(sheet.cells[r]):
            # An empty cell says nothing: a sheet of a million blank rows under its table
            # (a far cell) made a note of each, and each note was read (2 GB, 40 s).
            if type(v) is str and v.strip() and (whole or span is None or span[0] <= c <= span[1]):
                found.append(presence.Note(v, f"{column_letter(c)}{r + 1}",
                                           near is between.Side.BOTH))  # fmt: skip

    if table.stacked:  # under another table: the lines between them nearer to this one
        start = _heading_start(sheet, header_index, span)
        gap = [_own(sheet.cells[r], span) for r in range(start, header_index)]
        for i in range(len(gap)):
            if (near := between.side(gap, i)) is not between.Side.ABOVE:
                add(start + i, near)
    else:  # the sheet's first table: every line above it (a title across tables side by side)
        for r in range(header_index):
            add(r, whole=True)
    below = table.last_row  # the header of the table under it (0-based), if any
    start = _heading_start(sheet, below, span) if below is not None else len(sheet.cells)
    gap = [_own(sheet.cells[r], span) for r in range(start, below)] if below is not None else []
    for r in unread:
        near = between.side(gap, r - start) if r >= start else between.Side.ABOVE
        if near is not between.Side.BELOW:
            add(r, near)
    return found


def _attendance_marks(
    table: RosterTable,
    sheet: SheetGrid,
    fields: np.ndarray,
    cells: np.ndarray,
    notes: list[str],
    lines: list[presence.Note],
    headers: Headers,
) -> None:
    """What else on the sheet says who attended (see checker.presence): letter codes a
    legend or the header explains, a tick column for absence beside the presence column, a
    blank signature among signed ones, an apologies line naming IOM."""
    where = FIELDS.index("presence")
    column = next((c for c in table.found if c.field == "presence"), None)
    if column is not None:
        codes = presence.letter_codes(column.header, notes, headers)
        legend = presence.legend_line(notes, headers)
        if legend is not None:  # the reason of a code it leaves unexplained names its cell
            legend = f"{table.sheet}!{_cell_of(sheet, legend)}\x00{legend}"
        presence.read_letters(fields, where, codes, legend, headers)
        ticks = [(col, header) for col, header, _ in table.ignored
                 if col < cells.shape[1] and fold(header) in headers.absent]  # fmt: skip
        presence.absence_ticks(fields, cells, where, ticks, headers)
        signatures = [col for col, _, kind in table.ignored
                      if kind == "signature" and col < cells.shape[1]]  # fmt: skip
        presence.signed_confirmations(fields, cells, where, signatures, headers)
    else:
        signatures = [col for col, _, kind in table.ignored
                      if kind == "signature" and col < cells.shape[1]]  # fmt: skip
        presence.unsigned(fields, cells, where, signatures)
    line = presence.apologies_line(lines, headers)
    if line is not None:
        organisation = FIELDS.index("organization") if "organization" in table.columns else None
        presence.excused_by_line(fields, where, organisation, line, headers)


# A row hidden by hand takes this as its presence (judge: reason_hidden): people hide the rows
# of invitees who did not come; rows a filter hides are data, and read as such.
HIDDEN_ROW = "(hidden row)"
# A row hidden under a filter whose criteria are not evaluated (judge: reason_hidden_filter).
HIDDEN_UNSURE = "(hidden under a filter)"
# A row with a comment on one of its cells takes the comment, after this mark, as its
# presence (judge: reason_commented): "N'a finalement pas assisté" on a name says more than
# the presence cell beside it.
COMMENTED = "(comment) "


# A row whose cell under a merge keeps a value unlike the merge's takes this, the cell, its
# value, the merge's cell and the value it shows ("\x00" between) as its presence (judge:
# reason_under_merge): the row may be of another meeting than the one the sheet shows.
UNDER_MERGE = "(under merge) "


def under_merge(said: object) -> tuple[str, str, str, str] | None:
    """(cell, its hidden value, the merge's cell, the value shown) of an UNDER_MERGE mark."""
    if type(said) is not str or not said.startswith(UNDER_MERGE):
        return None
    cell, own, anchor, shown = said.removeprefix(UNDER_MERGE).split("\x00", 3)
    return cell, own, anchor, shown


def _shown(value: Any) -> str:
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return str(value).strip() if value is not None else ""


def _under_merge(
    table: RosterTable, under: dict[int, tuple[int, Any, int, Any]], fields: np.ndarray,
    rows: np.ndarray, absent: frozenset[str], headers: Headers | None,
) -> None:  # fmt: skip
    """The people's rows with a value hidden under a merge (`_fill_merged_down`): read under
    the value the merge shows, their attendance in doubt — the hidden value may say the row
    is of another meeting. A row that says absent stays absent. `rows`: 0-based sheet rows."""
    where = FIELDS.index("presence")
    for i in _people_rows(table, fields, rows, set(under)):
        row = int(rows[i])
        if _says_absent(fields[i, where], absent, headers):
            continue
        col, own, top, value = under[row]
        fields[i, where] = (f"{UNDER_MERGE}{column_letter(col)}{row + 1}\x00{_shown(own)}\x00"
                            f"{column_letter(col)}{top + 1}\x00{_shown(value)}")  # fmt: skip


# A row whose date cell holds another year than the list's, shown without its year by its
# number format, takes this, the cell and the date it holds ("\x00" between) as its presence
# (judge: reason_year_hidden).
YEAR_HIDDEN = "(year hidden) "


def year_hidden(said: object) -> tuple[str, str] | None:
    """(cell, the date it holds) of a YEAR_HIDDEN mark, else None."""
    if type(said) is not str or not said.startswith(YEAR_HIDDEN):
        return None
    cell, _, held = said.removeprefix(YEAR_HIDDEN).partition("\x00")
    return cell, held


def _year_hidden(
    table: RosterTable, fields: np.ndarray, rows: np.ndarray, path: Path,
    absent: frozenset[str], headers: Headers | None,
) -> None:  # fmt: skip
    """A date of another year than the list's other dates in a cell whose number format
    hides the year ("dd-mmm": 5 Nov 2025 shows "05-nov" among 2026's rows): a row copied
    from an earlier list, whose year the screen does not show. Read as the date shown, in
    the list's year (never a meeting of its own in another year), the row's attendance in
    doubt: it may be last year's. A row that says absent stays absent. `rows`: 0-based."""
    col = table.columns.get("date")
    if col is None or not len(fields):
        return
    at = FIELDS.index("date")
    dates = [v.date() if isinstance(v, dt.datetime) else v for v in fields[:, at].tolist()]
    years = Counter(d.year for d in dates if isinstance(d, dt.date))
    if len(years) < 2:
        return
    (year, most), (_, second) = years.most_common(2)
    odd = [i for i, d in enumerate(dates) if isinstance(d, dt.date) and d.year != year]
    if most == second or not odd:
        return
    yearless = yearless_date_cells(path, table.sheet)
    where = FIELDS.index("presence")
    for i in odd:
        row, held = int(rows[i]), dates[i]
        if (row, col) not in yearless or (held.month, held.day) == (2, 29):
            continue
        shown = held.replace(year=year)
        fields[i, at] = dt.datetime.combine(shown, dt.time()) \
            if isinstance(fields[i, at], dt.datetime) else shown  # fmt: skip
        people = [fields[i, FIELDS.index(n)] for n in ("attendee", "organization", "title")]
        if all(v in (None, "") for v in people) or _says_absent(fields[i, where], absent, headers):
            continue
        fields[i, where] = f"{YEAR_HIDDEN}{column_letter(col)}{row + 1}\x00{held.isoformat()}"


def _people_rows(
    table: RosterTable, fields: np.ndarray, rows: np.ndarray, marked: set[int] | frozenset[int]
) -> Iterator[int]:
    """Indexes of the kept rows (0-based sheet rows in `rows`) that are `marked` and name
    someone (name, organisation or title). Only the marked rows are looked at."""
    people = [FIELDS.index(n) for n in ("attendee", "organization", "title") if n in table.columns]
    for i in np.flatnonzero(np.isin(rows, np.fromiter(marked, np.int64, len(marked)))).tolist():
        if any(fields[i, f] is not None for f in people):
            yield i


def _hidden_off(table: RosterTable, hidden: frozenset[int], fields: np.ndarray,
                rows: np.ndarray, mark: str = HIDDEN_ROW) -> None:  # fmt: skip
    """A row hidden by hand holding a person (or, `mark` HIDDEN_UNSURE, under a filter whose
    criteria are not evaluated): whether that person attended is unknown."""
    if not hidden:
        return
    where = FIELDS.index("presence")
    for i in _people_rows(table, fields, rows, hidden):
        fields[i, where] = mark


# Words by which a comment speaks of someone's attendance (folded, at a word's start): the
# vocabulary's words of absence, and these. "Acting for the CoM?", "Confirmed by email" do not.
_ATTENDANCE = lazy(
    r"\b(?:attend|assist|present|presen[cz]|came|come|venu|vino|vinieron|asist|particip|"
    r"replac|rempla|reempla|substitu|sustitu|represent|sent|envoy|envi|left|parti|quit|"
    r"no show|cancel|annul|excus|apolog|regret|retenu|missed|absen|ausen|leave|conge|"
    r"vacaci|licencia|instead|a la place|en lugar|on behalf|de la part|en nombre|joined|"
    r"online|en ligne|virtual|remote|distance|did not|didn t|not there|pas venu|n a pas|"
    r"no fue|no estuvo|no pudo|"
    # Leaving early, coming late, someone else staying, in EN/FR/ES/PT (field10 SWZ: "Saiu
    # após 10 minutos … a Oficial de Programa ficou até ao fim").
    r"se retir|retirou|se march|arriv|lleg|chega|tard|retard|atrasad|tempran|"
    r"(?:saiu|sai|retire|se fue|salio|quitte|sorti|early|late|cedo|stayed|ficou|se quedo|"
    r"reste|until the end|jusqu a la fin|hasta el final|ate ao fim|ate o fim)\b)"
)


def _speaks_of_attendance(text: str, absent: frozenset[str]) -> bool:
    return (bool(_ATTENDANCE.search(f" {fold(text)} ")) or _names_absence(text, absent)
            or instead.someone_else_went(text))  # fmt: skip


def _commented(table: RosterTable, comments: dict[tuple[int, int], str], fields: np.ndarray,
               rows: np.ndarray, width: int, absent: frozenset[str]) -> None:  # fmt: skip
    """A person's row with a comment on one of its cells that speaks of attendance ("N'a
    finalement pas assisté", "Left after 10 min", "Sent the deputy"): their attendance is in
    doubt, whatever the row says, and the reason quotes the comment. Its words are not read
    for presence or absence: a comment that says they came is doubt too (the reason lets the
    officer see it). A comment about something else ("Acting for the CoM?") says nothing."""
    by_row: dict[int, str] = {}
    left: dict[int, str] = {}  # "Left after 15 minutes": the reason any such statement gets
    for (row, col), text in sorted(comments.items()):
        if col < width and partial.says_partial(text):
            left.setdefault(row, partial.mark(f"{column_letter(col)}{row + 1}", text))
        if col < width and _speaks_of_attendance(text, absent):
            by_row[row] = f"{by_row[row]} / {text}" if row in by_row else text
    where = FIELDS.index("presence")
    for i in _people_rows(table, fields, rows, set(by_row) | set(left)):
        row = int(rows[i])
        fields[i, where] = left[row] if row in left else COMMENTED + by_row[row]


_TOTAL = re.compile(r"^\s*(?:grand\s+)?(?:total(?:es|e|s)?|totaux|sous-total|subtotal)\b",
                    re.IGNORECASE)  # fmt: skip


_COUNT = lazy(r"\s*\d+\s*$")


def _is_total(values: list[Any]) -> bool:
    """A totals row: "Total", "Total participants:", "Total des participants", "TOTAL" beside
    counts (numbers, or digits in a CSV file), and nothing else."""
    label, *counts = values
    return (type(label) is str and bool(_TOTAL.match(label)) and all(
        type(v) in (int, float) or (type(v) is str and _COUNT.match(v)) for v in counts))  # fmt: skip


# A calendar's recurring series in a date cell (field12 SYC "01/12 a 31/12 (série mensal)"): a
# range of dates and a word for a series. Not a meeting: skipped (rows.skipped). A date with
# the word alone ("05/12 (série mensal)") is that day's meeting of the series, read as one.
_SERIES_WORD = lazy(
    r"\b(?:series?|recurring|recurrent[ea]?|recorrente|r[ée]currente?|monthly|weekly|"
    r"mensual|mensuel(?:le)?|mensal|hebdomadaire|semanal)\b",
    re.IGNORECASE,
)
_DATE_RANGE = re.compile(
    r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\s*(?:a|à|au|to|al|até|ate|-|–|—)\s*"
    r"\d{1,2}[/.-]\d{1,2}",
    re.IGNORECASE,
)


def _is_series(value: Any) -> bool:
    return type(value) is str and bool(_DATE_RANGE.search(value) and _SERIES_WORD.search(value))


def _is_note(value: Any) -> bool:
    return isinstance(value, str) and (":" in value or bool(_NOTE_WORDS.match(value)))


def _table_rows(
    table: RosterTable,
    sheet: SheetGrid,
    origin: dict[tuple[int, int, int], tuple[int, int]],
    absent: frozenset[str],
    path: Path | None = None,
    headers: Headers | None = None,
    called_off: list[versions.CalledOff] | None = None,
    examples: list[tuple[int, int, str]] | None = None,
    top: int = 0,
    actions: list[tuple[int, int, str]] | None = None,
    formats: list[tuple[int, int, str]] | None = None,
) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Data rows of one table → (cells of the kept rows, their Excel rows, rows read, rows
    skipped). The rows saying a meeting was called off are added to `called_off`; the rows
    left from an example ("example row – delete"), skipped, to `examples`; the rows whose
    name cell is an action point ("Action point: … (responsible: CoM)"), skipped, to
    `actions`; a line stating the date format (above the header, or the first row under it,
    skipped), to `formats`."""
    header_index = table.header_row - 1
    under: dict[int, tuple[int, Any, int, Any]] = {}
    sheet = _fill_merged_down(sheet, header_index, table.index, origin, table.span, under)
    body = sheet.cells[header_index + 1 : table.last_row]
    width = max(max(table.columns.values()) + 1, len(sheet.cells[header_index]))
    cells = _cells(body, width)
    if table.span is not None:  # tables side by side: the others' cells are not this one's
        cells[:, : table.span[0]] = None
        cells[:, table.span[1] + 1 :] = None
    # Compared once: an elementwise comparison of object cells is a Python call per cell.
    empty = cells == None  # noqa: E711 - elementwise on object cells
    anything = np.count_nonzero(~empty, axis=1)
    nonempty = np.flatnonzero(anything)
    # Rows after the last non-empty one are not part of the table.
    rows_read = int(nonempty[-1]) + 1 if len(nonempty) else 0
    used = sorted(set(table.columns.values()))
    # Only the fields' cells count: a line of a printed form with just its number (N°) or a
    # signature is an empty line, not an attendee.
    filled = np.count_nonzero(~empty[:rows_read, used], axis=1)
    kept = filled > 0
    attendee = table.columns.get("attendee")
    # "Total participants: | 14", "TOTAL | 10 | 3" under the table: not a meeting.
    firsts = cells[np.arange(rows_read), np.argmax(~empty[:rows_read], axis=1)].tolist()
    totals = {v for v in set(firsts) if type(v) is str and _TOTAL.match(v)}
    for t in [t for t, v in enumerate(firsts) if v in totals] if totals else []:
        if kept[t] and _is_total([v for v in cells[t] if v is not None]):
            kept[t] = False
    # "Regrets / Excusés", "Excusés : | OIM (Chef de mission)" under the rows: that line and
    # the rows under it list who sent apologies, not attendees (presence.apologies_line).
    # Alone in its row, or with the names beside it after a colon: not a person's own mark.
    block = next((r for r, v in enumerate(firsts) if presence.is_apologies_head(v) and (
        anything[r] == 1 or (anything[r] == 2 and ":" in v))), None)  # fmt: skip
    if block is not None:
        # Down to a row with a date or platform of its own: a meeting's row, read as it says.
        meeting = [table.columns[n] for n in ("date", "platform") if n in table.columns]
        end = next((r for r in range(block + 1, rows_read)
                    if meeting and not empty[r, meeting].all()), rows_read)  # fmt: skip
        kept[block:end] = False
    for r in np.flatnonzero(filled == 1):
        # A lone text cell ("Prepared by …", "Total") is a note, not a roster row; on a
        # sign-in sheet a name alone is an attendee, unless it reads like a note.
        values = [v for v in cells[r, used] if v is not None]
        if type(values[0]) is str:
            lone_name = table.shape == SIGN_IN and attendee is not None and (
                cells[r, attendee] is not None and not _is_note(values[0])
            )  # fmt: skip
            kept[r] = lone_name
    people = [table.columns[n] for n in ("attendee", "organization", "title") if n in table.columns]
    nobody = np.all(empty[:rows_read, people], axis=1) if people else kept
    for r in np.flatnonzero(kept & nobody):
        # "Réunion annulée" beside a date and a platform, nobody named: no meeting took place.
        said = next((v for v in cells[r] if type(v) is str and _says_cancelled(v)), None)
        if said is not None:
            kept[r] = False
            _note_called_off(table, cells, int(r), said, called_off)
    date = table.columns.get("date")
    for r in np.flatnonzero(kept) if date is not None else ():
        if _is_series(cells[r, date]):  # "01/12 a 31/12 (série mensal)": no one meeting
            kept[r] = False
    if attendee is not None:
        others = [c for c in people if c != attendee]
        alone = np.all(empty[:rows_read, others], axis=1) if others else kept
        for r in np.flatnonzero(kept & alone & ~nobody):
            # "Meeting cancelled – postponed to 27 Nov" in the Name column, no organisation
            # or title beside it: a note that no meeting took place, not a person.
            name = cells[r, attendee]
            if type(name) is str and _says_cancelled(name):
                kept[r] = False
                _note_called_off(table, cells, int(r), name, called_off)
    _skip_examples(table, cells, kept, rows_read, examples)
    if date is not None and formats is not None:
        formats.extend(_date_format_line(table, sheet, cells, kept, rows_read, date))
    if attendee is not None:
        _skip_action_points(table, cells, kept, rows_read, attendee, actions)
    index = np.flatnonzero(kept)
    fields = np.full((len(index), len(FIELDS) + 1), None, dtype=object)
    for i, name in enumerate(FIELDS):
        col = table.columns.get(name)
        constant = table.constant(name)
        if col is not None:
            fields[:, i] = cells[index, col]
        elif constant is not None:
            fields[:, i] = constant.value
    fields[:, -1] = table.sheet
    if table.groups:
        _group_platforms(table, fields, index + table.header_row + 1)
    if called_off is not None:
        _called_off_by_lines(table, sheet, cells, fields, index, rows_read, top, called_off,
                             headers)  # fmt: skip
    if path is not None:
        _symbol_marks(table, fields, index + header_index + 1, path)
        _worded_numbers(table, fields, index + header_index + 1, path)
    _other_answers(table, fields, cells[index])
    if table.shape == MATRIX and headers is not None:
        _matrix_fields(table, fields, cells[index], index + header_index + 1, headers)
    _absent_elsewhere(table, fields, cells[index], absent, headers)
    _left_early(table, fields, cells[index], index + header_index + 1, absent, headers)
    _hardly_there(table, fields, cells[index], index + header_index + 1, absent, headers)
    _nobody_named(table, fields, absent, headers)
    _struck_off(table, sheet.struck, fields, index + header_index + 1)
    _greyed_off(table, sheet.greyed, fields, index + header_index + 1)
    _invisible_off(table, sheet.invisible, fields, index + header_index + 1)
    _hidden_off(table, sheet.hidden.rows, fields, index + header_index + 1)
    _hidden_off(table, sheet.hidden.unsure, fields, index + header_index + 1, HIDDEN_UNSURE)
    if sheet.commented and path is not None:
        comments = cell_comments(path, sheet.name, skip_author=TOOL_NAME)
        if comments:
            _commented(table, comments, fields, index + header_index + 1, width, absent)
    unread = np.flatnonzero(~kept[:rows_read])
    notes = presence.texts_of(chain(*sheet.cells[:header_index], *cells[unread]))
    if headers is not None:
        lines = _own_lines(table, sheet, header_index, (unread + header_index + 1).tolist())
        _attendance_marks(table, sheet, fields, cells[index], notes, lines, headers)
        if table.minutes is not None:  # the meeting's minutes, on another sheet
            organisation = FIELDS.index("organization") if "organization" in table.columns else None
            minutes.excuse(fields, FIELDS.index("presence"), organisation, table.minutes, headers)
        _present_elsewhere(table, fields, cells[index], absent, headers)
        _left_early_by_line(table, fields, lines, absent, headers)
    legend = next((v for v in notes if _is_colour_legend(v, absent)), None)
    if legend is not None and path is not None:
        _coloured(table, filled_cells(path, sheet.name), legend, fields, index + header_index + 1)
    if headers is not None:
        _footnoted(table, fields, cells[index], index + header_index + 1, lines, absent, headers)
    if headers is not None:
        _email_contradicts(table, fields, cells[index], absent, headers)
        _email_names_post(table, fields, cells[index], absent, headers)
    if under:
        _under_merge(table, under, fields, index + header_index + 1, absent, headers)
    if path is not None:
        _year_hidden(table, fields, index + header_index + 1, path, absent, headers)
    excel_rows = index + table.header_row + 1
    fields, excel_rows, extra = _multi_select(fields, excel_rows)
    if headers is not None and table.shape == SIGN_IN:
        fields, excel_rows, chair = _chair_record(table, sheet, fields, excel_rows, origin, headers)
        extra += chair
    return fields, excel_rows, rows_read + extra, rows_read - len(index)


def _office_cells(
    table: RosterTable, sheet: SheetGrid, excel_rows: np.ndarray
) -> tuple[tuple[int, str], ...]:
    """Each kept row's own office, from the first column headed as one ("Duty station",
    "Bureau d'affectation", "Oficina"): (Excel row, text) where the cell holds text."""
    column = next((col for col, _, kind in table.ignored if kind == "office"), None)
    if column is None:
        return ()
    found = []
    for row in sorted(set(excel_rows.tolist())):
        line = sheet.cells[row - 1] if 0 < row <= len(sheet.cells) else ()
        value = line[column] if column < len(line) else None
        if type(value) is str and value.strip():
            found.append((row, value))
    return tuple(found)


def _skip_examples(table: RosterTable, cells: np.ndarray, kept: np.ndarray, rows_read: int,
                   into: list[tuple[int, int, str]] | None) -> None:  # fmt: skip
    """A row left from the README's or template's example, a cell of it saying so ("example
    row – delete", "Ejemplo:"): no record, whatever its other cells say (MNG: an HCT of
    2026-10-05 judged wrong level). Each distinct text is looked at once."""
    texts = {v for v in set(cells[:rows_read].ravel().tolist()) if type(v) is str}
    marks = {v for v in texts if tracker.is_example(v)}
    if not marks:
        return
    for r in np.flatnonzero(kept[:rows_read]).tolist():
        col = next((c for c, v in enumerate(cells[r]) if type(v) is str and v in marks), None)
        if col is not None:
            kept[r] = False
            if into is not None:
                into.append((table.header_row + 1 + r, col, cells[r, col]))


# A platform cell with a remark in brackets or after a dash: "EHP (adiada → 13/11)".
_PLATFORM_AND_REMARK = re.compile(
    r"^\s*(?P<name>[^()\[\]]+?)\s*(?:[(\[](?P<a>[^()\[\]]+)[)\]]|\s[-–—]\s+(?P<b>.+))\s*$"
)


def _called_off_by_lines(
    table: RosterTable, sheet: SheetGrid, cells: np.ndarray, fields: np.ndarray,
    index: np.ndarray, rows_read: int, top: int, into: list[versions.CalledOff],
    headers: Headers | None = None,
) -> None:  # fmt: skip
    """Meetings whose rows were typed in advance, a line or remark saying the meeting did not
    take place (versions.calls_off): a remark on any row of the meeting ("SUSPENDIDA – no se
    realizó" in the RC's Observaciones), a note line above or under its rows ("SMT of 12 Nov
    POSTPONED to 13 Nov", "MEETING CANCELLED" under a sign-in list), or the table's heading
    ("… 19 NOVEMBRE 2026 – REPORTÉE AU 26/11"). The note is kept aside as the cell that says
    so; the meeting's rows are then unknown (versions.called_off), never a meeting attended.
    A line between two meetings that names neither's platform concerns both."""
    if not len(index):
        return
    date, platform = FIELDS.index("date"), FIELDS.index("platform")
    first = table.header_row + 1  # the Excel row of body row 0
    said: set[tuple[Any, Any]] = set()

    def note(key: tuple[Any, Any], col: int, excel_row: int, text: str) -> None:
        if type(key[1]) is str and key not in said:
            said.add(key)
            into.append(versions.CalledOff(key[0], fold(key[1]), table.sheet,
                                           f"{column_letter(col)}{excel_row}", text))  # fmt: skip

    # The platform cell itself: "EHP (adiada → 13/11)", "UNCT – cancelled": that platform's
    # meeting, called off on this date; the platform is read without the words.
    column = table.columns.get("platform", -1)
    remarked: dict[str, tuple[str, str]] = {}  # each distinct such cell once: a list repeats few
    for cell in set(fields[:, platform].tolist()) if column >= 0 and headers else ():
        part = _PLATFORM_AND_REMARK.match(cell) if type(cell) is str else None
        if part is not None and headers is not None and headers.names_platform(part["name"]):
            remarked[cell] = (part["name"], part["a"] or part["b"])
    for i, r in enumerate(index.tolist() if remarked else ()):
        cell = fields[i, platform]
        if cell in remarked and versions.calls_off(remarked[cell][1], fields[i, date]):
            fields[i, platform] = remarked[cell][0]
            note((fields[i, date], remarked[cell][0]), column, first + r, cell)
    keys = [(d, p) for d, p in zip(fields[:, date].tolist(), fields[:, platform].tolist())]

    # A remark on a row of the meeting: the columns no field reads (Remarks, Observaciones).
    unread_cols = [c for c in range(cells.shape[1]) if c not in set(table.columns.values())]
    for i, r in enumerate(index.tolist()):
        for c in unread_cols:
            value = cells[r, c]
            if type(value) is str and versions.calls_off(value, keys[i][0]):
                note(keys[i], c, first + r, value)
    # A line of its own among the rows or under them: one text cell, in whatever column (a
    # meeting's own row, date and platform beside "Cancelled", is read as such above).
    rows = index.tolist()
    for r in sorted(set(range(rows_read)) - set(rows)):
        values = [(c, v) for c, v in enumerate(cells[r].tolist()) if v is not None]
        for c, value in values if len(values) == 1 else ():
            if type(value) is not str:
                continue
            above = next((i for i in range(len(rows) - 1, -1, -1) if rows[i] < r), None)
            below = next((i for i in range(len(rows)) if rows[i] > r), None)
            near = [keys[i] for i in (above, below) if i is not None]
            if any(versions.calls_off(value, k[0]) for k in near):
                for key in _concerned(value, near):
                    if versions.calls_off(value, key[0]):
                        note(key, c, first + r, value)
    # The heading over the header: of the table's one meeting, or of those it names.
    lo, hi = table.span if table.span is not None else (0, None)
    for k in range(top, table.header_row - 1):
        for c, value in enumerate(sheet.cells[k][lo:hi], start=lo):
            if type(value) is not str:
                continue
            meetings = list(dict.fromkeys(keys))
            named = _concerned(value, meetings)
            if len(meetings) > 1 and named == meetings:
                continue  # a title over a list of several meetings, naming none of them
            for key in named:
                if versions.calls_off(value, key[0]):
                    note(key, c, k + 1, value)


def _days_named(text: str) -> set[tuple[int, int]]:
    """The days and months a text names: "12 Nov", "18/11", "19 NOVEMBRE", "Nov 12"."""
    words = fold(text).split()
    out: set[tuple[int, int]] = set()
    for i, w in enumerate(words):
        if not (w.isdigit() and 1 <= int(w) <= 31):
            continue
        after = words[i + 2] if i + 2 < len(words) and words[i + 1] == "de" else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        before = words[i - 1] if i else ""
        for m in (nxt, after, before):
            month = int(m) if m.isdigit() and len(m) <= 2 else dates.MONTHS.get(m)
            if month is not None and 1 <= month <= 12:
                out.add((int(w), month))
                break
    return out


def _concerned(text: str, meetings: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Of the meetings a line stands beside, those it concerns: the ones of the days it
    names, if it names days (none of theirs: another meeting's note, "Reunión del EHP del
    18/11 pospuesta" between the 11th and the 20th); then those whose platform, as written,
    it names; naming none, all (which one it concerns cannot be told, so none of them is read
    as attended)."""
    unique = list(dict.fromkeys(meetings))
    days = _days_named(text)
    if days:
        unique = [m for m in unique if _day_of(m[0]) in days]
    folded = f" {fold(text)} "
    named = [m for m in unique if type(m[1]) is str and fold(m[1])
             and f" {fold(m[1])} " in folded]  # fmt: skip
    return named or unique


def _day_of(value: object) -> tuple[int, int] | None:
    read = dates.read_date(value)
    if isinstance(read, dates.ParsedDate):
        return (read.value.day, read.value.month)
    return (read.day, read.month) if read is not None else None


def _date_format_line(table: RosterTable, sheet: SheetGrid, cells: np.ndarray, kept: np.ndarray,
                      rows_read: int, date: int) -> list[tuple[int, int, str]]:  # fmt: skip
    """A line stating how the dates are written: the first row under the header whose date
    cell is a format ("dd/mm/yyyy", "jj/mm/aaaa") and no date (skipped: no attendee), else a
    text line of the title block above the header ("All dates dd/mm/yyyy.") up to a row of
    three cells or more (another table's). The first found, or none."""
    # The first row under the header with anything in it (a lone format is no kept row).
    first = next((r for r in range(rows_read) if any(v is not None for v in cells[r])), None)
    if first is not None:
        cell = cells[first, date]
        if type(cell) is str and header_order(cell) is not None and read_date(cell) is None:
            kept[first] = False
            return [(table.header_row + 1 + first, date, cell)]
    low = table.span[0] if table.span is not None else 0
    high = table.span[1] + 1 if table.span is not None else None
    for r in range(table.header_row - 2, -1, -1):
        values = [v for v in sheet.cells[r][low:high] if v is not None and str(v).strip()]
        if len(values) >= 3:
            break
        for c, v in enumerate(sheet.cells[r][low:high]):
            if type(v) is str and header_order(v) is not None and read_date(v) is None:
                return [(r + 1, c + low, v)]
    return []


# A name cell that is a meeting's action point or follow-up item, not a person (field15 DMA:
# "Ponto de ação da reunião de 05/11: partilhar o relatório DTM (responsável: CM)" beside
# OIM / Chefe de Missão): the post it names is the one responsible for the action, not an
# attendee. Folded, with its colons kept: a heading word for an action, or a colon after
# "responsible". A remark saying so ("Action: CoM to share the report") is not a name cell:
# read as before.
_ACTION_POINT = re.compile(
    r"^\W*(?:action (?:points?|items?)|follow ?up (?:points?|items?|actions?)|"
    r"points? d ?action|suivi des actions|puntos? de accion|acciones de seguimiento|"
    r"pontos? de acao|acoes de seguimento)\b"
    r"|^\W*(?:action|actions|suivi|follow ?up|accion|acciones|seguimiento|acao|acoes|"
    r"seguimento)\s*:"
    r"|\b(?:responsible|responsable|responsables|responsavel|responsaveis)\s*:"
)


def _action_key(text: str) -> str:
    """A name cell folded as `fold` does, but with its colons kept."""
    return ":".join(fold(part) for part in text.split(":"))


def is_action_point(cell: Any) -> bool:
    """Whether a name cell is an action point or follow-up item ("Action point: share the
    report", "Point d'action : …", "Punto de acción: …", "Ação: CM", "… (responsable : CM)")
    rather than a person's name."""
    return type(cell) is str and bool(_ACTION_POINT.search(_action_key(cell)))


def _skip_action_points(table: RosterTable, cells: np.ndarray, kept: np.ndarray,
                        rows_read: int, attendee: int,
                        into: list[tuple[int, int, str]] | None) -> None:  # fmt: skip
    """Rows whose name cell is an action point: no attendee, whatever the organisation and
    title beside it say (the post responsible for the action)."""
    for r in np.flatnonzero(kept[:rows_read]).tolist():
        if is_action_point(cells[r, attendee]):
            kept[r] = False
            if into is not None:
                into.append((table.header_row + 1 + r, attendee, str(cells[r, attendee])))


def _note_called_off(table: RosterTable, cells: np.ndarray, r: int, text: str,
                     into: list[versions.CalledOff] | None) -> None:  # fmt: skip
    """A row saying its meeting was called off, kept aside (checker.versions.called_off)."""
    date, platform = table.columns.get("date"), table.columns.get("platform")
    if into is None or date is None or platform is None or type(cells[r, platform]) is not str:
        return
    col = next(c for c in range(cells.shape[1]) if cells[r, c] is text)
    cell = f"{column_letter(col)}{table.header_row + 1 + r}"
    into.append(versions.CalledOff(cells[r, date], fold(cells[r, platform]), table.sheet, cell,
                                   text))  # fmt: skip


def _matrix_fields(
    table: RosterTable, fields: np.ndarray, cells: np.ndarray, rows: np.ndarray, headers: Headers
) -> None:
    """An agency matrix's rows are IOM's: IOM's cell says whether IOM attended, a remark
    naming IOM says who went ("IOM: CCCM cluster coordinator (S. Gurung)"). A ✓ with no
    such remark names nobody (the meeting cannot be judged). A remark naming IOM that the
    mark contradicts (a ✗ or a blank beside "IOM represented by a Programme Officer"), or
    that says something else of IOM ("IOM left after the first item"), leaves IOM's
    attendance in doubt: the remark becomes its presence, read as neither."""
    organisation = next(c.header for c in table.found if c.field == "organization")
    where = {name: FIELDS.index(name) for name in ("organization", "presence", "attendee",
                                                    "title")}  # fmt: skip
    remarks = [col for col in table.remarks if col < cells.shape[1]]
    fields[:, where["organization"]] = organisation
    fields[:, where["attendee"]] = None
    fields[:, where["title"]] = None
    for r in range(len(fields)):
        texts = [v for v in cells[r, remarks] if type(v) is str]
        said = matrix.representative(texts, headers) if texts else None
        if said is None:
            continue
        mark = fields[r, where["presence"]]
        word = headers.presence_word(mark)
        if said.said is None and word == "present":
            fields[r, where["attendee"]] = said.name
            fields[r, where["title"]] = said.title
            continue
        remark = said.said or " / ".join(texts)
        if word == "absent" and said.said is not None and _names_absence(remark, headers.absent):
            continue  # "✗" beside "IOM: apologies": absent, as the mark says
        fields[r, where["presence"]] = f"{mark} – {remark}" if mark is not None else remark
        left = next((c for c in remarks if partial.says_partial(cells[r, c])), None)
        if left is not None and word != "absent":  # "IOM left after the first item"
            cell = f"{column_letter(left)}{int(rows[r]) + 1}"
            fields[r, where["presence"]] = partial.mark(cell, cells[r, left])


def _chair_record(
    table: RosterTable, sheet: SheetGrid, fields: np.ndarray, rows: np.ndarray,
    origin: dict[tuple[int, int, int], tuple[int, int]], headers: Headers,
) -> tuple[np.ndarray, np.ndarray, int]:  # fmt: skip
    """A sign-in sheet whose chair, co-chair or note-taker line above the table names IOM
    staff ("Présidence : M. J. Ndayishimiye, Chef de mission de l'OIM, …", "Co-chair: D. Roe,
    Protection Officer, IOM"): that person attended, though not on the list (chairs often are
    not). One record more per such line, whose cells point at the line; none when the list
    names them already (the list then says whether they came). A line naming IOM but no
    person ("Chair: IOM (cluster lead agency)") above a list without IOM rows: IOM was there,
    who and at what level is not known (UNNAMED_OFFICER); with IOM rows, the chair may be one
    of them, and the line adds nothing."""
    if "organization" not in table.columns:
        return fields, rows, 0
    listed = [fold(v) for v in fields[:, FIELDS.index("attendee")] if type(v) is str and fold(v)]
    named: list[tuple[int, int, tuple[str | None, str, str | None]]] = []
    unnamed: list[tuple[int, int, tuple[str | None, str, str | None]]] = []
    for r, row in enumerate(sheet.cells[: table.header_row - 1]):
        for c, value in enumerate(row):
            officer = presence.officer_of_iom(value, headers) if type(value) is str else None
            if officer is None:
                continue
            person = officer[0]
            if person is None:
                unnamed.append((r, c, officer))
            elif not any(f" {n} " in f" {fold(person)} " for n in listed):
                named.append((r, c, officer))
            else:  # the list names them: it says whether they came
                return fields, rows, 0
    organisations = fields[:, FIELDS.index("organization")].tolist()
    if (
        not named
        and unnamed
        and any(type(v) is str and headers.names_iom(v) for v in organisations)
    ):
        unnamed = []
    lines = named or unnamed[:1]
    if not lines:
        return fields, rows, 0
    records = np.full((len(lines), fields.shape[1]), None, dtype=object)
    for i, name in enumerate(FIELDS):
        constant = table.constant(name)
        records[:, i] = constant.value if constant is not None else None
    for k, (r, c, officer) in enumerate(lines):
        for name, text in zip(("attendee", "organization", "title"), officer):
            records[k, FIELDS.index(name)] = text
            if name in table.columns and text is not None:
                origin[(table.index, r + 1, table.columns[name])] = (r, c)
        if officer[0] is None:
            records[k, FIELDS.index("presence")] = (
                f"{UNNAMED_OFFICER}{column_letter(c)}{r + 1}\t{sheet.cells[r][c]}"
            )
        records[k, -1] = table.sheet
    excel_rows = np.array([r + 1 for r, _, _ in lines], dtype=rows.dtype)
    return np.vstack([fields, records]), np.append(rows, excel_rows), len(lines)


_OTHER_WORDS = frozenset({"other", "others", "autre", "autres", "otro", "otra", "otros"})
_CHOICES = re.compile(r"\s*(?:;|\n)\s*")


def _other_answers(table: RosterTable, fields: np.ndarray, cells: np.ndarray) -> None:
    """A form's "Other" platform answer takes the text of its "if other, specify" column."""
    platform = table.columns.get("platform")
    specify = next((col for col, _, kind in table.ignored if kind == OTHER_ANSWER
                    and platform is not None and col > platform), None)  # fmt: skip
    if specify is None:
        return
    where = FIELDS.index("platform")
    for r in range(len(fields)):
        answer = cells[r, specify]
        if answer is not None and fold(fields[r, where]) in _OTHER_WORDS:
            fields[r, where] = answer


def _multi_select(fields: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """A form's multi-select answer ("HCT;ICCG;") is one record per meeting it names; the
    extra records count as rows read (each is used, skipped or rejected like any row)."""
    where = FIELDS.index("platform")
    # Each distinct platform text once: a year's roster repeats a few dozen.
    multiple = {v for v in set(fields[:, where].tolist()) if type(v) is str and _CHOICES.search(v)}
    if not multiple:
        return fields, rows, 0
    split = {r for r in range(len(fields)) if fields[r, where] in multiple}
    records, excel_rows = [], []
    for r in range(len(fields)):
        value = fields[r, where]
        choices = [c for c in _CHOICES.split(value) if c] if r in split else [value]
        for choice in choices or [None]:
            record = fields[r].copy()
            record[where] = choice
            records.append(record)
            excel_rows.append(rows[r])
    out = np.empty((len(records), fields.shape[1]), dtype=object)
    for i, record in enumerate(records):
        out[i, :] = record
    return out, np.array(excel_rows, dtype=np.int64), len(records) - len(fields)


def _tracker_rows(
    table: RosterTable,
    sheet: SheetGrid,
    origin: dict[tuple[int, int, int], tuple[int, int]],
    absent: frozenset[str],
) -> tuple[np.ndarray, np.ndarray, int, int, RosterTable]:
    """One month column of a tracker → a record per platform row (per person named), and
    the table with the blank cells read as no meeting."""
    header_index = table.header_row - 1
    sheet = _fill_merged_down(sheet, header_index, table.index, origin)
    col = table.columns["attendee"]
    label = table.columns["platform"]
    body = sheet.cells[header_index + 1 :]

    def at(row: list[Any], c: int) -> Any:
        value = row[c] if c < len(row) else None
        if isinstance(value, str):
            value = value.strip() or None
        return value

    named = [r for r, row in enumerate(body) if at(row, label) is not None
             and not tracker.is_note_label(at(row, label))]  # fmt: skip
    # A row left from the example ("Exemplo: HCT | J. Doe (CoM)"): no platform, and no entry
    # of its columns; skipped, counted once (with the first month) and listed.
    examples = [(r, c, str(v)) for r in named for c, v in enumerate(body[r])
                if c not in table.months and tracker.is_example(v)]  # fmt: skip
    examples = [e for i, e in enumerate(examples) if e[0] not in {x[0] for x in examples[:i]}]
    named = [r for r in named if r not in {e[0] for e in examples}]
    # A label with no entry in any month ("Updated by the CoM's office, Niamey") is a note,
    # not a platform IOM missed every month: skipped, and counted once (with the first month).
    labelled = [r for r in named if any(at(body[r], c) is not None for c in table.months)]
    first = col == table.months[0]
    notes = len(named) - len(labelled) + len(examples) if first else 0
    filled = [r for r in labelled if at(body[r], col) is not None]
    date = table.constants[0].value
    blank_no_meeting = False
    if filled and len(filled) < len(labelled) and not isinstance(date, MonthOf):
        # How full the tracker is, over all its columns: a sparse tracker of days writes only
        # each platform's own meetings; a legend may say a blank is an absence.
        entries = sum(at(body[r], c) is not None for r in labelled for c in table.months)
        sparse = tracker.is_sparse(entries, len(labelled) * len(table.months))
        rows_of = set(labelled) | {e[0] for e in examples}
        blank_absent = any(tracker.says_blank_is_absent(v) for r, row in enumerate(body)
                           if r not in rows_of for v in row) or any(
            tracker.says_blank_is_absent(v) for row in sheet.cells[:header_index] for v in row)  # fmt: skip
        blank_no_meeting = tracker.blank_is_no_meeting(
            date, len(filled), len(labelled), sparse, blank_absent
        )
    records: list[list[Any]] = []
    rows: list[int] = []
    no_meeting_blanks: list[int] = []
    read, skipped = notes, notes
    for r in labelled:
        row = body[r]
        read += 1
        value = at(row, col)
        people = tracker.read_cell(value, absent) if filled else None
        if people is not None and value is None and blank_no_meeting:
            no_meeting_blanks.append(r + table.header_row + 1)
            people = None
        if people is None:  # no meeting that month (that day), or no entry for it at all
            skipped += 1
            continue
        base: list[Any] = [None] * (len(FIELDS) + 1)
        for name, c in table.columns.items():
            if name not in ("attendee", "title"):
                base[FIELDS.index(name)] = at(row, c)
        base[FIELDS.index("date")] = date
        base[-1] = table.sheet
        read += max(len(people) - 1, 0)  # each person named is a record
        for person, title, remark in people or [(None, None, None)]:
            record = list(base)
            record[FIELDS.index("attendee")] = person
            record[FIELDS.index("title")] = title
            record[FIELDS.index("presence")] = remark
            if remark is not None and partial.says_partial(remark):  # "CoM – left after 20 min"
                cell = f"{column_letter(col)}{r + table.header_row + 1}"
                record[FIELDS.index("presence")] = partial.mark(cell, remark)
            records.append(record)
            rows.append(r + table.header_row + 1)
    cells = np.empty((len(records), len(FIELDS) + 1), dtype=object)
    for i, record in enumerate(records):
        cells[i, :] = record
    found = tuple((r + table.header_row + 1, c, text) for r, c, text in examples) if first else ()
    table = replace(table, no_meeting_blanks=tuple(no_meeting_blanks), example_rows=found)
    return cells, np.array(rows, dtype=np.int64), read, skipped, table


def lay_out_file(path: Path, headers: Headers) -> Layout | Unlaid:
    """Stage one of the pipeline for one file: read it and lay out its roster tables, or
    say why that cannot be done. A bad file never raises."""
    try:
        workbook = read_workbook(path)
    except UnreadableRoster as exc:
        return Unlaid(path, exc.code, message_key=exc.key, detail_key=exc.detail,
                      fields=exc.fields)  # fmt: skip
    except Exception as exc:
        return Unlaid.failure(path, exc)
    return lay_out_workbook(workbook, headers)


def lay_out_workbook(workbook: Workbook, headers: Headers) -> Layout | Unlaid:
    try:
        layout = lay_out(workbook, headers)
    except Exception as exc:
        return Unlaid.failure(workbook.path, exc)
    if not layout.tables:
        hidden = [sheet.name for sheet in workbook.hidden_heads
                  if (found := _find_header(sheet, headers)) is not None
                  and headers.required <= found.columns.keys()]  # fmt: skip
        extra: dict[str, object] = {
            "sheets_seen": layout.sheets_seen,
            "reading": {"sheets": [_sheet_dict(s) for s in layout.sheets]},
        }
        if hidden:  # the roster is on a hidden sheet, which is never read: say which
            extra["hidden_rosters"] = hidden
        return Unlaid(workbook.path, "E103", extra=extra)
    return layout


def _sheet_dict(reading: SheetReading) -> dict[str, Any]:
    out: dict[str, Any] = {"name": reading.name, "status": reading.status}
    if reading.reason:
        out["reason"] = reading.reason
    if reading.header_row is not None:
        out["header_row"] = reading.header_row
        out["headers"] = list(reading.headers)
    return out


# Excel's name for a copy of a sheet: the sheet's name and " (2)", " (3)"….
_EXCEL_COPY = re.compile(r"^(?P<original>.*\S) \((?P<n>\d{1,3})\)$")
# An IOM row of a sheet and of Excel's copy of it that claim the same meeting with other IOM
# attendees takes this, the copy's name, "\x00" and the original's as its presence (judge:
# reason_sheet_copy): the copy may be another meeting whose heading was not changed.
SHEET_COPY = "(sheet copy) "


def sheet_copy(said: object) -> tuple[str, str] | None:
    """(the copy, the sheet copied) of a SHEET_COPY mark, else None."""
    if type(said) is not str or not said.startswith(SHEET_COPY):
        return None
    copy, _, original = said.removeprefix(SHEET_COPY).partition("\x00")
    return copy, original


def _sheet_copies(tables: list[RosterTable], parts: list[np.ndarray], headers: Headers) -> None:
    """A sign-in sheet and Excel's copy of it ("HCT 4 Nov" and "HCT 4 Nov (2)") whose headings
    claim the same meeting are one meeting only if they agree on who attended for IOM: with
    other IOM attendees on each, the copy may be another meeting whose heading was not
    updated, and IOM's rows of both are in doubt (rows that say absent stay absent). Pages
    of one meeting are not named so; sheets named otherwise are read as they are."""
    by_name = {t.sheet.casefold(): i for i, t in enumerate(tables) if t.shape == SIGN_IN}
    date, platform = FIELDS.index("date"), FIELDS.index("platform")
    organisation, where = FIELDS.index("organization"), FIELDS.index("presence")
    name, title = FIELDS.index("attendee"), FIELDS.index("title")

    def claimed(cells: np.ndarray) -> set[tuple[str, str]]:
        return {(fold(str(d)), fold(str(p))) for d, p in cells[:, [date, platform]].tolist()}

    def iom(i: int) -> tuple[list[int], set[tuple[str, str]]]:
        cells = parts[i]
        rows = [r for r in range(len(cells)) if headers.organisation_kind(cells[r, organisation])
                == "iom" and not _says_absent(cells[r, where], headers.absent, headers)]  # fmt: skip
        return rows, {(fold(str(cells[r, name] or "")), fold(str(cells[r, title] or "")))
                      for r in rows}  # fmt: skip

    for i, table in enumerate(tables):
        found = _EXCEL_COPY.match(table.sheet)
        j = by_name.get(found.group("original").casefold()) if found else None
        if j is None or table.shape != SIGN_IN or i >= len(parts) or j >= len(parts):
            continue
        if not len(parts[i]) or not len(parts[j]) or claimed(parts[i]) != claimed(parts[j]):
            continue
        (mine, said_here), (theirs, said_there) = iom(i), iom(j)
        if said_here == said_there:
            continue  # the same IOM attendees, or none on either: S208 says the duplicates
        mark = f"{SHEET_COPY}{table.sheet}\x00{tables[j].sheet}"
        for k, rows in ((i, mine), (j, theirs)):
            for r in rows:
                parts[k][r, where] = mark


def _ambiguous_lookups(
    workbook: Workbook, tables: list[RosterTable], sheets: list[SheetGrid],
    parts: list[np.ndarray], rows: list[np.ndarray], headers: Headers,
) -> None:  # fmt: skip
    """A title cell that looks the person's title up by a key found on two rows or more of
    the range it looks up, or whose cached value the looked-up row no longer holds
    (checker.lookups): the title is no evidence, the row's attendance in doubt (a row that
    says absent stays absent)."""
    if workbook.path.suffix.lower() not in (".xlsx", ".xlsm"):
        return
    title, where = FIELDS.index("title"), FIELDS.index("presence")
    grids = {g.name: g.cells for g in [*workbook.sheets, *workbook.hidden_heads]}
    visible = {g.name: g.cells for g in workbook.sheets}
    formulas: dict[str, dict[tuple[int, int], str]] = {}
    for i, (table, sheet) in enumerate(zip(tables, sheets)):
        col = table.columns.get("title")
        if col is None or table.shape == TRACKER or i >= len(parts):
            continue
        if table.sheet not in formulas:
            formulas[table.sheet] = lookup_formulas(workbook.path, table.sheet)
        if not formulas[table.sheet]:
            continue
        for k, excel_row in enumerate(rows[i].tolist()):
            formula = formulas[table.sheet].get((int(excel_row) - 1, col))
            if formula is None or _says_absent(parts[i][k, where], headers.absent, headers):
                continue
            cells = sheet.cells[int(excel_row) - 1] if int(excel_row) - 1 < len(sheet.cells) else []
            found = lookups.ambiguous(formula, cells, table.sheet, grids)
            if found is not None:
                parts[i][k, where] = lookups.mark(f"{column_letter(col)}{excel_row}", *found,
                                                  parts[i][k, title])  # fmt: skip
                continue
            # Recomputed only against a visible sheet, read in full (a hidden one is a head).
            old = lookups.stale(formula, cells, table.sheet, parts[i][k, title], visible)
            if old is not None:
                parts[i][k, where] = lookups.mark_stale(f"{column_letter(col)}{excel_row}", *old,
                                                        parts[i][k, title])  # fmt: skip


def _heading_offices(
    tables: list[RosterTable], table: RosterTable, sheet: SheetGrid, iom: frozenset[str]
) -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    """The lines over a table's header (under any table of the sheet above it) naming an
    IOM office of a country: whose roster the sheet says it is."""
    top = max((t.last_row for t in tables if t.sheet == table.sheet and t.last_row is not None
               and t.last_row < table.header_row), default=0)  # fmt: skip
    found = []
    for r in range(top, min(table.header_row - 1, len(sheet.cells))):
        for c, value in enumerate(sheet.cells[r]):
            codes = offices.heading_offices(value, iom) if type(value) is str else ()
            if codes:
                found.append((r + 1, c, str(value), codes))
    return tuple(found)


def lay_out(workbook: Workbook, headers: Headers) -> Layout:
    """Find the workbook's roster tables and keep their data rows (blank and note rows are
    counted as skipped)."""
    tables, metadata, sheets, readings = locate_tables(workbook, headers)
    origin: dict[tuple[int, int, int], tuple[int, int]] = {}
    parts, rows, table_of_row, read, skipped = [], [], [], 0, 0
    called_off: list[versions.CalledOff] = []
    for i, (table, sheet) in enumerate(zip(tables, sheets)):
        if table.shape == TRACKER:
            cells, excel_rows, table_read, table_skipped, tables[i] = _tracker_rows(
                table, sheet, origin, headers.absent
            )
        else:
            examples: list[tuple[int, int, str]] = []
            # The heading lines over the header that are this table's: under any table of
            # the sheet above it.
            top = max((t.last_row for t in tables[:i] if t.sheet == table.sheet
                       and t.last_row is not None and t.last_row < table.header_row),
                      default=0)  # fmt: skip

            actions: list[tuple[int, int, str]] = []
            formats: list[tuple[int, int, str]] = []
            cells, excel_rows, table_read, table_skipped = _table_rows(
                table,
                sheet,
                origin,
                headers.absent,
                workbook.path,
                headers,
                called_off,
                examples,
                top,
                actions,
                formats,
            )
            if examples or actions or formats:
                tables[i] = replace(
                    table,
                    example_rows=tuple(examples),
                    action_rows=tuple(actions),
                    date_format=formats[0] if formats else None,
                )
            offices = _office_cells(table, sheet, excel_rows)
            if offices:
                tables[i] = replace(tables[i], offices=offices)
        parts.append(cells)
        rows.append(excel_rows)
        table_of_row.append(np.full(len(excel_rows), table.index, dtype=np.int64))
        read += table_read
        skipped += table_skipped
    if not parts:
        parts, rows = [np.empty((0, len(FIELDS) + 1), dtype=object)], [np.empty(0, np.int64)]
        table_of_row = [np.empty(0, np.int64)]
    _sheet_copies(tables, parts, headers)
    _ambiguous_lookups(workbook, tables, sheets, parts, rows, headers)
    data_rows: dict[str, set[int]] = {}  # each sheet's rows read as attendees' (Excel rows)
    for table, excel_rows in zip(tables, rows):
        data_rows.setdefault(table.sheet, set()).update(excel_rows.tolist())
    on_sheet: dict[str, tuple[acting.Statement, ...]] = {}
    # A staff list on a sheet of the workbook that holds no roster: each person's posts over
    # their periods, held against every table's rows (tied by name).
    staff = tuple(chain.from_iterable(
        acting.staff_statements(grid.name, grid.cells, column_letter)
        for grid in workbook.sheets if grid.name not in data_rows))  # fmt: skip
    # Each sheet's legend of the abbreviations its titles use (checker.abbreviations).
    legends: dict[str, tuple[tuple[str, str, str], ...]] = {}
    for i, (table, sheet) in enumerate(zip(tables, sheets)):
        if table.sheet not in on_sheet:
            on_sheet[table.sheet] = acting.sheet_statements(
                sheet.cells, column_letter, data_rows.get(table.sheet, set())
            )
        notes = acting.in_columns(on_sheet[table.sheet], table.span) + staff
        if notes:
            tables[i] = replace(table, acting_notes=notes)
        if "title" in table.columns:
            if table.sheet not in legends:
                legends[table.sheet] = abbreviations.sheet_legend(
                    sheet.cells, data_rows.get(table.sheet, set()),
                    lambda words: headers.presence_word(words) is not None,
                )  # fmt: skip
            if legends[table.sheet]:
                tables[i] = replace(tables[i], title_legend=legends[table.sheet])
    for i, (table, sheet) in enumerate(zip(tables, sheets)):
        offices_named = _heading_offices(tables, table, sheet, headers.iom)
        if offices_named:
            tables[i] = replace(table, heading_offices=offices_named)
    cells = np.concatenate(parts)
    versions.called_off(
        cells, FIELDS.index("presence"), FIELDS.index("date"), FIELDS.index("platform"), called_off
    )
    all_rows = np.concatenate(rows)
    for k, reading in enumerate(readings):
        if reading.corrections:  # the rows a corrections sheet names are in doubt
            of_sheet = [t.sheet for t, r in zip(tables, rows) for _ in range(len(r))]
            untied = corrections.apply(reading.corrections, cells, of_sheet, all_rows, FIELDS,
                                       headers)  # fmt: skip
            if untied:
                readings[k] = replace(reading, reason="corrections_untied")
    return Layout(workbook.path, [sheet.name for sheet in workbook.sheets], tables, origin,
                  read, skipped, metadata, cells,
                  all_rows, np.concatenate(table_of_row), readings)  # fmt: skip
