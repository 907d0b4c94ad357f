"""Reading the dates people type into rosters.

Real Excel dates, Excel serial numbers, ISO text, day-first text (05/10/2026, 05.10.2026)
and month names in English, French, Spanish and Portuguese ("5 de octubre de 2026", "8 de
outubro de 2026"). A wide tracker's column headers too: a month ("Oct"), a day of a month
named elsewhere ("4" under "NOVEMBRE 2026"), a week with the meeting's date ("W41 (5 Oct)").
A day/month that
could be read both ways is read day-first unless only the month-first reading falls in the
reporting period.

A weekday written with the date ("Sun 6 Dec 2026", "lundi 5 octobre", "06/12/2026 (Sun)",
"Sun 06/12") must be that date's:
if it is not, the date is not read (`unread` says why), never moved to another day or year.
A day and month without a year ("Sun 6 Dec", "3 Jan") take the year that puts them nearest
to the roster's period, only when that is near it (a December roster's "3 Jan" is January of
the next year); with no period, or far from it, they are not read.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, replace

from checker.lazyre import lazy

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIALS = range(20_000, 80_000)  # 1954..2118: anything else is not a meeting date

MONTHS = {
    # English, French, Spanish; abbreviations included, accents folded.
    "january": 1, "jan": 1, "janvier": 1, "janv": 1, "enero": 1, "ene": 1,
    "february": 2, "feb": 2, "fevrier": 2, "fevr": 2, "fev": 2, "febrero": 2,
    "march": 3, "mar": 3, "mars": 3, "marzo": 3,
    "april": 4, "apr": 4, "avril": 4, "avr": 4, "abril": 4, "abr": 4,
    "may": 5, "mai": 5, "mayo": 5, "may.": 5,
    "june": 6, "jun": 6, "juin": 6, "junio": 6,
    "july": 7, "jul": 7, "juillet": 7, "juil": 7, "julio": 7,
    "august": 8, "aug": 8, "aout": 8, "agosto": 8, "ago": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9, "septiembre": 9, "setiembre": 9, "set": 9,
    "october": 10, "oct": 10, "octobre": 10, "octubre": 10,
    "november": 11, "nov": 11, "novembre": 11, "noviembre": 11,
    "december": 12, "dec": 12, "decembre": 12, "diciembre": 12, "dic": 12,
    # Portuguese (jan, fev, mar, abr, mai, jun, jul, ago, set, nov are above; out: below).
    "janeiro": 1, "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12, "dez": 12,
}  # fmt: skip
# Portuguese "out" (outubro) is an English word too: a month only beside a day ("8 Out",
# "8 out 2026"), never alone (a tracker's column, a file name).
MONTHS_BESIDE_A_DAY = MONTHS | {"out": 10}

# The days of the week in English, French, Spanish and Portuguese, accents folded; Monday = 0.
WEEKDAYS = {
    "monday": 0, "mon": 0, "lundi": 0, "lun": 0, "lunes": 0, "segunda": 0, "seg": 0,
    "tuesday": 1, "tue": 1, "tues": 1, "mardi": 1, "martes": 1, "terca": 1, "ter": 1,
    "wednesday": 2, "wed": 2, "mercredi": 2, "mer": 2, "miercoles": 2, "mie": 2, "mier": 2,
    "quarta": 2, "qua": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "jeudi": 3, "jeu": 3, "jueves": 3, "jue": 3,
    "quinta": 3, "qui": 3,
    "friday": 4, "fri": 4, "vendredi": 4, "ven": 4, "viernes": 4, "vie": 4, "sexta": 4,
    "sex": 4,
    "saturday": 5, "sat": 5, "samedi": 5, "sam": 5, "sabado": 5, "sab": 5,
    "sunday": 6, "sun": 6, "dimanche": 6, "dim": 6, "domingo": 6, "dom": 6,
}  # fmt: skip
# "mar" is March (EN, FR mars, ES marzo) and Tuesday (FR mardi, ES martes): beside another
# month ("mar. 6 dic.") it is the weekday; alone with a year ("Mar 3, 2026") the month;
# alone without a year ("mar 3") either, so it is not read.
MARCH_OR_TUESDAY = "mar"
TUESDAY = 1
# How far from the roster's period a day and month without a year may fall and still be read:
# about three months; further, the nearest year is little nearer than the other.
NEAR_PERIOD = dt.timedelta(days=92)
# A date written in words ("3 Dec 2015") more than a year from the period is a slip of the
# pen or a misreading, not a meeting of the roster: it is not read (S203 says which year).
FAR_FROM_PERIOD = dt.timedelta(days=366)
# Words saying the meeting was moved ("8 Dec (postponed to 10 Dec)", "reportée au 4 déc.",
# "aplazada al 10", "adiada para 10/12"), accents folded: such a cell is no plain date.
MOVED = frozenset({
    "postponed", "rescheduled", "moved", "deferred", "delayed", "rescheduling",
    "reporte", "reportee", "reportes", "reportees", "repoussee", "repousse", "decale",
    "decalee", "deplace", "deplacee",
    "aplazada", "aplazado", "pospuesta", "pospuesto", "postergada", "postergado",
    "reprogramada", "reprogramado", "trasladada", "trasladado",
    "adiada", "adiado", "remarcada", "remarcado", "reagendada", "reagendado", "transferida",
    "transferido",
})  # fmt: skip

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_NUMERIC = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_YMD_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_WORD = re.compile(r"[a-z]+\.?|\d+")
# A weekday before a numeric date: "Sun 06/12/2026", "mar. 03/12/2026", "Tue 1/12".
_WEEKDAY_FIRST = re.compile(r"^([a-z]+)\.?,?\s+(\S.*)$")
# A weekday in brackets after it: "06/12/2026 (Sun)".
_WEEKDAY_AFTER = re.compile(r"^(\S.*?)\s*[(\[]\s*([a-z]+)\.?\s*[)\]]$")
# Excel's own "d-mmm-yy" shown as text ("8-Sep-26"): the one place a two-digit number after a
# month's name is its year. "3 Dec 15" is not read: the 15th, or 2015?
_DAY_MONTH_YY = lazy(r"^\d{1,2}-[a-z]+\.?-\d{2}$")
_DAY_MONTH_NUMBER = lazy(r"^\d{1,2}\.?\s*(?:de\s+)?[a-z]+\.?,?\s*(?:de\s+)?\d{2}$")
# Where a cell holding more than a date splits into its dates: brackets, arrows, "to", ";".
_BETWEEN_DATES = lazy(r"[()\[\];,→]|->|\s[–—-]\s|\b(?:to|au|al|a|para|ate|until)\b")


# The orders a column of dates in figures may be written in (ParsedDate.order).
MONTH_FIRST = "month_first"
DAY_FIRST = "day_first"


@dataclass(frozen=True)
class ParsedDate:
    value: dt.date
    # The month-first reading of an ambiguous numeric date such as 03/10/2026.
    alternative: dt.date | None = None
    month_only: bool = False  # a tracker's month column: the day is not known
    weekday: int | None = None  # the day of the week written with it (Monday = 0)
    in_words: bool = False  # written with a month's name ("3 Dec 2015"), not in figures
    # Figures that can be read one way only: "month_first" (11/18/2026), "day_first"
    # (18/11/2026); None for the others. A column's cells of one order read its ambiguous ones.
    order: str | None = None

    def read(self, period: str | None = None, order: str | None = None) -> dt.date | None:
        """The date, its reading chosen by the period (or by its column's `order`,
        MONTH_FIRST or DAY_FIRST, in a column written so); None when the weekday written is
        not that date's (03/12/2026 may be read 3 December and "Tue" be right of 12 March),
        when it is written in words and falls more than a year from the period, or when the
        column's order and the period disagree."""
        if order is not None and self.alternative is not None:
            if _order_against_period(self, period, order):
                return None
            value = self.alternative if order == MONTH_FIRST else self.value
        else:
            value = resolve(self, period)
            if _ambiguous_outside(self, period):
                return None
        if self.in_words and period and _distance(value, period) > FAR_FROM_PERIOD:
            return None
        return None if self.weekday not in (None, value.weekday()) else value

    def iso(self, period: str | None = None, order: str | None = None) -> str | None:
        """YYYY-MM-DD, or YYYY-MM for a month (never a made-up day); None when not read."""
        value = self.read(period, order)
        if value is None:
            return None
        return value.isoformat()[:7] if self.month_only else value.isoformat()


