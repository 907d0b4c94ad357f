"""Compliance rules: one module per finding code, each with CODE, a docstring and a check.

Most rules judge one meeting: `check(assessment, policy)` reads the meeting's assessment
(checker.judge) and yields findings. A rule that needs every meeting of the file declares
`SCOPE = "file"` and `check_file(assessments, policy, period)` instead (C306 counts the
meetings of a platform over the period). Rules never raise. The first line of a rule's
docstring is the summary `roster-check rules` shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from checker.findings import Finding
from checker.judge import Assessment, Seat
from checker.messages import name, phrase, render
from checker.policy import Policy

RULE_MODULES = (
    "iom_absent",
    "wrong_level",
    "sector_mismatch",
    "observer_only",
    "undesignated_alternate",
    "acting_capacity",
    "platform_not_recorded",
)

Check = Callable[[Assessment, Policy], Iterator[Finding]]


def load_rules() -> list[ModuleType]:
    return [import_module(f"checker.rules.{name}") for name in RULE_MODULES]


def rules_by_scope() -> tuple[list[ModuleType], list[ModuleType]]:
    """(rules that judge one meeting, rules that judge the whole file)."""
    rules = load_rules()
    on_file = [r for r in rules if getattr(r, "SCOPE", "meeting") == "file"]
    return [r for r in rules if r not in on_file], on_file


@dataclass(frozen=True)
class RuleDoc:
    """What `roster-check rules` prints and SARIF's tool.driver.rules carries, for one code."""

    code: str
    name: str
    severity: str
    text: str  # the rule module's docstring, else the summary in schemas/rules.yaml

    @property
    def summary(self) -> str:
        return self.text.splitlines()[0] if self.text else self.name


def documentation() -> list[RuleDoc]:
    """Every finding code, in the order of schemas/rules.yaml."""
    from checker.vocabulary import default_vocabulary

    docs = {module.CODE: (module.__doc__ or "").strip() for module in load_rules()}
    return [
        RuleDoc(code, entry.name, entry.severity, docs.get(code) or entry.summary or "")
        for code, entry in default_vocabulary().rules.rules.items()
    ]


def required_text(assessment: Assessment, policy: Policy) -> str:
    """Who should have sat there, in words: "the Chief of Mission"."""
    meeting = assessment.meeting
    names = policy.vocabulary.role_names
    if meeting.platform == "CLUSTER":
        return phrase("required_cluster", sector=sector_name(meeting.sector, policy))
    if not meeting.required:
        return phrase("required_profile")
    return phrase("required_or").join(
        phrase("required_role", role=name("roles", role, names.get(role, role)))
        for role in meeting.required
    )


def sector_name(sector: str | None, policy: Policy) -> str:
    """A sector's name in the language of the check ("cluster's" when it is not known)."""
    if sector is None or sector not in policy.vocabulary.sector_names:
        return phrase("cluster_sector")
    return name("sectors", sector, policy.vocabulary.sector_names[sector])


def attendee_text(seat: Seat) -> str:
    title = seat.attendee.title or phrase("no_title")
    article = "an" if title[:1].lower() in "aeiou" else "a"
    described = title if title.lower().startswith(("the ", "a ", "an ")) else f"{article} {title}"
    if seat.attendee.name:
        return phrase("attendee_named", title_with_article=described, title=title,
                      name=seat.attendee.name)  # fmt: skip
    return phrase("attendee_unnamed", title_with_article=described, title=title)


def finding(
    code: str, assessment: Assessment, policy: Policy, seat: Seat | None, variant: str = "",
    **values: object,
) -> Finding:  # fmt: skip
    """A compliance finding at the seat's title cell, or at the meeting's platform cell."""
    meeting = assessment.meeting
    vocabulary = policy.vocabulary
    text = render(
        f"{code}:{variant}" if variant else code,
        platform_name=policy.platform_label(meeting.platform, meeting.sector),
        platform=policy.platform_label(meeting.platform, meeting.sector)
        if meeting.platform == "CLUSTER" else meeting.platform,
        date=meeting.date,
        required=required_text(assessment, policy),
        attendee=attendee_text(seat) if seat else "",
        sector=sector_name(meeting.sector, policy),
        **values,
    )  # fmt: skip
    if seat is not None:
        sheet, row, column = seat.attendee.sheet, seat.title_row, seat.title_column
        value: object = seat.attendee.title
    else:
        sheet, row, column = meeting.sheet, assessment.platform_row, assessment.platform_column
        value = meeting.platform
    return Finding(
        code=code, rule=vocabulary.rule(code).name, severity=policy.severity(code), message=text,
        sheet=sheet, row=row, column=column, meeting_id=meeting.id, meeting_date=meeting.date,
        platform=meeting.platform, value=value,
    )  # fmt: skip
