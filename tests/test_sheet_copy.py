"""A sign-in sheet and Excel's copy of it ("HCT 4 Nov" and "HCT 4 Nov (2)") with the same
heading: one meeting when they agree on IOM's attendees; with other IOM attendees on each,
the copy may be another meeting whose heading was not updated, and the meeting is
undetermined (reason_sheet_copy), never the better of the two."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from checker.api import check_file

# (sheet name, heading, header, other agency's row, IOM's CoM row, IOM's officer row)
_SHEETS = {
    "en": ("HCT 4 Nov", "Humanitarian Country Team (HCT) meeting – 4 November 2026",
           ["No.", "Name", "Organisation", "Title", "Signature"],
           ("R. Petrov", "RCO", "Resident Coordinator"),
           ("M. Trajko", "IOM", "Chief of Mission"), ("B. Stoja", "IOM", "Programme Officer")),
    "fr": ("EHP 4 nov", "Réunion de l'Équipe humanitaire pays (EHP) – 4 novembre 2026",
           ["N°", "Nom", "Organisation", "Fonction", "Signature"],
           ("R. Petrov", "BCR", "Coordonnateur résident"),
           ("M. Trajko", "OIM", "Chef de mission"), ("B. Stoja", "OIM", "Chargée de programme")),
    "es": ("EHP 4 nov", "Reunión del Equipo Humanitario de País (EHP) – 4 de noviembre de 2026",
           ["N.º", "Nombre", "Organización", "Cargo", "Firma"],
           ("R. Petrov", "OCR", "Coordinador Residente"),
           ("M. Trajko", "OIM", "Jefe de Misión"), ("B. Stoja", "OIM", "Oficial de Programa")),
    "pt": ("HCT 4 nov", "Reunião da Equipa Humanitária do País (HCT) – 4 de novembro de 2026",
           ["N.º", "Nome", "Organização", "Função", "Assinatura"],
           ("R. Petrov", "OCR", "Coordenador Residente"),
           ("M. Trajko", "OIM", "Chefe de Missão"), ("B. Stoja", "OIM", "Oficial de Programa")),
}  # fmt: skip


def _book(path: Path, language: str, first: int, second: int, copy: str = " (2)") -> Path:
    """The sheet and its copy, each with the other agency and IOM's row `first` / `second`
    (4: the CoM, 5: the officer)."""
    name, heading, header, other, *_ = _SHEETS[language]
    book = Workbook()
    for k, (title, iom) in enumerate(((name, first), (name + copy, second))):
        ws = book.active if k == 0 else book.create_sheet()
        ws.title = title
        ws.append([heading])
        ws.append([])
        ws.append(header)
        ws.append([1, *other, "R.P."])
        ws.append([2, *_SHEETS[language][iom], "x"])
    book.save(path)
    return path


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
def test_a_copy_with_another_iom_attendee_leaves_the_meeting_undetermined(tmp_path, language):
    for first, second in ((4, 5), (5, 4)):
        path = _book(tmp_path / f"MKD_2026-11_{language}{first}.xlsx", language, first, second)
        [meeting] = check_file(path).meetings
        assert str(meeting.verdict) == "undetermined"
        assert meeting.reason_words.key == "reason_sheet_copy"
        assert "(2)" in meeting.reason


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
def test_a_copy_agreeing_on_iom_is_one_meeting(tmp_path, language):
    path = _book(tmp_path / f"MKD_2026-11_{language}.xlsx", language, 4, 4)
    [meeting] = check_file(path).meetings
    assert str(meeting.verdict) == "compliant"


def test_pages_not_named_as_a_copy_are_read_together(tmp_path):
    """ "HCT 4 Nov p2" is no Excel copy: a second page of one meeting's attendees."""
    path = _book(tmp_path / "MKD_2026-11.xlsx", "en", 5, 4, copy=" p2")
    [meeting] = check_file(path).meetings
    assert str(meeting.verdict) == "compliant"
