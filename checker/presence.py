"""How a roster says who attended besides a presence column's own words: letter codes a
legend or the header explains ("P = Presente, A = Ausente"), a tick column for absence
beside the presence column ("Present" / "Apologies"), a sign-in sheet's blank signature
among signed ones, and a line under the table listing apologies ("Excusés : OIM …").

Each works on one table's laid-out rows (`fields`, one row per kept roster row, the
presence field at `where`) and their raw cells, and writes what the row's presence is to be
read as: a vocabulary word, or a marked text stage two cannot read as present or absent
(the person's attendance is then unknown, and the meeting's reason says why; see judge).

numpy only (see checker.layout: runs in the batch's reader processes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from checker.headers import Headers
from checker.lazyre import lazy
from checker.text import fold

# The presence a blank signature among signed ones takes: no vocabulary word, so the
# person's attendance is unknown (judge: reason_unsigned).
UNSIGNED = "(not signed)"
# The presence of an IOM row on a sheet whose apologies line names IOM, before the line's
# text: unknown, and said so (judge: reason_excused).
EXCUSED_LINE = "(excused line) "
# The same, for a line standing between this table and another, as near to both.
EXCUSED_SHARED = "(excused line, between tables) "

# A legend's entries: "P = Presente, A = Ausente", "P: present; A: absent", "A = Asistió ·
# E = Excusa · NA = No asistió", "P – Presente; F – Faltou; FJ – Falta justificada".
_LEGEND_SPLIT = lazy(r"[,;·•|\n]+")
# One entry: a code of one to three letters (the last such before its sign) and its words.
_LEGEND_ENTRY = lazy(r"(?:^|.*[\s:(])([^\W\d_]{1,3})\s*(?:=|:|–|—|-)\s*([^\W\d_][^=()]*?)\s*$")
# "P/A", "Presente/Ausente", "Présent(e)/Absent(e)" in a presence header.
_PAIR = lazy(r"([^\W\d_][\w()]*)\s*/\s*([^\W\d_][\w()]*)")
# What a lone letter of a presence header stands for ("P/A"): the initials of the words in
# all four languages (Present/Absent, Présent/Absent, Presente/Ausente).
_HEADER_LETTERS = {"p": "present", "a": "absent"}
_WORD = {"present": "Present", "absent": "Absent"}
# A note line listing who sent apologies, in EN/FR/ES/PT.
_APOLOGY = (
    r"(?:apologies|apologies received|apologies received from|apologies from|sent apologies|"
    r"absent with apologies|absent with apology|excused absences?|regrets|sent regrets|"
    r"excused|absent|absents|absentees|absences|not present|did not attend|excuses|excusees|"
    r"excuse e s|se sont excuses|absents excuses|absences excusees|n ont pas assiste|"
    r"absentes|excusas|excusados|se excusaron|se excuso|ausentes|ausentes con excusa|"
    r"no asistieron|justificaram a ausencia|justificaram ausencia|ausencias justificadas|"
    r"nao compareceram)"
)
# The head of such a line, one or two of its words ("Regrets / Excusés", bilingual forms).
_APOLOGIES = re.compile(rf"^\s*{_APOLOGY}(?:\s+{_APOLOGY})?\s*$")
# What ends the head: a colon, or a dash between spaces ("Regrets – IOM, WFP").
_HEAD_END = re.compile(r":|\s[–—-]\s")


def legend_entries(text: str, headers: Headers) -> dict[str, set[str]]:
    """Code → the presence words a legend line gives it ("A = Asistió · NA = No asistió":
    a → present, na → absent); entries whose words are not presence words are left out."""
    said: dict[str, set[str]] = {}
    for entry in _LEGEND_SPLIT.split(text):
        found = _LEGEND_ENTRY.match(entry)
        if found is None or (len(found.group(1)) > 1 and not found.group(1).isupper()):
            continue  # codes of two or three letters are capitals ("NA"), not "red", "in"
        meaning = headers.presence_word(found.group(2))
        if meaning is not None:
            said.setdefault(found.group(1).lower(), set()).add(meaning)
    return said


def letter_codes(header: str, texts: Iterable[str], headers: Headers) -> dict[str, str]:
    """Code → present/absent, as a legend on the sheet ("Legenda: P = Presente, A =
    Ausente", "A = Asistió · E = Excusa · NA = No asistió") or the presence column's header
    ("P/A", "Presente/Ausente") explains them. The legend is the sheet's own word and wins
    over the header's initials: under "P/A", "A = Asistió" makes A present. A code explained
    both ways by the legend (or, without one, by the header) means nothing."""
    legend: dict[str, set[str]] = {}
    for text in texts:
        for code, meanings in legend_entries(text, headers).items():
            legend.setdefault(code, set()).update(meanings)
    said: dict[str, set[str]] = {}
    for first, second in _PAIR.findall(header):
        for part in (first, second):
            word = re.sub(r"\(\w+\)", "", part)
            meaning = _HEADER_LETTERS.get(word.lower()) if len(word) == 1 else None
            meaning = meaning or headers.presence_word(word)
            if meaning is not None:
                said.setdefault(word[0].lower(), set()).add(meaning)
    said |= legend
    return {code: next(iter(m)) for code, m in said.items() if len(m) == 1}


def legend_line(texts: Iterable[str], headers: Headers) -> str | None:
    """The first note line that is a legend of presence codes, if any."""
    return next((t.strip() for t in texts if legend_entries(t, headers)), None)


# A presence cell that is a code: one to three letters ("A", "NA", "FJ").
_CODE = lazy(r"^\s*[^\W\d_]{1,3}\s*$")
# The presence of a row whose code the sheet's legend does not explain, before the code and
# the legend (judge: reason_legend): unknown, and the reason points at the legend.
UNEXPLAINED = "(unexplained code) "


def read_letters(
    fields: np.ndarray, where: int, codes: Mapping[str, str], legend: str | None = None,
    headers: Headers | None = None,
) -> None:  # fmt: skip
    """A presence cell holding a code the header or a legend explains → its word. Under a
    legend, a code it does not explain that is no presence word either is marked so, for
    the reason to name the legend (its attendance stays unknown)."""
    for r in range(len(fields)):
        value = fields[r, where]
        if type(value) is not str or not _CODE.match(value):
            continue
        meaning = codes.get(value.strip().lower())
        if meaning is not None:
            fields[r, where] = _WORD[meaning]
        elif legend is not None and headers is not None and headers.presence_word(value) is None:
            fields[r, where] = f"{UNEXPLAINED}{value.strip()}\x00{legend}"


def absence_ticks(
    fields: np.ndarray, cells: np.ndarray, where: int, ticks: list[tuple[int, str]],
    headers: Headers,
) -> None:  # fmt: skip
    """A tick column headed by a word of absence ("Apologies", "Excusé", "Ausente") beside the
    presence column: a row ticked there and not as present is absent; ticked in both, or
    with a remark there, its attendance is unknown (the cells are quoted)."""
    for col, header in ticks:
        for r in range(len(fields)):
            mark = cells[r, col]
            if mark is None:
                continue
            said = fields[r, where]
            ticked = headers.presence_word(mark) == "present"  # "X", "✓", "Yes"
            if said is None and ticked:
                fields[r, where] = header
            else:
                fields[r, where] = f"{'' if said is None else f'{said} / '}{header}: {mark}"


def unsigned(fields: np.ndarray, cells: np.ndarray, where: int, columns: list[int]) -> None:
    """A signature column signed on some rows and blank on others (a pre-filled list, ticked
    for those who came): a blank row's attendance is unknown. A column blank on every row
    says nothing (typed rosters leave it empty)."""
    for col in columns:
        blank = np.array([cells[r, col] is None for r in range(len(fields))], dtype=bool)
        if not blank.any() or blank.all():
            continue
        for r in np.flatnonzero(blank).tolist():
            if fields[r, where] is None:
                fields[r, where] = UNSIGNED


@dataclass(frozen=True)
class Note:
    """A line of text on the sheet near a table, with its cell ("A9")."""

    text: str
    cell: str
    # Between this table and another, as near to both: it may be about either meeting.
    shared: bool = False


def apologies_line(notes: Iterable[Note], headers: Headers) -> Note | None:
    """A note line listing apologies that names IOM ("Excusés : OIM (Chef de mission), FAO",
    "Apologies: IOM, WFP", "Regrets / Excusés: IOM", "Regrets – IOM, WFP"), if any; its head
    may stand alone in a cell and the names in the next cells of its row ("Excusés :" |
    "OIM (Chef de mission)")."""
    notes = list(notes)
    for i, note in enumerate(notes):
        found = _HEAD_END.search(note.text)
        head = note.text[: found.start()] if found else note.text
        if not _APOLOGIES.match(fold(head)):
            continue
        rest = note.text[found.end() :] if found else ""
        if not rest.strip():  # the names in the next cells of the row, or the rows under it
            beside = _listed_after(notes, i)
            rest = " ".join(beside)
            note = replace(note, text=" ".join([note.text.strip(), *beside]))
        if (found or rest) and headers.names_iom(rest):
            return replace(note, text=note.text.strip())
    return None


def _listed_after(notes: list[Note], i: int) -> list[str]:
    """The texts an apologies head alone in its cell lists: the next cells of its row, else
    the rows right under it ("Regrets / Excusés" over "J. Doe | IOM | Chief of Mission")."""
    row = _row_of(notes[i].cell)
    after = [n for n in notes[i + 1 :] if n.text.strip()]
    beside = [n.text for n in after if _row_of(n.cell) == row]
    if beside:
        return beside
    under: list[str] = []
    for note in after:
        if _row_of(note.cell) > row + 1:
            break
        under.append(note.text)
        row = _row_of(note.cell)
    return under


def is_apologies_head(text: Any) -> bool:
    """Whether a cell opens a list of apologies: "Regrets / Excusés", "Excusés :", "Apologies:
    IOM, WFP", "Ausentes" — the rows under it are who sent apologies, not attendees."""
    if type(text) is not str:
        return False
    found = _HEAD_END.search(text)
    return bool(_APOLOGIES.match(fold(text[: found.start()] if found else text)))


def _row_of(cell: str) -> int:
    """The row of a cell reference ("A9" → 9)."""
    return int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or 0)


