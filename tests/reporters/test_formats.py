"""Every format: rendered from Report.to_dict() alone, and reachable from the command line."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.reporters import FORMATS, binary_reporter, reporter
from tests.reporters.conftest import ROOT


class DictOnly:
    """A report that offers nothing but its JSON form."""

    def __init__(self, data):
        self.data = data

    def to_dict(self):
        return self.data


# xlsx annotates the roster workbooks themselves, so it is the one format that reads more
# than the report (tests/test_annotate.py covers it).
TEXT_FORMATS = sorted(name for name in FORMATS if binary_reporter(name) is None)


@pytest.mark.parametrize("name", TEXT_FORMATS)
def test_renders_from_to_dict_alone(name, report, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    expected, got = io.StringIO(), io.StringIO()
    reporter(name).render(report, expected)
    reporter(name).render(DictOnly(report.to_dict()), got)
    assert got.getvalue() == expected.getvalue()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_from_the_command_line(name, tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    target = tmp_path / f"report.{name}"
    result = CliRunner().invoke(main, ["check", str(ROOT / "sample_rosters"), "--format", name,
                                       "--output", str(target)])  # fmt: skip
    assert result.exit_code == 1, result.output
    if name in TEXT_FORMATS:
        assert target.read_text(encoding="utf-8").strip()
    else:
        from openpyxl import load_workbook

        assert "Findings" in load_workbook(target).sheetnames
