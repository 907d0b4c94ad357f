"""The mission or the period could not be determined.

The mission comes from --mission, a Metadata sheet or the file name (ETH_2026-10.xlsx); the
period from --period, a Metadata sheet, the file name or, failing those, the month most of the
roster's dates fall in.

Passes: ETH_2026-10.xlsx, or a Metadata sheet with Mission ETH and Period 2026-10.
Fails:  roster.xlsx with no Metadata sheet: S210 "The mission of this roster is unknown"
        (and, when no date can be read either, another S210 for the period). Points at no cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding
from checker.rules import RosterFile, fails, passes, rule

CODE = "S210"


@rule(
    CODE,
    fails(
        """
        Date       | Platform | Name      | Organization | Title
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission
        """,
        mission=None,
        period=None,
    ),
    passes(
        """
        Date       | Platform | Name      | Organization | Title
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission
        """,
        period=None,
    ),
)
def check(roster: RosterFile) -> Iterator[Finding]:
    for missing, value in (("mission", roster.mission), ("period", roster.period)):
        if value is None:
            yield Finding.make(CODE, roster.policy, missing, at={"value": missing})
