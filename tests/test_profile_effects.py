"""End to end through the CLI: each effect of a profile changes verdicts and findings exactly
as issue 3 describes, on workbooks written here (openpyxl) and profiles written here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from profile_helpers import attendee, check_json, run, write_profile, write_roster

EXAMPLES = Path(__file__).resolve().parents[1] / "schemas" / "profiles" / "examples"
OCT = dt.date(2026, 10, 1)


def day(n: int) -> dt.date:
    return OCT.replace(day=n)


def hct_with_emergency_coordinator(tmp_path: Path, name: str = "K. Osei") -> Path:
    return write_roster(tmp_path / "KEN_2026-10.xlsx", [
        attendee(day(5), "HCT", "W. Kamau", "OCHA", "Head of Office", role="Chair"),
        attendee(day(5), "HCT", name, "IOM", "Emergency Coordinator"),
        attendee(day(19), "HCT", "D. Kiprono", "IOM", "Chief of Mission"),
    ])  # fmt: skip


def pairs(result: dict) -> list[tuple[str, str | None]]:
    return sorted((f["code"], f["cell"]) for f in result["findings"])


def verdicts(result: dict) -> list[tuple[str, str, str | None, str]]:
    return [(m["date"], m["platform"], m["sector"], m["verdict"]) for m in result["meetings"]]


DESIGNATION = """\
designations:
  - {platform: HCT, role: EMERG_COORD, name: K. Osei, from: 2026-09-01, to: 2026-12-31}
"""


def test_without_profile_the_alternate_is_c305(tmp_path: Path) -> None:
    roster = hct_with_emergency_coordinator(tmp_path)
    empty = write_profile(tmp_path / "plain.yaml", "description: nothing changed\n")
    result, got = check_json(roster, "--profile", empty)
    assert pairs(got) == [("C305", "Attendance!G3")]
    assert got["profile"] == "plain"
    assert result.exit_code == 1


def test_designated_alternate_is_compliant(tmp_path: Path) -> None:
    roster = hct_with_emergency_coordinator(tmp_path)
    profile = write_profile(tmp_path / "p.yaml", DESIGNATION)
    result, got = check_json(roster, "--profile", profile)
    assert pairs(got) == []
    assert [m["verdict"] for m in got["meetings"]] == ["compliant", "compliant"]
    assert got["status"] == "compliant" and result.exit_code == 0


def test_designation_of_another_person_or_another_time_keeps_c305(tmp_path: Path) -> None:
    roster = hct_with_emergency_coordinator(tmp_path, name="R. Menon")
    profile = write_profile(tmp_path / "p.yaml", DESIGNATION)
    _, got = check_json(roster, "--profile", profile)
    assert pairs(got) == [("C305", "Attendance!G3")]
    assert got["findings"][0]["message"] == (
        "HCT on 2026-10-05: IOM was represented by an Emergency Coordinator (R. Menon), an "
        "alternate for the Chief of Mission, but the mission's profile designates K. Osei from "
        "2026-09-01 to 2026-12-31 for this seat, which does not cover this person on this date."
    )

    roster = hct_with_emergency_coordinator(tmp_path)
    later = write_profile(tmp_path / "later.yaml", DESIGNATION.replace("2026-09-01", "2026-10-06"))
    _, got = check_json(roster, "--profile", later)
    assert pairs(got) == [("C305", "Attendance!G3")]


def test_cluster_outside_sectors_and_inactive_platform_are_not_applicable(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "KEN_2026-10.xlsx", [
        attendee(day(6), "Education Cluster", "L. Moraa", "UNICEF", "Cluster Coordinator"),
        attendee(day(7), "Health Cluster", "H. Abdi", "IOM", "Programme Officer", "Health"),
        attendee(day(8), "ICCG", "P. Otieno", "OCHA", "Inter-Cluster Coordinator"),
        attendee(day(9), "WASH Cluster", "M. Aden", "IOM", "WASH Programme Officer", "WASH"),
    ])  # fmt: skip
    generic, got = check_json(roster, "--profile", write_profile(tmp_path / "g.yaml", "{}\n"))
    assert pairs(got) == [("C301", "Attendance!B2"), ("C301", "Attendance!B4")]
    assert generic.exit_code == 1

    profile = write_profile(
        tmp_path / "p.yaml",
        """\
platforms:
  ICCG: {active: false}
  CLUSTER: {sectors: [HEA, PRO, CCM]}
