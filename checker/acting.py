"""Acting periods that a note on the sheet states, held against each row's date.

A deputy acts as Chief of Mission for a while, and the sheet says so in a note above or
under the table, or in the row's remarks: "K. Mosweu (Deputy CoM) was CoM a.i. 1–14 Nov",
"R. Benali Cheffe de mission a.i. à partir du 15/11", "a.i. since 15 Nov", "Jefa de Misión
a.i. desde el 15/11", "Chefe de Missão interina a partir de 15/11", "T. Kgosi back in office
from 16 Nov". A row's title says what the person was that day only as far as the note
allows: "CoM a.i." on a day the note puts outside the acting period is not known to be
acting (never compliant on it), and "Deputy CoM" on a day inside that person's acting
period is the acting head (C307, the note cited).

A note is tied to a person by their surname before its acting word (or anywhere in it when
it names nobody before), or by standing in the person's own row (then it is that row's only).
A note naming nobody is held against every acting title, and makes a deputy acting only when
the table lists one deputy. A note that cannot be held against the date changes nothing but
where it contradicts a deputy's title (its dates unreadable, or several deputies it may be
about): then the meeting is undetermined, never compliant.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, chain
from typing import Any

from checker.dates import MONTHS_BESIDE_A_DAY
from checker.lazyre import lazy

# Words saying "acting", folded (lower case, no accents), as they stand in running text.
_ACTING = lazy(
    r"(?<![a-z])(?:a\.\s?i\.?|ad interim|acting|oic|officer[- ]in[- ]charge"
    r"|par interim|interim|interin[oa]|p\.\s?i\.)(?![a-z])"
)
# Saying the head is back: the acting ends the day before.
# Only phrases of a person coming back: "returns", "regreso", "volta" alone are also IOM's
# programmes (assisted voluntary returns, "regreso voluntario").
_BACK = lazy(
    r"(?<![a-z])(?:back in (?:the )?office|back from|returned to (?:the )?office"
    r"|returned from|resumed (?:duty|duties|office)|regreso a la oficina|regressou"
    r"|(?:de retour|de regreso|de volta)(?! (?:volontaire|voluntari|assist))"
    r")(?![a-z])"
)
_MONTH = "|".join(sorted(MONTHS_BESIDE_A_DAY, key=len, reverse=True)).replace(".", r"\.")
# A day, then its month in words or digits ("1er", "15 Nov", "15 de noviembre", "15/11/2026").
_DATE = (
    r"(\d{1,2})(?:er|st|nd|rd|th|º|o)?"
    rf"(?:\s*[/.]\s*(\d{{1,2}})(?:\s*[/.]\s*\d{{2,4}})?|\s+(?:de\s+)?({_MONTH})\.?(?![a-z]))?"
)
_RANGE = lazy(
    rf"{_DATE}\s*(?:[-–—]|(?:to|au|al|a|ate|until|till|through|et|y|e)(?![a-z]))\s*{_DATE}"
)
_SINCE = lazy(
    rf"(?<![a-z])(?:since|from|as of|starting|a partir d[eu]|a partir de|depuis|des le|des|"
    rf"desde|a contar de)\s+(?:the\s+|le\s+|el\s+|o\s+|dia\s+)?{_DATE}"
)
_UNTIL = lazy(
    rf"(?<![a-z])(?:until|till|up to|to|jusqu.au|jusqu au|hasta el|hasta|ate o dia|ate)\s+"
    rf"(?:the\s+|le\s+|o\s+|dia\s+)?{_DATE}"
)
# Someone named in a note: an initial and a surname ("K. Mosweu").
_NAMED = lazy(r"\b[A-Z]\.\s?[A-Z][\w'-]+")
_WORD = lazy(r"[^\W\d_]{3,}")
_CLAUSES = lazy(r";|\n|(?<=[a-z]{3})\.\s+(?=[A-Z])")

MonthDay = tuple[int, int]


@dataclass(frozen=True)
class Statement:
    """One clause of a note about an acting period, with its cell ("A12")."""

    cell: str
    row: int  # Excel row of the note's cell
    column: int  # 0-based
    text: str  # the whole note, as written
    subject: str  # the folded words naming whose period it is
    names: frozenset[str]  # the subject's words that may be a surname
    named: bool  # whether the subject names someone (an initial and a surname)
    # In a row read as an attendee's (a remark, a title): about that row's person only.
    in_row: bool
    back: bool  # "X back in office from D": the acting of anyone else ends before D
    start: MonthDay | None = None
    end: MonthDay | None = None

    @property
    def readable(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, date: dt.date) -> bool:
        """Whether the date is inside the acting period the clause states."""
        day = (date.month, date.day)
        if self.back:
            return self.start is None or day < self.start
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def _plain(text: str) -> str:
    if text.isascii():  # most names and notes are: no accents to strip
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _month_day(day: str, month_digits: str | None, month_word: str | None) -> MonthDay | None:
    month = int(month_digits) if month_digits else MONTHS_BESIDE_A_DAY.get(month_word or "")
    if month is None or not 1 <= month <= 12 or not 1 <= int(day) <= 31:
        return None
    return month, int(day)


def _period(words: str) -> tuple[MonthDay | None, MonthDay | None]:
    """The dates a clause states: a range, a start, an end (None where not read)."""
    if found := _RANGE.search(words):
        d1, m1, w1, d2, m2, w2 = found.groups()
        end = _month_day(d2, m2, w2)
        start = _month_day(d1, m1, w1) if (m1 or w1) else _month_day(d1, m2, w2)
        return start, end
    until = _UNTIL.search(words)
    if until is not None:  # "until 15 Nov": its words state no start
        words = words[: until.start()] + " " * len(until.group()) + words[until.end() :]
    since = _SINCE.search(words)
    start = _month_day(*since.groups()) if since else None
    end = _month_day(*until.groups()) if until else None
    return start, end


def read_clause(
    text: str, cell: str, row: int, column: int, clause: str, in_row: bool
) -> Statement | None:
    """A clause stating an acting period or a return, else None."""
    words = _plain(clause)
    acting, back = _ACTING.search(words), _BACK.search(words)
    if acting is None and back is None:
        return None
    marker = acting or back
    assert marker is not None
    # Whose period: the names before the acting word, else the whole clause's. (Folding
    # keeps a precomposed accent's place, so the folded position holds in the text.)
    named_head = _NAMED.search(clause[: marker.start()])
    subject = words[: marker.start()] if named_head else words
    named = bool(named_head or _NAMED.search(clause))
    back_only = back is not None and acting is None
    start, end = _period(words[marker.start() :] if back_only else words)
    return Statement(cell, row, column, text, subject, frozenset(_WORD.findall(subject)),
                     named, in_row, back_only, start, None if back_only else end)  # fmt: skip


def read_note(
    text: str, cell: str, row: int, column: int = 0, in_row: bool = False
) -> tuple[Statement, ...]:
    """The statements of acting periods (and returns) of one cell's text."""
    out = []
    for clause in _CLAUSES.split(text):
        statement = read_clause(text, cell, row, column, clause, in_row)
        if statement is not None:
            out.append(statement)
    return tuple(out)


