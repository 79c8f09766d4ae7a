"""Draft trade rows from a text: for each money figure (and each percentage change of
trade), the fields of a trade_flows row, each with the words that decided it.

A draft is for review, never for publishing: a field the text does not settle is left
blank with "not stated" as its evidence, never guessed. The rules are few and plain:

- **agency**: the statistical agency named in the figure's paragraph before it (an
  attribution carries to the figures after it); the reporter is the agency's economy;
- **economies**: names, adjectives and demonyms in the figure's sentence, in order;
- **flow**: the nearest flow word before the figure in its sentence («صادرات»,
  "exports", «экспорт»; imports; turnover words); an exporter is the economy named right
  after an exports word, or the economy the goods go "to" is the importer;
- **period**: a year in the sentence (Gregorian, or Iranian converted), or one the
  ``date`` of the article anchors («امسال», "last year").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import jdatetime

from tradestats.text.extract import Candidate, extract
from tradestats.text.lexicon import AGENCY_WORDS, ECONOMY_WORDS, FLOW_WORDS, NOT_TRADE_WORDS
from tradestats.text.numbers import normalize_text
from tradestats.text.periods import months_named, year_span

__all__ = ["DRAFT_COLUMNS", "DraftRow", "draft_rows", "figure_rows", "render_drafts"]

DRAFT_COLUMNS = (
    "line",
    "column",
    "quote",
    "measure",
    "reporter",
    "partner",
    "flow",
    "exporter",
    "importer",
    "period_start",
    "period_end",
    "value",
    "currency",
    "value_usd_m",
    "qualifier",
    "reporting_agency",
    "nature",
    "evidence",
)
_SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)")
_YEAR = re.compile(r"(?<!\d)(1[3-4]\d\d|19[5-9]\d|20[0-4]\d)(?!\d)")
_RELATIVE = {
    0: (
        "this year",
        "by the end of the year",
        "امسال",
        "تا پایان سال",
        "в этом году",
        "до конца года",
    ),
    -1: ("last year", "سال گذشته", "پارسال", "в прошлом году"),
}
# a year written after these is the base of a comparison, not the figure's period:
# "9.5% more than in 2017", «نسبت به سال ۱۳۹۹», «по сравнению с 2020 годом»
_BASE_BEFORE = re.compile(
    r"(?:than(?:\s+in)?|compared\s+(?:with|to)(?:\s+the\s+year)?|from|against|versus|vs|"
    r"نسبت\s+به(?:\s+سال)?|در\s+مقایسه\s+با(?:\s+سال)?|по\s+сравнению\s+с|против)\s*$"
)
# right after a figure: its period is the year before the sentence's
_YEAR_EARLIER = re.compile(r"^\s*(?:a\s+year\s+(?:earlier|ago|before)|годом\s+ранее|سال\s+قبل)")
_TO = re.compile(r"(?<!\w)(?:to|به|в)(?!\w)")


@dataclass
class DraftRow:
    """One drafted row; ``evidence`` maps a field to the words that decided it."""

    line: int
    column: int
    quote: str
    measure: str
    value: float
    currency: str | None
    qualifier: str
    nature: str
    fields: dict[str, str | None] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    direction: str | None = None

    @property
    def signed_value(self) -> float:
        """The value; a percentage change is negative for a fall («کاهش», "fell")."""
        return -self.value if self.direction == "decrease" else self.value

    def as_dict(self) -> dict[str, object]:
        usd = self.value / 1e6 if self.currency == "USD" and self.measure == "value" else None
        row: dict[str, object] = {
            "line": self.line,
            "column": self.column,
            "quote": self.quote,
            "measure": self.measure,
            "value": self.signed_value,
            "currency": self.currency or "",
            "value_usd_m": usd,
            "qualifier": self.qualifier,
            "nature": self.nature,
        }
        row |= {k: (v or "") for k, v in self.fields.items()}
        row["evidence"] = "; ".join(f"{k}: {v}" for k, v in self.evidence.items())
        return {c: row.get(c, "") for c in DRAFT_COLUMNS}


def _norm(text: str) -> str:
    return normalize_text(text)[0].lower()


class _Vocabulary:
    """Words by key (economy code, flow, agency), found in normalized text with one
    pattern; where two forms start at one place, the longer one is found."""

    def __init__(self, words: dict[str, tuple[str, ...]]) -> None:
        self.forms = {_norm(form): (key, form) for key, forms in words.items() for form in forms}
        longest_first = sorted(self.forms, key=len, reverse=True)
        self.pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, longest_first))})")

    def mentions(self, text: str) -> list[tuple[int, str, str]]:
        """(position, key, the words as declared) of every mention in ``text``."""
        return [(m.start(), *self.forms[m.group()]) for m in self.pattern.finditer(text)]


def _mentions(vocabulary: _Vocabulary, text: str) -> list[tuple[int, str, str]]:
    return vocabulary.mentions(text)


def _sentence(line: str, at: int) -> tuple[int, int]:
    """[start, end) of the sentence of ``line`` that position ``at`` stands in."""
    start = 0
    for m in _SENTENCE_END.finditer(line):
        if m.end() > at:
            return start, m.end()
        start = m.end()
    return start, len(line)


Period = tuple[str | None, str | None, str]  # start, end, the words that decided it


_A_YEAR_EARLIER = " (a year earlier)"  # the period of a comparison's base, in evidence


def _years(text: str) -> list[tuple[int, int]]:
    """(position, year) of every year stated in ``text`` that is not a comparison's base."""
    return [
        (m.start(), int(m.group()))
        for m in _YEAR.finditer(text)
        if not _BASE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    ]


