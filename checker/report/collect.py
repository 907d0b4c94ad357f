"""Check many roster files for a report, in parallel, and keep what the report needs.

`check_files` is the only place that knows about processes: one function, so that it can be
shared with `check --jobs` later. Each worker runs the ordinary pipeline (`api.check_file`)
and sends back `FileResult.to_dict()`, the same JSON `check --format json` prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path
from typing import Any

from checker.api import CheckOptions
from checker.report.aggregate import Submission


def default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _warm_up() -> None:
    """Load the pipeline and the vocabulary once per process, not once per file."""
    from checker import judge, normalise, schema  # noqa: F401
    from checker.rules import load_rules
    from checker.vocabulary import default_vocabulary

    load_rules()
    default_vocabulary()


def _check_one(path: Path, options: CheckOptions) -> dict[str, Any]:
    from checker.api import check_file

    return check_file(path, options).to_dict()


def check_files(
    files: Sequence[Path],
    options: CheckOptions,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[dict[str, Any]]:
    """`check_file(path).to_dict()` for every file, in the order given.

    With jobs > 1 the files go to a pool of processes, a few at a time; `progress(n)` is
    called as results come back.
    """
    _warm_up()  # in the parent too: forked workers then start warm
    jobs = max(1, min(jobs, len(files)))
    results: list[dict[str, Any]] = []
    if jobs == 1 or len(files) < 4:
        for path in files:
            results.append(_check_one(path, options))
            if progress:
                progress(1)
        return results
    # Small chunks keep both workers busy to the end and the progress bar moving.
    chunksize = max(1, min(8, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up) as pool:
        for result in pool.map(_check_one, files, repeat(options), chunksize=chunksize):
            results.append(result)
            if progress:
                progress(1)
    return results


def submissions_of(files: Sequence[Path], results: Sequence[dict[str, Any]]) -> list[Submission]:
    """Pair each result with its file's modification time ("newer wins" for duplicates)."""
    out = []
    for path, result in zip(files, results):
        try:
            modified = path.stat().st_mtime
        except OSError:
            modified = 0.0
        out.append(Submission(result, modified))
    return out
