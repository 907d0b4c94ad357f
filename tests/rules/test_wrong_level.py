import pytest

from tests.conftest import codes, roster, verdicts


def _message(result):
    return next(f.message for f in result.findings if f.code == "C302")


def test_programme_officer_at_hct_is_below(iom_row):
    result = roster([iom_row("05/10/2026", "HCT", "Programme Officer", name="J. Okoro")])
    assert verdicts(result) == ["wrong_level"]
    assert codes(result) == [("C302", "Roster!G2")]
    assert "below the level required" in _message(result)
    assert "J. Okoro" in _message(result)


def test_chief_of_mission_at_omt_is_above(iom_row):
    result = roster([iom_row("05/10/2026", "OMT", "Chief of Mission")])
    assert codes(result) == [("C302", "Roster!G2")]
    assert "above the level required" in _message(result)
    assert "Resource Management Officer" in _message(result)


def test_security_officer_at_pmt_is_another_function(iom_row):
    result = roster([iom_row("05/10/2026", "PMT", "Field Security Officer")])
    assert "a different function" in _message(result)


def test_cluster_coordinator_at_hct_may_observe_but_does_not_represent(iom_row):
    result = roster([iom_row("05/10/2026", "HCT", "CCCM Cluster Coordinator")])
    assert verdicts(result) == ["wrong_level"]
    assert "may attend as observer" in _message(result)


@pytest.mark.parametrize(
    ("platform", "title"),
    [("HCT", "Chief of Mission"), ("UNCT", "Jefa de Misión"), ("SMT", "Cheffe de Mission"),
     ("PMT", "Senior Programme Manager"), ("PMT", "Programme Coordinator"),
     ("OMT", "Resource Management Officer"), ("ICCG", "Shelter Cluster Co-coordinator")],
)  # fmt: skip
def test_required_role_is_compliant(iom_row, platform, title):
    result = roster([iom_row("05/10/2026", platform, title)])
    assert verdicts(result) == ["compliant"]
    assert codes(result) == []


def test_one_right_attendee_is_enough(iom_row):
    result = roster([
        iom_row("05/10/2026", "HCT", "Programme Officer"),
        iom_row("05/10/2026", "HCT", "Chief of Mission", name="B. Chief"),
    ])  # fmt: skip
    assert verdicts(result) == ["compliant"]
    assert codes(result) == []
