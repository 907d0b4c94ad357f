"""A meeting with no IOM attendee.

Passes: an HCT meeting whose attendance list has a row for IOM's Chief of Mission.
Fails:  an OMT meeting on 2026-10-12 where no row names IOM (or, in an IOM representation
        log, the row has no representative): C301 at the meeting's platform cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding, Verdict
from checker.judge import Assessment
from checker.policy import Policy
from checker.rules import fails, finding, passes, rule

CODE = "C301"


@rule(
    CODE,
    fails("""
        Date       | Platform | Name      | Organization | Title
        12/10/2026 | OMT      | K. Mensah | UNICEF       | Operations Manager
    """),
    passes("""
        Date       | Platform | Name      | Organization | Title
        12/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission
    """),
)
def check(assessment: Assessment, policy: Policy) -> Iterator[Finding]:
    if assessment.verdict is Verdict.ABSENT:
        yield finding(CODE, assessment, policy, None)