def sheet_statements(
    cells: list[list[Any]], letter: Any, data_rows: set[int]
) -> tuple[Statement, ...]:
    """Every statement of an acting period on a sheet's cells. `letter` names a 0-based
    column ("A"); `data_rows` are the Excel rows read as attendees' rows, whose notes are
    about their own person."""
    # One search of the sheet's text, not one per cell: a file of 200,000 rows holds a
    # million cells and, most often, no note at all.
    flat = list(chain.from_iterable(cells))
    texts = list(map(str.lower, map(str, flat)))  # each on its own: lower() may add letters
    joined = "\x1f".join(texts)
    starts = [m.start() for m in _QUICK.finditer(joined)]
    if not starts:
        return ()
    ends = list(accumulate(len(t) + 1 for t in texts))  # each text's end, separator included
    rows = list(accumulate(len(row) for row in cells))  # each row's end in `flat`
    found: list[Statement] = []
    for i in sorted({bisect_right(ends, at) for at in starts}):
        value = flat[i]
        if type(value) is not str:
            continue
        r = bisect_right(rows, i)
        c = i - (rows[r - 1] if r else 0)
        in_row = r + 1 in data_rows
        if in_row and not any(ch.isdigit() for ch in value):
            continue  # a title "CoM a.i.", on every row of some rosters: no period stated
        found.extend(read_note(value, f"{letter(c)}{r + 1}", r + 1, c, in_row))
    return tuple(found)