def _period(sentence: str, at: int, end: int, date: dt.date | None) -> Period:
    """The period of a figure at ``at`` in ``sentence``: the year stated nearest it (a
    comparison's base year aside), the part of that year a phrase names, or a year
    relative to the article's ``date``. The figure stands at [at, end) of the sentence."""
    years = _years(sentence)
    part = months_named(sentence)
    if years:
        _pos, year = min(years, key=lambda y: at - y[0] - 4 if y[0] < at else y[0] - end)
        if _YEAR_EARLIER.match(sentence[end:]):
            year, shift = year - 1, _A_YEAR_EARLIER
        else:
            shift = ""
        calendar = "jalali" if year < 1500 else "gregorian"
        applies = part is not None and part.calendar in (None, calendar)
        first, last = (part.first, part.last) if part and applies else (1, 12)
        named = f"{part.words} " if part and applies else ""
        return *year_span(year, first, last), f"{named}{year}{shift}"
    for shift_by, words in _RELATIVE.items():
        hit = next((w for w in words if _RELATIVE_NORM[w] in sentence), None)
        if hit and date is not None:
            return *year_span(date.year + shift_by), f"{hit} (the article's date: {date})"
    return None, None, "not stated"


_RELATIVE_NORM = {w: _norm(w) for words in _RELATIVE.values() for w in words}
_FROM = re.compile(r"(?<!\w)(?:from|از|из)(?!\w)")
_AGENCY_ECONOMY = {name: economy for name, (economy, _words) in AGENCY_WORDS.items()}
_AGENCIES = _Vocabulary({name: words for name, (_economy, words) in AGENCY_WORDS.items()})
_ECONOMIES = _Vocabulary(ECONOMY_WORDS)
_FLOWS = _Vocabulary(FLOW_WORDS)
_NOT_TRADE = _Vocabulary(NOT_TRADE_WORDS)


# between a figure and a flow word after it, these end the figure's item: the flow word
# then starts the next one ("$5.8 billion, while imports …", «… دلار و واردات …»)
_ITEM_BREAK = re.compile(r"[,،;؛]|(?<!\w)(?:و|and|while|whereas|и|а)(?!\w)")
# flow words that are verbs, written at the end of the clause: «… به روسیه صادر کرد»
_FLOW_VERBS = ("صادر کرد", "صادر شد", "وارد کرد", "وارد شد")


