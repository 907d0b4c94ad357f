"""The annotated copy: the roster workbook given back to field staff with its problems marked.

A copy of the workbook in which every flagged cell is filled by severity and carries a cell
comment (code, message, suggestion); each roster table gains a last column with the result
of the meeting on that row; a first sheet lists one row per finding with a link to its cell,
and a second sheet sums the file up. The original file is only ever read.

- .xlsx/.xlsm: loaded with openpyxl (defusedxml parses it), so values, formulas, number
  formats, merged cells, styles and other sheets survive; macros of an .xlsm survive when the
  copy is also named .xlsm (otherwise we refuse rather than drop them).
- .csv/.ods/.xls, or an .xlsx openpyxl cannot load: a fresh .xlsx built from the values the
  checker read, noted on the Summary sheet.
- A roster that cannot be opened at all (E101/E102/E104): a workbook with the Findings and
  Summary sheets only, so the person still gets the explanation in Excel.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.files import save_workbook
from checker.findings import TOOL_NAME, TOOL_VERSION, FileResult, column_letter
from checker.messages import Catalogue, catalogue

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

# Excel's own "Bad", "Neutral" and a light blue: legible in print and for most colour vision.
SEVERITY_FILL = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
WAIVED_FILL = "EDEDED"
VERDICT_FILL = {"compliant": "C6EFCE", "absent": "FFC7CE", "wrong_level": "FFC7CE",
                "undetermined": "FFEB9C", "not_applicable": "EDEDED"}  # fmt: skip
STATUS_FILL = {"compliant": "C6EFCE", "non_compliant": "FFC7CE", "invalid": "FFC7CE",
               "unreadable": "FFC7CE"}  # fmt: skip
HEADER_FILL = "D9E1F2"
SEVERITY_ORDER = {"info": 1, "warning": 2, "error": 3}
VERDICTS = ("compliant", "absent", "wrong_level", "undetermined", "not_applicable")
COPIED_SUFFIXES = {".xlsx", ".xlsm"}
COMMENT_WIDTH_PT = 330
COMMENT_CHARS_PER_LINE = 52
MAX_SHEET_TITLE = 31
# Cells under merges drawn in a fresh copy: a roster merges a few thousand. An .ods or .xls
# may claim overlapping merges (no real one does, and Excel would call the copy corrupt)
# or merges over the whole sheet: past this the copy keeps the values without the merges.
MAX_COPY_MERGED_CELLS = 200_000
# Code points XML 1.0 cannot carry even escaped (openpyxl's own pattern misses some).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class AnnotateError(Exception):
    """The copy cannot be made as asked (the CLI exits 2 with this message)."""


@dataclass
class Annotation:
    """What was written: for the command's one-line report and for tests."""

    target: Path
    findings: int
    cells: int
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ the output path


def check_target(source: Path, target: Path) -> None:
    """Refuse outputs that would overwrite the roster or lose its macros."""
    if target.suffix.lower() not in (".xlsx", ".xlsm"):
        raise AnnotateError(f"{target}: name the annotated copy .xlsx (it is an Excel workbook)")
    if _same_file(source, target):
        raise AnnotateError(
            f"{target}: this is the roster itself; the original is never overwritten — "
            "choose another output name"
        )
    source_macros = source.suffix.lower() == ".xlsm"
    target_macros = target.suffix.lower() == ".xlsm"
    if source_macros and not target_macros:
        raise AnnotateError(
            f"{source} contains macros (.xlsm): name the copy .xlsm so that they are kept"
        )
    if target_macros and not source_macros:
        raise AnnotateError(f"{target}: only a roster with macros (.xlsm) gives an .xlsm copy")
    if not target.resolve().parent.is_dir():
        raise AnnotateError(f"{target}: the folder {target.resolve().parent} does not exist")


# openpyxl holds every cell of the workbook it copies as an object (~1 KB a cell with its
# style): a 1,048,576-row roster took 494 s and 9.3 GB. The annotated copy is for a person
# fixing a monthly roster; above these it is refused (E104) rather than allowed to exhaust
# the machine, and `check` still reports on the file.
ANNOTATE_MAX_ROWS = 50_000
ANNOTATE_MAX_SHEET_BYTES = 32 * 2**20  # the workbook's sheets, unpacked (50,000 rows ≈ 25 MB)