def excused_by_line(
    fields: np.ndarray, where: int, organisation: int | None, line: Note, headers: Headers
) -> None:
    """The IOM rows of a table whose apologies line names IOM: their attendance is unknown
    (the line may name the very person the table lists), unless the row says absent."""
    said = f"{EXCUSED_SHARED if line.shared else EXCUSED_LINE}{line.cell} {line.text}"
    doubt_iom_rows(fields, where, organisation, said, headers)


def doubt_iom_rows(
    fields: np.ndarray, where: int, organisation: int | None, said: str, headers: Headers
) -> None:
    """Write `said` (a mark of doubt) as the presence of a table's IOM rows (every row when
    the table has no organisation column), but not over a row that says absent."""
    for r in range(len(fields)):
        if organisation is not None and headers.organisation_kind(fields[r, organisation]) != "iom":
            continue
        if headers.presence_word(fields[r, where]) != "absent":
            fields[r, where] = said


def excused(said: str) -> tuple[str, str, bool] | None:
    """(cell, line, shared) of a presence `excused_by_line` wrote, else None."""
    for mark, shared in ((EXCUSED_LINE, False), (EXCUSED_SHARED, True)):
        if said.startswith(mark):
            cell, _, line = said.removeprefix(mark).partition(" ")
            return cell, line, shared
    return None


