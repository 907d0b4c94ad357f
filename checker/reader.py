"""Workbook or CSV file → the grids of its visible sheets, with Excel coordinates kept.

Row 0 of a grid is Excel row 1 and column 0 is column A, so every later stage can point at
the cell a person must fix. Files that cannot be read raise UnreadableRoster with the
finding code to report (E101 unreadable, E102 encrypted, E104 over the limits).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".ods", ".xls"})
ROSTER_SUFFIXES = WORKBOOK_SUFFIXES | {".csv"}

# Limits that keep a hostile or accidental file from exhausting the machine (E104).
# A year of a large operation is ~100k rows, so these leave room for 10x that.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNZIPPED_BYTES = 2 * 1024 * 1024 * 1024
MAX_ZIP_RATIO = 100  # real sheets compress 7-15x; far more on a big part is a bomb or padding
MAX_ROWS = 1_048_576  # Excel's own row limit
MAX_CELLS = 40_000_000
assert 26 * MAX_ROWS <= MAX_CELLS  # reader._value_extent's quick test relies on it

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


class UnreadableRoster(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class SheetGrid:
    name: str
    cells: list[list[Any]]
    # Merged ranges as 0-based inclusive (first_row, first_col, last_row, last_col).
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

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

    @property
    def cells(self) -> int:
        return sum(sheet.size for sheet in self.sheets)


def read_workbook(path: Path) -> Workbook:
    """Read every visible sheet of a roster file (a CSV file is one sheet named after it)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableRoster("E101", f"cannot open the file: {exc.strerror or exc}") from None
    if size > MAX_FILE_BYTES:
        raise UnreadableRoster(
            "E104", f"the file is {size / 2**20:.0f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB"
        )
    if size == 0:
        raise UnreadableRoster("E101", "the file is empty (0 bytes)")
    with path.open("rb") as handle:
        head = handle.read(8)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if head.startswith(_OLE_MAGIC) and suffix in {".xlsx", ".xlsm"}:
        # Excel stores password-protected .xlsx files inside an OLE container.
        raise UnreadableRoster(
            "E102", "the workbook is password-protected; save it without a password"
        )
    if head.startswith(_ZIP_MAGIC):
        _check_zip(path)
    elif suffix in {".xlsx", ".xlsm", ".ods"}:
        raise UnreadableRoster("E101", f"not a {suffix} workbook: the file does not start like one")
    return _read_calamine(path)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_zip_sizes(members)
            _check_sheet_extents(archive, members)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
        raise UnreadableRoster("E101", f"the workbook is corrupt or truncated ({exc})") from None


def _check_zip_sizes(members: list[zipfile.ZipInfo]) -> None:
    total = sum(m.file_size for m in members)
    if total > MAX_UNZIPPED_BYTES:
        raise UnreadableRoster(
            "E104",
            f"the workbook unpacks to {total / 2**30:.1f} GB; the limit is "
            f"{MAX_UNZIPPED_BYTES / 2**30:.0f} GB",
        )
    for member in members:
        if member.file_size > 2**20 and member.file_size > MAX_ZIP_RATIO * max(
            member.compress_size, 1
        ):
            raise UnreadableRoster(
                "E104",
                f"part {member.filename} expands {member.file_size // max(member.compress_size, 1)}"
                " times when unpacked: refused as a possible zip bomb",
            )


# A value far to the right or bottom ("XFD1048576") makes the reader allocate every cell
# up to it: a 5 KB file could take all the memory. Sheets small enough to scan cheaply, and
# any sheet whose <dimension> declares a huge extent, are searched for far cells holding a
# value. A big sheet (> 8 MB of XML, ~150k cells) declaring a sane extent is not scanned;
# padding a tiny file up to that size is caught by the compression-ratio limit.
_DIMENSION = re.compile(rb'<dimension ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')
_FAR_CELL = re.compile(rb'<c r="(?:([A-Z]{2,3})(\d{1,7})|([A-Z])(\d{6,7}))"[^>/]*>')
_LAST_ROW = re.compile(rb'<row r="(\d{1,7})"')
_WIDE_CELL = re.compile(rb'<c r="[A-Z]{2}')  # any cell, with a value or not, beyond column Z
SCANNED_SHEET_BYTES = 8 * 2**20


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _area(letters: bytes, digits: bytes) -> int:
    return _column_number(letters) * int(digits)


