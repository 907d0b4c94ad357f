"""IOM staff of another office said by a place rather than a country's name: a city of
another country after the title ("Chef de mission, Bucarest"), in the organisation ("OIM
Sarajevo") or in a bracket of the name cell ("K. P. (OIM Atenas)"), a duty-station column
("Bureau régional de Vienne", "Budapest"). schemas/cities.yaml places the cities; the
mission's own cities, and cities it does not list, keep the row's other readings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.config import ConfigError
from checker.offices import cities, office_of
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from tests.conftest import verdicts

D = "03/11/2026"
HEADERS = {
    "en": ["Date", "Meeting", "Name", "Organization", "Title"],
    "fr": ["Date", "Réunion", "Nom", "Organisation", "Fonction"],
    "es": ["Fecha", "Reunión", "Nombre", "Organización", "Cargo"],
    "pt": ["Data", "Reunião", "Nome", "Organização", "Cargo"],
}
OFFICE = {"en": "Duty station", "fr": "Bureau d'affectation", "es": "Lugar de destino",
          "pt": "Local de afetação"}  # fmt: skip
COM = {"en": "Chief of Mission", "fr": "Chef de mission", "es": "Jefe de Misión",
       "pt": "Chefe de Missão"}  # fmt: skip
IOM = {"en": "IOM", "fr": "OIM", "es": "OIM", "pt": "OIM"}
IOM_NAMES = frozenset({"iom", "oim"})


def _check(rows, name="BGR_2026-10.xlsx"):
    return check_workbook(Sheets(Path(name), [SheetGrid("Oct", rows)], hidden=[]), CheckOptions())


def _rows(lang, name, organisation, title, office=None):
    header = [*HEADERS[lang], *([OFFICE[lang]] if office is not None else [])]
    tail = [office] if office is not None else []
    other = ["Sofia"] if office is not None else []
    return [header, [D, "HCT", name, organisation, title, *tail],
            [D, "HCT", "A. Lee", "UNICEF", "Representative", *other]]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "name", "organisation", "title"),
    [("fr", "R. C.", "OIM", "Chef de mission, Bucarest"),
     ("en", "R. C.", "IOM", "Chief of Mission, Bucharest"),
     ("es", "R. C.", "OIM", "Jefe de Misión (Bucarest)"),
     ("pt", "R. C.", "OIM", "Chefe de Missão – Bucareste"),
     ("fr", "R. C.", "OIM", "Chef de mission (Zagreb)"),
     ("es", "R. C.", "OIM Sarajevo", "Jefe de Misión"),
     ("en", "R. C.", "IOM Athens", "Chief of Mission"),
     ("pt", "K. Papadopoulos (OIM Atenas)", "OIM", "Chefe de Missão"),
     ("fr", "K. Papadopoulos (OIM Athènes)", "OIM", "Chef de mission"),
     ("en", "E. L.", "IOM", "Chief of Mission (TDY from IOM Norway)"),
     ("en", "M. S.", "IOM", "Chief of Mission, RO Brussels")],
)  # fmt: skip
def test_a_city_of_another_country_is_another_office(lang, name, organisation, title):
    """A Bulgaria HCT: Romania's (Bucharest), Croatia's (Zagreb), Bosnia's (Sarajevo),
    Greece's (Athens) CoM is IOM's, but not Bulgaria's representative: undetermined."""
    result = _check(_rows(lang, name, organisation, title))
    assert verdicts(result) == ["undetermined"]
    assert "C309" in [f.code for f in result.findings]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
@pytest.mark.parametrize(
    "office", ["Bureau régional de Vienne (en appui)", "Vienne (BR)", "Budapest", "RO Vienna",
               "Oficina Regional (Viena)", "Escritório Regional – Viena", "IOM HQ Geneva"],
)  # fmt: skip
def test_a_duty_station_of_another_office_is_another_office(lang, office):
    result = _check(_rows(lang, "N. G.", IOM[lang], COM[lang], office))
    assert verdicts(result) == ["undetermined"]
    assert office in str(result.meetings[0].reason)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
@pytest.mark.parametrize("office", ["Sofia", "Sofía", "Plovdiv", "IOM Bulgaria", "Bureau de Sofia"])
def test_the_mission_s_own_or_unknown_city_stays_the_mission_s(lang, office):
    """Sofia is Bulgaria's; Plovdiv is not listed: today's reading (compliant)."""
    rows = _rows(lang, "B. P.", IOM[lang], COM[lang], office)
    assert verdicts(_check(rows)) == ["compliant"]


