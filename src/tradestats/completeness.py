"""Prove that no figure was missed: every number the extractor finds in a source text is
either transcribed (data/raw/figures.csv) or excluded with a reason
(data/raw/excluded.csv), and every transcribed figure is found by the extractor.

Also measures the extractor against the hand transcription: precision and recall per
kind of figure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tradestats.errors import Problem
from tradestats.extraction import FIGURE_KINDS, Candidate
from tradestats.extraction_workers import Extraction, spot
from tradestats.raw_tables import RawData

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Accounting",
    "QualityRow",
    "account_for_numbers",
    "extraction_quality",
    "figure_kind",
]


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


def _quoted_by_source(df: pd.DataFrame) -> dict[str, list[tuple[int, str, int]]]:
    """(line, quote, row index) of each row, by source id."""
    out: dict[str, list[tuple[int, str, int]]] = {}
    for i, (sid, line, quote) in enumerate(
        zip(df["source_id"].tolist(), df["line"].tolist(), df["quote"].tolist(), strict=True)
    ):
        out.setdefault(str(sid), []).append((int(line), str(quote), i))
    return out


def account_for_numbers(
    raw: RawData, *, keep_candidates: bool = True, extraction: Extraction | None = None
) -> Accounting:
    """Run the extractor (every number, bare ones too) on every source text and account
    for each number. Unaccounted numbers, figures the extractor misses and exclusions
    that match nothing are problems.

    ``keep_candidates=False`` keeps only the count and the problems: what validation
    needs, in far less memory. ``extraction`` is one already started on ``raw.texts``."""
    figures = raw.tables["figures"]
    excluded = raw.tables["excluded"]
    sources = raw.tables["sources"]
    files = dict(zip(sources["source_id"].astype(str), sources["file"].astype(str), strict=True))
    fig_by_source = _quoted_by_source(figures)
    exc_by_source = _quoted_by_source(excluded)
    fig_ids = [str(f) for f in figures["figure_id"].tolist()]
    if extraction is None:
        extraction = Extraction(raw.texts, keep_candidates=keep_candidates)
    keep = extraction.keep
    out = Accounting()
    used_exclusions: set[int] = set()
    for source_id, found in extraction.results():
        lines = raw.texts.get(source_id)
        if lines is None:
            continue  # a text that could not be read: reading data/raw reports it
        out.count += len(found)
        if keep:
            out.candidates += [(source_id, c) for c in found]
        fig_spans = _spans_by_line(lines, fig_by_source.get(source_id, []))
        exc_spans = _spans_by_line(lines, exc_by_source.get(source_id, []))
        for item in found:
            line, start, end, kind = spot(item) if keep else item
            hit = next((k for s, e, k in fig_spans.get(line, ()) if start < e and s < end), None)
            if hit is not None:
                out.matches.setdefault(fig_ids[hit], []).extend([item] if keep else [])
                continue
            # the tightest exclusion that contains the number
            inside = [(e - s, k) for s, e, k in exc_spans.get(line, ()) if s <= start and end <= e]
            if inside:
                used_exclusions.add(min(inside)[1])
                if keep:
                    out.excluded.append(item)
            else:
                out.problems.append(
                    Problem(
                        f"data/raw/texts/{files[source_id]}",
                        line,
                        None,
                        f"the {kind} «{lines[line - 1][start:end]}» (column {start + 1}) is "
                        "neither transcribed in "
                        "data/raw/figures.csv nor listed in data/raw/excluded.csv",
                    )
                )
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
