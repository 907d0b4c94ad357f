"""What the report needs of each checked file besides its JSON: when it was modified.

The files themselves are checked by checker.batch (the same pool as `check --jobs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from checker.findings import FileResult
from checker.report.aggregate import Submission


def submissions_of(files: Sequence[Path], results: Sequence[FileResult]) -> list[Submission]:
    """Pair each result with its file's modification time ("newer wins" for duplicates)."""
    out = []
    for path, result in zip(files, results):
        try:
            modified = path.stat().st_mtime
        except OSError:
            modified = 0.0
        out.append(Submission(result.to_dict(), modified, result))
    return out
