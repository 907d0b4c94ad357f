"""Output formats. Each text module has `render(report, stream, color=False)`; all machine
formats serialise `Report.to_dict()` so that no format re-derives data. A binary format (an
Excel workbook) sets `BINARY = True` and has `write(report, path)` instead: it needs a file."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
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
    "xlsx": "checker.reporters.xlsx",
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


class BinaryReporter(Protocol):
    BINARY: bool

    def write(self, report: Report, target: Path) -> None: ...


def binary_reporter(name: str) -> BinaryReporter | None:
    """The format's module when it writes a file of its own (needs --output), else None."""
    module = import_module(FORMATS[name])
    if getattr(module, "BINARY", False):
        writer: BinaryReporter = module
        return writer
    return None
