"""What Excel shows over what the cells hold (round 14's misses): a staff list other sheets
look titles up in is no meeting; a note naming the "Directory" sheet does not make an
attendance list a contact list; a stale cached VLOOKUP is no evidence; a number shown as a
word by its number format is the word; a date of another year shown without its year is no
meeting of its own; "Confirmed" is attendance only beside the row's signature."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from checker.api import CheckOptions, check_file, check_workbook
from checker.formatting import shown_number
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets

# (header, staff sheet, its heading, CoM's title, deputy's title, other agency row)
_ROWS = {
    "en": (["Date", "Meeting", "Name", "Organization", "Title"], "Staff",
           "IOM staff – list updated on 01/12/2026", "Chief of Mission",
           "Deputy Chief of Mission", ("A. Sarr", "UNDSS", "Security Adviser")),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "Personnel",
           "Personnel de l'OIM – liste mise à jour le 01/12/2026", "Chef de mission",
           "Chef de mission adjoint", ("A. Sarr", "UNDSS", "Conseiller sécurité")),
    "es": (["Fecha", "Reunión", "Nombre", "Organización", "Cargo"], "Personal",
           "Personal de la OIM – lista actualizada el 01/12/2026", "Jefe de Misión",
           "Jefe Adjunto de Misión", ("A. Sarr", "UNDSS", "Asesor de Seguridad")),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Função"], "Pessoal OIM",
           "Pessoal da OIM – lista atualizada em 01/12/2026", "Chefe de Missão",
           "Chefe Adjunto de Missão", ("A. Sarr", "UNDSS", "Assessor de Segurança")),
}  # fmt: skip


def _cache(path: Path, cell: str, value: str) -> None:
    """Excel saves a formula's last result beside it: openpyxl does not, so it is written."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(
        rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
        lambda m: f'<c r="{cell}" t="str"><f>{m.group(2)}</f><v>{value}</v></c>',
        sheet,
    )
    assert f"<v>{value}</v>" in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _looked_up(path: Path, language: str, now: str) -> Path:
    """A log whose IOM title is a VLOOKUP into a staff list headed by its update date, the
    cached value the CoM's title, the staff list now saying `now`."""
    header, staff, heading, com, _, other = _ROWS[language]
    book = Workbook()
    ws = book.active
    ws.title = "Log"
    ws.append(["SMT 2026"])
    ws.append(header)
    ws.append(["09/12/2026", "SMT", *other])
    ws.append(["09/12/2026", "SMT", "M. Said", "IOM", f"=VLOOKUP(C4,'{staff}'!$A$3:$B$9,2,FALSE)"])
    people = book.create_sheet(staff)
    people.append([heading])
    people.append([header[2], header[4]])
    people.append(["M. Said", now])
    people.append(["K. Osei", "Programme Assistant"])
    book.save(path)
    _cache(path, "E4", com)
    return path


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
def test_a_staff_list_other_sheets_look_up_is_no_meeting(tmp_path, language):
    """field14 OMN: the staff list's heading dated its update: an UNKNOWN meeting (S204)."""
    com = _ROWS[language][3]
    result = check_file(_looked_up(tmp_path / f"OMN_2026-12_{language}.xlsx", language, com))
    assert [(m.platform, str(m.verdict)) for m in result.meetings] == [("SMT", "compliant")]
    staff = _ROWS[language][1]
    sheets = {s["name"]: s for s in result.to_dict()["reading"]["sheets"]}
    assert (sheets[staff]["status"], sheets[staff]["reason"]) == ("ignored", "lookup")
    assert not [f for f in result.findings if f.code in ("S204", "S214")]


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
def test_a_stale_cached_lookup_title_is_no_evidence(tmp_path, language):
    """field14 GEO: calculation on manual, the cached "Chief of Mission" while the list now
    says the deputy: never compliant."""
    deputy = _ROWS[language][4]
    result = check_file(_looked_up(tmp_path / f"GEO_2026-12_{language}.xlsx", language, deputy))
    [smt] = result.meetings
    assert str(smt.verdict) == "undetermined"
    assert smt.reason_words.key == "reason_lookup_stale"
    assert "Log!E4" in smt.reason and deputy in smt.reason


