"""Charts: drawn from the tables, honest, in both languages, and reproducible."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.testing.compare import compare_images
from matplotlib.text import Text

from conftest import REPO
from tradestats.charts.registry import CHARTS, chart_function
from tradestats.charts.render import chart_path, render_charts, save_figure_bytes
from tradestats.views import chart_tables

BASELINES = REPO / "tests" / "baseline"
LANGS = ("en", "fa")
CASES = [(name, lang) for name in CHARTS for lang in LANGS]
PERSIAN_DIGIT = re.compile("[۰-۹]")
LATIN_DIGIT = re.compile("[0-9]")


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return chart_tables()


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text().strip()]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_matches_its_baseline(tmp_path: Path, tables, name: str, lang: str) -> None:
    """Image regression: within a small tolerance of the committed baseline.
    Regenerate with: python tests/make_baselines.py"""
    fig = chart_function(name)(tables, lang=lang)
    actual = tmp_path / f"{name}.{lang}.png"
    actual.write_bytes(save_figure_bytes(fig, "png", 72))
    expected = BASELINES / f"{name}.{lang}.png"
    assert compare_images(str(expected), str(actual), tol=2) is None


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_chart_has_title_unit_labels_and_a_generated_note(tables, name, lang) -> None:
    fig = chart_function(name)(tables, lang=lang)
    texts = _texts(fig)
    note = next(t for t in texts if t.startswith("Source:" if lang == "en" else "منبع:"))
    sources = tables["sources"]
    outlet = sources.loc[
        sources["source_id"] == "iranonline-2022", "outlet" if lang == "en" else "outlet_fa"
    ].item()
    assert outlet in note
    assert "tradestats:" in note.replace("Transcribed by tradestats:", "tradestats:")
    unit_words = ("US dollars",) if lang == "en" else ("دلار آمریکا",)
    assert any(any(u in t for u in unit_words) for t in texts)


@pytest.mark.parametrize("name", list(CHARTS))
def test_persian_charts_use_persian_digits(tables, name) -> None:
    texts = _texts(chart_function(name)(tables, lang="fa"))
    # ids (F023, C01) and the rows line stay in Latin letters and digits
    shown = [re.sub(r"\b[CFD]\d+\b", "", t) for t in texts if "tradestats" not in t]
    assert any(PERSIAN_DIGIT.search(t) for t in shown)
    assert not [t for t in shown if LATIN_DIGIT.search(t)]


def test_values_come_from_the_tables(tables) -> None:
    """Change a value in the table and the chart changes with it: nothing is typed."""
    changed = {k: v.copy() for k, v in tables.items()}
    flows = changed["trade_flows"]
    flows.loc[flows["figure_id"] == "F030", "value_usd_m"] = 348000.0
    fig = chart_function("partners")(changed, lang="en")
    texts = _texts(fig)
    assert "348" in texts
    assert any("200 times its trade with Iran" in t for t in texts)  # 348,000 / 1,740


def test_iran_chart_marks_the_half_year_and_its_agency(tables) -> None:
    texts = _texts(chart_function("iran_russia_trade")(tables, lang="en"))
    assert any("Farvardin–Shahrivar 1400" in t and "21 Mar to 22 Sep 2021" in t for t in texts)
    assert any("Iranian customs" in t and "6 months only" in t for t in texts)
    assert {"1,740", "1,707", "392.2", "907"} <= set(texts)


def test_growth_chart_checks_the_stated_rate(tables) -> None:
    texts = _texts(chart_function("iran_exports_growth")(tables, lang="en"))
    assert "Iran's exports to Russia more than doubled in 2020" in texts
    assert any("about 105%" in t and "105.1%" in t for t in texts)


def test_partner_bounds_and_targets_are_marked(tables) -> None:
    texts = _texts(chart_function("partners")(tables, lang="en"))
    assert "> 30" in texts  # Türkiye, 'more than 30 billion'
    assert "> 2.0" in texts  # Azerbaijan, 'more than two billion'
    assert "target 100" in texts
    assert any("as of Aug 2010" in t for t in texts)


def test_balance_chart_marks_the_discrepancy(tables) -> None:
    texts = _texts(chart_function("russia_balance")(tables, lang="en"))
    assert any("687.3" in t and "0.8 less" in t and "C01" in t for t in texts)
    assert "Surplus 115.6" in texts and "Surplus 211.0" in texts


def test_bars_start_at_zero(tables) -> None:
    for name in CHARTS:
        fig = chart_function(name)(tables, lang="en")
        for ax in fig.axes:
            low = ax.get_xlim()[0] if name == "partners" else ax.get_ylim()[0]
            assert low == 0, name


_RENDER = (
    "import sys; from pathlib import Path; from tradestats.charts.render import render_charts;"
    "render_charts(out_dir=Path(sys.argv[1]), lang=sys.argv[2], dpi=60)"
)


@pytest.mark.parametrize("lang", LANGS)
def test_rendering_is_byte_identical_across_processes(tmp_path: Path, lang: str) -> None:
    for run in ("a", "b"):
        subprocess.run([sys.executable, "-c", _RENDER, str(tmp_path / run), lang], check=True)
    a = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    b = {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert len(a) == len(CHARTS) * 3
    assert a == b


def test_committed_figures_equal_a_fresh_plot(tmp_path: Path) -> None:
    for lang in LANGS:
        render_charts(out_dir=tmp_path, lang=lang)
    fresh = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    committed = {p.name: p.read_bytes() for p in (REPO / "figures").iterdir()}
    assert sorted(fresh) == sorted(committed)
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"run 'tradestats plot' and 'tradestats plot --lang fa': {stale}"


def test_file_names(tmp_path: Path) -> None:
    assert chart_path(tmp_path, "partners", "en", "svg").name == "partners.svg"
    assert chart_path(tmp_path, "partners", "fa", "pdf").name == "partners.fa.pdf"
