"""Reading hostile and unusual files: every problem is a finding code, never a crash."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from checker import reader
from checker.api import check_file
from checker.reader import UnreadableRoster, read_workbook

FIXTURES = Path(__file__).parent / "fixtures"


def _codes(path: Path) -> list[str]:
    return [f.code for f in check_file(path).findings]


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", " " * (60 * 2**20))  # 60 MB of spaces
    assert bomb.stat().st_size < 2**20
    with pytest.raises(UnreadableRoster) as caught:
        read_workbook(bomb)
    assert caught.value.code == "E104"
    assert _codes(bomb) == ["E104"]


def test_a_directory_named_like_a_workbook_is_unreadable(tmp_path):
    folder = tmp_path / "roster.xlsx"
    folder.mkdir()
    assert _codes(folder) == ["E101"]


def test_empty_file(tmp_path):
    empty = tmp_path / "ETH_2026-10.xlsx"
    empty.write_bytes(b"")
    result = check_file(empty)
    assert [f.code for f in result.findings] == ["E101"]
    assert result.status == "unreadable"
    assert (result.mission, result.period) == ("ETH", "2026-10")  # still known from the name


def test_entity_bomb_is_rejected_quickly():
    assert _codes(FIXTURES / "entity_bomb.xlsx") == ["E101"]


def test_encrypted_workbook():
    assert _codes(FIXTURES / "encrypted.xlsx") == ["E102"]


def test_csv_with_semicolons_bom_and_ragged_rows(tmp_path):
    csv = tmp_path / "NER_2026-10.csv"
    csv.write_text("\ufeffDate;Platform;Name;Organization;Title\n"
                   "05/10/2026;HCT;K. Osei;OIM;Chef de Mission\n"
                   "06/10/2026;OMT;R. Diaz;IOM\n", encoding="utf-8")  # fmt: skip
    result = check_file(csv)
    assert [str(m.verdict) for m in result.meetings] == ["compliant", "undetermined"]
    assert [(f.code, f.cell) for f in result.findings] == [
        ("S202", "'NER_2026-10'!E3")
    ]  # Excel quotes such names


def test_input_files_are_never_modified(tmp_path):
    import hashlib
    import shutil

    source = Path(__file__).parent.parent / "sample_rosters" / "COD_2026-10.xlsx"
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    check_file(copy)
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before


def test_a_hidden_metadata_sheet_still_names_the_mission_and_period(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Roster"
    sheet.append(["Date", "Platform", "Name", "Organization", "Title"])
    sheet.append(["05/10/2026", "HCT", "K. Osei", "IOM", "Chief of Mission"])
    info = book.create_sheet("Metadata")
    info.append(["Mission", "SOM"])
    info.append(["Period", "2026-10"])
    info.sheet_state = "hidden"
    lists = book.create_sheet("Lists")  # a hidden dropdown sheet: still not a roster
    lists.append(["Date", "Platform", "Name", "Organization", "Title"])
    lists.append(["06/10/2026", "OMT", "X", "IOM", "Driver"])
    lists.sheet_state = "hidden"
    path = tmp_path / "roster.xlsx"
    book.save(path)
    result = check_file(path)
    assert (result.mission, result.period) == ("SOM", "2026-10")
    assert result.sheets == ("Roster",)
    assert [f.code for f in result.findings] == []


def _far_cell_workbook(path: Path, value: bool, cell: str = "XFD1048576") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Platform", "Name", "Organization", "Title"])
    sheet.append(["05/10/2026", "HCT", "K. Osei", "IOM", "Chief of Mission"])
    if value:
        sheet[cell] = "x"  # a stray value in Excel's very last cell
    else:
        sheet[cell].font = Font(bold=True)  # only formatted (Ctrl+End lands there)
    book.save(path)
    return path


def test_a_stray_value_in_the_last_cell_is_e104_not_a_crash(tmp_path):
    """A 5 KB workbook whose value sits in XFD1048576 would make the reader allocate 17
    billion cells; it is refused before reading, with a message saying what to delete."""
    path = _far_cell_workbook(tmp_path / "NER_2026-10.xlsx", value=True)
    assert path.stat().st_size < 10_000
    result = check_file(path)
    assert [f.code for f in result.findings] == ["E104"]
    assert "stray value far to the right or bottom" in result.findings[0].message


def test_a_formatted_empty_far_cell_is_harmless(tmp_path):
    result = check_file(_far_cell_workbook(tmp_path / "NER_2026-10.xlsx", value=False))
    assert [str(m.verdict) for m in result.meetings] == ["compliant"]
    assert result.findings == ()


def test_a_stray_value_just_past_column_z_is_measured_not_waved_through(tmp_path):
    """The quick test only clears sheets whose cells all lie in A:Z; AZ1048576 holds
    52 x 1,048,576 cells, over the limit, and takes the full measurement."""
    result = check_file(_far_cell_workbook(tmp_path / "NER_2026-10.xlsx", True, "AZ1048576"))
    assert [f.code for f in result.findings] == ["E104"]


def test_a_value_in_a_near_wide_column_is_read(tmp_path):
    result = check_file(_far_cell_workbook(tmp_path / "NER_2026-10.xlsx", True, "AB5"))
    assert [str(m.verdict) for m in result.meetings] == ["compliant"]


def _sheet_part(tmp_path: Path, cells: str) -> tuple[zipfile.ZipFile, zipfile.ZipInfo]:
    path = tmp_path / "part.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", f"<worksheet><sheetData>{cells}"
                         "</sheetData></worksheet>")  # fmt: skip
    archive = zipfile.ZipFile(path)
    return archive, archive.getinfo("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize(
    ("cells", "extent"),
    [
        ('<row r="5"><c r="Z5"><v>1</v></c></row>', (26, 5)),  # the first quick test
        ('<row r="1048576"><c r="K1048576"><v>1</v></c></row>', (11, 1_048_576)),  # the second
        ('<row r="1048576"><c r="L1048576"><v>1</v></c></row>', (12, 1_048_576)),  # measured
        ('<row r="1048577"><c r="A1048577"><v>1</v></c></row>', (1, 1_048_577)),
        ('<c r="A1048576"><v>1</v></c><c r="Z5"><v>1</v></c>', (26, 1_048_576)),  # each half
    ],
)
def test_a_tall_sheet_is_cleared_only_within_columns_a_to_k(tmp_path, cells, extent):
    """Past row 200,000 the quick test gives way to a second one: A:K within Excel's rows
    (11 x 1,048,576 cells, under the limit); anything else is measured cell by cell. The
    cleared sheets' extents are then counted too, for the memory estimate."""
    archive, member = _sheet_part(tmp_path, cells)
    with archive:
        assert reader._quick_extent(archive, member)[:2] == extent


