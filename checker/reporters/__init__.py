"""Output formats. Each module has `render(report, stream, color=False)`; all machine formats
serialise `Report.to_dict()` so that no format re-derives data."""

from __future__ import annotations

from importlib import import_module
from typing import Protocol, TextIO

from checker.findings import Report

FORMATS: dict[str, str] = {
    "text": "checker.reporters.text",
    "json": "checker.reporters.json",
}


class Reporter(Protocol):
    def render(self, report: Report, stream: TextIO, color: bool = False) -> None: ...


def reporter(name: str) -> Reporter:
    module: Reporter = import_module(FORMATS[name])
    return module
