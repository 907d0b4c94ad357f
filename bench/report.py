"""Time `roster-check report` over a tree of monthly rosters (target: 2,000 files < 60 s).

    python bench/report.py                          # 200 missions x 10 months, --jobs = CPUs
    python bench/report.py --missions 20 --months 10 --jobs 2 --format xlsx
    python bench/report.py --data /path/to/tree     # an existing <MISSION>/<MISSION>_<YYYY-MM> tree

The tree is made by bench/generate.py's `make_report_tree` when that module exists (the
shared benchmark data generator), else by the small generator below: openpyxl write-only
attendance lists of about `--rows` rows (meetings of ~30 attendees, IOM seats mostly filled).
It is kept under bench/data/ (git-ignored) and reused. The report runs in a subprocess, so
interpreter start-up and imports count; the figure printed is the best of `--repeat` runs,
with the CPU time of the process and its workers, and the machine it ran on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET_SECONDS = 60.0


# ---------------------------------------------------------------- fallback generator

HEADER = ["Meeting date", "Platform", "Level", "Location", "Attendee name", "Organization",
          "Position title", "Programme sector", "Role in meeting"]  # fmt: skip
SEATS = [("HCT", "Chief of Mission", None), ("ICCG", "CCCM Cluster Coordinator", None),
         ("UNCT", "Chief of Mission", None), ("SMT", "Chief of Mission", None),
         ("PMT", "Programme Coordinator", None), ("OMT", "Resource Management Officer", None),
         ("Health Cluster", "Migration Health Programme Officer", "Health"),
         ("Protection Cluster", "Protection Programme Officer", "Protection"),
         ("WASH Cluster", "WASH Programme Officer", "WASH")]  # fmt: skip
WRONG = ["Programme Officer", "Head of Sub-Office", "Operations Officer"]
AGENCIES = ["UNHCR", "UNICEF", "WFP", "WHO", "OCHA", "NRC", "IRC", "Ministry of Interior"]
ISO3 = ["ETH", "KEN", "SSD", "SDN", "SOM", "COD", "CAF", "TCD", "NER", "MLI", "BFA", "NGA",
        "CMR", "MOZ", "ZWE", "MDG", "YEM", "SYR", "IRQ", "LBN", "JOR", "TUR", "AFG", "PAK",
        "BGD", "MMR", "PHL", "HTI", "COL", "VEN", "PER", "ECU", "HND", "GTM", "SLV", "UKR",
        "MDA", "LBY", "TUN", "EGY"]  # fmt: skip


def _codes(n: int) -> list[str]:
    codes = list(ISO3)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    i = 0
    while len(codes) < n:
        code = "X" + letters[i // 26 % 26] + letters[i % 26]
        if code not in codes:
            codes.append(code)
        i += 1
    return codes[:n]


def make_month(path: Path, mission: str, month: str, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(f"{mission}-{month}")
    year, number = int(month[:4]), int(month[5:])
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Attendance")
    sheet.append([f"IOM {mission} coordination meetings, {month}"])
    sheet.append([])
    sheet.append(HEADER)
    written = 0
    while written < rows:
        platform_name, title, sector = rng.choice(SEATS)
        date = dt.date(year, number, rng.randint(1, 28))
        level = "National" if rng.random() < 0.3 else "Subnational"
        place = "Capital" if level == "National" else rng.choice(["North Hub", "South Hub"])
        chance = rng.random()
        iom = [] if chance < 0.1 else [rng.choice(WRONG) if chance < 0.2 else title]
        attendees = rng.randint(20, 36)
        for t in iom:
            sheet.append([date, platform_name, level, place, f"Staff {rng.randint(1, 999)}",
                          "IOM", t, sector, "Member"])  # fmt: skip
        for _ in range(attendees):
            sheet.append([date, platform_name, level, place, f"Person {rng.randint(1, 9999)}",
                          rng.choice(AGENCIES), "Representative", None, "Member"])  # fmt: skip
        written += len(iom) + attendees
    sheet.append([])
    sheet.append(["Prepared by the IOM coordination unit"])
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def make_tree(folder: Path, missions: int, months: int, rows: int) -> str:
    try:
        sys.path.insert(0, str(HERE))
        from generate import make_report_tree
    except ImportError:
        make_report_tree = None
    finally:
        sys.path.pop(0)
    if make_report_tree is not None:
        make_report_tree(folder, missions, months, rows=rows)
        return "bench/generate.py make_report_tree"
    month_list = [f"2026-{m:02d}" for m in range(1, months + 1)]
    for mission in _codes(missions):
        for month in month_list:
            make_month(folder / mission / f"{mission}_{month}.xlsx", mission, month, rows)
    return "bench/report.py fallback generator"


# ---------------------------------------------------------------- measuring


def machine() -> dict[str, object]:
    model = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cpu": model, "cores": cores, "python": platform.python_version(),
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}  # fmt: skip


def run_once(tree: Path, jobs: int | None, fmt: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"report.{fmt}"
        cmd = [sys.executable, "-m", "checker", "report", str(tree), "-o", str(out)]
        if jobs:
            cmd += ["--jobs", str(jobs)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"report failed ({done.returncode}): {done.stderr.strip()}")
        return {
            "seconds": round(seconds, 2),
            "cpu_seconds": round(
                after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 2
            ),
            "output_bytes": out.stat().st_size,
            "summary_line": done.stderr.strip().splitlines()[-1],
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--missions", type=int, default=200)
    ap.add_argument("--months", type=int, default=10)
    ap.add_argument("--rows", type=int, default=400)
    ap.add_argument("--data", type=Path, help="an existing tree (else bench/data/report-M-N)")
    ap.add_argument("--jobs", type=int, help="passed to report --jobs (default: its own)")
    ap.add_argument("--format", default="html", choices=["html", "xlsx", "md", "json"])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    a = ap.parse_args(argv)

    tree = a.data or HERE / "data" / f"report-{a.missions}x{a.months}-{a.rows}"
    generator = "given"
    if a.data is None and not (tree / ".complete").exists():
        start = time.perf_counter()
        generator = make_tree(tree, a.missions, a.months, a.rows)
        (tree / ".complete").write_text(generator)
        print(f"generated {tree} with {generator} in {time.perf_counter() - start:.1f} s",
              file=sys.stderr)  # fmt: skip
    elif a.data is None:
        generator = (tree / ".complete").read_text()
    files = sum(1 for p in tree.rglob("*.xlsx"))
    runs = [run_once(tree, a.jobs, a.format) for _ in range(max(1, a.repeat))]
    best = min(runs, key=lambda r: r["seconds"])
    figures = {"files": files, "tree": str(tree), "generator": generator, "format": a.format,
               "jobs": a.jobs or "default (CPUs)", "target_seconds": TARGET_SECONDS,
               "machine": machine(), "best": best, "runs": runs}  # fmt: skip
    print(f"roster-check report over {files:,} files ({a.format}, jobs {figures['jobs']}): "
          f"{best['seconds']:.1f} s wall, {best['cpu_seconds']:.1f} s CPU "
          f"(target < {TARGET_SECONDS:.0f} s)")  # fmt: skip
    print(f"  {best['summary_line']}")
    print(f"  machine: {json.dumps(figures['machine'])}")
    if a.json:
        a.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
