"""No figure missed: every number in every text is transcribed or excluded with a reason,
and the extractor finds every transcribed figure."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import RAW
from tradestats.builder.completeness import account_for_numbers, extraction_quality
from tradestats.builder.raw import read_raw


@pytest.fixture(scope="module")
def raw():
    data, problems = read_raw(RAW)
    assert problems == []
    return data


def test_every_number_is_accounted_for(raw) -> None:
    accounting = account_for_numbers(raw)
    assert [str(p) for p in accounting.problems] == []
    assert len(accounting.candidates) == len(accounting.excluded) + sum(
        len(c) for c in accounting.matches.values()
    )


def test_every_transcribed_figure_is_found(raw) -> None:
    accounting = account_for_numbers(raw)
    assert set(accounting.matches) == set(raw.tables["figures"]["figure_id"])


def _drop_row(project: Path, table: str, predicate) -> None:
    path = project / "data" / "raw" / table
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    kept = [rows[0]] + [r for r in rows[1:] if not predicate(r)]
    assert len(kept) == len(rows) - 1
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(kept)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_a_figure_left_out_is_caught(project: Path) -> None:
    _drop_row(project, "figures.csv", lambda r: r[0] == "F046")  # «700 میلیون دلاری»
    data, _ = read_raw(project / "data" / "raw")
    problems = [str(p) for p in account_for_numbers(data).problems]
    assert any("line 105" in p or ":105" in p for p in problems)
    assert any("«700 میلیون دلاری»" in p for p in problems)


def test_an_exclusion_left_out_is_caught(project: Path) -> None:
    _drop_row(project, "excluded.csv", lambda r: r[:3] == ["aran-lavrov-2010", "20", "2049"])
    data, _ = read_raw(project / "data" / "raw")
    problems = [str(p) for p in account_for_numbers(data).problems]
    assert problems == [
        "data/raw/texts/002_d96ec3b443879f24.txt:20: the number «2049» (column 132) is "
        "neither transcribed in data/raw/figures.csv nor listed in data/raw/excluded.csv"
    ]


def test_extraction_quality(raw) -> None:
    quality = {q.kind: q for q in extraction_quality(raw)}
    assert quality["money"].recall >= 0.95 and quality["percent"].recall >= 0.95
    assert quality["money"].precision >= 0.95 and quality["percent"].precision >= 0.95
    assert quality["quantity"].recall >= 0.9
    assert quality["money"].transcribed == 30  # 22 trade flows and 8 other money figures


def test_many_texts_account_like_one(project: Path) -> None:
    """8 copies of each text give 8 times the count, and every copy's numbers are
    reported."""
    data, _ = read_raw(project / "data" / "raw")
    one = account_for_numbers(data)
    many_texts = {f"{sid}-{i}": lines for i in range(8) for sid, lines in data.texts.items()}
    data.texts = many_texts
    sources = data.tables["sources"]
    data.tables["sources"] = sources.loc[sources.index.repeat(8)].assign(
        source_id=[f"{sid}-{i}" for sid in sources["source_id"] for i in range(8)]
    )
    many = account_for_numbers(data)
    assert many.count == 8 * one.count == 8 * 400
    assert len(many.candidates) == many.count
    # figures and exclusions name the original ids, so every number in the copies is
    # unaccounted for: the problems must say so for each copy, text by text
    assert len([p for p in many.problems if p.file.startswith("data/raw/texts/")]) == 8 * 400
