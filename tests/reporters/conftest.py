"""One report shared by the format tests: the sample rosters, the broken and hostile fixtures,
a roster whose cells try formula and markup injection, one finding waived by a profile and
one accepted in a baseline."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from checker.api import check_paths
from checker.findings import Report
from checker.reporters import reporter
from tests.conftest import roster

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "tests" / "schemas"

# Typed into a roster by someone: formulas, markup, workflow-command and CSV separators, and
# characters XML cannot carry.
HOSTILE_TITLES = ['=HYPERLINK("http://evil.example","x")', "+SUM(A1)", "-2+3", "@cmd",
                  "Officer | <b>bold</b> [link](http://x) %0A,:\r\nnext", "Bell\x07\x00Officer"]  # fmt: skip


def hostile_roster() -> Any:
    rows = [[f"2026-10-{day:02d}", "HCT", "National", "Capital", "A. Staff", "IOM", title, "",
             "Member"] for day, title in enumerate(HOSTILE_TITLES, start=5)]  # fmt: skip
    return roster(rows)


@pytest.fixture(scope="session")
def report() -> Report:
    checked = check_paths([ROOT / "sample_rosters", ROOT / "tests" / "fixtures"])
    results = [*checked.results, hostile_roster()]
    # ETH: accept the first finding in a baseline and waive the second, as a profile would.
    eth = next(i for i, r in enumerate(results) if r.path.endswith("ETH_2026-10.xlsx"))
    first, second, *rest = results[eth].findings
    results[eth] = replace(results[eth], findings=(
        replace(first, baseline=True),
        replace(second, waived=True, waiver_reason="HCT seat covered by the RC's office"),
        *rest,
    ))  # fmt: skip
    return Report(tuple(results))


def render(name: str, report: Report) -> str:
    stream = io.StringIO()
    reporter(name).render(report, stream)
    return stream.getvalue()


def by_path(report: Report, suffix: str) -> Any:
    return next(r for r in report.to_dict()["results"] if r["path"].endswith(suffix))
