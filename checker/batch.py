"""Many roster files in one run: read in parallel, judged in batches, reported in input order.

A run has two stages (see checker.pipeline). Worker processes read the files and lay out their
roster tables (stage one: calamine's native parsing, the part that can crash or exhaust a
process, and most of the CPU); this process judges the laid-out files a batch at a time
(stage two: pandas and pandera, vectorised over the batch).

The workers are forked before this process imports pandas, pandera or pydantic, so they
start reading at once, while the imports run; they stay small, because stage one needs none
of them: only the reader, numpy and the header names of schemas/columns.yaml. Results come
back a few chunks ahead of the judging, kept pickled until used.

One file never stops the others: stage one turns any exception into a finding on its file,
and the files of a chunk whose worker died outright (a crash in the native reader, the OOM
killer) are laid out again one by one in fresh processes; one that kills that process too is
reported as E101. Judging in this process only touches rows already read.

`check_aside` runs both stages of one file in a worker while this process does other work
(`annotate` loads the copy with openpyxl meanwhile), with the same crash isolation.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from checker.findings import FileResult
from checker.interrupt import Interrupted

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from checker.layout import Headers, Layout, Unlaid
    from checker.options import CheckOptions

# Below this many files a pool costs more than it saves: forking the workers, sending the
# results back and joining them takes longer than checking the files one after the other.
# Measured on 2 cores with 400-row rosters; see docs/performance.md.
MIN_FILES_PER_WORKER = 2

# Files per task sent to a worker: enough to amortise the round trip, few enough that the
# workers finish together and the progress bar moves.
MAX_CHUNK = 32

# Tasks submitted ahead of the judging, per worker: enough for the workers to keep reading
# while this process imports pandas and judges, few enough to bound what waits in memory
# (a laid-out 400-row roster is ~25 KB pickled).
READ_AHEAD = 4

# How much lower the workers' priority is than the judging process's; see _yield_to_judging.
READER_NICENESS = 10


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def workers_for(files: int, jobs: int | None) -> int:
    """How many processes should read `files` files with `jobs` allowed (None: one per
    core): 1 means no pool at all."""
    return max(1, min(jobs or default_jobs(), files // MIN_FILES_PER_WORKER))


def check_in_pool(
    files: Sequence[Path],
    options: CheckOptions,
    workers: int,
    progress: Callable[[Path], None] | None = None,
) -> Generator[FileResult, None, None]:
    """Stage one in `workers` processes, stage two here; each file's result, in order, as
    its chunk is judged. Closing the iterator early stops the workers."""
    from checker import pipeline

    headers = _warm_up_readers().with_user(dict(options.columns))
    with _Readers(files, headers, workers) as readers:
        from checker.vocabulary import default_vocabulary

        _warm_up_judging()  # while the workers read
        yield from pipeline.judge_in_batches(readers, options, default_vocabulary(), progress)


@contextmanager
def check_aside(path: Path, options: CheckOptions) -> Iterator[Callable[[], FileResult]]:
    """Both stages for one file in a worker process, while this process does something else
    (annotate loads the copy with openpyxl meanwhile); the callable waits for the result.
    A worker that dies costs only the reading, as in a batch: the file is read again alone
    and judged here, E101 if that kills its process too."""
    pool = ProcessPoolExecutor(1, mp_context=_start_method(), initializer=_worker_signals)
    try:
        future = pool.submit(_check_one, path, options)

        def result() -> FileResult:
            try:
                return future.result()
            except BrokenProcessPool:  # the worker died
                pass
            except (Exception, KeyboardInterrupt, Interrupted):
                raise  # the check's own error (a profile that cannot be loaded: exit 2)
            except BaseException:  # a native reader's panic, which stage one does not catch
                pass
            from checker import pipeline
            from checker.vocabulary import default_vocabulary

            vocabulary = default_vocabulary()
            laid_out = _lay_out_isolated(path, vocabulary.headers.with_user(dict(options.columns)))
            return next(pipeline.judge_in_batches([(path, laid_out)], options, vocabulary))

        yield result
    except BaseException:
        _stop(pool)  # the worker only reads: nothing to wait for
        raise
    pool.shutdown()


def _check_one(path: Path, options: CheckOptions) -> FileResult:
    from checker import pipeline

    _warm_up_judging()  # the worker ends after this file, as a one-file command does
    return next(pipeline.check_in_process([path], options))


def _lay_out_chunk(paths: Sequence[Path], headers: Headers) -> bytes:
    """In a worker: stage one for a chunk of files, pickled (kept so until judged: a third
    of the memory the objects take)."""
    from checker.layout import lay_out_file

    laid_out = [lay_out_file(path, headers) for path in paths]
    return pickle.dumps(laid_out, protocol=pickle.HIGHEST_PROTOCOL)


class _Readers:
    """Stage one in worker processes, a few chunks ahead of the consumer: iterating yields
    (path, Layout or Unlaid) in the order of `files`."""

    def __init__(self, files: Sequence[Path], headers: Headers, workers: int) -> None:
        self.headers = headers
        self.workers = workers
        self.todo = deque(_chunks(files, workers))
        self.ahead: deque[tuple[Future[bytes], Sequence[Path]]] = deque()
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Readers:
        self._submit()  # the workers are forked here, and start at once
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self.pool is None:
            return
        if kind is not None and not issubclass(kind, Exception):
            _stop(self.pool)  # a signal (Ctrl-C, SIGTERM, SIGHUP): no worker outlives us
        else:
            self.pool.shutdown(cancel_futures=True)

    def _submit(self) -> None:
        while self.todo and len(self.ahead) < READ_AHEAD * self.workers:
            if self.pool is None:  # forked at first; after a crash, as is safe then
                self.pool = ProcessPoolExecutor(self.workers, mp_context=_start_method(),
                                                initializer=_yield_to_judging)  # fmt: skip
            try:
                future = self.pool.submit(_lay_out_chunk, self.todo[0], self.headers)
            except BrokenProcessPool:  # a worker died: the chunks after it get a new pool
                self.pool.shutdown(wait=False, cancel_futures=True)
                self.pool = None
                continue
            self.ahead.append((future, self.todo.popleft()))

    def __iter__(self) -> Iterator[tuple[Path, Layout | Unlaid]]:
        while self.ahead:
            future, chunk = self.ahead.popleft()
            try:
                laid_out = pickle.loads(future.result())
            except (KeyboardInterrupt, Interrupted):
                raise
            except BaseException:
                # The worker died, or something stage one does not catch escaped (a Rust
                # reader's PanicException is a BaseException): one by one, each alone.
                laid_out = [_lay_out_isolated(path, self.headers) for path in chunk]
            self._submit()
            yield from zip(chunk, laid_out)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now: terminate them (they only read), then reap them. The pool's
    own shutdown is not called: the signal may have arrived while this thread held one of
    the pool's locks (a CI run hung there once), and the process is about to exit anyway."""
    processes = list(getattr(pool, "_processes", {}).values())
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=2)
        if process.is_alive():
            process.kill()
            process.join(timeout=2)