@dataclass(frozen=True)
class DayMonth:
    """A day and month written without a year ("Sun 6 Dec", "3 Jan"): the roster's period
    gives the year."""

    month: int
    day: int
    weekday: int | None = None
    march_or_tuesday: bool = False  # "mar 3": 3 March, or Tuesday the 3rd?

    def read(self, period: str | None) -> dt.date | None:
        """In the year that puts it nearest to the period, when that is near it and its
        weekday (if written) is right; else None (`unread` says why)."""
        value = self.nearest(period)
        if value is None or self.march_or_tuesday or _distance(value, period) > NEAR_PERIOD:
            return None
        return None if self.weekday not in (None, value.weekday()) else value

    def iso(self, period: str | None = None) -> str | None:
        value = self.read(period)
        return None if value is None else value.isoformat()

    def nearest(self, period: str | None) -> dt.date | None:
        if not period:
            return None
        year = int(period[:4])
        dates = [d for y in (year - 1, year, year + 1) if (d := _safe(y, self.month, self.day))]
        return min(dates, key=lambda d: _distance(d, period), default=None)


def _distance(value: dt.date, period: str | None) -> dt.timedelta:
    """How far a date falls outside a period (YYYY-MM or YYYY); zero inside it."""
    if not period:
        return dt.timedelta.max
    year = int(period[:4])
    if len(period) == 4:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        month = int(period[5:7])
        first = dt.date(year, month, 1)
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return max(first - value, value - last, dt.timedelta(0))


