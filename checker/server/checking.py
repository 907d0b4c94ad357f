"""The checker's worker processes: rosters are checked there, never in the web process.

The web process stays small and responsive: it waits on a worker's answer in a thread, not on
the event loop, so a slow file never blocks other users. The workers are started once and
kept warm (pandas, pandera, the vocabulary and the rules loaded, one small roster judged), so
that a monthly roster is judged in a fraction of the command line's start-up time.

A file that kills its worker (a crash in the native reader, the OOM killer) breaks the pool
for every check running in it at that moment: each of those is tried once more in a process
of its own, so that the file that crashes is reported as E101 and the others get their
result. Every check works on a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# A check that takes longer than this is abandoned and reported as E101 (its worker is
# replaced); a monthly roster takes well under a second.
CHECK_TIMEOUT = 120.0


@dataclass(frozen=True)
class CheckRequest:
    """One file to check: where the original is kept, the name it was uploaded under (with
    the suffix it is checked under), and the options the user gave."""

    original: str
    name: str
    mission: str | None = None
    period: str | None = None
    lang: str = "en"
    scratch: str | None = None  # the folder to work in (the store's); None: the system's
    profiles: str | None = None  # the deployment's folder of country profiles

    def options(self) -> Any:
        from checker.api import CheckOptions

        folder = Path(self.profiles) if self.profiles else None
        return CheckOptions(self.mission, self.period, lang=self.lang, profiles=folder)


# ------------------------------------------------------------------ in the workers


def warm_up() -> None:
    """Load everything a check needs, once per worker process."""
    # pandera imports hypothesis when it is installed, for strategies the checker never uses.
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]
    from checker.api import CheckOptions, check_file
    from checker.rules import load_rules
    from checker.vocabulary import default_vocabulary

    default_vocabulary()
    load_rules()
    with tempfile.TemporaryDirectory(prefix="roster-check-warm-") as folder:
        sample = Path(folder) / "XXX_2026-01.csv"
        sample.write_text("Date,Platform,Organization,Name,Title\n"
                          "2026-01-05,HCT,IOM,A. Person,Chief of Mission\n", encoding="utf-8")  # fmt: skip
        check_file(sample, CheckOptions())


def ping() -> int:
    return os.getpid()


def _staged(request: CheckRequest, folder: str) -> Path:
    """The original under its uploaded name in a private folder (the name carries the
    mission and period, and the suffix picks the reader)."""
    path = Path(folder) / request.name
    try:
        os.symlink(request.original, path)
    except OSError:
        shutil.copyfile(request.original, path)
    return path


def check_in_worker(request: CheckRequest) -> dict[str, Any]:
    """The `roster-check check --format json` document for one file, its `path` the uploaded
    name."""
    from checker.api import check_file
    from checker.findings import Report

    with tempfile.TemporaryDirectory(prefix="check-", dir=request.scratch) as folder:
        path = _staged(request, folder)
        options = request.options()
        result = check_file(path, options)
    document = Report((result,), lang=request.lang).to_dict()
    document["results"][0]["path"] = request.name
    return document


def detect_in_worker(request: CheckRequest) -> dict[str, Any]:
    """What the file says of itself, as the command line reads it: mission and period (a
    metadata sheet, else the file name) and the profile that would apply."""
    from checker import metadata as meta
    from checker.config import ConfigError
    from checker.layout import Layout, lay_out_file
    from checker.profile import find_mission_profile, profiles_folder
    from checker.vocabulary import default_vocabulary

    with tempfile.TemporaryDirectory(prefix="check-", dir=request.scratch) as folder:
        path = _staged(request, folder)
        laid_out = lay_out_file(path, default_vocabulary().headers)
    sources = [meta.from_file_name(Path(request.name))]
    if isinstance(laid_out, Layout):
        sources.insert(0, laid_out.metadata)
    known = meta.combine(*sources)
    try:  # the folder of profiles the server was started with ($ROSTER_CHECK_PROFILES, …)
        given = Path(request.profiles) if request.profiles else None
        profile = find_mission_profile(known.mission, profiles_folder(given).path)
    except ConfigError:
        profile = None
    return {
        "mission": known.mission,
        "period": known.period,
        "mission_source": known.mission_source,
        "period_source": known.period_source,
        "profile": profile.stem if profile is not None else None,
    }


def annotate_in_worker(request: CheckRequest) -> bytes:
    """The annotated copy of a stored original, checked again as it was."""
    from checker.annotate import annotate
    from checker.api import check_file

    with tempfile.TemporaryDirectory(prefix="check-", dir=request.scratch) as folder:
        path = _staged(request, folder)
        result = check_file(path, request.options())
        suffix = ".xlsm" if path.suffix.lower() == ".xlsm" else ".xlsx"
        target = Path(folder) / f"annotated{suffix}"
        annotate(path, target, result, lang=request.lang)
        return target.read_bytes()


def template_in_worker(lang: str) -> bytes:
    from checker.template import build_template

    with tempfile.TemporaryDirectory(prefix="roster-check-") as folder:
        target = Path(folder) / "roster_template.xlsx"
        build_template(target, lang)
        return target.read_bytes()


def crash_in_worker(_request: CheckRequest) -> dict[str, Any]:
    """Kill the worker outright, as a crash in the native reader would (for the tests)."""
    os._exit(70)


# ------------------------------------------------------------------ in the web process


class CheckFailed(Exception):
    """The check could not finish: its worker crashed (twice) or it took too long. Why, as a
    key of the catalogues' `details` with its fields, is worded in the language of the check."""

    def __init__(self, detail: str, crashed: bool, **fields: Any) -> None:
        from checker.messages import catalogue

        super().__init__(catalogue("en").text("details", detail, **fields))
        self.detail = detail
        self.fields = fields
        self.crashed = crashed


