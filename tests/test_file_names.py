"""Mission and period from the names field staff give their roster files (English, French,
Spanish), the countries data file they are matched against, and S215 unknown-mission."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from profile_helpers import attendee, check_json, run, write_profile, write_roster

from checker.config import ConfigError
from checker.metadata import countries, from_file_name

ROOT = Path(__file__).resolve().parents[1]

NAMES = [
    # the contract's own form, and its year-only variant
    ("ETH_2026-10.xlsx", "ETH", "2026-10"),
    ("KEN_2026.xlsx", "KEN", "2026"),
    ("eth_2026-10.xlsx", "ETH", "2026-10"),
    # a leading ISO3 code followed by anything
    ("NER_minutes_juin2026.xlsx", "NER", "2026-06"),
    ("SOM attendance June 2026.xlsx", "SOM", "2026-06"),
    ("TCD_journal_mars2026.xlsx", "TCD", "2026-03"),
    ("som_attendance_2026-07_final.xlsx", "SOM", "2026-07"),
    ("Per diem 2026-10.xlsx", None, "2026-10"),
    ("COL_asistencia_octubre_2026.xlsx", "COL", "2026-10"),
    ("HTI-HCT-oct-2026 (2).xlsx", "HTI", "2026-10"),
    ("SSD_2026_10_v3.xlsx", "SSD", "2026-10"),
    ("YEM 202611 attendance.xlsx", "YEM", "2026-11"),
    ("AGO_2026.xlsx", "AGO", "2026"),  # Angola; not agosto
    ("DRC_HCT_sept 2026.xlsx", "COD", "2026-09"),  # a code people use for a country
    ("CAR_présences_déc-2026.xlsx", "CAF", "2026-12"),
    # a code before the year, not at the head
    ("Roster ETH_2026-10.xlsx", "ETH", "2026-10"),
    ("Liste de présence - MLI 2026-04.xlsx", "MLI", "2026-04"),
    # country names anywhere, in English, French or Spanish
    ("Rapport Niger oct-2026.xlsx", "NER", "2026-10"),
    ("Réunions de coordination - Somalie - novembre 2026.xlsx", "SOM", "2026-11"),
    ("Asistencia Haití octubre 2026.xlsx", "HTI", "2026-10"),
    ("République démocratique du Congo_présences_2026-03.xlsx", "COD", "2026-03"),
    ("Sudán del Sur_2026_10.xlsx", "SSD", "2026-10"),
    ("IOM_attendance_South Sudan_05.10.2026.xlsx", "SSD", "2026-10"),
    ("Soudan du Sud - liste - janv 2026.xlsx", "SSD", "2026-01"),
    ("Sudan HCT Feb 2026.xlsx", "SDN", "2026-02"),
    ("Nigeria attendance Aug 2026.xlsx", "NGA", "2026-08"),
    ("OIM Tchad - liste de présence - novembre 2026.xlsx", "TCD", "2026-11"),
    ("Guinée équatoriale avril 2026.xlsx", "GNQ", "2026-04"),
    ("Guinée avril 2026.xlsx", "GIN", "2026-04"),
    ("Papua New Guinea May 2026.xlsx", "PNG", "2026-05"),
    ("Côte d'Ivoire - réunions - 2026-05.xlsx", "CIV", "2026-05"),
    ("Ivory Coast roster Sep 2026.xlsx", "CIV", "2026-09"),
    ("Asistencia_Colombia_dic-2026.xlsx", "COL", "2026-12"),
    ("Reuniones de coordinación Venezuela agosto 2026.xlsx", "VEN", "2026-08"),
    ("minutes de octubre de 2026 Colombia.xlsx", "COL", "2026-10"),
    ("Attendance Sheet - Yemen - Nov 2026 (final).xlsx", "YEM", "2026-11"),
    ("Ethiopia HCT Oct2026.xlsx", "ETH", "2026-10"),
    ("Afghanistan_2026 July.xlsx", "AFG", "2026-07"),
    ("Burkina Faso présences 10-2026.xlsx", "BFA", "2026-10"),
    ("Mali rapport 2026.xlsx", "MLI", None),  # a year alone elsewhere: the dates decide
    ("KEN 2026 annual.xlsx", "KEN", "2026"),
    ("Roster KEN_2026.xlsx", "KEN", "2026"),
    ("Centrafrique_2026-10.xlsx", "CAF", "2026-10"),
    ("Myanmar_Jan 2026.xlsx", "MMR", "2026-01"),
    ("Türkiye - Feb 2026.xlsx", "TUR", "2026-02"),
    # a code in capitals that is no country's: taken, and the checker says so (S215)
    ("XYZ_minutes_juin2026.xlsx", "XYZ", "2026-06"),
    ("EHOA_2026-10.xlsx", "EHOA", "2026-10"),
    # nothing that names a mission
    ("HCT_2026-10.xlsx", None, "2026-10"),
    ("IOM_roster_2026-10.xlsx", None, "2026-10"),
    ("mar_2026_roster.xlsx", None, "2026-03"),  # March, not Morocco
    ("minutes_juin_2026.xlsx", None, "2026-06"),
    ("broken_roster.xlsx", None, None),
    ("roster_latin1.csv", None, None),
    ("Attendance list.xlsx", None, None),
    ("Sur la réunion.xlsx", None, None),
]


@pytest.mark.parametrize(("name", "mission", "period"), NAMES, ids=[n for n, _, _ in NAMES])
def test_mission_and_period_from_the_file_name(name: str, mission: str, period: str) -> None:
    got = from_file_name(Path("rosters") / name)
    assert (got.mission, got.period) == (mission, period)
    assert got.mission_source == ("file name" if mission else None)
    assert got.period_source == ("file name" if period else None)


def test_every_un_member_state_is_there_with_three_names() -> None:
    table = countries()
    assert len(table.iso3) == 195  # 193 members, the State of Palestine and the Holy See
    assert {"ETH", "KEN", "SEN", "NER", "SOM", "TCD", "HTI", "COD", "SSD", "PSE"} <= table.iso3
    assert table.by_name["somalie"] == "SOM" and table.by_name["haiti"] == "HTI"
    assert table.by_name["sudan del sur"] == "SSD"
    assert table.codes["DRC"] == "COD"


BROKEN = {
    "bad_code": ("version: 1\ncountries:\n  ETHI: {en: E, fr: E, es: E}\n",
                 "{path}:3: countries.ETHI: 'ETHI' is not an ISO 3166-1 alpha-3 code"),
    "missing_name": ("version: 1\ncountries:\n  ETH: {en: Ethiopia, fr: Éthiopie}\n",
                     "{path}:3: countries.ETH: the es name is missing"),
    "unknown_key": ("countries:\n  ETH: {en: a, fr: b, es: c, de: d}\n",
                    "{path}:2: countries.ETH.de: unknown key"),
    "same_name": ("countries:\n  NER: {en: Niger, fr: Niger, es: Níger}\n"
                  "  NGA: {en: Nigeria, fr: Niger, es: Nigeria}\n",
                  "{path}:3: countries.NGA.fr: 'Niger' is also a name of NER"),
    "not_yaml": ("countries: {ETH: [\n", "{path}:2: not valid YAML"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_countries_file_names_file_line_and_key(tmp_path: Path, case: str) -> None:
    text, expected = BROKEN[case]
    path = tmp_path / "countries.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        countries.__wrapped__(path)
    assert str(error.value).startswith(expected.format(path=path))


def _roster(path: Path) -> Path:
    return write_roster(path, [
        attendee(dt.date(2026, 10, 5), "HCT", "D. Kiprono", "IOM", "Chief of Mission"),
    ])  # fmt: skip


def test_an_unknown_mission_is_s215_and_says_the_generic_table_judged_it(tmp_path: Path) -> None:
    _, got = check_json(_roster(tmp_path / "XYZ_minutes_juin2026.xlsx"), "--period", "2026-10")
    assert (got["mission"], got["profile"]) == ("XYZ", "generic")
    [s215] = [f for f in got["findings"] if f["code"] == "S215"]
    assert (s215["rule"], s215["severity"], s215["value"]) == ("unknown-mission", "warning", "XYZ")
    assert s215["message"] == (
        "The mission code XYZ (read from the file name) is neither a country code (ISO 3166, 3 "
        "letters) nor the name of a country profile, so this roster was judged with the generic "
        "representation table. Correct the mission code, or add the mission's profile XYZ.yaml "
        "to the folder of profiles."
    )
    assert got["status"] == "compliant"  # a warning
    _, got = check_json(_roster(tmp_path / "roster.xlsx"), "--mission", "XYZ", "--lang", "fr")
    [s215] = [f for f in got["findings"] if f["code"] == "S215"]
    assert s215["message"].startswith("Le code de mission XYZ (donné en ligne de commande) ")


def test_a_known_country_or_a_profiles_name_is_no_s215(tmp_path: Path) -> None:
    _, got = check_json(_roster(tmp_path / "NER_minutes_oct2026.xlsx"))
    assert [f["code"] for f in got["findings"]] == []
    folder = tmp_path / "profiles"
    folder.mkdir()
    write_profile(folder / "EHOA.yaml", "mission: EHOA\n")
    _, got = check_json(_roster(tmp_path / "EHOA_2026-10.xlsx"), "--profiles", folder)
    assert got["profile"] == "EHOA" and got["findings"] == []
    # A profile given for every roster does not make an unknown code known; it is named.
    _, got = check_json(_roster(tmp_path / "XYZ_2026-10.xlsx"), "--profile", folder / "EHOA.yaml")
    [s215] = [f for f in got["findings"] if f["code"] == "S215"]
    assert "this roster was judged with the profile EHOA." in s215["message"]


def test_s215_can_be_set_by_a_profile_and_is_in_the_rules(tmp_path: Path) -> None:
    profile = write_profile(tmp_path / "p.yaml", "rules:\n  S215: error\n")
    result, got = check_json(_roster(tmp_path / "XYZ_2026-10.xlsx"), "--profile", profile)
    assert result.exit_code == 1 and got["status"] == "non_compliant"
    assert "S215  unknown-mission  [warning]" in run("rules").stdout


def test_the_metadata_sheet_beats_the_file_name(tmp_path: Path) -> None:
    from checker.api import CheckOptions, check_workbook
    from checker.reader import SheetGrid, Workbook

    sheets = [
        SheetGrid("Metadata", [["Mission", "KEN"], ["Period", "2026-10"]]),
        SheetGrid("Attendance", [
            ["Meeting date", "Platform", "Attendee name", "Organization", "Position title"],
            [dt.datetime(2026, 10, 5), "HCT", "D. Kiprono", "IOM", "Chief of Mission"],
        ]),
    ]  # fmt: skip
    result = check_workbook(Workbook(Path("Somalie_juin2026.xlsx"), sheets), CheckOptions())
    assert (result.mission, result.period) == ("KEN", "2026-10")
    data = json.loads(json.dumps(result.to_dict()))
    assert data["profile"] == "generic" and data["profile_path"] is None


def test_file_names_and_settings_are_read_without_pandas_or_pydantic(tmp_path: Path) -> None:
    """Batch workers import checker.metadata before pandas and pydantic (docs/performance.md):
    reading a file name, the countries and the project settings must not pull them in."""
    import subprocess
    import sys

    (tmp_path / "roster-check.toml").write_text('profiles = "."\n', encoding="utf-8")
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from checker.metadata import from_file_name\n"
        "from checker.config import find_project_settings\n"
        "assert from_file_name(Path('Rapport Haïti oct-2026.xlsx')).mission == 'HTI'\n"
        f"assert find_project_settings(Path({str(tmp_path)!r})).profiles is not None\n"
        "print(sorted({'pandas', 'pandera', 'pydantic'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ------------------------------------------------ countries named in a text, by runs of words


@functools.cache
def _pattern() -> re.Pattern[str]:
    names = sorted(countries().by_name, key=len, reverse=True)
    return re.compile(r" (" + "|".join(re.escape(n) for n in names) + r") ")


def _by_pattern(key: str) -> list[str]:
    """What one pattern of every name finds (how it was done before): the longest name at
    the leftmost place, then on from the space that ends it."""
    found, at = [], 0
    while (match := _pattern().search(key, at)) is not None:
        found.append(match.group(1))
        at = match.end() - 1
    return found


@pytest.mark.parametrize("key", [
    " iom somalia ", " south sudan sudan ", " republique democratique du congo congo ",
    " chief of mission iom somalia regional office nairobi kenya ", " ", "", "kenya",
    " kenya", "kenya ", "  kenya  somalia ", " bosnia and herzegovina ", " guinea bissau ",
    " papua new guinea guinea ", " iom ", " haiti oct 2026 ",
])  # fmt: skip
def test_named_in_finds_what_one_pattern_of_every_name_found(key):
    assert list(countries().named_in(key)) == _by_pattern(key)


@given(st.lists(st.sampled_from([*sorted(countries().by_name), "iom", "of", "the", "", "x"]),
                max_size=8), st.booleans(), st.booleans())  # fmt: skip
def test_named_in_agrees_with_the_pattern_on_any_run_of_words(words, before, after):
    key = (" " if before else "") + " ".join(words) + (" " if after else "")
    assert list(countries().named_in(key)) == _by_pattern(key)