def texts_of(values: Iterable[Any]) -> list[str]:
    return [v for v in values if type(v) is str]


# A line naming the meeting's chair, co-chair or note-taker ("Présidence : …", "Chaired by:
# …", "Co-chair: …", "Copresidente: …", "Rapporteur : …", "Relatora: …"), folded.
_OFFICER = lazy(
    r"^\s*(?:co ?)?(?:chair|chairs|chaired by|chairperson|chair person|chairpersons|"
    r"presidence|presidee par|preside par|presidencia|presidida por|presidido por|preside|"
    r"president|presidente|presidenta|presidentes|presidencia da reuniao|presidida pela|"
    r"presidido pelo)\s*$"
    r"|^\s*(?:rapporteur|rapporteurs|rapporteuse|note taker|notetaker|note taking|"
    r"minutes taken by|minute taker|notes taken by|secretaire de seance|"
    r"prise de notes|relator|relatora|relatoria|toma de notas|secretario de actas|"
    r"secretaria de actas|tomada de notas|secretario da reuniao|secretaria da reuniao)\s*$"
)
# The word linking a post to IOM after it: "Chef de mission de l'OIM", "Chief of Mission of
# IOM", "Jefe de Misión de la OIM", "Chefe de Missão da OIM".
_LINK = lazy(r"\s+(?:of|de la|de|du|da|do)$", re.IGNORECASE)
_ASIDE = re.compile(r"\([^)]*\)")  # "IOM (cluster lead agency)": an aside, not a name


