"""``tradestats extract``: find every number in a text and say what it is.

Every number phrase the parser of :mod:`tradestats.text.numbers` finds becomes a
candidate, classified by what follows or precedes it:

- ``money``: a currency word or sign (دلار, دالر, یورو, روبل, ریال, تومان, $, €, USD,
  dollars, euros, roubles);
- ``percent``: درصد, %, percent, per cent;
- ``quantity``: a unit of quantity (barrels/بشکه, tonnes/تن, wagons/واگن), a counted noun
  (countries, embassies, ماده…) or a rank («یازدهمین اقتصاد»);
- ``multiple``: «چهار برابر», "four times", "doubled";
- ``number``: anything else (years, dates, page numbers, list numbers, durations…), listed
  only with ``include_bare=True`` / ``--all``.

Matching works on normalized text (Arabic or Persian letter forms, zero-width
non-joiners, tatweel and diacritics do not matter); quotes are always verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import NamedTuple, TypeVar

from tradestats.contract.vocabularies import FIGURE_KINDS, MAX_TEXT_BYTES, unit_kind
from tradestats.errors import TradestatsError
from tradestats.text.lexicon import qualifier_ending_at
from tradestats.text.normalize import normalized_position
from tradestats.text.numbers import Quantity, normalize_text, quantities_in

_T = TypeVar("_T")
_R = TypeVar("_R")

__all__ = [
    "FIGURE_KINDS",
    "MAX_FILE_BYTES",
    "Candidate",
    "Spot",
    "candidate_rows",
    "comma_reading",
    "extract",
    "extract_file",
    "extract_files",
    "number_spots",
    "read_text_file",
    "render_candidates",
]

MAX_FILE_BYTES = MAX_TEXT_BYTES  # a text larger than this is refused, not read

_P = r"(?:ی|ای|های|ها)?"  # Persian suffixes: «دلاری», «درصدی»
_END = r"(?![\w])"


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# (pattern right after the number, unit); the first match wins, so specific first. The
# unit's kind is declared in the contract (unit_kind).
_UNITS_AFTER: list[tuple[re.Pattern[str], str]] = [
    (_re(rf"^\s*(?:دلار|دالر){_P}\s+(?:در\s+)?هر\s+بشکه{_END}"), "USD_per_barrel"),
    (_re(r"^\s*(?:us\s*)?dollars?\s+(?:a|per)\s+barrel\b"), "USD_per_barrel"),
    (_re(rf"^\s*(?:دلار|دالر){_P}{_END}"), "USD"),
    (_re(r"^\s*(?:us\s*)?dollars?\b|^\s*usd\b"), "USD"),
    (_re(r"^\s*(?:доллар(?:ов|а|ы)?|долл\.?)(?:\s*сша)?(?![а-я])"), "USD"),
    (_re(rf"^\s*یورو{_P}{_END}|^\s*euros?\b|^\s*eur\b|^\s*евро(?![а-я])"), "EUR"),
    (
        _re(
            rf"^\s*روبل{_P}{_END}|^\s*(?:roubles?|rubles?)\b|^\s*rub\b|^\s*(?:рубл(?:ей|я|ь)|руб\.?)"
        ),
        "RUB",
    ),
    (_re(rf"^\s*ریال{_P}{_END}|^\s*rials?\b"), "IRR"),
    (_re(rf"^\s*تومان{_P}{_END}|^\s*tomans?\b"), "IRT"),
    # a % followed by two hex digits is URL-encoding (%D8%A7), not a percentage
    (
        _re(
            rf"^\s*(?:درصد|فیصد){_P}{_END}|^\s*%(?![0-9a-f]{{2}})|^\s*per\s*cent\b|"
            r"^\s*percent\b"
        ),
        "percent",
    ),
    (_re(rf"^\s*بشکه{_P}{_END}|^\s*barrels?\b"), "barrels"),
    (_re(rf"^\s*تن{_END}|^\s*(?:metric\s+)?(?:tonnes?|tons?)\b"), "tonnes"),
    (_re(rf"^\s*واگن{_P}{_END}|^\s*wagons?\b|^\s*railcars?\b"), "wagons"),
    (_re(rf"^\s*برابر{_END}|^\s*times\b|^\s*-?fold\b"), "times"),
    (_re(rf"^\s*(?:ماده|نفر|سفارت|کنسولگری){_END}"), "count"),
    (
        _re(
            r"^\s*(?:[a-z]+\s+)?(?:countries|embassies|consulates(?:\s+general)?|representative\s+offices|"
            r"offices|staff(?:\s+members)?|employees|people|diplomats|companies)\b"
        ),
        "count",
    ),
]
_CURRENCY_BEFORE = [
    (_re(r"(?:us\s*\$|\$|usd)\s*$"), "USD"),
    (_re(r"(?:€|eur)\s*$"), "EUR"),
]
# an ordinal followed by one of these is a rank: «یازدهمین اقتصاد», «سومین واردکننده»
_RANK_AFTER = _re(
    r"^\s*(?:اقتصاد|واردکننده|صادرکننده|تولیدکننده|شریک|گروه|بزرگترین|"
    r"largest|biggest|importer|exporter|producer|partner)"
)
# ... or one of these before it: «شریک نخست» (the first partner)
_RANK_BEFORE = _re(r"(?:شریک|partner)\s*$")


def _is_rank(line: _Line, start_norm: int, end_norm: int) -> bool:
    """An ordinal that ranks something: «یازدهمین اقتصاد», «شریک نخست»."""
    before = line.lower[max(0, start_norm - 12) : start_norm]
    return bool(_RANK_AFTER.match(line.lower[end_norm:]) or _RANK_BEFORE.search(before))


_PER_DAY = (_re(r"(?:روزانه|روزی|daily)\s*$"), _re(r"^\s*(?:در\s+روز|(?:a|per)\s+day|/day)"))
_PER_YEAR = (
    _re(r"(?:سالانه|سالی|annually|yearly)\s*$"),
    _re(r"^\s*(?:در\s+سال(?!\s*\d)|(?:a|per)\s+year|/year|annually)"),
)
_DECREASE = _re(
    r"(?<!\w)(?:کاهش|افت|سقوط|انقباض|decline|declined|declining|drop|dropped|fall|fell|"
    r"falling|shrank|shrunk|slumped|slid|plunged|plummeted|tumbled|contracted|decreased|"
    r"contraction|down|сократил\w*|сокращени\w*|снизил\w*|снижени\w*|упал\w*|"
    r"падени\w*|уменьшил\w*|обвалил\w*)(?!\w)"
)
_INCREASE = _re(
    r"(?<!\w)(?:افزایش|رشد|جهش|increase|increased|growth|rise|rose|risen|rising|grew|up|"
    r"jumped|jump|soared|soaring|surged|surge|climbed|expanded|gained|advanced|"
    r"вырос\w*|увеличил\w*|увеличени\w*|рост\w*|прирост\w*|подскочил\w*)"
    r"(?:ی)?(?!\w)"
)
# "9.5% more than in 2017", «۲۰ درصد بیشتر», «на 15% больше»: words of change that count
# only after the number (before it, "more than" qualifies the number instead)
_CHANGE_AFTER = (
    (_re(r"^\s*(?:less|lower|کمتر|меньше|ниже)(?!\w)"), "decrease"),
    (_re(r"^\s*(?:more|higher|بیشتر|больше|выше)(?!\w)"), "increase"),
)
_CLAUSE_BREAK = re.compile(r"[.!?؟؛;،,]")
_WORD_MULTIPLES = {
    "doubled": 2,
    "tripled": 3,
    "quadrupled": 4,
    "twofold": 2,
    "threefold": 3,
    "fourfold": 4,
}
_WORD_MULTIPLE_RE = _re(r"\b(" + "|".join(_WORD_MULTIPLES) + r")\b")
# a quick test before the pattern: every word above contains one of these
_WORD_MULTIPLE_STEMS = ("led", "fold")
# plain unit -> (per day, per year); None where that rate has no unit of its own
_UNIT_OF_PLAIN: dict[str, tuple[str | None, str | None]] = {
    "barrels": ("barrels_per_day", None),
    "tonnes": ("tonnes_per_day", "tonnes_per_year"),
    "wagons": ("wagons_per_day", "wagons_per_year"),
}
_SHARED_GAP = _re(r"^\s*(?:و|and|,|،|to|до|تا)\s*(?:\S+\s+){0,6}?$")
_SHARED_PERCENT_GAP = _re(r"^\s*(?:و|and|,|،|to|до|تا|-|–)\s*$")  # «20 و 50 درصد»


@dataclass(frozen=True)
class Candidate:
    """A number found in a text: where (1-based line and column), the verbatim words, the
    value (and upper bound for a range), unit, kind, qualifier, direction and context."""

    line: int
    column: int
    quote: str
    value: Decimal
    upper: Decimal | None
    unit: str | None
    kind: str
    qualifier: str
    direction: str | None
    context: str
    note: str = ""
    nature: str = "observed"


class _Line:
    """One line, normalized, with maps between original and normalized positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm, self.index = normalized = normalize_text(text)
        self.lower = self.norm.lower()
        self.quantities = quantities_in(text, normalized, self.lower)

    def to_norm(self, original: int) -> int:
        return normalized_position(self.index, original)

    def to_original(self, norm_pos: int) -> int:
        return self.index[min(norm_pos, len(self.index) - 1)]


