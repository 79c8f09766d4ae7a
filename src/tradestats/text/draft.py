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
from tradestats.text.lexicon import AGENCY_WORDS, ECONOMY_WORDS, FLOW_WORDS
from tradestats.text.numbers import normalize_text

__all__ = ["DRAFT_COLUMNS", "DraftRow", "draft_rows"]

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
    0: ("this year", "امسال", "в этом году"),
    -1: ("last year", "سال گذشته", "پارسال", "в прошлом году"),
}
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

    def as_dict(self) -> dict[str, object]:
        usd = self.value / 1e6 if self.currency == "USD" and self.measure == "value" else None
        row: dict[str, object] = {
            "line": self.line,
            "column": self.column,
            "quote": self.quote,
            "measure": self.measure,
            "value": self.value,
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


def _mentions(words: dict[str, tuple[str, ...]], text: str) -> list[tuple[int, str, str]]:
    """(position, key, the words) of every mention in ``text`` (normalized), in order."""
    found = []
    for key, forms in words.items():
        for form in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(_norm(form))}", text):
                found.append((m.start(), key, form))
    return sorted(found)


def _sentence(line: str, at: int) -> tuple[int, int]:
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(line) if m.end() <= at]
    ends = [m.end() for m in _SENTENCE_END.finditer(line) if m.end() > at] + [len(line)]
    return starts[-1], ends[0]


# «شش ماهه اول سال 1400», "first half of 2021": the first months of a year
_FIRST_MONTHS = re.compile(
    r"(?P<n>سه|شش|نه|یازده|3|6|9)\s*ماهه\s*(?:اول|نخست)|(?P<half>first half|h1)(?!\w)"
)
_MONTH_WORDS = {"سه": 3, "شش": 6, "نه": 9, "یازده": 11}


def _months(sentence: str) -> tuple[int, str] | None:
    """How many first months of the year the sentence's period covers, and the words."""
    m = _FIRST_MONTHS.search(sentence)
    if m is None:
        return None
    if m["half"]:
        return 6, m.group()
    return int(m["n"]) if m["n"].isdigit() else _MONTH_WORDS[m["n"]], m.group()


