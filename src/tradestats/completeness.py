"""Prove that no figure was missed: every number the extractor finds in a source text is
either transcribed (data/raw/figures.csv) or excluded with a reason
(data/raw/excluded.csv), and every transcribed figure is found by the extractor.

Also measures the extractor against the hand transcription: precision and recall per
kind of figure.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from dataclasses import dataclass, field

from tradestats.errors import Problem
from tradestats.extraction import FIGURE_KINDS, Candidate, extract
from tradestats.raw_tables import RawData

__all__ = ["Accounting", "QualityRow", "account_for_numbers", "extraction_quality", "figure_kind"]


def figure_kind(unit: str) -> str:
    """The extractor's kind for a transcribed unit."""
    if unit in {"USD", "USD_per_barrel", "EUR", "RUB", "IRR", "IRT"}:
        return "money"
    if unit == "percent":
        return "percent"
    if unit == "times":
        return "multiple"
    return "quantity"


@dataclass
class Accounting:
    """Which candidate matched which figure, and what is unaccounted for."""

    matches: dict[str, list[Candidate]] = field(default_factory=dict)  # figure id -> cands
    excluded: list[Candidate] = field(default_factory=list)
    candidates: list[tuple[str, Candidate]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _span(line: str, quote: str) -> tuple[int, int] | None:
    at = line.find(quote)
    return None if at < 0 else (at, at + len(quote))


_TEXTS: dict[str, list[str]] = {}


def _extract_one(source_id: str) -> list[Candidate]:
    return extract("\n".join(_TEXTS[source_id]), include_bare=True)


def _extract_all(texts: dict[str, list[str]]) -> list[tuple[str, list[Candidate]]]:
    """Every number in every text; on several cores when there are many texts."""
    global _TEXTS
    ids = list(texts)
    jobs = min(os.cpu_count() or 1, len(ids) // 8)
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [(i, extract("\n".join(texts[i]), include_bare=True)) for i in ids]
    _TEXTS = texts  # shared with the forked workers, not pickled
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return list(zip(ids, pool.map(_extract_one, ids, chunksize=16), strict=True))
    finally:
        _TEXTS = {}


def _spans_by_line(
    lines: list[str], rows: list[tuple[int, str, int]]
) -> dict[int, list[tuple[int, int, int]]]:
    """(line, quote, key) rows -> {line: [(start, end, key)]} for the quotes found."""
    out: dict[int, list[tuple[int, int, int]]] = {}
    for line, quote, key in rows:
        if 1 <= line <= len(lines):
            span = _span(lines[line - 1], quote)
            if span:
                out.setdefault(line, []).append((span[0], span[1], key))
    return out


def account_for_numbers(raw: RawData) -> Accounting:
    """Run the extractor (every number, bare ones too) on every source text and account
    for each number. Unaccounted numbers, figures the extractor misses and exclusions
    that match nothing are problems."""
    out = Accounting()
    figures = raw.tables["figures"]
    excluded = raw.tables["excluded"]
    fig_ids = list(figures["figure_id"].astype(str))
    fig_by_source: dict[str, list[tuple[int, str, int]]] = {}
    for i, (sid, line, quote) in enumerate(
        zip(figures["source_id"], figures["line"], figures["quote"], strict=True)
    ):
        fig_by_source.setdefault(str(sid), []).append((int(line), str(quote), i))
    exc_lines = [int(str(i)) for i in excluded.index]
    exc_by_source: dict[str, list[tuple[int, str, int]]] = {}
    for i, (sid, line, quote) in enumerate(
        zip(excluded["source_id"], excluded["line"], excluded["quote"], strict=True)
    ):
        exc_by_source.setdefault(str(sid), []).append((int(line), str(quote), i))
    used_exclusions: set[int] = set()
    files = dict(
        zip(
            raw.tables["sources"]["source_id"].astype(str),
            raw.tables["sources"]["file"].astype(str),
            strict=True,
        )
    )
    for source_id, cands in _extract_all(raw.texts):
        lines = raw.texts[source_id]
        out.candidates += [(source_id, c) for c in cands]
        fig_spans = _spans_by_line(lines, fig_by_source.get(source_id, []))
        exc_spans = _spans_by_line(lines, exc_by_source.get(source_id, []))
        for c in cands:
            start, end = c.column - 1, c.column - 1 + len(c.quote)
            hit = next((k for s, e, k in fig_spans.get(c.line, []) if start < e and s < end), None)
            if hit is not None:
                out.matches.setdefault(fig_ids[hit], []).append(c)
                continue
            # the tightest exclusion that contains the number
            inside = [
                (e - s, k) for s, e, k in exc_spans.get(c.line, []) if s <= start and end <= e
            ]
            if inside:
                used_exclusions.add(min(inside)[1])
                out.excluded.append(c)
            else:
                out.problems.append(
                    Problem(
                        f"data/raw/texts/{files[source_id]}",
                        c.line,
                        None,
                        f"the {c.kind} «{c.quote}» (column {c.column}) is neither transcribed in "
                        "data/raw/figures.csv nor listed in data/raw/excluded.csv",
                    )
                )
    for i, (sid, quote) in enumerate(zip(excluded["source_id"], excluded["quote"], strict=True)):
        if i not in used_exclusions and str(sid) in raw.texts:
            out.problems.append(
                Problem(
                    "data/raw/excluded.csv",
                    exc_lines[i],
                    "quote",
                    f"«{quote}» contains no number the extractor finds; remove the row",
                )
            )
    fig_lines = [int(str(i)) for i in figures.index]
    for i, (fid, sid, quote) in enumerate(
        zip(fig_ids, figures["source_id"], figures["quote"], strict=True)
    ):
        if fid not in out.matches and str(sid) in raw.texts:
            out.problems.append(
                Problem(
                    "data/raw/figures.csv",
                    fig_lines[i],
                    "quote",
                    f"the extractor finds no number in «{quote}»",
                )
            )
    return out


@dataclass(frozen=True)
class QualityRow:
    """Precision and recall of the extractor for one kind of figure."""

    kind: str
    transcribed: int
    found: int
    candidates: int
    true_positives: int

    @property
    def recall(self) -> float:
        return self.found / self.transcribed if self.transcribed else 1.0

    @property
    def precision(self) -> float:
        return self.true_positives / self.candidates if self.candidates else 1.0


def extraction_quality(raw: RawData, accounting: Accounting | None = None) -> list[QualityRow]:
    """Per kind: how many transcribed figures the extractor finds with the right kind
    (recall), and how many of its candidates of that kind are transcribed figures
    (precision)."""
    acc = accounting or account_for_numbers(raw)
    figures = raw.tables["figures"].set_index("figure_id")
    kinds = {fid: figure_kind(str(figures.loc[fid, "unit"])) for fid in figures.index}
    transcribed = Counter(kinds.values())
    found = Counter(
        kinds[fid] for fid, cands in acc.matches.items() if any(c.kind == kinds[fid] for c in cands)
    )
    matched_ids = {id(c) for cands in acc.matches.values() for c in cands}
    candidates = Counter(c.kind for _, c in acc.candidates if c.kind in FIGURE_KINDS)
    true_pos = Counter(
        c.kind for _, c in acc.candidates if c.kind in FIGURE_KINDS and id(c) in matched_ids
    )
    return [
        QualityRow(k, transcribed[k], found[k], candidates[k], true_pos[k]) for k in FIGURE_KINDS
    ]
