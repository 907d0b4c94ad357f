from tests.conftest import codes, roster, verdicts


def test_emergency_coordinator_at_hct_without_profile(iom_row):
    result = roster([iom_row("05/10/2026", "HCT", "Emergency Coordinator")])
    assert verdicts(result) == ["wrong_level"]
    assert codes(result) == [("C305", "Roster!G2")]


def test_alternate_beside_the_chief_of_mission_is_not_flagged(iom_row):
    result = roster([
        iom_row("05/10/2026", "HCT", "RRT lead"),
        iom_row("05/10/2026", "HCT", "Chief of Mission", name="B"),
    ])  # fmt: skip
    assert codes(result) == []