@pytest.mark.parametrize(
    ("file", "organisation", "title"),
    [("BGR_2026-10.xlsx", "OIM", "Chef de mission, Sofia"),
     ("BGD_2026-10.xlsx", "IOM Cox's Bazar", "Chief of Mission"),
     ("COD_2026-10.xlsx", "OIM Goma", "Chef de mission"),
     ("HRV_2026-10.xlsx", "OIM", "Jefe de Misión (Zagreb)"),
     ("KEN_2026-10.xlsx", "IOM", "Chief of Mission, Mombasa"),
     ("LBN_2026-10.xlsx", "IOM Tripoli", "Chief of Mission"),
     ("BGR_2026-10.xlsx", "OIM", "Chef de mission, Plovdiv")],
)  # fmt: skip
def test_a_sub_office_in_the_mission_s_country_is_the_mission(file, organisation, title):
    rows = [["Date", "Meeting", "Name", "Organization", "Title"],
            [D, "HCT", "J. Doe", organisation, title]]  # fmt: skip
    assert verdicts(_check(rows, name=file)) == ["compliant"]


def test_the_duty_station_column_is_not_the_meeting_s_place():
    """Three people at one HCT, one of them from another duty station: one meeting, not
    one per duty station."""
    rows = [["Date", "Meeting", "Name", "Organization", "Title", "Duty station"],
            [D, "HCT", "B. P.", "IOM", "Chief of Mission", "Sofia"],
            [D, "HCT", "A. Lee", "UNICEF", "Representative", "Sofia"],
            [D, "HCT", "C. D.", "UNHCR", "Representative", "Vienna"]]  # fmt: skip
    assert verdicts(_check(rows)) == ["compliant"]


def test_the_reason_names_the_city_and_its_country():
    result = _check(_rows("fr", "R. C.", "OIM", "Chef de mission, Bucarest"))
    reason = str(result.meetings[0].reason)
    assert "Bucarest" in reason and "ROU" in reason


@pytest.mark.parametrize(
    ("text", "cell", "expected"),
    [("Chief of Mission (TDY from IOM Norway)", "title", ()),
     ("Regional Director, RO Brussels", "title", ()),
     ("Migration Health Officer, RO Vienna", "title", ()),
     ("Regional Migration Health Officer", "title", None),
     ("Programme Officer – Venezuela response", "title", None),
     ("Jefe de Oficina, Sede Sofía", "title", None),
     ("K. P. (OIM Atenas)", "name", ("atenas", "GRC")),
     ("Paris Hilton", "name", None),
     ("J. Lima (UNHCR)", "name", None),
     ("Bureau régional de Vienne (en appui)", "office", ()),
     ("Vienne (BR)", "office", ("vienne", "AUT")),
     ("Plovdiv", "office", None),
     ("Tripoli", "office", ("tripoli", "LBN/LBY"))],
)  # fmt: skip
def test_office_of_reads_each_cell_its_way(text, cell, expected):
    assert office_of(text, "BGR", IOM_NAMES, cell) == expected


_CAPITALS = ["Bucarest", "Bucharest", "Zagreb", "Atenas", "Athènes", "Vienna", "Budapest",
             "Sarajevo", "Nairobi", "Dakar", "Bruxelles", "Lisboa"]  # fmt: skip
_TITLES = ["Chief of Mission", "Chef de mission", "Jefe de Misión", "Chefe de Missão",
           "Programme Officer", "Chargé de programme", "Resource Management Officer",
           "Chief of Mission a.i."]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_TITLES), st.sampled_from(_CAPITALS), st.sampled_from([", ", " (", " – "]),
       st.sampled_from(["HCT", "OMT", "UNCT", "SMT"]))  # fmt: skip
def test_appending_another_capital_never_makes_a_meeting_compliant(title, city, sep, platform):
    """BGR's meeting: the same row with ", <another country's capital>" after the title is
    never compliant where the bare title was not, and is compliant never at all."""

    def verdict(t):
        rows = [["Date", "Meeting", "Name", "Organization", "Title"],
                [D, platform, "J. Doe", "IOM", t]]  # fmt: skip
        return verdicts(_check(rows))

    closed = ")" if sep == " (" else ""
    assert verdict(f"{title}{sep}{city}{closed}") != ["compliant"]


def test_a_broken_gazetteer_is_a_config_error(tmp_path):
    path = tmp_path / "cities.yaml"
    path.write_text("version: 1\ncities:\n  ROU: [Bucharest, Bucharest]\n")
    with pytest.raises(ConfigError, match="listed twice"):
        cities.__wrapped__(path)
    path.write_text("version: 1\ncities:\n  XXX: [Atlantis]\n")
    with pytest.raises(ConfigError, match="not a country"):
        cities.__wrapped__(path)
    path.write_text("version: 1\ncities:\n  GRC: [Cyprus]\n")
    with pytest.raises(ConfigError, match="country's name"):
        cities.__wrapped__(path)
