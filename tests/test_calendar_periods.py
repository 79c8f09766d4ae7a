"""Periods and Iranian-calendar conversion."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradestats.builder.periods import jalali_to_gregorian, parse_period, weekday_name
from tradestats.errors import PeriodError

AS_OF = dt.date(2022, 1, 18)


def test_gregorian_year_runs_january_to_december() -> None:
    p = parse_period("2018", AS_OF)
    assert (p.start, p.end, p.label) == (dt.date(2018, 1, 1), dt.date(2018, 12, 31), "2018")


def test_gregorian_month_and_leap_february() -> None:
    assert parse_period("2008-07", AS_OF).end == dt.date(2008, 7, 31)
    assert parse_period("2024-02", AS_OF).end == dt.date(2024, 2, 29)
    assert parse_period("2008-07", AS_OF).label == "July 2008"


def test_first_half_of_1400() -> None:
    # Nowruz 1400 fell on 21 March 2021; Shahrivar 1400 ended on 22 September 2021.
    p = parse_period("j1400-01/j1400-06", AS_OF)
    assert (p.start, p.end) == (dt.date(2021, 3, 21), dt.date(2021, 9, 22))
    assert "1400-01 to 1400-06" in p.label
    assert "2021-03-21 to 2021-09-22" in p.label


def test_iranian_year_1399_is_leap() -> None:
    p = parse_period("j1399", AS_OF)
    assert (p.start, p.end) == (dt.date(2020, 3, 20), dt.date(2021, 3, 20))


def test_as_of_takes_the_text_date_and_says_so() -> None:
    p = parse_period("asof", AS_OF)
    assert (p.start, p.end, p.kind, p.as_of) == (None, None, "as_of", AS_OF)  # no period
    assert p.label == "as of 2022-01-18 (date of the text)"
    assert parse_period("unspecified", AS_OF).kind == "undated"
    assert parse_period("2021-01/2021-11", AS_OF).kind == "month_range"
    assert parse_period("j1400-01/j1400-06", AS_OF).kind == "iranian"
    assert parse_period("2018", AS_OF).kind == "calendar"
    assert parse_period("asof", dt.date(2010, 8, 31), "month").label == (
        "as of August 2010 (date of the text)"
    )


def test_from_a_year_to_the_text_date() -> None:
    p = parse_period("2003/asof", AS_OF)
    assert (p.start, p.end) == (dt.date(2003, 1, 1), AS_OF)
    assert p.label == "2003 to 2022-01-18 (date of the text)"


def test_unspecified_has_no_dates() -> None:
    p = parse_period("unspecified", AS_OF)
    assert (p.start, p.end, p.label) == (None, None, "not stated")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("j1400-13", "month 13"),
        ("j1400-12-30", "not a date in the Iranian calendar"),  # 1400 is a common year
        ("2021-02-29", "not a Gregorian date"),
        ("first half of 1400", "cannot read the period"),
        ("2019/2018", "ends before it starts"),
        ("2018/2019/2020", "at most one"),
    ],
)
def test_impossible_periods_are_refused(spec: str, message: str) -> None:
    with pytest.raises(PeriodError, match=message):
        parse_period(spec, AS_OF)


def test_known_conversions_from_the_texts() -> None:
    assert jalali_to_gregorian(1400, 10, 28) == dt.date(2022, 1, 18)
    assert weekday_name(dt.date(2022, 1, 18)) == "Tuesday"
    assert jalali_to_gregorian(1399, 12, 22) == dt.date(2021, 3, 12)
    assert jalali_to_gregorian(1389, 6, 11) == dt.date(2010, 9, 2)


@given(st.integers(min_value=1300, max_value=1500), st.integers(min_value=1, max_value=12))
@settings(max_examples=500)
def test_iranian_months_tile_the_year(year: int, month: int) -> None:
    this = parse_period(f"j{year}-{month:02d}", AS_OF)
    assert this.start is not None and this.end is not None
    nxt = f"j{year}-{month + 1:02d}" if month < 12 else f"j{year + 1}-01"
    following = parse_period(nxt, AS_OF)
    assert following.start == this.end + dt.timedelta(days=1)
    assert 29 <= (this.end - this.start).days + 1 <= 31


@given(st.dates(min_value=dt.date(1925, 1, 1), max_value=dt.date(2100, 12, 31)))
@settings(max_examples=500)
def test_conversion_round_trips(day: dt.date) -> None:
    j = jdatetime.date.fromgregorian(date=day)
    assert jalali_to_gregorian(j.year, j.month, j.day) == day
    assert (
        weekday_name(day)
        == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][
            day.weekday()
        ]
    )