def _value_extent(xml: bytes) -> int:
    """An upper bound of the cells the reader will allocate: only cells holding a value count
    (a formatted empty cell is written self-closing, <c r="XFD1048576" s="1"/>)."""
    if _WIDE_CELL.search(xml) is None:
        return 0  # columns A:Z only: at most 26 x 1,048,576 cells, under MAX_CELLS; a quick test
    columns, rows = [26], [0]
    for far in _FAR_CELL.finditer(xml):
        letters, digits = (far.group(1), far.group(2)) if far.group(1) else far.group(3, 4)
        columns.append(_column_number(letters))
        rows.append(int(digits))
    if len(columns) == 1:
        return 0  # values within A:Z and rows below 100,000: small whatever the rest
    last = [int(r) for r in _LAST_ROW.findall(xml[-65536:])[-1:]]
    return max(columns) * max(*rows, *last, 1)


def _declares_huge(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether the sheet's <dimension> (at the top of its XML) spans over MAX_CELLS."""
    with archive.open(member) as stream:
        declared = _DIMENSION.search(stream.read(4096))
    if declared is None:
        return False
    return (
        _area(declared.group(3) or declared.group(1), declared.group(4) or declared.group(2))
        > MAX_CELLS
    )


def _check_sheet_extents(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    for member in members:
        name = member.filename
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        if member.file_size > SCANNED_SHEET_BYTES and not _declares_huge(archive, member):
            continue  # scanning a big sheet costs a quarter of a second; see the note above
        area = _value_extent(archive.read(member))
        if area > MAX_CELLS:
            raise UnreadableRoster(
                "E104",
                f"a sheet ({name}) reaches {area:,} cells, over the limit of {MAX_CELLS:,}: is "
                "there a stray value far to the right or bottom of the roster? Delete the "
                "columns and rows after the table and save again",
            )


def _read_calamine(path: Path) -> Workbook:
    import python_calamine as calamine

    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
        from checker.metadata import is_metadata_sheet

        sheets: list[SheetGrid] = []
        hidden_metadata: list[SheetGrid] = []
        hidden: list[str] = []
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            if meta.visible != calamine.SheetVisibleEnum.Visible:
                hidden.append(meta.name)
                if is_metadata_sheet(meta.name):
                    cells = book.get_sheet_by_name(meta.name).to_python(nrows=50)
                    hidden_metadata.append(SheetGrid(meta.name, cells))
                continue
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.total_height > MAX_ROWS or sheet.total_height * sheet.total_width > MAX_CELLS:
                raise UnreadableRoster(
                    "E104",
                    f"sheet {meta.name!r} spans {sheet.total_height:,} rows x "
                    f"{sheet.total_width:,} columns; the limit is {MAX_CELLS:,} cells",
                )
            cells = sheet.to_python(skip_empty_area=False)
            merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []]
            sheets.append(SheetGrid(meta.name, cells, merged))
        book.close()
    except UnreadableRoster:
        raise
    except calamine.PasswordError:
        raise UnreadableRoster("E102", "the workbook is password-protected") from None
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError) as exc:
        raise UnreadableRoster("E101", _calamine_message(exc)) from None
    except Exception as exc:  # calamine reports some corrupt parts as plain errors
        raise UnreadableRoster("E101", _calamine_message(exc)) from None
    return Workbook(path, sheets, hidden_metadata, hidden)


def _calamine_message(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"the workbook cannot be read: {text[:200]}"


def _read_csv(path: Path) -> Workbook:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise UnreadableRoster("E101", "not a text CSV file (it contains binary data)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves CSV in the ANSI code page; cp1252 is Latin-1 plus €, œ, ’…
        text = raw.decode("cp1252", errors="replace")
    sample = text[:20_000]
    delimiter = max((";", ",", "\t"), key=lambda d: sample.count(d))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if len(rows) > MAX_ROWS:
        raise UnreadableRoster(
            "E104", f"the file has {len(rows):,} rows; the limit is {MAX_ROWS:,}"
        )
    return Workbook(path, [SheetGrid(path.stem, rows)])
