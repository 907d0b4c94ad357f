from tests.conftest import codes, roster, verdicts


def test_meeting_without_iom_row_is_absent_and_points_at_platform_cell(iom_row):
    result = roster([
        ["05/10/2026", "OMT", "National", "Capital", "P. Lee", "UNICEF", "Ops Manager", "", ""],
        ["05/10/2026", "OMT", "National", "Capital", "R. Diaz", "WFP", "Head of Admin", "", ""],
        iom_row("06/10/2026", "HCT", "Chief of Mission"),
    ])  # fmt: skip
    assert verdicts(result) == ["absent", "compliant"]
    assert codes(result, "C") == [("C301", "Roster!B2")]


def test_representation_log_row_without_name_means_iom_absent():
    header = ["Date", "Platform", "IOM representative", "Position"]
    result = roster([["2026-10-05", "HCT", "", ""], ["2026-10-06", "HCT", "K. Osei", "CoM"]],
                    header=header)  # fmt: skip
    assert verdicts(result) == ["absent", "compliant"]
    assert codes(result, "C") == [("C301", "Roster!B2")]