# All of _UNITS_AFTER in one pattern, a group each: at one position, alternatives are
# tried in order, so the first that matches is the first pattern in the list that does.
_UNIT_AFTER_RE = re.compile(
    "|".join(f"({pattern.pattern})" for pattern, _unit in _UNITS_AFTER), re.IGNORECASE
)


def _unit_after(line: _Line, end_norm: int) -> tuple[str, str, int] | None:
    m = _UNIT_AFTER_RE.match(line.lower[end_norm : end_norm + 80])
    if m is None:
        return None
    _pattern, unit = _UNITS_AFTER[(m.lastindex or 1) - 1]
    return unit, unit_kind(unit), end_norm + m.end()


def _rate(line: _Line, unit: str, start_norm: int, end_norm: int) -> tuple[str, int]:
    """barrels -> barrels_per_day when «روزانه» comes before or "a day" after, etc.
    Returns the unit and the new end (the rate words after the unit belong to the quote)."""
    if unit not in _UNIT_OF_PLAIN:
        return unit, end_norm
    head = line.lower[max(0, start_norm - 20) : start_norm]
    tail = line.lower[end_norm : end_norm + 20]
    per_day, per_year = _UNIT_OF_PLAIN[unit]
    for rate, (before, after) in ((per_day, _PER_DAY), (per_year, _PER_YEAR)):
        if not rate:
            continue
        m = after.match(tail)
        if m:
            return rate, end_norm + m.end()
        if before.search(head):
            return rate, end_norm
    return unit, end_norm


