"""Periods and dates: Gregorian and Iranian (Jalali) calendars.

Raw rows state a period in a small notation that reads like the text:

============  =============================================================
``2018``      a Gregorian year (1 January to 31 December)
``2008-07``   a Gregorian month
``2001-03-12`` a Gregorian day
``j1400``     an Iranian year (1 Farvardin to the last day of Esfand)
``j1400-06``  an Iranian month; ``j1400-06-31`` an Iranian day
``asof``      dated only by the text's own writing: the text's as-of date
``A/B``       from the start of A to the end of B (``j1400-01/j1400-06``)
``unspecified`` the text gives no period
============  =============================================================

Iranian dates are converted with :mod:`jdatetime`, never by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import jdatetime

from tradestats.errors import PeriodError

__all__ = ["Period", "jalali_to_gregorian", "parse_period", "weekday_name"]

_PART_RE = re.compile(r"^(?P<j>j)?(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Period:
    """A period: its kind (see PERIOD_KINDS in the contract), its Gregorian bounds (None
    for a figure dated only by its text, or not dated at all), the date of the text that
    states an "as of" or undated figure, and a plain-English label."""

    start: dt.date | None
    end: dt.date | None
    label: str
    kind: str = "calendar"
    as_of: dt.date | None = None


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Convert an Iranian calendar date; raise :class:`PeriodError` if it does not exist
    (for example 30 Esfand in a common year)."""
    try:
        return jdatetime.date(year, month, day).togregorian()
    except (ValueError, TypeError) as exc:
        raise PeriodError(
            f"{year:04d}-{month:02d}-{day:02d} is not a date in the Iranian calendar ({exc})"
        ) from exc


def _jalali_month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return jalali_to_gregorian(year + 1, 1, 1) - dt.timedelta(days=1)
    return jalali_to_gregorian(year, month + 1, 1) - dt.timedelta(days=1)


def weekday_name(day: dt.date) -> str:
    """English weekday name, independent of the locale."""
    return jdatetime.date.j_weekdays_en[jdatetime.date.fromgregorian(date=day).weekday()]


def _gregorian(y: int, m: int | None, d: int | None, spec: str) -> tuple[dt.date, dt.date]:
    try:
        if m is None:
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if d is None:
            first = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        day = dt.date(y, m, d)
        return day, day
    except ValueError as exc:
        raise PeriodError(f"{spec!r} is not a Gregorian date ({exc})") from exc


def _jalali(y: int, m: int | None, d: int | None) -> tuple[dt.date, dt.date]:
    if m is None:
        return jalali_to_gregorian(y, 1, 1), _jalali_month_end(y, 12)
    if not 1 <= m <= 12:
        raise PeriodError(f"month {m} of Iranian year {y} does not exist")
    if d is None:
        return jalali_to_gregorian(y, m, 1), _jalali_month_end(y, m)
    day = jalali_to_gregorian(y, m, d)
    return day, day


def _as_of_words(as_of: dt.date, precision: str) -> str:
    if precision == "year":
        return str(as_of.year)
    if precision == "month":
        return f"{_MONTHS_EN[as_of.month - 1]} {as_of.year}"
    return as_of.isoformat()


def _kind(parts: list[str]) -> str:
    """calendar, iranian or month_range, from the notation of a dated period."""
    if any(part.startswith("j") for part in parts):
        return "iranian"
    months = [part for part in parts if part != "asof" and part.count("-") == 1]
    return "month_range" if months and len(months) == len(parts) else "calendar"


def _part(spec: str, as_of: dt.date, precision: str) -> tuple[dt.date, dt.date, str]:
    if spec == "asof":
        return as_of, as_of, f"as of {_as_of_words(as_of, precision)} (date of the text)"
    match = _PART_RE.match(spec)
    if not match:
        raise PeriodError(
            f"cannot read the period {spec!r}; write e.g. 2018, 2008-07, 2001-03-12, "
            "j1400, j1400-06, asof, unspecified, or two of them joined by '/'"
        )
    y = int(match["y"])
    m = int(match["m"]) if match["m"] else None
    d = int(match["d"]) if match["d"] else None
    if match["j"]:
        start, end = _jalali(y, m, d)
        label = f"Iranian year {y}" if m is None else f"Iranian {y}-{m:02d}"
        if d is not None:
            label += f"-{d:02d}"
        return start, end, label
    start, end = _gregorian(y, m, d, spec)
    if m is None:
        label = str(y)
    elif d is None:
        label = f"{_MONTHS_EN[m - 1]} {y}"
    else:
        label = start.isoformat()
    return start, end, label


@lru_cache(maxsize=1 << 12)  # many figures share a period; the result is immutable
def parse_period(spec: str, as_of: dt.date, as_of_precision: str = "day") -> Period:
    """Read a period written in the notation above. ``as_of`` is the text's date and
    ``as_of_precision`` how precisely it is known (day, month or year)."""
    spec = spec.strip()
    if spec == "unspecified":
        return Period(None, None, "not stated", "undated", as_of)
    if spec == "asof":
        words = f"as of {_as_of_words(as_of, as_of_precision)} (date of the text)"
        return Period(None, None, words, "as_of", as_of)
    parts = spec.split("/")
    if len(parts) > 2 or not all(parts):
        raise PeriodError(f"cannot read the period {spec!r}: use at most one '/'")
    start, end, label = _part(parts[0], as_of, as_of_precision)
    if len(parts) == 2:
        _, end, label_to = _part(parts[1], as_of, as_of_precision)
        if parts[0].startswith("j") and parts[1].startswith("j"):
            label_to = label_to.removeprefix("Iranian ")
        label = f"{label} to {label_to.removeprefix('as of ')}"
    if end < start:
        raise PeriodError(f"the period {spec!r} ends before it starts")
    if parts[0].startswith("j") or (len(parts) == 2 and parts[1].startswith("j")):
        label = f"{label} ({start.isoformat()} to {end.isoformat()})"
    return Period(start, end, label, _kind(parts))
