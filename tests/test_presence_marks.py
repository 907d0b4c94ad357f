"""Presence the roster gives in ways other than a presence column's words (field5): letter
codes a legend or header explains, a presence column found by its contents, a tick column
for absence, a blank signature among signed ones, an apologies line under the table, a
two-row header. Literal rows, in PT/FR/EN/ES."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.config import schemas_dir
from checker.headers import Headers
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import verdicts


def _check(*sheets: SheetGrid, name: str = "GNB_2026-11.xlsx"):
    return check_workbook(Sheets(Path(name), list(sheets), hidden=[]), CheckOptions())


def _columns(result, table: int = 0):
    return result.to_dict()["reading"]["tables"][table]["columns"]


def _by_platform(result):
    return {m.platform: m for m in result.meetings}


# ------------------------------------------------------------------ letter codes


def _gnb(header: str, legend: str | None) -> SheetGrid:
    rows = [["OIM Guiné-Bissau – Registo de presenças"], [legend or ""], [],
            ["Data", "Reunião", "Nome", "Cargo", "Organização", header],
            ["10/11/2026", "SMT", "B. Doumbia", "Chefe de Missão", "OIM", "A"],
            ["10/11/2026", "SMT", "F. Có", "Chefe de Missão Adjunta", "OIM", "P"],
            ["10/11/2026", "SMT", "A. Lopes", "Representante", "PAM", "P"],
            ["19/11/2026", "OMT", "I. Cabral", "Oficial de Gestão de Recursos", "OIM", "A"],
            ["19/11/2026", "OMT", "L. Tavares", "Assistente", "UNFPA", "P"]]  # fmt: skip
    return SheetGrid("Presenças", rows)


def test_p_a_letters_under_a_p_a_header_and_a_legend_say_present_and_absent():
    result = _check(_gnb("P/A", "Legenda: P = Presente, A = Ausente"))
    assert {m.platform: str(m.verdict) for m in result.meetings} == {
        "SMT": "wrong_level", "OMT": "absent"}  # fmt: skip
    assert _columns(result)["presence"] == {"column": "F", "header": "P/A", "found_by": "header"}


def test_the_header_alone_explains_p_a_and_so_does_a_legend_alone():
    assert verdicts(_check(_gnb("Presente/Ausente", None))) == ["wrong_level", "absent"]
    # "Presença" says nothing of the letters; the legend does (French words too).
    assert verdicts(_check(_gnb("Presença", "P : présent ; A : absent"))) == [
        "wrong_level", "absent"]  # fmt: skip


def test_letters_nothing_explains_leave_attendance_unknown():
    result = _check(_gnb("Presença", None))
    assert verdicts(result) == ["undetermined", "undetermined"]
    assert 'the roster says "A"' in result.meetings[0].reason


# COL (field6): "Convenciones: A = Asistió · E = Excusa · NA = No asistió" — A is PRESENT
# there, the opposite of P/A; MOZ: "P – Presente; F – Faltou; FJ – Falta justificada".
def _col(header: str, legend: str | None, codes: tuple[str, str, str]) -> SheetGrid:
    present, excused, absent = codes
    # No country in the heading: the same sheet is used under MOZ, TCD and SSD file names too.
    rows = [["OIM – Asistencia a espacios de coordinación"], [legend or ""], [],
            ["Fecha", "Reunión", "Nombre", "Entidad", "Cargo", header],
            ["03/11/2026", "EHP", "A. Gómez", "OIM", "Jefe de Misión", present],
            ["10/11/2026", "UNCT", "A. Gómez", "OIM", "Jefe de Misión", absent],
            ["10/11/2026", "UNCT", "C. Torres", "OIM", "Oficial de Programa", present],
            ["17/11/2026", "SMT", "A. Gómez", "OIM", "Jefe de Misión", excused],
            ["17/11/2026", "SMT", "M. Ríos", "UNDSS", "Asesor de Seguridad", present]]  # fmt: skip
    return SheetGrid("Asistencia", rows)


def test_a_legend_of_multi_letter_codes_where_a_means_present():
    legend = "Convenciones: A = Asistió · E = Excusa · NA = No asistió"
    result = _check(_col("Asistencia", legend, ("A", "E", "NA")), name="COL_2026-11.xlsx")
    assert {m.platform: str(m.verdict) for m in result.meetings} == {
        "HCT": "compliant", "UNCT": "wrong_level", "SMT": "absent"}  # fmt: skip


def test_the_portuguese_register_legend_with_dashes():
    legend = "Legenda: P – Presente; F – Faltou; FJ – Falta justificada"
    result = _check(_col("Presença (P/F)", legend, ("P", "FJ", "F")), name="MOZ_2026-11.xlsx")
    assert {m.platform: str(m.verdict) for m in result.meetings} == {
        "HCT": "compliant", "UNCT": "wrong_level", "SMT": "absent"}  # fmt: skip


def test_a_legend_overrides_the_p_a_header_and_without_it_a_is_absent():
    # French: under "P/A" the header's initials make A absent; the sheet's legend says A is
    # "A participé" (present), and the legend is the sheet's own word.
    legend = "Légende : A = A participé ; E = Excusé ; PP = Pas présent"
    result = _check(_col("P/A", legend, ("A", "E", "PP")), name="TCD_2026-11.xlsx")
    assert {m.platform: str(m.verdict) for m in result.meetings} == {
        "HCT": "compliant", "UNCT": "wrong_level", "SMT": "absent"}  # fmt: skip
    result = _check(_col("P/A", None, ("P", "A", "A")), name="TCD_2026-11.xlsx")
    assert {m.platform: str(m.verdict) for m in result.meetings} == {
        "HCT": "compliant", "UNCT": "wrong_level", "SMT": "absent"}  # fmt: skip


def test_without_a_legend_the_codes_stay_unknown():
    result = _check(_col("Asistencia", None, ("A", "E", "NA")), name="COL_2026-11.xlsx")
    assert verdicts(result) == ["undetermined"] * 3
    assert 'the roster says "A"' in result.meetings[0].reason


def test_a_code_the_legend_gives_both_meanings_is_unknown():
    legend = "Key: A = Attended; A = Absent; DNA = Did not attend"
    result = _check(_col("Attendance", legend, ("A", "DNA", "DNA")), name="SSD_2026-11.xlsx")
    assert {m.platform: str(m.verdict) for m in result.meetings} == {
        "HCT": "undetermined", "UNCT": "undetermined", "SMT": "absent"}  # fmt: skip


def test_a_code_the_legend_does_not_explain_names_the_legend_cell():
    legend = "Key: A = Attended; DNA = Did not attend"
    result = _check(_col("Attendance", legend, ("A", "L", "DNA")), name="SSD_2026-11.xlsx")
    smt = _by_platform(result)["SMT"]
    assert str(smt.verdict) == "undetermined"
    assert 'says "L"' in smt.reason and "legend in Asistencia!A2" in smt.reason
    assert legend in smt.reason
    fr = check_workbook(Sheets(Path("SSD_2026-11.xlsx"),
                               [_col("Attendance", legend, ("A", "L", "DNA"))], hidden=[]),
                        CheckOptions(lang="fr"))  # fmt: skip
    assert "la légende en Asistencia!A2" in _by_platform(fr)["SMT"].reason


def test_a_colour_legend_gives_no_code():
    from checker.presence import legend_entries
    from checker.vocabulary import default_vocabulary

    headers = default_vocabulary().headers
    assert legend_entries("Legend: rows in red = did not attend", headers) == {}
    assert legend_entries("Leyenda: na = no asistió", headers) == {}
    assert legend_entries("Légende : a = absent", headers) == {"a": {"absent"}}


@given(code=st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), min_size=1, max_size=3),
       word=st.sampled_from(["Presente", "Asistió", "Présent", "Attended", "Ausente",
                             "No asistió", "Faltou", "Excusé", "Did not attend"]),
       sep=st.sampled_from([" = ", ": ", " – ", " - ", "="]),
       before=st.sampled_from(["", "Legenda: ", "Convenciones: ", "X = Other · "]))  # fmt: skip
def test_a_legend_entry_gives_its_code_the_words_meaning(code, word, sep, before):
    from checker.presence import legend_entries
    from checker.vocabulary import default_vocabulary

    headers = default_vocabulary().headers
    entries = legend_entries(f"{before}{code}{sep}{word}", headers)
    assert entries[code.lower()] == {headers.presence_word(word)}


def test_a_lone_a_in_another_column_means_nothing():
    rows = [["Date", "Meeting", "Name", "Title", "Organisation", "Group"],
            ["05/11/2026", "UNCT", "B. Doumbia", "Chief of Mission", "IOM", "A"],
            ["05/11/2026", "UNCT", "J. Mendes", "Representative", "UNICEF", "B"]]  # fmt: skip
    assert verdicts(_check(SheetGrid("Sheet1", rows))) == ["compliant"]


# ------------------------------------------------------------------ by its contents


def test_an_unnamed_column_of_yes_no_answers_is_the_presence_column():
    rows = [["Fecha", "Reunión", "Nombre", "Cargo", "Organización", "¿Vino a la reunión?"],
            ["04/11/2026", "UNCT", "L. Torres", "Jefa de Misión", "OIM", "No"],
            ["04/11/2026", "UNCT", "M. Díaz", "Representante", "UNICEF", "Sí"],
            ["11/11/2026", "HCT", "L. Torres", "Jefa de Misión", "OIM", "Sí"]]  # fmt: skip
    result = _check(SheetGrid("Hoja1", rows), name="DOM_2026-11.xlsx")
    assert {m.platform: str(m.verdict) for m in result.meetings} == {
        "UNCT": "absent", "HCT": "compliant"}  # fmt: skip
    assert _columns(result)["presence"]["found_by"] == "contents"


def test_a_matrix_of_agencies_ticked_is_no_presence_column():
    rows = [["Date", "Meeting", "Name", "Title", "Organisation", "RCO", "OCHA"],
            ["05/10/2026", "HCT", "A. B.", "Chief of Mission", "IOM", "✓", "✗"],
            ["12/10/2026", "HCT", "A. B.", "Chief of Mission", "IOM", "✗", "✓"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert "presence" not in _columns(result)


# ------------------------------------------------------------------ tick columns


def test_a_tick_under_apologies_is_absent_and_a_row_ticked_nowhere_unknown():
    rows = [["Date", "Meeting", "Name", "Position", "Organisation", "Present", "Apologies"],
            [dt.datetime(2026, 11, 10), "UNCT", "N. Ncube", "Chief of Mission", "IOM", None, "X"],
            [dt.datetime(2026, 11, 10), "UNCT", "M. Banda", "Senior Programme Manager", "IOM",
             "X", None],
            [dt.datetime(2026, 11, 17), "SMT", "N. Ncube", "Chief of Mission", "IOM", None, "X"],
            [dt.datetime(2026, 11, 24), "HCT", "N. Ncube", "Chief of Mission", "IOM", None, None]]  # fmt: skip
    result = _check(SheetGrid("Register", rows), name="ZMB_2026-11.xlsx")
    assert {m.platform: str(m.verdict) for m in result.meetings} == {
        "UNCT": "wrong_level", "SMT": "absent", "HCT": "undetermined"}  # fmt: skip


def test_ticked_both_present_and_excused_is_unknown():
    rows = [["Fecha", "Reunión", "Nombre", "Cargo", "Organización", "Presente", "Excusado"],
            ["04/11/2026", "UNCT", "L. Torres", "Jefa de Misión", "OIM", "X", "X"],
            ["04/11/2026", "UNCT", "M. Díaz", "Representante", "UNICEF", "X", None]]  # fmt: skip
    result = _check(SheetGrid("Hoja1", rows), name="DOM_2026-11.xlsx")
    assert verdicts(result) == ["undetermined"]
    assert 'the roster says "X / Excusado: X"' in result.meetings[0].reason


# ------------------------------------------------------------------ sign-in sheets


def _sign_in(rows: list[list[object]], below: list[list[object]] | None = None) -> SheetGrid:
    head = [["Réunion de l'Équipe humanitaire pays (EHP) – 5 novembre 2026"], [],
            ["N°", "Nom et prénom", "Organisation", "Fonction", "Émargement"]]  # fmt: skip
    return SheetGrid("EHP 5 nov", [*head, *rows, *(below or [])])


_LISTED = [[1, "V. Kakyomya", "BCR", "Coordonnatrice résidente", "X"],
           [2, "J. Ndayishimiye", "OIM", "Chef de mission", None],
           [3, "A. Ba", "OCHA", "Cheffe de bureau", "X"]]  # fmt: skip


def test_a_blank_signature_among_signed_ones_leaves_attendance_unknown():
    result = _check(_sign_in(_LISTED), name="BDI_2026-11.xlsx")
    assert verdicts(result) == ["undetermined"]
    assert result.meetings[0].reason == (
        "the IOM attendee on EHP 5 nov row 5 has not signed the list while others did; it "
        "cannot be told whether they attended (have the signature column filled in, or write "
        "Absent)"
    )


def test_a_signature_column_blank_on_every_row_says_nothing():
    typed = [[*row[:4], None] for row in _LISTED]
    assert verdicts(_check(_sign_in(typed), name="BDI_2026-11.xlsx")) == ["compliant"]


def test_an_apologies_line_naming_iom_leaves_attendance_unknown():
    signed = [[*row[:4], "X"] for row in _LISTED]
    for line in ("Excusés : OIM (Chef de mission), FAO", "Apologies: IOM, FAO",
                 "Justificaram a ausência: OIM", "Excusas: OIM (Jefe de Misión)",
                 "Se excusaron: OIM (Jefa de Misión), FAO"):  # fmt: skip
        result = _check(_sign_in(signed, [[], [line]]), name="BDI_2026-11.xlsx")
        assert verdicts(result) == ["undetermined"], line
        assert line in result.meetings[0].reason
    other = _check(_sign_in(signed, [[], ["Excusés : HCR, FAO"]]), name="BDI_2026-11.xlsx")
    assert verdicts(other) == ["compliant"]


# Signature cells saying that someone else signed or went for the person (round 10's LSO:
# the CoM's printed line "signed" "rep. by T. Mokoena (Programme Assistant)").
_SOMEONE_ELSE_SIGNED = [
    "rep. by T. Mokoena (Programme Assistant)", "Represented by the DCoM", "p/o CoM – J. Roe",
    "o.b.o. the CoM: K. Dube", "p.p. A. Diallo", "Delegated to the RMO", "Sent J. Roe",
    "repr. par M. Sow (Chargé de programme)", "Représentée par A. Ba", "Pour le compte de la CdM",
    "En representación: L. Paz", "Rep. por L. Paz (Asistente)", "En nombre de la Jefa de Misión",
    "Em representação: T. Nxumalo", "Substituído por T. Nxumalo", "Em nome da CM",
]  # fmt: skip


@pytest.mark.parametrize("said", _SOMEONE_ELSE_SIGNED)
def test_a_signature_cell_saying_someone_else_signed_is_not_the_post_holder(said):
    signed = [[*row[:4], "X"] for row in _LISTED]
    signed[1][4] = said
    result = _check(_sign_in(signed), name="LSO_2026-12.xlsx")
    assert verdicts(result) == ["undetermined"], said
    assert said in (result.meetings[0].reason or "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_SOMEONE_ELSE_SIGNED), st.text(max_size=12), st.text(max_size=12),
       st.booleans())  # fmt: skip
def test_a_signature_or_remark_saying_someone_else_went_never_gives_compliant(
    phrase, before, after, remark
):
    """Whatever is written around it, in a Signature cell or a remarks column beside a
    presence column saying present: the CoM's row is never counted as the CoM attending."""
    cell = f"{before} {phrase} {after}"
    if remark:
        rows = [["Date", "Meeting", "Name", "Organisation", "Title", "Present", "Remarks"],
                [dt.date(2026, 12, 17), "SMT", "M. Letsie", "IOM", "Chief of Mission", "Yes",
                 cell]]  # fmt: skip
        sheet = SheetGrid("Register", rows)
    else:
        signed = [[*row[:4], "X"] for row in _LISTED]
        signed[1][4] = cell
        sheet = _sign_in(signed)
    assert "compliant" not in verdicts(_check(sheet, name="LSO_2026-12.xlsx"))


