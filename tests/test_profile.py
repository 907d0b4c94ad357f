"""Country profiles: loading, inheritance, and one precise message per malformed file.

Every malformed profile must stop the run with exit 2 and one line "file:line: key: what is
wrong" on stderr — never a traceback — whether it comes in through `check --profile`,
`profile validate` or `profile show`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from profile_helpers import attendee, run, write_profile, write_roster

from checker.findings import Severity
from checker.profile import load_profile
from checker.vocabulary import default_vocabulary

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "schemas" / "profiles" / "examples"

ISSUE_EXAMPLE = """\
mission: KEN
extends: generic
platforms:
  HCT: {active: true, expected_per_month: 1}
  ICCG: {active: false}
  CLUSTER: {sectors: [HEA, PRO, CCM]}     # clusters where IOM implements
  AHT:                                     # a platform of this country only
    name: Area Humanitarian Team
    aliases: [AHT, Équipe humanitaire régionale]
    level: subnational
    required_roles: [HEAD_OFFICE]
aliases:
  platforms: {"Humanitarian Partners Team": HCT}
  titles: {"Head of Programmes and Operations": PROG_COORD}
designations:
  - {platform: HCT, role: EMERG_COORD, name: K. Osei, from: 2026-09-01, to: 2026-12-31}
rules:
  C307: {severity: warning}
  S207: off
waivers:
  - {platform: CLUSTER, sector: EDU, until: 2026-12-31, reason: no IOM education programme}
"""


# ------------------------------------------------------------------ loading


def test_the_issue_example_loads_into_a_policy(tmp_path: Path) -> None:
    path = write_profile(tmp_path / "kenya.yaml", ISSUE_EXAMPLE)
    generic = default_vocabulary()
    policy = load_profile(path, generic)

    assert policy.name == "KEN"
    assert policy.inactive_platforms == {"ICCG"}
    assert policy.cluster_sectors == {"HEA", "PRO", "CCM"}
    assert policy.expected_per_month == {"HCT": 1}
    assert policy.rule_for("AHT") is not None
    assert policy.rule_for("AHT").required_roles == ["HEAD_OFFICE"]  # type: ignore[union-attr]
    assert policy.levels == {"AHT": "subnational"}
    assert policy.severity("C307") is Severity.WARNING
    assert not policy.enabled("S207")
    assert policy.is_designated("HCT", "EMERG_COORD", "K. Osei", "2026-10-05")
    assert not policy.is_designated("HCT", "EMERG_COORD", "K. Osei", "2027-01-05")
    assert not policy.is_designated("HCT", "EMERG_COORD", "J. Doe", "2026-10-05")
    # the profile's words are read with its own vocabulary, never the shared default one
    assert policy.vocabulary.platform("Équipe humanitaire régionale").platform == "AHT"  # type: ignore[union-attr]
    assert policy.vocabulary.platform("Humanitarian Partners Team").platform == "HCT"  # type: ignore[union-attr]
    assert policy.vocabulary.title("Head of Programmes and Operations").role == "PROG_COORD"
    assert generic.platform("AHT") is None
    assert "AHT" not in generic.platform_names


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_profiles_are_valid(path: Path) -> None:
    result = run("profile", "validate", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{path}: valid (profile {path.stem}, extends generic)\n"


def test_extends_inherits_and_the_child_wins(tmp_path: Path) -> None:
    write_profile(
        tmp_path / "region.yaml",
        """\
description: East and Horn of Africa regional defaults
platforms:
  ICCG: {active: false}
  HCT: {expected_per_month: 2, alternates: [EMERG_COORD, DCOM]}
rules:
  C307: warning
  S208: off
waivers:
  - {platform: OMT, reason: regional shared OMT}
""",
    )
    child = write_profile(
        tmp_path / "SOM.yaml",
        """\
mission: SOM
extends: region.yaml
platforms:
  HCT: {expected_per_month: 1}
designations:
  - {platform: HCT, role: DCOM, from: 2026-01-01}
rules:
  C307: info
  S208: on
waivers:
  - {platform: SMT, reason: SMT chaired from Nairobi}
