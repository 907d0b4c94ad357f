from tests.conftest import codes, roster, verdicts


def test_wash_officer_at_health_cluster(iom_row):
    result = roster([iom_row("05/10/2026", "Health Cluster", "WASH Programme Officer")])
    assert verdicts(result) == ["wrong_level"]
    assert codes(result) == [("C303", "Roster!G2")]


def test_sector_column_beats_title(iom_row):
    result = roster([iom_row("05/10/2026", "Cluster Santé", "Programme Officer", sector="WASH")])
    assert codes(result) == [("C303", "Roster!G2")]


def test_programme_name_maps_to_sector(iom_row):
    result = roster([iom_row("05/10/2026", "Health Cluster", "Programme Officer",
                             sector="Migration Health")])  # fmt: skip
    assert verdicts(result) == ["compliant"]


def test_unknown_attendee_sector_is_not_taken_as_the_clusters(iom_row):
    """Nothing says which programme the officer works for: the meeting cannot be judged
    compliant on that guess (it was, before), and it says why."""
    result = roster([iom_row("05/10/2026", "Protection Cluster", "Project Officer")])
    assert verdicts(result) == ["undetermined"]
    assert "programme" in (result.meetings[0].reason or "")


def test_a_title_naming_another_sector_beats_the_meetings_sector_column(iom_row):
    """The sector column may hold the meeting's sector: a WASH officer at the Shelter
    cluster is of the wrong programme even where the column says Shelter."""
    result = roster([iom_row("05/10/2026", "Shelter Cluster", "WASH Programme Officer",
                             sector="Shelter/NFI")])  # fmt: skip
    assert verdicts(result) == ["wrong_level"]
    assert codes(result, "C") == [("C303", "Roster!G2")]


def test_a_bare_cluster_whose_sector_is_not_known_is_undetermined(iom_row):
    result = roster([iom_row("05/10/2026", "Cluster meeting", "Programme Officer")])
    assert verdicts(result) == ["undetermined"]


def test_slsc_accepts_shelter_and_cccm_staff(iom_row):
    result = roster([
        iom_row("05/10/2026", "SLSC", "CCCM Programme Manager"),
        iom_row("06/10/2026", "Shelter, Land and Site Coordination Cluster", "Shelter Officer",
                sector="Shelter/NFI"),
    ])  # fmt: skip
    assert [(m.platform, m.sector) for m in result.meetings] == [("CLUSTER", "SLSC")] * 2
    assert verdicts(result) == ["compliant", "compliant"]


def test_bare_cluster_takes_sector_from_column(iom_row):
    result = roster([iom_row("05/10/2026", "Cluster", "Programme Officer", sector="Health")])
    assert [m.sector for m in result.meetings] == ["HEA"]
    assert verdicts(result) == ["compliant"]