# ------------------------------------------------------------------ absence with a reason


def _register(chief: object, deputy: object = None) -> SheetGrid:
    rows = [["Date", "Meeting", "Name", "Organisation", "Title", "Attended"],
            [dt.date(2026, 11, 10), "SMT", "J. Ndlovu", "UNDSS", "Security Adviser", "Yes"],
            [dt.date(2026, 11, 10), "SMT", "N. Dlamini", "IOM", "Chief of Mission", chief]]  # fmt: skip
    if deputy is not None:
        rows.append([dt.date(2026, 11, 10), "SMT", "T. Nxumalo", "IOM", "Programme Officer",
                     deputy])  # fmt: skip
    return SheetGrid("Register", rows)


@pytest.mark.parametrize("said", [
    "No – sent apologies", "Absent: on leave", "No (travelling)", "Absent – no replacement",
    "Non – en mission à Genève", "Absent (congé)", "Excusé – pas de remplaçant",
    "No – envió excusas", "Ausente (de vacaciones)", "No asistió – sin reemplazo",
    "Ausente (CM em Genebra)", "Não – em missão", "Ausente – sem substituto",
])  # fmt: skip
def test_a_word_of_absence_with_a_reason_naming_nobody_else_is_absent(said):
    """Round 10's BLZ "No – envió excusas" and SWZ "Ausente (CM em Genebra)": the reason after
    the word of absence says why, not who went."""
    assert verdicts(_check(_register(said), name="SWZ_2026-11.xlsx")) == ["absent"], said
    beside = _check(_register(said, deputy="Yes"), name="SWZ_2026-11.xlsx")
    assert verdicts(beside) == ["wrong_level"], said


