"""The roster was made from an older version of the roster template (roster-check template).

The version is the "Template version" cell of the Metadata sheet the template writes; a roster
without one, or with text that is not a version number, is not compared.

Passes: a roster whose Metadata sheet says Template version 1 (the current one), or that has
        no Metadata sheet.
Fails:  Template version 0.9: S212 (info), naming both versions. Points at no cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Finding
from checker.rules import RosterFile, fails, passes, rule
from checker.template_version import TEMPLATE_VERSION, template_outdated

CODE = "S212"


@rule(
    CODE,
    fails(
        """
        Date       | Platform | Name      | Organization | Title
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission
        """,
        metadata=(("Template version", "0.9"),),
    ),
    passes(
        """
        Date       | Platform | Name      | Organization | Title
        05/10/2026 | HCT      | A. Diallo | IOM          | Chief of Mission
        """,
        metadata=(("Template version", TEMPLATE_VERSION),),
    ),
)
def check(roster: RosterFile) -> Iterator[Finding]:
    version = roster.template_version
    if version and template_outdated(version):
        yield Finding.make(CODE, roster.policy, at={"value": version}, version=version,
                           current=TEMPLATE_VERSION)  # fmt: skip