def _flow_at(sent: str, at: int, end: int) -> tuple[int, str, str, bool] | None:
    """(position, key, words, a verb after the figure?) of the figure's flow word: the
    nearest to it in the sentence, before it or after it in the same item."""
    options = []
    back = _mentions(_FLOWS, sent[:at])
    if back:
        options.append((at - back[-1][0], back[-1][0], back[-1][1], back[-1][2]))
    ahead = _mentions(_FLOWS, sent[end:])
    if ahead and not _ITEM_BREAK.search(sent[end : end + ahead[0][0]]):
        options.append((ahead[0][0], end + ahead[0][0], ahead[0][1], ahead[0][2]))
    if not options:
        return None
    _distance, pos, key, words = min(options)
    return pos, key, words, pos > at and words in _FLOW_VERBS


def _subject(sent: str, pos: int, words: str) -> str | None:
    """The economy a flow word belongs to: written right before it ("Russian exports",
    "China's imports", "Iran imported") or right after it («صادرات ایران», "Экспорт
    России")."""
    head = sent[max(0, pos - 30) : pos]
    before = _mentions(_ECONOMIES, head)
    if before and re.fullmatch(
        r"\w{0,3}(?:'s)?\s*", head[before[-1][0] + len(_norm(before[-1][2])) :]
    ):
        return before[-1][1]
    end = pos + len(_norm(words))
    after = _mentions(_ECONOMIES, sent[end : end + 30])
    return after[0][1] if after and after[0][0] <= 2 else None


def _sides(sent: str, flow: tuple[int, str, str, bool], at: int) -> tuple[str | None, str | None]:
    """(exporter, importer) a flow phrase names: «صادرات ایران به روسیه», "imports from
    Iran", «به روسیه صادر کرد». A phrase with no economy of its own takes the one of the
    flow phrase before it in the sentence ("Russian exports …, while imports from Iran")."""
    pos, key, words, verb = flow
    if verb:  # a verb at the end: «ترکیه … ۴.۱ میلیارد دلار به روسیه صادر کرد»
        first = _mentions(_ECONOMIES, sent[:at])
        subject = first[0][1] if first else None
    else:
        subject = _subject(sent, pos, words)
        for earlier, _k, w in reversed(_mentions(_FLOWS, sent[:pos])):
            subject = subject or _subject(sent, earlier, w)
    rest = sent[at:] if verb else sent[pos:]
    to, origin = _linked(rest, _TO), _linked(rest, _FROM)  # "to Iran", "from China"
    if key == "exports":
        return subject or origin, to
    return origin, subject or to


def _linked(rest: str, link: re.Pattern[str]) -> str | None:
    """The economy named right after a link word ("to", «به», "из") in a flow phrase."""
    m = link.search(rest[:60])
    if m is None:
        return None
    found = _mentions(_ECONOMIES, rest[m.end() : m.end() + 40])
    return found[0][1] if found else None


def _pair(
    agency: str | None, key: str | None, sides: tuple[str | None, str | None], named: list[str]
) -> tuple[str | None, str | None, str | None]:
    """(reporter, partner, flow from the reporter's side)."""
    exporter, importer = sides
    reporter: str | None
    if agency is not None:
        reporter = _AGENCY_ECONOMY[agency]
    elif key == "exports":
        reporter = exporter
    elif key == "imports":
        reporter = importer
    else:
        reporter = named[0] if named else None
    others = [c for c in (exporter, importer, *named) if c and c != reporter]
    partner = others[0] if others else None
    if key == "turnover" or key is None or reporter is None:
        return reporter, partner, key
    if exporter == reporter or importer == partner:
        return reporter, partner, "exports"
    if importer == reporter or exporter == partner:
        return reporter, partner, "imports"
    if agency is not None and exporter is None and importer is None:
        return reporter, partner, key  # "exports were X", as the agency's economy reports
    return reporter, partner, None


# words that refer back to the economies named before: "the two countries", «دو کشور»
_BACK_REFERENCE = re.compile(
    r"(?<!\w)(?:two countries|both countries|bilateral|the sides|دو کشور|طرفین|стороны|"
    r"двусторонн\w*|обеих стран|двух стран)(?!\w)"
)


