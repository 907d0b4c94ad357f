"""Which mission and reporting period a roster is about.

In order: the command line, a Metadata/Info/Cover sheet, the file name
(`<MISSION>_<YYYY-MM>` or `<MISSION>_<YYYY>`), and for the period the roster's own dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.dates import parse_date
from checker.reader import SheetGrid
from checker.text import fold

METADATA_SHEETS = frozenset(
    fold(n) for n in ["Metadata", "Meta data", "Info", "Information", "Informations", "Información",
                      "Cover", "Cover page", "Métadonnées", "Metadatos", "Portada", "Page de garde"]
)  # fmt: skip
_MISSION_LABELS = frozenset(
    fold(n) for n in ["Mission", "Mission code", "IOM mission", "Country office", "Misión",
                      "Código de misión", "Code mission"]
)  # fmt: skip
_PERIOD_LABELS = frozenset(
    fold(n) for n in ["Period", "Reporting period", "Month", "Reporting month", "Période",
                      "Période de rapport", "Mois", "Periodo", "Mes", "Periodo del informe"]
)  # fmt: skip
_FILE_NAME = re.compile(
    r"(?:^|[_\-\s.])([A-Za-z]{2,4})[_\-\s]((?:19|20)\d{2})(?:-(0[1-9]|1[0-2]))?(?=$|[_\-\s.])"
)
_PERIOD = re.compile(r"^((?:19|20)\d{2})(?:[-/.](0?[1-9]|1[0-2]))?$")
_MISSION = re.compile(r"^[A-Za-z]{2,4}$")
_TEMPLATE_LABELS = frozenset({fold("Template version"), fold("Version du modèle"),
                              fold("Versión de la plantilla")})  # fmt: skip


def is_metadata_sheet(name: str) -> bool:
    return fold(name) in METADATA_SHEETS


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
    match = _FILE_NAME.search(path.stem)
    if not match:
        return Metadata()
    mission, year, month = match.groups()
    period = f"{year}-{month}" if month else year
    return Metadata(mission.upper(), period, "file name", "file name")


def infer_period(months: Counter[str]) -> str | None:
    """The month most of the roster's rows fall in."""
    return months.most_common(1)[0][0] if months else None


def combine(*sources: Metadata) -> Metadata:
    """The first source that knows each value wins."""
    mission = next(((s.mission, s.mission_source) for s in sources if s.mission), (None, None))
    period = next(((s.period, s.period_source) for s in sources if s.period), (None, None))
    template = next((s.template_version for s in sources if s.template_version), None)
    return Metadata(mission[0], period[0], mission[1], period[1], template)
