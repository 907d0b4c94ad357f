"""Reading the dates people type into rosters.

Real Excel dates, Excel serial numbers, ISO text, day-first text (05/10/2026, 05.10.2026)
and month names in English, French, Spanish and Portuguese ("5 de octubre de 2026").
A wide tracker's column headers too: a month ("Oct"), a day of a month named elsewhere
("4" under "NOVEMBRE 2026"), a week with the meeting's date ("W41 (5 Oct)"). A day/month that
could be read both ways is read day-first unless only the month-first reading falls in the
reporting period.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

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
    # Portuguese, full names only (its abbreviations "out", "set" are everyday words).
    "janeiro": 1, "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
}  # fmt: skip

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_NUMERIC = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_YMD_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_WORD = re.compile(r"[a-z]+\.?|\d+")


@dataclass(frozen=True)
class ParsedDate:
    value: dt.date
    # The month-first reading of an ambiguous numeric date such as 03/10/2026.
    alternative: dt.date | None = None
    month_only: bool = False  # a tracker's month column: the day is not known

    def iso(self, period: str | None = None) -> str:
        """YYYY-MM-DD, or YYYY-MM for a month (never a made-up day)."""
        value = resolve(self, period)
        return value.isoformat()[:7] if self.month_only else value.isoformat()


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


_WEEK = re.compile(
    r"^(?:w|wk|week|s|sem|semaine|semana)\.?\s*(?P<week>\d{1,2})"
    r"\s*(?:[(\[](?P<date>[^)\]]*)[)\]])?$"
)
_DAY_MONTH = re.compile(r"^(\d{1,2})\.?\s*(?:de\s+)?([a-z]+)\.?(?:,?\s*(?:de\s+)?(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s*(\d{1,2})(?:,?\s*(\d{4}))?$")
_DAY_SLASH = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?$")


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


_MONTH_YEAR = re.compile(r"\b([a-z]+)\.?\s+(?:de\s+|del\s+)?(\d{4})\b")


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
    """One cell's value → a date, or None when it cannot be read as one."""
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


def _text(text: str) -> ParsedDate | None:
    text = text.strip().lower()
    if not text:
        return None
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
        chosen = day_first or month_first
        return ParsedDate(chosen) if chosen else None
    if text.replace(".", "", 1).isdigit():
        return _serial(float(text))
    return _with_month_name(text)


def _with_month_name(text: str) -> ParsedDate | None:
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    tokens = _WORD.findall(folded.replace("1er", "1"))
    month = day = year = None
    for token in tokens:
        word = token.rstrip(".")
        if word.isdigit():
            number = int(word)
            if len(word) == 4 and year is None:
                year = number
            elif 1 <= number <= 31 and day is None:
                day = number
            elif len(word) == 2 and year is None and day is not None and month is not None:
                year = 2000 + number  # "8-Sep-26"
            else:
                return None
        elif word in MONTHS and month is None:
            month = MONTHS[word]
        # other words (weekday names, "de", "the") carry no date
    if month is None or day is None or year is None:
        return None
    value = _safe(year, month, day)
    return ParsedDate(value) if value else None


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
