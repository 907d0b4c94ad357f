"""The lines above a table: what a sign-in sheet says of its one meeting.

"Humanitarian Country Team meeting – 3 June 2026", "Réunion du cluster Nutrition – 12 juin
2026", "Venue: OCHA conference room": the date is found in the text (or in a date cell), the
rest of the line is the meeting's name; labelled lines ("Date:", "Lieu :", "Reunión:") say
what they hold. The sheet's name ("HCT 3 Jun") is read the same way, and a sheet named for a
platform and a day only ("EHP 07") gives that day of the file's month. Nothing here decides
which platform a text names: stage two tries the candidates against the vocabulary, in order.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from checker.dates import MONTHS_BESIDE_A_DAY
from checker.lazyre import lazy
from checker.text import fold

_MONTH = "|".join(
    sorted((re.escape(m.rstrip(".")) for m in MONTHS_BESIDE_A_DAY), key=len, reverse=True)
)
_DATE_IN_TEXT = lazy(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})"
    rf"|\d{{1,2}}(?:er|st|nd|rd|th)?\s*(?:de\s+)?(?:{_MONTH})\b\.?(?:,?\s*(?:de\s+|del\s+)?\d{{4}})?"
    rf"|(?:{_MONTH})\b\.?\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)",
    re.IGNORECASE,
)
_WEEKDAY = lazy(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b,?",
    re.IGNORECASE,
)
# "Label: value" lines of a sign-in sheet's heading, by what they hold.
_LABELS = {
    "date": {"date", "fecha", "jour", "day", "date de la reunion", "fecha de la reunion",
             "meeting date", "date of meeting", "data", "data da reuniao"},
    "platform": {"meeting", "reunion", "reuniao", "platform", "plateforme", "plataforma", "forum",
                 "meeting name", "nom de la reunion", "nombre de la reunion", "objet", "subject",
                 "asunto", "title", "titre", "titulo"},
    "location": {"venue", "location", "place", "lieu", "lugar", "sede", "localite", "ubicacion",
                 "local"},
    "level": {"level", "niveau", "nivel"},
}  # fmt: skip
_IGNORED_LABELS = {"chair", "chaired by", "chairperson", "president", "presidee par",
                   "preside par", "presidida por", "presidido por", "time", "heure", "hora",
                   "prepared by", "prepare par", "preparado por", "minutes", "note taker",
                   "rapporteur", "relator", "secretariat", "organised by", "organized by",
                   "organise par", "organizado por", "mission", "period", "periode", "periodo",
                   "month", "mois", "mes"}  # fmt: skip
_MONTH_YEAR = lazy(rf"\b({_MONTH})\b\.?\s+(?:de\s+)?(\d{{4}})\b", re.IGNORECASE)
# A sheet named for a platform and a day of the month: "EHP 07", "UNCT-14".
_DAY_IN_NAME = re.compile(r"^(?P<name>.*?[^\W\d_].*?)[\s_\-]+(?P<day>\d{1,2})$")
# A heading that names the sheet's meeting by its number ("Reunião n.º 1", "Meeting no. 2",
# "Réunion n° 1", "#1", "MEETING 14/2026": the 14th meeting of the year): then the number in
# the sheet's name ("EHP 1", "HCT-14") is that, not a day. "Meeting 12/11/2026" is a date.
_MEETING_NUMBER = re.compile(
    r"(?:\b(?:meeting|reuniao|reunion|session|sesion|sessao|seance)\s*"
    r"(?:n\s*\.?\s*[oº°]?\s*\.?|no\.?|nr\.?|num(?:ber|ero)?\.?|#)?\s*|#\s*)"
    r"\d{1,3}(?:\s*/\s*(?:19|20)\d\d\b(?!\s*[/.:]\s*\d)|\b(?!\s*[/.:]))",
    re.IGNORECASE,
)
# The same, its number and year taken: "MEETING 14/2026" → 14, 2026; "Réunion n° 3" → 3.
_NUMBER_AND_YEAR = re.compile(
    r"(?:\b(?:meeting|reuniao|reunion|session|sesion|sessao|seance)\s*"
    r"(?:n\s*\.?\s*[oº°]?\s*\.?|no\.?|nr\.?|num(?:ber|ero)?\.?|#)?\s*|#\s*)"
    r"(?P<number>\d{1,3})(?:\s*/\s*(?P<year>(?:19|20)\d\d)\b(?!\s*[/.:]\s*\d)|\b(?!\s*[/.:]))",
    re.IGNORECASE,
)
_LABEL = lazy(r"^\s*([^:：]{2,40}?)\s*[:：]\s*(.*)$", re.DOTALL)
# Where a line holds a second "Label:" after a separator ("Date : 12/11/2026 – Lieu :
# Bangui", "Date: 12/11/2026, Venue: OCHA"): split there when the label is a known one.
_NEXT_LABEL = lazy(r"\s*(?:[–—|;,]|\s-)\s*(?=([^\W\d_][^:：–—|;,]{1,39}?)\s*[:：])")
_SEPARATORS = lazy(r"^[\s\-–—:|,/]+|[\s\-–—:|,/]+$")


@dataclass(frozen=True)
class Line:
    """A cell above the table (or the sheet's name: row 0), with its Excel position."""

    row: int  # Excel row; 0 for the sheet's name
    col: int  # 0-based column
    value: Any


@dataclass(frozen=True)
class DayOfMonth:
    """A meeting's day written without its month and year (the sheet "EHP 07" of a monthly
    roster): the file's period, when it is one month, gives them."""

    day: int
    month: str | None = None  # "2026-10" when the heading names it ("OCTOBRE 2026")

    def in_period(self, period: str | None) -> dt.date | str:
        """The date in the heading's month, else in a one-month period; else the day as
        written, which no date reading accepts ("31/11/2026" when November has no 31st, "07"
        without a month): S203. A heading's month outside the period is S207."""
        period = self.month or period
        if period is None or len(period) != 7:
            return f"{self.day:02d}"
        year, month = int(period[:4]), int(period[5:])
        try:
            return dt.date(year, month, self.day)
        except ValueError:
            return f"{self.day:02d}/{month:02d}/{year}"


class MeetingNumber(str):
    """A sheet's name whose number is a meeting's, not a day ("EHP 1" under "Reunião n.º 1",
    or "EHP 1", "EHP 2" side by side): no date; S203 says to write it in the sheet."""


def meeting_number(text: str) -> tuple[int, int | None] | None:
    """The meeting's number a text names, and its year when said: "HCT meeting 14/2026" →
    (14, 2026), "Réunion n° 3 de l'EHP" → (3, None); None when it names none, or two."""
    found = {(int(m.group("number")), int(m.group("year")) if m.group("year") else None)
             for m in _NUMBER_AND_YEAR.finditer(_plain(text))}  # fmt: skip
    return found.pop() if len(found) == 1 else None


def sheet_number(name: str) -> int | None:
    """The number a sheet's name ends with ("HCT-14", "EHP 1"), if any."""
    match = _DAY_IN_NAME.match(name.strip())
    return int(match.group("day")) if match else None


def numbered_sheets(names: list[str]) -> frozenset[str]:
    """The sheets numbered 1, 2 … k (k ≥ 2) after one name ("EHP 1", "EHP 2"): meeting
    numbers, not days (one sheet "EHP 07" beside "UNCT 14" is still a day)."""
    groups: dict[str, dict[int, str]] = {}
    for name in names:
        match = _DAY_IN_NAME.match(name.strip())
        if match:
            key = match.group("name").strip().casefold()
            groups.setdefault(key, {})[int(match.group("day"))] = name
    return frozenset(name for numbers in groups.values() if len(numbers) >= 2
                     and set(numbers) == set(range(1, len(numbers) + 1))
                     for name in numbers.values())  # fmt: skip


@dataclass(frozen=True)
class TitleBlock:
    """What the heading says: the meeting's date (as written), the texts that may name the
    meeting's platform (best first), and its location, each with the cell it came from."""

    date: Line | None
    platforms: tuple[Line, ...]
    location: Line | None
    level: Line | None
    labelled: bool = False  # a "Meeting: …" line names the platform

    @property
    def names_a_meeting(self) -> bool:
        """A heading names its meeting with a date, or with a "Meeting:" line; a sheet's name
        alone ("Lists") does not make a sign-in sheet."""
        return self.date is not None or self.labelled


def _plain(text: str) -> str:
    """Accents off, one character for one (so that match positions hold on the original)."""
    return "".join(unicodedata.normalize("NFKD", ch)[:1] or ch for ch in text)


def find_date(text: str) -> tuple[int, int] | None:
    """Where a date is written in a text ("… – 3 June 2026", "lundi 12 octobre"), if any."""
    match = _DATE_IN_TEXT.search(_plain(text))
    return match.span() if match else None


def without(text: str, span: tuple[int, int]) -> str:
    """The text with a span taken out, separators tidied: "HCT meeting – 3 June" → "HCT
    meeting"."""
    rest = (text[: span[0]] + " " + text[span[1] :]).strip()
    rest = _WEEKDAY.sub(" ", _plain(rest)) if _WEEKDAY.search(_plain(rest)) else rest
    return _SEPARATORS.sub("", re.sub(r"\s+", " ", rest)).strip()


def read_title_block(
    lines: list[Line],
    sheet_name: str,
    names_platform: Callable[[str], bool] | None = None,
    numbered: bool = False,
) -> TitleBlock:
    """The meeting a sign-in sheet's heading (and sheet name) names. `names_platform` says
    whether a text names a platform: a sheet named "<platform> <day>" dates its meeting,
    unless the heading names a meeting number or the sheet is one of a `numbered` run."""
    date: Line | None = None
    labelled: list[Line] = []
    dated: list[Line] = []
    others: list[Line] = []
    location = level = None
    for line in (part for whole in lines for part in _labelled_parts(whole)):
        value = line.value
        if isinstance(value, (dt.date, dt.datetime)):
            date = date or line
            continue
        text = str(value).strip()
        if not text:
            continue
        label = _LABEL.match(text)
        if label is not None:
            kind = _label_kind(label.group(1))
            content = label.group(2).strip()
            if kind == "date" and content:
                date = date or Line(line.row, line.col, content)
            elif kind == "platform" and content:
                labelled.append(Line(line.row, line.col, content))
            elif kind == "location" and content:
                location = location or Line(line.row, line.col, content)
            elif kind == "level" and content:
                level = level or Line(line.row, line.col, content)
            if kind is not None or fold(label.group(1)) in _IGNORED_LABELS:
                continue
        span = find_date(text)
        if span is not None:
            date = date or Line(line.row, line.col, text[span[0] : span[1]])
            rest = without(text, span)
            if rest:
                dated.append(Line(line.row, line.col, rest))
        else:
            others.append(line)
    span = find_date(sheet_name)
    named = [Line(0, 0, without(sheet_name, span) if span else sheet_name)]
    if date is None and span is not None:
        date = Line(0, 0, sheet_name[span[0] : span[1]])
    day = _DAY_IN_NAME.match(sheet_name.strip()) if date is None and span is None else None
    if day and 1 <= int(day.group("day")) <= 31 and names_platform is not None \
            and names_platform(day.group("name")):  # fmt: skip
        month = next(filter(None, (_month_year(line.value) for line in lines)), None)
        if numbered or any(_MEETING_NUMBER.search(_plain(str(line.value))) for line in lines):
            date = Line(0, 0, MeetingNumber(sheet_name.strip()))
        else:
            date = Line(0, 0, DayOfMonth(int(day.group("day")), month))
        named = [Line(0, 0, day.group("name").strip())]
    candidates = [c for c in (*labelled, *dated, *others, *named) if str(c.value).strip()]
    return TitleBlock(date, tuple(candidates), location, level, bool(labelled))


def _labelled_parts(line: Line) -> list[Line]:
    """A line holding several labelled parts, each as a line of its own: "Date : 12/11/2026 –
    Lieu : Bangui" is a date and a place, not the date "12/11/2026 – Lieu : Bangui". A part
    after a separator is split off only when its label is a known one ("HCT – Point 3: …"
    stays whole)."""
    if not isinstance(line.value, str):
        return [line]
    text, cuts = line.value, [0]
    for match in _NEXT_LABEL.finditer(text):
        key = fold(match.group(1))
        if _label_kind(match.group(1)) is not None or key in _IGNORED_LABELS:
            cuts.append(match.start())
    if len(cuts) == 1:
        return [line]
    ends = [*cuts[1:], len(text)]
    parts = [_SEPARATORS.sub("", text[a:b]).strip() for a, b in zip(cuts, ends)]
    return [Line(line.row, line.col, part) for part in parts if part]


def _month_year(value: Any) -> str | None:
    """ "2026-10" for a heading that names a month and year ("OCTOBRE 2026 – FEUILLES …")."""
    match = _MONTH_YEAR.search(_plain(str(value)))
    if match is None:
        return None
    month = MONTHS_BESIDE_A_DAY.get(match.group(1).lower().rstrip("."))
    return f"{match.group(2)}-{month:02d}" if month else None


def _label_kind(label: str) -> str | None:
    key = fold(label)
    return next((kind for kind, names in _LABELS.items() if key in names), None)


_LEVEL_WORDS = lazy(
    r"\b(?:(?P<sub>sous ?national(?:e)?|sub ?national|sub ?nacional|subnacional)|"
    r"(?P<national>national(?:e)?|nacional))\b"
)


def level_line(lines: list[Line]) -> Line | None:
    """A heading that names one level ("B. Niveau sous-national (Goma)", "National level
    meetings"): the level of the table under it, when the table has no level column. A
    heading naming both ("Levels: National / Subnational") names none."""
    found: Line | None = None
    for line in lines:
        if not isinstance(line.value, str):
            continue
        kinds = {m.lastgroup for m in _LEVEL_WORDS.finditer(fold(line.value))}
        if len(kinds) != 1:
            continue
        level = "subnational" if kinds == {"sub"} else "national"
        found = Line(line.row, line.col, level)  # the nearest heading above the table wins
    return found


# The month names a heading may name the month of a whole list by (four letters or more, so
# that "mar", "may", "set" and "out" are no month here unless a year follows them).
_FULL_MONTHS = frozenset(m for m in MONTHS_BESIDE_A_DAY if len(m.rstrip(".")) >= 4)
# A day or a date in figures before the month ("5 November 2026", "1-15 nov 2026"): a date
# or a fortnight, not the list's month alone.
_DAY_BEFORE = lazy(r"\d\s*(?:er|st|nd|rd|th)?\s*(?:de\s+)?$", re.IGNORECASE)


def list_month(lines: list[Line]) -> tuple[int, int, str, str] | None:
    """The month a list's heading names as the list's own ("ATTENDANCE REGISTER – DECEMBER
    2026", "1.ª quinzena de novembro de 2026", "… – octubre de 2026"): (Excel row, 0-based
    column, the text, "YYYY-MM"). None when no heading names one, when a heading names two
    months ("octobre – novembre 2026") or a date ("réunion du 5 novembre 2026"), or when
    two headings name different months: the heading does not say one month then."""
    found: tuple[int, int, str, str] | None = None
    for line in lines:
        if not isinstance(line.value, str) or line.row == 0:
            continue
        text = _plain(line.value)
        months = {MONTHS_BESIDE_A_DAY[w] for w in re.findall(r"[a-z]+", text.lower())
                  if w in _FULL_MONTHS}  # fmt: skip
        named = [m for m in _MONTH_YEAR.finditer(text)
                 if not _DAY_BEFORE.search(text[: m.start()])]  # fmt: skip
        if not named:
            if months:  # "5 novembre 2026", or a month without its year beside another
                return None
            continue
        month = _month_year(named[0].group(0))
        if month is None or len(named) > 1 or months - {int(month[5:])}:
            return None
        if found is not None and found[3] != month:
            return None
        found = found or (line.row, line.col, line.value, month)
    return found
