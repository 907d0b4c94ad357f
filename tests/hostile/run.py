"""Run the checker's CLI on one file in a subprocess capped in memory (RLIMIT_AS) and time,
and measure that one process's peak RSS (wait4's rusage)."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# Address space, not RSS: the interpreter, numpy and pandas map ~0.9 GB before reading.
MEMORY_CAP = 2 * 2**30
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
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        process = subprocess.Popen([sys.executable, "-m", "checker", *map(str, args)],
                                   stdout=out, stderr=err, preexec_fn=_cap, env=env, cwd=cwd)  # fmt: skip
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        code = process.returncode
        if code < 0 and -code == signal.SIGKILL and seconds > timeout:
            raise subprocess.TimeoutExpired(process.args, timeout)
        return Outcome(code, seconds, usage.ru_maxrss / 1024, out.read(), err.read())