def _worker_signals() -> None:
    """In a worker: Ctrl-C reaches the whole process group, but stopping is the judging
    process's job (it terminates the workers); and a worker whose parent dies, even killed
    outright, is sent SIGTERM by the kernel (Linux) rather than left running forever."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform == "linux":
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
            if os.getppid() == 1:  # the parent died before prctl
                os._exit(1)
        except (OSError, AttributeError):
            pass


def _yield_to_judging() -> None:
    """In a worker: run at a lower priority than this process. Every file passes through
    the judging here, one process; with as many workers as cores it would otherwise get a
    share of a core while it imports pandas and judges, and the workers, whose reading
    only has to stay ahead of it, would finish early and idle (200-file batch on 2 cores:
    1.50 -> 1.40 s)."""
    _worker_signals()
    if hasattr(os, "nice"):  # not on Windows
        os.nice(READER_NICENESS)


def _chunks(files: Sequence[Path], workers: int) -> list[Sequence[Path]]:
    # About four tasks per worker, so that a slow file does not leave the other workers idle.
    size = max(1, min(MAX_CHUNK, len(files) // (workers * 4)))
    return [files[i : i + size] for i in range(0, len(files), size)]


def _lay_out_isolated(path: Path, headers: Headers) -> Layout | Unlaid:
    """Stage one for one file in a process of its own, so that if it kills the process we
    know it was this file."""
    from checker.layout import Unlaid

    with ProcessPoolExecutor(max_workers=1, mp_context=_start_method(),
                             initializer=_worker_signals) as pool:  # fmt: skip
        try:
            laid_out: list[Layout | Unlaid] = pickle.loads(
                pool.submit(_lay_out_chunk, [path], headers).result()
            )
            return laid_out[0]
        except BrokenProcessPool:
            return Unlaid(path, "E101", message_key="E101:crashed")
        except (KeyboardInterrupt, Interrupted):
            raise
        except BaseException as exc:
            return Unlaid(path, "E101", f"{type(exc).__name__}: {exc}",
                          message_key="E101:internal")  # fmt: skip


def _start_method() -> BaseContext:
    # fork is the fastest (the workers inherit the imported reader and the header names), but
    # unsafe on macOS and once other threads run (a thread holding a lock at fork time
    # deadlocks the child); the fork server is then the safe choice on Linux, each
    # platform's default elsewhere.
    if sys.platform == "linux":
        return multiprocessing.get_context(
            "fork" if threading.active_count() == 1 else "forkserver"
        )
    return multiprocessing.get_context()


def _warm_up_readers() -> Headers:
    """What the workers need, loaded once before forking: the reader (calamine), the layout
    code (numpy) and the header names; none of pandas, pandera or pydantic, which only this
    process needs (and imports while the workers read)."""
    import python_calamine  # noqa: F401

    from checker.config import schemas_dir
    from checker.layout import Headers

    try:
        headers = Headers.read(schemas_dir() / "columns.yaml")
    except Exception:
        # A broken data file: the vocabulary's validation says exactly what is wrong (exit 2).
        from checker.vocabulary import default_vocabulary

        headers = default_vocabulary().headers
    # Keep the collector off the inherited objects: scanning them would write to (and so
    # copy) every page the workers share with this process.
    gc.freeze()
    return headers


def _warm_up_judging() -> None:
    """Import stage two (pandas, pandera) and load the rules: in this process only."""
    from checker import pipeline

    gc.disable()  # importing makes no garbage: the collections it would set off find nothing
    try:
        pipeline.warm_up()
    finally:
        gc.enable()
    gc.freeze()  # the libraries' objects: no collection needs to scan them again
