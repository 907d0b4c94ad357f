"""Which session of a platform's day a table or row belongs to.

A platform may meet twice on one day: the regular UNCT at 09:00 and an extraordinary session
at 16:00, a sheet each ("UN Country Team – extraordinary session – 18 November 2026, 16:00").
Each session is a meeting, judged on its own: one session's attendee never covers another's
absence or lower level. A session is told by a word ("extraordinary", "extraordinaire",
"extraordinaria", "extraordinária", "special session", "sesión especial") or by its time
("09:00", "16h00", "4 p.m.", "(p.m.)"). Rows that say nothing of their session are not split
from those that do by a time alone (the second page of a list rarely repeats the hour), but an
extraordinary session is never one with an unmarked (regular) meeting.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

EXTRAORDINARY = "extraordinary"

_KIND = re.compile(
    r"\b(?:extra ?ordinar(?:y|ia|io|ias|ios)|extraordinaire|"
    r"special (?:session|meeting)|session speciale|reunion speciale|"
    r"sesion especial|reunion especial|sessao especial|reuniao especial)\b"
)
# A clock time, on the text as written (folding would make "18/11/2026" look like "18 11").
_CLOCK = re.compile(r"(?<![\d/.:])([01]?\d|2[0-3])\s*[:hH]\s*([0-5]\d)(?![\d/.:])")
_HOUR = re.compile(r"(?<![\d/.:])([01]?\d|2[0-3])\s*[hH]\b")
_MERIDIEM = re.compile(
    r"(?<![\d/.:])(?:(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([aApP])\.?\s?[mM]\b\.?|"
    r"\b([aApP])\.\s?[mM]\.)"
)


@dataclass(frozen=True)
class Session:
    """A session's kind ("extraordinary" or "") and time ("16:00", "p.m." or "")."""

    kind: str = ""
    time: str = ""

    def __bool__(self) -> bool:
        return bool(self.kind or self.time)

    def __str__(self) -> str:
        return " ".join(part for part in (self.kind, self.time) if part)


NONE = Session()  # a table or row that names no session


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _time(text: str) -> str:
    clock = _CLOCK.search(text)
    if clock:
        return f"{int(clock.group(1)):02d}:{clock.group(2)}"
    meridiem = _MERIDIEM.search(text)
    if meridiem:
        if meridiem.group(1):
            hour = int(meridiem.group(1)) % 12 + (12 if meridiem.group(3).lower() == "p" else 0)
            return f"{hour:02d}:{meridiem.group(2) or '00'}"
        return "a.m." if meridiem.group(4).lower() == "a" else "p.m."
    bare = _HOUR.search(text)
    return f"{int(bare.group(1)):02d}:00" if bare else ""


def session_of(*texts: object) -> Session:
    """The session the texts (a sign-in sheet's heading lines, then its name; or a list's
    platform cell) name: the first kind word and the first time found."""
    kind = time = ""
    for text in texts:
        if not isinstance(text, str) or not text.strip():
            continue
        plain = _plain(text)
        key = re.sub(r"[^\w]+", " ", plain.casefold())
        if not kind and _KIND.search(key):
            kind = EXTRAORDINARY
        time = time or _time(plain)
    return Session(kind, time)


# A meeting's later sitting, written in its platform cell: "OMT (continuación)", "HCT (resumed
# session)", "EHP (suite)", "UNCT – sessão retomada", "HCT – session 2 of 2" (folded text).
_CONTINUED = re.compile(
    r"\b(?:continuation|continued|cont|resumed(?: session| meeting)?|reconvened|"
    r"suite|reprise(?: de (?:la )?(?:seance|reunion))?|seance reprise|"
    r"continuacion|sesion reanudada|reunion reanudada|reanudacion|reanudada|"
    r"continuacao|sessao retomada|reuniao retomada|retomada|"
    r"(?:session|seance|sesion|sessao|sitting) [2-9] (?:of|sur|de) [2-9])\b"
)


def continued(text: object) -> str | None:
    """The platform cell of a later sitting of a meeting ("OMT (continuación)"), without the
    words that say so ("OMT"), or None when it says nothing of the kind. The sitting is the
    same platform's meeting: its platform is read, and it is judged with its first sitting
    (checker.judge.join_sittings)."""
    if not isinstance(text, str):
        return None
    plain = _plain(text)
    key = re.sub(r"[^\w]+", " ", plain.casefold())
    if not _CONTINUED.search(key):
        return None
    rest = _CONTINUED.sub(" ", key)
    words = r"(?:de la|de l|de|del|da|do|of the|of)"
    rest = re.sub(rf"^{words}\b|\b{words}$", " ", rest.strip()).strip()
    return re.sub(r"\s+", " ", rest).strip() or None