@pytest.mark.parametrize("said", [
    "No – DCoM attended", "No (DCoM)", "Absent – T. Nxumalo", "No – sent the RMO",
    "Absent, joined online for item 3", "Non – représentée par l'adjoint",
    "Absente – remplacée par A. Ba", "No – envió a la adjunta", "Ausente – en su lugar la RMO",
    "Não – ligou-se por Teams", "Ausente – representada pelo Chefe do Escritório",
    "No – left early", "Sí – pero se retiró temprano", "Yes – sent apologies",
    # field12: someone came in the person's name ("au nom de", "por conta de").
    "Non – au nom de la cheffe de mission", "Não – por conta da Chefe de Missão",
])  # fmt: skip
def test_a_reason_that_someone_went_or_came_leaves_attendance_unknown(said):
    assert verdicts(_check(_register(said), name="SWZ_2026-11.xlsx")) == ["undetermined"], said


_ABSENCE_WORDS = ["No", "Absent", "Non", "Excusé", "Ausente", "Excusada", "Não"]
_WENT = ["DCoM attended", "sent the deputy", "represented by J. Roe", "remplacée par A. Ba",
         "asistió la adjunta", "o Chefe do Escritório foi", "joined online", "se conectó",
         "left early", "se retiró temprano", "rep. by T. Mokoena", "en su lugar la RMO"]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([*_ABSENCE_WORDS, "Yes", "Sí", "Oui", "Sim"]),
       st.sampled_from([" – ", " - ", " (", ": ", ", "]), st.text(max_size=10),
       st.sampled_from(_WENT))  # fmt: skip
