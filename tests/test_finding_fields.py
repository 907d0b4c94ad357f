"""A finding keeps what its message was rendered from (its key and fields), so that the
message can be rendered again in another language, or without the names of people, and is
built in one way only (Finding.make)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from checker.api import CheckOptions, check_files, check_workbook, collect_files
from checker.findings import FileResult, Finding
from checker.messages import LANGUAGES, WITHHELD
from checker.reader import SheetGrid, Workbook
from checker.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_PROFILES = ROOT / "schemas" / "profiles" / "examples"
SETS = ("sample_rosters", "tests/fixtures", "tests/fixtures/field", "tests/fixtures/field2")


@functools.cache
def checked(lang: str) -> tuple[FileResult, ...]:
    """Every roster of the samples and fixtures, and every rule's examples, checked in `lang`."""
    files = [f for s in SETS for f in collect_files([ROOT / s])]
    # Profiles of the samples are found from the working folder's roster-check.toml, as the
    # snapshot script finds them.
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        results = check_files(files, CheckOptions(lang=lang))
    for rule in load_rules():
        for example in rule.examples:
            sheets = [SheetGrid("Attendance", example.rows)]
            if example.metadata:
                sheets.append(SheetGrid("Metadata", [list(pair) for pair in example.metadata]))
            profile = EXAMPLE_PROFILES / f"{example.profile}.yaml" if example.profile else None
            options = CheckOptions(mission=example.mission, period=example.period,
                                   profile=profile, lang=lang)  # fmt: skip
            results.append(check_workbook(Workbook(Path("example.xlsx"), sheets), options))
    return tuple(results)


def pairs(source: str, target: str) -> list[tuple[Finding, Finding]]:
    found = []
    for one, other in zip(checked(source), checked(target), strict=True):
        assert [f.code for f in one.findings] == [f.code for f in other.findings], one.path
        found += zip(one.findings, other.findings)
    return found


@pytest.mark.parametrize(("source", "target"), [("en", "fr"), ("en", "es"), ("fr", "en")])
def test_a_message_rendered_again_is_the_message_of_a_check_in_that_language(
    source: str, target: str
) -> None:
    found = pairs(source, target)
    assert {r.code for r in load_rules()} <= {f.code for f, _ in found}
    for finding, theirs in found:
        assert finding.rendered(target) == theirs.message, (finding.code, finding.key)
        assert finding.rendered(source) == finding.message


@pytest.mark.parametrize(("source", "target"), [("en", "fr"), ("fr", "es")])
def test_a_result_said_in_another_language_is_the_result_of_a_check_in_it(
    source: str, target: str
) -> None:
    """What the e-mail pages of a mission in another language read: every word of the JSON
    (messages, meeting labels, reasons) as a check in that language gives it."""
    for one, other in zip(checked(source), checked(target), strict=True):
        assert one.in_language(target).to_dict() == other.to_dict(), one.path


def test_every_finding_keeps_its_key_among_its_codes_messages() -> None:
    from checker.vocabulary import default_vocabulary

    rules = default_vocabulary().rules.rules
    for result in checked("en"):
        for finding in result.findings:
            assert finding.key in rules[finding.code].messages, (finding.code, finding.key)
            assert finding.lang == "en"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_anonymised_messages_quote_no_name(lang: str) -> None:
    """Every name an IOM attendee or a rejected row gives is gone from the messages rendered
    with `roles`: replaced by the person's role when it is known."""
    quoted = 0
    for result in checked(lang):
        roles = {a.name: a.role or "" for m in result.meetings for a in m.iom_attendees if a.name}
        names = {str(v.name) for f in result.findings for v in _people(f)}
        for finding in result.findings:
            anonymous = finding.rendered(lang, roles)
            for name in names:
                if name in finding.message:
                    quoted += 1
                    assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", anonymous), anonymous
    assert quoted >= 5


def test_a_name_without_a_known_role_is_withheld() -> None:
    named = [f for r in checked("en") for f in r.findings if f.code == "S205" and _people(f)]
    assert named
    assert WITHHELD in named[0].rendered("en", {})


def _people(finding: Finding) -> list[object]:
    from checker.messages import Person

    return [v for v in finding.fields.values() if isinstance(v, Person)]


def test_no_module_builds_a_finding_but_through_finding_make() -> None:
    """Finding(...) only inside Finding.make: a finding built elsewhere would keep no key
    and no fields, and could not be rendered again."""
    built = re.compile(r"(?<![\w.])Finding\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "checker").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if built.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []
    source = (ROOT / "checker" / "findings.py").read_text(encoding="utf-8")
    assert source.count("cls(code=") == 1  # the one construction, in Finding.make