def _check(*sheets: SheetGrid, name: str):
    return check_workbook(Sheets(Path(name), list(sheets), hidden=[]), CheckOptions())


@pytest.mark.parametrize(("note", "header"), [
    ("Titles are looked up in the Directory sheet.",
     ["Date", "Meeting", "Name", "Agency", "Title", "Attended"]),
    ("Les fonctions viennent de l'annuaire (feuille Annuaire).",
     ["Date", "Réunion", "Nom", "Organisation", "Fonction", "Présent(e)"]),
    ("Los cargos se buscan en la hoja Directorio.",
     ["Fecha", "Reunión", "Nombre", "Organización", "Cargo", "Asistió"]),
    ("As funções vêm da folha Contatos.",
     ["Data", "Reunião", "Nome", "Organização", "Função", "Presente"]),
])  # fmt: skip
def test_a_note_naming_a_directory_does_not_make_a_list_of_meetings_a_contact_list(note, header):
    rows = [["IOM – coordination meetings – October 2026"], [note], header,
            ["06/10/2026", "HCT", "T. K.", "IOM", "Chief of Mission", "Yes"]]  # fmt: skip
    result = _check(SheetGrid("Attendance", rows), name="GEO_2026-10.xlsx")
    assert [(m.platform, str(m.verdict)) for m in result.meetings] == [("HCT", "compliant")]


