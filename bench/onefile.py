"""One monthly roster, the whole `roster-check check` process, against the process that only
reads it with pandas (issue 15: ≤ 1.1× that, ≤ 0.5 s here). The commands run in turn,
round after round, so that a busy moment of a shared machine falls on all of them; the
medians of wall time and of CPU time (user + system, the process and its children) are
printed.

Each checkout's bytecode is compiled first (`compileall`, into its `__pycache__`), as pip
does when it installs the package: where PYTHONDONTWRITEBYTECODE is set (as on the
development machines) every run would otherwise compile the checker's ~60 modules again,
~0.05 s that no installed copy pays, while pandas' bytecode is compiled.

The first run fills the checker's vocabulary cache ($XDG_CACHE_HOME/roster-check) and the
later ones read it, as a user's runs do; `--cold` gives every run an empty cache instead.

    python bench/onefile.py [--before /work/main] [--rounds 15] [--cold] [ROSTER]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent

READ_ONLY = (
    "import sys, pandas\npandas.read_excel(sys.argv[1], engine='calamine', sheet_name=None)\n"
)
# The console script, with the checker taken from the checkout named first.
CHECK = "import sys\nsys.path.insert(0, sys.argv.pop(1))\nfrom checker.cli import run\nsys.exit(run())\n"


def timed(argv: list[str], cold: bool = False) -> tuple[float, float]:
    env = dict(os.environ, XDG_CACHE_HOME=tempfile.mkdtemp()) if cold else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env=env)  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("roster", nargs="?", type=Path, default=REPO / "sample_rosters" /
                    "ETH_2026-10.xlsx")  # fmt: skip
    ap.add_argument("--before", type=Path, help="another checkout to compare with")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--cold", action="store_true", help="an empty vocabulary cache every run")
    a = ap.parse_args(argv)
    out = Path(tempfile.mkdtemp()) / "out.json"
    check = ["check", str(a.roster), "--format", "json", "-o", str(out), "--quiet"]
    commands = {"read only": [sys.executable, "-c", READ_ONLY, str(a.roster)]}
    if a.before is not None:
        commands["before"] = [sys.executable, "-c", CHECK, str(a.before), *check]
    commands["after"] = [sys.executable, "-c", CHECK, str(REPO), *check]
    for checkout in {a.before, REPO} - {None}:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(checkout) / "checker")],
                       stdout=subprocess.DEVNULL, check=False)  # fmt: skip
    for argv_ in commands.values():  # warm the disk cache
        timed(argv_)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(a.rounds):
        for name, argv_ in commands.items():
            times[name].append(timed(argv_, a.cold))
    base = statistics.median(w for w, _ in times["read only"])
    base_cpu = statistics.median(c for _, c in times["read only"])
    print(f"{a.roster.name}, {a.rounds} rounds, medians (ratios: against read only)")
    for name, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"{name:>10}: {wall:.3f} s wall ({wall / base:.2f}×), "
              f"{cpu:.3f} s CPU ({cpu / base_cpu:.2f}×)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
