"""The command line: exit codes, outputs, and messages on bad input (never a traceback)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_rosters"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_compliant_roster_exits_0():
    code, out, _ = run("check", str(SAMPLES / "KEN_2026-10.xlsx"))
    assert code == 0
    assert (
        "KEN_2026-10.xlsx: mission KEN, period 2026-10, profile KEN "
        "(schemas/profiles/examples/KEN.yaml), compliant" in out
    )


def test_non_compliant_roster_exits_1_and_names_cells():
    code, out, _ = run("check", str(SAMPLES / "ETH_2026-10.xlsx"))
    assert code == 1
    assert "Attendance!G4 C302" in out


@pytest.mark.parametrize(("fail_on", "expected"), [("never", 0), ("error", 0), ("info", 1)])
def test_fail_on_threshold(fail_on, expected):
    # KEN has one info finding (C307) and nothing worse.
    code, _, _ = run("check", str(SAMPLES / "KEN_2026-10.xlsx"), "--fail-on", fail_on)
    assert code == expected


def test_json_follows_the_contract():
    code, out, _ = run("check", str(SAMPLES / "ETH_2026-10.xlsx"), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert data["tool"] == {"name": "roster-check", "version": "0.1.0"}
    result = data["results"][0]
    assert {"path", "mission", "period", "status", "rows", "meetings", "findings",
            "summary"} <= result.keys()  # fmt: skip
    assert set(result["rows"]) == {"read", "used", "skipped", "rejected"}
    meeting = result["meetings"][0]
    assert {"id", "date", "platform", "sector", "level", "location", "verdict", "required",
            "iom_attendees"} <= meeting.keys()  # fmt: skip
    assert {"name", "title", "role", "capacity", "sheet", "row"} <= meeting["iom_attendees"][
        0
    ].keys()
    finding = result["findings"][0]
    assert {"code", "rule", "severity", "message", "sheet", "row", "column", "cell", "meeting_id",
            "meeting_date", "platform", "value", "suggestion"} <= finding.keys()  # fmt: skip
    assert {"meetings", "compliant", "absent", "wrong_level", "undetermined", "compliance_rate",
            "errors", "warnings", "infos"} <= result["summary"].keys()  # fmt: skip
    assert set(data["summary"]) == {"files", "compliant", "non_compliant", "invalid", "unreadable",
                                    "meetings", "compliance_rate"}  # fmt: skip
    summary = result["summary"]
    assessed = summary["meetings"] - summary["undetermined"]
    assert summary["compliance_rate"] == round(summary["compliant"] / assessed, 3)


def test_output_file_is_written_and_stdout_stays_empty(tmp_path):
    target = tmp_path / "report.json"
    code, out, _ = run("check", str(SAMPLES), "--format", "json", "--output", str(target))
    assert code == 1
    assert out == ""
    rosters = [p for p in SAMPLES.iterdir() if p.suffix == ".xlsx"]
    assert json.loads(target.read_text())["summary"]["files"] == len(rosters)
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary left behind


def test_mission_and_period_options_win_over_the_file_name():
    _, out, _ = run("check", str(SAMPLES / "KEN_2026-10.xlsx"), "--format", "json",
                       "--mission", "som", "--period", "2026-11")  # fmt: skip
    result = json.loads(out)["results"][0]
    assert (result["mission"], result["period"]) == ("SOM", "2026-11")
    assert {f["code"] for f in result["findings"]} >= {"S207"}


@pytest.mark.parametrize(
    ("args", "message"),
    [(["check", "nowhere.xlsx"], "nowhere.xlsx: no such file or folder"),
     (["check", str(SAMPLES), "--period", "October"], "YYYY-MM"),
     (["check", str(SAMPLES), "--mission", "Ethiopia!"], "mission"),
     (["check", str(SAMPLES), "--format", "pdf"], "pdf"),
     (["check", str(SAMPLES), "--output", "/no/such/folder/out.json"], "does not exist")],
)  # fmt: skip
def test_tool_errors_exit_2_with_a_message(args, message):
    code, _, err = run(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_folder_without_rosters_exits_2(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing here")
    code, _, err = run("check", str(tmp_path))
    assert code == 2
    assert "no roster files" in err


BROKEN_DATA = {
    # file: (text replaced, by, what the message names)
    "representation.yaml": ("required_roles: [RMO]", "required_roles: RMO",
                            "platforms.OMT.required_roles"),
    # columns.yaml is also read, unvalidated, before batch workers start
    "columns.yaml": ("  date:\n    required: true", "  date:\n    required: [true]",
                     "columns.date.required"),
}  # fmt: skip


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("broken_file", sorted(BROKEN_DATA))
def test_broken_data_file_exits_2_with_file_and_line(broken_file, jobs, tmp_path, monkeypatch):
    from checker import config, vocabulary

    data = tmp_path / "schemas"
    data.mkdir()
    for name in ("vocabulary.yaml", "representation.yaml", "columns.yaml", "rules.yaml"):
        (data / name).write_text((ROOT / "schemas" / name).read_text(encoding="utf-8"),
                                 encoding="utf-8")  # fmt: skip
    old, new, key = BROKEN_DATA[broken_file]
    text = (data / broken_file).read_text(encoding="utf-8")
    assert old in text
    (data / broken_file).write_text(text.replace(old, new), encoding="utf-8")
    rosters = tmp_path / "rosters"
    rosters.mkdir()
    for name in ("KEN_2026-10.xlsx", "ETH_2026-10.xlsx", "COD_2026-10.xlsx", "COL_2026-10.xlsx"):
        shutil.copyfile(SAMPLES / name, rosters / name)
    monkeypatch.setattr(config, "schemas_dir", lambda: data)
    monkeypatch.setattr(vocabulary, "schemas_dir", lambda: data)
    vocabulary.default_vocabulary.cache_clear()
    try:
        code, _, err = run("check", str(rosters), "--jobs", jobs)
    finally:
        vocabulary.default_vocabulary.cache_clear()
    assert code == 2
    assert f"{broken_file}:" in err and key in err, err
    assert len(err.strip().splitlines()) == 1


def test_rules_lists_every_code_with_its_documentation():
    code, out, _ = run("rules")
    assert code == 0
    for expected in ("E101  unreadable-file  [error]", "C302  wrong-level  [error]",
                     "C307  acting-capacity  [info]", "S207  out-of-period  [warning]",
                     "IOM attended, but nobody at the level the platform requires.",
                     "The workbook is password-protected."):  # fmt: skip
        assert expected in out
    from checker.vocabulary import default_vocabulary

    assert out.count("  [") == len(default_vocabulary().rules.rules)


def _modules_after(*args: str) -> set[str]:
    # The command leaves with os._exit (cli._leave): the modules are listed there.
    code = ("import os, sys, runpy; sys.argv = ['roster-check', *sys.argv[1:]]\n"
            "def listed(status=0):\n    print(' '.join(sorted(sys.modules)))\n"
            "    sys.stdout.flush()\n    os._exit_(status)\n"
            "os._exit_, os._exit = os._exit, listed\n"
            "try:\n    runpy.run_module('checker', run_name='__main__')\n"
            "except SystemExit:\n    listed()\n")  # fmt: skip
    # check exits 1 on a roster with errors
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=ROOT)  # fmt: skip
    modules = set(out.stdout.split())
    assert out.returncode in (0, 1) and {"sys", "checker.cli"} <= modules, out.stderr
    return modules


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_do_not_import_pandas(flag):
    modules = _modules_after(flag)
    assert not {"pandas", "pandera", "openpyxl", "python_calamine"} & modules


def test_a_roster_without_a_profile_is_checked_without_pyyaml(tmp_path):
    """Every data file the check needs comes from the cache between runs once it is filled
    (checker.runcache), and COD has no profile: PyYAML (~10 ms) is not even imported."""
    args = ("check", str(SAMPLES / "COD_2026-10.xlsx"), "--format", "json", "--quiet",
            "-o", str(tmp_path / "out.json"))  # fmt: skip
    _modules_after(*args)  # fills the cache
    modules = _modules_after(*args)
    assert "pandera" in modules and "yaml" not in modules


def test_python_dash_m_checker_works():
    out = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True,
                         text=True, cwd=ROOT)  # fmt: skip
    assert out.returncode == 0
    assert "0.1.0" in out.stdout


def test_outputs_are_shared_like_any_file_not_private(tmp_path):
    """mkstemp makes files 0600; a report, a baseline or an annotated copy is meant to be read
    by colleagues, so it gets the permissions the umask gives any new file."""
    import os

    umask = os.umask(0o022)
    try:
        target = tmp_path / "report.json"
        run("check", str(SAMPLES / "KEN_2026-10.xlsx"), "--format", "json", "-o", str(target))
        copy = tmp_path / "annotated.xlsx"
        run("annotate", str(SAMPLES / "ETH_2026-10.xlsx"), "-o", str(copy))
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644
    assert copy.stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_the_command_starts_no_blas_threads_but_keeps_a_users_setting():
    """numpy's OpenBLAS would start a thread per core on import (~0.05 s a run); the checker
    multiplies no matrices. A setting of the user's own is left alone."""
    code = ("import os, sys\nfrom checker import cli\n"
            "def main(**_):\n    import numpy\n"
            "    print(os.environ.get('OPENBLAS_NUM_THREADS'), len(os.listdir('/proc/self/task')))\n"
            "    raise SystemExit('done')\n"
            "cli.main = main\ntry:\n    cli.run()\nexcept SystemExit:\n    pass\n")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True, cwd=ROOT)  # fmt: skip
    assert out.stdout.split() == ["1", "1"]
    env["OPENBLAS_NUM_THREADS"] = "2"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True, cwd=ROOT)  # fmt: skip
    assert out.stdout.split()[0] == "2"


