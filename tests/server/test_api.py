"""The JSON API: the same document as `roster-check check --format json`, tokens, roles, the
OpenAPI document; and `report --db` over what was stored."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.server.conftest import EXAMPLES, SAMPLES, Deployment, deploy, upload


@pytest.fixture
def deployment(db_url: str, tmp_path: Path, checkers: object) -> Iterator[Deployment]:
    """Here on SQLite and on PostgreSQL: the API's answers must not depend on the store."""
    found = deploy(db_url, tmp_path / "files", checkers)  # type: ignore[arg-type]
    with found.client:
        yield found
    found.store.close()


def cli_json(path: Path, *options: str) -> dict:
    """`check --format json --profiles DIR` with the deployment's folder of profiles, on the
    file alone (an uploaded file has no folder whose roster-check.toml could name another)."""
    with tempfile.TemporaryDirectory() as folder:
        alone = Path(folder) / path.name
        alone.write_bytes(path.read_bytes())
        result = CliRunner().invoke(main, ["check", str(alone), "--format", "json",
                                           "--profiles", str(EXAMPLES), *options])  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


@pytest.mark.parametrize("sample", ["ETH_2026-10.xlsx", "KEN_2026-11.xlsx", "broken_roster.xlsx"])
def test_the_api_answers_exactly_what_check_format_json_gives(
    deployment: Deployment, sample: str
) -> None:
    expected = cli_json(SAMPLES / sample)
    expected["results"][0]["path"] = sample  # the uploaded file's name, not a local path
    account = "ethiopia" if sample.startswith("ETH") else "kenya"
    answer = upload(deployment.client, SAMPLES / sample, deployment.api(account),
                    **({"mission": "KEN"} if sample.startswith("broken") else {}))  # fmt: skip
    if sample.startswith("broken"):
        expected = cli_json(SAMPLES / sample, "--mission", "KEN")
        expected["results"][0]["path"] = sample
    assert answer.status_code == 201, answer.text
    assert answer.json() == expected
    stored = deployment.client.get(answer.headers["Location"], headers=deployment.api(account))
    assert stored.status_code == 200 and stored.json() == expected


def test_options_and_language_are_those_of_the_command_line(deployment: Deployment) -> None:
    sample = SAMPLES / "KEN_2026-10.xlsx"
    expected = cli_json(sample, "--lang", "fr", "--period", "2026-10", "--mission", "KEN")
    expected["results"][0]["path"] = sample.name
    answer = upload(deployment.client, sample, deployment.api("kenya"), lang="fr",
                    period="2026-10", mission="ken")  # fmt: skip
    assert answer.status_code == 201, answer.text
    assert answer.json() == expected


