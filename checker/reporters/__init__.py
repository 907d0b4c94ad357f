"""Output formats. Each text module has `render(report, stream, color=False)`; all machine
formats serialise `Report.to_dict()` so that no format re-derives data. A format that can write
each file's result as it comes (text, JSON, SARIF, JUnit, CSV) also has `render_results(results,
stream, color)`, which a run of thousands of files uses so as to hold none of them. A binary format
(an Excel workbook) sets `BINARY = True` and has `write(report, path)` instead: it needs a
file."""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path
from typing import Any, Protocol, TextIO

from checker.findings import Report, ResultStream
from checker.lazyre import lazy
from checker.messages import Catalogue

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


class StreamingReporter(Protocol):
    def render_results(
        self, results: ResultStream, stream: TextIO, color: bool = False
    ) -> None: ...


def streaming_reporter(name: str) -> StreamingReporter | None:
    """The format's module when it writes each result as it comes, else None."""
    module = import_module(FORMATS[name])
    if hasattr(module, "render_results"):
        writer: StreamingReporter = module
        return writer
    return None


# Characters a roster cell may hold that would act on a terminal, a CI log or a reader
# rather than be shown: C0 and C1 controls (ESC starts ANSI/OSC sequences, a newline starts a
# new log line such as "::error file=…::forged"), DEL, and the bidirectional overrides and
# isolates that reorder what is displayed ("Trojan Source").
UNSAFE = lazy("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )


def printable(value: object) -> str:
    """Text from a roster, safe to print on one line: every control character, newline and
    bidirectional override shown as an escape (\\n, \\x1b, \\u202e)."""
    text = "" if value is None else str(value)
    return UNSAFE.sub(_escape, text) if UNSAFE.search(text) else text


def json_safe(text: str) -> str:
    """A JSON document with the characters above that JSON leaves raw (C1, DEL, bidi
    overrides; it escapes C0 itself) written as \\u escapes: the same data, safe to print."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def accepted(finding: dict[str, Any]) -> str | None:
    """Why a finding does not fail the run: "waived" (by the profile), "baseline", or None."""
    if finding.get("waived"):
        return "waived"
    if finding.get("baseline"):
        return "baseline"
    return None


def where(finding: dict[str, Any], words: Catalogue | None = None) -> str:
    """The cell to look at (Attendance!G4), else the sheet, else the file (the word in the
    report's language)."""
    file = words.text("report", "file") if words is not None else "file"
    return str(finding["cell"] or finding["sheet"] or file)


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