def _direction(line: _Line, start_norm: int, end_norm: int, kind: str) -> str | None:
    """«۱۲ درصد کاهش», «رشد ۱۰۵ درصدی»: the word of change nearest the number, within its
    clause."""
    before = _CLAUSE_BREAK.split(line.lower[max(0, start_norm - 30) : start_norm])[-1]
    after = _CLAUSE_BREAK.split(line.lower[end_norm : end_norm + 30])[0]
    for pattern, change in _CHANGE_AFTER if kind == "percent" else ():
        if pattern.match(after):
            return change
    best: tuple[int, str] | None = None
    for pattern, direction in ((_DECREASE, "decrease"), (_INCREASE, "increase")):
        for m in pattern.finditer(after):
            best = min(best or (m.start(), direction), (m.start(), direction))
        for m in pattern.finditer(before):
            distance = len(before) - m.end()
            best = min(best or (distance, direction), (distance, direction))
    return best[1] if best else None


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return (
        f"{'…' if start > width else ''}{left}{text[start:end]}{right}"
        f"{'…' if end + width < len(text) else ''}"
    )


# What a line holds: (quantity, or None for a word such as "doubled"; unit; kind; start and
# end in the line; note), in order of start
_Finding = tuple[Quantity | None, str | None, str, int, int, str]


