"""Rows that are another mission's (S223): a regional office's compilation with a Country /
Mission column, whose other missions' rows are not this mission's meetings; and a roster
whose heading names another mission's IOM office than the file's ("IOM KIRIBATI – …" sent
under Tuvalu's name). Neither may make a meeting of this mission compliant."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.metadata import countries
from checker.offices import heading_offices, mission_of
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import verdicts

D, D2 = "05/11/2026", "12/11/2026"
# Header, this mission's country, two other missions' (by name and by code), IOM, the RMO and
# the CoM, a finance assistant, "yes" and "no", in each language.
LANGS = {
    "en": (["Country", "Date", "Meeting", "Name", "Agency", "Position", "Attended"],
           "Marshall Islands", "Palau", "FSM", "IOM", "Resource Management Officer",
           "Chief of Mission", "Finance Assistant", "Y", "N"),
    "fr": (["Pays", "Date", "Réunion", "Nom", "Organisation", "Fonction", "Présent"],
           "Îles Marshall", "Palaos", "FSM", "OIM", "Chargé de la gestion des ressources",
           "Chef de mission", "Assistant financier", "Oui", "Non"),
    "es": (["País", "Fecha", "Reunión", "Nombre", "Organización", "Cargo", "Asistió"],
           "Islas Marshall", "Palaos", "Micronesia", "OIM", "Oficial de Gestión de Recursos",
           "Jefe de Misión", "Asistente de Finanzas", "Sí", "No"),
    "pt": (["País", "Data", "Reunião", "Nome", "Organização", "Cargo", "Presença"],
           "Ilhas Marshall", "Palau", "Micronésia", "OIM", "Oficial de Gestão de Recursos",
           "Chefe de Missão", "Assistente Financeiro", "Sim", "Não"),
}  # fmt: skip


def _check(rows, name="MHL_2026-11_regional.xlsx", mission=None, heading=()):
    sheet = SheetGrid(
        "Compiled", [*([line] for line in heading), *([[]] if heading else []), *rows]
    )
    return check_workbook(Sheets(Path(name), [sheet], hidden=[]), CheckOptions(mission=mission))


def _compilation(lang):
    header, own, other, code, iom, rmo, com, assistant, yes, no = LANGS[lang]
    return [header,
            [code, D, "OMT", "S. Moses", "UNDP", "Operations Manager", yes],
            [code, D, "OMT", "M. Sigrah", iom, rmo, yes],
            [own, D, "OMT", "L. deBrum", "UNDP", "Operations Associate", yes],
            [own, D, "OMT", "T. Kabua", iom, rmo, no],
            [own, D, "OMT", "A. Zackhras", iom, assistant, yes],
            [own, D2, "SMT", "D. Paul", "UNDSS", "Security Associate", yes],
            [other, D2, "SMT", "E. Remengesau", iom, com, yes]]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
def test_another_mission_s_rows_in_a_country_column_are_not_read(lang):
    """The FSM RMO at FSM's OMT made the Marshall Islands OMT (its RMO "N") compliant; Palau's
    CoM at Palau's SMT made the Marshall Islands SMT (no IOM row) compliant."""
    result = _check(_compilation(lang))
    assert [(m.platform, m.verdict.value) for m in result.meetings] == [
        ("OMT", "wrong_level"), ("SMT", "absent")]  # fmt: skip
    assert result.rows.skipped == 3 and result.rows.used == 4
    s222 = [f for f in result.findings if f.code == "S223"]
    assert sorted(f.key for f in s222) == ["S223:rows", "S223:rows"]
    reading = result.extra["reading"]["tables"][0]
    assert reading["columns"]["country"]["column"] == "A"
    assert sorted(reading["other_mission"]) == ["FSM", "PLW"]


