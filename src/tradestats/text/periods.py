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
from typing import Any, NamedTuple

import jdatetime

__all__ = [
    "Anchor",
    "YearPart",
    "months_named",
    "nearest",
    "parts_named",
    "year_anchors",
    "year_span",
]

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
# the same solar months as Afghanistan (Dari) names them, from Hamal to Hut
_DARI_MONTHS = ("حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی",
                "دلو", "حوت")  # fmt: skip
_SOLAR_MONTHS = {name: i for names in (_IRANIAN_MONTHS, _DARI_MONTHS)
                 for i, name in enumerate(names, 1)}  # fmt: skip
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
    rf"(?<!\w)(?P<a>{_alternatives(_SOLAR_MONTHS)})(?:\s*ماه)?\s*(?:-|–|تا(?:\s+(?:پایان|آخر))?)"
    rf"\s*(?:ماه\s+)?(?P<b>{_alternatives(_SOLAR_MONTHS)})(?!\w)"
)
_BETWEEN = re.compile(rf"(?<!\w)between\s+(?P<a>{_MONTH_RE.replace('?P<m', '?P<a')})\w*\s+and\s+"
                      rf"(?P<b>{_MONTH_RE.replace('?P<m', '?P<b')})\w*")  # fmt: skip
# one month: "in May alone", "in December", «в мае», «در ماه مه»; a capital "May" or
# "in" before it keeps the modal verb out
_ONE_MONTH = re.compile(
    rf"(?<!\w)(?:in|during|for|в|در\s+ماه)\s+(?P<a>{_MONTH_RE.replace('?P<m', '?P<a')})"
    r"(?:[а-я]*)(?!\w)"
)
_ONE_SOLAR_MONTH = re.compile(
    rf"(?<!\w)(?:در\s+)?(?:ماه\s+(?P<a>{_alternatives(_SOLAR_MONTHS)})|"
    rf"(?P<b>{_alternatives(_SOLAR_MONTHS)})\s*ماه)(?!\w)"
)
_FIRST_QUARTERS = re.compile(
    r"(?<!\w)(?:first\s+(?P<n>two|three|2|3)\s+quarters|(?:первые\s+)?(?P<r>два|три)\s+квартал\w*|"
    r"(?P<f>دو|سه)\s+فصل\s+(?:اول|نخست))(?!\w)"
)
_COUNT = rf"(?P<n>\d{{1,2}}|{_alternatives(_COUNTS)})"
_FIRST_MONTHS = re.compile(
    rf"(?<!\w)(?:first\s+{_COUNT}\s+months|{_COUNT}\s*ماه(?:ه)?\s*(?:اول|نخست)|"
    rf"за\s+(?:первые\s+)?{_COUNT}\s+месяц\w*|{_COUNT}\s*ماهه(?=\s+(?:سال|امسال))|"
    rf"(?:در\s+طول|طی)\s+{_COUNT}\s*ماه(?:ه)?|{_COUNT}\s+ماه\s+(?:امسال|سال\s+جاری))".replace(
        "(?P<n>", "(?P<n1>", 1
    )
    .replace("(?P<n>", "(?P<n2>", 1)
    .replace("(?P<n>", "(?P<n3>", 1)
    .replace("(?P<n>", "(?P<n4>", 1)
    .replace("(?P<n>", "(?P<n5>", 1)
    .replace("(?P<n>", "(?P<n6>", 1)
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


_QUARTER_COUNTS = {"two": 2, "three": 3, "2": 2, "3": 3, "два": 2, "три": 3, "دو": 2, "سه": 3}


def parts_named(text: str) -> list[tuple[int, YearPart]]:
    """Every part of a year that ``text`` names, with where it stands."""
    found: list[tuple[int, YearPart]] = []
    for m in _IRANIAN_RANGE.finditer(text):
        part = YearPart(_SOLAR_MONTHS[m["a"]], _SOLAR_MONTHS[m["b"]], m.group(), "jalali")
        found.append((m.start(), part))
    for pattern in (_RANGE, _BETWEEN):
        for m in pattern.finditer(text):
            part = YearPart(_month_number(m, "a"), _month_number(m, "b"), m.group(), "gregorian")
            found.append((m.start(), part))
    for m in _QUARTER.finditer(text):
        quarter = int(m["qn"]) if m["qn"] else _ordinal(m)
        found.append((m.start(), YearPart(3 * quarter - 2, 3 * quarter, m.group(), None)))
    for m in _FIRST_QUARTERS.finditer(text):
        count = _QUARTER_COUNTS[m["n"] or m["r"] or m["f"]]
        found.append((m.start(), YearPart(1, 3 * count, m.group(), None)))
    for m in _HALF.finditer(text):
        half = int(m["hn"]) if m["hn"] else _ordinal(m)
        found.append((m.start(), YearPart(6 * half - 5, 6 * half, m.group(), None)))
    for m in _FIRST_MONTHS.finditer(text):
        said = next(str(m[f"n{i}"]) for i in range(1, 7) if m[f"n{i}"])
        months = int(said) if said.isdigit() else _COUNTS[said]
        if 1 <= months <= 12:
            found.append((m.start(), YearPart(1, months, m.group(), None)))
    return _single_months(text, found)


def _single_months(text: str, found: list[tuple[int, YearPart]]) -> list[tuple[int, YearPart]]:
    """The months named alone ("in May alone", «در ماه مهر»), where no range holds them."""
    inside = [(pos, pos + len(part.words)) for pos, part in found]
    for m in _ONE_MONTH.finditer(text):
        if not any(a <= m.start("a") < b for a, b in inside):
            month = _month_number(m, "a")
            found.append((m.start(), YearPart(month, month, m.group(), "gregorian")))
    for m in _ONE_SOLAR_MONTH.finditer(text):
        if not any(a <= m.start() < b for a, b in inside):
            month = _SOLAR_MONTHS[m["a"] or m["b"]]
            found.append((m.start(), YearPart(month, month, m.group(), "jalali")))
    return sorted(found, key=lambda f: f[0])


def months_named(text: str) -> YearPart | None:
    """The first part of a year that ``text`` names, or None when it names none."""
    parts = parts_named(text)
    return parts[0][1] if parts else None


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


# --- the period of a drafted figure ----------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(1[3-4]\d\d|19[5-9]\d|20[0-4]\d)(?!\d)")
# words before a year (or a relative year) that make it the base of a comparison, not
# the figure's period: "than in the same period of 2022", «نسبت به سال ۱۳۹۹»,
# «по сравнению с 2020 годом»; a few words may stand between
_BASE_WORD = re.compile(
    r"(?<!\w)(?:than|compared\s+(?:with|to)|in\s+comparison\s+with|against|versus|vs|"
    r"نسبت\s+به|در\s+مقایسه\s+با|(?:بیشتر|کمتر)\s+از|по\s+сравнению\s+с|против|чем)(?!\w)"
    r"[^.,;:!?()،؛]{0,48}$"
)
_FROM_BASE = re.compile(
    r"(?<!\w)(?:from|over|از|с)\s+(?:(?:in\s+)?the\s+same\s+(?:period|month|quarter)\s+"
    r"(?:of|in|a)\s+|مدت\s+مشابه\s+)?(?:the\s+year\s+)?$"
)
# relative years: (pattern, years after the article's year, calendar or None for the
# text's own); "the Iranian year to March 2023" names the year it ends in
_RELATIVE_YEARS: tuple[tuple[re.Pattern[str], int, str | None], ...] = tuple(
    (re.compile(rf"(?<!\w)(?:{words})(?!\w)"), shift, calendar)
    for words, shift, calendar in (
        (r"(?:the\s+)?current\s+iranian\s+(?:calendar\s+|fiscal\s+)?year", 0, "jalali"),
        (r"(?:the\s+)?(?:last|previous|past)\s+iranian\s+(?:calendar\s+|fiscal\s+)?year", -1,
         "jalali"),
        (r"سال\s+جاری\s+میلادی|امسال\s+میلادی", 0, "gregorian"),
        (r"سال\s+گذشته\s+میلادی|پارسال\s+میلادی", -1, "gregorian"),
        (r"this\s+year|the\s+current\s+year|so\s+far\s+this\s+year|by\s+the\s+end\s+of\s+the"
         r"\s+year|امسال|سال\s+جاری|تا\s+پایان\s+سال|в\s+этом\s+году|в\s+текущем\s+году|"
         r"текущего\s+года|этого\s+года|до\s+конца\s+года|с\s+начала\s+года", 0, None),
        (r"last\s+year|the\s+previous\s+year|the\s+year\s+before|سال\s+گذشته|پارسال|"
         r"سال\s+قبل|в\s+прошлом\s+году|прошлого\s+года|за\s+прошлый\s+год|"
         r"в\s+минувшем\s+году|минувшего\s+года", -1, None),
    )
)  # fmt: skip
_ANY_RELATIVE = re.compile("|".join(p.pattern for p, _shift, _cal in _RELATIVE_YEARS))
_IRANIAN_YEAR_TO = re.compile(
    r"iranian\s+(?:calendar\s+|fiscal\s+)?year\s+(?:to|ending(?:\s+in)?|that\s+ended\s+in|"
    r"through)\s+(?:late\s+|mid-?)?march\s+(?P<y>\d{4})"
)
# a fiscal year of April to March: "2023-24", "2022/23", "FY24", "last fiscal"
_SPLIT_YEAR = re.compile(r"(?<!\d)(?P<a>(?:19|20)\d\d)[-–/](?P<b>\d\d)(?!\d)")
_FY = re.compile(r"(?<!\w)fy\s?(?P<y>\d\d(?:\d\d)?)(?!\d)")
_FISCAL_RELATIVE = re.compile(
    r"(?<!\w)(?:(?P<last>last|previous|past)|(?P<this>current|this))\s+(?:fiscal|financial\s+"
    r"year)(?!\w)"
)
# right after a figure: its period is the year before the one its sentence names
_YEAR_EARLIER = re.compile(r"^\s*(?:a\s+year\s+(?:earlier|ago|before)|годом\s+ранее|سال\s+قبل)")


class Anchor(NamedTuple):
    """A year a sentence states or implies, where it stands, and its calendar."""

    pos: int
    year: int
    calendar: str
    words: str


def _is_base(sentence: str, pos: int, at: int | None) -> bool:
    """Whether the year at ``pos`` is a comparison's base for the figure at ``at``; not
    for a figure written between the base word and the year ("than the $39 billion
    recorded in 2022": 2022 is the $39 billion's own year)."""
    window = max(0, pos - 60)
    m = _BASE_WORD.search(sentence[window:pos]) or _FROM_BASE.search(sentence[window:pos])
    return m is not None and not (at is not None and window + m.start() < at < pos)


def year_anchors(
    sentence: str,
    date: dt.date | None,
    calendar: str,
    at: int | None = None,
    date_said: str = "the article's date",
) -> list[Anchor]:
    """The years ``sentence`` names (a comparison's base for the figure at ``at`` aside):
    stated (Iranian below 1500), or relative to the article's ``date`` in the text's
    ``calendar``."""
    out = [
        Anchor(m.start(), int(m.group()), "jalali" if int(m.group()) < 1500 else "gregorian",
               m.group())
        for m in _YEAR.finditer(sentence)
        if not _is_base(sentence, m.start(), at)
    ]  # fmt: skip
    for m in _IRANIAN_YEAR_TO.finditer(sentence) if "iranian" in sentence else ():
        out = [a for a in out if not m.start() <= a.pos < m.end()]
        out.append(Anchor(m.start(), int(m["y"]) - 622, "jalali", m.group()))
    out = _fiscal_years(sentence, out, date, at)
    taken: list[tuple[int, int]] = []
    relative = _ANY_RELATIVE.search(sentence) is not None  # most sentences have none
    for pattern, shift, own in _RELATIVE_YEARS if relative else ():
        for m in pattern.finditer(sentence):
            if any(a <= m.start() < b for a, b in taken) or _is_base(sentence, m.start(), at):
                continue
            taken.append((m.start(), m.end()))
            cal = own or calendar
            if date is None:  # a relative year with nothing to anchor it: no period
                out.append(Anchor(m.start(), 0, cal, f"{m.group()} (the text's date unknown)"))
                continue
            year = jdatetime.date.fromgregorian(date=date).year if cal == "jalali" else date.year
            words = f"{m.group()} ({date_said}: {date})"
            out.append(Anchor(m.start(), year + shift, cal, words))
    return sorted(out)


def _fiscal_years(
    sentence: str, found: list[Anchor], date: dt.date | None, at: int | None
) -> list[Anchor]:
    """``found`` with the fiscal years (April to March) ``sentence`` names in place of the
    calendar years they are written with: "2023-24", "FY24", "last fiscal"."""
    fiscal: list[Anchor] = []
    for m in _SPLIT_YEAR.finditer(sentence):
        first = int(m["a"])
        if (first + 1) % 100 == int(m["b"]) and not _is_base(sentence, m.start(), at):
            fiscal.append(Anchor(m.start(), first, "fiscal", m.group()))
    for m in _FY.finditer(sentence) if "fy" in sentence else ():
        last = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
        fiscal.append(Anchor(m.start(), last - 1, "fiscal", m.group()))
    fiscal_words = "fiscal" in sentence or "financial" in sentence
    for m in _FISCAL_RELATIVE.finditer(sentence) if fiscal_words else ():
        if date is not None and not _is_base(sentence, m.start(), at):
            current = date.year if date.month >= 4 else date.year - 1
            year = current - 1 if m["last"] else current
            fiscal.append(Anchor(m.start(), year, "fiscal", f"{m.group()} (the date: {date})"))
    spans = [(a.pos, a.pos + len(a.words)) for a in fiscal]
    kept = [a for a in found if not any(b <= a.pos < e for b, e in spans)]
    return sorted(kept + fiscal)


def nearest(items: list[Any], at: int, end: int) -> Any:
    """The item (with a ``pos``, or a (pos, …) tuple) nearest a figure at [at, end),
    one a few characters before it preferred to one as far after it."""
    return min(items, key=lambda a: at - a[0] - 4 if a[0] < at else a[0] - end)


Period = tuple[str | None, str | None, str]  # start, end, the words that decided it
A_YEAR_EARLIER = " (a year earlier)"  # the period of a comparison's base, in evidence


def _attached(parts: list[tuple[int, YearPart]], anchor: Anchor) -> YearPart | None:
    """The part of a year written with ``anchor``: just before it ("January–May 2022",
    "the first ten months of the current Iranian year") or just after it."""
    for pos, part in reversed(parts):
        gap = anchor.pos - (pos + len(part.words))
        if 0 <= gap <= 45 or 0 <= pos - (anchor.pos + len(anchor.words)) <= 15:
            return part
    return None


def figure_period(
    sentence: str, at: int, end: int, anchor: Anchor | None, parts: list[tuple[int, YearPart]]
) -> Period:
    """The period of the figure at [at, end) of ``sentence``: the year ``anchor`` names
    (the nearest the sentence states, or one stated earlier in the paragraph), and the
    part of it a phrase names (the one written with the year, else the nearest)."""
    if anchor is None:
        return None, None, "not stated"
    if anchor.year == 0:
        return None, None, anchor.words
    year, shift = anchor.year, ""
    if _YEAR_EARLIER.match(sentence[end:]):
        year, shift = year - 1, A_YEAR_EARLIER
    if anchor.calendar == "fiscal":  # April to March of the next year
        return *year_span(year, 4, 15), f"{anchor.words} (a fiscal year, April to March){shift}"
    usable = [(p, part) for p, part in parts if part.calendar in (None, anchor.calendar)]
    part = _attached(usable, anchor) if anchor.pos >= 0 else None
    if part is None and usable and len(year_anchors_in(sentence)) <= 1:
        part = nearest(usable, at, end)[1]
    first, last = (part.first, part.last) if part else (1, 12)
    if anchor.calendar == "jalali" and year >= 1500:
        year = jdatetime.date.fromgregorian(date=dt.date(year, 6, 1)).year
    named = f"{part.words} " if part else ""
    return *year_span(year, first, last), f"{named}{anchor.words}{shift}"


def year_anchors_in(sentence: str) -> list[int]:
    """Where ``sentence`` states a year (bases included)."""
    return [m.start() for m in _YEAR.finditer(sentence)]


# a dateline: "TEHRAN, Jan 29, 2024 (AFP) - ", «تهران- ایرنا- ۲۸ دی ۱۳۹۵»,
# «МОСКВА, 3 марта. /ТАСС/.»: where it ends, on one of the first lines
_DATELINE_END = re.compile(r"\s[-–—]\s|\)\s*[-–—:]\s*|/[^/\s]{2,15}/\.?\s*|\s[-–—]$|\)\s*$")
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<d>\d{{1,2}})\s+(?P<m>{_alternatives(_SOLAR_MONTHS)})\s+(?P<y>1[34]\d\d)"
    rf"|(?P<m2>{_MONTH_RE.replace('?P<m', '?P<g')})\w*\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>20\d\d)"
    rf"|(?P<d3>\d{{1,2}})\s+(?P<m3>{_MONTH_RE.replace('?P<m', '?P<h')})\w*\.?,?\s+(?P<y3>20\d\d)"
)


