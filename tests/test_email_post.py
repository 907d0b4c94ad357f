"""An IOM address whose local part names a post below the title beside it.

Round 17's BGR: "Chef de mission" for a person whose address was assistant.cdm.sofia@iom.int
(the CoM's assistant's mailbox), and SVK: "RMO" with rmoassistant.bratislava@iom.int, were
read as the CoM and the RMO: compliant. Who signed, the titled person or the assistant,
cannot be told: the row is in doubt (C309 quotes the title and the address)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.mailbox import post_below
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import codes, verdicts


def _check(rows: list[list[object]], lang: str = "en"):
    return check_workbook(Sheets(Path("XYZ_2026-10.xlsx"), [SheetGrid("List", rows)], hidden=[]),
                          CheckOptions(lang=lang))  # fmt: skip


_HEADERS = {
    "en": ["Date", "Meeting", "Name", "Organization", "Title", "Email"],
    "fr": ["Date", "Réunion", "Nom", "Structure", "Fonction", "Courriel"],
    "es": ["Fecha", "Reunión", "Nombre", "Organismo", "Cargo", "Correo electrónico"],
    "pt": ["Data", "Reunião", "Nome", "Organização", "Cargo", "Correio eletrónico"],
}
_IOM = {"en": "IOM", "fr": "OIM", "es": "OIM", "pt": "OIM"}
_COM = {"en": "Chief of Mission", "fr": "Chef de mission", "es": "Jefe de Misión",
        "pt": "Chefe de Missão"}  # fmt: skip
_RMO = {"en": "Resource Management Officer", "fr": "RMO", "es": "Oficial de Gestión de Recursos",
        "pt": "Oficial de Gestão de Recursos"}  # fmt: skip


def _roster(lang: str, meeting: str, name: str, title: str, email: str) -> list[list[object]]:
    return [_HEADERS[lang],
            ["08/10/2026", meeting, "V. Angelova", "RCO", "Resident Coordinator", "va@un.org"],
            ["08/10/2026", meeting, name, _IOM[lang], title, email],
            ["08/10/2026", meeting, "M. Koleva", "UNICEF", "Representative", "mk@unicef.org"]]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
@pytest.mark.parametrize("email", ["assistant.cdm.sofia@iom.int", "asst.com@iom.int",
                                   "pa.com.kigali@iom.int", "pacom@iom.int",
                                   "intern.unit@iom.int", "stagiaire.cdm@iom.int",
                                   "pasante.jdm@iom.int", "estagiario.lisboa@iom.int",
                                   "driver.com@iom.int", "secretaria.jdm@iom.int"])  # fmt: skip
def test_the_com_s_title_beside_a_lower_post_s_mailbox_is_in_doubt(lang, email):
    result = _check(_roster(lang, "UNCT", "G. Ivanov", _COM[lang], email), lang)
    assert verdicts(result) == ["undetermined"]
    assert len(codes(result, "C309")) == 1
    assert email in result.meetings[0].reason


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
def test_the_rmo_s_title_beside_the_rmo_assistant_s_mailbox_is_in_doubt(lang):
    result = _check(_roster(lang, "OMT", "L. Kovac", _RMO[lang],
                            "rmoassistant.bratislava@iom.int"), lang)  # fmt: skip
    assert verdicts(result) == ["undetermined"]
    assert len(codes(result, "C309")) == 1


@pytest.mark.parametrize(
    ("name", "title", "email", "verdict"),
    [("J. Doe", "Chief of Mission", "jdoe@iom.int", "compliant"),
     ("J. Doe", "Chief of Mission", "j.doe@iom.int", "compliant"),
     ("J. Driver", "Chief of Mission", "j.driver@iom.int", "compliant"),
     ("K. Pa", "Chief of Mission", "k.pa@iom.int", "compliant"),
     ("A. Pa", "Chief of Mission", "pa@iom.int", "compliant"),
     ("J. Doe", "Chief of Mission", "mission.sofia@iom.int", "compliant"),
     ("J. Doe", "Chief of Mission", "", "compliant"),
     ("J. Doe", "Assistant to the Chief of Mission", "assistant.com@iom.int", "wrong_level"),
     ("J. Doe", "Assistant du chef de mission", "assistant.cdm@iom.int", "wrong_level"),
     ("J. Doe", "Stagiaire", "stagiaire.cdm@iom.int", "wrong_level")],
)  # fmt: skip
def test_addresses_that_name_no_lower_post_change_nothing(name, title, email, verdict):
    """A personal address, an initial or surname that looks like a post word, and a title
    naming the mailbox's own post contradict nothing."""
    assert verdicts(_check(_roster("en", "UNCT", name, title, email))) == [verdict]


def test_a_row_that_says_absent_stays_absent():
    rows = [[*_HEADERS["en"], "Present"],
            ["08/10/2026", "UNCT", "G. Ivanov", "IOM", "Chief of Mission",
             "assistant.com@iom.int", "No"],
            ["08/10/2026", "UNCT", "M. Koleva", "UNICEF", "Representative", "mk@unicef.org",
             "Yes"]]  # fmt: skip
    assert verdicts(_check(rows)) == ["absent"]


def test_the_com_beside_her_assistant_stays_compliant():
    rows = [*_roster("en", "UNCT", "B. Petrova", "Chief of Mission", "bpetrova@iom.int"),
            ["08/10/2026", "UNCT", "G. Ivanov", "IOM", "Chief of Mission",
             "assistant.com@iom.int"]]  # fmt: skip
    assert verdicts(_check(rows)) == ["compliant"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ['"Chief of Mission"', "assistant.com@iom.int", "mailbox of a lower post"]),
     ("fr", ["« Chef de mission »", "assistant.com@iom.int", "boîte d'un poste inférieur"]),
     ("es", ["«Jefe de Misión»", "assistant.com@iom.int", "buzón de un puesto inferior"]),
     ("pt", ["«Chefe de Missão»", "assistant.com@iom.int", "caixa de um cargo inferior"])],
)  # fmt: skip
def test_the_reason_quotes_the_title_and_the_address(lang, words):
    result = _check(_roster(lang, "UNCT", "G. Ivanov", _COM[lang], "assistant.com@iom.int"), lang)
    (meeting,) = result.meetings
    assert all(w in meeting.reason for w in words), meeting.reason


@given(st.from_regex(r"[a-z]{1,8}(\.[a-z]{1,8})?", fullmatch=True))
def test_a_personal_local_part_of_plain_letters_never_names_a_post_alone(local):
    """A local part of one or two words none of which is a post word (or glued to a served
    post) names nothing: only explicit post words count."""
    words = {"assistant", "assistante", "asistente", "assistente", "asst", "assist", "intern",
             "interne", "stagiaire", "pasante", "becario", "becaria", "estagiario",
             "estagiaria", "trainee", "driver", "chauffeur", "conductor", "chofer",
             "motorista", "secretary", "secretaire", "secretaria", "secretario",
             "secretariat", "pa", "ass", "aa", "sa", "ea"}  # fmt: skip
    found = post_below(f"{local}@iom.int", "Chief of Mission")
    if found is not None:
        assert any(w in part for part in local.split(".") for w in words), local
