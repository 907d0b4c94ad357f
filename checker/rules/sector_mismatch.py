"""A cluster meeting attended by IOM staff of another sector.

Passes: a Migration Health Programme Officer at the Health Cluster.
Fails:  a WASH Programme Officer at the Health Cluster, with nobody from the Health
        programme: C303 at the attendee's title cell. The attendee's sector comes from the
        sector column, else from the title; when neither gives one, it is taken to be the
        cluster's own.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding, Verdict
from checker.judge import Assessment, Standing
from checker.policy import Policy
from checker.rules import fails, finding, passes, rule, sector_name

CODE = "C303"


@rule(
    CODE,
    fails("""
        Date       | Platform       | Name      | Organization | Title
        12/10/2026 | Health Cluster | M. Desta  | IOM          | WASH Programme Officer
    """),
    passes("""
        Date       | Platform       | Name      | Organization | Title
        12/10/2026 | Health Cluster | M. Desta  | IOM          | Migration Health Programme Officer
    """),
)
def check(assessment: Assessment, policy: Policy) -> Iterator[Finding]:
    if assessment.verdict is not Verdict.WRONG_LEVEL:
        return
    seat = assessment.first(Standing.WRONG_SECTOR)
    if seat is not None:
        sector = seat.attendee.sector
        yield finding(
            CODE, assessment, policy, seat,
            attendee_sector=sector_name(sector, policy)
            if sector in policy.vocabulary.sector_names else sector or "",
        )  # fmt: skip
