"""An organisation cell and the e-mail address beside it that disagree about IOM.

Round 7's MEX: "OIM" with creyes@acnur.org made a Protection cluster compliant (the e-mail
column was not looked at in a list with an organisation column); DJI: "HCR" with
kfarah@iom.int under "Chef de mission a.i." made the SMT absent. Whose staff such a person is
cannot be told: the row makes the meeting neither compliant nor absent (C309 quotes both)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from checker.vocabulary import default_vocabulary
from tests.conftest import codes, verdicts


def _check(rows: list[list[object]], lang: str = "en"):
    return check_workbook(Sheets(Path("MEX_2026-11.xlsx"), [SheetGrid("Asistencia", rows)], hidden=[]),
                          CheckOptions(lang=lang))  # fmt: skip


def _roster(header: list[str], organisation: str, title: str, email: str) -> list[list[object]]:
    return [header,
            ["13/11/2026", "HCT", "C. Reyes", organisation, title, email],
            ["13/11/2026", "HCT", "A. Morales", "UNICEF", "Representative", "morales@unicef.org"]]  # fmt: skip


_HEADERS = {
    "en": ["Date", "Meeting", "Name", "Organization", "Title", "Email"],
    "fr": ["Date", "Réunion", "Nom", "Organisation", "Fonction", "Courriel"],
    "es": ["Fecha", "Reunión", "Nombre", "Organismo", "Cargo", "Correo electrónico"],
    "pt": ["Data", "Reunião", "Nome", "Organização", "Cargo", "Correio eletrónico"],
}
_COM = {"en": "Chief of Mission", "fr": "Chef de mission", "es": "Jefe de Misión",
        "pt": "Chefe de Missão"}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
@pytest.mark.parametrize("email", ["creyes@acnur.org", "c.reyes@unhcr.org", "CREYES@WFP.ORG",
                                   "creyes@ocha.un.org", " mailto:creyes@unicef.org "])  # fmt: skip
def test_iom_beside_another_agency_s_address_is_not_counted_as_iom(lang, email):
    result = _check(_roster(_HEADERS[lang], "OIM" if lang != "en" else "IOM", _COM[lang], email))
    assert verdicts(result) == ["undetermined"]
    assert len(codes(result, "C309")) == 1


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
@pytest.mark.parametrize("organisation", ["HCR", "UNHCR", "ACNUR", "UNICEF", "Save the Children"])
def test_another_organisation_beside_an_iom_address_is_not_counted_as_absent(lang, organisation):
    result = _check(_roster(_HEADERS[lang], organisation, _COM[lang], "kfarah@iom.int"))
    assert verdicts(result) == ["undetermined"]
    assert len(codes(result, "C309")) == 1


@pytest.mark.parametrize(
    ("organisation", "email", "verdict"),
    [("IOM", "creyes@iom.int", "compliant"), ("OIM", "creyes@gmail.com", "compliant"),
     ("IOM", "creyes@yahoo.fr", "compliant"), ("IOM", "creyes@hotmail.com", "compliant"),
     ("IOM", "creyes@outlook.com", "compliant"), ("IOM", "", "compliant"),
     ("IOM", "+52 55 1234 5678", "compliant"), ("UNHCR", "creyes@unhcr.org", "absent"),
     ("UNHCR", "creyes@gmail.com", "absent"), ("IOM", "see creyes@unhcr.org", "compliant")],
)  # fmt: skip
def test_addresses_that_agree_or_say_nothing_change_nothing(organisation, email, verdict):
    """A personal address, an address of the row's own organisation, a phone number, or a
    remark that only mentions an address contradict nothing."""
    result = _check(_roster(_HEADERS["en"], organisation, "Chief of Mission", email))
    assert verdicts(result) == [verdict]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ['"OIM"', "creyes@acnur.org", "correct the organisation or the e-mail address"]),
     ("fr", ["« OIM »", "creyes@acnur.org", "corrigez l'organisation ou l'adresse e-mail"]),
     ("es", ["«OIM»", "creyes@acnur.org", "corrija el organismo o el correo"])],
)  # fmt: skip
def test_the_reason_quotes_both_cells_in_the_run_s_language(lang, words):
    result = _check(_roster(_HEADERS["es"], "OIM", "Jefe de Misión", "creyes@acnur.org"), lang)
    (finding,) = [f for f in result.findings if f.code == "C309"]
    assert all(word in finding.message for word in words)
    assert "Asistencia" in finding.message and "2" in finding.message


def test_a_row_that_says_absent_stays_absent():
    rows = [["Date", "Meeting", "Name", "Organization", "Title", "Email", "Attended"],
            ["13/11/2026", "HCT", "C. Reyes", "IOM", "Chief of Mission", "c@unhcr.org", "No"],
            ["13/11/2026", "HCT", "A. Morales", "UNICEF", "Representative", "m@unicef.org", "Yes"]]  # fmt: skip
    assert verdicts(_check(rows)) == ["absent"]


def test_another_iom_attendee_still_makes_the_meeting_compliant():
    rows = [*_roster(_HEADERS["en"], "IOM", "Programme Officer", "c@unhcr.org"),
            ["13/11/2026", "HCT", "D. Ramírez", "IOM", "Chief of Mission", "d@iom.int"]]  # fmt: skip
    result = _check(rows)
    assert verdicts(result) == ["compliant"] and codes(result, "C309") == []


def test_the_address_may_stand_in_a_contact_column():
    """DJI's sign-in sheets head the address column "Contact" (read as a phone column)."""
    rows = [["Date", "Meeting", "Participant(e)s", "Structure", "Fonction", "Contact"],
            ["19/11/2026", "SMT", "K. Farah", "HCR", "Chef de mission a.i.", "kfarah@iom.int"],
            ["19/11/2026", "SMT", "S. Guedi", "HCR", "Représentant", "guedi@unhcr.org"]]  # fmt: skip
    assert verdicts(_check(rows, "fr")) == ["undetermined"]


