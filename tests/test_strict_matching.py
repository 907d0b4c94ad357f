"""A title or organisation is matched only when nothing unexplained stands around the known
name: containing "Chief of Mission" does not make someone the Chief of Mission."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.text import fold
from checker.vocabulary import IOM, OTHER, UNCLEAR, default_vocabulary


@pytest.fixture(scope="module")
def words():
    return default_vocabulary()


@pytest.mark.parametrize(
    "title",
    [
        "Special Assistant to the Chief of Mission",
        "Driver of the Chief of Mission",
        "Not the Chief of Mission",
        "Senior Assistant, Office of the CoM",
        "Chief of Mission, Driver",
        "Assistant du Chef de Mission",
        "Conductor de la Jefa de Misión",
        "سائق",  # "driver" in Arabic
    ],
)
def test_a_title_that_only_contains_a_role_is_not_that_role(words, title):
    # A post serving the Chief of Mission is that post (other staff); anything else around
    # the name is no match at all (a near miss, reported).
    assert words.title(title).role in (None, "OTHER")


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Special Assistant to the Chief of Mission", "OTHER"),
        ("Driver of the Chief of Mission", "OTHER"),
        ("Senior Assistant, Office of the CoM", "OTHER"),
        ("Assistant du Chef de Mission", "OTHER"),
        ("Not the Chief of Mission", None),
        ("Chief of Mission, Driver", None),
    ],
)
def test_a_post_serving_a_role_is_the_post(words, title, role):
    assert words.title(title).role == role


def test_a_title_containing_a_role_never_suggests_that_role(words):
    """Following the suggestion would turn a wrong level into a compliant meeting; the
    message names the role instead (S205:contains)."""
    for title in ("Former Chief of Mission", "Not the Chief of Mission",
                  "Chief of Mission (represented by Ops Officer J. Smith)"):  # fmt: skip
        assert words.suggest_title(title) is None
        assert words.contained_role(title) == "COM"
    assert words.suggest_title("Cheif of Mission") == "Chief of Mission"  # a typo


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Chief of Mission (represented by Ops Officer J. Smith)", None),
        ("Cheffe de mission – représentée par M. Koné, Chef de mission adjoint", "DCOM"),
        ("Chief of Mission's driver", "OTHER"),
    ],
)
def test_the_person_who_sat_is_the_one_titled(words, title, role):
    assert words.title(title).role == role


@pytest.mark.parametrize(
    ("title", "role", "sector", "acting"),
    [
        ("Chief of Mission (CoM)", "COM", None, False),
        ("Chief of Mission a.i.", "COM", None, True),
        ("Chef de Mission par intérim", "COM", None, True),
        ("Cheffe de mission", "COM", None, False),
        ("Jefe/a de Misión", "COM", None, False),
        ("RMO on behalf of the Chief of Mission", "RMO", None, False),
        ("Programme Officer pour le compte de la Cheffe de Mission", "PROG_OFF", None, False),
        ("Head of Sub-Office, Gambella", "HEAD_OFFICE", None, False),
        ("Programme Officer - Gambella", "PROG_OFF", None, False),
        ("Senior Programme Officer", "PROG_OFF", None, False),
        ("Deputy RMO", "RMO", None, True),
        ("WASH Programme Officer", "PROG_OFF", "WSH", False),
        ("Programme Officer (Health)", "PROG_OFF", "HEA", False),
        ("Chargé·e de programme", "PROG_OFF", None, False),
        ("Coordonnateur·rice du cluster Nutrition", "CLUSTER_COORD", "NUT", False),
        ("Coordonnateur des urgences", "EMERG_COORD", None, False),
        ("Coordinadora de Emergencia", "EMERG_COORD", None, False),
        ("Resource Mgmt Officer", "RMO", None, False),
        ("Migration Health Officer", "PROG_OFF", "HEA", False),
        ("Shelter PO", "PROG_OFF", "SHL", False),
        ("DCoM", "DCOM", None, False),
        ("Finance Officer", "OTHER", None, False),
        ("Field Security Officer", "SECURITY", None, False),
    ],
)
def test_a_role_with_known_qualifiers_is_that_role(words, title, role, sector, acting):
    found = words.title(title)
    assert (found.role, found.sector, found.acting) == (role, sector, acting)


@pytest.mark.parametrize(
    ("organisation", "reading"),
    [
        ("IOM", IOM),
        ("OIM Niger", IOM),
        ("IOM - UN Migration", IOM),
        ("Organisation internationale pour les migrations (OIM)", IOM),
        ("ІОМ", IOM),  # Cyrillic І, О, М
        ("I\u200bOM", IOM),  # a zero-width space
        ("IO\u00adM", IOM),  # a soft hyphen
        ("non-IOM", OTHER),
        ("Former IOM", OTHER),
        ("UNICEF", OTHER),
        ("OCHA (seconded from IOM)", UNCLEAR),
        # An organisation named as IOM's partner is that organisation (field4's HTI)…
        ("IOM partner NGO", OTHER),
        ("ONG partenaire de l'OIM", OTHER),
        ("ONG socia de la OIM", OTHER),
        ("UNHCR partner of IOM", OTHER),
        # …but not IOM joined to partners, a partner not named, another relation.
        ("IOM and partners", UNCLEAR),
        ("OIM et partenaires", UNCLEAR),
        ("OIM y socios", UNCLEAR),
        ("IOM/partner NGO", UNCLEAR),
        ("IOM partner", UNCLEAR),
        ("Socio implementador de la OIM", UNCLEAR),
        ("NRC, partner of IOM", UNCLEAR),
        ("NGO partner (seconded to IOM)", UNCLEAR),
        ("IOM/UNHCR", UNCLEAR),
    ],
)
def test_only_iom_is_iom(words, organisation, reading):
    assert words.organisation(organisation) == reading
    assert words.is_iom(organisation) is (reading == IOM)


_NAME = st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True)


@given(_NAME, st.sampled_from(["partner of IOM", "partenaire de l'OIM", "socia de la OIM"]),
       st.sampled_from(["and", "et", "y", "/", "&", "+", "with"]))  # fmt: skip
def test_a_partner_is_never_iom_and_iom_joined_to_partners_is_never_another(name, partner, join):
    words = default_vocabulary()
    assert words.organisation(f"{name} {partner}") != IOM
    assert words.organisation(f"IOM {join} {name} partners") != OTHER or fold(name) in (
        "non",
        "not",
        "former",
        "ancien",
        "antiguo",
        "formerly",
        "ancienne",
        "antigua",
    )


@pytest.mark.parametrize("text", ["رئيس البعثة", "Начальник", "首席", "ድርጅት"])
def test_text_in_other_scripts_keeps_a_key(text):
    assert fold(text)  # an empty key would match every other such text


def test_two_different_arabic_titles_are_not_the_same_key():
    assert fold("سائق") != fold("رئيس البعثة")


def test_a_profile_alias_without_letters_is_refused(tmp_path):
    from checker.config import ConfigError
    from checker.profile import load_profile

    path = tmp_path / "p.yaml"
    path.write_text('mission: TST\nextends: generic\naliases:\n  titles: {"—": COM}\n', "utf-8")
    with pytest.raises(ConfigError, match="no letters or digits"):
        load_profile(path, default_vocabulary())


def test_an_arabic_title_alias_matches_that_title_only(tmp_path):
    from checker.profile import load_profile

    path = tmp_path / "p.yaml"
    path.write_text(
        'mission: TST\nextends: generic\naliases:\n  titles: {"رئيس البعثة": COM}\n', "utf-8"
    )
    words = load_profile(path, default_vocabulary()).vocabulary
    assert words.title("رئيس البعثة").role == "COM"
    assert words.title("سائق").role is None  # a driver is not the Chief of Mission


@pytest.mark.parametrize(
    "title",
    ["Chief of Mission\nرئيس البعثة", "Chef de mission\nChief of Mission",
     "Jefa de Misión\nChief of Mission", "Chief of Mission\nJefe de Misión"],
)  # fmt: skip
def test_a_title_in_two_languages_is_that_title(words, title):
    """Field4's YEM: "Chief of Mission⏎رئيس البعثة" was S205 (no Arabic alias), its HCT
    undetermined; one role named in two languages is that role, as "Chief of Mission (CoM)"."""
    assert words.title(title) == words.title("Chief of Mission")


@pytest.mark.parametrize(
    "title",
    ["Chief of Mission\nسائق", "Chief of Mission\nDeputy Chief of Mission",
     "Chef de mission\nChauffeur", "Amina Bello\nChief of Mission", "Jefa de Misión\nNo"],
)  # fmt: skip
def test_lines_that_are_not_all_the_same_title_are_no_title(words, title):
    assert words.title(title).role is None
