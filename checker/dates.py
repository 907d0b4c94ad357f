"""Reading the dates people type into rosters.

Real Excel dates, Excel serial numbers, ISO text, day-first text (05/10/2026, 05.10.2026)
and month names in English, French, Spanish and Portuguese ("5 de octubre de 2026", "8 de
outubro de 2026"). A day/month that
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
    # Portuguese (jan, fev, mar, abr, mai, jun, jul, ago, set, nov are above; out: below).
    "janeiro": 1, "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12, "dez": 12,
}  # fmt: skip
# Portuguese "out" (outubro) is an English word too: a month only beside a day ("8 Out",
# "8 out 2026"), never alone (a tracker's column, a file name).
MONTHS_BESIDE_A_DAY = MONTHS | {"out": 10}

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


def parse_date(raw: object) -> ParsedDate | None:
    """One cell's value → a date, or None when it cannot be read as one."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, MonthOf):
        return ParsedDate(dt.date(raw.year, raw.month, 1), month_only=True) if raw.year else None
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
        elif word in MONTHS_BESIDE_A_DAY and month is None:
            month = MONTHS_BESIDE_A_DAY[word]
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
