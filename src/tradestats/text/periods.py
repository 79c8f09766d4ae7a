"""Periods as texts write them, for drafting rows: years (Gregorian, or Iranian below
1500), and the part of a year a phrase names: month ranges ("January-September",
«январь–сентябрь», «فروردین تا آذر»), quarters ("Q1", "first quarter", «первый
квартал»), halves ("H1", «نیمه نخست», «первое полугодие») and first months ("first nine
months", «نه ماهه نخست», «за девять месяцев»).

Matching is on normalized, lower-cased text. Iranian years and months are converted
with :mod:`jdatetime`, never by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import NamedTuple

import jdatetime

__all__ = ["YearPart", "months_named", "year_span"]

# Month names by number, in English, Russian (stems) and Persian (Gregorian months).
_MONTHS: tuple[tuple[str, ...], ...] = (
    ("january", "jan", "январ", "ژانویه"),
    ("february", "feb", "феврал", "فوریه"),
    ("march", "mar", "март", "مارس"),
    ("april", "apr", "апрел", "آوریل"),
    ("may", "ма[йяе]", "مه", "می"),
    ("june", "jun", "июн", "ژوئن"),
    ("july", "jul", "июл", "ژوئیه", "جولای"),
    ("august", "aug", "август", "اوت", "آگوست"),
    ("september", "sept", "sep", "сентябр", "سپتامبر"),
    ("october", "oct", "октябр", "اکتبر"),
    ("november", "nov", "ноябр", "نوامبر"),
    ("december", "dec", "декабр", "دسامبر"),
)
# Iranian months, in order: a range of them belongs to an Iranian year.
_IRANIAN_MONTHS = tuple(jdatetime.date.j_months_fa)
_COUNTS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8,
    "نه": 9, "ده": 10, "یازده": 11,
    "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "اول": 1, "نخست": 1, "دوم": 2, "سوم": 3, "چهارم": 4,
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
}  # fmt: skip


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so "ii" is tried before "i")."""
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH_RE = "|".join(f"(?P<m{i}>{'|'.join(names)})" for i, names in enumerate(_MONTHS, 1))
_DASH = r"\s*(?:-|–|—|to|through|until|تا|по)\s*"
_RANGE = re.compile(rf"(?<!\w)(?P<a>{_MONTH_RE.replace('?P<m', '?P<a')})\w*{_DASH}"
                    rf"(?P<b>{_MONTH_RE.replace('?P<m', '?P<b')})\w*")  # fmt: skip
_IRANIAN_RANGE = re.compile(
    rf"(?<!\w)(?P<a>{_alternatives(_IRANIAN_MONTHS)}){_DASH}(?P<b>{_alternatives(_IRANIAN_MONTHS)})"
    r"(?!\w)"
)
_COUNT = rf"(?P<n>\d{{1,2}}|{_alternatives(_COUNTS)})"
_FIRST_MONTHS = re.compile(
    rf"(?<!\w)(?:first\s+{_COUNT}\s+months|{_COUNT}\s*ماه(?:ه)?\s*(?:اول|نخست)|"
    rf"за\s+{_COUNT}\s+месяц\w*|{_COUNT}\s*ماهه(?=\s+(?:سال|امسال)))".replace(
        "(?P<n>", "(?P<n1>", 1
    )
    .replace("(?P<n>", "(?P<n2>", 1)
    .replace("(?P<n>", "(?P<n3>", 1)
    .replace("(?P<n>", "(?P<n4>", 1)
)
_ORDINAL = rf"(?P<q>{_alternatives(_ORDINALS)})"
_QUARTER = re.compile(
    rf"(?<!\w)(?:q(?P<qn>[1-4])|{_ORDINAL}\w*\s+(?:quarter|квартал\w*)|(?:فصل|سه\s*ماهه)\s+{_ORDINAL})"
    r"(?!\w)".replace("(?P<q>", "(?P<q1>", 1)
)
_HALF = re.compile(
    rf"(?<!\w)(?:h(?P<hn>[12])|{_ORDINAL}\w*\s+(?:half|полугоди\w*)|(?:نیمه|نیم\s*سال)\s+{_ORDINAL})"
    r"(?!\w)".replace("(?P<q>", "(?P<q1>", 1)
)


def _ordinal(m: re.Match[str]) -> int:
    return _ORDINALS[m["q1"] or m["q"]]


def _month_number(m: re.Match[str], group: str) -> int:
    return next(i for i in range(1, 13) if m[f"{group}{i}"])


class YearPart(NamedTuple):
    """Months ``first`` to ``last`` of a year, the words that name them, and the calendar
    they belong to ("jalali" or "gregorian" for named months; None for "first half")."""

    first: int
    last: int
    words: str
    calendar: str | None


def months_named(text: str) -> YearPart | None:
    """The part of a year that ``text`` names, or None when it names no part."""
    if m := _IRANIAN_RANGE.search(text):
        first, last = _IRANIAN_MONTHS.index(m["a"]) + 1, _IRANIAN_MONTHS.index(m["b"]) + 1
        return YearPart(first, last, m.group(), "jalali")
    if m := _RANGE.search(text):
        return YearPart(_month_number(m, "a"), _month_number(m, "b"), m.group(), "gregorian")
    if m := _QUARTER.search(text):
        quarter = int(m["qn"]) if m["qn"] else _ordinal(m)
        return YearPart(3 * quarter - 2, 3 * quarter, m.group(), None)
    if m := _HALF.search(text):
        half = int(m["hn"]) if m["hn"] else _ordinal(m)
        return YearPart(6 * half - 5, 6 * half, m.group(), None)
    if m := _FIRST_MONTHS.search(text):
        count = str(m["n1"] or m["n2"] or m["n3"] or m["n4"])
        months = int(count) if count.isdigit() else _COUNTS[count]
        return YearPart(1, months, m.group(), None) if 1 <= months <= 12 else None
    return None


def year_span(year: int, first: int = 1, last: int = 12) -> tuple[str, str]:
    """The first day of month ``first`` to the last day of month ``last`` of a Gregorian
    year, or (below 1500) of an Iranian year, converted exactly."""
    if year < 1500:
        start = jdatetime.date(year, first, 1).togregorian()
        after = jdatetime.date(year + last // 12, last % 12 + 1, 1).togregorian()
    else:
        start = dt.date(year, first, 1)
        after = dt.date(year + last // 12, last % 12 + 1, 1)
    return start.isoformat(), (after - dt.timedelta(days=1)).isoformat()
