"""Workbook or CSV file → the grids of its visible sheets, with Excel coordinates kept.

Row 0 of a grid is Excel row 1 and column 0 is column A, so every later stage can point at
the cell a person must fix. Files that cannot be read raise UnreadableRoster with the
finding code to report (E101 unreadable, E102 encrypted, E104 over the limits).
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple, cast

from checker import budget
from checker.budget import Cost
from checker.formatting import ConditionalStrikes, Hidden, settle
from checker.lazyre import lazy

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".ods", ".xls"})
ROSTER_SUFFIXES = WORKBOOK_SUFFIXES | {".csv"}

# Limits that keep a hostile or accidental file from exhausting the machine (E104).
# A year of a large operation is ~100k rows, so these leave room for 10x that.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNZIPPED_BYTES = 2 * 1024 * 1024 * 1024
MAX_ZIP_RATIO = 100  # real sheets compress 7-15x; far more on a big part is a bomb or padding
MAX_ROWS = 1_048_576  # Excel's own row limit
MAX_CELLS = (
    12_000_000  # ~1 GB in the reader and the layout; a 1,048,576-row roster of 11 columns fits
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


class UnreadableRoster(Exception):
    """A file that cannot be read: the finding `code`, and why as a key of the catalogues'
    `details` section with its fields, rendered in the language of the check."""

    def __init__(self, code: str, detail: str, key: str | None = None, **fields: Any) -> None:
        from checker.messages import catalogue

        self.code = code
        self.detail = detail  # "corrupt" → details.corrupt: "the workbook is corrupt…"
        self.fields = fields
        self.key = key  # a variant of the code's message in the catalogue ("E104:far_cell")
        super().__init__(catalogue("en").text("details", detail, **fields))


@dataclass
class SheetGrid:
    name: str
    cells: list[list[Any]]
    # Merged ranges as 0-based inclusive (first_row, first_col, last_row, last_col).
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Cells whose whole text is struck through, 0-based (row, column): someone crossed them off.
    struck: frozenset[tuple[int, int]] = frozenset()
    # Cells written in a grey font, 0-based (row, column): someone greyed them out.
    greyed: frozenset[tuple[int, int]] = frozenset()
    # Cells written in the colour of their background (white on white), 0-based (row,
    # column): they read as empty, someone blanked them out.
    invisible: frozenset[tuple[int, int]] = frozenset()
    # The ranges of conditional formats that strike cells and are not evaluated.
    unread_formats: tuple[str, ...] = ()
    # Rows hidden by hand or by a filter, hidden columns (checker.formatting.Hidden).
    hidden: Hidden = field(default_factory=Hidden)
    # Whether the workbook holds comments (notes), read for a table's rows by the layout.
    commented: bool = False

    @property
    def height(self) -> int:
        return len(self.cells)

    @property
    def size(self) -> int:
        """Cells held in memory (rows × the first row's width)."""
        return len(self.cells) * (len(self.cells[0]) if self.cells else 0)


@dataclass
class Workbook:
    path: Path
    sheets: list[SheetGrid]
    # Hidden sheets named like a metadata sheet (Metadata, Info, Cover): read for the mission
    # and period only, never for roster rows.
    hidden_metadata: list[SheetGrid] = field(default_factory=list)
    # Names of the hidden sheets (never read for rows), to account for every sheet.
    hidden: list[str] = field(default_factory=list)
    # The first rows of the other hidden sheets: to say so when the roster is one of them.
    hidden_heads: list[SheetGrid] = field(default_factory=list)

    @property
    def cells(self) -> int:
        return sum(sheet.size for sheet in self.sheets)


def read_workbook(path: Path) -> Workbook:
    """Read every visible sheet of a roster file (a CSV file is one sheet named after it).
    The format is taken from the content, whatever the extension says."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise UnreadableRoster("E101", "open_failed", reason=str(exc.strerror or exc)) from None
    if size > MAX_FILE_BYTES:
        raise UnreadableRoster("E104", "file_size", size=size, size_mb=size / 2**20,
                               limit=MAX_FILE_BYTES, limit_mb=MAX_FILE_BYTES // 2**20)  # fmt: skip
    if size == 0:
        raise UnreadableRoster("E101", "empty")
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC):
        if _is_encrypted(path):
            # Excel stores password-protected .xlsx files inside an OLE container.
            raise UnreadableRoster("E102", "password_protected_save")
        _check_xls(path)
        return _read_calamine(path, "xls" if suffix != ".xls" else None)
    if head.startswith(_ZIP_MAGIC):
        kind, marks = _check_zip(path)
        book = _read_calamine(path, kind if kind != suffix.lstrip(".") else None)
        for sheet in book.sheets:
            sheet.struck = marks.struck.get(sheet.name, frozenset())
            sheet.greyed = marks.greyed.get(sheet.name, frozenset())
            sheet.invisible = marks.invisible.get(sheet.name, frozenset())
            rules = marks.conditional.get(sheet.name)
            if rules is not None:  # struck by a conditional format, from the cells' values
                sheet.struck |= rules.struck(sheet.cells)
                sheet.unread_formats = rules.unread
            # Which hidden rows under a filter it hides is told from their values.
            sheet.hidden = settle(marks.hidden.get(sheet.name, Hidden()), sheet.cells)
            sheet.commented = marks.commented
            sheet.merged = sheet.merged or marks.merged.get(sheet.name, [])
        return book
    if suffix == ".xls" and head[:4] in _BIFF_STARTS:
        _check_xls(path)
        return _read_calamine(path)  # an old BIFF file without an OLE container
    if _looks_like_text(head):
        if suffix in WORKBOOK_SUFFIXES:
            raise UnreadableRoster("E101", "plain_text", key="E101:text_named_workbook",
                                   suffix=suffix)  # fmt: skip
        return _read_csv(path)
    if suffix:
        raise UnreadableRoster("E101", "not_a_spreadsheet", suffix=suffix)
    raise UnreadableRoster("E101", "not_a_spreadsheet_no_extension")


_BIFF_STARTS = (b"\x09\x08\x10\x00", b"\x09\x08\x08\x00", b"\x09\x04\x06\x00", b"\x09\x02\x06\x00")


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if b"\x00" in head:
        return _csv_encoding(head).startswith("utf-16")
    return all(b >= 0x20 or b in b"\t\r\n" for b in head)


def _is_encrypted(path: Path) -> bool:
    """An OLE file holding an EncryptedPackage stream: a password-protected .xlsx."""
    name = "EncryptedPackage".encode("utf-16-le")
    with path.open("rb") as handle:
        return name in handle.read(2**20)


@dataclass(frozen=True)
class _Marks:
    """What an .xlsx/.xlsm says about its cells that calamine does not give."""

    struck: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    hidden: dict[str, Hidden] = field(default_factory=dict)
    commented: bool = False
    greyed: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    invisible: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    conditional: dict[str, ConditionalStrikes] = field(default_factory=dict)
    # An .ods's merged cells by sheet, which calamine does not give for that format.
    merged: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)


def _check_zip(path: Path) -> tuple[str, _Marks]:
    """Check a zip workbook before calamine sees it; return its kind (xlsx, xlsb or ods) and
    what it says of its cells that calamine does not read: struck through, hidden rows and
    columns, whether it has comments; an .ods's merged cells."""
    from checker.formatting import (
        conditional_strikes,
        greyed_cells,
        has_comments,
        hidden_cells,
        invisible_cells,
        struck_cells,
        struck_in_text,
    )

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            _check_zip_sizes(members)
            if "xl/workbook.bin" in names:
                kind = "xlsb"
            elif "content.xml" in names and "xl/workbook.xml" not in names:
                kind = "ods"
            elif "xl/workbook.xml" in names:
                kind = "xlsm" if path.suffix.lower() == ".xlsm" else "xlsx"
            else:
                raise UnreadableRoster("E101", "zip_without_workbook")
            hiding, merged = _check_sheet_extents(archive, members, kind)
            marks = (
                _Marks(
                    _joined(struck_cells(archive), struck_in_text(archive, hiding)),
                    hidden_cells(archive, hiding),
                    has_comments(names),
                    greyed_cells(archive),
                    invisible_cells(archive),
                    conditional_strikes(archive),
                )
                if kind in ("xlsx", "xlsm")
                else _Marks(merged=merged)
            )
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
        raise UnreadableRoster("E101", "corrupt", error=str(exc)) from None
    return kind, marks


def _joined(
    one: dict[str, frozenset[tuple[int, int]]], other: dict[str, frozenset[tuple[int, int]]]
) -> dict[str, frozenset[tuple[int, int]]]:
    return {name: one.get(name, frozenset()) | other.get(name, frozenset())
            for name in one.keys() | other.keys()}  # fmt: skip


def vetted_archive(path: Path) -> bool:
    """An .xlsx/.xlsm whose parts' declared sizes the checker accepts, so that another
    reader (openpyxl, for the annotated copy) may load it before the check has finished."""
    try:
        with zipfile.ZipFile(path) as archive:
            _check_zip_sizes(archive.infolist())
            return "xl/workbook.xml" in archive.NameToInfo
    except (UnreadableRoster, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _check_zip_sizes(members: list[zipfile.ZipInfo]) -> None:
    total = sum(m.file_size for m in members)
    if total > MAX_UNZIPPED_BYTES:
        raise UnreadableRoster("E104", "unpacked_size", size_gb=total / 2**30,
                               limit_gb=MAX_UNZIPPED_BYTES / 2**30)  # fmt: skip
    for member in members:
        if member.file_size > 2**20 and member.file_size > MAX_ZIP_RATIO * max(
            member.compress_size, 1
        ):
            raise UnreadableRoster("E104", "zip_ratio", part=member.filename,
                                   ratio=member.file_size // max(member.compress_size, 1))  # fmt: skip


# A value far to the right or bottom ("XFD1048576") makes calamine allocate every cell up to
# it: a 1.4 KB file could ask for hundreds of GB and abort the process. No part calamine may
# read reaches it before that part has been streamed through in full (zipfile stops at the
# declared size and checks the CRC, so a header that lies about the size is caught too) and,
# for a part it may read as a sheet, the extent of its value-holding cells established. The
# work is bounded by what is actually there: the declared sizes, bounded above.
#
# The quick path is two regex searches per chunk that do not depend on how the XML is
# spelled: they clear a sheet whose every <c> is written <c r="X9…"> with one column letter
# and a row under 200,000 (at most 26 x 199,999 cells), and send anything else on. A sheet
# that fails it (a large operation's year or two, past row 200,000) gets a second pass with one
# search: it is cleared if its every <c> lies in A:K within Excel's rows (at most 11 x
# 1,048,576 cells). Otherwise, a sheet whose cells are all written plainly is measured
# reference by reference; one with a cell written otherwise (no r, a namespace prefix,
# attributes in another order or quoting, an entity: calamine may place it by counting) is
# measured exactly by expat.
_ATTR = rb"""\s+[^\s=<>/]+\s*=\s*(?:"[^"<]*"|'[^'<]*')"""
# The quick path's two searches (literal first, so that they run at the speed of a find):
# any <c that is not written <c r="X9…" with one column letter and a row under 200,000 (the
# elements <col>, <cfRule>, <customSheetView>… excepted), and any <x:c>.
_NOT_NEAR_CELL = re.compile(rb'<c(?![ofuel]| r="[A-Za-z](?:\d{1,5}"|1\d{5}"))')
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
# The second pass: any <c that is not written <c r="X9…"> with a column in A:K and a row of
# at most 1,048,576 (six digits, or seven up to 1048576).
_NOT_IN_TALL_SHEET = lazy(
    rb'<c(?![ofuel]| r="[A-Ka-k](?:\d{1,6}|10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d\d|10485[0-6]\d'
    rb'|104857[0-6])")'
)
# Measuring a sheet with far references: every <c> must be written <c r="X9"…> (as Excel,
# LibreOffice and openpyxl write it), each read with XML's attribute grammar after r, so that
# a '/>' inside a value cannot pass a value cell off as an empty one.
_NOT_WRITTEN_PLAINLY = re.compile(rb'<c(?![ofuel]| r="[A-Za-z]{1,3}\d{1,9}")')
_PLAIN_CELL = re.compile(rb'<c r="([A-Za-z]{1,3})(\d{1,9})"(?:' + _ATTR + rb")*\s*(/?)>")
# The words a part that hides rows or columns, or strikes a run of its text, holds: searched
# apart (one alternation is ten times slower than two literal searches).
_HIDDEN_WORD = re.compile(rb"hidden")
_STRIKE_WORD = re.compile(rb"strike")
QUICK_ROWS = 200_000
# A reference's column letter and row number, found apart: each list is made and deduplicated
# at C speed, so that only the distinct rows are converted (a month: ~0.3 ms, not ~3 ms).
_NEAR_REFERENCE = (
    re.compile(rb'<c r="([A-Za-z])\d{1,6}"'),
    re.compile(rb'<c r="[A-Za-z](\d{1,6})"'),
)
_TALL_REFERENCE = (
    re.compile(rb'<c r="([A-Ka-k])\d{1,7}"'),
    re.compile(rb'<c r="[A-Ka-k](\d{1,7})"'),
)
SCAN_CHUNK = 4 * 2**20
MAX_TAG_BYTES = 2**20  # a tag longer than this is measured by expat
MAX_PART_LIST_BYTES = 2**20  # xl/_rels/workbook.xml.rels
# A part compressed to less than this cannot inflate past ~66 MB (deflate's 1:1032), whatever
# its header says: not worth unpacking twice.
DRAINED_BYTES = 64 * 2**10
assert 26 * (QUICK_ROWS - 1) <= MAX_CELLS  # what the quick path clears stays under the limit
assert 11 * MAX_ROWS <= MAX_CELLS and MAX_ROWS == 1_048_576  # and the second pass (A:K)


class _Unsure(Exception):
    """The quick reading cannot vouch for the part: measure it exactly."""


def _column_number(letters: bytes | str) -> int:
    number = 0
    for letter in letters.upper() if isinstance(letters, str) else letters.upper().decode():
        if not "A" <= letter <= "Z":
            return 0
        number = number * 26 + ord(letter) - 64
    return number


def _inflate(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part's bytes as a zip reader that trusts the compressed data rather than the
    header sees them: inflated from the raw data, and refused past the size the header
    declares (zipfile would stop there, and so miss what another reader goes on to read)."""
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise UnreadableRoster("E101", "compression", part=member.filename)
    fp = archive.fp
    assert fp is not None
    fp.seek(member.header_offset)
    header = fp.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {member.filename}")
    fp.seek(member.header_offset + 30 + int.from_bytes(header[26:28], "little")
            + int.from_bytes(header[28:30], "little"))  # fmt: skip
    left = member.compress_size
    inflater = zlib.decompressobj(-15) if member.compress_type == zipfile.ZIP_DEFLATED else None
    produced = 0
    while left > 0:
        raw = fp.read(min(SCAN_CHUNK, left))
        if not raw:
            raise zipfile.BadZipFile(f"part {member.filename} is truncated")
        left -= len(raw)
        pending = raw
        while pending:
            if inflater is None:
                data, pending = pending, b""
            else:
                data = inflater.decompress(pending, SCAN_CHUNK)
                pending = inflater.unconsumed_tail
            produced += len(data)
            if produced > member.file_size:
                raise UnreadableRoster("E104", "over_declared", part=member.filename,
                                       size=member.file_size)  # fmt: skip
            if data:
                yield data
            if inflater is not None and inflater.eof:
                return


def _chunks_of(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[memoryview]:
    """The part's bytes in chunks that never split a tag (each but the last ends before a <),
    as views: the regexes read them without a copy (53 MB sheet: 123 -> 100 ms)."""
    carry = b""
    for data in _inflate(archive, member):
        buffer = carry + data if carry else data
        cut = buffer.rfind(b"<")
        if len(buffer) - max(cut, 0) > MAX_TAG_BYTES:
            raise _Unsure
        if cut > 0:
            yield memoryview(buffer)[:cut]
        carry = buffer[max(cut, 0) :]
    if carry:
        yield memoryview(carry)


def _drain(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    for _ in _inflate(archive, member):
        pass


class Extent(NamedTuple):
    """The columns and rows calamine would allocate for a sheet, and how many rows hold
    cells (a row written in two places counts twice: at most, never fewer)."""

    columns: int
    rows: int
    filled: int


def _quick_extent(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, hiding: set[str] | None = None
) -> Extent:
    """The extent calamine would allocate for the part, measured from its cells' references
    once a quick test has cleared it (every cell in A:Z under row 200,000, or in A:K within
    Excel's rows). A part with the word "hidden" or "strike" in it is added to `hiding` (read
    again for its hidden rows and columns, its struck runs of text: checker.formatting's
    hidden_cells, struck_in_text), at no cost to a part without them."""
    far = holds_cells = False
    for chunk in _chunks_of(archive, member):
        if _PREFIXED_CELL.search(chunk) is not None:
            raise _Unsure
        far = far or _NOT_NEAR_CELL.search(chunk) is not None
        holds_cells = holds_cells or chunk.obj.find(b"<c", 0, len(chunk)) >= 0  # type: ignore[attr-defined]
        if hiding is not None and (_HIDDEN_WORD.search(chunk) or _STRIKE_WORD.search(chunk)):
            hiding.add(member.filename)
    if not far:
        if not holds_cells:
            return Extent(0, 0, 0)  # not a sheet (the shared strings, the styles)
        # Measured whatever its size: the rows it holds bound what judging them takes.
        return _near_extent(archive, member)
    if all(_NOT_IN_TALL_SHEET.search(chunk) is None for chunk in _chunks_of(archive, member)):
        # A tall sheet within A:K (1,048,000 rows: cleared in 2.5 s, not 9.9), its rows counted.
        return _near_extent(archive, member, _TALL_REFERENCE)
    columns = rows = filled = 0
    last = b""
    for chunk in _chunks_of(archive, member):
        if _NOT_WRITTEN_PLAINLY.search(chunk) is not None:
            raise _Unsure  # a <c> not written <c r="X9">: expat places it
        cells = _PLAIN_CELL.findall(chunk)
        whole: bytes = chunk.obj  # type: ignore[assignment]  # each view starts at 0
        if len(cells) != whole.count(b'<c r="', 0, len(chunk)):
            raise _Unsure  # a cell whose attributes the regex cannot read
        valued = [cell for cell in cells if not cell[2]]  # self-closing cells are empty
        if valued:
            letters, digits, _ = zip(*valued)
            numbers = set(digits)
            columns = max(columns, *map(_column_number, set(letters)))
            rows = max(rows, *map(int, numbers))
            filled += len(numbers) - (digits[0] == last)
            last = digits[-1]
    return Extent(columns, rows, filled)


def _near_extent(
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    patterns: tuple[re.Pattern[bytes], re.Pattern[bytes]] = _NEAR_REFERENCE,
) -> Extent:
    """The extent of a sheet a quick test cleared (every cell <c r="X9…"> in A:Z under row
    200,000, or in A:K), from its cells' references, empty ones too, and its rows holding
    cells: for the memory estimate (200,000 rows: ~1 s)."""
    letter, number = patterns
    columns = rows = filled = 0
    last = b""  # the previous chunk's last row: a row split between two chunks counts once
    for chunk in _chunks_of(archive, member):
        letters = set(letter.findall(chunk))
        if letters:
            found = number.findall(chunk)
            numbers = set(found)
            columns = max(columns, *map(_column_number, letters))
            rows = max(rows, *map(int, numbers))
            filled += len(numbers) - (found[0] == last)
            last = found[-1]
    return Extent(columns, rows, filled)


class _SheetWalk:
    """Cells placed as calamine places them: a cell without r follows the previous one in
    its row, a row without r the previous row; only cells holding something count."""

    def __init__(self) -> None:
        self.row = self.col = self.columns = self.rows = 0
        self.cell: tuple[int, int] | None = None
        self.filled = self.last = 0  # rows holding values (each change of row), the last one

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(":")[2]
        if self.cell is not None:  # a child of a cell: the cell holds something
            self.columns = max(self.columns, self.cell[0])
            self.rows = max(self.rows, self.cell[1])
            if self.cell[1] != self.last:
                self.filled, self.last = self.filled + 1, self.cell[1]
            self.cell = None
        if local == "row":
            r = attrs.get("r", "").strip()
            self.row = int(r) if r.isdigit() else self.row + 1
            self.col = 0
        elif local == "c":
            ref = attrs.get("r")
            if ref is None:
                self.col += 1
                self.cell = (self.col, max(self.row, 1))
                return
            match = re.fullmatch(r"\s*([A-Za-z]+)(\d*)\s*", ref)
            if match is None:
                raise UnreadableRoster("E101", "cell_reference", reference=ref[:20])
            self.col = _column_number(match.group(1))
            self.cell = (self.col, int(match.group(2)) if match.group(2) else max(self.row, 1))

    def end(self, name: str) -> None:
        self.cell = None

    def text(self, data: str) -> None:
        if self.cell is not None and data.strip():
            self.start("v", {})


def _expat(archive: zipfile.ZipFile, member: zipfile.ZipInfo, walk: _SheetWalk | _OdsWalk) -> None:
    """Stream the part through expat with `walk`'s handlers; no DTD, no entities."""
    from xml.parsers import expat

    def refuse(*_: object) -> None:
        raise UnreadableRoster("E101", "dtd")

    parser = expat.ParserCreate()
    parser.StartElementHandler = walk.start
    parser.EndElementHandler = walk.end
    parser.CharacterDataHandler = walk.text
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        for data in _inflate(archive, member):
            parser.Parse(data, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise UnreadableRoster("E101", "xml", part=member.filename, error=str(exc)) from None


def _exact_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Extent:
    walk = _SheetWalk()
    _expat(archive, member, walk)
    return Extent(walk.columns, walk.rows, walk.filled)


# Merged cells kept from an .ods: a year's roster merges a few hundred; a file claiming
# millions is not a roster, and the merges past this are left as written (their covered cells
# empty, each said so by the check).
MAX_ODS_SPANS = 20_000


class _OdsWalk:
    """An OpenDocument table's cells, with repeated rows and cells (number-rows-repeated=
    "1048576") counted as calamine expands them: a 658-byte file can claim billions. calamine
    reads every table at once, a repeated text copied into every cell: the cost adds up."""

    def __init__(self) -> None:
        self.row = self.col = self.columns = self.rows = 0
        self.rows_repeated = self.cell = 1
        self.in_cell = self.valued = self.row_valued = False
        self.table_columns = self.table_rows = self.dense = 0
        self.valued_cells = self.strings = self.text_bytes = self.cell_text = 0
        self.filled = 0  # rows holding values, repeated ones each
        # Merged cells (a cell spanning rows or columns; the ones it covers are written as
        # covered cells): calamine does not give them for .ods. Per table name, as
        # SheetGrid.merged, clipped to the cells holding values.
        self.merged: dict[str, list[tuple[int, int, int, int]]] = {}
        self.table_name: str | None = None
        self.table_spans: list[tuple[int, int, int, int]] = []
        self.spans = 0

    @staticmethod
    def _repeat(attrs: dict[str, str], key: str) -> int:
        for name, value in attrs.items():
            if name.rpartition(":")[2] == key:
                value = value.strip()
                return int(value[:12]) if value.isdigit() else 1
        return 1

    def cost(self) -> Cost:
        self._close_table()
        return Cost(dense=self.dense, valued=self.valued_cells, strings=self.strings,
                    text=self.text_bytes, rows=self.filled)  # fmt: skip

    def _close_table(self) -> None:
        self.dense += self.table_columns * self.table_rows
        if self.table_name is not None:  # calamine reads a table only when it has a name
            last_row, last_col = self.table_rows - 1, self.table_columns - 1
            self.merged[self.table_name] = [
                (r0, c0, min(r1, last_row), min(c1, last_col))
                for r0, c0, r1, c1 in self.table_spans
                if r0 <= last_row and c0 <= last_col
            ]  # a later table of the same name replaces it, as in calamine
        self.table_columns = self.table_rows = 0
        self.table_name, self.table_spans = None, []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(":")[2]
        if self.in_cell:
            self.valued = True  # anything inside a cell is content
        if local == "table":
            self._close_table()
            self.row = 0
            self.table_name = next(
                (v for k, v in attrs.items() if k.rpartition(":")[2] == "name"), None
            )
        elif local == "table-row":
            self.rows_repeated = self._repeat(attrs, "number-rows-repeated")
            self.col, self.row_valued = 0, False
        elif local in ("table-cell", "covered-table-cell"):
            self.in_cell, self.cell = True, self._repeat(attrs, "number-columns-repeated")
            self.valued = any(k.rpartition(":")[2] == "value-type" for k in attrs)
            self.cell_text = 0
            if local == "table-cell":
                self._span(attrs)

    def _span(self, attrs: dict[str, str]) -> None:
        """A cell spanning rows or columns, at the position calamine gives it (a repeated
        one once: a roster's merged cells are never repeated)."""
        rows = max(self._repeat(attrs, "number-rows-spanned"), 1)
        columns = max(self._repeat(attrs, "number-columns-spanned"), 1)
        if (rows > 1 or columns > 1) and self.spans < MAX_ODS_SPANS:
            self.spans += 1
            self.table_spans.append((self.row, self.col, self.row + rows - 1,
                                     self.col + columns - 1))  # fmt: skip

    def end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        if local in ("table-cell", "covered-table-cell") and self.in_cell:
            self.col += self.cell
            if self.valued:
                self.columns = max(self.columns, self.col)
                self.table_columns = max(self.table_columns, self.col)
                self.row_valued = True
                copies = min(self.cell * self.rows_repeated, 2**40)
                self.valued_cells += copies
                if self.cell_text:
                    self.strings += copies
                    self.text_bytes += copies * self.cell_text
            self.in_cell = False
        elif local == "table-row":
            self.row += self.rows_repeated
            if self.row_valued:
                self.filled += self.rows_repeated
                self.rows = max(self.rows, self.row)
                self.table_rows = max(self.table_rows, self.row)

    def text(self, data: str) -> None:
        if self.in_cell:
            self.cell_text += len(data.encode())
            if data.strip():
                self.valued = True


# xlsb (binary) records that hold a value, each with its column in its first 4 bytes; the
# "short" cells (12-18) take the next column; BrtRowHdr (0) starts a row.
_XLSB_CELLS = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 62})
_XLSB_SHORT_CELLS = frozenset({13, 14, 15, 16, 17, 18})
_XLSB_BLANKS = frozenset({1, 12})


def _xlsb_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int]:
    """(columns, rows) of the value-holding cells of an .xlsb sheet, from its records."""
    data = b"".join(_inflate(archive, member))  # bounded by the declared size
    pos, end = 0, len(data)
    row = col = columns = rows = 0
    while pos < end:
        kind = data[pos] & 0x7F
        if data[pos] & 0x80:
            pos += 1
            kind |= (data[pos] & 0x7F) << 7 if pos < end else 0
        pos += 1
        size = shift = 0
        for _ in range(4):
            if pos >= end:
                break
            byte = data[pos]
            pos += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        body = data[pos : pos + min(size, 4)]
        pos += size
        if kind == 0 and len(body) == 4:
            row = int.from_bytes(body, "little") + 1
        elif kind in _XLSB_CELLS and len(body) == 4:
            col = int.from_bytes(body, "little") + 1
            columns, rows = max(columns, col), max(rows, row)
        elif kind in _XLSB_SHORT_CELLS:
            col += 1
            columns, rows = max(columns, col), max(rows, row)
        elif kind in _XLSB_BLANKS and len(body) == 4 and kind == 1:
            col = int.from_bytes(body, "little") + 1
    return columns, rows


# .xls (BIFF in an OLE compound file). calamine reads every sheet of an .xls file when it
# opens it, each into a dense range from A1 to its farthest cell: an 8 KB file with far
# cells on six sheets took 2.2 GB. So the cells' records are walked first, and the sheets'
# extents are bounded one by one and in all.
_BIFF_CELLS = frozenset({0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x00D6, 0x00FD,
                         0x0201, 0x0203, 0x0204, 0x0205, 0x0206, 0x0406, 0x027E})  # fmt: skip
_BIFF_MULTI = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: row, first column … last column
_BIFF_BOF = frozenset({0x0009, 0x0209, 0x0409, 0x0809})
_BIFF_SHEET = 0x0085  # BOUNDSHEET: where a sheet's records start, and its name
_OLE_END = 0xFFFFFFFA  # sector numbers from here on mark the end of a chain, or no sector


def _check_xls(path: Path) -> None:
    """E104 when an .xls file's sheets reach past the limits, measured from its records."""
    with path.open("rb") as handle:
        data = handle.read()  # at most MAX_FILE_BYTES
    try:
        stream = _ole_stream(data) if data.startswith(_OLE_MAGIC) else data
    except (IndexError, ValueError):
        return  # not a compound file we can follow: calamine says what is wrong with it
    if stream is None:
        return
    names: dict[int, str] = {}
    extents: list[tuple[str, int, int]] = []
    pos, end = 0, len(stream)
    columns = rows = 0
    sheet: str | None = None
    pair = struct.Struct("<HH").unpack_from  # a record's type and size; a cell's row, column
    while pos + 4 <= end:
        kind, size = pair(stream, pos)
        pos += 4
        if size < 4 or pos + size > end:
            pass
        elif kind in _BIFF_CELLS:
            row, column = pair(stream, pos)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind in _BIFF_MULTI and size >= 6:
            row = pair(stream, pos)[0]
            column = pair(stream, pos + size - 4)[1]  # the last column
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind in _BIFF_BOF:
            if sheet is not None:
                extents.append((sheet, columns, rows))
            sheet, columns, rows = names.get(pos - 4, f"sheet {len(extents) + 1}"), 0, 0
        elif kind == _BIFF_SHEET and size >= 8:
            names[int.from_bytes(stream[pos : pos + 4], "little")] = _biff_sheet_name(
                stream[pos : pos + size]
            )
        pos += size
    if sheet is not None:
        extents.append((sheet, columns, rows))
    for name, columns, rows in extents:
        if rows > MAX_ROWS or columns * rows > MAX_CELLS:
            raise UnreadableRoster("E104", "far_cell", key="E104:far_cell", sheet=name,
                                   column=_column_letters(columns), rows=rows,
                                   cells=columns * rows, max_cells=MAX_CELLS,
                                   max_rows=MAX_ROWS)  # fmt: skip
    cells = sum(columns * rows for _, columns, rows in extents)
    if cells > MAX_CELLS:
        raise UnreadableRoster("E104", "xls_cells", key="E104:far_cell", cells=cells,
                               max_cells=MAX_CELLS)  # fmt: skip
    height = sum(rows for _, _, rows in extents)  # the rows holding values, at most
    refuse_memory(_binary_cost(cells, len(stream), height))


def _biff_sheet_name(body: bytes) -> str:
    length = body[6]
    if len(body) > 7 and body[7] in (0, 1) and len(body) >= 8 + length * (body[7] + 1):
        raw = body[8 : 8 + length * (body[7] + 1)]  # BIFF8: a flag, then Latin-1 or UTF-16
        return raw.decode("utf-16-le" if body[7] else "latin-1", "replace")
    return body[7 : 7 + length].decode("latin-1", "replace")  # BIFF5


def _ole_stream(data: bytes) -> bytes | None:
    """The Workbook (or BIFF5 Book) stream of an OLE compound file, followed sector by
    sector; None when there is none. Chains are cut at as many sectors as the file has, so
    a loop in them cannot run forever."""
    shift = int.from_bytes(data[30:32], "little")
    if not 7 <= shift <= 16:
        raise ValueError("sector size")
    sector = 1 << shift
    mini_sector = 1 << int.from_bytes(data[32:34], "little")
    count = len(data) // sector

    def at(number: int) -> bytes:
        return data[(number + 1) * sector : (number + 2) * sector]

    def chain(first: int, table: list[int]) -> Iterator[int]:
        number = first
        for _ in range(len(table)):
            if number >= _OLE_END or number >= len(table):
                return
            yield number
            number = table[number]

    def words(raw: bytes) -> list[int]:
        return [int.from_bytes(raw[i : i + 4], "little") for i in range(0, len(raw) - 3, 4)]

    fat_sectors = words(data[76:512])
    difat = int.from_bytes(data[68:72], "little")
    for _ in range(count):
        if difat >= _OLE_END:
            break
        links = words(at(difat))
        fat_sectors += links[:-1]
        difat = links[-1] if links else _OLE_END
    # No more allocation-table sectors than it takes to map the file: a table listing the
    # same sector over and over would otherwise be unpacked that many times.
    needed = -(-count // (sector // 4))
    fat = [n for s in [s for s in fat_sectors if s < count][:needed] for n in words(at(s))]
    directory = b"".join(at(n) for n in chain(int.from_bytes(data[48:52], "little"), fat))
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    if not entries:
        return None
    found = None
    for wanted in ("Workbook", "Book"):
        found = found or next((e for e in entries if e[66] == 2 and _ole_name(e) == wanted), None)
    if found is None:
        return None
    first = int.from_bytes(found[116:120], "little")
    size = int.from_bytes(found[120:124], "little")
    if size >= int.from_bytes(data[56:60], "little"):  # a regular stream
        return b"".join(at(n) for n in chain(first, fat))[:size]
    root = entries[0]  # a small stream lives in the root entry's mini stream
    mini_stream = b"".join(at(n) for n in chain(int.from_bytes(root[116:120], "little"), fat))
    mini_fat_raw = b"".join(at(n) for n in chain(int.from_bytes(data[60:64], "little"), fat))
    mini_fat = words(mini_fat_raw)
    return b"".join(mini_stream[n * mini_sector : (n + 1) * mini_sector]
                    for n in chain(first, mini_fat))[:size]  # fmt: skip


def _ole_name(entry: bytes) -> str:
    length = min(int.from_bytes(entry[64:66], "little"), 64)
    return entry[: max(length - 2, 0)].decode("utf-16-le", "replace")


def _sheet_parts(archive: zipfile.ZipFile, names: set[str]) -> set[str]:
    """Every part calamine may read as a sheet: the workbook's relationship targets (whatever
    their declared type) and anything under xl/worksheets/; all XML parts if the list of
    relationships is missing or unreadable."""
    parts = {n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    rels = "xl/_rels/workbook.xml.rels"
    if rels not in names or archive.getinfo(rels).file_size > MAX_PART_LIST_BYTES:
        return parts | {n for n in names if n.endswith(".xml")}
    text = archive.read(rels)
    for target in re.findall(rb"""Target\s*=\s*["']([^"']*)["']""", text):
        path = target.decode("utf-8", "replace")
        for candidate in (posixpath.normpath("xl/" + path), path.lstrip("/")):
            if candidate in names:
                parts.add(candidate)
    return parts


def _check_sheet_extents(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], kind: str
) -> tuple[set[str], dict[str, list[tuple[int, int, int, int]]]]:
    """E104 when a sheet reaches past the limits, or reading the file would take more memory
    than the budget (checker.budget), from what its parts hold; return the .xlsx parts that
    may hide rows or columns (the word "hidden" is in them) and an .ods's merged cells."""
    hiding: set[str] = set()
    merged: dict[str, list[tuple[int, int, int, int]]] = {}
    names = {m.filename for m in members}
    ods = kind == "ods"
    if kind == "xlsb":
        sheets = {n for n in names if n.startswith("xl/worksheets/") and n.endswith(".bin")}
    else:
        sheets = {"content.xml"} if ods else _sheet_parts(archive, names)
    shared = _SharedStrings.of(archive, members) if kind in ("xlsx", "xlsm") else None
    cost = shared.cost if shared is not None else Cost()
    sized: list[tuple[Cost, zipfile.ZipInfo]] = []  # xlsx sheets whose copies are bounded
    for member in members:
        name = member.filename
        if name not in sheets:
            if member.compress_size > DRAINED_BYTES and name.endswith((".xml", ".rels", ".bin")):
                _drain(archive, member)  # what calamine reads unpacks to what is declared
            continue
        if kind == "xlsb":
            columns, rows = _xlsb_extent(archive, member)
            sheet_cost = _binary_cost(columns * rows, member.file_size, rows)
        elif ods:
            walk = _OdsWalk()
            _expat(archive, member, walk)
            columns, rows = walk.columns, walk.rows
            sheet_cost = walk.cost()
            merged = walk.merged
        else:
            try:
                columns, rows, filled = _quick_extent(archive, member, hiding)
            except _Unsure:
                hiding.add(name)  # not looked at in full: hidden_cells reads it
                columns, rows, filled = _exact_extent(archive, member)
            sheet_cost = Cost()  # no value anywhere (the shared strings, the styles)
            if columns * rows:
                sheet_cost = _sheet_cost(columns * rows, member.file_size, shared)
                sheet_cost.rows = filled
                sized.append((sheet_cost, member))
        if rows > MAX_ROWS or columns * rows > MAX_CELLS:
            raise UnreadableRoster("E104", "far_cell", key="E104:far_cell", sheet=name,
                                   column=_column_letters(columns), rows=rows,
                                   cells=columns * rows, max_cells=MAX_CELLS,
                                   max_rows=MAX_ROWS)  # fmt: skip
        cost += sheet_cost
    # The copies of shared strings are bounded from the sheet's size and the longest string,
    # and its XML taken for inline texts; when that is too much, a second look at the sheets,
    # largest first, counts the copies and the sheet's own texts.
    for bound, member in sorted(sized, key=lambda pair: -pair[0].cloned - pair[0].xml):
        if not cost.over():
            break
        copied, own = _sheet_detail(archive, member, shared, bound.cloned)
        cost.cloned -= bound.cloned - copied
        if own is not None and own.estimate() < Cost(xml=bound.xml).estimate():
            cost = cost + own
            cost.xml -= bound.xml
    refuse_memory(cost)
    return hiding, merged


def refuse_memory(cost: Cost) -> None:
    """E104 when reading would take more than the memory budget, naming what makes it large."""
    if not cost.over():
        return
    if cost.judging() >= cost.reading():  # many rows, each judged: say so
        raise UnreadableRoster("E104", "memory_rows", key="E104:memory",
                               estimate_mb=cost.estimate() // 2**20, rows=cost.rows,
                               limit_mb=budget.MEMORY_BUDGET // 2**20)  # fmt: skip
    text_mb = (cost.text + cost.cloned + cost.xml) / 2**20
    raise UnreadableRoster("E104", "memory", key="E104:memory",
                           estimate_mb=cost.estimate() // 2**20, cells=cost.dense or cost.valued,
                           text_mb=text_mb, limit_mb=budget.MEMORY_BUDGET // 2**20)  # fmt: skip


def _sheet_cost(dense: int, xml_bytes: int, shared: _SharedStrings | None) -> Cost:
    """An xlsx sheet's cost at first sight: its dense range, its XML taken for inline texts,
    and every cell it could hold copying the longest shared string."""
    longest = shared.longest if shared is not None else 0
    cells = xml_bytes // budget.SHARED_CELL_MIN_BYTES
    return Cost(dense=dense, xml=xml_bytes,
                cloned=budget.copies(cells * longest, cells) if longest else 0)  # fmt: skip


def _binary_cost(dense: int, size: int, rows: int) -> Cost:
    """.xls and .xlsb: a cell record takes at least 6 bytes (MULRK), a text one 14; the rows
    holding values are taken at the sheet's extent."""
    return Cost(dense=dense, valued=size // 6, strings=size // 14, text=size, rows=rows)


class _SharedStrings:
    """The shared strings of an xlsx workbook, as calamine will hold them, with an upper bound
    of each one's size in bytes: the bytes of its <si> element."""

    def __init__(self, sizes: Any, total: int) -> None:
        self.sizes = sizes  # numpy array: sizes[i] >= the bytes of shared string i
        self.longest = int(sizes.max()) if len(sizes) else 0
        self.cost = Cost(strings=len(sizes), text=total)

    @classmethod
    def of(cls, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> _SharedStrings:
        import numpy as np

        parts = _shared_string_parts(archive, members)
        found = [cls._sizes(archive, m) for m in members if m.filename in parts]
        if not found:
            return cls(np.zeros(0, np.int64), 0)
        sizes = np.zeros(max(len(f) for f, _ in found), np.int64)
        for each, _ in found:  # more than one candidate: the larger size of each string
            sizes[: len(each)] = np.maximum(sizes[: len(each)], each)
        return cls(sizes, sum(total for _, total in found))

    @staticmethod
    def _sizes(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[Any, int]:
        import numpy as np

        starts: list[Any] = []
        offset = 0
        prefixed = False
        for chunk in _chunks_of(archive, member):
            data = np.frombuffer(chunk, np.uint8)
            prefixed = prefixed or _PREFIXED_SI.search(chunk) is not None
            if len(data) >= 4:
                at = np.flatnonzero((data[:-3] == 60) & (data[1:-2] == 115) & (data[2:-1] == 105)
                                    & np.isin(data[3:], _SI_ENDS))  # fmt: skip
                starts.append(at + offset)
            offset += len(data)
        if prefixed:  # <x:si>: not split reliably; every string may be the whole part
            return np.full(max(offset // 8, 1), offset, np.int64), offset
        bounds = np.concatenate([*starts, np.array([offset], np.int64)]).astype(np.int64)
        return np.maximum(np.diff(bounds) - len(b"<si></si>"), 0), offset


_SI_ENDS = list(b" />\t\r\n")
_PREFIXED_SI = lazy(rb"<[^\s<>/:]+:si[\s/>]")
_SHARED_INDEX = lazy(rb"<(?:[^\s<>/:]+:)?v(?:\s[^>]*)?>\s*\+?(\d{1,10})\s*</")
# The sheet's own texts: inline strings (<t>, in <is> or its runs), and values that are not
# short numbers (a formula's text, an ISO date, an error, an entity, a 40-digit "number").
_INLINE_TEXT = lazy(rb"<(?:[^\s<>/:]+:)?t(?:\s[^>]*)?>([^<]*)<")
_TEXT_VALUE = lazy(
    rb"<(?:[^\s<>/:]+:)?v(?:\s[^>]*)?>([^<]*?(?:[^-+.0-9eE\s<]|[-+.0-9eE\s]{40})[^<]*)<"
)
_CDATA = lazy(rb"<!\[CDATA\[")
_ODD_VALUE = lazy(rb"<(?:[^\s<>/:]+:)?v(?:\s[^>]*)?>[^<]*&|<!\[CDATA\[")


def _shared_string_parts(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> set[str]:
    """Parts calamine may read as the shared strings: named so, or the workbook's
    relationship of that type (the list read once: a workbook may have 5,000 sheets)."""
    found = {m.filename for m in members if m.filename.lower().endswith("sharedstrings.xml")}
    rels = archive.NameToInfo.get("xl/_rels/workbook.xml.rels")
    if rels is None or rels.file_size > MAX_PART_LIST_BYTES:
        return found
    for rel in re.findall(rb"<[^>]*Relationship\s[^>]*>", archive.read(rels)):
        target = re.search(rb"""Target\s*=\s*["']([^"']*)["']""", rel)
        if b"sharedStrings" in rel and target is not None:
            path = target.group(1).decode("utf-8", "replace")
            found |= {posixpath.normpath("xl/" + path), path.lstrip("/")}
    return found & {m.filename for m in members}


def _sheet_detail(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, shared: _SharedStrings | None, bound: int
) -> tuple[int, Cost | None]:
    """What the copies of shared strings in this sheet's cells cost, and what its cells and
    texts of its own cost (inline strings, formula results, values that are not numbers), or
    None when a text is spelled so that it cannot be measured here (CDATA). Every value that
    could be an index into the shared strings counts, whatever the cell's type says (a
    number that happens to be an index counts its string too); a value the search cannot
    read (an entity, CDATA) keeps the bound."""
    import numpy as np

    sizes = shared.sizes if shared is not None else np.zeros(0, np.int64)
    text_bytes = uses = strings = own = 0
    unsure = odd = False
    for chunk in _chunks_of(archive, member):
        if _CDATA.search(chunk) is not None:
            unsure = odd = True
            break
        for found in (_INLINE_TEXT.findall(chunk), _TEXT_VALUE.findall(chunk)):
            strings += len(found)
            own += sum(map(len, found))
        if odd or not len(sizes):
            continue
        if _ODD_VALUE.search(chunk) is not None:
            odd = True  # the bound stays
            continue
        indexes = _SHARED_INDEX.findall(chunk)
        if indexes:
            index = np.array(indexes).astype(np.int64)
            index = index[index < len(sizes)]
            text_bytes += int(sizes[index].sum())
            uses += len(index)
    copied = bound if odd else budget.copies(text_bytes, uses)
    if unsure:
        return copied, None
    cells = member.file_size // budget.PLAIN_CELL_MIN_BYTES
    return copied, Cost(valued=cells, strings=strings, text=own)


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0 and len(letters) < 8:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def _read_calamine(path: Path, kind: str | None = None) -> Workbook:
    """Read a workbook with calamine; `kind` is set when the content is not what the name
    says (an .xlsx renamed .xls): calamine then tells the format from the content."""
    import python_calamine as calamine

    try:
        if kind is None:
            book = calamine.CalamineWorkbook.from_path(str(path))
        else:
            with path.open("rb") as handle:
                book = calamine.CalamineWorkbook.from_filelike(handle)
        from checker.sheetnames import is_metadata_sheet

        sheets: list[SheetGrid] = []
        hidden_metadata: list[SheetGrid] = []
        hidden: list[str] = []
        hidden_heads: list[SheetGrid] = []
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            if meta.visible != calamine.SheetVisibleEnum.Visible:
                hidden.append(meta.name)
                if is_metadata_sheet(meta.name):
                    cells = book.get_sheet_by_name(meta.name).to_python(nrows=50)
                    hidden_metadata.append(SheetGrid(meta.name, cells))
                else:
                    cells = book.get_sheet_by_name(meta.name).to_python(nrows=20)
                    hidden_heads.append(SheetGrid(meta.name, cells))
                continue
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.total_height > MAX_ROWS or sheet.total_height * sheet.total_width > MAX_CELLS:
                raise UnreadableRoster("E104", "sheet_size", sheet=meta.name,
                                       rows=sheet.total_height, columns=sheet.total_width,
                                       max_cells=MAX_CELLS)  # fmt: skip
            cells = _rows(sheet)
            merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []]
            sheets.append(SheetGrid(meta.name, cells, merged))
        book.close()
    except UnreadableRoster:
        raise
    except calamine.PasswordError:
        raise UnreadableRoster("E102", "password_protected") from None
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError) as exc:
        raise UnreadableRoster("E101", "calamine", error=_calamine_error(exc)) from None
    except Exception as exc:  # calamine reports some corrupt parts as plain errors
        raise UnreadableRoster("E101", "calamine", error=_calamine_error(exc)) from None
    return Workbook(path, sheets, hidden_metadata, hidden, hidden_heads)


def _rows(sheet: Any) -> list[list[Any]]:
    """A calamine sheet's cells from A1, as `to_python(skip_empty_area=False)` gives them,
    with equal texts as one object. calamine makes a new string for every cell: a roster
    repeats the same few words on every row, and 1,048,000 rows of them took 1.31 GB where
    one object per distinct text takes 0.81 GB (and 3.7 s instead of 5.3 s)."""
    if sheet.start is None:  # an empty sheet, on which python-calamine 0.4 panics in iter_rows
        return cast("list[list[Any]]", sheet.to_python(skip_empty_area=False))
    # iter_rows starts at row 1 but at the first column holding a value: pad to column A.
    pad = [""] * sheet.start[1]
    same: dict[str, str] = {}
    keep = same.setdefault
    rows = []
    for row in sheet.iter_rows():
        cells = [keep(v, v) if type(v) is str else v for v in row]
        rows.append([*pad, *cells] if pad else cells)
    return rows


def _calamine_error(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


# CSV: read as a stream, with the row and cell limits enforced while reading.
CSV_DELIMITERS = (";", ",", "\t", "|")
CSV_SAMPLE = 64 * 2**10
# A quoted field spanning more lines than this is a stray quote swallowing the rows after
# it: the file is read again with quotes as plain characters.
RUNAWAY_FIELD_LINES = 50
CSV_ROW_BYTES = 64  # a row's list, without its cells


def _csv_encoding(head: bytes) -> str:
    """Excel's "Unicode Text" is UTF-16 with a BOM; "CSV UTF-8" has a UTF-8 BOM; plain "CSV"
    is the ANSI code page (cp1252 for Latin scripts)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    even, odd = head[0:2048:2], head[1:2048:2]
    if len(head) >= 4 and odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"  # UTF-16 without a BOM
    if len(head) >= 4 and even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return "utf-8"


def _sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the sample's lines into the most consistent number of
    fields (quotes respected: a comma CSV whose notes hold semicolons stays a comma CSV)."""
    lines = sample.splitlines()[:-1] or sample.splitlines()
    best, best_score = CSV_DELIMITERS[0], (0, 0)
    for delimiter in CSV_DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines[:200], delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not widths:
            continue
        modal = max(set(widths), key=lambda w: (widths.count(w), w))
        score = (widths.count(modal), modal) if modal > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _open_text(path: Path, encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(path.open("rb"), encoding=encoding, newline="",
                            errors="strict" if encoding.startswith("utf-8") else "replace")  # fmt: skip


def _read_csv(path: Path) -> Workbook:
    with path.open("rb") as handle:
        head = handle.read(CSV_SAMPLE)
    encoding = _csv_encoding(head)
    csv.field_size_limit(MAX_FILE_BYTES)  # a long cell is the cell's problem, not the file's
    if encoding.startswith("utf-8") and b"\x00" in head[:4096]:
        raise UnreadableRoster("E101", "binary_csv")
    try:
        return _read_csv_as(path, encoding, csv.QUOTE_MINIMAL)
    except UnicodeDecodeError:
        # Excel on Windows saves CSV in the ANSI code page; cp1252 is Latin-1 plus €, œ, ’…
        return _read_csv_as(path, "cp1252", csv.QUOTE_MINIMAL)


def _runaway(value: str, delimiter: str, rows: list[list[str]]) -> bool:
    """A quoted field that swallowed whole rows: many lines, or lines holding as many
    delimiters as a row of the table."""
    if "\n" not in value:
        return False
    width = len(rows[0]) if rows else 2
    return value.count("\n") > RUNAWAY_FIELD_LINES or value.count(delimiter) >= max(2, width - 1)


def _read_csv_as(path: Path, encoding: str, quoting: Literal[0, 1, 2, 3]) -> Workbook:
    with _open_text(path, encoding) as text:
        sample = text.read(CSV_SAMPLE)
        delimiter = _sniff_delimiter(sample)
        text.seek(0)
        rows: list[list[str]] = []
        distinct: dict[str, str] = {}  # a roster repeats a few words: keep each once
        cells = held = 0
        reader = csv.reader(text, delimiter=delimiter, quoting=quoting)
        try:
            for row in reader:
                cells += len(row)
                if len(rows) >= MAX_ROWS or cells > MAX_CELLS:
                    raise UnreadableRoster("E104", "csv_size", key="E104:csv_limits",
                                           max_rows=MAX_ROWS, max_cells=MAX_CELLS)  # fmt: skip
                if quoting != csv.QUOTE_NONE and any(_runaway(v, delimiter, rows) for v in row):
                    raise _Unsure
                known = len(distinct)
                rows.append([distinct.setdefault(v, v) for v in row])
                # The row's list, and each new text at most as large as the row's largest.
                held += CSV_ROW_BYTES + 8 * len(row)
                if len(distinct) != known:
                    held += (len(distinct) - known) * (max(map(sys.getsizeof, row)) + 48)
                if len(rows) * budget.ROW_BYTES > budget.MEMORY_BUDGET - budget.BASE_BYTES:
                    refuse_memory(Cost(rows=len(rows)))  # judging them would take too much
                if held > budget.MEMORY_BUDGET - budget.BASE_BYTES:
                    raise UnreadableRoster("E104", "memory", key="E104:memory",
                                           estimate_mb=(held + budget.BASE_BYTES) // 2**20,
                                           cells=cells, text_mb=path.stat().st_size / 2**20,
                                           limit_mb=budget.MEMORY_BUDGET // 2**20)  # fmt: skip
        except (csv.Error, _Unsure):
            if quoting == csv.QUOTE_NONE:
                raise UnreadableRoster("E101", "csv") from None
            # A stray quote: every character read as typed, rows as they are on the lines.
            return _read_csv_as(path, encoding, csv.QUOTE_NONE)
    return Workbook(path, [SheetGrid(path.stem, rows)])