def officer_of_iom(text: str, headers: Headers) -> tuple[str | None, str, str | None] | None:
    """(name, organisation, title) of IOM staff a chair, co-chair or note-taker line above a
    sign-in sheet names ("Présidence : M. J. Ndayishimiye, Chef de mission de l'OIM,
    Responsable désigné a.i.", "Co-chair: J. Doe, Protection Officer, IOM"), when it reads
    cleanly: a name first, then a post with IOM after it. Chairs are often not on the
    sign-in list. A line naming IOM but no person ("Chair: IOM (cluster lead agency)",
    "Rapporteur: IOM intern", "Copresidencia: OIM") gives (None, IOM's name as written,
    None): IOM was there, who and at what level is not known. None for any other line."""
    head, colon, rest = text.partition(":")
    if not colon or not _OFFICER.match(fold(head)) or not headers.names_iom(rest):
        return None
    items = [item for item in re.split(r"[;\n]", rest) if headers.names_iom(item)]
    if len(items) != 1:  # IOM named in no one item, or in two
        return None
    named = _named_officer(items[0], headers)
    if named is not None:
        return named
    for part in re.split(r"\s+(?:and|et|y|e|&)\s+", items[0]):  # "Co-chairs: UNHCR and IOM"
        bare = _ASIDE.sub(" ", part)
        if not headers.names_iom(bare):
            continue
        pieces = [p.strip() for p in bare.split(",") if p.strip()]
        if (
            len(pieces) == 2
            and fold(pieces[1]) in headers.iom
            and not headers.names_iom(pieces[0])
            and not headers.reads_as_title(pieces[0])
        ):
            return pieces[0], pieces[1], None  # "J. Doe, IOM": a person, at a level not said
        # What is left once IOM's name and a post are taken out names nobody.
        key = f" {fold(bare)} "
        for name in headers.iom:
            key = key.replace(f" {name} ", " ")
        if all(w in headers.title_words or w in _LINK_WORDS for w in key.split()):
            return None, next(p for p in pieces if headers.names_iom(p)), None
    return None


# Words between a post and IOM, and articles before it ("a OIM", "l'OIM", "the IOM").
_LINK_WORDS = frozenset(
    {"of", "de", "la", "du", "da", "do", "l", "d", "del", "des", "the", "le", "el", "a", "o"}
)


def _named_officer(rest: str, headers: Headers) -> tuple[str, str, str] | None:
    """A name first, then a post with IOM after it: "J. Doe, Chief of Mission, IOM"."""
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    iom = [i for i, part in enumerate(parts) if headers.names_iom(part)]
    if len(parts) < 2 or len(iom) != 1 or iom[0] == 0 or headers.reads_as_title(parts[0]):
        return None
    words = re.sub(r"\b[lL]['’]\s*", "", parts[iom[0]]).split()
    for size in range(len(words), 0, -1):  # the IOM name ends the part
        name = " ".join(words[-size:]).strip("()")
        if fold(name) in headers.iom:
            post = _LINK.sub("", " ".join(words[:-size]).strip()).strip()
            if not post and iom[0] >= 2:  # "J. Doe, Chief of Mission, IOM"
                post = parts[iom[0] - 1]
            return (parts[0], name, post) if post else None
    return None


# A status that the person confirmed they would come (an RSVP), folded: "Confirmed",
# "Confirmé(e)", "Confirmado(a)". Not attendance by itself; beside a signature it is.
_CONFIRMED = re.compile(
    r"^(?:(?:attendance|participation|presence|asistencia|presenca|participacao) )?"
    r"(?:confirmed|confirme|confirmee|confirme e|confirmes|confirmado|confirmada|confirmado a|"
    r"confirmada o|confirmados|confirmadas)"
    r"(?: (?:attendance|participation|presence|asistencia|presenca|participacao))?$"
)


def confirmed(value: object) -> bool:
    """Whether a status cell says only that the person confirmed they would come."""
    return type(value) is str and bool(_CONFIRMED.match(fold(value)))


def signed_confirmations(
    fields: np.ndarray, cells: np.ndarray, where: int, columns: list[int], headers: Headers
) -> None:
    """A status "Confirmed" / "Confirmé(e)" / "Confirmado(a)" says the person meant to come,
    not that they came; the row's own signature does: a row so confirmed and signed with a
    short mark (initials, a name) is present. A signature cell that says anything else
    ("Apologies – called to the MFA", "rep. by …") leaves the status as it is: unknown."""
    if not columns:
        return
    for r in range(len(fields)):
        if not confirmed(fields[r, where]):
            continue
        signs = [cells[r, col] for col in columns if cells[r, col] not in (None, "")]
        if signs and all(_a_signature(s, headers) for s in signs):
            fields[r, where] = "Present"


def _a_signature(value: object, headers: Headers) -> bool:
    """A signature: a short mark or name, no word of absence, no statement."""
    text = str(value).strip()
    words = fold(text).split()
    if not words or len(words) > 4 or len(text) > 40 or any(ch.isdigit() for ch in text):
        return False
    if headers.presence_word(text) is not None:  # "No", "X": a mark, not a signature
        return False
    padded = f" {' '.join(words)} "
    return not any(f" {w} " in padded for w in headers.absent | _NOT_SIGNED)


# Words in a signature cell that say someone else signed or the person did not (folded).
_NOT_SIGNED = frozenset({
    "rep", "represented", "represente", "representee", "representado", "representada", "por",
    "par", "by", "for", "pour", "p o", "pp", "sent", "envoye", "enviado", "instead", "apologies",
    "excuse", "excusa", "desculpas", "cancelled", "annule", "cancelado", "cancelou",
})  # fmt: skip
