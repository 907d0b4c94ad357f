"""Wide trackers: one row per platform (and cluster), one column per month or meeting date,
each cell naming who represented IOM ("J. Doe (CoM)", "K. Lee (WASH PO)", "No IOM",
"Cancelled").

Each month column is read as a table of its own whose rows are the tracker's rows: the
platform comes from the row's label, the date from the column's header, the attendee and
title from the cell. A cell is a record, so rows read = used + skipped + rejected counts
cells: a cancelled meeting is a skipped record, a blank cell in a month that has entries is
a meeting without IOM.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from checker.dates import MONTHS, parse_date
from checker.text import fold

MIN_MONTH_COLUMNS = 3
_MONTH_LABEL = re.compile(
    r"^(?P<month>[a-z]+)\.?(?:[\s\-/']*(?P<year>\d{2}|\d{4}))?$"  # "Oct", "janv.-26", "Oct 2026"
    r"|^(?P<y>\d{4})[-/.](?P<m>\d{1,2})$"  # "2026-10"
    r"|^(?P<m2>\d{1,2})[-/.](?P<y2>\d{4})$"  # "10/2026"
)
# What a cell says when no meeting took place, or when nobody from IOM went.
NO_MEETING = frozenset(fold(w) for w in [
    "cancelled", "canceled", "no meeting", "not held", "postponed", "n/a", "na", "-", "–", "—",
    "annulé", "annulée", "annule", "pas de réunion", "reportée", "reporté", "cancelada",
    "cancelado", "no hubo reunión", "sin reunión", "no se realizó", "aplazada", "pospuesta",
])  # fmt: skip
NO_IOM = frozenset(fold(w) for w in [
    "no iom", "no one", "nobody", "none", "absent", "not attended", "did not attend", "no",
    "pas d'oim", "pas oim", "personne", "aucun", "absente", "non", "sin oim", "nadie",
    "ninguno", "ausente", "no asistió",
])  # fmt: skip
_PERSON = re.compile(r"^(?P<name>.*?)\s*[(\[](?P<title>[^)\]]+)[)\]]\s*$")
_PEOPLE = re.compile(r"\s*(?:;|\n|\+)\s*")
# A label row that is a note, not a platform ("Legend: CoM = Chief of Mission").
_NOTE = re.compile(r"^\s*(?:note|notes|legend|légende|leyenda|source|key|clé)\b", re.IGNORECASE)


@dataclass(frozen=True)
class MonthColumn:
    col: int  # 0-based
    header: Any  # the header cell as written ("Oct", a date, "janv.-26")


def month_label(value: Any) -> bool:
    """Whether a header cell names a month or a meeting date."""
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    if not isinstance(value, str):
        return False
    key = fold(value).replace(" ", "") if value.strip()[:1].isalpha() else value.strip().lower()
    match = _MONTH_LABEL.match(key)
    if match is not None:
        if match.group("month") is not None:
            return match.group("month") in MONTHS
        return True
    return parse_date(value) is not None


def month_columns(row: list[Any]) -> list[MonthColumn]:
    return [MonthColumn(c, v) for c, v in enumerate(row) if month_label(v)]


def find_tracker_header(cells: list[list[Any]], search_rows: int) -> tuple[int, list[MonthColumn]]:
    """(0-based header row, its month columns) of the row with the most month columns, if
    it has at least MIN_MONTH_COLUMNS of them after a first label column; else (-1, [])."""
    best: tuple[int, list[MonthColumn]] = (-1, [])
    for r, row in enumerate(cells[:search_rows]):
        months = [m for m in month_columns(row) if m.col > 0]
        if len(months) >= MIN_MONTH_COLUMNS and len(months) > len(best[1]):
            best = (r, months)
    return best


def is_note_label(value: Any) -> bool:
    return isinstance(value, str) and bool(_NOTE.match(value))


def read_cell(value: Any) -> list[tuple[str | None, str | None]] | None:
    """A tracker cell → its people as (name, title), [] when IOM was not there, None when no
    meeting took place. "J. Doe (CoM); K. Lee (DCoM)" → two people."""
    if value is None:
        return []
    text = str(value).strip()
    key = fold(text) or text
    if key in NO_MEETING or text in NO_MEETING:
        return None
    if key in NO_IOM:
        return []
    people = []
    for part in _PEOPLE.split(text):
        if not part.strip():
            continue
        person = _PERSON.match(part)
        if person is not None:
            people.append((person.group("name").strip() or None, person.group("title").strip()))
        else:
            people.append((part.strip(), None))
    return people
