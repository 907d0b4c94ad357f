"""What Excel shows is not what the cells hold (round 14): a strike in the cell's text (rich
text runs), not its style; a line in white font on a white sheet; a row hidden by hand under a
filter that would show it; rows folded by a collapsed outline group (read, not struck off)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.filters import CustomFilter, CustomFilters, FilterColumn

from checker.api import CheckOptions, check_file
from checker.formatting import Criterion, Hidden, _folded, settle

DAY = dt.date(2026, 11, 10)
OTHER_DAY = dt.date(2026, 11, 12)
# (header, the CoM's title, a programme officer's title, a cluster coordinator's title)
LANGUAGES = {
    "en": (["Date", "Meeting", "Name", "Organisation", "Title"], "Chief of Mission",
           "Programme Officer", "CCCM Cluster Coordinator", "IOM"),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "Cheffe de mission",
           "Chargée de programme", "Coordinatrice du cluster CCCM", "OIM"),
    "es": (["Fecha", "Reunión", "Nombre", "Organización", "Cargo"], "Jefa de Misión",
           "Oficial de Programa", "Coordinadora del clúster CCCM", "OIM"),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Função"], "Chefe de Missão",
           "Oficial de Programa", "Coordenadora do cluster CCCM", "OIM"),
}  # fmt: skip


def _rows(lang: str) -> list[list[object]]:
    """An SMT with the CoM as IOM's only attendee (row 3), beside another agency's row."""
    _, chief, _, _, iom = LANGUAGES[lang]
    return [
        [DAY, "SMT", "Ana Silva", "UNDSS", "Security Adviser"],
        [DAY, "SMT", "Nimal Perera", iom, chief],
        [DAY, "SMT", "Omar Haddad", "UNHCR", "Representative"],
    ]


def _book(path: Path, lang: str, rows: list[list[object]]) -> tuple[openpyxl.Workbook, Path]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Register"
    sheet.append(LANGUAGES[lang][0])
    for row in rows:
        sheet.append(row)
    return book, path


def _verdict(path: Path, lang: str) -> tuple[str, str, dict]:
    result = check_file(path, CheckOptions(lang=lang))
    verdicts = {m.platform: m for m in result.meetings}
    meeting = verdicts["SMT"]
    table = result.to_dict()["reading"]["tables"][0]
    return str(meeting.verdict), meeting.reason or "", table


# ------------------------------------------------------------------ a strike in the text

STRUCK = InlineFont(strike=True)


def _shared(path: Path) -> Path:
    """The workbook with its inline strings moved to a shared strings part (as Excel writes
    them), runs and all."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    strings: list[bytes] = []

    def share(match: re.Match[bytes]) -> bytes:
        strings.append(match.group(1))
        return b't="s"><v>%d</v>' % (len(strings) - 1)

    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb't="inlineStr"><is>(.*?)</is>', share, parts[sheet])
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"".join(b"<si>%s</si>" % s for s in strings) + b"</sst>"
    )  # fmt: skip
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    types = "[Content_Types].xml"
    parts[types] = parts[types].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _struck_text_book(path: Path, lang: str, name: object, title: object) -> Path:
    rows = _rows(lang)
    rows[1][2], rows[1][4] = name, title
    book, path = _book(path, lang, rows)
    book.save(path)
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_name_and_title_struck_in_the_text_cross_the_row_off(tmp_path, lang, shared):
    """Round 14's AZE: the text selected in the formula bar and struck, the cell's style
    plain, "Present" beside it: crossed off, never compliant on it."""
    chief = LANGUAGES[lang][1]
    path = _struck_text_book(
        tmp_path / "AZE_2026-11.xlsx", lang, CellRichText([TextBlock(STRUCK, "Nimal Perera")]),
        CellRichText([TextBlock(STRUCK, chief)]),
    )  # fmt: skip
    if shared:
        _shared(path)
    verdict, reason, _ = _verdict(path, lang)
    assert verdict == "undetermined"
    assert "3" in reason


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_name_part_struck_crosses_the_row_off(tmp_path, lang):
    chief = LANGUAGES[lang][1]
    name = CellRichText(["N. ", TextBlock(STRUCK, "Perera")])
    path = _struck_text_book(tmp_path / "AZE_2026-11.xlsx", lang, name, chief)
    assert _verdict(path, lang)[0] == "undetermined"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plain_runs_and_a_struck_blank_are_no_crossing_off(tmp_path, lang):
    chief = LANGUAGES[lang][1]
    unstruck = InlineFont(strike=False)
    name = CellRichText([TextBlock(unstruck, "Nimal "), TextBlock(InlineFont(b=True), "Perera"),
                         TextBlock(STRUCK, " – ")])  # fmt: skip
    path = _struck_text_book(tmp_path / "AZE_2026-11.xlsx", lang, name, chief)
    assert _verdict(path, lang)[0] == "compliant"


# ------------------------------------------------------------------ white font


