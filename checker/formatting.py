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

import html
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast
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
_STRIKE_TAG = re.compile(rb"strike")  # as XML spells it: a literal search, at C speed
_WHITE = frozenset({"FFFFFFFF", "00FFFFFF", "FFFFFF"})


def _parts_readable(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether the workbook has the parts that say how cells are formatted, each small
    enough to read."""
    return all(n in names and archive.getinfo(n).file_size <= MAX_PART_BYTES for n in _PARTS)


def struck_cells(archive: zipfile.ZipFile) -> dict[str, Cells]:
    """Sheet name → its struck-through cells; empty when the workbook has none."""
    return _cells_in_styles(archive, lambda data: _styles(data)[0], _STRUCK_WORD)


def struck_in_text(archive: zipfile.ZipFile, parts: set[str] | None = None) -> dict[str, Cells]:
    """Sheet name → its cells whose text is struck through in the text itself (rich text:
    runs `<r><rPr><strike/>`, as when the text is selected in the formula bar and struck),
    whole or in part: the cell's own style may be plain. `parts`: the sheet parts holding the
    word "strike" (an inline string's runs); every sheet is read when a shared string has a
    struck run. Empty when nothing is struck so, the usual case (no "strike" in the shared
    strings: one search of them)."""
    names = set(archive.namelist())
    if not _parts_readable(archive, names):
        return {}
    sheets = _sheet_parts(archive, names)
    shared = _shared_strings_part(archive, names)
    struck_shared: frozenset[int] = frozenset()
    if shared is not None and any(_STRIKE_TAG.search(c) for c in _chunks(archive, shared)):
        struck_shared = frozenset(cast("Iterator[int]", _struck_runs(archive, shared, None)))
    found = {}
    for sheet, part in sheets.items():
        if not struck_shared and (parts is None or part not in parts):
            continue
        if not struck_shared and not any(_STRIKE_TAG.search(c) for c in _chunks(archive, part)):
            continue
        cells = frozenset(
            cast("Iterator[tuple[int, int]]", _struck_runs(archive, part, struck_shared))
        )
        if cells:
            found[sheet] = cells
    return found


def conditional_strikes(archive: zipfile.ZipFile) -> dict[str, ConditionalStrikes]:
    """Sheet name → its conditional formats that strike cells through: the tests of those
    evaluated, the ranges of those that are not. Only the plain rules are
    evaluated: a cell equal to a text (`cellIs` equal "Cancelled"), or one column equal to a
    text (`expression` $G4="Cancelled"), compared as Excel does, case aside. Empty when no
    differential format strikes (one search of xl/styles.xml, the usual case)."""
    names = set(archive.namelist())
    if not _parts_readable(archive, names):
        return {}
    data = archive.read("xl/styles.xml")
    if _STRUCK_WORD.search(data) is None:
        return {}
    striking = _striking_dxfs(data)
    if not striking:
        return {}
    found = {}
    for sheet, part in _sheet_parts(archive, names).items():
        if not any(b"conditionalFormatting" in c for c in _chunks(archive, part)):
            continue
        rules = _striking_rules(archive, part, striking)
        if rules:
            found[sheet] = rules
    return {sheet: _evaluable(rules) for sheet, rules in found.items()}


def _striking_dxfs(data: bytes) -> frozenset[int]:
    """Indices of the differential formats (dxfs) whose font is struck through."""
    struck: list[bool] = []
    where: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        parent = where[-1] if where else ""
        if local == "dxf" and parent == "dxfs":
            struck.append(False)
        elif local == "strike" and parent == "font" and where[-3:-1] == ["dxfs", "dxf"]:
            struck[-1] = attrs.get("val", "1").strip().lower() not in ("0", "false")
        where.append(local)

    def end(name: str) -> None:
        where.pop()

    if not _parse(data, start, end):
        return frozenset()
    return frozenset(i for i, hit in enumerate(struck) if hit)


# A rule striking a conditional format's range: (its ranges, type, operator, formulas).
_Rule = tuple[str, str, str, tuple[str, ...]]


def _striking_rules(archive: zipfile.ZipFile, part: str, striking: frozenset[int]) -> list[_Rule]:
    """The conditional formatting rules of a sheet part whose format strikes through."""
    tail = b""  # conditional formats follow the cells: only the part after <sheetData> ends
    for chunk in _chunks(archive, part):
        at = chunk.find(b"conditionalFormatting")
        if tail or at >= 0:
            tail += chunk if tail else chunk[max(chunk.rfind(b"<", 0, at), 0) :]
        if len(tail) > MAX_PART_BYTES:
            break
    rules: list[_Rule] = []
    where: list[str] = []
    sqref = [""]
    rule: list[str] = []  # the rule's type and operator, when its format strikes
    formulas: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "conditionalFormatting":
            sqref[0] = attrs.get("sqref", "")
        elif local == "cfRule":
            dxf = attrs.get("dxfId", "").strip()
            hit = dxf.isdigit() and int(dxf) in striking
            rule[:] = [attrs.get("type", ""), attrs.get("operator", "")] if hit else []
            formulas.clear()
        elif local == "formula" and where[-1:] == ["cfRule"]:
            formulas.append("")
        where.append(local)

    def text(data: str) -> None:  # a formula's text may come in pieces (&quot;)
        if where[-2:] == ["cfRule", "formula"] and formulas:
            formulas[-1] += data

    def end(name: str) -> None:
        if where.pop() == "cfRule" and rule:
            rules.append((sqref[0], rule[0], rule[1], tuple(formulas)))
            rule.clear()

    # Wrapped: the tail is a run of sibling elements, then the worksheet's end tag.
    _parse(b"<w>" + tail.replace(b"</worksheet>", b"") + b"</w>", start, end, text)
    return rules


_EQUALS_TEXT = re.compile(r'^\s*=?\s*"([^"]*)"\s*$')
_COLUMN_EQUALS = re.compile(r'^\s*\$([A-Za-z]{1,3})\$?(\d{1,7})\s*=\s*"([^"]*)"\s*$')


def _evaluable(rules: list[_Rule]) -> ConditionalStrikes:
    """The rules' tests, and the ranges of the rules that are not evaluated."""
    tests: list[tuple[tuple[int, int, int, int], int | None, str]] = []
    unread: list[str] = []
    for sqref, kind, operator, formulas in rules:
        ranges = [r for r in (_range_of(p) for p in sqref.split()) if r is not None]
        text = _EQUALS_TEXT.match(formulas[0]) if formulas else None
        column = _COLUMN_EQUALS.match(formulas[0]) if formulas else None
        if ranges and kind == "cellIs" and operator == "equal" and text is not None:
            tests += [(r, None, _folded_text(text.group(1))) for r in ranges]
        elif (ranges and kind == "expression" and column is not None
              and int(column.group(2)) - 1 == ranges[0][0]):  # fmt: skip
            # $G4 on a range whose first row is 4: each row compares its own G.
            at = _column_index(column.group(1).encode())
            tests += [(r, at, _folded_text(column.group(3))) for r in ranges]
        else:
            unread.append(" ".join(sqref.split()) or "?")
    return ConditionalStrikes(tuple(tests), tuple(unread))


@dataclass(frozen=True)
class ConditionalStrikes:
    """A sheet's conditional formats that strike cells through: the tests of those evaluated
    ((first row, first column, last row, last column) 0-based, the column compared or None
    for each cell itself, the text, folded), the ranges of those that are not."""

    tests: tuple[tuple[tuple[int, int, int, int], int | None, str], ...] = ()
    unread: tuple[str, ...] = ()

    def struck(self, cells: list[list[object]]) -> Cells:
        """The cells the evaluated rules strike, from the sheet's values."""
        found: set[tuple[int, int]] = set()

        def value(row: int, col: int) -> str | None:
            line = cells[row] if row < len(cells) else []
            held = line[col] if col < len(line) else None
            return _folded_text(held) if isinstance(held, str) else None

        for (top, left, bottom, right), column, text in self.tests:
            for row in range(top, min(bottom, len(cells) - 1) + 1):
                width = min(right, len(cells[row]) - 1)
                if column is not None:
                    if value(row, column) == text:
                        found.update((row, col) for col in range(left, width + 1))
                else:
                    found.update((row, col) for col in range(left, width + 1)
                                 if value(row, col) == text)  # fmt: skip
        return frozenset(found)


def _range_of(reference: str) -> tuple[int, int, int, int] | None:
    """A range ("A4:G17", or "B2") → (first row, first column, last row, last column), 0-based."""
    first, _, last = reference.partition(":")
    one, other = _cell_of(first), _cell_of(last or first)
    if one is None or other is None:
        return None
    return (min(one[0], other[0]), min(one[1], other[1]), max(one[0], other[0]),
            max(one[1], other[1]))  # fmt: skip


def _shared_strings_part(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """The shared strings part the workbook's relationships name (xl/sharedStrings.xml)."""
    targets: list[str] = []

    def relationship(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship" and attrs.get("Type", "").endswith("/sharedStrings"):
            target = attrs.get("Target", "")
            targets.append(target.lstrip("/") if target.startswith("/")
                           else posixpath.normpath("xl/" + target))  # fmt: skip

    _parse(archive.read("xl/_rels/workbook.xml.rels"), relationship)
    return next((t for t in targets if t in names), None)


def _struck_runs(
    archive: zipfile.ZipFile, part: str, shared: frozenset[int] | None
) -> Iterator[object]:
    """With `shared` None, a shared strings part: the indices of its strings with a struck
    run holding a letter or digit. Otherwise a sheet part: (row, column) of its cells whose
    inline string has such a run, or whose shared string is one of `shared`. Streamed with
    expat (no DTD, no entities); a part that is not well-formed yields what came before."""
    found: list[object] = []
    where: list[str] = []
    state: dict[str, object] = {}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        parent = where[-1] if where else ""
        if local == "si" and shared is None:
            state.update(index=int(state.get("index", -1)) + 1, hit=False)  # type: ignore[call-overload]
        elif local == "c":
            state.update(cell=_cell_of(attrs.get("r", "")) if "r" in attrs else None,
                         kind=attrs.get("t", ""), hit=False, value="")  # fmt: skip
        elif local == "r" and parent in ("si", "is"):
            state.update(run=False)
        elif local == "strike" and parent == "rPr":
            state["run"] = attrs.get("val", "1").strip().lower() not in ("0", "false")
        where.append(local)

    def text(data: str) -> None:
        if where[-1:] == ["t"] and where[-2:-1] == ["r"] and state.get("run"):
            if any(ch.isalnum() for ch in data):
                state["hit"] = True
        elif where[-1:] == ["v"] and shared:
            state["value"] = str(state.get("value", "")) + data

    def end(name: str) -> None:
        local = where.pop()
        if local == "si" and shared is None and state.get("hit"):
            found.append(state["index"])
        elif local == "c" and shared is not None and state.get("cell") is not None:
            value = str(state.get("value", "")).strip()
            if state.get("hit") or (
                state.get("kind") == "s" and value.isdigit() and int(value) in shared
            ):
                found.append(state["cell"])
        elif local == "r":
            state["run"] = False

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text

    def refuse(*_: object) -> None:
        raise ValueError("a DTD")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        with archive.open(part) as stream:
            while data := stream.read(CHUNK):
                parser.Parse(data, False)
                yield from found
                found.clear()
            parser.Parse(b"", True)
    except (expat.ExpatError, ValueError):
        pass
    yield from found


def invisible_cells(archive: zipfile.ZipFile) -> dict[str, Cells]:
    """Sheet name → its cells written in a font of their background's colour (white on no
    fill, or on a white one; a font the colour of the cell's fill): they read as empty on
    screen and paper. Empty when no cell format is so (one read of xl/styles.xml)."""
    names = set(archive.namelist())
    if not _parts_readable(archive, names):
        return {}
    theme = _theme_colours(archive, names)
    return _cells_in_styles(archive, lambda data: _invisible_styles(data, theme))


# The legacy palette's black and white, and the system's foreground and background.
_INDEXED = {"0": "000000", "8": "000000", "1": "FFFFFF", "9": "FFFFFF", "64": "000000",
            "65": "FFFFFF"}  # fmt: skip
# A theme colour's index in xl/theme's colour scheme: Excel numbers lt1 (Background 1) 0 and
# dk1 (Text 1) 1.
_THEME_ORDER = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4",
                "accent5", "accent6", "hlink", "folHlink")  # fmt: skip
_DEFAULT_THEME = ("FFFFFF", "000000", "E7E6E6", "44546A")
MAX_THEME_BYTES = 2**20


def _theme_colours(archive: zipfile.ZipFile, names: set[str]) -> tuple[str, ...]:
    """The theme's colours in Excel's order (lt1, dk1, …); Office's when there is no theme."""
    part = next((n for n in sorted(names) if n.startswith("xl/theme/") and n.endswith(".xml")),
                None)  # fmt: skip
    if part is None or archive.getinfo(part).file_size > MAX_THEME_BYTES:
        return _DEFAULT_THEME
    colours: dict[str, str] = {}
    where: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        parent = where[-1] if where else ""
        if parent in _THEME_ORDER and parent not in colours:
            value = attrs.get("val", "") if local == "srgbClr" else attrs.get("lastClr", "")
            if local in ("srgbClr", "sysClr") and _hex(value):
                colours[parent] = value.upper()
        where.append(local)

    def end(name: str) -> None:
        where.pop()

    if not _parse(archive.read(part), start, end) or not {"lt1", "dk1"} <= colours.keys():
        return _DEFAULT_THEME
    return tuple(colours.get(key, "") for key in _THEME_ORDER)


def _hex(value: str) -> bool:
    return len(value) in (6, 8) and all(c in "0123456789ABCDEFabcdef" for c in value)


def _colour(attrs: dict[str, str], theme: tuple[str, ...], indexed: dict[str, str]) -> str | None:
    """A <color>/<fgColor> as RRGGBB, its tint applied; None for one that cannot be told."""
    rgb = attrs.get("rgb", "").strip()
    if _hex(rgb):
        base = rgb[-6:].upper()
    elif attrs.get("theme", "").strip().isdigit():
        number = int(attrs["theme"])
        base = theme[number] if number < len(theme) else ""
    elif attrs.get("indexed", "").strip() in indexed:
        base = indexed[attrs["indexed"].strip()]
    else:
        return None
    if not base:
        return None
    try:
        tint = float(attrs.get("tint", "0"))
    except ValueError:
        return None
    return _tinted(base, tint) if tint else base


def _tinted(rgb: str, tint: float) -> str:
    """Excel's tint: the lightness scaled towards black (tint < 0) or white (tint > 0)."""
    import colorsys

    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    return "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(h, light, s))


def _alike(one: str, other: str) -> bool:
    """Two colours a reader cannot tell apart (each part within 16 of the other's)."""
    return all(abs(int(one[i : i + 2], 16) - int(other[i : i + 2], 16)) <= 16 for i in (0, 2, 4))


def _invisible_styles(data: bytes, theme: tuple[str, ...]) -> frozenset[int]:
    """Indices of the cell formats (cellXfs) whose font has the colour of their background:
    the fill's (a solid fill) or white (no fill). A font without a colour is black; a fill
    in a pattern is not judged. Colours are told once the whole part is read (a workbook's
    own palette comes last)."""
    black = {"rgb": "FF000000"}
    white = {"rgb": "FFFFFFFF"}
    fonts: list[dict[str, str]] = []
    fills: list[dict[str, str] | None] = []  # the background's colour; None: not judged
    formats: list[tuple[int, int]] = []
    where: list[str] = []
    palette: list[str] = []

    def number(attrs: dict[str, str], name: str) -> int:
        value = attrs.get(name, "0").strip()
        return int(value) if value.isdigit() else 0

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        parent = where[-1] if where else ""
        grandparent = where[-2] if len(where) >= 2 else ""
        if local == "font" and parent == "fonts":
            fonts.append(black)
        elif local == "color" and parent == "font" and grandparent == "fonts" and fonts:
            fonts[-1] = attrs
        elif local == "fill" and parent == "fills":
            fills.append(white)
        elif local == "patternFill" and parent == "fill" and grandparent == "fills":
            kind = attrs.get("patternType", "none")
            fills[-1] = white if kind == "none" else {} if kind == "solid" else None
        elif local == "fgColor" and parent == "patternFill" and fills and fills[-1] == {}:
            fills[-1] = attrs
        elif local == "gradientFill" and parent == "fill" and grandparent == "fills":
            fills[-1] = None
        elif local == "xf" and parent == "cellXfs":
            formats.append((number(attrs, "fontId"), number(attrs, "fillId")))
        elif local == "rgbColor" and parent == "indexedColors" and _hex(attrs.get("rgb", "")):
            palette.append(attrs["rgb"][-6:].upper())
        where.append(local)

    def end(name: str) -> None:
        where.pop()

    if not _parse(data, start, end):
        return frozenset()
    indexed = _INDEXED | {str(i): rgb for i, rgb in enumerate(palette)}
    hidden = set()
    for i, (font, fill) in enumerate(formats):
        colour = _colour(fonts[font], theme, indexed) if font < len(fonts) else None
        ground = fills[fill] if fill < len(fills) else None
        shade = _colour(ground, theme, indexed) if ground else None
        if colour and shade and _alike(colour, shade):
            hidden.add(i)
    return frozenset(hidden)


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
class Criterion:
    """One column of an autofilter: the texts it shows (folded), whether it shows blank
    cells; `shown` None when its criteria are not a list of values (a custom, dynamic, top-10,
    colour or icon filter, or dates grouped by year and month), which is not evaluated."""

    column: int  # 0-based, on the sheet
    shown: frozenset[str] | None
    blank: bool = False


@dataclass(frozen=True)
class Hidden:
    """What a sheet hides (0-based): rows hidden by hand (a person may hide the rows of
    invitees who did not come), rows hidden by an active filter (other rows of the same data,
    not deletions), rows folded by a collapsed outline group (read: folding is not striking
    anyone off), rows hidden under a filter whose criteria are not evaluated (attendance
    unknown, said apart) and hidden columns. `criteria`: the filter's, until `settle` has
    told the rows it hides from those hidden by hand under it."""

    rows: frozenset[int] = frozenset()
    filtered: frozenset[int] = frozenset()
    columns: frozenset[int] = frozenset()
    folded: frozenset[int] = frozenset()
    unsure: frozenset[int] = frozenset()
    criteria: tuple[Criterion, ...] = ()


_HIDDEN_WORD = b"hidden"
_TAG = rb"<(?:[A-Za-z_][\w.-]*:)?%s[\s/>][^>]*>"
_ROW_TAG = re.compile(_TAG % rb"row")
_COL_TAG = re.compile(_TAG % rb"col")
_AUTO_FILTER = re.compile(_TAG % rb"autoFilter")
_AUTO_FILTER_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?autoFilter\s*>")
_FILTER_COLUMN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?filterColumn[\s/>]")
_HIDDEN_ATTR = re.compile(rb"""\shidden\s*=\s*["']\s*(?:1|true)\s*["']""")
_OUTLINE = re.compile(rb"""\soutlineLevel\s*=\s*["']\s*(\d{1,2})\s*["']""")
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["']\s*(\d{1,7})\s*["']""")
_MIN = re.compile(rb"""\smin\s*=\s*["']\s*(\d{1,5})\s*["']""")
_MAX = re.compile(rb"""\smax\s*=\s*["']\s*(\d{1,5})\s*["']""")
_RANGE = re.compile(
    rb"""\sref\s*=\s*["']\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?[A-Za-z]{1,3}\$?(\d{1,7}))?"""
)
_NOT_A_SHEET = re.compile(r"xl/(?:styles|sharedStrings|calcChain|workbook)\.xml$|xl/theme/")
MAX_COLUMNS = 16_384  # Excel's XFD
MAX_ROWS = 1_048_576  # and its last row: no more hidden rows are kept than a sheet has
MAX_FILTER_BYTES = 2**20  # an autofilter's criteria past this are not evaluated


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


def _column_index(letters: bytes) -> int:
    column = 0
    for letter in letters.upper():
        column = column * 26 + letter - 64
    return column - 1


def _hidden_in(archive: zipfile.ZipFile, part: str) -> Hidden:
    rows: set[int] = set()
    columns: set[int] = set()
    levels: dict[int, int] = {}  # 0-based row → its outline level, when above 0
    row = 0  # a <row> without r follows the one before it
    filter_rows: tuple[int, int] | None = None
    first_column = 0
    active = False
    criteria: bytes | None = None  # the first <autoFilter …>…</autoFilter>, once whole
    pending = b""  # an autoFilter begun, not yet ended
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
            if not 1 <= row <= MAX_ROWS:
                continue
            if _HIDDEN_ATTR.search(tag):
                rows.add(row - 1)
            level = _OUTLINE.search(tag)
            if level is not None and int(level.group(1)) > 0:
                levels[row - 1] = int(level.group(1))
        if criteria is None and pending:
            pending += chunk
        for match in _AUTO_FILTER.finditer(chunk) if filter_rows is None else ():
            extent = _RANGE.search(match.group())
            if extent is not None:  # the sheet's own; a custom view's may follow
                first = int(extent.group(2))
                filter_rows = (first, int(extent.group(3) or first))
                first_column = _column_index(extent.group(1))
                if match.group().rstrip(b" >").endswith(b"/"):
                    criteria = b""
                else:
                    pending = chunk[match.start() :]
                break
        if criteria is None and pending:
            end = _AUTO_FILTER_END.search(pending)
            if end is not None:
                criteria = pending[: end.end()]
            elif len(pending) > MAX_FILTER_BYTES:
                criteria, pending = b"", b""
        active = active or _FILTER_COLUMN.search(chunk) is not None
    folded = _folded(rows, levels)
    rows -= folded
    # A filter with criteria (a filterColumn) hides the rows of its range that do not match;
    # which of its hidden rows it does hide is told from their values (`settle`).
    filtered: frozenset[int] = frozenset()
    found: tuple[Criterion, ...] = ()
    if active and filter_rows is not None:
        first, last = filter_rows
        filtered = frozenset(r for r in rows if first - 1 < r < last)
        found = _criteria(criteria or b"", first_column)
    return Hidden(frozenset(rows) - filtered, filtered, frozenset(columns), frozenset(folded),
                  criteria=found)  # fmt: skip


def _folded(hidden: set[int], levels: dict[int, int]) -> set[int]:
    """The hidden rows folded by a collapsed outline group: a hidden row of level L whose
    every neighbour of level L or deeper, up to the group's ends, is hidden too (collapsing a
    group hides all of it; a row hidden by hand inside an open group leaves its neighbours
    shown)."""
    folded: set[int] = set()
    for row in sorted(r for r in hidden if r in levels):
        if row in folded:
            continue
        level = levels[row]
        low = high = row
        while levels.get(low - 1, 0) >= level:
            low -= 1
        while levels.get(high + 1, 0) >= level:
            high += 1
        block = range(low, high + 1)
        if all(r in hidden for r in block):
            folded.update(block)
    return folded


def _criteria(data: bytes, first_column: int) -> tuple[Criterion, ...]:
    """The filter's columns, from its XML (<autoFilter><filterColumn colId><filters
    blank><filter val>…); a column whose criteria are of another kind is not evaluated; an
    autoFilter that cannot be read, one column at the filter's first, not evaluated."""
    found: list[Criterion] = []
    where: list[str] = []
    current: list[object] = []  # [column, values or None, blank]

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        parent = where[-1] if where else ""
        if local == "filterColumn":
            col = attrs.get("colId", "").strip()
            current[:] = [first_column + int(col) if col.isdigit() else None, None, False]
        elif local == "filters" and parent == "filterColumn" and current:
            current[1] = set()
            current[2] = attrs.get("blank", "0").strip().lower() in ("1", "true")
        elif local == "filter" and parent == "filters" and current and current[1] is not None:
            current[1].add(_folded_text(attrs.get("val", "")))  # type: ignore[attr-defined]
        elif parent in ("filters", "filterColumn") and current:
            current[1] = None  # dates by year and month; customFilters, dynamicFilter, …
        where.append(local)

    def end(name: str) -> None:
        if where.pop() == "filterColumn" and current and isinstance(current[0], int):
            values = cast("set[str] | None", current[1])
            found.append(Criterion(current[0], None if values is None else frozenset(values),
                                   bool(current[2])))  # fmt: skip
            current.clear()

    if not data or not _parse(data, start, end) or not found:
        return (Criterion(first_column, None),)
    return tuple(found)


def _folded_text(text: str) -> str:
    """A value as a filter compares it: case and spacing aside (Excel ignores case; spacing
    is leniency, which only makes more hidden rows ones the filter would show)."""
    return " ".join(text.split()).casefold()


def settle(hidden: Hidden, cells: list[list[object]]) -> Hidden:
    """Tell the hidden rows under a filter with criteria apart by their values: a row the
    filter would show was hidden by hand (with the rows hidden by hand); one that a
    criterion not evaluated (or a value it cannot compare, a date, a number whose format is
    not known) leaves in doubt is `unsure`; the rest the filter hides (read as data)."""
    if not hidden.filtered or not hidden.criteria:
        return hidden
    by_hand: set[int] = set()
    unsure: set[int] = set()
    filtered: set[int] = set()
    for row in hidden.filtered:
        values = cells[row] if row < len(cells) else []
        outcome: bool | None = (
            True  # True: shown, False: hidden by the filter, None: cannot be told
        )
        for criterion in hidden.criteria:
            value = values[criterion.column] if criterion.column < len(values) else None
            passes = _passes(criterion, value)
            if passes is False:
                outcome = False
                break
            if passes is None:
                outcome = None
        (by_hand if outcome else unsure if outcome is None else filtered).add(row)
    return Hidden(hidden.rows | by_hand, frozenset(filtered), hidden.columns, hidden.folded,
                  hidden.unsure | unsure)  # fmt: skip


def _passes(criterion: Criterion, value: object) -> bool | None:
    """Whether the filter's column shows a cell: True, False, or None when it cannot be
    told (criteria not evaluated, a date, a number that matches no value: its shown text
    depends on its number format)."""
    if criterion.shown is None:
        return None
    if value is None or (isinstance(value, str) and not value.strip()):
        return criterion.blank
    if isinstance(value, bool):
        return _folded_text(str(value)) in criterion.shown
    if isinstance(value, (int, float)):
        text = str(int(value)) if float(value).is_integer() else repr(float(value))
        return True if text in criterion.shown else None
    if isinstance(value, str):
        return _folded_text(value) in criterion.shown
    return None


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
    if match is None or int(match.group(2)) == 0:  # "A0": no cell (rows count from 1)
        return None
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, column - 1


# A cell's formula, when it is a lookup (the XML holds Excel's English names; an .ods or a
# localised export may hold PROCV, BUSCARV, RECHERCHEV): (cell reference, formula text).
_FORMULA = re.compile(
    rb'<c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*>\s*<f(?:\s[^>]*)?>([^<]{1,2000})</f>'
)
_LOOKUP_WORD = re.compile(
    rb"(?i)\b(?:_xlfn\.)?(?:x?lookup|vlookup|match|procv|procx|corresp|buscarv|buscarx|"
    rb"coincidir|recherchev|recherchex|equiv|consultav|xmatch)\s*\("
)


def lookup_formulas(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """The cells of one sheet whose formula looks a value up in a range (VLOOKUP, XLOOKUP,
    INDEX/MATCH): 0-based (row, column) → the formula's text. Empty for a file that is not
    an .xlsx/.xlsm workbook or cannot be read again; a shared formula's other cells (written
    without their text) are not found."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            part = _sheet_parts(archive, names).get(sheet)
            if part is None or archive.getinfo(part).file_size > MAX_PART_BYTES * 8:
                return {}
            found: dict[tuple[int, int], str] = {}
            for chunk in _chunks(archive, part):
                if b"<f" not in chunk:
                    continue
                for letters, digits, text in _FORMULA.findall(chunk):
                    if _LOOKUP_WORD.search(text):
                        col = 0
                        for ch in letters.decode():
                            col = col * 26 + ord(ch) - 64
                        found[(int(digits) - 1, col - 1)] = html.unescape(
                            text.decode("utf-8", "replace")
                        )
            return found
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        return {}


# ------------------------------------------------------------------ number formats shown as words

_QUOTE_WORD = re.compile(rb"formatCode\s*=\s*[\"'][^\"']*&quot;")
_CONDITION = re.compile(r"^\[(=|<>|<=|>=|<|>)\s*(-?[0-9]+(?:\.[0-9]+)?)\]$")
# Characters a number format shows as they are, without quotes (Excel's own list).
_PLAIN = frozenset(" -+/():!^&'~{}<>=$")


def number_format_cells(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """The cells of one sheet whose custom number format writes a quoted text ('[=1]"Yes";
    [=0]"No"') → that format's code; empty for a file that is not an .xlsx/.xlsm workbook,
    cannot be read again, or has no such format (the usual case: one search of
    xl/styles.xml)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if not _parts_readable(archive, names):
                return {}
            data = archive.read("xl/styles.xml")
            if _QUOTE_WORD.search(data) is None:
                return {}
            codes = _worded_formats(data)
            part = _sheet_parts(archive, names).get(sheet)
            if not codes or part is None:
                return {}
            return {(row, col): codes[style]
                    for row, col, style in _styled(archive, part, frozenset(codes))}  # fmt: skip
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return {}


def _number_formats(data: bytes) -> tuple[dict[str, str], list[str]] | None:
    """The styles part's custom number formats (numFmtId → formatCode) and each cell format's
    (cellXfs, by index) numFmtId; None if the part does not parse."""
    codes: dict[str, str] = {}
    formats: list[str] = []
    where: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        parent = where[-1] if where else ""
        if local == "numFmt" and parent == "numFmts":
            codes[attrs.get("numFmtId", "").strip()] = attrs.get("formatCode", "")
        elif local == "xf" and parent == "cellXfs":
            formats.append(attrs.get("numFmtId", "0").strip())
        where.append(local)

    def end(name: str) -> None:
        where.pop()

    return (codes, formats) if _parse(data, start, end) else None


def _worded_formats(data: bytes) -> dict[int, str]:
    """Index of each cell format (cellXfs) whose number format is custom and quotes a text
    → the format's code."""
    read = _number_formats(data)
    if read is None:
        return {}
    codes, formats = read
    return {i: codes[n] for i, n in enumerate(formats) if '"' in codes.get(n, "")}


def _sections(code: str) -> list[str]:
    """A number format's sections, split at the semicolons outside quotes and brackets."""
    sections: list[str] = []
    current: list[str] = []
    quoted = bracket = escaped = False
    for ch in code:
        if escaped:
            escaped = False
        elif ch == "\\" and not quoted:
            escaped = True
        elif ch == '"' and not bracket:
            quoted = not quoted
        elif ch == "[" and not quoted:
            bracket = True
        elif ch == "]" and not quoted:
            bracket = False
        elif ch == ";" and not quoted and not bracket:
            sections.append("".join(current))
            current = []
            continue
        current.append(ch)
    sections.append("".join(current))
    return sections


def _literal(section: str) -> tuple[str | None, tuple[str, float] | None]:
    """(the text a section shows whatever the number, or None when it shows the number
    itself: a digit, date or other placeholder; its condition `[=1]`, or None)."""
    shown: list[str] = []
    condition = None
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            if end < 0:
                return None, None
            shown.append(section[i + 1 : end])
            i = end + 1
        elif ch == "\\" and i + 1 < len(section):
            shown.append(section[i + 1])
            i += 2
        elif ch in "_*" and i + 1 < len(section):  # padding the width of a character, a fill
            i += 2
        elif ch == "[":
            end = section.find("]", i)
            if end < 0:
                return None, None
            found = _CONDITION.match(section[i : end + 1])
            if found is not None:
                condition = (found.group(1), float(found.group(2)))
            elif not section[i + 1 : end].isalpha() and not section[i + 1 : end].startswith("$"):
                return None, None  # [h], [mm]: elapsed time, a number shown
            i = end + 1
        elif ch in _PLAIN:
            shown.append(ch)
            i += 1
        else:
            return None, None  # 0 # ? @ General, a date's letters: the value is shown
    return "".join(shown).strip(), condition


def _meets(value: float, condition: tuple[str, float]) -> bool:
    op, bound = condition
    return {"=": value == bound, "<>": value != bound, "<": value < bound, ">": value > bound,
            "<=": value <= bound, ">=": value >= bound}[op]  # fmt: skip


def shown_number(value: float, code: str) -> str | None:
    """The text a number format shows for a number when the section that formats it is
    only a text ('[=1]"Sí";[=0]"No";"Excusado"' shows 2 as "Excusado"), else None: the
    number is shown, or which section applies is not told (a negative number in a section
    Excel would prefix with a minus), or the text is empty (';;;' hides the cell)."""
    sections = _sections(code)[:4]
    read = [_literal(s) for s in sections]
    conditioned = [r for r in read if r[1] is not None]
    chosen: tuple[str | None, tuple[str, float] | None] | None = None
    if conditioned:
        # Excel: the first section whose condition holds; else the first section without one.
        chosen = next((r for r in read if r[1] is not None and _meets(value, r[1])), None)
        if chosen is None:
            rest = [r for r in read[:3] if r[1] is None]
            chosen = rest[0] if rest and value >= 0 else None
    elif len(read) == 1 or (len(read) >= 2 and value > 0):
        chosen = read[0] if value >= 0 else None
    elif value < 0:
        chosen = read[1]
    elif value == 0:
        chosen = read[2] if len(read) >= 3 else read[0]
    if chosen is None or chosen[0] is None or not chosen[0]:
        return None
    return chosen[0]


# Excel's built-in date formats that show no year: 16 "d-mmm", and 17 "mmm-yy" shows no day
# (left alone: it shows the year).
_YEARLESS_BUILTIN = frozenset({"16"})


def yearless_date_cells(path: Path, sheet: str) -> Cells:
    """The cells of one sheet whose number format shows a date without its year ("dd-mmm",
    "d/m", built-in 16); empty for a file that is not an .xlsx/.xlsm workbook or cannot be
    read again."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if not _parts_readable(archive, names):
                return frozenset()
            styles = _yearless_styles(archive.read("xl/styles.xml"))
            part = _sheet_parts(archive, names).get(sheet)
            if not styles or part is None:
                return frozenset()
            return frozenset(_cells_styled(archive, part, styles))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return frozenset()


def _shows_no_year(code: str) -> bool:
    """Whether a custom number format shows a day and a month but no year."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code.split(";")[0]).lower()
    return "d" in bare and "m" in bare and "y" not in bare and "e" not in bare \
        and "h" not in bare and "s" not in bare  # fmt: skip


def _yearless_styles(data: bytes) -> frozenset[int]:
    read = _number_formats(data)
    if read is None:
        return frozenset()
    codes, formats = read
    return frozenset(i for i, n in enumerate(formats)
                     if n in _YEARLESS_BUILTIN or (n in codes and _shows_no_year(codes[n])))  # fmt: skip
