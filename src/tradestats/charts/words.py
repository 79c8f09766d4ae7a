"""Every word a chart shows, in English and Persian (``words.toml``). Numbers are never
there: charts fill the templates with values read from the clean tables, and every title
is written from the rows it is drawn over (past tense for past data, the period in the
words, a source's claim put in the source's mouth)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import jdatetime

from tradestats.charts.style import format_number, to_local_digits

__all__ = [
    "TEXT",
    "amount",
    "date_words",
    "join_words",
    "period_words",
    "shown_decimals",
    "t",
    "value_label",
]

GREGORIAN_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fa": [
        "ژانویه",
        "فوریه",
        "مارس",
        "آوریل",
        "مه",
        "ژوئن",
        "ژوئیه",
        "اوت",
        "سپتامبر",
        "اکتبر",
        "نوامبر",
        "دسامبر",
    ],
}

# The templates, in words.toml beside this module: data, not code.
TEXT: dict[str, dict[str, str]] = tomllib.loads(
    (Path(__file__).resolve().parent / "words.toml").read_text(encoding="utf-8")
)


def t(key: str, lang: str, verbatim: dict[str, str] | None = None, **values: object) -> str:
    """The text for ``key`` in ``lang``, filled with ``values``, digits localized.
    ``verbatim`` values (ids such as C01, file names) keep their Latin digits."""
    keep = verbatim or {}
    holders = {name: f"\ue000{i}\ue001" for i, name in enumerate(keep)}
    filled = to_local_digits(TEXT[key][lang].format(**values, **holders), lang)
    for name, holder in holders.items():
        filled = filled.replace(to_local_digits(holder, lang), keep[name])
    return filled


def join_words(items: list[str], lang: str) -> str:
    """'a', 'a and b', 'a, b and c' (Persian: «و» and «،»)."""
    if len(items) <= 1:
        return "".join(items)
    return TEXT["comma"][lang].join(items[:-1]) + TEXT["and"][lang] + items[-1]


def date_words(day: dt.date, precision: str, lang: str) -> str:
    """A date in words: 18 Jan 2022 / ۱۸ ژانویه ۲۰۲۲."""
    if precision == "year":
        return to_local_digits(str(day.year), lang)
    if precision == "month":
        return to_local_digits(f"{GREGORIAN_MONTHS[lang][day.month - 1]} {day.year}", lang)
    # Persian too in the Gregorian calendar, as every year on the charts is
    return to_local_digits(f"{day.day} {GREGORIAN_MONTHS[lang][day.month - 1]} {day.year}", lang)


def _month_bounds(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and (end + dt.timedelta(days=1)).day == 1


def _jalali_month_bounds(start: dt.date, end: dt.date) -> bool:
    j1 = jdatetime.date.fromgregorian(date=start)
    j2 = jdatetime.date.fromgregorian(date=end + dt.timedelta(days=1))
    return j1.day == 1 and j2.day == 1


def period_words(
    start: dt.date,
    end: dt.date,
    lang: str,
    as_of_precision: str = "day",
    as_of_inferred: bool = False,
) -> str:
    """A period as a chart category: a year, a span of Gregorian months, a span of
    Iranian months (with its Gregorian dates), other days, or an as-of date ('as of
    about' a date worked out, not printed)."""
    if start == end:
        key = "period.as_of_about" if as_of_inferred else "period.as_of"
        return t(key, lang, date=date_words(start, as_of_precision, lang))
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return t("period.year", lang, year=start.year)
    gmonths = GREGORIAN_MONTHS[lang]
    if _month_bounds(start, end) and start.year == end.year:
        m1, m2 = gmonths[start.month - 1], gmonths[end.month - 1]
        if m1 == m2:
            return t("period.month", lang, m=m1, year=end.year)
        return t("period.months", lang, m1=m1, m2=m2, year=end.year)
    if not _jalali_month_bounds(start, end):
        d1, d2 = date_words(start, "day", lang), date_words(end, "day", lang)
        return t("period.days", lang, d1=d1, d2=d2)
    j1, j2 = jdatetime.date.fromgregorian(date=start), jdatetime.date.fromgregorian(date=end)
    months = jdatetime.date.j_months_fa if lang == "fa" else jdatetime.date.j_months_en
    g1 = f"{start.day} {gmonths[start.month - 1]}" + (
        f" {start.year}" if start.year != end.year else ""
    )
    g2 = f"{end.day} {gmonths[end.month - 1]} {end.year}"
    if (j1.month, j2.month) == (1, 12) and j1.year == j2.year:
        return t("period.jalali_year", lang, year=j1.year, g1=g1, g2=g2)
    m1, m2 = months[j1.month - 1], months[j2.month - 1]
    return t("period.jalali_months", lang, m1=m1, m2=m2, year=j2.year, g1=g1, g2=g2)


def value_label(value: float, qualifier: str, lang: str, decimals: int = 0) -> str:
    """A value with its qualifier in words: 'more than 30', 'بیش از ۳۰', 'target 100'."""
    return t(f"q.{qualifier}", lang, v=format_number(value, lang, decimals))


def shown_decimals(value: float, resolution: float) -> int:
    """How many decimals a label shows: no more than the text states (its resolution, in
    the label's unit), and at most one for 10 and over, two under 10. 2 billion stays
    '2'; 27.8 stays '27.8'; 294.166 shows '294.2' and 1.740 shows '1.74'."""
    stated = 0
    while stated < 6 and resolution * 10**stated < 1 - 1e-9:
        stated += 1
    return min(stated, 1 if abs(value) >= 10 else 2)


def amount(value: float, resolution: float, qualifier: str, lang: str) -> str:
    """A figure's label, as precise as the text and no more (see :func:`shown_decimals`)."""
    return value_label(value, qualifier, lang, shown_decimals(value, resolution))