@dataclass(frozen=True)
class MonthOf:
    """A month written without a day ("Jan", "janv.-26", "Oct 2026") in a tracker's header;
    `year` is None when the header does not say it (the file's period then does)."""

    month: int
    year: int | None = None

    def with_year(self, period: str | None) -> MonthOf:
        if self.year is not None or not period:
            return self
        return MonthOf(self.month, int(period[:4]))


def month_of(value: object) -> MonthOf | None:
    """A tracker header naming a month (and no day) → that month."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if match := re.match(r"^(\d{4})[-/.](\d{1,2})$", text):
        year, month = int(match.group(1)), int(match.group(2))
        return MonthOf(month, year) if 1 <= month <= 12 else None
    if match := re.match(r"^(\d{1,2})[-/.](\d{4})$", text):
        month, year = int(match.group(1)), int(match.group(2))
        return MonthOf(month, year) if 1 <= month <= 12 else None
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    if match := re.match(r"^([a-z]+)\.?[\s\-/']*(\d{2}|\d{4})?$", folded):
        named = MONTHS.get(match.group(1))
        if named is None:
            return None
        digits = match.group(2)
        written = None if digits is None else int(digits) + (2000 if len(digits) == 2 else 0)
        return MonthOf(named, written)
    return None


@dataclass(frozen=True)
class DayOf:
    """A tracker column headed by a day of the month ("4", "18"); the month and year come
    from a banner above the days ("NOVEMBRE 2026") or, when there is none, from the file's
    period when it is a month."""

    day: int
    month: int | None = None
    year: int | None = None

    def dated(self, period: str | None) -> dt.date | None:
        month, year = self.month, self.year
        if month is None and period is not None and len(period) == 7:
            year, month = int(period[:4]), int(period[5:])
        return None if month is None or year is None else _safe(year, month, self.day)


@dataclass(frozen=True)
class WeekOf:
    """A tracker column headed by a week ("W41 (5 Oct)", "S41 (5 oct.)", "Semana 41 (5 oct)").
    The meeting's date is the one in brackets, in the year written or the period's; the week
    number must agree with it (ISO week), else the column is not dated: a week without a
    date, or whose date is in another week, says no day the meeting can honestly be given."""

    week: int
    day: int | None = None  # None: the header gives no date ("W41")
    month: int | None = None
    year: int | None = None

    def date(self, period: str | None) -> dt.date | None:
        """The date in brackets (whatever the week number says)."""
        year = self.year if self.year is not None else int(period[:4]) if period else None
        if self.day is None or self.month is None or year is None:
            return None
        return _safe(year, self.month, self.day)

    def dated(self, period: str | None) -> dt.date | None:
        date = self.date(period)
        return date if date is not None and date.isocalendar()[1] == self.week else None


_WEEK = lazy(
    r"^(?:w|wk|week|s|sem|semaine|semana)\.?\s*(?P<week>\d{1,2})"
    r"\s*(?:[(\[](?P<date>[^)\]]*)[)\]])?$"
)
_DAY_MONTH = lazy(r"^(\d{1,2})\.?\s*(?:de\s+)?([a-z]+)\.?(?:,?\s*(?:de\s+)?(\d{4}))?$")
_MONTH_DAY = lazy(r"^([a-z]+)\.?\s*(\d{1,2})(?:,?\s*(\d{4}))?$")
_DAY_SLASH = lazy(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?$")


def week_of(value: object) -> WeekOf | None:
    """A tracker header naming a week ("W41 (5 Oct)", "Week 41", "S41 (5 oct.)") → that
    week and the date in its brackets (day None when there is none, or it is not one date:
    "W41 (5–11 Oct)")."""
    if not isinstance(value, str):
        return None
    match = _WEEK.match(_fold(value).strip())
    if match is None or not 1 <= int(match.group("week")) <= 53:
        return None
    week, text = int(match.group("week")), (match.group("date") or "").strip()
    if found := _DAY_MONTH.match(text):
        day, month, year = found.group(1), MONTHS.get(found.group(2)), found.group(3)
    elif found := _MONTH_DAY.match(text):
        day, month, year = found.group(2), MONTHS.get(found.group(1)), found.group(3)
    elif found := _DAY_SLASH.match(text):
        day, month, year = found.group(1), int(found.group(2)), found.group(3)
    else:
        return WeekOf(week)
    if month is None or not 1 <= month <= 12:
        return WeekOf(week)
    return WeekOf(week, int(day), month, int(year) if year else None)


_MONTH_YEAR = lazy(r"\b([a-z]+)\.?\s+(?:de\s+|del\s+)?(\d{4})\b")


def month_named(text: object) -> MonthOf | None:
    """The one month and year a banner names ("NOVEMBRE 2026", "Noviembre de 2026", "IOM
    Mali – November 2026"); None when it names none, or names other months too
    ("octobre–novembre 2026")."""
    if not isinstance(text, str):
        return None
    folded = _fold(text)
    found = {(MONTHS[m], int(y)) for m, y in _MONTH_YEAR.findall(folded) if m in MONTHS}
    named = {MONTHS[w] for w in re.findall(r"[a-z]+", folded) if w in MONTHS}
    if len(found) != 1 or len(named) != 1:
        return None
    month, year = found.pop()
    return MonthOf(month, year)


def _fold(text: str) -> str:
    """Lower case, accents off: "Février" → "fevrier"."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch)
    )


