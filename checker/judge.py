"""Used roster rows → meetings, each with its IOM attendees, their standing and a verdict.

An attendee's standing says what they are at that meeting: the representative the platform
requires, an alternate, an observer, staff of another sector, or someone at another level.
The verdict follows from the standings; the rules in checker/rules/ turn them into findings.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from checker.acting import ACTING, POST, UNSURE, Notes, Statement, hold, post_doubt
from checker.corrections import CORRECTED
from checker.findings import Attendee, Meeting, Verdict
from checker.footnotes import read as footnote
from checker.formatting import symbol_hint
from checker.layout import (
    COLOURED,
    COMMENTED,
    EMAIL_CONTRADICTS,
    GREYED,
    HIDDEN_ROW,
    HIDDEN_UNSURE,
    INVISIBLE,
    MARKED_ASIDE,
    NAMELESS,
    STRUCK_THROUGH,
    UNNAMED_OFFICER,
    sheet_copy,
    under_merge,
    year_hidden,
)
from checker.lookups import read as looked_up
from checker.lookups import read_stale
from checker.mailbox import EMAIL_POST
from checker.messages import Phrase, Wording
from checker.minutes import MINUTES
from checker.normalise import BLANK, ELSEWHERE, UNKNOWN, Roster
from checker.offices import OTHER_HEADING, OTHER_OFFICE, OTHER_PLACE, UNPLACED
from checker.partial import read as left_early
from checker.policy import Policy
from checker.presence import UNEXPLAINED, UNSIGNED, excused
from checker.versions import CANCELLED, CONTRADICTED


class Standing(str, enum.Enum):
    REPRESENTS = "represents"
    DESIGNATED = "designated_alternate"
    ALTERNATE = "undesignated_alternate"
    OBSERVER = "observer"
    OBSERVER_ROLE = "observer_role"  # e.g. a cluster coordinator sitting in at the HCT
    WRONG_SECTOR = "wrong_sector"
    WRONG_LEVEL = "wrong_level"
    UNKNOWN_ROLE = "unknown_role"
    UNKNOWN_SECTOR = "unknown_sector"  # a cluster meeting, but whose programme is not known


REPRESENTING = frozenset({Standing.REPRESENTS, Standing.DESIGNATED})
# An IOM row whose attendance the roster leaves in doubt: (sheet, row, what it says: a
# remark, "" for a blank attendance cell, or layout's STRUCK_THROUGH, HIDDEN_ROW, COLOURED,
# COMMENTED, EMAIL_CONTRADICTS or NAMELESS marks).
Doubt = tuple[str, int, str]
# The reasons an undetermined meeting gives when an IOM row's attendance is in doubt: no
# other finding says so, so rule C309 (checker/rules/attendance_unknown.py) does.
DOUBT_REASONS = frozenset({
    "reason_struck", "reason_coloured", "reason_commented", "reason_excused", "reason_hidden",
    "reason_excused_shared", "reason_presence_blank", "reason_presence_said", "reason_unsigned",
    "reason_legend", "reason_email_affiliation", "reason_presence_symbol", "reason_minutes",
    "reason_cancelled", "reason_contradicted", "reason_nameless", "reason_name_blank",
    "reason_other_office", "reason_other_office_place", "reason_greyed", "reason_acting_note", "reason_acting_unsure",
    "reason_partial", "reason_footnote", "reason_footnote_unread", "reason_under_merge",
    "reason_sheet_copy", "reason_lookup_ambiguous", "reason_invisible", "reason_hidden_filter",
    "reason_two_places", "reason_lookup_stale", "reason_year_hidden", "reason_post_note",
    "reason_other_mission_heading", "reason_country_unplaced", "reason_email_post",
    "reason_corrected", "reason_line_unnamed",
})  # fmt: skip


@dataclass(frozen=True)
class Seat:
    """An IOM attendee at one meeting, with the cell of their title."""

    attendee: Attendee
    standing: Standing
    title_row: int
    title_column: str | None
    # A note of the sheet stating an acting period, that made a deputy's title acting or
    # left an acting title in doubt on this date (checker.acting).
    note: Statement | None = None
    doubt: str | None = None  # why the note leaves the title in doubt: acting.OUTSIDE, UNSURE, POST


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
              date: str, title_sector: str | None = None) -> Standing:  # fmt: skip
    rule = policy.rule_for(platform)
    role = attendee.role
    if role in (None, BLANK, UNKNOWN):
        return Standing.UNKNOWN_ROLE
    if attendee.capacity == "observer":
        return Standing.OBSERVER
    if rule is None:
        return Standing.WRONG_LEVEL
    if role in rule.required_roles:
        if rule.sector_bound:
            return _sector_standing(attendee, meeting_sector, title_sector, policy)
        return Standing.REPRESENTS
    if role in rule.alternates:
        if policy.is_designated(platform, role, attendee.name, date):
            return Standing.DESIGNATED
        return Standing.ALTERNATE
    if role in rule.observers_allowed:
        return Standing.OBSERVER_ROLE
    return Standing.WRONG_LEVEL


def _sector_standing(
    attendee: Attendee, meeting_sector: str | None, title_sector: str | None, policy: Policy
) -> Standing:
    """At a cluster, the programme of the person must be the cluster's. A title naming a
    sector ("WASH Programme Officer") is the person's own, whatever a sector column says
    (it may hold the meeting's sector); a cluster or a person whose sector is not known
    cannot be judged — never compliant on a guess."""
    matches = policy.vocabulary.sector_matches
    if meeting_sector is None:
        return Standing.UNKNOWN_SECTOR
    if title_sector is not None and not matches(meeting_sector, title_sector):
        return Standing.WRONG_SECTOR
    if attendee.sector is None:
        return Standing.UNKNOWN_SECTOR
    if not matches(meeting_sector, attendee.sector):
        # The sector column names another programme than the cluster: the person's own
        # programme unless the title names the cluster's.
        return Standing.REPRESENTS if title_sector is not None else Standing.WRONG_SECTOR
    return Standing.REPRESENTS


_HEAD, _DEPUTY = "COM", "DCOM"


def _seat(attendee: Attendee, title_row: int, title_column: str | None, title_sector: str | None,
          notes: tuple[Statement, ...], only_deputy: bool, meeting_sector: str | None,
          platform: str, policy: Policy, date: str) -> Seat:  # fmt: skip
    """An attendee's seat, their title held against the sheet's notes of acting periods: a
    deputy inside their stated period is the acting head; an acting head on a date a note
    puts outside it is not known to be one (never compliant on the title alone)."""
    reading = None
    if notes:
        head = attendee.role == _HEAD and attendee.acting
        deputy = attendee.role == _DEPUTY and not attendee.acting
        reading = hold(notes, attendee.name, attendee.row, date, head, deputy, only_deputy)
    if reading is not None and reading.kind != ACTING:
        return Seat(attendee, Standing.UNKNOWN_ROLE, title_row, title_column, reading.note,
                    reading.kind)  # fmt: skip
    if notes and reading is None and attendee.role not in (None, BLANK, UNKNOWN):
        # The workbook says the person held another post that day (a remark "changed post
        # on 1 Nov: now …", a note "ended her functions on 30/11", a staff list): the title
        # is of another time. In doubt, never judged on the title.
        other = post_doubt(notes, attendee.name, attendee.row, date, str(attendee.role),
                           attendee.acting, _role_of(policy))  # fmt: skip
        if other is not None:
            return Seat(attendee, Standing.UNKNOWN_ROLE, title_row, title_column, other, POST)
    if reading is not None:
        attendee = replace(attendee, role=_HEAD, acting=True)
    standing = _standing(attendee, meeting_sector, platform, policy, date, title_sector)
    return Seat(attendee, standing, title_row, title_column,
                reading.note if reading is not None else None)  # fmt: skip


def _role_of(policy: Policy) -> Callable[[str], str | None]:
    return lambda post: policy.vocabulary.title(post).role


def _verdict(seats: list[Seat], applies: bool, unknown_affiliation: bool = False) -> Verdict:
    standings = {s.standing for s in seats}
    if not applies:
        return Verdict.NOT_APPLICABLE
    if not seats:
        # Nobody known to be IOM; where some people's affiliation cannot be told, IOM's
        # absence cannot be told either.
        return Verdict.UNDETERMINED if unknown_affiliation else Verdict.ABSENT
    if standings & REPRESENTING:
        return Verdict.COMPLIANT
    if standings & {Standing.UNKNOWN_ROLE, Standing.UNKNOWN_SECTOR}:
        return Verdict.UNDETERMINED
    return Verdict.WRONG_LEVEL


def _reason(
    verdict: Verdict, seats: list[Seat], unknown_affiliation: bool, doubt: Doubt | None
) -> Phrase | None:
    """Why a meeting could not be judged: an IOM attendee's title or sector not known, an
    IOM row whose attendance is in doubt, or both, each said (field13 KAZ, 23 Dec: a title
    not known beside the CoM out at 10:10 of a 10:00-11:30 meeting; said alone, the title
    hid the one fact that decides the meeting)."""
    if verdict is not Verdict.UNDETERMINED:
        return None
    seated = _seat_reason(seats)
    doubted = None if doubt is None else _doubt_reason(doubt)
    if seated is not None and doubted is not None:
        return Phrase.of("reason_also", reason=seated, also=doubted)
    if seated is not None or doubted is not None:
        return seated or doubted
    return Phrase("reason_affiliation") if unknown_affiliation else None


def _seat_reason(seats: list[Seat]) -> Phrase | None:
    """Why an IOM attendee's standing is not known: their title (acting, in doubt by a
    note; missing; not recognised) or their sector."""
    unknown = next((s for s in seats if s.standing is Standing.UNKNOWN_ROLE), None)
    if unknown is not None and unknown.note is not None:  # acting, says the title; not then, a note
        a, note = unknown.attendee, unknown.note
        key = {UNSURE: "reason_acting_unsure", POST: "reason_post_note"}.get(
            unknown.doubt or "", "reason_acting_note"
        )
        return Phrase.of(key, sheet=a.sheet, row=a.row, title=a.title or "",
                         cell=f"{note.sheet or a.sheet}!{note.cell}",
                         line=note.text.strip())  # fmt: skip
    if unknown is not None and unknown.attendee.title is None and unknown.attendee.name is None:
        # IOM marked present with no one named (a ✓ under IOM in an agency matrix).
        return Phrase.of("reason_nobody_named", sheet=unknown.attendee.sheet,
                         row=unknown.attendee.row)  # fmt: skip
    if unknown is not None and unknown.attendee.title is None:
        return Phrase.of("reason_no_title", sheet=unknown.attendee.sheet, row=unknown.attendee.row)
    if unknown is not None:
        return Phrase.of("reason_title", title=unknown.attendee.title)
    if any(s.standing is Standing.UNKNOWN_SECTOR for s in seats):
        return Phrase("reason_sector")
    return None


def _doubt_reason(doubt: Doubt) -> Phrase:
    """Why an IOM row's attendance is in doubt: its row, and what says so."""
    sheet, row, said = doubt
    if said.startswith(EMAIL_CONTRADICTS):
        organisation, _, email = said.removeprefix(EMAIL_CONTRADICTS).partition("\x00")
        return Phrase.of("reason_email_affiliation", sheet=sheet, row=row,
                         organisation=organisation, email=email)  # fmt: skip
    if said.startswith(EMAIL_POST):  # the address is a lower post's mailbox
        title, _, email = said.removeprefix(EMAIL_POST).partition("\x00")
        return Phrase.of("reason_email_post", sheet=sheet, row=row, title=title, email=email)
    if said == STRUCK_THROUGH:
        return Phrase.of("reason_struck", sheet=sheet, row=row)
    if said == GREYED:
        return Phrase.of("reason_greyed", sheet=sheet, row=row)
    if said.startswith(INVISIBLE):
        return Phrase.of("reason_invisible", sheet=sheet, row=row,
                         cell=said.removeprefix(INVISIBLE))  # fmt: skip
    if said == HIDDEN_UNSURE:
        return Phrase.of("reason_hidden_filter", sheet=sheet, row=row)
    if said == UNSIGNED:
        return Phrase.of("reason_unsigned", sheet=sheet, row=row)
    line = excused(said)
    if line is not None:
        cell, text, shared = line
        return Phrase.of("reason_excused_shared" if shared else "reason_excused",
                         sheet=sheet, row=row, cell=cell, line=text)  # fmt: skip
    if said == HIDDEN_ROW:
        return Phrase.of("reason_hidden", sheet=sheet, row=row)
    lookup = looked_up(said)
    if lookup is not None:  # a title looked up by a key two rows of the range hold
        cell, key, where, count, shown = lookup
        return Phrase.of("reason_lookup_ambiguous", sheet=sheet, row=row,
                         cell=f"{sheet}!{cell}", looked=key, where=where, count=count,
                         shown=shown)  # fmt: skip
    hidden_year = year_hidden(said)
    if hidden_year is not None:  # a date of another year, shown without it
        return Phrase.of("reason_year_hidden", sheet=sheet, row=row,
                         cell=f"{sheet}!{hidden_year[0]}", held=hidden_year[1])  # fmt: skip
    old = read_stale(said)
    if old is not None:  # a looked-up title the looked-up row no longer holds
        cell, key, where, now, shown = old
        return Phrase.of("reason_lookup_stale", sheet=sheet, row=row, cell=f"{sheet}!{cell}",
                         looked=key, where=where, now=now, shown=shown)  # fmt: skip
    copied = sheet_copy(said)
    if copied is not None:  # a sheet and Excel's copy of it disagree on IOM's attendee
        return Phrase.of("reason_sheet_copy", sheet=sheet, row=row, copy=copied[0],
                         original=copied[1])  # fmt: skip
    merged = under_merge(said)
    if merged is not None:  # a value kept under a merge showing another one
        cell, own, anchor, shown = merged
        return Phrase.of("reason_under_merge", sheet=sheet, row=row, cell=f"{sheet}!{cell}",
                         hidden=own, where=f"{sheet}!{anchor}", shown=shown)  # fmt: skip
    if said.startswith(MINUTES):  # the meeting's minutes, on another sheet
        minutes, cell, quoted = said.removeprefix(MINUTES).split("\t", 2)
        return Phrase.of("reason_minutes", sheet=sheet, row=row, minutes=minutes, cell=cell,
                         line=quoted)  # fmt: skip
    if said.startswith(CANCELLED):  # another row says the meeting was called off
        where, cell, quoted = said.removeprefix(CANCELLED).split("\t", 2)
        return Phrase.of("reason_cancelled", sheet=sheet, row=row, where=f"{where}!{cell}",
                         line=quoted)  # fmt: skip
    if said.startswith(CORRECTED):  # a corrections sheet names the row
        where, cell, quoted = said.removeprefix(CORRECTED).split("\t", 2)
        return Phrase.of("reason_corrected", sheet=sheet, row=row, where=f"{where}!{cell}",
                         line=quoted)  # fmt: skip
    if said.startswith(CONTRADICTED):  # two rows of the person, present and absent
        return Phrase.of("reason_contradicted", sheet=sheet, row=row,
                         cells=said.removeprefix(CONTRADICTED))  # fmt: skip
    if said.startswith(ELSEWHERE):  # another meeting of the platform that day elsewhere
        here, there = said.removeprefix(ELSEWHERE).split("\t", 1)
        return Phrase.of("reason_two_places", sheet=sheet, row=row, place=here, other=there)
    if said.startswith(OTHER_PLACE):  # a city of another country ("OIM Sarajevo")
        cell, place, country = said.removeprefix(OTHER_PLACE).split("\t", 2)
        return Phrase.of("reason_other_office_place", sheet=sheet, row=row, said=cell,
                         place=place, country=country)  # fmt: skip
    if said.startswith(OTHER_HEADING):  # the table's heading names another mission's office
        cell, heading, mission = said.removeprefix(OTHER_HEADING).split("\t", 2)
        return Phrase.of("reason_other_mission_heading", sheet=sheet, row=row,
                         cell=f"{sheet}!{cell}", line=heading, mission=mission)  # fmt: skip
    if said.startswith(UNPLACED):  # its Country / Mission cell places it in no mission
        cell, text = said.removeprefix(UNPLACED).split("\t", 1)
        return Phrase.of("reason_country_unplaced", sheet=sheet, row=row,
                         cell=f"{sheet}!{cell}", said=text)  # fmt: skip
    if said.startswith(OTHER_OFFICE):
        return Phrase.of("reason_other_office", sheet=sheet, row=row,
                         said=said.removeprefix(OTHER_OFFICE))  # fmt: skip
    marked = footnote(said)
    if marked is not None:  # a footnote mark on the row ("✓*"), its footnote quoted
        at, value, note_cell, said_there = marked
        if not said_there:
            return Phrase.of("reason_footnote_unread", sheet=sheet, row=row,
                             cell=f"{sheet}!{at}", said=value)  # fmt: skip
        return Phrase.of("reason_footnote", sheet=sheet, row=row, cell=f"{sheet}!{at}",
                         said=value, where=f"{sheet}!{note_cell}", line=said_there)  # fmt: skip
    left = left_early(said)
    if left is not None:  # left early or arrived late, in whatever cell or line says so
        return Phrase.of("reason_partial", sheet=sheet, row=row, cell=f"{sheet}!{left[0]}",
                         said=left[1])  # fmt: skip
    if said.startswith(COMMENTED):
        return Phrase.of("reason_commented", sheet=sheet, row=row,
                         comment=said.removeprefix(COMMENTED))  # fmt: skip
    if said.startswith(MARKED_ASIDE):  # ✗ / No in a column no field reads
        return Phrase.of("reason_presence_said", sheet=sheet, row=row,
                         said=said.removeprefix(MARKED_ASIDE))  # fmt: skip
    if said.startswith(UNNAMED_OFFICER):  # a chair line naming IOM but no person
        at, _, text = said.removeprefix(UNNAMED_OFFICER).partition("\t")
        return Phrase.of("reason_line_unnamed", cell=f"{sheet}!{at}", line=text)
    if said.startswith(NAMELESS):
        name = said.removeprefix(NAMELESS)
        if not name:  # a blank name beside a title, while other rows name their person
            return Phrase.of("reason_name_blank", sheet=sheet, row=row)
        return Phrase.of("reason_nameless", sheet=sheet, row=row, name=name)
    if said.startswith(COLOURED):
        return Phrase.of("reason_coloured", sheet=sheet, row=row,
                         legend=said.removeprefix(COLOURED))  # fmt: skip
    if said.startswith(UNEXPLAINED):
        code, cell, legend = said.removeprefix(UNEXPLAINED).split("\x00", 2)
        return Phrase.of("reason_legend", sheet=sheet, row=row, said=code, cell=cell,
                         legend=legend)  # fmt: skip
    hint = symbol_hint(said)
    if hint is not None:  # "ü" in a CSV file: a tick in Wingdings, maybe
        return Phrase.of("reason_presence_symbol", sheet=sheet, row=row, said=said.strip(),
                         font=hint[0], shown=hint[1])  # fmt: skip
    if said:
        return Phrase.of("reason_presence_said", sheet=sheet, row=row, said=said)
    return Phrase.of("reason_presence_blank", sheet=sheet, row=row)


