"""The names of the sheets that say which mission and period a roster is about (Metadata,
Info, Cover…): below the reader, which reads such a sheet in full even when it is hidden, and
checker.metadata, which reads the mission and period from it. Also the words that say a sheet
holds no attendance whatever its table (instructions, an agenda, corrections)."""

from __future__ import annotations

import re

from checker.text import fold

METADATA_SHEETS = frozenset(
    fold(n) for n in ["Metadata", "Meta data", "Info", "Information", "Informations", "Información",
                      "Cover", "Cover page", "Métadonnées", "Metadatos", "Portada", "Page de garde",
                      "Metadados", "Informação", "Capa"]
)  # fmt: skip


def is_metadata_sheet(name: str) -> bool:
    return fold(name) in METADATA_SHEETS


# Sheets that hold no attendance whatever table they have (checker.layout._not_attendance),
# told by words of their name or heading (folded, whole words):
# - the template's instructions, whose table is a worked example ("Instructions", "Mode
#   d'emploi"): by the sheet's name only, a heading "Instructions: tick Yes / No" sits above
#   many a real roster;
INSTRUCTION_SHEETS = tuple(
    fold(n) for n in ["Instructions", "Instruction", "Guidance", "Guide", "How to fill",
                      "How to fill in", "How to use", "Read me", "Readme", "Mode d'emploi",
                      "Consignes", "Instrucciones", "Cómo llenar", "Cómo completar",
                      "Guía", "Instruções", "Como preencher", "Orientações", "Guia"]
)  # fmt: skip
# - a table whose heading, the line right above its header, starts by saying it is an
#   example ("Worked example (the HCT of 4 November, as it should look):");
_EXAMPLE_HEADING = re.compile(
    r"^(?:(?:a|an|un|une|uno|una|um|uma)\s+)?(?:(?:worked|filled|completed|sample)\s+)?"
    r"(?:example|exemple|ejemplo|exemplo|sample)\b"
)
# - an agenda ("Agenda HCT 12 nov", "ORDEN DEL DÍA"): who presents an item is no attendee.
#   "Agenda" and "pauta" are also a diary or a guideline ("d'après l'agenda du Chef de
#   mission"): in a heading they count only at its start;
AGENDA_WORDS = tuple(
    fold(n) for n in ["Ordre du jour", "Orden del día", "Ordem do dia", "Ordem de trabalhos"]
)  # fmt: skip
_AGENDA_START = ("agenda", "provisional agenda", "draft agenda", "pauta")

# - corrections to the roster's rows ("Corrections", "Errata", "Fe de erratas"): read against
#   the rows they name (checker.corrections), never as attendance.
CORRECTION_WORDS = tuple(
    fold(n) for n in ["Corrections", "Correction", "Errata", "Erratum", "Corrigendum",
                      "Corrigenda", "Rectificatifs", "Rectificatif", "Rectifications",
                      "Correcciones", "Corrección", "Fe de erratas", "Rectificaciones",
                      "Correções", "Correção", "Retificações", "Retificação"]
)  # fmt: skip


def _has_words(text: object, words: tuple[str, ...]) -> bool:
    key = f" {fold(text)} "
    return any(f" {w} " in key for w in words)


def is_instructions_sheet(name: str) -> bool:
    """Whether a sheet's name says it holds the template's instructions."""
    return _has_words(name, INSTRUCTION_SHEETS)


def is_example_heading(text: object) -> bool:
    """Whether a heading line starts by saying the table under it is an example."""
    return bool(_EXAMPLE_HEADING.match(fold(text)))


def names_agenda(text: object, heading: bool = False) -> bool:
    """Whether a sheet's name (or, `heading`, a heading line) says it is an agenda."""
    key = fold(text)
    if _has_words(key, AGENDA_WORDS):
        return True
    if heading:
        return any(f"{key} ".startswith(f"{w} ") for w in _AGENDA_START)
    # "Agenda" or "Pauta" alone names a schedule as often as an order of business (Spanish and
    # Portuguese "agenda": a calendar of meetings): only beside more words ("Agenda HCT 12 nov").
    return key not in ("agenda", "pauta") and _has_words(key, ("agenda", "pauta"))


def names_corrections(text: object) -> bool:
    return _has_words(text, CORRECTION_WORDS)


def starts_with_corrections(text: object) -> bool:
    """A heading that opens on the word ("Corrections au registre validé"), not one that
    only mentions it ("Attendance – corrections in red")."""
    words = fold(text).split()
    return bool(words) and any(words[: len(w.split())] == w.split() for w in CORRECTION_WORDS)