def test_the_command_loads_typeguard_only_when_it_is_used(tmp_path):
    """pandera imports typeguard (and with it unittest.mock, asyncio and ssl, ~0.03 s) for
    generic column types the schema has none of: a check leaves it unloaded, and the first
    use of it loads the real package (checker.deferred)."""
    target = tmp_path / "out.json"
    modules = _modules_after("check", str(SAMPLES / "ETH_2026-10.xlsx"), "--format", "json",
                             "-o", str(target), "--quiet")  # fmt: skip
    assert "pandera" in modules and json.loads(target.read_text())["summary"]["files"] == 1
    assert not {"unittest.mock", "asyncio", "typeguard._checkers"} & modules
    code = ("import sys\nfrom typing import List\nfrom checker.deferred import defer_typeguard\n"
            "defer_typeguard()\nimport pandera.pandas\n"
            "assert 'unittest.mock' not in sys.modules\n"
            "import typeguard\nfrom typeguard._config import CollectionCheckStrategy\n"
            "assert typeguard.CollectionCheckStrategy is CollectionCheckStrategy\n"
            "typeguard.check_type([1], List[int])\n"
            "try:\n    typeguard.check_type(['a'], List[int])\n"
            "except typeguard.TypeCheckError:\n    print('refused')\n"
            "print(type(typeguard).__name__, 'unittest.mock' in sys.modules)\n")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)  # fmt: skip
    assert out.stdout.split() == ["refused", "module", "True"]


@pytest.mark.parametrize("one_shot", [True, False])
def test_the_commands_imports_are_frozen_only_when_the_process_ends_with_it(one_shot):
    """The console script's imports make no garbage: frozen, no collection scans them (nor
    does the one that would follow turning the collector back on). A program or a test
    that invokes the command and goes on keeps its collector as it was."""
    import gc

    import click

    from checker.commands import importing

    frozen = gc.get_freeze_count()
    try:
        with click.Context(main, obj={"one_shot": one_shot}), importing():
            assert gc.isenabled() is not one_shot
            made = [[] for _ in range(1000)]
        assert gc.isenabled()
        assert (gc.get_freeze_count() >= frozen + len(made)) is one_shot
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("enabled", [True, False])
def test_importing_the_command_leaves_the_collector_as_it_found_it(enabled):
    """checker and checker.cli turn the collector off while they import (nothing they make
    is garbage), then back on only if it was on."""
    code = (f"import gc\n{'' if enabled else 'gc.disable()'}\nimport checker.cli\n"
            "print(gc.isenabled(), gc.get_freeze_count() > 0)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == [str(enabled), "True"], out.stderr
