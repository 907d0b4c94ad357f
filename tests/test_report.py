"""`roster-check report`: every figure recomputed from the per-file JSON of `check`.

The tree (tests/report_tree.py) is built once per module; `check --format json` gives the
per-file verdicts, and this module recomputes the headline, heatmap, trend, gaps and missing
months from them with its own code, then compares with each report format.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from report_tree import (
    FORMULA_LOCATION,
    HOSTILE_LOCATION,
    HOSTILE_TITLE_NAME,
    MISSIONS,
    attendee_names,
    build_tree,
)

from checker.cli import main

VERDICTS = ("compliant", "absent", "wrong_level", "undetermined", "not_applicable")


def invoke(args: list[str]) -> Result:
    result = CliRunner().invoke(main, args, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"the checker raised {result.exception!r}") from result.exception
    assert "Traceback" not in result.output
    return result


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    root = tmp_path_factory.mktemp("rosters")
    return root, build_tree(root)


@pytest.fixture(scope="module")
def per_file(tree: tuple[Path, dict[str, Path]]) -> list[dict[str, Any]]:
    result = invoke(["check", str(tree[0]), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["results"]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reports")


def make_report(tree: Path, out: Path, *options: str) -> Path:
    result = invoke(["report", str(tree), "-o", str(out), "--jobs", "1", *options])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def reports(tree: tuple[Path, dict[str, Path]], out_dir: Path) -> dict[str, Path]:
    return {fmt: make_report(tree[0], out_dir / f"report.{fmt}")
            for fmt in ("json", "html", "md", "xlsx")}  # fmt: skip


@pytest.fixture(scope="module")
def report(reports: dict[str, Path]) -> dict[str, Any]:
    return json.loads(reports["json"].read_text(encoding="utf-8"))


# ---------------------------------------------------------------- independent recomputation


def counts(meetings: list[dict[str, Any]]) -> dict[str, Any]:
    """Verdict counts; a meeting marked "_waived" (see meetings_of) counts as waived only."""
    c = Counter("waived" if m.get("_waived") else m["verdict"] for m in meetings)
    assessed = len(meetings) - c["undetermined"] - c["not_applicable"] - c["waived"]
    return {
        "meetings": len(meetings),
        "assessed": assessed,
        **{v: c[v] for v in VERDICTS},
        "waived": c["waived"],
        "compliance_rate": round(c["compliant"] / assessed, 3) if assessed else None,
    }


def month_list(first: str, last: str) -> list[str]:
    out, (y, m) = [], (int(first[:4]), int(first[5:]))
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def winners(per_file: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Newest file per mission-month (modification time, then path)."""
    best: dict[tuple[str, str], tuple[float, str, dict[str, Any]]] = {}
    for r in per_file:
        if not r["mission"] or not re.fullmatch(r"\d{4}-\d{2}", r["period"] or ""):
            continue
        key = (r["mission"], r["period"])
        candidate = (os.stat(r["path"]).st_mtime, r["path"], r)
        if key not in best or candidate[:2] > best[key][:2]:
            best[key] = candidate
    return {k: v[2] for k, v in best.items()}


def meetings_of(files: Any) -> list[dict[str, Any]]:
    """The meetings of these files' results, each marked "_waived" when a waiver accepts it:
    absent or at the wrong level, with a waived C3xx finding and no C3xx error not waived."""
    out = []
    for r in files:
        waived = {f["meeting_id"] for f in r["findings"]
                  if f["code"].startswith("C") and f.get("waived")}  # fmt: skip
        active = {f["meeting_id"] for f in r["findings"] if f["code"].startswith("C")
                  and not f.get("waived") and f["severity"] == "error"}  # fmt: skip
        for m in r["meetings"]:
            accepted = m["verdict"] in ("absent", "wrong_level") and m["id"] in waived - active
            out.append({**m, "_waived": accepted})
    return out


def usable(r: dict[str, Any]) -> bool:
    return r["status"] not in ("unreadable", "invalid")


# ---------------------------------------------------------------- figures


