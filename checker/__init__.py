"""roster-check: is IOM represented, at the right level, in the coordination meetings that matter?

Public API::

    from checker import check_paths, check_file, CheckOptions
    report = check_paths([Path("sample_rosters")])
    report.to_dict()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checker.findings import FileResult, Finding, Meeting, Report, Severity, Verdict

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