def test_cells_are_read_from_a1_with_equal_texts_as_one_object(tmp_path):
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["C3"], sheet["D3"], sheet["D4"], sheet["E5"] = "HCT", " HCT", True, 1
    sheet["C5"] = "".join(["H", "CT"])  # an equal text written again
    book.create_sheet("Empty")
    sheet = book.create_sheet("Dates")
    sheet["A2"] = dt.datetime(2026, 10, 5)
    path = tmp_path / "offset.xlsx"
    book.save(path)
    first, empty, dates = read_workbook(path).sheets
    assert first.cells == [
        ["", "", "", "", ""],
        ["", "", "", "", ""],
        ["", "", "HCT", " HCT", ""],
        ["", "", "", True, ""],
        ["", "", "HCT", "", 1.0],
    ]
    assert type(first.cells[3][3]) is bool and type(first.cells[4][4]) is float
    assert first.cells[2][2] is first.cells[4][2]
    assert empty.cells == []
    assert dates.cells == [[""], [dt.date(2026, 10, 5)]]  # calamine: a date at midnight


def _shared_workbook(path: Path, text: str, cells: int) -> Path:
    from tests.hostile.corpus import MAIN, xlsx

    rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, cells + 1)
    )
    sst = f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>{text}</t></si></sst>'
    return xlsx(path, rows, extra={"xl/sharedStrings.xml": sst})


def test_a_shared_string_copied_into_every_cell_is_counted_before_calamine_reads_it(
    tmp_path, monkeypatch
):
    """calamine copies a shared string into every cell that uses it: one 32 KB string in
    100,000 cells is 3.3 GB from a 300 KB file. The estimate counts each use."""
    from checker import budget

    monkeypatch.setattr(budget, "BASE_BYTES", 0)
    monkeypatch.setattr(budget, "ROW_BYTES", 0)  # what reading takes, alone
    monkeypatch.setattr(budget, "MEMORY_BUDGET", 2_000_000)
    short = _shared_workbook(tmp_path / "short.xlsx", "HCT", 1_000)
    assert read_workbook(short).sheets[0].cells[999] == ["HCT"]
    long = _shared_workbook(tmp_path / "long.xlsx", "x" * 2_000, 1_000)
    with pytest.raises(UnreadableRoster) as refused:
        read_workbook(long)
    assert refused.value.code == "E104" and refused.value.key == "E104:memory"
    assert "the limit is 1 MB per file" in str(refused.value)


