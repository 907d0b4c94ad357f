"""Small workbooks and profiles written into tmp_path, and a CLI runner for them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from openpyxl import Workbook

HEADER = ["Date", "Platform", "Level", "Location", "Name", "Organization", "Title", "Sector",
          "Role"]  # fmt: skip


def attendee(
    day: dt.date, platform: str, name: str | None, org: str, title: str | None,
    sector: str | None = None, level: str | None = "National", location: str = "Nairobi",
    role: str = "Member",
) -> list[Any]:  # fmt: skip
    return [day, platform, level, location, name, org, title, sector, role]


def write_roster(path: Path, rows: list[list[Any]]) -> Path:
    """An attendance list: header on row 1, one row per attendee from row 2."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Attendance"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_profile(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str | Path) -> Result:
    from checker.cli import main

    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"the checker raised {result.exception!r}") from result.exception
    assert "Traceback" not in result.output
    return result


def check_json(*args: str | Path) -> tuple[Result, dict[str, Any]]:
    result = run("check", *args, "--format", "json")
    return result, json.loads(result.stdout)["results"][0]
