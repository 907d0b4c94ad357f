"""A corrections sheet beside a roster ("Corrections", "Errata", "Rectificatifs",
"Correcciones", "Correções"): its lines name rows of the roster ("Ligne du registre 9 | EHP du
12/11 | Nom / Fonction | au lieu de E. Remengesau, Chef de mission | lire K. Ngirmang, Chef de
mission adjoint") and say they are wrong.

The checker does not apply a correction: its free text ("K. Ngirmang, Chef de mission adjoint –
le CdM était en mission à Guam", "S. Tellei, OIM, Coordonnatrice de programmes, présente
(oubliée à la saisie)") is no row it can read with certainty. Nor does it ignore one: the row a
correction names is in doubt, its attendance unknown, and the meeting's reason quotes the
correction (judge: reason_corrected), so the officer applies it to the roster. A correction of
the hour or the place only ("Heure : 14 h et non 10 h") changes nothing of who attended: left
as it is. A line that names no row nor meeting the checker can find makes the sheet's finding
say so (S214, `corrections_untied`).

A line names its row by a row number (under a header "Ligne", "Row", "Fila", "Linha") of the
one sheet read, or of the read sheet its words name ("Ligne du registre" → "Registre"); else by
a meeting's platform and day ("EHP du 12/11"): then the IOM rows of that meeting are in doubt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from checker.text import fold

# Presence mark (judge: reason_corrected): the corrections sheet, the line's cell, the line.
CORRECTED = "(corrected) "

_ROW_WORDS = frozenset({"ligne", "lignes", "row", "rows", "line", "lines", "fila", "filas",
                        "linha", "linhas", "rang"})  # fmt: skip
_SHEET_WORDS = frozenset({"sheet", "tab", "feuille", "onglet", "hoja", "pestana", "folha", "aba"})
# Labels of a correction that changes nothing of who attended: the hour, the place.
_NEUTRAL = frozenset({"time", "hour", "heure", "horaire", "hora", "horario", "venue", "lieu",
                      "lugar", "local", "salle", "sala", "room", "place", "duration", "duree",
                      "duracion", "duracao"})  # fmt: skip
# Fields a correction bears on when a label of it names one ("Nom / Fonction", "Présence").
_BEARING = frozenset({"attendee", "title", "organization", "presence", "date", "platform",
                      "capacity", "level", "sector"})  # fmt: skip
_DAY_MONTH = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?\b")


@dataclass(frozen=True)
class Correction:
    """One line of a corrections sheet."""

    sheet: str
    cell: str  # "A4": the line's first cell
    text: str  # the line's cells, " | " between them
    row: int | None  # the roster row it names, by number
    neutral: bool  # it changes only the hour or the place
    named: str  # the texts that may name the roster's sheet (its header, the sheet's heading)


def read(cells: Sequence[Sequence[Any]], name: str, header_index: int, heading: str,
         headers: Any, letter: Any) -> tuple[Correction, ...]:  # fmt: skip
    """The lines under a corrections sheet's header (`letter`: column index → letter)."""
    header = [fold(v) if type(v) is str else "" for v in cells[header_index]]
    row_col = next((c for c, h in enumerate(header) if _ROW_WORDS & set(h.split())), None)
    sheet_cols = [c for c, h in enumerate(header) if _SHEET_WORDS & set(h.split())]
    named = " ".join([heading, *(header[c] for c in ([row_col] if row_col is not None else []))])
    out = []
    for r in range(header_index + 1, len(cells)):
        values = [(c, v) for c, v in enumerate(cells[r]) if v not in ("", None)]
        if not values:
            continue
        number = cells[r][row_col] if row_col is not None and row_col < len(cells[r]) else None
        row = None
        if type(number) is int or (type(number) is float and number.is_integer()):
            row = int(number)
        elif type(number) is str and number.strip().isdigit():
            row = int(number.strip())
        texts = [_shown(v) for _, v in values]
        sheets = " ".join(str(cells[r][c]) for c in sheet_cols if c < len(cells[r]))
        out.append(Correction(name, f"{letter(values[0][0])}{r + 1}", " | ".join(texts), row,
                              _neutral(texts, headers), f"{named} {sheets}"))  # fmt: skip
    return tuple(out)


def _shown(value: Any) -> str:
    """A cell as the line quotes it: a row number 9, not 9.0."""
    if type(value) is float and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _neutral(texts: list[str], headers: Any) -> bool:
    """A line whose labels name the hour or the place, and none a field of who attended."""
    labels = [t for t in texts if len(t.split()) <= 3]
    labels += [t.split(":")[0] for t in texts if ":" in t and len(t.split(":")[0].split()) <= 3]
    said = False
    for label in labels:
        if set(fold(label).split()) & _NEUTRAL:
            said = True
        elif headers.match(label) in _BEARING:
            return False
    return said


def apply(corrections: Sequence[Correction], cells: np.ndarray, sheets: Sequence[str],
          rows: np.ndarray, fields: Sequence[str], headers: Any) -> int:  # fmt: skip
    """Mark the roster rows each correction names as in doubt (`sheets[i]`, `rows[i]`: the
    sheet and Excel row of `cells[i]`). Returns how many lines could be tied to no row."""
    where = fields.index("presence")
    read_sheets = sorted(set(sheets))
    at = {(s, int(r)): i for i, (s, r) in enumerate(zip(sheets, rows.tolist()))}
    untied = 0
    for fix in corrections:
        if fix.neutral:
            continue
        mark = f"{CORRECTED}{fix.sheet}\t{fix.cell}\t{fix.text}"
        key = f" {fold(fix.named + ' ' + fix.text)} "
        named = [s for s in read_sheets if f" {fold(s)} " in key]
        sheet = named[0] if len(named) == 1 else read_sheets[0] if len(read_sheets) == 1 else None
        if fix.row is not None and sheet is not None and (sheet, fix.row) in at:
            cells[at[(sheet, fix.row)], where] = mark
            continue
        found = _meeting_rows(fix.text, cells, fields, headers)
        for i in found:
            cells[i, where] = mark
        untied += not found
    return untied


def _meeting_rows(text: str, cells: np.ndarray, fields: Sequence[str], headers: Any) -> list[int]:
    """The IOM rows of the meeting a line names by its platform and day ("EHP du 12/11")."""
    day = _DAY_MONTH.search(text)
    platforms = {p for p in headers.platforms if f" {p} " in f" {fold(text)} "}
    if day is None or not platforms:
        return []
    d, m = int(day.group(1)), int(day.group(2))
    date, platform = fields.index("date"), fields.index("platform")
    organisation = fields.index("organization")
    out = []
    for i in range(len(cells)):
        value = cells[i, date]
        when = (value.day, value.month) if hasattr(value, "day") else None
        if when is None and type(value) is str:
            got = _DAY_MONTH.search(value)
            when = (int(got.group(1)), int(got.group(2))) if got else None
        if when != (d, m) or f" {fold(cells[i, platform])} ".strip() not in platforms:
            continue
        org = cells[i, organisation]
        if org is None or headers.organisation_kind(org) == "iom":
            out.append(i)
    return out
