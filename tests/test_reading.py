"""How a file was read: every sheet accounted for, each table's layout and column mapping,
and the evidence for whose people a table lists — in the result, never a silent guess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import codes, verdicts
from tests.profile_helpers import run


def _check(*sheets: SheetGrid, hidden: list[str] | None = None, name: str = "NER_2026-10.xlsx"):
    return check_workbook(Sheets(Path(name), list(sheets), hidden=hidden or []),
                          CheckOptions())  # fmt: skip


def _reading(result):
    return result.to_dict()["reading"]


LOG = [["Date", "Platform", "Name", "Title"], ["05/10/2026", "HCT", "A. B.", "Chief of Mission"],
       ["06/10/2026", "OMT", "C. D.", "Representative"]]  # fmt: skip


def test_a_list_without_organisations_and_without_evidence_judges_nobody():
    result = _check(SheetGrid("Sheet1", LOG))
    assert verdicts(result) == ["undetermined", "undetermined"]
    assert codes(result, "S213") == [("S213", "Sheet1!C1")]
    assert result.status == "non_compliant"  # never "compliant" on meetings nobody judged
    table = _reading(result)["tables"][0]
    assert table["affiliation"]["reading"] == "unknown"


def test_a_log_is_iom_s_on_evidence_and_says_which():
    named = [["IOM Niger – representation log"], *LOG]
    result = _check(SheetGrid("Sheet1", named))
    assert verdicts(result) == ["compliant", "undetermined"]  # "Representative": not IOM's
    evidence = _reading(result)["tables"][0]["affiliation"]["evidence"]
    assert evidence == [{"kind": "title", "detail": "IOM Niger – representation log"}]


def test_titles_are_no_evidence_of_an_iom_log():
    """An HCT's sign-in sheet without an organisation column, where every title is one IOM
    uses too (found by test_no_false_compliant): WFP's Country Director and OCHA's Head of
    Office must not make IOM's log, nor the HCT compliant."""
    rows = [["Date", "Platform", "Name", "Title"],
            ["05/10/2026", "HCT", "A. B.", "Country Director"],
            ["05/10/2026", "HCT", "C. D.", "Head of Office"],
            ["06/10/2026", "OMT", "E. F.", "Resource Management Officer"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert verdicts(result) == ["undetermined", "undetermined"]
    assert _reading(result)["tables"][0]["affiliation"] == {
        "reading": "unknown", "evidence": [], "against": []}  # fmt: skip


def test_other_agencies_e_mails_split_the_evidence():
    rows = [["Date", "Platform", "IOM representative", "Title", "Email"],
            ["05/10/2026", "HCT", "A. B.", "Chief of Mission", "ab@unicef.org"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert verdicts(result) == ["undetermined"]
    assert _reading(result)["tables"][0]["affiliation"]["reading"] == "split"
    assert "unicef.org" in next(f.message for f in result.findings if f.code == "S213")


def test_a_column_of_organisations_is_the_organisation_column_whatever_its_header():
    rows = [["Date", "Platform", "Name", "Who / from where", "Title"],
            ["05/10/2026", "HCT", "A. B.", "UNICEF", "Representative"],
            ["05/10/2026", "HCT", "C. D.", "WFP", "Country Director"],
            ["05/10/2026", "HCT", "E. F.", "OCHA", "Head of Office"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert verdicts(result) == ["absent"]  # WFP's Country Director is not IOM's CoM
    column = _reading(result)["tables"][0]["columns"]["organization"]
    assert column == {"column": "D", "header": "Who / from where", "found_by": "contents"}


# COL (field6): the platform column headed "Espacio" was not read (S201, nothing judged).
# A column whose header names no field but whose values are platforms is the platform column.
@pytest.mark.parametrize(
    ("header", "labels", "title", "org", "name"),
    [("Ámbito", ["EHP", "Equipo de País de la ONU (UNCT)", "Clúster de Protección"],
      "Jefe de Misión", "OIM", "COL_2026-11.xlsx"),
     ("Cadre", ["Réunion mensuelle de l'EHP", "UNCT", "SMT"], "Chef de mission", "OIM",
      "TCD_2026-11.xlsx"),
     ("Group", ["Monthly HCT meeting", "UNCT", "SMT"], "Chief of Mission", "IOM",
      "SSD_2026-11.xlsx"),
     ("Órgão", ["Equipa Humanitária do País", "UNCT", "SMT"], "Chefe de Missão", "OIM",
      "MOZ_2026-11.xlsx")],
)  # fmt: skip
def test_a_column_of_platform_names_is_the_platform_column_by_its_contents(
    header, labels, title, org, name
):
    rows = [["Date", header, "Name", "Organisation", "Title"],
            *[[f"0{3 + i}/11/2026", label, "A. B.", org, title] for i, label in enumerate(labels)],
            ["03/11/2026", labels[0], "C. D.", "UNICEF", "Representative"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows), name=name)
    column = _reading(result)["tables"][0]["columns"]["platform"]
    assert column == {"column": "B", "header": header, "found_by": "contents"}
    assert len(result.meetings) == 3 and "S201" not in {f.code for f in result.findings}


def _platform_like_rows(second: list[str]) -> list[list[str]]:
    return [["Fecha", "Ámbito", "Nombre", "Entidad", "Cargo", "Notas internas"],
            ["03/11/2026", "EHP", "A. Gómez", "OIM", "Jefe de Misión", second[0]],
            ["10/11/2026", "Coordinador del Clúster", "L. Herrera", "ACNUR", "Representante",
             second[1]],
            ["12/11/2026", "Clúster de Protección", "V. Cruz", "OIM", "Oficial de Protección",
             second[2]]]  # fmt: skip


def test_a_column_of_some_platform_names_is_not_taken_but_s201_names_it():
    result = _check(SheetGrid("Hoja1", _platform_like_rows(["a", "b", "c"])),
                    name="COL_2026-11.xlsx")  # fmt: skip
    assert "platform" not in _reading(result)["tables"][0]["columns"]
    message = next(f.message for f in result.findings if f.code == "S201")
    assert 'column B ("Ámbito")' in message and '--column platform="Ámbito"' in message


def test_two_columns_of_platform_names_make_neither_the_platform_column():
    rows = [row[:] for row in _platform_like_rows(["EHP", "SMT", "UNCT"])]
    rows[2][1] = "SMT"
    result = _check(SheetGrid("Hoja1", rows), name="COL_2026-11.xlsx")
    assert "platform" not in _reading(result)["tables"][0]["columns"]
    assert "S201" in {f.code for f in result.findings}


def test_a_hidden_column_of_platform_names_is_not_taken_silently():
    from checker.formatting import Hidden

    rows = [row[:] for row in _platform_like_rows(["a", "b", "c"])]
    rows[2][1] = "SMT"
    sheet = SheetGrid("Hoja1", rows, hidden=Hidden(columns=frozenset({1})))
    result = _check(sheet, name="COL_2026-11.xlsx")
    assert "platform" not in _reading(result)["tables"][0]["columns"]
    assert '--column platform="Ámbito"' in next(
        f.message for f in result.findings if f.code == "S201")  # fmt: skip


def test_remarks_that_start_with_an_organisation_are_not_the_organisation_column():
    """Round 3's NPL: a Remarks column of "IOM: CCCM cluster coordinator (S. Gurung)" was
    taken for the organisation column, and every row became IOM's or nobody's. A cell is an
    organisation when it names one, with at most a place after it — not when a remark starts
    with one."""
    rows = [["Date", "Platform", "Name", "Title", "Remarks"],
            ["05/10/2026", "HCT", "A. B.", "Representative", "IOM: CCCM cluster coordinator"],
            ["05/10/2026", "HCT", "C. D.", "Country Director", "IOM represented by the PO"],
            ["05/10/2026", "HCT", "E. F.", "Head of Office", "UNICEF asked for the minutes"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    table = _reading(result)["tables"][0]
    assert "organization" not in table["columns"]
    assert verdicts(result) == ["undetermined"]  # nobody's affiliation is known: not absent


def test_an_organisation_with_its_office_is_still_an_organisation():
    rows = [["Date", "Platform", "Name", "From", "Title"],
            ["05/10/2026", "HCT", "A. B.", "IOM Sub-Office Gambella", "Chief of Mission"],
            ["05/10/2026", "HCT", "C. D.", "UNICEF Gambella", "Representative"],
            ["05/10/2026", "HCT", "E. F.", "WFP", "Country Director"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert _reading(result)["tables"][0]["columns"]["organization"]["column"] == "D"
    assert verdicts(result) == ["compliant"]


def test_every_sheet_has_a_status():
    roster = [["Date", "Platform", "Name", "Organization", "Title"],
              ["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission"]]  # fmt: skip
    names_only = [["Name", "Organization"], ["A. B.", "IOM"], ["C. D.", "UNICEF"]]
    result = _check(SheetGrid("Roster", roster), SheetGrid("Notes", [["Call Fatima"]]),
                    SheetGrid("Names", names_only), SheetGrid("Empty", [[""]]),
                    hidden=["Lists"])  # fmt: skip
    sheets = {s["name"]: (s["status"], s.get("reason")) for s in _reading(result)["sheets"]}
    assert sheets == {
        "Roster": ("attendance_list", None), "Notes": ("ignored", "no_header"),
        "Names": ("ignored", "incomplete"), "Empty": ("ignored", "empty"),
        "Lists": ("hidden", None),
    }  # fmt: skip
    # A sheet that looks like a roster but was not read is a finding, not silence.
    assert codes(result, "S214") == [("S214", "Names!1:1")]


def test_a_sign_in_sheet_takes_its_meeting_from_the_heading_and_its_year_from_the_period():
    sheet = [["Humanitarian Country Team meeting – 3 June"], ["Venue: OCHA, Niamey"], [""],
             ["No.", "Name", "Agency", "Position", "Signature"],
             [1, "A. B.", "IOM", "Chief of Mission a.i.", ""], [2, "C. D.", "UNICEF", "Rep", ""],
             [3, "", "", "", ""], [4, "", "", "", ""]]  # fmt: skip
    result = _check(SheetGrid("HCT", sheet), name="NER_2026-06.xlsx")
    assert [(m.date, m.platform, m.location, str(m.verdict)) for m in result.meetings] == [
        ("2026-06-03", "HCT", "OCHA, Niamey", "compliant")
    ]
    assert (result.rows.read, result.rows.used, result.rows.skipped) == (4, 2, 2)
    table = _reading(result)["tables"][0]
    assert table["layout"] == "sign_in"
    assert table["columns"]["platform"] == {"cell": "A1", "from": "title"}


def test_a_wide_tracker_gives_a_meeting_per_month_cell():
    sheet = [["IOM Niger – who represented IOM"],
             ["Platform", "Jan", "Feb", "Mar"],
             ["HCT", "A. B. (CoM)", "No IOM", "Cancelled"],
             ["OMT", "C. D. (RMO)", "", "E. F. (Finance Assistant)"]]  # fmt: skip
    result = _check(SheetGrid("2026", sheet), name="NER_2026.xlsx")
    got = [(m.date, m.platform, str(m.verdict)) for m in result.meetings]
    assert sorted(got) == [
        ("2026-01", "HCT", "compliant"), ("2026-01", "OMT", "compliant"),
        ("2026-02", "HCT", "absent"), ("2026-02", "OMT", "absent"),
        ("2026-03", "OMT", "wrong_level"),
    ]  # fmt: skip
    rows = result.rows
    assert rows.read == rows.used + rows.skipped + rows.rejected == 6  # a record per cell


def test_hxl_hashtags_name_the_columns_and_are_not_data():
    rows = [["Fecha", "Reunión", "Persona", "Entidad", "Puesto"],
            ["#date", "#meeting+type", "#contact+name", "#org", "#contact+title"],
            ["05/10/2026", "HCT", "A. B.", "OIM", "Jefa de Misión"]]  # fmt: skip
    result = _check(SheetGrid("Datos", rows))
    assert verdicts(result) == ["compliant"]
    assert not result.findings
    assert _reading(result)["tables"][0]["layout"] == "hxl"


def test_a_meeting_whose_rows_were_all_rejected_stays_visible():
    rows = [["Date", "Platform", "Name", "Organization", "Title"],
            ["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission"],
            ["06/10/2026", "Humanitarian Coutnry Team", "A. B.", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows))
    assert [(m.platform, str(m.verdict)) for m in result.meetings] == [
        ("HCT", "compliant"), ("UNKNOWN", "undetermined")
    ]  # fmt: skip
    assert result.meetings[1].reason
    assert result.to_dict()["summary"]["compliance_rate"] == 1.0


def test_e103_names_the_headers_it_saw_and_what_each_might_be(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Dte", "Meetng", "Participant", "Agencyy"])
    ws.append(["05/10/2026", "HCT", "A. B.", "IOM"])
    wb.save(tmp_path / "NER_2026-10.xlsx")
    result = run("check", tmp_path / "NER_2026-10.xlsx", "--format", "json")
    finding = json.loads(result.stdout)["results"][0]["findings"][0]
    assert finding["code"] == "E103"
    assert '"Dte" (→ date?)' in finding["message"] and "row 1" in finding["message"]


def test_text_output_says_how_each_table_was_read(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Attendance"
    ws.append(["Date", "Meeting", "Name", "Org./Agency", "Position / Title"])
    ws.append(["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission"])
    wb.save(tmp_path / "NER_2026-10.xlsx")
    out = run("check", tmp_path / "NER_2026-10.xlsx").stdout
    assert "Attendance: attendance list, header row 1; date=A, platform=B" in out


# A December roster whose dates have a weekday and no year, running into January (field4's
# YEM); the third date's weekday is wrong (13 Dec 2026 is a Sunday).
YEAR_TURN = {
    "en": (["Date", "Meeting", "Name", "Organisation", "Title"], "Chief of Mission",
           ["Sun 6 Dec", "Sun 3 Jan", "Mon 13 Dec"], "Sunday"),
    "fr": (["Date", "Réunion", "Nom", "Structure", "Fonction"], "Chef de mission",
           ["dim. 6 déc.", "dim. 3 janv.", "lun. 13 déc."], "dimanche"),
    "es": (["Fecha", "Espacio de coordinación", "Nombre", "Entidad", "Cargo"], "Jefa de Misión",
           ["dom 6 dic", "dom 3 ene", "lun 13 dic"], "domingo"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_dates_without_a_year_take_the_period_s_and_the_next_in_january(lang):
    header, com, dates, sunday = YEAR_TURN[lang]
    rows = [header, *[[d, "HCT", "A. B.", "IOM", com] for d in dates]]
    result = check_workbook(Sheets(Path("YEM_2026-12.xlsx"), [SheetGrid("Sheet1", rows)], []),
                            CheckOptions(lang=lang))  # fmt: skip
    # The unread row, next to the 3 Jan meeting's, may be one of its (which it cannot lower).
    assert [(m.date, str(m.verdict)) for m in result.meetings] == [
        ("2026-12-06", "compliant"),
        ("2027-01-03", "compliant"),
    ]
    [s203] = [f for f in result.findings if f.code == "S203"]
    assert s203.cell == "Sheet1!A4"
    assert dates[2] in s203.message and "2026-12-13" in s203.message and sunday in s203.message


def test_a_date_without_a_year_in_a_roster_of_no_period_asks_for_the_year():
    rows = [["Date", "Meeting", "Name", "Organisation", "Title"],
            ["Sun 6 Dec", "HCT", "A. B.", "IOM", "Chief of Mission"]]  # fmt: skip
    result = check_workbook(Sheets(Path("roster.xlsx"), [SheetGrid("Sheet1", rows)], []),
                            CheckOptions(mission="YEM"))  # fmt: skip
    assert verdicts(result) == ["undetermined"]
    [s203] = [f for f in result.findings if f.code == "S203"]
    assert "has no year" in s203.message and "period" in s203.message


PARTNER = {
    "en": (["Date", "Meeting", "Name", "Organisation", "Title"], "NGO partner of IOM",
           "IOM and partners", "Security Officer"),
    "fr": (["Date", "Réunion", "Nom", "Structure", "Fonction"], "ONG partenaire de l'OIM",
           "OIM et partenaires", "Coordonnateur sécurité"),
    "es": (["Fecha", "Espacio de coordinación", "Nombre", "Entidad", "Cargo"],
           "ONG socia de la OIM", "OIM y socios", "Coordinador de seguridad"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_an_organisation_named_as_iom_s_partner_is_not_iom(lang):
    """Field4's HTI: an SMT whose only IOM-ish attendee is "ONG partenaire de l'OIM" is one
    IOM did not attend; "OIM et partenaires" may be IOM's own staff: undetermined."""
    header, partner, joined, title = PARTNER[lang]
    rows = [header, ["26/11/2026", "SMT", "H. B.", "UNDSS", "Chief Security Adviser"],
            ["26/11/2026", "SMT", "R. A.", partner, title],
            ["27/11/2026", "SMT", "H. B.", "UNDSS", "Chief Security Adviser"],
            ["27/11/2026", "SMT", "R. A.", joined, title]]  # fmt: skip
    result = check_workbook(Sheets(Path("HTI_2026-11.xlsx"), [SheetGrid("Sheet1", rows)], []),
                            CheckOptions(lang=lang))  # fmt: skip
    assert verdicts(result) == ["absent", "undetermined"]
    assert codes(result, "S213") == [("S213", "Sheet1!D5")]


def _cluster_sheet(title: str, rows: list[list[object]]) -> list[list[object]]:
    return [[title], [""], ["Date", "Name", "Agency", "Designation"], *rows]


def test_a_list_without_a_platform_column_takes_it_from_its_heading_and_sheet_name():
    """field4/SDN: a sheet per cluster with a Date column, the cluster named only in the sheet
    name and the title row; the reading says where the platform came from."""
    shelter = _cluster_sheet("Shelter/NFI Cluster – coordination meeting – November 2026", [
        ["04/11/2026", "Y. Ali", "IOM", "Shelter Programme Officer"],
        ["18/11/2026", "S. Hassan", "IOM", "Protection Officer"],
    ])  # fmt: skip
    sante = [["Réunion du cluster Santé – novembre 2026"], ["Date", "Nom", "Structure", "Fonction"],
             ["05/11/2026", "A. Diallo", "OIM", "Chargé de programme Santé"]]  # fmt: skip
    salud = [["Clúster de Salud – noviembre"], ["Fecha", "Nombre", "Organización", "Cargo"],
             ["06/11/2026", "M. Pérez", "OIM", "Oficial de Programa de Salud"]]  # fmt: skip
    saude = [["Lista de presenças"], ["Data", "Nome", "Organização", "Cargo"],
             ["07/11/2026", "E. Mendes", "OIM", "Oficial de Programa de Saúde"]]  # fmt: skip
    result = _check(SheetGrid("Shelter-NFI", shelter), SheetGrid("Santé", sante),
                    SheetGrid("Salud", salud), SheetGrid("Cluster de Saúde", saude),
                    name="SDN_2026-11.xlsx")  # fmt: skip
    assert sorted((m.date, m.platform, m.sector, str(m.verdict)) for m in result.meetings) == [
        ("2026-11-04", "CLUSTER", "SHL", "compliant"),
        ("2026-11-05", "CLUSTER", "HEA", "compliant"),
        ("2026-11-06", "CLUSTER", "HEA", "compliant"),
        ("2026-11-07", "CLUSTER", "HEA", "compliant"),
        ("2026-11-18", "CLUSTER", "SHL", "wrong_level"),
    ]
    assert codes(result, "S2") == []
    tables = _reading(result)["tables"]
    assert [t["layout"] for t in tables] == ["attendance_list"] * 4
    assert [t["columns"]["platform"] for t in tables] == [
        {"cell": "A1", "from": "title"}, {"cell": "A1", "from": "title"},
        {"cell": "A1", "from": "title"}, {"cell": None, "from": "sheet_name"},
    ]  # fmt: skip


def test_a_heading_and_sheet_name_naming_two_platforms_give_none():
    """The heading says Shelter, the sheet's name Protection: no guess, S201 names both."""
    rows = _cluster_sheet(
        "Shelter Cluster – November 2026",
        [["04/11/2026", "Y. Ali", "IOM", "Shelter Programme Officer"]],
    )
    result = _check(SheetGrid("Protection", rows), name="SDN_2026-11.xlsx")
    assert [(m.platform, str(m.verdict)) for m in result.meetings] == [("UNKNOWN", "undetermined")]
    (s201,) = [f for f in result.findings if f.code == "S201"]
    assert '"Shelter Cluster", "Protection"' in s201.message
    assert "platform" not in _reading(result)["tables"][0]["columns"]


def test_a_list_without_a_platform_column_and_no_platform_named_is_not_read():
    names = [["Contacts – November 2026"], ["Date", "Name", "Agency"], ["04/11/2026", "A", "IOM"]]
    roster = [["Date", "Platform", "Name", "Organization", "Title"],
              ["05/11/2026", "HCT", "A. B.", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(SheetGrid("Roster", roster), SheetGrid("Contacts", names),
                    name="SDN_2026-11.xlsx")  # fmt: skip
    assert codes(result, "S214") == [("S214", "Contacts!2:2")]
    assert verdicts(result) == ["compliant"]


@pytest.mark.parametrize("note", ["Meeting cancelled – postponed to 27 Nov", "Réunion annulée",
                                  "Reunión cancelada", "Reunião adiada para 27 nov"])  # fmt: skip
def test_a_cancelled_meeting_written_in_the_name_column_is_no_meeting(note):
    rows = [["Date", "Platform", "Name", "Agency", "Title"],
            ["06/11/2026", "CCCM Cluster", "A. Yousif", "IOM", "CCCM Cluster Coordinator"],
            ["20/11/2026", "CCCM Cluster", note, "", ""]]  # fmt: skip
    result = _check(SheetGrid("CCCM", rows), name="SDN_2026-11.xlsx")
    assert [(m.date, str(m.verdict)) for m in result.meetings] == [("2026-11-06", "compliant")]
    assert (result.rows.used, result.rows.skipped) == (1, 1)


def _sign_in(banner: str) -> list[list[object]]:
    return [[banner], ["Conakry"], [""], ["N°", "Nom et prénom", "Structure", "Fonction"],
            [1, "M. Diallo", "OIM", "Chef de mission"], [2, "F. Camara", "UNICEF", "Représentante"]]  # fmt: skip


def test_a_sheet_named_for_a_platform_and_a_day_is_that_days_meeting():
    """field3/GIN: sheets "EHP 07", "UNCT 14", the month and year in a banner or only in
    the file's period."""
    result = _check(SheetGrid("EHP 07", _sign_in("OCTOBRE 2026 – FEUILLES DE PRÉSENCE")),
                    SheetGrid("UNCT-14", _sign_in("Feuilles de présence")),
                    SheetGrid("Equipo Humanitario de País 21", _sign_in("Lista")),
                    name="GIN_2026-10.xlsx")  # fmt: skip
    assert [(m.date, m.platform) for m in result.meetings] == [
        ("2026-10-07", "HCT"),
        ("2026-10-14", "UNCT"),
        ("2026-10-21", "HCT"),
    ]
    table = _reading(result)["tables"][0]
    assert table["layout"] == "sign_in"
    assert table["columns"]["date"] == {"cell": None, "from": "sheet_name"}


@pytest.mark.parametrize("heading", ["Reunião n.º 1 (ver Calendário)", "Meeting no. 1",
                                     "Réunion n° 1", "Reunión N.º 1", "Meeting 1", "#1"])  # fmt: skip
def test_a_sheet_name_whose_heading_names_a_meeting_number_gives_no_date(heading):
    """field6/TLS: "EHP 1" under "Reunião n.º 1" is the first meeting, not the 1st."""
    result = _check(SheetGrid("EHP 1", _sign_in(heading)), name="TLS_2026-11.xlsx")
    assert [m.date for m in result.meetings if m.date[:4].isdigit()] == []  # no day guessed
    assert [str(m.verdict) for m in result.meetings] == ["undetermined"]
    found = [f for f in result.findings if f.code == "S203"]
    assert [(f.sheet, f.value, f.key) for f in found] == [("EHP 1", "EHP 1", "S203:meeting_number")]
    assert "meeting number" in found[0].message


@pytest.mark.parametrize("names", [["EHP 1", "EHP 2"], ["UNCT 1", "UNCT 2", "UNCT 3"],
                                   ["Cluster Santé 1", "Cluster Santé 2"]])  # fmt: skip
def test_sheets_numbered_one_two_after_a_platform_are_meeting_numbers_not_days(names):
    """field6/TLS: "EHP 1", "EHP 2" side by side, no meeting-number line: still no date."""
    sheets = [SheetGrid(n, _sign_in("Feuilles de présence")) for n in names]
    result = _check(*sheets, name="TLS_2026-11.xlsx")
    assert [m.date for m in result.meetings if m.date[:4].isdigit()] == []  # no day guessed
    assert sorted(f.value for f in result.findings if f.code == "S203") == sorted(names)
    assert [f.code for f in result.findings if f.code == "S208"] == []  # two meetings, not one


@pytest.mark.parametrize("header", ["Date de mise à jour", "Last updated", "Fecha de actualización",
                                    "Data de atualização"])  # fmt: skip
def test_an_update_date_column_is_not_a_meeting_date(header):
    """field6/CAF: a contact list's "Date de mise à jour" made its update dates meetings."""
    rows = [["Cluster CCCM – liste des points focaux"], [""],
            ["Nom", "Organisation", "Fonction", "E-mail", header],
            ["P. Lemaire", "OIM", "Chef de mission", "pl@iom.int", "02/11/2026"],
            ["A. Mbaye", "HCR", "Co-coordonnatrice du cluster CCCM", "am@unhcr.org", "16/11/2026"]]  # fmt: skip
    cluster = [["Date", "Nom", "Organisation", "Fonction", "Présent(e)"],
               ["06/11/2026", "S. Yakoma", "OIM", "Coordonnateur du cluster CCCM", "Oui"]]  # fmt: skip
    result = _check(SheetGrid("CCCM", cluster), SheetGrid("Contacts CCCM", rows),
                    name="CAF_2026-11.xlsx")  # fmt: skip
    assert [(m.date, str(m.verdict)) for m in result.meetings] == [("2026-11-06", "compliant")]
    sheets = {s["name"]: s["status"] for s in _reading(result)["sheets"]}
    assert sheets["Contacts CCCM"] == "ignored"


@pytest.mark.parametrize(("sheet", "heading"), [
    ("Contacts CCCM", "Cluster CCCM"),
    ("CCCM", "Cluster CCCM – liste des points focaux"),
    ("Focal points", "CCCM Cluster"),
    ("Hoja1", "Clúster CCCM – lista de contactos"),
    ("Folha1", "Cluster CCCM – Contatos"),
])  # fmt: skip
def test_a_contact_list_is_not_a_roster_even_with_a_date_column(sheet, heading):
    """field6/CAF: a list of focal points beside the cluster sheets is not a meeting."""
    rows = [[heading], [""], ["Date", "Nom", "Organisation", "Fonction"],
            ["02/11/2026", "P. Lemaire", "OIM", "Chef de mission"],
            ["16/11/2026", "A. Mbaye", "HCR", "Co-coordonnatrice du cluster CCCM"]]  # fmt: skip
    cluster = [["Date", "Nom", "Organisation", "Fonction", "Présent(e)"],
               ["06/11/2026", "S. Yakoma", "OIM", "Coordonnateur du cluster CCCM", "Oui"]]  # fmt: skip
    result = _check(SheetGrid("CCCM meetings", [["Cluster CCCM"], *cluster]), SheetGrid(sheet, rows),
                    name="CAF_2026-11.xlsx")  # fmt: skip
    assert [(m.date, str(m.verdict)) for m in result.meetings] == [("2026-11-06", "compliant")]
    reading = {s["name"]: s for s in _reading(result)["sheets"]}[sheet]
    assert (reading["status"], reading["reason"]) == ("ignored", "contacts")
    assert [f.sheet for f in result.findings if f.code == "S214"] == [sheet]


@pytest.mark.parametrize("header", [["Reunião", "Data", "Hora", "Local"],
                                    ["Meeting", "Date", "Time", "Venue"],
                                    ["Réunion", "Date", "Heure", "Lieu"],
                                    ["Reunión", "Fecha", "Hora", "Lugar"]])  # fmt: skip
def test_a_calendar_of_meetings_without_people_is_not_an_attendance_list(header):
    """field6/TLS: the "Calendário" sheet made four meetings of unknown platforms."""
    calendar = [header, ["HCT", "05/11/2026", "10:00", "UN House"],
                ["UNCT", "12/11/2026", "09:30", "UN House"]]  # fmt: skip
    log = [["Date", "Platform", "Name", "Agency", "Title"],
           ["05/11/2026", "HCT", "L. Ximenes", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(SheetGrid("Calendar", calendar), SheetGrid("Log", log), name="TLS_2026-11.xlsx")
    assert [(m.date, m.platform) for m in result.meetings] == [("2026-11-05", "HCT")]
    reading = {s["name"]: s for s in _reading(result)["sheets"]}["Calendar"]
    assert (reading["status"], reading["reason"]) == ("ignored", "no_people")


def test_a_day_the_month_does_not_have_is_a_finding_not_a_meeting():
    result = _check(SheetGrid("EHP 31", _sign_in("Feuilles de présence")), name="GIN_2026-11.xlsx")
    assert [str(m.verdict) for m in result.meetings] == ["undetermined"]
    assert [(f.code, f.fields.get("value")) for f in result.findings if f.code == "S203"] == [
        ("S203", "31/11/2026")
    ]


def test_a_banner_month_outside_the_period_is_a_finding():
    result = _check(SheetGrid("EHP 07", _sign_in("NOVEMBRE 2026")), name="GIN_2026-10.xlsx")
    assert [m.date for m in result.meetings] == ["2026-11-07"]
    assert [f.code for f in result.findings if f.code == "S207"] == ["S207"]


@pytest.mark.parametrize("name", ["Sheet 2", "Feuil 1", "Hoja 3", "Folha 2", "Page 12"])
def test_a_sheet_numbered_without_a_platform_is_no_meeting(name):
    result = _check(SheetGrid(name, _sign_in("Feuilles de présence")), name="GIN_2026-10.xlsx")
    assert list(result.meetings) == []


def test_a_meeting_over_two_portuguese_sign_in_sheets_is_one_meeting():
    """field3/AGO: "HCT 8 Out (p.1)" without IOM and "(p.2)" with the CoM: one meeting; a
    sheet name "Cluster Abrigo 15 Out" dates its meeting."""

    def page(rows: list[list[object]], heading: str) -> list[list[object]]:
        return [[heading], ["Lista de presenças"], [""],
                ["N.º", "Nome", "Organização", "Cargo", "Assinatura"], *rows]  # fmt: skip

    hct = "Reunião da Equipa Humanitária do País (HCT) – 8 de outubro de 2026"
    result = _check(
        SheetGrid("HCT 8 Out (p.1)", page([[1, "A. Tavares", "UNICEF", "Representante", "x"]], hct)),
        SheetGrid("HCT 8 Out (p.2)", page([[2, "E. Mendes", "OIM", "Chefe de Missão", "x"]], hct)),
        SheetGrid("Cluster Abrigo 15 Out", page(
            [[1, "H. Rocha", "OIM", "Assistente de Programa (Abrigo)", "x"]], "Lista")),
        name="AGO_2026-10.xlsx",
    )  # fmt: skip
    assert [(m.date, m.platform, m.sector, str(m.verdict)) for m in result.meetings] == [
        ("2026-10-08", "HCT", None, "compliant"),
        ("2026-10-15", "CLUSTER", "SHL", "wrong_level"),
    ]


@pytest.mark.parametrize("total", ["Total participants:", "Total des participants", "Total de "
                                   "participantes", "TOTAL", "Total"])  # fmt: skip
def test_a_totals_row_under_the_table_is_not_a_meeting(total):
    """Round 5's IRQ: "Total participants: | | | 14" became a meeting dated "Total
    participants:" (S203, S202)."""
    rows = [["Date", "Platform", "Name", "Organization", "Title"],
            ["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission"],
            [total, "", 14, "", ""]]  # fmt: skip
    result = _check(SheetGrid("Attendance", rows))
    assert verdicts(result) == ["compliant"]
    assert codes(result, "S20") == []
    assert result.rows.skipped == 1


def test_a_totals_row_of_a_csv_file_has_its_counts_as_text():
    rows = [["Date", "Platform", "Name", "Organization", "Title"],
            ["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission"],
            ["Total des participants :", "", "14", "", ""]]  # fmt: skip
    result = _check(SheetGrid("Présences", rows))
    assert verdicts(result) == ["compliant"] and codes(result, "S20") == []


def test_a_row_that_starts_with_total_but_names_someone_is_data():
    rows = [["Date", "Platform", "Name", "Organization", "Title"],
            ["Total", "HCT", "A. B.", "IOM", "Chief of Mission"]]  # fmt: skip
    assert codes(_check(SheetGrid("Attendance", rows)), "S203") == [("S203", "Attendance!A2")]


def test_a_totals_row_with_counts_under_tick_columns_is_not_a_meeting():
    """Round 5's ZMB: "TOTAL | 10 | 3" under the Name…Present columns got two S202."""
    rows = [["Date", "Platform", "Name", "Organization", "Title", "Present", "Apologies"],
            ["05/10/2026", "HCT", "A. B.", "IOM", "Chief of Mission", "X", ""],
            ["", "", "", "", "TOTAL", 10, 3]]  # fmt: skip
    result = _check(SheetGrid("Attendance", rows))
    assert verdicts(result) == ["compliant"] and codes(result, "S20") == []


@pytest.mark.parametrize(
    ("came", "note", "verdict"),
    [("Yes", "Sent RMO instead", "undetermined"), ("Oui", "Excusé, a envoyé le DCoM", "undetermined"),
     ("Sí", "No asistió, en su lugar la Oficial de Programa", "undetermined"),
     ("Yes", "Left early, after item 2", "compliant"), ("No", "Sent RMO instead", "absent"),
     # field7 MEX and BRA: the apology in ES/PT verb forms, and "represented by".
     ("Presencial", "Se excusó; asistió la Jefa Adjunta de Misión", "undetermined"),
     ("P", "Justificou ausência; representada pelo Chefe do Escritório", "undetermined"),
     ("Sim", "Ausência justificada", "undetermined"), ("Yes", "Represented by DCoM", "undetermined"),
     ("Oui", "Représentée par l'adjoint", "undetermined"),
     ("Sí", "Falta justificada", "undetermined"), ("Sí", "Sustituida por la adjunta", "undetermined")],
)  # fmt: skip
def test_a_remark_that_contradicts_the_attendance_cell_leaves_attendance_unknown(
    came, note, verdict
):
    """A roster written by hand after round 6: "Came? Yes" and "Notes: Sent RMO instead" on
    the CoM's row made the UNCT compliant (the remark beside a presence column was not read)."""
    rows = [["Date", "Platform", "Name", "Organization", "Title", "Came?", "Notes"],
            ["09/11/2026", "UNCT", "P. Lado", "IOM", "Chief of Mission", came, note],
            ["09/11/2026", "UNCT", "R. Deng", "UNICEF", "Representative", "Yes", ""]]  # fmt: skip
    result = _check(SheetGrid("Nov", rows), name="SSD_2026-11.xlsx")
    assert verdicts(result) == [verdict]
    assert bool(codes(result, "C309")) == (verdict == "undetermined")


# ------------------------------------------------------------------ the name column's headers


def test_who_and_plural_name_headers_are_read_as_the_attendee_column():
    for header, lang in (("Who", "en"), ("Attendee(s)", "en"), ("Participant(e)s", "fr"),
                         ("Participantes", "es"), ("Participantes/as", "pt")):  # fmt: skip
        rows = [["Date", "Meeting", header, "Organisation", "Title"],
                ["05/10/2026", "HCT", "A. Diallo", "IOM", "Chief of Mission"],
                ["05/10/2026", "HCT", "C. Dupont", "OCHA", "Head of Office"]]  # fmt: skip
        result = _check(SheetGrid("Sheet1", rows))
        columns = _reading(result)["tables"][0]["columns"]
        assert columns["attendee"] == {"column": "C", "header": header, "found_by": "header"}, lang
        assert verdicts(result) == ["compliant"]


def test_an_agency_matrix_s_who_column_is_the_agency_not_the_names():
    rows = [["Date", "Meeting", "RCO", "OCHA", "UNICEF", "IOM", "WHO"],
            ["05/10/2026", "HCT", "✓", "✓", "✓", "✗", "✓"]]  # fmt: skip
    result = _check(SheetGrid("Matrix", rows))
    assert _reading(result)["tables"][0]["layout"] == "matrix"
    assert verdicts(result) == ["absent"]


def test_a_calendar_counting_participants_is_not_a_list_of_people():
    """ "Participantes" names the people of a list; a column of counts under it does not."""
    calendar = SheetGrid("Calendario", [["Reunión", "Fecha", "Participantes"],
                                        ["HCT", "05/10/2026", 12], ["UNCT", "12/10/2026", "9"]])  # fmt: skip
    roster = SheetGrid("HCT", [["Fecha", "Reunión", "Nombre", "Organización", "Cargo"],
                               ["05/10/2026", "HCT", "A. Ruiz", "OIM", "Jefa de Misión"]])  # fmt: skip
    result = _check(calendar, roster, name="HND_2026-10.xlsx")
    assert [s["status"] for s in _reading(result)["sheets"]] == ["ignored", "attendance_list"]
    assert verdicts(result) == ["compliant"]


# Date cells that say more than a date (field7's SLE): never a meeting in 2010 or 2015.
MORE_THAN_A_DATE = {
    "en": (["Date", "Meeting", "Name", "Organisation", "Title"], "Chief of Mission",
           ["8 Dec (postponed to 10 Dec)", "3 Dec 15", "Tue 1/12"], "two dates", "two-digit"),
    "fr": (["Date", "Réunion", "Nom", "Structure", "Fonction"], "Chef de mission",
           ["8 déc. (reportée au 10 déc.)", "3 déc. 15", "mardi 1/12"], "deux dates",
           "deux chiffres"),
    "es": (["Fecha", "Espacio de coordinación", "Nombre", "Entidad", "Cargo"], "Jefa de Misión",
           ["8 dic. (aplazada al 10 dic.)", "3 dic. 15", "martes 1/12"], "dos fechas",
           "dos cifras"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_date_cell_saying_more_than_a_date_is_not_judged_under_a_made_up_year(lang):
    header, com, dates, two_dates, two_digits = MORE_THAN_A_DATE[lang]
    rows = [header, *[[d, "HCT", "A. B.", "IOM", com] for d in dates]]
    result = check_workbook(Sheets(Path("SLE_2026-12.xlsx"), [SheetGrid("Sheet1", rows)], []),
                            CheckOptions(lang=lang))  # fmt: skip
    # Unread rows beside each other may be taken for one meeting: none is judged.
    assert [m.date for m in result.meetings if str(m.verdict) != "undetermined"] == ["2026-12-01"]
    assert not [m for m in result.meetings if str(m.date).startswith(("2010", "2015"))]
    assert not [f for f in result.findings if f.code == "S207"]
    s203 = {f.cell: f.message for f in result.findings if f.code == "S203"}
    assert two_dates in s203["Sheet1!A2"] and two_digits in s203["Sheet1!A3"]


# Session numbers over a tracker, its dates in the row under them (field7's MWI).
SESSIONS = {
    "en": ("NOVEMBER 2026", "Session no.", "Date", "C. Mwale (CoM)", "T. Gondwe (DCoM)"),
    "fr": ("NOVEMBRE 2026", "Séance n°", "Date", "C. Mwale (Chef de mission)",
           "T. Gondwe (Chef de mission adjoint)"),
    "es": ("NOVIEMBRE 2026", "Sesión n.º", "Fecha", "C. Mwale (Jefe de Misión)",
           "T. Gondwe (Jefe Adjunto de Misión)"),
    "pt": ("NOVEMBRO 2026", "Sessão n.º", "Data", "C. Mwale (Chefe de Missão)",
           "T. Gondwe (Chefe Adjunto de Missão)"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
def test_session_numbers_over_a_row_of_dates_are_not_days(lang):
    """ "1 2 3 4" under "NOVEMBER 2026" were days 1–4 November, the row of dates a platform
    "Date" with attendees "04/11/2026": the meetings are those of the dates."""
    banner, numbers, label, com, deputy = SESSIONS[lang]
    rows = [[banner], [numbers, 1, 2, 3, 4],
            [label, "04/11/2026", "11/11/2026", "18/11/2026", "25/11/2026"],
            ["HCT", com, "—", deputy, "—"]]  # fmt: skip
    result = _check(SheetGrid("Tracker", rows), name="MWI_2026-11.xlsx")
    dated = sorted((m.date, str(m.verdict)) for m in result.meetings)
    assert ("2026-11-04", "compliant") in dated
    assert not [d for d, _ in dated if d in ("2026-11-01", "2026-11-02", "2026-11-03")]
    assert not [f for f in result.findings if f.code == "S204"]


def test_days_one_to_four_with_people_under_them_are_still_days():
    rows = [["NOVEMBER 2026"], ["Platform", 1, 2, 3, 4],
            ["HCT", "C. Mwale (CoM)", "—", "T. Gondwe (DCoM)", "—"]]  # fmt: skip
    result = _check(SheetGrid("Tracker", rows), name="MWI_2026-11.xlsx")
    assert ("2026-11-01", "compliant") in [(m.date, str(m.verdict)) for m in result.meetings]


@pytest.mark.parametrize("label", ["Date", "Fecha", "Data"])
def test_a_row_of_dates_under_days_dates_the_columns_and_is_no_platform(label):
    rows = [["NOVEMBER 2026"], ["Semana", 4, 11, 18, 25],
            [label, "04/11/2026", "11/11/2026", "18/11/2026", "25/11/2026"],
            ["HCT", "C. Mwale (CoM)", "—", "T. Gondwe (DCoM)", "—"]]  # fmt: skip
    result = _check(SheetGrid("Tracker", rows), name="MWI_2026-11.xlsx")
    assert [(m.platform, m.date) for m in result.meetings if m.platform != "HCT"] == []
    assert ("2026-11-04", "compliant") in [(m.date, str(m.verdict)) for m in result.meetings]
    assert not [f for f in result.findings if f.code in ("S202", "S204")]


@pytest.mark.parametrize(
    ("name", "organisation", "title"),
    [("—", "IOM", "Chief of Mission"), ("N/A", "OIM", "Oficial de Gestión de Recursos"),
     ("por designar", "OIM", "Jefe de Misión"), ("Vacant", "IOM", "Chief of Mission"),
     ("vacante", "OIM", "Jefa de Misión"), ("TBD", "IOM", "Chief of Mission"),
     ("to be nominated", "IOM", "Chief of Mission"), ("à désigner", "OIM", "Chef de mission"),
     ("a designar", "OIM", "Chefe de Missão"), ("Nobody", "IOM", "Chief of Mission"),
     ("personne", "OIM", "Chef de mission"), ("nadie", "OIM", "Jefe de Misión"),
     ("ninguém", "OIM", "Chefe de Missão"), ("-", "IOM", "Chief of Mission"),
     ("(représenté par M. Ali Hassan)", "OIM", "Chef de mission"),
     ("(represented by J. Doe)", "IOM", "Chief of Mission"),
     ("(representado por J. Pérez)", "OIM", "Jefe de Misión"),
     ("(representada pela Oficial de Programa)", "OIM", "Chefe de Missão")],
)  # fmt: skip
def test_a_name_cell_that_says_nobody_or_someone_else_is_not_the_post_holder(
    name, organisation, title
):
    """field7 CHL ('—', 'N/A', 'por designar' beside 'Jefa de Misión' in IOM's log) and DJI
    ('(représenté par M. Ali Hassan)' beside 'Chef de mission'): each was read as the CoM
    attending, a false compliant. Nobody is named: the meeting cannot be judged, and the
    reason quotes the cell."""
    rows = [["Date", "Platform", "Name", "Organization", "Title"],
            ["09/11/2026", "UNCT", name, organisation, title],
            ["09/11/2026", "UNCT", "R. Deng", "UNICEF", "Representative"]]  # fmt: skip
    result = _check(SheetGrid("Nov", rows), name="SSD_2026-11.xlsx")
    assert verdicts(result) == ["undetermined"]
    assert name.strip() in str(result.meetings[0].reason)
    log = [["OIM – Bitácora de representación"], ["Fecha", "Reunión", "Representante", "Cargo"],
           ["09/11/2026", "UNCT", name, title], ["10/11/2026", "OMT", "L. Vega", title]]  # fmt: skip
    assert verdicts(_check(SheetGrid("Bitácora OIM", log), name="CHL_2026-11.xlsx"))[0] == (
        "undetermined"
    )


def test_a_name_cell_that_says_nobody_beside_an_absence_mark_stays_absent():
    rows = [["Date", "Platform", "Name", "Organization", "Title", "Present"],
            ["09/11/2026", "UNCT", "Vacant", "IOM", "Chief of Mission", "No"],
            ["09/11/2026", "UNCT", "R. Deng", "UNICEF", "Representative", "Yes"]]  # fmt: skip
    assert verdicts(_check(SheetGrid("Nov", rows), name="SSD_2026-11.xlsx")) == ["absent"]


@pytest.mark.parametrize(
    ("came", "note", "verdict"),
    [("No", "Joined online for item 3", "undetermined"),
     ("Non", "A rejoint en ligne pour le point 3", "undetermined"),
     ("No", "Se conectó para el punto 2", "undetermined"),
     ("Não", "Ligou-se por Teams para o ponto 2", "undetermined"),
     ("Não", "Participou virtualmente no ponto 3", "undetermined"),
     ("No", "On leave", "absent"), ("Yes", "Joined online", "compliant")],
)  # fmt: skip
def test_a_remark_of_presence_beside_an_absence_mark_leaves_attendance_unknown(came, note, verdict):
    """field7 BEN ('A' + 'a rejoint en ligne pour le point 3'), BRA, MEX, STP ('Não' +
    'Ligou-se por Teams para o ponto 2'): read absent, though the remark says they joined."""
    rows = [["Date", "Platform", "Name", "Organization", "Title", "Came?", "Notes"],
            ["09/11/2026", "UNCT", "P. Lado", "IOM", "Chief of Mission", came, note],
            ["09/11/2026", "UNCT", "R. Deng", "UNICEF", "Representative", "Yes", ""]]  # fmt: skip
    result = _check(SheetGrid("Nov", rows), name="SSD_2026-11.xlsx")
    assert verdicts(result) == [verdict]
    if verdict == "undetermined":
        assert note in str(result.meetings[0].reason)


def test_a_legend_letter_of_absence_beside_a_remark_of_presence_is_unknown():
    rows = [["P = présent ; A = absent ; E = excusé"],
            ["Date", "Réunion", "Nom", "Organisation", "Fonction", "Présence", "Commentaires"],
            ["17/11/2026", "UNCT", "K. Adjovi", "OIM", "Chef de mission", "A",
             "a rejoint en ligne pour le point 3"],
            ["17/11/2026", "UNCT", "R. Deng", "UNICEF", "Représentant", "P", ""]]  # fmt: skip
    assert verdicts(_check(SheetGrid("Nov", rows), name="BEN_2026-11.xlsx")) == ["undetermined"]


def _heading_sheet(title: str, line: str, header: list[str], iom: str, title_of: str):
    return [[title], [line], [""], header, [1, "P. Lemaire", iom, title_of, ""],
            [2, "A. Mbaye", "UNICEF", "Rep.", ""]]  # fmt: skip


@pytest.mark.parametrize(("title", "line", "header", "iom", "com"), [
    ("Équipe humanitaire pays – réunion ordinaire", "Date : 12/11/2026 – Lieu : Bangui",
     ["No", "Nom", "Organisation", "Fonction", "Signature"], "OIM", "Chef de mission"),
    ("Humanitarian Country Team – regular meeting", "Date: 12/11/2026 – Venue: Bangui",
     ["No.", "Name", "Agency", "Position", "Signature"], "IOM", "Chief of Mission"),
    ("Equipo Humanitario de País – reunión ordinaria", "Fecha: 12/11/2026 – Lugar: Bangui",
     ["N.º", "Nombre", "Organización", "Cargo", "Firma"], "OIM", "Jefe de Misión"),
    ("Equipa Humanitária do País – reunião ordinária", "Data: 12/11/2026 – Local: Bangui",
     ["N.º", "Nome", "Organização", "Cargo", "Assinatura"], "OIM", "Chefe de Missão"),
])  # fmt: skip
def test_a_sign_in_heading_with_filler_and_a_place_after_the_date_is_read(title, line, header,
                                                                          iom, com):  # fmt: skip
    """Issue 10: the date line "Date : 12/11/2026 – Lieu : Bangui" left the meeting undated."""
    result = _check(SheetGrid("Feuil1", _heading_sheet(title, line, header, iom, com)),
                    name="CAF_2026-11.xlsx")  # fmt: skip
    assert [(m.date, m.platform, m.location, str(m.verdict)) for m in result.meetings] == [
        ("2026-11-12", "HCT", "Bangui", "compliant")]  # fmt: skip
    assert [f.code for f in result.findings if f.code in ("S203", "S204")] == []


@pytest.mark.parametrize("sheet", ["Feuil1", "HCT", "OMT", "UNCT"])
@pytest.mark.parametrize(("title", "key"), [
    ("HCT – sub-group on cash", "S204:side_meeting"), ("OMT – task force", "S204:side_meeting"),
    ("UNCT – retreat", "S204:side_meeting"), ("EHP – sous-groupe cash", "S204:side_meeting"),
])  # fmt: skip
def test_a_heading_naming_a_platform_s_side_meeting_is_never_that_platform(sheet, title, key):
    """ "HCT – sub-group on cash" was read as the HCT (its part before the dash), and a sheet
    named "HCT" would give it too: not the HCT's meeting, undetermined and said."""
    rows = _heading_sheet(title, "Date: 12/11/2026", ["No.", "Name", "Agency", "Position", "Sign"],
                          "IOM", "Chief of Mission")  # fmt: skip
    result = _check(SheetGrid(sheet, rows), name="CAF_2026-11.xlsx")
    assert [(m.platform, str(m.verdict)) for m in result.meetings] == [("UNKNOWN", "undetermined")]
    (s204,) = [f for f in result.findings if f.code == "S204"]
    assert (s204.key, s204.cell) == (key, f"{sheet}!A1")
    assert "side meeting" in s204.message and result.status != "compliant"


def test_a_list_headed_by_a_side_meeting_takes_no_platform_from_its_sheet_name():
    rows = [["HCT – sub-group on cash"], ["Date", "Name", "Organization", "Title"],
            ["12/11/2026", "P. Lemaire", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(SheetGrid("HCT", rows), name="CAF_2026-11.xlsx")
    assert [str(m.verdict) for m in result.meetings] == ["undetermined"]
    assert "HCT" not in [m.platform for m in result.meetings]


@pytest.mark.parametrize(("header", "platform", "side", "iom", "com"), [
    (["Date", "Meeting", "Name", "Organization", "Title"], "HCT",
     "HCT Sub-Group on Durable Solutions", "IOM", "Chief of Mission"),
    (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "EHP",
     "Sous-groupe solutions durables de l'EHP", "OIM", "Chef de mission"),
    (["Fecha", "Reunión", "Nombre", "Organización", "Cargo"], "OMT",
     "Subgrupo de Compras Comunes del OMT", "OIM", "Oficial de Gestión de Recursos"),
    (["Data", "Reunião", "Nome", "Organização", "Cargo"], "EHP",
     "Subgrupo de Soluções Duradouras da EHP", "OIM", "Chefe de Missão"),
    (["Date", "Meeting", "Name", "Organization", "Title"], "HCT",
     "HCT – sub-group on cash", "IOM", "Chief of Mission"),
])  # fmt: skip
def test_a_side_meeting_s_iom_row_leaves_the_platform_s_meeting_that_day_judged(
    header, platform, side, iom, com
):
    """field10/LSO and BLZ: IOM's row at the HCT's (OMT's) sub-group the same day made the HCT
    undetermined ("may belong to this meeting"). A side meeting is known not to be the
    platform's meeting: the HCT without IOM is absent; the side meeting stays listed, unjudged."""
    rows = [header, ["10/12/2026", platform, "A. Mbaye", "UNICEF", "Representative"],
            ["10/12/2026", side, "M. Letsie", iom, com],
            ["10/12/2026", side, "G. Moeti", "UNHCR", "Protection Officer"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows), name="LSO_2026-12.xlsx")
    code = "HCT" if platform == "EHP" else platform
    expected = sorted([(code, "absent"), ("UNKNOWN", "undetermined")])
    assert sorted((m.platform, str(m.verdict)) for m in result.meetings) == expected
    assert {f.key for f in result.findings if f.code == "S204"} == {"S204:side_meeting"}


@pytest.mark.parametrize("meeting", ["OMT ad hoc (tarifas DSA)", "OMT – ad hoc",
                                     "Réunion ad hoc de l'OMT", "Reunión ad hoc del OMT",
                                     "Reunião ad hoc da OMT", "OMT – emergency meeting"])  # fmt: skip
def test_an_ad_hoc_meeting_of_a_platform_is_its_meeting(meeting):
    """field10/SUR "OMT ad hoc (tarifas DSA)": ad hoc says how the OMT met, not another body."""
    rows = [["Date", "Meeting", "Name", "Organization", "Title"],
            ["18/12/2026", meeting, "R. Chan", "IOM", "Finance Assistant"],
            ["18/12/2026", meeting, "K. Vernon", "UNICEF", "Operations Manager"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows), name="SUR_2026-12.xlsx")
    assert [(m.platform, str(m.verdict)) for m in result.meetings] == [("OMT", "wrong_level")]
    assert not [f for f in result.findings if f.code == "S204"]


# JAM (field9) and SRB (field10): the README's own IOM log, whose name column is headed
# "IOM staff attending" and whose notes name IOM alone ("No IOM rep – CoM travelling"), was
# not judged (S213, every meeting undetermined).
@pytest.mark.parametrize(
    ("heading", "head", "name_header", "note", "title", "name"),
    [("IOM Jamaica – Representation log", ["Date", "Meeting"], "IOM staff attending",
      "No IOM rep – CoM travelling", "Chief of Mission", "JAM_2026-10.xlsx"),
     ("OIM Tchad – journal de représentation", ["Date", "Réunion"], "Personnel OIM présent",
      "Pas de représentant OIM – CdM en mission", "Chef de mission", "TCD_2026-10.xlsx"),
     ("OIM Perú – registro de representación", ["Fecha", "Reunión"], "Personal de la OIM",
      "Sin representante de la OIM", "Jefe de Misión", "PER_2026-10.xlsx"),
     ("OIM Moçambique – registo de representação", ["Data", "Reunião"], "Pessoal da OIM",
      "OIM não representada", "Chefe de Missão", "MOZ_2026-10.xlsx")],
)  # fmt: skip
def test_an_iom_log_s_name_column_and_notes_naming_iom_alone_make_it_iom_s_log(
    heading, head, name_header, note, title, name
):
    rows = [[heading], [*head, name_header, "Title", "Notes"],
            ["06/10/2026", "UNCT", "K. Campbell", title, ""],
            ["14/10/2026", "SMT", "", "", note]]  # fmt: skip
    result = _check(SheetGrid("Log", rows), name=name)
    table = _reading(result)["tables"][0]
    assert table["columns"]["attendee"]["header"] == name_header
    assert table["affiliation"]["reading"] == "iom_log"
    assert {"kind": "header", "detail": name_header} in table["affiliation"]["evidence"]
    assert verdicts(result) == ["compliant", "absent"]


def test_a_note_naming_another_agency_still_speaks_against_an_iom_log():
    """Never a list of mixed agencies taken for IOM's log: a note naming UNICEF, or "non-IOM",
    outweighs the heading and the name column's header."""
    for note in ("UNICEF rep attended for the cluster", "non-IOM staff"):
        rows = [["IOM Jamaica – Representation log"],
                ["Date", "Meeting", "IOM staff attending", "Title", "Notes"],
                ["06/10/2026", "UNCT", "K. Campbell", "Chief of Mission", note]]  # fmt: skip
        result = _check(SheetGrid("Log", rows), name="JAM_2026-10.xlsx")
        assert verdicts(result) == ["undetermined"], note
        assert _reading(result)["tables"][0]["affiliation"]["reading"] == "split"


# RWA, FJI, JAM (field9): a remark naming another post's absence on the row of whoever came
# in its place ("Y" + "CoM on mission" on the Deputy CoM's row) was read against that row's
# own attendance (C309, undetermined). It speaks of that post: the row's "Y" stands.
@pytest.mark.parametrize(
    ("head", "yes", "remark", "deputy", "name"),
    [(["Date", "Platform", "Name", "Organisation", "Title", "Present", "Remarks"], "Y",
      "CoM on mission", "Deputy Chief of Mission", "RWA_2026-10.xlsx"),
     (["Date", "Plateforme", "Nom", "Organisation", "Fonction", "Présence", "Remarques"], "Oui",
      "Cheffe de mission en mission", "Chef de mission adjoint", "TCD_2026-10.xlsx"),
     (["Fecha", "Plataforma", "Nombre", "Organización", "Cargo", "Asistencia", "Observaciones"],
      "Sí", "Jefa de Misión de vacaciones", "Jefe Adjunto de Misión", "PER_2026-10.xlsx"),
     (["Data", "Plataforma", "Nome", "Organização", "Cargo", "Presença", "Observações"], "Sim",
      "Chefe de Missão de férias", "Chefe de Missão Adjunto", "MOZ_2026-10.xlsx")],
)  # fmt: skip
def test_a_remark_on_another_post_s_absence_leaves_the_row_s_presence_standing(
    head, yes, remark, deputy, name
):
    rows = [head, ["13/10/2026", "UNCT", "A. Mugisha", "IOM", deputy, yes, remark]]
    result = _check(SheetGrid("Sheet1", rows), name=name)
    assert verdicts(result) == ["wrong_level"]


@pytest.mark.parametrize(
    ("title", "remark"),
    [("Deputy Chief of Mission", "on leave"),  # no post named: about the row's own person
     ("Chief of Mission", "CoM on leave"),  # the row's own post: its absence
     ("Chef de mission", "Cheffe de mission en congé"),
     ("", "CoM on leave")],  # no title: the remark may be about the row's person
)  # fmt: skip
def test_a_remark_of_absence_about_the_row_s_own_post_still_doubts_its_presence(title, remark):
    rows = [["Date", "Platform", "Name", "Organisation", "Title", "Present", "Remarks"],
            ["13/10/2026", "UNCT", "A. Mugisha", "IOM", title, "Yes", remark]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows), name="RWA_2026-10.xlsx")
    assert verdicts(result) == ["undetermined"]


# A date column typed month first (field8's ARG): its own unambiguous dates say so.
@pytest.mark.parametrize(
    ("header", "title", "chief"),
    [(["Date", "Meeting", "Name", "Organization", "Title"], "Attendance", "Chief of Mission"),
     (["Fecha", "Reunión", "Nombre", "Organización", "Cargo"], "Asistencia", "Jefa de Misión"),
     (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "Présences", "Cheffe de mission")],
)  # fmt: skip
def test_a_column_typed_month_first_reads_its_ambiguous_dates_month_first(header, title, chief):
    rows = [[title], header,
            ["11/18/2026", "UNCT", "A. Diallo", "OIM", chief],
            ["11/18/2026", "UNCT", "B. Sow", "UNICEF", "Representative"],
            ["12/01/2026", "HCT", "A. Diallo", "OIM", chief]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows), name="ARG_2026-11_asistencia.xlsx")
    meetings = {(m["platform"], m["date"]): m["verdict"] for m in result.to_dict()["meetings"]}
    assert meetings == {("UNCT", "2026-11-18"): "compliant", ("HCT", "2026-12-01"): "compliant"}
    assert codes(result, "S220") == [("S220", "Sheet1!A5")]
    assert _reading(result)["tables"][0]["date_order"] == "month_first"


def test_a_column_of_both_orders_reads_each_date_alone():
    rows = [["Date", "Meeting", "Name", "Organization", "Title"],
            ["11/18/2026", "UNCT", "A. Diallo", "IOM", "Chief of Mission"],
            ["25/11/2026", "OMT", "C. Ba", "IOM", "Resource Management Officer"],
            ["12/01/2026", "HCT", "A. Diallo", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows), name="ARG_2026-11_asistencia.xlsx")
    dates = {m["platform"]: m["date"] for m in result.to_dict()["meetings"]}
    assert dates["UNCT"] == "2026-11-18" and dates["OMT"] == "2026-11-25"
    assert "HCT" not in dates or dates["HCT"] != "2026-01-12"  # never 12 January unsaid
    assert codes(result, "S220") == []
    assert "date_order" not in _reading(result)["tables"][0]


def test_the_column_order_against_the_period_reads_no_date():
    rows = [["Date", "Meeting", "Name", "Organization", "Title"],
            ["11/18/2026", "UNCT", "A. Diallo", "IOM", "Chief of Mission"],
            ["05/11/2026", "HCT", "A. Diallo", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows), name="ARG_2026-11_asistencia.xlsx")
    assert ("S203", "Sheet1!A3") in codes(result, "S203")
    found = next(f for f in result.findings if f.code == "S203")
    assert found.key == "S203:order_against_period"
    assert all(m.verdict != "compliant" or m.platform != "HCT" for m in result.meetings)


# --- an example row left in; "CM" in a Portuguese roster (field11 MNG, SYC) ----------------

EXAMPLE_ROWS = {
    "en": (["Date", "Meeting", "Participant", "Agency", "Title", "Location", "Notes"],
           ["2026-10-05", "HCT", "J. Okoro", "IOM", "Programme Officer", "Addis Ababa",
            "example row – delete"],
           ["03/11/2026", "UNCT", "B. Bold", "IOM", "Chief of Mission", "Ulaanbaatar", None]),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction", "Lieu", "Remarques"],
           ["05/10/2026", "EHP", "J. Okoro", "OIM", "Chargé de programme", "Addis-Abeba",
            "Exemple : à supprimer"],
           ["03/11/2026", "UNCT", "B. Bold", "OIM", "Chef de mission", "Niamey", None]),
    "es": (["Fecha", "Reunión", "Nombre", "Organización", "Cargo", "Lugar", "Observaciones"],
           ["05/10/2026", "EHP", "J. Okoro", "OIM", "Oficial de Programa", "Adís Abeba",
            "(fila de ejemplo)"],
           ["03/11/2026", "UNCT", "B. Bold", "OIM", "Jefe de Misión", "Lima", None]),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Função", "Local", "Observações"],
           ["05/10/2026", "HCT", "J. Okoro", "OIM", "Oficial de Programa", "Adis Abeba",
            "Exemplo – apagar"],
           ["03/11/2026", "UNCT", "B. Bold", "OIM", "Chefe de Missão", "Maputo", None]),
}  # fmt: skip


@pytest.mark.parametrize("lang", EXAMPLE_ROWS)
def test_an_example_row_left_in_a_list_is_not_a_meeting(lang):
    """field11 MNG: the README's example row (2026-10-05, HCT, J. Okoro, Programme Officer,
    Addis Ababa) left in with "example row – delete" in Notes was judged: an extra HCT
    wrong level. A row a cell of which says it is an example is skipped and said (S214)."""
    header, example, real = EXAMPLE_ROWS[lang]
    result = _check(SheetGrid("November", [header, example, real]), name="MNG_2026-11.xlsx")
    assert [(str(m.date), m.platform, str(m.verdict)) for m in result.meetings] == [
        ("2026-11-03", "UNCT", "compliant")
    ]
    assert codes(result, "S214") == [("S214", "November!G2")]
    assert not codes(result, "S207") and not codes(result, "C302")
    assert _reading(result)["tables"][0]["example_rows"] == ["G2"]
    assert result.to_dict()["rows"] == {"read": 2, "used": 1, "skipped": 1, "rejected": 0}


def test_a_real_row_that_kept_the_example_s_place_is_read():
    """field9 RWA: a real HCT row that kept only the README's example place "Addis Ababa":
    its other cells are real and nothing says it is an example, so it is read."""
    rows = [
        ["Date", "Meeting", "Participant", "Agency", "Title", "Location", "Notes"],
        ["05/11/2026", "HCT", "A. Uwase", "IOM", "Chief of Mission", "Addis Ababa", None],
    ]
    result = _check(SheetGrid("November", rows), name="RWA_2026-11.xlsx")
    assert [(m.platform, str(m.verdict)) for m in result.meetings] == [("HCT", "compliant")]
    assert not codes(result, "S214")


CM_ROWS = {
    "pt": (["Data", "Reunião", "Nome", "Organização", "Função"], "OIM",
           "Coordenadora de Programas", "compliant"),
    "en": (["Date", "Meeting", "Name", "Organization", "Title"], "IOM",
           "Programme Coordinator", "undetermined"),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "OIM",
           "Coordonnatrice de programme", "undetermined"),
}  # fmt: skip


@pytest.mark.parametrize("lang", CM_ROWS)
@pytest.mark.parametrize("written", ["CM", "C.M."])
def test_cm_is_the_chief_of_mission_only_in_a_portuguese_roster(lang, written):
    """field11 SYC: "M. Payet (CM)", CM the usual Portuguese abbreviation of Chefe de Missão,
    was unknown (S205). It is read so in a roster written in Portuguese; in English ("Camp
    Manager", "Country Manager") or French ("Chargé de mission") it stays unknown."""
    header, iom, coordinator, verdict = CM_ROWS[lang]
    rows = [header, ["04/11/2026", "UNCT", "M. Payet", iom, written],
            ["11/11/2026", "PMT", "D. Labrosse", iom, coordinator]]  # fmt: skip
    result = _check(SheetGrid("Sheet1", rows), name="SYC_2026-11.xlsx")
    unct = [str(m.verdict) for m in result.meetings if m.platform == "UNCT"]
    assert unct == [verdict], lang
    assert bool(codes(result, "S205")) == (verdict == "undetermined")


ACTING_AWAY = {
    "en": (["Date", "Meeting", "Name", "Organization", "Title", "Remarks"], "IOM",
           "Chief of Mission a.i.", "Ana on mission in Tobago", "Gabi on mission"),
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction", "Remarques"], "OIM",
           "Chef de mission a.i.", "Ana en mission à Tobago", "Gabi en mission"),
    "es": (["Fecha", "Reunión", "Nombre", "Organización", "Cargo", "Comentarios"], "OIM",
           "Jefe de Misión a.i.", "Ana en misión en Tobago", "Gabi en misión"),
    "pt": (["Data", "Reunião", "Nome", "Organização", "Função", "Observações"], "OIM",
           "Chefe de Missão a.i.", "Ana em missão em Tobago", "Gabi em missão"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ACTING_AWAY)
def test_a_remark_naming_the_absent_head_beside_the_acting_head_is_why_he_acted(lang):
    """field11 TTO: "Ana en misión en Tobago" beside "Jefe de Misión a.i." says why he acted,
    not that he may not have come (C309). A remark that may be about the row's own person
    ("Gabi" on Gabriel Salas's row), or on a row that is not an acting head's, stays a
    doubt."""
    header, iom, acting, other, own = ACTING_AWAY[lang]

    def smt(title, remark):
        rows = [header, ["10/09/2026", "SMT", "Gabriel Salas", iom, title, remark]]
        result = _check(SheetGrid("Sheet1", rows), name="TTO_2026-09.xlsx")
        return [str(m.verdict) for m in result.meetings], result

    verdict, result = smt(acting, other)
    assert verdict == ["compliant"], lang
    assert codes(result, "C307") and not codes(result, "C309")
    assert smt(acting, own)[0] == ["undetermined"], lang
    assert smt(ACTING_AWAY[lang][2].removesuffix(" a.i."), other)[0] == ["undetermined"], lang
