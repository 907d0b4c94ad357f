"""Run the checker's CLI on one file in a subprocess capped in memory (RLIMIT_AS) and time."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

MEMORY_CAP = 2 * 2**30  # address space, not RSS: the interpreter, numpy and pandas take ~0.9 GB
TIME_CAP = 120.0


@dataclass
class Outcome:
    returncode: int
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str

    @property
    def codes(self) -> set[str]:
        data = json.loads(self.stdout)
        return {f["code"] for r in data["results"] for f in r["findings"]}


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_cli(*args: str | Path, cwd: Path | None = None, timeout: float = TIME_CAP) -> Outcome:
    env = {**os.environ, "RUST_BACKTRACE": "0", "NO_COLOR": "1"}
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [sys.executable, "-m", "checker", *map(str, args)], capture_output=True, text=True,
        timeout=timeout, preexec_fn=_cap, env=env, cwd=cwd, check=False,
    )  # fmt: skip
    seconds = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return Outcome(done.returncode, seconds, max(peak, before) / 1024, done.stdout, done.stderr)
