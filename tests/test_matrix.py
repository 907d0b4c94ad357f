"""An agency matrix (checker.matrix): meetings as rows, one column per agency ticked ✓ / ✗,
IOM's representative named only in a remark, when at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import matrix
from checker.api import CheckOptions, check_workbook
from checker.config import schemas_dir
from checker.headers import Headers
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import verdicts

HEADERS = Headers.read(schemas_dir() / "columns.yaml")


def _check(rows: list[list[object]], lang: str = "en"):
    sheet = SheetGrid("Matrix", rows)
    return check_workbook(Sheets(Path("NPL_2026-10.xlsx"), [sheet], hidden=[]),
                          CheckOptions(lang=lang))  # fmt: skip


# Per language: the header, a present and an absent mark, a remark naming IOM's Chief of
# Mission, one naming a Programme Officer.
LANGUAGES = {
    "en": (["Date", "Meeting", "RCO", "OCHA", "UNICEF", "IOM", "WHO", "Remarks"], "✓", "✗",
           "IOM: Chief of Mission (J. Doe)", "IOM represented by a Programme Officer"),
    "fr": (["Date", "Réunion", "BCR", "OCHA", "UNICEF", "OIM", "OMS", "Remarques"], "Oui",
           "Non", "OIM : Chef de mission (J. Doe)", "OIM représentée par un chargé de programme"),
    "es": (["Fecha", "Reunión", "OCR", "OCHA", "UNICEF", "OIM", "OMS", "Observaciones"], "Sí",
           "No", "OIM: Jefe de Misión (J. Doe)", "OIM representada por un Oficial de Programa"),
}  # fmt: skip


def _matrix(lang: str) -> list[list[object]]:
    header, yes, no, chief, officer = LANGUAGES[lang]
    return [
        header,
        ["05/10/2026", "HCT", yes, yes, yes, no, yes, ""],
        ["12/10/2026", "HCT", yes, yes, no, yes, yes, ""],
        ["19/10/2026", "HCT", yes, no, yes, yes, yes, chief],
        ["26/10/2026", "HCT", yes, yes, yes, yes, no, officer],
    ]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_iom_s_column_says_whether_iom_attended_and_a_remark_who_went(lang):
    result = _check(_matrix(lang), lang)
    # ✗ → absent; ✓ with nobody named → undetermined; the remark's title judged.
    assert verdicts(result) == ["absent", "undetermined", "compliant", "wrong_level"]
    meetings = result.to_dict()["meetings"]
    assert meetings[1]["iom_attendees"][0]["name"] is None
    nobody = {"en": "nobody is named", "fr": "personne n'est nommé", "es": "no se nombra a nadie"}
    assert nobody[lang] in meetings[1]["reason"] and "Matrix" in meetings[1]["reason"]
    assert meetings[2]["iom_attendees"][0]["name"] == "J. Doe"
    # Other agencies' columns are not people: one record per meeting, IOM's.
    assert sum(len(m["iom_attendees"]) for m in meetings) == 3
    rows = result.to_dict()["rows"]
    assert rows == {"read": 4, "used": 4, "skipped": 0, "rejected": 0}


def test_the_reading_says_it_is_a_matrix_and_which_column_is_iom_s():
    reading = _check(_matrix("en")).to_dict()["reading"]
    assert reading["sheets"] == [{"name": "Matrix", "status": "matrix"}]
    table = reading["tables"][0]
    assert table["layout"] == "matrix"
    assert table["columns"]["presence"] == {"column": "F", "header": "IOM",
                                            "found_by": "iom_column"}  # fmt: skip
    assert table["columns"]["title"]["found_by"] == "remark"
    agencies = [c["column"] for c in table["ignored_columns"] if c["kind"] == "agency"]
    assert agencies == ["C", "D", "E", "G"]


def test_a_matrix_without_an_iom_column_is_not_a_matrix_nor_compliant():
    rows = [["Date", "Meeting", "RCO", "OCHA", "UNICEF", "WHO", "Remarks"],
            ["05/10/2026", "HCT", "✓", "✓", "✓", "✓", "IOM: Chief of Mission (J. Doe)"],
            ["12/10/2026", "HCT", "✓", "✓", "✗", "✓", ""]]  # fmt: skip
    result = _check(rows)
    assert "compliant" not in verdicts(result)
    assert all(t["layout"] != "matrix" for t in result.to_dict()["reading"]["tables"])


def test_a_blank_iom_cell_leaves_the_meeting_undetermined():
    rows = _matrix("en")[:2]
    rows[1] = ["05/10/2026", "HCT", "✓", "✓", "✓", "", "✓", "IOM: Chief of Mission"]
    result = _check(rows)
    assert verdicts(result) == ["undetermined"]


@pytest.mark.parametrize("mark, remark", [
    ("✗", "IOM represented by the Chief of Mission"),  # the mark and the remark disagree
    ("✓", "IOM: Chief of Mission (left after the first item)"),
    ("✓", "IOM: Chief of Mission; OIM : Chef de mission adjoint"),  # two remarks on IOM
    ("✓", "IOM sent apologies, the CoM joined later"),
])  # fmt: skip
def test_a_remark_on_iom_that_says_more_than_who_went_is_doubt(mark, remark):
    rows = _matrix("en")[:2]
    rows[1] = ["05/10/2026", "HCT", "✓", "✓", "✓", mark, "✓", remark]
    assert verdicts(_check(rows)) == ["undetermined"]


def test_an_absent_mark_beside_an_apology_stays_absent():
    rows = _matrix("en")[:2]
    rows[1] = ["05/10/2026", "HCT", "✓", "✓", "✓", "✗", "✓", "IOM: apologies"]
    assert verdicts(_check(rows)) == ["absent"]


def test_a_remark_about_another_agency_names_nobody_for_iom():
    rows = _matrix("en")[:2]
    rows[1] = ["05/10/2026", "HCT", "✓", "✓", "✓", "✓", "✓", "WHO: Chief of Mission (A. B.)"]
    assert verdicts(_check(rows)) == ["undetermined"]


@pytest.mark.parametrize("text, title, name", [
    ("IOM: CCCM cluster coordinator (S. Gurung)", "CCCM cluster coordinator", "S. Gurung"),
    ("IOM represented by a Programme Officer (R. Thapa)", "Programme Officer", "R. Thapa"),
    ("OIM représentée par un chargé de programme", "chargé de programme", None),
    ("OIM representada por la Jefa de Misión (A. López)", "Jefa de Misión", "A. López"),
    ("OIM : Chef de mission", "Chef de mission", None),
])  # fmt: skip
def test_the_remark_forms_that_name_iom_s_representative(text, title, name):
    assert matrix.representative([text], HEADERS) == matrix.Representative(title, name)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_a_remark_never_names_a_representative_without_naming_iom(text):
    said = matrix.representative([text], HEADERS)
    if not HEADERS.names_iom(text):
        assert said is None


@given(st.text(min_size=1, max_size=30).filter(lambda t: "(" not in t and ")" not in t))
def test_a_bracket_that_speaks_of_absence_gives_no_title(words):
    said = matrix.representative([f"IOM: Chief of Mission (absent {words})"], HEADERS)
    assert said is None or said.title is None


_MARKS = st.sampled_from(["✓", "✗", "", "X", "Oui", "Non", "?", "CoM", "Chief of Mission"])
_REMARKS = st.sampled_from([
    "", "monsoon response review", "WHO: Chief of Mission (A. B.)", "IOM: apologies",
    "IOM: Chief of Mission (left early)", "Chief of Mission", "IOM", "IOM: ✓",
    "UNICEF represented by its Representative", "OIM : Chef de mission; IOM: Driver",
])  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_MARKS, _MARKS, _REMARKS), min_size=1, max_size=5))
def test_no_matrix_row_is_compliant_without_a_remark_naming_iom_s_representative(rows):
    """Whatever IOM's and the other agencies' cells say, a meeting is compliant only on a
    remark naming IOM's representative, which none of these is."""
    table = [["Date", "Meeting", "RCO", "OCHA", "UNICEF", "IOM", "Remarks"]]
    table += [[f"{5 + i:02d}/10/2026", "HCT", "✓", other, "✗", iom, remark]
              for i, (iom, other, remark) in enumerate(rows)]  # fmt: skip
    result = _check(table)
    assert "compliant" not in verdicts(result)
    counted = result.to_dict()["rows"]
    assert counted["read"] == counted["used"] + counted["skipped"] + counted["rejected"]


@pytest.mark.parametrize("remark", ["IOM: Chief of Mission (left after the first item)",
                                    "OIM : Cheffe de mission (partie après le point 2)"])  # fmt: skip
def test_a_remark_that_iom_left_early_gives_the_left_early_reason(remark):
    """One policy (checker.partial): the reason a remark or comment elsewhere gets."""
    rows = _matrix("en")[:2]
    rows[1] = ["05/10/2026", "HCT", "✓", "✓", "✓", "✓", "✓", remark]
    result = _check(rows)
    assert verdicts(result) == ["undetermined"]
    reason = result.meetings[0].reason or ""
    assert remark in reason and "!H2" in reason and "left early or arrived late" in reason
