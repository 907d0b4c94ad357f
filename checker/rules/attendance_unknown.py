"""The roster does not say whether IOM's attendee was there.

A meeting whose IOM attendee's row is struck through, hidden, coloured under a legend of
absence, commented on, unsigned among signed rows, named in an apologies line, or has an
attendance cell that is blank or says something else than present or absent, is
`undetermined`. No other finding said so: a file whose only doubt was such a row came out
"compliant" (round 6's MOZ: "F" under "Presença (P/F)"), and a CI run passed on it. This
finding makes the doubt an error at that attendee's title cell.

Passes: the Chief of Mission's attendance cell says Present.
Fails:  it says "Maybe": C309 at the attendee's title cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding, Verdict
from checker.judge import DOUBT_REASONS, Assessment
from checker.policy import Policy
from checker.rules import fails, finding, passes, rule

CODE = "C309"


@rule(
    CODE,
    fails("""
        Date       | Platform | Name      | Organization | Title            | Attendance
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission | Maybe
    """),
    passes("""
        Date       | Platform | Name      | Organization | Title            | Attendance
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission | Present
    """),
)
def check(assessment: Assessment, policy: Policy) -> Iterator[Finding]:
    meeting = assessment.meeting
    why = meeting.reason_words
    if getattr(why, "key", None) == "reason_also":  # a title not known, and a row in doubt
        why = dict(why.values)["also"]
    if (
        meeting.verdict is not Verdict.UNDETERMINED
        or getattr(why, "key", None) not in DOUBT_REASONS
    ):
        return
    row = dict(why.values).get("row")
    seat = next((s for s in assessment.seats if s.title_row == row), None)
    yield finding(CODE, assessment, policy, seat, why=why)
