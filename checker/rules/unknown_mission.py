"""The mission code (from the command line, the Metadata sheet or the file name) is neither a
country's ISO 3166 alpha-3 code nor the name of the profile applied; the message says which
table judged the roster.

Passes: NER_2026-10.xlsx (Niger's code), or a mission named like the profile that judged it.
Fails:  XYZ_2026-10.xlsx with no profile XYZ: S215 "… judged with the generic representation
        table". Points at no cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding
from checker.messages import Name
from checker.metadata import unknown_mission
from checker.rules import RosterFile, fails, passes, rule

CODE = "S215"


@rule(
    CODE,
    fails(
        """
        Date       | Platform | Name      | Organization | Title
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission
        """,
        mission="XYZ",
    ),
    passes(
        """
        Date       | Platform | Name      | Organization | Title
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission
        """,
        mission="NER",
    ),
)
def check(roster: RosterFile) -> Iterator[Finding]:
    policy = roster.policy
    if unknown_mission(roster.mission, policy.name, policy.mission):
        yield Finding.make(
            CODE, policy, "" if policy.sources else "generic", at={"value": roster.mission},
            profile=policy.name, mission=roster.mission,
            source=Name("mission_sources", roster.mission_source),
        )  # fmt: skip
