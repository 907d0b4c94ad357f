"""--format json: Report.to_dict() as CONTRACT.md describes it, written a result at a time.
A run that writes results as they come (checker.run) gives their meetings and findings as
they are made too: a 200,000-row roster's result, ~180 MB of JSON, is never held as dicts
nor as one string.

Indented for a person at a terminal; compact otherwise, because indenting forces Python's
pure-Python encoder (~1 s for a 100k-row roster's result against ~0.1 s for the C one).
"""

from __future__ import annotations

from typing import TextIO

from checker.findings import Each, Report, ResultStream, document
from checker.reporters import jsonstream


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    render_results(ResultStream.of_report(report), stream)


def render_results(results: ResultStream, stream: TextIO, color: bool = False) -> None:
    indent = 2 if stream.isatty() else None
    envelope = document(results.lang, jsonstream.ITEMS, jsonstream.LATER)
    # A result's meetings and findings are written as they are made, never held as dicts.
    items = results.dicts(lists=lambda objects: jsonstream.Items(Each(objects)))
    jsonstream.dump(envelope, items, stream, indent, later=results.summary)
    stream.write("\n")
