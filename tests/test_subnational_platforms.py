"""A platform cell that says the meeting's level ("EHP sous-nationale – Anjouan", "Sub-national
HCT – Hela Province"; field8 COM and PNG) is that platform at that level, in the place after
the dash: the generic table judges it as it judges the level column's sub-national meetings.
Anything the words do not account for leaves the platform unknown (S204), never a guess."""

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


@pytest.fixture(scope="module")
def words():
    return default_vocabulary()


@pytest.mark.parametrize(
    ("cell", "platform", "sector", "place"),
    [
        ("Sub-national HCT – Hela Province", "HCT", None, "Hela Province"),
        ("Area-level ICCG – Hela", "ICCG", None, "Hela"),
        ("Area-level Inter-Cluster Coordination Group (ICCG) – Hela", "ICCG", None, "Hela"),
        ("Regional Protection Cluster - Mopti", "CLUSTER", "PRO", "Mopti"),
        ("EHP sous-nationale – Anjouan", "HCT", None, "Anjouan"),
        ("Cluster Abris – Anjouan (niveau insulaire)", "CLUSTER", "SHL", "Anjouan"),
        ("EHP provincial – Nord-Kivu", "HCT", None, "Nord-Kivu"),
        ("Equipo Humanitario de País subnacional – Beni", "HCT", None, "Beni"),
        ("Clúster de Protección (área) – Cúcuta", "CLUSTER", "PRO", "Cúcuta"),
        ("Equipa Humanitária de País subnacional – Cabo Delgado", "HCT", None, "Cabo Delgado"),
        ("HCT – sub-national", "HCT", None, None),
    ],
)
def test_a_platform_with_words_of_a_level_is_that_platform_there(words, cell, platform, sector,
                                                                 place):  # fmt: skip
    assert words.platform(cell) is None  # not a platform as written
    found = words.platform_at_level(cell)
    assert found is not None
    assert (found.match.platform, found.match.sector, found.level, found.place) == (
        platform, sector, "subnational", place)  # fmt: skip


@pytest.mark.parametrize(
    "cell",
    [
        "HCT – Goma",  # a place says no level
        "Clúster CCCM (OIM co-lidera)",  # words the level does not account for
        "Sub-national HCT? – Hela",  # doubted
        "Sub-national HCT – national",  # two levels
        "Sub-national HCT – Hela – Tari",  # which is the place
        "Sub-national Humanitarian Partners – Hela",  # no platform
        "EHP sous-nationale (OIM co-lead) – Anjouan",
    ],
)
def test_anything_unaccounted_for_leaves_the_platform_unknown(words, cell):
    assert words.platform_at_level(cell) is None


_PLATFORMS = ["HCT", "EHP", "ICCG", "UNCT", "Shelter Cluster", "Clúster de Salud"]
_LEVEL_WORDS = ["Sub-national", "sous-nationale", "subnacional", "Área", "Area-level",
                "Provincial", "Regional"]  # fmt: skip


@given(st.sampled_from(_PLATFORMS), st.sampled_from(_LEVEL_WORDS), st.booleans(),
       st.sampled_from(["Goma", "Hela Province", "Cabo Delgado", ""]))  # fmt: skip
def test_the_level_words_never_change_the_platform(name, level, before, place):
    words = default_vocabulary()
    cell = f"{level} {name}" if before else f"{name} {level}"
    found = words.platform_at_level(f"{cell} – {place}" if place else cell)
    assert found is not None
    assert found.match == words.platform(name)
    assert (found.level, found.place) == ("subnational", place or None)


def _check(rows):
    sheet = SheetGrid("Sheet1", rows)
    return check_workbook(Sheets(Path("COM_2026-12.xlsx"), [sheet], hidden=[]), CheckOptions())


HEADER = ["Date", "Réunion", "Niveau", "Lieu", "Nom", "Organisation", "Fonction"]


def test_the_meeting_is_judged_at_the_level_and_place_its_name_says():
    result = _check([HEADER,
                     ["09/12/2026", "EHP sous-nationale – Anjouan", "", "", "Y. Omar", "OIM",
                      "Chef de mission adjoint"],
                     ["10/12/2026", "Sub-national HCT – Hela Province", "", "Tari", "J. Doe",
                      "IOM", "Chief of Mission"]])  # fmt: skip
    assert codes(result, "S204") == []
    assert [(m.platform, m.level, m.location) for m in result.meetings] == [
        ("HCT", "subnational", "Anjouan"), ("HCT", "subnational", "Tari")]  # fmt: skip
    # The generic table knows one rule for the HCT at every level: the Chief of Mission.
    assert verdicts(result) == ["wrong_level", "compliant"]


