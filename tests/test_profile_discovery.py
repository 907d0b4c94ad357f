"""Which folder of profiles applies, end to end through the CLI: --profile FILE > --profiles
DIR > $ROSTER_CHECK_PROFILES > `profiles` in the nearest roster-check.toml or pyproject.toml
[tool.roster-check] above the roster; the bundled examples never apply unless named; every
result names the profile's file."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from profile_helpers import attendee, check_json, run, write_profile, write_roster

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "schemas" / "profiles" / "examples"
SAMPLES = ROOT / "sample_rosters"
# Rahul Menon is the Emergency Coordinator the ETH example designates for the HCT.
ETH_ROWS = [attendee(dt.date(2026, 10, 19), "HCT", "Rahul Menon", "IOM", "Emergency Coordinator")]


@pytest.fixture(autouse=True)
def _no_profiles_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROSTER_CHECK_PROFILES", raising=False)


def _eth_roster(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_roster(path, ETH_ROWS)


def _profiles(folder: Path, description: str) -> Path:
    """A folder with an ETH profile that differs from the example by its description only."""
    folder.mkdir(parents=True, exist_ok=True)
    write_profile(folder / "ETH.yaml", f"mission: ETH\ndescription: {description}\n")
    return folder


def test_an_eth_roster_outside_the_samples_is_judged_with_the_generic_table_and_says_so(
    tmp_path: Path,
) -> None:
    roster = write_roster(tmp_path / "ETH_2026-10.xlsx", ETH_ROWS)
    _, got = check_json(roster)
    assert (got["mission"], got["profile"], got["profile_path"]) == ("ETH", "generic", None)
    # The example's designation of Rahul Menon does not cover a real ETH roster.
    assert [f["code"] for f in got["findings"]] == ["C305"]
    text = run("check", roster).stdout
    assert "ETH_2026-10.xlsx: mission ETH, period 2026-10, no profile (generic table), " in text


def test_the_samples_are_judged_with_the_examples_their_toml_names(tmp_path: Path) -> None:
    result = run("check", SAMPLES / "ETH_2026-10.xlsx", "--format", "json")
    got = json.loads(result.stdout)["results"][0]
    assert got["profile"] == "ETH"
    assert Path(got["profile_path"]).resolve() == EXAMPLES / "ETH.yaml"
    # The same workbook copied elsewhere is not.
    copy = tmp_path / "ETH_2026-10.xlsx"
    shutil.copy(SAMPLES / "ETH_2026-10.xlsx", copy)
    assert check_json(copy)[1]["profile"] == "generic"


def test_precedence_profile_then_profiles_then_environment_then_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rosters = tmp_path / "project" / "rosters"
    roster = _eth_roster(rosters / "ETH_2026-10.xlsx")
    from_config = _profiles(tmp_path / "project" / "config-profiles", "from the config file")
    from_env = _profiles(tmp_path / "env-profiles", "from the environment")
    from_option = _profiles(tmp_path / "option-profiles", "from --profiles")
    single = write_profile(tmp_path / "single.yaml", "mission: ETH\n")
    (tmp_path / "project" / "roster-check.toml").write_text(
        'profiles = "config-profiles"\n', encoding="utf-8"
    )

    def applied(*args: str | Path) -> str:
        _, got = check_json(roster, *args)
        return got["profile_path"]

    assert applied() == str(from_config / "ETH.yaml")  # relative to the config file
    monkeypatch.setenv("ROSTER_CHECK_PROFILES", str(from_env))
    assert applied() == str(from_env / "ETH.yaml")
    assert applied("--profiles", from_option) == str(from_option / "ETH.yaml")
    assert applied("--profiles", from_option, "--profile", single) == str(single)


def test_pyproject_table_and_the_nearest_file_wins(tmp_path: Path) -> None:
    outer = _profiles(tmp_path / "outer", "outer")
    inner = _profiles(tmp_path / "a" / "inner", "inner")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.roster-check]\nprofiles = "outer"\n', encoding="utf-8"
    )
    deep = _eth_roster(tmp_path / "a" / "b" / "ETH_2026-10.xlsx")
    assert check_json(deep)[1]["profile_path"] == str(outer / "ETH.yaml")
    # A pyproject.toml that does not configure roster-check is passed over…
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "y"\n', encoding="utf-8")
    assert check_json(deep)[1]["profile_path"] == str(outer / "ETH.yaml")
    # …a roster-check.toml nearer the roster is not.
    (tmp_path / "a" / "roster-check.toml").write_text(
        '[tool.roster-check]\nprofiles = "inner"\n', encoding="utf-8"
    )
    assert check_json(deep)[1]["profile_path"] == str(inner / "ETH.yaml")


def test_a_folder_of_rosters_of_several_places_each_gets_its_own_settings(tmp_path: Path) -> None:
    configured = _eth_roster(tmp_path / "a" / "ETH_2026-10.xlsx")
    plain = _eth_roster(tmp_path / "b" / "ETH_2026-10.xlsx")
    (tmp_path / "a" / "roster-check.toml").write_text(
        f'profiles = "{EXAMPLES}"\n', encoding="utf-8"
    )
    result = run("check", tmp_path, "--format", "json")
    profiles = {r["path"]: r["profile"] for r in json.loads(result.stdout)["results"]}
    assert profiles == {str(configured): "ETH", str(plain): "generic"}


BAD_SETTINGS = {
    "unknown_key": ('profile = "x"\n', "{path}: profile: unknown key; known keys: profiles"),
    "not_a_folder": (
        'profiles = "nowhere"\n',
        "{path}: profiles: 'nowhere' is not a folder (looked for {dir}/nowhere)",
    ),
    "not_toml": ('profiles = "x\n', "{path}: not valid TOML: "),
    "not_a_string": ("profiles = 3\n", "{path}: profiles: expected the path of a folder"),
    "both_forms": (
        'profiles = "a"\n[tool.roster-check]\nprofiles = "b"\n',
        "{path}: give the settings at the top of the file or in [tool.roster-check], not both",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_SETTINGS))
def test_bad_settings_are_exit_2_with_one_line(tmp_path: Path, case: str) -> None:
    text, expected = BAD_SETTINGS[case]
    config = tmp_path / "roster-check.toml"
    config.write_text(text, encoding="utf-8")
    roster = write_roster(tmp_path / "ETH_2026-10.xlsx", ETH_ROWS)
    result = run("check", roster)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "roster-check: " + expected.format(path=config, dir=tmp_path.resolve())
    )
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_bad_profiles_folders_are_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    roster = write_roster(tmp_path / "ETH_2026-10.xlsx", ETH_ROWS)
    result = run("check", roster, "--profiles", tmp_path / "nope")
    assert result.exit_code == 2 and "nope" in result.stderr and "does not exist" in result.stderr
    monkeypatch.setenv("ROSTER_CHECK_PROFILES", str(tmp_path / "nope"))
    result = run("check", roster)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"roster-check: ROSTER_CHECK_PROFILES: '{tmp_path / 'nope'}' is not a folder\n"
    )


def test_annotate_report_template_and_show_take_profiles(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "KEN_2026-10.xlsx", [
        attendee(dt.date(2026, 10, 5), "Humanitarian Partners Team", "D. Kiprono", "IOM",
                 "Chief of Mission"),
    ])  # fmt: skip
    copy = tmp_path / "copy.xlsx"
    assert run("annotate", roster, "-o", copy, "--profiles", EXAMPLES).exit_code == 0
    import openpyxl

    summary = {row[0]: row[1] for row in openpyxl.load_workbook(copy)["Summary"].iter_rows(
        values_only=True) if row and row[0]}  # fmt: skip
    assert summary.get("Profile") == "KEN"
    report = tmp_path / "report.json"
    assert run("report", roster, "-o", report, "--profiles", EXAMPLES).exit_code == 0
    template = tmp_path / "t.xlsx"
    result = run("template", "--mission", "KEN", "--profiles", EXAMPLES, "-o", template)
    assert result.exit_code == 0
    assert openpyxl.load_workbook(template)["Metadata"]["B1"].value == "KEN"
    assert run("template", "--profiles", EXAMPLES, "-o", template).exit_code == 2
    shown = run("profile", "show", "--mission", "KEN", "--profiles", EXAMPLES, "--format", "json")
    assert json.loads(shown.stdout)["files"] == [str(EXAMPLES / "KEN.yaml")]
