"""Charts: drawn from the tables, honest, in both languages, and reproducible."""

from __future__ import annotations

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


def _plain(text: str) -> str:
    """A text as a reader sees it: without the invisible right-to-left marks that open
    Persian lines, and with no-break spaces as spaces."""
    return text.replace("\u200f", "").replace("\u00a0", " ")


def _texts(fig) -> list[str]:
    """Every text a figure draws, as a reader sees it."""
    from chart_checks import texts

    return [_plain(t.get_text()) for t in texts(fig)]


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
    note = next(t for t in texts if t.startswith(("Source", "منبع", "منابع"))).replace("\n", " ")
    sources = tables["sources"]
    outlet = sources.loc[
        sources["source_id"] == "iranonline-2022", "outlet" if lang == "en" else "outlet_fa"
    ].item()
    assert outlet in note
    assert ("Data: tradestats," if lang == "en" else "داده‌ها:") in note
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
    assert "348.0" in texts  # the text states it to the million: one decimal in billions
    title = " ".join(texts).replace("\n", " ")
    assert "was 200 times its trade with Iran" in title  # 348.0 / 1.74


def test_titles_are_written_from_the_plotted_rows(tables) -> None:
    titles = {name: chart_info(name)(tables, "en").title for name in CHARTS}
    assert titles == {
        "iran_russia_trade": "Iran–Russia trade was $1.7 billion in 2017 and 2018",
        "iran_exports_growth": "Russia's imports from Iran more than doubled in 2020, after "
        "falling in 2019",
        "partners": "In 2018, Russia's trade with the European Union was 169 times its trade "
        "with Iran",
        # each figure's agency named, or that the text names none
        "russia_balance": "Russia exported more than it imported: with the European Union in "
        "2018 (Russian customs) and with the world in 2019 (Iran Online, naming no agency)",
        # every figure the title cites is someone's remark (officials, a chamber's head)
        "iran_russia_references": "Remarks reported in the press put Iran–Russia trade at "
        "$2.18 billion in 2016 and about $4.6–4.9 billion in 2022",  # "some $4.9 billion"
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
    assert "Other dates, no agency named: not comparable with 2018" in texts


def test_iran_chart_shows_2017_to_2021_by_agency(tables) -> None:
    texts = _texts(chart_function("iran_russia_trade")(tables, lang="en"))
    assert {"2017", "2018", "2019", "2020", "2021"} <= set(texts)
    assert texts.count("no figure given") == 1  # 2021: nothing at all
    fig = chart_function("iran_russia_trade")(tables, lang="en")
    # a missing bar is not drawn (the subtitle says so): 3 + 3 + 1 + 1 Russian, 3 Iranian
    assert len([p for p in fig.axes[0].patches if isinstance(p, Rectangle)]) == 11
    assert "Farvardin–Shahrivar 1400\n(21 Mar to\n22 Sep 2021)" in texts
    # each block says who recorded it, and that goods from the other side are its imports
    assert "Russian customs, full years · goods from Iran: Russia's imports" in texts
    assert "Iranian customs, 6 months only · goods from Russia: Iran's imports" in texts
    assert {"1,740", "1,707", "392.2", "907"} <= set(texts)
    # the source's claim is the source's, and the reconciliation's finding stands by it
    claim = next(t for t in texts if "has always been under" in t).replace("\n", " ")
    assert claim == (
        "Iran Online says trade 'has always been under' $2 billion. Other published figures "
        "contradict it: $2.18 billion for 2016 (a remark by Iran's ambassador to Russia; "
        "Sputnik) and $4.04 billion for 2021 (exports plus imports as Russian customs "
        "recorded them; RT)."
    )


def test_growth_chart_shows_every_year_and_checks_the_stated_rate(tables) -> None:
    texts = _texts(chart_function("iran_exports_growth")(tables, lang="en"))
    assert {"392.2", "533", "390", "800"} <= set(texts)
    # the text's rate and the rate its two values give (800 / 390 - 1 = 105.1%), rounded alike
    check = (
        "Iran Online gives about 105%; its own two values give 105% (consistent within rounding)."
    )
    assert check in texts
    assert "Iran Online: about 105% more" in texts  # the article's rate keeps its 'about'


def test_partner_bounds_and_targets_are_marked(tables) -> None:
    fig = chart_function("partners")(tables, lang="en")
    texts = _texts(fig)
    assert "more than 30" in texts  # Türkiye, 'more than 30 billion'
    assert "more than 2" in texts  # Azerbaijan, «بیش از دو میلیارد»: no decimal it lacks
    assert "target 100" in texts
    assert {"294.2", "108.3", "1.74"} <= set(texts)  # they give the title's 169
    # the article's date (inferred from the page), not the figure's period
    assert "Azerbaijan, period not stated\n(article of about Aug 2010)" in texts
    hatched = [p for p in fig.findobj(Rectangle) if p.get_hatch() == "////"]
    assert len(hatched) == 3  # two bounds, and the bound in the key
    # one scale for both panels
    assert fig.axes[0].get_xlim() == fig.axes[1].get_xlim()
    assert fig.axes[0].get_position().x0 == fig.axes[1].get_position().x0
    persian = _texts(chart_function("partners")(tables, lang="fa"))
    assert any("دوره ذکر نشده؛ گزارش" in t for t in persian)
    assert not any("\nتا " in t for t in persian)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_source_notes_name_the_agency_of_each_figure(tables, name, lang) -> None:
    info = chart_info(name)(tables, lang)
    text_ids = [i for i in info.rows["figure_id"] if str(i).startswith("F")]
    note = info.note or source_note(tables, text_ids, lang)
    for source_id, agency, ids in note_groups(tables, text_ids):
        for fid in ids:
            named = tables["figures"].set_index("figure_id").loc[fid, "reporting_agency"]
            assert (named if isinstance(named, str) else None) == agency, fid
            assert tables["figures"].set_index("figure_id").loc[fid, "source_id"] == source_id
        words = compact_ids(ids)
        if lang == "en" and name != "iran_russia_references":
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
            horizontal = name in ("partners", "iran_russia_references", "iran_russia_trade")
            low = ax.get_xlim()[0] if horizontal else ax.get_ylim()[0]
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
    head = svg[svg.index("<svg") : svg.index(">", svg.index("<svg"))]
    assert 'xml:lang="fa"' in head and 'role="img"' in head
    assert 'aria-labelledby="chart-title chart-desc"' in head
    assert (
        '<title id="chart-title">در ۲۰۱۸ تجارت روسیه با اتحادیهٔ اروپا ۱۶۹ برابر تجارتش با ایران '
        "بود</title>" in svg
    )
    assert '<desc id="chart-desc">نمودار میله‌ای حجم تجارت روسیه' in svg
    assert ">ترکیه" in svg  # live text, not paths
    assert (
        "@font-face {font-family: 'Vazirmatn'; font-weight: normal; src: url(data:font/ttf" in svg
    )


def test_pdf_embeds_truetype_says_its_language_and_claims_no_date(tmp_path: Path) -> None:
    import pypdfium2

    for lang in LANGS:
        render_charts(["russia_balance"], formats=["pdf"], lang=lang, out_dir=tmp_path)
    for name, lang in (("russia_balance.pdf", "en"), ("russia_balance.fa.pdf", "fa")):
        pdf = (tmp_path / name).read_bytes()
        assert b"/Type3" not in pdf and b"/FontFile2" in pdf  # TrueType, embedded
        assert b"/Author (tradestats)" in pdf
        assert b"/CreationDate" not in pdf and b"/ModDate" not in pdf
        assert b"/Title" in pdf and b"/Subject" in pdf
        assert f"/Type /Catalog /Pages 2 0 R /Lang ({lang})".encode() in pdf
        # every cross-reference points at its object, after the catalog grew
        table = pdf[pdf.rindex(b"\nxref\n") + 1 :].split(b"trailer")[0].split(b"\n")[2:]
        offsets = [int(line[:10]) for line in table if line.endswith(b" n ")]
        assert all(re.match(rb"\d+ 0 obj", pdf[o : o + 12]) for o in offsets)
        start = int(pdf[pdf.rindex(b"startxref") :].split(b"\n")[1])
        assert pdf[start : start + 4] == b"xref"
        assert len(pypdfium2.PdfDocument(pdf)) == 1


def test_each_chart_ships_its_plotted_rows_and_a_gallery(tmp_path: Path, tables) -> None:
    render_charts(formats=["png"], lang="en", out_dir=tmp_path)
    every = pd.read_csv(tmp_path / "iran_exports_growth.csv")
    rows, derived = every[every["figure_id"].notna()], every[every["figure_id"].isna()]
    # the bars, and the growth rate the chart checks (F035, about 105%, line 81)
    assert rows["figure_id"].tolist() == ["F028", "F025", "F034", "F033", "F035"]
    assert rows["value_usd_m"].tolist()[:4] == [392.2, 533.0, 390.0, 800.0]
    assert rows["value_percent"].tolist()[4] == 105
    assert rows["reporting_agency"].tolist() == ["Federal Customs Service of Russia"] * 5
    # and the rate the chart derives from 390 and 800, with what it comes from
    assert derived[["derived_value", "derived_unit", "derived_from"]].values.tolist() == [
        [105.1, "percent", "F034;F033"]
    ]
    gallery = (tmp_path / "README.md").read_text(encoding="utf-8")
    for name in CHARTS:
        for lang in LANGS:
            info = chart_info(name)(tables, lang)
            assert f"## {info.title}" in gallery and info.alt in gallery
        assert f"`tradestats plot --chart {name} --lang fa`" in gallery


def test_the_reference_chart_names_the_source_of_each_published_figure(tables) -> None:
    info = chart_info("iran_russia_references")(tables, "en")
    shown = [i for i in info.rows["figure_id"] if i.startswith("R")]
    assert shown == ["R001", "R005", "R006", "R008", "R054", "R013", "R011", "R012", "R018", "R019"]
    texts = _texts(chart_function("iran_russia_references")(tables, lang="en"))
    # a remark is labelled as a remark, by whom; an agency's figures by the agency
    assert "Remark: Iran's ambassador to Russia" in texts
    assert "Russian customs: exports + imports" in texts
    assert "3.07 + 0.97 = 4.04\n(sum derived)" in texts  # derived, and says so
    assert texts.count("No other published whole-year turnover found") == 2  # 2017, 2020
    assert {"only figures for Jan 2017", "only Iran's exports"} <= set(texts)
    assert texts.count("The article: Iran Online, citing Russian customs") == 2  # 2017, 2018
    assert not any(re.search(r"\b[RF]\d{3}\b", t) for t in texts if "Sources:" not in t)
    assert "No other published whole-year turnover was found for 2017: only figures for " in (
        info.alt
    )
    # the fine print: each page and who gave its figures, semicolons between them
    assert "Sputnik (27 Mar 2017): Iran's ambassador to Russia; Cornfield" in _plain(info.note)
    persian = chart_info("iran_russia_references")(tables, "fa").note
    assert "سفیر ایران در روسیه" in persian and "مقام یا نهاد" not in persian


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
    assert _plain(info.subtitle) == (
        "Russia's trade turnover with each partner: 2018 above, other dates below, both on "
        "one scale. Billions of US dollars"
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
    start = ("Source", "منبع", "منابع")
    note = next(t for t in drawn if t.startswith(start)).replace("\n", " ")
    listed = [
        _plain(line[2:]) for line in gallery(tables).split("\n") if line[2:].startswith(start)
    ]
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
        "en": "Iran–Russia trade was $1.7 billion in 2017 and 2018, and $4.0 billion in 2021",
        "fa": "حجم تجارت ایران و روسیه ۱٫۷ میلیارد دلار در ۲۰۱۷ و ۲۰۱۸، و ۴٫۰ میلیارد دلار "
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
    # Mehr's, and now the text's, which gives it to the million
    assert {"about 4.9", "about 4.90"} <= set(texts)
    assert "2022: The article: Iran Online, citing Russian customs, about 4.90" in (
        chart_info("iran_russia_references")(grown, "en").alt
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_bound_and_a_second_iranian_year_are_drawn_legibly(tables, lang: str) -> None:
    """A 'more than' turnover of Iranian customs for the Iranian year 1401 is drawn as a
    bound, and nothing overlaps."""
    from chart_checks import collisions

    grown = _with_flow(tables, "F039", "F996", "2022-03-21/2023-03-20", 3400.0, "more_than")
    fig = chart_function("iran_russia_trade")(grown, lang=lang)
    words = {"en": "more than 3,400", "fa": "بیش از ۳٬۴۰۰"}[lang]
    assert words in _texts(fig)
    assert "F996" in chart_info("iran_russia_trade")(grown, lang).rows["figure_id"].tolist()
    assert collisions(fig, lang) == []


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_text_is_small_overlapping_or_off_the_canvas(tables, name: str, lang: str) -> None:
    """Placed 16 cm wide, no text is under 7 pt; no two texts overlap; none leaves the
    canvas."""
    from chart_checks import collisions, too_small

    fig = chart_function(name)(tables, lang=lang)
    assert fig.get_size_inches()[0] * 2.54 == pytest.approx(style.WIDTH_CM)
    assert too_small(fig) == []
    assert collisions(fig, lang) == []


def test_the_checks_can_fail(tables) -> None:
    """The overlap and size checks find what they look for."""
    from chart_checks import collisions, too_small

    fig = chart_function("partners")(tables, lang="en")
    fig.texts[0].set_fontsize(6)
    fig.text(0.5, 0.5, "over the bars", fontsize=40)
    fig.text(0.5, 0.5, "and again", fontsize=40)
    fig.text(0.99, 0.5, "off the edge")
    found = collisions(fig, "en")
    assert "'over the bars' overlaps 'and again'" in found
    assert "'off the edge' leaves the canvas" in found
    assert too_small(fig) == [f"{fig.texts[0].get_text()[:40]!r} at 6.0 pt"]


def test_a_chart_is_a_figure_for_a_notebook() -> None:
    from matplotlib.figure import Figure

    import tradestats

    fig = tradestats.chart("partners", lang="fa")
    assert isinstance(fig, Figure)
    info = chart_info("partners")(chart_tables(), "fa")
    assert info.title.replace("\n", " ") in " ".join(_texts(fig)).replace("\n", " ")
    with pytest.raises(tradestats.TradestatsError, match="unknown chart 'nope'"):
        tradestats.chart("nope")


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_the_pdf_sets_every_word_where_the_png_does(tables, name: str, lang: str) -> None:
    """The PDF, rasterised, against the PNG, text by text: a word that a zero-width
    non-joiner splits in the PDF («س الهای») shows as a gap the PNG lacks."""
    import io

    import pypdfium2
    from PIL import Image

    from chart_checks import words_out_of_place

    dpi = 300
    fig = chart_function(name)(tables, lang=lang)
    png = Image.open(io.BytesIO(save_figure_bytes(fig, "png", dpi)))
    page = pypdfium2.PdfDocument(save_figure_bytes(fig, "pdf", dpi))[0]
    raster = page.render(scale=dpi / 72).to_pil()
    assert raster.size[0] - png.size[0] in (0, 1)
    assert words_out_of_place(fig, png, raster, lang, dpi) == []


def test_the_word_check_finds_a_broken_word(tables) -> None:
    """Without the fix in charts.pdf, matplotlib's PDF breaks Persian words at a zero-width
    non-joiner, and the check says so."""
    import io

    import pypdfium2
    from PIL import Image

    from chart_checks import words_out_of_place

    dpi = 300
    fig = chart_function("iran_russia_references")(tables, lang="fa")
    png = Image.open(io.BytesIO(save_figure_bytes(fig, "png", dpi)))
    plain = io.BytesIO()
    with style.house_style("fa"):
        fig.savefig(plain, format="pdf", dpi=dpi)  # matplotlib alone
    raster = pypdfium2.PdfDocument(plain.getvalue())[0].render(scale=dpi / 72).to_pil()
    broken = words_out_of_place(fig, png, raster, "fa", dpi)
    assert any("حجم تجارت در سال" in line for line in broken)  # «سال‌های», the subtitle
