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
from dataclasses import dataclass, replace
from itertools import accumulate, chain
from typing import Any

from checker.dates import MONTHS_BESIDE_A_DAY
from checker.lazyre import lazy

# Words saying "acting", folded (lower case, no accents), as they stand in running text.
_ACTING = lazy(
    r"(?<![a-z])(?:a\.\s?i\.?|ad interim|acting|oic|officer[- ]in[- ]charge"
    r"|par interim|interim|interin[oa]|p\.\s?i\."
    # Heading the mission: "L. Kiss heads the mission from 1 Dec".
    r"|heads? the mission|heading the mission|(?:assure|assume|assurera)n?t? la direction"
    r"|dirige la mission|asume la (?:jefatura|direccion)|a cargo de la mision"
    r"|chefia d[ae] missao (?:e|esta|fica) (?:assegurada|assumida|a cargo)"
    r"|(?:assegura|assume) a chefia|chefia a missao)(?![a-z])"
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
    rf"(?:\s*[/.]\s*(\d{{1,2}})(?:\s*[/.]\s*(\d{{4}}|\d{{2}})(?!\d))?"
    rf"|\s+(?:de\s+)?({_MONTH})\.?(?![a-z])(?:,?\s+(?:de\s+)?(\d{{4}})(?!\d))?)?"
)
# A date whose month is said (a day alone, "el 1", is no date here).
_DAY_MONTH = lazy(
    r"(?<!\d)(\d{1,2})(?:er|st|nd|rd|th|º|o)?"
    rf"(?:\s*[/.]\s*(\d{{1,2}})(?:\s*[/.]\s*(\d{{4}}|\d{{2}})(?!\d))?"
    rf"|\s+(?:de\s+)?({_MONTH})\.?(?![a-z])(?:,?\s+(?:de\s+)?(\d{{4}})(?!\d))?)"
)
_RANGE = lazy(
    rf"{_DATE}\s*(?:[-–—]|(?:to|au|al|a|ate|until|till|through|et|y|e)(?![a-z]))\s*{_DATE}"
)
_SINCE = lazy(
    rf"(?<![a-z])(?:since|from|as of|starting|a partir d[eu]|a partir de|depuis|des le|des|"
    rf"desde|a contar de|w\.\s?e\.\s?f\.?|with effect from|effective|a compter d[eu]"
    rf"|con efecto (?:desde|a partir de)|com efeito a partir de)"
    rf"\s+(?:the\s+|le\s+|el\s+|o\s+|dia\s+)?{_DATE}"
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
# A day and, when written, its year (a staff list's "01/03/2022").
Day = tuple[MonthDay, int | None]

# What a clause states: an acting period (or a return), or a post held over a period.
ACTING_PERIOD, POST = "acting", "post"

# Saying a post ended: "ended her functions on 30 Nov", "a terminé ses fonctions le 30/11",
# "terminó funciones el 30/11", "terminou funções a 30/11", "left the mission on".
_ENDED = lazy(
    r"(?<![a-z])(?:ended (?:(?:his|her|their) )?(?:functions|duties|assignment|post)"
    r"|left (?:the mission|the office|iom|(?:his|her|their) post)"
    r"|(?:a )?(?:termine|quitte) (?:ses )?fonctions|fin de (?:ses )?fonctions"
    r"|termino (?:sus )?funciones|ceso en (?:sus )?funciones|dejo (?:el|su) (?:cargo|puesto)"
    r"|terminou (?:as )?(?:suas )?funcoes|cessou funcoes|deixou (?:o|a) (?:cargo|missao|funcao))"
    r"(?![a-z])"
)
# Saying a post changed, the new one after "now": "changed post on 1 Nov: now Programme
# Manager", "a changé de poste le 1/11 : désormais…", "cambió de puesto el 1/11: ahora…",
# "mudou de função a 1/11: agora…", "appointed Chief of Mission w.e.f. 1 Nov".
_CHANGED = lazy(
    r"(?<![a-z])(?:changed (?:post|position|job|role|function)s?|moved to a new post"
    r"|a change de (?:poste|fonction)s?|cambio de (?:puesto|cargo|funcion)"
    r"|mudou de (?:funcao|cargo|posto)"
    r"|appointed|nommee?|nombrad[oa]|nomead[oa]|designad[oa])(?![a-z])"
)
_NOW = lazy(r"(?<![a-z])(?:now|desormais|maintenant|ahora|agora|actualmente|atualmente)(?![a-z])")
# Words before a post that say nothing of it ("appointed", "is", the article).
_FILLER = lazy(
    r"^(?:(?:appointed|nommee?|nombrad[oa]|nomead[oa]|designad[oa]|as|comme|como|is|est|es|e"
    r"|the|a|an|le|la|el|o|un|une|uno|una|um|uma)\s+)+"
)


@dataclass(frozen=True)
class Statement:
    """One clause of a note about an acting period, or about a post held over a period
    (`kind` POST: "changed post on 1 Nov: now Programme Manager", "ended functions on 30/11",
    a staff list's "Programme Manager since 01/10/2026"), with its cell ("A12")."""

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
    kind: str = ACTING_PERIOD
    # POST: the post held over the period, as written (None: the post the person held, as
    # after "ended functions on 30/11").
    post: str | None = None
    start_year: int | None = None
    end_year: int | None = None
    sheet: str | None = None  # the sheet of the cell, when not the table's (a staff list)
    person: str | None = None  # a staff list's row: the person's name, as written

    @property
    def readable(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, date: dt.date) -> bool:
        """Whether the date is inside the period the clause states."""
        after = self.start is None or not _before(date, self.start, self.start_year)
        if self.back:
            return self.start is None or _before(date, self.start, self.start_year)
        return after and (self.end is None or not _before_end(date, self.end, self.end_year))


def _before(date: dt.date, bound: MonthDay, year: int | None) -> bool:
    """Whether the date is before the bound's day (its year, when written)."""
    if year is not None:
        return (date.year, date.month, date.day) < (year, *bound)
    return (date.month, date.day) < bound


def _before_end(date: dt.date, bound: MonthDay, year: int | None) -> bool:
    """Whether the date is after the bound's day: `_before` seen from the end."""
    if year is not None:
        return (date.year, date.month, date.day) > (year, *bound)
    return (date.month, date.day) > bound


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


def _year(*written: str | None) -> int | None:
    year = next((y for y in written if y), None)
    if year is None:
        return None
    return int(year) + 2000 if len(year) == 2 else int(year)


def _day(groups: tuple[str | None, ...]) -> Day | None:
    """One `_DATE`'s groups: its day and month, and its year when written (None: no day)."""
    d, m, y1, w, y2 = groups
    month_day = _month_day(d, m, w) if d is not None else None
    if month_day is None:
        return None
    try:  # 31/11, 29 Feb of a year that has none: no day
        dt.date(_year(y1, y2) or 2000, *month_day)
    except ValueError:
        return None
    return month_day, _year(y1, y2)


def _period(words: str) -> tuple[Day | None, Day | None]:
    """The dates a clause states: a range, a start, an end (None where not read)."""
    if found := _RANGE.search(words):
        first, second = found.groups()[:5], found.groups()[5:]
        end = _day(second)
        if first[1] or first[3]:
            start = _day(first)
        else:  # "1–14 Nov 2026": the first day takes the second's month and year
            start = _day((first[0], *second[1:]))
        if start is not None and end is not None and start[1] is None and end[1] is not None:
            start = (start[0], end[1])  # "1 Nov – 14 Nov 2026"
        if start is None or end is None:  # "31/11–5/12": a range read in half is not read
            return None, None
        return start, end
    until = _UNTIL.search(words)
    if until is not None:  # "until 15 Nov": its words state no start
        words = words[: until.start()] + " " * len(until.group()) + words[until.end() :]
    since = _SINCE.search(words)
    return (_day(since.groups()) if since else None), (_day(until.groups()) if until else None)


def _day_before(day: Day) -> Day:
    (month, date), year = day
    before = dt.date(year or 2000, month, date) - dt.timedelta(days=1)  # 2000: a leap year
    return (before.month, before.day), (before.year if year else None)


def _day_after(day: Day) -> Day:
    (month, date), year = day
    after = dt.date(year or 2000, month, date) + dt.timedelta(days=1)
    return (after.month, after.day), (after.year if year else None)


def _dated(statement: Statement, start: Day | None, end: Day | None) -> Statement:
    return replace(statement, start=start[0] if start else None, end=end[0] if end else None,
                   start_year=start[1] if start else None,
                   end_year=end[1] if end else None)  # fmt: skip


def _whose(clause: str, words: str, at: int) -> tuple[str, bool]:
    """The folded words naming whose period a clause states, and whether it names
    someone: the names before its marker word, else the whole clause's. (Folding keeps a
    precomposed accent's place, so the folded position holds in the text.)"""
    named_head = _NAMED.search(clause[:at])
    return (words[:at] if named_head else words), bool(named_head or _NAMED.search(clause))


def read_clause(
    text: str, cell: str, row: int, column: int, clause: str, in_row: bool
) -> Statement | None:
    """A clause stating an acting period, a return or a post held over a period, else None."""
    words = _plain(clause)
    acting, back = _ACTING.search(words), _BACK.search(words)
    if acting is None and back is None:
        return _read_post(text, cell, row, column, clause, words, in_row)
    marker = acting or back
    assert marker is not None
    subject, named = _whose(clause, words, marker.start())
    back_only = back is not None and acting is None
    start, end = _period(words[marker.start() :] if back_only else words)
    said = Statement(cell, row, column, text, subject, frozenset(_WORD.findall(subject)),
                     named, in_row, back_only)  # fmt: skip
    return _dated(said, start, None if back_only else end)


def _first_day(words: str) -> Day | None:
    found = _DAY_MONTH.search(words)
    if found is None:
        return None
    return _day(found.groups())


def _read_post(
    text: str, cell: str, row: int, column: int, clause: str, words: str, in_row: bool
) -> Statement | None:
    """A clause saying a post ended ("E. Nagy ended her functions on 30/11") or changed
    ("changed post on 1 Nov: now Programme Manager"), with its day; else None."""
    ended, changed = _ENDED.search(words), _CHANGED.search(words)
    marker = ended or changed
    if marker is None:
        return None
    subject, named = _whose(clause, words, marker.start())
    # Tied by the surnames it names only ("a Chefe de Missão E. Nagy": Nagy), not by every
    # word of it: a post's words ("Missão") are in many a name cell.
    heads = _NAMED.finditer(clause[: marker.start()])
    names = frozenset(w[-1] for m in heads if (w := _WORD.findall(_plain(m.group()))))
    said = Statement(cell, row, column, text, subject, names, named, in_row, False, kind=POST)
    rest = words[marker.end() :]
    start, end = _period(rest)
    day = _first_day(rest)
    if ended is not None:  # the post held until the day it ended
        end = end or (start if start else day)
        return _dated(said, None, end) if end else None
    now = _NOW.search(words)
    post = clause[now.end() :] if now else clause[changed.end() :] if changed else ""
    # "appointed Chief of Mission w.e.f. 1 Nov": the post before its date.
    post = _DATE_OR_SINCE.split(post, maxsplit=1)[0]
    post = post.strip(" :,.-–—")
    start = start or day
    if start is None or not _WORD.search(post):
        return None
    return _dated(replace(said, post=post), start, end)


# Where a post's words end: a date, or a word saying since / until.
_DATE_OR_SINCE = re.compile(
    r"(?<![^\W\d_])(?:since|from|until|till|w\.\s?e\.\s?f\.?|with effect|effective|on"
    r"|depuis|le|à|a partir|à partir|jusqu|desde|hasta|el|a contar|até|ate|em)(?![^\W\d_])"
    r"|\d{1,2}\s*[/.]\s*\d{1,2}|\d{1,2}\s+(?:de\s+)?[^\W\d_]{3,}",
    re.IGNORECASE,
)


def read_note(
    text: str, cell: str, row: int, column: int = 0, in_row: bool = False
) -> tuple[Statement, ...]:
    """The statements of acting periods, returns and posts of one cell's text."""
    out: list[Statement] = []
    for clause in _CLAUSES.split(text):
        statement = read_clause(text, cell, row, column, clause, in_row)
        if statement is None:
            continue
        ended = next((s for s in reversed(out) if s.kind == POST and s.post is None
                      and s.end is not None), None)  # fmt: skip
        if statement.kind == ACTING_PERIOD and not statement.back and not statement.readable \
                and ended is not None and ended.end is not None:  # fmt: skip
            # "the CoM ended her functions on 30/11; the deputy heads the mission": from the
            # day after.
            statement = _dated(statement, _day_after((ended.end, ended.end_year)), None)
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
    # a post that ended, changed or is headed: checker.acting's POST statements
    r"|ended|left |fonction|funci[oó]n|fun[cç][aã]o|fun[cç][oõ]es|chang|cambi|mudou|appoint"
    r"|nomm|nombrad|nomead|designad|heads? the|direction|jefatura|cargo de la|chefia"
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
    statements = tuple(s for s in statements if s.kind == ACTING_PERIOD)
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


# A staff list's headers, folded: the person, their post, the post's dates, a note.
_STAFF_NAME = lazy(r"^(?:(?:staff|full)\s+)?(?:name|nom|nombre|nome)s?(?:\s|$)|^staff(?: member)?$")
_STAFF_POST = lazy(
    r"^(?:current\s+|present\s+)?(?:post|position|title|job title|function|poste|fonction"
    r"|titre|cargo|puesto|funcao|posto)(?:\s+actu[ae]l(?:le)?|\s+atual)?$"
)
_STAFF_SINCE = lazy(r"^(?:since|from|start(?: date)?|depuis|debut|desde|inicio|a partir de)$")
_STAFF_UNTIL = lazy(r"^(?:until|to|end(?: date)?|jusqu.au|fin|hasta|ate|termino|fim)$")
_STAFF_NOTE = lazy(r"note|remark|comment|previous|observa|anterior|precedent|historique|history")
_WHOLE_DATE = lazy(rf"^\s*{_DATE}\s*$")


def _cell_day(value: Any) -> Day | None:
    """A cell's day: a date, or a text that is one date ("01/10/2026", "1 Oct 2026")."""
    if isinstance(value, dt.datetime | dt.date):
        return (value.month, value.day), value.year
    if not isinstance(value, str) or not (found := _WHOLE_DATE.match(_plain(value))):
        return None
    return _day(found.groups())


def _staff_header(cells: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    """The header row of a staff list (a name column and a post column, and a column of
    dates or notes) within the sheet's first rows, with its columns."""
    for r, row in enumerate(cells[:20]):
        columns: dict[str, int] = {}
        for c, value in enumerate(row):
            head = _plain(str(value)).strip(" :") if isinstance(value, str) else ""
            if not head:
                continue
            for field, pattern in (("name", _STAFF_NAME), ("post", _STAFF_POST),
                                   ("since", _STAFF_SINCE), ("until", _STAFF_UNTIL),
                                   ("note", _STAFF_NOTE)):  # fmt: skip
                if field not in columns and pattern.search(head):
                    columns[field] = c
                    break
        if {"name", "post"} <= columns.keys() and columns.keys() & {"since", "until", "note"}:
            return r, columns
    return None


def staff_statements(sheet: str, cells: list[list[Any]], letter: Any) -> tuple[Statement, ...]:
    """A staff list's posts over their periods (a sheet of the workbook that is no roster:
    name, post, since, until, a note such as "RMO until 30 Sep 2026" or "appointed Chief of
    Mission w.e.f. 1 Nov 2026"), each tied to its person by name."""
    header = _staff_header(cells)
    if header is None:
        return ()
    top, columns = header
    found: list[Statement] = []
    for r in range(top + 1, len(cells)):
        row = cells[r]

        def at(field: str, row: list[Any] = row) -> Any:
            c = columns.get(field)
            return row[c] if c is not None and c < len(row) else None

        name, post = at("name"), at("post")
        if (
            not isinstance(name, str)
            or not _NAMED.search(name.strip())
            or not isinstance(post, str)
        ):
            continue
        text = " | ".join(str(v).strip() for v in row if v is not None and str(v).strip())
        surname = _surname(name)
        base = Statement(f"{letter(columns['post'])}{r + 1}", r + 1, columns["post"], text,
                         _plain(name), frozenset({surname} if surname else ()), True, False,
                         False, kind=POST, post=post.strip(), sheet=sheet,
                         person=name.strip())  # fmt: skip
        start, end = _cell_day(at("since")), _cell_day(at("until"))
        note = at("note")
        earlier: list[Statement] = []
        for clause in _CLAUSES.split(note) if isinstance(note, str) else ():
            words = _plain(clause)
            since, until = _period(words)
            if since is None and until is None:
                continue  # "previously Finance Officer": no period
            cut = _DATE_OR_SINCE.search(clause)
            other = _FILLER.sub("", (clause[: cut.start()] if cut else clause).strip(" :,.-–—"))
            other = other.strip(" :,.-–—")
            cell = f"{letter(columns['note'])}{r + 1}"
            if not _WORD.search(other) or _plain(other) == _plain(post.strip()):
                # "until 31 Oct 2026 (reassigned)": the current post's dates.
                start, end = start or since, end or until
                continue
            if since is not None and until is None:
                # "appointed Chief of Mission w.e.f. 1 Nov": the current post ends the day before.
                end = end or _day_before(since)
            earlier.append(_dated(replace(base, cell=cell, column=columns["note"], post=other),
                                  since, until))  # fmt: skip
        if start is not None or end is not None:
            found.append(_dated(base, start, end))
        found.extend(s for s in earlier if s.readable)
    return tuple(found)


def _same_person(name: str, person: str) -> bool:
    """Whether an attendee's name and a staff list's are the same person's: the same
    surname, and the same initial where both write one."""
    a, b = _WORD.findall(_plain(name)) or [], _WORD.findall(_plain(person)) or []
    mine, theirs = _plain(name).split(), _plain(person).split()
    if not a or not b or a[-1] != b[-1] or not mine or not theirs:
        return False
    return mine[0][0] == theirs[0][0] if len(mine) > 1 and len(theirs) > 1 else True


def post_doubt(
    statements: tuple[Statement, ...], name: str | None, row: int, date: str, role: str,
    acting: bool, role_of: Any,
) -> Statement | None:  # fmt: skip
    """A statement of the workbook saying the row's person did not hold the post their
    title says on its date, if any: a note or remark that the post ended or changed, or a
    staff list's post over its period. `role_of` reads a post's role (None: not known).
    Never judged on: the row is in doubt, the meeting never compliant on its title."""
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return None
    surname = _surname(name)
    posts = [s for s in statements if s.kind == POST and (not s.in_row or s.row == row)]
    staff = [s for s in posts if s.person is not None]
    if staff:
        # A staff list is tied by name only where one person of it has that name.
        people = {s.person for s in staff if name and _same_person(name, s.person or "")}
        if len(people) != 1:
            staff = []
        else:
            staff = [s for s in staff if s.person in people]
    noted = [s for s in posts if s.person is None and (s.in_row or surname in s.names)]
    said = [(s, None if s.post is None else role_of(s.post)) for s in noted + staff if s.readable]
    # A period of the title's post that holds the day: other statements are of other times.
    if any(held == role and s.covers(day) for s, held in said):
        return None
    for s, held in said:
        if s.post is None:  # "ended functions on 30/11": no post after that day
            if s.end is not None and _before_end(day, s.end, s.end_year):
                return s
        elif s.covers(day):
            # A post other than the title's that day; an acting title acts beyond the
            # person's own post.
            if not acting:
                return s
        elif held == role:
            return s  # the title's post, held at another time
    return None