""",
    )
    policy = load_profile(child, default_vocabulary())
    assert policy.name == "SOM"
    assert policy.inactive_platforms == {"ICCG"}  # from the parent
    assert policy.expected_per_month == {"HCT": 1}  # the child's value
    assert policy.rule_for("HCT").alternates == ["EMERG_COORD", "DCOM"]  # type: ignore[union-attr]
    assert policy.is_designated("HCT", "DCOM", "anyone", "2026-10-01")
    assert policy.severity("C307") is Severity.INFO
    assert policy.enabled("S208")
    assert [w.platform for w in policy.waivers] == ["OMT", "SMT"]  # waivers add up
    assert policy.sources == (str(child), str(tmp_path / "region.yaml"))


def test_extends_a_mission_code_finds_the_profile_beside_it(tmp_path: Path) -> None:
    (tmp_path / "ETH.yaml").write_text((PROFILES / "ETH.yaml").read_text(encoding="utf-8"),
                                       encoding="utf-8")  # fmt: skip
    child = write_profile(tmp_path / "eth-north.yaml", "extends: ETH\nplatforms:\n"
                          "  ICCG: {active: false, expected_per_month: 0}\n")  # fmt: skip
    policy = load_profile(child, default_vocabulary())
    assert policy.name == "eth-north"
    assert policy.is_designated("HCT", "EMERG_COORD", "Rahul Menon", "2026-10-19")
    assert "ICCG" in policy.inactive_platforms
    assert policy.expected_per_month == {"HCT": 2}


def test_extends_never_reaches_the_bundled_examples(tmp_path: Path) -> None:
    """A real mission's profile that says `extends: ETH` must not inherit the example's
    invented designations: only ETH.yaml beside it counts."""
    child = write_profile(tmp_path / "eth-north.yaml", "extends: ETH\n")
    result = run("profile", "validate", child)
    assert result.exit_code == 2
    assert result.stderr == (
        f"roster-check: {child}:1: extends: no profile 'ETH' (looked for {tmp_path}/ETH.yaml); "
        "use generic, a mission code with a profile in the same folder, or a file name relative "
        "to this file\n"
    )


# ------------------------------------------------------------------ malformed profiles

MALFORMED = {
    "bad_yaml": (
        "mission: KEN\nplatforms:\n  HCT: {active: true\n",
        # libyaml's wording (PyYAML's wheels include it)
        "{path}:4: not valid YAML: did not find expected ',' or '}}'",
    ),
    "not_a_mapping": (
        "- HCT\n- OMT\n",
        "{path}:1: expected a mapping of keys at the top of the file",
    ),
    "unknown_top_key": (
        "mission: KEN\nplatfroms:\n  HCT: {active: true}\n",
        "{path}:2: platfroms: unknown key",
    ),
    "unknown_platform_key": (
        "mission: KEN\nplatforms:\n  HCT: {activ: true}\n",
        "{path}:3: platforms.HCT.activ: unknown key",
    ),
    "not_a_boolean": (
        "platforms:\n  HCT:\n    active: sometimes\n",
        "{path}:3: platforms.HCT.active: Input should be a valid boolean, unable to interpret input",
    ),
    "unknown_role": (
        "platforms:\n  OMT: {required_roles: [RMO, ADMIN]}\n",
        "{path}:2: platforms.OMT.required_roles.1: unknown role 'ADMIN'; known roles: CLUSTER_COORD, "
        "COM, DCOM, EMERG_COORD, HEAD_OFFICE, IMO, OPS_OFF, OTHER, PROG_COORD, PROG_MGR, "
        "PROG_OFF, RMO, SECURITY, SENIOR_PM",
    ),
    "unknown_role_in_designation": (
        "designations:\n  - {platform: HCT, role: EMERG_CORD, name: K. Osei}\n",
        "{path}:2: designations.0.role: unknown role 'EMERG_CORD' (did you mean EMERG_COORD?); "
        "known roles: CLUSTER_COORD, COM, DCOM, EMERG_COORD, HEAD_OFFICE, IMO, OPS_OFF, OTHER, "
        "PROG_COORD, PROG_MGR, PROG_OFF, RMO, SECURITY, SENIOR_PM",
    ),
    "unknown_platform_in_designation": (
        "mission: KEN\n\ndesignations:\n  - platform: HTC\n    role: EMERG_COORD\n",
        "{path}:4: designations.0.platform: unknown platform 'HTC' (did you mean HCT?); known "
        "platforms: CLUSTER, HCT, ICCG, OMT, PMT, SMT, UNCT",
    ),
    "new_platform_without_name": (
        "platforms:\n  HCT: {expected_per_month: 1}\n  AHT: {level: subnational}\n",
        "{path}:3: platforms.AHT: AHT is not a platform of the generic table (CLUSTER, HCT, ICCG, "
        "OMT, PMT, SMT, UNCT); to add a platform of this country give it a name and required_roles",
    ),
    "unknown_sector": (
        "platforms:\n  CLUSTER: {sectors: [HEA, HEALTH]}\n",
        "{path}:2: platforms.CLUSTER.sectors.1: unknown sector 'HEALTH' (did you mean HEA?); "
        "known sectors: CCM, EDU, "
        "ERY, ETC, FSC, HEA, LOG, NUT, PRO, SHL, SLSC, WSH",
    ),
    "designation_not_a_date": (
        "designations:\n  - {platform: HCT, role: EMERG_COORD, from: 2026-09-01, to: 2026-13-01}\n",
        "{path}:2: designations.0.to: '2026-13-01' is not a date; write it as YYYY-MM-DD, for "
        "example 2026-12-31",
    ),
    "waiver_until_not_a_date": (
        "waivers:\n  - platform: OMT\n    until: end of year\n    reason: shared OMT\n",
        "{path}:3: waivers.0.until: 'end of year' is not a date; write it as YYYY-MM-DD, for "
        "example 2026-12-31",
    ),
    "designation_of_a_non_alternate": (
        "designations:\n  - {platform: OMT, role: DCOM}\n",
        "{path}:2: designations.0.role: DCOM is not an alternate at OMT (alternates: none); add it "
        "to platforms.OMT.alternates first",
    ),
    "rule_unknown_code": (
        "rules:\n  C399: off\n",
        "{path}:2: rules.C399: unknown rule code 'C399' (did you mean C309?); known rule codes: "
        "{codes}",
    ),
    "rule_bad_setting": (
        "rules:\n  C307: loud\n",
        "{path}:2: rules.C307: 'loud' is not a rule setting; use off, on, error, warning, info or "
        "{{severity: warning}}",
    ),
    "rule_cannot_be_turned_off": (
        "rules:\n  E101: off\n",
        "{path}:2: rules.E101: E101 cannot be changed: a file that cannot be read as a roster is "
        "never compliant",
    ),
    "waiver_of_a_data_code": (
        "waivers:\n  - {platform: HCT, codes: [C301, S207], reason: late entries}\n",
        "{path}:2: waivers.0.codes.1: 'S207' cannot be waived; waivers accept exceptions to the "
        "compliance rules (C301, C302, C303, C304, C305, C306, C307, C308, C309); fix data problems in "
        "the roster",
    ),
    "waiver_without_reason": (
        "waivers:\n  - {platform: HCT}\n",
        "{path}:2: waivers.0.reason: Field required",
    ),
    "inactive_but_expected": (
        "platforms:\n  ICCG: {active: false, expected_per_month: 1}\n",
        "{path}:2: platforms.ICCG.expected_per_month: ICCG is inactive (active: false) but "
        "expected_per_month is 1; drop one of them",
    ),
    "negative_expectation": (
        "platforms:\n  HCT: {expected_per_month: -1}\n",
        "{path}:2: platforms.HCT.expected_per_month: Input should be greater than or equal to 0",
    ),
    "bad_mission_code": (
        "mission: Kenya\n",
        "{path}:1: mission: 'Kenya' is not a mission code; use 2-4 capital letters, e.g. KEN",
    ),
    "extends_missing": (
        "extends: nowhere.yaml\n",
        "{path}:1: extends: no profile 'nowhere.yaml' (looked for {dir}/nowhere.yaml); use "
        "generic, a mission code with a profile in the same folder, or a file name relative to "
        "this file",
    ),
    "extends_itself": (
        "mission: XX\nextends: profile.yaml\n",
        "{path}:2: extends: the profiles extend each other in a cycle: profile.yaml → profile.yaml",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_profile_is_exit_2_with_one_precise_line(case: str, tmp_path: Path) -> None:
    text, expected = MALFORMED[case]
    path = write_profile(tmp_path / "profile.yaml", text)
    codes = ", ".join(sorted(default_vocabulary().rules.rules))
    message = expected.format(path=path, dir=tmp_path, codes=codes)
    roster = write_roster(tmp_path / "KEN_2026-10.xlsx", [
        attendee(dt.date(2026, 10, 5), "HCT", "D. Kiprono", "IOM", "Chief of Mission"),
    ])  # fmt: skip

    for args in (("check", roster, "--profile", path), ("profile", "validate", path),
                 ("profile", "show", "--profile", path)):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr == f"roster-check: {message}\n", args
        assert result.stdout in ("", "\n") or args[0] != "check"


def test_extends_cycle_between_two_files(tmp_path: Path) -> None:
    a = write_profile(tmp_path / "a.yaml", "extends: b.yaml\n")
    write_profile(tmp_path / "b.yaml", "description: b\nextends: a.yaml\n")
    result = run("profile", "validate", a)
    assert result.exit_code == 2
    assert result.stderr == (
        f"roster-check: {tmp_path / 'b.yaml'}:2: extends: the profiles extend each other in a "
        "cycle: a.yaml → b.yaml → a.yaml\n"
    )


def test_a_problem_in_the_parent_names_the_parent_file(tmp_path: Path) -> None:
    write_profile(tmp_path / "base.yaml", "platforms:\n  HCT: {required_roles: [BOSS]}\n")
    child = write_profile(tmp_path / "child.yaml", "extends: base.yaml\n")
    result = run("profile", "validate", child)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"roster-check: {tmp_path / 'base.yaml'}:2: platforms.HCT.required_roles.0: unknown role "
    )


def test_validate_reports_every_bad_file_and_the_good_ones(tmp_path: Path) -> None:
    good = write_profile(tmp_path / "good.yaml", "platforms:\n  ICCG: {active: false}\n")
    bad1 = write_profile(tmp_path / "bad1.yaml", "platforms:\n  HCT: {activ: true}\n")
    bad2 = tmp_path / "missing.yaml"
    result = run("profile", "validate", bad1, good, bad2)
    assert result.exit_code == 2
    assert result.stdout == f"{good}: valid (profile good, extends generic)\n"
    assert result.stderr.splitlines() == [
        f"roster-check: {bad1}:2: platforms.HCT.activ: unknown key",
        f"roster-check: {bad2}: no such profile file",
    ]


def test_missing_profile_option_is_exit_2(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "r.xlsx", [
        attendee(dt.date(2026, 10, 5), "HCT", "D. Kiprono", "IOM", "Chief of Mission"),
    ])  # fmt: skip
    result = run("check", roster, "--profile", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"roster-check: {tmp_path / 'nope.yaml'}: no such profile file\n"


def test_an_invalid_mission_profile_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    write_profile(folder / "ABC.yaml", "mission: ABC\nrules:\n  C302: loud\n")
    monkeypatch.setenv("ROSTER_CHECK_PROFILES", str(folder))
    roster = write_roster(tmp_path / "ABC_2026-10.xlsx", [
        attendee(dt.date(2026, 10, 5), "HCT", "D. Kiprono", "IOM", "Chief of Mission"),
    ])  # fmt: skip
    result = run("check", roster)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"roster-check: {folder / 'ABC.yaml'}:3: rules.C302: 'loud' ")


def test_mission_must_match_the_file_name(tmp_path: Path) -> None:
    path = write_profile(tmp_path / "ETH.yaml", "mission: KEN\n")
    result = run("profile", "validate", path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"roster-check: {path}:1: mission: the file is named ETH.yaml but says mission KEN; a "
        "mission's profile is found by its file name, so name it KEN.yaml\n"
    )


# ------------------------------------------------------------------ profile show


def test_show_without_options_is_the_generic_table() -> None:
    result = run("profile", "show", "--format", "json")
    assert result.exit_code == 0
    table = json.loads(result.stdout)
    assert table["profile"] == "generic"
    assert table["platforms"]["HCT"]["required_roles"] == ["COM"]
    assert table["designations"] == [] and table["waivers"] == []


def test_show_mission_is_what_check_applies(monkeypatch: pytest.MonkeyPatch) -> None:
    """`profile show --mission KEN` describes the Policy `check` uses on KEN rosters: in
    sample_rosters/, whose roster-check.toml names the examples, that is the KEN example."""
    from checker.api import CheckOptions, select_policy

    monkeypatch.chdir(ROOT / "sample_rosters")
    result = run("profile", "show", "--mission", "KEN", "--format", "json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    roster = ROOT / "sample_rosters" / "KEN_2026-10.xlsx"
    applied = select_policy(CheckOptions(), "KEN", default_vocabulary(), roster)
    assert shown == json.loads(json.dumps(applied.to_dict()))
    assert shown["profile"] == "KEN"
    assert shown["platforms"]["ICCG"]["active"] is False
    assert shown["platforms"]["AHT"]["level"] == "subnational"
    assert shown["rules"]["C307"]["severity"] == "warning"
    assert shown["rules"]["S207"]["enabled"] is False


def test_show_text_names_what_changes(tmp_path: Path) -> None:
    path = write_profile(tmp_path / "kenya.yaml", ISSUE_EXAMPLE)
    result = run("profile", "show", "--profile", path)
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith(f"Profile KEN (mission KEN)\n  from: {path} → generic\n")
    assert "  ICCG: Inter-Cluster Coordination Group — not active here" in text
    assert "  AHT: Area Humanitarian Team — subnational level only" in text
    assert "designated: K. Osei (EMERG_COORD) from 2026-09-01 to 2026-12-31" in text
    assert "  C307 acting-capacity: warning (default info)" in text
    assert "  S207 out-of-period: off (default warning)" in text
    assert (
        "  CLUSTER EDU until 2026-12-31, every compliance code: no IOM education programme" in text
    )


def test_show_unknown_mission_is_the_generic_table_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROSTER_CHECK_PROFILES", raising=False)
    result = run("profile", "show", "--mission", "KEN")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "No profile for mission KEN and no folder of profiles is set (--profiles, "
        "ROSTER_CHECK_PROFILES, roster-check.toml or pyproject.toml [tool.roster-check]): the "
        "generic table applies.\n\nProfile generic\n"
    )
    result = run("profile", "show", "--mission", "XYZ", "--profiles", PROFILES)
    assert result.exit_code == 0
    assert result.stdout.startswith(
        f"No profile for mission XYZ in {PROFILES} (from --profiles): the generic table applies."
    )


def test_rules_lists_c306_with_its_documentation() -> None:
    result = run("rules")
    assert result.exit_code == 0
    block = result.stdout.split("\nC306  ")[1].split("\nC307  ")[0]
    assert block.startswith("platform-not-recorded  [warning]\n    A platform the profile expects")
    assert "Passes:" in block and "Fails:" in block


def test_loaded_profiles_are_kept_by_file_version_and_a_few_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker import pipeline
    from checker.api import CheckOptions, select_policy

    monkeypatch.setattr(pipeline, "PROFILES_KEPT", 2)
    monkeypatch.setattr(pipeline, "_PROFILES", type(pipeline._PROFILES)())
    words = default_vocabulary()
    paths = [write_profile(tmp_path / f"{code}.yaml", f"mission: {code}\nextends: generic\n")
             for code in ("AAA", "BBB", "CCC")]  # fmt: skip
    first = select_policy(CheckOptions(profile=paths[0]), None, words)
    assert select_policy(CheckOptions(profile=paths[0]), None, words) is first
    for path in paths[1:]:
        select_policy(CheckOptions(profile=path), None, words)
    assert len(pipeline._PROFILES) == 2
    assert select_policy(CheckOptions(profile=paths[0]), None, words) is not first
    paths[1].write_text("mission: BBB\nextends: generic\n# changed\n", encoding="utf-8")
    assert select_policy(CheckOptions(profile=paths[1]), None, words).name == "BBB"