""",
    )
    result, got = check_json(roster, "--profile", profile)
    assert verdicts(got) == [
        ("2026-10-06", "CLUSTER", "EDU", "not_applicable"),
        ("2026-10-07", "CLUSTER", "HEA", "compliant"),
        ("2026-10-08", "ICCG", None, "not_applicable"),
        ("2026-10-09", "CLUSTER", "WSH", "not_applicable"),  # IOM there, but not expected
    ]
    assert pairs(got) == []
    assert got["summary"]["not_applicable"] == 3
    assert got["summary"]["compliance_rate"] == 1.0  # 1 compliant of 1 applicable meeting
    assert result.exit_code == 0


def test_missing_hct_meeting_in_the_month_is_c306(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "KEN_2026-10.xlsx", [
        attendee(day(20), "UNCT", "D. Kiprono", "IOM", "Chief of Mission"),
    ])  # fmt: skip
    profile = write_profile(tmp_path / "p.yaml", "platforms:\n  HCT: {expected_per_month: 1}\n")
    result, got = check_json(roster, "--profile", profile)
    [c306] = got["findings"]
    assert c306["code"] == "C306" and c306["severity"] == "warning"
    assert (c306["cell"], c306["sheet"], c306["meeting_id"], c306["platform"]) == (
        None, None, None, "HCT",
    )  # fmt: skip
    assert c306["message"].startswith("HCT: 1 meeting expected in 2026-10 (1 a month in the "
                                      "mission's profile), 0 recorded.")  # fmt: skip
    assert got["status"] == "compliant" and result.exit_code == 0  # a warning
    assert run("check", roster, "--profile", profile, "--fail-on", "warning").exit_code == 1


def test_c306_for_a_year_counts_twelve_a_month(tmp_path: Path) -> None:
    rows = [attendee(dt.date(2026, m, 3), "HCT", "D. Kiprono", "IOM", "Chief of Mission")
            for m in range(1, 12)]  # fmt: skip
    rows.append(attendee(dt.date(2026, 12, 9), "OMT", "A. Wanjiru", "IOM",
                         "Resource Management Officer"))  # the log runs to December  # fmt: skip
    roster = write_roster(tmp_path / "KEN_2026.xlsx", rows)
    profile = write_profile(tmp_path / "p.yaml", "platforms:\n  HCT: {expected_per_month: 1}\n")
    _, got = check_json(roster, "--profile", profile)
    assert got["period"] == "2026"
    assert [f["message"][:45] for f in got["findings"]] == [
        "HCT: 12 meetings expected in 2026 (1 a month "
    ]
    assert "11 recorded" in got["findings"][0]["message"]
    # Kept to November, the log is not expected to hold December's meeting.
    roster = write_roster(tmp_path / "KEN_2026.xlsx", rows[:-1])
    _, got = check_json(roster, "--profile", profile)
    assert [f["code"] for f in got["findings"]] == []


def test_waiver_marks_findings_waived_and_exit_0(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "KEN_2026-10.xlsx", [
        attendee(day(12), "OMT", "G. Omondi", "UNDP", "Operations Manager", role="Chair"),
        attendee(day(20), "UNCT", "D. Kiprono", "IOM", "Chief of Mission"),
    ])  # fmt: skip
    profile = write_profile(
        tmp_path / "p.yaml",
        """\
waivers:
  - platform: OMT
    until: 2026-12-31
    codes: [C301]
    reason: the OMT seat is shared with the regional office
""",
    )
    result, got = check_json(roster, "--profile", profile)
    [c301] = got["findings"]
    assert (c301["code"], c301["cell"], c301["waived"]) == ("C301", "Attendance!B2", True)
    assert c301["waiver_reason"] == "the OMT seat is shared with the regional office"
    assert got["status"] == "compliant"
    assert got["summary"]["errors"] == 0
    assert result.exit_code == 0
    # the waiver shows in the text report too
    text = run("check", roster, "--profile", profile).stdout
    assert "[waived: the OMT seat is shared with the regional office]" in text


def test_waiver_outside_its_window_or_codes_does_not_waive(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "KEN_2026-10.xlsx", [
        attendee(day(12), "OMT", "G. Omondi", "UNDP", "Operations Manager", role="Chair"),
        attendee(day(15), "OMT", "D. Kiprono", "IOM", "Chief of Mission"),
    ])  # fmt: skip
    profile = write_profile(
        tmp_path / "p.yaml",
        """\
waivers:
  - {platform: OMT, until: 2026-10-13, codes: [C301], reason: a}
  - {platform: OMT, from: 2026-10-16, reason: b}
""",
    )
    result, got = check_json(roster, "--profile", profile)
    assert [(f["code"], f.get("waived", False)) for f in got["findings"]] == [
        ("C301", True), ("C302", False),
    ]  # fmt: skip
    assert result.exit_code == 1


def test_severity_override_and_rule_off(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "KEN_2026-10.xlsx", [
        attendee(day(20), "UNCT", "R. Wairimu", "IOM", "Chief of Mission a.i."),
        attendee(dt.date(2026, 9, 30), "SMT", "D. Kiprono", "IOM", "Chief of Mission"),
        attendee(day(22), "PMT", "J. Okoro", "IOM", "Programme Officer"),
    ])  # fmt: skip
    _, generic = check_json(roster, "--profile", write_profile(tmp_path / "g.yaml", "{}\n"))
    assert [(f["code"], f["severity"]) for f in generic["findings"]] == [
        ("C307", "info"), ("S207", "warning"), ("C302", "error"),
    ]  # fmt: skip

    profile = write_profile(
        tmp_path / "p.yaml",
        """\
