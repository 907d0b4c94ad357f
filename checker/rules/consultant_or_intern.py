"""IOM was represented only by a consultant or an intern.

Consultants and interns work for IOM without being its staff: they may attend a meeting (to
take notes, to present their work) but cannot represent IOM there. The rule looks at the IOM
attendees who sit as members (observers aside); when every one of them has a consultant's or
intern's title (schemas/vocabulary.yaml `non_staff`: Consultant, Intern, Stagiaire, Pasante,
Consultor(a)…), the meeting keeps its verdict wrong_level and this finding replaces C302 at
that attendee's title cell: the level does not matter, the person cannot represent IOM at
all. It never judges a meeting IOM attended properly: with anyone who represents IOM there,
the meeting is compliant and the rule stays silent.

Passes: a Health Consultant at the HCT beside the Chief of Mission.
Fails:  a Health Consultant alone at the HCT; a "Stagiaire" alone at the Health Cluster: C308
        at the attendee's title cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding, Verdict
from checker.judge import Assessment, Standing
from checker.policy import Policy
from checker.rules import fails, finding, passes, rule

CODE = "C308"


@rule(
    CODE,
    fails("""
        Date       | Platform | Name     | Organization | Title
        05/10/2026 | HCT      | L. Haile | IOM          | Health Consultant
    """),
    passes("""
        Date       | Platform | Name      | Organization | Title
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission
        05/10/2026 | HCT      | L. Haile  | IOM          | Health Consultant
    """),
)
def check(assessment: Assessment, policy: Policy) -> Iterator[Finding]:
    if assessment.verdict is not Verdict.WRONG_LEVEL:
        return
    sitting = [s for s in assessment.seats if s.standing is not Standing.OBSERVER]
    if sitting and all(policy.vocabulary.non_staff(s.attendee.title) for s in sitting):
        yield finding(CODE, assessment, policy, sitting[0])
