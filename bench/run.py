"""roster-check benchmark: `python bench/run.py` from a fresh clone.

Generates realistic data under bench/data/ (once; reused afterwards) and measures, each in
fresh subprocesses:
  (a) `roster-check check` on a 100k-row mission-year attendance list, against a process that
      only reads the same workbook with pandas + calamine            target <= 1.1x
  (b) `roster-check check FOLDER --jobs 2` on 200 monthly rosters of 400 rows, against a
      serial read-only loop over the same files                      target <= 1.0x
      and its CPU time per file against calamine's own CPU per file  target <= 2.0x
  (c) peak memory (RSS) of (a) and (b) against their read-only peaks target <= 2x
  (d) `roster-check --help`                                          target <= 0.3 s
  (e) `roster-check annotate` of a 10,000-row year workbook, against a process that only
      loads and saves it with openpyxl                               target <= 1.2x
and, with --report, `roster-check report` over 2,000 roster files    target < 60 s.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (bench/generate.py, next to this file)

TARGET_SINGLE = 1.1  # (a) check / read-only, wall time (issue 15; 1.5 before)
TARGET_BATCH = 1.0  # (b) check --jobs 2 / serial read-only loop, wall time
TARGET_CPU_PER_FILE = 2.0  # (b) check's CPU per file / calamine's own CPU per file
TARGET_MEMORY = 2.0  # (c) peak RSS check / read-only
TARGET_HELP = 0.3  # (d) seconds
TARGET_ANNOTATE = 1.2  # (e) annotate / openpyxl load + save of the same workbook, wall time
TARGET_REPORT = 60.0  # --report: seconds for 2,000 files

# Runs one command and reports its wall time, exit status, the children's rusage (ru_maxrss:
# the peak RSS of the largest process among the command and its waited-for descendants) and
# sampled peaks (every 50 ms) of the whole process tree's memory, which is what matters when
# the command runs worker processes: the summed RSS, and the summed PSS (proportional set
# size, /proc/PID/smaps_rollup). Forked workers share their parent's pages (the imported
# pandas, the vocabulary): RSS counts a shared page once in every process, PSS divides it
# among them, so the PSS sum is the memory the tree really takes.  Run in a fresh
# interpreter for each measurement so that every figure is that command's own.
WRAPPER = r"""
import json, os, resource, subprocess, sys, threading, time
argv = json.loads(sys.argv[1])
page = os.sysconf("SC_PAGE_SIZE")
peak = {"rss": 0, "pss": 0}
done = threading.Event()

