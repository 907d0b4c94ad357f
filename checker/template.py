"""The roster template (`roster-check template`): a workbook that stops mistakes before they
are made.

An IOM representation log — one row per IOM attendee per meeting, a row with no name when
nobody from IOM attended — with the header in the chosen language (aliases of
schemas/columns.yaml, so the checker recognises it), dropdown lists built from the vocabulary
for platform, level, title, sector and role (Excel data validation reading a hidden "Lists"
sheet, which the checker skips like every hidden sheet), a date check on the date column, a
frozen header, an Instructions sheet, and a Metadata sheet for the mission, the period and the
template version (checker.metadata reads all three; an older version gives S212).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.files import save_workbook
from checker.findings import TOOL_NAME, TOOL_VERSION
from checker.messages import Catalogue, catalogue
from checker.policy import Policy
from checker.template_version import TEMPLATE_VERSION
from checker.vocabulary import Vocabulary, default_vocabulary

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

# The roster's columns, in order, and their width in characters. No Organization column:
# in a representation log every named person is IOM staff (CONTRACT.md, "Roster layout").
COLUMNS = {"date": 14, "platform": 34, "level": 16, "location": 20, "attendee": 26,
           "title": 36, "sector": 30, "capacity": 16}  # fmt: skip
LISTED = ("platform", "level", "title", "sector", "capacity")
LISTS_SHEET = "Lists"
FILLED_ROWS = 1000  # rows that get the dropdowns and the date format
HEADER_FILL = "1F4E79"
EXCEL_2000_01_01 = 36526  # Excel's serial number of the earliest date the template accepts


@dataclass(frozen=True)
class Choices:
    """The values offered in each dropdown, in the template's language."""

    platform: list[str]
    level: list[str]
    title: list[str]
    sector: list[str]
    capacity: list[str]

    def of(self, field_name: str) -> list[str]:
        values: list[str] = getattr(self, field_name)
        return values


def choices(
    lang: str = "en", vocabulary: Vocabulary | None = None, policy: Policy | None = None
) -> Choices:
    """Dropdown values: the platforms (clusters by sector), levels, IOM titles, sectors, roles.

    With a country profile's policy: its own platforms and local titles are offered, its
    inactive platforms are not, and clusters are those of the sectors where IOM works.
    """
    if policy is not None:
        vocabulary = policy.vocabulary
    vocabulary = vocabulary or default_vocabulary()
    words = catalogue(lang)
    inactive = policy.inactive_platforms if policy is not None else frozenset()
    sectors = {
        code: words.name("sectors", code, name) for code, name in vocabulary.sector_names.items()
    }
    platforms = [c for c in vocabulary.platform_names if c != "CLUSTER" and c not in inactive]
    cluster_sectors = policy.cluster_sectors if policy is not None else None
    if "CLUSTER" not in inactive:
        platforms += [
            words.phrase("cluster_label", sector=name)
            for code, name in sectors.items()
            if cluster_sectors is None or code in cluster_sectors
        ]
    titles_by_role = words.lookup("template", "titles")
    titles = [title for role in vocabulary.role_names for title in titles_by_role.get(role, [])]
    if policy is not None:
        titles += [t for t in policy.title_aliases if t not in titles]  # the mission's own titles
    return Choices(
        platform=platforms,
        level=list(words.lookup("template", "levels")),
        title=titles,
        sector=list(sectors.values()),
        capacity=list(words.lookup("template", "capacities")),
    )


def build_template(
    target: Path, lang: str = "en", vocabulary: Vocabulary | None = None,
    policy: Policy | None = None,
) -> None:  # fmt: skip
    """Write a ready-to-fill roster template in `lang` to `target` (.xlsx), adapted to a
    country profile's `policy` when one is given."""
    from openpyxl import Workbook

    if target.suffix.lower() != ".xlsx":
        raise ValueError(f"{target}: name the template .xlsx")
    words = catalogue(lang)
    offered = choices(lang, vocabulary, policy)
    book = Workbook()
    roster = book.active
    roster.title = words.text("template", "roster_sheet")
    lists = _lists_sheet(book, offered)
    _roster_sheet(roster, words, offered)
    _metadata_sheet(book, words, policy.mission if policy is not None else None)
    _instructions_sheet(book, words)
    book.move_sheet(lists, offset=len(book.sheetnames))  # keep the hidden sheet last
    book.properties.title = f"{TOOL_NAME} roster template {TEMPLATE_VERSION} ({lang})"
    book.properties.creator = f"{TOOL_NAME} {TOOL_VERSION}"
    book.properties.keywords = f"roster-check-template-version={TEMPLATE_VERSION}"
    book.active = 0
    save_workbook(book, target)


