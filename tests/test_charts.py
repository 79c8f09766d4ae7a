"""Charts: drawn from the tables, honest, in both languages, and reproducible."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Rectangle
from matplotlib.testing.compare import compare_images
from matplotlib.text import Text

import tradestats.charts.style as style
from conftest import REPO
from tradestats.charts.notes import compact_ids, note_groups, source_note
from tradestats.charts.registry import CHARTS, chart_function, chart_info
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
    """Every text of a figure as a reader sees it (without the invisible right-to-left
    marks that open Persian lines)."""
    texts = (t.get_text().replace("\u200f", "") for t in fig.findobj(Text))
    return [t for t in texts if t.strip()]


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
    # CLDR's Persian separators, from Babel
    values = chart_info(name)(tables, "fa").rows["value_usd_m"].astype(float)
    if not all(v.is_integer() for v in values):
        assert any("٫" in t for t in shown)  # 392.2, 1.7, 204.9: the decimal separator
    assert any("٬" in t for t in shown) or name != "iran_russia_trade"  # 1,740


def test_values_come_from_the_tables(tables) -> None:
    """Change a value in the table and the chart changes with it: nothing is typed."""
    changed = {k: v.copy() for k, v in tables.items()}
    flows = changed["trade_flows"]
    flows.loc[flows["figure_id"] == "F030", "value_usd_m"] = 348000.0
    texts = _texts(chart_function("partners")(changed, lang="en"))
    assert "348" in texts
    title = " ".join(texts).replace("\n", " ")
    assert "was 200 times its trade with Iran" in title  # 348,000 / 1,740


def test_titles_are_written_from_the_plotted_rows(tables) -> None:
    titles = {name: chart_info(name)(tables, "en").title for name in CHARTS}
    assert titles == {
        "iran_russia_trade": "Russia–Iran trade was $1.7 billion in 2017 and 2018",
        "iran_exports_growth": "Iran's exports to Russia more than doubled in 2020, after "
        "falling in 2019",
        "partners": "In 2018, Russia's trade with the European Union was 169 times its trade "
        "with Iran",
        "russia_balance": "Russia exported more than it imported: with the European Union in "
        "2018 and with the world in 2019",
        "iran_russia_references": "Iran–Russia trade, 2016–2022, as other published sources "
        "reported it",
    }


def test_the_partners_ratio_compares_like_with_like(tables) -> None:
    info = chart_info("partners")(tables, "en")
    main = info.rows[info.rows["figure_id"].isin(["F023", "F029", "F030"])]
    assert (
        main[["period_start", "period_end", "reporter", "flow", "reporting_agency"]].nunique().max()
        == 1
    )
    others = info.rows[~info.rows["figure_id"].isin(main["figure_id"])]
    assert set(others["figure_id"]) == {"F017", "F018", "F048"}  # other dates, shown apart
    texts = _texts(chart_function("partners")(tables, lang="en"))
    assert "Other dates: not comparable with 2018" in texts


def test_iran_chart_shows_2017_to_2021_by_agency(tables) -> None:
    texts = _texts(chart_function("iran_russia_trade")(tables, lang="en"))
    assert {"2017", "2018", "2019", "2020", "2021"} <= set(texts)
    assert texts.count("not stated") == 7  # 2019 and 2020: two each; 2021: all three
    assert "Farvardin–Shahrivar 1400\n(21 Mar to\n22 Sep 2021)" in texts
    assert "Iranian customs\n6 months only" in texts and "Russian customs\nfull years" in texts
    assert {"1,740", "1,707", "392.2", "907"} <= set(texts)
    # the source's claim is the source's
    assert "Iran Online says trade 'has always been under' 2,000" in texts


def test_growth_chart_shows_every_year_and_checks_the_stated_rate(tables) -> None:
    texts = _texts(chart_function("iran_exports_growth")(tables, lang="en"))
    assert {"392.2", "533", "390", "800"} <= set(texts)
    assert any("about 105%" in t and "105.1%" in t for t in texts)


def test_partner_bounds_and_targets_are_marked(tables) -> None:
    fig = chart_function("partners")(tables, lang="en")
    texts = _texts(fig)
    assert "more than 30" in texts  # Türkiye, 'more than 30 billion'
    assert "more than 2.0" in texts  # Azerbaijan, 'more than two billion'
    assert "target 100" in texts
    assert any("as of Aug 2010" in t for t in texts)
    hatched = [p for p in fig.findobj(Rectangle) if p.get_hatch() == "////"]
    assert len(hatched) == 3  # two bounds, and the bound in the key


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_source_notes_name_the_agency_of_each_figure(tables, name, lang) -> None:
    info = chart_info(name)(tables, lang)
    text_ids = [i for i in info.rows["figure_id"] if str(i).startswith("F")]
    note = info.note or source_note(tables, text_ids, lang)
    flows = tables["trade_flows"].set_index("figure_id")
    for source_id, agency, ids in note_groups(tables, text_ids):
        for fid in ids:
            named = flows.loc[fid, "reporting_agency"] if fid in flows.index else None
            assert (named if isinstance(named, str) else None) == agency, fid
            assert tables["figures"].set_index("figure_id").loc[fid, "source_id"] == source_id
        words = compact_ids(ids)
        if lang == "en":
            assert f"{words} citing {agency}" in note or f"{words} naming no agency" in note
    assert (
        "citing Federal Customs Service of Russia" not in note
        or name != "russia_balance"
        or ("F019–F021 naming no agency" in note)
    )


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
    assert len(a) == len(CHARTS) * 4 + 1  # png, svg, pdf and csv; README.md
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


def test_svg_keeps_text_as_text_with_title_alt_text_and_its_fonts(tmp_path: Path) -> None:
    render_charts(["partners"], formats=["svg"], lang="fa", out_dir=tmp_path)
    svg = (tmp_path / "partners.fa.svg").read_text(encoding="utf-8")
    assert (
        "<title>در ۲۰۱۸ تجارت روسیه با اتحادیه اروپا ۱۶۹ برابر تجارتش با ایران بود</title>" in svg
    )
    assert "<desc>نمودار میله‌ای حجم تجارت روسیه" in svg
    assert ">ترکیه" in svg  # live text, not paths
    assert (
        "@font-face {font-family: 'Vazirmatn'; font-weight: normal; src: url(data:font/ttf" in svg
    )


def test_pdf_embeds_truetype_and_carries_metadata_from_the_data(tmp_path: Path) -> None:
    render_charts(["russia_balance"], formats=["pdf"], lang="en", out_dir=tmp_path)
    pdf = (tmp_path / "russia_balance.pdf").read_bytes()
    assert b"/Type3" not in pdf and b"/FontFile2" in pdf  # TrueType, embedded
    assert b"/Author (tradestats)" in pdf
    assert b"/CreationDate (D:20220118000000Z)" in pdf  # the date of the data, not the clock
    assert b"/Title" in pdf and b"/Subject" in pdf


def test_each_chart_ships_its_plotted_rows_and_a_gallery(tmp_path: Path, tables) -> None:
    render_charts(formats=["png"], lang="en", out_dir=tmp_path)
    rows = pd.read_csv(tmp_path / "iran_exports_growth.csv")
    # the bars, and the growth rate the chart checks (F035, about 105%, line 81)
    assert rows["figure_id"].tolist() == ["F028", "F025", "F034", "F033", "F035"]
    assert rows["value_usd_m"].tolist()[:4] == [392.2, 533.0, 390.0, 800.0]
    assert rows["value_percent"].tolist()[4] == 105
    assert rows["reporting_agency"].tolist() == ["Federal Customs Service of Russia"] * 5
    gallery = (tmp_path / "README.md").read_text(encoding="utf-8")
    for name in CHARTS:
        for lang in LANGS:
            info = chart_info(name)(tables, lang)
            assert f"## {info.title}" in gallery and info.alt in gallery
        assert f"`tradestats plot --chart {name} --lang fa`" in gallery


def test_the_reference_chart_names_the_source_of_each_published_figure(tables) -> None:
    info = chart_info("iran_russia_references")(tables, "en")
    refs = tables["reference_flows"].set_index("reference_id")
    shown = [i for i in info.rows["figure_id"] if i.startswith("R")]
    assert shown == ["R001", "R005", "R006", "R008", "R013", "R018", "R019"]
    for rid in shown:
        r = refs.loc[rid]
        who = (
            r["reporting_agency"] if isinstance(r["reporting_agency"], str) else r["attributed_to"]
        )
        assert f"{rid} {r['outlet']} (" in info.note and who in info.note, rid
    assert "F023, F026 citing Federal Customs Service of Russia" in info.note
    texts = _texts(chart_function("iran_russia_references")(tables, lang="en"))
    assert texts.count("no turnover\nfigure found") == 2  # 2017 and 2020
    assert "more than\n2,000" in texts and "2,180" in texts  # 2016: both sides, side by side
    assert "2018\ntext: 1,740\n(F023)" in texts
    assert "No turnover figure was found for 2017 and 2020." in info.alt


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_the_header_stands_clear_of_the_plot(tables, name: str, lang: str) -> None:
    """However many lines the title takes, the subtitle ends above every axes, with its
    panel title, ticks and legend."""
    fig = chart_function(name)(tables, lang=lang)
    with style.house_style(lang):
        renderer = FigureCanvasAgg(fig).get_renderer()
        subtitle = fig.texts[1].get_window_extent(renderer)
        tops = [ax.get_tightbbox(renderer).y1 for ax in fig.axes]
    assert subtitle.y0 > max(tops), fig.texts[1].get_text()


def test_the_partners_subtitle_claims_no_date_or_agency_for_the_panel_below(tables) -> None:
    info = chart_info("partners")(tables, "en")
    assert info.subtitle == (
        "Russia's trade turnover with each partner: 2018 above, other dates below. "
        "Billions of US dollars"
    )
    # the agency is named where it is true: over the 2018 panel only
    texts = _texts(chart_function("partners")(tables, lang="en"))
    assert "2018, as reported by Russian customs" in texts


@pytest.mark.parametrize("name", CHARTS)
def test_every_persian_header_and_note_line_is_set_right_to_left(tables, name: str) -> None:
    """A line takes the direction of its first strong letter; a wrapped note line that
    begins with a Latin name ("R019 Mehr …") would be laid out left to right, scrambling
    the dates and words around it. Each line opens with a right-to-left mark."""
    fig = chart_function(name)(tables, lang="fa")
    lines = [line for text in fig.texts for line in text.get_text().split("\n")]
    assert len(lines) >= 3  # title, subtitle, note
    assert all(line.startswith("\u200f") for line in lines)
    english = chart_function(name)(tables, lang="en")
    assert not any("\u200f" in text.get_text() for text in english.texts)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_the_gallery_cites_what_the_chart_cites(tables, name: str, lang: str) -> None:
    """figures/README.md gives each chart the source note the chart itself prints."""
    from tradestats.charts.render import gallery

    drawn = _texts(chart_function(name)(tables, lang=lang))
    start = "Source:" if lang == "en" else "منبع:"
    note = next(t for t in drawn if t.startswith(start)).replace("\n", " ")
    listed = [line[2:] for line in gallery(tables).split("\n") if line.startswith(f"- {start}")]
    assert note in listed


@pytest.mark.parametrize("name", CHARTS)
def test_persian_alt_text_uses_persian_punctuation(tables, name: str) -> None:
    """Lists in Persian alt text are joined with «،» and «؛», not ',' and ';' (a Latin
    comma stays only between the figure ids of a source note)."""
    alt = chart_info(name)(tables, "fa").alt
    assert ", " not in alt and "; " not in alt, alt


@pytest.mark.parametrize("lang", LANGS)
def test_a_title_with_two_dollar_amounts_stays_plain_text(tables, lang: str) -> None:
    """A second full-year turnover adds a second '$' to the title: it must not turn the
    words between them into mathematics, and the amounts read as clauses."""
    grown = _with_flow(tables, "F023", "F998", "2021", 4000.0, "exact")
    title = chart_info("iran_russia_trade")(grown, lang).title
    expected = {
        "en": "Russia–Iran trade was $1.7 billion in 2017 and 2018, and $4.0 billion in 2021",
        "fa": "حجم تجارت روسیه و ایران ۱٫۷ میلیارد دلار در ۲۰۱۷ و ۲۰۱۸، و ۴٫۰ میلیارد دلار "
        "در ۲۰۲۱ بود",
    }
    assert title == expected[lang]
    fig = chart_function("iran_russia_trade")(grown, lang=lang)
    shown = [t for t in fig.findobj(Text) if t.get_text()]
    assert shown and not [t.get_text() for t in shown if t.get_parse_math()]


def _with_flow(tables, like: str, new_id: str, period: str, value: float, qualifier: str):
    """The tables with one more trade flow, a copy of ``like`` for another ``period``
    ('2021', or 'start/end')."""
    flows, figures = tables["trade_flows"].copy(), tables["figures"].copy()
    row = flows[flows["figure_id"] == like].copy()
    row[["figure_id", "value_usd_m", "qualifier"]] = [new_id, value, qualifier]
    start, end = period.split("/") if "/" in period else (f"{period}-01-01", f"{period}-12-31")
    row["period_start"], row["period_end"] = pd.Timestamp(start), pd.Timestamp(end)
    fig_row = figures[figures["figure_id"] == like].assign(figure_id=new_id)
    return {
        **tables,
        "trade_flows": pd.concat([flows, row], ignore_index=True),
        "figures": pd.concat([figures, fig_row], ignore_index=True),
    }


def test_a_texts_figure_keeps_its_qualifier_beside_the_references(tables) -> None:
    grown = _with_flow(tables, "F023", "F997", "2022", 4900.0, "about")
    texts = _texts(chart_function("iran_russia_references")(grown, lang="en"))
    assert "2022\ntext: about 4,900\n(F997)" in texts
    assert "2022: about 4,900 (F997)" in chart_info("iran_russia_references")(grown, "en").alt


@pytest.mark.parametrize("lang", LANGS)
def test_a_bound_and_a_second_iranian_year_are_drawn_legibly(tables, lang: str) -> None:
    """A 'more than' turnover of Iranian customs for the Iranian year 1401 is drawn as a
    bound (it was left out), its period label does not run into its neighbour's, and the
    key, now five entries, stays inside the figure."""
    grown = _with_flow(tables, "F039", "F996", "2022-03-21/2023-03-20", 3400.0, "more_than")
    fig = chart_function("iran_russia_trade")(grown, lang=lang)
    words = {"en": "more than 3,400", "fa": "بیش از ۳٬۴۰۰"}[lang]
    assert words in _texts(fig)
    assert "F996" in chart_info("iran_russia_trade")(grown, lang).rows["figure_id"].tolist()
    # the Iranian year 1401 (March 2022 to March 2023) stretches the years shown to 2022
    years = [t.get_text() for t in fig.axes[0].get_xticklabels() if "\n" not in t.get_text()]
    latin = [y.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")) for y in years]
    assert "2022" in latin and "2023" not in latin
    with style.house_style(lang):
        renderer = FigureCanvasAgg(fig).get_renderer()
        ax = fig.axes[0]
        boxes = sorted(
            (t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()),
            key=lambda b: b.x0,
        )
        legend = ax.get_legend().get_window_extent(renderer)
    assert all(a.x1 <= b.x0 for a, b in itertools.pairwise(boxes))
    width = fig.get_figwidth() * fig.dpi
    assert legend.x0 >= 0 and legend.x1 <= width
