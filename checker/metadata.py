"""Which mission and reporting period a roster is about.

In order: the command line, a Metadata/Info/Cover sheet, the file name, and for the period
the roster's own dates. In a file name (`from_file_name`) the mission is a leading country
code (`NER_minutes_juin2026`), a code before the year (`Roster ETH_2026-10`) or a country's
name in English, French, Spanish or Portuguese anywhere (`Rapport Haïti oct-2026`); the period is a
year-month (`2026-10`, `10_2026`), a month's name with its year (`juin2026`, `June 2026`,
`octubre_2026`), or a year right after the mission's code (`KEN_2026`). Countries come from
schemas/countries.yaml.

Light on purpose: batch workers import this module before pandas and pydantic.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.dates import MONTHS, parse_date
from checker.lazyre import lazy
from checker.reader import SheetGrid
from checker.sheetnames import METADATA_SHEETS as METADATA_SHEETS  # for checker.layout
from checker.text import fold

_MISSION_LABELS = frozenset(
    fold(n) for n in ["Mission", "Mission code", "IOM mission", "Country office", "Misión",
                      "Código de misión", "Code mission", "Missão", "Código da missão"]
)  # fmt: skip
_PERIOD_LABELS = frozenset(
    fold(n) for n in ["Period", "Reporting period", "Month", "Reporting month", "Période",
                      "Période de rapport", "Mois", "Periodo", "Mes", "Periodo del informe",
                      "Período", "Mês", "Período do relatório"]
)  # fmt: skip
_PERIOD = lazy(r"^((?:19|20)\d{2})(?:[-/.](0?[1-9]|1[0-2]))?$")
_MISSION = lazy(r"^[A-Za-z]{2,4}$")
_TEMPLATE_LABELS = frozenset({fold("Template version"), fold("Version du modèle"),
                              fold("Versión de la plantilla"), fold("Versão do modelo")})  # fmt: skip


@dataclass(frozen=True)
class Metadata:
    mission: str | None = None
    period: str | None = None
    mission_source: str | None = None
    period_source: str | None = None
    template_version: str | None = None


def from_sheet(sheet: SheetGrid) -> Metadata:
    """Read "Mission" and "Period" labels with their value to the right (or below)."""
    mission = period = template = None
    for r, row in enumerate(sheet.cells[:50]):
        for c, cell in enumerate(row[:20]):
            label = fold(cell)
            if not label:
                continue
            value = _value_near(sheet.cells, r, c)
            if label in _MISSION_LABELS and mission is None and value is not None:
                mission = _as_mission(value)
            elif label in _PERIOD_LABELS and period is None and value is not None:
                period = as_period(value)
            elif label in _TEMPLATE_LABELS and template is None and value is not None:
                template = str(value).strip()
    return Metadata(mission, period, "metadata sheet" if mission else None,
                    "metadata sheet" if period else None, template)  # fmt: skip


def _value_near(cells: list[list[Any]], r: int, c: int) -> Any:
    right = next((v for v in cells[r][c + 1 : c + 4] if str(v).strip()), None)
    if right is not None:
        return right
    if r + 1 < len(cells) and c < len(cells[r + 1]) and str(cells[r + 1][c]).strip():
        return cells[r + 1][c]
    return None


def _as_mission(value: Any) -> str | None:
    text = str(value).strip()
    return text.upper() if _MISSION.match(text) else None


def as_period(value: Any) -> str | None:
    """'2026-10', '2026/10', '2026', 'October 2026', 'octobre 2026', a date → 'YYYY-MM'/'YYYY'."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m")
    text = str(value).strip()
    if match := _PERIOD.match(text):
        year, month = match.groups()
        return f"{year}-{int(month):02d}" if month else year
    parsed = parse_date(f"1 {text}") if not any(ch.isdigit() for ch in text[:2]) else None
    return parsed.value.strftime("%Y-%m") if parsed else None


def from_file_name(path: Path) -> Metadata:
    """The mission and period a file's name gives, if any (see the module's docstring)."""
    stem = path.stem
    words = [w for w in _WORD_SPLIT.split(stem) if w]
    mission, from_head = _mission_in_name(stem, words)
    rest = stem.split(words[0], 1)[1] if from_head else stem  # AGO_2026: Angola, not August
    period = _period_in_name(rest, f" {fold(rest.replace('_', ' '))} ")
    if period is None and mission is not None:
        # A year alone only right after the mission's code (KEN_2026, the contract's form): a
        # year elsewhere in a monthly roster's name must not make its period the whole year.
        period = next((m.group(2) for m in _CODE_BEFORE_YEAR.finditer(stem)
                       if countries().codes.get(m.group(1).upper(), m.group(1).upper()) == mission
                       ), None)  # fmt: skip
    return Metadata(mission, period, "file name" if mission else None,
                    "file name" if period else None)  # fmt: skip


