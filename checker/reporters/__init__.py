"""Output formats. Each module has `render(report, stream, color=False)`; all machine formats
serialise `Report.to_dict()` so that no format re-derives data."""

from __future__ import annotations

from importlib import import_module
from typing import Any, Protocol, TextIO

from checker.findings import Report

FORMATS: dict[str, str] = {
    "text": "checker.reporters.text",
    "json": "checker.reporters.json",
    "junit": "checker.reporters.junit",
    "github": "checker.reporters.github",
    "markdown": "checker.reporters.markdown",
    "sarif": "checker.reporters.sarif",
    "csv": "checker.reporters.csv",
}


class Reporter(Protocol):
    def render(self, report: Report, stream: TextIO, color: bool = False) -> None: ...


def reporter(name: str) -> Reporter:
    module: Reporter = import_module(FORMATS[name])
    return module


def accepted(finding: dict[str, Any]) -> str | None:
    """Why a finding does not fail the run: "waived" (by the profile), "baseline", or None."""
    if finding.get("waived"):
        return "waived"
    if finding.get("baseline"):
        return "baseline"
    return None


def where(finding: dict[str, Any]) -> str:
    """The cell to look at (Attendance!G4), else the sheet, else the file."""
    return str(finding["cell"] or finding["sheet"] or "file")
