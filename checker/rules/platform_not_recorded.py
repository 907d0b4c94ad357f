"""A platform the profile expects has fewer meetings recorded than expected in the period.

Counts, per platform with `expected_per_month` in the mission's profile, the meetings the
roster records within the reporting period (expected = expected_per_month × months, rounded
down; meetings outside the period or not applicable are not counted). A YYYY-MM period is one
month; a YYYY period runs from January to the last month in which the roster records any
meeting (a year's log kept to June is not expected to hold the meetings of July to December),
and the message names those months. For CLUSTER it counts each cluster of `sectors` separately.
The finding points at no cell (the meeting is missing); it names the platform, the expected
and the recorded counts. Its `platform` is the platform code and, for a cluster, its `value`
the sector code.

Passes: the profile says `HCT: {expected_per_month: 2}` and the October roster records HCT
        meetings on 2 and 16 October.
Fails:  the profile says `OMT: {expected_per_month: 1}` and the October roster records no
        OMT meeting: C306 "OMT: 1 meeting expected in 2026-10 (1 a month), 0 recorded".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator

from checker.findings import Finding, Verdict
from checker.policy import period_months
from checker.rules import RosterFile, fails, passes, rule

CODE = "C306"


@rule(
    CODE,
    fails(  # the Kenyan example profile expects one HCT meeting a month
        """
        Date       | Platform | Name       | Organization | Title
        12/10/2026 | OMT      | P. Wanjiru | IOM          | Resource Management Officer
        """,
        mission="KEN",
        profile="KEN",
    ),
    passes(
        """
        Date       | Platform | Name       | Organization | Title
        12/10/2026 | HCT      | P. Wanjiru | IOM          | Chief of Mission
        """,
        mission="KEN",
        profile="KEN",
    ),
)
def check(roster: RosterFile) -> Iterator[Finding]:
    policy, period = roster.policy, roster.period
    months = period_months(period)
    if not roster.usable or not roster.assessments:
        return  # counting meetings needs a usable roster
    if not months or not policy.expected_per_month:
        return  # without a period nothing can be counted (S210 says so)
    in_period = [a for a in roster.assessments if a.meeting.date.startswith(str(period))]
    recorded = Counter(
        (a.meeting.platform, a.meeting.sector if a.meeting.platform == "CLUSTER" else None)
        for a in in_period
        if a.verdict is not Verdict.NOT_APPLICABLE
    )
    covered = {}  # a year's months up to its last recorded one: "first" and "last" for the message
    if months == 12 and in_period:
        last = max(a.meeting.date[:7] for a in in_period)
        if last[5:7].isdigit() and int(last[5:7]) < 12:
            months = int(last[5:7])
            covered = {"first": f"{period}-01", "last": last}
    for platform, per_month in policy.expected_per_month.items():
        if platform in policy.inactive_platforms:
            continue
        sectors: list[str | None] = [None]
        if platform == "CLUSTER":
            sectors = [*sorted(policy.cluster_sectors or [])]
        # A tolerance so that 1/3 a month over 12 months expects 4, not 3.
        expected = math.floor(per_month * months + 1e-9)
        for sector in sectors:
            count = recorded[(platform, sector)]
            if count >= expected:
                continue
            yield Finding.make(
                CODE, policy, "months" if covered else "",
                at={"platform": platform, "value": sector or platform}, **covered,
                platform_name=policy.platform_words(platform, sector), expected=expected,
                period=period, per_month=f"{per_month:g}", recorded=count,
            )  # fmt: skip