def test_the_domains_are_vocabulary_data():
    headers = default_vocabulary().headers
    assert headers.email_kind("x@iom.int") == ("iom", "x@iom.int")
    assert headers.email_kind("x@acnur.org") == ("other", "x@acnur.org")
    assert headers.email_kind("x@geneva.iom.int") == ("iom", "x@geneva.iom.int")
    for cell in ("x@gmail.com", "x@notiom.int", "IOM", "x@iom", "a b@iom.int", None, 5):
        assert headers.email_kind(cell) is None


_IOM = ["IOM", "OIM", "UN Migration", "ONU Migración",
        "Organização Internacional para as Migrações"]  # fmt: skip


@given(
    st.sampled_from(sorted(default_vocabulary().words.email_domains["others"])),
    st.sampled_from(_IOM),
    st.from_regex(r"[a-z][a-z0-9._]{0,12}", fullmatch=True),
)
def test_iom_with_any_other_agency_s_domain_is_never_compliant(domain, organisation, local):
    result = _check(_roster(_HEADERS["en"], organisation, "Chief of Mission", f"{local}@{domain}"))
    assert verdicts(result) == ["undetermined"]


def _with_iom_domain(domain: str):
    """The bundled vocabulary with IOM's e-mail domain changed in its data alone."""
    from checker.vocabulary import Vocabulary

    base = default_vocabulary()
    words = base.words.model_copy(
        update={"email_domains": {**base.words.email_domains, "iom": [domain]}}
    )
    return Vocabulary(words, base.representation, base.columns, base.rules)


def test_iom_s_domain_is_the_vocabulary_s_alone():
    """One source of truth: the organisation cell, the organisation column's contents and an
    IOM log's e-mail evidence all take IOM's domain from vocabulary.yaml (it was also written
    into the code in three places)."""
    from checker.vocabulary import IOM, OTHER

    vocabulary = _with_iom_domain("oim.example")
    assert vocabulary.organisation("@oim.example") == IOM
    assert vocabulary.organisation("@iom.int") == OTHER
    assert vocabulary.headers.organisation_kind("x@oim.example") == "iom"
    assert vocabulary.headers.organisation_kind("@iom.int") == "other"
    for lang, header in (("en", ["Date", "Platform", "Name", "Title", "Email"]),
                         ("fr", ["Date", "Plateforme", "Nom", "Fonction", "Courriel"])):  # fmt: skip
        evidence = _log_evidence(vocabulary, lang, header, "ab@oim.example")
        assert evidence == [{"kind": "emails", "detail": header[-1]}], lang


def _log_evidence(vocabulary, lang: str, header: list[str], address: str) -> list[dict]:
    """The evidence that a list without organisation column is IOM's log, when the CoM's
    row gives `address`."""
    rows = [header, ["05/10/2026", "HCT", "A. B.", "Chief of Mission", address]]
    result = check_workbook(
        Sheets(Path("NER_2026-10.xlsx"), [SheetGrid("Sheet1", rows)], hidden=[]),
        CheckOptions(lang=lang),
        vocabulary,
    )
    return result.to_dict()["reading"]["tables"][0]["affiliation"]["evidence"]


def test_an_iom_subdomain_is_iom_everywhere():
    """x@geneva.iom.int was IOM beside an organisation cell but another agency's as an
    organisation cell of its own ("@geneva.iom.int") and in an IOM log's e-mail evidence."""
    from checker.vocabulary import IOM, OTHER, default_vocabulary

    vocabulary = default_vocabulary()
    assert vocabulary.organisation("@geneva.iom.int") == IOM
    assert vocabulary.organisation("x@notiom.int") == OTHER
    assert vocabulary.headers.organisation_kind("x@geneva.iom.int") == "iom"
    assert vocabulary.headers.organisation_kind("x@iom.int.example.com") == "other"
    for lang, header in (("en", ["Date", "Platform", "Name", "Title", "Email"]),
                         ("es", ["Fecha", "Reunión", "Nombre", "Cargo", "Correo"])):  # fmt: skip
        evidence = _log_evidence(vocabulary, lang, header, "ab@geneva.iom.int")
        assert evidence == [{"kind": "emails", "detail": header[-1]}], lang
