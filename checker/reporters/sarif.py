"""--format sarif: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

tool.driver.rules carries every finding code with its documentation (the rule docstrings
and schemas/rules.yaml, as `roster-check rules` prints them; the help adds the examples). Each finding is a result:
ruleId = code, level from the severity, the roster file as the physical location (a path
relative to the folder the checker ran in, under %SRCROOT%), and the cell both in the
message ("Attendance!G4: ...") and as a logical location. A workbook has no source lines,
so there is no region. partialFingerprints carries the --baseline fingerprint, so that a
viewer recognises a finding across runs the way --baseline does; with a baseline applied,
baselineState says which findings are new. Valid against the OASIS 2.1.0 JSON schema
(tests/schemas/).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from checker.baseline import fingerprint
from checker.findings import TOOL_NAME, TOOL_VERSION, Each, Report, ResultStream
from checker.messages import Catalogue, catalogue
from checker.reporters import accepted, jsonstream, where

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    results = ResultStream.of_report(report)
    with_baseline = any(f.get("baseline") for r in results.dicts(lists=Each)
                        for f in r["findings"])  # fmt: skip
    _write(results, stream, with_baseline)


def render_results(results: ResultStream, stream: TextIO, color: bool = False) -> None:
    """Each result as it comes, for a run with no baseline applied."""
    _write(results, stream, with_baseline=False)


def _write(results: ResultStream, stream: TextIO, with_baseline: bool) -> None:
    from checker.rules import documentation

    words = catalogue(results.lang)
    rules = documentation()
    index = {rule.code: i for i, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": TOOL_NAME,
            "version": TOOL_VERSION,
            "semanticVersion": TOOL_VERSION,
            "rules": [{
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.text or rule.summary},
                "help": {"text": rule.help},
                "defaultConfiguration": {"level": LEVEL[rule.severity]},
            } for rule in rules],
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "results": jsonstream.ITEMS,
        "columnKind": "unicodeCodePoints",
    }  # fmt: skip
    # Each finding's dict is made as it is written (a tall roster's are never all held).
    found = (
        _result(result, finding, index, with_baseline, words)
        for result in results.dicts(lists=Each) for finding in result["findings"]
    )  # fmt: skip
    jsonstream.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, found, stream,
                    indent=2)  # fmt: skip
    stream.write("\n")


def _artifact(path: str) -> dict[str, str]:
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(PurePath(path).as_posix()), "uriBaseId": "%SRCROOT%"}


def _result(
    result: dict[str, Any],
    finding: dict[str, Any],
    index: dict[str, int],
    with_baseline: bool,
    words: Catalogue,
) -> dict[str, Any]:
    place = where(finding)
    logical: dict[str, Any] = {"fullyQualifiedName": place, "kind": "element"}
    if finding["cell"]:
        logical["name"] = finding["cell"].rpartition("!")[2]
    out: dict[str, Any] = {
        "ruleId": finding["code"],
        "level": LEVEL[finding["severity"]],
        "message": {"text": f"{where(finding, words)}: {finding['message']}"},
        "locations": [{
            "physicalLocation": {"artifactLocation": _artifact(result["path"])},
            "logicalLocations": [logical],
        }],
        "partialFingerprints": {
            "rosterCheck/v1": hashlib.sha256(
                json.dumps(fingerprint(result["path"], finding)).encode()).hexdigest(),
        },
        "properties": {
            key: value for key, value in (
                *((k, result[k]) for k in ("mission", "period")),
                *((k, finding[k]) for k in ("rule", "sheet", "row", "column", "cell",
                                            "meeting_id", "meeting_date", "platform", "value",
                                            "suggestion")),
            ) if value is not None
        },
    }  # fmt: skip
    if finding["code"] in index:
        out["ruleIndex"] = index[finding["code"]]
    if finding.get("waived"):
        out["suppressions"] = [{"kind": "external", "status": "accepted",
                                "justification": finding.get("waiver_reason") or "waived"}]  # fmt: skip
    if with_baseline:
        out["baselineState"] = "unchanged" if accepted(finding) == "baseline" else "new"
    return out