def test_an_attendance_cell_saying_someone_else_went_never_gives_compliant(word, sep, pad, went):
    """A presence cell whose words after the first say someone went, came, joined or left is
    never the Chief of Mission present, whatever stands around them."""
    cell = f"{word}{sep}{pad} {went}"
    assert "compliant" not in verdicts(_check(_register(cell), name="SWZ_2026-11.xlsx"))


# ------------------------------------------------------------------ two-row headers


def test_a_header_merged_down_over_two_rows_is_read():
    rows = [["OIM RDC – Présences"], [],
            ["Réunion", None, None, "Participant", None, None, "Présent(e)"],
            ["Date", "Plateforme", "Lieu", "Nom", "Fonction", "Organisation", None],
            ["04/11/2026", "EHP", "Kinshasa", "F. Sambussy", "Chef de mission", "OIM", "Non"],
            ["04/11/2026", "EHP", "Kinshasa", "P. Mbuyi", "Chef de bureau, Goma", "OIM", "Oui"],
            ["04/11/2026", "EHP", "Kinshasa", "G. Leaity", "Représentant", "UNICEF", "Oui"]]  # fmt: skip
    merged = [(2, 0, 2, 2), (2, 3, 2, 5), (2, 6, 3, 6)]
    result = _check(SheetGrid("Présences", rows, merged), name="COD_2026-11.xlsx")
    assert verdicts(result) == ["wrong_level"]
    assert _columns(result)["presence"] == {
        "column": "G", "header": "Présent(e)", "found_by": "header"}  # fmt: skip


def test_group_words_over_sub_headers_take_the_lower_row():
    rows = [["UN ZAMBIA – ATTENDANCE REGISTER"], [],
            ["Date", "Meeting", "Participant", None, None, "Attendance", None],
            [None, None, "Name", "Position", "Organisation", "Present", "Apologies"],
            [dt.datetime(2026, 11, 3), "HCT", "N. Ncube", "Chief of Mission", "IOM", "X", None],
            [dt.datetime(2026, 11, 3), "HCT", "C. Lin", "Country Director", "WFP", "X", None],
            [dt.datetime(2026, 11, 17), "SMT", "N. Ncube", "Chief of Mission", "IOM", None, "X"],
            [None, None, None, None, "TOTAL", 2, 1]]  # fmt: skip
    merged = [(2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 2, 4), (2, 5, 2, 6)]
    result = _check(SheetGrid("Attendance", rows, merged), name="ZMB_2026-11.xlsx")
    assert {m.platform: str(m.verdict) for m in result.meetings} == {
        "HCT": "compliant", "SMT": "absent"}  # fmt: skip
    table = result.to_dict()["reading"]["tables"][0]
    assert table["header_row"] == 4
    assert table["columns"]["date"]["header"] == "Date"
    assert table["columns"]["organization"]["column"] == "E"
    assert not [f for f in result.findings if f.code == "S202"]  # neither row 4 nor TOTAL


# ------------------------------------------------------------------ a chair line


def _smt(chair: str, rows: list[list[object]] | None = None) -> SheetGrid:
    head = [["Réunion de l'Équipe de gestion de la sécurité (SMT) – 12 novembre 2026"],
            [chair], [],
            ["N°", "Nom et prénom", "Organisation", "Fonction", "Émargement"],
            [1, "E. Nkurunziza", "UNDSS", "Conseiller sécurité", "X"],
            [2, "F. Begin", "UNICEF", "Représentante", "X"]]  # fmt: skip
    return SheetGrid("SMT 12 nov", [*head, *(rows or [])])


