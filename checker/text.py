"""Folding cell text into the key it is matched by: shared by every stage, and light (no
pydantic, no pandas), so that the processes that read rosters can use it."""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[.]")  # "a.i." → "ai", "I.O.M." → "iom"; an apostrophe parts words
_SPACE = re.compile(r"[^0-9a-z]+")
# Letters and digits of every script are kept: an Arabic or Cyrillic title must not fold to
# an empty key (which would match every other such title).
_SPACE_UNICODE = re.compile(r"[\W_]+")
# Characters that do not show: a soft hyphen or a zero-width space inside "IOM" must not make
# it another word.
_INVISIBLE = dict.fromkeys([0x00AD, 0x034F, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])
# Cyrillic and Greek letters drawn like Latin ones ("ІОМ" typed on a Cyrillic keyboard): read
# as the Latin letter they look like, so that a look-alike is never silently "not IOM".
_LOOK_ALIKES = str.maketrans(
    "аеорсухіјѕԁвкмнтӏαεικνορτυχ",
    "aeopcyxijsdbkmhtlaeikvoptux",
)


def fold(text: object) -> str:
    """The matching key of a cell: lower case, no accents, punctuation as single spaces."""
    if text is None:
        return ""
    plain = str(text)
    if plain.isascii():  # most cells are: no accents to strip
        return _SPACE.sub(" ", _DROP.sub("", plain.casefold())).strip()
    decomposed = unicodedata.normalize("NFKD", plain.translate(_INVISIBLE))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = unicodedata.normalize("NFKD", plain.casefold()).translate(_LOOK_ALIKES)
    return _SPACE_UNICODE.sub(" ", _DROP.sub("", plain)).strip()