def parse_date(raw: object) -> ParsedDate | None:
    """One cell's value → a date, or None when it cannot be read as one (a day and month
    without a year included: `read_date` gives those)."""
    parsed = read_date(raw)
    return parsed if isinstance(parsed, ParsedDate) else None


def read_date(raw: object) -> ParsedDate | DayMonth | None:
    """One cell's value → a date, a day and month without a year, or None."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, MonthOf):
        return ParsedDate(dt.date(raw.year, raw.month, 1), month_only=True) if raw.year else None
    if isinstance(raw, (DayOf, WeekOf)):  # not dated by the file's period (see normalise)
        value = raw.dated(None)
        return ParsedDate(value) if value else None
    if isinstance(raw, dt.datetime):
        return ParsedDate(raw.date())
    if isinstance(raw, dt.date):
        return ParsedDate(raw)
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return _serial(raw)
    return _text(str(raw))


_DAY_MONTH_DIGITS = lazy(r"\b\d{1,2}\s*[/.\-]\s*\d{1,2}\b")


def looks_like_date(raw: object) -> bool:
    """Whether a text has the look of a date, read or not: a day beside a month or weekday
    name ("Wed 4th of Nov", "mar 3/12"), or day/month digits ("04/11"). For saying which
    header was not read as a date, never for reading one."""
    if not isinstance(raw, str):
        return False
    words = _WORD.findall(_fold(raw))
    day = any(w.isdigit() and 1 <= int(w) <= 31 for w in words)
    named = any(w.rstrip(".") in MONTHS_BESIDE_A_DAY or w.rstrip(".") in WEEKDAYS for w in words)
    return (day and named) or bool(_DAY_MONTH_DIGITS.search(raw))


@dataclass(frozen=True)
class Unread:
    """Why a cell that holds a date gives none, for the person fixing it."""

    reason: str  # weekday, no_year, far, march_or_tuesday, moved, two_dates, two_digit_year,
    # far_year, ambiguous, order_against_period, order_against_period_day_first,
    # period_conflict (the months the roster states read it differently)
    date: dt.date | None = None  # weekday, far_year, ambiguous: the date the cell says
    weekday: int | None = None  # weekday: the weekday written
    other: dt.date | None = None  # ambiguous: the month-first reading


def _ambiguous_outside(parsed: ParsedDate, period: str | None) -> bool:
    """12/01/2026 in a November 2026 roster: 12 January or 1 December, neither in the month,
    and the month-first reading the nearer to it. Reading it day first would judge a meeting
    on a date the roster likely does not mean (a column typed month first, "11/18/2026"
    beside it): it is not read. When the day-first reading is the nearer (05/11/2026 in a
    December roster: 5 November, not 11 May), it is read as before, with S207."""
    return (
        parsed.alternative is not None
        and period is not None
        and len(period) == 7
        and not in_period(parsed.value, period)
        and not in_period(parsed.alternative, period)
        and _distance(parsed.alternative, period) < _distance(parsed.value, period)
    )


def _order_against_period(parsed: ParsedDate, period: str | None, order: str) -> bool:
    """05/11/2026 in a November roster whose column is written month first: 11 May by the
    column, 5 November by the period (and 11/05/2026 in one whose header says day first).
    Neither is taken over the other: not read."""
    if parsed.alternative is None or period is None:
        return False
    column, other = ((parsed.alternative, parsed.value) if order == MONTH_FIRST
                     else (parsed.value, parsed.alternative))  # fmt: skip
    return in_period(other, period) and not in_period(column, period)


# A date column's header that states its order: "Date (mm/dd)", "Fecha (dd/mm/aaaa)", "Date
# (jj/mm)", "Data (dia/mês/ano)"; a year first ("yyyy-mm-dd") or a month in words
# ("dd-mmm-yyyy") says nothing of how 03/12/2026 reads.
_FORMAT_DAY = r"(?:dd?|jj?|day|dia|jour)"
_FORMAT_MONTH = r"(?:mm?|month|mes|mois)"
_FORMAT_YEAR = r"(?:y{1,4}|a{2,4}|year|ano|annee)"
_FORMAT_SEP = r"\s*[/.\-]\s*"
_DATE_FORMAT = re.compile(
    rf"(?<![a-z])({_FORMAT_YEAR}{_FORMAT_SEP})?(?:({_FORMAT_DAY}){_FORMAT_SEP}{_FORMAT_MONTH}"
    rf"|{_FORMAT_MONTH}{_FORMAT_SEP}{_FORMAT_DAY})(?![a-z])"
)
_FORMAT_PART = rf"(?:{_FORMAT_DAY}|{_FORMAT_MONTH}|{_FORMAT_YEAR}|mmm)"
_BRACKETED_FORMAT = re.compile(
    rf"[(\[]\s*(?:format\s*:?\s*)?{_FORMAT_PART}(?:{_FORMAT_SEP}{_FORMAT_PART}){{1,2}}\s*[)\]]"
)


def without_date_format(header: str) -> str:
    """A header without the date format in brackets it ends on or holds: "Data (dd/mm/aaaa)"
    is the header "Data" (folded then); any other header as it is."""
    folded = _fold(header)
    bare = _BRACKETED_FORMAT.sub(" ", folded)
    return header if bare == folded else bare


def header_order(header: object) -> str | None:
    """MONTH_FIRST or DAY_FIRST when a date column's header states its order ("Date
    (mm/dd)", "Fecha (dd/mm/aaaa)", "Date (jj/mm)"); None when it states none, or both."""
    if not isinstance(header, str):
        return None
    orders = {DAY_FIRST if match.group(2) else MONTH_FIRST
              for match in _DATE_FORMAT.finditer(_fold(header)) if not match.group(1)}  # fmt: skip
    return orders.pop() if len(orders) == 1 else None


