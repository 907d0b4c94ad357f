"""--format sarif: valid SARIF 2.1.0 (the OASIS JSON schema), rules with their documentation,
results located at the file and, logically, at the sheet and cell."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.reporters.conftest import SCHEMAS, by_path, render


@pytest.fixture(scope="module")
def sarif(report) -> dict:
    return json.loads(render("sarif", report))


def test_valid_against_the_sarif_2_1_0_schema(sarif):
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema,
                                           format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)  # fmt: skip
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert sarif["version"] == "2.1.0"


def test_every_rule_is_described_with_its_documentation(sarif):
    from checker.vocabulary import default_vocabulary

    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(default_vocabulary().rules.rules)
    wrong_level = next(r for r in rules if r["id"] == "C302")
    assert wrong_level["name"] == "wrong-level"
    assert wrong_level["shortDescription"]["text"] == (
        "IOM attended, but nobody at the level the platform requires.")  # fmt: skip
    assert "Fails:" in wrong_level["fullDescription"]["text"]
    assert wrong_level["defaultConfiguration"]["level"] == "error"
    acting = next(r for r in rules if r["id"] == "C307")
    assert acting["defaultConfiguration"]["level"] == "note"


def test_one_result_per_finding_at_the_file_and_the_cell(report, sarif):
    results = sarif["runs"][0]["results"]
    assert len(results) == len(report.findings())
    eth = by_path(report, "ETH_2026-10.xlsx")
    c302 = next(f for f in eth["findings"] if f["cell"] == "Attendance!G4")
    result = next(r for r in results
                  if r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
                  == "Attendance!G4")  # fmt: skip
    assert result["ruleId"] == "C302" and result["level"] == "error"
    assert result["message"]["text"] == f"Attendance!G4: {c302['message']}"
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "sample_rosters/ETH_2026-10.xlsx", "uriBaseId": "%SRCROOT%"}
    assert result["locations"][0]["logicalLocations"][0]["name"] == "G4"
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "C302"
    assert result["properties"]["meeting_id"] == c302["meeting_id"]


def test_baseline_state_and_suppressions(report, sarif):
    results = sarif["runs"][0]["results"]
    states = {r["baselineState"] for r in results}
    assert states == {"new", "unchanged"}
    assert sum(r["baselineState"] == "unchanged" for r in results) == 1
    waived = [r for r in results if "suppressions" in r]
    # ETH's finding waived in the fixture, and KEN_2026-11's waived by its profile.
    assert len(waived) == sum(f.waived for f in report.findings()) == 2
    reasons = {w["suppressions"][0]["justification"] for w in waived}
    assert "HCT seat covered by the RC's office" in reasons


def test_fingerprints_are_stable_and_distinct(report, sarif):
    again = json.loads(render("sarif", report))
    first = [r["partialFingerprints"] for r in sarif["runs"][0]["results"]]
    assert first == [r["partialFingerprints"] for r in again["runs"][0]["results"]]
