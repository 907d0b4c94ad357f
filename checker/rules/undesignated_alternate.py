"""An alternate represented IOM without a designation in the mission's profile.

Passes: the Emergency Coordinator at the HCT, when the profile records that the Chief of
        Mission designated them (platform HCT, role EMERG_COORD, dates covering the meeting).
Fails:  the Emergency Coordinator at the HCT with no such designation: C305 at their title
        cell (the generic table designates nobody). When the profile designates another
        person, or designates them for other dates, the message says whom and when.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding, Verdict
from checker.judge import Assessment, Standing
from checker.messages import Joined, Person, Phrase
from checker.policy import Policy
from checker.rules import fails, finding, passes, rule

CODE = "C305"


@rule(
    CODE,
    fails("""
        Date       | Platform | Name        | Organization | Title
        05/10/2026 | HCT      | Rahul Menon | IOM          | Emergency Coordinator
    """),
    passes(  # the Ethiopian example profile records the Chief of Mission's designation
        """
        Date       | Platform | Name        | Organization | Title
        05/10/2026 | HCT      | Rahul Menon | IOM          | Emergency Coordinator
        """,
        mission="ETH",
        profile="ETH",
    ),
)
def check(assessment: Assessment, policy: Policy) -> Iterator[Finding]:
    if assessment.verdict is not Verdict.WRONG_LEVEL:
        return
    seat = assessment.first(Standing.ALTERNATE)
    if seat is None:
        return
    meeting = assessment.meeting
    others = [d for d in policy.designations
              if d.platform == meeting.platform and d.role == seat.attendee.role]  # fmt: skip
    if not others:
        yield finding(CODE, assessment, policy, seat)
        return
    designated = Joined(tuple(
        Joined((Person(d.name) if d.name else Phrase("designated_anyone"),
                Phrase.of("designated_from", date=d.start) if d.start else "",
                Phrase.of("designated_to", date=d.end) if d.end else ""))
        for d in others
    ), "; ")  # fmt: skip
    yield finding(CODE, assessment, policy, seat, "other", designated=designated)
