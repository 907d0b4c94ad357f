"""Formatting that says something about a row, in an .xlsx/.xlsm workbook.

People cross a name off a printed or shared list to say the person did not come, or colour
the row under a legend ("rows in red = did not attend"). That is formatting, which calamine
does not give: read from the parts themselves, from the cells' own styles (the whole cell
struck, as Excel's Ctrl+5 does; the cell's fill). A strike on part of a cell's text (rich
text) and conditional formatting are not read.

Struck cells are read with every workbook (reader._check_zip, on an archive whose parts'
sizes have been checked): one read of xl/styles.xml when no font is struck. Filled cells are
read only for a sheet with a legend (layout), by opening the workbook again, and fonts only
for a presence column holding a letter a symbol font shows as a mark (Wingdings' "ü" is ✓).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from xml.parsers import expat

from checker.lazyre import lazy

Cells = frozenset[tuple[int, int]]  # (row, column), 0-based from A1
_T = TypeVar("_T")

# The parts that say which cells are formatted how; each a few KB (past the bound, the
# formatting is not looked at).
_PARTS = ("xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels")
MAX_PART_BYTES = 8 * 2**20
MAX_TAG_BYTES = 2**20
CHUNK = 4 * 2**20
_STRUCK_WORD = re.compile(rb"strike", re.IGNORECASE)
_WHITE = frozenset({"FFFFFFFF", "00FFFFFF", "FFFFFF"})


def _parts_readable(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether the workbook has the parts that say how cells are formatted, each small
    enough to read."""
    return all(n in names and archive.getinfo(n).file_size <= MAX_PART_BYTES for n in _PARTS)


def struck_cells(archive: zipfile.ZipFile) -> dict[str, Cells]:
    """Sheet name → its struck-through cells; empty when the workbook has none."""
    return _cells_in_styles(archive, lambda data: _styles(data)[0], _STRUCK_WORD)


def _cells_in_styles(
    archive: zipfile.ZipFile, styles_of: Callable[[bytes], frozenset[int]],
    hint: re.Pattern[bytes] | None = None,
) -> dict[str, Cells]:  # fmt: skip
    """Sheet name → its cells written with one of the cell formats `styles_of` picks from
    xl/styles.xml; empty when it picks none, or when `hint` (a word those formats need) is
    nowhere in xl/styles.xml, the usual case, which spares parsing it."""
    names = set(archive.namelist())
    if not _parts_readable(archive, names):
        return {}
    data = archive.read("xl/styles.xml")
    if hint is not None and hint.search(data) is None:
        return {}
    styles = styles_of(data)
    if not styles:
        return {}
    found = {}
    for sheet, part in _sheet_parts(archive, names).items():
        cells = frozenset(_cells_styled(archive, part, styles))
        if cells:
            found[sheet] = cells
    return found


def filled_cells(path: Path, sheet: str) -> Cells:
    """The cells of one sheet with a fill (a colour other than white); empty for a file
    that is not an .xlsx/.xlsm workbook or cannot be read again."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if any(n not in names or archive.getinfo(n).file_size > MAX_PART_BYTES
                   for n in _PARTS):  # fmt: skip
                return frozenset()
            _, filled = _styles(archive.read("xl/styles.xml"))
            part = _sheet_parts(archive, names).get(sheet)
            if not filled or part is None:
                return frozenset()
            return frozenset(_cells_styled(archive, part, filled))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return frozenset()


# What a letter typed in a symbol font shows, for the marks rosters tick with (the fonts' own
# encodings: Wingdings' ü is a tick, û a cross; Wingdings 2's P a tick, O a cross). The
# vocabulary then reads the mark as it reads one typed as such.
SYMBOL_FONTS: dict[str, dict[str, str]] = {
    "wingdings": {"ü": "✓", "û": "✗", "þ": "☑", "ý": "☒", "x": "⌧", "o": "□", "¨": "◻"},
    # O is a script x (🗴), Q a box with one (🗵): the cross and the crossed box they mean.
    "wingdings 2": {"P": "✓", "O": "✗", "R": "☑", "Q": "☒", "S": "☒", "T": "☒", "Ï": "🞪",
                    "£": "⬜"},
}  # fmt: skip
SYMBOL_LETTERS = frozenset(letter for shown in SYMBOL_FONTS.values() for letter in shown)
_SYMBOL_WORD = lazy(rb"wingdings", re.IGNORECASE)


def symbol_hint(text: str) -> tuple[str, str] | None:
    """(font, mark) when a cell whose font is not known holds only a letter that is no
    ordinary mark and that a symbol font shows as one ("ü": Wingdings, ✓), else None."""
    letter = text.strip()
    if letter.isascii():  # "x", "P", "O": letters rosters write as they are
        return None
    return next(((font.title(), shown[letter]) for font, shown in SYMBOL_FONTS.items()
                 if letter in shown), None)  # fmt: skip


def symbol_font_cells(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """The cells of one sheet whose font is a symbol font of SYMBOL_FONTS → that font
    ("wingdings", "wingdings 2"); empty for a file that is not an .xlsx/.xlsm workbook,
    cannot be read again, or uses no such font (one read of xl/styles.xml)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if not _parts_readable(archive, names):
                return {}
            data = archive.read("xl/styles.xml")
            if _SYMBOL_WORD.search(data) is None:  # the usual case
                return {}
            fonts = _symbol_styles(data)
            part = _sheet_parts(archive, names).get(sheet)
            if not fonts or part is None:
                return {}
            return {(row, col): fonts[style]
                    for row, col, style in _styled(archive, part, frozenset(fonts))}  # fmt: skip
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return {}