def test_headline_equals_per_file_verdicts(per_file: list[Any], report: dict[str, Any]) -> None:
    won = winners(per_file)
    months = sorted({m for _, m in won})
    assert report["period"]["months"] == month_list(months[0], months[-1])
    whole = counts(meetings_of(won.values()))
    headline = report["headline"]["range"]
    for key, value in whole.items():
        assert headline[key] == value, key
    latest = report["headline"]["latest_month"]
    assert latest["period"] == months[-1]
    everything = counts(meetings_of(r for (_, m), r in won.items() if m == months[-1]))
    for key, value in everything.items():
        assert latest[key] == value, key
    # The change compares like with like: the missions with a usable roster in both months.
    in_both = {k for (k, m), r in won.items() if m == months[-1] and usable(r)} & {
        k for (k, m), r in won.items() if m == months[-2] and usable(r)
    }
    assert latest["compared_missions"] == sorted(in_both)
    now = counts(meetings_of(r for (k, m), r in won.items() if m == months[-1] and k in in_both))
    before = counts(meetings_of(r for (k, m), r in won.items() if m == months[-2] and k in in_both))
    assert latest["previous"] == before
    assert latest["change"]["absent"] == now["absent"] - before["absent"]
    assert latest["change"]["compliance_rate"] == round(
        now["compliance_rate"] - before["compliance_rate"], 3
    )


def test_heatmap_cells_equal_per_file_verdicts(per_file: list[Any], report: dict[str, Any]) -> None:
    won = winners(per_file)
    cells: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for (mission, _), r in won.items():
        for m in r["meetings"]:
            cells[(mission, m["platform"])].append(m)
    got = {(row["key"], p): f for row in report["heatmap"] for p, f in row["cells"].items()}
    assert set(got) == set(cells)
    for key, meetings in cells.items():
        assert got[key] == counts(meetings), key
    # Every mission seen has a row, even without meetings (KEN's only usable months count).
    assert {row["key"] for row in report["heatmap"]} == set(MISSIONS)


def test_trend_equals_per_file_verdicts(per_file: list[Any], report: dict[str, Any]) -> None:
    won = winners(per_file)
    months = report["trend"]["months"]
    for i, month in enumerate(months):
        in_month = meetings_of(r for (_, m), r in won.items() if m == month)
        assert report["trend"]["overall"][i] == counts(in_month), month
        for platform, series in report["trend"]["platforms"].items():
            expected = counts([m for m in in_month if m["platform"] == platform])
            assert series[i] == expected, (platform, month)
    platforms = {m["platform"] for m in meetings_of(won.values())}
    assert set(report["trend"]["platforms"]) == platforms


def test_recurring_gaps_equal_per_file_verdicts(
    per_file: list[Any], report: dict[str, Any]
) -> None:
    won = winners(per_file)
    by_seat: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for (mission, month), r in won.items():
        for m in r["meetings"]:
            by_seat[(mission, m["label"])][month].append(m["verdict"])
    expected = set()
    for (mission, label), months in by_seat.items():
        for kind in ("absent", "wrong_level"):
            failing = sum(kind in verdicts for verdicts in months.values())
            if failing >= 2:
                expected.add((mission, label, kind, failing, len(months)))
    got = {(g["mission"], g["label"], g["kind"], g["months_failing"], g["months_met"])
           for g in report["gaps"]}  # fmt: skip
    assert got == expected
    texts = [g["text"] for g in report["gaps"]]
    assert "OMT in MLI: Resource Management Officer absent 2 of 4 months" in texts
    assert "HCT in ETH: wrong level 1 of 3 months (Chief of Mission required)" not in texts


