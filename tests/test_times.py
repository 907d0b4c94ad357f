"""checker.times: times of day, and the quarter-hour rule against the meeting's times."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import times


@pytest.mark.parametrize(("value", "expected"), [
    (dt.time(11, 20), 680), ("11:20", 680), ("10h05", 605), ("2:30 pm", 870), ("12:15 a.m.", 15),
    ("11:20:00", 680), (dt.datetime(2026, 12, 9, 11, 20), None), ("25:00", None), ("Yes", None),
    (None, None), (3, None),
])  # fmt: skip
def test_minutes_of_a_time_of_day(value, expected):
    assert times.minutes(value) == expected


def test_a_submission_s_timestamps_are_no_meeting_times():
    assert times.all_times_of_day([dt.time(10, 0), "11:30"])
    assert not times.all_times_of_day([dt.datetime(2026, 12, 9, 9, 12)])
    assert not times.all_times_of_day([])


@pytest.mark.parametrize(("came", "went", "expected"), [
    ("11:20", "11:30", times.ARRIVAL), ("10:02", "10:10", times.DEPARTURE),
    ("10:15", "11:15", None), ("10:16", "11:30", times.ARRIVAL), ("10:00", "11:14", times.DEPARTURE),
    (None, None, None), ("", "", None),
])  # fmt: skip
def test_the_quarter_hour_rule(came, went, expected):
    assert times.hardly_there("10:00", "11:30", came, went) == expected


def test_without_the_meeting_s_times_nothing_is_said():
    assert times.hardly_there(None, "11:30", "11:20", None) is None
    assert times.hardly_there("11:30", "10:00", "11:20", None) is None  # end before start


@given(st.integers(0, 22 * 60), st.integers(31, 120), st.integers(0, 10**6))
def test_leaving_before_half_the_meeting_is_always_said(start, length, pick):
    went = start + pick % (length // 2)
    clock = lambda m: dt.time(m // 60, m % 60)  # noqa: E731
    if start + length >= 24 * 60:
        return
    said = times.hardly_there(clock(start), clock(start + length), clock(start), clock(went))
    assert said == times.DEPARTURE
