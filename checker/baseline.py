"""--baseline: findings accepted once, so that CI fails only on new ones.

`--write-baseline FILE` records the findings of a run; `--baseline FILE` marks the findings
found there `"baseline": true`. They are still reported (and still count in each file's
status and summary, which describe the roster as it is), but they do not fail the run
(--fail-on) and the CI formats show them as accepted rather than as failures.

A finding is recognised by its fingerprint: the file (its path as shown, with / as the
separator), code, sheet, column, meeting date, platform and value. The row is left out on
purpose, so that inserting or deleting rows above a finding keeps it recognised; the
message is left out so that rewording it in a new version does not make every finding new.
Identical fingerprints are counted: if the baseline holds one "Cheif of Mission" typo in a
column and the roster now has two, one of them is new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path, PurePath
from typing import IO, Any

from checker.findings import FileResult, Report

BASELINE_VERSION = 1
KEY_FIELDS = ("path", "code", "sheet", "column", "meeting_date", "platform", "value")

Fingerprint = tuple[Any, ...]


class BaselineError(ValueError):
    """The baseline file cannot be read or is not a roster-check baseline. The CLI exits 2."""


def key_fields(path: str, finding: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that identify a finding across runs, from its JSON form."""
    return {"path": _posix(path), **{name: finding[name] for name in KEY_FIELDS[1:]}}


@lru_cache(maxsize=256)
def _posix(path: str) -> str:
    # One string a file, not one a finding: the fingerprints of a roster's 358,000 findings,
    # sorted and counted at once, each held a copy of its path.
    return PurePath(path).as_posix()


def fingerprint(path: str, finding: Mapping[str, Any]) -> Fingerprint:
    return _key(key_fields(path, finding))


def _key(entry: Mapping[str, Any]) -> Fingerprint:
    return tuple(entry.get(name) for name in KEY_FIELDS)


def write(report: Report, stream: IO[str]) -> Counter[Fingerprint]:
    """Write the findings of `report` as a baseline file, sorted so that it diffs well in
    git, and return what it accepts. Waived findings are left out: the mission's profile
    accepts them already."""
    # The text json.dump(..., indent=2) gives, an entry at a time: a roster with 360,000
    # findings is never held as that many dicts nor as one text (~300 MB).
    found = [(r.path, f) for r in report.results for f in r.findings if not f.waived]
    found.sort(key=lambda pair: tuple("" if v is None else str(v)
                                      for v in fingerprint(pair[0], pair[1].to_dict())))  # fmt: skip
    accepted: Counter[Fingerprint] = Counter()
    stream.write('{\n  "roster_check_baseline": ' + json.dumps(BASELINE_VERSION)
                 + ',\n  "findings": [')  # fmt: skip
    for number, (path, finding) in enumerate(found):
        entry = {**key_fields(path, finding.to_dict()), "message": finding.message}
        accepted[_key(entry)] += 1
        text = json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        stream.write(("\n    " if number == 0 else ",\n    ") + text)
    stream.write("\n  ]\n}\n" if found else "]\n}\n")
    return accepted


# A baseline of 10,000 rosters with 20 findings each is ~60 MB; deep nesting is never needed.
MAX_BASELINE_BYTES = 256 * 2**20
_SCALARS = (str, int, float, bool, type(None))


def load(path: Path) -> Counter[Fingerprint]:
    from checker.config import read_bounded

    text = read_bounded(path, MAX_BASELINE_BYTES, BaselineError, "the baseline")
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, ValueError, RecursionError) as exc:
        # ValueError: a number of thousands of digits; RecursionError: nesting thousands deep
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise BaselineError(f"{path}: not a baseline file (not JSON: {reason})") from None
    if not isinstance(data, dict) or data.get("roster_check_baseline") != BASELINE_VERSION:
        raise BaselineError(f"{path}: not a roster-check baseline (written by --write-baseline)")
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise BaselineError(f'{path}: "findings" must be a list of findings')
    for number, entry in enumerate(entries, start=1):
        if not all(isinstance(entry.get(name), _SCALARS) for name in KEY_FIELDS):
            raise BaselineError(f"{path}: finding {number}: its fields must be text or numbers")
    # Each text once: JSON makes a new string for every value, and the counter is held while
    # the rosters are judged (a path, code, sheet, date and platform repeated 358,000 times).
    texts: dict[Any, Any] = {}
    return Counter(tuple(texts.setdefault(v, v) if isinstance(v, str) else v for v in _key(e))
                   for e in entries)  # fmt: skip


def apply(report: Report, accepted: Counter[Fingerprint]) -> Report:
    """Mark the findings the baseline accepts, each recorded occurrence at most once."""
    results = list(report.results)
    mark(results, Counter(accepted))
    return Report(tuple(results), lang=report.lang)


def mark(results: list[FileResult], left: Counter[Fingerprint]) -> None:
    """apply() in place, using `left` up: each result of `results` and each of its findings
    is replaced by its marked copy and let go as the copy is made, so that a roster with
    358,000 findings is not held twice (when `results` holds the only references)."""
    for position, result in enumerate(results):
        results[position] = None  # type: ignore[call-overload]
        findings = list(result.findings)
        result = replace(result, findings=())
        for at, finding in enumerate(findings):
            key = fingerprint(result.path, finding.to_dict())
            if not finding.waived and left[key] > 0:
                left[key] -= 1
                findings[at] = replace(finding, baseline=True)
        results[position] = replace(result, findings=tuple(findings))