def test_a_level_cell_saying_another_level_leaves_the_platform_unknown():
    result = _check([HEADER,
                     ["09/12/2026", "EHP sous-nationale – Anjouan", "National", "", "A. B.",
                      "OIM", "Chef de mission"]])  # fmt: skip
    assert codes(result, "S204") == [("S204", "Sheet1!B2")]
    assert verdicts(result) == ["undetermined"]


# --- A cluster's sub-cluster in a place; a level word, then the place in brackets ----------


@pytest.mark.parametrize(
    ("cell", "sector", "place"),
    [
        ("Cluster Protection – sous-cluster Nord (Ettelbruck)", "PRO", "Nord (Ettelbruck)"),
        ("Protection Sub-Cluster – Dohuk", "PRO", "Dohuk"),
        ("Shelter Cluster – sub-cluster (Goma)", "SHL", "Goma"),
        ("Subclúster de Protección – Región Sur", "PRO", "Región Sur"),
        ("Cluster de Proteção – subnacional (Portsmouth)", "PRO", "Portsmouth"),
        ("Cluster de Proteção subnacional (Portsmouth)", "PRO", "Portsmouth"),
        ("Health Cluster – sub-national (Hela)", "HEA", "Hela"),
        ("Cluster Santé – sous-national (Kindu)", "HEA", "Kindu"),
    ],
)
def test_a_sub_cluster_in_a_place_is_the_cluster_there(words, cell, sector, place):
    assert words.platform(cell) is None  # not the cluster's national meeting
    found = words.platform_at_level(cell)
    assert found is not None
    assert (found.match.platform, found.match.sector, found.level, found.place) == (
        "CLUSTER", sector, "subnational", place)  # fmt: skip


@pytest.mark.parametrize(
    "cell",
    [
        "Protection cluster – GBV sub-cluster",  # a sector's sub-cluster: the AoR, national
        "Subclúster de Protección",  # no place
        "Sub-cluster Protection",
    ],
)
def test_a_sub_cluster_without_a_place_stays_the_cluster(words, cell):
    assert words.platform(cell) == words.platform("Protection Cluster")
    assert words.platform_at_level(cell) is None


@pytest.mark.parametrize(
    "cell",
    [
        "Sub-national HCT (cancelled)",  # a remark in brackets, not a place
        "Sub-national HCT (OIM co-lead)",
        "Cluster de Proteção – subnacional (adiada)",
        "Cluster Protection – sous-cluster (reportée au 26/11)",
        "Protection sub-cluster – working group on cash",  # a side meeting
        "Cluster Protection – Nord subnacional (Portsmouth)",  # "Nord" unaccounted for
    ],
)
def test_a_bracket_that_names_no_place_reads_nothing(words, cell):
    assert words.platform_at_level(cell) is None


def _sheets(*sheets):
    return check_workbook(Sheets(Path("LUX_2026-11.xlsx"), [SheetGrid(n, r) for n, r in sheets],
                                 hidden=[]), CheckOptions())  # fmt: skip


_SIGN_IN = ["N°", "Nom et prénom", "Structure", "Fonction", "Émargement"]


def test_a_sub_cluster_sheet_is_not_merged_into_the_national_cluster():
    # FR: the national cluster without IOM, the northern sub-cluster the same day with IOM.
    result = _sheets(
        ("Protection 12 nov", [["Cluster Protection – réunion nationale – 12 novembre 2026"], [],
                               _SIGN_IN, [1, "S. Muller", "HCR", "Coordonnateur du cluster", "SM"],
                               [2, "T. Reuter", "NRC", "Chargé de protection", "TR"]]),
        ("Protection Nord", [["Cluster Protection – sous-cluster Nord (Ettelbruck) – 12 novembre "
                              "2026"], [], _SIGN_IN,
                             [1, "G. Becker", "HCR", "Point focal protection", "GB"],
                             [2, "J. Muller", "OIM", "Chargée de protection", "JM"]]),
    )  # fmt: skip
    assert [(m.platform, m.sector, m.level, m.location, str(m.verdict))
            for m in result.meetings] == [
        ("CLUSTER", "PRO", "national", None, "absent"),
        ("CLUSTER", "PRO", "subnational", "Nord (Ettelbruck)", "compliant"),
    ]  # fmt: skip


def test_a_level_word_then_a_place_in_brackets_is_a_sub_national_meeting():
    # PT: "Cluster de Proteção – subnacional (Portsmouth)", no Level column.
    result = _check([["Data", "Reunião", "Nome", "Organização", "Cargo"],
                     ["20/12/2026", "Cluster de Proteção – subnacional (Portsmouth)", "M. Pascal",
                      "OIM", "Oficial de Proteção"],
                     ["20/12/2026", "Cluster de Proteção", "D. Laville", "ACNUR",
                      "Oficial de Proteção"]])  # fmt: skip
    assert codes(result, "S204") == []
    assert [(m.level, m.location, str(m.verdict)) for m in result.meetings] == [
        ("subnational", "Portsmouth", "compliant"), ("national", None, "absent")]  # fmt: skip


