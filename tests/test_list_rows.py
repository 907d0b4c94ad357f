"""Rows of an attendance list or sign-in sheet that look like IOM at the right level when the
person was not there (issue 10): a pre-printed form's row with no name, a name still to be
confirmed, a signature left blank, a status of absence, an apologies line. None may make the
meeting compliant; each test holds one way, in the languages it is written in."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.metadata import countries
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import verdicts

D = "03/11/2026"
HEADERS = {
    "en": ["Date", "Meeting", "Name", "Organization", "Title"],
    "fr": ["Date", "Réunion", "Nom", "Organisation", "Fonction"],
    "es": ["Fecha", "Reunión", "Nombre", "Organización", "Cargo"],
    "pt": ["Data", "Reunião", "Nome", "Organização", "Cargo"],
}
IOM = {"en": ("IOM", "Chief of Mission"), "fr": ("OIM", "Chef de mission"),
       "es": ("OIM", "Jefe de Misión"), "pt": ("OIM", "Chefe de Missão")}  # fmt: skip


def _check(rows, name="KEN_2026-11.xlsx"):
    return check_workbook(Sheets(Path(name), [SheetGrid("Nov", rows)], hidden=[]), CheckOptions())


def _list(lang, name, extra_header=(), iom_extra=(), other_extra=(), platform="HCT"):
    """A list with IOM's row (its name cell `name`) and UNICEF's, both at one HCT."""
    organisation, title = IOM[lang]
    return [[*HEADERS[lang], *extra_header],
            [D, platform, name, organisation, title, *iom_extra],
            [D, platform, "A. Lee", "UNICEF", "Representative", *other_extra]]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
def test_a_blank_name_beside_iom_s_title_on_a_named_list_is_attendance_unknown(lang):
    """/tmp/KEN_2026-11_probe.xlsx: the HCT row "— | IOM | Chief of Mission" of a list whose
    other rows are named was compliant. A pre-printed form types the agency and title of each
    expected member; the name is filled by whoever came: a row without one is no evidence."""
    result = _check(_list(lang, None))
    assert verdicts(result) == ["undetermined"]
    assert "row 2" in str(result.meetings[0].reason)
    assert [f.code for f in result.findings if f.code == "C309"] == ["C309"]


def test_a_blank_name_beside_an_absence_mark_stays_absent():
    rows = _list("en", None, ["Attended"], ["No"], ["Yes"])
    assert verdicts(_check(rows)) == ["absent"]


def test_a_log_row_with_neither_name_nor_title_stays_absent():
    """IOM's log (and the roster template): a row with the date and the meeting and no name
    is how an office records that nobody from IOM went."""
    rows = [["IOM Kenya – representation log"], ["Date", "Meeting", "IOM representative", "Title"],
            [D, "HCT", None, None], ["05/11/2026", "OMT", "J. Doe", "Resource Management Officer"]]  # fmt: skip
    assert verdicts(_check(rows)) == ["absent", "compliant"]


def test_a_name_column_blank_on_every_row_says_nothing():
    """A list that records titles only (no name on any row) is not the pre-printed form."""
    rows = [["Date", "Meeting", "Name", "Organization", "Title"],
            [D, "HCT", None, "IOM", "Chief of Mission"],
            [D, "HCT", None, "UNICEF", "Representative"]]  # fmt: skip
    assert verdicts(_check(rows)) == ["compliant"]


@pytest.mark.parametrize(
    ("lang", "name"),
    [("fr", "à confirmer"), ("es", "a confirmar"), ("es", "por confirmar"), ("pt", "a confirmar"),
     ("en", "xxx"), ("en", "XXX"), ("en", "..."), ("en", "Name"), ("fr", "Nom"),
     ("en", "N.N."), ("es", "por definir"),
     # already read as nobody before issue 10: kept so
     ("en", "TBC"), ("en", "TBD"), ("en", "(vacant)"), ("en", "?"), ("en", "(TBC)")],
)  # fmt: skip
def test_a_name_still_to_confirm_or_a_placeholder_names_nobody(lang, name):
    result = _check(_list(lang, name))
    assert verdicts(result) == ["undetermined"]
    assert name in str(result.meetings[0].reason)


@pytest.mark.parametrize(
    ("lang", "name"),
    [("fr", "N/A (RMO en congé)"), ("en", "Vacant – recruitment ongoing"),
     ("en", "TBC (awaiting nomination)"), ("en", "None – CoM on leave"),
     ("es", "Nadie (JdM de viaje)"), ("pt", "Ninguém: CM em Genebra"), ("fr", "Personne, CdM absente"),
     ("es", "Vacante; en proceso de selección")],
)  # fmt: skip
def test_a_word_for_nobody_with_its_reason_after_it_names_nobody(lang, name):
    """field10 DZA: "N/A (RMO en congé)" in the name cell beside the RMO's title was read as
    a person, and the OMT compliant."""
    assert verdicts(_check(_list(lang, name))) in (["undetermined"], ["absent"])


@pytest.mark.parametrize("name", ["Jean-Pierre Ndayishimiye", "Nadia Omar (CoM)", "Vacanti, M.",
                                  "Personnaz, J."])  # fmt: skip
def test_a_name_that_merely_starts_like_a_word_for_nobody_is_a_name(name):
    assert verdicts(_check(_list("en", name))) == ["compliant"]


@settings(max_examples=40, deadline=None)
@given(st.from_regex(r"[ xX.\-_?…—–*]{1,8}", fullmatch=True), st.sampled_from(sorted(IOM)))
def test_a_name_cell_of_marks_or_crosses_never_makes_iom_compliant(name, lang):
    """Whatever a name cell holds of dots, dashes, crosses and question marks (or blanks), it
    names nobody: the post's title beside it is never taken for an attendee's."""
    assert verdicts(_check(_list(lang, name))) != ["compliant"]


@pytest.mark.parametrize(
    ("organisation", "title"),
    [("IOM Somalia", "Chief of Mission"), ("OIM Somalie", "Chef de mission"),
     ("OIM Mozambique", "Jefe de Misión"), ("IOM (Uganda)", "Chief of Mission"),
     ("IOM Regional Office Nairobi", "Chief of Mission"), ("IOM RO Nairobi", "Chief of Mission"),
     ("OIM Bureau régional", "Chef de mission"), ("OIM Oficina Regional", "Jefa de Misión"),
     ("IOM HQ", "Chief of Mission"), ("IOM", "Chief of Mission, IOM Somalia"),
     ("IOM", "Chief of Mission (Somalia)"), ("OIM", "Chef de mission, OIM Somalie")],
)  # fmt: skip
def test_iom_staff_of_another_mission_or_office_do_not_represent_this_one(organisation, title):
    """A Kenya HCT's list naming "IOM Somalia"'s Chief of Mission was compliant: IOM's, but
    not the mission's representative. Their attendance for the mission is unknown."""
    rows = [["Date", "Meeting", "Name", "Organization", "Title"],
            [D, "HCT", "J. Doe", organisation, title],
            [D, "HCT", "A. Lee", "UNICEF", "Representative"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["undetermined"]
    assert organisation in str(result.meetings[0].reason) or title in str(result.meetings[0].reason)
    assert "C309" in [f.code for f in result.findings]


@pytest.mark.parametrize(
    ("file", "organisation"),
    [("KEN_2026-11.xlsx", "IOM Kenya"), ("KEN_2026-11.xlsx", "IOM Kakuma"),
     ("COD_2026-11.xlsx", "OIM Congo"), ("SSD_2026-11.xlsx", "IOM South Sudan"),
     ("roster.xlsx", "IOM Somalia")],  # no mission known: nothing to hold the country against
)  # fmt: skip
def test_iom_of_the_mission_s_own_country_or_a_place_in_it_is_the_mission(file, organisation):
    rows = [["Date", "Meeting", "Name", "Organization", "Title"],
            [D, "HCT", "J. Doe", organisation, "Chief of Mission"]]  # fmt: skip
    assert verdicts(_check(rows, name=file)) == ["compliant"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(sorted(countries().iso3 - {"KEN"})),
       st.sampled_from(["IOM {}", "OIM {}", "IOM – {}"]))  # fmt: skip
def test_iom_of_any_other_country_never_makes_a_kenya_meeting_compliant(code, pattern):
    name = next(n for n, c in countries().by_name.items() if c == code)
    rows = [["Date", "Meeting", "Name", "Organization", "Title"],
            [D, "HCT", "J. Doe", pattern.format(name.title()), "Chief of Mission"]]  # fmt: skip
    assert verdicts(_check(rows)) != ["compliant"]


def _with_lines(*below):
    return [["Date", "Meeting", "Name", "Organization", "Title"],
            [D, "HCT", "J. Doe", "IOM", "Chief of Mission"],
            [D, "HCT", "A. Lee", "UNICEF", "Representative"], [], *below]  # fmt: skip


@pytest.mark.parametrize(
    "below",
    [# already read before issue 10
     [["Regrets: IOM"]], [["Excusés : OIM"]], [["Excusas: OIM"]],
     [["Ausências justificadas: OIM"]], [["Sent apologies: IOM (CoM)"]],
     # fixed: a bilingual head, other phrasings, a dash, the names in the next cell or rows
     [["Regrets / Excusés: IOM (Chief of Mission), FAO"]],
     [["Apologies received from: IOM, WFP"]], [["Absent with apologies: IOM"]],
     [["Regrets – IOM, WFP"]], [["Se excusaron – OIM"]],
     [["Excusés :", "OIM (Chef de mission)"]],
     [["Regrets / Excusés"], [None, None, "J. Doe", "IOM", "Chief of Mission"]],
     [["Ausentes"], [None, None, "J. Pérez", "OIM", "Jefe de Misión"]],
     [["Apologies"], ["IOM"]]],
)  # fmt: skip
def test_an_apologies_line_or_block_naming_iom_leaves_its_rows_unknown(below):
    result = _check(_with_lines(*below))
    assert verdicts(result) == ["undetermined"]
    assert below[0][0].strip(" :") in str(result.meetings[0].reason)
    assert not [f for f in result.findings if f.code in ("S202", "S203", "S204")]


def test_an_apologies_head_naming_nobody_from_iom_says_nothing():
    assert verdicts(_check(_with_lines(["Regrets / Excusés"], [None, None, "B. C.", "WFP"]))) == [
        "compliant"
    ]


def test_an_absence_word_first_in_a_person_s_row_is_that_person_s():
    """A presence column first ("Absent | J. Doe | IOM | …") is no apologies block: the rows
    under it are still read."""
    rows = [["Status", "Date", "Meeting", "Name", "Organization", "Title"],
            ["Absent", D, "HCT", "B. C.", "IOM", "Programme Officer"],
            ["Present", D, "HCT", "J. Doe", "IOM", "Chief of Mission"]]  # fmt: skip
    assert verdicts(_check(rows)) == ["compliant"]


def test_an_apologies_head_over_a_meeting_s_own_rows_leaves_them_read_as_they_say():
    """field ZMB: "Apologies:" alone over the SMT's own row (date, platform, "apologies" in
    the Signature column): that row says absent; the HCT above keeps its CoM."""
    rows = [["Date", "Meeting", "Name", "Agency", "Designation", "Signature"],
            ["21/10/2026", "HCT", "L. Nkandu", "IOM", "CoM", "signed"],
            ["28/10/2026", "SMT", "C. Banda", "WFP", "Country Director", "signed"],
            [None, None, "Apologies:", None, None, None],
            ["28/10/2026", "SMT", "L. Nkandu", "IOM", "CoM", "apologies"]]  # fmt: skip
    assert verdicts(_check(rows, name="ZMB_2026-10.xlsx")) == ["compliant", "absent"]


@pytest.mark.parametrize(
    ("header", "signature"),
    [("Signature", "AL"), ("Émargement", "AL"), ("Firma", "AL"), ("Assinatura", "AL")],
)
def test_a_blank_signature_on_iom_s_row_while_others_signed_is_unknown(header, signature):
    """Already read so before issue 10 (presence.unsigned): kept so."""
    rows = _list("en", "J. Doe", [header], [None], [signature])
    result = _check(rows)
    assert verdicts(result) == ["undetermined"]
    assert "signed" in str(result.meetings[0].reason)


@pytest.mark.parametrize(
    ("header", "said", "verdict"),
    [("Attended (Y/N)", "N", "absent"), ("Attended (Y/N)", "No", "absent"),
     ("Attended (Y/N)", "Non", "absent"), ("Attended (Y/N)", "No asistió", "absent"),
     ("Attended (Y/N)", None, "undetermined"), ("Attended (Y/N)", "Não compareceu", "absent"),
     ("Status", "Excused", "absent"), ("Status", "Apologies", "absent"),
     ("Status", "Regrets", "absent"), ("Statut", "Excusé(e)", "absent"),
     ("Estado", "Justificada", "absent"), ("Estado", "Ausente", "absent"),
     ("Status", "Invited", "undetermined"), ("Status", "Declined", "undetermined"),
     # fixed: yes/no initials in brackets made the header unknown, and a blank cell compliant
     ("Présent (O/N)", None, "undetermined"), ("Asistió (S/N)", None, "undetermined"),
     ("Presente (S/N)", None, "undetermined"), ("Compareceu (S/N)", None, "undetermined"),
     ("Compareceu (S/N)", "Não compareceu", "absent"), ("Asistió (S/N)", "S", "compliant"),
     ("Présent (O/N)", "O", "compliant"), ("Compareceu (S/N)", "Sim", "compliant")],
)  # fmt: skip
def test_an_attendance_column_s_word_for_iom_s_row(header, said, verdict):
    rows = _list("en", "J. Doe", [header], [said], ["Y"])
    assert verdicts(_check(rows)) == [verdict]


@pytest.mark.parametrize(
    ("header", "said"),
    [("Invited", "Yes"), ("Confirmed", "Yes"), ("RSVP", "Yes"), ("Registered", "Yes"),
     ("Invité", "Oui"), ("Inscrit", "Oui"), ("Confirmado", "Sí"), ("Convidado", "Sim"),
     ("Confirmed attendance", "Yes")],
)  # fmt: skip
def test_a_column_of_who_was_invited_or_confirmed_is_no_attendance(header, said):
    """A list whose only Yes/No column is "Invited" or "RSVP" was read as attended (the
    column taken for the attendance column by its contents): it lists invitees."""
    result = _check(_list("en", "J. Doe", [header], [said], [said]))
    assert verdicts(result) == ["undetermined"]
    assert header in str(result.meetings[0].reason)


def test_an_invitation_column_beside_an_attended_column_is_not_read():
    rows = _list("en", "J. Doe", ["Invited", "Attended"], ["Yes", "Yes"], ["Yes", "Yes"])
    assert verdicts(_check(rows)) == ["compliant"]
    rows = _list("en", "J. Doe", ["Invited", "Attended"], ["Yes", "No"], ["Yes", "Yes"])
    assert verdicts(_check(rows)) == ["absent"]


@pytest.mark.parametrize(
    "remark",
    ["Invited", "Confirmed", "Pending", "TBC", "Declined", "No show", "Justificada",
     "Invité", "Confirmé", "À confirmer", "Convidado", "Confirmado", "Pendiente", "RSVP yes",
     "Did not come", "No vino", "Não veio", "Não compareceu", "Falta", "Justificou",
     "Não participou", "N'a pas participé", "Represented", "Delegated", "Substituído",
     "Remplacé"],
)  # fmt: skip
def test_a_remark_of_invitation_or_of_not_coming_without_an_attendance_column(remark):
    """Without an attendance column, "Invited" or "No vino" under Remarks is all the row says
    of the person's attendance: it is unknown (was compliant)."""
    result = _check(_list("en", "J. Doe", ["Remarks"], [remark], [None]))
    if remark in _SAYS_ABSENT:  # a word of absence of the vocabulary, and only that
        assert verdicts(result) == ["absent"]
        return
    assert verdicts(result) == ["undetermined"]
    assert remark in str(result.meetings[0].reason)


_SAYS_ABSENT = {
    "Did not come",
    "Não compareceu",
    "Não participou",
    "Justificada",
    "Justificou",
    "N'a pas participé",
}


def test_a_struck_through_iom_row_is_attendance_unknown(tmp_path):
    """Already read so before issue 10 (layout._struck_off), from the file's own fonts."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from checker.api import check_file

    book = Workbook()
    sheet = book.active
    sheet.title = "Nov"
    for row in _list("en", "J. Doe"):
        sheet.append(row)
    for cell in sheet[2]:
        cell.font = Font(strike=True)
    path = tmp_path / "KEN_2026-11.xlsx"
    book.save(path)
    result = check_file(path, CheckOptions())
    assert verdicts(result) == ["undetermined"]
    assert "struck" in str(result.meetings[0].reason)


def _styled_book(tmp_path, font=None, fill=None, rows=None, styled=(2,)):
    from openpyxl import Workbook

    from checker.api import check_file

    book = Workbook()
    sheet = book.active
    sheet.title = "Nov"
    for row in rows or _list("en", "J. Doe"):
        sheet.append(row)
    for r in styled:
        for cell in sheet[r]:
            if font is not None:
                cell.font = font
            if fill is not None:
                cell.fill = fill
    path = tmp_path / "KEN_2026-11.xlsx"
    book.save(path)
    return check_file(path, CheckOptions())


@pytest.mark.parametrize(
    "colour",
    [{"color": "FF808080"}, {"color": "FFA6A6A6"}, {"color": "FFBFBFBF"}],
)
def test_a_greyed_out_iom_row_is_attendance_unknown(tmp_path, colour):
    """A row in a grey font while the others are black: greyed out, as people grey the
    invitees who did not come (was compliant)."""
    from openpyxl.styles import Font

    result = _styled_book(tmp_path, font=Font(**colour))
    assert verdicts(result) == ["undetermined"]
    assert "greyed out" in str(result.meetings[0].reason)
    assert "C309" in [f.code for f in result.findings]


def test_a_theme_grey_text_is_greyed_out_too(tmp_path):
    """Excel's "Black, Text 1, Lighter 50%" is the theme's text colour with a tint."""
    from openpyxl.styles import Font
    from openpyxl.styles.colors import Color

    result = _styled_book(tmp_path, font=Font(color=Color(theme=1, tint=0.4999)))
    assert verdicts(result) == ["undetermined"]


def test_a_table_in_grey_throughout_or_a_grey_fill_says_nothing(tmp_path):
    from openpyxl.styles import Font, PatternFill

    assert verdicts(_styled_book(tmp_path, font=Font(color="FF808080"), styled=(1, 2, 3))) == [
        "compliant"
    ]
    # A fill without a legend saying what it means: banding, not a mark (docs/reading.md).
    grey = PatternFill("solid", fgColor="FFD9D9D9")
    assert verdicts(_styled_book(tmp_path, fill=grey)) == ["compliant"]
    assert verdicts(_styled_book(tmp_path, font=Font(color="FF1F1F1F"))) == ["compliant"]


@pytest.mark.parametrize(
    "title", ["Programme Officer – Venezuela response", "Oficial de Programa (Respuesta Venezuela)"]
)
def test_a_country_in_a_title_s_programme_is_not_another_office(title):
    rows = [["Date", "Meeting", "Name", "Organization", "Title"],
            [D, "GIFMM", "J. Doe", "OIM", title]]  # fmt: skip
    result = _check(rows, name="COL_2026-11.xlsx")
    assert "written as" not in str(result.meetings[0].reason)


_HEADS = ["Apologies", "Regrets", "Excusés", "Excusas", "Se excusaron", "Ausentes",
          "Ausências justificadas", "Absent with apologies", "Apologies received from"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_HEADS), min_size=1, max_size=2),
       st.sampled_from([": ", " : ", " – ", ":"]), st.sampled_from(["IOM", "OIM", "IOM (CoM)"]),
       st.lists(st.sampled_from(["WFP", "FAO", "UNICEF"]), max_size=2))  # fmt: skip
def test_an_apologies_line_naming_iom_never_leaves_the_meeting_compliant(heads, sep, iom, others):
    line = f"{' / '.join(heads)}{sep}{', '.join([iom, *others])}"
    assert verdicts(_check(_with_lines([line]))) == ["undetermined"]


def test_a_registration_number_column_is_no_invitation_column():
    rows = _list("en", "J. Doe", ["Registration no."], ["R-0012"], ["R-0013"])
    assert verdicts(_check(rows)) == ["compliant"]


def test_an_iom_office_in_the_mission_s_country_is_the_mission():
    """ "OIM Sede Bogotá" is IOM's Bogotá office, not headquarters ("Sede central")."""
    rows = [["Fecha", "Reunión", "Nombre", "Organización", "Cargo"],
            [D, "EHP", "J. Pérez", "OIM Sede Bogotá", "Jefe de Misión"]]  # fmt: skip
    assert verdicts(_check(rows, name="COL_2026-11.xlsx")) == ["compliant"]
