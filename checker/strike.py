"""Struck-through cells of an .xlsx/.xlsm workbook.

People cross a name off a printed or shared list to say the person did not come (or was
listed by mistake). That is formatting, which calamine does not give: read from the parts
themselves, only the cells whose own style has a struck-through font (the whole cell struck,
as Excel's Ctrl+5 does). A strike on part of a cell's text (rich text) is not read.

Called on an archive whose parts' sizes have already been checked (reader._check_zip). The
cost on a workbook without a struck-through font is one read of xl/styles.xml.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from xml.parsers import expat

Cells = frozenset[tuple[int, int]]  # (row, column), 0-based from A1

# The parts that say which cells are struck; each a few KB (past the bound, strikes are not
# looked for).
_PARTS = ("xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels")
MAX_PART_BYTES = 8 * 2**20
MAX_TAG_BYTES = 2**20
CHUNK = 4 * 2**20
_STRUCK_WORD = re.compile(rb"strike", re.IGNORECASE)


def struck_cells(archive: zipfile.ZipFile) -> dict[str, Cells]:
    """Sheet name → its struck-through cells; empty when the workbook has none."""
    names = set(archive.namelist())
    if any(n not in names or archive.getinfo(n).file_size > MAX_PART_BYTES for n in _PARTS):
        return {}
    data = archive.read("xl/styles.xml")
    if _STRUCK_WORD.search(data) is None:  # the usual case: nothing struck anywhere
        return {}
    styles_struck = _struck_styles(data)
    if not styles_struck:
        return {}
    found = {}
    for sheet, part in _sheet_parts(archive, names).items():
        cells = frozenset(_cells_styled(archive, part, styles_struck))
        if cells:
            found[sheet] = cells
    return found


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _parse(data: bytes, start: Callable[[str, dict[str, str]], None],
           end: Callable[[str], None] | None = None) -> bool:  # fmt: skip
    """Parse with expat (no DTD, no entities); False when the part is not well-formed."""
    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end

    def refuse(*_: object) -> None:
        raise ValueError("a DTD")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, ValueError):
        return False
    return True


def _struck_styles(data: bytes) -> frozenset[int]:
    """Indices of the cell formats (cellXfs) whose font is struck through."""
    fonts: list[bool] = []
    formats: list[int] = []
    where: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        parent = where[-1] if where else ""
        if local == "font" and parent == "fonts":
            fonts.append(False)
        elif local == "strike" and parent == "font" and len(where) >= 2 and where[-2] == "fonts":
            fonts[-1] = attrs.get("val", "1").strip().lower() not in ("0", "false")
        elif local == "xf" and parent == "cellXfs":
            font = attrs.get("fontId", "0").strip()
            formats.append(int(font) if font.isdigit() else 0)
        where.append(local)

    def end(name: str) -> None:
        where.pop()

    if not _parse(data, start, end):
        return frozenset()
    return frozenset(i for i, font in enumerate(formats) if font < len(fonts) and fonts[font])


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


_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*>")
_REFERENCE = re.compile(rb"""\sr\s*=\s*["']\s*([A-Za-z]{1,3})(\d{1,7})\s*["']""")
_STYLE = re.compile(rb"""\ss\s*=\s*["']\s*(\d{1,9})\s*["']""")


def _cells_styled(
    archive: zipfile.ZipFile, part: str, styles: frozenset[int]
) -> Iterator[tuple[int, int]]:
    """(row, column) of the part's cells written with one of `styles`. A cell without a
    reference (rare: Excel, LibreOffice and openpyxl write one) is not placed."""
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
            yield int(digits) - 1, column - 1


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
