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
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from tradestats.contract.drafts import DRAFT_COLUMNS
from tradestats.text.attribution import AGENCIES, AGENCY_ECONOMY, agency_at, carries
from tradestats.text.extract import Candidate, comma_reading, extract
from tradestats.text.lexicon import (
    ECONOMY_WORDS,
    FLOW_WORDS,
    NOT_TRADE_WORDS,
    Vocabulary,
    other_economy_words,
)
from tradestats.text.measures import Measured, balance_at, change_at
from tradestats.text.normalize import normalize_text, normalized_position
from tradestats.text.periods import (
    A_YEAR_EARLIER,
    BASE_WORDS_BEFORE,
    SAME_PERIOD,
    Anchor,
    Dateline,
    Period,
    YearPart,
    dateline,
    figure_period,
    nearest,
    part_of,
    parts_named,
    text_calendar,
    year_anchors,
    years_before,
)

__all__ = ["DRAFT_COLUMNS", "DraftRow", "draft_rows"]

_SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)")
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
        """The value; a change is negative for a fall («کاهش», "fell"), a balance for a
        deficit."""
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


_REACH = 400  # characters: how far from a figure its sentence is read, however long


def _sentence(line: str, at: int) -> tuple[int, int]:
    """[start, end) of the sentence of ``line`` that position ``at`` stands in, at most
    ``_REACH`` characters either side of it (so a figure costs the same wherever it
    stands on a long line)."""
    start = max(0, at - _REACH)
    for m in _SENTENCE_END.finditer(line, start, min(len(line), at + _REACH)):
        if m.end() > at:
            return start, m.end()
        start = m.end()
    return start, min(len(line), at + _REACH)


_FROM = re.compile(r"(?<!\w)(?:from|از|из)(?!\w)")
_ECONOMIES = Vocabulary(ECONOMY_WORDS | other_economy_words())
_FLOWS = Vocabulary(FLOW_WORDS)
_NOT_TRADE = Vocabulary(NOT_TRADE_WORDS)


# between a figure and a flow word after it, these end the figure's item: the flow word
# then starts the next one ("$5.8 billion, while imports …", «… دلار و واردات …»)
_ITEM_BREAK = re.compile(r"[,،;؛]|(?<!\w)(?:و|and|while|whereas|и|а)(?!\w)")
# flow words that are verbs, written at the end of the clause: «… به روسیه صادر کرد»
_FLOW_VERBS = ("صادر کرد", "صادر شد", "وارد کرد", "وارد شد")


def _flow_at(sent: str, at: int, end: int) -> tuple[int, str, str, bool] | None:
    """(position, key, words, a verb after the figure?) of the figure's flow word: the
    nearest to it in the sentence, before it or after it in the same item."""
    options = []
    back = _FLOWS.mentions(sent[:at])
    if back:
        options.append((at - back[-1][0], back[-1][0], back[-1][1], back[-1][2]))
    ahead = _FLOWS.mentions(sent[end:])
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
    before = _ECONOMIES.mentions(head)
    if before and re.fullmatch(
        r"\w{0,3}(?:'s)?\s*", head[before[-1][0] + len(_norm(before[-1][2])) :]
    ):
        return before[-1][1]
    end = pos + len(_norm(words))
    after = _ECONOMIES.mentions(sent[end : end + 30])
    return after[0][1] if after and after[0][0] <= 2 else None


def _sides(sent: str, flow: tuple[int, str, str, bool], at: int) -> tuple[str | None, str | None]:
    """(exporter, importer) a flow phrase names: «صادرات ایران به روسیه», "imports from
    Iran", «به روسیه صادر کرد». A phrase with no economy of its own takes the one of the
    flow phrase before it in the sentence ("Russian exports …, while imports from Iran")."""
    pos, key, words, verb = flow
    if verb:  # a verb at the end: «ترکیه … ۴.۱ میلیارد دلار به روسیه صادر کرد»
        first = _ECONOMIES.mentions(sent[:at])
        subject = first[0][1] if first else None
    else:
        subject = _subject(sent, pos, words)
        for earlier, _k, w in reversed(_FLOWS.mentions(sent[:pos])):
            subject = subject or _subject(sent, earlier, w)
    rest = sent[at:] if verb else sent[pos:]
    to, origin = _linked(rest, _TO), _linked(rest, _FROM)  # "to Iran", "from China"
    if key == "exports":
        return subject or origin, to
    return origin, subject or to


