"""CPU time of `roster-check check` on narrow rosters (5 columns: date, platform, name,
organisation, title) with large meetings and names listed twice: judging must grow with the
rows about linearly (issue 12: the narrow 210,900-row file ran for more than 15 minutes).

Two shapes:
- `--sizes`: MEETINGS meetings (default 4) of N rows each, N = 250 500 1000 2000 by default:
  one date and platform a meeting, every name on two rows (S208 on one of them), an IOM
  attendee on 1 row in 25 (one title in three unknown: S205), some organisations the checker
  does not know, and an unreadable date ("31/02/2026", S203) on 1 row in 97.
- `--narrow ROWS`: bench/memory_limits.py's roster rows (memory_rows.py's file) kept to the
  same 5 columns: unknown platforms (S204), a name on 3 rows (S208), ~1.7 findings a row.
  `--narrow 210900` is the file of docs/security.md.

    python bench/large_meeting.py [--sizes 250 500 1000 2000] [--narrow 20000 40000]
                                  [--format text json] [--before ../main]
    python bench/large_meeting.py --sizes --narrow 210900 --format all   # every output

Each run is `check FILE --format F -o TMP` in its own process; its CPU time (user + system),
wall time and peak RSS are wait4's. Besides the formats (text json junit github markdown
sarif csv xlsx), `--format` takes the ways of writing a report that hold all of it at once
rather than writing each result as it comes: `tty` (text to a terminal, the default output:
the run is given a pseudo-terminal and its output is read from it), `write-baseline`
(`--format text --write-baseline B`: B is the output compared) and `baseline` (`--format
text --baseline B`, B accepting every finding: written once beside the file, by this
checkout); `all` is all of them. rows/s is the file's rows over that CPU time (interpreter start and
imports left out: the CPU time of a one-row file is taken off) and should stay about flat as
the rows grow. `--before` runs
another checkout's checker on the same file too and says whether the outputs are the same
bytes. The files are built under bench/data/meetings/ (git-ignored) and reused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from openpyxl import Workbook

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from memory_limits import xlsx  # noqa: E402

NARROW = [0, 1, 4, 5, 6]  # of memory_limits' 12 columns: date, platform, name, org, title
PLATFORMS = ["Protection Cluster", "HCT", "WASH Cluster", "ICCG"]
ORGANISATIONS = ["UNHCR", "WHO", "Save the Children", "NRC", "Organisation {k}"]
IOM_TITLES = ["Chief of Mission", "Programme Officer", "Senior Wizard"]
TITLES = ["Coordinator", "Officer", "Unknown title {k}"]

FORMATS = ["text", "json", "junit", "github", "markdown", "sarif", "csv", "xlsx"]
MODES = ["tty", "write-baseline", "baseline"]  # see the docstring: each is --format text

# The console script, with the checker taken from the checkout named first.
CHECK = "import sys\nsys.path.insert(0, sys.argv.pop(1))\nfrom checker.cli import run\nsys.exit(run())\n"


def meetings(path: Path, rows: int, count: int) -> Path:
    """`count` meetings of `rows` rows each, in one sheet."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Attendance")
    sheet.append(["Date", "Platform", "Name", "Organization", "Title"])
    for m in range(count):
        date = dt.date(2026, 3, 2 + m)
        for r in range(rows):
            k = (m * rows + r) % 37
            if r % 25 == 0:
                organisation, title = "IOM", IOM_TITLES[r // 25 % 3]
            else:
                organisation = ORGANISATIONS[r % 5].format(k=k)
                title = TITLES[r % 3].format(k=k)
            sheet.append([date if r % 97 != 96 else "31/02/2026", PLATFORMS[m % 4],
                          f"Person {m}-{r // 2:05d} Surname", organisation, title])  # fmt: skip
    book.save(path)
    return path


def measure(checkout: Path, roster: Path, fmt: str, output: Path,
            baseline: Path | None = None) -> tuple[float, float, int, float]:  # fmt: skip
    """(CPU seconds, peak RSS in MB, exit status, wall seconds) of one check run. `fmt`: a
    format or one of MODES; `baseline`: the file `--format baseline` reads."""
    argv = [sys.executable, "-c", CHECK, str(checkout), "check", str(roster), "--quiet",
            "--format", fmt if fmt in FORMATS else "text"]  # fmt: skip
    if fmt != "tty":
        argv += ["-o", str(output) if fmt != "write-baseline" else str(output) + ".text"]
    if fmt == "write-baseline":
        argv += ["--write-baseline", str(output)]
    elif fmt == "baseline":
        argv += ["--baseline", str(baseline)]
    start = time.monotonic()
    if fmt == "tty":
        import pty

        primary, secondary = pty.openpty()
        process = subprocess.Popen(argv, stdout=secondary, stderr=subprocess.DEVNULL)
        os.close(secondary)
        reader = threading.Thread(target=_drain, args=(primary, output))
        reader.start()
    else:
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
    if fmt == "tty":
        reader.join()
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode, wall


def _drain(primary: int, output: Path) -> None:
    """What the run writes to its terminal, into `output`, until the terminal closes."""
    with output.open("wb") as out:
        while True:
            try:
                chunk = os.read(primary, 1 << 16)
            except OSError:  # EIO: the run ended and closed the terminal
                break
            if not chunk:
                break
            out.write(chunk)
    os.close(primary)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--sizes", type=int, nargs="*", default=[250, 500, 1000, 2000],
                    help="rows a meeting")  # fmt: skip
    ap.add_argument("--meetings", type=int, default=4)
    ap.add_argument("--narrow", type=int, nargs="*", default=[], help="rows of the narrow file")
    ap.add_argument("--format", nargs="+", default=["text", "json"], dest="formats",
                    choices=[*FORMATS, *MODES, "all"])  # fmt: skip
    ap.add_argument("--before", type=Path, help="another checkout to compare with")
    ap.add_argument("--data", type=Path, default=BENCH / "data" / "meetings")
    a = ap.parse_args(argv)
    if "all" in a.formats:
        a.formats = [*FORMATS, *MODES]
    a.data.mkdir(parents=True, exist_ok=True)
    files = []
    for n in a.sizes:
        path = a.data / f"meetings_{a.meetings}x{n}.xlsx"
        if not path.exists():
            meetings(path, n, a.meetings)
        files.append((f"{a.meetings} x {n:,}", a.meetings * n, path))
    for n in a.narrow:
        path = a.data / f"narrow_{n}.xlsx"
        if not path.exists():
            xlsx(path, n, "roster", columns=NARROW)
        files.append((f"narrow {n:,}", n, path))
    checkouts = {"after": REPO} if a.before is None else {"before": a.before, "after": REPO}
    one_row = a.data / "meetings_1x1.xlsx"
    if not one_row.exists():
        meetings(one_row, 1, 1)
    with tempfile.TemporaryDirectory() as tmp:
        # A mode's start-up is its format's (text), with no baseline to read.
        start = {(checkout_name, fmt): measure(checkout.resolve(), one_row,
                                               fmt if fmt in FORMATS else "text",
                                               Path(tmp) / f"one.{fmt}")[0]
                 for checkout_name, checkout in checkouts.items() for fmt in a.formats}  # fmt: skip
        print("start-up (a one-row file), CPU s: "
              + ", ".join(f"{c} {f} {s:.2f}" for (c, f), s in start.items()))  # fmt: skip
        print(f"{'file':>16} {'format':>14} {'checkout':>8} {'rows':>8} {'CPU s':>8} "
              f"{'wall s':>7} {'rows/s':>8} {'peak MB':>8}  exit")  # fmt: skip
        for name, rows, path in files:
            baseline = path.with_suffix(".baseline.json")
            if "baseline" in a.formats and not baseline.exists():
                measure(REPO, path, "write-baseline", baseline)  # every finding accepted
            for fmt in a.formats:
                outputs = {}
                for checkout_name, checkout in checkouts.items():
                    outputs[checkout_name] = Path(tmp) / f"{checkout_name}.{fmt}"
                    cpu, peak, status, wall = measure(checkout.resolve(), path, fmt,
                                                      outputs[checkout_name], baseline)  # fmt: skip
                    judging = max(cpu - start[checkout_name, fmt], 0.01)
                    print(f"{name:>16} {fmt:>14} {checkout_name:>8} {rows:>8,} {cpu:>8.1f} "
                          f"{wall:>7.1f} {rows / judging:>8,.0f} {peak:>8,.0f}  {status}",
                          flush=True)  # fmt: skip
                if len(outputs) == 2:
                    same = all(_same(outputs["before"].with_suffix(suffix),
                                     outputs["after"].with_suffix(suffix))
                               for suffix in _written(fmt))  # fmt: skip
                    print(f"{'':>16} {fmt:>14} outputs: "
                          f"{'the same bytes' if same else 'DIFFERENT'}")  # fmt: skip
                for output in outputs.values():  # hundreds of MB each: not kept for the next
                    for suffix in _written(fmt):
                        output.with_suffix(suffix).unlink(missing_ok=True)
    return 0


def _same(one: Path, other: Path) -> bool:
    """The same bytes; for a workbook, the same parts but its modification time (the time
    of writing, docProps/core.xml) and the zip's own dates."""
    if one.suffix != ".xlsx":
        return filecmp.cmp(one, other, shallow=False)
    with zipfile.ZipFile(one) as a, zipfile.ZipFile(other) as b:
        names = a.namelist()
        when = re.compile(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>")
        return names == b.namelist() and all(
            when.sub(b"", a.read(n)) == when.sub(b"", b.read(n)) for n in names
        )


def _written(fmt: str) -> list[str]:
    """The suffixes of the files a run writes: its output, and the text beside a baseline."""
    return [f".{fmt}", f".{fmt}.text"] if fmt == "write-baseline" else [f".{fmt}"]


if __name__ == "__main__":
    sys.exit(main())