def _symbol_styles(data: bytes) -> dict[int, str]:
    """Index of each cell format (cellXfs) whose font is one of SYMBOL_FONTS → that font."""
    named = _font_styles(
        data, "name", lambda attrs: " ".join(attrs.get("val", "").lower().split()), ""
    )
    return {i: font for i, font in named.items() if font in SYMBOL_FONTS}


def _font_styles(
    data: bytes, child: str, read: Callable[[dict[str, str]], _T], blank: _T
) -> dict[int, _T]:
    """Index of each cell format (cellXfs) → what `read` says of its font's `child` element
    (<name>, <color>), `blank` for a font without one; {} when the part is not well-formed."""
    fonts: list[_T] = []
    formats: list[int] = []
    where: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        parent = where[-1] if where else ""
        grandparent = where[-2] if len(where) >= 2 else ""
        if local == "font" and parent == "fonts":
            fonts.append(blank)
        elif local == child and parent == "font" and grandparent == "fonts" and fonts:
            fonts[-1] = read(attrs)
        elif local == "xf" and parent == "cellXfs":
            value = attrs.get("fontId", "0").strip()
            formats.append(int(value) if value.isdigit() else 0)
        where.append(local)

    def end(name: str) -> None:
        where.pop()

    if not _parse(data, start, end):
        return {}
    return {i: fonts[font] for i, font in enumerate(formats) if font < len(fonts)}


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _parse(data: bytes, start: Callable[[str, dict[str, str]], None],
           end: Callable[[str], None] | None = None,
           text: Callable[[str], None] | None = None) -> bool:  # fmt: skip
    """Parse with expat (no DTD, no entities); False when the part is not well-formed."""
    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text

    def refuse(*_: object) -> None:
        raise ValueError("a DTD")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, ValueError):
        return False
    return True


def greyed_cells(archive: zipfile.ZipFile) -> dict[str, Cells]:
    """Sheet name → its cells written in a grey font ("greyed out"); empty when the
    workbook's fonts have no grey."""
    return _cells_in_styles(archive, _grey_styles)


# The legacy palette's greys (indexed colours 22, 23, 55: C0C0C0, 808080, 969696).
_GREY_INDEXED = frozenset({"22", "23", "55"})


def _is_grey(attrs: dict[str, str]) -> bool:
    """Whether a font's colour is a grey: an RGB whose three parts are near each other
    between dark and light grey, a legacy palette grey, or the theme's text colour lightened
    ("Black, Text 1, Lighter 50%") or its background darkened ("White, Background 1, Darker
    50%")."""
    rgb = attrs.get("rgb", "").strip().upper()
    if len(rgb) in (6, 8) and all(c in "0123456789ABCDEF" for c in rgb):
        r, g, b = (int(rgb[-6:][i : i + 2], 16) for i in (0, 2, 4))
        return max(r, g, b) - min(r, g, b) <= 16 and 0x60 <= (r + g + b) // 3 <= 0xD8
    if attrs.get("indexed", "").strip() in _GREY_INDEXED:
        return True
    try:
        tint = float(attrs.get("tint", "0"))
    except ValueError:
        return False
    theme = attrs.get("theme", "").strip()
    return (theme == "1" and tint >= 0.25) or (theme == "0" and tint <= -0.25)