def pss_of(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None

def tree_memory(root):
    parent = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as f:
                    s = f.read()
                parent[int(d)] = int(s[s.rindex(b")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    kids = {}
    for pid, pp in parent.items():
        kids.setdefault(pp, []).append(pid)
    rss = pss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(kids.get(pid, ()))
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                resident = int(f.read().split()[1]) * page
        except (OSError, ValueError, IndexError):
            continue
        rss += resident
        proportional = pss_of(pid)
        pss += resident if proportional is None else proportional
    return rss, pss

def sample(pid):
    while not done.wait(0.05):
        try:
            rss, pss = tree_memory(pid)
        except OSError:
            continue
        peak["rss"] = max(peak["rss"], rss)
        peak["pss"] = max(peak["pss"], pss)

t0 = time.perf_counter()
p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.PIPE)
th = None
if os.path.isdir("/proc"):
    th = threading.Thread(target=sample, args=(p.pid,), daemon=True)
    th.start()
err = p.communicate()[1]
wall = time.perf_counter() - t0
done.set()
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
print(json.dumps({"wall": wall, "rc": p.returncode, "maxrss": ru.ru_maxrss * scale,
                  "tree_rss": peak["rss"], "tree_pss": peak["pss"],
                  "cpu": ru.ru_utime + ru.ru_stime,
                  "stderr": err.decode("utf-8", "replace")[-4000:]}))
"""

OPENPYXL_COPY = (
    "import sys, openpyxl\nopenpyxl.load_workbook(sys.argv[1], rich_text=True).save(sys.argv[2])\n"
)
READ_ONE = "import sys, pandas as pd\npd.read_excel(sys.argv[1], engine='calamine', header=None)\n"
READ_LOOP = (
    "import sys, pathlib, pandas as pd\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.xlsx')):\n"
    "    pd.read_excel(p, engine='calamine', header=None)\n"
)
# Calamine's own work and nothing else: every visible sheet of every file to Python lists.
CALAMINE_LOOP = (
    "import sys, pathlib, python_calamine as c\n"
    "paths = sys.argv[1:]\n"
    "for p in sorted(q for a in paths for q in (pathlib.Path(a).rglob('*.xlsx')"
    " if pathlib.Path(a).is_dir() else [pathlib.Path(a)])):\n"
    "    book = c.CalamineWorkbook.from_path(str(p))\n"
    "    for m in book.sheets_metadata:\n"
    "        if m.visible == c.SheetVisibleEnum.Visible:\n"
    "            book.get_sheet_by_name(m.name).to_python(skip_empty_area=False)\n"
)


@dataclass
class Run:
    wall: float
    rc: int
    maxrss: int
    tree_rss: int
    tree_pss: int
    cpu: float
    stderr: str

    @property
    def peak(self) -> int:
        """The largest single process, or the whole tree counted with PSS if larger."""
        return max(self.maxrss, self.tree_pss)


@dataclass
class Measure:
    """Best-of-N wall time and the highest peak RSS over the N runs."""

    argv: list[str]
    runs: list[Run] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.runs)

    @property
    def seconds(self) -> float:
        return min(r.wall for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak for r in self.runs) / 2**20

    @property
    def tree_rss_mb(self) -> float:
        """The tree's summed RSS: counts pages shared by forked workers once per process."""
        return max(max(r.tree_rss, r.maxrss) for r in self.runs) / 2**20

    @property
    def cpu(self) -> float:
        """The median CPU time (user + system, the command and all its children): unlike wall
        time, it hardly moves when other processes compete for the cores."""
        return statistics.median(r.cpu for r in self.runs)

    @property
    def cpu_range(self) -> tuple[float, float]:
        return min(r.cpu for r in self.runs), max(r.cpu for r in self.runs)


def run_once(argv: list[str], env: dict[str, str]) -> Run:
    out = subprocess.run(
        [sys.executable, "-c", WRAPPER, json.dumps(argv)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"measuring wrapper failed: {out.stderr.strip()[-500:]}")
    return Run(**json.loads(out.stdout.strip().splitlines()[-1]))


def last_line(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1] if lines else ""


# ---------------------------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------------------------
def shown(p: Path) -> str:
    try:
        return str(p.relative_to(REPO))
    except ValueError:
        return str(p)


def _stamp_ok(stamp: Path, params: dict[str, Any]) -> bool:
    try:
        return bool(json.loads(stamp.read_text()) == params)
    except (OSError, ValueError):
        return False


def ensure(
    data: Path,
    name: str,
    params: dict[str, Any],
    make: Any,
    target: Path,
    timings: dict[str, float],
) -> None:
    """Generate ``target`` unless a stamp says it was made from the same generator + params."""
    gen_hash = hashlib.sha256((BENCH / "generate.py").read_bytes()).hexdigest()[:16]
    params = {**params, "generator": gen_hash}
    stamp = data / ".stamps" / f"{name}.json"
    if _stamp_ok(stamp, params) and target.exists():
        print(f"  {name}: reusing {shown(target)}")
        return
    if target.is_dir():
        shutil.rmtree(target)
    print(f"  {name}: generating {shown(target)} ...", end="", flush=True)
    t0 = time.perf_counter()
    rows = make()
    timings[name] = time.perf_counter() - t0
    print(f" {rows:,} rows in {timings[name]:.1f} s")
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(params))


# ---------------------------------------------------------------------------------------------
# the tool under test
# ---------------------------------------------------------------------------------------------
def checker_command(env: dict[str, str]) -> tuple[list[str] | None, str]:
    """The roster-check command: the script next to this interpreter, else `python -m checker`
    from the repo.  Returns (argv or None, note)."""
    candidates: list[list[str]] = []
    script = Path(sys.executable).with_name("roster-check")
    if script.exists():
        candidates.append([str(script)])
    candidates.append([sys.executable, "-m", "checker"])
    notes = []
    for cmd in candidates:
        try:
            p = subprocess.run(
                [*cmd, "--help"],
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            notes.append(f"{' '.join(cmd)}: {exc}")
            continue
        if p.returncode == 0:
            return cmd, " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))
        notes.append(
            f"{' '.join(cmd)} --help exited {p.returncode}: {last_line(p.stderr or p.stdout)}"
        )
    return None, "; ".join(notes)


def option_rejected(run: Run, option: str) -> bool:
    err = run.stderr.lower()
    return run.rc == 2 and (
        "no such option" in err
        or "unrecognized argument" in err
        or (option in err and ("unknown" in err or "invalid" in err))
    )


def checker_summary(out: Path) -> str:
    try:
        doc = json.loads(out.read_text())
        s = doc.get("summary", {})
        rows = sum((r.get("rows") or {}).get("read", 0) for r in doc.get("results", []))
        return (
            f"{s.get('files', len(doc.get('results', [])))} file(s), "
            f"{s.get('meetings', '?')} meetings, {rows:,} rows read"
        )
    except (OSError, ValueError, AttributeError, TypeError) as exc:
        return f"JSON output not readable ({exc.__class__.__name__})"


# ---------------------------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    def ver(dist: str) -> str | None:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pandas": ver("pandas"),
        "python-calamine": ver("python-calamine"),
        "openpyxl": ver("openpyxl"),
        "roster-check": ver("roster-check"),
    }


def fmt_ratio(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}x"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement, best kept (3)")
    ap.add_argument("--jobs", type=int, default=2, help="--jobs given to the batch check (2)")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON to FILE")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--data", default=str(BENCH / "data"), help="data folder (bench/data)")
    ap.add_argument("--year-rows", type=int, default=100_000)
    ap.add_argument("--annotate-rows", type=int, default=10_000)
    ap.add_argument("--batch-files", type=int, default=200)
    ap.add_argument("--rows", type=int, default=400, help="rows per monthly roster (400)")
    ap.add_argument(
        "--report",
        action="store_true",
        help="also time `roster-check report` over a 2,000-file tree",
    )
    ap.add_argument("--report-missions", type=int, default=200)
    ap.add_argument("--report-months", type=int, default=10)
    ap.add_argument("--report-repeat", type=int, default=1)
    ap.add_argument(
        "--report-baseline",
        action="store_true",
        help="with --report, also time a serial read-only loop over the tree",
    )
    ap.add_argument("--only-data", action="store_true", help="generate the data and stop")
    a = ap.parse_args(argv)
    repeat = max(1, a.repeat)

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    # The checker's bytecode, as pip compiles it when it installs the package: without it
    # (PYTHONDONTWRITEBYTECODE) every run would compile its ~60 modules again (~0.05 s).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "checker")],
                   stdout=subprocess.DEVNULL, check=False)  # fmt: skip

    m = machine()
    print("roster-check benchmark")
    print(f"machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['os']}")
    print(
        f"python {m['python']}, pandas {m['pandas']}, python-calamine {m['python-calamine']},"
        f" openpyxl {m['openpyxl']}"
    )

    data = Path(a.data).resolve()
    year = data / f"ETH_{generate.YEAR}.xlsx"
    batch = data / "batch"
    tree = data / "report"
    gen_times: dict[str, float] = {}
    print("data:")
    ensure(
        data,
        "year",
        {"rows": a.year_rows},
        lambda: generate.make_year(year, a.year_rows),
        year,
        gen_times,
    )
    annotated = data / "annotate" / f"ETH_{generate.YEAR}.xlsx"  # the name gives the period
    ensure(
        data,
        "annotate",
        {"rows": a.annotate_rows},
        lambda: generate.make_year(annotated, a.annotate_rows),
        annotated,
        gen_times,
    )
    ensure(
        data,
        "batch",
        {"n": a.batch_files, "rows": a.rows},
        lambda: generate.make_batch(batch, a.batch_files, a.rows),
        batch,
        gen_times,
    )

    cmd, note = checker_command(env)
    if cmd:
        print(f"tool: {note}")
    else:
        print(f"tool: roster-check NOT AVAILABLE ({note}); printing the baselines only")

    report_cmd_ok = False
    if a.report:
        if cmd:
            p = subprocess.run(
                [*cmd, "report", "--help"],
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            report_cmd_ok = p.returncode == 0
        if report_cmd_ok or a.report_baseline:
            ensure(
                data,
                "report",
                {"missions": a.report_missions, "months": a.report_months, "rows": a.rows},
                lambda: generate.make_report_tree(tree, a.report_missions, a.report_months, a.rows),
                tree,
                gen_times,
            )
    if a.only_data:
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="roster-bench-"))
    results: dict[str, Any] = {}
    rows_out: list[dict[str, Any]] = []
    notes: list[str] = []
    try:
        py = sys.executable
        base_one = Measure([py, "-c", READ_ONE, str(year)])
        base_loop = Measure([py, "-c", READ_LOOP, str(batch)])
        # Calamine's own CPU per file: the loop over the batch less the loop over its first
        # file (interpreter start-up and imports cancel out); the checker's likewise.
        first = sorted(batch.glob("*.xlsx"))[0]
        cal_loop = Measure([py, "-c", CALAMINE_LOOP, str(batch)])
        cal_first = Measure([py, "-c", CALAMINE_LOOP, str(first)])
        chk_first: Measure | None = None
        startup = Measure([py, "-c", "pass"])
        base_copy = Measure([py, "-c", OPENPYXL_COPY, str(annotated), str(tmp / "copy.xlsx")])
        chk_annotate: Measure | None = None
        out_one, out_batch = tmp / "single.json", tmp / "batch.json"
        chk_one = chk_batch = chk_help = None
        if cmd:
            chk_one = Measure(
                [*cmd, "check", str(year), "--format", "json", "--output", str(out_one)]
            )
            batch_argv = [*cmd, "check", str(batch), "--format", "json", "--output", str(out_batch)]
            if a.jobs:
                probe = run_once(
                    [
                        *cmd,
                        "check",
                        str(next(iter(sorted(batch.glob("*.xlsx"))))),
                        "--jobs",
                        str(a.jobs),
                        "--format",
                        "json",
                        "--output",
                        str(tmp / "probe.json"),
                    ],
                    env,
                )
                if option_rejected(probe, "--jobs"):
                    notes.append(
                        f"`check --jobs` is not accepted yet: batch (b) ran without it"
                        f" ({last_line(probe.stderr)})"
                    )
                else:
                    at = len(cmd) + 2  # after `check FOLDER`
                    batch_argv[at:at] = ["--jobs", str(a.jobs)]
            chk_batch = Measure(batch_argv)
            chk_first = Measure(
                [*cmd, "check", str(first), "--format", "json", "--output", str(tmp / "first.json")]
            )
            chk_help = Measure([*cmd, "--help"])
            chk_annotate = Measure([*cmd, "annotate", str(annotated), "-o", str(tmp / "ann.xlsx")])

        def measure(ms: list[Measure | None], label: str, times: int) -> None:
            if times <= 0:
                return
            print(f"  {label}: ", end="", flush=True)
            for i in range(times):
                print(f"{i + 1} ", end="", flush=True)
                for j, mm in enumerate(ms):
                    if mm is None:
                        continue
                    r = run_once(mm.argv, env)
                    if r.rc in (0, 1):  # check exits 1 when the roster has errors
                        mm.runs.append(r)
                    else:  # exit 2 (or a crash): the figure would mean nothing
                        msg = " ".join(Path(x).name for x in mm.argv[:4])
                        notes.append(f"{label}: `{msg} ...` exited {r.rc}: {last_line(r.stderr)}")
                        ms[j] = None
            print("done")

        print(f"measuring (best of {repeat}):")
        single: list[Measure | None] = [base_one, chk_one]
        measure(single, "(a) single 100k-row workbook", repeat)
        chk_one = single[1]
        batch_ms: list[Measure | None] = [base_loop, chk_batch, cal_loop, chk_first, cal_first]
        measure(batch_ms, f"(b) {a.batch_files}-file batch", repeat)
        chk_batch, chk_first = batch_ms[1], batch_ms[3]
        help_ms: list[Measure | None] = [startup, chk_help]
        measure(help_ms, "(d) --help", max(repeat, 5))
        chk_help = help_ms[1]
        annotate_ms: list[Measure | None] = [base_copy, chk_annotate]
        measure(annotate_ms, f"(e) annotate {a.annotate_rows:,} rows", repeat)
        chk_annotate = annotate_ms[1]

        def row(
            name: str, key: str, chk: Measure | None, base: Measure | None, target: float, kind: str
        ) -> None:
            """kind: 'time' (ratio of seconds), 'mem' (ratio of peaks), 'abs' (seconds)."""
            d: dict[str, Any] = {"measurement": name, "key": key, "kind": kind, "target": target}
            if base and base.ok:
                d["baseline_seconds"] = base.seconds
                d["baseline_peak_mb"] = base.peak_mb
                d["baseline_tree_rss_mb"] = base.tree_rss_mb
                d["baseline_cpu_seconds"] = base.cpu
                d["baseline_cpu_range"] = base.cpu_range
            if chk and chk.ok:
                d["seconds"] = chk.seconds
                d["peak_mb"] = chk.peak_mb
                d["tree_rss_mb"] = chk.tree_rss_mb
                d["cpu_seconds"] = chk.cpu
                d["cpu_range"] = chk.cpu_range
                if kind == "time" and base and base.ok:
                    d["ratio"] = chk.seconds / base.seconds
                    d["cpu_ratio"] = chk.cpu / base.cpu
                elif kind == "mem" and base and base.ok:
                    d["ratio"] = chk.peak_mb / base.peak_mb
                value = d["seconds"] if kind == "abs" else d.get("ratio")
                d["pass"] = None if value is None else value <= target
            else:
                d["pass"] = None
            rows_out.append(d)

        jobs_txt = (
            "" if chk_batch is None or "--jobs" not in chk_batch.argv else f", --jobs {a.jobs}"
        )
        row(
            f"(a) check {a.year_rows:,}-row year workbook",
            "a",
            chk_one,
            base_one,
            TARGET_SINGLE,
            "time",
        )
        row(
            f"(b) check {a.batch_files}-file batch{jobs_txt}",
            "b",
            chk_batch,
            base_loop,
            TARGET_BATCH,
            "time",
        )
        n_batch = sum(1 for _ in batch.glob("*.xlsx"))
        if chk_batch and chk_batch.ok and chk_first and chk_first.ok and n_batch > 1:
            # CPU time rather than wall time: the figure holds on a loaded machine.
            own = (chk_batch.cpu - chk_first.cpu) / (n_batch - 1)
            floor = (cal_loop.cpu - cal_first.cpu) / (n_batch - 1)
            rows_out.append({
                "measurement": "(b) CPU per file, over calamine's own",
                "key": "b_cpu", "kind": "cpu", "target": TARGET_CPU_PER_FILE,
                "ms_per_file": own * 1000, "calamine_ms_per_file": floor * 1000,
                "ratio": own / floor, "pass": own / floor <= TARGET_CPU_PER_FILE,
            })  # fmt: skip
        row("(c) peak memory, single workbook", "c_single", chk_one, base_one, TARGET_MEMORY, "mem")
        row("(c) peak memory, batch", "c_batch", chk_batch, base_loop, TARGET_MEMORY, "mem")
        row("(d) roster-check --help", "d", chk_help, startup, TARGET_HELP, "abs")
        row(
            f"(e) annotate {a.annotate_rows:,}-row workbook",
            "e",
            chk_annotate,
            base_copy,
            TARGET_ANNOTATE,
            "time",
        )

        if chk_one and chk_one.ok:
            results["single_output"] = checker_summary(out_one)
        if chk_batch and chk_batch.ok:
            results["batch_output"] = checker_summary(out_batch)

        report: dict[str, Any] | None = None
        if a.report:
            report = {"target_seconds": TARGET_REPORT}
            if not cmd:
                report["skipped"] = "roster-check is not available"
            elif not report_cmd_ok:
                report["skipped"] = (
                    "`roster-check report` is not available yet "
                    "(`roster-check report --help` did not exit 0)"
                )
            if report_cmd_ok and cmd:
                n_files = sum(1 for _ in tree.rglob("*.xlsx"))
                report["files"] = n_files
                argv_r = [*cmd, "report", str(tree), "--output", str(tmp / "report.out")]
                print(f"  report over {n_files:,} files: run 1 ...", flush=True)
                first = run_once(argv_r, env)
                if option_rejected(first, "--output"):
                    argv_r = [*cmd, "report", str(tree)]
                    first = run_once(argv_r, env)
                rep = Measure(argv_r)
                rs: list[Measure | None] = [rep]
                if first.rc in (0, 1):
                    rep.runs.append(first)
                    measure(rs, f"report over {n_files:,} files", max(1, a.report_repeat) - 1)
                else:
                    notes.append(f"report: exited {first.rc}: {last_line(first.stderr)}")
                    rs[0] = None
                if rs[0] and rs[0].ok:
                    report.update(
                        seconds=rep.seconds,
                        peak_mb=rep.peak_mb,
                        cpu_seconds=rep.cpu,
                        argv=argv_r[len(cmd) :],
                        **{"pass": rep.seconds < TARGET_REPORT},
                    )
            if a.report_baseline and tree.exists():
                bl = Measure([py, "-c", READ_LOOP, str(tree)])
                bs: list[Measure | None] = [bl]
                measure(bs, "report tree read-only loop", 1)
                if bs[0] and bs[0].ok:
                    report.update(baseline_seconds=bl.seconds, baseline_peak_mb=bl.peak_mb)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # ---- print ------------------------------------------------------------------------------
    print()
    hdr = (
        f"{'measurement':44} {'seconds':>8} {'baseline':>9} {'ratio':>7} {'target':>8} "
        f"{'result':>6} {'peak MB':>8} {'base MB':>8} {'CPU ratio':>9}"
    )
    print(hdr)
    print("-" * len(hdr))
    for d in rows_out:
        if d["kind"] == "mem":
            val = f"{d['peak_mb']:.0f}MB" if "peak_mb" in d else "n/a"
            base = f"{d['baseline_peak_mb']:.0f}MB" if "baseline_peak_mb" in d else "n/a"
        elif d["kind"] == "cpu":
            val = f"{d['ms_per_file']:.2f}ms"
            base = f"{d['calamine_ms_per_file']:.2f}ms"
        else:
            val = f"{d['seconds']:.3f}" if "seconds" in d else "n/a"
            base = f"{d['baseline_seconds']:.3f}" if "baseline_seconds" in d else "n/a"
        target = f"<={d['target']}s" if d["kind"] == "abs" else f"<={d['target']}x"
        result = {True: "PASS", False: "FAIL", None: "n/a"}[d["pass"]]
        peak = f"{d['peak_mb']:.0f}" if "peak_mb" in d and d["kind"] != "mem" else ""
        bpeak = (
            f"{d['baseline_peak_mb']:.0f}" if "baseline_peak_mb" in d and d["kind"] != "mem" else ""
        )
        print(
            f"{d['measurement']:44} {val:>8} {base:>9} {fmt_ratio(d.get('ratio')):>7} "
            f"{target:>8} {result:>6} {peak:>8} {bpeak:>8} {fmt_ratio(d.get('cpu_ratio')):>9}"
        )
    for d in rows_out:
        if "cpu_range" in d and "baseline_cpu_range" in d and d["kind"] == "time":
            print(
                f"{d['measurement']}: CPU {d['cpu_seconds']:.2f} s"
                f" ({d['cpu_range'][0]:.2f}-{d['cpu_range'][1]:.2f}) against"
                f" {d['baseline_cpu_seconds']:.2f} s"
                f" ({d['baseline_cpu_range'][0]:.2f}-{d['baseline_cpu_range'][1]:.2f}),"
                f" medians of {repeat}"
            )
    for d in rows_out:
        if d["kind"] == "mem" and "tree_rss_mb" in d and "baseline_tree_rss_mb" in d:
            print(
                f"{d['measurement']}, summed RSS instead of PSS (shared pages counted in every"
                f" process): {d['tree_rss_mb']:.0f}MB / {d['baseline_tree_rss_mb']:.0f}MB ="
                f" {d['tree_rss_mb'] / d['baseline_tree_rss_mb']:.2f}x"
            )
    print(
        "baselines: (a) pandas.read_excel(engine='calamine', header=None) of the same file;"
        " (b) the same, serially over every file; (d) bare `python -c pass` (for reference);"
        " (e) openpyxl.load_workbook(rich_text=True) and save of the same file;"
        " CPU per file: python_calamine alone (to_python of every visible sheet), each loop"
        " less the same command on the first file."
    )
    for k in ("single_output", "batch_output"):
        if k in results:
            print(f"check {k.split('_')[0]} output: {results[k]}")
    if report is not None:
        if "skipped" in report:
            print(f"report: SKIPPED: {report['skipped']}")
        if "seconds" in report:
            print(
                f"report over {report['files']:,} files: {report['seconds']:.1f} s "
                f"(target < {TARGET_REPORT:.0f} s) "
                f"{'PASS' if report['pass'] else 'FAIL'}, peak {report['peak_mb']:.0f} MB"
            )
        if "baseline_seconds" in report:
            print(
                f"report tree read-only loop: {report['baseline_seconds']:.1f} s, "
                f"peak {report['baseline_peak_mb']:.0f} MB"
            )
    if gen_times:
        print("generation: " + ", ".join(f"{k} {v:.1f} s" for k, v in gen_times.items()))
    for n in notes:
        print(f"note: {n}")
    if not cmd:
        print("note: roster-check is not available: only the baselines were measured")

    failed = [d["measurement"] for d in rows_out if d["pass"] is False]
    missing = [d["measurement"] for d in rows_out if d["pass"] is None]
    if report is not None and report.get("pass") is False:
        failed.append("report")
    if a.json:
        doc = {
            "machine": m,
            "repeat": repeat,
            "jobs": a.jobs,
            "targets": {
                "a": TARGET_SINGLE,
                "b": TARGET_BATCH,
                "b_cpu": TARGET_CPU_PER_FILE,
                "c": TARGET_MEMORY,
                "d": TARGET_HELP,
                "e": TARGET_ANNOTATE,
                "report": TARGET_REPORT,
            },
            "measurements": rows_out,
            "report": report,
            "outputs": results,
            "generation_seconds": gen_times,
            "notes": notes,
            "tool_available": bool(cmd),
        }
        Path(a.json).write_text(json.dumps(doc, indent=2) + "\n")
        print(f"figures written to {a.json}")
    if a.strict and (failed or missing):
        print(f"strict: missed {', '.join(failed + missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
