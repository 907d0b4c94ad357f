"""--select/--ignore (codes and prefixes, as ruff does) and --baseline/--write-baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from checker.cli import main
from checker.selection import Selection, parse_codes
from tests.conftest import ATTENDANCE_HEADER

ROOT = Path(__file__).resolve().parent.parent
ETH = ROOT / "sample_rosters" / "ETH_2026-10.xlsx"


def run(*args: str) -> tuple[int, dict[str, Any] | str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    out = result.stdout
    return result.exit_code, json.loads(out) if "--format" in args else out, result.stderr


def codes_of(report: dict[str, Any]) -> list[str]:
    return [f["code"] for r in report["results"] for f in r["findings"]]


@pytest.mark.parametrize(
    ("select", "ignore", "code", "wanted"),
    [((), (), "C302", True),
     (("C3",), (), "C302", True),
     (("C3",), (), "S205", False),
     (("C3", "S205"), (), "S205", True),
     ((), ("C3",), "C302", False),
     ((), ("C3",), "S207", True),
     (("C3",), ("C302",), "C302", False),   # the more specific prefix wins
     (("C302",), ("C3",), "C302", True),
     (("C3",), ("C3",), "C301", False),     # a tie: ignore wins
     (("C",), ("C30",), "C307", False)],
)  # fmt: skip
def test_the_longest_matching_prefix_decides(select, ignore, code, wanted):
    assert Selection(select, ignore).wants(code) is wanted


def test_codes_are_comma_separated_and_or_repeated():
    assert parse_codes(["c3,S205", " S207 ", ""]) == ("C3", "S205", "S207")


def test_select_keeps_only_the_selected_codes():
    code, report, _ = run("check", str(ETH), "--select", "C3", "--ignore", "C302,C304",
                          "--format", "json")  # fmt: skip
    # (ETH's profile designates the Emergency Coordinator, so there is no C305.)
    assert sorted(set(codes_of(report))) == ["C301", "C303"]
    assert code == 1


def test_status_summary_and_exit_status_follow_the_selection():
    # ETH's problems are all C3xx and S205: ignoring both leaves a compliant roster.
    code, report, _ = run("check", str(ETH), "--ignore", "C3", "--ignore", "S2",
                          "--format", "json")  # fmt: skip
    assert codes_of(report) == []
    result = report["results"][0]
    assert result["status"] == "compliant"
    assert result["summary"]["errors"] == 0
    assert result["summary"]["wrong_level"] == 4  # verdicts are not findings: they stay
    assert code == 0


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_a_prefix_that_names_no_code_exits_2(option):
    code, _, err = run("check", str(ETH), option, "X9")
    assert code == 2
    assert "X9" in err and len(err.strip().splitlines()) == 1


# --- baseline ----------------------------------------------------------------------------


def write_roster(path: Path, rows: list[list[Any]], title_rows: int = 0) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Roster"
    for _ in range(title_rows):
        sheet.append(["Attendance roster, October 2026"])
    sheet.append(ATTENDANCE_HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def iom(date: str, platform: str, title: str, name: str = "A. Staff") -> list[Any]:
    return [date, platform, "National", "Capital", name, "IOM", title, "", "Member"]


def other(date: str, platform: str) -> list[Any]:
    return [date, platform, "National", "Capital", "B. Partner", "OCHA", "Head of Office", "",
            "Chair"]  # fmt: skip


# C302 at the HCT and C301 at the SMT, both to be accepted; the UNCT is compliant.
MONTH = [
    iom("2026-10-05", "HCT", "Programme Officer"),
    other("2026-10-08", "SMT"),
    iom("2026-10-12", "UNCT", "Chief of Mission"),
]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_baseline_round_trip_fails_only_on_a_new_finding(workdir):
    roster = write_roster(workdir / "NER_2026-10.xlsx", MONTH)
    code, report, _ = run("check", roster.name, "--write-baseline", "baseline.json",
                          "--format", "json")  # fmt: skip
    assert code == 0  # everything just recorded is accepted
    recorded = json.loads((workdir / "baseline.json").read_text(encoding="utf-8"))
    assert sorted(e["code"] for e in recorded["findings"]) == ["C301", "C302"]
    assert all(f["baseline"] for r in report["results"] for f in r["findings"])

    code, report, _ = run("check", roster.name, "--baseline", "baseline.json", "--format", "json")
    assert code == 0
    assert sorted(codes_of(report)) == ["C301", "C302"]  # still reported, as accepted

    # A title row above the table moves every row down; a new wrong level at the OMT.
    write_roster(roster, [*MONTH, iom("2026-10-20", "OMT", "Chief of Mission")], title_rows=1)
    code, report, _ = run("check", roster.name, "--baseline", "baseline.json", "--format", "json")
    assert code == 1
    new = [(f["code"], f["cell"]) for r in report["results"] for f in r["findings"]
           if not f.get("baseline")]  # fmt: skip
    assert new == [("C302", "Roster!G6")]
    assert report["results"][0]["summary"]["errors"] == 3  # the roster as it is


def test_a_finding_recorded_once_is_accepted_once(workdir):
    typo = iom("2026-10-05", "HCT", "Cheif of Mission")
    roster = write_roster(workdir / "NER_2026-10.xlsx", [typo])
    run("check", roster.name, "--write-baseline", "baseline.json")
    write_roster(roster, [typo, iom("2026-10-14", "HCT", "Cheif of Mission", "C. Staff")])
    code, report, _ = run("check", roster.name, "--baseline", "baseline.json", "--format", "json")
    assert code == 1
    s205 = [f for r in report["results"] for f in r["findings"] if f["code"] == "S205"]
    assert [bool(f.get("baseline")) for f in s205] == [True, False]


def test_a_baselined_warning_does_not_fail_on_warning(workdir):
    roster = write_roster(workdir / "NER_2026-10.xlsx",
                          [iom("2026-09-30", "HCT", "Chief of Mission")])  # fmt: skip
    assert run("check", roster.name, "--fail-on", "warning")[0] == 1  # S207 out of period
    run("check", roster.name, "--write-baseline", "baseline.json")
    assert run("check", roster.name, "--fail-on", "warning", "--baseline", "baseline.json")[0] == 0


def test_text_output_marks_accepted_findings(workdir):
    roster = write_roster(workdir / "NER_2026-10.xlsx", MONTH)
    run("check", roster.name, "--write-baseline", "baseline.json")
    _, out, _ = run("check", roster.name, "--baseline", "baseline.json")
    assert "C302" in out and "[baseline]" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read the baseline"),
     ("{not json", "not JSON"),
     ('{"findings": []}', "not a roster-check baseline"),
     ('{"roster_check_baseline": 1, "findings": {}}', "must be a list")],
)  # fmt: skip
def test_an_unreadable_baseline_exits_2_with_one_line(workdir, content, message):
    if content is not None:
        (workdir / "baseline.json").write_text(content, encoding="utf-8")
    code, _, err = run("check", str(ETH), "--baseline", "baseline.json")
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_selection_and_baseline_keep_the_reports_language(workdir):
    roster = write_roster(workdir / "NER_2026-10.xlsx", MONTH)
    _, selected, _ = run("check", roster.name, "--select", "C3", "--lang", "fr", "--format",
                         "json")  # fmt: skip
    _, accepted, _ = run("check", roster.name, "--write-baseline", "baseline.json", "--lang",
                         "fr", "--format", "json")  # fmt: skip
    assert (selected["lang"], accepted["lang"]) == ("fr", "fr")
