"""Batch runs: a 200-file folder of good, broken and hostile rosters is checked completely, in a
stable order, with the same report whatever --jobs is; a file that kills its worker process
is reported on its own and the others are still checked."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import api, batch, layout, pipeline
from checker.api import CheckOptions, check_paths, collect_files
from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_rosters"
FIXTURES = ROOT / "tests" / "fixtures"
HOSTILE = ("not_a_spreadsheet.xlsx", "truncated.xlsx", "empty.xlsx", "entity_bomb.xlsx",
           "encrypted.xlsx", "header_only.xlsx")  # fmt: skip
N_FILES = 200


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 rosters in mission folders: the sample rosters, a broken one, and hostile files,
    with the files of each folder named like a regional office names them."""
    root = tmp_path_factory.mktemp("region")
    sources = sorted(SAMPLES.glob("*.xlsx")) + [FIXTURES / name for name in HOSTILE]
    for i in range(N_FILES):
        source = sources[i % len(sources)]
        target = root / f"office{i // len(sources):02d}" / source.name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(source, target)
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def parallel_json(folder: Path) -> tuple[int, dict]:
    code, out, _ = run("check", str(folder), "--jobs", "2", "--format", "json")
    return code, json.loads(out)


def test_every_file_is_checked_and_the_run_fails_on_the_broken_ones(folder, parallel_json):
    code, report = parallel_json
    assert code == 1
    assert report["summary"]["files"] == N_FILES
    statuses = {r["path"].split(os.sep)[-1]: r["status"] for r in report["results"]}
    assert statuses["not_a_spreadsheet.xlsx"] == "unreadable"
    assert statuses["entity_bomb.xlsx"] == "unreadable"
    assert statuses["encrypted.xlsx"] == "unreadable"
    assert statuses["empty.xlsx"] == "invalid"
    assert statuses["KEN_2026-10.xlsx"] == "compliant"
    assert statuses["ETH_2026-10.xlsx"] == "non_compliant"


def test_results_come_in_the_stable_order_of_the_folder(folder, parallel_json):
    _, report = parallel_json
    expected = [pipeline._display_path(p) for p in sorted(folder.rglob("*.xlsx"))]
    assert [r["path"] for r in report["results"]] == expected


def test_serial_and_parallel_runs_give_identical_reports(folder, parallel_json):
    _, parallel = parallel_json
    code, out, _ = run("check", str(folder), "--jobs", "1", "--format", "json")
    assert code == 1
    assert json.loads(out) == parallel


def test_a_folder_of_compliant_rosters_exits_0_in_parallel(tmp_path):
    for i in range(6):
        (tmp_path / f"m{i}").mkdir()
        shutil.copyfile(SAMPLES / "KEN_2026-10.xlsx", tmp_path / f"m{i}" / "KEN_2026-10.xlsx")
    code, _, _ = run("check", str(tmp_path), "--jobs", "2", "--format", "json")
    assert code == 0


def test_a_file_that_kills_its_worker_is_reported_and_the_others_are_checked(tmp_path,
                                                                            monkeypatch):  # fmt: skip

    for i in range(12):
        shutil.copyfile(SAMPLES / "KEN_2026-10.xlsx", tmp_path / f"KEN_2026-{i + 1:02d}.xlsx")
    killer = tmp_path / "KEN_2026-05.xlsx"
    real_read = layout.read_workbook

    def read_workbook(path):
        if path == killer:
            os._exit(9)  # what a segfault in a native reader or the OOM killer looks like
        return real_read(path)

    monkeypatch.setattr(layout, "read_workbook", read_workbook)
    monkeypatch.setattr(batch, "_start_method", lambda: batch.multiprocessing.get_context("fork"))
    report = check_paths([tmp_path], CheckOptions(), jobs=2)
    assert [Path(r.path).name for r in report.results] == sorted(p.name for p in tmp_path.iterdir())
    by_name = {Path(r.path).name: r for r in report.results}
    assert [f.code for f in by_name[killer.name].findings] == ["E101"]
    assert "stopped abruptly" in by_name[killer.name].findings[0].message
    assert by_name[killer.name].status == "unreadable"
    assert all(r.status == "compliant" for name, r in by_name.items() if name != killer.name)


class Panic(BaseException):
    """Like pyo3's PanicException: not an Exception, so the pipeline lets it through."""