def read_in(
    parsed: ParsedDate | DayMonth | None, periods: tuple[str, ...], order: str | None = None
) -> str | None:
    """The ISO date a cell reads as in each of `periods` (the months a roster states, when
    they disagree: checker.periods), when they all read it alike; else None. "01/12/2026"
    is 1 December by November and by December; "11/12/2026" is 12 November by the one and 11
    December by the other: None."""
    if parsed is None:
        return None
    readings = {parsed.iso(p, order) if isinstance(parsed, ParsedDate) else parsed.iso(p)
                for p in periods or (None,)}  # fmt: skip
    return readings.pop() if len(readings) == 1 else None


def unread(
    raw: object, period: str | None, order: str | None = None, periods: tuple[str, ...] = ()
) -> Unread | None:
    """Why `raw` gives no date in a roster of `period`, when it holds one that is not read
    (None for a cell that is no date at all, or is read). `order`: its column is written
    so (MONTH_FIRST, DAY_FIRST), by its dates or its header. `periods`: the months its
    table's dates are read in, when not `period` alone (checker.periods)."""
    parsed = read_date(raw)
    if len(periods) == 1:
        period = periods[0]  # last month's sheet, read in its month
    elif len(periods) > 1 and parsed is not None and read_in(parsed, periods, order) is None:
        readings = [parsed.read(p, order) if isinstance(parsed, ParsedDate) else parsed.read(p)
                    for p in periods]  # fmt: skip
        known = list(dict.fromkeys(r for r in readings if r is not None))
        if isinstance(parsed, ParsedDate) and parsed.alternative is not None:
            return Unread("period_conflict", parsed.value, other=parsed.alternative)
        if len(known) > 1:
            return Unread("period_conflict", known[0], other=known[1])
        period = next((p for p, r in zip(periods, readings) if r is None), period)
    if parsed is None:
        return _more_than_a_date(raw)
    if isinstance(parsed, DayMonth):
        if not period:
            return Unread("no_year")
        if parsed.march_or_tuesday:
            return Unread("march_or_tuesday")
        value = parsed.nearest(period)  # None: 29 Feb, and no leap year near
        if value is None or _distance(value, period) > NEAR_PERIOD:
            return Unread("far")
    elif order is not None and parsed.alternative is not None:
        if _order_against_period(parsed, period, order):
            reason = "order_against_period" + ("" if order == MONTH_FIRST else "_day_first")
            return Unread(reason, parsed.value, other=parsed.alternative)
        value = parsed.alternative if order == MONTH_FIRST else parsed.value
    else:
        value = resolve(parsed, period)
        if parsed.in_words and period and _distance(value, period) > FAR_FROM_PERIOD:
            return Unread("far_year", value)
        if _ambiguous_outside(parsed, period):
            return Unread("ambiguous", parsed.value, other=parsed.alternative)
    if parsed.weekday is not None and value.weekday() != parsed.weekday:
        return Unread("weekday", value, parsed.weekday)
    return None