def _other_side(
    sides: tuple[str | None, str | None], key: str | None, about: list[str]
) -> tuple[str | None, str | None]:
    """A flow phrase naming one side ("imports from Russia") takes as its other side the
    other economy of the pair its sentence, or the paragraph before, is about."""
    exporter, importer = sides
    if key not in ("exports", "imports") or (exporter is None) == (importer is None):
        return sides
    known = exporter or importer
    other = next((e for e in about if e != known), None)
    return (exporter, other) if importer is None else (other, importer)


def _linked(rest: str, link: re.Pattern[str]) -> str | None:
    """The economy named right after a link word ("to", «به», "из") in a flow phrase."""
    m = link.search(rest[:60])
    if m is None:
        return None
    found = _ECONOMIES.mentions(rest[m.end() : m.end() + 40])
    return found[0][1] if found else None


def _pair(
    agency: str | None, key: str | None, sides: tuple[str | None, str | None], named: list[str]
) -> tuple[str | None, str | None, str | None]:
    """(reporter, partner, flow from the reporter's side)."""
    exporter, importer = sides
    reporter: str | None
    if agency is not None:
        reporter = AGENCY_ECONOMY[agency]
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


# words that make a flow with no partner named a country's trade with the world
_WORLD = re.compile(
    r"(?<!\w)(?:overall|total|merchandise|global|worldwide|external\s+trade|внешнеторгов\w*|"
    r"внешн\w+\s+торгов\w*|совокупн\w*|کل\s+(?:صادرات|واردات|تجارت)|مجموع\s+(?:صادرات|واردات))"
    r"(?!\w)"
)
# words that refer back to the economies named before: "the two countries", «دو کشور»
_BACK_REFERENCE = re.compile(
    r"(?<!\w)(?:two countries|both countries|bilateral|the sides|دو کشور|طرفین|стороны|"
    r"двусторонн\w*|обеих стран|двух стран)(?!\w)"
)


def _economies(norm: str, s0: int, s1: int, earlier: list[str]) -> list[str]:
    """The economies a sentence is about: those it names, then ("these two countries")
    those of the sentence before, then those of the nearest earlier line naming two."""
    named = [code for _p, code, _w in _ECONOMIES.mentions(norm[s0:s1])]
    if len(set(named)) < 2:
        p0, _p1 = _sentence(norm, max(0, s0 - 2))
        named += [code for _p, code, _w in _ECONOMIES.mentions(norm[p0:s0])]
    if not named or (len(set(named)) < 2 and _BACK_REFERENCE.search(norm[s0:s1])):
        named += earlier  # a sentence naming one economy and an unknown one stays as it is
    named = list(dict.fromkeys(named))
    # "Türkiye's foreign trade with Russia": the world only where no partner is named
    return [e for e in named if e != "WLD"] if len(set(named) - {"WLD"}) >= 2 else named


@dataclass(frozen=True)
class _Context:
    """What a text says of itself: its date (given, or its dateline's), the calendar
    its relative years count in, and its dateline (whose date is no figure's period)."""

    date: dt.date | None
    calendar: str
    dateline: Dateline | None
    date_said: str  # where the date comes from, for the evidence
    lines: _NormalizedLines

    def sentence(self, norm: str, number: int, at: int) -> tuple[int, int]:
        """The sentence of position ``at`` on line ``number``, the dateline left out."""
        s0, s1 = _sentence(norm, at)
        if self.dateline and self.dateline.line == number and s0 < self.dateline.end <= at:
            s0 = self.dateline.end
        return s0, s1