class Dateline(NamedTuple):
    """The dateline of a text: its line (1-based), where it ends, and the date it gives
    (None where it gives no year)."""

    line: int
    end: int
    date: dt.date | None


def dateline(norm_lines: list[str]) -> Dateline | None:
    """The dateline among the first three non-blank lines of a text (normalized,
    lower-cased): a short prefix holding a date, ended by a dash, an agency's name in
    brackets or slashes, or the line's end."""
    seen = 0
    for number, line in enumerate(norm_lines, 1):
        if not line.strip():
            continue
        seen += 1
        if seen > 3:
            return None
        head = line[:90]
        m = next((m for m in _DATELINE_END.finditer(head) if re.search(r"\d", head[: m.start()])),
                 None)  # fmt: skip
        if m is None and not (len(line) < 60 and _DAY_MONTH_YEAR.search(line)):
            continue
        end = m.end() if m else len(line)
        return Dateline(number, end, _date_in(line[:end]))
    return None


def _date_in(text: str) -> dt.date | None:
    m = _DAY_MONTH_YEAR.search(text)
    if m is None:
        return None
    try:
        if m["m"]:
            day = jdatetime.date(int(m["y"]), _SOLAR_MONTHS[m["m"]], int(m["d"]))
            return day.togregorian()
        if m["m2"]:
            month = next(i for i in range(1, 13) if m[f"g{i}"])
            return dt.date(int(m["y2"]), month, int(m["d2"]))
        month = next(i for i in range(1, 13) if m[f"h{i}"])
        return dt.date(int(m["y3"]), month, int(m["d3"]))
    except ValueError:
        return None