def _economies(norm: str, s0: int, s1: int, earlier: list[str]) -> list[str]:
    """The economies a sentence is about: those it names, then ("these two countries")
    those of the sentence before, then those of the nearest earlier line naming two."""
    named = [code for _p, code, _w in _mentions(_ECONOMIES, norm[s0:s1])]
    if len(set(named)) < 2:
        p0, _p1 = _sentence(norm, max(0, s0 - 2))
        named += [code for _p, code, _w in _mentions(_ECONOMIES, norm[p0:s0])]
    if not named or (len(set(named)) < 2 and _BACK_REFERENCE.search(norm[s0:s1])):
        named += earlier  # a sentence naming one economy and an unknown one stays as it is
    return list(dict.fromkeys(named))


def _agency(norm: str, start: int, end: int) -> tuple[str | None, str]:
    """The agency named before the figure in its paragraph (or else the first after it),
    and the words that name it."""
    agencies = _mentions(_AGENCIES, norm[:start]) or _mentions(_AGENCIES, norm[end:])[:1]
    return (agencies[-1][1], agencies[-1][2]) if agencies else (None, "not stated")


def _fields(
    norm: str, span: tuple[int, int], date: dt.date | None, earlier: list[str]
) -> tuple[dict[str, str | None], dict[str, str]]:
    """The drafted fields of the figure at ``span`` of a normalized line, and their
    evidence; ``earlier`` are the economies of the nearest earlier line naming two."""
    start, end = span
    s0, s1 = _sentence(norm, start)
    agency, agency_words = _agency(norm, start, end)
    named = _economies(norm, s0, s1, earlier)
    flow = _flow_at(norm[s0:s1], start - s0, end - s0)
    turnover = flow is None or flow[1] == "turnover"
    sides = (None, None) if turnover else _sides(norm[s0:s1], flow, start - s0)  # type: ignore[arg-type]
    reporter, partner, key = _pair(agency, flow[1] if flow else None, sides, named)
    period = _period(norm[s0:s1], start - s0, end - s0, date)
    if period[0] is None:  # a year stated earlier in the paragraph carries
        period = _period(norm[:s0], s0, s0, date)
        period = (*period[:2], f"{period[2]} (earlier in the paragraph)") if period[0] else period
    fields = {
        "reporter": reporter,
        "partner": partner,
        "flow": key,
        "exporter": reporter if key == "exports" else partner if key == "imports" else None,
        "importer": partner if key == "exports" else reporter if key == "imports" else None,
        "period_start": period[0],
        "period_end": period[1],
        "reporting_agency": agency,
    }
    evidence = {
        "agency": agency_words,
        "economies": ", ".join(named) or "not stated",
        "flow": flow[2] if flow else "not stated",
        "period": period[2],
    }
    return fields, evidence


def _measure(c: Candidate, before: str) -> str | None:
    """What a candidate is drafted as: value (money), growth_percent (a percentage change
    of trade), or None: not drafted (an investment, a share, anything else)."""
    if c.kind != "money" and not (c.kind == "percent" and c.direction):
        return None
    last_flow = max((p for p, _k, _w in _mentions(_FLOWS, before)), default=-1)
    other = {"investment": -1, "share": -1}
    for pos, key, _words in _mentions(_NOT_TRADE, before):
        other[key] = pos
    if c.kind == "money":
        return "value" if other["investment"] <= last_flow else None
    growth = c.kind == "percent" and c.direction and other["share"] < 0
    return "growth_percent" if growth else None


def _row(
    c: Candidate, measure: str, fields: dict[str, str | None], evidence: dict[str, str]
) -> DraftRow:
    currency = c.unit if c.kind == "money" and c.unit != "USD_per_barrel" else None
    return DraftRow(
        line=c.line,
        column=c.column,
        quote=c.quote,
        measure=measure,
        value=float(c.value),
        currency=currency,
        qualifier="target" if c.nature == "target" else c.qualifier,
        nature=c.nature,
        fields=fields,
        evidence=evidence,
        direction=c.direction if measure == "growth_percent" else None,
    )


_COMMA_NUMBER = re.compile(r"\d+(?:,\d+)+")


def _number_reading(quote: str) -> str | None:
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


# words that refer back to the figure before: "the figure", «این رقم», «эта сумма»
_FIGURE_BACK = re.compile(
    r"(?<!\w)(?:the figure|this figure|that figure|the total|این رقم|این میزان|эта сумма|"
    r"этот показатель|показатель)(?!\w)"
)


