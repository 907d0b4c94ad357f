"""A generator of hostile roster files: every attack issue 12 found, and the classic ones.

`build(folder)` writes them all and returns {name: (path, expected codes)}: the finding codes
the checker must give that file (any of them), within the time and memory bound the tests
set. Run `python -m tests.hostile.corpus FOLDER` to write the corpus by hand.
"""

from __future__ import annotations

import struct
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADER = ["Date", "Platform", "Name", "Organization", "Title"]
ROW = ["05/10/2026", "HCT", "K. Osei", "IOM", "Chief of Mission"]


def _workbook(sheets: int = 1) -> tuple[str, str]:
    names = "".join(
        f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, sheets + 1)
    )
    book = (
        f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.'
        f'org/officeDocument/2006/relationships"><sheets>{names}</sheets></workbook>'
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, sheets + 1)
    )
    return book, (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        f'2006/relationships">{rels}</Relationships>'
    )


def _inline(ref: str, text: str, p: str = "") -> str:
    return f'<{p}c r="{ref}" t="inlineStr"><{p}is><{p}t>{text}</{p}t></{p}is></{p}c>'


def roster_rows(p: str = "") -> str:
    """A valid little roster: the header and one compliant row."""
    rows = []
    for r, values in enumerate((HEADER, ROW), start=1):
        cells = "".join(_inline(f"{chr(65 + c)}{r}", v, p) for c, v in enumerate(values))
        rows.append(f'<{p}row r="{r}">{cells}</{p}row>')
    return "".join(rows)


def xlsx(path: Path, sheet_data: str, prefix: str = "", before: str = "", sheets: int = 1,
         extra: dict[str, bytes | str] | None = None) -> Path:  # fmt: skip
    """A minimal workbook whose first sheet's <sheetData> holds `sheet_data`."""
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns{":" + prefix if prefix else ""}="{MAIN}"'
    xml = f'<?xml version="1.0"?><{p}worksheet {ns}>{before}<{p}sheetData>{sheet_data}</{p}sheetData></{p}worksheet>'
    book, rels = _workbook(sheets)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", book)
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        archive.writestr("xl/worksheets/sheet1.xml", xml)
        for i in range(2, sheets + 1):
            archive.writestr(
                f"xl/worksheets/sheet{i}.xml", f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'
            )
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def _record(kind: int, body: bytes = b"") -> bytes:
    """One .xlsb record: its type and size as 7-bit varints, then its body."""
    head = bytearray()
    for number, most in ((kind, 2), (len(body), 4)):
        for _ in range(most):
            byte = number & 0x7F
            number >>= 7
            head.append(byte | (0x80 if number else 0))
            if not number:
                break
    return bytes(head) + body


def _wide(text: str) -> bytes:
    return len(text).to_bytes(4, "little") + text.encode("utf-16-le")


def xlsb(path: Path, rows: list[tuple[int, list[tuple[int, str]]]]) -> Path:
    """A minimal .xlsb written record by record (MS-XLSB): one sheet whose rows are
    (0-based row, [(0-based column, text)])."""
    book = b"".join([
        _record(131), _record(143),
        _record(156, (0).to_bytes(4, "little") + (1).to_bytes(4, "little") + _wide("rId1")
                + _wide("Sheet1")),
        _record(144), _record(132),
    ])  # fmt: skip
    cells = []
    for row, values in rows:
        cells.append(_record(0, row.to_bytes(4, "little") + bytes(21)))
        for column, text in values:  # BrtCellSt: column, style, inline wide string
            cells.append(_record(6, column.to_bytes(4, "little") + bytes(4) + _wide(text)))
    # BrtWsDim (calamine needs it): what the first rows span; a far cell's is not declared.
    first = [r for r, _ in rows[:2]] or [0]
    dimension = b"".join(n.to_bytes(4, "little") for n in (0, max(first), 0, 8))
    sheet = (_record(129) + _record(148, dimension) + _record(145) + b"".join(cells)
             + _record(146) + _record(130))  # fmt: skip
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/>'
        "</Relationships>"
    )
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.'
        'binary.macroEnabled.main"/><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Override PartName="/xl/worksheets/sheet1.'
        'bin" ContentType="application/vnd.ms-excel.worksheet"/></Types>'
    )
    root = ROOT_RELS.replace("xl/workbook.xml", "xl/workbook.bin")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", root)
        archive.writestr("xl/workbook.bin", book)
        archive.writestr("xl/_rels/workbook.bin.rels", rels)
        archive.writestr("xl/worksheets/sheet1.bin", sheet)
    return path


