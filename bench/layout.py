"""Stage one's cost split in two: reading the workbook (calamine) and laying it out (finding
the tables and their columns, whose evidence and sheet accounting this measures).

    python bench/layout.py [--repeat 5]      # after `python bench/run.py --only-data`

CPU time (process_time), so the figures hold on a busy machine; best of N per file. To
compare two versions, run it with PYTHONPATH pointing at each checkout's root in turn.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from checker.config import schemas_dir
from checker.layout import Headers, lay_out
from checker.reader import read_workbook

DATA = Path(__file__).resolve().parent / "data"


def _best(function, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    headers = Headers.read(schemas_dir() / "columns.yaml")
    year = DATA / "ETH_2026.xlsx"
    batch = sorted((DATA / "batch").rglob("*.xlsx"))
    if not year.exists() or not batch:
        raise SystemExit("no data: run `python bench/run.py --only-data` first")
    for label, files in (("100k-row workbook", [year]), (f"{len(batch)} monthly rosters", batch)):
        read = lay = 0.0
        for path in files:
            read += _best(lambda p=path: read_workbook(p), args.repeat)
            workbook = read_workbook(path)  # laying out again only refills merged cells
            lay += _best(lambda w=workbook: lay_out(w, headers), args.repeat)
        print(
            f"{label}: read {read * 1000:.1f} ms, lay out {lay * 1000:.1f} ms CPU"
            f" ({lay / read:.0%} of the read)"
        )


if __name__ == "__main__":
    main()
