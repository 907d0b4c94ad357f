"""roster-check: is IOM represented, at the right level, in the coordination meetings that matter?

Public API::

    from checker import check_paths, check_file, CheckOptions
    report = check_paths([Path("sample_rosters")])
    report.to_dict()
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

# Importing makes objects that live as long as the process, not garbage: the collections that
# so many new objects set off find nothing in them (with checker.cli's imports, ~3 ms of a
# one-roster run). The collector is turned back on once the module is imported.
_collecting = gc.isenabled()
gc.disable()
try:
    from checker.findings import FileResult, Finding, Meeting, Report, Severity, Verdict
finally:
    if _collecting:
        gc.enable()

__all__ = ["CheckOptions", "FileResult", "Finding", "Meeting", "Report", "Severity", "Verdict",
           "check_file", "check_paths"]  # fmt: skip

if TYPE_CHECKING:
    from checker.api import CheckOptions, check_file, check_paths


def __getattr__(name: str) -> Any:
    # The pipeline pulls in pandas; load it only when it is asked for.
    if name in {"CheckOptions", "check_file", "check_paths"}:
        from checker import api

        return getattr(api, name)
    raise AttributeError(name)