def _biff(kind: int, body: bytes = b"") -> bytes:
    """One .xls (BIFF8) record: its type and size, two bytes each, then its body."""
    return kind.to_bytes(2, "little") + len(body).to_bytes(2, "little") + body


def _u16(*numbers: int) -> bytes:
    return b"".join(n.to_bytes(2, "little") for n in numbers)


def _ole(stream: bytes) -> bytes:
    """An OLE compound file (MS-CFB, 512-byte sectors) holding one stream named Workbook:
    sector 0 the allocation table, 1 the directory, then the stream (at least 4,096 bytes,
    so that it is not in the mini stream)."""
    stream = stream.ljust(4096, b"\0")
    sectors = -(-len(stream) // 512)
    assert sectors <= 126, "one allocation table sector: streams up to 63 KB"
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    fat = [0xFFFFFFFD, end] + [2 + i + 1 for i in range(sectors - 1)] + [end]
    fat += [free] * (128 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + _u16(0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + b"".join(n.to_bytes(4, "little")
                                    for n in (0, 1, 1, 0, 4096, end, 0, end, 0, 0))
              + b"\xff" * (512 - 80))  # fmt: skip

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        links = b"".join(n.to_bytes(4, "little") for n in (free, free, child))
        return (raw.ljust(64, b"\0") + _u16(len(raw)) + bytes([kind, 1]) + links + bytes(36)
                + start.to_bytes(4, "little") + size.to_bytes(8, "little"))  # fmt: skip

    empty = bytes(64) + _u16(0) + bytes(2) + b"\xff" * 12 + bytes(48)
    directory = entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, free, 2, len(stream))
    directory += empty * 2
    table = b"".join(n.to_bytes(4, "little") for n in fat)
    return header + table + directory + stream.ljust(sectors * 512, b"\0")


def xls(path: Path, sheets: list[list[tuple[int, int, str | float]]]) -> Path:
    """A minimal .xls file (BIFF8): one sheet per list of (0-based row, column, value)."""

    def text(value: str) -> bytes:
        return _u16(len(value)) + b"\x01" + value.encode("utf-16-le")

    bodies = []
    for cells in sheets:
        records = [_biff(0x0809, _u16(0x0600, 0x0010, 0, 0) + bytes(8))]
        for row, column, value in cells:
            if isinstance(value, str):
                records.append(_biff(0x0204, _u16(row, column, 0) + text(value)))
            else:
                records.append(_biff(0x0203, _u16(row, column, 0) + struct.pack("<d", value)))
        bodies.append(b"".join(records) + _biff(0x000A))
    names = [f"Sheet{i + 1}" if i else "Attendance" for i in range(len(sheets))]
    head = _biff(0x0809, _u16(0x0600, 0x0005, 0, 0) + bytes(8)) + _biff(0x0042, _u16(1200))

    def bound(offset: int, name: str) -> bytes:  # BOUNDSHEET8: where the sheet's BOF is
        return _biff(0x0085, offset.to_bytes(4, "little") + bytes([0, 0, len(name), 1])
                     + name.encode("utf-16-le"))  # fmt: skip

    offset = len(head) + sum(len(bound(0, n)) for n in names) + len(_biff(0x000A))
    listed = []
    for name, body in zip(names, bodies):
        listed.append(bound(offset, name))
        offset += len(body)
    path.write_bytes(_ole(head + b"".join(listed) + _biff(0x000A) + b"".join(bodies)))
    return path


def xls_roster(*far: tuple[int, int, int]) -> Callable[[Path], Path]:
    """The little roster as an .xls file, with (sheet, row, column) far cells: a sheet of
    that number is added for each."""
    sheets: list[list[tuple[int, int, str | float]]] = [
        [(r, c, v) for r, values in enumerate((HEADER, ROW)) for c, v in enumerate(values)]
    ]
    for sheet, row, column in far:
        while len(sheets) <= sheet:
            sheets.append([(0, 0, "x")])
        sheets[sheet].append((row, column, 1.0))
    return lambda path: xls(path, sheets)


def xlsb_roster(far: tuple[int, int] | None = None) -> Callable[[Path], Path]:
    rows = [(r, list(enumerate(values))) for r, values in enumerate((HEADER, ROW))]
    if far is not None:
        rows.append((far[0], [(far[1], "x")]))
    return lambda path: xlsb(path, rows)


def _far(cell_tag: str) -> Callable[[Path], Path]:
    return lambda path: xlsx(path, roster_rows() + f'<row r="1048576">{cell_tag}</row>')


def _padded_far(path: Path) -> Path:
    """A far cell after 9 MB of XML, in a sheet declaring a small <dimension>."""
    filler = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{"x" * 60}</t></is></c></row>'
        for r in range(3, 100_003)
    )
    return xlsx(path, roster_rows() + filler + '<row r="100004"><c r="XFD100004"><v>1</v></c></row>',
                before='<dimension ref="A1:E100003"/>')  # fmt: skip


