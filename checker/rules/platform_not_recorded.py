"""A platform the profile expects has fewer meetings recorded than expected in the period.

Counts, per platform with `expected_per_month` in the mission's profile, the meetings the
roster records within the reporting period (expected = expected_per_month × months: 1 for a
YYYY-MM period, 12 for a YYYY period, rounded down; meetings outside the period or not
applicable are not counted). For CLUSTER it counts each cluster of `sectors` separately.
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
    recorded = Counter(
        (a.meeting.platform, a.meeting.sector if a.meeting.platform == "CLUSTER" else None)
        for a in roster.assessments
        if a.meeting.date.startswith(str(period)) and a.verdict is not Verdict.NOT_APPLICABLE
    )
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
                CODE, policy, at={"platform": platform, "value": sector or platform},
                platform_name=policy.platform_words(platform, sector), expected=expected,
                period=period, per_month=f"{per_month:g}", recorded=count,
            )  # fmt: skip
