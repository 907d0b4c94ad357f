"""The checker as a library: collect the roster files that paths name and check them (the
stages are in checker.pipeline; checker.batch runs stage one in worker processes).

No printing and no exits here: the CLI and other programs call `check_paths`/`check_file`
and pick a reporter for the Report they get back. This module imports neither pandas nor
pydantic when it is imported: stage two and the vocabulary load them when first needed.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Generator, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checker import pipeline
from checker.findings import FileResult, Report
from checker.layout import lay_out_workbook
from checker.options import CheckOptions
from checker.pipeline import judge_layouts, select_policy
from checker.reader import ROSTER_SUFFIXES, Workbook

if TYPE_CHECKING:
    from checker.vocabulary import Vocabulary

# CheckOptions, judge_layouts and select_policy live in the pipeline, and are offered here
# as before they moved.
__all__ = ["CheckOptions", "Progress", "check_each", "check_file", "check_files", "check_paths",
           "check_profile", "check_workbook", "check_workbooks", "collect_files", "is_pattern",
           "judge_layouts", "select_policy"]  # fmt: skip

# Called with the path of each file once it is checked (in input order) and the number of
# files in the run, e.g. to move a progress bar.
Progress = Callable[[Path, int], None]

GLOB_CHARACTERS = frozenset("*?[")


def is_pattern(path: Path | str) -> bool:
    """A glob pattern (`rosters/**/*.xlsx`) rather than the name of a file or folder."""
    return not os.path.exists(path) and bool(GLOB_CHARACTERS & set(str(path)))


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Roster files named, found (recursively) in folders, or matched by glob patterns (`**`
    included); in a stable order — arguments in order, each folder's and pattern's files
    sorted — and once each, however many arguments name them."""
    found: dict[str, Path] = {}

    def add(path: Path) -> None:
        found.setdefault(os.path.normcase(os.path.abspath(path)), path)

    for path in paths:
        if is_pattern(path):
            for match in sorted(glob.glob(str(path), recursive=True)):
                _add_roster_files(Path(match), add, named=False)
        else:
            _add_roster_files(path, add, named=True)
    return list(found.values())


def _add_roster_files(path: Path, add: Callable[[Path], None], named: bool) -> None:
    if path.is_dir():
        for sub in sorted(path.rglob("*")):
            if sub.is_file() and _is_roster_file(sub):
                add(sub)
    elif named or _is_roster_file(path):  # a file named on purpose is checked whatever it is
        add(path)


def _is_roster_file(path: Path) -> bool:
    return path.suffix.lower() in ROSTER_SUFFIXES and not path.name.startswith(("~$", "."))


def check_paths(
    paths: Sequence[Path],
    options: CheckOptions | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> Report:
    """Check every roster file the paths name, find or match, each on its own (see
    check_each)."""
    options = options or CheckOptions()
    check_profile(options)
    results = tuple(check_each(collect_files(paths), options, jobs, progress))
    return Report(results, lang=options.lang)


def check_profile(options: CheckOptions) -> None:
    """A --profile that cannot be loaded stops the run before any file (ConfigError, exit 2)."""
    if options.profile is not None:
        from checker.vocabulary import default_vocabulary

        select_policy(options, None, default_vocabulary())


def check_each(
    files: Sequence[Path],
    options: CheckOptions | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
    one_shot: bool = False,
) -> Generator[FileResult, None, None]:
    """Each file's result, in the order of `files`, as soon as its chunk is judged: a run of
    thousands of files need not hold every result. A file that cannot be read is a finding
    on it, never an exception.

    `jobs` processes read the files (None: one per core; 1, the default for programs,
    checks in this process); `progress` is called with each file's path once it is checked
    and the number of files. Close the iterator when leaving it early: that stops the
    worker processes. `one_shot`: the process ends after this run (the command's does), so
    the libraries are imported first and the collector frozen over them, as the worker
    pool's judging process does: no collection scans their objects again (~0.1 s of a
    one-file run). Not for a process that checks again and again: frozen garbage stays.
    """
    options = options or CheckOptions()
    tick = (lambda path: progress(path, len(files))) if progress is not None else None
    # One file or one job needs no pool, nor the pool's modules (multiprocessing & co.).
    workers = 1
    if len(files) > 1 and jobs != 1:
        from checker import batch

        workers = batch.workers_for(len(files), jobs)
    if workers <= 1:
        if one_shot:
            import gc

            # Importing makes objects that live as long as the process, not garbage: the
            # collections that many new objects set off found nothing (~0.04 s of a one-file
            # run's 0.5 s).
            gc.disable()
            try:
                pipeline.warm_up()
            finally:
                gc.enable()
            gc.freeze()
        return pipeline.check_in_process(files, options, progress=tick)
    return batch.check_in_pool(files, options, workers, tick)


def check_files(
    files: Sequence[Path],
    options: CheckOptions | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Every file's result, in order (check_each, kept)."""
    return list(check_each(files, options, jobs, progress))


def check_file(
    path: Path, options: CheckOptions | None = None, vocabulary: Vocabulary | None = None
) -> FileResult:
    [result] = pipeline.check_in_process([path], options, vocabulary)
    return result


def check_workbook(
    workbook: Workbook, options: CheckOptions, vocabulary: Vocabulary | None = None
) -> FileResult:
    """Check sheets already read (from a file, or built in memory by tests and other tools)."""
    return check_workbooks([workbook], options, vocabulary)[0]


def check_workbooks(
    workbooks: Sequence[Workbook], options: CheckOptions, vocabulary: Vocabulary | None = None
) -> list[FileResult]:
    """Check several workbooks already read; those with the same profile are judged in one
    pass."""
    from checker.vocabulary import default_vocabulary

    vocabulary = vocabulary or default_vocabulary()
    headers = vocabulary.headers.with_user(dict(options.columns))
    laid_out = [lay_out_workbook(w, headers) for w in workbooks]
    return judge_layouts(laid_out, options, vocabulary)