def _more_than_a_date(raw: object) -> Unread | None:
    """Why a text that says more than a date is none: it holds two ("8 Dec (postponed to 10
    Dec)", "8 Dec → 10 Dec"), says the meeting was moved ("postponed to 10 Dec"), or ends on
    a number that may be a year or a day ("3 Dec 15")."""
    if not isinstance(raw, str):
        return None
    text = _fold(raw).strip()
    pieces = _BETWEEN_DATES.split(" ".join(w for w in text.split() if w not in MOVED))
    if sum(read_date(piece) is not None for piece in pieces) > 1:
        return Unread("two_dates")
    if _moved(text):
        return Unread("moved")
    if _DAY_MONTH_NUMBER.match(text):
        return Unread("two_digit_year")
    return None


def _moved(text: str) -> bool:
    return any(word.rstrip(".") in MOVED for word in _WORD.findall(text))


def _serial(number: float) -> ParsedDate | None:
    if not math.isfinite(number) or int(number) not in _SERIALS:  # NaN, INF or out of range
        return None
    return ParsedDate(_EXCEL_EPOCH + dt.timedelta(days=int(number)))


def _safe(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _text(text: str) -> ParsedDate | DayMonth | None:
    text = _fold(text.strip())  # "terça 1/12": the weekday's accent off
    if not text or _moved(text):  # "8 Dec (postponed to 10 Dec)": see unread
        return None
    before, after = _WEEKDAY_FIRST.match(text), _WEEKDAY_AFTER.match(text)
    if before and (dated := _weekday_and_figures(before.group(1), before.group(2))):
        return dated
    if after and (dated := _weekday_and_figures(after.group(2), after.group(1))):
        return dated
    if (numeric := _numeric(text)) is not None:
        return numeric
    if text.replace(".", "", 1).isdigit():
        return _serial(float(text))
    return _with_month_name(text)


def _weekday(word: str) -> int | None:
    return TUESDAY if word == MARCH_OR_TUESDAY else WEEKDAYS.get(_fold(word))


def _weekday_and_figures(word: str, text: str) -> ParsedDate | DayMonth | None:
    """A weekday beside a date in figures ("Sun 06/12/2026", "06/12/2026 (Sun)") or a day and
    month without a year ("Tue 1/12": day first, the year from the period); the weekday must
    be the date's (see `unread`). A bare "1/12" is no date: 1 December or 12 January?"""
    weekday = _weekday(word)
    if weekday is None:
        return None
    if (numeric := _numeric(text)) is not None:
        return replace(numeric, weekday=weekday)
    match = _DAY_SLASH.match(text)
    if match is None or match.group(3) is not None or word == MARCH_OR_TUESDAY:
        return None  # "mar 3/12": 3 March 2012 once; no year to tell March from Tuesday
    day, month = int(match.group(1)), int(match.group(2))
    return DayMonth(month, day, weekday) if _safe(2000, month, day) else None


def _numeric(text: str) -> ParsedDate | None:
    """ISO, year/month/day or day/month/year text (either way round when both are dates)."""
    if match := _ISO.match(text):
        value = _safe(*(int(g) for g in match.groups()))
        return ParsedDate(value) if value else None
    if match := _YMD_SLASH.match(text):
        value = _safe(*(int(g) for g in match.groups()))
        return ParsedDate(value) if value else None
    if match := _NUMERIC.match(text):
        first, second, year = (int(g) for g in match.groups())
        day_first = _safe(year, second, first)
        month_first = _safe(year, first, second)
        if day_first and month_first and first != second:
            return ParsedDate(day_first, alternative=month_first)
        order = None if first == second else DAY_FIRST if day_first else MONTH_FIRST
        chosen = day_first or month_first
        return ParsedDate(chosen, order=order) if chosen else None
    return None


def _with_month_name(text: str) -> ParsedDate | DayMonth | None:
    folded = _fold(text).replace("1er", "1")
    tokens = _WORD.findall(folded)
    months: list[int] = []
    weekdays: set[int] = set()
    marches = 0  # "mar": March or Tuesday
    day = year = None
    # "8-Sep-26": a two-digit year after a day and a month, in Excel's d-mmm-yy only.
    month_after_day = False
    short_year = _DAY_MONTH_YY.match(folded) is not None
    for token in tokens:
        word = token.rstrip(".")
        if word.isdigit():
            number = int(word)
            if len(word) == 4 and year is None:
                year = number
            elif 1 <= number <= 31 and day is None:
                day = number
            elif len(word) == 2 and year is None and month_after_day and short_year:
                year = 2000 + number
            else:
                return None
        elif word == MARCH_OR_TUESDAY:
            marches += 1
            month_after_day = day is not None
        elif word in MONTHS_BESIDE_A_DAY:
            months.append(MONTHS_BESIDE_A_DAY[word])
            month_after_day = day is not None
        elif word in WEEKDAYS:
            weekdays.add(WEEKDAYS[word])
        # other words ("de", "the", "feira") carry no date
    # "mar" beside another month is the weekday ("mar. 6 dic."); two of it, one of each.
    if (months and marches) or marches > 1:
        weekdays.add(TUESDAY)
    month_set = set(months) or ({3} if marches else set())
    if len(month_set) != 1 or len(weekdays) > 1 or day is None:
        return None
    month = month_set.pop()
    weekday = next(iter(weekdays), None)
    if year is None:
        if _safe(2000, month, day) is None:  # 2000 is a leap year: 29 Feb is a day
            return None
        alone = marches == 1 and not months and weekday is None
        return DayMonth(month, day, weekday, march_or_tuesday=alone)
    value = _safe(year, month, day)
    return ParsedDate(value, weekday=weekday, in_words=True) if value else None


def resolve(parsed: ParsedDate, period: str | None) -> dt.date:
    """Pick the reading of an ambiguous date that falls in the reporting period."""
    if parsed.alternative is None or period is None:
        return parsed.value
    if not in_period(parsed.value, period) and in_period(parsed.alternative, period):
        return parsed.alternative
    return parsed.value


def in_period(value: dt.date, period: str) -> bool:
    """Period is YYYY-MM or YYYY."""
    if len(period) == 4:
        return value.year == int(period)
    return value.strftime("%Y-%m") == period
