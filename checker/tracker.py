"""Wide trackers: one row per platform (and cluster), one column per month or meeting date,
each cell naming who represented IOM ("J. Doe (CoM)", "K. Lee (WASH PO)", "No IOM",
"Cancelled").

A column is headed by a month ("Oct", "janv.-26"), a date, a week with the meeting's date
("W41 (5 Oct)"), or a day of the month (4, 11, 18, 25) whose month a banner above the days
names ("NOVEMBRE 2026") or, failing that, the file's period.

Each month column is read as a table of its own whose rows are the tracker's rows: the
platform comes from the row's label, the date from the column's header, the attendee and
title from the cell. A cell is a record, so rows read = used + skipped + rejected counts
cells: a cancelled meeting is a skipped record, a blank cell in a month that has entries is
a meeting without IOM. A column dated to a day is a meeting date, and often one platform's
only: a blank cell there is no meeting of that platform that day (skipped, and listed in the
reading) when the column has one entry, or when the tracker is sparse (fewer than half its
cells filled: each platform meets on its own days) and the column is filled on half its rows
at most. In a dense tracker (every platform
written at nearly every date) a blank is an omission: a meeting without IOM, never a meeting
that vanishes; and so is every blank under a legend that says a blank cell is an absence
("blank = did not attend"). An example row left in ("Example: HCT | J. Doe (CoM)") is no
platform: it is skipped, listed, and is no entry of its columns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from checker import instead
from checker.dates import (
    MONTHS,
    DayOf,
    MonthOf,
    WeekOf,
    month_named,
    parse_date,
    read_date,
    week_of,
)
from checker.lazyre import lazy
from checker.text import fold
from checker.titleblock import Line

MIN_MONTH_COLUMNS = 3
_MONTH_LABEL = lazy(
    r"^(?P<month>[a-z]+)\.?(?:[\s\-/']*(?P<year>\d{2}|\d{4}))?$"  # "Oct", "janv.-26", "Oct 2026"
    r"|^(?P<y>\d{4})[-/.](?P<m>\d{1,2})$"  # "2026-10"
    r"|^(?P<m2>\d{1,2})[-/.](?P<y2>\d{4})$"  # "10/2026"
)
# What a cell says when no meeting took place, or when nobody from IOM went.
# A dash, which folds to nothing, is kept as written.
NO_MEETING = frozenset(fold(w) or w for w in [
    "cancelled", "canceled", "no meeting", "not held", "postponed", "n/a", "na", "-", "–", "—",
    "annulé", "annulée", "annule", "pas de réunion", "reportée", "reporté", "cancelada",
    "cancelado", "no hubo reunión", "sin reunión", "no se realizó", "aplazada", "pospuesta",
    "meeting cancelled", "réunion annulée", "reunión cancelada", "reunião cancelada", "adiada",
    "adiado", "reunião adiada", "sem reunião", "não houve reunião", "não se realizou",
])  # fmt: skip
# The platform did not meet, perhaps with more words after ("No se reunió este mes", field9
# URY): a cell starting so is no meeting, not a person named "No se reunió".
DID_NOT_MEET = tuple(fold(w) for w in [
    "no se reunió", "no se reunio", "did not meet", "didn't meet", "not met", "no meeting",
    "no hubo reunión", "sin reunión", "pas de réunion", "ne s'est pas réuni", "ne s'est pas réunie",
    "não houve reunião", "não se reuniu", "sem reunião", "not held",
])  # fmt: skip
NO_IOM = frozenset(fold(w) for w in [
    "no iom", "no one", "nobody", "none", "absent", "not attended", "did not attend", "no",
    "pas d'oim", "pas oim", "personne", "aucun", "absente", "non", "sin oim", "nadie",
    "ninguno", "ausente", "no asistió", "no iom rep", "no iom representation", "not present",
    "pas de participation oim", "pas de participation", "aucune", "aucun représentant",
    "non représentée", "non représenté", "sin participación", "sin participación oim",
    "ninguna", "sin representación", "ninguém", "nenhum", "nenhuma", "sem oim",
    "sem participação", "sem participação oim", "não", "nao", "nil",
    "iom absent", "oim absente", "oim absent", "oim ausente", "not represented",
    "unrepresented", "pas représentée", "pas représenté", "no one attended", "nobody attended",
    "nobody from iom attended", "personne n'a participé", "personne n'a assisté",
    "nadie asistió", "nadie participó", "ninguém compareceu", "ninguém participou",
    "ningún representante", "nenhum representante", "empty chair", "away", "absence",
    "missed", "not available", "unavailable", "indisponible", "no disponible", "indisponível",
    "falta", "ausência", "ausencia",
])  # fmt: skip
# What stands where a name should be and is none: "TBC (CoM)", "Vacant (CoM)", "? (CoM)":
# whether anyone went is not said.
_NOT_A_NAME = frozenset(fold(w) for w in [
    "tbc", "tba", "tbd", "to be confirmed", "vacant", "vacante", "vago", "vaga", "n/a", "na",
    "x", "ok", "yes", "oui", "sí", "si", "sim", "present", "présent", "presente", "attended",
])  # fmt: skip
# Marks of absence, which fold to nothing: "✗ (CoM)".
_ABSENT_MARKS = ("✗", "✘", "✖", "❌", "☒", "❎")
# Words after an absence that say someone may have gone after all ("Absent (CoM) – DCoM
# attended", "Excusée, représentée par C. D."): the cell no longer says nobody went. Word
# beginnings, on the folded text; a noun ("no IOM representation") says nothing of the kind.
_SOMEONE_WENT = lazy(
    r"^(?:attend|particip|present|asist|assist|compar|represent|replac|remplac|sustitu|"
    r"reemplaz|substitu|went|came|joined|stood|covered|deleg|behalf|instead)"
)
_NOUN = lazy(r"(?:ation|ance|ence|acion|acao|encia|ancia)s?$")


def _someone_went(rest: str) -> bool:
    """`rest`: the folded cell, or what follows its word of absence. checker.instead's words
    too: "Absent (CoM) – en su lugar la RMO", "No IOM – delegated to the RMO"."""
    return instead.someone_else_went(rest) or any(
        _SOMEONE_WENT.match(w) and not _NOUN.search(w) for w in rest.split())  # fmt: skip


# "J. Doe (CoM)", and what follows the title about that person: "A. Diallo (Cheffe de
# mission) – excusée", "J. Doe (CoM) absent".
_PERSON = lazy(
    r"^(?P<name>.*?)\s*[(\[](?P<title>[^)\]]+)[)\]]\s*(?:(?:[-–—,:;]\s*)?(?P<remark>\S.*?))?\s*$"
)
_PEOPLE = lazy(r"\s*(?:;|\n|\+)\s*")
# What a cell says before its reason: "Cancelled – air alert", "Annulée (sécurité)",
# "Cancelada: alerta aérea".
_HEAD = lazy(r"^\s*(?P<head>[^–—:;,(\[]+?)\s*(?:\s-\s|[–—:;,(\[])")
# A label row that is a note, not a platform ("Legend: CoM = Chief of Mission").
_NOTE = lazy(r"^\s*(?:note|notes|legend|légende|leyenda|source|key|clé)\b", re.IGNORECASE)


@dataclass(frozen=True)
class MonthColumn:
    col: int  # 0-based
    header: Any  # the header cell as written ("Oct", a date, "janv.-26", 4)
    day: int | None = None  # a day of the month, when the header is one


def month_label(value: Any) -> bool:
    """Whether a header cell names a month or a meeting date ("Wed 4 Nov" included: the year
    is the period's, as for any date without one, and its weekday must be that date's)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    if not isinstance(value, str):
        return False
    if week_of(value) is not None:
        return True
    key = fold(value).replace(" ", "") if value.strip()[:1].isalpha() else value.strip().lower()
    match = _MONTH_LABEL.match(key)
    if match is not None and match.group("month") in (None, *MONTHS):
        return True
    return read_date(value) is not None  # "Mon 09/11" folds to "mon0911": not a month


