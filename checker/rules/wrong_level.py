"""IOM attended, but nobody at the level the platform requires.

Passes: the Chief of Mission at the HCT; the Resource Management Officer at the OMT.
Fails:  a Programme Officer at the HCT (below the level required); the Chief of Mission at
        the OMT instead of the RMO (above it: the RMO's seat is empty); a Security Officer at
        the PMT (a different function). C302 at the attendee's title cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding, Verdict
from checker.judge import Assessment, Seat, Standing
from checker.policy import Policy
from checker.rules import fails, finding, passes, rule

CODE = "C302"


@rule(
    CODE,
    fails("""
        Date       | Platform | Name     | Organization | Title
        05/10/2026 | HCT      | J. Okoro | IOM          | Programme Officer
    """),
    passes("""
        Date       | Platform | Name     | Organization | Title
        05/10/2026 | OMT      | J. Okoro | IOM          | Resource Management Officer
    """),
)
def check(assessment: Assessment, policy: Policy) -> Iterator[Finding]:
    if assessment.verdict is not Verdict.WRONG_LEVEL:
        return
    seat = assessment.first(Standing.WRONG_LEVEL, Standing.OBSERVER_ROLE)
    if seat is not None:
        yield finding(CODE, assessment, policy, seat, _direction(seat, assessment, policy))


def _direction(seat: Seat, assessment: Assessment, policy: Policy) -> str:
    """above / below / function, from the approximate seniority of the roles."""
    if seat.standing is Standing.OBSERVER_ROLE:
        return "observer_role"
    roles = policy.vocabulary.roles
    attendee = roles.get(seat.attendee.role or "")
    required = [roles[r] for r in assessment.meeting.required if r in roles]
    if attendee is None or not required:
        return "unknown"
    if attendee.rank < min(r.rank for r in required):
        return "above"
    if attendee.function or all(r.function for r in required):
        return "function"
    return "below"