def _white_book(path: Path, lang: str, font: Font, fill: PatternFill | None = None,
                columns: str = "CDE") -> Path:  # fmt: skip
    book, path = _book(path, lang, _rows(lang))
    sheet = book.active
    for column in columns:
        sheet[f"{column}3"].font = font
        if fill is not None:
            sheet[f"{column}3"].fill = fill
    book.save(path)
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "font",
    [Font(color="FFFFFFFF"), Font(color="FFFEFEFE"), Font(color=openpyxl.styles.Color(theme=0))],
    ids=["white", "near-white", "background-1"],
)
def test_a_line_in_white_font_on_a_white_sheet_is_blanked_out(tmp_path, lang, font):
    """Round 14's MKD: the CoM's line whitened on a sign-in sheet copied from the last
    meeting: it reads as an empty line; never compliant on it, and the cell is named."""
    path = _white_book(tmp_path / "MKD_2026-11.xlsx", lang, font)
    verdict, reason, _ = _verdict(path, lang)
    assert verdict == "undetermined"
    assert "C3" in reason


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_font_the_colour_of_its_fill_is_blanked_out(tmp_path, lang):
    red = PatternFill("solid", fgColor="FFC00000")
    path = _white_book(tmp_path / "MKD_2026-11.xlsx", lang, Font(color="FFC00000"), red)
    assert _verdict(path, lang)[0] == "undetermined"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_white_on_a_dark_fill_or_white_title_alone_is_read(tmp_path, lang):
    dark = PatternFill("solid", fgColor="FF1F4E79")
    path = _white_book(tmp_path / "MKD_2026-11.xlsx", lang, Font(color="FFFFFFFF"), dark)
    assert _verdict(path, lang)[0] == "compliant"
    path = _white_book(tmp_path / "MKD2_2026-11.xlsx", lang, Font(color="FFFFFFFF"), None, "E")
    assert _verdict(path, lang)[0] == "compliant"


# ------------------------------------------------------------------ a filter's hidden rows


