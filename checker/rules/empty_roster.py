"""A roster header was found but no data rows under it.

Passes: a header row (Date | Platform | Name | Organization | Title) with one row per attendee
        under it.
Fails:  the same header with nothing under it (or only rows the checker skips, such as
        instructions): E105 on the sheet of the first roster table; the file is invalid.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding
from checker.rules import RosterFile, fails, passes, rule

CODE = "E105"


@rule(
    CODE,
    fails("""
        Date | Platform | Name | Organization | Title
    """),
    passes("""
        Date       | Platform | Name      | Organization | Title
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission
    """),
)
def check(roster: RosterFile) -> Iterator[Finding]:
    if roster.empty:
        yield Finding.make(CODE, roster.policy, at={"sheet": roster.sheet})
