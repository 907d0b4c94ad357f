"""schemas/rules.yaml is the one catalogue of finding codes: every rule module, message, code
set and the README's table agree with it, and a rule that does not stops at import."""

from __future__ import annotations

import importlib.util
import re
import sys
import textwrap
from pathlib import Path

import pytest

from checker.messages import LANGUAGES, catalogue
from checker.rules import RuleError, load_rules
from checker.vocabulary import RuleEntry, default_vocabulary

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = default_vocabulary().rules.rules


def _messages(lang: str) -> dict[str, str]:
    return catalogue(lang).section("messages")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_of_the_catalogue_is_in_every_language(lang: str) -> None:
    declared = {key for entry in ENTRIES.values() for key in entry.messages}
    assert sorted(declared - set(_messages(lang))) == [], "declared, not written"
    assert sorted(set(_messages(lang)) - declared) == [], "written, not declared"


def test_every_rule_module_has_its_entry_and_documents_itself_once() -> None:
    rules = {r.code: r for r in load_rules()}
    for code, found in rules.items():
        assert found.scope == ENTRIES[code].scope
        assert ENTRIES[code].summary is None, f"{code}: documented by {found.module}"
    for code, entry in ENTRIES.items():
        if code not in rules:
            assert entry.summary, f"{code}: no rule module, so rules.yaml documents it"
            assert entry.scope in ("file", "table", "row"), code  # raised by another stage
    # Every meeting-level code is judged by a rule module: none is left to inline code.
    assert {c for c, e in ENTRIES.items() if e.scope == "meeting"} <= set(rules)


def test_the_readme_table_is_the_catalogue() -> None:
    expected = ["| code | rule | severity | meaning |", "|---|---|---|---|"] + [
        f"| {code} | {e.name} | {e.severity} | {e.short} |" for code, e in ENTRIES.items()
    ]
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = readme.index(expected[0])
    table = readme[start : start + len(expected) + 1]
    assert table[: len(expected)] == expected, "\n" + "\n".join(expected)
    assert not table[-1].startswith("|"), "a row not in schemas/rules.yaml"


# ------------------------------------------------------------ a rule that does not agree


def _import_rule_module(tmp_path: Path, code: str) -> None:
    """Import a rule module written for the test (not in checker/rules/: nothing keeps it)."""
    path = tmp_path / f"rule_{code.lower()}.py"
    path.write_text(textwrap.dedent(f'''\
        """A rule written for a test.

        Passes: nothing. Fails: nothing.
        """
        from checker.rules import fails, rule

        @rule("{code}", fails("Date | Platform"))
        def check(assessment, policy):
            return iter(())
    '''), encoding="utf-8")  # fmt: skip
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[path.stem]


def test_a_rule_without_its_catalogue_entry_fails_at_import(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"C399 has no entry in schemas/rules\.yaml"):
        _import_rule_module(tmp_path, "C399")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_rule_without_a_message_in_one_language_fails_at_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    entry = RuleEntry(name="test-rule", severity="error", category="compliance", scope="meeting",
                      short="a rule written for a test", messages=["C399"])  # fmt: skip
    monkeypatch.setitem(default_vocabulary().rules.rules, "C399", entry)
    for other in LANGUAGES:
        if other != lang:
            monkeypatch.setitem(catalogue(other).section("messages"), "C399", "{date}: a test.")
    with pytest.raises(RuleError, match=rf"no message C399 in checker/messages/{lang}\.yaml"):
        _import_rule_module(tmp_path, "C399")


def test_a_rule_error_is_never_a_finding_on_a_roster() -> None:
    # RuleError is a ConfigError: judging re-raises it (exit 2) rather than reporting E101.
    from checker.config import ConfigError

    assert issubclass(RuleError, ConfigError)
    assert re.search(r"except ConfigError:\s+raise", (ROOT / "checker" / "pipeline.py").read_text())
