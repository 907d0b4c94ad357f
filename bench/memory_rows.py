"""Peak memory of `roster-check check` on a tall roster with findings on every row: what
judging and writing the report take once reading is done (issue 12: ≤ 1 GB per worker).

The roster is bench/memory_limits.py's 200,000 rows x 12 columns `.xlsx` (11.5 MB: dates,
words from short lists, a name on 3 rows, e-mail, phone, a remark on 1 row in 20). Every
row's platform ("Platform 3") is unknown (S204) and the dates run from December 2025 to
October 2027 (S207 on the rows outside 2026, the period read from the dates), so every row
is a meeting of its own and has findings:
~290,000 findings and 200,000 meetings, ~180 MB of JSON.

    python bench/memory_rows.py [--rows 200000] [--format json text] [--before ../main]

Each run is `check FILE --format F -o TMP` in its own process; its peak RSS is wait4's
(ru_maxrss), as `/usr/bin/time -v` gives it. `--before` runs another checkout's checker on
the same file too (its `checker` package first on sys.path), and says whether the two
outputs are the same bytes.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from memory_limits import xlsx  # noqa: E402

# The console script, with the checker taken from the checkout named first.
CHECK = "import sys\nsys.path.insert(0, sys.argv.pop(1))\nfrom checker.cli import run\nsys.exit(run())\n"


def measure(checkout: Path, roster: Path, fmt: str, output: Path) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit status) of one check run."""
    argv = [sys.executable, "-c", CHECK, str(checkout), "check", str(roster), "--format", fmt,
            "-o", str(output), "--quiet"]  # fmt: skip
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
    return usage.ru_maxrss / 1024, time.monotonic() - start, process.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--format", nargs="+", default=["json"], dest="formats")
    ap.add_argument("--before", type=Path, help="another checkout to compare with")
    ap.add_argument("--data", type=Path, default=BENCH / "data" / "rows")
    a = ap.parse_args(argv)
    a.data.mkdir(parents=True, exist_ok=True)
    roster = a.data / f"roster_{a.rows}.xlsx"
    if not roster.exists():
        xlsx(roster, a.rows, "roster")
    print(f"{roster.name}: {a.rows:,} rows, {roster.stat().st_size / 2**20:.1f} MB")
    checkouts = {"after": REPO} if a.before is None else {"before": a.before, "after": REPO}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in a.formats:
            outputs = {}
            for name, checkout in checkouts.items():
                outputs[name] = Path(tmp) / f"{name}.{fmt}"
                peak, seconds, status = measure(checkout.resolve(), roster, fmt, outputs[name])
                size = outputs[name].stat().st_size / 2**20 if outputs[name].exists() else 0
                print(f"{fmt:>6} {name:>6}: peak {peak:,.0f} MB, {seconds:.0f} s, exit {status}, "
                      f"output {size:,.0f} MB", flush=True)  # fmt: skip
            if len(outputs) == 2:
                same = filecmp.cmp(outputs["before"], outputs["after"], shallow=False)
                print(f"{fmt:>6} outputs: {'the same bytes' if same else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