def test_a_chair_line_naming_iom_s_chief_of_mission_is_attendance():
    for line in ("Présidence : M. J. Ndayishimiye, Chef de mission de l'OIM, Responsable "
                 "désigné a.i.", "Chaired by: J. Doe, Chief of Mission, IOM",
                 "Presidida por: A. Ruiz, Jefa de Misión de la OIM"):  # fmt: skip
        result = _check(_smt(line), name="BDI_2026-11.xlsx")
        assert verdicts(result) == ["compliant"], line
        (attendee,) = result.meetings[0].iom_attendees
        assert attendee.row == 2
    other = _check(_smt("Présidence : M. E. Nkurunziza, Conseiller sécurité, UNDSS"),
                   name="BDI_2026-11.xlsx")  # fmt: skip
    assert verdicts(other) == ["absent"]


def test_a_chair_on_the_list_is_judged_by_the_list():
    unsigned = [[3, "J. Ndayishimiye", "OIM", "Chef de mission", None]]
    line = "Présidence : M. J. Ndayishimiye, Chef de mission de l'OIM"
    assert verdicts(_check(_smt(line, unsigned), name="BDI_2026-11.xlsx")) == ["undetermined"]


def test_a_co_chair_or_note_taker_line_naming_iom_staff_is_that_person_attending():
    # KNA, round 15: "Co-chair: D. Hanley, Protection Officer, IOM" above a list without IOM.
    for line in ("Co-chair: J. Doe, Chief of Mission, IOM",
                 "Co-présidence : M. J. Ndayishimiye, Chef de mission de l'OIM",
                 "Copresidente: A. Ruiz, Jefa de Misión, OIM",
                 "Co-presidência: R. Lima, Chefe de Missão da OIM",
                 "Co-chairs: E. Nkurunziza, Security Adviser, UNDSS; J. Doe, Chief of Mission, "
                 "IOM"):  # fmt: skip
        result = _check(_smt(line), name="BDI_2026-11.xlsx")
        assert verdicts(result) == ["compliant"], line
        (attendee,) = result.meetings[0].iom_attendees
        assert attendee.row == 2 and attendee.name in (
            "J. Doe",
            "M. J. Ndayishimiye",
            "A. Ruiz",
            "R. Lima",
        ), line
    # Judged on the title the line gives: an intern taking notes is below the SMT's level.
    for line in (
        "Rapporteur: K. Sine, Intern, IOM",
        "Rapporteuse : K. Sine, Stagiaire, OIM",
        "Relatora: K. Sine, Pasante, OIM",
        "Relatora: K. Sine, Estagiária, OIM",
    ):
        assert verdicts(_check(_smt(line), name="BDI_2026-11.xlsx")) == ["wrong_level"], line


def test_a_chair_line_naming_iom_but_no_person_leaves_the_meeting_undetermined():
    # PNG, round 8: "Chair: IOM (cluster lead agency)" above a list without IOM rows.
    for line in ("Chair: IOM (cluster lead agency)", "Présidence : OIM",
                 "Copresidencia: OIM (agencia líder)", "Co-presidência: a OIM",
                 "Rapporteur: IOM intern", "Co-chairs: UNDSS and IOM"):  # fmt: skip
        result = _check(_smt(line), name="BDI_2026-11.xlsx")
        assert verdicts(result) == ["undetermined"], line
        assert line.split(":")[1].strip() in result.meetings[0].reason, line
    # With IOM rows on the list the chair may be one of them: the list is judged.
    deputy = [[3, "P. Roe", "OIM", "Chef de mission adjoint", "X"]]
    assert verdicts(_check(_smt("Présidence : OIM", deputy), name="BDI_2026-11.xlsx")) == [
        "wrong_level"]  # fmt: skip
    # A line that names IOM for anything else is no chair.
    for line in ("Chair: Resident Coordinator – IOM to present the DTM findings",
                 "Présidence : Coordonnateur résident (OIM excusée)"):  # fmt: skip
        assert verdicts(_check(_smt(line), name="BDI_2026-11.xlsx")) == ["absent"], line


# ------------------------------------------------------------------ never compliant on a "No"

_ABSENT = ["No", "Non", "Não", "N", "✗", "❌", "Absent", "Ausente", "Excusé", "0"]
_PRESENT = ["Yes", "Oui", "Sí", "Sim", "✓", "X", "Present", "Presente", "1"]
_UNKNOWN_HEADERS = ["", "Q7", "¿Vino?", "Came?", "Est venu(e)", "Veio?", "Col F", "P/A",
                    "Status (see legend)", "Attendance", "Asistió"]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.sampled_from(_UNKNOWN_HEADERS), said=st.sampled_from(_ABSENT),
       others=st.lists(st.sampled_from(_PRESENT), min_size=2, max_size=5))  # fmt: skip
def test_a_chief_of_mission_said_absent_in_any_presence_like_column_is_never_compliant(
    header, said, others
):
    """Whatever the column is headed, if anything, a row marked absent in a column of
    presence marks never makes the meeting compliant."""
    rows = [["Date", "Meeting", "Name", "Title", "Organisation", header],
            ["05/11/2026", "UNCT", "B. Doumbia", "Chief of Mission", "IOM", said]]  # fmt: skip
    rows += [["05/11/2026", "UNCT", f"P{i}", "Representative", "UNICEF", mark]
             for i, mark in enumerate(others)]  # fmt: skip
    assert verdicts(_check(SheetGrid("Sheet1", rows))) != ["compliant"]


# A form's answer to a question the header matcher does not know ("Did you attend in person or
# online?"): a sentence saying the person could not come is absence, whatever its wording.
_COULD_NOT = ["I could not attend", "Could not attend, sent the DCoM", "I was unable to attend",
              "Couldn't attend", "No pude asistir", "No pudo asistir (viaje)",
              "Je n'ai pas pu participer", "N'a pas pu assister", "Não pude participar",
              "Não pôde comparecer", "Didn't attend"]  # fmt: skip


