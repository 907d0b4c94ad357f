"""Helpers shared by the tests: rosters built in memory, checked through the real pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checker.api import CheckOptions, check_workbook
from checker.findings import FileResult
from checker.reader import SheetGrid, Workbook

ATTENDANCE_HEADER = ["Date", "Platform", "Level", "Location", "Name", "Organization", "Title",
                     "Sector", "Role"]  # fmt: skip


def roster(
    rows: list[list[Any]],
    header: list[str] | None = None,
    sheet: str = "Roster",
    title_rows: int = 0,
    period: str | None = "2026-10",
    mission: str | None = "NER",
    merged: list[tuple[int, int, int, int]] | None = None,
) -> FileResult:
    """Check a one-sheet roster given as rows under a header (header at row title_rows + 1)."""
    cells = [["Attendance roster"] for _ in range(title_rows)]
    cells.append(list(header or ATTENDANCE_HEADER))
    cells.extend(list(r) for r in rows)
    workbook = Workbook(Path(f"{mission or 'x'}.xlsx"), [SheetGrid(sheet, cells, merged or [])])
    return check_workbook(workbook, CheckOptions(mission=mission, period=period))


def codes(result: FileResult, prefix: str = "") -> list[tuple[str, str | None]]:
    """The (code, cell) pairs of a result, optionally of codes starting with `prefix`."""
    return sorted((f.code, f.cell) for f in result.findings if f.code.startswith(prefix))


def verdicts(result: FileResult) -> list[str]:
    return [str(m.verdict) for m in result.meetings]


@pytest.fixture
def iom_row():
    def make(
        date: str, platform: str, title: str, name: str = "A. Staff", **extra: Any
    ) -> list[Any]:
        return [date, platform, extra.get("level", "National"), extra.get("location", "Capital"),
                name, extra.get("org", "IOM"), title, extra.get("sector", ""),
                extra.get("role", "Member")]  # fmt: skip

    return make
