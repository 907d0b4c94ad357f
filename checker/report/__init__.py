"""`roster-check report`: compliance reports for management over many rosters.

    submissions_of (collect.py) each file's JSON result with its modification time
    aggregate   (aggregate.py) those dicts → Summary: headline, heatmap, trend, gaps, …
    html / xlsx / markdown / json                     Summary → the bytes of one report

The aggregation only counts the verdicts the checker gave; it never judges a meeting again.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from checker.report.aggregate import GROUP_BY, ReportOptions, Submission, Summary, aggregate

FORMATS: dict[str, str] = {
    "html": "checker.report.html",
    "xlsx": "checker.report.xlsx",
    "md": "checker.report.markdown",
    "json": "checker.report.json",
}
SUFFIXES = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".md": "md", ".markdown": "md",
            ".json": "json", ".pdf": "pdf"}  # fmt: skip


def format_for(output: Path, requested: str | None) -> str:
    """--format if given, else from the output file's suffix, else html."""
    return requested or SUFFIXES.get(output.suffix.lower(), "html")


def renderer(name: str) -> Callable[..., bytes]:
    """render(summary, words) of a format; pdf is the html printed (checker.report.run)."""
    render: Callable[..., bytes] = import_module(FORMATS[name]).render
    return render


__all__ = ["FORMATS", "GROUP_BY", "ReportOptions", "Submission", "Summary", "aggregate",
           "format_for", "renderer"]  # fmt: skip
