"""--format junit: JUnit XML for the test tabs of GitLab, Azure Pipelines and Jenkins.

One <testsuite> per roster file (name = its path). In it, one <testcase> per meeting
("m1 HCT 2026-10-05 national Addis Ababa") and one per code found outside any meeting
("E101 unreadable-file", "S210 metadata-missing"); classname is the file's path.

- an error finding makes its testcase fail: <failure type="C302" message="...">, with one
  "Sheet!Cell CODE message" line per finding in the text;
- a file that could not be read at all (E101, E102, E104) is an <error>, not a failure:
  the roster was not checked;
- warnings, infos and findings accepted by a waiver or the baseline do not fail a testcase;
  they are listed in its <system-out>.
Valid against the Jenkins/Surefire junit-10.xsd (tests/schemas/).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any, TextIO

from checker.findings import Each, Report, ResultStream, codes_of
from checker.messages import Catalogue, catalogue
from checker.reporters import accepted, printable, where

# Characters XML 1.0 cannot carry at all, even escaped; a hostile roster may contain them.
_NOT_XML = re.compile(
    "[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
    "|[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"  # legal XML, but controls for a log viewer
)


def _text(value: object) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    render_results(ResultStream.of_report(report), stream)


def render_results(results: ResultStream, stream: TextIO, color: bool = False) -> None:
    # The root element carries the totals, known once every suite is made: the suites wait
    # in a temporary file meanwhile, not in memory. Indented as ET.indent does the whole tree.
    words = catalogue(results.lang)
    totals = {"tests": 0, "failures": 0, "errors": 0}
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as suites:
        for result in results.dicts(lists=Each):
            for key, count in _write_suite(result, words, suites).items():
                totals[key] += count
        root = ET.Element("testsuites", name="roster-check")
        for key, value in totals.items():
            root.set(key, str(value))
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not suites.tell():
            stream.write(ET.tostring(root, encoding="unicode"))
        else:
            root.text = _SUITES
            opening, _, closing = ET.tostring(root, encoding="unicode").partition(_SUITES)
            stream.write(opening)
            suites.seek(0)
            shutil.copyfileobj(suites, stream)
            stream.write("\n" + closing)
    stream.write("\n")


_SUITES = "\x00"  # where the suites go between the root's tags: no XML text holds it


def _write_suite(result: dict[str, Any], words: Catalogue, out: TextIO) -> dict[str, int]:
    """Write a file's <testsuite> to `out`, a testcase at a time, as ET.indent at level 1
    and ET.tostring write it whole; return its tests, failures and errors. Its meetings and
    findings (dicts, lists or `Each`) are made into dicts a testcase at a time: the suite of a
    roster with 358,000 findings, as one tree of their dicts, was the peak of the run."""
    findings = result["findings"]
    by_meeting: dict[str, list[int]] = {}  # positions in `findings`
    by_code: dict[str, list[int]] = {}
    for position, finding in enumerate(findings):
        if finding["meeting_id"] is not None:
            by_meeting.setdefault(finding["meeting_id"], []).append(position)
        else:
            by_code.setdefault(finding["code"], []).append(position)

    def cases() -> Iterator[ET.Element]:
        for meeting in result["meetings"]:
            at = by_meeting.get(meeting["id"], [])
            yield _case(result, _meeting_name(meeting), [findings[i] for i in at], words)
        for code, at in by_code.items():
            found = [findings[i] for i in at]
            yield _case(result, f"{code} {found[0]['rule']}", found, words)

    counts = {"tests": 0, "failures": 0, "errors": 0}
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as body:
        for case in cases():
            _write_case(case, counts, body)
        if not counts["tests"]:  # a roster with neither meetings nor findings still shows up
            _write_case(_case(result, words.text("outputs", "junit_roster"), [], words),
                        counts, body)  # fmt: skip
        suite = ET.Element("testsuite", name=_text(result["path"]))
        for key, count in counts.items():
            suite.set(key, str(count))
        suite.set("skipped", "0")
        suite.text = _SUITES
        opening, _, closing = ET.tostring(suite, encoding="unicode").partition(_SUITES)
        properties = ET.Element("properties")
        for name in ("mission", "period", "status"):
            ET.SubElement(properties, "property", name=name, value=_text(result[name] or ""))
        rate = result["summary"]["compliance_rate"]
        ET.SubElement(properties, "property", name="compliance_rate",
                      value="" if rate is None else str(rate))  # fmt: skip
        ET.indent(properties, level=2)
        out.write(f"\n  {opening}\n    {ET.tostring(properties, encoding='unicode')}")
        body.seek(0)
        shutil.copyfileobj(body, out)
        out.write(f"\n  {closing}")
    return counts


def _write_case(case: ET.Element, counts: dict[str, int], out: TextIO) -> None:
    counts["tests"] += 1
    counts["failures"] += case.find("failure") is not None
    counts["errors"] += case.find("error") is not None
    ET.indent(case, level=2)
    out.write("\n    " + ET.tostring(case, encoding="unicode"))


def _meeting_name(meeting: dict[str, Any]) -> str:
    parts = [meeting["id"], meeting["label"], meeting["date"], meeting["level"],
             meeting["location"]]  # fmt: skip
    return " ".join(str(p) for p in parts if p)


def _case(
    result: dict[str, Any], name: str, findings: list[dict[str, Any]], words: Catalogue
) -> ET.Element:
    case = ET.Element("testcase", name=_text(name), classname=_text(result["path"]))
    fails = [f["severity"] == "error" and not accepted(f) for f in findings]
    failing = [f for f, fail in zip(findings, fails) if fail]
    if failing:
        first = failing[0]
        kind = "error" if first["code"] in codes_of(status="unreadable") else "failure"
        problem = ET.SubElement(case, kind, type=first["code"], message=_text(first["message"]))
        problem.text = _text("\n".join(_line(f, words) for f in failing))
    # Not `f not in failing`: one look through the failing a finding, quadratic for the
    # findings outside any meeting (more than 7 minutes for a 210,900-row roster).
    others = [f for f, fail in zip(findings, fails) if not fail]
    if others:
        ET.SubElement(case, "system-out").text = _text("\n".join(_line(f, words) for f in others))
    return case


def _line(finding: dict[str, Any], words: Catalogue) -> str:
    status = accepted(finding)
    note = f" [{words.text('outputs', 'accepted_' + status)}]" if status else ""
    # One line per finding: a newline typed in a cell must not start a line of its own in a
    # CI log that shows this text ("::error file=…" would be run as a workflow command).
    return words.text("outputs", "junit_line", where=printable(where(finding, words)),
                      code=finding["code"], severity=words.name("severities", finding["severity"]),
                      message=printable(finding["message"]), note=note)  # fmt: skip