def check_size(source: Path, result: FileResult | None = None) -> None:
    """Refuse (E104) a roster too large to copy cell by cell within bounded memory. Without
    its `result`, by the size of its sheets alone: before spending a check on it."""
    rows = result.rows.read if result is not None else 0
    unpacked = 0
    if source.suffix.lower() in COPIED_SUFFIXES:
        try:
            with zipfile.ZipFile(source) as archive:
                unpacked = sum(i.file_size for i in archive.infolist()
                               if i.filename.startswith("xl/worksheets/"))  # fmt: skip
        except (zipfile.BadZipFile, OSError):
            unpacked = 0
    if rows > ANNOTATE_MAX_ROWS or unpacked > ANNOTATE_MAX_SHEET_BYTES:
        size = (
            f"{rows:,} rows" if rows > ANNOTATE_MAX_ROWS else f"{unpacked / 2**20:.0f} MB of sheets"
        )
        raise AnnotateError(
            f"E104 {source}: the roster is too large to annotate ({size}; the annotated copy is "
            f"made for rosters of up to {ANNOTATE_MAX_ROWS:,} rows and "
            f"{ANNOTATE_MAX_SHEET_BYTES // 2**20} MB of sheets). Check it with `roster-check "
            "check`, or split it, for example by month"
        )


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


# ------------------------------------------------------------------ entry points


def annotate(
    source: Path, target: Path, result: FileResult, lang: str = "en",
    today: dt.date | None = None, loaded: LoadedCopy | None = None,
) -> Annotation:  # fmt: skip
    """Write the annotated copy of `source` (checked as `result`) to `target`; `loaded`:
    the roster already loaded by `load_copy`."""
    check_target(source, target)
    check_size(source, result)
    words = catalogue(lang)
    book, titles, notes = _open_copy(source, result, words, loaded)
    cells = _mark_findings(book, result, words, titles)
    _mark_meetings(book, result, words, titles)
    _print_roster_wide(book, titles, result)
    findings_sheet = _add_findings_sheet(book, [result], words, titles)
    _add_summary_sheet(book, [result], words, notes, today)
    _show_first(book, findings_sheet)
    save_workbook(book, target)
    return Annotation(target, len(result.findings), cells, notes)


def findings_workbook(
    results: Sequence[FileResult], target: Path, lang: str = "en", today: dt.date | None = None
) -> Annotation:
    """Findings and Summary of several rosters in one workbook (no copy of their sheets)."""
    if target.suffix.lower() != ".xlsx":
        raise AnnotateError(f"{target}: name the workbook .xlsx")
    from openpyxl import Workbook

    words = catalogue(lang)
    book = Workbook()
    book.remove(book.active)
    notes = [words.text("workbook", "note_files", count=len(results))]
    findings_sheet = _add_findings_sheet(book, results, words, titles=None)
    _add_summary_sheet(book, results, words, notes, today)
    _show_first(book, findings_sheet)
    save_workbook(book, target)
    return Annotation(target, sum(len(r.findings) for r in results), 0, notes)


# ------------------------------------------------------------------ opening the copy


class LoadedCopy(NamedTuple):
    """An .xlsx/.xlsm roster as openpyxl loaded it (None: it could not), and the features
    openpyxl said it drops."""

    book: Workbook | None
    lost: list[str]


def load_copy(source: Path) -> LoadedCopy:
    """Load the roster to be copied; `annotate` does it, unless given the copy loaded
    already (the command loads it while the check runs in another process)."""
    from openpyxl import load_workbook

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            # Opened here, so that the file is closed when openpyxl gives up half-way.
            with source.open("rb") as handle:
                book = load_workbook(handle, keep_vba=source.suffix.lower() == ".xlsm",
                                     rich_text=True)  # fmt: skip
        except Exception:  # openpyxl is stricter than the checker's reader
            book = None
    return LoadedCopy(book, sorted({_lost_feature(str(w.message)) for w in caught}))


