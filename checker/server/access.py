"""Who may read or upload what. A deployment serves many missions; each account holds grants:

- field (scope: a mission code): upload the mission's rosters and read its results;
- regional (scope: a region, as named in the regions file given to `serve --regions`): read
  the results of the missions of that region;
- management (scope: *): read every mission's results, and submit a roster for any mission.

Nobody reads another mission's rosters or results without one of these. Regional accounts
read but do not submit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

ROLES = ("field", "regional", "management")
# The one user of a `serve --no-auth` run on 127.0.0.1: reads and uploads every mission.
LOCAL = "local"
MISSION_CODE = re.compile(r"[A-Z]{2,4}")


@dataclass(frozen=True)
class Grant:
    role: str
    scope: str

    @classmethod
    def parse(cls, role: str, scope: str | None) -> Grant:
        """A grant as the `user add` command is given it; ValueError says what is wrong."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
        if role == "management":
            return cls(role, "*")
        if not scope:
            raise ValueError(f"a {role} account needs a " +
                             ("--mission" if role == "field" else "--region"))  # fmt: skip
        if role == "field":
            scope = scope.upper()
            if not MISSION_CODE.fullmatch(scope):
                raise ValueError(f"{scope!r} is not a mission code (2-4 letters, e.g. ETH)")
        return cls(role, scope)

    def __str__(self) -> str:
        return self.role if self.role == "management" else f"{self.role} {self.scope}"


@dataclass(frozen=True)
class Access:
    """What one account may do, given the deployment's regions (mission → region)."""

    grants: tuple[Grant, ...]
    regions: Mapping[str, str]

    @property
    def reads_all(self) -> bool:
        return any(g.role in ("management", LOCAL) for g in self.grants)

    def may_read(self, mission: str | None) -> bool:
        if self.reads_all:
            return True
        if mission is None:
            return False
        for grant in self.grants:
            if grant.role == "field" and grant.scope == mission:
                return True
            if grant.role == "regional" and self.regions.get(mission) == grant.scope:
                return True
        return False

    @property
    def uploads_any(self) -> bool:
        """Management (and the --no-auth user) may submit a roster for any mission, e.g. one
        a mission sent in by e-mail."""
        return any(g.role in ("management", LOCAL) for g in self.grants)

    def may_upload(self, mission: str | None) -> bool:
        if mission is None:
            return False
        return self.uploads_any or any(
            g.role == "field" and g.scope == mission for g in self.grants
        )

    @property
    def upload_missions(self) -> list[str]:
        return sorted({g.scope for g in self.grants if g.role == "field"})

    def readable(self, missions: Iterable[str]) -> list[str]:
        """Of `missions`, those this account may read, plus its own field missions."""
        return sorted({m for m in missions if self.may_read(m)} | set(self.upload_missions))
