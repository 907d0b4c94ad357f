"""Read one roster data file (scripts/samples/*/*.yaml) into what the writers need.

A data file declares a file to write (`file`) and how: the sheets of a workbook, a CSV or
OpenDocument table, raw text, or the damaged copy of another data file's workbook. A roster
sheet lists its meetings as rows of its meeting columns (date, platform, level, location) and
of its people columns, in the sheet's column order, with what the checker should make of each
meeting (`expect`, `findings`). Headers come from schemas/columns.yaml: a bare field is its
first alias there (the English name); `field: Header` must be one of that field's aliases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
COLUMNS_FILE = ROOT / "schemas" / "columns.yaml"
MEETING_FIELDS = ("date", "platform", "level", "location")


def column_aliases() -> dict[str, list[str]]:
    columns = yaml.safe_load(COLUMNS_FILE.read_text(encoding="utf-8"))["columns"]
    return {name: entry["aliases"] for name, entry in columns.items()}


ALIASES = column_aliases()


@dataclass
class Meeting:
    date: dt.date  # the real date, also when the cell holds text
    cells: dict[str, Any]  # field -> what is written on every row of the meeting
    people: list[dict[str, Any]]  # one row each: field -> value
    verdict: str
    platform_code: str
    sector_code: str | None = None
    # (code, field, index of the person in `people`): the finding on that row's cell
    findings: list[tuple[str, str, int]] = field(default_factory=list)
    waived: tuple[str, ...] = ()  # codes among `findings` that the mission's profile waives


@dataclass
class Note:
    """A line of text in the first column (None: an empty row); the checker skips it."""

    text: str | None


@dataclass
class Sheet:
    name: str
    columns: list[tuple[str, str]] = field(default_factory=list)  # (field, header)
    meetings: list[Meeting | Note] | None = None  # None: not a roster sheet
    titles: list[str] = field(default_factory=list)  # rows above the header
    merged: tuple[str, ...] = ()  # fields merged down over each meeting
    date_format: str = "dd/mm/yyyy"
    autofilter: bool = False
    dropdowns: dict[str, str] = field(default_factory=dict)  # field -> list name
    rows: list[list[Any]] = field(default_factory=list)  # a plain table
    bold_header: bool = False
    lists: dict[str, list[str]] = field(default_factory=dict)  # name -> values, a column each
    metadata: dict[str, str] = field(default_factory=dict)  # key -> value, a row each
    hidden: bool = False
    widths: dict[str, float] = field(default_factory=dict)  # column letter -> width


@dataclass
class Source:
    path: Path
    file: str | None  # None: only the base of other files, not written itself
    format: str  # xlsx, csv, ods, text, damaged
    sheets: list[Sheet]
    expected: dict[str, Any]
    raw: dict[str, Any]  # the format's own keys (creator, delimiter, damage, ...)


def header_of(item: str | dict[str, str]) -> tuple[str, str]:
    name, header = (item, None) if isinstance(item, str) else next(iter(item.items()))
    if name not in ALIASES:
        raise ValueError(f"unknown column {name!r} (not in {COLUMNS_FILE.name})")
    if header is None:
        return name, ALIASES[name][0]
    if header not in ALIASES[name]:
        raise ValueError(f"{header!r} is not an alias of {name!r} in {COLUMNS_FILE.name}")
    return name, header


def meeting_of(block: Any, columns: list[tuple[str, str]]) -> Meeting | Note:
    if block == "blank":
        return Note(None)
    if "note" in block:
        return Note(block["note"])
    meeting_fields = [f for f, _ in columns if f in MEETING_FIELDS]
    people_fields = [f for f, _ in columns if f not in MEETING_FIELDS]
    cells = dict(zip(meeting_fields, block["meeting"], strict=True))
    date = block.get("date", cells["date"])
    if not isinstance(date, dt.date):
        raise ValueError(f"{block['meeting']}: a date cell written as text needs `date:`")
    if isinstance(cells["date"], dt.date):  # a real date: an Excel date cell
        cells["date"] = dt.datetime(date.year, date.month, date.day)
    expect = block["expect"]
    return Meeting(
        date=date,
        cells=cells,
        people=[dict(zip(people_fields, row, strict=True)) for row in block["people"]],
        verdict=expect["verdict"],
        platform_code=expect["platform"],
        sector_code=expect.get("sector"),
        findings=[(code, fld, person) for code, fld, person in block.get("findings", [])],
        waived=tuple(block.get("waived", ())),
    )


def sheet_of(spec: dict[str, Any]) -> Sheet:
    columns = [header_of(item) for item in spec.get("columns", [])]
    meetings = spec.get("meetings")
    return Sheet(
        name=spec.get("name", ""),
        columns=columns,
        meetings=None if meetings is None else [meeting_of(b, columns) for b in meetings],
        titles=spec.get("titles", []),
        merged=tuple(spec.get("merged", ())),
        date_format=spec.get("date_format", "dd/mm/yyyy"),
        autofilter=spec.get("autofilter", False),
        dropdowns=spec.get("dropdowns", {}),
        rows=spec.get("rows", []),
        bold_header=spec.get("bold_header", False),
        lists=spec.get("lists", {}),
        metadata=spec.get("metadata", {}),
        hidden=spec.get("hidden", False),
        widths=spec.get("widths", {}),
    )


def load_source(path: Path) -> Source:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    file = spec.pop("file", None)
    sheets = [sheet_of(s) for s in spec.pop("sheets", [])]
    expected = spec.pop("expected", {})
    default = Path(file).suffix.lstrip(".") if file else "xlsx"
    fmt = spec.pop("format", "damaged" if "damage" in spec else default)
    return Source(path, file, fmt, sheets, expected, spec)