def test_the_mission_s_code_and_iom_s_office_there_place_a_row():
    rows = [["Mission", "Date", "Meeting", "Name", "Organization", "Title"],
            ["MHL", D, "HCT", "K. Langidrik", "IOM", "Chief of Mission"],
            ["IOM Marshall Islands", D2, "HCT", "K. Langidrik", "IOM", "Chief of Mission"],
            ["IOM Palau", D2, "HCT", "E. Remengesau", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["compliant", "compliant"]
    assert result.rows.skipped == 1


@pytest.mark.parametrize("value", [None, "Ebeye", "Palau / Marshall Islands"])
def test_an_iom_row_its_cell_places_in_no_mission_is_in_doubt(value):
    """A town, a blank, two countries: the row is never silently this mission's."""
    rows = [["Country", "Date", "Meeting", "Name", "Organization", "Title"],
            ["Marshall Islands", D, "HCT", "H. Kabua", "RCO", "Resident Coordinator"],
            [value, D, "HCT", "K. Langidrik", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["undetermined"]
    assert "S223:unplaced" in [f.key for f in result.findings]
    assert "C309" in [f.code for f in result.findings]


def test_a_country_column_of_the_mission_alone_changes_nothing():
    rows = [["Country", "Date", "Meeting", "Name", "Organization", "Title"],
            ["Kenya", D, "HCT", "J. Doe", "IOM", "Chief of Mission"]]  # fmt: skip
    result = _check(rows, name="KEN_2026-11.xlsx")
    assert verdicts(result) == ["compliant"]
    assert not [f for f in result.findings if f.code == "S223"]


HEADINGS = {
    "en": "IOM KIRIBATI – ATTENDANCE AT UN COORDINATION MEETINGS – NOVEMBER 2026",
    "fr": "Mission de l'OIM en Haïti – présences aux réunions de coordination",
    "es": "OIM Honduras – asistencia a reuniones de coordinación, noviembre de 2026",
    "pt": "Missão da OIM em Angola – presenças nas reuniões de coordenação",
}
ROWS = {
    "en": [["Date", "Meeting", "Name", "Organisation", "Title"],
           [D, "HCT", "B. Teiwaki", "IOM", "Chief of Mission"],
           [D2, "SMT", "E. Tabai", "RCO", "Designated Official"]],
    "fr": [["Date", "Réunion", "Nom", "Organisation", "Fonction"],
           [D, "EHP", "J. Doe", "OIM", "Chef de mission"],
           [D2, "SMT", "A. Lee", "PNUD", "Représentant résident"]],
    "es": [["Fecha", "Reunión", "Nombre", "Organización", "Cargo"],
           [D, "HCT", "J. Doe", "OIM", "Jefe de Misión"],
           [D2, "SMT", "A. Lee", "PNUD", "Representante residente"]],
    "pt": [["Data", "Reunião", "Nome", "Organização", "Cargo"],
           [D, "HCT", "J. Doe", "OIM", "Chefe de Missão"],
           [D2, "SMT", "A. Lee", "PNUD", "Representante residente"]],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
def test_a_roster_headed_with_another_mission_s_office_is_not_judged_as_this_one_s(lang):
    """IOM Kiribati's roster sent under Tuvalu's name: its CoM is not Tuvalu's; its meetings
    without IOM are not Tuvalu's absences either."""
    result = _check(ROWS[lang], name="TUV_2026-11_attendance.xlsx", heading=[HEADINGS[lang]])
    assert verdicts(result) == ["undetermined", "undetermined"]
    heading = [f for f in result.findings if f.key == "S223:heading"]
    assert len(heading) == 1 and heading[0].row == 1 and heading[0].column == "A"
    assert "TUV" in str(result.meetings[0].reason)


@pytest.mark.parametrize(
    ("name", "mission", "heading"),
    [("KIR_2026-11.xlsx", None, "IOM KIRIBATI – ATTENDANCE, NOVEMBER 2026"),
     ("TUV_2026-11.xlsx", "KIR", "IOM KIRIBATI – ATTENDANCE, NOVEMBER 2026"),
     ("KEN_2026-11.xlsx", None, "IOM Kenya – Sub-Office Kakuma, attendance"),
     ("KEN_2026-11.xlsx", None, "IOM Sub-Office Kakuma (Kenya), attendance"),
     ("FJI_2026-11.xlsx", None, "IOM Fiji multi-country office – Fiji meetings"),
     ("TUV_2026-11.xlsx", None, "IOM Fiji multi-country office – Tuvalu meetings"),
     ("KEN_2026-11.xlsx", None, "Somalia cross-border coordination – IOM attendance")],
)  # fmt: skip
def test_a_heading_of_the_mission_itself_or_of_a_sub_office_is_the_mission_s(
    name, mission, heading
):
    """The mission given on the command line is held against the heading as the file name's is."""
    result = _check(ROWS["en"], name=name, mission=mission, heading=[heading])
    assert verdicts(result) == ["compliant", "absent"]
    assert not [f for f in result.findings if f.code == "S223"]


def test_a_heading_of_another_mission_with_the_mission_given_is_still_in_doubt():
    result = _check(ROWS["en"], name="roster.xlsx", mission="TUV", heading=[HEADINGS["en"]])
    assert verdicts(result) == ["undetermined", "undetermined"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [("prepared by T. Tekeraoi, M&E Assistant, IOM Kiribati", ("KIR",)),
     ("OIM Haïti – Bureau de Port-au-Prince", ("HTI",)),
     ("IOM Country Office for Kenya", ("KEN",)),
     ("IOM NORTH PACIFIC – ATTENDANCE", ()),
     ("Attendance – Kiribati", ())],
)  # fmt: skip
def test_heading_offices(text, codes):
    assert heading_offices(text, frozenset({"iom", "oim"})) == codes


@pytest.mark.parametrize(
    ("value", "code"),
    [("Marshall Islands", "MHL"), ("Ilhas Marshall", "MHL"), ("FSM", "FSM"), ("Palaos", "PLW"),
     ("OIM Palau", "PLW"), ("Ebeye", None), ("Palau / Marshall Islands", None), (None, None)],
)  # fmt: skip
def test_mission_of(value, code):
    assert mission_of(value, frozenset({"iom", "oim"})) == code


_OTHERS = sorted(countries().iso3 - {"MHL"})


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_OTHERS), st.sampled_from(["name", "code", "iom"]),
                          st.sampled_from(["HCT", "OMT", "SMT", "UNCT"]),
                          st.sampled_from([D, D2, "19/11/2026"]),
                          st.sampled_from(["Chief of Mission", "Resource Management Officer",
                                           "Programme Coordinator"])),
                min_size=1, max_size=6))  # fmt: skip
def test_another_mission_s_rows_never_make_a_meeting_of_this_one_compliant(others):
    """The Marshall Islands' own meetings, IOM below the level or absent; any rows of other
    missions added with a Country column, IOM's staff at the level among them."""
    names = {code: name for name, code in countries().by_name.items()}
    rows = [
        ["Country", "Date", "Meeting", "Name", "Organization", "Title"],
        ["Marshall Islands", D, "OMT", "A. Zackhras", "IOM", "Finance Assistant"],
        ["Marshall Islands", D2, "SMT", "D. Paul", "UNDSS", "Security Associate"],
    ]
    for code, form, platform, date, title in others:
        cell = {"name": names[code].title(), "code": code, "iom": f"IOM {names[code].title()}"}[
            form
        ]
        rows.append([cell, date, platform, "X. Y", "IOM", title])
    result = _check(rows)
    assert "compliant" not in verdicts(result)