def month_columns(row: list[Any]) -> list[MonthColumn]:
    return [MonthColumn(c, v) for c, v in enumerate(row) if month_label(v)]


def _day(value: Any) -> int | None:
    """A header cell that is a whole number (4, 4.0, "4") → that number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 2:
        return int(value.strip())
    return None


def day_columns(row: list[Any], body: list[list[Any]]) -> list[MonthColumn]:
    """The columns of a header row of days of one month (4, 11, 18, 25): every number after
    the first column is a day, 1..31 and increasing, and the cells under them hold words
    (people, "No IOM"), never numbers. A row of counts ("HCT | 5 | 4") or a "2026" cell is
    not a row of days."""
    numbered = [(c, _day(v)) for c, v in enumerate(row) if c > 0 and _day(v) is not None]
    days = [d for _, d in numbered if d is not None]
    if not days or not all(1 <= d <= 31 for d in days) or days != sorted(set(days)):
        return []
    under = [r[c] for r in body for c, _ in numbered if c < len(r) and r[c] not in ("", None)]
    if not under or any(isinstance(v, (int, float)) for v in under):
        return []
    if dated_below([c for c, _ in numbered], body):
        return []
    return [MonthColumn(c, row[c], day) for c, day in numbered]


def dated_below(cols: list[int], body: list[list[Any]]) -> bool:
    """Numbers over a row whose cells under them are all dates (field7's MWI: "Session no. |
    1 | 2 | 3 | 4" over "Date | 04/11/2026 | …"): meeting numbers, not days 1–4; the row of
    dates dates the columns (it is then read as the header), never a platform "Date" whose
    attendees are dates."""
    below = body[0] if body else []
    return all(c < len(below) and parse_date(below[c]) is not None for c in cols)


def find_tracker_header(
    cells: list[list[Any]],
    search_rows: int,
    platform_like: Callable[[Any], bool] = lambda _: False,
) -> tuple[int, list[MonthColumn]]:
    """(0-based header row, its month columns) of the row with the most month (or day)
    columns, if it has at least MIN_MONTH_COLUMNS of them after a first label column, or fewer
    (a tracker started in October has two) when the rest of the table says tracker
    (looks_tracked); else (-1, [])."""
    best: tuple[int, list[MonthColumn]] = (-1, [])
    for r, row in enumerate(cells[:search_rows]):
        months = [m for m in month_columns(row) if m.col > 0]
        days = day_columns(row, cells[r + 1 :])
        columns = days if len(days) > len(months) else months
        if len(columns) <= len(best[1]) or not columns:
            continue
        if len(columns) >= MIN_MONTH_COLUMNS or looks_tracked(
            columns, cells[r + 1 :], platform_like
        ):
            best = (r, columns)
    return best


def looks_tracked(
    columns: list[MonthColumn],
    body: list[list[Any]],
    platform_like: Callable[[Any], bool],
) -> bool:
    """Whether a header row with one or two month columns heads a tracker: its label column
    lists platforms (HCT, OMT, "Health Cluster"), half its labels at least, and
    the cells under the months are, two in three at least and two or more, what a tracker
    writes — a person with a title in brackets, "No IOM" or another absence, "Cancelled" —
    with no number or date among them (an attendance list ticks, counts or dates)."""
    first = columns[0].col
    labels = [r[c] for r in body for c in range(first) if c < len(r) and r[c] not in ("", None)]
    if not labels or 2 * sum(map(platform_like, labels)) < len(labels):
        return False  # a sign-in sheet's "Meeting | 5 Nov 2026" line over its names
    entries = [r[m.col] for r in body for m in columns
               if m.col < len(r) and r[m.col] not in ("", None)]  # fmt: skip
    if any(not isinstance(v, str) or parse_date(v) is not None for v in entries):
        return False
    said = [v for v in entries if _tracker_entry(v)]
    return len(said) >= 2 and 3 * len(said) >= 2 * len(entries)


def _tracker_entry(value: str) -> bool:
    """A person with a title in brackets, an absence or no meeting."""
    people = read_cell(value)
    return not people or all(title is not None for _, title, _ in people)


def month_banner(lines: list[Line]) -> Line | None:
    """The cell above a tracker's days that names their month ("NOVEMBRE 2026", "IOM Mali –
    November 2026"): the only one that names a month, and it names one month only. None when
    none does or several do (then the days' month is not known from the sheet)."""
    named = [line for line in lines if month_named(line.value) is not None]
    months = {month_named(line.value) for line in named}
    return named[0] if len(months) == 1 else None


def blank_is_no_meeting(
    date: Any, filled: int, rows: int, sparse: bool = False, blank_absent: bool = False
) -> bool:
    """Whether a blank cell of a tracker column says that platform had no meeting that day:
    the column is dated to a day (not a month, when a platform meets at least once) and only
    one of the tracker's `rows` has an entry in it (`filled`: a person, "No IOM",
    "Cancelled"…), the date of that platform's meeting; or the tracker is `sparse` (fewer
    than half its cells filled: a tracker of days where each platform meets on its own days,
    and writes its absences, SYC's "Sem OIM") and the column is filled on half its rows at
    most (a day most platforms have an entry is one they all met). In a dense tracker, or
    such a column, a blank may be an absence
    left unwritten: it stays a meeting without IOM, never a meeting that vanishes; and so
    does every blank under a legend that says a blank cell is an absence (`blank_absent`)."""
    if isinstance(date, MonthOf) or blank_absent:
        return False
    return filled == 1 < rows or (sparse and filled > 0 and 2 * filled <= rows)


def is_sparse(filled: int, cells: int) -> bool:
    """Whether a tracker's day columns are filled on fewer than half their cells."""
    return 2 * filled < cells


# A legend that says a blank cell is an absence: "Blank = did not attend", "En blanco = no
# asistió", "Vide : absent", "Em branco = ausente", "Leave blank if IOM did not attend".
_BLANK_WORDS = r"(?:blank|empty|vide|vierge|en blanco|vac[ií][oa]|em branco|vazi[oa])"
_BLANK_LEGEND = lazy(
    rf"\b{_BLANK_WORDS}\b.{{0,40}}(?:=|:|means|signifie|significa|if|si|se)\s*.{{0,30}}"
    r"(?:absen|ausen|did not|didn't|not attend|no asisti|n'a pas|não (?:foi|compareceu|"
    r"participou|esteve)|no iom|pas d'oim|sin oim|sem oim|no fue)",
    re.IGNORECASE,
)


def says_blank_is_absent(text: Any) -> bool:
    """Whether a note of the sheet says a blank cell means IOM did not attend."""
    return isinstance(text, str) and bool(_BLANK_LEGEND.search(text))


# A row left from the README's or template's example: its label or a note on it says so
# ("Example: HCT", "Exemple : EHP", "Ejemplo:", "Exemplo:", "e.g. HCT", "example row –
# delete", "(linha de exemplo – não apagar)", "ligne d'exemple"). A title such as "Sample
# Collection Officer" is no example: the word must stand alone, before a separator.
_EXAMPLE = re.compile(
    r"^[(\[]?\s*(?:e\.\s?g\.|(?:example|exemple|ejemplo|exemplo|sample)(?:\s+(?:row|line|entry))?"
    r"\s*(?:[:\-–—()\]]|$)|(?:ligne|fila|linha|row|line)\s+(?:d['’]\s?|de\s+)?"
    r"(?:example|exemple|ejemplo|exemplo)\b)",
    re.IGNORECASE,
)


def is_example(value: Any) -> bool:
    """Whether a cell says its row is an example, not a record."""
    return isinstance(value, str) and bool(_EXAMPLE.match(value.strip()))


def is_note_label(value: Any) -> bool:
    return isinstance(value, str) and bool(_NOTE.match(value))


def read_cell(
    value: Any, absent: frozenset[str] = frozenset()
) -> list[tuple[str | None, str | None, str | None]] | None:
    """A tracker cell → its people as (name, title, remark), [] when IOM was not there, None
    when no meeting took place ("Cancelled", or "Cancelled – air alert": a reason after it).
    "J. Doe (CoM); K. Lee (DCoM)" → two people. The remark after a person's title ("–
    excusée") is what the cell says of their attendance: it is read as their presence, so
    that a person the cell says was away is never counted as attending (a remark that is
    neither present nor absent leaves their attendance unknown).

    A cell that starts with a word of absence (NO_IOM, or `absent`: the vocabulary's folded
    absence words) says nobody went, whatever reason or title follows ("Absent (CoM)", "No IOM
    – CoM on leave", "Excusée (CdM)", "✗ (CoM)"): [] — unless what follows says someone may
    have gone ("– DCoM attended", another person after ";"): then the cell is an entry whose
    presence the judge cannot read, and the meeting stays undetermined. "N/A" with a reason
    that is no cancellation ("N/A (CoM en congé)") is undetermined too. Such a cell is never
    a person named "Absent"."""
    if value is None:
        return []
    text = str(value).strip()
    key = fold(text) or text
    head = _HEAD.match(text)
    lead = fold(head.group("head")) if head is not None else key
    first = lead.split(" ")[0]
    if key in NO_MEETING or lead in NO_MEETING or (len(first) >= 5 and first in NO_MEETING):
        if lead in _NOT_APPLICABLE and key != lead and not _says_no_meeting(key):
            return _unclear(text)  # "N/A (CoM en congé)": no meeting, or nobody went?
        return None  # "Cancelled", "Cancelled – air alert", "Postponed to 27 Nov"
    if any(key == w or key.startswith(f"{w} ") for w in DID_NOT_MEET):
        return None  # "No se reunió", "Did not meet this month", "Não houve reunião"
    rest = _after_absence(text, key, absent)
    if rest is None and _ends_away(text, key, absent):
        return []  # "CoM on leave", "CdM en congé": the one person named is away
    if rest is not None:
        # "Absent (CoM) – p/o the RMO": an abbreviation is read as written (checker.instead).
        if (_someone_went(rest) or instead.signed_for(text)
                or len([p for p in _PEOPLE.split(text) if p.strip()]) > 1):  # fmt: skip
            return _unclear(text)
        return []
    people = []
    for part in _PEOPLE.split(text):
        if not part.strip():
            continue
        person = _PERSON.match(part)
        if person is not None and _not_a_name(person.group("name")):
            return _unclear(text)  # "TBC (CoM)", "X (CoM)", "- (CoM)": no one named
        if person is not None:
            people.append((person.group("name").strip() or None, person.group("title").strip(),
                           person.group("remark") or None))  # fmt: skip
        else:
            people.append((part.strip(), None, None))
    return people


_NOT_APPLICABLE = frozenset({"n a", "na"})


def _says_no_meeting(key: str) -> bool:
    """Whether a folded cell names no meeting in its words ("N/A – no meeting in August")."""
    words = f" {key} "
    return any(f" {w} " in words for w in NO_MEETING if len(w) >= 5)


def _after_absence(text: str, key: str, absent: frozenset[str]) -> str | None:
    """What follows the word of absence a cell starts with (folded, "" when nothing does);
    None when it does not start with one."""
    if text.startswith(_ABSENT_MARKS):
        return key
    words = sorted((w for w in NO_IOM | absent if w), key=len, reverse=True)
    found = next((w for w in words if key == w or key.startswith(w + " ")), None)
    return None if found is None else key[len(found) :].strip()


def _not_a_name(name: str) -> bool:
    """Whether what stands before a title is no one's name: a word, a mark or a single letter
    ("TBC", "X", "✓", "?", "-"); a blank name (a title alone) is left to the judge."""
    if not name.strip():
        return False
    key = fold(name)
    return len(key) <= 1 or key in _NOT_A_NAME


def _ends_away(text: str, key: str, absent: frozenset[str]) -> bool:
    """Whether a cell that names one person or post and no title in brackets ends with words
    of absence ("CoM on leave", "J. Doe – sick", "JdM de vacaciones")."""
    if any(mark in text for mark in "([;\n+") or _someone_went(key) or instead.signed_for(text):
        return False
    return any(key.endswith(f" {word}") for word in absent if word and word not in _ENDS_TITLES)


# Absence words that also end a title: "Head of Travel" is no one away.
_ENDS_TITLES = frozenset({"travel", "r r"})


def _unclear(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """One entry, the whole cell as its name and its presence: the judge reads no presence in
    it, so the meeting stays undetermined and the reason quotes the cell."""
    return [(text, None, text)]


def why_undated(date: Any, period: str | None) -> str | None:
    """Why a tracker column cannot be given its meetings' date, as the variant of its S203
    finding: "days" (a day of a month neither a banner nor the period names), "week" (a week
    without a date), "week_mismatch" (a date outside its week), "" (any other: a day the
    month does not have, no year); None when it can."""
    if isinstance(date, DayOf):
        if date.dated(period) is not None:
            return None
        return "days" if date.month is None and (period is None or len(period) != 7) else ""
    if isinstance(date, WeekOf):
        if date.dated(period) is not None:
            return None
        if date.day is None:
            return "week"
        return "week_mismatch" if date.date(period) is not None else ""
    return None
