"""IOM attended only as observer.

Passes: the Chief of Mission sits in the UNCT as a member (or chair).
Fails:  the only IOM attendee of the UNCT is recorded with the role "Observer": C304 at
        that attendee's title cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding, Verdict
from checker.judge import Assessment, Standing
from checker.policy import Policy
from checker.rules import fails, finding, passes, rule

CODE = "C304"


@rule(
    CODE,
    fails("""
        Date       | Platform | Name      | Organization | Title            | Role
        08/10/2026 | UNCT     | A. Diallo | IOM          | Chief of Mission | Observer
    """),
    passes("""
        Date       | Platform | Name      | Organization | Title            | Role
        08/10/2026 | UNCT     | A. Diallo | IOM          | Chief of Mission | Member
    """),
)
def check(assessment: Assessment, policy: Policy) -> Iterator[Finding]:
    if assessment.verdict is not Verdict.WRONG_LEVEL or not assessment.seats:
        return
    if all(seat.standing is Standing.OBSERVER for seat in assessment.seats):
        yield finding(CODE, assessment, policy, assessment.seats[0])