def _grey_styles(data: bytes) -> frozenset[int]:
    """Indices of the cell formats (cellXfs) whose font is grey."""
    return frozenset(i for i, grey in _font_styles(data, "color", _is_grey, False).items() if grey)


def _styles(data: bytes) -> tuple[frozenset[int], frozenset[int]]:
    """Indices of the cell formats (cellXfs) whose font is struck through, and of those
    with a fill."""
    fonts: list[bool] = []
    fills: list[bool] = []
    formats: list[tuple[int, int]] = []
    where: list[str] = []

    def number(attrs: dict[str, str], name: str) -> int:
        value = attrs.get(name, "0").strip()
        return int(value) if value.isdigit() else 0

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        parent = where[-1] if where else ""
        grandparent = where[-2] if len(where) >= 2 else ""
        if local == "font" and parent == "fonts":
            fonts.append(False)
        elif local == "strike" and parent == "font" and grandparent == "fonts":
            fonts[-1] = attrs.get("val", "1").strip().lower() not in ("0", "false")
        elif local == "fill" and parent == "fills":
            fills.append(False)
        elif local == "patternFill" and parent == "fill" and grandparent == "fills":
            fills[-1] = attrs.get("patternType", "none") not in ("none", "gray125")
        elif local == "fgColor" and parent == "patternFill" and fills:
            fills[-1] = fills[-1] and attrs.get("rgb", "").upper() not in _WHITE
        elif local == "gradientFill" and parent == "fill" and grandparent == "fills":
            fills[-1] = True
        elif local == "xf" and parent == "cellXfs":
            formats.append((number(attrs, "fontId"), number(attrs, "fillId")))
        where.append(local)

    def end(name: str) -> None:
        where.pop()

    if not _parse(data, start, end):
        return frozenset(), frozenset()
    struck = frozenset(
        i for i, (font, _) in enumerate(formats) if font < len(fonts) and fonts[font]
    )
    filled = frozenset(
        i for i, (_, fill) in enumerate(formats) if fill < len(fills) and fills[fill]
    )
    return struck, filled