_WORD_SPLIT = re.compile(r"[_\-\s.,;()\[\]]+")
# Capitals at the head of a file name that name a platform or the organisation, not a mission.
_NOT_MISSIONS = frozenset({"IOM", "OIM", "UN", "ONU", "NU", "HCT", "EHP", "ICCG", "ISCG", "ICC",
                           "UNCT", "SMT", "PMT", "OMT", "CCCM", "WASH", "NFI"})  # fmt: skip
_YEAR = r"((?:19|20)\d{2})"
_MONTH_WORDS = "|".join(sorted((re.escape(m.rstrip(".")) for m in MONTHS), key=len, reverse=True))
# On the folded name (lower case, no accents, punctuation as spaces, ' ' at both ends).
_NAMED_MONTH = (
    re.compile(rf"(?<![a-z])({_MONTH_WORDS}) ?(?:de |del )?{_YEAR}(?!\d)"),  # juin2026, oct 2026
    re.compile(rf"(?<!\d){_YEAR} ?({_MONTH_WORDS})(?![a-z])"),  # 2026 June, 2026juin
)
# On the name as written: 2026-10, 2026_10, 202610, 2026-10-05; then 10-2026, 05.10.2026.
_YEAR_MONTH = re.compile(rf"(?<!\d){_YEAR}[-_. ]?(0[1-9]|1[0-2])(?!\d)")
_MONTH_YEAR = lazy(rf"(?<!\d)(0?[1-9]|1[0-2])[-_. ]{_YEAR}(?!\d)")
_CODE_BEFORE_YEAR = lazy(r"(?:^|[_\-\s.])([A-Za-z]{2,4})[_\-\s]((?:19|20)\d{2})(?!\d)")


def _mission_in_name(stem: str, words: list[str]) -> tuple[str | None, bool]:
    """The mission, and whether it is the name's first word."""
    known = countries()
    head = words[0] if words else ""
    # In capitals (NER_minutes_juin2026, SOM attendance) or in lower case joined to the rest
    # (som_attendance); not a word ("Sur la réunion"), nor a month (mar_2026 is March).
    code_like = head.isupper() or (head.islower() and stem[len(head) : len(head) + 1] in "_-")
    if head.upper() in known.codes and code_like and not (head.islower() and head in MONTHS):
        return known.codes[head.upper()], True
    if (len(words) > 1 and head.isalpha() and head.isupper() and 2 <= len(head) <= 4
            and head not in _NOT_MISSIONS):  # fmt: skip
        return head, True  # a code in capitals: known or not, the checker says (S215)
    for match in _CODE_BEFORE_YEAR.finditer(stem):  # Roster ETH_2026-10 (not "Sur_2026")
        code = match.group(1)
        if code.isupper() and code not in _NOT_MISSIONS:
            return known.codes.get(code, code), False
    found = next(known.named_in(f" {fold(stem.replace('_', ' '))} "), None)  # Rapport Haïti
    return (known.by_name[found] if found else None), False


def _period_in_name(stem: str, folded: str) -> str | None:
    if match := _YEAR_MONTH.search(stem):
        return f"{match.group(1)}-{match.group(2)}"
    for pattern in _NAMED_MONTH:
        if match := pattern.search(folded):
            month, year = sorted(match.groups(), key=lambda g: g.isdigit())
            return f"{year}-{MONTHS[month]:02d}"
    if match := _MONTH_YEAR.search(stem):
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    return None


# ---------------------------------------------------------------- countries


@dataclass(frozen=True)
class Countries:
    """schemas/countries.yaml, ready for matching file names."""

    iso3: frozenset[str]
    codes: dict[str, str]  # ISO3 code, or another code people write (DRC) → ISO3 code
    by_name: dict[str, str]  # folded name ("haiti") → ISO3 code

    def named_in(self, key: str) -> Iterator[str]:
        """The folded names a folded text names as whole words (each between two spaces of
        `key`: " iom somalia "), left to right, the longest at each place, not overlapping.
        Looked up by runs of words, not with one pattern of every name: compiling its ~480
        alternatives cost every process that met an IOM row ~6-16 ms."""
        words = key.split(" ")  # the first and last stand at an end, with no space beyond
        at = 1
        while at < len(words) - 1:
            for size in range(min(self._most_words, len(words) - 1 - at), 0, -1):
                name = " ".join(words[at : at + size])
                if name in self.by_name:
                    yield name
                    at += size
                    break
            else:
                at += 1

    @functools.cached_property
    def _most_words(self) -> int:
        return max((name.count(" ") + 1 for name in self.by_name), default=0)


