"""Small pieces of the report: period ranges, rates, name scrubbing, regions files."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import ConfigError
from checker.messages import render
from checker.report.aggregate import (
    Figures,
    ReportOptions,
    Submission,
    aggregate,
    parse_period_range,
)
from checker.report.anonymise import WITHHELD, NameScrubber
from checker.report.regions import load_regions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01..2026-10", ("2026-01", "2026-10")),
        ("2026-10", ("2026-10", "2026-10")),
        ("2026", ("2026-01", "2026-12")),
        (" 2025-11 .. 2026-02 ", ("2025-11", "2026-02")),
    ],
)
def test_period_ranges(text: str, expected: tuple[str, str]) -> None:
    assert parse_period_range(text) == expected


@pytest.mark.parametrize("text", ["2026-13", "2026-05..2026-01", "26-01", "2026-01..", "x"])
def test_bad_period_ranges(text: str) -> None:
    with pytest.raises(ValueError):
        parse_period_range(text)


def test_rate_leaves_out_undetermined_and_not_applicable() -> None:
    figures = Figures()
    for verdict in ["compliant", "compliant", "absent", "undetermined", "not_applicable"]:
        figures.count(verdict)
    assert (figures.meetings, figures.assessed, figures.compliance_rate) == (5, 3, 0.667)
    assert Figures().compliance_rate is None


def test_scrubber_removes_names_from_every_kind_of_message() -> None:
    result = {"meetings": [{"iom_attendees": [
        {"name": "J. Okoro", "title": "Programme Officer", "role": "PROG_OFF"}]}]}  # fmt: skip
    scrubber = NameScrubber({"PROG_OFF": "Programme Officer"})
    scrubber.learn(result)
    c302 = render("C302:below", platform_name="HCT", platform="HCT", date="2026-10-05",
                  required="the Chief of Mission", attendee="a Programme Officer (J. Okoro)")  # fmt: skip
    assert scrubber.scrub(c302) == (
        "HCT on 2026-10-05: IOM was represented by a Programme Officer, below the level "
        "required; the HCT requires the Chief of Mission."
    )
    # Names on rows that belong to no meeting come from the message catalogue's patterns.
    s205 = render("S205", value="Big Boss", name="Ana de Souza", suggestion="Chief of Mission")
    s208 = render("S208", name="Ana de Souza", platform="HCT", date="2026-10-05")
    s202 = render("S202:title", name="Ana de Souza")
    for message in (s205, s208, s202):
        assert "Ana de Souza" not in scrubber.scrub(message)
        assert WITHHELD in scrubber.scrub(message)
    # A name that is part of a longer word is left alone.
    scrubber.learn({"meetings": [{"iom_attendees": [{"name": "Ali", "role": "COM"}]}]})
    assert scrubber.scrub("OMT in Mali, Ali attended") == "OMT in Mali, COM attended"


def test_group_by_platform_rows_are_platforms() -> None:
    def result(mission: str, period: str, verdicts: list[tuple[str, str]]) -> Submission:
        meetings = [{"id": f"m{i}", "platform": p, "label": p, "verdict": v, "required": ["COM"],
                     "date": f"{period}-01", "level": "national", "location": None,
                     "iom_attendees": []} for i, (p, v) in enumerate(verdicts)]  # fmt: skip
        return Submission({"path": f"{mission}_{period}.xlsx", "mission": mission,
                           "period": period, "status": "non_compliant", "meetings": meetings,
                           "findings": []}, 0.0)  # fmt: skip

    summary = aggregate(
        [result("ETH", "2026-01", [("HCT", "absent"), ("OMT", "compliant")]),
         result("ETH", "2026-02", [("HCT", "compliant"), ("OMT", "compliant")])],
        ReportOptions(group_by="platform"),
    )  # fmt: skip
    rows = {r.key: r for r in summary.breakdown}
    assert list(rows) == ["HCT", "OMT"]
    assert [f.compliance_rate for f in rows["HCT"].months] == [0.0, 1.0]
    assert rows["HCT"].change == 1.0
    assert [m.group for m in summary.meetings] == ["HCT"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("r.yaml", "eth: RO Nairobi\nMLI: RO Dakar\n"),
        ("r.yml", "regions:\n  RO Nairobi: [ETH]\n  RO Dakar: [mli]\n"),
        ("r.csv", "\ufeffMission code,Regional office\nETH,RO Nairobi\n\nMLI,RO Dakar\n"),
    ],
)
def test_regions_shapes(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert load_regions(path) == {"ETH": "RO Nairobi", "MLI": "RO Dakar"}


def test_regions_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("ETH: RO Nairobi\nMLI:\n", encoding="utf-8")
    with pytest.raises(
        ConfigError, match=r"r\.yaml:2: mission MLI: the regional office is missing"
    ):
        load_regions(path)
    with pytest.raises(ConfigError, match="cannot read"):
        load_regions(tmp_path / "absent.yaml")
