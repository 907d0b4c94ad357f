"""A value kept in a cell under a merge (Excel keeps the covered cells' contents when asked
to): the sheet shows the merge's value on every row, so the row reads that; the value
hidden under it leaves that row's attendance in doubt (reason_under_merge), naming the cell,
and never becomes a meeting of its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.worksheet.cell_range import CellRange

from checker.api import check_file

# (header, platform, the other agencies' rows, IOM's row, the head of office's title)
_ROWS = {
    "en": (["Date", "Meeting", "Name", "Organization", "Title"], "HCT",
           [("A. Sarr", "OCHA", "Head of Office"), ("L. Faye", "UNICEF", "Representative")],
           ("K. Osei", "IOM", "Chief of Mission")),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "EHP",
           [("A. Sarr", "OCHA", "Chef de bureau"), ("L. Faye", "UNICEF", "Représentante")],
           ("K. Osei", "OIM", "Cheffe de mission")),
    "es": (["Fecha", "Reunión", "Nombre", "Organización", "Cargo"], "EHP",
           [("A. Sarr", "OCHA", "Jefa de oficina"), ("L. Faye", "UNICEF", "Representante")],
           ("K. Osei", "OIM", "Jefe de Misión")),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Função"], "HCT",
           [("A. Sarr", "OCHA", "Chefe de escritório"), ("L. Faye", "UNICEF", "Representante")],
           ("K. Osei", "OIM", "Chefe de Missão")),
}  # fmt: skip


def _book(
    path: Path,
    language: str,
    shown: dt.date,
    hidden: object | None,
    hidden_platform: str | None = None,
) -> Path:
    """One meeting's date and platform merged over its three rows, IOM's row the middle one,
    its date cell under the merge holding `hidden` (None: empty, as Excel leaves it)."""
    header, platform, others, iom = _ROWS[language]
    book = Workbook()
    ws = book.active
    ws.title = "S"
    ws.append([f"{platform} 2026"])
    ws.append(header)
    ws.append([shown, platform, *others[0]])
    ws.append([hidden, hidden_platform, *iom])
    ws.append([None, None, *others[1]])
    for column in "AB":  # added as ranges: merge_cells would blank the cells under them
        ws.merged_cells.add(CellRange(f"{column}3:{column}5"))
    ws["A3"].number_format = ws["A4"].number_format = "dd/mm/yyyy"
    book.save(path)
    return path


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
def test_a_date_kept_under_a_merge_leaves_the_row_in_doubt(tmp_path, language):
    path = _book(tmp_path / f"SEN_2026-12_{language}.xlsx", language, dt.date(2026, 12, 3),
                 dt.date(2026, 12, 10))  # fmt: skip
    result = check_file(path)
    [meeting] = result.meetings  # no meeting of 10 December: the sheet does not show one
    assert (meeting.date, str(meeting.verdict)) == ("2026-12-03", "undetermined")
    assert meeting.reason_words.key == "reason_under_merge"
    assert "S!A4" in meeting.reason and "2026-12-10" in meeting.reason
    assert "S!A3" in meeting.reason


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
def test_the_same_value_under_a_merge_is_no_doubt(tmp_path, language):
    shown = dt.date(2026, 12, 3)
    path = _book(tmp_path / f"SEN_2026-12_{language}.xlsx", language, shown, shown)
    [meeting] = check_file(path).meetings
    assert (meeting.date, str(meeting.verdict)) == ("2026-12-03", "compliant")


def test_an_empty_cell_under_a_merge_is_filled(tmp_path):
    path = _book(tmp_path / "SEN_2026-12.xlsx", "en", dt.date(2026, 12, 3), None)
    [meeting] = check_file(path).meetings
    assert (meeting.date, str(meeting.verdict)) == ("2026-12-03", "compliant")


def test_a_platform_kept_under_a_merge_leaves_the_row_in_doubt(tmp_path):
    # The platform under the merge showing HCT.
    path = _book(tmp_path / "SEN_2026-12.xlsx", "en", dt.date(2026, 12, 3), None, "OMT")
    [meeting] = check_file(path).meetings
    assert (meeting.platform, str(meeting.verdict)) == ("HCT", "undetermined")
    assert "OMT" in meeting.reason


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(days=st.integers(min_value=1, max_value=27), language=st.sampled_from(sorted(_ROWS)))
def test_a_hidden_date_is_never_compliant_nor_a_meeting(tmp_path, days, language):
    shown = dt.date(2026, 12, 1) + dt.timedelta(days=days)
    hidden = dt.date(2026, 12, 1) + dt.timedelta(days=(days + 3) % 28)
    path = _book(tmp_path / f"SEN_2026-12_{language}_{days}.xlsx", language, shown, hidden)
    meetings = check_file(path).meetings
    assert [m.date for m in meetings] == [shown.isoformat()]
    assert str(meetings[0].verdict) != "compliant"