def load_copy_early(source: Path) -> LoadedCopy | None:
    """The copy loaded before the check has said what the file is, when that is safe: an
    .xlsx/.xlsm whose parts' declared sizes the checker accepts; None otherwise."""
    from checker.reader import vetted_archive

    if source.suffix.lower() not in COPIED_SUFFIXES or not vetted_archive(source):
        return None
    return load_copy(source)


def _open_copy(
    source: Path, result: FileResult, words: Catalogue, loaded: LoadedCopy | None
) -> tuple[Workbook, dict[str, str], list[str]]:
    """The workbook to annotate, the title in it of each sheet the checker named, and notes."""
    from openpyxl import Workbook

    suffix = source.suffix.lower()
    notes: list[str] = []
    if result.status == "unreadable":
        book = Workbook()
        book.remove(book.active)
        notes.append(words.text("workbook", "note_unreadable"))
        return book, {}, notes
    if suffix in COPIED_SUFFIXES:
        book, lost = loaded or load_copy(source)
        if book is not None:
            if lost:
                notes.append(words.text("workbook", "note_lost", features="; ".join(lost)))
            if _has_drawings(source):
                notes.append(words.text("workbook", "note_drawings"))
            # openpyxl does not keep formulas' last results: have Excel recalculate on opening.
            # A workbook without <calcPr> (written by many tools) has no calculation
            # properties at all.
            if book.calculation is None:
                from openpyxl.workbook.properties import CalcProperties

                book.calculation = CalcProperties()
            book.calculation.fullCalcOnLoad = True
            _clean_properties(book)
            return book, {ws.title: ws.title for ws in book.worksheets}, notes
    if suffix == ".xlsm":
        raise AnnotateError(
            f"{source}: the workbook cannot be copied with its macros; save it as .xlsx "
            "(without macros) and annotate that file"
        )
    book, titles = _fresh_copy(source, result)
    notes.append(words.text("workbook", "note_fresh", suffix=suffix.lstrip(".") or "?"))
    return book, titles, notes


def clean_text(value: str) -> str:
    """Text that XML 1.0 can carry: characters it cannot (control characters from a roster's
    cells) are dropped, so that every part of the copy stays well-formed (a raw ESC in a
    comment made LibreOffice drop half of the comments)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", value))


def _clean_properties(book: Workbook) -> None:
    """The document properties copied from the roster (title, author…) cleaned the same way."""
    properties = book.properties
    for name in ("title", "subject", "creator", "keywords", "description", "category",
                 "lastModifiedBy", "identifier", "language", "version", "revision",
                 "contentStatus"):  # fmt: skip
        value = getattr(properties, name, None)
        if isinstance(value, str):
            setattr(properties, name, clean_text(value))


def _lost_feature(message: str) -> str:
    # "Data Validation extension is not supported and will be removed" → the feature's name
    return message.split(" is not supported")[0].strip().rstrip(".")


def _has_drawings(source: Path) -> bool:
    try:
        with zipfile.ZipFile(source) as archive:
            return any(
                n.startswith(("xl/drawings/drawing", "xl/charts/")) for n in archive.namelist()
            )
    except (zipfile.BadZipFile, OSError):
        return False


def _fresh_copy(source: Path, result: FileResult) -> tuple[Workbook, dict[str, str]]:
    """A new workbook holding the values of every sheet the checker read (CSV, ODS, XLS)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from checker.reader import read_workbook

    grid = read_workbook(source)
    book = Workbook()
    book.remove(book.active)
    titles: dict[str, str] = {}
    for sheet in grid.sheets:
        title = _unique_title(book, sheet.name)
        titles[sheet.name] = title
        ws = book.create_sheet(title)
        widths: Counter[int] = Counter()
        for r, row in enumerate(sheet.cells, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                _put(ws.cell(r, c), value)
                widths[c] = max(widths[c], min(len(str(value)), 40))
        _merge(ws, sheet.merged)
        for c, width in widths.items():
            ws.column_dimensions[column_letter(c - 1)].width = max(10, width + 2)
    for sheet_name, header_row, _ in result.tables:
        if sheet_name in titles:
            ws = book[titles[sheet_name]]
            for cell in ws[header_row]:
                cell.font = Font(bold=True)
            ws.freeze_panes = f"A{header_row + 1}"
    return book, titles


def _merge(ws: Worksheet, merged: list[tuple[int, int, int, int]]) -> None:
    """Merge the cells the source merged, each cell under one merge only."""
    covered: set[tuple[int, int]] = set()
    looked = 0  # cells looked at: a merge overlapping another is looked at, then left out
    for r0, c0, r1, c1 in merged:
        area = (r1 - r0 + 1) * (c1 - c0 + 1)
        if area <= 1 or area > MAX_COPY_MERGED_CELLS:
            continue
        looked += area
        if looked > MAX_COPY_MERGED_CELLS:
            return
        cells = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if covered.isdisjoint(cells):
            covered |= cells
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1,
                           end_column=c1 + 1)  # fmt: skip


