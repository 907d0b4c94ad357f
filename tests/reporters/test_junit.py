"""--format junit: valid against the JUnit XSD; a suite per file, a case per meeting and per
file-level code, failures carrying code, cell and message."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import xmlschema

from tests.reporters.conftest import SCHEMAS, by_path, render


@pytest.fixture(scope="module")
def xml(report) -> str:
    return render("junit", report)


@pytest.fixture(scope="module")
def suites(xml) -> ET.Element:
    return ET.fromstring(xml)


def suite_of(suites: ET.Element, suffix: str) -> ET.Element:
    return next(s for s in suites if s.get("name", "").endswith(suffix))


def test_valid_against_the_junit_xsd(xml):
    xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd").validate(xml)


def test_one_suite_per_file_with_consistent_counts(report, suites):
    assert [s.get("name") for s in suites] == [r.path for r in report.results]
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases) >= 1
        assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in cases)
        assert int(suite.get("errors")) == sum(c.find("error") is not None for c in cases)
    assert int(suites.get("tests")) == sum(int(s.get("tests")) for s in suites)


def test_a_case_per_meeting_and_failures_carry_code_cell_and_message(report, suites):
    ssd = suite_of(suites, "SSD_2026-10.xlsx")
    meetings = by_path(report, "SSD_2026-10.xlsx")["meetings"]
    names = [c.get("name") for c in ssd.findall("testcase")]
    assert names[: len(meetings)] == [
        " ".join(p for p in (m["id"], m["label"], m["date"], m["level"], m["location"]) if p)
        for m in meetings
    ]
    failure = next(c for c in ssd.findall("testcase") if c.get("name").startswith("m1 ")).find(
        "failure"
    )
    assert failure is None  # m1 is compliant
    absent = [
        c
        for c in ssd.findall("testcase")
        if (f := c.find("failure")) is not None and f.get("type") == "C301"
    ]
    assert absent
    text = absent[0].find("failure").text
    assert text.startswith("National!B6 C301 error: SMT on 2026-10-13: no IOM attendee")
    assert absent[0].find("failure").get("message").startswith("SMT on 2026-10-13")


def test_an_unreadable_file_is_an_error_case_not_a_failure(suites):
    bomb = suite_of(suites, "entity_bomb.xlsx")
    (case,) = bomb.findall("testcase")
    assert case.get("name") == "E101 unreadable-file"
    assert case.find("error").get("type") == "E101"
    assert bomb.get("errors") == "1" and bomb.get("failures") == "0"


def test_warnings_and_accepted_findings_do_not_fail_a_case(report, suites):
    eth = by_path(report, "ETH_2026-10.xlsx")
    accepted = [f for f in eth["findings"] if f.get("baseline") or f.get("waived")]
    suite = suite_of(suites, "ETH_2026-10.xlsx")
    for finding in accepted:
        case = next(
            c
            for c in suite.findall("testcase")
            if c.get("name").startswith(finding["meeting_id"] + " ")
        )
        assert case.find("failure") is None
        assert finding["cell"] in case.find("system-out").text
    ssd = suite_of(suites, "SSD_2026-10.xlsx")
    out_of_period = next(c for c in ssd.findall("testcase") if "2026-09-30" in c.get("name"))
    assert out_of_period.find("failure") is None  # S207 is a warning
    assert "S207 warning" in out_of_period.find("system-out").text


def test_characters_xml_cannot_carry_are_replaced(xml):
    assert "\x07" not in xml and "\x00" not in xml
    assert "Bell\ufffd\ufffdOfficer" in xml


def test_written_a_testcase_at_a_time_as_the_whole_tree_would_be(report, xml):
    """Each suite is written a testcase at a time (a roster with 358,000 findings held its
    whole tree of dicts): the same text as ET.indent and ET.tostring of the whole document."""
    from checker.findings import ResultStream
    from checker.messages import catalogue
    from checker.reporters import junit

    words = catalogue(report.lang)
    root = ET.Element("testsuites", name="roster-check")
    totals = dict.fromkeys(("tests", "failures", "errors"), 0)
    for result in ResultStream.of_report(report):
        suite = ET.SubElement(root, "testsuite", name=junit._text(result["path"]))
        properties = ET.SubElement(suite, "properties")
        for name in ("mission", "period", "status"):
            ET.SubElement(properties, "property", name=name, value=junit._text(result[name] or ""))
        rate = result["summary"]["compliance_rate"]
        ET.SubElement(properties, "property", name="compliance_rate",
                      value="" if rate is None else str(rate))  # fmt: skip
        found = result["findings"]
        cases = [junit._case(result, junit._meeting_name(m),
                             [f for f in found if f["meeting_id"] == m["id"]], words)
                 for m in result["meetings"]]  # fmt: skip
        codes = dict.fromkeys(f["code"] for f in found if f["meeting_id"] is None)
        for code in codes:
            of = [f for f in found if f["meeting_id"] is None and f["code"] == code]
            cases.append(junit._case(result, f"{code} {of[0]['rule']}", of, words))
        suite.extend(cases)
        counts = {"tests": len(cases),
                  "failures": sum(c.find("failure") is not None for c in cases),
                  "errors": sum(c.find("error") is not None for c in cases)}  # fmt: skip
        for key, count in counts.items():
            suite.set(key, str(count))
            totals[key] += count
        suite.set("skipped", "0")
    for key, count in totals.items():
        root.set(key, str(count))
    ET.indent(root)
    assert any(len(s) > 3 for s in root)  # suites with meetings and findings
    assert xml == '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
