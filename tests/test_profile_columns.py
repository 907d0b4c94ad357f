"""Headers given by the user for the fields of schemas/columns.yaml: a profile's `columns:`
(validated, merged through `extends:`, `Policy.columns`) and `--column FIELD=HEADER` on
check/annotate (validated, carried in CheckOptions.columns). Header matching itself uses them
in checker.layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from profile_helpers import attendee, run, write_profile, write_roster

from checker.api import CheckOptions
from checker.config import ConfigError
from checker.profile import load_profile
from checker.vocabulary import default_vocabulary


def test_columns_are_merged_through_extends(tmp_path: Path) -> None:
    write_profile(tmp_path / "region.yaml",
                  'columns: {organization: "Agency/Organisation", title: "Position / Title"}\n')  # fmt: skip
    child = write_profile(tmp_path / "NER.yaml", "mission: NER\nextends: region.yaml\n"
                          'columns: {title: "Fonction OIM", attendee: "Nom"}\n')  # fmt: skip
    policy = load_profile(child, default_vocabulary())
    assert policy.columns == {
        "organization": "Agency/Organisation", "title": "Fonction OIM", "attendee": "Nom",
    }  # fmt: skip
    assert policy.to_dict()["columns"] == policy.columns
    # --column wins over the profile for the same field.
    assert policy.column_headers((("title", "Poste"),))["title"] == "Poste"
    assert load_profile(tmp_path / "region.yaml", default_vocabulary()).columns["title"] == (
        "Position / Title"
    )


BAD = {
    "unknown_field": ('columns:\n  organisation: "Agency"\n',
                      "{path}:2: columns.organisation: unknown field 'organisation' (did you mean "
                      "organization?); known fields: attendee, capacity, country, date,"),
    "blank_header": ('columns:\n  title: "  "\n',
                     '{path}:2: columns.title: give the header as the roster writes it'),
    "not_text": ("columns:\n  title: [a, b]\n", "{path}:2: columns.title: "),
    "same_header_twice": ('columns:\n  title: "Role"\n  capacity: "role"\n',
                          "{path}:3: columns.capacity: the header 'role' is already given to title"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_columns_name_file_line_and_key(tmp_path: Path, case: str) -> None:
    text, expected = BAD[case]
    path = write_profile(tmp_path / "p.yaml", text)
    with pytest.raises(ConfigError) as error:
        load_profile(path, default_vocabulary())
    assert str(error.value).startswith(expected.format(path=path))
    result = run("profile", "validate", path)
    assert result.exit_code == 2 and result.stderr.startswith(f"roster-check: {path}:")


def _roster(tmp_path: Path) -> Path:
    return write_roster(tmp_path / "NER_2026-10.xlsx", [
        attendee(dt.date(2026, 10, 5), "HCT", "D. Kiprono", "IOM", "Chief of Mission"),
    ])  # fmt: skip


def test_column_option_is_validated(tmp_path: Path) -> None:
    roster = _roster(tmp_path)
    for command in (["check", roster], ["annotate", roster, "-o", tmp_path / "c.xlsx"]):
        result = run(*command, "--column", "organisation=Agency")
        assert result.exit_code == 2
        assert result.stderr.startswith(
            "roster-check: Invalid value for '--column': 'organisation' is not a field; the "
            "fields are date, platform, level, location, attendee, organization, title, "
        )
        result = run(*command, "--column", "organization")
        assert result.exit_code == 2 and "write FIELD=HEADER" in result.stderr
    assert not (tmp_path / "c.xlsx").exists()


def test_column_option_reaches_the_check_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[CheckOptions] = []
    import checker.run

    real = checker.run.check_each

    def spy(files, options=None, jobs=1, progress=None, **more):  # type: ignore[no-untyped-def]
        seen.append(options)
        return real(files, options, jobs, progress, **more)

    monkeypatch.setattr(checker.run, "check_each", spy)
    roster = _roster(tmp_path)
    plain = run("check", roster)
    given = run("check", roster, "--column", 'organization=Agency/Organisation',
                "--column", "title = Position / Title")  # fmt: skip
    assert seen[-1].columns == (("organization", "Agency/Organisation"),
                                ("title", "Position / Title"))  # fmt: skip
    assert seen[0].columns == ()
    # The text report says nothing new about them.
    assert given.stdout == plain.stdout