def test_an_exception_that_escapes_check_file_in_a_worker_costs_only_its_file(tmp_path,
                                                                             monkeypatch):  # fmt: skip

    for i in range(8):
        shutil.copyfile(SAMPLES / "KEN_2026-10.xlsx", tmp_path / f"KEN_2026-{i + 1:02d}.xlsx")
    real_read = layout.read_workbook

    def read_workbook(path):
        if path.name == "KEN_2026-03.xlsx":
            raise Panic("called `Option::unwrap()` on a `None` value")
        return real_read(path)

    monkeypatch.setattr(layout, "read_workbook", read_workbook)
    monkeypatch.setattr(batch, "_start_method", lambda: batch.multiprocessing.get_context("fork"))
    report = check_paths([tmp_path], CheckOptions(), jobs=2)
    statuses = {Path(r.path).name: r.status for r in report.results}
    assert statuses.pop("KEN_2026-03.xlsx") == "unreadable"
    assert set(statuses.values()) == {"compliant"} and len(statuses) == 7
    (panicked,) = [r for r in report.results if r.path.endswith("KEN_2026-03.xlsx")]
    assert "Panic: called `Option::unwrap()`" in panicked.findings[0].message


def test_progress_is_called_once_per_file_with_the_total(folder):
    files = sorted(folder.glob("office00/*.xlsx"))
    seen: list[tuple[Path, int]] = []
    check_paths(files, jobs=2, progress=lambda path, total: seen.append((path, total)))
    assert sorted(seen) == sorted((path, len(files)) for path in files)


@pytest.mark.parametrize(("n_files", "jobs", "workers"), [(1, 4, 1), (3, 2, 1), (4, 2, 2),
                                                         (200, None, None)])  # fmt: skip
def test_small_batches_are_checked_without_a_pool(n_files, jobs, workers, monkeypatch):
    started: list[int] = []
    monkeypatch.setattr(batch, "check_in_pool",
                        lambda files, options, w, progress: started.append(w) or [])  # fmt: skip

    monkeypatch.setattr(pipeline, "check_in_process", lambda *args, **kwargs: [])
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    api.check_files([Path(f"{i}.xlsx") for i in range(n_files)], CheckOptions(), jobs)
    assert started == ([] if workers == 1 else [workers or 2])


def test_globs_folders_and_files_are_collected_once_each_in_a_stable_order(folder, monkeypatch):
    monkeypatch.chdir(folder)
    files = collect_files([Path("office01/KEN_2026-10.xlsx"), Path("office0[01]"),
                           Path("**/ETH_*.xlsx"), Path("office01")])  # fmt: skip
    assert files[0] == Path("office01/KEN_2026-10.xlsx")
    assert len(files) == len({f.resolve() for f in files})
    office0 = sorted(Path("office00").glob("*.xlsx"))
    assert files[1 : 1 + len(office0)] == office0
    assert {f.name for f in files} >= {"ETH_2026-10.xlsx", "entity_bomb.xlsx"}
    assert sum(f.name == "ETH_2026-10.xlsx" for f in files) == len(list(folder.glob("*/ETH_*")))


def test_a_glob_that_matches_nothing_exits_2(tmp_path):
    code, _, err = run("check", str(tmp_path / "*.xlsx"))
    assert code == 2
    assert "no roster file matches" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("args", "message"), [(["--jobs", "0"], "--jobs"),
                                               (["--jobs", "many"], "--jobs"),
                                               (["--format", "pdf"], "pdf")])  # fmt: skip
def test_bad_options_exit_2_with_one_line(args, message):
    code, _, err = run("check", str(SAMPLES / "KEN_2026-10.xlsx"), *args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(folder):
    code, _, err = run("check", str(folder / "office00"), "--jobs", "2", "--format", "json")
    assert code == 1
    assert err == ""


def test_workers_started_by_spawn_give_the_same_results(folder, monkeypatch):
    """macOS and Windows start workers afresh (no fork): stage one must need nothing the
    parent prepared in memory."""
    files = sorted(folder.glob("office00/*.xlsx"))
    serial = [r.to_dict() for r in check_paths(files, jobs=1).results]
    monkeypatch.setattr(batch, "_start_method", lambda: batch.multiprocessing.get_context("spawn"))
    assert [r.to_dict() for r in check_paths(files, jobs=2).results] == serial
