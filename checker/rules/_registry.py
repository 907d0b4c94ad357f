"""The rules and what they declare: a rule module marks its check with `@rule(CODE, examples)`.

Registering a rule checks it against schemas/rules.yaml (the code's entry, its scope) and the
three message catalogues (every message key of the entry in en, fr and es): a rule without
them stops the import of its module with a RuleError that says what is missing, long before
any roster is judged.
"""

from __future__ import annotations

import functools
import pkgutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import Any, TypeVar

from checker.config import ConfigError
from checker.findings import Finding

Check = TypeVar("Check", bound=Callable[..., Iterable[Finding]])


class RuleError(ConfigError):
    """A rule that does not agree with the catalogue of codes or the message catalogues: the
    tool's data is wrong (exit 2), never a finding on the roster being judged."""


@dataclass(frozen=True)
class Example:
    """A small roster on which a rule fires or stays silent: `roster-check rules` and SARIF's
    rule help show it, tests/test_rule_examples.py checks it through the whole pipeline.

    `table` is the roster as a person would type it: a header line, then rows, the cells
    separated by "|". `metadata` fills a Metadata sheet (label, value); `profile` names a
    bundled example profile (schemas/profiles/examples/<profile>.yaml)."""

    fires: bool
    table: str
    mission: str | None = "NER"
    period: str | None = "2026-10"
    metadata: tuple[tuple[str, str], ...] = ()
    profile: str | None = None

    @property
    def rows(self) -> list[list[str]]:
        """The table's cells, header first."""
        lines = [line.strip() for line in self.table.strip().splitlines() if line.strip()]
        return [[cell.strip() for cell in line.split("|")] for line in lines]

    def text(self) -> list[str]:
        """The example as lines of text, columns aligned."""
        rows = self.rows
        widths = [max(len(row[i]) for row in rows if i < len(row)) for i in range(len(rows[0]))]
        settings = [f"mission {self.mission or '(none)'}", f"period {self.period or '(none)'}"]
        settings += [f"{label} {value}" for label, value in self.metadata]
        if self.profile:
            settings.append(f"profile {self.profile}")
        lines = [("Fires" if self.fires else "Passes") + f" ({', '.join(settings)}):"]
        lines += ["  " + " | ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()
                  for row in rows]  # fmt: skip
        return lines


def fails(table: str, **settings: Any) -> Example:
    return Example(True, table, **settings)


def passes(table: str, **settings: Any) -> Example:
    return Example(False, table, **settings)


@dataclass(frozen=True)
class Rule:
    code: str
    scope: str  # "meeting": check(assessment, policy); "file": check(roster_file)
    check: Callable[..., Iterable[Finding]]
    doc: str  # the module's docstring: a summary line, then what passes and what fails
    examples: tuple[Example, ...]
    supersedes: frozenset[str]
    module: str


_RULES: dict[str, Rule] = {}
# The scopes a rule module may have; rows and tables are checked by checker.schema and
# checker.reading.
SCOPES = ("meeting", "file")


def rule(code: str, *examples: Example) -> Callable[[Check], Check]:
    """Register the decorated function as the check of `code`, with its examples."""

    def register(check: Check) -> Check:
        module = sys.modules[check.__module__]
        entry = _entry(code, check.__module__)
        found = Rule(code, entry.scope, check, (module.__doc__ or "").strip(), tuple(examples),
                     frozenset(entry.supersedes), check.__module__)  # fmt: skip
        verify(found)
        known = _RULES.get(code)
        if known is not None and known.module != found.module:
            raise RuleError(f"{found.module}: {code} is already the code of {known.module}")
        _RULES[code] = found
        return check

    return register


def _entry(code: str, module: str) -> Any:
    from checker.vocabulary import default_vocabulary

    entries = default_vocabulary().rules.rules
    if code not in entries:
        raise RuleError(f"{module}: {code} has no entry in schemas/rules.yaml; add one (name, "
                        "severity, category, scope, short) as docs/adding-a-rule.md says")  # fmt: skip
    return entries[code]


def verify(found: Rule) -> None:
    """The rule's scope, documentation, examples and messages in every language."""
    from checker.messages import LANGUAGES, catalogue

    entry = _entry(found.code, found.module)
    where = f"{found.module}: {found.code}"
    if found.scope not in SCOPES:
        raise RuleError(f"{where}: scope {found.scope} in schemas/rules.yaml; a rule module "
                        f"judges one of: {', '.join(SCOPES)}")  # fmt: skip
    if not found.doc:
        raise RuleError(f"{where}: the module needs a docstring (a summary line, then what "
                        "passes and what fails)")  # fmt: skip
    if not any(e.fires for e in found.examples):
        raise RuleError(f"{where}: give at least one example on which the rule fires")
    for lang in LANGUAGES:
        written = catalogue(lang).section("messages")  # without falling back to English
        missing = [key for key in entry.messages if key not in written]
        if missing:
            raise RuleError(f"{where}: no message {', '.join(missing)} in "
                            f"checker/messages/{lang}.yaml")  # fmt: skip


@functools.cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule of this package (each module registers its own), in the catalogue's order."""
    from checker.vocabulary import default_vocabulary

    package = sys.modules[__name__.rpartition(".")[0]]
    for module in pkgutil.iter_modules(package.__path__):
        if not module.name.startswith("_"):
            import_module(f"{package.__name__}.{module.name}")
    order = list(default_vocabulary().rules.rules)
    return tuple(sorted(_RULES.values(), key=lambda r: order.index(r.code)))


@functools.cache
def rules_of(scope: str) -> tuple[Rule, ...]:
    return tuple(r for r in load_rules() if r.scope == scope)
