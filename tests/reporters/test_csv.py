"""--format csv: one row per finding, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest

from checker.reporters.csv import COLUMNS, neutralise
from tests.reporters.conftest import HOSTILE_TITLES, render


@pytest.fixture(scope="module")
def rows(report) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render("csv", report))))


def test_header_and_one_row_per_finding(report, rows):
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(report.findings())
    first = next(r for r in rows if r["cell"] == "Attendance!G4")
    assert (first["path"], first["mission"], first["period"], first["code"], first["rule"],
            first["severity"], first["meeting_id"]) == (
        "sample_rosters/ETH_2026-10.xlsx", "ETH", "2026-10", "C302", "wrong-level", "error", "m1")  # fmt: skip
    assert first["accepted"] == "baseline"


@pytest.mark.parametrize(("text", "safe"), [
    ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2+3", "'-2+3"), ("@cmd", "'@cmd"),
    # A formula after a tab is defused too: opened with tab as the separator, "'\t=1" would
    # split into "'" and a live "=1" (issue 12, defect 8). A carriage return is written as
    # the two characters \r: raw, it could hide a line of a CI log (defect 7).
    ("\t=1", "'\t'=1"), ("\r=1", "'\\r=1"), ("Chief of Mission", "Chief of Mission"),
    ("a=b", "a=b"), (None, ""), (3, "3"),
    # After a quote, which a tool that ignores quoting keeps (found by tests/hostile/test_fuzz).
    ('"@', "'\"@"), ('x,"=1', "x,\"'=1"),
])  # fmt: skip
def test_formula_starts_are_neutralised(text, safe):
    assert neutralise(text) == safe


def test_no_cell_of_the_report_starts_a_formula(rows):
    values = [v for row in rows for v in row.values()]
    assert not [v for v in values if v[:1] in ("=", "+", "-", "@", "\t", "\r")]
    hostile = [r for r in rows if r["path"] == "NER.xlsx" and r["code"] == "S205"]
    assert {r["value"] for r in hostile} >= {"'" + t for t in HOSTILE_TITLES[:4]}