def _cells_without_r(path: Path) -> Path:
    """Cells without a reference take the next column: 20,000 of them on row 1,048,576."""
    return xlsx(path, roster_rows() + '<row r="1048576">' + "<c><v>1</v></c>" * 20_000 + "</row>")


def _lying_header(path: Path) -> Path:
    """A sheet whose zip header declares 2 KB but which inflates to 200 MB."""
    import struct
    import zlib

    xlsx(path, roster_rows())
    data = path.read_bytes()
    real = (f'<worksheet xmlns="{MAIN}"><sheetData>' + roster_rows()).encode() + b" " * (
        200 * 2**20
    )
    compressed = zlib.compress(real, 9)[2:-4]
    # Rebuild the archive by hand with the sheet's declared size set to 2,048 bytes.
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    del data
    out, central, offset = bytearray(), bytearray(), 0
    for name, content in parts.items():
        raw_name = name.encode()
        if name == "xl/worksheets/sheet1.xml":
            body, size, crc = compressed, 2048, zlib.crc32(real[:2048])
        else:
            body = zlib.compress(content, 6)[2:-4]
            size, crc = len(content), zlib.crc32(content)
        local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(body), size,
                            len(raw_name), 0)  # fmt: skip
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc,
                               len(body), size, len(raw_name), 0, 0, 0, 0, 0, offset) + raw_name  # fmt: skip
        out += local + raw_name + body
        offset = len(out)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central),
                      offset, 0)  # fmt: skip
    path.write_bytes(bytes(out + central + end))
    return path


def _honest_bomb(path: Path) -> Path:
    return xlsx(path, roster_rows() + " " * (300 * 2**20))


def _entity_bomb(path: Path) -> Path:
    lol = (
        '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
        + "]>"
    )
    xml = f'<?xml version="1.0"?>{lol}<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row></sheetData></worksheet>'
    xlsx(path, "")
    _replace(path, "xl/worksheets/sheet1.xml", xml)
    return path


def _xxe(path: Path) -> Path:
    xml = f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>'
    xlsx(path, "")
    _replace(path, "xl/worksheets/sheet1.xml", xml)
    return path


def _replace(path: Path, name: str, content: str) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    parts[name] = content.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)


def _deep_xml(path: Path) -> Path:
    return xlsx(
        path,
        roster_rows()
        + '<row r="3"><c r="A3"><v>'
        + "<x>" * 100_000
        + "</x>" * 100_000
        + "</v></c></row>",
    )


def _many_sheets(path: Path) -> Path:
    return xlsx(path, roster_rows(), sheets=5_000)


def _shared_strings(path: Path) -> Path:
    strings = "".join(f"<si><t>{i}</t></si>" for i in range(10_000_000))
    sst = f'<sst xmlns="{MAIN}" count="10000000" uniqueCount="10000000">{strings}</sst>'
    return xlsx(path, roster_rows(), extra={"xl/sharedStrings.xml": sst})