def _line_findings(line: _Line) -> list[_Finding]:
    found: list[_Finding] = []
    for q in line.quantities:
        start_n, end_n = line.to_norm(q.start), line.to_norm(q.end - 1) + 1
        unit, kind, start, end = None, "number", q.start, q.end
        after = _unit_after(line, end_n)
        if after is not None:
            unit, kind, end_norm = after
            unit, end_norm = _rate(line, unit, start_n, end_norm)
            end = line.to_original(end_norm - 1) + 1
        else:
            head_from = max(0, start_n - 8)
            for pattern, currency in _CURRENCY_BEFORE:
                m = pattern.search(line.lower[head_from:start_n])
                if m:
                    unit, kind = currency, unit_kind(currency)
                    start = line.to_original(head_from + m.start())
                    break
            if unit is None and q.ordinal and _is_rank(line, start_n, end_n):
                unit, kind = "rank", unit_kind("rank")
        found.append((q, unit, kind, start, end, ""))

    # «270 میلیون و … 637 میلیون دلار», «20 و 50 درصد»: a unit stated once for two figures
    for i, (this, unit, _kind, start, end, _note) in enumerate(found[:-1]):
        nxt, following = found[i + 1], found[i + 1][0]
        if (
            this is not None
            and following is not None
            and unit is None
            and nxt[1] is not None
            and nxt[2] in FIGURE_KINDS
            and (this.has_scale or nxt[2] == "percent")
        ):
            gap = line.text[this.end : following.start]
            shared = (
                _SHARED_PERCENT_GAP if nxt[2] == "percent" and not this.has_scale else _SHARED_GAP
            )
            if shared.match(normalize_text(gap)[0]):
                found[i] = (
                    this,
                    nxt[1],
                    nxt[2],
                    start,
                    end,
                    "unit stated once, with the next figure",
                )

    # words that are multiples on their own: "doubled"
    if any(w in line.lower for w in _WORD_MULTIPLE_STEMS):
        for m in _WORD_MULTIPLE_RE.finditer(line.lower):
            start, end = line.to_original(m.start()), line.to_original(m.end() - 1) + 1
            found.append((None, "times", "multiple", start, end, ""))
    return sorted(found, key=lambda f: f[3])


def _line_candidates(number: int, text: str, include_bare: bool) -> list[Candidate]:
    line = _Line(text)
    out: list[Candidate] = []
    for q, unit, kind, start, end, note in _line_findings(line):
        if kind == "number" and not include_bare:
            continue
        if q is None:  # a multiple in one word
            value = Decimal(
                _WORD_MULTIPLES[line.lower[line.to_norm(start) : line.to_norm(end - 1) + 1]]
            )
            out.append(
                Candidate(
                    number, start + 1, text[start:end], value, None, "times", "multiple",
                    "exact", "increase", _context(text, start, end),
                )
            )  # fmt: skip
            continue
        start_n, end_n = line.to_norm(start), line.to_norm(end - 1) + 1
        qualifier = "range" if q.is_range else _qualifier(line, start_n, end_n)
        direction = (
            _direction(line, start_n, end_n, kind) if kind in {"percent", "multiple"} else None
        )
        out.append(
            Candidate(
                number, start + 1, text[start:end], q.value, q.upper, unit, kind, qualifier,
                direction, _context(text, start, end), note, _nature(line, start_n, end_n),
            )
        )  # fmt: skip
    return out


# «از ۱.۹ میلیارد دلار فراتر رفت», «از مرز ۲ میلیارد دلار عبور کرد»: more than, said after
_FROM_BEFORE = _re(r"(?:^|\s)از(?:\s+مرز)?\s*$")
_BEYOND_AFTER = _re(r"^\s*(?:فراتر|عبور|گذشت|بیشتر شد)")


def _qualifier(line: _Line, start_norm: int, end_norm: int) -> str:
    """The words before the number that qualify it, or more_than for «از X فراتر رفت»."""
    before = qualifier_ending_at(line.lower, start_norm)
    if before is not None:
        return before
    unit = _unit_after(line, end_norm)
    tail = line.lower[unit[2] if unit else end_norm :][:20]
    head = line.lower[max(0, start_norm - 12) : start_norm]
    return "more_than" if _FROM_BEFORE.search(head) and _BEYOND_AFTER.match(tail) else "exact"