def _said(words: Wording | str | None) -> str | None:
    """Words in the run's language."""
    return None if words is None else str(words)


def _text(value: object) -> str | None:
    return None if value is None or value != value else str(value)


def _table_end(roster: Roster, table: Any) -> int | None:
    """The last column of a table that stands beside another (checker.blocks), else None."""
    span = roster.tables[int(table)].span
    return span[1] if span is not None else None


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
    frame = roster.frame
    # The used rows' cells as arrays: a pandas lookup (loc, itertuples, groupby) costs a
    # millisecond a judging pass whatever the rows, an array's a few microseconds.
    at = frame.index.get_indexer(used)

    def values(name: str) -> np.ndarray:
        return frame[name].to_numpy()[at]

    meetings = values("meeting")  # the meeting of each used row
    unknown_affiliation = set(meetings[values("iom_unknown").astype(bool)].tolist())
    # Every (sheet, row) of each meeting, for marking them in an annotated copy.
    by_meeting = np.argsort(meetings, kind="stable")
    starts = np.flatnonzero(np.diff(meetings[by_meeting])) + 1
    positions = dict(zip(meetings[by_meeting][np.r_[0, starts]].tolist(),
                         np.split(by_meeting, starts)))  # fmt: skip
    sheets, rows = values("sheet"), values("row")
    # The first IOM row of each meeting whose attendance the roster leaves in doubt.
    doubts: dict[int, Doubt] = {}
    remarks = values("presence_doubt")
    for i in np.flatnonzero(~pd.isna(remarks)).tolist():
        doubts.setdefault(int(meetings[i]), (str(sheets[i]), int(rows[i]), str(remarks[i])))
    iom = values("is_iom").astype(bool)
    attendee_columns = ["meeting", "sheet", "row", "table", "attendee", "title", "role",
                        "capacity_code", "sector_code", "title_sector", "acting"]  # fmt: skip
    seats_by_meeting: dict[int, list[tuple[Attendee, int, str | None, str | None, int]]] = {}
    deputies: dict[int, set[str | None]] = {}  # table → the names of its deputies (checker.acting)
    notes: dict[int, Notes] = {}  # table → its notes of acting periods, by row
    for (meeting_id, sheet, row, table, name, title, role, capacity, sector_code, title_sector,
         acting) in zip(*(values(c)[iom].tolist() for c in attendee_columns)):  # fmt: skip
        sector = sector_code if sector_code not in (None, BLANK, UNKNOWN) else None
        attendee = Attendee(
            name=_text(name), title=_text(title), role=_text(role),
            capacity=str(capacity) if capacity in ("observer", "chair") else "member",
            sector=_text(sector) or _text(title_sector), acting=bool(acting),
            sheet=sheet, row=int(row),
        )  # fmt: skip
        title_row, title_column = roster.cell_of(int(table), int(row), "title")
        if title_column is None:
            title_row, title_column = roster.cell_of(int(table), int(row), "attendee")
        seats_by_meeting.setdefault(meeting_id, []).append(
            (attendee, title_row, title_column, _text(title_sector), int(table))
        )
        if attendee.role == _DEPUTY:
            deputies.setdefault(int(table), set()).add(attendee.name)

    assessments = []
    ids: list[int] = []  # each assessment's meeting number in the frame
    numbers: dict[int, int] = {}  # meetings are numbered m1, m2… within each file
    # The platform in words and as said, once per platform and sector: a pass's meetings
    # share a few (saying one takes ~9 µs).
    labels: dict[tuple[str, str | None], tuple[Wording | str, str]] = {}
    # Each meeting's first row, in workbook order.
    firsts = np.sort([group[0] for group in positions.values()])
    first_columns = ["meeting", "file", "sheet", "row", "table", "platform_code",
                     "meeting_sector", "date_iso", "level_code", "location", "session"]  # fmt: skip
    for (meeting_id, file, sheet, row, table, platform_code, meeting_sector, date_iso, level_code,
         location, session) in zip(*(values(c)[firsts].tolist() for c in first_columns)):  # fmt: skip
        number = numbers[file] = numbers.get(file, 0) + 1
        platform = str(platform_code)
        sector = _text(meeting_sector)
        date = str(date_iso)
        rule = policy.rule_for(platform)
        seats = []
        for a, r, c, t, n in seats_by_meeting.get(meeting_id, []):
            if n not in notes:
                notes[n] = Notes(roster.tables[n].acting_notes)
            only_deputy = len(deputies.get(n, ())) == 1
            seats.append(_seat(a, r, c, t, notes[n].of(a.row), only_deputy,
                               sector, platform, policy, date))  # fmt: skip
        unknown = meeting_id in unknown_affiliation
        verdict = _verdict(seats, policy.applies(platform, sector, str(level_code)), unknown)
        doubt = doubts.get(meeting_id)
        if verdict is Verdict.WRONG_LEVEL and doubt is not None:
            # An IOM person the roster may or may not say attended could be the one required.
            verdict = Verdict.UNDETERMINED
        reason = _reason(verdict, seats, unknown, doubt)
        if (platform, sector) not in labels:
            words = policy.platform_words(platform, sector)
            labels[platform, sector] = words, str(words)
        label, said = labels[platform, sector]
        mine = positions[meeting_id]
        meeting = Meeting(
            id=f"m{number}", date=date, platform=platform, sector=sector,
            level=str(level_code), location=_text(location),
            verdict=verdict, reason=_said(reason), reason_words=reason,
            required=tuple(rule.required_roles) if rule else (),
            iom_attendees=tuple(s.attendee for s in seats),
            sheet=sheet, row=int(row), label=said, label_words=label,
            row_runs=_runs(sheets[mine], rows[mine]), table_end=_table_end(roster, table),
            session=_text(session),
        )  # fmt: skip
        platform_row, platform_column = roster.cell_of(int(table), int(row), "platform")
        assessments.append(
            Assessment(meeting, tuple(seats), platform_row, platform_column, int(file))
        )
        ids.append(meeting_id)
    # A meeting all of whose rows mark a later sitting ("OMT (continuación)"): judged with
    # its first sitting (checker.sessions.continued).
    continued = values("continued").astype(bool) if "continued" in frame else iom & False
    platform_texts = values("platform")
    # What marks it: the platform cell, or a later day's column header ("Jour 2 (19/11)").
    sittings = values("sitting") if "sitting" in frame else platform_texts
    later = {
        mid: str(sittings[group[0]] if _text(sittings[group[0]]) else platform_texts[group[0]])
        for mid, group in positions.items()
        if continued[group].all()
    }
    return join_sittings(assessments, [later.get(mid) for mid in ids])


