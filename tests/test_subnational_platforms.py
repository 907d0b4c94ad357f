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
