"""The organisation column read for what it holds, not only for its header: of two
organisation columns the one naming agencies over one holding "UN"; title and organisation
headers written over each other's column; an organisation written in the name cell. Every
such reading is said (S216), and a cell that contradicts another about IOM leaves the person
not counted as IOM (S213) — never a silent guess, never a false "compliant"."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.formatting import Hidden
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import codes, verdicts


def _check(rows: list[list[object]], name: str = "KEN_2026-11.xlsx"):
    return check_workbook(Sheets(Path(name), [SheetGrid("Sheet1", rows)], hidden=[]),
                          CheckOptions())  # fmt: skip


def _columns(result) -> dict:
    return result.to_dict()["reading"]["tables"][0]["columns"]


def _messages(result, code: str) -> list[str]:
    return [f.message for f in result.findings if f.code == code]


# ------------------------------------------------------------------ two organisation columns

# probe_p5 "HCT 4 Nov": "Organization" holds "UN" on every row, "Agency" names the agencies;
# the first was read, and IOM's deputy CoM was missed (absent).
TWO_COLUMNS = [
    ("Date", "Platform", "Name", "Organization", "Agency", "Title", "UN", "IOM",
     "Deputy Chief of Mission", "Representative"),
    ("Date", "Plateforme", "Nom", "Organisation", "Agence", "Fonction", "ONU", "OIM",
     "Chef de mission adjoint", "Représentant"),
    ("Fecha", "Plataforma", "Nombre", "Organización", "Agencia", "Cargo", "ONG", "OIM",
     "Jefe de Misión Adjunto", "Representante"),
    ("Data", "Plataforma", "Nome", "Organização", "Agência", "Cargo", "Gov", "OIM",
     "Chefe de Missão Adjunto", "Representante"),
]  # fmt: skip


@pytest.mark.parametrize(("date", "platform", "name", "first", "second", "title", "word",
                          "iom", "deputy", "other"), TWO_COLUMNS)  # fmt: skip
def test_of_two_organisation_columns_the_one_naming_agencies_is_read(
    date, platform, name, first, second, title, word, iom, deputy, other
):
    rows = [[date, platform, name, first, second, title],
            ["04/11/2026", "HCT", "J. Doe", word, "UNHCR", other],
            ["04/11/2026", "HCT", "A. Smith", word, iom, deputy],
            ["04/11/2026", "HCT", "K. Lee", word, "WFP", "Country Director"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["wrong_level"]  # IOM's deputy is found, not missed (absent)
    assert _columns(result)["organization"] == {"column": "E", "header": second,
                                                "found_by": "contents"}  # fmt: skip
    assert codes(result, "S216") == [("S216", "Sheet1!E1")]
    (message,) = _messages(result, "S216")
    assert "by its contents" in message and f'"{word}"' in message


def test_the_column_naming_agencies_stays_read_when_it_comes_first_and_says_why():
    rows = [["Date", "Platform", "Name", "Agency", "Organization", "Title"],
            ["04/11/2026", "HCT", "J. Doe", "UNHCR", "UN", "Representative"],
            ["04/11/2026", "HCT", "P. Diallo", "IOM", "UN", "Chief of Mission"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["compliant"]
    (message,) = _messages(result, "S216")
    assert "by its contents" in message and "the one read comes first" not in message


@pytest.mark.parametrize(
    "second",
    [["UNHCR", "UNICEF"],  # two columns of agencies: the contents do not decide
     ["IOM", "IOM"],  # one word, but IOM's name: not a kind of organisation
     ["UN", "NGO"]],  # not one word
)  # fmt: skip
def test_when_the_contents_do_not_decide_the_first_is_read_and_s216_says_so(second):
    rows = [["Date", "Platform", "Name", "Organization", "Agency", "Title"],
            ["04/11/2026", "HCT", "J. Doe", "UNHCR", second[0], "Representative"],
            ["04/11/2026", "HCT", "P. Diallo", "IOM", second[1], "Chief of Mission"]]  # fmt: skip
    result = _check(rows)
    assert _columns(result)["organization"]["column"] == "D"
    (message,) = _messages(result, "S216")
    assert "the one read comes first" in message


def test_a_hidden_column_of_agencies_is_not_read_over_a_visible_one():
    rows = [["Date", "Platform", "Name", "Organization", "Agency", "Title"],
            ["04/11/2026", "HCT", "J. Doe", "UN", "UNHCR", "Representative"],
            ["04/11/2026", "HCT", "P. Diallo", "UN", "IOM", "Chief of Mission"]]  # fmt: skip
    grid = SheetGrid("Sheet1", rows, hidden=Hidden(columns=frozenset({4})))
    result = check_workbook(Sheets(Path("KEN_2026-11.xlsx"), [grid], hidden=[]), CheckOptions())
    assert _columns(result)["organization"]["column"] == "D"
    assert verdicts(result) == ["absent"]  # last year's column is not read: safe, and said
    assert "hidden" in _messages(result, "S216")[0]


# ------------------------------------------------------------------ swapped headers

# probe_p5 "SMT 12 Nov": "Title" holds IOM / UNICEF, "Agency" holds the titles.
SWAPPED = [
    ("Name", "Title", "Agency", "IOM", "Chief of Mission", "Representative"),
    ("Nom", "Fonction", "Organisation", "OIM", "Chef de mission", "Représentant"),
    ("Nombre", "Cargo", "Agencia", "OIM", "Jefa de Misión", "Representante"),
    ("Nome", "Cargo", "Organização", "OIM", "Chefe de Missão", "Representante"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "title", "org", "iom", "com", "other"), SWAPPED)
def test_title_and_organisation_headers_over_each_others_column_are_read_swapped(
    name, title, org, iom, com, other
):
    rows = [["Date", "Platform", name, title, org],
            ["12/11/2026", "SMT", "P. Diallo", iom, com],
            ["12/11/2026", "SMT", "M. Ruiz", "UNICEF", other],
            ["12/11/2026", "SMT", "T. Ng", "WFP", "Country Director"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["compliant"]
    columns = _columns(result)
    assert columns["organization"] == {"column": "D", "header": title, "found_by": "contents"}
    assert columns["title"] == {"column": "E", "header": org, "found_by": "contents"}
    assert codes(result, "S216") == [("S216", "Sheet1!D1")]
    (message,) = _messages(result, "S216")
    assert f'E "{org}" holds titles' in message and f'D "{title}" holds organisations' in message


def test_a_swap_never_makes_someone_of_another_agency_iom():
    """The row's two cells both name an agency: IOM under "Title", UNHCR under "Agency". Read
    by the headers the person is UNHCR's, swapped IOM's: not counted as IOM (S213)."""
    rows = [["Date", "Platform", "Name", "Title", "Agency"],
            ["12/11/2026", "SMT", "P. Diallo", "IOM", "UNHCR"],
            ["12/11/2026", "SMT", "M. Ruiz", "UNICEF", "Representative"],
            ["12/11/2026", "SMT", "T. Ng", "WFP", "Country Director"],
            ["12/11/2026", "SMT", "S. Koval", "UNDP", "Resident Representative"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["undetermined"]
    assert codes(result, "S213") == [("S213", "Sheet1!D2")]
    assert "UNHCR" in _messages(result, "S213")[0]


def test_columns_mostly_right_are_not_swapped():
    rows = [["Date", "Platform", "Name", "Title", "Agency"],
            ["12/11/2026", "SMT", "P. Diallo", "Chief of Mission", "IOM"],
            ["12/11/2026", "SMT", "M. Ruiz", "UNICEF", "Representative"],  # one row swapped
            ["12/11/2026", "SMT", "T. Ng", "Country Director", "WFP"]]  # fmt: skip
    result = _check(rows)
    assert _columns(result)["organization"]["found_by"] == "header"
    assert not codes(result, "S216")


def test_a_mapped_column_is_never_swapped():
    rows = [["Date", "Platform", "Name", "Title", "Agency"],
            ["12/11/2026", "SMT", "P. Diallo", "IOM", "Chief of Mission"],
            ["12/11/2026", "SMT", "M. Ruiz", "UNICEF", "Representative"]]  # fmt: skip
    options = CheckOptions(columns=(("organization", "Agency"),))
    result = check_workbook(Sheets(Path("KEN_2026-11.xlsx"), [SheetGrid("Sheet1", rows)],
                                   hidden=[]), options)  # fmt: skip
    assert _columns(result)["organization"]["column"] == "E"
    assert verdicts(result) == ["absent"]


# ------------------------------------------------------------------ organisation in the name


@pytest.mark.parametrize(
    ("header", "cell", "title"),
    [("Agency", "IOM – P. Diallo", "Chief of Mission"),
     ("Organisation", "P. Diallo (OIM)", "Chef de mission"),
     ("Agencia", "P. Diallo / OIM", "Jefe de Misión"),
     ("Organização", "OIM - P. Diallo", "Chefe de Missão")],
)  # fmt: skip
def test_an_organisation_in_the_name_cell_is_read_when_the_organisation_cell_is_blank(
    header, cell, title
):
    rows = [["Date", "Platform", "Name", header, "Title"],
            ["10/11/2026", "UNCT", cell, None, title],
            ["10/11/2026", "UNCT", "M. Ruiz", "UNICEF", "Representative"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["compliant"]
    assert codes(result, "S216") == [("S216", "Sheet1!C2")]
    (message,) = _messages(result, "S216")
    assert "name cell" in message and "D2" in message


@pytest.mark.parametrize(("cell", "org"), [("IOM – P. Diallo", "UNHCR"),
                                           ("P. Diallo (UNHCR)", "IOM"),
                                           ("P. Diallo / OIM", "ACNUR")])  # fmt: skip
def test_a_name_cell_naming_another_organisation_than_its_row_is_unclear(cell, org):
    rows = [["Date", "Platform", "Name", "Agency", "Title"],
            ["10/11/2026", "UNCT", cell, org, "Chief of Mission"],
            ["10/11/2026", "UNCT", "M. Ruiz", "UNICEF", "Representative"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["undetermined"]  # never compliant, nor silently absent
    assert codes(result, "S213") == [("S213", "Sheet1!D2")]
    assert "name cell" in _messages(result, "S213")[0]


def test_a_title_in_the_name_cell_is_no_organisation():
    rows = [["Date", "Platform", "Name", "Agency", "Title"],
            ["10/11/2026", "UNCT", "IOM Representative – P. Diallo", None, None],
            ["10/11/2026", "UNCT", "M. Ruiz", "UNICEF", "Representative"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["absent"]
    assert not codes(result, "S216")


# ------------------------------------------------------------------ property

_AGENCIES = ["UNHCR", "UNICEF", "WFP", "OCHA", "IOM", "OIM", "UNDP"]
_TITLES = ["Chief of Mission", "Deputy Chief of Mission", "Representative", "Country Director",
           "Programme Officer", "Head of Office", "Chef de mission"]  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.lists(st.tuples(st.sampled_from(_AGENCIES), st.sampled_from(_TITLES)),
                    min_size=2, max_size=5),
    order=st.permutations(range(3)),
    swap_headers=st.booleans(),
    umbrella=st.sampled_from([None, "UN", "NGO"]),
)  # fmt: skip
def test_shuffled_columns_and_swapped_headers_never_make_a_meeting_compliant(
    people, order, swap_headers, umbrella
):
    """Whatever the order of the name, organisation and title columns, with the title and
    organisation headers swapped or an umbrella column ("UN") beside them, a meeting is
    compliant only if it is compliant read with the right headers."""
    right = [["Date", "Platform", "Name", "Agency", "Title"],
             *[["04/11/2026", "HCT", f"P{i}", org, title] for i, (org, title) in enumerate(people)]]  # fmt: skip
    expected = verdicts(_check(right))
    headers = ["Name", "Agency", "Title"]
    if swap_headers:
        headers = ["Name", "Title", "Agency"]
    body = [[f"P{i}", org, title] for i, (org, title) in enumerate(people)]
    rows = [["Date", "Platform", *[headers[k] for k in order]],
            *[["04/11/2026", "HCT", *[line[k] for k in order]] for line in body]]  # fmt: skip
    if umbrella is not None:
        rows = [[*rows[0], "Organization"], *[[*row, umbrella] for row in rows[1:]]]
    got = verdicts(_check(rows))
    if "compliant" in got:
        assert expected == ["compliant"], (rows, expected, got)