def in_columns(
    statements: tuple[Statement, ...], span: tuple[int, int] | None
) -> tuple[Statement, ...]:
    """The statements within a table's columns, when tables stand side by side."""
    if span is None:
        return statements
    return tuple(s for s in statements if span[0] <= s.column <= span[1])


# A cheap look before reading a cell (lower case): most cells say nothing of acting.
_QUICK = re.compile(
    r"a\.\s?i|interi|int[ée]rim|acting|oic|charge|back|return|resum|retour|regres|volta|p\.\s?i\."
)


def _surname(name: str | None) -> str | None:
    words = _WORD.findall(_plain(name or ""))
    return words[-1] if words else None


class Notes:
    """A table's statements, those of the attendees' rows by row: a roster whose every row
    says "CoM a.i." holds as many statements, and each row needs only its own."""

    def __init__(self, statements: tuple[Statement, ...]) -> None:
        self.around = tuple(s for s in statements if not s.in_row)
        self.rows: dict[int, list[Statement]] = {}
        for s in statements:
            if s.in_row:
                self.rows.setdefault(s.row, []).append(s)

    def of(self, row: int) -> tuple[Statement, ...]:
        """The statements that may be about the person of this Excel row."""
        own = self.rows.get(row)
        return (*self.around, *own) if own else self.around


ACTING, OUTSIDE, UNSURE = "acting", "outside", "unsure"


@dataclass(frozen=True)
class Reading:
    """What the notes say of one row: ACTING — a deputy inside their stated acting period;
    OUTSIDE — an acting title on a date a note puts outside the period; UNSURE — a note
    says a deputy acted, but its dates cannot be read or it cannot be tied to this one."""

    note: Statement
    kind: str


def hold(
    statements: tuple[Statement, ...], name: str | None, row: int, date: str, acting: bool,
    deputy: bool, only_deputy: bool,
) -> Reading | None:  # fmt: skip
    """What the sheet's notes say of a row's title on its date, if anything."""
    if not statements or not (acting or deputy):
        return None
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return None
    surname = _surname(name)
    tied, untied = [], []
    for s in statements:
        if s.in_row and s.row != row:
            continue  # another attendee's remark or title
        mine = s.row == row or surname in s.names
        if s.back:
            # Someone else back in office: the acting of this person ends.
            if not mine and acting and s.readable:
                tied.append(s)
        elif mine:
            tied.append(s)
        elif not s.named:
            untied.append(s)
    if acting:
        held = [s for s in tied + untied if s.readable]
        if held and not any(s.covers(day) for s in held):
            return Reading(next(s for s in held if not s.covers(day)), OUTSIDE)
        return None
    readable = [s for s in tied if s.readable] + (untied if only_deputy else [])
    inside = next((s for s in readable if s.readable and s.covers(day)), None)
    if inside is not None:
        return Reading(inside, ACTING)
    # The deputy's own note with no dates read ("a.i. during the CoM's leave"), or a note
    # naming nobody that covers the date while the table lists several deputies.
    unsure = [s for s in tied if not s.readable]
    unsure += [s for s in untied if not only_deputy and s.readable and s.covers(day)]
    return Reading(unsure[0], UNSURE) if unsure else None