# Words in a figure's clause, before it, that make it a target or a forecast, not an
# outcome: "could reach $10 billion", "aims to raise trade to", «هدف», «پیش‌بینی».
_TARGET_BEFORE = _re(
    r"(?<!\w)(?:target(?:s|ed)?|aim(?:s|ed)? to|goal|plan(?:s|ned)? to|wants? to|"
    r"want(?:ed)? to|seeks? to|هدف|قرار است|برنامه|قصد دار\w*|در نظر دار\w*|توافق\w*|"
    r"امیدوار\w*|цель|задач\w*|довести|планиру\w*|намерен\w*|"
    r"стрем\w*)(?!\w)"
)
_FORECAST_BEFORE = _re(
    r"(?<!\w)(?:can|could|would|will|should|may|might|expect(?:s|ed)?|on course to|forecast\w*|"
    r"project(?:s|ed)|set to|پیش بینی|انتظار|می تواند|خواهد|ожида\w*|может|прогноз\w*|"
    r"рассчитыва\w*)(?!\w)"
)


# ... or right after it: "the $200 billion goal", "a $10 billion target", "$100 billion by
# 2030", «… به ۵ میلیارد دلار برسد» (a subjunctive: hoped for, planned or foreseen)
_TARGET_AFTER = _re(
    r"^\s*(?:goal|target|mark\s+set|هدف|целев\w*|(?:in\s+\w+\s+trade\s+)?by\s+(?:19|20)\d\d|"
    r"к\s+(?:19|20)\d\d)(?!\w)"
)
_SUBJUNCTIVE_AFTER = _re(r"^\s*(?:\S+\s+){0,2}?(?:برسد|برسانند|برسانیم|برسیم|بالغ\s+شود)(?!\w)")


def _nature(line: _Line, start_norm: int, end_norm: int) -> str:
    """observed, or target or forecast where the figure's clause says so before it (or
    names a goal right after it); "May" the month is no modal verb."""
    clause = _CLAUSE_BREAK.split(line.lower[max(0, start_norm - 60) : start_norm])[-1]
    unit = _unit_after(line, end_norm)
    after = line.lower[unit[2] if unit else end_norm :][:40]
    if _TARGET_BEFORE.search(clause):
        return "target"
    offset = start_norm - len(clause)
    for m in _FORECAST_BEFORE.finditer(clause):
        at = line.to_original(offset + m.start())
        if m.group() == "may" and line.text[at : at + 1] == "M":
            continue  # "in May", "May 2023": the month
        return "forecast"
    if _TARGET_AFTER.match(after):
        return "target"
    if _SUBJUNCTIVE_AFTER.match(after):  # foreseen if the sentence says so, else wanted
        foreseen = _FORECAST_BEFORE.search(line.lower[max(0, start_norm - 120) : start_norm])
        return "forecast" if foreseen else "target"
    return "observed"


class Spot(NamedTuple):
    """Where a number stands (line 1-based, start and end 0-based in the line) and its
    kind: what accounting for every number in a text needs of a :class:`Candidate`."""

    line: int
    start: int
    end: int
    kind: str


def number_spots(text: str) -> list[Spot]:
    """Every number ``extract(text, include_bare=True)`` finds, as spots: the same
    reading, without the details (value, qualifier, direction, context)."""
    return [
        Spot(number, start, end, kind)
        for number, raw_line in enumerate(text.split("\n"), start=1)
        for _q, _unit, kind, start, end, _note in _line_findings(_Line(raw_line.rstrip("\r")))
    ]


def extract(text: str, *, include_bare: bool = False) -> list[Candidate]:
    """Every candidate figure in ``text``, line by line. With ``include_bare``, numbers
    with no unit (years, dates, page and list numbers…) too, as kind ``number``."""
    out: list[Candidate] = []
    for number, line in enumerate(text.split("\n"), start=1):
        out += _line_candidates(number, line.rstrip("\r"), include_bare)
    return out