def test_the_bound_on_copies_gives_way_to_counting_them(tmp_path, monkeypatch):
    """The first bound (every cell could hold the longest string) is too coarse for a
    roster with one long remark: the uses are then counted, and the file is read."""
    from checker import budget
    from tests.hostile.corpus import MAIN, xlsx

    monkeypatch.setattr(budget, "BASE_BYTES", 0)
    monkeypatch.setattr(budget, "ROW_BYTES", 0)  # what reading takes, alone
    monkeypatch.setattr(budget, "MEMORY_BUDGET", 1_000_000)
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 2001))
    rows += '<row r="2001"><c r="A2001" t="s"><v>1</v></c></row>'
    sst = (f'<sst xmlns="{MAIN}"><si><t>HCT</t></si><si><t>{"remark " * 1000}</t></si>'
           "</sst>")  # fmt: skip
    path = xlsx(tmp_path / "remark.xlsx", rows, extra={"xl/sharedStrings.xml": sst})
    assert len(read_workbook(path).sheets[0].cells) == 2001


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_csv_too_large_for_memory_is_e104_while_reading(tmp_path, monkeypatch, language):
    from checker import budget

    monkeypatch.setattr(budget, "BASE_BYTES", 0)
    monkeypatch.setattr(budget, "ROW_BYTES", 0)  # what reading takes, alone
    monkeypatch.setattr(budget, "MEMORY_BUDGET", 200_000)
    path = tmp_path / "big.csv"
    path.write_text("Name;Title\n" + "".join(f"Person {i};Officer {i}\n" for i in range(2000)))
    from checker.options import CheckOptions

    result = check_file(path, CheckOptions(lang=language))
    assert [f.code for f in result.findings] == ["E104"]
    assert {"en": "per file", "fr": "par fichier", "es": "por archivo"}[language] in (
        result.findings[0].message
    )
    path.write_text("Name;Title\n" + "K. Osei;Chief of Mission\n" * 2000)  # repeated texts
    assert read_workbook(path).sheets[0].height == 2001


def test_an_ods_text_repeated_across_cells_counts_every_copy(tmp_path, monkeypatch):
    from checker import budget
    from tests.hostile.corpus import _ods

    monkeypatch.setattr(budget, "BASE_BYTES", 0)
    monkeypatch.setattr(budget, "ROW_BYTES", 0)  # what reading takes, alone
    monkeypatch.setattr(budget, "MEMORY_BUDGET", 5_000_000)
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    row = '<table:table-row table:number-rows-repeated="{}">' + cell + "</table:table-row>"
    _ods(tmp_path / "small.ods", row.format(1000, "HCT"))
    assert read_workbook(tmp_path / "small.ods").sheets[0].height == 1000
    _ods(tmp_path / "copies.ods", row.format(1000, "x" * 5000))  # 5 MB of copies
    with pytest.raises(UnreadableRoster, match="per file"):
        read_workbook(tmp_path / "copies.ods")


@pytest.mark.parametrize(
    ("cells", "filled"),
    [
        ('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', 1),
        ('<row r="2"><c r="A2"><v>1</v></c></row><row r="9000"><c r="C9000"><v>1</v></c></row>', 2),
        ('<row r="250000"><c r="K250000"><v>1</v></c></row><row r="3"><c r="A3"/></row>', 2),
        (
            '<row r="5"><c r="Z5"><v>1</v></c></row><row r="300000"><c r="L300000"><v>1</v></c>'
            '<c r="M300000"/></row>',
            2,
        ),  # measured reference by reference
        (
            '<row r="7"><c><v>1</v></c><c><v>2</v></c></row><row><c/></row><row><c><v>3</v></c>'
            "</row>",
            2,
        ),  # no r: placed by expat, the empty row not counted
    ],
)
def test_the_pre_scan_counts_the_rows_that_hold_cells(tmp_path, cells, filled):
    """What judging takes grows with the rows (each a meeting, with its findings), not with
    the sheet's range: the pre-scan counts the rows that hold cells, whatever the sheet's
    size or the path that measured it."""
    archive, member = _sheet_part(tmp_path, cells)
    with archive:
        try:
            extent = reader._quick_extent(archive, member)
        except reader._Unsure:
            extent = reader._exact_extent(archive, member)
        assert extent.filled == filled


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_too_many_rows_to_judge_is_e104_naming_the_rows(tmp_path, monkeypatch, language):
    """A file whose cells are cheap to read but whose rows are too many to judge within the
    budget is refused before it is read, the rows said; the same range with few rows holding
    values is read (the sheet's extent alone does not count)."""
    from checker import budget
    from checker.options import CheckOptions
    from tests.hostile.corpus import xlsx

    monkeypatch.setattr(budget, "BASE_BYTES", 0)
    monkeypatch.setattr(budget, "MEMORY_BUDGET", 1_000_000)
    monkeypatch.setattr(budget, "ROW_BYTES", 1_000)
    many = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 1201))
    result = check_file(xlsx(tmp_path / "many.xlsx", many), CheckOptions(lang=language))
    assert [f.code for f in result.findings] == ["E104"]
    words = {"en": "1,200 rows holding values", "fr": "1,200 lignes remplies",
             "es": "1,200 filas con valores"}[language]  # fmt: skip
    assert words in result.findings[0].message
    assert {"en": "per file", "fr": "par fichier", "es": "por archivo"}[language] in (
        result.findings[0].message
    )
    few = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1200"><c r="A1200"><v>2</v></c></row>'
    assert read_workbook(xlsx(tmp_path / "few.xlsx", few)).sheets[0].height == 1200


