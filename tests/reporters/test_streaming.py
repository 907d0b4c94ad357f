"""Formats written a result at a time give the very text they give for the whole report."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from checker.findings import Report, ResultStream, Tally
from checker.reporters import FORMATS, json_safe, jsonstream, reporter, streaming_reporter

STREAMED = sorted(name for name in FORMATS if streaming_reporter(name) is not None)


def test_text_json_csv_junit_and_sarif_stream():
    assert STREAMED == ["csv", "json", "junit", "sarif", "text"]


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_streamed_document_is_what_json_dumps_gives(indent, count):
    items = [{"path": f"r{i}.xlsx", "nested": {"a": [1, {"b": "é\u202e"}], "c": []}}
             for i in range(count)]  # fmt: skip
    later = {"files": count, "rates": [0.5, None]}
    document = {"head": {"x": [1, 2]}, "items": jsonstream.ITEMS, "later": jsonstream.LATER,
                "tail": "end"}  # fmt: skip
    whole = {**document, "items": items, "later": later}
    out = io.StringIO()
    jsonstream.dump(document, iter(items), out, indent, later=lambda: later)
    assert out.getvalue() == json_safe(json.dumps(whole, ensure_ascii=False, indent=indent))


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("count", [0, 1, 3])
def test_lists_written_element_by_element_are_what_json_dumps_gives(indent, count):
    # A result's meetings and findings (jsonstream.Items) are written as they are made.
    def elements(n):
        return ({"n": i, "text": "é\u202e\n", "inner": {"a": [1, 2], "b": {}}} for i in range(n))

    def item(i, lists):
        nested = {"deep": lists(iter([[], {"x": None}])), "tail": 1}
        return {"path": f"r{i}.xlsx", "findings": lists(elements(count)), "summary": {"n": count},
                "meetings": lists(elements(0)), "nested": nested}  # fmt: skip

    document = {"results": jsonstream.ITEMS, "summary": jsonstream.LATER}
    whole = {"results": [item(i, list) for i in range(count)], "summary": {"files": count}}
    out = io.StringIO()
    items = (item(i, jsonstream.Items) for i in range(count))
    jsonstream.dump(document, items, out, indent, later=lambda: {"files": count})
    assert out.getvalue() == json_safe(json.dumps(whole, ensure_ascii=False, indent=indent))


@pytest.mark.parametrize("objects", [False, True])
@pytest.mark.parametrize("name", STREAMED)
def test_results_as_they_come_give_the_whole_reports_text(name, objects, report):
    # `objects`: FileResults as checker.run gives them, each meeting and finding made into a
    # dict only as it is written (findings.Each); else results already made into dicts.
    # A run writes as it goes only without a baseline (SARIF marks every result new or not).
    report = Report(tuple(replace(r, findings=tuple(replace(f, baseline=False) for f in r.findings))
                          for r in report.results), lang=report.lang)  # fmt: skip
    whole, streamed = io.StringIO(), io.StringIO()
    reporter(name).render(report, whole)
    tally = Tally()
    counted = tally.counting(iter(report.results))
    results = counted if objects else (r.to_dict() for r in counted)
    writer = streaming_reporter(name)
    assert writer is not None
    writer.render_results(ResultStream(results, report.lang, tally.summary), streamed)
    assert streamed.getvalue() == whole.getvalue()
    assert tally.summary() == report.summary()
    assert tally.worst == report.worst_severity()