def join_sittings(assessments: list[Assessment], later: list[str | None]) -> list[Assessment]:
    """A meeting held in sittings on two days or more ("OMT" on 8 Oct, "OMT (continuación)"
    on 9 Oct; a retreat's "Jour 1", "Jour 2") is one meeting: where IOM sat differently at
    its sittings (the RMO, then a finance assistant), none of them says whether IOM took part
    at the required level, and all are undetermined; a later sitting whose first one the
    roster does not list is too. A later sitting's previous one is the same platform's latest
    meeting in the fortnight before; sittings so linked are one meeting, however many.
    `later[i]` is what marks assessments[i] a later sitting, else None."""
    if not any(later):
        return assessments
    out = list(assessments)
    group = list(range(len(out)))  # each sitting's meeting: the index of its first sitting

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i, said in enumerate(later):
        if said is None:
            continue
        this = out[i].meeting
        day = _day(this.date)
        first = None
        for j, other in enumerate(out):
            m = other.meeting
            when = _day(m.date)
            if (j == i or other.file != out[i].file or day is None or when is None
                    or (m.platform, m.sector, m.level) != (this.platform, this.sector, this.level)
                    or not 0 < (day - when).days <= 14):  # fmt: skip
                continue
            if first is None or when > _day(out[first].meeting.date):  # type: ignore[operator]
                first = j
        if first is None:
            reason = Phrase.of("reason_sitting_alone", said=said, sheet=this.sheet, row=this.row)
            out[i] = _undetermined(out[i], reason)
            continue
        group[root(i)] = root(first)
    members: dict[int, list[int]] = {}
    for i in range(len(out)):
        members.setdefault(root(i), []).append(i)
    for first, sittings in members.items():
        if len(sittings) < 2:
            continue
        verdicts = {out[k].meeting.verdict for k in sittings}
        if len(verdicts) == 1 and Verdict.UNDETERMINED not in verdicts:
            continue  # the same representation at every sitting
        # The latest later sitting (ISO dates, each a day: they were read as days above).
        last = max((k for k in sittings if later[k] is not None), key=lambda k: out[k].meeting.date)
        this = out[last].meeting
        reason = Phrase.of("reason_sittings", first=out[first].meeting.date, later=this.date,
                           said=later[last], sheet=this.sheet, row=this.row)  # fmt: skip
        for k in sittings:
            out[k] = _undetermined(out[k], reason)
    return out


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _undetermined(assessment: Assessment, reason: Phrase) -> Assessment:
    """The assessment made undetermined for the reason, unless it already is (its own reason
    stands)."""
    if assessment.meeting.verdict is Verdict.UNDETERMINED:
        return assessment
    meeting = replace(assessment.meeting, verdict=Verdict.UNDETERMINED, reason=_said(reason),
                      reason_words=reason)  # fmt: skip
    return replace(assessment, meeting=meeting)


