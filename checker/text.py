"""Folding cell text into the key it is matched by: shared by every stage, and light (no
pydantic, no pandas), so that the processes that read rosters can use it."""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[.]")  # "a.i." → "ai", "I.O.M." → "iom"; an apostrophe parts words
_SPACE = re.compile(r"[^0-9a-z]+")


def fold(text: object) -> str:
    """The matching key of a cell: lower case, no accents, punctuation as single spaces."""
    if text is None:
        return ""
    plain = str(text).casefold()
    if not plain.isascii():  # most cells are: no accents to strip
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", _DROP.sub("", plain)).strip()
