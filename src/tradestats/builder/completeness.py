"""Prove that no figure was missed: every number the extractor finds in a source text is
either transcribed (data/raw/figures.csv) or excluded with a reason
(data/raw/excluded.csv), and every transcribed figure is found by the extractor.

Also measures the extractor against the hand transcription: precision and recall per
kind of figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tradestats.builder.raw import RawData
from tradestats.contract.vocabularies import FIGURE_KINDS, unit_kind
from tradestats.errors import Problem
from tradestats.text.extract import Spot, number_spots, per_text

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
    return unit_kind(unit)


@dataclass
class Accounting:
    """Which numbers (as spots) matched which figure (``matches``: figure id -> spots),
    which are excluded, and what is unaccounted for (``problems``). ``count`` is the
    number of numbers found."""

    matches: dict[str, list[tuple[str, Spot]]] = field(default_factory=dict)
    excluded: list[tuple[str, Spot]] = field(default_factory=list)
    candidates: list[tuple[str, Spot]] = field(default_factory=list)
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


def _account_for_text(
    out: Accounting,
    source: tuple[str, str, list[str], list[Spot]],
    fig_rows: list[tuple[int, str, int]],
    exc_rows: list[tuple[int, str, int]],
    fig_ids: list[str],
) -> set[int]:
    """Account for each number in one text (``source``: id, file, lines, the numbers
    found); returns the exclusions used."""
    source_id, file, lines, found = source
    out.count += len(found)
    out.candidates += [(source_id, spot) for spot in found]
    fig_spans, exc_spans = _spans_by_line(lines, fig_rows), _spans_by_line(lines, exc_rows)
    used: set[int] = set()
    for spot in found:
        line, start, end, kind = spot
        hit = next((k for s, e, k in fig_spans.get(line, ()) if start < e and s < end), None)
        if hit is not None:
            out.matches.setdefault(fig_ids[hit], []).append((source_id, spot))
            continue
        # the tightest exclusion that contains the number
        inside = [(e - s, k) for s, e, k in exc_spans.get(line, ()) if s <= start and end <= e]
        if inside:
            used.add(min(inside)[1])
            out.excluded.append((source_id, spot))
            continue
        message = (
            f"the {kind} «{lines[line - 1][start:end]}» (column {start + 1}) is neither "
            "transcribed in data/raw/figures.csv nor listed in data/raw/excluded.csv"
        )
        out.problems.append(Problem(f"data/raw/texts/{file}", line, None, message))
    return used


def _unmatched_rows(
    df: pd.DataFrame, matched: Callable[[int], bool], texts: Mapping[str, object], message: str
) -> list[Problem]:
    """A problem for each row of figures.csv or excluded.csv (of a text that was read)
    that no number matched; ``message`` is formatted with the row's quote."""
    label = "data/raw/figures.csv" if "figure_id" in df.columns else "data/raw/excluded.csv"
    return [
        Problem(label, int(line), "quote", message.format(quote=quote))
        for i, (line, sid, quote) in enumerate(
            zip(df.index.tolist(), df["source_id"].tolist(), df["quote"].tolist(), strict=True)
        )
        if not matched(i) and str(sid) in texts
    ]


def account_for_numbers(raw: RawData, jobs: int = 1) -> Accounting:
    """Run the extractor (every number, bare ones too) on every source text, in ``jobs``
    processes, and account for each number. Unaccounted numbers, figures the extractor
    misses and exclusions that match nothing are problems."""
    figures, excluded = raw.tables["figures"], raw.tables["excluded"]
    sources = raw.tables["sources"]
    files = dict(zip(sources["source_id"].astype(str), sources["file"].astype(str), strict=True))
    fig_by_source, exc_by_source = _quoted_by_source(figures), _quoted_by_source(excluded)
    fig_ids = [str(f) for f in figures["figure_id"].tolist()]
    out = Accounting()
    used: set[int] = set()
    spots = per_text(number_spots, ["\n".join(lines) for lines in raw.texts.values()], jobs)
    for (source_id, lines), found in zip(raw.texts.items(), spots, strict=True):
        used |= _account_for_text(
            out,
            (source_id, files[source_id], lines, found),
            fig_by_source.get(source_id, []),
            exc_by_source.get(source_id, []),
            fig_ids,
        )
    out.problems += _unmatched_rows(
        excluded,
        used.__contains__,
        raw.texts,
        "«{quote}» contains no number the extractor finds; remove the row",
    )
    twice = _transcribed_twice(figures)  # reported as such by the provenance check
    out.problems += _unmatched_rows(
        figures,
        lambda i: fig_ids[i] in out.matches or i in twice,
        raw.texts,
        "the extractor finds no number in «{quote}»",
    )
    return out


def _transcribed_twice(figures: pd.DataFrame) -> set[int]:
    """Positions of the rows that repeat an earlier row's source, line and quote."""
    repeated = figures.duplicated(subset=["source_id", "line", "quote"]).tolist()
    return {i for i, again in enumerate(repeated) if again}


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
        kinds[fid]
        for fid, spots in acc.matches.items()
        if any(s.kind == kinds[fid] for _, s in spots)
    )
    matched = {found for spots in acc.matches.values() for found in spots}
    figures_found = [found for found in acc.candidates if found[1].kind in FIGURE_KINDS]
    candidates = Counter(spot.kind for _, spot in figures_found)
    true_pos = Counter(found[1].kind for found in figures_found if found in matched)
    return [
        QualityRow(k, transcribed[k], found[k], candidates[k], true_pos[k]) for k in FIGURE_KINDS
    ]
