"""A legend on the sheet spelling out the abbreviations its titles use.

Round 17's ROU: "Snr PM" at the PMT under the register's legend "PM = Project Manager" is a
senior project manager, not the Senior Programme Manager the built-in reading makes of it.
The sheet's own word wins over the built-in reading of an abbreviation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.abbreviations import entries, spelled_out
from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import verdicts


def _check(rows: list[list[object]], lang: str = "en"):
    return check_workbook(Sheets(Path("ROU_2026-12.xlsx"), [SheetGrid("Dec", rows)], hidden=[]),
                          CheckOptions(lang=lang))  # fmt: skip


_HEADERS = {
    "en": ["Date", "Meeting", "Name", "Organisation", "Title"],
    "fr": ["Date", "Réunion", "Nom", "Organisation", "Fonction"],
    "es": ["Fecha", "Reunión", "Nombre", "Organismo", "Cargo"],
    "pt": ["Data", "Reunião", "Nome", "Organização", "Cargo"],
}


def _roster(lang: str, title: str, legend: str | None, above: bool = False) -> list[list[object]]:
    rows: list[list[object]] = [
        _HEADERS[lang],
        ["15/12/2026", "PMT", "C. Dumitru", "IOM" if lang == "en" else "OIM", title],
        ["15/12/2026", "PMT", "E. Lazar", "UNFPA", "Programme Analyst"],
    ]
    if legend is not None:
        rows = [[legend], *rows] if above else [*rows, [None], [legend]]
    return rows


@pytest.mark.parametrize(
    ("lang", "legend"),
    [("en", "PM = Project Manager"),
     ("en", "Abbreviations used in this register: CoM = Chief of Mission; PM = Project Manager; "
            "RMO = Resource Management Officer."),
     ("fr", "Abréviations : CdM = Chef de mission ; PM : chef de projet"),
     ("es", "Siglas: PM = Gerente de Proyecto, JdM = Jefe de Misión"),
     ("pt", "Legenda: PM – Gestor de Projeto; CM – Chefe de Missão")],
)  # fmt: skip
@pytest.mark.parametrize("above", [False, True])
def test_snr_pm_under_a_legend_saying_project_manager_is_not_the_senior_programme_manager(
    lang, legend, above
):
    assert verdicts(_check(_roster("en", "Snr PM", None))) == ["compliant"]  # built-in reading
    assert verdicts(_check(_roster(lang, "Snr PM", legend, above), lang)) != ["compliant"]


@pytest.mark.parametrize(
    ("title", "legend", "verdict"),
    [("Snr PM", "PM = Programme Manager", "compliant"),  # the legend agrees
     ("Snr PM", "Legend: P = Present, A = Absent", "compliant"),  # a presence legend
     ("Snr PM", "IOM = International Organization for Migration", "compliant"),
     ("Chief of Mission a.i.", "PM = Project Manager", "compliant")],
)  # fmt: skip
def test_a_legend_that_agrees_or_names_no_title_s_abbreviation_changes_nothing(
    title, legend, verdict
):
    rows = _roster("en", title, legend)
    rows = [[r[0], "UNCT" if "Chief" in title else r[1], *r[2:]] if len(r) == 5 and r[0] !=
            "Date" else r for r in rows]  # fmt: skip
    assert verdicts(_check(rows)) == [verdict]


def test_the_rmo_spelled_out_as_the_legend_does_stays_the_rmo():
    rows = [_HEADERS["en"],
            ["08/12/2026", "OMT", "L. Munteanu", "UNDP", "Operations Manager"],
            ["08/12/2026", "OMT", "V. Stan", "IOM", "RMO"],
            [None], ["RMO = Resource Management Officer; PM = Project Manager"]]  # fmt: skip
    assert verdicts(_check(rows)) == ["compliant"]


def test_entries_need_two_capitals_and_two_words():
    assert entries("P = Present; A = Absent") == []
    assert entries("Date: 12/10/2026") == []
    assert entries("Note: the CoM was away") == []
    assert entries("PM = Project Manager, HoSO = Head of Sub-Office") == [
        ("PM", "Project Manager"), ("HoSO", "Head of Sub-Office")]  # fmt: skip


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,-()", max_size=30))
def test_a_title_without_the_abbreviation_as_a_word_is_left_as_written(title):
    """Only whole words are written out: "PMT focal point" keeps its "PMT"."""
    out = spelled_out(title, [("pm", "project manager", "")])
    if "pm" not in title.lower():
        assert out == title
    assert spelled_out(f"{title}pmx", [("pm", "project manager", "")]).endswith("pmx")


@pytest.mark.parametrize("legend", [None, "PM = Project Manager"])
def test_a_bilingual_title_header_is_read_and_its_sheet_s_legend_with_it(legend):
    """field17 ROU: the title column headed "Position / Funcție" was not read (S201); read,
    its "Snr PM" is judged by the sheet's legend."""
    rows = [["Date", "Meeting", "Name", "Organisation", "Position / Funcție", "Present"],
            ["15/12/2026", "PMT", "C. Dumitru", "IOM", "Snr PM", "Yes"],
            ["15/12/2026", "PMT", "E. Lazar", "UNFPA", "Programme Analyst", "Yes"]]  # fmt: skip
    if legend is not None:
        rows += [[legend]]
    assert verdicts(_check(rows)) == ["compliant" if legend is None else "wrong_level"]