# --- A place naming a field office; two places the same day ------------------------------

_LIST = {
    "es": ["Fecha", "Espacio", "Nivel", "Lugar", "Nombre", "Entidad", "Cargo"],
    "fr": ["Date", "Réunion", "Niveau", "Lieu", "Nom", "Organisation", "Fonction"],
    "en": ["Date", "Meeting", "Level", "Location", "Name", "Organization", "Title"],
    "pt": ["Data", "Reunião", "Nível", "Local", "Nome", "Organização", "Cargo"],
}
_CLUSTER = {"es": ("Clúster de Protección", "Nacional", "ACNUR", "Oficial de Protección"),
            "fr": ("Cluster Protection", "National", "HCR", "Chargé de protection"),
            "en": ("Protection Cluster", "National", "UNHCR", "Protection Officer"),
            "pt": ("Cluster de Proteção", "Nacional", "ACNUR", "Oficial de Proteção")}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "place"),
    [("es", "Vieux Fort (hub sur)"), ("es", "Oficina de terreno Cúcuta"),
     ("fr", "Sous-bureau de Goma"), ("fr", "Antenne de Kindu"), ("en", "Tari field office"),
     ("en", "Gode (sub-office)"), ("pt", "Escritório de campo de Pemba"),
     ("en", "Hela (provincial)")],
)  # fmt: skip
def test_a_place_naming_a_field_office_is_a_sub_national_meeting(lang, place):
    name, national, agency, officer = _CLUSTER[lang]
    iom = {"es": "OIM", "fr": "OIM", "en": "IOM", "pt": "OIM"}[lang]
    result = _check([_LIST[lang],
                     ["11/12/2026", name, national, "Capital", "A. B.", agency, officer],
                     ["11/12/2026", name, "", place, "C. D.", agency, officer],
                     ["11/12/2026", name, "", place, "E. F.", iom, officer]])  # fmt: skip
    assert [(m.level, m.location, str(m.verdict)) for m in result.meetings] == [
        ("national", "Capital", "absent"), ("subnational", place, "compliant")]  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "fr", "en", "pt"])
def test_two_places_the_same_day_with_no_level_said_never_cover_the_national_meeting(lang):
    name, national, agency, officer = _CLUSTER[lang]
    iom = {"es": "OIM", "fr": "OIM", "en": "IOM", "pt": "OIM"}[lang]
    result = _check([_LIST[lang],
                     ["11/12/2026", name, national, "Capital", "A. B.", agency, officer],
                     ["11/12/2026", name, "", "Southtown", "E. F.", iom, officer]])  # fmt: skip
    assert [(m.level, m.location, str(m.verdict)) for m in result.meetings] == [
        ("national", "Capital", "absent"),
        ("national", "Southtown", "undetermined"),
    ]
    assert "Capital" in (result.meetings[1].reason or "")
    assert codes(result, "C309") == [("C309", "Sheet1!B3")]


def test_two_places_with_no_level_column_leave_both_in_doubt():
    result = _check(
        [
            ["Date", "Meeting", "Location", "Name", "Organization", "Title"],
            ["11/12/2026", "HCT", "Capital", "J. Doe", "IOM", "Chief of Mission"],
            ["11/12/2026", "HCT", "Southtown", "A. Roe", "IOM", "Chief of Mission"],
        ]
    )
    assert verdicts(result) == ["undetermined", "undetermined"]


def test_one_place_the_same_day_is_one_meeting_as_before():
    result = _check(
        [
            ["Date", "Meeting", "Location", "Name", "Organization", "Title"],
            ["11/12/2026", "HCT", "Capital", "J. Doe", "IOM", "Chief of Mission"],
            ["11/12/2026", "HCT", "capital", "A. Roe", "UNICEF", "Representative"],
            ["12/12/2026", "HCT", "Southtown", "A. Roe", "IOM", "Chief of Mission"],
        ]
    )
    assert verdicts(result) == ["compliant", "compliant"]


@pytest.mark.parametrize("venue", ["UN Hub, Sana'a", "WHO sub-office, Cox's Bazar"])
def test_a_field_office_alone_is_where_the_meeting_met(venue):
    # Only beside another meeting of the day in another place does a hub say a level.
    result = _check(
        [
            ["Date", "Meeting", "Location", "Name", "Organization", "Title"],
            ["11/12/2026", "HCT", venue, "J. Doe", "IOM", "Chief of Mission"],
        ]
    )
    assert [(m.level, str(m.verdict)) for m in result.meetings] == [("national", "compliant")]
