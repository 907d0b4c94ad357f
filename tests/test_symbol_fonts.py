"""Ticks typed in a symbol font: round 7's LBR ticked its "Attended" column with "ü" (✓)
and "û" (✗) in Wingdings. They were no marks: every meeting undetermined, and the reasons
quoted a "ü" the officer never sees on screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.styles import Font

from checker import layout
from checker.api import CheckOptions, check_file, check_workbook
from checker.formatting import symbol_font_cells
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import verdicts

_HEADERS = {
    "en": ["Date", "Meeting", "Name", "Organization", "Title", "Attended"],
    "fr": ["Date", "Réunion", "Nom", "Organisation", "Fonction", "Présence"],
    "es": ["Fecha", "Reunión", "Nombre", "Organismo", "Cargo", "Asistencia"],
    "pt": ["Data", "Reunião", "Nome", "Organização", "Cargo", "Presença"],
}
_COM = {"en": "Chief of Mission", "fr": "Chef de mission", "es": "Jefe de Misión",
        "pt": "Chefe de Missão"}  # fmt: skip


def _workbook(path: Path, lang: str, mark: str, font: str | None) -> Path:
    """An HCT where IOM's CoM's attendance cell holds `mark` in `font` (None: the default)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Attendance"
    sheet.append(_HEADERS[lang])
    sheet.append([dt.date(2026, 11, 10), "HCT", "A. Kamara", "OIM", _COM[lang], mark])
    sheet.append([dt.date(2026, 11, 10), "HCT", "M. Dunbar", "UNICEF", "Representative", mark])
    if font is not None:
        for cell in ("F2", "F3"):
            sheet[cell].font = Font(name=font)
    book.save(path)
    return path


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
@pytest.mark.parametrize(
    ("font", "mark", "verdict"),
    [("Wingdings", "ü", "compliant"), ("Wingdings", "û", "absent"), ("Wingdings", "ý", "absent"),
     ("Wingdings", "þ", "compliant"), ("Wingdings 2", "P", "compliant"),
     ("Wingdings 2", "O", "absent"), ("Wingdings 2", "R", "compliant"),
     ("Wingdings 2", "T", "absent")],
)  # fmt: skip
def test_a_mark_typed_in_a_symbol_font_is_the_mark_it_shows(tmp_path, lang, font, mark, verdict):
    path = _workbook(tmp_path / "LBR_2026-11.xlsx", lang, mark, font)
    assert [str(m.verdict) for m in check_file(path).meetings] == [verdict]


@pytest.mark.parametrize(
    ("font", "mark", "verdict"),
    [(None, "ü", "undetermined"), ("Calibri", "û", "undetermined"), ("Wingdings", "x", "undetermined"),
     ("Wingdings 2", "Ï", "undetermined"), (None, "O", "compliant"), (None, "P", "undetermined")],
)  # fmt: skip
def test_a_letter_in_another_font_is_what_it_is(tmp_path, font, mark, verdict):
    """Only a symbol font makes "ü" a tick; "O" (Oui) in Calibri is present, and a mark a
    symbol font shows that says neither (Wingdings' ⌧, Wingdings 2's saltire) says nothing."""
    path = _workbook(tmp_path / "LBR_2026-11.xlsx", "en", mark, font)
    assert [str(m.verdict) for m in check_file(path).meetings] == [verdict]


def test_the_reason_quotes_the_mark_the_officer_sees(tmp_path):
    path = _workbook(tmp_path / "LBR_2026-11.xlsx", "en", "ü", "Wingdings")
    book = openpyxl.load_workbook(path)
    book.active["G1"] = "Remarks"
    book.active["G2"] = "sent apologies, DCoM attended"
    book.save(path)
    (meeting,) = check_file(path).meetings
    assert meeting.reason is not None and '"✓ – sent apologies, DCoM attended"' in meeting.reason


def test_the_fonts_are_read_per_cell(tmp_path):
    path = _workbook(tmp_path / "LBR_2026-11.xlsx", "en", "ü", "Wingdings")
    assert symbol_font_cells(path, "Attendance") == {(1, 5): "wingdings", (2, 5): "wingdings"}
    assert symbol_font_cells(_workbook(tmp_path / "b.xlsx", "en", "ü", None), "Attendance") == {}
    assert symbol_font_cells(tmp_path / "missing.xlsx", "Attendance") == {}


def test_fonts_are_read_only_for_a_presence_column_holding_such_letters(tmp_path, monkeypatch):
    def refuse(*_: object) -> dict[tuple[int, int], str]:
        raise AssertionError("fonts read for a roster without symbol letters")

    monkeypatch.setattr(layout, "symbol_font_cells", refuse)
    path = _workbook(tmp_path / "LBR_2026-11.xlsx", "en", "Yes", None)
    assert [str(m.verdict) for m in check_file(path).meetings] == ["compliant"]


def _grid(mark: str, lang: str = "en"):
    rows = [_HEADERS["en"], ["10/11/2026", "HCT", "A. Kamara", "IOM", "Chief of Mission", mark]]
    return check_workbook(Sheets(Path("LBR_2026-11.csv"), [SheetGrid("LBR_2026-11", rows)], hidden=[]),
                          CheckOptions(lang=lang))  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ['"ü"', "Wingdings", "✓", "CSV"]), ("fr", ["« ü »", "Wingdings", "✓", "CSV"]),
     ("es", ["«ü»", "Wingdings", "✓", "CSV"])],
)  # fmt: skip
def test_without_fonts_the_reason_says_the_letter_may_be_a_tick(lang, words):
    result = _grid("ü", lang)
    assert verdicts(result) == ["undetermined"]
    (finding,) = [f for f in result.findings if f.code == "C309"]
    assert all(word in finding.message for word in words)


@pytest.mark.parametrize("mark", ["ý", "Ý", "ü", "û", "Ï"])
def test_a_lone_accented_letter_is_no_presence_word(mark):
    """ "ý" folds to "y" (Yes): in Wingdings it shows ☒. Without fonts it says nothing."""
    assert verdicts(_grid(mark)) == ["undetermined"]


@given(st.characters(categories=["Lu", "Ll", "Lo"]).filter(lambda c: not c.isascii()))
def test_no_lone_non_ascii_letter_says_present(letter):
    """Whatever letter a symbol font may show as a mark, typed alone it is no word."""
    assert verdicts(_grid(letter)) == ["undetermined"]