def _context() -> Any:
    # The web process runs threads: forking it could copy a held lock. The fork server is
    # the safe start method on Linux; elsewhere the platform's default (spawn).
    return multiprocessing.get_context("forkserver" if sys.platform == "linux" else None)


class Checkers:
    """A pool of warm worker processes, replaced when one of them dies."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Start and warm every worker now, rather than on the first uploads."""
        pool = self._current()
        futures = [pool.submit(ping) for _ in range(self.workers * 2)]
        for future in futures:
            future.result()

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def _current(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    self.workers, mp_context=_context(), initializer=warm_up
                )
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor, kill: bool = False) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        if kill:  # a worker stuck on a hostile file: end the pool's processes
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        pool.shutdown(wait=False, cancel_futures=False)

    def run(self, task: Callable[..., T], *args: Any, timeout: float = CHECK_TIMEOUT) -> T:
        """Run `task(*args)` in a warm worker and wait for it (in the calling thread)."""
        pool = self._current()
        try:
            future: Future[T] = pool.submit(task, *args)
        except BrokenProcessPool:  # broken by another file just now
            self._discard(pool)
            return self._run_alone(task, args, timeout)
        try:
            return future.result(timeout)
        except BrokenProcessPool:
            self._discard(pool)
            return self._run_alone(task, args, timeout)
        except FutureTimeout:
            self._discard(pool, kill=True)
            raise CheckFailed("timeout", crashed=False, seconds=timeout) from None

    def _run_alone(self, task: Callable[..., T], args: tuple[Any, ...], timeout: float) -> T:
        """Once more in a process of its own: if this crashes too, it was this file."""
        with ProcessPoolExecutor(1, mp_context=_context()) as pool:
            future = pool.submit(task, *args)
            try:
                return future.result(timeout)
            except BrokenProcessPool:
                raise CheckFailed("worker_crashed", crashed=True) from None
            except FutureTimeout:
                for process in list(getattr(pool, "_processes", {}).values()):
                    process.kill()
                raise CheckFailed("timeout", crashed=False, seconds=timeout) from None


def failure_document(request: CheckRequest, failure: CheckFailed) -> dict[str, Any]:
    """The `check --format json` document of a file whose check could not finish: E101 on
    that file, as the command line reports a file that kills its worker."""
    from checker.api import judge_layouts
    from checker.findings import Report
    from checker.layout import Unlaid
    from checker.vocabulary import default_vocabulary

    key = "E101:crashed" if failure.crashed else "E101:internal"
    item = Unlaid(Path(request.name), "E101", message_key=key, detail_key=failure.detail,
                  fields=failure.fields)  # fmt: skip
    options = request.options()
    result = judge_layouts([item], options, default_vocabulary())[0]
    document = Report((result,), lang=request.lang).to_dict()
    document["results"][0]["path"] = request.name
    return document
