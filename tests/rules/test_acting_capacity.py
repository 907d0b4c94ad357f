import pytest

from checker.findings import Severity
from tests.conftest import codes, roster, verdicts


@pytest.mark.parametrize("title", ["Chief of Mission a.i.", "OIC", "Officer-in-Charge",
                                   "Chef de Mission par intérim", "Jefa de Misión interina"])  # fmt: skip
def test_acting_head_is_compliant_with_info(iom_row, title):
    result = roster([iom_row("05/10/2026", "HCT", title)])
    assert verdicts(result) == ["compliant"]
    assert codes(result) == [("C307", "Roster!G2")]
    assert result.findings[0].severity is Severity.INFO
    assert result.status == "compliant"