def test_a_csv_with_too_many_rows_to_judge_is_e104_while_reading(tmp_path, monkeypatch):
    from checker import budget

    monkeypatch.setattr(budget, "BASE_BYTES", 0)
    monkeypatch.setattr(budget, "MEMORY_BUDGET", 1_000_000)
    monkeypatch.setattr(budget, "ROW_BYTES", 1_000)
    path = tmp_path / "rows.csv"
    path.write_text("Name;Title\n" + "K. Osei;Chief of Mission\n" * 1200)
    with pytest.raises(UnreadableRoster, match="rows holding values"):
        read_workbook(path)
    path.write_text("Name;Title\n" + "K. Osei;Chief of Mission\n" * 900)
    assert read_workbook(path).sheets[0].height == 901


@pytest.mark.parametrize("far", ["", '<row r="300000"><c r="L300000"><v>1</v></c></row>'])
def test_a_row_split_between_chunks_of_the_scan_counts_once(tmp_path, monkeypatch, far):
    # The sheet is read in chunks (4 MB): a row whose cells fall in two of them is one row.
    monkeypatch.setattr(reader, "SCAN_CHUNK", 64)
    cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>1</v></c>' for c in "ABCDE")
                    + "</row>" for r in range(1, 301))  # fmt: skip
    archive, member = _sheet_part(tmp_path, cells + far)
    with archive:
        assert reader._quick_extent(archive, member).filled == 300 + bool(far)


# A date and platform merged down over each meeting's attendees, as LibreOffice writes an
# .ods (the first cell spans the rows, the cells it covers are written as covered cells) and
# as an .xlsx holds them (a merged range). One meeting with the CoM, one with her deputy.
_MERGED_ROWS = {
    "en": (["Date", "Platform", "Name", "Organization", "Title"],
           [("2026-10-06", "HCT", [("K. Osei", "IOM", "Chief of Mission"),
                                   ("A. Sarr", "OCHA", "Head of Office"),
                                   ("L. Faye", "UNICEF", "Representative")]),
            ("2026-10-14", "UNCT", [("A. Sarr", "OCHA", "Head of Office"),
                                    ("M. Diop", "IOM", "Deputy Chief of Mission"),
                                    ("L. Faye", "UNICEF", "Representative")])]),
    "fr": (["Date", "Réunion", "Nom", "Structure", "Fonction"],
           [("2026-10-06", "HCT", [("K. Osei", "OIM", "Cheffe de mission"),
                                   ("A. Sarr", "BCR", "Coordonnatrice résidente"),
                                   ("L. Faye", "UNICEF", "Représentante")]),
            ("2026-10-14", "UNCT", [("A. Sarr", "BCR", "Coordonnatrice résidente"),
                                    ("M. Diop", "OIM", "Chef de mission adjoint"),
                                    ("L. Faye", "UNICEF", "Représentante")])]),
}  # fmt: skip


def _ods_cell(text: str, extra: str = "", covered: bool = False) -> str:
    tag = "table:covered-table-cell" if covered else "table:table-cell"
    return f'<{tag} office:value-type="string"{extra}><text:p>{text}</text:p></{tag}>'


