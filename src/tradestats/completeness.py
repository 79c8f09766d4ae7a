"""Prove that no figure was missed: every number the extractor finds in a source text is
either transcribed (data/raw/figures.csv) or excluded with a reason
(data/raw/excluded.csv), and every transcribed figure is found by the extractor.

Also measures the extractor against the hand transcription: precision and recall per
kind of figure.
"""

from __future__ import annotations

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


def account_for_numbers(raw: RawData) -> Accounting:
    """Run the extractor (every number, bare ones too) on every source text and account
    for each number. Unaccounted numbers, figures the extractor misses and exclusions
    that match nothing are problems."""
    out = Accounting()
    figures = raw.tables["figures"]
    excluded = raw.tables["excluded"]
    for source_id, lines in raw.texts.items():
        text = "\n".join(lines)
        cands = extract(text, include_bare=True)
        out.candidates += [(source_id, c) for c in cands]
        fig_rows = figures[figures["source_id"] == source_id]
        exc_rows = excluded[excluded["source_id"] == source_id]
        used_exclusions: set[int] = set()
        for c in cands:
            start, end = c.column - 1, c.column - 1 + len(c.quote)
            line_text = lines[c.line - 1]
            hit = None
            for row in fig_rows[fig_rows["line"] == c.line].itertuples():
                span = _span(line_text, str(row.quote))
                if span and start < span[1] and span[0] < end:
                    hit = str(row.figure_id)
                    break
            if hit is not None:
                out.matches.setdefault(hit, []).append(c)
                continue
            # the tightest exclusion that contains the number
            best: tuple[int, int] | None = None
            for file_line, row in exc_rows[exc_rows["line"] == c.line].iterrows():
                span = _span(line_text, str(row["quote"]))
                if span and span[0] <= start and end <= span[1]:
                    size = span[1] - span[0]
                    if best is None or size < best[0]:
                        best = (size, int(str(file_line)))
            if best is not None:
                used_exclusions.add(best[1])
                out.excluded.append(c)
            else:
                out.problems.append(
                    Problem(
                        f"data/raw/texts/{_file_of(raw, source_id)}",
                        c.line,
                        None,
                        f"the {c.kind} «{c.quote}» (column {c.column}) is neither transcribed in "
                        "data/raw/figures.csv nor listed in data/raw/excluded.csv",
                    )
                )
        for file_line, row in exc_rows.iterrows():
            if int(str(file_line)) not in used_exclusions:
                out.problems.append(
                    Problem(
                        "data/raw/excluded.csv",
                        int(str(file_line)),
                        "quote",
                        f"«{row['quote']}» contains no number the extractor finds; remove the row",
                    )
                )
    for file_line, row in figures.iterrows():
        if str(row["figure_id"]) not in out.matches and str(row["source_id"]) in raw.texts:
            out.problems.append(
                Problem(
                    "data/raw/figures.csv",
                    int(str(file_line)),
                    "quote",
                    f"the extractor finds no number in «{row['quote']}»",
                )
            )
    return out


def _file_of(raw: RawData, source_id: str) -> str:
    sources = raw.tables["sources"]
    return str(sources.loc[sources["source_id"] == source_id, "file"].iloc[0])


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
