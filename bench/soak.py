"""Soak run: `roster-check check` over 10,000 files, 1 % of them hostile, with --jobs 2.

    python bench/soak.py                       # 10,000 files (about 1 GB of links, 4-6 min)
    python bench/soak.py --files 1000 --json soak.json

Passes when the run exits 0 or 1 (never 2, never a signal), answers every file (one result
per file in the JSON report, hostile ones as E1xx), and its memory stays flat: the summed
RSS of the process tree, sampled every 0.5 s, is no higher in the last fifth of the run
than 1.5 x the first fifth after start-up (a leak per file would grow it steadily).

The rosters are a few distinct generated monthly rosters hard-linked under 10,000 names (a
hard link is a file of its own to the checker, and costs no disk); the hostile files come
from tests/hostile/corpus.py (the cheap ones: far cells in every spelling, a lying zip
header, entity bombs, a repeated ODS cell, .xls far cells, bad CSV) and random bytes. Data goes in
bench/data/soak/ (git-ignored) and is reused.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

import generate  # noqa: E402

from tests.hostile.corpus import build  # noqa: E402

CHEAP_ATTACKS = ["far-cell-t-first", "far-cell-prefix", "far-cell-single-quotes",
                 "far-cell-lowercase", "far-cell-gt-in-attribute", "far-cell-Z1048576",
                 "far-cell-XFD60000", "far-cell-row-10M", "cells-without-r",
                 "far-cell-entity-ref", "entity-bomb", "xxe", "ods-repeated-cell",
                 "csv-long-field", "csv-utf16", "xlsx-named-xls", "deep-xml", "xls-far-cell",
                 "xls-far-cells-in-all"]  # fmt: skip
DISTINCT = 8


def make_tree(folder: Path, files: int, hostile_share: float = 0.01) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / f".made-{files}"
    if stamp.exists():
        return json.loads(stamp.read_text())
    seeds = []
    for i, mission in enumerate(
        ["ETH", "KEN", "SSD", "COD", "SEN", "COL", "SOM", "YEM"][:DISTINCT]
    ):
        seed = folder / "seeds" / f"{mission}_2026-{i + 1:02d}.xlsx"
        seed.parent.mkdir(exist_ok=True)
        if not seed.exists():
            generate.make_month(seed, mission, f"2026-{i + 1:02d}", rows=200)
        seeds.append(seed)
    corpus = build(folder / "corpus", CHEAP_ATTACKS)
    rng = random.Random(12)
    tree = folder / "tree"
    hostile = 0
    for n in range(files):
        sub = tree / f"{n // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        if rng.random() < hostile_share:
            hostile += 1
            if rng.random() < 0.25:
                target = sub / f"RND_2026-10_{n:05d}.xlsx"
                target.write_bytes(rng.randbytes(rng.randint(0, 4000)))
                continue
            name = rng.choice(CHEAP_ATTACKS)
            source = corpus[name][0]
            target = sub / f"H{n:05d}_{source.name}"
        else:
            source = seeds[n % len(seeds)]
            target = sub / f"{source.stem}_{n:05d}{source.suffix}"
        if not target.exists():
            os.link(source, target)
    made = {"files": files, "hostile": hostile}
    stamp.write_text(json.dumps(made))
    return made


def tree_rss(pid: int) -> int:
    """Summed RSS (bytes) of the process and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rpartition(")")[2].split()
            status = (entry / "status").read_text()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry.name))
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[int(entry.name)] = int(line.split()[1]) * 1024
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total


def soak(folder: Path, jobs: int) -> dict[str, object]:
    out = Path(tempfile.mkdtemp()) / "soak.json"
    command = [sys.executable, "-m", "checker", "check", str(folder / "tree"), "--jobs", str(jobs),
               "--format", "json", "--quiet", "-o", str(out)]  # fmt: skip
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, int]] = []
    while process.poll() is None:
        samples.append((time.monotonic() - start, tree_rss(process.pid)))
        time.sleep(0.5)
    stderr = process.stderr.read() if process.stderr else ""
    seconds = time.monotonic() - start
    report = json.loads(out.read_text()) if out.exists() else {"results": []}
    results = report["results"]
    unreadable = sum(r["status"] == "unreadable" for r in results)
    values = [rss for _, rss in samples if rss]
    fifth = max(1, len(values) // 5)
    early = statistics.median(values[fifth : 2 * fifth] or values[:fifth]) if values else 0
    late = statistics.median(values[-fifth:]) if values else 0
    return {
        "exit": process.returncode, "seconds": round(seconds, 1), "results": len(results),
        "unreadable": unreadable, "peak_tree_rss_mb": round(max(values, default=0) / 2**20, 1),
        "early_rss_mb": round(early / 2**20, 1), "late_rss_mb": round(late / 2**20, 1),
        "stderr": stderr.strip()[-500:],
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--data", type=Path, default=BENCH / "data" / "soak")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    folder = args.data / str(args.files)
    made = make_tree(folder, args.files)
    figures = {**made, **soak(folder, args.jobs)}
    ok = (
        figures["exit"] in (0, 1)
        and figures["results"] == made["files"]
        and figures["unreadable"] >= 1
        and figures["late_rss_mb"] <= 1.5 * max(figures["early_rss_mb"], 1)  # type: ignore[operator]
    )
    figures["ok"] = ok
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
