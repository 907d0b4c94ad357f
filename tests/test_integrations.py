"""The pre-commit hook and the CI examples in docs/ci.md stay usable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker.reader import ROSTER_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent


def test_the_pre_commit_hook_matches_every_roster_suffix_and_nothing_else():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "roster-check"
    assert hook["entry"] == "roster-check check"
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for suffix in ROSTER_SUFFIXES:
        assert files.search(f"rosters/ETH_2026-10{suffix}")
        assert files.search(f"rosters/ETH_2026-10{suffix.upper()}")
    assert not files.search("README.md") and not files.search("rosters/notes.xlsx.txt")


def yaml_blocks() -> list[str]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)


@pytest.mark.parametrize("block", yaml_blocks())
def test_the_ci_examples_are_valid_yaml_and_run_the_checker(block):
    assert yaml.safe_load(block)
    assert "roster-check" in block