_COUNTRY_KEYS = {"en": True, "fr": True, "es": True, "pt": False, "also": False, "codes": False}
_ISO3 = lazy(r"^[A-Z]{3}$")
_OTHER_CODE = lazy(r"^[A-Z]{2,4}$")


@functools.lru_cache(maxsize=1)
def countries(path: Path | None = None) -> Countries:
    """The countries of schemas/countries.yaml (or `path`), validated: a broken file is a
    ConfigError naming the file, line and key. The bundled file's are kept between runs
    (checker.runcache): parsing and validating its ~250 countries costs every run that
    reads a file name ~10-20 ms, unpickling them ~0.1 ms."""
    from checker.config import schemas_dir

    if path is not None:
        return _read_countries(path)
    from importlib.util import find_spec

    from checker import runcache

    path = schemas_dir() / "countries.yaml"
    code = [Path(__file__), *(Path(__file__).parent / f"{m}.py" for m in ("text", "config"))]
    yaml = find_spec("yaml")  # its version, without importing it
    if yaml is not None and yaml.origin is not None:
        code.append(Path(yaml.origin))
    cache = runcache.cache_file("countries", [path, *code])
    known = runcache.read(cache, Countries) if cache is not None else None
    if known is None:
        known = _read_countries(path)
        if cache is not None:
            runcache.keep(known, cache)
    return known


def _read_countries(path: Path) -> Countries:
    from checker.config import Source, parse_yaml_file

    node, data = parse_yaml_file(path)
    source = Source(path, node)
    if data.get("version", 1) != 1:
        raise source.error(("version",), "the only version is 1")
    if set(data) - {"version", "countries"}:
        raise source.error((next(iter(set(data) - {"version", "countries"})),), "unknown key")
    table = data.get("countries")
    if not isinstance(table, dict) or not table:
        raise source.error(("countries",), "expected a mapping of ISO3 codes to names")
    codes: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for code, entry in table.items():
        where: tuple[str, ...] = ("countries", str(code))
        if not isinstance(code, str) or not _ISO3.match(code):
            raise source.error(where, f"{code!r} is not an ISO 3166-1 alpha-3 code (3 capitals)")
        if not isinstance(entry, dict):
            raise source.error(where, "expected {en: …, fr: …, es: …}")
        for key, required in _COUNTRY_KEYS.items():
            if required and key not in entry:
                raise source.error(where, f"the {key} name is missing")
        for key, value in entry.items():
            if key not in _COUNTRY_KEYS:
                raise source.error((*where, str(key)), "unknown key")
            values = value if isinstance(value, list) and not _COUNTRY_KEYS[key] else [value]
            for i, text in enumerate(values):
                at = (*where, key, i) if _COUNTRY_KEYS[key] is False else (*where, key)
                if not isinstance(text, str) or not fold(text):
                    raise source.error(at, "expected a name (text)")
                if key == "codes":
                    if not _OTHER_CODE.match(text) or codes.get(text, code) != code:
                        raise source.error(at, f"{text!r} is not 2-4 capitals, or another "
                                               "country's code")  # fmt: skip
                    codes[text] = code
                    continue
                name = f" {fold(text)} "
                if by_name.get(name, code) != code:
                    raise source.error(at, f"{text!r} is also a name of {by_name[name]}")
                by_name[name] = code
        codes[code] = code
    return Countries(frozenset(table), codes, {n.strip(): c for n, c in by_name.items()})


def unknown_mission(mission: str | None, profile: str, profile_mission: str | None) -> bool:
    """A mission code that is neither a country's code nor the name of the profile applied
    (whose file is named after it): S215."""
    if mission is None or mission in (profile, profile_mission):
        return False
    return mission not in countries().iso3


def infer_period(months: Counter[str]) -> str | None:
    """The period a roster's dates give (`months`: dated rows per YYYY-MM): the month at
    least half of them fall in, else the year most of them fall in. A year-long roster named
    without its period then covers its year, rather than one month of it with every other
    month's row out of period (S207)."""
    if not months:
        return None
    month, count = months.most_common(1)[0]
    if 2 * count >= months.total():
        return month
    years: Counter[str] = Counter()
    for key, n in months.items():
        years[key[:4]] += n
    return max(sorted(years), key=years.__getitem__)  # a tie: the earlier year


def combine(*sources: Metadata) -> Metadata:
    """The first source that knows each value wins."""
    mission = next(((s.mission, s.mission_source) for s in sources if s.mission), (None, None))
    period = next(((s.period, s.period_source) for s in sources if s.period), (None, None))
    template = next((s.template_version for s in sources if s.template_version), None)
    return Metadata(mission[0], period[0], mission[1], period[1], template)
