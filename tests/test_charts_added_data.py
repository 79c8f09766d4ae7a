"""Charts stay true when the data grow: a text with a Gregorian part-year, a figure with
no agency named, an Iranian-customs full year and a new partner (tests/fixtures/added)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from chart_checks import collisions, texts, too_small
from conftest import REPO
from tradestats.builder.pipeline import build
from tradestats.charts.notes import source_note
from tradestats.charts.registry import CHARTS, chart_function, chart_info
from tradestats.charts.render import save_figure_bytes
from tradestats.views import chart_tables

ADDED = REPO / "tests" / "fixtures" / "added"


def _append(path: Path, rows: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + rows.read_text(encoding="utf-8"), encoding="utf-8")


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    root = tmp_path_factory.mktemp("grown")
    shutil.copytree(REPO / "data" / "raw", root / "data" / "raw")
    shutil.copy(ADDED / "added.txt", root / "data" / "raw" / "texts" / "added.txt")
    for name in ("sources.csv", "figures.csv", "economies.csv"):
        _append(root / "data" / "raw" / name, ADDED / name)
    build(root)
    return chart_tables(root / "data" / "clean")


def _texts(name: str, tables: dict[str, pd.DataFrame], lang: str = "en") -> list[str]:
    fig = chart_function(name)(tables, lang=lang)
    return [t.get_text().replace("\u00a0", " ") for t in texts(fig)]


def test_a_gregorian_part_year_with_no_agency_stands_apart(grown) -> None:
    texts = _texts("iran_russia_trade", grown)
    assert "Jan–Nov 2021" in texts  # Gregorian months, not Iranian ones
    assert not any("Dey" in t for t in texts)
    assert "3,760" in texts
    # not "Russian customs": the text names no agency
    assert any(t.startswith("no agency named (Russia's side), 11 months only") for t in texts)
    assert "Russian customs, full years · goods from Iran: Russia's imports" in texts


def test_an_iranian_customs_full_year_is_a_full_year(grown) -> None:
    texts = _texts("iran_russia_trade", grown)
    assert "Iranian year 1399\n(20 Mar 2020 to\n20 Mar 2021)" in texts
    assert "320" in texts


def test_titles_stay_true(grown) -> None:
    titles = {name: chart_info(name)(grown, "en").title for name in CHARTS}
    # the Jan–Nov figure is not a full year: the title speaks of 2017 and 2018 only
    assert titles["iran_russia_trade"] == "Iran–Russia trade was $1.7 billion in 2017 and 2018"
    assert titles["partners"] == (
        "In 2018, Russia's trade with the European Union was 169 times its trade with Iran"
    )


def test_a_new_partner_joins_the_comparison_of_its_year(grown) -> None:
    texts = _texts("partners", grown)
    assert "Kazakhstan" in texts
    assert "27.8" in texts  # as the text gives it, not '28'
    assert "Kazakhstan 27.8" in chart_info("partners")(grown, "en").alt  # the label and alt agree
    info = chart_info("partners")(grown, "en")
    assert "F903" in set(info.rows["figure_id"])


def test_notes_name_each_group(grown) -> None:
    info = chart_info("iran_russia_trade")(grown, "en")
    note = source_note(grown, info.rows["figure_id"], "en")
    assert "Test Outlet (1 Feb 2022): F901 naming no agency; " not in note  # order: agencies first
    assert "F902 citing Islamic Republic of Iran Customs Administration" in note
    assert "F901 naming no agency" in note


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_every_chart_still_reads_cleanly(grown, tmp_path: Path, lang: str) -> None:
    """Grown, every chart still has no text overlapping another or leaving the canvas,
    and none under the minimum size."""
    for name in CHARTS:
        fig = chart_function(name)(grown, lang=lang)
        assert collisions(fig, lang) == [], name
        assert too_small(fig) == [], name
        png = save_figure_bytes(fig, "png", 50)
        (tmp_path / f"{name}.{lang}.png").write_bytes(png)
        assert png.startswith(b"\x89PNG")


def test_a_persian_note_falls_back_to_the_outlet_never_the_english_headline(grown) -> None:
    """The added text has no Persian outlet: its Persian note names it by its outlet as
    written, not by its English title."""
    note = source_note(grown, ["F901"], "fa")
    assert "Test Outlet" in note and "A text added" not in note
