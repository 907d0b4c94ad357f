"""What applies to one mission: the representation table, designations, rule settings.

Without a profile this is the generic table of schemas/representation.yaml: every recorded
meeting of a known platform is one IOM should attend, no alternate is designated, and every
rule has its default severity. Country profiles (schemas/profiles/) produce a Policy too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checker.findings import Severity
from checker.vocabulary import PlatformRule, Vocabulary


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
        day = dt.date.fromisoformat(date)
        if (self.start and day < self.start) or (self.end and day > self.end):
            return False
        return self.name is None or name is None or _same_person(self.name, name)


def _same_person(a: str, b: str) -> bool:
    from checker.vocabulary import fold

    return fold(a) == fold(b)


@dataclass(frozen=True)
class Waiver:
    platform: str
    sector: str | None
    until: dt.date | None
    reason: str
    codes: tuple[str, ...] = ()
    start: dt.date | None = None


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

    @classmethod
    def generic(cls, vocabulary: Vocabulary) -> Policy:
        return cls(vocabulary, representation=dict(vocabulary.representation.platforms))

    def severity(self, code: str) -> Severity:
        if code in self.severities:
            return self.severities[code]
        return Severity.parse(self.vocabulary.rule(code).severity)

    def enabled(self, code: str) -> bool:
        return code not in self.disabled

    def rule_for(self, platform: str) -> PlatformRule | None:
        return self.representation.get(platform)

    def applies(self, platform: str, sector: str | None) -> bool:
        """Whether IOM is expected at this platform (False → verdict not_applicable)."""
        if platform in self.inactive_platforms:
            return False
        if platform == "CLUSTER" and self.cluster_sectors is not None and sector is not None:
            return sector in self.cluster_sectors
        return True

    def is_designated(self, platform: str, role: str | None, name: str | None, date: str) -> bool:
        return any(d.covers(platform, role, name, date) for d in self.designations)

    def platform_label(self, platform: str, sector: str | None) -> str:
        if platform == "CLUSTER":
            # In the language of the check: "Health Cluster", "Cluster Santé".
            from checker.messages import name, phrase

            known = self.vocabulary.sector_names.get(sector or "")
            words = name("sectors", sector, known) if known else phrase("unnamed_sector")
            return phrase("cluster_label", sector=words)
        return self.platform_labels.get(platform, platform)
