"""Many roster files in one run: in chunks, in parallel, reported in input order.

Each worker checks a chunk of files in one vectorised pass (`api.check_files`), with results
identical to checking each file alone. One file never stops the others: the pipeline turns
any exception into a finding on that file, and the files of a chunk whose worker died
outright (a crash in a native reader, the kernel's OOM killer) are re-checked one by one in
fresh processes; one that kills that process too is reported as E101.

The pool forks where fork is safe (Linux, no other threads yet): workers then inherit the
imported pipeline and the loaded vocabulary instead of paying ~1 s each to import pandas.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from checker.findings import FileResult

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from checker.api import CheckOptions

# Called with the path of each file once it is checked (in completion order) and the number of
# files in the run, e.g. to move a progress bar.
Progress = Callable[[Path, int], None]

# Below this many files a pool costs more than it saves: forking the workers, sending the
# results back and joining them takes longer than checking the files one after the other.
# Measured on 2 cores with 400-row rosters; see docs/performance.md.
MIN_FILES_PER_WORKER = 2

# Files per task sent to a worker: enough to amortise the round trip and pandas' per-call
# cost (a task's files are checked in one pass), few enough that the workers finish together
# and the progress bar moves.
MAX_CHUNK = 32


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def check_files(
    files: Sequence[Path],
    options: CheckOptions,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Check every file, with up to `jobs` processes (None: one per core); results in order."""
    workers = min(jobs or default_jobs(), len(files) // MIN_FILES_PER_WORKER)
    if workers <= 1:
        from checker import api

        report = (lambda path: progress(path, len(files))) if progress is not None else None
        return api.check_files(files, options, progress=report)
    return _check_in_pool(files, options, workers, progress)


def _check_chunk(paths: Sequence[Path], options: CheckOptions) -> list[FileResult]:
    # A chunk is checked in one vectorised pass (api.check_files), not file by file.
    from checker.api import check_files

    return check_files(paths, options)


def _chunks(files: Sequence[Path], workers: int) -> list[Sequence[Path]]:
    # About four tasks per worker, so that a slow file does not leave the other workers idle.
    size = max(1, min(MAX_CHUNK, len(files) // (workers * 4)))
    return [files[i : i + size] for i in range(0, len(files), size)]


def _check_in_pool(
    files: Sequence[Path], options: CheckOptions, workers: int, progress: Progress | None
) -> list[FileResult]:
    context = _start_method()
    if context.get_start_method() == "fork":
        _warm_up()
    done: dict[Path, FileResult] = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        tasks: dict[Future[list[FileResult]], Sequence[Path]] = {
            pool.submit(_check_chunk, chunk, options): chunk for chunk in _chunks(files, workers)
        }
        for task in as_completed(tasks):
            try:
                results = task.result()
            except KeyboardInterrupt:
                raise
            except BaseException:
                # A worker died, or something check_file does not catch escaped (a Rust
                # reader's PanicException is a BaseException): the files of the tasks that
                # did not finish are re-checked one by one below.
                continue
            for path, result in zip(tasks[task], results):
                done[path] = result
                if progress is not None:
                    progress(path, len(files))
    for path in files:
        if path not in done:
            done[path] = _check_isolated(path, options, context)
            if progress is not None:
                progress(path, len(files))
    return [done[path] for path in files]


def _check_isolated(path: Path, options: CheckOptions, context: BaseContext) -> FileResult:
    """Check one file in a process of its own, so that if it kills the process we know it."""
    from checker.api import file_level_result

    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        try:
            return pool.submit(_check_chunk, [path], options).result()[0]
        except BrokenProcessPool:
            return file_level_result(path, "E101", options, message_key="E101:crashed")
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            return file_level_result(path, "E101", options, f"{type(exc).__name__}: {exc}",
                                     message_key="E101:internal")  # fmt: skip


def _start_method() -> BaseContext:
    # fork is the fastest (no re-import of pandas in the workers), but unsafe on macOS and
    # once other threads run (a thread holding a lock at fork time deadlocks the child); the
    # fork server is then the safe choice on Linux, each platform's default elsewhere.
    if sys.platform == "linux":
        return multiprocessing.get_context(
            "fork" if threading.active_count() == 1 else "forkserver"
        )
    return multiprocessing.get_context()


def _warm_up() -> None:
    """Import the pipeline and load the vocabulary once, before forking, for every worker."""
    from checker import api, normalise, schema  # noqa: F401
    from checker.rules import load_rules
    from checker.vocabulary import default_vocabulary

    load_rules()
    default_vocabulary()
    # Keep the collector off the inherited objects: scanning them would write to (and so
    # copy) every page the workers share with this process.
    gc.freeze()
