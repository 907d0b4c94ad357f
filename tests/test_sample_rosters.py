"""End-to-end: run `roster-check check FILE --format json` on every bundled sample roster and
test fixture and compare with the golden file tests/expected/<stem>.json.

The inputs are made by scripts/make_rosters.py from the data files in scripts/samples/; the
expected files were worked out by hand from CONTRACT.md (see each file's "notes"). A golden file
holds: status, rows {read, used, skipped, rejected}, verdict counts, the sorted [code, cell]
findings (cell null for file-level findings), those of them a profile's waiver covers, the exit
status, mission/period, and the meetings as [date, platform, sector, level, verdict]. Rosters of
a mission with an example profile are checked under it: sample_rosters/roster-check.toml names
schemas/profiles/examples/ as their folder of profiles.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_rosters"
FIXTURES = ROOT / "tests" / "fixtures"
EXPECTED = ROOT / "tests" / "expected"
ROSTER_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}
VERDICTS = ("compliant", "absent", "wrong_level", "undetermined")
# A hostile file (entity bomb, huge file) must not hang the checker.
TIMEOUT_SECONDS = 60


def roster_files() -> list[Path]:
    files = [
        p
        for folder in (SAMPLES, FIXTURES)
        for p in sorted(folder.iterdir())
        if p.is_file() and p.suffix.lower() in ROSTER_SUFFIXES
    ]
    return files


CASES = roster_files()


def case_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def run_cli(args: list[str]) -> Result:
    """Invoke the CLI in a daemon thread so that a hang fails the test instead of blocking."""
    from checker.cli import main  # imported here: collection must not depend on the checker

    outcome: dict[str, Result] = {}

    def invoke() -> None:
        outcome["result"] = CliRunner().invoke(main, args, catch_exceptions=True)

    worker = threading.Thread(target=invoke, daemon=True)
    worker.start()
    worker.join(TIMEOUT_SECONDS)
    if worker.is_alive():
        pytest.fail(f"roster-check {' '.join(args)} did not finish within {TIMEOUT_SECONDS}s")
    return outcome["result"]


def stdout_of(result: Result) -> str:
    try:
        return result.stdout
    except ValueError:  # click < 8.2 without mix_stderr=False
        return result.output


def assert_clean_exit(result: Result, allowed: tuple[int, ...] = (0, 1)) -> None:
    # SystemExit is how click reports the exit status; anything else escaped the tool.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"the checker raised {result.exception!r}") from result.exception
    assert "Traceback" not in result.output
    assert result.exit_code in allowed, result.output


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sorted_findings(
    findings: list[dict[str, Any]] | list[list[Any]],
) -> list[tuple[str, str | None]]:
    pairs = [(f["code"], f.get("cell")) if isinstance(f, dict) else (f[0], f[1]) for f in findings]
    return sorted(pairs, key=lambda pair: (pair[0], pair[1] or ""))


def golden_path(path: Path) -> Path:
    """tests/expected/<stem>.json; <name>.json where two inputs share a stem (roster.csv/.ods)."""
    by_name = EXPECTED / f"{path.name}.json"
    return by_name if by_name.exists() else EXPECTED / f"{path.stem}.json"


def load_expected(path: Path) -> dict[str, Any]:
    expected_path = golden_path(path)
    assert expected_path.exists(), f"no golden file {expected_path.relative_to(ROOT)}"
    return json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports() -> dict[Path, tuple[Result, dict[str, Any] | None, str, str]]:
    """One CLI run per file, shared by the tests: (result, parsed JSON, hash before, after)."""
    return {}


def check_file(path: Path, cache: dict[Path, Any]) -> tuple[Result, dict[str, Any], str, str]:
    if path not in cache:
        before = sha256(path)
        result = run_cli(["check", str(path), "--format", "json"])
        after = sha256(path)
        try:
            report = json.loads(stdout_of(result))
        except json.JSONDecodeError as exc:
            raise AssertionError(f"output is not JSON: {exc}\n{result.output[:2000]}") from exc
        cache[path] = (result, report, before, after)
    return cache[path]


def the_result(report: dict[str, Any], path: Path) -> dict[str, Any]:
    assert report["schema_version"] == 1
    assert len(report["results"]) == 1, report["results"]
    result = report["results"][0]
    assert Path(result["path"]).name == path.name
    return result


def test_every_input_has_a_golden_file_and_back() -> None:
    used = [golden_path(p) for p in CASES]
    assert len(set(used)) == len(CASES), "two inputs share a golden file"
    assert set(used) == set(EXPECTED.glob("*.json"))


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_check_matches_golden_file(path: Path, reports: dict[Path, Any]) -> None:
    expected = load_expected(path)
    result, report, before, after = check_file(path, reports)

    assert_clean_exit(result)
    assert before == after, "checking modified the input file"
    got = the_result(report, path)

    assert got["status"] == expected["status"]
    assert sorted_findings(got["findings"]) == sorted_findings(expected["findings"])
    assert got["rows"] == expected["rows"]
    rows = got["rows"]
    assert rows["read"] == rows["used"] + rows["skipped"] + rows["rejected"]

    counts = {"meetings": got["summary"]["meetings"], **{v: got["summary"][v] for v in VERDICTS}}
    # not_applicable: meetings a country profile leaves out (0 in most golden files)
    counts["not_applicable"] = got["summary"]["not_applicable"]
    assert counts == {"not_applicable": 0, **expected["verdicts"]}
    # the summary agrees with the meetings listed
    assert len(got["meetings"]) == counts["meetings"]
    assert Counter(m["verdict"] for m in got["meetings"]) == Counter(
        {v: n for v, n in counts.items() if v != "meetings" and n}
    )
    waived = [f for f in got["findings"] if f.get("waived")]
    assert sorted_findings(waived) == sorted_findings(expected.get("waived", []))
    assert all(f["waiver_reason"] for f in waived)
    assert result.exit_code == expected["exit_code"]
    for key in ("mission", "period"):
        if key in expected:
            assert got[key] == expected[key], key


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_meetings_match_golden_file(path: Path, reports: dict[Path, Any]) -> None:
    """Same run, finer grain: each meeting's date, platform, sector, level and verdict."""
    expected = load_expected(path)
    _, report, _, _ = check_file(path, reports)
    got = the_result(report, path)
    meetings = sorted(
        [m["date"], m["platform"], m.get("sector"), m["level"], m["verdict"]]
        for m in got["meetings"]
    )
    assert meetings == expected["meetings"]


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_findings_point_at_real_cells(path: Path, reports: dict[Path, Any]) -> None:
    """Every finding with a cell names the sheet, row and column that make up that cell."""
    _, report, _, _ = check_file(path, reports)
    got = the_result(report, path)
    for finding in got["findings"]:
        if finding.get("cell") is None or finding.get("column") is None:
            continue
        sheet, _, ref = finding["cell"].rpartition("!")
        if sheet.startswith("'"):  # Excel quotes sheet names with spaces: 'Cluster meetings'!B4
            sheet = sheet[1:-1].replace("''", "'")
        assert (sheet, ref) == (finding["sheet"], f"{finding['column']}{finding['row']}")


def test_sample_folder_reports_every_file() -> None:
    files = sorted(p for p in SAMPLES.iterdir() if p.suffix.lower() in ROSTER_SUFFIXES)
    hashes = {p: sha256(p) for p in files}
    result = run_cli(["check", str(SAMPLES), "--format", "json"])
    assert_clean_exit(result, allowed=(1,))
    report = json.loads(stdout_of(result))
    names = sorted(Path(r["path"]).name for r in report["results"])
    assert names == [p.name for p in files]
    assert report["summary"]["files"] == len(files)
    statuses = Counter(r["status"] for r in report["results"])
    for status in ("compliant", "non_compliant", "invalid", "unreadable"):
        assert report["summary"][status] == statuses.get(status, 0)
    # the same answer as file by file
    for r in report["results"]:
        expected = load_expected(Path(r["path"]))
        assert r["status"] == expected["status"], r["path"]
        assert sorted_findings(r["findings"]) == sorted_findings(expected["findings"]), r["path"]
    assert {p: sha256(p) for p in files} == hashes
