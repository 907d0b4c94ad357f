"""Rules: one module per finding code judged from what a roster means, each declaring itself.

A rule module has a docstring (its summary line, then what passes and what fails) and marks
its check with `@rule(CODE, *examples)`; its code's entry in schemas/rules.yaml says its
name, severity and scope, and which codes it supersedes. A "meeting" rule's
`check(assessment, policy)` reads one meeting's assessment (checker.judge); a "file" rule's
`check(roster)` reads a RosterFile: every meeting of the file, its mission and period (C306
counts the meetings of a platform over the period). Rules never raise. `judge_meeting` and
`judge_file` run them; `rules_text` is what `roster-check rules` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.findings import Finding
from checker.judge import Assessment, Seat
from checker.messages import AttendeeWords, Joined, Name, Person, Phrase, Wording
from checker.policy import Policy
from checker.rules._registry import (
    Example,
    Rule,
    RuleError,
    fails,
    load_rules,
    passes,
    rule,
    rules_of,
)

__all__ = ["Example", "Rule", "RuleError", "fails", "load_rules", "passes", "rule"]


@dataclass(frozen=True)
class RosterFile:
    """What a file rule sees of one roster file."""

    policy: Policy
    assessments: Sequence[Assessment] = ()
    mission: str | None = None
    mission_source: str | None = None
    period: str | None = None
    template_version: str | None = None
    sheet: str | None = None  # the first roster table's sheet
    empty: bool = False  # a roster header with no data rows under it
    usable: bool = True  # every roster table has its required columns


def judge_meeting(assessment: Assessment, policy: Policy) -> list[Finding]:
    """The findings of every meeting rule the policy enables, on one meeting."""
    found = [f for r in rules_of("meeting") if policy.enabled(r.code)
             for f in r.check(assessment, policy)]  # fmt: skip
    return supersede(found)


def judge_file(roster: RosterFile) -> list[Finding]:
    """The findings of every file rule the policy enables, on one roster file."""
    return [f for r in rules_of("file") if roster.policy.enabled(r.code) for f in r.check(roster)]


def supersede(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that another one supersedes (`supersedes` in schemas/rules.yaml) on the
    same cell of the same meeting, when that other one is at least as severe: a profile that
    lowers the superseding code keeps both, so that no meeting ever loses its error."""
    superseding = {r.code: r.supersedes for r in load_rules() if r.supersedes}
    if not superseding:
        return findings

    def place(f: Finding) -> tuple[object, ...]:
        return (f.meeting_id, f.sheet, f.row, f.column)

    dropped = {
        id(other)
        for f in findings if f.code in superseding
        for other in findings
        if other.code in superseding[f.code] and place(other) == place(f)
        and f.severity >= other.severity
    }  # fmt: skip
    return [f for f in findings if id(f) not in dropped]


def rules_text() -> str:
    """Every finding code with its name, default severity, documentation and examples: what
    `roster-check rules` prints."""
    lines: list[str] = []
    for doc in documentation():
        lines.append(f"{doc.code}  {doc.name}  [{doc.severity}]")
        lines += [f"    {line}".rstrip() for line in doc.help.splitlines()]
        lines.append("")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class RuleDoc:
    """What `roster-check rules` prints and SARIF's tool.driver.rules carries, for one code."""

    code: str
    name: str
    severity: str
    text: str  # the rule module's docstring, else the summary in schemas/rules.yaml
    examples: tuple[Example, ...] = ()

    @property
    def summary(self) -> str:
        """The first paragraph, on one line."""
        return " ".join(self.text.split("\n\n")[0].split()) if self.text else self.name

    @property
    def help(self) -> str:
        """The documentation, then the examples."""
        parts = [self.text or self.summary]
        parts += ["\n".join(e.text()) for e in self.examples]
        return "\n\n".join(parts)


def documentation() -> list[RuleDoc]:
    """Every finding code, in the order of schemas/rules.yaml."""
    from checker.vocabulary import default_vocabulary

    rules = {r.code: r for r in load_rules()}
    docs = []
    for code, entry in default_vocabulary().rules.rules.items():
        found = rules.get(code)
        text = found.doc if found else entry.summary or ""
        docs.append(RuleDoc(code, entry.name, entry.severity, text,
                            found.examples if found else ()))  # fmt: skip
    return docs


def required_text(assessment: Assessment, policy: Policy) -> Wording:
    """Who should have sat there, in words: "the Chief of Mission"."""
    meeting = assessment.meeting
    names = policy.vocabulary.role_names
    if meeting.platform == "CLUSTER":
        return Phrase.of("required_cluster", sector=sector_name(meeting.sector, policy))
    if not meeting.required:
        return Phrase("required_profile")
    return Joined(
        tuple(Phrase.of("required_role", role=Name("roles", role, names.get(role, role)))
              for role in meeting.required),
        Phrase("required_or"),
    )  # fmt: skip


def sector_name(sector: str | None, policy: Policy) -> Wording:
    """A sector's name ("cluster's" when it is not known)."""
    if sector is None or sector not in policy.vocabulary.sector_names:
        return Phrase("cluster_sector")
    return Name("sectors", sector, policy.vocabulary.sector_names[sector])


def attendee_text(seat: Seat) -> AttendeeWords:
    return AttendeeWords(seat.attendee.title, seat.attendee.name)


def person(name: str | None) -> Wording:
    """A person's name for a message, "(no name)" when the roster gives none."""
    return Person(name) if name else Phrase("no_name")


def finding(
    code: str, assessment: Assessment, policy: Policy, seat: Seat | None, variant: str = "",
    **values: object,
) -> Finding:  # fmt: skip
    """A compliance finding at the seat's title cell, or at the meeting's platform cell."""
    meeting = assessment.meeting
    if seat is not None:
        sheet, row, column = seat.attendee.sheet, seat.title_row, seat.title_column
        value: object = seat.attendee.title
    else:
        sheet, row, column = meeting.sheet, assessment.platform_row, assessment.platform_column
        value = meeting.platform
    return Finding.make(
        code, policy, variant,
        at={"sheet": sheet, "row": row, "column": column, "meeting_id": meeting.id,
            "meeting_date": meeting.date, "platform": meeting.platform, "value": value},
        platform_name=policy.platform_words(meeting.platform, meeting.sector),
        platform=policy.platform_words(meeting.platform, meeting.sector)
        if meeting.platform == "CLUSTER" else meeting.platform,
        date=meeting.date,
        required=required_text(assessment, policy),
        attendee=attendee_text(seat) if seat else "",
        sector=sector_name(meeting.sector, policy),
        **values,
    )  # fmt: skip
