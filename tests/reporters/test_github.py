"""--format github: workflow-command annotations, escaped, and the job summary."""

from __future__ import annotations

from checker.reporters.github import escape_data, escape_property
from tests.reporters.conftest import render


def test_escaping_follows_the_workflow_command_rules():
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_one_annotation_per_finding_not_accepted(report, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    lines = render("github", report).splitlines()
    annotations = [ln for ln in lines if ln.startswith("::")]
    active = [f for f in report.findings() if not (f.waived or f.baseline)]
    assert len(annotations) == len(active)
    assert ("::error file=sample_rosters/ETH_2026-10.xlsx,title=C303 sector-mismatch::"
            "Attendance!G20: Health Cluster on 2026-10-12: IOM was represented by") in "\n".join(
        annotations)  # fmt: skip
    assert not any("Attendance!G4:" in a for a in annotations)  # accepted in the baseline
    assert not any("Attendance!B13:" in a for a in annotations)  # waived
    assert any(a.startswith("::warning file=sample_rosters/SSD_2026-10.xlsx,title=S207 ")
               for a in annotations)  # fmt: skip
    # KEN's profile raises C307 to a warning.
    assert any(a.startswith("::warning file=sample_rosters/KEN_2026-10.xlsx,title=C307 ")
               for a in annotations)  # fmt: skip
    accepted = len(report.findings()) - len(active)  # ETH's two + KEN_2026-11's waived C301
    assert lines[-1].endswith(f"{accepted} findings accepted (baseline or waiver)")


def test_a_roster_cannot_inject_a_workflow_command(report, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    out = render("github", report)
    # The title with a CR LF stays on its annotation's line: no line starts with its remainder.
    assert not any(line.startswith("next") for line in out.splitlines())
    assert "%0D%0Anext" in out


def test_the_job_summary_is_appended_when_github_asks_for_it(report, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    render("github", report)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n## roster-check")
    assert "| sample\\_rosters/ETH\\_2026-10.xlsx | ETH | 2026-10 |" in text
