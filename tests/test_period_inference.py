"""The reporting period a roster's dates give when nothing else names it: a month, or a
year for a roster that spans one (docs/contract-additions.md)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from profile_helpers import attendee, check_json, write_roster

from checker.metadata import infer_period


def _meeting(day: dt.date) -> list[list[object]]:
    return [
        attendee(day, "HCT", "D. Kiprono", "IOM", "Chief of Mission"),
        attendee(day, "HCT", "A. Otieno", "UNICEF", "Representative"),
    ]


def _s207(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in result["findings"] if f["code"] == "S207"]


def test_a_year_roster_named_without_its_period_covers_its_year(tmp_path: Path) -> None:
    # Twelve monthly HCT meetings, the file named with its mission only: no month holds
    # most of the rows, so the period is the year, and no row is out of it.
    rows = [r for month in range(1, 13) for r in _meeting(dt.date(2026, month, 10))]
    _, got = check_json(write_roster(tmp_path / "KEN_attendance.xlsx", rows))
    assert (got["mission"], got["period"]) == ("KEN", "2026")
    assert _s207(got) == []
    assert len(got["meetings"]) == 12
    # A reading the file does not state is said in the result, never silent.
    assert got["reading"]["period"] == {"value": "2026", "from": "dates"}


def test_a_period_from_the_dates_is_said_in_the_text_report(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    path = write_roster(tmp_path / "KEN_attendance.xlsx", _meeting(dt.date(2026, 10, 3)))
    text = CliRunner().invoke(main, ["check", str(path), "--lang", "fr"]).output
    assert "période 2026-10 déduite des dates de ses lignes" in text
    named = write_roster(tmp_path / "KEN_2026-10.xlsx", _meeting(dt.date(2026, 10, 3)))
    _, got = check_json(named)
    assert "period" not in got["reading"]  # the file name gave it


def test_a_date_of_another_year_in_a_year_roster_is_out_of_period(tmp_path: Path) -> None:
    rows = [r for month in range(1, 13) for r in _meeting(dt.date(2026, month, 10))]
    rows += _meeting(dt.date(2025, 12, 15))
    _, got = check_json(write_roster(tmp_path / "KEN_attendance.xlsx", rows))
    assert got["period"] == "2026"
    assert [f["cell"] for f in _s207(got)] == ["Attendance!A26", "Attendance!A27"]


def test_a_monthly_roster_keeps_its_month_and_its_stray_date(tmp_path: Path) -> None:
    rows = [r for day in (3, 10, 17) for r in _meeting(dt.date(2026, 10, day))]
    rows += _meeting(dt.date(2026, 11, 2))
    _, got = check_json(write_roster(tmp_path / "KEN_attendance.xlsx", rows))
    assert got["period"] == "2026-10"
    assert [f["cell"] for f in _s207(got)] == ["Attendance!A8", "Attendance!A9"]


def test_a_mission_year_file_name_is_the_year(tmp_path: Path) -> None:
    rows = [r for month in (2, 6) for r in _meeting(dt.date(2026, month, 10))]
    rows += _meeting(dt.date(2027, 1, 5))
    _, got = check_json(write_roster(tmp_path / "KEN_2026.xlsx", rows))
    assert got["period"] == "2026"
    assert [f["cell"] for f in _s207(got)] == ["Attendance!A6", "Attendance!A7"]


def test_infer_period() -> None:
    assert infer_period(Counter()) is None
    assert infer_period(Counter({"2026-10": 5, "2026-11": 5})) == "2026-10"
    assert infer_period(Counter({"2026-10": 6, "2026-11": 3, "2026-09": 2})) == "2026-10"
    assert infer_period(Counter({"2026-10": 4, "2026-11": 3, "2026-09": 2})) == "2026"
    # Several years and no month holding half: the year most rows fall in, the earlier on a tie.
    assert infer_period(Counter({"2025-12": 4, "2026-01": 3, "2026-02": 3})) == "2026"
    assert infer_period(Counter({"2025-11": 2, "2025-12": 2, "2026-01": 2, "2026-02": 2})) == "2025"
