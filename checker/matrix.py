"""An agency matrix: meetings as rows (Date, Meeting), one column per agency (RCO, OCHA,
UNICEF, WFP, IOM, WHO…) ticked ✓ / ✗, and perhaps a Remarks column naming who represented
IOM ("IOM: CCCM cluster coordinator (S. Gurung)", "OIM représentée par un chargé de
programme").

IOM's column says whether IOM attended; nothing in it says who went. A title is read only
from a remark that names IOM in one of the forms below; any other remark that names IOM
leaves IOM's attendance in doubt. The other agencies' columns are not people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from checker.headers import Headers
from checker.lazyre import lazy

# At least this many header cells naming organisations (IOM one of them) make a matrix.
MIN_AGENCIES = 3
# The share of the agency columns' filled cells that must be presence marks or words.
_MARKS_SHARE = 0.8

_IOM = r"(?:IOM|OIM)"
_ARTICLE = r"(?:(?:a|an|the|its|un|une|le|la|les|l'|el|los|las|una|uno|su|sa|son|sus)\s+|l')?"
# "IOM: <title> (<name>)", "OIM : <title>", "IOM – <title>".
_COLON = lazy(rf"^\s*{_IOM}\s*[:–—-]\s*(?P<rest>.+)$", re.IGNORECASE)
# "IOM represented by a <title> (<name>)", "OIM représentée par un <title>", "OIM
# representada por la <title>", "IOM was represented by …".
_BY = lazy(
    rf"^\s*{_IOM}\s+(?:was\s+|a\s+été\s+|fue\s+|estuvo\s+)?"
    rf"(?:represented\s+by|repr[ée]sent[ée]e?\s+par|representad[ao]\s+por)\s+"
    rf"{_ARTICLE}(?P<rest>.+)$",
    re.IGNORECASE,
)
_NAMED = lazy(r"^(?P<title>[^()]+?)\s*(?:\((?P<name>[^()]+)\))?\s*\.?\s*$")
# A person's name in brackets: a few words of letters, initials and hyphens; nothing that
# says more ("apologised, sent the PO").
_PERSON = lazy(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,4}$")
# Words that make a remark say more than who went: read no title from it.
_MORE = lazy(
    r"\b(?:absen|ausen|excus|apolog|regret|retard|instead|behalf|"
    r"(?:left|late|tarde|place|lugar|nombre|part de|for the|pour le|por el|online|en ligne|"
    r"virtual|not|pas|no|parti)\b)",
    re.IGNORECASE,
)
_PARTS = lazy(r"\s*(?:;|\n)\s*")


@dataclass(frozen=True)
class Matrix:
    """Where a matrix's agencies stand: IOM's column, the other agencies' columns and the
    columns whose texts may name IOM's representative (Remarks)."""

    iom: int  # 0-based
    others: tuple[int, ...]
    remarks: tuple[int, ...]


def find(
    header: Sequence[Any], body: Sequence[Sequence[Any]], headers: Headers, taken: set[int],
    remarks: Sequence[int],
) -> Matrix | None:  # fmt: skip
    """The matrix a header row heads, if its cells name at least MIN_AGENCIES organisations,
    IOM's once, and the cells under them are presence marks; else None. `taken`: the
    columns the header row's fields took (Date, Meeting)."""
    kinds = {col: headers.organisation_kind(value, strict=True)
             for col, value in enumerate(header) if col not in taken}  # fmt: skip
    agencies = [col for col, kind in kinds.items() if kind is not None]
    iom = [col for col in agencies if kinds[col] == "iom"]
    if len(agencies) < MIN_AGENCIES or len(iom) != 1:
        return None
    values = [row[col] for row in body for col in agencies
              if col < len(row) and row[col] not in ("", None)]  # fmt: skip
    marks = [v for v in values if headers.presence_word(v) is not None]
    if not values or len(marks) < _MARKS_SHARE * len(values):
        return None
    others = tuple(col for col in agencies if col != iom[0])
    return Matrix(iom[0], others, tuple(col for col in remarks if col not in agencies))


@dataclass(frozen=True)
class Representative:
    """What the remarks of a meeting's row say of IOM: the title and name of who went, or
    `said`, a remark naming IOM that says something else (its attendance is then in doubt)."""

    title: str | None = None
    name: str | None = None
    said: str | None = None


def representative(texts: Sequence[str], headers: Headers) -> Representative | None:
    """IOM's representative as the row's remarks name them; None when no remark names IOM."""
    parts = [part for text in texts for part in _PARTS.split(text) if part]
    naming = [part for part in parts if headers.names_iom(part)]
    if not naming:
        return None
    if len(naming) == 1:
        read = _read(naming[0])
        if read is not None:
            return read
    return Representative(said=" / ".join(naming))


def _read(part: str) -> Representative | None:
    match = _BY.match(part) or _COLON.match(part)
    if match is None:
        return None
    named = _NAMED.match(match.group("rest"))
    if named is None:
        return None
    title, name = named.group("title").strip(), named.group("name")
    if not title or _MORE.search(title) or not any(ch.isalpha() for ch in title):
        return None
    if name is not None:
        name = name.strip()
        if not _PERSON.match(name) or _MORE.search(name):
            return None
    return Representative(title=title, name=name)
