"""C309: a meeting the roster leaves undetermined because an IOM attendee's attendance is in
doubt is an error, so that the file is never "compliant" on it (round 6's MOZ)."""

import pytest

from checker.findings import Severity
from tests.conftest import codes, roster, verdicts

HEADER = ["Date", "Platform", "Name", "Organization", "Title", "Attendance"]


@pytest.mark.parametrize("said", ["Maybe", "F", "à confirmer", "por confirmar"])
def test_an_attendance_cell_neither_present_nor_absent_is_an_error(said):
    result = roster([["05/10/2026", "HCT", "A. Diallo", "IOM", "Chief of Mission", said]],
                    header=HEADER)  # fmt: skip
    assert verdicts(result) == ["undetermined"]
    assert [c for c, _ in codes(result, "C3")] == ["C309"]
    finding = next(f for f in result.findings if f.code == "C309")
    assert finding.severity is Severity.ERROR and said in finding.message
    assert result.status == "non_compliant"  # never "compliant" on a meeting nobody judged


@pytest.mark.parametrize(("said", "verdict"), [("Present", "compliant"), ("Absent", "absent")])
def test_a_clear_attendance_cell_gives_no_c309(said, verdict):
    result = roster([["05/10/2026", "HCT", "A. Diallo", "IOM", "Chief of Mission", said]],
                    header=HEADER)  # fmt: skip
    assert verdicts(result) == [verdict]
    assert not codes(result, "C309")


def test_an_unknown_title_keeps_its_own_finding_and_no_c309():
    result = roster([["05/10/2026", "HCT", "A. Diallo", "IOM", "Chief of Missionary", "Present"]],
                    header=HEADER)  # fmt: skip
    assert verdicts(result) == ["undetermined"]
    assert codes(result, "S205") and not codes(result, "C309")