rules:
  C307: {severity: warning}
  S207: off
  C302: warning
""",
    )
    result, got = check_json(roster, "--profile", profile)
    assert [(f["code"], f["severity"]) for f in got["findings"]] == [
        ("C307", "warning"), ("C302", "warning"),
    ]  # fmt: skip
    assert got["status"] == "compliant" and result.exit_code == 0
    assert run("check", roster, "--profile", profile, "--fail-on", "warning").exit_code == 1


def test_local_platform_names_titles_and_a_subnational_platform(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "KEN_2026-10.xlsx", [
        attendee(day(3), "Humanitarian Partners Team", "D. Kiprono", "IOM", "Chief of Mission"),
        attendee(day(5), "AHT", "A. Farah", "IOM", "Head of Sub-Office", level=None,
                 location="Garissa"),
        attendee(day(6), "Équipe humanitaire régionale", "A. Farah", "IOM", "Programme Officer",
                 level="Subnational", location="Garissa"),
        attendee(day(7), "AHT", "A. Farah", "IOM", "Head of Sub-Office", location="Nairobi"),
        attendee(day(8), "PMT", "R. Wairimu", "IOM", "Head of Programmes and Operations"),
    ])  # fmt: skip
    profile = write_profile(
        tmp_path / "p.yaml",
        """\
platforms:
  AHT:
    name: Area Humanitarian Team
    aliases: [Équipe humanitaire régionale]
    level: subnational
    required_roles: [HEAD_OFFICE]
aliases:
  platforms: {"Humanitarian Partners Team": HCT}
  titles: {"Head of Programmes and Operations": PROG_COORD}
""",
    )
    _, got = check_json(roster, "--profile", profile)
    assert [(m["platform"], m["level"], m["label"], m["verdict"]) for m in got["meetings"]] == [
        ("HCT", "national", "HCT", "compliant"),
        ("AHT", "subnational", "Area Humanitarian Team", "compliant"),  # blank level
        ("AHT", "subnational", "Area Humanitarian Team", "wrong_level"),
        ("AHT", "national", "Area Humanitarian Team", "not_applicable"),  # not at that level
        ("PMT", "national", "PMT", "compliant"),
    ]
    assert pairs(got) == [("C302", "Attendance!G4")]
    assert got["findings"][0]["message"] == (
        "Area Humanitarian Team on 2026-10-06: IOM was represented by a Programme Officer "
        "(A. Farah), below the level required; the AHT requires the Head of Office."
    )
    # without the profile the same roster has unknown platforms
    _, generic = check_json(roster, "--profile", write_profile(tmp_path / "g.yaml", "{}\n"))
    assert {f["code"] for f in generic["findings"]} >= {"S204"}


def test_mission_profile_is_chosen_by_mission_and_profile_option_wins(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "ETH_2026-10.xlsx", [
        attendee(day(19), "HCT", "Rahul Menon", "IOM", "Emergency Coordinator"),
    ])  # fmt: skip
    _, got = check_json(roster, "--profiles", EXAMPLES)
    # schemas/profiles/examples/ETH.yaml: Rahul Menon is designated; 2 HCTs and 1 ICCG a
    # month expected
    assert got["profile"] == "ETH"
    assert pairs(got) == [("C306", None), ("C306", None)]
    _, got = check_json(roster, "--mission", "SSD", "--profiles", EXAMPLES)
    assert got["profile"] == "generic" and pairs(got) == [("C305", "Attendance!G2")]
    other = write_profile(tmp_path / "other.yaml", "description: no designation\n")
    _, got = check_json(roster, "--profile", other, "--profiles", EXAMPLES)
    assert got["profile"] == "other" and pairs(got) == [("C305", "Attendance!G2")]


def test_a_folder_of_two_missions_uses_each_missions_profile(tmp_path: Path) -> None:
    for mission in ("ETH", "SSD"):
        write_roster(tmp_path / f"{mission}_2026-10.xlsx", [
            attendee(day(19), "HCT", "Rahul Menon", "IOM", "Emergency Coordinator"),
        ])  # fmt: skip
    import json

    result = run("check", tmp_path, "--format", "json", "--profiles", EXAMPLES)
    results = {r["mission"]: r for r in json.loads(result.stdout)["results"]}
    assert results["ETH"]["profile"] == "ETH"
    assert [f["code"] for f in results["ETH"]["findings"]] == ["C306", "C306"]  # no C305
    assert results["SSD"]["profile"] == "generic"
    assert [f["code"] for f in results["SSD"]["findings"]] == ["C305"]