@pytest.mark.parametrize("heading", ["Contacts CCCM", "Cluster CCCM – liste des points focaux"])
def test_a_contact_list_headed_so_is_still_not_read(heading):
    rows = [[heading], ["Date", "Nom", "Organisation", "Fonction"],
            ["02/11/2026", "P. Lemaire", "OIM", "Chef de mission"]]  # fmt: skip
    log = [["Date", "Platform", "Name", "Agency", "Title"],
           ["05/11/2026", "HCT", "L. X.", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(SheetGrid("Log", log), SheetGrid("Sheet2", rows), name="CAF_2026-11.xlsx")
    assert [m.date for m in result.meetings] == ["2026-11-05"]


_SI = '[=1]"{yes}";[=0]"{no}";"{excused}"'
_WORDS = {"en": ("Yes", "No", "Apologies"), "fr": ("Oui", "Non", "Excusé"),
          "es": ("Sí", "No", "Excusado"), "pt": ("Sim", "Não", "Justificado")}  # fmt: skip


def test_a_number_format_shows_its_words():
    code = _SI.format(yes="Sí", no="No", excused="Excusado")
    assert [shown_number(v, code) for v in (1.0, 0.0, 2.0, 7.0)] == ["Sí", "No", "Excusado",
                                                                       "Excusado"]  # fmt: skip
    assert shown_number(-1.0, code) is None  # a minus Excel would add: not told
    assert [shown_number(v, '"Yes";"Neg";"No"') for v in (3.0, -1.0, 0.0)] == ["Yes", "Neg", "No"]
    assert shown_number(1.0, '[Red][>=1]"Oui";"Non"') == "Oui"
    for code in ("0", "0.00", "General", ";;;", '0" pers."', "dd-mmm", "[h]:mm"):
        assert shown_number(1.0, code) is None


@given(st.text(max_size=40), st.floats(allow_nan=False, allow_infinity=False))
def test_a_number_format_never_raises(code, value):
    shown = shown_number(value, code)
    assert shown is None or (type(shown) is str and shown)


def _numbers_book(path: Path, language: str, yearless: bool = False) -> Path:
    yes, no, excused = _WORDS[language]
    book = Workbook()
    ws = book.active
    ws.title = "Log"
    ws.append(["Date", "Meeting", "Name", "Organization", "Title", "Attended"])
    rows = [
        (dt.datetime(2026, 11, 5), "UNCT", "O. I.", "RCO", "Resident Coordinator", 1),
        (dt.datetime(2025 if yearless else 2026, 11, 5), "UNCT", "P. S.", "IOM",
         "Chief of Mission", 1),
        (dt.datetime(2026, 11, 12), "OMT", "N. V.", "IOM", "Resource Management Officer", 2),
        (dt.datetime(2026, 11, 12), "OMT", "T. P.", "IOM", "Finance Assistant", 1),
        (dt.datetime(2026, 11, 19), "SMT", "P. S.", "IOM", "Chief of Mission", 0),
        (dt.datetime(2026, 11, 19), "SMT", "V. O.", "UNDSS", "Security Adviser", 1),
    ]  # fmt: skip
    for row in rows:
        ws.append(list(row))
    for r in range(2, len(rows) + 2):
        ws.cell(r, 1).number_format = "dd-mmm" if yearless else "dd/mm/yyyy"
        ws.cell(r, 6).number_format = _SI.format(yes=yes, no=no, excused=excused)
    book.save(path)
    return path


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
def test_attendance_numbers_are_read_as_the_words_their_format_shows(tmp_path, language):
    """field14 BLR: 1 / 0 / 2 shown Sí / No / Excusado were each "cannot be told"."""
    result = check_file(_numbers_book(tmp_path / f"BLR_2026-11_{language}.xlsx", language))
    got = {(m.platform, m.date): str(m.verdict) for m in result.meetings}
    assert got == {("UNCT", "2026-11-05"): "compliant", ("OMT", "2026-11-12"): "wrong_level",
                   ("SMT", "2026-11-19"): "absent"}  # fmt: skip


def test_a_date_of_another_year_shown_without_it_is_no_meeting_of_its_own(tmp_path):
    """field14 BLR: the CoM's row dated 5 Nov 2025 under "dd-mmm" made an UNCT of 2025."""
    result = check_file(_numbers_book(tmp_path / "BLR_2026-11.xlsx", "es", yearless=True))
    got = {(m.platform, m.date): m for m in result.meetings}
    assert ("UNCT", "2025-11-05") not in got
    unct = got[("UNCT", "2026-11-05")]
    assert str(unct.verdict) == "undetermined"
    assert unct.reason_words.key == "reason_year_hidden" and "Log!A3" in unct.reason


@pytest.mark.parametrize(("header", "confirmed", "signature"), [
    (["Date", "Meeting", "Name", "Organization", "Title", "Signature", "Status"], "Confirmed",
     "J.M."),
    (["Date", "Réunion", "Nom", "Organisation", "Fonction", "Signature", "Statut"], "Confirmé(e)",
     "J. Mendes"),
    (["Fecha", "Reunión", "Nombre", "Organización", "Cargo", "Firma", "Estado"], "Confirmada",
     "JM"),
    (["Data", "Reunião", "Nome", "Organização", "Função", "Assinatura", "Estado"], "Confirmado",
     "J.M."),
])  # fmt: skip
def test_confirmed_is_attendance_only_beside_a_signature(header, confirmed, signature):
    """field14 QAT: "Confirmado" beside the signature; alone it is an RSVP; beside an
    apology in the signature cell it is no attendance."""
    rows = [header,
            ["04/11/2026", "UNCT", "J. Mendes", "IOM", "Chief of Mission", signature, confirmed],
            ["04/11/2026", "UNCT", "L. H.", "RCO", "Resident Coordinator", "L.H.", confirmed],
            ["10/11/2026", "HCT", "J. Mendes", "IOM", "Chief of Mission", None, confirmed],
            ["10/11/2026", "HCT", "L. H.", "RCO", "Resident Coordinator", "L.H.", confirmed],
            ["18/11/2026", "SMT", "J. Mendes", "IOM", "Chief of Mission",
             "Apologies – called to the MFA", confirmed],
            ["18/11/2026", "SMT", "L. H.", "RCO", "Designated Official", "L.H.", confirmed]]  # fmt: skip
    result = _check(SheetGrid("Log", rows), name="QAT_2026-11.xlsx")
    got = {m.platform: str(m.verdict) for m in result.meetings}
    assert got == {"UNCT": "compliant", "HCT": "undetermined", "SMT": "undetermined"}
