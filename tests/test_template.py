"""The roster template (`roster-check template`): in each language it is recognised by the
checker, its dropdowns only offer values the checker understands, a template filled with
valid rows checks clean, and a roster from an older template version gets S212 (info)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result

from checker.cli import main
from checker.messages import LANGUAGES, catalogue
from checker.template import COLUMNS, LISTED, LISTS_SHEET, choices
from checker.template_version import TEMPLATE_VERSION, template_outdated
from checker.vocabulary import PlatformMatch, default_vocabulary


def run(*args: Any) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def make_template(folder: Path, lang: str) -> Path:
    path = folder / f"roster_template_{lang}.xlsx"
    result = run("template", "--lang", lang, "-o", path)
    assert result.exit_code == 0, result.output
    return path


def by_code(values: list[str], read: Callable[[str], object], code: object) -> str:
    """The one value of a dropdown that the checker reads as `code`: looked up by code, not by
    position, so that a platform, sector or role added to the vocabulary moves nothing here."""
    (value,) = [v for v in values if read(v) == code]
    return value


def fill(template: Path, target: Path, lang: str, version: str | None = None) -> None:
    """Fill the template the way field staff would: values picked from its own lists."""
    offered = choices(lang)
    vocabulary = default_vocabulary()
    titles = catalogue(lang).lookup("template", "titles")
    level = by_code(offered.level, vocabulary.level, "national")
    subnational = by_code(offered.level, vocabulary.level, "subnational")
    member, observer, chair = (
        by_code(offered.capacity, vocabulary.capacity, code)
        for code in ("member", "observer", "chair")
    )
    health = by_code(offered.sector, vocabulary.sector, "HEA")
    wash = by_code(offered.sector, vocabulary.sector, "WSH")
    health_cluster = by_code(offered.platform, vocabulary.platform, PlatformMatch("CLUSTER", "HEA"))
    rows = [
        [dt.datetime(2026, 10, 5), "HCT", level, "Capital", "A. Mensah", titles["COM"][0], None, member],
        [dt.datetime(2026, 10, 7), "ICCG", level, "Capital", "B. Ortiz", titles["CLUSTER_COORD"][0], wash, member],
        [dt.datetime(2026, 10, 8), "OMT", level, "Capital", "C. Diallo", titles["RMO"][0], None, chair],
        [dt.datetime(2026, 10, 9), "SMT", level, "Capital", "A. Mensah", titles["COM"][-1], None, member],
        [dt.datetime(2026, 10, 12), health_cluster, subnational, "North", "D. Kim", titles["PROG_OFF"][0], health, member],
        [dt.datetime(2026, 10, 14), "PMT", level, "Capital", "E. Haddad", titles["PROG_COORD"][0], None, None],
        [dt.datetime(2026, 10, 14), "PMT", level, "Capital", "F. Ruiz", titles["OTHER"][0], None, observer],
    ]  # fmt: skip
    book = openpyxl.load_workbook(template)
    roster = book.worksheets[0]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            roster.cell(r, c, value)
    metadata = book[catalogue(lang).text("template", "metadata_sheet")]
    metadata["B1"] = "NER"
    metadata["B2"] = "2026-10"
    if version is not None:
        metadata["B3"] = version
    book.save(target)


def check_json(path: Path, *options: str) -> tuple[int, dict[str, Any]]:
    result = run("check", path, "--format", "json", *options)
    return result.exit_code, json.loads(result.stdout)["results"][0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_filled_template_checks_clean(tmp_path: Path, lang: str) -> None:
    filled = tmp_path / "filled.xlsx"
    fill(make_template(tmp_path, lang), filled, lang)
    status, result = check_json(filled, "--lang", lang)
    assert status == 0
    assert result["findings"] == []
    assert result["status"] == "compliant"
    assert (result["mission"], result["period"]) == ("NER", "2026-10")
    assert result["summary"]["meetings"] == 6
    assert result["rows"] == {"read": 7, "used": 7, "skipped": 0, "rejected": 0}
    # Only the roster sheet is read: not the Metadata, Instructions or hidden Lists sheets.
    assert result["sheets"] == [catalogue(lang).text("template", "roster_sheet")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_template_layout(tmp_path: Path, lang: str) -> None:
    words = catalogue(lang)
    book = openpyxl.load_workbook(make_template(tmp_path, lang))
    assert book.sheetnames == [
        words.text("template", "roster_sheet"),
        words.text("template", "metadata_sheet"),
        words.text("template", "instructions_sheet"),
        LISTS_SHEET,
    ]
    roster = book.worksheets[0]
    headers = [cell.value for cell in roster[1]]
    assert headers == [words.name("headers", field) for field in COLUMNS]
    vocabulary = default_vocabulary()
    assert [vocabulary.header_field(h) for h in headers] == list(COLUMNS)
    assert roster.freeze_panes == "A2"
    assert all(roster.column_dimensions[c].width >= 14 for c in "ABCDEFGH")
    assert book[LISTS_SHEET].sheet_state == "hidden"
    metadata = book.worksheets[1]
    assert metadata["A3"].value == words.text("template", "template_version")
    assert metadata["B3"].value == TEMPLATE_VERSION
    instructions = [row[0] for row in book.worksheets[2].iter_rows(values_only=True)]
    assert instructions == words.lookup("template", "instructions")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dropdowns_offer_only_what_the_checker_understands(tmp_path: Path, lang: str) -> None:
    book = openpyxl.load_workbook(make_template(tmp_path, lang))
    roster = book.worksheets[0]
    validations = {str(v.sqref).split(":")[0][0]: v for v in roster.data_validations.dataValidation}
    letters = {field: chr(ord("A") + i) for i, field in enumerate(COLUMNS)}
    assert validations[letters["date"]].type == "date"
    lists = book[LISTS_SHEET]
    vocabulary = default_vocabulary()
    understood = {
        "platform": lambda v: vocabulary.platform(v) is not None,
        "level": lambda v: vocabulary.level(v) is not None,
        "title": lambda v: vocabulary.title(v).role is not None,
        "sector": lambda v: vocabulary.sector(v) is not None,
        "capacity": lambda v: vocabulary.capacity(v) is not None,
    }
    for field in LISTED:
        check = validations[letters[field]]
        assert check.type == "list"
        assert str(check.sqref) == f"{letters[field]}2:{letters[field]}1001"
        assert check.formula1.startswith(f"='{LISTS_SHEET}'!$")
        column = LISTED.index(field) + 1
        values = [row[0] for row in lists.iter_rows(min_row=2, min_col=column, max_col=column,
                                                     values_only=True) if row[0]]  # fmt: skip
        assert values == choices(lang).of(field)
        assert check.formula1.endswith(f"${len(values) + 1}")
        assert all(understood[field](v) for v in values), field
    # Every platform, role and sector of the vocabulary can be chosen.
    offered = choices(lang)
    assert {vocabulary.title(t).role for t in offered.title} == set(vocabulary.role_names)
    assert {vocabulary.sector(s) for s in offered.sector} == set(vocabulary.sector_names)
    platforms = {vocabulary.platform(p) for p in offered.platform}
    assert {p.platform for p in platforms if p} == set(vocabulary.platform_names)
    assert {p.sector for p in platforms if p and p.sector} == set(vocabulary.sector_names)


def test_older_template_version_gets_an_info_finding(tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    fill(make_template(tmp_path, "en"), filled, "en", version="0.9")
    status, result = check_json(filled)
    assert status == 0  # info only: below the default --fail-on error
    assert [(f["code"], f["severity"], f["value"]) for f in result["findings"]] == [
        ("S212", "info", "0.9")
    ]
    assert "template version 0.9" in result["findings"][0]["message"]
    assert result["status"] == "compliant"


@pytest.mark.parametrize(
    ("version", "outdated"),
    [("0.9", True), ("0", True), (TEMPLATE_VERSION, False), ("1.0", False), (1.0, False),
     ("2", False), ("v0.5", True), ("draft", False), ("", False)],
)  # fmt: skip
def test_template_outdated(version: object, outdated: bool) -> None:
    assert template_outdated(version, current="1") is outdated


def test_template_refuses_other_suffixes(tmp_path: Path) -> None:
    result = run("template", "-o", tmp_path / "roster.xls")
    assert result.exit_code == 2 and ".xlsx" in result.output


def test_template_from_a_country_profile(tmp_path: Path) -> None:
    profile = Path(__file__).resolve().parents[1] / "schemas/profiles/examples/KEN.yaml"
    template = tmp_path / "ken_template.xlsx"
    assert run("template", "--profile", profile, "-o", template).exit_code == 0
    book = openpyxl.load_workbook(template)
    lists = book[LISTS_SHEET]
    platform_column, title_column = LISTED.index("platform") + 1, LISTED.index("title") + 1
    platforms = [
        row[0]
        for row in lists.iter_rows(
            min_row=2, min_col=platform_column, max_col=platform_column, values_only=True
        )
        if row[0]
    ]
    assert "AHT" in platforms and "ICCG" not in platforms  # its own platform; an inactive one
    assert [p for p in platforms if p.endswith("Cluster")] == [
        "Health Cluster", "Protection Cluster", "CCCM Cluster"
    ]  # fmt: skip
    titles = [
        row[0]
        for row in lists.iter_rows(
            min_row=2, min_col=title_column, max_col=title_column, values_only=True
        )
    ]
    assert "Head of Programmes and Operations" in titles
    assert book["Metadata"]["B1"].value == "KEN"

    roster = book.worksheets[0]
    rows = [
        [dt.datetime(2026, 10, 6), "HCT", "National", "Nairobi", "D. Kiprono", "Chief of Mission", None, "Member"],
        [dt.datetime(2026, 10, 9), "AHT", "Subnational", "Lodwar", "P. Ekai", "Head of Office", None, "Member"],
        [dt.datetime(2026, 10, 13), "Health Cluster", "National", "Nairobi", "H. Abdi", "Programme Officer", "Health", "Member"],
        [dt.datetime(2026, 10, 22), "PMT", "National", "Nairobi", "R. Wairimu", "Head of Programmes and Operations", None, "Member"],
    ]  # fmt: skip
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            roster.cell(r, c, value)
    book["Metadata"]["B2"] = "2026-10"
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    # The mission's profile applies by itself where a roster-check.toml names its folder.
    (tmp_path / "roster-check.toml").write_text(f'profiles = "{profile.parent}"\n',
                                                encoding="utf-8")  # fmt: skip
    status, result = check_json(filled)
    assert status == 0 and result["profile"] == "KEN"
    assert [f for f in result["findings"] if f["severity"] == "error"] == []
    assert {m["verdict"] for m in result["meetings"]} == {"compliant"}


def test_template_with_a_broken_profile_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\nplatforms: [not, a, mapping]\n", encoding="utf-8")
    result = run("template", "--profile", broken, "-o", tmp_path / "t.xlsx")
    assert result.exit_code == 2 and "broken.yaml" in result.output
    assert not (tmp_path / "t.xlsx").exists()
