"""--format json: Summary.to_dict(), for other programs (schema in docs/reports.md)."""

from __future__ import annotations

import json
from typing import Any

from checker.report.aggregate import Summary


def render(summary: Summary, words: Any = None) -> bytes:
    """The same JSON in every language — codes, not words (`lang` says which was asked) —
    but for each gap's `text`, the sentence the other formats say, in that language."""
    data = summary.to_dict()
    if words is not None:
        from checker.report.html import role_words
        from checker.report.sentences import gap_text

        data["lang"] = words.lang
        for gap, entry in zip(summary.gaps, data["gaps"]):
            entry["text"] = gap_text(
                gap, words, role_words(words, gap.required_codes, gap.required)
            )
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
