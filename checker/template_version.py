"""The version of the roster template (`roster-check template`) and how to compare with it.

Kept apart from checker/template.py so that the pipeline can tell an outdated roster
(S212) without importing openpyxl. Raise TEMPLATE_VERSION when the template's columns,
lists or sheets change in a way that field staff should pick up.
"""

from __future__ import annotations

import re

from checker.lazyre import lazy

TEMPLATE_VERSION = "1"

_VERSION = lazy(r"^v?(\d+(?:\.\d+)*)$", re.IGNORECASE)


def _parts(version: str) -> tuple[int, ...] | None:
    match = _VERSION.match(str(version).strip())
    if not match:
        return None
    return tuple(int(p) for p in match.group(1).split("."))


def template_outdated(version: object, current: str = TEMPLATE_VERSION) -> bool:
    """True when `version` is a version number older than the current template's.

    Text that is not a version number ("draft", "2026 edition") says nothing: False.
    A float read from the cell (Excel stores 1 as 1.0) compares as its text.
    """
    if isinstance(version, float) and version.is_integer():
        version = int(version)
    found, now = _parts(str(version)), _parts(current)
    if found is None or now is None:
        return False
    width = max(len(found), len(now))
    return found + (0,) * (width - len(found)) < now + (0,) * (width - len(now))
