"""Two versions of one list in a workbook: a draft and the final table of the same month.

Offices keep the draft beside the final ("BROUILLON (… remplacée par la version finale
ci-dessous)" over "VERSION FINALE", sheets "Draft" and "Final", "v1" and "v2"). Read
together, the draft's "Present" would outweigh the final's "Excused". So:

* a table whose heading (or sheet name) marks it a draft, or an older numbered version, is
  **superseded** by a table marked final (or a later version) of the same shape that lists
  some of the same meetings: it is not read, and finding S218 says so (`supersede`);
* when nothing tells the versions apart, two rows of one IOM person at one meeting that say
  present and absent make that person's attendance unknown, quoting both cells
  (`contradictions`) — never "present wins";
* a meeting a row says was called off ("Réunion annulée") does not take its attendance from
  other rows of the same date and platform: their attendance is unknown (`called_off`).

numpy only in the layout part (runs in the batch's reader processes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from checker.dates import MONTHS, MOVED, ParsedDate, read_date
from checker.reader import SheetGrid
from checker.text import fold

# Presence marks (judge: reason_contradicted, reason_cancelled): the text after them quotes
# the cells, fields separated by tabs.
CONTRADICTED = "(contradicted) "
CANCELLED = "(cancelled) "

# Words that mark a version, in a heading or a sheet's name (folded, whole words).
_DRAFT = re.compile(
    r"\b(?:draft|brouillon|borrador|rascunho|provisoire|provisional|preliminary|"
    r"preliminaire|preliminar)\b"
)
_FINAL = re.compile(
    r"\b(?:final|finale|finales|finais|definitif|definitive|definitivo|definitiva)\b"
)
# "v2", "V 3", "version 2", "versión 2", "versão 2" (not "2.1": a template's version).
_NUMBERED = re.compile(r"\b(?:v|ver|version|versao)\s*\.?\s*(\d{1,2})\b(?![.,]\d)")
_FINAL_RANK = 1000.0


@dataclass(frozen=True)
class Mark:
    """What marks a table as one version: its rank (a draft 0, "v2" 2, final highest) and
    the text saying so, with its cell (row 0: the sheet's name)."""

    rank: float
    text: str
    row: int  # Excel row; 0 for the sheet's name
    col: int  # 0-based


@dataclass(frozen=True)
class Superseded:
    """A table not read because another version of it is: where both are, and why."""

    sheet: str
    header_row: int  # Excel row of its header
    mark: Mark
    by_sheet: str
    by_header_row: int
    by_mark: Mark


def mark_of(text: str) -> float | None:
    """A text's version rank: a draft word wins over "final" ("remplacée par la version
    finale"), then final, then a version number."""
    key = fold(text)
    if _DRAFT.search(key):
        return 0.0
    if _FINAL.search(key):
        return _FINAL_RANK
    plain = "".join(unicodedata.normalize("NFKD", ch)[:1] or ch for ch in text).lower()
    numbers = {int(n) for n in _NUMBERED.findall(plain)}  # not folded: "2.1" stays one
    return float(numbers.pop()) if len(numbers) == 1 else None


def table_mark(sheet: SheetGrid, header_index: int, first_on_sheet: bool) -> Mark | None:
    """The version a table's heading says (the lines right above its header; for the
    sheet's first table, all lines above it), else its sheet's name."""
    start = 0 if first_on_sheet else header_index
    if not first_on_sheet:
        while start > 0 and sum(v not in ("", None) for v in sheet.cells[start - 1]) <= 1:
            start -= 1
    for r in range(header_index - 1, start - 1, -1):  # the nearest heading line first
        for c, value in enumerate(sheet.cells[r]):
            if isinstance(value, str) and (rank := mark_of(value)) is not None:
                return Mark(rank, value.strip(), r + 1, c)
    rank = mark_of(sheet.name)
    return Mark(rank, sheet.name, 0, 0) if rank is not None else None


@dataclass(frozen=True)
class Version:
    """One table as a candidate version: its position in the caller's lists, its shape,
    the meetings it lists ((date, platform) as written) and its mark."""

    key: Any  # the caller's handle on the table
    sheet: str
    header_row: int
    shape: str
    meetings: frozenset[tuple[Any, str]]
    mark: Mark | None


def meetings_of(sheet: SheetGrid, header_index: int, end: int | None,
                date_col: int | None, platform_col: int | None) -> frozenset[tuple[Any, str]]:  # fmt: skip
    """(date, platform) pairs of a list's rows, as written (a date cell's value, the
    platform folded)."""
    if date_col is None or platform_col is None:
        return frozenset()
    pairs = set()
    for row in sheet.cells[header_index + 1 : end]:
        date = row[date_col] if date_col < len(row) else None
        platform = row[platform_col] if platform_col < len(row) else None
        if date not in ("", None) and isinstance(platform, str) and platform.strip():
            pairs.add((date, fold(platform)))
    return frozenset(pairs)


def supersede(versions: Sequence[Version]) -> dict[Any, Superseded]:
    """The tables another version supersedes: a table marked with a lower rank (a draft, an
    earlier "v1") when a table of the same shape marked with a higher one (final, "v2")
    lists at least one of the same meetings. Unmarked tables neither supersede nor are
    superseded: nothing tells which is the final one."""
    out: dict[Any, Superseded] = {}
    for old in versions:
        if old.mark is None:
            continue
        newer = [v for v in versions if v is not old and v.mark is not None
                 and v.shape == old.shape and v.mark.rank > old.mark.rank
                 and v.meetings & old.meetings]  # fmt: skip
        if not newer:
            continue
        best = max(newer, key=lambda v: v.mark.rank if v.mark else 0.0)
        assert best.mark is not None
        out[old.key] = Superseded(old.sheet, old.header_row, old.mark, best.sheet,
                                  best.header_row, best.mark)  # fmt: skip
    return out


# ------------------------------------------------------------------ a meeting called off


# Words saying a meeting did not take place (folded): cancelled, suspended, and the moved
# meeting's words of checker.dates.MOVED that mean "not on this day" (not "moved to room B",
# "delayed by an hour": held). One list for every reader of a call-off (layout's rows and
# lines, the tracker's cells).
CALLED_OFF = frozenset({
    "cancelled", "canceled", "cancelado", "cancelada", "cancelados", "canceladas", "annule",
    "annulee", "annules", "annulees", "suspended", "suspendue", "suspendu", "suspendida",
    "suspendido", "suspensa", "suspenso",
}) | (MOVED - {"moved", "delayed", "decale", "decalee", "deplace", "deplacee", "trasladada",
                "trasladado", "transferida", "transferido"})  # fmt: skip
_CALLED_OFF_PHRASE = re.compile(
    r"\b(?:did not take place|didn t take place|not held|no meeting|n a pas eu lieu|"
    r"pas de reunion|non tenue|pas tenue|no se realizo|no se celebro|no tuvo lugar|"
    r"no hubo reunion|sin reunion|nao se realizou|nao houve reuniao|sem reuniao|"
    r"nao realizada|nao teve lugar)\b"
)
# A clause about something else than the meeting: a person's own plans ("cancelled my
# flight", "annulé son vol"), another meeting ("la réunion précédente a été reportée") or
# meetings in general ("NB : les réunions annulées ne figurent pas dans ce tableau").
_NOT_THE_MEETING = re.compile(
    r"\b(?:my|his|her|their|mon|ma|mes|son|sa|ses|mi|mis|su|sus|meu|minha|seu|sua|flight|"
    r"vol|vuelo|voo|trip|travel|voyage|viaje|viagem|participation|participacion|participacao|"
    r"leave|conge|licencia|licenca|"
    r"meetings|reunions|reuniones|reunioes|sessions|sesiones|sessoes|seances|"
    r"(?:previous|prior|last|next|following|other|earlier) (?:meeting|session)|"
    r"(?:reunion|reuniao|session|sesion|sessao|seance) (?:precedente|anterieure|derniere|"
    r"prochaine|suivante|anterior|pasada|passada|proxima|siguiente|seguinte|ultima))\b"
)
# After a word of postponement: "from" says this is the moved meeting ("reportée du 19 nov.").
_BY_HOURS = re.compile(r"\b(?:hours?|heures?|horas?|minutes|minutos|min|h)\b")
_FROM = frozenset({"from", "du", "des", "del", "desde", "de", "da", "do", "dal"})
_CLAUSES = re.compile(r"[–—:;()\[\].\n]|\s-\s|,\s")


def says_called_off(text: str) -> bool:
    """Whether a row of its own (a date and platform, nobody named) or a Name cell holds a
    word of call-off ("Réunion annulée – reportée au 4 décembre"): read as such whatever
    else it says."""
    folded = fold(text)
    return bool(_CALLED_OFF_PHRASE.search(folded)) or any(w in CALLED_OFF for w in folded.split())


def calls_off(text: object, date: object = None) -> bool:
    """Whether a line or remark says that the meeting did not take place: one of its clauses
    says cancelled, suspended, postponed ("SUSPENDIDA – no se realizó", "MEETING CANCELLED
    on the morning", "REPORTÉE AU 26/11") of the meeting, not of a person's plans or of
    another meeting. "Postponed from …", or "postponed to" the meeting's own `date` (a cell
    value), says this is the moved meeting: no call-off."""
    if not isinstance(text, str):
        return False
    return any(_clause_calls_off(fold(c), date) for c in _CLAUSES.split(text) if c.strip())


def _clause_calls_off(clause: str, date: object) -> bool:
    if _NOT_THE_MEETING.search(clause):
        return False
    if _CALLED_OFF_PHRASE.search(clause):
        return True
    words = clause.split()
    at = next((i for i, w in enumerate(words) if w in CALLED_OFF), None)
    if at is None:
        return False
    if words[at] not in MOVED:
        return True
    after = words[at + 1 : at + 6]
    if (after and after[0] in _FROM) or _BY_HOURS.search(" ".join(after)):
        return False  # "reportée du 19 nov." (this is the moved one), "delayed by 30 min"
    return not _same_day(after, date)


def _same_day(words: list[str], date: object) -> bool:
    """Whether the words after "postponed to" name the day of `date` ("au 26 11", "to Fri 13
    Nov"): the month only when both say it."""
    day = next((i for i, w in enumerate(words) if w.isdigit() and len(w) <= 2), None)
    read = read_date(date)
    if day is None or read is None:
        return False
    on = (
        (read.value.day, read.value.month)
        if isinstance(read, ParsedDate)
        else (read.day, read.month)
    )
    nxt = words[day + 1] if day + 1 < len(words) else ""
    month = int(nxt) if nxt.isdigit() and len(nxt) <= 2 else MONTHS.get(nxt)
    return int(words[day]) == on[0] and (month is None or month == on[1])


@dataclass(frozen=True)
class CalledOff:
    """A row saying a meeting was called off ("Réunion annulée – reportée au 4 décembre"),
    skipped as no meeting: its date and platform as written, and its cell."""

    date: Any
    platform: str  # folded
    sheet: str
    cell: str  # "C23"
    text: str


def called_off(cells: np.ndarray, where: int, date: int, platform: int,
               notes: Sequence[CalledOff]) -> None:  # fmt: skip
    """Rows listing people at a meeting another row says was called off (same date and
    platform as written): whether that meeting took place with them is unknown, unless the
    row says the person was absent anyway. The presence cell takes CANCELLED and the note."""
    if not notes or not len(cells):
        return
    by_meeting = {(n.date, n.platform): n for n in notes}
    for i in range(len(cells)):
        value = cells[i, platform]
        if not isinstance(value, str):
            continue
        note = by_meeting.get((cells[i, date], fold(value)))
        if note is None:
            continue
        said = cells[i, where]
        if isinstance(said, str) and said.startswith(CANCELLED):
            continue
        cells[i, where] = f"{CANCELLED}{note.sheet}\t{note.cell}\t{note.text}"


# ------------------------------------------------------------------ two rows, two answers


def contradictions(
    meetings: np.ndarray, names: np.ndarray, staff: np.ndarray, present: np.ndarray,
    absent: np.ndarray,
) -> dict[int, int]:  # fmt: skip
    """Rows (positions) of IOM staff listed twice or more at one meeting under one name,
    some rows saying present and others absent → the position of a row saying the other
    thing (for the reason to quote both cells)."""
    seen: dict[tuple[Any, Any], list[int]] = {}
    for i in np.flatnonzero(staff & (present | absent) & np.array([n is not None for n in names],
                                                                 dtype=bool)).tolist():  # fmt: skip
        seen.setdefault((meetings[i], names[i]), []).append(i)
    out: dict[int, int] = {}
    for group in seen.values():
        yes = [i for i in group if present[i]]
        no = [i for i in group if absent[i]]
        if yes and no:
            for i in yes:
                out[i] = no[0]
            for i in no:
                out[i] = yes[0]
    return out
