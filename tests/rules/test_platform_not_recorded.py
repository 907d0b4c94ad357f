"""C306 platform-not-recorded: counts meetings per platform against the profile's
expected_per_month over the period (tiny assessments built inline)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.findings import Meeting, Verdict
from checker.judge import Assessment
from checker.policy import Policy
from checker.rules import RosterFile, load_rules
from checker.rules import platform_not_recorded as rule
from checker.vocabulary import default_vocabulary


def meeting(date: str, platform: str, sector: str | None = None,
            verdict: Verdict = Verdict.COMPLIANT) -> Assessment:  # fmt: skip
    found = Meeting(id="m", date=date, platform=platform, sector=sector, level="national",
                    location=None, verdict=verdict, required=(), iom_attendees=(),
                    sheet="Attendance", row=2)  # fmt: skip
    return Assessment(found, (), 2, "B")


def policy(**changes: object) -> Policy:
    return replace(Policy.generic(default_vocabulary()), **changes)  # type: ignore[arg-type]


def check_file(assessments: list[Assessment], p: Policy, period: str | None) -> list:
    return list(rule.check(RosterFile(p, assessments, period=period)))


def codes(found: list) -> list[tuple[str, str, str]]:
    return [(f.code, f.platform, f.value) for f in found]


def test_is_a_file_level_rule_listed_with_the_others() -> None:
    [registered] = [r for r in load_rules() if r.code == "C306"]
    assert registered.scope == "file" and registered.check is rule.check
    assert rule.CODE == "C306"
    assert rule.__doc__ and "Passes:" in rule.__doc__ and "Fails:" in rule.__doc__


def test_enough_meetings_pass() -> None:
    p = policy(expected_per_month={"HCT": 2})
    found = list(check_file([meeting("2026-10-02", "HCT"), meeting("2026-10-16", "HCT")],
                                 p, "2026-10"))  # fmt: skip
    assert found == []


def test_too_few_meetings_fail_with_counts_and_no_cell() -> None:
    p = policy(expected_per_month={"HCT": 2, "OMT": 1})
    [hct, omt] = check_file([meeting("2026-10-02", "HCT")], p, "2026-10")
    assert (hct.code, hct.platform, hct.cell, hct.meeting_id, hct.sheet) == (
        "C306", "HCT", None, None, None,
    )  # fmt: skip
    assert str(hct.severity) == "warning"
    assert hct.message.startswith("HCT: 2 meetings expected in 2026-10 (2 a month in the "
                                  "mission's profile), 1 recorded.")  # fmt: skip
    assert omt.message.startswith("OMT: 1 meeting expected in 2026-10 (1 a month in the "
                                  "mission's profile), 0 recorded.")  # fmt: skip


@pytest.mark.parametrize(
    ("per_month", "recorded", "fails"),
    [(1, 11, True), (1, 12, False), (0.5, 5, True), (0.5, 6, False), (1 / 3, 3, True),
     (1 / 3, 4, False)],
)  # fmt: skip
def test_a_year_expects_twelve_months_rounded_down(per_month: float, recorded: int,
                                                   fails: bool) -> None:  # fmt: skip
    p = policy(expected_per_month={"PMT": per_month})
    meetings = [meeting(f"2026-{m:02d}-10", "PMT") for m in range(1, recorded + 1)]
    meetings.append(meeting("2026-12-03", "HCT"))  # the log runs to December
    assert bool(list(check_file(meetings, p, "2026"))) is fails


def test_a_year_logged_to_june_expects_the_months_to_june_and_says_so() -> None:
    p = policy(expected_per_month={"HCT": 1, "OMT": 1})
    meetings = [meeting(f"2026-{m:02d}-10", "HCT") for m in range(1, 7)]  # January to June
    meetings += [meeting("2026-02-11", "OMT"), meeting("2026-05-12", "OMT")]
    [omt] = check_file(meetings, p, "2026")
    assert (omt.platform, omt.fields["expected"], omt.fields["recorded"]) == ("OMT", 6, 2)
    assert omt.message.startswith("OMT: 6 meetings expected from 2026-01 to 2026-06, the months "
                                  "of 2026 the roster covers")  # fmt: skip
    assert "de 2026-01 à 2026-06" in omt.rendered("fr")


def test_half_a_month_is_not_flagged_in_one_month() -> None:
    p = policy(expected_per_month={"PMT": 0.5})
    assert list(check_file([], p, "2026-10")) == []


def test_out_of_period_and_not_applicable_meetings_do_not_count() -> None:
    p = policy(expected_per_month={"HCT": 1})
    meetings = [meeting("2026-09-30", "HCT"),
                meeting("2026-10-05", "HCT", verdict=Verdict.NOT_APPLICABLE)]  # fmt: skip
    assert codes(list(check_file(meetings, p, "2026-10"))) == [("C306", "HCT", "HCT")]


def test_absent_meetings_still_count_as_recorded() -> None:
    p = policy(expected_per_month={"HCT": 1})
    assert list(check_file([meeting("2026-10-05", "HCT", verdict=Verdict.ABSENT)],
                                p, "2026-10")) == []  # fmt: skip


def test_clusters_are_counted_one_by_one() -> None:
    p = policy(expected_per_month={"CLUSTER": 1}, cluster_sectors=frozenset({"HEA", "PRO"}))
    found = list(check_file([meeting("2026-10-05", "CLUSTER", "HEA")], p, "2026-10"))
    assert codes(found) == [("C306", "CLUSTER", "PRO")]
    assert found[0].message.startswith("Protection Cluster: 1 meeting expected")


def test_no_period_no_count() -> None:
    p = policy(expected_per_month={"HCT": 1})
    assert list(check_file([], p, None)) == []


def test_inactive_platform_is_not_expected() -> None:
    p = policy(expected_per_month={"HCT": 1}, inactive_platforms=frozenset({"HCT"}))
    assert list(check_file([], p, "2026-10")) == []
