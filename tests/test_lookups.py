"""A title computed by a lookup (VLOOKUP, XLOOKUP, INDEX/MATCH) of a key the looked-up range
holds on two rows: the cached title is only the first match, so it is no evidence."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from checker import lookups
from checker.api import check_file

# (header, staff sheet, CoM's title, the namesake's title, other agency row)
_ROWS = {
    "en": (["Date", "Meeting", "Name", "Organization", "Title"], "Staff",
           "Chief of Mission", "Security Assistant", ("A. Sarr", "UNDSS", "Security Adviser")),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "Personnel",
           "Chef de mission", "Assistant de sécurité", ("A. Sarr", "UNDSS", "Conseiller sécurité")),
    "es": (["Fecha", "Reunión", "Nombre", "Organización", "Cargo"], "Personal",
           "Jefe de Misión", "Asistente de Seguridad", ("A. Sarr", "UNDSS", "Asesor de Seguridad")),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Função"], "Pessoal OIM",
           "Chefe de Missão", "Assistente de Segurança", ("A. Sarr", "UNDSS", "Assessor de Segurança")),
}  # fmt: skip

_FORMULAS = {
    "vlookup": "VLOOKUP(C4,'{s}'!$A$2:$B$9,2,FALSE)",
    "xlookup": "_xlfn.XLOOKUP(C4,'{s}'!$A$2:$A$9,'{s}'!$B$2:$B$9)",
    "index": "INDEX('{s}'!$B$2:$B$9,MATCH(C4,'{s}'!$A$2:$A$9,0))",
}


def _book(path: Path, language: str, namesake: str, formula: str = "vlookup") -> Path:
    header, staff, com, other_title, other = _ROWS[language]
    book = Workbook()
    ws = book.active
    ws.title = "Log"
    ws.append(["SMT 2026"])
    ws.append(header)
    ws.append(["09/12/2026", "SMT", *other])
    ws.append(["09/12/2026", "SMT", "M. Said", "IOM", "=" + _FORMULAS[formula].format(s=staff)])
    people = book.create_sheet(staff)
    people.append(["Name", "Title"])
    people.append(["M. Said", com])
    people.append([namesake, other_title])
    book.save(path)
    # Excel saves the formula's last result beside it: openpyxl does not, so it is written.
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(
        r'<c r="E4"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
        lambda m: f'<c r="E4" t="str"><f>{m.group(2)}</f><v>{com}</v></c>',
        sheet,
    )
    assert f"<v>{com}</v>" in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
@pytest.mark.parametrize("formula", sorted(_FORMULAS))
def test_a_title_looked_up_by_an_ambiguous_name_is_no_evidence(tmp_path, language, formula):
    path = _book(tmp_path / f"OMN_2026-12_{language}.xlsx", language, "M. Said", formula)
    smt = [m for m in check_file(path).meetings if m.platform == "SMT"]
    assert [str(m.verdict) for m in smt] == ["undetermined"]
    assert smt[0].reason_words.key == "reason_lookup_ambiguous"
    assert "Log!E4" in smt[0].reason


@pytest.mark.parametrize("language", ["en", "pt"])
def test_a_title_looked_up_by_a_unique_name_is_read(tmp_path, language):
    path = _book(tmp_path / f"OMN_2026-12_{language}.xlsx", language, "K. Osei")
    smt = [m for m in check_file(path).meetings if m.platform == "SMT"]
    assert [str(m.verdict) for m in smt] == ["compliant"]


def test_the_key_and_range_of_localised_lookups():
    grids = {"Staff": [["Name"], ["M. Said"], ["m. said "], ["K. Osei"]]}
    row = [None, None, "M. Said"]
    for formula in ("PROCV(C4;Staff!A:B;2;0)", "BUSCARV(C4,Staff!$A$1:$B$9,2,0)",
                    "RECHERCHEV($C4;'Staff'!A2:B4;2;FAUX)"):  # fmt: skip
        assert lookups.ambiguous(formula, row, "Log", grids) == ("M. Said", "Staff", 2)
    assert lookups.ambiguous("VLOOKUP(C4,Staff!A4:B9,2,0)", row, "Log", grids) is None
    assert lookups.ambiguous("VLOOKUP(C4,Missing!A:B,2,0)", row, "Log", grids) is None