def _put(cell: Cell, value: Any) -> None:
    """Write a value read from a roster; text stays text (a CSV cell "=SUM()" is no formula)."""
    if isinstance(value, str):
        cell.value = clean_text(value)
        cell.data_type = "s"
        return
    if isinstance(value, dt.timedelta):
        value = str(value)
    cell.value = value
    if isinstance(value, dt.datetime):
        cell.number_format = "dd/mm/yyyy" if value.time() == dt.time() else "dd/mm/yyyy hh:mm"
    elif isinstance(value, dt.date):
        cell.number_format = "dd/mm/yyyy"


def _unique_title(book: Workbook, wanted: str) -> str:
    """A sheet title Excel accepts (31 characters, none of []:*?/\\) and no other sheet has."""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in clean_text(wanted)).strip("'")
    base = base or "Sheet"
    base = base[:MAX_SHEET_TITLE]
    taken = {ws.title.casefold() for ws in book.worksheets}
    title, number = base, 2
    while title.casefold() in taken:
        suffix = f" ({number})"
        title = base[: MAX_SHEET_TITLE - len(suffix)] + suffix
        number += 1
    return title


# ------------------------------------------------------------------ marking the roster sheets


def _fill(colour: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


class _Fills:
    """Fill cells with a few colours, thousands of times. `cell.fill = PatternFill(…)` looks
    the fill up among the book's fills by hashing it whole, every time (openpyxl's styles
    are not cached): ~0.1 ms a cell. Each colour's index is looked up once here, and set
    on the cell's style as the assignment itself does."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def put(self, cell: Cell, colour: str) -> None:
        from openpyxl.styles.cell_style import StyleArray

        known = self.index.get(colour)
        if known is None:
            cell.fill = _fill(colour)
            self.index[colour] = cell._style.fillId
            return
        if not cell._style:
            cell._style = StyleArray()
        cell._style.fillId = known


def _target_cell(ws: Worksheet, row: int, column: str) -> Cell:
    """The cell itself, or the top-left cell of the merged range it lies in."""
    coordinate = f"{column}{row}"
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            return ws.cell(merged.min_row, merged.min_col)
    cell: Cell = ws[coordinate]
    return cell


def _mark_findings(
    book: Workbook, result: FileResult, words: Catalogue, titles: dict[str, str]
) -> int:
    """Fill and comment every cell a finding points at; return how many cells were marked."""
    from openpyxl.comments import Comment

    by_cell: dict[tuple[str, int, str], list[dict[str, Any]]] = {}
    for finding in result.to_dict()["findings"]:
        title = titles.get(finding["sheet"] or "")
        if title is None or finding["row"] is None or finding["column"] is None:
            continue  # file- and sheet-level findings are listed on the Findings sheet only
        by_cell.setdefault((title, finding["row"], finding["column"]), []).append(finding)
    for (title, row, column), findings in by_cell.items():
        cell = _target_cell(book[title], row, column)
        active = [f for f in findings if not f.get("waived")]
        if active:
            worst = max(active, key=lambda f: SEVERITY_ORDER[f["severity"]])["severity"]
            cell.fill = _fill(SEVERITY_FILL[worst])
        else:
            cell.fill = _fill(WAIVED_FILL)
        text = "\n\n".join(_comment_text(f, words) for f in findings)
        if cell.comment is not None and cell.comment.author != TOOL_NAME:
            text += f"\n\n{words.text('workbook', 'comment_original')}\n{cell.comment.text}"
        text = clean_text(text)
        comment = Comment(text, TOOL_NAME)
        comment.width, comment.height = _comment_size(text)
        cell.comment = comment
    return len(by_cell)


def _comment_text(finding: dict[str, Any], words: Catalogue) -> str:
    lines = [
        words.text(
            "workbook",
            "comment_head",
            code=finding["code"],
            rule=finding["rule"],
            severity=words.name("severities", finding["severity"]),
        ),
        finding["message"],
    ]
    if finding["suggestion"]:
        lines.append(words.text("workbook", "comment_suggestion", suggestion=finding["suggestion"]))
    if finding.get("waived"):
        lines.append(words.text("workbook", "comment_waived", reason=finding.get("waiver_reason")))
    return "\n".join(lines)


def _comment_size(text: str) -> tuple[int, int]:
    """Width and height in points, so that the whole comment shows when it pops up."""
    lines = sum(max(1, math.ceil(len(line) / COMMENT_CHARS_PER_LINE)) for line in text.split("\n"))
    return COMMENT_WIDTH_PT, 16 * lines + 12


def _lines(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapped column `width` characters wide (roughly)."""
    per_line = max(1, int(width * 1.1) - 2)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _last_column(ws: Worksheet) -> int:
    """The last column holding a value or a merged range (styled empty cells do not count)."""
    # The cells openpyxl holds, not ws.iter_rows(): that makes a cell for every empty place
    # of the rectangle (10,000 rows: 0.1 s).
    cells = ws._cells
    last = max((column for (_, column), cell in cells.items() if cell.value is not None),
               default=0)  # fmt: skip
    for merged in ws.merged_cells.ranges:
        last = max(last, merged.max_col)
    return last


def _mark_meetings(
    book: Workbook, result: FileResult, words: Catalogue, titles: dict[str, str]
) -> None:
    """A "Check result" column after each roster table: the verdict of each row's meeting."""
    from openpyxl.styles import Alignment, Font

    # Keyed by the table's last column too: tables side by side share their Excel rows.
    verdict_of: dict[tuple[str, int | None, int], str] = {}
    for meeting in result.meetings:
        for sheet, row in meeting.rows():
            verdict_of[(sheet, meeting.table_end, row)] = str(meeting.verdict)
    header_rows: dict[tuple[str, int | None], list[int]] = {}
    fills = _Fills()
    for sheet, header_row, end in result.tables:
        header_rows.setdefault((sheet, end), []).append(header_row)
    for (sheet, end), rows in header_rows.items():
        title = titles.get(sheet)
        if title is None:
            continue
        ws = book[title]
        # After the sheet's last column; for a table beside another, right after its own
        # columns (in the empty column between the two).
        column = _last_column(ws) + 1 if end is None else end + 2
        letter = column_letter(column - 1)
        for header_row in rows:
            header = ws.cell(header_row, column)
            neighbour = ws.cell(header_row, column - 1) if column > 1 else None
            header.value = words.text("workbook", "verdict_column")
            header.font = copy(neighbour.font) if neighbour is not None else Font(bold=True)
            header.font = Font(bold=True, name=header.font.name, size=header.font.size)
            header.fill = _fill(HEADER_FILL)
            header.alignment = Alignment(wrap_text=True, vertical="center")
        labels = {v: _capital(words.name("verdicts", v)) for v in set(verdict_of.values())}
        for (row_sheet, row_end, row), verdict in verdict_of.items():
            if row_sheet != sheet or row_end != end:
                continue
            cell = ws.cell(row, column)
            cell.value = labels[verdict]
            fills.put(cell, VERDICT_FILL[verdict])
        ws.column_dimensions[letter].width = 20


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------ the Findings sheet


def _link_location(sheet: str, cell: str) -> str:
    return "'" + sheet.replace("'", "''") + "'!" + cell


def _header_row(ws: Worksheet, headers: Sequence[str], widths: Sequence[float]) -> None:
    from openpyxl.styles import Alignment, Font

    for c, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = ws.cell(1, c, text)
        cell.font = Font(bold=True)
        cell.fill = _fill(HEADER_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[column_letter(c - 1)].width = width
    ws.freeze_panes = "A2"


def _add_findings_sheet(
    book: Workbook, results: Sequence[FileResult], words: Catalogue,
    titles: dict[str, str] | None,
) -> Worksheet:  # fmt: skip
    """One row per finding, in the order of the JSON report, with a link to its cell."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    ws = book.create_sheet(_unique_title(book, words.text("workbook", "findings_sheet")), 0)
    several = titles is None
    columns = ["col_number", *(["col_file"] if several else []), "col_severity", "col_code",
               "col_rule", "col_cell", "col_meeting", "col_message", "col_value",
               "col_suggestion"]  # fmt: skip
    widths = {"col_number": 5, "col_file": 28, "col_severity": 12, "col_code": 8,
              "col_rule": 20, "col_cell": 18, "col_meeting": 24, "col_message": 70,
              "col_value": 22, "col_suggestion": 22}  # fmt: skip
    _header_row(ws, [words.text("workbook", c) for c in columns], [widths[c] for c in columns])
    wrap = Alignment(wrap_text=True, vertical="top")
    number = 0
    for result in results:
        data = result.to_dict()
        meetings = {m["id"]: m for m in data["meetings"]}
        for finding in data["findings"]:
            number += 1
            r = number + 1
            meeting = meetings.get(finding["meeting_id"] or "")
            where = finding["cell"] or (
                words.text("workbook", "whole_sheet") if finding["sheet"]
                else words.text("workbook", "whole_file")
            )  # fmt: skip
            meeting_ref = (
                words.text("workbook", "meeting_ref", label=meeting["label"], date=meeting["date"])
                if meeting
                else ""
            )
            waived = (
                words.text("report", "waived", reason=finding.get("waiver_reason"))
                if finding.get("waived")
                else ""
            )
            values: dict[str, Any] = {
                "col_number": number,
                "col_file": data["path"],
                "col_severity": words.name("severities", finding["severity"]),
                "col_code": finding["code"],
                "col_rule": finding["rule"],
                "col_cell": where,
                "col_meeting": meeting_ref,
                "col_message": finding["message"] + waived,
                "col_value": finding["value"],
                "col_suggestion": finding["suggestion"],
            }
            for c, key in enumerate(columns, start=1):
                if values[key] is None or values[key] == "":
                    continue
                cell = ws.cell(r, c)
                _put(cell, values[key])
                cell.alignment = wrap
            # Spreadsheets do not grow rows for wrapped text they did not lay out themselves.
            ws.row_dimensions[r].height = 15 * max(
                _lines(str(values[key] or ""), widths[key]) for key in columns
            )
            severity_cell = ws.cell(r, columns.index("col_severity") + 1)
            severity_cell.fill = _fill(
                WAIVED_FILL if finding.get("waived") else SEVERITY_FILL[finding["severity"]]
            )
            link = ws.cell(r, columns.index("col_cell") + 1)
            title = titles.get(finding["sheet"] or "") if titles is not None else None
            if title is not None:
                target = (
                    f"{finding['column']}{finding['row']}"
                    if finding["column"] and finding["row"]
                    else f"A{finding['row'] or 1}"
                )
                link.hyperlink = Hyperlink(
                    ref=link.coordinate, location=_link_location(title, target)
                )
                link.font = Font(color="0563C1", underline="single")
    if number == 0:
        ws.cell(2, 1, words.text("workbook", "no_findings"))
    else:
        ws.auto_filter.ref = f"A1:{column_letter(len(columns) - 1)}{number + 1}"
    _print_wide(ws, title_rows="1:1")
    return ws


# ------------------------------------------------------------------ the Summary sheet


def _add_summary_sheet(
    book: Workbook, results: Sequence[FileResult], words: Catalogue, notes: list[str],
    today: dt.date | None,
) -> Worksheet:  # fmt: skip
    from openpyxl.styles import Alignment, Font

    ws = book.create_sheet(_unique_title(book, words.text("workbook", "summary_sheet")), 1)
    ws.column_dimensions["A"].width = 30
    for letter in "BCDEFGH":
        ws.column_dimensions[letter].width = 19
    bold = Font(bold=True)
    ws.cell(1, 1, words.text("workbook", "title")).font = Font(bold=True, size=14)
    row = 3

    def pair(label: str, value: Any, colour: str | None = None) -> None:
        nonlocal row
        ws.cell(row, 1, label).font = bold
        cell = ws.cell(row, 2)
        _put(cell, value)
        cell.alignment = Alignment(horizontal="left")
        if colour:
            cell.fill = _fill(colour)
        row += 1

    if len(results) == 1:
        result = results[0]
        data = result.to_dict()
        summary = data["summary"]
        pair(words.text("workbook", "file"), data["path"])
        pair(
            words.text("workbook", "mission"), data["mission"] or words.text("workbook", "unknown")
        )
        pair(words.text("workbook", "period"), data["period"] or words.text("workbook", "unknown"))
        pair(words.text("workbook", "status"), _capital(words.name("statuses", data["status"])),
             STATUS_FILL[data["status"]])  # fmt: skip
        pair(words.text("workbook", "compliance_rate"), words.rate(summary["compliance_rate"]))
        ws.cell(row - 1, 3, words.text("workbook", "compliance_note")).font = Font(italic=True)
        pair(words.text("workbook", "rows"), words.text("workbook", "rows_value", **data["rows"]))
        pair(words.text("workbook", "findings"),
             words.text("workbook", "findings_value", errors=summary["errors"],
                        warnings=summary["warnings"], infos=summary["infos"]))  # fmt: skip
        if data.get("profile"):
            pair(words.text("workbook", "profile"), data["profile"])
    else:
        row = _files_table(ws, row, results, words)
    pair(words.text("workbook", "checked_on"), (today or dt.date.today()).isoformat())
    pair(words.text("workbook", "checked_with"), f"{TOOL_NAME} {TOOL_VERSION}")

    row += 1
    if len(results) == 1:
        row = _reading_block(ws, row, results[0], words)
    row = _verdict_table(ws, row, results, words)
    row += 1
    row = _platform_table(ws, row, results, words)
    row += 1
    ws.cell(row, 1, words.text("workbook", "legend")).font = bold
    row += 1
    for severity in ("error", "warning", "info"):
        ws.cell(row, 1).fill = _fill(SEVERITY_FILL[severity])
        ws.cell(row, 2, words.text("workbook", f"legend_{severity}"))
        row += 1
    ws.cell(row, 1, words.text("workbook", "legend_verdict"))
    row += 1
    for note in notes:
        row += 1
        ws.cell(row, 1, words.text("workbook", "note")).font = bold
        ws.cell(row, 2, note)
    _print_wide(ws)
    return ws


def _reading_block(ws: Worksheet, row: int, result: FileResult, words: Catalogue) -> int:
    """How the file was read: a line per table and the sheets not read, as in the text
    output, so that a wrong reading (a column taken for another) can be seen and corrected."""
    from openpyxl.styles import Alignment, Font

    from checker.reporters.text import reading_lines

    lines = reading_lines(result.to_dict(), words)
    if not lines:
        return row
    ws.cell(row, 1, words.text("workbook", "how_read")).font = Font(bold=True)
    for line in lines:
        row += 1
        cell = ws.cell(row, 1, line)
        cell.alignment = Alignment(wrap_text=False)
    return row + 2


def _files_table(ws: Worksheet, row: int, results: Sequence[FileResult], words: Catalogue) -> int:
    from openpyxl.styles import Font

    heads = ["file", "mission", "period", "status", "meetings", "compliance_rate", "findings"]
    for c, key in enumerate(heads, start=1):
        cell = _centred(ws.cell(row, c, words.text("workbook", key)), c > 1)
        cell.font = Font(bold=True)
        cell.fill = _fill(HEADER_FILL)
    for result in results:
        row += 1
        data = result.to_dict()
        summary = data["summary"]
        values = [data["path"], data["mission"] or "?", data["period"] or "?",
                  _capital(words.name("statuses", data["status"])), summary["meetings"],
                  words.rate(summary["compliance_rate"]),
                  words.text("workbook", "findings_value", errors=summary["errors"],
                             warnings=summary["warnings"], infos=summary["infos"])]  # fmt: skip
        for c, value in enumerate(values, start=1):
            _put(_centred(ws.cell(row, c), c > 1), value)
        ws.cell(row, 4).fill = _fill(STATUS_FILL[data["status"]])
    return row + 2


def _centred(cell: Cell, centre: bool = True) -> Cell:
    """Counts sit under the middle of their heading, so that columns read straight down."""
    from openpyxl.styles import Alignment

    if centre:
        cell.alignment = Alignment(horizontal="center")
    return cell


def _verdict_table(ws: Worksheet, row: int, results: Sequence[FileResult], words: Catalogue) -> int:
    from openpyxl.styles import Font

    verdicts: Counter[str] = Counter()
    for result in results:
        verdicts.update(result.verdict_counts())
    ws.cell(row, 1, words.text("workbook", "by_verdict")).font = Font(bold=True)
    row += 1
    for verdict in VERDICTS:
        if verdict == "not_applicable" and not verdicts[verdict]:
            continue
        ws.cell(row, 1, _capital(words.name("verdicts", verdict))).fill = _fill(
            VERDICT_FILL[verdict]
        )
        _centred(ws.cell(row, 2, verdicts[verdict]))
        row += 1
    ws.cell(row, 1, words.text("workbook", "total")).font = Font(bold=True)
    _centred(ws.cell(row, 2, sum(verdicts.values()))).font = Font(bold=True)
    return row + 1


def _platform_table(
    ws: Worksheet, row: int, results: Sequence[FileResult], words: Catalogue
) -> int:
    """Meetings by platform (as labelled in the report) and verdict, with a compliance rate."""
    from openpyxl.styles import Font

    from checker.findings import compliance_rate

    counts: dict[str, Counter[str]] = {}
    waived: Counter[str] = Counter()  # per platform: meetings a waiver accepts (not assessed)
    for result in results:
        accepted = result.waived_meetings()
        for meeting in result.meetings:
            label = meeting.label or meeting.platform
            counts.setdefault(label, Counter())[str(meeting.verdict)] += 1
            waived[label] += meeting.id in accepted
    ws.cell(row, 1, words.text("workbook", "by_platform")).font = Font(bold=True)
    row += 1
    shown = [v for v in VERDICTS if v != "not_applicable" or any(c[v] for c in counts.values())]
    heads = [words.text("workbook", "platform"), words.text("workbook", "meetings"),
             *(_capital(words.name("verdicts", v)) for v in shown),
             words.text("workbook", "compliance_rate")]  # fmt: skip
    for c, text in enumerate(heads, start=1):
        cell = _centred(ws.cell(row, c, text), c > 1)
        cell.font = Font(bold=True)
        cell.fill = _fill(HEADER_FILL)
    for label in sorted(counts):
        row += 1
        verdicts = counts[label]
        values = [label, sum(verdicts.values()), *(verdicts[v] for v in shown),
                  words.rate(compliance_rate(verdicts, waived[label]))]  # fmt: skip
        for c, value in enumerate(values, start=1):
            _put(_centred(ws.cell(row, c), c > 1), value)
    return row + 1


# ------------------------------------------------------------------ saving


def _print_wide(ws: Worksheet, title_rows: str | None = None) -> None:
    """Landscape, one page wide: a printed or PDF copy stays legible."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if title_rows:
        ws.print_title_rows = title_rows


def _print_roster_wide(book: Workbook, titles: dict[str, str], result: FileResult) -> None:
    """Roster sheets without print settings of their own print one page wide too."""
    for sheet in {sheet for sheet, _, _ in result.tables}:
        title = titles.get(sheet)
        if title is None:
            continue
        ws = book[title]
        setup = ws.page_setup
        if setup.orientation is None and not ws.sheet_properties.pageSetUpPr.fitToPage:
            _print_wide(ws)


def _show_first(book: Workbook, sheet: Worksheet) -> None:
    """Open on the Findings sheet, with no other sheet selected (Excel would group them)."""
    for ws in book.worksheets:
        ws.sheet_view.tabSelected = ws is sheet
    book.active = book.worksheets.index(sheet)
