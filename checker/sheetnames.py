"""The names of the sheets that say which mission and period a roster is about (Metadata,
Info, Cover…): below the reader, which reads such a sheet in full even when it is hidden, and
checker.metadata, which reads the mission and period from it."""

from __future__ import annotations

from checker.text import fold

METADATA_SHEETS = frozenset(
    fold(n) for n in ["Metadata", "Meta data", "Info", "Information", "Informations", "Información",
                      "Cover", "Cover page", "Métadonnées", "Metadatos", "Portada", "Page de garde",
                      "Metadados", "Informação", "Capa"]
)  # fmt: skip


def is_metadata_sheet(name: str) -> bool:
    return fold(name) in METADATA_SHEETS
