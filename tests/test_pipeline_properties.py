"""Properties that hold for any roster people could type: nothing crashes, no row is lost."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import roster

cells = {
    "date": st.one_of(st.dates(dt.date(2026, 9, 1), dt.date(2026, 11, 30)),
                      st.sampled_from(["05/10/2026", "2026-10-07", "5 octobre 2026", "tbc", "",
                                       "31/02/2026", "46300"]), st.integers(0, 100_000)),
    "platform": st.sampled_from(["HCT", "OMT", "Health Cluster", "Cluster", "ICCG", "Weekly sync",
                                 "", "EHP", "Clúster de Salud", "Humanitarain Country Team"]),
    "level": st.sampled_from(["", "National", "Sous-nationale", "Regional", "Galactic"]),
    "location": st.sampled_from(["", "Capital", "Goma", "<b>x</b>"]),
    "name": st.sampled_from(["", "A. One", "B. Two", "C. Three"]),
    "org": st.sampled_from(["IOM", "OIM", "UNICEF", "", "WFP", "I.O.M"]),
    "title": st.one_of(st.sampled_from(["Chief of Mission", "Programme Officer", "Cheif of Mission",
                                        "", "Driver", "RMO", "Chief of Mission a.i."]), st.text()),
    "sector": st.sampled_from(["", "Health", "WASH", "Basket weaving"]),
    "role": st.sampled_from(["", "Member", "Observer", "Guest"]),
}  # fmt: skip
row = st.one_of(
    st.tuples(*cells.values()).map(list),
    st.just([""] * 9),  # a blank row
    st.just(["Prepared by the M&E unit"] + [""] * 8),  # a note row
)

REJECTING = {("S202", "A"), ("S202", "B"), ("S203", "A"), ("S204", "B"), ("S206", "C")}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=25))
def test_every_row_is_accounted_for_and_nothing_crashes(rows):
    result = roster(rows)
    counts = result.rows
    assert counts.read == counts.used + counts.skipped + counts.rejected
    assert not any(f.code == "E101" for f in result.findings), result.findings
    rejected_rows = {f.row for f in result.findings if (f.code, f.column) in REJECTING}
    assert len(rejected_rows) == counts.rejected
    for meeting in result.meetings:
        assert meeting.verdict.value in {"compliant", "absent", "wrong_level", "undetermined"}
    for finding in result.findings:
        assert finding.message and not re.search(r"\{[a-z_]+\}", finding.message)