def _period(norm: str, sentence: tuple[int, int], span: tuple[int, int], c: _Context) -> Period:
    """The figure's period: the year its sentence states or implies nearest it, else the
    last one stated earlier in its paragraph; and the part of that year named with it."""
    s0, s1 = sentence
    at, end = span[0] - s0, span[1] - s0
    text = norm[s0:s1]
    parts = c.lines.parts_of(text)
    anchors = year_anchors(text, c.date, c.calendar, at, c.date_said)
    if anchors:
        return figure_period(text, at, end, nearest(anchors, at, end), parts)
    skip = c.dateline.end if c.dateline and s0 >= c.dateline.end else 0
    earlier = year_anchors(norm[max(skip, s0 - _REACH) : s0], c.date, c.calendar, None, c.date_said)
    if not earlier and parts and c.date is not None:  # "за девять месяцев": the latest such
        part = nearest(parts, at, end)[1]
        year = c.date.year - (part.last > c.date.month)
        found = figure_period(text, at, end, Anchor(-1, year, "gregorian", str(year)), parts)
        return *found[:2], f"{found[2]} (the latest before {c.date_said}: {c.date})"
    if not earlier:
        return None, None, "not stated"
    found = figure_period(text, at, end, earlier[-1]._replace(pos=-1), parts)
    return *found[:2], f"{found[2]} (earlier in the paragraph)"


def _fields(
    norm: str, span: tuple[int, int], context: _Context, earlier: list[str], number: int
) -> tuple[dict[str, str | None], dict[str, str]]:
    """The drafted fields of the figure at ``span`` of normalized line ``number``, and
    their evidence; ``earlier`` are the economies of the nearest earlier line naming two."""
    start, end = span
    s0, s1 = context.sentence(norm, number, start)
    agency, agency_words = agency_at(context.lines.agencies(number), start, end)
    prior = context.lines.agency_before(number) if agency is None else None
    if prior and carries(norm[s0:s1], number - prior[2]):
        agency, agency_words = prior[0], f"{prior[1]} (named on line {prior[2]})"
    named = _economies(norm, s0, s1, earlier)
    flow = _flow_at(norm[s0:s1], start - s0, end - s0)
    turnover = flow is None or flow[1] == "turnover"
    sides = (None, None) if turnover else _sides(norm[s0:s1], flow, start - s0)  # type: ignore[arg-type]
    sides = _other_side(
        sides, flow[1] if flow else None, [*named, *(e for e in earlier if e != "WLD")]
    )
    reporter, partner, key = _pair(agency, flow[1] if flow else None, sides, named)
    if partner is None and reporter and _WORLD.search(norm[s0:s1]):  # "overall exports"
        partner = "WLD"
    period = _period(norm, (s0, s1), span, context)
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


def _measure(c: Candidate, sentence: str, at: int, end: int) -> tuple[str, Measured | None] | None:
    """What a candidate is drafted as: value (money), balance or change (money, with its
    sign), growth_percent (a percentage change of trade), or None: not drafted (an
    investment, a share, anything else)."""
    kind = _kind(c, sentence[:at])
    if kind != "value":
        return (kind, None) if kind else None
    measured = balance_at(sentence, at, end) or change_at(sentence, at, end)
    return (measured.measure, measured) if measured else ("value", None)


def _kind(c: Candidate, before: str) -> str | None:
    if c.kind == "multiple" and c.direction and c.unit == "times":
        return "growth_percent"  # "doubled", «دو برابر»: a change of 100%
    if c.kind != "money" and not (c.kind == "percent" and c.direction):
        return None
    last_flow = max((p for p, _k, _w in _FLOWS.mentions(before)), default=-1)
    other = {"investment": -1, "share": -1}
    for pos, key, _words in _NOT_TRADE.mentions(before):
        other[key] = pos
    if c.kind == "money":
        return "value" if other["investment"] <= last_flow else None
    growth = c.kind == "percent" and c.direction and other["share"] < 0
    return "growth_percent" if growth else None


def _as_measured(
    fields: dict[str, str | None],
    evidence: dict[str, str],
    how: Measured,
    said: tuple[str, list[str]],
) -> None:
    """A balance is the reporter's (an agency's economy, else the economy named last
    before the balance word: "left China with a deficit"), with no direction of goods;
    its partner the other economy named, or the other of the pair the paragraph before
    is about (``said``: the sentence before the figure, and that pair)."""
    before, earlier = said
    evidence["measure"] = how.words
    if how.measure != "balance":
        return
    named = [code for _p, code, _w in _ECONOMIES.mentions(before)]
    owner = fields["reporter"] if fields["reporting_agency"] else (named[-1] if named else None)
    pair = [fields["reporter"], fields["partner"], fields["exporter"], fields["importer"]]
    about = [e for e in evidence["economies"].split(", ") if len(e) == 3]
    others = [e for e in dict.fromkeys([*pair, *named, *about, *earlier]) if e and e != owner]
    fields |= {"reporter": owner, "partner": others[0] if others and owner else None}
    fields |= {"flow": "balance", "exporter": None, "importer": None}
    evidence["flow"] = how.words