def read_text_file(path: Path) -> str:
    """A UTF-8 text, or a :class:`TradestatsError` that says plainly what is wrong."""
    if not path.exists():
        raise TradestatsError(f"{path}: no such file")
    if path.is_dir():
        raise TradestatsError(f"{path}: is a directory; give the text files inside it")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TradestatsError(
            f"{path}: {size:,} bytes is more than the {MAX_FILE_BYTES:,} bytes a text may "
            "have; split it"
        )
    data = path.read_bytes()
    if not data.strip():
        raise TradestatsError(f"{path}: the file is empty")
    if b"\x00" in data[:8192]:
        raise TradestatsError(
            f"{path}: looks like a binary file (it contains NUL bytes), not a text"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TradestatsError(
            f"{path}: not UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); save it as UTF-8"
        ) from exc


def extract_file(path: Path | str, *, include_bare: bool = False) -> list[Candidate]:
    """:func:`extract` on a file, with clear errors for files that are not UTF-8 text."""
    return extract(read_text_file(Path(path)), include_bare=include_bare)


# --- output ----------------------------------------------------------------------------

# The raw transcription's columns, so rows can be pasted into data/raw/figures.csv, then
# what the extractor adds.
RAW_FIGURE_COLUMNS = (
    "figure_id", "source_id", "line", "quote", "category", "subject", "reporter", "partner",
    "flow", "agency_id", "agency_quote", "agency_line", "period", "period_text", "unit",
    "qualifier", "qualifier_quote", "nature", "direction", "note",
)  # fmt: skip
EXTRA_COLUMNS = ("value", "value_upper", "kind", "column", "context", "file")


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def candidate_rows(path_label: str, source_id: str, cands: list[Candidate]) -> list[dict]:
    """One dict per candidate, keyed like data/raw/figures.csv plus the extras."""
    rows = []
    for c in cands:
        row: dict[str, object] = dict.fromkeys(RAW_FIGURE_COLUMNS, "")
        row.update(
            source_id=source_id,
            line=c.line,
            quote=c.quote,
            unit=c.unit or "",
            qualifier=c.qualifier,
            nature=c.nature,
            direction=c.direction or "",
            note=c.note,
            value=_number(c.value),
            value_upper=_number(c.upper),
            kind=c.kind,
            column=c.column,
            context=c.context,
            file=path_label,
        )
        rows.append(row)
    return rows


def per_text(fn: Callable[[_T], _R], items: Sequence[_T], jobs: int = 1) -> list[_R]:
    """``[fn(item) for item in items]``, in ``jobs`` worker processes when more than one
    (the work of each text is its own; results keep their order)."""
    if jobs <= 1 or len(items) < 2:
        return [fn(item) for item in items]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (jobs * 8))))


def extract_files(
    paths: list[Path], *, include_bare: bool = False, jobs: int = 1
) -> list[tuple[Path, list[Candidate]]]:
    """:func:`extract_file` on several files, in ``jobs`` processes. Every file is read
    and checked first, so a bad one stops the run before anything is printed."""
    texts = [read_text_file(p) for p in paths]
    read = partial(extract, include_bare=include_bare)
    return list(zip(paths, per_text(read, texts, jobs), strict=True))


def render_candidates(
    results: list[tuple[Path, list[Candidate]]],
    fmt: str,
    source_ids: dict[Path, str] | None = None,
) -> str:
    """The candidates as a readable table, CSV or JSON. ``source_ids`` gives a file's
    registered source id (default: the file's stem)."""
    ids = source_ids or {}
    import csv
    import io
    import json

    rows = [
        r
        for path, cands in results
        for r in candidate_rows(str(path), ids.get(path, path.stem), cands)
    ]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(
            out, fieldnames=[*RAW_FIGURE_COLUMNS, *EXTRA_COLUMNS], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    lines = []
    for path, cands in results:
        lines.append(f"{path}: {len(cands)} candidate(s)")
        for c in cands:
            value = f"{_number(c.value):,}" + (f"–{_number(c.upper):,}" if c.upper else "")
            qual = "" if c.qualifier == "exact" else f" [{c.qualifier}]"
            change = f" ({c.direction})" if c.direction else ""
            lines.append(
                f"  {c.line:>4}:{c.column:<5} {c.kind:<9} {value:>20} "
                f"{(c.unit or ''):<16}{qual}{change}  «{c.quote}»"
            )
    return "\n".join(lines) + "\n"


_COMMA_NUMBER = re.compile(r"\d+(?:,\d+)+")


def comma_reading(quote: str) -> str | None:
    """How a comma between digits was read, where it could be read two ways: "117,7" (a
    decimal comma: not three digits after it) or "1,219" (thousands: three digits)."""
    m = _COMMA_NUMBER.search(quote)
    if m is None:
        return None
    groups = m.group().split(",")
    if len(groups) == 2 and len(groups[1]) != 3:
        return f"'{m.group()}' read with a decimal comma ({len(groups[1])} digit(s) after it)"
    if len(groups) == 2 and len(groups[0]) <= 3:
        return f"'{m.group()}' read with ',' as a thousands separator (three digits after it)"
    return None