def unjudged_meetings(
    roster: Roster, rejected: pd.Index, first_number: dict[int, int]
) -> list[tuple[int, Meeting]]:
    """Meetings none of whose rows could be used (an unreadable date, an unknown platform):
    listed as undetermined with the reason, rather than left out. (file, meeting) pairs,
    numbered after each file's judged meetings (`first_number[file]` of them)."""
    if rejected.empty:
        return []
    frame = roster.frame.loc[rejected]
    date = frame["date_iso"].where(frame["date_iso"].str.len().isin([7, 10]), frame["date"])
    platform = frame["platform_code"].where(frame["platform_code"].ne(UNKNOWN), None)
    keys = pd.DataFrame({
        "file": frame["file"], "date": date.map(_text), "platform": frame["platform"].map(_text),
        "level": frame["level"].map(_text), "location": frame["location_key"],
        "session": frame["session_key"],
    })  # fmt: skip
    out = []
    numbers = dict(first_number)
    reason_words = Phrase("reason_rejected")  # one for all: 200,000 such meetings happen
    reason = _said(reason_words)
    # Through numpy arrays by position, not .loc by label: a file of 200,000 such rows took
    # two minutes (a row of the wide frame, ~0.5 ms, for each meeting).
    at = {c: frame[c].to_numpy() for c in ("file", "meeting_sector", "level_code", "level",
                                           "location", "sheet", "row", "platform", "table",
                                           "session")}  # fmt: skip
    dates, platforms = date.to_numpy(), platform.to_numpy()
    for _, group in keys.groupby(list(keys.columns), sort=False, dropna=False).groups.items():
        rows = frame.index.get_indexer(group)
        first = rows[0]
        file = int(at["file"][first])
        numbers[file] = numbers.get(file, 0) + 1
        code = platforms[first]
        level_code = at["level_code"][first]
        out.append((file, Meeting(
            id=f"m{numbers[file]}", date=_text(dates[first]) or "",
            platform=str(code) if code not in (None, BLANK) else "UNKNOWN",
            sector=_text(at["meeting_sector"][first]),
            level=str(level_code) if level_code in ("national", "subnational")
            else _text(at["level"][first]) or "",
            location=_text(at["location"][first]), verdict=Verdict.UNDETERMINED, required=(),
            iom_attendees=(), sheet=str(at["sheet"][first]), row=int(at["row"][first]),
            label=_text(at["platform"][first]) or "",
            row_runs=_runs(at["sheet"][rows], at["row"][rows]),
            table_end=_table_end(roster, at["table"][first]),
            reason=reason, reason_words=reason_words, session=_text(at["session"][first]),
        )))  # fmt: skip
    return out