def _lists_sheet(book: Workbook, offered: Choices) -> Worksheet:
    ws = book.create_sheet(LISTS_SHEET)
    for col, field_name in enumerate(LISTED, start=1):
        ws.cell(1, col, field_name)
        for row, value in enumerate(offered.of(field_name), start=2):
            cell = ws.cell(row, col, value)
            cell.data_type = "s"
    ws.sheet_state = "hidden"  # the checker reads visible sheets only
    return ws


def _list_range(field_name: str, offered: Choices) -> str:
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(LISTED.index(field_name) + 1)
    return f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(offered.of(field_name)) + 1}"


def _roster_sheet(ws: Worksheet, words: Catalogue, offered: Choices) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    last = FILLED_ROWS + 1
    for col, (field_name, width) in enumerate(COLUMNS.items(), start=1):
        letter = get_column_letter(col)
        cell = ws.cell(1, col, words.name("headers", field_name))
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[letter].width = width
        where = f"{letter}2:{letter}{last}"
        if field_name == "date":
            check = DataValidation(
                type="date", operator="greaterThan", formula1=str(EXCEL_2000_01_01),
                allow_blank=True, showErrorMessage=True, showInputMessage=True,
                errorTitle=words.text("template", "date_title")[:32],
                error=words.text("template", "date_error")[:255],
                promptTitle=words.text("template", "date_title")[:32],
                prompt=words.text("template", "date_prompt")[:255],
            )  # fmt: skip
            for row in range(2, last + 1):
                ws.cell(row, col).number_format = "dd/mm/yyyy"
        elif field_name in LISTED:
            # Titles may carry "a.i." or a sector ("WASH Programme Officer"): warn, don't block.
            strict = field_name != "title"
            check = DataValidation(
                type="list", formula1=f"={_list_range(field_name, offered)}", allow_blank=True,
                showErrorMessage=True, showInputMessage=True,
                errorStyle="stop" if strict else "warning",
                errorTitle=words.text("template", "list_title")[:32],
                error=words.text("template", "list_error" if strict else "title_error")[:255],
                promptTitle=words.name("headers", field_name)[:32],
                prompt=words.text("template", f"{field_name}_prompt")[:255],
            )  # fmt: skip
        else:
            continue
        ws.add_data_validation(check)
        check.add(where)
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"
    ws.sheet_view.zoomScale = 110
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"


def _metadata_sheet(book: Workbook, words: Catalogue, mission: str | None) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = book.create_sheet(words.text("template", "metadata_sheet"))
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 16
    labels = ("mission", "period", "template_version")
    for row, key in enumerate(labels, start=1):
        ws.cell(row, 1, words.text("template", key)).font = Font(bold=True)
        ws.cell(row, 2).number_format = "@"  # "2026-10" stays text, not a date
    if mission:
        ws.cell(1, 2, mission).data_type = "s"  # the profile's mission
    version = ws.cell(3, 2, TEMPLATE_VERSION)
    version.data_type = "s"
    # Hints sit below the labels, never beside them: the checker reads the value to the right.
    hints = (("mission", "mission_hint"), ("period", "period_hint"),
             ("template_version", "version_hint"))  # fmt: skip
    for row, (label, hint) in enumerate(hints, start=5):
        text = f"{words.text('template', label)}: {words.text('template', hint)}"
        cell = ws.cell(row, 1, text)
        cell.font = Font(italic=True, color="595959")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 30
    ws.column_dimensions["C"].width = ws.column_dimensions["D"].width = 20
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    mission_check = DataValidation(
        type="textLength", operator="between", formula1="2", formula2="4", allow_blank=True,
        showErrorMessage=True, error=words.text("template", "mission_error")[:255],
        showInputMessage=True, prompt=words.text("template", "mission_hint")[:255],
    )  # fmt: skip
    period_check = DataValidation(
        type="textLength", operator="equal", formula1="7", allow_blank=True,
        showErrorMessage=True, error=words.text("template", "period_error")[:255],
        showInputMessage=True, prompt=words.text("template", "period_hint")[:255],
    )  # fmt: skip
    for check, cell in ((mission_check, "B1"), (period_check, "B2")):
        ws.add_data_validation(check)
        check.add(cell)


def _instructions_sheet(book: Workbook, words: Catalogue) -> None:
    from openpyxl.styles import Alignment, Font

    ws = book.create_sheet(words.text("template", "instructions_sheet"))
    ws.column_dimensions["A"].width = 100
    lines = words.lookup("template", "instructions")
    for row, line in enumerate(lines, start=1):
        cell = ws.cell(row, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = Font(bold=True, size=14)
        # Row heights by hand: spreadsheets do not grow rows for text they did not lay out.
        ws.row_dimensions[row].height = 16 * max(1, -(-len(line) // 90)) + 4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
