"""C308 consultant-or-intern: a consultant or an intern alone cannot represent IOM; the
finding replaces C302 on their seat, and never changes a meeting's verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid, Workbook
from tests.conftest import ATTENDANCE_HEADER, codes, roster, verdicts


@pytest.mark.parametrize(
    ("platform", "title"),
    [("HCT", "Health Consultant"), ("OMT", "Consultant"), ("Health Cluster", "Stagiaire"),
     ("UNCT", "Pasante"), ("HCT", "Consultora"), ("PMT", "Programme Intern"),
     ("SMT", "Consultant(e)")],
)  # fmt: skip
def test_a_consultant_or_intern_alone_is_c308_not_c302(iom_row, platform, title):
    result = roster([iom_row("05/10/2026", platform, title, sector="Health")])
    assert verdicts(result) == ["wrong_level"]
    assert codes(result, "C") == [("C308", "Roster!G2")]


def test_the_message_says_why_and_who_should_have_sat_there(iom_row):
    result = roster([iom_row("05/10/2026", "HCT", "Health Consultant", name="L. Haile")])
    [found] = result.findings
    assert found.message == (
        "HCT on 2026-10-05: IOM was represented only by a Health Consultant (L. Haile), a "
        "consultant or intern; consultants and interns may attend but cannot represent IOM. "
        "The HCT requires the Chief of Mission."
    )
    assert (found.rule, str(found.severity)) == ("consultant-or-intern", "error")


def test_beside_the_chief_of_mission_a_consultant_changes_nothing(iom_row):
    result = roster([
        iom_row("05/10/2026", "HCT", "Chief of Mission", name="A"),
        iom_row("05/10/2026", "HCT", "Health Consultant", name="B"),
    ])  # fmt: skip
    assert verdicts(result) == ["compliant"]
    assert codes(result) == []


def test_beside_staff_below_the_level_it_is_c302(iom_row):
    result = roster([
        iom_row("05/10/2026", "HCT", "Programme Officer", name="A"),
        iom_row("05/10/2026", "HCT", "Consultant", name="B"),
    ])  # fmt: skip
    assert verdicts(result) == ["wrong_level"]
    assert codes(result, "C") == [("C302", "Roster!G2")]


def test_an_observing_consultant_is_c304(iom_row):
    result = roster([iom_row("05/10/2026", "UNCT", "Consultant", role="Observer")])
    assert codes(result, "C") == [("C304", "Roster!G2")]


@pytest.mark.parametrize("title", ["Internal Auditor", "Chargée de stage"])
def test_staff_whose_titles_contain_the_words_are_not_c308(iom_row, title):
    result = roster([iom_row("05/10/2026", "HCT", title)])
    assert not [c for c, _ in codes(result) if c == "C308"]


def _with_profile(tmp_path: Path, rules: str) -> list[tuple[str, str]]:
    profile = tmp_path / "NER.yaml"
    profile.write_text(f"extends: generic\nrules:\n{rules}", encoding="utf-8")
    cells = [ATTENDANCE_HEADER, ["05/10/2026", "HCT", "National", "Niamey", "L. Haile", "IOM",
                                 "Health Consultant", "", "Member"]]  # fmt: skip
    result = check_workbook(Workbook(Path("NER.xlsx"), [SheetGrid("Roster", cells)]),
                            CheckOptions(mission="NER", period="2026-10", profile=profile))  # fmt: skip
    assert result.status == "non_compliant"  # whatever the profile says of C308
    return [(f.code, str(f.severity)) for f in result.findings]


def test_a_profile_that_lowers_or_turns_off_c308_keeps_c302(tmp_path):
    assert _with_profile(tmp_path, "  C308: warning\n") == [("C302", "error"), ("C308", "warning")]
    assert _with_profile(tmp_path, "  C308: off\n") == [("C302", "error")]