def test_missing_and_unreadable_months(
    per_file: list[Any], report: dict[str, Any], tree: tuple[Path, dict[str, Path]]
) -> None:
    won = winners(per_file)
    missions = {r["mission"] for r in per_file if r["mission"]}
    expected = set()
    for mission in missions:
        for month in report["period"]["months"]:
            r = won.get((mission, month))
            if r is None:
                expected.add((mission, month, "missing"))
            elif r["status"] in ("unreadable", "invalid"):
                expected.add((mission, month, r["status"]))
    got = {(s["mission"], s["month"], s["status"]) for s in report["submissions"]}
    assert got == expected
    assert ("KEN", "2026-03", "missing") in got
    assert ("ETH", "2026-02", "unreadable") in got
    assert ("KEN", "2026-01", "invalid") in got
    stray = [u for u in report["unplaced"] if u["path"].endswith("attendance-list.xlsx")]
    assert stray and stray[0]["reason"] == "mission unknown"


def test_newer_file_wins_and_the_report_says_so(
    report: dict[str, Any], reports: dict[str, Path], tree: tuple[Path, dict[str, Path]]
) -> None:
    (duplicate,) = report["duplicates"]
    assert (duplicate["mission"], duplicate["month"]) == ("MLI", "2026-04")
    assert duplicate["kept"].endswith("MLI_2026-04_v2.xlsx")
    assert [Path(p).name for p in duplicate["superseded"]] == ["MLI_2026-04.xlsx"]
    assert report["files"]["superseded"] == 1
    html = reports["html"].read_text(encoding="utf-8")
    md = reports["md"].read_text(encoding="utf-8")
    for text in (html, md):
        assert "later modification time" in text
        assert "MLI_2026-04_v2.xlsx" in text


def test_period_option_limits_the_months(tree: tuple[Path, dict[str, Path]], out_dir: Path,
                                         per_file: list[Any]) -> None:  # fmt: skip
    out = make_report(tree[0], out_dir / "feb-mar.json", "--period", "2026-02..2026-03")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["period"]["months"] == ["2026-02", "2026-03"]
    won = winners(per_file)
    in_range = [r for (_, m), r in won.items() if m in ("2026-02", "2026-03")]
    assert data["headline"]["range"]["assessed"] == counts(meetings_of(in_range))["assessed"]
    # The change is against the two months before: only 2026-01 has rosters.
    before = counts(meetings_of(r for (_, m), r in won.items() if m == "2026-01"))
    assert data["headline"]["range"]["previous"]["assessed"] == before["assessed"]
    assert data["files"]["outside_period"] == sum(
        1 for (_, m) in won if m not in ("2026-02", "2026-03")
    )


# ---------------------------------------------------------------- formats


def test_html_shows_the_figures_and_is_self_contained(reports: dict[str, Path],
                                                      report: dict[str, Any]) -> None:  # fmt: skip
    html = reports["html"].read_text(encoding="utf-8")
    assert html.count("<svg") >= 2 and "<polyline" in html and "<rect" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    headline = report["headline"]["range"]
    assert f"{headline['compliance_rate'] * 100:.1f}%" in html  # the headline, as shown
    for gap in report["gaps"]:
        assert gap["text"] in html
    assert "KEN" in html and "2026-03" in html


def test_html_escapes_every_value(reports: dict[str, Path]) -> None:
    html = reports["html"].read_text(encoding="utf-8")
    from markupsafe import escape

    assert HOSTILE_LOCATION not in html and str(escape(HOSTILE_LOCATION)) in html
    assert HOSTILE_TITLE_NAME not in html and str(escape(HOSTILE_TITLE_NAME)) in html
    # The only script is the report's own print helper.
    assert html.count("<script>") == 1


def test_markdown_escapes_and_lists_gaps(reports: dict[str, Path], report: dict[str, Any]) -> None:
    md = reports["md"].read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<", md), "a < that Markdown could read as HTML"
    assert "\\<script\\>" in md and "\\<img src=x" in md
    assert "http://" not in md
    for gap in report["gaps"]:
        assert gap["text"] in md.replace("\\", "")
    assert "- **KEN**: invalid: Jan 2026 (" in md and "; missing: Mar 2026" in md


