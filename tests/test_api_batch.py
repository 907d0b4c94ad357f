"""Files checked together (one vectorised pass) give exactly what each gives alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


HEADER = ["Date", "Platform", "Level", "Location", "Name", "Organization", "Title", "Sector",
          "Role"]  # fmt: skip


def _merged_platform():
    """An unknown platform merged down over four meetings' rows: one finding, in the
    meeting of its first row (1 Oct)."""
    from checker.reader import SheetGrid, Workbook

    rows = [[f"0{day}/10/2026", "Weekly sync" if day == 1 else "", "National", "", "A. One",
             "IOM", "Chief of Mission", "", ""] for day in range(1, 5)]  # fmt: skip
    return Workbook(
        Path("NER_2026-10.xlsx"), [SheetGrid("Roster", [HEADER, *rows], [(1, 1, 4, 1)])]
    )


def _unknown_levels(count: int):
    """Another file whose every row fails a check (a level not known)."""
    from checker.reader import SheetGrid, Workbook

    rows = [[f"{day % 28 + 1:02d}/10/2026", "HCT", "Galactic", "", "B. Two", "IOM",
             "Chief of Mission", "", ""] for day in range(count)]  # fmt: skip
    return Workbook(Path("NER_2026-10_b.xlsx"), [SheetGrid("Roster", [HEADER, *rows])])


@pytest.mark.parametrize("others", [41, 45, 60])
def test_a_files_findings_do_not_depend_on_the_failures_of_the_others(others):
    """pandera sorts its failure cases with an unstable sort: with enough failures in the
    batch a file's rows came out of order, and the merged cell's finding went to the meeting
    of 4 Oct instead of 1 Oct (field7's MWI: its findings reordered when chunked otherwise)."""
    from checker.api import check_workbooks

    options = CheckOptions(mission="NER", period="2026-10")
    # The layout fills a merged cell's value into the workbook's rows: a fresh one each time.
    alone = check_workbooks([_merged_platform()], options)[0].to_dict()
    assert [(f["code"], f["cell"], f["meeting_date"]) for f in alone["findings"]] == [
        ("S204", "Roster!B2", "2026-10-01")
    ]
    for batch in ([_merged_platform(), _unknown_levels(others)],
                  [_unknown_levels(others), _merged_platform()]):  # fmt: skip
        together = check_workbooks(batch, options)
        mine = together[0] if batch[0].path.name == "NER_2026-10.xlsx" else together[1]
        assert mine.to_dict() == alone


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False))
def test_failure_cases_in_any_order_are_put_in_one_order(random):
    """Whatever order pandera lists the failures in, the findings are drafted in one order:
    check by check in the schema's order, each check's rows in the frame's order."""
    import pandas as pd

    from checker import schema

    frame = pd.DataFrame({"date_iso": ["", "?", ""], "platform_code": ["?", "", "?"]},
                         index=[10, 11, 12])  # fmt: skip
    cases = pd.DataFrame({
        "schema_context": ["Column"] * 5 + ["DataFrameSchema"] * 2,
        "column": ["date_iso", "date_iso", "date_iso", "platform_code", "platform_code",
                   "date_iso", "platform_code"],
        "check": ["S202", "S203", "S202", "S204", "S204", "S207", "S207"],
        "check_number": [0, 1, 0, 1, 1, 0, 0],
        "index": [10, 11, 12, 10, 12, 11, 11],
    })  # fmt: skip
    shuffled = cases.iloc[random.sample(range(len(cases)), len(cases))]
    ordered = schema._in_schema_order(shuffled, frame, ["date_iso", "platform_code"])
    assert list(zip(ordered["check"], ordered["column"], ordered["index"])) == [
        ("S207", "date_iso", 11), ("S207", "platform_code", 11),
        ("S202", "date_iso", 10), ("S202", "date_iso", 12), ("S203", "date_iso", 11),
        ("S204", "platform_code", 10), ("S204", "platform_code", 12),
    ]  # fmt: skip
