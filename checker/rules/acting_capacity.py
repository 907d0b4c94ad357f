"""IOM was represented by an acting head (a.i., OIC).

Passes silently: the Chief of Mission attends in person.
Reports (info): "Chief of Mission a.i." or "Officer-in-Charge" at the HCT. The meeting is
        compliant; the finding says so at the attendee's title cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding, Verdict
from checker.judge import REPRESENTING, Assessment
from checker.policy import Policy
from checker.rules import fails, finding, passes, rule

CODE = "C307"


@rule(
    CODE,
    fails("""
        Date       | Platform | Name      | Organization | Title
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission a.i.
    """),
    passes("""
        Date       | Platform | Name      | Organization | Title
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission
    """),
)
def check(assessment: Assessment, policy: Policy) -> Iterator[Finding]:
    if assessment.verdict is not Verdict.COMPLIANT:
        return
    representing = [s for s in assessment.seats if s.standing in REPRESENTING]
    if representing and all(s.attendee.acting for s in representing):
        yield finding(CODE, assessment, policy, representing[0])