def _sheet_parts(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet name → its part, from xl/workbook.xml and its relationships."""
    sheets: dict[str, str] = {}  # relationship id → sheet name
    targets: dict[str, str] = {}

    def sheet(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "sheet":
            rel = next((v for k, v in attrs.items() if _local(k) == "id"), None)
            if rel is not None and "name" in attrs:
                sheets[rel] = attrs["name"]

    def relationship(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship" and "Id" in attrs and "Target" in attrs:
            target = attrs["Target"]
            targets[attrs["Id"]] = (
                target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
            )

    if not (_parse(archive.read("xl/workbook.xml"), sheet)
            and _parse(archive.read("xl/_rels/workbook.xml.rels"), relationship)):  # fmt: skip
        return {}
    return {name: targets[rel] for rel, name in sheets.items() if targets.get(rel) in names}


_CELL = lazy(rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*>")
_REFERENCE = lazy(rb"""\sr\s*=\s*["']\s*([A-Za-z]{1,3})(\d{1,7})\s*["']""")
_STYLE = lazy(rb"""\ss\s*=\s*["']\s*(\d{1,9})\s*["']""")


def _cells_styled(
    archive: zipfile.ZipFile, part: str, styles: frozenset[int]
) -> Iterator[tuple[int, int]]:
    """(row, column) of the part's cells written with one of `styles`. A cell without a
    reference (rare: Excel, LibreOffice and openpyxl write one) is not placed."""
    for row, column, _ in _styled(archive, part, styles):
        yield row, column


def _styled(
    archive: zipfile.ZipFile, part: str, styles: frozenset[int]
) -> Iterator[tuple[int, int, int]]:
    """(row, column, style) of the part's cells written with one of `styles`."""
    for chunk in _chunks(archive, part):
        for match in _CELL.finditer(chunk):
            tag = match.group()
            style = _STYLE.search(tag)
            if style is None or int(style.group(1)) not in styles:
                continue
            reference = _REFERENCE.search(tag)
            if reference is None:
                continue
            letters, digits = reference.groups()
            column = 0
            for letter in letters.upper():
                column = column * 26 + letter - 64
            yield int(digits) - 1, column - 1, int(style.group(1))


def _chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part's bytes in chunks that never split a tag (a tag longer than MAX_TAG_BYTES
    ends the reading: reader's checks have already measured such a part exactly)."""
    carry = b""
    with archive.open(part) as stream:
        while data := stream.read(CHUNK):
            buffer = carry + data
            cut = buffer.rfind(b"<")
            if len(buffer) - max(cut, 0) > MAX_TAG_BYTES:
                return
            yield buffer[: max(cut, 0)]
            carry = buffer[max(cut, 0) :]
    yield carry


# ------------------------------------------------------------------ hidden rows and columns


@dataclass(frozen=True)
class Hidden:
    """What a sheet hides (0-based): rows hidden by hand (a person may hide the rows of
    invitees who did not come), rows hidden by an active filter (other rows of the same data,
    not deletions) and hidden columns."""

    rows: frozenset[int] = frozenset()
    filtered: frozenset[int] = frozenset()
    columns: frozenset[int] = frozenset()


_HIDDEN_WORD = b"hidden"
_TAG = rb"<(?:[A-Za-z_][\w.-]*:)?%s[\s/>][^>]*>"
_ROW_TAG = lazy(_TAG % rb"row")
_COL_TAG = lazy(_TAG % rb"col")
_AUTO_FILTER = lazy(_TAG % rb"autoFilter")
_FILTER_COLUMN = lazy(rb"<(?:[A-Za-z_][\w.-]*:)?filterColumn[\s/>]")
_HIDDEN_ATTR = lazy(rb"""\shidden\s*=\s*["']\s*(?:1|true)\s*["']""")
_ROW_NUMBER = lazy(rb"""\sr\s*=\s*["']\s*(\d{1,7})\s*["']""")
_MIN = lazy(rb"""\smin\s*=\s*["']\s*(\d{1,5})\s*["']""")
_MAX = lazy(rb"""\smax\s*=\s*["']\s*(\d{1,5})\s*["']""")
_RANGE = lazy(
    rb"""\sref\s*=\s*["']\s*\$?[A-Za-z]{1,3}\$?(\d{1,7})(?::\$?[A-Za-z]{1,3}\$?(\d{1,7}))?"""
)
_NOT_A_SHEET = re.compile(r"xl/(?:styles|sharedStrings|calcChain|workbook)\.xml$|xl/theme/")
MAX_COLUMNS = 16_384  # Excel's XFD
MAX_ROWS = 1_048_576  # and its last row: no more hidden rows are kept than a sheet has


def hidden_cells(archive: zipfile.ZipFile, parts: set[str] | None = None) -> dict[str, Hidden]:
    """Sheet name → what it hides; empty when no sheet hides anything. `parts`: the sheet
    parts that may (reader's measuring of every sheet part searches them for the word
    "hidden", so that the usual workbook costs nothing more); None: every sheet part."""
    if parts is not None:  # the workbook's other parts ("hidden" in a cell style) aside
        parts = {p for p in parts if not _NOT_A_SHEET.match(p)}
        if not parts:
            return {}
    names = set(archive.namelist())
    if not _parts_readable(archive, names):
        return {}
    found = {}
    for sheet, part in _sheet_parts(archive, names).items():
        if parts is not None and part not in parts:
            continue
        if any(_HIDDEN_WORD in chunk for chunk in _chunks(archive, part)):
            hidden = _hidden_in(archive, part)
            if hidden != Hidden():
                found[sheet] = hidden
    return found


def _hidden_in(archive: zipfile.ZipFile, part: str) -> Hidden:
    rows: set[int] = set()
    columns: set[int] = set()
    row = 0  # a <row> without r follows the one before it
    filter_rows: tuple[int, int] | None = None
    active = False
    for chunk in _chunks(archive, part):
        for match in _COL_TAG.finditer(chunk):
            tag = match.group()
            low, high = _MIN.search(tag), _MAX.search(tag)
            if _HIDDEN_ATTR.search(tag) and low and high:
                columns.update(range(max(int(low.group(1)) - 1, 0),
                                     min(int(high.group(1)), MAX_COLUMNS)))  # fmt: skip
        for match in _ROW_TAG.finditer(chunk):
            tag = match.group()
            number = _ROW_NUMBER.search(tag)
            row = int(number.group(1)) if number else row + 1
            if _HIDDEN_ATTR.search(tag) and 1 <= row <= MAX_ROWS:
                rows.add(row - 1)
        for match in _AUTO_FILTER.finditer(chunk):
            extent = _RANGE.search(match.group())
            if extent is not None:
                first = int(extent.group(1))
                filter_rows = (first, int(extent.group(2) or first))
        active = active or _FILTER_COLUMN.search(chunk) is not None
    # A filter with criteria (a filterColumn) hides the rows of its range that do not match.
    filtered: frozenset[int] = frozenset()
    if active and filter_rows is not None:
        first, last = filter_rows
        filtered = frozenset(r for r in rows if first - 1 < r < last)
    return Hidden(frozenset(rows) - filtered, filtered, frozenset(columns))


# ------------------------------------------------------------------ cell comments

_COMMENT_PART = re.compile(r"(?:^|/)(?:threaded)?comments?[^/]*\.xml$", re.IGNORECASE)
MAX_COMMENT_CHARS = 300


def has_comments(names: set[str]) -> bool:
    """Whether the workbook holds a comments part (notes, or Excel 365's threaded comments):
    a look at the part names, so that comments are read only for such workbooks."""
    return any(_COMMENT_PART.search(name) for name in names)


def cell_comments(path: Path, sheet: str, skip_author: str = "") -> dict[tuple[int, int], str]:
    """The comments (notes) on one sheet's cells, (row, column) → text; a threaded comment's
    text (with its replies) rather than the note Excel writes beside it for older versions;
    the notes of `skip_author` (the checker's own, in an annotated copy) left out. Empty for
    a file that is not an .xlsx/.xlsm workbook, and a part that cannot be read is left out."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if not _parts_readable(archive, names):
                return {}
            part = _sheet_parts(archive, names).get(sheet)
            if part is None:
                return {}
            notes: dict[tuple[int, int], str] = {}
            threads: dict[tuple[int, int], str] = {}
            for kind, target in _related(archive, names, part):
                into = threads if kind == "threadedComment" else notes
                for cell, text in _comments_in(archive.read(target), skip_author).items():
                    into[cell] = f"{into[cell]} / {text}" if cell in into else text
            return {cell: text[:MAX_COMMENT_CHARS] for cell, text in (notes | threads).items()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return {}


def _related(archive: zipfile.ZipFile, names: set[str], part: str) -> Iterator[tuple[str, str]]:
    """(comments or threadedComment, part) of the comments parts a sheet's relationships
    name, each within the size bound."""
    folder, file = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", file + ".rels")
    if rels not in names or archive.getinfo(rels).file_size > MAX_PART_BYTES:
        return
    found: list[tuple[str, str]] = []

    def relationship(name: str, attrs: dict[str, str]) -> None:
        kind = attrs.get("Type", "").rpartition("/")[2]
        if _local(name) == "Relationship" and kind in ("comments", "threadedComment"):
            target = attrs.get("Target", "")
            found.append((kind, target.lstrip("/") if target.startswith("/")
                          else posixpath.normpath(posixpath.join(folder, target))))  # fmt: skip

    if not _parse(archive.read(rels), relationship):
        return
    for kind, target in found:
        if target in names and archive.getinfo(target).file_size <= MAX_PART_BYTES:
            yield kind, target


def _comments_in(data: bytes, skip_author: str = "") -> dict[tuple[int, int], str]:
    """A comments part (<comment ref=…><text>…<t>…) or a threaded comments part
    (<threadedComment ref=…><text>…): cell → its text; nothing when it is not well-formed."""
    found: dict[tuple[int, int], list[str]] = {}
    where: list[str] = []
    cell: list[tuple[int, int] | None] = [None]
    authors: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "author":
            authors.append("")
        if local in ("comment", "threadedComment"):
            author = attrs.get("authorId", "")
            skipped = author.isdigit() and int(author) < len(authors) and bool(skip_author) and (
                authors[int(author)] == skip_author
            )  # fmt: skip
            cell[0] = None if skipped else _cell_of(attrs.get("ref", ""))
            if cell[0] is not None and found.setdefault(cell[0], []):
                found[cell[0]].append(" / ")  # a reply, or a second comment on the cell
        where.append(local)

    def end(name: str) -> None:
        if where.pop() in ("comment", "threadedComment"):
            cell[0] = None

    def text(data: str) -> None:
        if where[-1:] == ["author"] and authors:
            authors[-1] += data
        inside = where[-1:] == ["t"] or where[-1:] == ["text"]
        if cell[0] is not None and inside and "text" in where:
            found[cell[0]].append(data)

    if not _parse(data, start, end, text):
        return {}
    out = {}
    for at, pieces in found.items():
        said = " ".join("".join(pieces).split())
        if said:
            out[at] = said
    return out


_REF = lazy(r"\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$")


def _cell_of(reference: str) -> tuple[int, int] | None:
    match = _REF.match(reference)
    if match is None:
        return None
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, column - 1
