"""Platforms named in French, Spanish and Portuguese the way field rosters write them: the
ICCG by its initials GCIC, a Protection cluster's area of responsibility written out
(domaine de responsabilité, área de responsabilidad, área de responsabilidade), CCCM as camp
management. Each is that platform, as "GBV AoR" is the Protection cluster in English."""

import pytest

from checker.vocabulary import default_vocabulary
from tests.conftest import roster

V = default_vocabulary()


@pytest.mark.parametrize(
    ("text", "platform", "sector"),
    [("GCIC", "ICCG", None), ("Reunión del GCIC", "ICCG", None),
     ("Grupo de Coordinación Inter-Clúster", "ICCG", None),
     ("Grupo de Coordinación Inter-Clúster (GCIC)", "ICCG", None),
     ("Groupe de coordination inter-clusters (GCIC)", "ICCG", None),
     ("Grupo de Coordenação Inter-Clúster (GCIC)", "ICCG", None),
     ("Domaine de responsabilité VBG", "CLUSTER", "PRO"),
     ("Cluster Protection – domaine de responsabilité Protection de l'enfant", "CLUSTER", "PRO"),
     ("Área de Responsabilidad de Protección de la Infancia", "CLUSTER", "PRO"),
     ("Área de Responsabilidad de VBG (Clúster de Protección)", "CLUSTER", "PRO"),
     ("Área de Responsabilidade de Habitação, Terra e Propriedade", "CLUSTER", "PRO"),
     ("Cluster de Proteção – Área de Responsabilidade de Ação contra Minas", "CLUSTER", "PRO"),
     ("Área de Responsabilidade de Violência Baseada no Género", "CLUSTER", "PRO"),
     ("Cluster CCCM / Gestão de Campos", "CLUSTER", "CCM"),
     ("Clúster de Gestión de Campamentos", "CLUSTER", "CCM"),
     ("Cluster Gestion des camps", "CLUSTER", "CCM")],
)  # fmt: skip
def test_platform_names_in_french_spanish_portuguese(text, platform, sector):
    match = V.platform(text)
    assert match is not None
    assert (match.platform, match.sector) == (platform, sector)


@pytest.mark.parametrize(
    "text",
    # An area of responsibility naming no sector, or words of one but no cluster word: no
    # sector is guessed.
    ["Domaine de responsabilité", "Área de responsabilidad", "Gestão"],
)
def test_area_of_responsibility_without_a_sector_names_none(text):
    match = V.platform(text)
    assert match is None or match.sector is None


@pytest.mark.parametrize(
    ("platform", "title", "verdict"),
    [("Cluster Protection – domaine de responsabilité VBG", "Chargée de programme VBG",
      "compliant"),
     ("Área de Responsabilidad de VBG (Clúster de Protección)", "Oficial de Protección",
      "compliant"),
     ("Cluster de Proteção – Área de Responsabilidade de Proteção da Criança",
      "Oficial de Logística", "wrong_level"),
     ("GCIC", "Coordinadora del Clúster CCCM", "compliant"),
     ("GCIC", "Conductor", "wrong_level")],
)  # fmt: skip
def test_meeting_read_from_rows(iom_row, platform, title, verdict):
    result = roster([iom_row("2026-10-07", platform, title)])
    (meeting,) = result.meetings
    expected = ("ICCG", None) if platform == "GCIC" else ("CLUSTER", "PRO")
    assert (meeting.platform, meeting.sector) == expected
    assert str(meeting.verdict) == verdict