def _carry_flow(row: DraftRow, last: DraftRow | None, before: str) -> None:
    """A figure whose sentence names no flow but refers back to a figure ("the figure
    stood at", «این رقم») takes the flow of ``last`` (the latest turnover value, else the
    figure before), and its pair where it has none."""
    if row.fields["flow"] or last is None or not _FIGURE_BACK.search(before):
        return
    for name in ("flow", "exporter", "importer"):
        row.fields[name] = last.fields[name]
    if not (row.fields["reporter"] and row.fields["partner"]):
        row.fields["reporter"], row.fields["partner"] = (
            last.fields["reporter"],
            last.fields["partner"],
        )
    row.evidence["flow"] = f"{last.evidence['flow']} (as the figure on line {last.line})"


def _carry_period(row: DraftRow, last: DraftRow | None, previous_line: int) -> None:
    """A figure whose paragraph states no period ("in the period", «در همین دوره») takes
    the period of the figure drafted before it in the same or the previous paragraph; a
    target never does."""
    if row.fields["period_start"] or last is None or row.nature == "target":
        return
    if last.line not in (row.line, previous_line):
        return
    row.fields["period_start"] = last.fields["period_start"]
    row.fields["period_end"] = last.fields["period_end"]
    said = last.evidence["period"]  # a period carried already keeps the line it came from
    carried = "(as the figure on line" in said
    row.evidence["period"] = said if carried else f"{said} (as the figure on line {last.line})"


def _without_headline_repeats(rows: list[DraftRow], text: str) -> list[DraftRow]:
    """A fact the headline (the first line) repeats from the body is drafted once, from
    the body, where its context is."""
    if text.strip().count("\n") == 0:
        return rows
    first = next(i for i, line in enumerate(text.split("\n"), 1) if line.strip())
    body = {(r.measure, r.signed_value, r.currency) for r in rows if r.line != first}
    return [
        r for r in rows if r.line != first or (r.measure, r.signed_value, r.currency) not in body
    ]


def draft_rows(text: str, *, date: dt.date | None = None) -> list[DraftRow]:
    """A draft trade row for every money figure and percentage change of trade in
    ``text``."""
    rows: list[DraftRow] = []
    raw_lines = [line.rstrip("\r") for line in text.split("\n")]
    lines = _NormalizedLines(raw_lines)
    earlier: dict[int, list[str]] = {}  # line -> economies of the nearest line naming two
    last: DraftRow | None = None
    lead: DraftRow | None = None  # the latest turnover value: what "the figure" refers to
    for c in extract(text):
        norm = lines[c.line - 1]
        start = len(_norm(raw_lines[c.line - 1][: c.column - 1]))
        end = start + len(_norm(c.quote))
        measure = _measure(c, norm[_sentence(norm, start)[0] : start])
        if measure is None:
            continue
        if c.line not in earlier:
            earlier[c.line] = _economies_before(lines, c.line)
        fields, evidence = _fields(norm, (start, end), date, earlier[c.line])
        if reading := _number_reading(c.quote):
            evidence["number"] = reading
        row = _row(c, measure, fields, evidence)
        _carry_flow(row, lead or last, norm[_sentence(norm, start)[0] : start])
        _carry_period(row, last, _previous_paragraph(raw_lines, c.line))
        rows.append(row)
        # the next figure may take this one's period: not a target's, nor a comparison's base
        base = _A_YEAR_EARLIER in row.evidence["period"]
        last = row if row.fields["period_start"] and row.nature != "target" and not base else last
        lead = row if row.fields["flow"] == "turnover" and row.measure == "value" else lead
    return _without_headline_repeats(rows, text)


def _previous_paragraph(lines: list[str], number: int) -> int:
    """The number of the nearest non-blank line before line ``number`` (0 if none)."""
    return next((i for i in range(number - 1, 0, -1) if lines[i - 1].strip()), 0)


class _NormalizedLines:
    """A text's lines, each normalized when first asked for (most lines hold no figure)."""

    def __init__(self, raw_lines: list[str]) -> None:
        self.raw = raw_lines
        self.done: dict[int, str] = {}

    def __getitem__(self, index: int) -> str:
        if index not in self.done:
            self.done[index] = _norm(self.raw[index])
        return self.done[index]


