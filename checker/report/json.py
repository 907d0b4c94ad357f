"""--format json: Summary.to_dict(), for other programs (schema in docs/reports.md)."""

from __future__ import annotations

import json
from typing import Any

from checker.report.aggregate import Summary


def render(summary: Summary, words: Any = None) -> bytes:
    """The same JSON in every language: codes, not words (`lang` says which was asked)."""
    data = summary.to_dict()
    if words is not None:
        data["lang"] = words.lang
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