@pytest.mark.parametrize("answer", _COULD_NOT)
def test_a_form_answer_saying_the_person_could_not_come_is_never_attendance(answer):
    rows = [["Timestamp", "Name", "Which meeting did you attend?", "Date of the meeting",
             "Your job title", "Email", "Did you attend in person or online?"],
            ["4/11/2026 9:02", "J. Doe", "HCT", "04/11/2026", "Chief of Mission", "jdoe@iom.int",
             answer],
            ["9/11/2026 9:02", "B. Ray", "OMT", "09/11/2026", "Resource Management Officer",
             "bray@iom.int", "Online"]]  # fmt: skip
    result = _check(SheetGrid("Form1", rows), name="KEN_2026-11.xlsx")
    assert _by_platform(result)["HCT"].verdict in ("absent", "undetermined")
    assert _by_platform(result)["OMT"].verdict == "compliant"


# ------------------------------------------------------------------ tables one under another

# Per language: a header, the first table's title and rows (IOM's Chief of Mission at the
# HCT), the second table's title and rows (IOM's Chief of Mission at the UNCT), and an
# apologies line naming IOM.
_STACKED = {
    "en": (["Date", "Meeting", "Name", "Organisation", "Title"],
           "A. Humanitarian Country Team", "B. UN Country Team",
           ["Chief of Mission", "Head of Office"], "Apologies: IOM (Chief of Mission), UNFPA"),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction"],
           "A. Équipe humanitaire pays", "B. Équipe pays des Nations Unies",
           ["Chef de mission", "Chef de bureau"], "Excusés : OIM (Chef de mission), FNUAP"),
    "es": (["Fecha", "Reunión", "Nombre", "Organización", "Cargo"],
           "A. Equipo Humanitario de País", "B. Equipo de País de la ONU",
           ["Jefe de Misión", "Jefe de Oficina"], "Se excusaron: OIM (Jefe de Misión), UNFPA"),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Cargo"],
           "A. Equipa Humanitária do País", "B. Equipa das Nações Unidas no País",
           ["Chefe de Missão", "Chefe de Escritório"],
           "Ausências justificadas: OIM (Chefe de Missão), FNUAP"),
}  # fmt: skip


def _stacked(lang: str, gap: list[list[object]]) -> SheetGrid:
    """Two tables one under another (HCT on 5 Nov, UNCT on 12 Nov), `gap` between the
    first's rows and the second's header; IOM's Chief of Mission at both."""
    head, _, _, (com, hoo), _ = _STACKED[lang]
    first = [["05/11/2026", "HCT", "J. Ward", "OIM" if lang != "en" else "IOM", com],
             ["05/11/2026", "HCT", "A. Farah", "OCHA", hoo]]  # fmt: skip
    second = [["12/11/2026", "UNCT", "J. Ward", "OIM" if lang != "en" else "IOM", com],
              ["12/11/2026", "UNCT", "G. Otieno", "PNUD", hoo]]  # fmt: skip
    return SheetGrid("Nov 2026", [[_STACKED[lang][1]], head, *first, *gap, head, *second])


def _gap(lang: str, *shape: str) -> list[list[object]]:
    """The rows between the tables: "line" (the apologies line), "title" (the second table's
    title), "blank"."""
    _, _, title, _, line = _STACKED[lang]
    return [{"line": [line], "title": [title], "blank": []}[part] for part in shape]


def test_an_apologies_line_under_a_table_is_that_table_s_not_the_next_one_s():
    for lang, (_, _, _, _, line) in _STACKED.items():
        # The SOM roster: the line right under the HCT's rows, a blank row, the UNCT's title.
        for shape in (("line", "blank", "title"), ("line", "title")):
            result = _check(_stacked(lang, _gap(lang, *shape)), name="SOM_2026-11.xlsx")
            hct, unct = result.meetings
            assert (str(hct.verdict), str(unct.verdict)) == ("undetermined", "compliant"), shape
            assert f'"{line}" (cell A5)' in hct.reason, lang


def test_an_apologies_line_under_the_next_title_is_the_next_table_s():
    for lang, (_, _, _, _, line) in _STACKED.items():
        result = _check(_stacked(lang, _gap(lang, "blank", "title", "line")),
                        name="SOM_2026-11.xlsx")  # fmt: skip
        hct, unct = result.meetings
        assert (str(hct.verdict), str(unct.verdict)) == ("compliant", "undetermined"), lang
        assert f'"{line}" (cell A7)' in unct.reason, lang


def test_an_apologies_line_as_near_to_both_tables_is_taken_for_both_and_said_so():
    for lang, (_, _, _, _, line) in _STACKED.items():
        for shape in (("line",), ("blank", "line", "blank"), ("title", "line", "blank")):
            result = _check(_stacked(lang, _gap(lang, *shape)), name="SOM_2026-11.xlsx")
            assert verdicts(result) == ["undetermined", "undetermined"], (lang, shape)
            cell = f"A{5 + shape.index('line')}"
            for meeting in result.meetings:
                assert f'the line "{line}" in cell {cell} names IOM and stands between' in (
                    meeting.reason
                ), (lang, shape)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    above=st.lists(st.sampled_from(["blank", "title"]), max_size=3),
    below=st.lists(st.sampled_from(["blank", "title"]), max_size=3),
    lang=st.sampled_from(sorted(_STACKED)),
)
def test_an_apologies_line_between_tables_is_never_dropped(above, below, lang):
    """Wherever the line stands between the two tables, the meeting it is nearer to (both,
    when as near) is never judged compliant on the Chief of Mission the line names."""
    result = _check(_stacked(lang, _gap(lang, *above, "line", *below)), name="SOM_2026-11.xlsx")
    hct, unct = (str(m.verdict) for m in result.meetings)
    up, down = len(above), len(below)
    assert (hct == "undetermined") == (up <= down)
    assert (unct == "undetermined") == (down <= up)


