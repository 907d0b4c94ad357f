"""Turn a roster data file (roster_source.Source) into the bytes of the file it declares.

Every output is reproducible to the byte: fixed document properties and zip timestamps.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from roster_source import Note, Sheet, Source

FIXED_TIME = dt.datetime(2026, 10, 31, 17, 0, 0)
ZIP_TIME = (2026, 10, 31, 17, 0, 0)

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0033A0")  # IOM blue
TITLE_FONT = Font(bold=True, size=14)
WIDTHS = {
    "date": 13,
    "platform": 30,
    "level": 13,
    "location": 16,
    "attendee": 24,
    "organization": 22,
    "title": 36,
    "sector": 18,
    "capacity": 13,
}
DROPDOWN_LAST_ROW = 200  # dropdowns reach past the last meeting, as in a template


def table_rows(sheet: Sheet) -> list[dict[str, Any]]:
    """A roster sheet's rows below the header: field -> value; a Note is one row too."""
    rows: list[dict[str, Any]] = []
    for block in sheet.meetings or []:
        if isinstance(block, Note):
            rows.append({"note": block.text})
            continue
        for i, person in enumerate(block.people):
            meeting = {f: v for f, v in block.cells.items() if i == 0 or f not in sheet.merged}
            rows.append(meeting | person)
    return rows


# --------------------------------------------------------------------------- workbooks
def write_roster(ws: Worksheet, sheet: Sheet, lists: Sheet | None) -> None:
    for i, text in enumerate(sheet.titles, start=1):
        ws.cell(row=i, column=1, value=text).font = TITLE_FONT if i == 1 else Font(italic=True)
    header_row = len(sheet.titles) + 1
    col_of = {fld: i for i, (fld, _) in enumerate(sheet.columns, start=1)}
    for i, (_, header) in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=header_row, column=i, value=header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)

    for row, values in enumerate(table_rows(sheet), start=header_row + 1):
        if "note" in values:
            if values["note"] is not None:
                ws.cell(row=row, column=1, value=values["note"]).font = Font(italic=True)
            continue
        for fld, col in col_of.items():
            if values.get(fld) is not None:
                cell = ws.cell(row=row, column=col, value=values[fld])
                if isinstance(values[fld], dt.date):
                    cell.number_format = sheet.date_format
    merge_meetings(ws, sheet, header_row, col_of)
    for fld, col in col_of.items():
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS.get(fld, 15)
    if sheet.autofilter:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(col_of))}{ws.max_row}"
    for fld, list_name in sheet.dropdowns.items():
        assert lists is not None, f"{sheet.name}: dropdowns need a sheet of lists"
        add_dropdown(ws, get_column_letter(col_of[fld]), header_row, lists, list_name)


def merge_meetings(ws: Worksheet, sheet: Sheet, header_row: int, col_of: dict[str, int]) -> None:
    first = header_row + 1
    for block in sheet.meetings or []:
        size = 1 if isinstance(block, Note) else len(block.people)
        for fld in sheet.merged if size > 1 else ():
            col = col_of[fld]
            ws.merge_cells(
                start_row=first, end_row=first + size - 1, start_column=col, end_column=col
            )
            ws.cell(row=first, column=col).alignment = Alignment(vertical="center")
        first += size


def add_dropdown(ws: Worksheet, column: str, header_row: int, lists: Sheet, name: str) -> None:
    letter = get_column_letter(list(lists.lists).index(name) + 1)
    last = len(lists.lists[name]) + 1
    formula = f"={lists.name}!${letter}$2:${letter}${last}"
    validation = DataValidation(
        type="list", formula1=formula, allow_blank=True, showErrorMessage=False
    )
    validation.add(f"{column}{header_row + 1}:{column}{DROPDOWN_LAST_ROW}")
    ws.add_data_validation(validation)


def write_plain(ws: Worksheet, sheet: Sheet) -> None:
    """A table written as it is: an optional header from columns.yaml, then the rows."""
    if sheet.columns:
        for col, (_, header) in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=col, value=header)
            if sheet.bold_header:
                cell.font = Font(bold=True)
    for values in sheet.rows:
        ws.append(values)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = sheet.date_format
    for col, (name, values) in enumerate(sheet.lists.items(), start=1):
        ws.cell(row=1, column=col, value=name).font = Font(bold=True)
        for r, value in enumerate(values, start=2):
            ws.cell(row=r, column=col, value=value)
    for r, (key, value) in enumerate(sheet.metadata.items(), start=1):
        ws.cell(row=r, column=1, value=key).font = Font(bold=True)
        ws.cell(row=r, column=2, value=value)


def workbook_bytes(source: Source) -> bytes:
    book = Workbook()
    lists = next((s for s in source.sheets if s.lists), None)
    for i, sheet in enumerate(source.sheets):
        ws = book.active if i == 0 else book.create_sheet(sheet.name)
        ws.title = sheet.name
        if sheet.meetings is not None:
            write_roster(ws, sheet, lists)
        else:
            write_plain(ws, sheet)
        if sheet.hidden:
            ws.sheet_state = "hidden"
        for letter, width in sheet.widths.items():
            ws.column_dimensions[letter].width = width
    return save_deterministic(book, source.raw.get("creator", "IOM"))


def save_deterministic(book: Workbook, creator: str) -> bytes:
    book.properties.creator = creator
    book.properties.lastModifiedBy = creator
    book.properties.created = FIXED_TIME
    buf = io.BytesIO()
    book.save(buf)
    return normalise_zip(buf.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Fixed timestamps in the zip and in docProps/core.xml, so the bytes are reproducible."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    content,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = info.compress_type  # ODS needs its mimetype stored, not deflated
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, content)
    return out.getvalue()


# --------------------------------------------------------------------------- flat tables
def flat_table(sheet: Sheet, date_text: Callable[[dt.date], Any]) -> list[list[Any]]:
    """The header and one list a row, for CSV and OpenDocument."""
    rows = [[values.get(f) for f, _ in sheet.columns] for values in table_rows(sheet)]
    return [[date_text(v) if isinstance(v, dt.date) else v for v in row] for row in rows]


def strftime_of(excel_format: str) -> str:
    """The two Excel date formats CSV samples use, as strftime patterns."""
    pattern = excel_format.replace("yyyy", "%Y").replace("mm", "%m").replace("dd", "%d")
    if any(c.isalpha() for c in pattern.replace("%Y", "").replace("%m", "").replace("%d", "")):
        raise ValueError(f"no CSV rendering for the date format {excel_format!r}")
    return pattern


def csv_bytes(source: Source) -> bytes:
    (sheet,) = source.sheets
    pattern = strftime_of(sheet.date_format)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=source.raw.get("delimiter", ","), lineterminator="\r\n")
    writer.writerow([header for _, header in sheet.columns])
    writer.writerows(flat_table(sheet, lambda d: d.strftime(pattern)))
    return buf.getvalue().encode(source.raw.get("encoding", "utf-8"))


def ods_bytes(source: Source) -> bytes:
    import pandas as pd  # only here: the other formats need no pandas

    (sheet,) = source.sheets
    frame = pd.DataFrame(
        flat_table(sheet, lambda d: d), columns=[header for _, header in sheet.columns]
    )
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="odf") as writer:
        frame.to_excel(writer, sheet_name=sheet.name, index=False)
    return normalise_zip(buf.getvalue())


def text_bytes(source: Source) -> bytes:
    return str(source.raw["text"]).encode("utf-8")