def _long_shared_string(path: Path) -> Path:
    """One 32,767-character shared string in 100,000 cells: calamine copies it into each
    cell (3.3 GB from a 300 KB file; it aborted the process under the cap)."""
    cells = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{chr(65 + c)}{r}" t="s"><v>0</v></c>' for c in range(10))
        + "</row>"
        for r in range(1, 10_001)
    )
    sst = f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>{"x" * 32_767}</t></si></sst>'
    return xlsx(path, cells, extra={"xl/sharedStrings.xml": sst})


def _ods(path: Path, table: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="S">{table}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
        'tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
        'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
        'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def _ods_repeated(path: Path) -> Path:
    return _ods(path, '<table:table-row table:number-rows-repeated="1048576"><table:table-cell '
                'table:number-columns-repeated="16384" office:value-type="float" '
                'office:value="1"/></table:table-row>')  # fmt: skip


def _ods_overlapping_merges(path: Path) -> Path:
    """Thousands of dates in one column, each claiming to be merged down to the bottom of a
    100,000-row table: filled cell by cell, merge after merge, that is 10^8 cells or more."""
    header = "".join(f'<table:table-cell office:value-type="string"><text:p>{h}</text:p>'
                     "</table:table-cell>" for h in ("Date", "Platform", "Name"))  # fmt: skip
    merged = ('<table:table-row><table:table-cell office:value-type="float" office:value="{}" '
              'table:number-rows-spanned="1048576"/></table:table-row>')  # fmt: skip
    body = ('<table:table-row table:number-rows-repeated="100000"><table:table-cell/>'
            '<table:table-cell office:value-type="string"><text:p>HCT</text:p></table:table-cell>'
            "</table:table-row>")  # fmt: skip
    rows = "".join(merged.format(46000 + n) for n in range(5000))
    return _ods(path, f"<table:table-row>{header}</table:table-row>{rows}{body}")


def _csv_newlines(path: Path) -> Path:
    with path.open("wb") as out:
        out.write(b"Date,Platform,Name,Organization,Title\n")
        out.write(b"\n" * 50_000_000)
    return path


def _csv_cells(path: Path) -> Path:
    with path.open("wb") as out:
        out.write(b"Date,Platform,Name,Organization,Title\n")
        line = b"," * 999 + b"\n"
        for _ in range(60_000):
            out.write(line)
    return path


def _csv_long_field(path: Path) -> Path:
    path.write_text("Date,Platform,Name,Organization,Title\n05/10/2026,HCT,K. Osei,IOM,"
                    "Chief of Mission\n06/10/2026,OMT," + "x" * 200_000 + ",IOM,Chief of Mission\n")  # fmt: skip
    return path


def _csv_utf16(path: Path) -> Path:
    path.write_text("Date\tPlatform\tName\tOrganization\tTitle\n05/10/2026\tHCT\tK. Osei\tOIM\t"
                    "Chef de Mission\n", encoding="utf-16")  # fmt: skip
    return path


def _renamed(path: Path) -> Path:
    """An .xlsx saved under an .xls name."""
    xlsx(path, roster_rows())
    return path


# name → (file name, how to make it, the codes it may give)
ATTACKS: dict[str, tuple[str, Callable[[Path], Path], frozenset[str]]] = {
    "far-cell-t-first": (
        "far1.xlsx",
        _far('<c t="n" r="XFD1048576"><v>1</v></c>'),
        frozenset({"E104"}),
    ),
    "far-cell-prefix": (
        "far2.xlsx",
        lambda p: xlsx(
            p,
            roster_rows("x") + '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>',
            prefix="x",
        ),
        frozenset({"E104"}),
    ),
    "far-cell-single-quotes": (
        "far3.xlsx",
        _far("<c r = 'XFD1048576'><v>1</v></c>"),
        frozenset({"E104"}),
    ),
    "far-cell-lowercase": (
        "far4.xlsx",
        _far('<c r="xfd1048576"><v>1</v></c>'),
        frozenset({"E104"}),
    ),
    "far-cell-gt-in-attribute": (
        "far5.xlsx",
        _far('<c foo=">" r="XFD1048576"><v>1</v></c>'),
        frozenset({"E104"}),
    ),
    "far-cell-Z1048576": ("far6.xlsx", _far('<c r="Z1048576"><v>1</v></c>'), frozenset({"E104"})),
    "far-cell-XFD60000": (
        "far7.xlsx",
        lambda p: xlsx(p, roster_rows() + '<row r="60000"><c r="XFD60000"><v>1</v></c></row>'),
        frozenset({"E104"}),
    ),
    "far-cell-after-9MB": ("far8.xlsx", _padded_far, frozenset({"E104"})),
    "far-cell-row-10M": ("far9.xlsx", _far('<c r="A9999999"><v>1</v></c>'), frozenset({"E104"})),
    "cells-without-r": ("far10.xlsx", _cells_without_r, frozenset({"E104"})),
    "far-cell-entity-ref": (
        "far11.xlsx",
        _far('<c r="&#88;FD1048576"><v>1</v></c>'),
        frozenset({"E101", "E104"}),
    ),
    "lying-zip-header": ("lying.xlsx", _lying_header, frozenset({"E101", "E104"})),
    "honest-zip-bomb": ("bomb.xlsx", _honest_bomb, frozenset({"E104"})),
    "entity-bomb": ("entities.xlsx", _entity_bomb, frozenset({"E101"})),
    "xxe": ("xxe.xlsx", _xxe, frozenset({"E101"})),
    "deep-xml": (
        "deep.xlsx",
        _deep_xml,
        frozenset({"E101", "E103", "E104", "S202", "S203", "S210"}),
    ),
    "5000-sheets": ("sheets.xlsx", _many_sheets, frozenset({"E101", "E104"}) | {"S210"}),
    "10M-shared-strings": ("strings.xlsx", _shared_strings, frozenset({"E101", "E104"}) | {"S210"}),
    "long-shared-string-everywhere": ("shared.xlsx", _long_shared_string, frozenset({"E104"})),
    "ods-repeated-cell": ("repeated.ods", _ods_repeated, frozenset({"E104"})),
    # Merges overlap in no real workbook; in a hostile one each is filled down once per cell.
    "ods-overlapping-merges": (
        "SEN_2026-10_merges.ods",
        _ods_overlapping_merges,
        frozenset({"S202", "S207", "E104"}),
    ),
    "csv-50M-newlines": ("newlines.csv", _csv_newlines, frozenset({"E104"})),
    "csv-60M-cells": ("cells.csv", _csv_cells, frozenset({"E104"})),
    "csv-long-field": (
        "NER_2026-10.csv",
        _csv_long_field,
        # C309: a name of 200,000 x's is a form's placeholder, naming nobody (issue 10)
        frozenset({"S210", "S203", "S204", "S205", "C301", "C302", "C309"}),
    ),
    "csv-utf16": ("NER_2026-10u.csv", _csv_utf16, frozenset()),
    "xlsx-named-xls": ("NER_2026-10.xls", _renamed, frozenset()),
    "xlsb-far-cell": ("far12.xlsb", xlsb_roster((1_048_575, 16_383)), frozenset({"E104"})),
    # calamine reads every sheet of an .xls file when it opens it: 6 KB here took 2.1 GB.
    "xls-far-cell": ("far13.xls", xls_roster((1, 65_535, 255)), frozenset({"E104"})),
    "xls-far-cells-in-all": (
        "far14.xls",
        xls_roster(*((s, 59_999, 181) for s in range(1, 7))),
        frozenset({"E104"}),
    ),
}


def build(folder: Path, names: list[str] | None = None) -> dict[str, tuple[Path, frozenset[str]]]:
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for name, (filename, make, codes) in ATTACKS.items():
        if names is not None and name not in names:
            continue
        path = folder / filename
        if not path.exists():
            make(path)
        made[name] = (path, codes)
    return made


if __name__ == "__main__":
    for name, (path, _) in build(Path(sys.argv[1])).items():
        print(f"{name}: {path} ({path.stat().st_size:,} bytes)")