def test_a_token_is_needed_and_must_be_valid(deployment: Deployment) -> None:
    sample = SAMPLES / "KEN_2026-10.xlsx"
    missing = upload(deployment.client, sample)
    assert missing.status_code == 401
    assert "Authorization: Bearer" in missing.json()["error"]["message"]
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    wrong = upload(deployment.client, sample, {"Authorization": "Bearer rc_not-a-token"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "api_token_bad"
    assert deployment.store.latest() == []  # nothing stored


def test_nobody_reads_or_submits_for_another_mission(deployment: Deployment) -> None:
    kenya = upload(deployment.client, SAMPLES / "KEN_2026-10.xlsx", deployment.api("kenya"))
    location = kenya.headers["Location"]
    for account, allowed in [("kenya", True), ("ethiopia", False), ("colombia", False),
                             ("nairobi", True), ("geneva", True)]:  # fmt: skip
        answer = deployment.client.get(location, headers=deployment.api(account))
        assert answer.status_code == (200 if allowed else 403), account
        listing = deployment.client.get(
            "/api/missions/KEN/results", headers=deployment.api(account)
        )
        assert listing.status_code == (200 if allowed else 403), account
    # Submitting another mission's roster is refused, and nothing is kept of it.
    refused = upload(deployment.client, SAMPLES / "KEN_2026-10.xlsx", deployment.api("ethiopia"))
    assert refused.status_code == 403
    assert "KEN" in refused.json()["error"]["message"]
    said = upload(deployment.client, SAMPLES / "ETH_2026-10.xlsx", deployment.api("ethiopia"),
                  mission="KEN")  # fmt: skip
    assert said.status_code == 403
    # Regional accounts read but do not submit; management may submit for any mission.
    assert upload(deployment.client, SAMPLES / "KEN_2026-10.xlsx",
                  deployment.api("nairobi")).status_code == 403  # fmt: skip
    assert [s.mission for s in deployment.store.latest()] == ["KEN"]
    assert upload(deployment.client, SAMPLES / "COL_2026-10.xlsx",
                  deployment.api("geneva")).status_code == 201  # fmt: skip
    assert sum(1 for p in deployment.settings.files.rglob("*") if p.is_file()) == 2


def test_reuploading_a_month_adds_a_version(deployment: Deployment) -> None:
    headers = deployment.api("kenya")
    first = upload(deployment.client, SAMPLES / "KEN_2026-10.xlsx", headers)
    second = upload(deployment.client, SAMPLES / "KEN_2026-10.xlsx", headers)
    assert first.headers["X-Submission-Id"] != second.headers["X-Submission-Id"]
    listing = deployment.client.get("/api/missions/KEN/results", headers=headers).json()
    assert [(m["period"], m["version"]) for m in listing] == [("2026-10", 2)]
    assert listing[0]["id"] == int(second.headers["X-Submission-Id"])
    # The same bytes are kept once.
    assert sum(1 for p in deployment.settings.files.rglob("*") if p.is_file()) == 1


def test_bad_fields_are_clear_messages(deployment: Deployment) -> None:
    headers = deployment.api("kenya")
    sample = SAMPLES / "KEN_2026-10.xlsx"
    assert upload(deployment.client, sample, headers, mission="Kenya!").json()["error"]["code"] \
        == "upload_bad_mission"  # fmt: skip
    assert upload(deployment.client, sample, headers, period="10/2026").status_code == 400
    nofile = deployment.client.post("/api/check", data={"mission": "KEN"}, headers=headers)
    assert nofile.status_code == 400
    assert nofile.json()["error"]["message"].startswith("No file was chosen")


def test_the_openapi_document_describes_the_check_endpoint(deployment: Deployment) -> None:
    document = deployment.client.get("/openapi.json").json()
    assert document["info"]["title"] == "roster-check"
    check = document["paths"]["/api/check"]["post"]
    schema_ref = check["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"]
    body = document["components"]["schemas"][schema_ref.rsplit("/", 1)[-1]]
    assert set(body["properties"]) == {"file", "mission", "period", "lang"}
    assert body["required"] == ["file"]
    assert {"201", "401", "403", "413", "415"} <= set(check["responses"])
    assert "/api/results/{submission_id}" in document["paths"]
    assert not any(p.startswith(("/upload", "/login")) for p in document["paths"])


def test_report_db_aggregates_the_store_without_reading_rosters(
    tmp_path: Path, checkers: object, db_url: str
) -> None:  # fmt: skip
    found = deploy(db_url, tmp_path / "files", checkers)  # type: ignore[arg-type]
    with found.client:
        for sample, account in [("KEN_2026-10.xlsx", "kenya"), ("KEN_2026-11.xlsx", "kenya"),
                                ("ETH_2026-10.xlsx", "ethiopia")]:  # fmt: skip
            assert upload(found.client, SAMPLES / sample, found.api(account)).status_code == 201
    # The originals are gone: the report must come from the stored results alone.
    for path in (tmp_path / "files").rglob("*"):
        if path.is_file():
            path.unlink()
    target = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["report", "--db", db_url, "-o", str(target)])
    assert result.exit_code == 0, result.output
    report = json.loads(target.read_text())
    on_disk = tmp_path / "report-files.json"
    plain = tmp_path / "plain"  # away from sample_rosters/roster-check.toml, as uploaded
    plain.mkdir()
    for name in ("KEN_2026-10.xlsx", "KEN_2026-11.xlsx", "ETH_2026-10.xlsx"):
        (plain / name).write_bytes((SAMPLES / name).read_bytes())
    CliRunner().invoke(main, ["report", str(plain), "-o", str(on_disk), "--profiles",
                              str(EXAMPLES)])  # fmt: skip
    from_files = json.loads(on_disk.read_text())
    for part in ("period", "headline", "platforms", "heatmap", "trend", "gaps"):
        assert report[part] == from_files[part], part
    assert report["files"]["used"] == 3
    found.store.close()


def test_report_db_refuses_paths_and_db_together(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(SAMPLES), "--db", "sqlite://", "-o",
                                       str(tmp_path / "r.html")])  # fmt: skip
    assert result.exit_code == 2
    assert "not both" in result.output