def _economies_before(lines: _NormalizedLines, number: int) -> list[str]:
    """The economies of the nearest line before line ``number`` that names two or more."""
    for index in range(number - 2, -1, -1):
        line = lines[index]
        named = list(dict.fromkeys(code for _p, code, _w in _mentions(_ECONOMIES, line)))
        if len(named) >= 2:
            return named
    return []


def render_drafts(results: list[tuple[str, str, list[DraftRow]]], fmt: str) -> str:
    """Drafted rows of (file, source id, rows) as a readable table, CSV or JSON."""
    import csv
    import io
    import json

    rows = [{"file": f, "source_id": sid, **r.as_dict()} for f, sid, rs in results for r in rs]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, ["file", "source_id", *DRAFT_COLUMNS], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    lines = []
    for r in rows:
        pair = f"{r['reporter'] or '?'}→{r['partner'] or '?'} {r['flow'] or '?'}"
        period = f"{r['period_start'] or '?'}..{r['period_end'] or '?'}"
        lines.append(f"{r['file']}:{r['line']:<4} {pair:<22} {period:<24} «{r['quote']}»")
        lines.append(f"      {r['evidence']}")
    return "\n".join(lines) + "\n"


def _raw_period(start: str | None, end: str | None) -> str:
    """A drafted period in the raw notation of data/raw/figures.csv: 2019, 2019-01/2019-09,
    j1400, j1400-01/j1400-09; "unspecified" when the text does not say."""
    if not start or not end:
        return "unspecified"
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    after = last + dt.timedelta(days=1)
    if first.day == 1 and after.day == 1:
        if (first.month, last.month, first.year) == (1, 12, last.year):
            return str(first.year)
        return f"{first:%Y-%m}/{last:%Y-%m}" if first.month != last.month else f"{first:%Y-%m}"
    j_first = jdatetime.date.fromgregorian(date=first)
    j_after = jdatetime.date.fromgregorian(date=after)
    j_last = jdatetime.date.fromgregorian(date=last)
    if j_first.day == 1 and j_after.day == 1:
        if (j_first.month, j_last.month, j_first.year) == (1, 12, j_last.year):
            return f"j{j_first.year}"
        return f"j{j_first.year}-{j_first.month:02d}/j{j_last.year}-{j_last.month:02d}"
    return f"{start}/{end}"


def _draft_note(row: DraftRow) -> str:
    pair = ""
    if row.measure != "value":
        f = row.fields
        pair = f"change of {f['reporter'] or '?'}–{f['partner'] or '?'} {f['flow'] or '?'}; "
    return f"drafted by tradestats extract --rows; {pair}{row.as_dict()['evidence']}"


def figure_rows(
    results: list[tuple[str, str, list[DraftRow]]], agency_ids: dict[str, str], first_id: int
) -> list[dict[str, object]]:
    """Drafted rows as rows of data/raw/figures.csv, numbered from F``first_id``; fields
    a reviewer must still write (subject, and any the text does not settle) are blank.
    A change of trade (category trade_growth) carries its pair and flow where the text
    settles all three, and none of them otherwise, as the raw contract wants."""
    out: list[dict[str, object]] = []
    for number, (_file, source_id, row) in enumerate(
        ((f, sid, r) for f, sid, rs in results for r in rs), start=first_id
    ):
        agency = row.fields.get("reporting_agency")
        trade = {k: row.fields[k] or "" for k in ("reporter", "partner", "flow")}
        if row.measure != "value" and not all(trade.values()):
            trade = dict.fromkeys(trade, "")
        out.append({
            "figure_id": f"F{number:03d}", "source_id": source_id, "line": row.line,
            "quote": row.quote,
            "category": "trade" if row.measure == "value" else "trade_growth", "subject": "",
            **trade, "agency_id": agency_ids.get(agency or "", ""),
            "agency_quote": row.evidence["agency"] if agency else "",
            "period": _raw_period(row.fields["period_start"], row.fields["period_end"]),
            "period_text": "", "unit": row.currency or "percent", "qualifier": row.qualifier,
            "nature": row.nature, "direction": row.direction or "",
            "note": _draft_note(row),
        })  # fmt: skip
    return out