# ------------------------------------------------------------------ a "Signed" column of ✓ / ✗

# Per language: the header, the Chief of Mission and a Head of Sub-Office (below the level the
# SMT requires), IOM written so, the file name (field9 THA: the CoM ✗, the head of office ✓).
_SIGNED = {
    "en": (["Date", "Meeting", "Participant", "Agency", "Position"], "Chief of Mission",
           "Head of Sub-Office", "IOM", "THA_2026-11.xlsx"),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "Chef de mission",
           "Chef de sous-bureau", "OIM", "TCD_2026-11.xlsx"),
    "es": (["Fecha", "Reunión", "Nombre", "Organización", "Cargo"], "Jefe de Misión",
           "Jefe de Suboficina", "OIM", "PER_2026-11.xlsx"),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Cargo"], "Chefe de Missão",
           "Chefe do Sub-Escritório", "OIM", "MOZ_2026-11.xlsx"),
}  # fmt: skip
_SIGNED_HEADERS = {"en": ["Signed", "Signed (Y/N)"], "fr": ["Signé"], "es": ["Firmado"],
                   "pt": ["Assinado"]}  # fmt: skip


def _smt_signed(lang: str, header: str, com: str, hoo: str, other: str = "✓") -> SheetGrid:
    head, com_title, hoo_title, iom, _ = _SIGNED[lang]
    rows = [[*head, header],
            ["10/11/2026", "SMT", "C. Boonma", "UNDSS", "Security Adviser", other],
            ["10/11/2026", "SMT", "G. Somchai", iom, com_title, com],
            ["10/11/2026", "SMT", "W. Chaiyo", iom, hoo_title, hoo]]  # fmt: skip
    return SheetGrid("Nov 2026", rows)


def test_a_signed_column_of_ticks_and_crosses_says_who_came():
    """field9 THA: the CoM ✗ under "Signed" did not sign (absent); the head of sub-office ✓
    did: the SMT is wrong level, not compliant on the CoM's row."""
    for lang, headers in _SIGNED_HEADERS.items():
        name = _SIGNED[lang][4]
        for header in headers:
            result = _check(_smt_signed(lang, header, "✗", "✓"), name=name)
            assert verdicts(result) == ["wrong_level"], (lang, header)
            assert _columns(result)["presence"]["header"] == header
            # Y/N, Oui/Non… in the column say the same.
            no, yes = {"en": ("N", "Y"), "fr": ("Non", "Oui"), "es": ("No", "Sí"),
                       "pt": ("Não", "Sim")}[lang]  # fmt: skip
            assert verdicts(_check(_smt_signed(lang, header, no, yes, yes), name=name)) == [
                "wrong_level"], (lang, header)  # fmt: skip


def test_a_signature_column_of_signatures_and_x_is_still_read_as_signatures():
    # No cross among them: a signature's "X" is a signature, and a blank one is unknown.
    result = _check(_smt_signed("en", "Signature", None, "X", "X"), name="THA_2026-11.xlsx")
    assert "presence" not in _columns(result)
    assert verdicts(result) == ["undetermined"]
    assert "has not signed the list" in result.meetings[0].reason


def test_a_cross_in_a_column_no_field_reads_beside_the_presence_column_is_doubt():
    for lang, (head, com, _, iom, name) in _SIGNED.items():
        yes = {"en": "Yes", "fr": "Oui", "es": "Sí", "pt": "Sim"}[lang]
        rows = [[*head, "Present", "Q7"],
                ["10/11/2026", "SMT", "C. Boonma", "UNDSS", "Security Adviser", yes, "✓"],
                ["10/11/2026", "SMT", "G. Somchai", iom, com, yes, "✗"]]  # fmt: skip
        result = _check(SheetGrid("Nov 2026", rows), name=name)
        assert verdicts(result) == ["undetermined"], lang
        assert f'"{yes} – Q7: ✗"' in result.meetings[0].reason, lang


def test_a_cross_in_one_of_two_columns_of_marks_is_never_attendance():
    """Two columns of ✓ / ✗ make neither the presence column; a cross in either on IOM's row
    leaves its attendance unknown."""
    for lang, (head, com, _, iom, name) in _SIGNED.items():
        for crossed in (0, 1):
            marks = ["✓", "✓"]
            marks[crossed] = "✗"
            rows = [[*head, "Q7", "Q8"],
                    ["10/11/2026", "SMT", "C. Boonma", "UNDSS", "Security Adviser", "✓", "✓"],
                    ["10/11/2026", "SMT", "G. Somchai", iom, com, *marks]]  # fmt: skip
            result = _check(SheetGrid("Nov 2026", rows), name=name)
            assert verdicts(result) == ["undetermined"], (lang, crossed)
            header = ["Q7", "Q8"][crossed]
            assert f'"{header}: ✗"' in result.meetings[0].reason, (lang, crossed)


# Headers that say the marks are about attendance or signing, or say nothing of what they are
# about; and headers the checker does not know that name something else (a question of its
# own: "Minutes", "¿Acta compartida?", field6 GTM), read as the attendance column only when
# theirs is the table's one column of marks.
_MARK_HEADERS = ["Signed", "Signé", "Firmado", "Assinado", "Signed (Y/N)", "Signature",
                 "Émargement", "Firma", "Assinatura", "", "Q7", "Col F", "Check",
                 "Stayed to the end?", "Came?", "¿Vino?", "Est venu(e)", "Veio?"]  # fmt: skip
