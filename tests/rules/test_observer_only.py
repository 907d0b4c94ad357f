from tests.conftest import codes, roster, verdicts


def test_only_observers(iom_row):
    result = roster([iom_row("05/10/2026", "UNCT", "Chief of Mission", role="Observer")])
    assert verdicts(result) == ["wrong_level"]
    assert codes(result) == [("C304", "Roster!G2")]


def test_observer_next_to_member_representative_is_fine(iom_row):
    result = roster([
        iom_row("05/10/2026", "HCT", "Chief of Mission"),
        iom_row("05/10/2026", "HCT", "Health Cluster Coordinator", name="B", role="Observateur"),
    ])  # fmt: skip
    assert verdicts(result) == ["compliant"]
    assert codes(result) == []
