"""--format markdown: a summary table per file, escaped, with the findings of each file."""

from __future__ import annotations

import re

from tests.reporters.conftest import render


def test_a_row_per_file_and_a_section_per_file_with_findings(report):
    text = render("markdown", report)
    rows = [ln for ln in text.splitlines() if ln.startswith("| ") and " | " in ln]
    table = [ln for ln in rows if ln.count("|") == 15]
    assert len(table) == 1 + len(report.results)  # the header and one row per file
    # KEN: 8 meetings, 6 compliant and 2 outside its profile; C307 is a warning there.
    assert (
        "| sample\\_rosters/KEN\\_2026-10.xlsx | KEN | 2026-10 | ✅ compliant | 8 | 6 | 0 | 0 "
        "| 0 | 2 | 100.0% | 0 | 1 | 0 |"
    ) in text
    with_findings = sum(1 for r in report.results if r.findings)
    assert text.count("<details>") == with_findings
    assert "error (baseline)" in text and "error (waived)" in text


def test_roster_text_cannot_break_the_table_or_inject_markup(report):
    text = render("markdown", report)
    assert "<b>" not in text
    assert not re.search(r"(?<!\\)\]\(http", text)  # no live link
    assert "\x07" not in text and "\x00" not in text
    assert "Officer \\| &lt;b&gt;bold&lt;/b&gt; \\[link\\](http://x)" in text
    for line in text.splitlines():
        if line.startswith("| ") and "S205" in line:
            assert line.endswith("|")  # the CR LF inside the title did not split the row
