"""--format json: Summary.to_dict(), for other programs (schema in docs/reports.md)."""

from __future__ import annotations

import json

from checker.report.aggregate import Summary


def render(summary: Summary) -> bytes:
    return (json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