def test_xlsx_sheets_chart_and_colour_scale(
    reports: dict[str, Path], report: dict[str, Any]
) -> None:
    from openpyxl import load_workbook
    from openpyxl.chart import LineChart

    workbook = load_workbook(reports["xlsx"])
    for name in ("Summary", "Heatmap", "Trend", "Meetings"):
        assert name in workbook.sheetnames
    trend = workbook["Trend"]
    charts = trend._charts
    assert len(charts) == 1 and isinstance(charts[0], LineChart)
    heat = workbook["Heatmap"]
    assert any(r.type == "colorScale" for cf in heat.conditional_formatting for r in cf.rules)
    # The heatmap's numbers are the report's numbers.
    header = [c.value for c in heat[1]]
    for row in heat.iter_rows(min_row=2, max_row=1 + len(report["heatmap"]), values_only=True):
        source = next(r for r in report["heatmap"] if r["key"] == row[0])
        for platform, cell in source["cells"].items():
            label = "Clusters" if platform == "CLUSTER" else platform
            assert row[header.index(label)] == cell["compliance_rate"]
    from checker.report.words import Words

    months = [c.value for c in trend["A"][1 : 1 + len(report["trend"]["months"])]]
    assert months == [Words("en").month_short(m) for m in report["trend"]["months"]]
    overall = [c.value for c in trend[_column(trend, "All platforms")][1 : 1 + len(months)]]
    assert overall == [f["compliance_rate"] for f in report["trend"]["overall"]]


def _column(sheet: Any, title: str) -> str:
    for cell in sheet[1]:
        if cell.value == title:
            return str(cell.column_letter)
    raise AssertionError(title)


def test_xlsx_never_writes_roster_text_as_a_formula(reports: dict[str, Path]) -> None:
    from openpyxl import load_workbook

    meetings = load_workbook(reports["xlsx"])["Meetings"]
    cells = [c for row in meetings.iter_rows() for c in row if c.value == FORMULA_LOCATION]
    assert cells, "the formula-like location should be in the drill-down"
    assert all(c.data_type == "s" for c in cells)


@pytest.mark.parametrize("fmt", ["json", "html", "md", "xlsx"])
def test_anonymise_removes_every_name(
    fmt: str, tree: tuple[Path, dict[str, Path]], out_dir: Path
) -> None:
    out = make_report(tree[0], out_dir / f"anon.{fmt}", "--anonymise")
    if fmt == "xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(out)
        text = "\n".join(str(c.value) for ws in workbook for row in ws.iter_rows() for c in row
                         if c.value is not None)  # fmt: skip
    else:
        text = out.read_text(encoding="utf-8")
    if fmt == "html":
        import html as html_module

        text = html_module.unescape(text)
    if fmt == "json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    leaked = [name for name in attendee_names() if name in text.replace("\\", "")]
    assert not leaked
    assert "Programme Officer" in text  # the role stands where the name was


def test_anonymised_french_report_says_the_attendee_in_french(
    tree: tuple[Path, dict[str, Path]], out_dir: Path
) -> None:
    """The names come out of the findings' fields, and the message is said again in its own
    language: "une personne au poste « … »", never a name nor the English "a … Officer"."""
    out = make_report(tree[0], out_dir / "anon.fr.json", "--anonymise", "--lang", "fr")
    text = json.dumps(json.loads(out.read_text(encoding="utf-8")), ensure_ascii=False)
    assert not [name for name in attendee_names() if name in text]
    assert "une personne au poste" in text
    assert " a Programme Officer" not in text
    # The attendees of the meetings stand as their roles, in French too.
    meetings = json.loads(out.read_text(encoding="utf-8"))["meetings"]
    assert "Chargé(e) de programme" in {who for m in meetings for who in m["attendees"]}
    assert "Programme Officer" not in {who for m in meetings for who in m["attendees"]}


def test_not_anonymised_report_names_the_attendees(reports: dict[str, Path]) -> None:
    assert "Officer ETH José Núñez" in reports["json"].read_text(encoding="utf-8")