def _row(
    c: Candidate,
    measured: tuple[str, Measured | None],
    fields: dict[str, str | None],
    evidence: dict[str, str],
) -> DraftRow:
    measure, how = measured
    currency = c.unit if c.kind == "money" and c.unit != "USD_per_barrel" else None
    direction = c.direction if measure == "growth_percent" else None
    if how is not None:
        direction = "decrease" if how.sign < 0 else "increase"
    value = (float(c.value) - 1) * 100 if c.kind == "multiple" else float(c.value)
    return DraftRow(
        line=c.line,
        column=c.column,
        quote=c.quote,
        measure=measure,
        value=value,
        currency=currency,
        qualifier="target" if c.nature == "target" else c.qualifier,
        nature=c.nature,
        fields=fields,
        evidence=evidence,
        direction=direction,
    )


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


def _carry_period(
    row: DraftRow, last: DraftRow | None, previous_line: int, sentence: str, at: int
) -> None:
    """A figure whose paragraph states no period ("in the period", «در همین دوره») takes
    the period of the figure drafted before it in the same or the previous paragraph (a
    target never does), or the year of it a month its sentence names ("in December
    alone"); "the same period last year" takes that period a year before."""
    same = SAME_PERIOD.search(sentence[max(0, at - 60) : at])
    if same and BASE_WORDS_BEFORE.search(sentence[max(0, at - 60) : at][: same.start()][-20:]):
        same = None  # "up 10% from the same period last year": the base of another figure
    if row.nature == "target" or last is None or last.line not in (row.line, previous_line):
        return
    if row.fields["period_start"] and not same:
        return
    start, end = last.fields["period_start"], last.fields["period_end"]
    if start is None or end is None:
        return
    said = last.evidence["period"]  # a period carried already keeps the line it came from
    parts = [p for p in parts_named(sentence) if p[0] < at or not same]
    if same:
        start, end = years_before(start, 1), years_before(end, 1)
        said = f"{same.group()}: {said}{A_YEAR_EARLIER}"  # a base: no later figure takes it
    elif parts:
        start, end, said = part_of(start, nearest(parts, at, at)[1], said)
    row.fields["period_start"], row.fields["period_end"] = start, end
    carried = "(as the figure on line" in said
    row.evidence["period"] = said if carried else f"{said} (as the figure on line {last.line})"


def _without_headline_repeats(rows: list[DraftRow], text: str) -> list[DraftRow]:
    """A fact the headline (the first line) repeats from the body is drafted once, from
    the body, where its context is; a headline may round the body's figure ("$1.6
    billion" for 1,650 million): within half a unit of its last digit, it is the same."""
    if text.strip().count("\n") == 0:
        return rows
    first = next(i for i, line in enumerate(text.split("\n"), 1) if line.strip())
    body = [(r.measure, r.currency, r.signed_value) for r in rows if r.line != first]

    def repeats(r: DraftRow) -> bool:
        exponent = Decimal(repr(abs(r.signed_value))).normalize().as_tuple().exponent
        half = 10.0**exponent / 2 if isinstance(exponent, int) else 0.0
        return any(
            (m, c) == (r.measure, r.currency) and abs(v - r.signed_value) <= half
            for m, c, v in body
        )

    return [r for r in rows if r.line != first or not repeats(r)]