def attribute_unread_rows(
    assessments: list[Assessment], roster: Roster, rejected: pd.Index
) -> tuple[list[Assessment], pd.Index]:
    """IOM rows that could not be read (an unreadable date, an unknown platform) and that
    may belong to a judged meeting: its date is the meeting's, or its date is unreadable and
    it sits next to the meeting's rows. Such a meeting cannot be absent or at the wrong level
    for sure: it is undetermined, with the row named. Returns the assessments and the rows
    attributed (which then make no meeting of their own). A row of a side meeting ("HCT
    Sub-Group on Durable Solutions") is never among them: it is skipped, not rejected."""
    if rejected.empty or not assessments:
        return assessments, rejected[:0]
    frame = roster.frame.loc[rejected]
    iom = frame[frame["is_iom"] | frame["iom_unknown"]]
    if iom.empty:
        return assessments, rejected[:0]
    unreadable = [BLANK, UNKNOWN]
    attributed: set[int] = set()
    out = []
    for assessment in assessments:
        meeting = assessment.meeting
        mine = iom[iom["file"].eq(assessment.file)]
        same_platform = mine["platform_code"].eq(meeting.platform) | mine["platform_code"].isin(
            unreadable
        )
        beside = np.zeros(len(mine), dtype=bool)
        sheets, rows = mine["sheet"].to_numpy(), mine["row"].to_numpy()
        for sheet, first, last in meeting.row_runs:
            beside |= (sheets == sheet) & (rows >= first - 1) & (rows <= last + 1)
        dated = mine["date_iso"].eq(meeting.date) | (mine["date_iso"].isin(unreadable) & beside)
        could = mine[same_platform & dated]
        if could.empty:
            out.append(assessment)
            continue
        attributed.update(int(i) for i in could.index)
        if meeting.verdict in (Verdict.ABSENT, Verdict.WRONG_LEVEL):
            first_row = could.iloc[0]
            reason = Phrase.of("reason_unreadable_row", sheet=first_row["sheet"],
                               row=int(first_row["row"]))  # fmt: skip
            meeting = replace(meeting, verdict=Verdict.UNDETERMINED, reason=_said(reason),
                              reason_words=reason)  # fmt: skip
            assessment = replace(assessment, meeting=meeting)
        out.append(assessment)
    return out, pd.Index(sorted(attributed))
