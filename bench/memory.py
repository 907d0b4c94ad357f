"""Peak memory of the checking process (not of its reading workers) on runs of many files,
for one checkout or two (before/after): issue 15 asks for ≤ 200 MB at 5,000 files, growing
sub-linearly.

The files are monthly rosters of bench/generate.py (400 rows), a few hundred distinct ones
hard-linked into as many folders as it takes, so that 5,000 files cost the disk a few
hundred. Each run is `roster-check check FOLDER --format json -o FILE` in a fresh process
that reports its own peak resident set (getrusage, RUSAGE_SELF: the forked workers are
not counted).

    python bench/memory.py                              # this checkout, 1,000 and 5,000 files
    python bench/memory.py --before /work/main --files 1000 5000 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent

# Runs the command inside this process, then prints the process's own peak RSS.
WRAPPER = """
import resource, sys
tree, args = sys.argv[1], sys.argv[2:]
sys.path.insert(0, tree)
sys.modules.setdefault("hypothesis", None)  # as the console script does
from checker.cli import main
try:
    main(args, prog_name="roster-check")
except SystemExit as exc:
    status = exc.code
scale = 1 if sys.platform == "darwin" else 1024
usage = resource.getrusage(resource.RUSAGE_SELF)
print("MEASURE", status, usage.ru_maxrss * scale, usage.ru_utime + usage.ru_stime, flush=True)
"""


def rosters(data: Path, distinct: int, files: int) -> Path:
    """A folder of `files` rosters: `distinct` generated ones, hard-linked into sub-folders."""
    sys.path.insert(0, str(BENCH))
    from generate import make_batch

    source = data / f"distinct{distinct}"
    if len(list(source.glob("*.xlsx"))) < distinct:
        make_batch(source, distinct, workers=1)
    originals = sorted(source.glob("*.xlsx"))
    folder = data / f"files{files}"
    for i in range(files):
        original = originals[i % distinct]
        target = folder / f"copy{i // distinct:03d}" / original.name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(original, target)
    return folder


def measure(tree: Path, folder: Path, jobs: int, output: Path) -> dict[str, float]:
    argv = ["check", str(folder), "--format", "json", "-o", str(output), "--quiet",
            "--jobs", str(jobs)]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, str(tree), *argv], cwd=tree,
                          capture_output=True, text=True, check=False)  # fmt: skip
    wall = time.perf_counter() - start
    line = [ln for ln in done.stdout.splitlines() if ln.startswith("MEASURE")]
    if not line:
        raise RuntimeError(f"{tree}: the run failed: {done.stderr.strip()[-800:]}")
    _, status, peak, cpu = line[-1].split()
    return {"status": int(status), "peak_mb": int(peak) / 2**20, "wall": wall,
            "cpu": float(cpu)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--files", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--distinct", type=int, default=250, help="distinct rosters (250)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--before", type=Path, help="another checkout to compare with")
    ap.add_argument("--data", type=Path, default=BENCH / "data")
    ap.add_argument("--json", type=Path, help="write the figures as JSON to FILE")
    a = ap.parse_args(argv)
    trees = {"after": REPO} if a.before is None else {"before": a.before, "after": REPO}
    figures: dict[str, dict[int, dict[str, float]]] = {name: {} for name in trees}
    print(f"{'files':>6} " + " ".join(f"{name + ' MB':>10} {'s':>6} {'cpu s':>6}"
                                      for name in trees))  # fmt: skip
    for files in a.files:
        folder = rosters(a.data, a.distinct, files)
        row = []
        for name, tree in trees.items():
            found = measure(tree.resolve(), folder.resolve(), a.jobs,
                            a.data / f"memory-{name}.json")  # fmt: skip
            figures[name][files] = found
            row.append(f"{found['peak_mb']:>10.0f} {found['wall']:>6.1f} {found['cpu']:>6.1f}")
        print(f"{files:>6} " + " ".join(row), flush=True)
    if len(a.files) > 1:
        first, last = min(a.files), max(a.files)
        for name in trees:
            per_file = ((figures[name][last]["peak_mb"] - figures[name][first]["peak_mb"])
                        * 1024 / (last - first))  # fmt: skip
            print(f"{name}: {per_file:.1f} KB more per file from {first} to {last} files")
    if a.json:
        a.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