def _filtered_book(path: Path, lang: str, by_hand: bool, custom: bool = False) -> Path:
    """SMT rows shown by a filter on Meeting = SMT; the ICCG's rows (IOM's cluster
    coordinator) hidden by it; the CoM's SMT row hidden (by hand when `by_hand`)."""
    _, _, _, coordinator, iom = LANGUAGES[lang]
    rows = [*_rows(lang), [OTHER_DAY, "ICCG", "Rosa Lima", iom, coordinator],
            [OTHER_DAY, "ICCG", "Yusuf Ali", "OCHA", "Humanitarian Affairs Officer"]]  # fmt: skip
    book, path = _book(path, lang, rows)
    sheet = book.active
    sheet.auto_filter.ref = f"A1:E{len(rows) + 1}"
    if custom:  # a wildcard: openpyxl 3.1.2 (the lowest allowed) takes no plain text here
        sheet.auto_filter.filterColumn.append(FilterColumn(
            colId=1, customFilters=CustomFilters([CustomFilter("notEqual", "ICCG*")])))  # fmt: skip
    else:
        sheet.auto_filter.add_filter_column(1, ["SMT"])
    for number in (5, 6, *((3,) if by_hand else ())):
        sheet.row_dimensions[number].hidden = True
    book.save(path)
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_row_hidden_by_hand_under_a_filter_that_shows_it(tmp_path, lang):
    """Round 14's TJK: the filter on Meeting shows SMT rows; the CoM's SMT row is hidden all
    the same: by hand, attendance unknown. The rows the filter hides are data."""
    path = _filtered_book(tmp_path / "TJK_2026-11.xlsx", lang, by_hand=True)
    verdict, reason, table = _verdict(path, lang)
    assert verdict == "undetermined" and "3" in reason
    assert table["hidden_rows"] == 1 and table["filtered_rows"] == 2
    result = check_file(path, CheckOptions(lang=lang))
    assert {str(m.verdict) for m in result.meetings if m.platform == "ICCG"} == {"compliant"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rows_the_filter_hides_are_read(tmp_path, lang):
    path = _filtered_book(tmp_path / "TJK_2026-11.xlsx", lang, by_hand=False)
    verdict, _, table = _verdict(path, lang)
    assert verdict == "compliant"
    assert table["filtered_rows"] == 2 and "hidden_rows" not in table


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_filter_not_evaluated_leaves_its_hidden_rows_in_doubt(tmp_path, lang):
    """A custom filter is not evaluated: its hidden rows are said apart, never attendees."""
    path = _filtered_book(tmp_path / "TJK_2026-11.xlsx", lang, by_hand=True, custom=True)
    verdict, reason, table = _verdict(path, lang)
    assert verdict == "undetermined" and "3" in reason
    assert table["unsure_rows"] == 3
    result = check_file(path, CheckOptions(lang=lang))
    assert {str(m.verdict) for m in result.meetings if m.platform == "ICCG"} == {"undetermined"}


def test_settle_values():
    criteria = (Criterion(1, frozenset({"smt", "1"}), blank=True), Criterion(2, None))
    hidden = Hidden(filtered=frozenset({1, 2, 3, 4}), criteria=criteria[:1])
    cells = [[], [None, " SMT "], [None, "HCT"], [None, None], [None, 1.0]]
    settled = settle(hidden, cells)
    assert settled.rows == {1, 3, 4} and settled.filtered == {2}
    settled = settle(Hidden(filtered=frozenset({1, 2}), criteria=criteria), cells)
    assert settled.unsure == {1} and settled.filtered == {2}
    dates = [[], [None, dt.datetime(2026, 11, 10)]]
    assert settle(Hidden(filtered=frozenset({1}), criteria=criteria[:1]), dates).unsure == {1}


@given(st.sets(st.integers(0, 20)), st.dictionaries(st.integers(0, 20), st.integers(1, 3)))
def test_folded_rows_are_hidden_rows_of_groups_hidden_whole(hidden, levels):
    folded = _folded(set(hidden), levels)
    assert folded <= hidden
    for row in folded:
        level = levels[row]
        low = high = row
        while levels.get(low - 1, 0) >= level:
            low -= 1
        while levels.get(high + 1, 0) >= level:
            high += 1
        assert all(r in hidden for r in range(low, high + 1))


@given(st.lists(st.sampled_from(["smt", "hct", None, 1, 2.5, ""]), max_size=8))
def test_settle_accounts_for_every_filtered_row(values):
    cells = [[None, v] for v in values]
    hidden = Hidden(filtered=frozenset(range(len(values))),
                    criteria=(Criterion(1, frozenset({"smt", "1"})),))  # fmt: skip
    settled = settle(hidden, cells)
    assert settled.rows | settled.filtered | settled.unsure == hidden.filtered
    assert not (settled.rows & settled.filtered or settled.rows & settled.unsure)


# ------------------------------------------------------------------ outline groups


def _grouped_book(path: Path, lang: str, collapsed: bool) -> Path:
    """An SMT's rows grouped under a summary line; collapsed (every row folded), or
    expanded with the CoM's row alone hidden (by hand)."""
    rows = [[f"SMT – {DAY:%d/%m/%Y}", None, None, None, None], *_rows(lang)]
    book, path = _book(path, lang, rows)
    sheet = book.active
    for number in (3, 4, 5):
        sheet.row_dimensions[number].outlineLevel = 1
        sheet.row_dimensions[number].hidden = collapsed or number == 4
    sheet.sheet_properties.outlinePr.summaryBelow = False
    book.save(path)
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rows_folded_by_a_collapsed_group_are_read(tmp_path, lang):
    """Round 14's MNE: each meeting's rows folded under its summary line: folding is not
    striking anyone off; the reading says how many rows were folded."""
    path = _grouped_book(tmp_path / "MNE_2026-11.xlsx", lang, collapsed=True)
    verdict, _, table = _verdict(path, lang)
    assert verdict == "compliant"
    assert table["folded_rows"] == 3 and "hidden_rows" not in table


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_row_hidden_inside_an_open_group_is_hidden_by_hand(tmp_path, lang):
    path = _grouped_book(tmp_path / "MNE_2026-11.xlsx", lang, collapsed=False)
    verdict, _, table = _verdict(path, lang)
    assert verdict == "undetermined"
    assert table["hidden_rows"] == 1 and "folded_rows" not in table


# ------------------------------------------------------------------ conditional formats


def _conditional_book(path: Path, lang: str, formula: str) -> Path:
    """A Status column; a conditional format strikes the rows whose status is the word of
    cancellation (QAT's "Cancelou"), the CoM's among them."""
    from openpyxl.formatting.rule import FormulaRule

    cancelled = {"en": "Cancelled", "fr": "Annulé", "es": "Canceló", "pt": "Cancelou"}[lang]
    book, path = _book(path, lang, _rows(lang))
    sheet = book.active
    sheet["F1"] = "Status"
    for number in (2, 3, 4):
        sheet[f"F{number}"] = cancelled if number == 3 else "OK"
    formula = formula.replace("{word}", cancelled)
    sheet.conditional_formatting.add("A2:F4", FormulaRule(formula=[formula],
                                                          font=Font(strike=True)))  # fmt: skip
    book.save(path)
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_row_struck_by_a_plain_conditional_format_is_crossed_off(tmp_path, lang):
    path = _conditional_book(tmp_path / "QAT_2026-11.xlsx", lang, '$F2="{word}"')
    verdict, reason, table = _verdict(path, lang)
    assert verdict == "undetermined" and "3" in reason
    assert "unread_conditional_formats" not in table


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_conditional_format_not_evaluated_is_said(tmp_path, lang):
    path = _conditional_book(tmp_path / "QAT_2026-11.xlsx", lang, 'LEFT($F2,3)="{word}"')
    _, _, table = _verdict(path, lang)
    assert table["unread_conditional_formats"] == ["A2:F4"]
