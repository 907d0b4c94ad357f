"""What applies to one mission: the representation table, designations, rule settings.

Without a profile this is the generic table of schemas/representation.yaml: every recorded
meeting of a known platform is one IOM should attend, no alternate is designated, and every
rule has its default severity. Country profiles (schemas/profiles/) produce a Policy too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from checker.findings import Finding, Meeting, Severity, codes_of
from checker.vocabulary import PlatformRule, Vocabulary

if TYPE_CHECKING:
    from checker.messages import Wording


@dataclass(frozen=True)
class Designation:
    """The Chief of Mission's designation of an alternate for a platform."""

    platform: str
    role: str
    name: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, platform: str, role: str | None, name: str | None, date: str) -> bool:
        if platform != self.platform or role != self.role:
            return False
        # A tracker's meeting is known to the month: the designation must cover all of it.
        first, last = period_bounds(date)
        if first is None or last is None:
            return False
        if (self.start and first < self.start) or (self.end and last > self.end):
            return False
        return self.name is None or name is None or _same_person(self.name, name)


def _same_person(a: str, b: str) -> bool:
    from checker.vocabulary import fold

    return fold(a) == fold(b)


@dataclass(frozen=True)
class Waiver:
    """A known exception the mission or regional office accepts: its findings stay in every
    report, marked waived with the reason, but no longer make a roster non-compliant."""

    platform: str
    sector: str | None
    until: dt.date | None
    reason: str
    codes: tuple[str, ...] = ()  # empty: every compliance (C3xx) code
    start: dt.date | None = None

    def covers(self, finding: Finding, meeting: Meeting | None, period: str | None) -> bool:
        if finding.platform != self.platform or finding.code not in codes_of(category="compliance"):
            return False
        if self.codes and finding.code not in self.codes:
            return False
        if meeting is not None:
            if self.sector is not None and meeting.sector != self.sector:
                return False
            first, last = period_bounds(meeting.date)
            return (
                first is not None
                and last is not None
                and self._in_window(first)
                and (self._in_window(last))
            )
        # A file-level finding (C306): waived when the window overlaps the reporting period.
        if self.sector is not None and finding.value != self.sector:
            return False
        first, last = period_bounds(period)
        if first is None or last is None:
            return self.start is None and self.until is None
        return (self.start is None or self.start <= last) and (
            self.until is None or self.until >= first
        )

    def _in_window(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (
            self.until is None or day <= self.until
        )


def period_bounds(period: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a YYYY-MM-DD day, a YYYY-MM month or a YYYY year."""
    if not period or not period[:4].isdigit():
        return None, None
    if len(period) == 10:
        day = dt.date.fromisoformat(period)
        return day, day
    year = int(period[:4])
    if len(period) == 4:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(period[5:7])
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), following - dt.timedelta(days=1)


def period_months(period: str | None) -> int:
    return 0 if not period else 12 if len(period) == 4 else 1


@dataclass
class Policy:
    vocabulary: Vocabulary
    name: str = "generic"
    representation: dict[str, PlatformRule] = field(default_factory=dict)
    inactive_platforms: frozenset[str] = frozenset()
    cluster_sectors: frozenset[str] | None = None  # None: every cluster concerns IOM
    designations: tuple[Designation, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()
    waivers: tuple[Waiver, ...] = ()
    expected_per_month: dict[str, float] = field(default_factory=dict)
    platform_labels: dict[str, str] = field(default_factory=dict)
    # platform → the only level it is expected at (other levels: not applicable)
    levels: dict[str, str] = field(default_factory=dict)
    mission: str | None = None
    sources: tuple[str, ...] = ()  # the profile files, the profile's own first
    description: str | None = None
    # Local words the profile taught the vocabulary: alias → platform code / role code.
    platform_aliases: dict[str, str] = field(default_factory=dict)
    title_aliases: dict[str, str] = field(default_factory=dict)
    # Headers this mission's rosters give the fields of schemas/columns.yaml (field → header).
    columns: dict[str, str] = field(default_factory=dict)

    @classmethod
    def generic(cls, vocabulary: Vocabulary) -> Policy:
        return cls(vocabulary, representation=dict(vocabulary.representation.platforms))

    def column_headers(self, given: Sequence[tuple[str, str]] = ()) -> dict[str, str]:
        """The headers the user gave for fields: the profile's `columns`, then --column (which
        wins for the same field)."""
        return {**self.columns, **dict(given)}

    def severity(self, code: str) -> Severity:
        if code in self.severities:
            return self.severities[code]
        return Severity.parse(self.vocabulary.rule(code).severity)

    def enabled(self, code: str) -> bool:
        return code not in self.disabled

    def rule_for(self, platform: str) -> PlatformRule | None:
        return self.representation.get(platform)

    def applies(self, platform: str, sector: str | None, level: str | None = None) -> bool:
        """Whether IOM is expected at this meeting (False → verdict not_applicable)."""
        if platform in self.inactive_platforms:
            return False
        if level is not None and self.levels.get(platform, level) != level:
            return False
        if platform == "CLUSTER" and self.cluster_sectors is not None and sector is not None:
            return sector in self.cluster_sectors
        return True

    def is_designated(self, platform: str, role: str | None, name: str | None, date: str) -> bool:
        return any(d.covers(platform, role, name, date) for d in self.designations)

    def platform_label(self, platform: str, sector: str | None) -> str:
        """The platform in words, in the language of the check."""
        return str(self.platform_words(platform, sector))

    def platform_words(self, platform: str, sector: str | None) -> Wording | str:
        """The platform in words: a cluster's in the language it is said in ("Health
        Cluster", "Cluster Santé"), the others as the vocabulary names them."""
        if platform == "CLUSTER":
            from checker.messages import Name, Phrase

            known = self.vocabulary.sector_names.get(sector or "")
            words = Name("sectors", sector, known) if known else Phrase("unnamed_sector")
            return Phrase.of("cluster_label", sector=words)
        return self.platform_labels.get(platform, platform)

    def waive(
        self, findings: list[Finding], meetings: Sequence[Meeting], period: str | None
    ) -> list[Finding]:
        """Mark the findings a waiver covers; the one place waivers are applied."""
        if not self.waivers:
            return findings
        by_id = {m.id: m for m in meetings}
        marked = []
        for finding in findings:
            meeting = by_id.get(finding.meeting_id or "")
            waiver = next((w for w in self.waivers if w.covers(finding, meeting, period)), None)
            if waiver is not None:
                finding = replace(finding, waived=True, waiver_reason=waiver.reason)
            marked.append(finding)
        return marked

    def to_dict(self) -> dict[str, Any]:
        """The effective representation table, as `roster-check profile show` prints it."""
        names = self.vocabulary.platform_names
        platforms = {}
        for code, rule in self.representation.items():
            entry: dict[str, Any] = {
                "name": names.get(code, code),
                "label": self.platform_label(code, None) if code != "CLUSTER" else None,
                "active": code not in self.inactive_platforms,
                "level": self.levels.get(code),
                "required_roles": list(rule.required_roles),
                "alternates": list(rule.alternates),
                "observers_allowed": list(rule.observers_allowed),
                "expected_per_month": self.expected_per_month.get(code),
            }
            if code == "CLUSTER":
                entry["sectors"] = (
                    sorted(self.cluster_sectors) if self.cluster_sectors is not None else None
                )
            platforms[code] = entry
        return {
            "profile": self.name,
            "mission": self.mission,
            "description": self.description,
            "files": list(self.sources),
            "platforms": platforms,
            "aliases": {
                "platforms": dict(self.platform_aliases),
                "titles": dict(self.title_aliases),
            },
            "designations": [_designation_dict(d) for d in self.designations],
            "rules": {code: self._rule_dict(code) for code in self.vocabulary.rules.rules},
            "waivers": [_waiver_dict(w) for w in self.waivers],
            "columns": dict(self.columns),
        }

    def _rule_dict(self, code: str) -> dict[str, Any]:
        name = self.vocabulary.rule(code).name
        return {"name": name, "severity": str(self.severity(code)), "enabled": self.enabled(code)}


def _designation_dict(d: Designation) -> dict[str, Any]:
    return {"platform": d.platform, "role": d.role, "name": d.name,
            "from": _iso(d.start), "to": _iso(d.end)}  # fmt: skip


def _waiver_dict(w: Waiver) -> dict[str, Any]:
    return {"platform": w.platform, "sector": w.sector, "from": _iso(w.start),
            "until": _iso(w.until), "codes": list(w.codes), "reason": w.reason}  # fmt: skip


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
