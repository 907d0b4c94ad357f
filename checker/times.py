"""A person's arrival and departure times against the meeting's own start and end.

A security officer's log may give each row the meeting's Start and End and each person's
"Time in" and "Time out" (field13 KAZ): the Chief of Mission in at 11:20 of a 10:00-11:30
SMT, or out at 10:10, was hardly there. Whether that counts as taking part is not for the
checker to decide: such a row's attendance is unknown, with the reason a statement that the
person left early or arrived late gets (checker.partial), wherever it is written.

The threshold is a quarter of an hour: an arrival more than LATE_MINUTES after the meeting's
start, or a departure more than LATE_MINUTES before its end. A fixed quarter-hour is what people
call late and can be checked at a glance; a share of the meeting (present for less than half)
would call present someone who missed 40 minutes of a 90-minute meeting, which a careful
reader would question. Within it (in at 10:02 for 10:00) the row reads as it says.

Without the meeting's start and end on the row, one person's times say nothing: a Teams
export's join and leave events, a Check-in column alone, are read as they are."""

from __future__ import annotations

import datetime as dt

from checker.lazyre import lazy

LATE_MINUTES = 15

# Kinds of column (columns.yaml other_columns, or by contents for start / end).
ARRIVAL, DEPARTURE = "arrival", "departure"
MEETING_START, MEETING_END = "meeting_start", "meeting_end"
KINDS = frozenset({ARRIVAL, DEPARTURE, MEETING_START, MEETING_END})

_TEXT_TIME = lazy(r"^\s*(\d{1,2})\s*[:hH.]\s*(\d{2})(?:[:.]\d{2})?\s*([aApP]\.?[mM]\.?)?\s*$")


def minutes(value: object) -> int | None:
    """Minutes after midnight of a time of day (an Excel time, "11:20", "10h05", "2:30 pm"),
    else None: a date-and-time (a form's submission timestamp) is no time of day."""
    if isinstance(value, dt.time):  # an Excel datetime is no dt.time: it has its date
        return value.hour * 60 + value.minute
    if type(value) is not str:
        return None
    match = _TEXT_TIME.match(value)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    suffix = (match[3] or "").lower().replace(".", "")
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


def all_times_of_day(values: list[object]) -> bool:
    """Whether a column's values (blanks left out) are all times of day: a meeting's start
    or end, not a forms export's submission timestamps (which carry their date)."""
    return bool(values) and all(minutes(v) is not None for v in values)


def clock(value: object) -> str:
    """A time of day as HH:MM ("11:20"), else the value as written."""
    at = minutes(value)
    return str(value) if at is None else f"{at // 60:02d}:{at % 60:02d}"


def hardly_there(start: object, end: object, arrival: object, departure: object) -> str | None:
    """ARRIVAL when the row's person arrived more than LATE_MINUTES after the meeting's start,
    DEPARTURE when they left more than LATE_MINUTES before its end, else None. None as well
    without the meeting's start and end, or when they make no sense (the end not after it)."""
    return next(iter(times_off(start, end, arrival, departure)), None)


def times_off(start: object, end: object, arrival: object, departure: object) -> tuple[str, ...]:
    """Each of ARRIVAL and DEPARTURE that is more than LATE_MINUTES off the meeting's start or
    end (both, for in at 10:40 and out at 11:00 of 10:00-11:30), in that order."""
    begins, ends = minutes(start), minutes(end)
    if begins is None or ends is None or ends <= begins:
        return ()
    came, went = minutes(arrival), minutes(departure)
    late = came is not None and came - begins > LATE_MINUTES
    early = went is not None and ends - went > LATE_MINUTES
    return (ARRIVAL,) * late + (DEPARTURE,) * early
