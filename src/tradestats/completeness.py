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
from typing import TYPE_CHECKING

from tradestats.errors import Problem
from tradestats.extraction import FIGURE_KINDS, Candidate, extract
from tradestats.raw_tables import RawData

if TYPE_CHECKING:
    import pandas as pd

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
    """Which candidate matched which figure, and what is unaccounted for.

    ``count`` is the number of numbers found. ``candidates``, ``matches`` (figure id ->
    candidates) and ``excluded`` hold the candidates themselves only when they are kept
    (``account_for_numbers(..., keep_candidates=True)``); otherwise ``matches`` maps each
    matched figure id to an empty list."""

    matches: dict[str, list[Candidate]] = field(default_factory=dict)
    excluded: list[Candidate] = field(default_factory=list)
    candidates: list[tuple[str, Candidate]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    count: int = 0


# (line, quote, row index) of the figures, or of the exclusions, by source id
_Quoted = dict[str, list[tuple[int, str, int]]]


@dataclass
class _SourceAccount:
    """One text's numbers, accounted for: what a worker sends back (small, unless the
    candidates are kept)."""

    count: int = 0
    matched: dict[int, list[Candidate]] = field(default_factory=dict)  # figure row -> cands
    excluded: list[Candidate] = field(default_factory=list)
    used_exclusions: set[int] = field(default_factory=set)
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Job:
    texts: dict[str, list[str]]
    files: dict[str, str]
    figures: _Quoted
    exclusions: _Quoted
    keep: bool


_JOB: _Job | None = None  # shared with forked workers, not pickled


def _spans_by_line(
    lines: list[str], rows: list[tuple[int, str, int]]
) -> dict[int, list[tuple[int, int, int]]]:
    """(line, quote, key) rows -> {line: [(start, end, key)]} for the quotes found."""
    out: dict[int, list[tuple[int, int, int]]] = {}
    for line, quote, key in rows:
        if 1 <= line <= len(lines):
            at = lines[line - 1].find(quote)
            if at >= 0:
                out.setdefault(line, []).append((at, at + len(quote), key))
    return out


def _account_for_source(source_id: str, job: _Job | None = None) -> _SourceAccount:
    job = job or _JOB
    assert job is not None
    lines = job.texts[source_id]
    cands = extract("\n".join(lines), include_bare=True)
    out = _SourceAccount(count=len(cands), candidates=cands if job.keep else [])
    fig_spans = _spans_by_line(lines, job.figures.get(source_id, []))
    exc_spans = _spans_by_line(lines, job.exclusions.get(source_id, []))
    for c in cands:
        start, end = c.column - 1, c.column - 1 + len(c.quote)
        hit = next((k for s, e, k in fig_spans.get(c.line, ()) if start < e and s < end), None)
        if hit is not None:
            out.matched.setdefault(hit, []).append(c)
            continue
        # the tightest exclusion that contains the number
        inside = [(e - s, k) for s, e, k in exc_spans.get(c.line, ()) if s <= start and end <= e]
        if inside:
            out.used_exclusions.add(min(inside)[1])
            if job.keep:
                out.excluded.append(c)
        else:
            out.problems.append(
                Problem(
                    f"data/raw/texts/{job.files[source_id]}",
                    c.line,
                    None,
                    f"the {c.kind} «{c.quote}» (column {c.column}) is neither transcribed in "
                    "data/raw/figures.csv nor listed in data/raw/excluded.csv",
                )
            )
    if not job.keep:  # a match needs only its figure, not the candidates
        out.matched = {k: [] for k in out.matched}
    return out


def _account_for_all(job: _Job) -> list[_SourceAccount]:
    """Every text; on several cores when there are many."""
    global _JOB
    ids = list(job.texts)
    jobs = min(os.cpu_count() or 1, len(ids) // 8)
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_account_for_source(i, job) for i in ids]
    _JOB = job
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.map(_account_for_source, ids, chunksize=16)
    finally:
        _JOB = None


def _quoted_by_source(df: pd.DataFrame) -> _Quoted:
    out: _Quoted = {}
    for i, (sid, line, quote) in enumerate(
        zip(df["source_id"].tolist(), df["line"].tolist(), df["quote"].tolist(), strict=True)
    ):
        out.setdefault(str(sid), []).append((int(line), str(quote), i))
    return out


def account_for_numbers(raw: RawData, *, keep_candidates: bool = True) -> Accounting:
    """Run the extractor (every number, bare ones too) on every source text and account
    for each number. Unaccounted numbers, figures the extractor misses and exclusions
    that match nothing are problems. ``keep_candidates=False`` keeps only the count and
    the problems: what validation needs, in far less memory."""
    figures = raw.tables["figures"]
    excluded = raw.tables["excluded"]
    sources = raw.tables["sources"]
    job = _Job(
        raw.texts,
        dict(zip(sources["source_id"].astype(str), sources["file"].astype(str), strict=True)),
        _quoted_by_source(figures),
        _quoted_by_source(excluded),
        keep_candidates,
    )
    fig_ids = [str(f) for f in figures["figure_id"].tolist()]
    out = Accounting()
    used_exclusions: set[int] = set()
    for source_id, account in zip(job.texts, _account_for_all(job), strict=True):
        out.count += account.count
        out.candidates += [(source_id, c) for c in account.candidates]
        for row, cands in account.matched.items():
            out.matches.setdefault(fig_ids[row], []).extend(cands)
        out.excluded += account.excluded
        used_exclusions |= account.used_exclusions
        out.problems += account.problems
    exc_lines = excluded.index.tolist()
    for i, (sid, quote) in enumerate(
        zip(excluded["source_id"].tolist(), excluded["quote"].tolist(), strict=True)
    ):
        if i not in used_exclusions and str(sid) in raw.texts:
            out.problems.append(
                Problem(
                    "data/raw/excluded.csv",
                    int(exc_lines[i]),
                    "quote",
                    f"«{quote}» contains no number the extractor finds; remove the row",
                )
            )
    fig_lines = figures.index.tolist()
    for i, (fid, sid, quote) in enumerate(
        zip(fig_ids, figures["source_id"].tolist(), figures["quote"].tolist(), strict=True)
    ):
        if fid not in out.matches and str(sid) in raw.texts:
            out.problems.append(
                Problem(
                    "data/raw/figures.csv",
                    int(fig_lines[i]),
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
