"""Every rule's examples (checker/rules/*.py, `@rule(CODE, fails(...), passes(...))`), checked
through the whole pipeline: the rule fires on those that fail and stays silent on those that
pass. `roster-check rules` and SARIF's rule help show the same examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid, Workbook
from checker.rules import Example, load_rules

EXAMPLE_PROFILES = Path(__file__).resolve().parents[1] / "schemas" / "profiles" / "examples"

CASES = [
    pytest.param(rule.code, example, id=f"{rule.code}-{'fires' if example.fires else 'passes'}-{i}")
    for rule in load_rules()
    for i, example in enumerate(rule.examples)
]


def run(example: Example) -> list[str]:
    """The codes of the findings on the example's roster."""
    sheets = [SheetGrid("Attendance", example.rows)]
    if example.metadata:
        sheets.append(SheetGrid("Metadata", [list(pair) for pair in example.metadata]))
    # A file name that names no mission or period: the example's settings are the only ones.
    workbook = Workbook(Path("example.xlsx"), sheets)
    profile = EXAMPLE_PROFILES / f"{example.profile}.yaml" if example.profile else None
    options = CheckOptions(mission=example.mission, period=example.period, profile=profile)
    return [f.code for f in check_workbook(workbook, options).findings]


@pytest.mark.parametrize(("code", "example"), CASES)
def test_rule_example(code: str, example: Example) -> None:
    found = run(example)
    assert (code in found) is example.fires, (code, found)


def test_every_rule_has_an_example_that_fires_and_one_that_passes() -> None:
    for rule in load_rules():
        assert {e.fires for e in rule.examples} == {True, False}, rule.code