def draft_rows(
    text: str, *, date: dt.date | None = None, date_said: str = "the article's date"
) -> list[DraftRow]:
    """A draft trade row for every money figure and percentage change of trade in
    ``text``. ``date`` (else the date of the text's dateline) anchors "last year" and
    «امسال»; ``date_said`` says where it comes from, in the evidence."""
    rows: list[DraftRow] = []
    raw_lines = [line.rstrip("\r") for line in text.split("\n")]
    lines = _NormalizedLines(raw_lines)
    head = [lines[i] for i in range(min(len(raw_lines), 4))]
    stated = dateline(head)
    if date is None and stated is not None and stated.date is not None:
        date, date_said = stated.date, f"the date on line {stated.line}"
    context = _Context(date, text_calendar(head), stated, date_said, lines)
    earlier: dict[int, list[str]] = {}  # line -> economies of the nearest line naming two
    last: DraftRow | None = None
    lead: DraftRow | None = None  # the latest turnover value: what "the figure" refers to
    for c in extract(text):
        norm = lines[c.line - 1]
        start = lines.position(c.line, c.column)
        end = lines.position(c.line, c.column + len(c.quote))
        s0, s1 = context.sentence(norm, c.line, start)
        measured = _measure(c, norm[s0:s1], start - s0, end - s0)
        if measured is None:
            continue
        if c.line not in earlier:
            earlier[c.line] = _economies_before(lines, c.line)
        fields, evidence = _fields(norm, (start, end), context, earlier[c.line], c.line)
        if reading := comma_reading(c.quote):
            evidence["number"] = reading
        if measured[1] is not None:
            _as_measured(fields, evidence, measured[1], (norm[s0:start], earlier[c.line]))
        row = _row(c, measured, fields, evidence)
        _carry_flow(row, lead or last, norm[s0:start])
        _carry_period(row, last, _previous_paragraph(raw_lines, c.line), norm[s0:s1], start - s0)
        rows.append(row)
        # the next figure may take this one's period: not a target's, nor a comparison's base
        base = A_YEAR_EARLIER in row.evidence["period"]
        last = row if row.fields["period_start"] and row.nature != "target" and not base else last
        lead = row if row.fields["flow"] == "turnover" and row.measure == "value" else lead
    return _without_headline_repeats(rows, text)


def _previous_paragraph(lines: list[str], number: int) -> int:
    """The number of the nearest non-blank line before line ``number`` (0 if none)."""
    return next((i for i in range(number - 1, 0, -1) if lines[i - 1].strip()), 0)


class _NormalizedLines:
    """A text's lines, each normalized when first asked for (most lines hold no figure),
    with what drafting reads of a whole line worked out once: where each original
    column stands in it, and the agencies it names."""

    def __init__(self, raw_lines: list[str]) -> None:
        self.raw = raw_lines
        self.done: dict[int, str] = {}
        self.maps: dict[int, Sequence[int]] = {}
        self.named: dict[int, list[tuple[int, str, str]]] = {}
        self.parts: dict[str, list[tuple[int, YearPart]]] = {}

    def __getitem__(self, index: int) -> str:
        if index not in self.done:
            norm, where = normalize_text(self.raw[index])
            lowered = norm.lower()
            if len(lowered) != len(norm):  # "İ" lowers to two characters: keep it as it is
                lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm)
            self.done[index], self.maps[index] = lowered, where
        return self.done[index]

    def position(self, number: int, column: int) -> int:
        """Where 1-based ``column`` of line ``number`` stands in the normalized line."""
        self[number - 1]
        return normalized_position(self.maps[number - 1], column - 1)

    def agencies(self, number: int) -> list[tuple[int, str, str]]:
        """The agencies line ``number`` names, in order: (position, name, words)."""
        if number not in self.named:
            self.named[number] = AGENCIES.mentions(self[number - 1])
        return self.named[number]

    def parts_of(self, sentence: str) -> list[tuple[int, YearPart]]:
        """The parts of a year a sentence names, read once for all its figures."""
        if sentence not in self.parts:
            self.parts[sentence] = parts_named(sentence)
        return self.parts[sentence]

    def agency_before(self, number: int) -> tuple[str, str, int] | None:
        """The agency named last on one of the ten lines before line ``number``: (name,
        words, line); an attribution further back does not carry."""
        for n in range(number - 1, max(0, number - 11), -1):
            found = self.agencies(n)
            if found:
                return found[-1][1], found[-1][2], n
        return None


def _economies_before(lines: _NormalizedLines, number: int) -> list[str]:
    """The economies of the nearest line before line ``number`` that names two or more."""
    for index in range(number - 2, -1, -1):
        line = lines[index]
        named = list(dict.fromkeys(code for _p, code, _w in _ECONOMIES.mentions(line)))
        if len(named) >= 2:
            return named
    return []