def text_calendar(norm_lines: list[str]) -> str:
    """ "jalali" where the first lines date the text in the solar Hijri calendar (an
    Iranian or Afghan year, or its month), else "gregorian": what «امسال» counts in."""
    head = " ".join(line for line in norm_lines[:4])
    solar = re.search(rf"(?<!\d)1[34]\d\d(?!\d)|(?<!\w)(?:{_alternatives(_SOLAR_MONTHS)})(?!\w)",
                      head)  # fmt: skip
    return "jalali" if solar else "gregorian"


# "the same period last year", «مدت مشابه سال گذشته», «аналогичный период прошлого года»
SAME_PERIOD = re.compile(
    r"(?<!\w)(?:(?:the\s+)?same\s+(?:period|month|quarter)\s+(?:of\s+|a\s+year\s+earlier|last\s+"
    r"year|the\s+previous\s+year)|مدت\s+مشابه(?:\s+سال\s+(?:گذشته|قبل))?|"
    r"аналогичн\w+\s+период\w*(?:\s+прошлого\s+года)?)"
)


BASE_WORDS_BEFORE = re.compile(r"(?:from|than|over|with|against|to|نسبت\s+به|با|с|против)\s*$")


def years_before(day: str, years: int) -> str:
    d = dt.date.fromisoformat(day)
    try:
        return d.replace(year=d.year - years).isoformat()
    except ValueError:  # 29 February
        return (d.replace(day=28, year=d.year - years)).isoformat()


def part_of(start: str, part: YearPart, said: str) -> tuple[str, str, str]:
    """The months ``part`` names, of the year (Gregorian, or Iranian where the period
    starting on ``start`` is one) the carried period starts in."""
    first = dt.date.fromisoformat(start)
    jalali = jdatetime.date.fromgregorian(date=first)
    iranian = part.calendar == "jalali" or (
        part.calendar is None and jalali.day == 1 and first.month == 3
    )
    year = jalali.year if iranian else first.year
    a, b = year_span(year, part.first, part.last)
    return a, b, f"{part.words} {year} ({said})"