_SUBJECT_HEADERS = ["Minutes", "¿Requiere seguimiento?", "¿Acta compartida?", "Acta enviada?"]
_HEADERS = Headers.read(schemas_dir() / "columns.yaml")


def _unknown(header: str) -> bool:
    """A header the matcher reads as no field and no kind of column."""
    return _HEADERS.read_header(header) == (None, "")


_CROSSES = ["✗", "✘", "❌", "No", "N", "Non", "Não", "Nao"]
_TICKS = ["✓", "✔", "Yes", "Y", "Oui", "Sí", "Sim"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.sampled_from(_MARK_HEADERS), subject=st.one_of(
           st.sampled_from(_SUBJECT_HEADERS),
           st.from_regex(r"[A-Z][a-z]{3,9}( [a-z]{3,9})?", fullmatch=True).filter(_unknown)),
       crossed=st.sampled_from(_CROSSES), others=st.lists(st.sampled_from(_TICKS + _CROSSES),
                                                          min_size=1, max_size=4),
       presence=st.sampled_from([None, "Present", "Presente"]),
       second=st.booleans(), alone=st.booleans())  # fmt: skip
def test_a_cross_on_iom_s_only_qualifying_row_in_any_column_is_never_compliant(
    header, subject, crossed, others, presence, second, alone
):
    """A cross or a No on the Chief of Mission's row, IOM's only row that could make the
    UNCT compliant, never does, in a column of marks headed by words of attendance or
    signing or by nothing telling (with or without a presence column saying present, with
    or without a second column of marks beside it), or headed by anything at all when it is
    the table's one column of marks."""
    if alone:
        header, presence, second = subject, None, False
    head = ["Date", "Meeting", "Name", "Title", "Organisation"]
    extra = ([presence] if presence else []) + [header] + (["Checked"] if second else [])

    def row(name: str, title: str, org: str, mark: str) -> list[object]:
        said = (["Yes"] if presence else []) + [mark] + (["✓"] if second else [])
        return ["05/11/2026", "UNCT", name, title, org, *said]

    rows = [[*head, *extra], row("B. Doumbia", "Chief of Mission", "IOM", crossed)]
    rows += [row(f"P. {chr(65 + i)}", "Representative", "UNICEF", m) for i, m in enumerate(others)]
    assert verdicts(_check(SheetGrid("Sheet1", rows))) != ["compliant"], rows[:2]


def test_a_column_of_yes_no_about_something_else_beside_the_presence_column_is_not_read():
    """field6 MOZ: "Acta enviada?" Não beside "Presença" is about the minutes, not attendance."""
    rows = [["Data", "Reunião", "Nome", "Organização", "Cargo", "Presença", "Acta enviada?"],
            ["18/11/2026", "SMT", "R. Machava", "OIM", "Chefe de Missão", "Presente", "Não"],
            ["18/11/2026", "SMT", "J. Muianga", "UNDSS", "Conselheiro de Segurança", "Presente", "Sim"]]  # fmt: skip
    assert verdicts(_check(SheetGrid("Presenças", rows), name="MOZ_2026-11.xlsx")) == [
        "compliant"]  # fmt: skip


# ------------------------------------------------------------------ a cluster table under another

# Per language: table A's header (with its Signed column), table B's header whose "Cluster"
# column holds the sector alone (no meeting column), the protection sector's name and IOM's
# protection officer (field9 THA).
_CLUSTERS = {
    "en": (["Date", "Meeting", "Participant", "Agency", "Position", "Signed"],
           ["Date", "Cluster", "Participant", "Agency", "Position"], "Protection",
           "Protection Officer", "Chief of Mission", "B. Clusters / sectors (national)"),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction", "Signé"],
           ["Date", "Cluster", "Nom", "Organisation", "Fonction"], "Protection",
           "Chargé de protection", "Chef de mission", "B. Clusters / secteurs (national)"),
    "es": (["Fecha", "Reunión", "Nombre", "Organización", "Cargo", "Firmado"],
           ["Fecha", "Clúster", "Nombre", "Organización", "Cargo"], "Protección",
           "Oficial de Protección", "Jefe de Misión", "B. Clústeres / sectores (nacional)"),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Cargo", "Assinado"],
           ["Data", "Cluster", "Nome", "Organização", "Cargo"], "Proteção",
           "Oficial de Proteção", "Chefe de Missão", "B. Clusters / sectores (nacional)"),
}  # fmt: skip


def _two_tables(lang: str) -> SheetGrid:
    head_a, head_b, sector, officer, com, title = _CLUSTERS[lang]
    iom = "IOM" if lang == "en" else "OIM"
    rows = [["A. UNCT"], head_a,
            ["03/11/2026", "UNCT", "E. Larsen", "RCO", "Resident Coordinator", "✓"],
            ["03/11/2026", "UNCT", "G. Somchai", iom, com, "✓"],
            [], [], [title], head_b,
            ["17/11/2026", sector, "S. Jensen", "UNHCR", officer],
            ["17/11/2026", sector, "K. Thongdee", iom, officer]]  # fmt: skip
    return SheetGrid("Nov 2026", rows)


def test_a_cluster_table_whose_cluster_column_holds_the_sector_is_a_table_of_its_own():
    """field9 THA: table B's header "Date | Cluster | …" (no meeting column) starts a second
    table: its rows are not read as table A's (no meeting "Cluster Date", no S201, no
    "has not signed" for a table without a Signed column)."""
    for lang in _CLUSTERS:
        result = _check(_two_tables(lang), name="THA_2026-11.xlsx")
        assert [(m.platform, m.sector, str(m.verdict)) for m in result.meetings] == [
            ("UNCT", None, "compliant"), ("CLUSTER", "PRO", "compliant")], lang  # fmt: skip
        assert not [f.code for f in result.findings if f.code.startswith("S")], lang
        assert _columns(result, 1)["platform"]["header"] == _CLUSTERS[lang][1][1]
