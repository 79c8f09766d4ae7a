"""Every figure points to the exact words it came from. These tests re-read the texts
with nothing but the standard library, so they do not trust the code they check."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from conftest import CLEAN, RAW, SEEDS
from tradestats.builder.provenance import locate_quote

FIGURES = pd.read_csv(CLEAN / "figures.csv", dtype={"line": int}, keep_default_na=False)
FLOWS = pd.read_csv(CLEAN / "trade_flows.csv", dtype={"line": int}, keep_default_na=False)
MENTIONS = pd.read_csv(RAW / "calendar_mentions.csv", dtype={"line": int}, keep_default_na=False)


@pytest.mark.parametrize("row", list(FIGURES.itertuples()), ids=list(FIGURES["figure_id"]))
def test_each_quote_stands_once_at_its_line(row, text_lines) -> None:
    line = text_lines[row.source_id][row.line - 1]
    assert line.count(row.quote) == 1


@pytest.mark.parametrize("row", list(FIGURES.itertuples()), ids=list(FIGURES["figure_id"]))
def test_number_as_stated_is_inside_the_quote(row) -> None:
    assert row.value_as_stated in row.quote


def test_trade_flows_quote_the_same_words_as_figures() -> None:
    merged = FLOWS.merge(FIGURES, on="figure_id", suffixes=("", "_fig"))
    assert len(merged) == len(FLOWS)
    assert (merged["quote"] == merged["quote_fig"]).all()
    assert (merged["line"] == merged["line_fig"]).all()
    assert (merged["source_id"] == merged["source_id_fig"]).all()


@pytest.mark.parametrize("row", list(MENTIONS.itertuples()), ids=list(MENTIONS["mention_id"]))
def test_calendar_mentions_stand_at_their_lines(row, text_lines) -> None:
    assert row.quote in text_lines[row.source_id][row.line - 1]


def test_source_dates_quote_the_text(raw_sources, text_lines) -> None:
    for row in raw_sources.itertuples():
        assert row.date_quote in text_lines[row.source_id][int(row.date_line) - 1]


def test_hashes_in_sources_match_the_texts(raw_sources) -> None:
    clean = pd.read_csv(CLEAN / "sources.csv", keep_default_na=False)
    for row in clean.itertuples():
        data = (RAW / "texts" / row.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row.sha256


def test_every_text_is_a_source(raw_sources) -> None:
    on_disk = sorted(p.name for p in (RAW / "texts").iterdir())
    assert on_disk == sorted(raw_sources["file"])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_texts_are_the_seeds_byte_for_byte() -> None:
    seeds = {p.name: p.read_bytes() for p in SEEDS.iterdir()}
    ours = {p.name: p.read_bytes() for p in (RAW / "texts").iterdir()}
    assert ours == seeds


def test_locate_quote_explains_what_is_wrong() -> None:
    lines = ["alpha beta", "gamma 12 delta 12", "epsilon"]
    assert locate_quote(lines, 1, "beta") is None
    assert "it is on line 1" in str(locate_quote(lines, 3, "beta"))
    assert "occurs 2 times" in str(locate_quote(lines, 2, "12"))
    assert locate_quote(lines, 2, "12", unique=False) is None
    assert "nor anywhere" in str(locate_quote(lines, 1, "zeta"))
    assert "does not exist" in str(locate_quote(lines, 9, "alpha"))


def test_texts_have_no_byte_order_mark_or_carriage_returns() -> None:
    for path in Path(RAW / "texts").iterdir():
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf")
        assert b"\r" not in data


def test_every_unit_family_speaks_of_units_of_the_contract() -> None:
    from tradestats.contract.vocabularies import UNIT_KINDS, UNITS
    from tradestats.text.lexicon import UNIT_FAMILIES

    named = set().union(*(units for _words, units in UNIT_FAMILIES.values()))
    assert named <= set(UNITS)
    assert set(UNIT_KINDS) <= set(UNITS)
    # every unit a quote can show by a word has a family; count and rank have none
    assert set(UNITS) - named == {"count", "rank"}
