"""The words and number formats of a management report, in English, French or Spanish.

Every heading, label, sentence and chart label of the report comes from
checker/report/messages/<lang>.yaml (the same keys and `{fields}` in each language; a test
holds them to that). Numbers, percentages and month names are formatted by Babel with the
locale's own rules ("44.4%", "44,4 %", "44,4 %"; "October 2026", "octobre 2026",
"octubre de 2026"), and a text that depends on a count picks its plural form by the locale's
plural rules (French says "0 réunion", English "0 meetings").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checker.plurals import choose, expand

LANGUAGES = ("en", "fr", "es", "pt")
MESSAGES = Path(__file__).resolve().parent / "messages"
_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES", "pt": "pt_PT"}


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@cache
def _catalogue(lang: str) -> dict[str, Any]:
    import yaml

    from checker.config import SafeLoader

    data = yaml.load((MESSAGES / f"{lang}.yaml").read_text(encoding="utf-8"), Loader=SafeLoader)
    assert isinstance(data, dict)
    return data


@cache
def _locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(_LOCALES[lang])


@dataclass(frozen=True)
class Words:
    lang: str = "en"

    @property
    def locale(self) -> Any:
        return _locale(self.lang)

    def _entry(self, key: str) -> Any:
        data = _catalogue(self.lang)
        if key not in data:
            data = _catalogue("en")
        return data[key]

    def t(self, key: str, **values: Any) -> str:
        """The text `key` with its {fields} filled; counts (int) are formatted for the locale.

        An entry with `one`/`other` forms is chosen by the plural rule of the value `n`, and
        an ICU plural inside a text by its own count (checker/plurals.py)."""
        entry = str(choose(self._entry(key), self.lang, values.get("n", 0)))
        shown = {k: self.number(v) if isinstance(v, int) and not isinstance(v, bool) else v
                 for k, v in values.items()}  # fmt: skip
        return expand(entry, self.lang, values).format_map(_Blank(shown))

    def has(self, key: str) -> bool:
        return key in _catalogue("en")

    # ------------------------------------------------------------ numbers

    def number(self, value: int) -> str:
        return _number(self.lang, value)

    def decimal(self, value: float) -> str:
        """12.5 → "12.5" / "12,5"; 25.0 → "25"."""
        from babel.numbers import format_decimal

        return str(format_decimal(value, format="#,##0.##", locale=self.locale))

    def percent(self, rate: float | None, digits: int = 0) -> str:
        """0.444 → "44%" / "44 %"; with digits=1 "44.4%" / "44,4 %"; "–" for no rate."""
        if rate is None:
            return "–"
        return _percent(self.lang, round(rate * 100, digits), digits)

    def signed(self, delta: int | None) -> str:
        if delta is None:
            return "–"
        sign = "+" if delta > 0 else "−" if delta < 0 else "±"
        return sign + self.number(abs(delta))

    def points(self, delta: float | None) -> str:
        """A change of rate in percentage points: "+5 pts", "−3 pts", "±0 pts"."""
        if delta is None:
            return "–"
        value = round(delta * 100)
        sign = "+" if value > 0 else "−" if value < 0 else "±"
        return self.t("points", value=f"{sign}{self.number(abs(value))}", n=abs(value))

    # ------------------------------------------------------------ months

    def month(self, month: str) -> str:
        """'2026-10' → "October 2026", "octobre 2026", "octubre de 2026"."""
        return _month(self.lang, month, "yMMMM")

    def month_short(self, month: str) -> str:
        """'2026-10' → "Oct 2026", "oct. 2026", "oct 2026" (chart axes, table headers)."""
        return _month(self.lang, month, "yMMM")

    def period(self, label: str | None) -> str:
        """'2026-10' → a month; '2026-01..2026-10' → "January–October 2026" style range."""
        first, _, last = (label or "").partition("..")
        if not re.fullmatch(r"\d{4}-\d{2}", first) or (
            last and not re.fullmatch(r"\d{4}-\d{2}", last)
        ):
            return self.t("no_period")
        if not last or last == first:
            return self.month(first)
        return self.t("range", first=self.month(first), last=self.month(last))

    def date(self, iso: str) -> str:
        return _date(self.lang, iso)

    def generated(self, stamp: str) -> str:
        """'2026-12-02 09:00 UTC' → "2 December 2026 09:00 UTC", "2 décembre 2026 09:00 UTC"."""
        from babel.dates import format_date

        try:
            moment = dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M UTC")
        except ValueError:
            return stamp
        day = format_date(moment.date(), format="long", locale=self.locale)
        return f"{day} {moment:%H:%M} UTC"

    def join(self, items: list[str]) -> str:
        from babel.lists import format_list

        return str(format_list(items, locale=self.locale)) if items else ""

    def verdict(self, verdict: str) -> str:
        return self.t(f"verdict_{verdict}")

    def status(self, status: str) -> str:
        return self.t(f"status_{status}")


# Babel's formatting costs tens of microseconds a call; a report formats the same few counts,
# rates, months and dates tens of thousands of times.


@cache
def _number(lang: str, value: int) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=_locale(lang)))


@cache
def _percent(lang: str, value: float, digits: int) -> str:
    from babel.numbers import format_decimal

    pattern = "0." + "0" * digits if digits else "0"
    text = format_decimal(value, format=pattern, locale=_locale(lang))
    return Words(lang).t("percent_pattern", value=str(text))


@cache
def _month(lang: str, month: str, skeleton: str) -> str:
    from babel.dates import format_skeleton

    day = dt.date(int(month[:4]), int(month[5:7]), 1)
    return str(format_skeleton(skeleton, day, locale=_locale(lang)))


@cache
def _date(lang: str, iso: str) -> str:
    from babel.dates import format_date

    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return str(format_date(day, format="medium", locale=_locale(lang)))
