"""Used roster rows → meetings, each with its IOM attendees, their standing and a verdict.

An attendee's standing says what they are at that meeting: the representative the platform
requires, an alternate, an observer, staff of another sector, or someone at another level.
The verdict follows from the standings; the rules in checker/rules/ turn them into findings.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np
import pandas as pd

from checker.findings import Attendee, Meeting, Verdict
from checker.normalise import BLANK, UNKNOWN, Roster
from checker.policy import Policy


class Standing(str, enum.Enum):
    REPRESENTS = "represents"
    DESIGNATED = "designated_alternate"
    ALTERNATE = "undesignated_alternate"
    OBSERVER = "observer"
    OBSERVER_ROLE = "observer_role"  # e.g. a cluster coordinator sitting in at the HCT
    WRONG_SECTOR = "wrong_sector"
    WRONG_LEVEL = "wrong_level"
    UNKNOWN_ROLE = "unknown_role"


REPRESENTING = frozenset({Standing.REPRESENTS, Standing.DESIGNATED})


@dataclass(frozen=True)
class Seat:
    """An IOM attendee at one meeting, with the cell of their title."""

    attendee: Attendee
    standing: Standing
    title_row: int
    title_column: str | None


@dataclass(frozen=True)
class Assessment:
    meeting: Meeting
    seats: tuple[Seat, ...]
    platform_row: int
    platform_column: str | None
    file: int = 0  # position of the meeting's file in a batch of rosters checked together

    @property
    def verdict(self) -> Verdict:
        return self.meeting.verdict

    def first(self, *standings: Standing) -> Seat | None:
        return next((s for s in self.seats if s.standing in standings), None)


def _standing(attendee: Attendee, meeting_sector: str | None, platform: str, policy: Policy,
              date: str) -> Standing:  # fmt: skip
    rule = policy.rule_for(platform)
    role = attendee.role
    if role in (None, BLANK, UNKNOWN):
        return Standing.UNKNOWN_ROLE
    if attendee.capacity == "observer":
        return Standing.OBSERVER
    if rule is None:
        return Standing.WRONG_LEVEL
    if role in rule.required_roles:
        if rule.sector_bound and not policy.vocabulary.sector_matches(
            meeting_sector, attendee.sector
        ):
            return Standing.WRONG_SECTOR
        return Standing.REPRESENTS
    if role in rule.alternates:
        if policy.is_designated(platform, role, attendee.name, date):
            return Standing.DESIGNATED
        return Standing.ALTERNATE
    if role in rule.observers_allowed:
        return Standing.OBSERVER_ROLE
    return Standing.WRONG_LEVEL


def _verdict(seats: list[Seat], applies: bool) -> Verdict:
    standings = {s.standing for s in seats}
    if not applies:
        return Verdict.NOT_APPLICABLE
    if not seats:
        return Verdict.ABSENT
    if standings & REPRESENTING:
        return Verdict.COMPLIANT
    if Standing.UNKNOWN_ROLE in standings:
        return Verdict.UNDETERMINED
    return Verdict.WRONG_LEVEL


def _text(value: object) -> str | None:
    return None if value is None or value != value else str(value)


def _runs(sheets: np.ndarray, rows: np.ndarray) -> tuple[tuple[str, int, int], ...]:
    """Rows (in workbook order) → runs of consecutive rows of one sheet."""
    if rows[-1] - rows[0] == len(rows) - 1 and (sheets == sheets[0]).all():
        return ((sheets[0], int(rows[0]), int(rows[-1])),)  # the usual case: one block
    breaks = np.flatnonzero((np.diff(rows) != 1) | (sheets[1:] != sheets[:-1])) + 1
    starts = [0, *breaks.tolist()]
    ends = [*(breaks - 1).tolist(), len(rows) - 1]
    return tuple((sheets[a], int(rows[a]), int(rows[b])) for a, b in zip(starts, ends))


def assess_meetings(roster: Roster, used: pd.Index, policy: Policy) -> list[Assessment]:
    """Group the used rows into meetings (in workbook order) and assess each one."""
    if used.empty:
        return []
    columns = ["meeting", "file", "sheet", "row", "table", "platform_code", "meeting_sector",
               "date_iso", "level_code", "location", "is_iom"]  # fmt: skip
    meetings = roster.frame.loc[used, columns]
    firsts = meetings.drop_duplicates("meeting")
    # Every (sheet, row) of each meeting, for marking them in an annotated copy.
    positions = meetings.groupby("meeting", sort=False).indices
    sheets, rows = meetings["sheet"].to_numpy(), meetings["row"].to_numpy()
    attendee_columns = ["meeting", "sheet", "row", "table", "attendee", "title", "role",
                        "capacity_code", "sector_code", "title_sector", "acting"]  # fmt: skip
    iom = roster.frame.loc[used[meetings["is_iom"].to_numpy()], attendee_columns]
    seats_by_meeting: dict[int, list[tuple[Attendee, int, str | None]]] = {}
    for row in iom.itertuples(index=False):
        sector = row.sector_code if row.sector_code not in (None, BLANK, UNKNOWN) else None
        attendee = Attendee(
            name=_text(row.attendee), title=_text(row.title), role=_text(row.role),
            capacity=str(row.capacity_code) if row.capacity_code in ("observer", "chair")
            else "member",
            sector=_text(sector) or _text(row.title_sector), acting=bool(row.acting),
            sheet=row.sheet, row=int(row.row),
        )  # fmt: skip
        title_row, title_column = roster.cell_of(int(row.table), int(row.row), "title")
        if title_column is None:
            title_row, title_column = roster.cell_of(int(row.table), int(row.row), "attendee")
        seats_by_meeting.setdefault(row.meeting, []).append((attendee, title_row, title_column))

    assessments = []
    numbers: dict[int, int] = {}  # meetings are numbered m1, m2… within each file
    for first in firsts.itertuples(index=False):
        number = numbers[first.file] = numbers.get(first.file, 0) + 1
        platform = str(first.platform_code)
        sector = _text(first.meeting_sector)
        date = str(first.date_iso)
        rule = policy.rule_for(platform)
        seats = [
            Seat(a, _standing(a, sector, platform, policy, date), r, c)
            for a, r, c in seats_by_meeting.get(first.meeting, [])
        ]
        meeting = Meeting(
            id=f"m{number}", date=date, platform=platform, sector=sector,
            level=str(first.level_code), location=_text(first.location),
            verdict=_verdict(seats, policy.applies(platform, sector, str(first.level_code))),
            required=tuple(rule.required_roles) if rule else (),
            iom_attendees=tuple(s.attendee for s in seats),
            sheet=first.sheet, row=int(first.row), label=policy.platform_label(platform, sector),
            row_runs=_runs(sheets[positions[first.meeting]], rows[positions[first.meeting]]),
        )  # fmt: skip
        platform_row, platform_column = roster.cell_of(int(first.table), int(first.row), "platform")
        assessments.append(
            Assessment(meeting, tuple(seats), platform_row, platform_column, int(first.file))
        )
    return assessments