def test_parallel_and_serial_reports_agree(tree: tuple[Path, dict[str, Path]], out_dir: Path,
                                           report: dict[str, Any]) -> None:  # fmt: skip
    result = invoke(["report", str(tree[0]), "-o", str(out_dir / "jobs2.json"), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    parallel = json.loads((out_dir / "jobs2.json").read_text(encoding="utf-8"))
    parallel.pop("generated")
    assert parallel == {k: v for k, v in report.items() if k != "generated"}


# ---------------------------------------------------------------- regions and options


def test_regions_roll_up_and_group_by_region(
    tree: tuple[Path, dict[str, Path]], out_dir: Path, per_file: list[Any]
) -> None:
    regions = out_dir / "regions.yaml"
    regions.write_text("regions:\n  RO Nairobi: [ETH, KEN]\n  RO Dakar: [MLI, SEN]\n",
                       encoding="utf-8")  # fmt: skip
    out = make_report(tree[0], out_dir / "regions.json", "--regions", str(regions),
                      "--group-by", "region")  # fmt: skip
    data = json.loads(out.read_text(encoding="utf-8"))
    won = winners(per_file)
    nairobi = counts(meetings_of(r for (mi, _), r in won.items() if mi in ("ETH", "KEN")))
    rows = {r["key"]: r for r in data["region_heatmap"]}
    assert rows["RO Nairobi"]["total"] == nairobi
    assert {b["key"] for b in data["breakdown"]} == {"RO Nairobi", "RO Dakar"}
    # SEN is in the regions file but sent nothing: every month is missing.
    sen = [s for s in data["submissions"] if s["mission"] == "SEN"]
    assert [s["status"] for s in sen] == ["missing"] * len(data["period"]["months"])


def test_regions_csv(tree: tuple[Path, dict[str, Path]], out_dir: Path) -> None:
    regions = out_dir / "regions.csv"
    regions.write_text("Mission,Regional office\nETH,RO Nairobi\nKEN,RO Nairobi\nMLI,RO Dakar\n",
                       encoding="utf-8")  # fmt: skip
    out = make_report(tree[0], out_dir / "regions-csv.json", "--regions", str(regions))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["regions"] == {"ETH": "RO Nairobi", "KEN": "RO Nairobi", "MLI": "RO Dakar"}


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("ETH: [a, b\n", ".yaml", "not valid YAML"),
        ("- ETH\n", ".yaml", "expected a mapping"),
        ("ETHIOPIA: RO Nairobi\n", ".yaml", "not a 2-4 letter mission code"),
        ("ETH: RO Nairobi\nEth: RO Dakar\n", ".yaml", "in two regions"),
        ("country,office\nETH,RO\n", ".csv", "expected a header row"),
        ("mission,region\nETH,\n", ".csv", "regional office is missing"),
    ],
)
def test_bad_regions_file_exits_2_with_one_line(
    tree: tuple[Path, dict[str, Path]], out_dir: Path, content: str, suffix: str, message: str
) -> None:
    regions = out_dir / f"bad{suffix}"
    regions.write_text(content, encoding="utf-8")
    result = invoke(["report", str(tree[0]), "-o", str(out_dir / "x.html"), "--regions",
                     str(regions)])  # fmt: skip
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "options",
    [
        ["--period", "2026-13"],
        ["--period", "2026-05..2026-01"],
        ["--group-by", "region"],
        ["--format", "docx"],
        ["--jobs", "0"],
    ],
)
def test_bad_options_exit_2(tree: tuple[Path, dict[str, Path]], out_dir: Path,
                            options: list[str]) -> None:  # fmt: skip
    result = invoke(["report", str(tree[0]), "-o", str(out_dir / "x.html"), *options])
    assert result.exit_code == 2


def test_no_roster_files_exits_2(tmp_path: Path) -> None:
    result = invoke(["report", str(tmp_path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "no roster files" in result.stderr


def test_format_follows_the_output_suffix(
    tree: tuple[Path, dict[str, Path]], out_dir: Path
) -> None:
    out = make_report(tree[0], out_dir / "by-suffix.md")
    assert out.read_text(encoding="utf-8").startswith("# IOM representation")
    out = make_report(tree[0], out_dir / "no-suffix")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