def _year_span(year: int, months: int) -> tuple[str, str]:
    """The first ``months`` months of a Gregorian or (below 1500) an Iranian year."""
    if year < 1500:  # an Iranian year, converted exactly
        start = jdatetime.date(year, 1, 1).togregorian()
        after = jdatetime.date(year + months // 12, months % 12 + 1, 1).togregorian()
    else:
        start = dt.date(year, 1, 1)
        after = dt.date(year + months // 12, months % 12 + 1, 1)
    return start.isoformat(), (after - dt.timedelta(days=1)).isoformat()


def _period(sentence: str, date: dt.date | None) -> tuple[str | None, str | None, str]:
    years = _YEAR.findall(sentence)  # the last one stated before the figure
    if years:
        months = _months(sentence)
        start, end = _year_span(int(years[-1]), months[0] if months else 12)
        return start, end, (f"{months[1]} " if months else "") + years[-1]
    for shift, words in _RELATIVE.items():
        hit = next((w for w in words if _norm(w) in sentence), None)
        if hit and date is not None:
            start, end = _year_span(date.year + shift, 12)
            return start, end, f"{hit} (the article's date: {date})"
    return None, None, "not stated"


def _flow(before: str, after: str) -> tuple[str | None, str | None, str | None, str]:
    """(flow word's key, exporter, importer, evidence) from the sentence before and after
    the figure."""
    flows = _mentions(FLOW_WORDS, before)
    if not flows:
        return None, None, None, "not stated"
    pos, key, words = flows[-1]
    if key == "turnover":
        return key, None, None, words
    named = _mentions(ECONOMY_WORDS, before[pos:])
    exporter = named[0][1] if named and named[0][0] < len(_norm(words)) + 3 else None
    to = _TO.search(before[pos:] + " " + after[:40])
    importer = None
    if to is not None:
        rest = _mentions(ECONOMY_WORDS, (before[pos:] + " " + after[:40])[to.end() :])
        importer = rest[0][1] if rest else None
    return key, exporter, importer, words


_FROM = re.compile(r"(?<!\w)(?:from|از|из)(?!\w)")
_AGENCY_ECONOMY = {name: economy for name, (economy, _words) in AGENCY_WORDS.items()}
_AGENCY_FORMS = {name: words for name, (_economy, words) in AGENCY_WORDS.items()}


def _nearest_flow(before: str, after: str) -> tuple[str, str, str] | None:
    """(key, the words, the text from them on) of the flow word nearest the figure."""
    back = _mentions(FLOW_WORDS, before)
    ahead = _mentions(FLOW_WORDS, after)
    options = []
    if back:
        options.append((len(before) - back[-1][0], back[-1], before[back[-1][0] :] + after))
    # a flow word after the figure is its own unless a conjunction comes first («و», "and"):
    # then it starts the next item ("X and imports of Y")
    if ahead and not re.match(r"\s*(?:و|and|,|،|и)\s", after[: ahead[0][0] + 1]):
        options.append((ahead[0][0], ahead[0], after[ahead[0][0] :]))
    if not options:
        return None
    _distance, (_pos, key, words), rest = min(options, key=lambda o: o[0])
    return key, words, rest


def _sides(key: str, words: str, rest: str) -> tuple[str | None, str | None]:
    """(exporter, importer) that a flow phrase names: «صادرات ایران به روسیه»,
    «واردات از ایران», "exports to Iran"."""
    named = _mentions(ECONOMY_WORDS, rest[: len(_norm(words)) + 25])
    subject = named[0][1] if named and named[0][0] <= len(_norm(words)) + 2 else None
    link = (_TO if key == "exports" else _FROM).search(rest[:60])
    other = None
    if link is not None:
        found = _mentions(ECONOMY_WORDS, rest[link.end() : link.end() + 40])
        other = found[0][1] if found else None
    return (subject, other) if key == "exports" else (other, subject)


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


def _fields(
    norm: str, start: int, end: int, date: dt.date | None
) -> tuple[dict[str, str | None], dict[str, str]]:
    """The drafted fields of the figure at [start, end) of a normalized line, and their
    evidence."""
    s0, s1 = _sentence(norm, start)
    agencies = _mentions(_AGENCY_FORMS, norm[:start]) or _mentions(_AGENCY_FORMS, norm[end:])[:1]
    agency = agencies[-1][1] if agencies else None
    named = list(dict.fromkeys(code for _p, code, _w in _mentions(ECONOMY_WORDS, norm[s0:s1])))
    if len(named) < 2:  # "these two countries": the economies of the sentence before
        p0, _p1 = _sentence(norm, max(0, s0 - 2))
        earlier = [code for _p, code, _w in _mentions(ECONOMY_WORDS, norm[p0:s0])]
        named = list(dict.fromkeys([*named, *earlier]))
    flow = _nearest_flow(norm[s0:start], norm[end:s1])
    sides = _sides(*flow) if flow and flow[0] != "turnover" else (None, None)
    reporter, partner, key = _pair(agency, flow[0] if flow else None, sides, named)
    period_start, period_end, period_words = _period(norm[s0:s1], date)
    if period_start is None:  # a year stated earlier in the paragraph carries
        period_start, period_end, period_words = _period(norm[:s0], date)
        if period_start is not None:
            period_words += " (earlier in the paragraph)"
    fields = {
        "reporter": reporter,
        "partner": partner,
        "flow": key,
        "exporter": reporter if key == "exports" else partner if key == "imports" else None,
        "importer": partner if key == "exports" else reporter if key == "imports" else None,
        "period_start": period_start,
        "period_end": period_end,
        "reporting_agency": agency,
    }
    evidence = {
        "agency": agencies[-1][2] if agencies else "not stated",
        "economies": ", ".join(named) or "not stated",
        "flow": flow[1] if flow else "not stated",
        "period": period_words,
    }
    if partner is None or reporter is None:
        fields["reporter" if reporter is None else "partner"] = None
    return fields, evidence


def _is_trade(c: Candidate) -> str | None:
    """The measure a candidate is drafted as: value (money), growth_percent (a percentage
    change), or None (not drafted)."""
    if c.kind == "money":
        return "value"
    return "growth_percent" if c.kind == "percent" and c.direction else None


def draft_rows(text: str, *, date: dt.date | None = None) -> list[DraftRow]:
    """A draft trade row for every money figure and percentage change in ``text``."""
    rows = []
    lines = text.split("\n")
    for c in extract(text):
        measure = _is_trade(c)
        if measure is None:
            continue
        raw_line = lines[c.line - 1].rstrip("\r")
        norm = _norm(raw_line)
        start = len(_norm(raw_line[: c.column - 1]))
        fields, evidence = _fields(norm, start, start + len(_norm(c.quote)), date)
        currency = c.unit if c.kind == "money" else None
        rows.append(
            DraftRow(
                c.line,
                c.column,
                c.quote,
                measure,
                float(c.value),
                currency if currency != "USD_per_barrel" else None,
                "target" if c.nature == "target" else c.qualifier,
                c.nature,
                fields,
                evidence,
            )
        )
    return rows


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
