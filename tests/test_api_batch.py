"""Files checked together (one vectorised pass) give exactly what each gives alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import pipeline
from checker.api import CheckOptions, check_file, check_files, collect_files

ROOT = Path(__file__).resolve().parent.parent
EVERY_FILE = collect_files([ROOT / "sample_rosters", ROOT / "tests" / "fixtures"])


def test_together_equals_alone():
    together = check_files(EVERY_FILE)
    alone = [check_file(path) for path in EVERY_FILE]
    assert [r.to_dict() for r in together] == [r.to_dict() for r in alone]
    assert [r.path for r in together] == [pipeline._display_path(p) for p in EVERY_FILE]


def test_chunks_do_not_change_results(monkeypatch):
    whole = [r.to_dict() for r in check_files(EVERY_FILE)]
    monkeypatch.setattr(pipeline, "CHUNK", 3)
    assert [r.to_dict() for r in check_files(EVERY_FILE)] == whole
    # A chunk also closes once it holds enough cells (big workbooks are not all held at once).
    monkeypatch.setattr(pipeline, "CHUNK", 64)
    monkeypatch.setattr(pipeline, "CHUNK_CELLS", 500)
    sizes: list[int] = []
    real = pipeline.judge_layouts
    monkeypatch.setattr(
        pipeline, "judge_layouts", lambda items, *a: sizes.append(len(items)) or real(items, *a)
    )
    assert [r.to_dict() for r in check_files(EVERY_FILE)] == whole
    assert len(sizes) > 2 and max(sizes) < len(EVERY_FILE)


def test_a_file_that_breaks_the_checker_costs_only_itself(monkeypatch):
    """A fault while judging a batch is retried file by file; only the culprit is E101."""
    from checker import judge

    real = judge.assess_meetings

    def fragile(roster, used, policy):
        if (roster.frame["sheet"] == "Asistencia").any():  # COL_2026-10.xlsx's sheet
            raise ValueError("boom")
        return real(roster, used, policy)

    monkeypatch.setattr(judge, "assess_meetings", fragile)
    results = {Path(r.path).name: r for r in check_files(EVERY_FILE, CheckOptions())}
    broken = results["COL_2026-10.xlsx"]
    assert [(f.code, "boom" in f.message) for f in broken.findings] == [("E101", True)]
    assert "fault of the checker" in broken.findings[0].message
    assert results["ETH_2026-10.xlsx"].status == "non_compliant"
    assert results["KEN_2026-10.xlsx"].status == "compliant"


@pytest.mark.parametrize("size", [1, 2, 5])
def test_meeting_ids_restart_in_every_file(size):
    paths = [ROOT / "sample_rosters" / "ETH_2026-10.xlsx"] * size
    results = check_files(paths)
    assert {tuple(m.id for m in r.meetings) for r in results} == {
        tuple(f"m{i}" for i in range(1, len(results[0].meetings) + 1))
    }


@pytest.mark.parametrize("files", [1, 4])
def test_the_collector_is_on_again_after_the_imports_of_a_one_shot_run(files):
    """The imports run with the collector off (they make no garbage); the judging must not:
    a year's rows make cycles (pandas' frames) that only a collection frees."""
    import subprocess
    import sys

    code = ("import gc, sys\nfrom pathlib import Path\nfrom checker.api import check_each\n"
            "paths = sorted(Path('sample_rosters').glob('*.xlsx'))[: int(sys.argv[1])]\n"
            "results = list(check_each(paths, jobs=2, one_shot=True))\n"
            "print(len(results), gc.isenabled(), gc.get_freeze_count() > 0)\n")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code, str(files)], capture_output=True,
                         text=True, check=True, cwd=ROOT)  # fmt: skip
    assert out.stdout.split() == [str(files), "True", "True"]