def _merged_ods(path: Path, language: str, covered_value: str | None = None) -> Path:
    from tests.hostile.corpus import _ods

    header, meetings = _MERGED_ROWS[language]
    span = ' table:number-rows-spanned="3" table:number-columns-spanned="1"'
    rows = ["<table:table-row>" + _ods_cell("Attendance, October 2026") + "</table:table-row>",
            "<table:table-row>" + "".join(_ods_cell(h) for h in header) + "</table:table-row>"]  # fmt: skip
    for date, platform, people in meetings:
        for i, (name, org, title) in enumerate(people):
            if i == 0:
                first = (f'<table:table-cell office:value-type="date" office:date-value="{date}"'
                         f"{span}><text:p>{date}</text:p></table:table-cell>"
                         + _ods_cell(platform, span))  # fmt: skip
            elif covered_value is not None and i == 1 and platform == "UNCT":
                first = "<table:covered-table-cell/>" + _ods_cell(covered_value, covered=True)
            else:
                first = '<table:covered-table-cell table:number-columns-repeated="2"/>'
            cells = "".join(_ods_cell(v) for v in (name, org, title))
            rows.append(f"<table:table-row>{first}{cells}</table:table-row>")
    rows.append('<table:table-row table:number-rows-repeated="1048560">'
                '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')  # fmt: skip
    return _ods(path, '<table:table-column table:number-columns-repeated="5"/>' + "".join(rows))


def _merged_xlsx(path: Path, language: str, covered_value: str | None = None) -> Path:
    import datetime as dt

    from openpyxl import Workbook as OpenpyxlBook
    from openpyxl.worksheet.cell_range import CellRange

    header, meetings = _MERGED_ROWS[language]
    book = OpenpyxlBook()
    ws = book.active
    ws.title = "S"
    ws.append(["Attendance, October 2026"])
    ws.append(header)
    for date, platform, people in meetings:
        top = ws.max_row + 1
        for i, person in enumerate(people):
            first: list[object] = (
                [dt.date.fromisoformat(date), platform] if i == 0 else [None, None]
            )
            if covered_value is not None and i == 1 and platform == "UNCT":
                first[1] = covered_value  # a value in a cell under the merge, kept by Excel
            ws.append([*first, *person])
        for column in "AB":  # added as ranges: merge_cells would blank the cells under them
            ws.merged_cells.add(CellRange(f"{column}{top}:{column}{top + 2}"))
    book.save(path)
    return path


def _judged(path: Path) -> list[tuple[str, str, str, list[int]]]:
    return [(m.date, m.platform, str(m.verdict), sorted(a.row for a in m.iom_attendees))
            for m in check_file(path).meetings]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_ods_merged_down_is_judged_as_its_xlsx_twin(tmp_path, language):
    ods = _merged_ods(tmp_path / f"SEN_2026-10_{language}.ods", language)
    xlsx = _merged_xlsx(tmp_path / f"SEN_2026-10_{language}.xlsx", language)
    assert read_workbook(ods).sheets[0].merged == [
        (2, 0, 4, 0), (2, 1, 4, 1), (5, 0, 7, 0), (5, 1, 7, 1)]  # fmt: skip
    expected = [("2026-10-06", "HCT", "compliant", [3]), ("2026-10-14", "UNCT", "wrong_level", [7])]
    assert _judged(ods) == _judged(xlsx) == expected
    assert not [f for f in check_file(ods).findings if f.code == "S202"]


def test_a_covered_cell_with_its_own_value_is_read_as_in_xlsx(tmp_path):
    """ODS (like xlsx) may keep a value in a cell a merge covers: the row reads what the
    merge shows, its attendance in doubt for the value hidden under it (test_under_merge)."""
    ods = _merged_ods(tmp_path / "SEN_2026-10_c.ods", "en", covered_value="OMT")
    xlsx = _merged_xlsx(tmp_path / "SEN_2026-10_c.xlsx", "en", covered_value="OMT")
    assert read_workbook(ods).sheets[0].cells[6][1] == "OMT"
    assert _judged(ods) == _judged(xlsx)
    unct = check_file(ods).meetings[1]
    assert (unct.platform, str(unct.verdict)) == ("UNCT", "undetermined")
    assert [m.platform for m in check_file(ods).meetings] == ["HCT", "UNCT"]


def test_an_ods_claiming_millions_of_merges_keeps_a_bounded_number(tmp_path, monkeypatch):
    from tests.hostile.corpus import _ods

    monkeypatch.setattr(reader, "MAX_ODS_SPANS", 100)
    cell = ('<table:table-cell office:value-type="float" office:value="1" '
            'table:number-rows-spanned="1048576" table:number-columns-spanned="16384"/>')  # fmt: skip
    row = f'<table:table-row table:number-rows-repeated="3">{cell * 50}</table:table-row>'
    _ods(tmp_path / "spans.ods", row * 3)  # 150 merges, each over the whole sheet
    [sheet] = read_workbook(tmp_path / "spans.ods").sheets
    assert len(sheet.merged) == 100
    height, width = sheet.height, len(sheet.cells[0])
    assert all(r1 < height and c1 < width for _r0, _c0, r1, c1 in sheet.merged)  # clipped
