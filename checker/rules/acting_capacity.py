"""IOM was represented by an acting head (a.i., OIC).

Passes silently: the Chief of Mission attends in person.
Reports (info): "Chief of Mission a.i." or "Officer-in-Charge" at the HCT. The meeting is
        compliant; the finding says so at the attendee's title cell. A deputy's title on a
        date a note of the sheet puts inside their acting period (checker.acting) is
        reported with the note cited (C307:note).
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
        seat = representing[0]
        if seat.note is not None:  # a deputy's title, acting by a note of the sheet
            cell = f"{seat.attendee.sheet}!{seat.note.cell}"
            yield finding(CODE, assessment, policy, seat, "note", cell=cell,
                          line=seat.note.text.strip())  # fmt: skip
            return
        yield finding(CODE, assessment, policy, seat)
