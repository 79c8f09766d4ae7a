"""``tradestats extract --rows``: draft trade rows with the evidence for each field."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLEAN, RAW, REPO
from tradestats.cli import cli
from tradestats.docs import Scores, draft_accuracy, drafts_of, field_scores
from tradestats.text.draft import DraftRow, draft_rows

FIXTURES = REPO / "tests" / "fixtures"


def test_drafts_on_our_texts_are_right_field_by_field() -> None:
    accuracy = draft_accuracy(RAW, CLEAN)
    total = sum(accuracy["flow"])
    assert total == 22  # every transcribed trade figure
    for name, (right, wrong, _blank) in accuracy.items():
        assert right >= 0.95 * total, (name, accuracy[name])
        assert wrong <= 1, (name, accuracy[name])  # a wrong field costs more than a blank
    # the one wrong: F018's «رساندن … به ۱۰۰ میلیارد دلار», a target with no target word
    assert accuracy["nature"] == (21, 1, 0)


# Two small sets of short articles (1-3 lines), kept as regression tests; docs/ reports
# the news sets, which are the measure.
def unseen_accuracy(articles: Path) -> tuple[Scores, int, int]:
    """(per-field scores, rows drafted that no expected row matches, rows the drafts
    missed) on the test articles in ``articles``: each article's expected rows are in
    expected.csv, its date in articles.csv."""
    expected, drafts = drafts_of(articles)
    unmatched = {(f, i) for f, rows in drafts.items() for i in range(len(rows))}
    pairs = []
    for e in expected:
        hit = next(
            (
                i
                for i, d in enumerate(drafts[e["file"]])
                if d.line == int(e["line"])
                and d.measure == e["measure"]
                and abs(d.signed_value - float(e["value"])) < 1e-6 * abs(float(e["value"]))
            ),
            None,
        )
        unmatched.discard((e["file"], hit))
        pairs.append((None if hit is None else drafts[e["file"]][hit], e))
    missed = sum(1 for d, _e in pairs if d is None)
    return field_scores(pairs), len(unmatched), missed


# The two small sets below were written, by the rules' authors, under two rules issue 23
# changed: an agency's attribution did not carry to the next paragraph, and a headline
# that rounds a body figure was drafted too. Their agency field, and the two rounded
# headlines, are therefore not held to them; the news sets below are the measure now.
_OLD_RULES = {"agency"}


def test_drafts_on_the_tuned_test_articles() -> None:
    scores, extra, missed = unseen_accuracy(FIXTURES / "articles")
    assert sum(scores["flow"]) == 94 and missed <= 2 and extra == 0
    for name, (right, wrong, _blank) in scores.items():
        if name not in _OLD_RULES:
            assert right >= 88 and wrong <= 3, (name, scores[name])


def test_drafts_on_the_held_out_test_articles() -> None:
    """Never tuned on: these bounds record what a new article can expect, and fail if a
    change makes it worse."""
    scores, extra, missed = unseen_accuracy(FIXTURES / "heldout")
    assert sum(scores["flow"]) == 24 and missed == 0 and extra == 0
    assert scores["pair (reporter, partner)"][0] >= 21
    for name, (right, wrong, _blank) in scores.items():
        if name not in _OLD_RULES:
            assert right >= 20 and wrong <= 3, (name, scores[name])


# floors a little under what was measured (docs/drafting.md): a regression fails here;
# the goals (85% whole rows, 95% found, at most 5% of other numbers drafted as observed
# trade) are reported in docs/drafting.md, not asserted
NEWS_FLOORS = {
    "news_tuning": (0.63, 0.93, 0.08),
    "news_heldout": (0.51, 0.90, 0.09),
    "news_heldout2": (0.54, 0.90, 0.12),
}


@pytest.mark.parametrize("folder", list(NEWS_FLOORS))
def test_drafts_on_news_articles_hold_their_floor(folder: str) -> None:
    from tradestats.docs import news_accuracy

    score = news_accuracy(FIXTURES / folder)
    whole, found, other = NEWS_FLOORS[folder]
    assert score.rows > 200 and score.articles >= 18
    assert score.whole >= whole * score.rows, (score.whole, score.rows)
    assert score.found >= found * score.rows, (score.found, score.rows)
    assert score.other_as_trade <= other * score.other, (score.other_as_trade, score.other)


def _one(text: str, date: dt.date | None = None) -> DraftRow:
    [row] = draft_rows(text, date=date)
    return row


def _period(row: DraftRow) -> tuple[str | None, str | None]:
    return row.fields["period_start"], row.fields["period_end"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "Trade between China and Russia reached $80.6 billion in January-September 2019.",
            ("2019-01-01", "2019-09-30"),
        ),
        (
            "Товарооборот России и Азербайджана за январь–сентябрь 2023 года составил 3,3 млрд "
            "долларов.",
            ("2023-01-01", "2023-09-30"),
        ),
        (
            "Azerbaijan's trade with Russia was $1.1 billion in the first quarter of 2023.",
            ("2023-01-01", "2023-03-31"),
        ),
        ("Russia-Iran trade hit $1.2 billion in Q3 2022.", ("2022-07-01", "2022-09-30")),
        (
            "Товарооборот России и Китая в первом полугодии 2021 года составил 62,2 млрд долларов.",
            ("2021-01-01", "2021-06-30"),
        ),
        (
            "حجم تجارت ترکیه با روسیه در نه ماه نخست سال ۲۰۲۱ به ۲۳ میلیارد دلار رسید.",
            ("2021-01-01", "2021-09-30"),
        ),
        (
            "تجارت ایران و روسیه از فروردین تا آذر ۱۴۰۰ به ۳ میلیارد دلار رسید.",
            ("2021-03-21", "2021-12-21"),
        ),
        # the year nearest the figure, and a comparison's base year is not its period
        (
            "Trade between Azerbaijan and Russia was $1.9 billion in 2010, compared with $1.5 "
            "billion in 2009.",
            ("2010-01-01", "2010-12-31"),
        ),
        (
            "Trade between Turkey and Russia reached $34.7 billion in 2021, up from $20.8 billion "
            "a year earlier.",
            ("2021-01-01", "2021-12-31"),
        ),
    ],
)
def test_periods_as_texts_write_them(text: str, period: tuple[str, str]) -> None:
    assert _period(draft_rows(text)[0]) == period


def test_a_year_earlier_and_base_years() -> None:
    _now, before = draft_rows(
        "Trade between Turkey and Russia reached $34.7 billion in 2021, up from $20.8 billion "
        "a year earlier."
    )
    assert _period(before) == ("2020-01-01", "2020-12-31")
    assert "a year earlier" in before.evidence["period"]
    _value, growth = draft_rows(
        "Trade between the EU and Russia was €253.9 billion in 2018, 9.5% more than in 2017."
    )
    assert (growth.measure, growth.signed_value, _period(growth)[0]) == (
        "growth_percent",
        9.5,
        "2018-01-01",
    )


def test_a_line_without_a_period_or_pair_takes_them_from_the_one_before() -> None:
    rows = draft_rows(
        "Trade between Russia and Iran rose to $4.9 billion in 2022.\n"
        "Russian exports to Iran reached $3.8 billion, while imports from Iran came to about "
        "$1.1 billion.\n"
        "The two countries want to lift trade to $10 billion."
    )
    exports, imports, target = rows[1:]
    assert (exports.fields["reporter"], exports.fields["flow"]) == ("RUS", "exports")
    assert (imports.fields["reporter"], imports.fields["flow"]) == ("RUS", "imports")
    assert _period(imports) == ("2022-01-01", "2022-12-31")
    assert imports.evidence["period"] == "2022 (as the figure on line 1)"
    assert (target.fields["reporter"], target.fields["partner"]) == ("RUS", "IRN")
    assert (target.nature, _period(target)) == ("target", (None, None))  # never carried


def test_a_paragraph_further_on_takes_no_period() -> None:
    rows = draft_rows(
        "Trade between Russia and Iran was $4.9 billion in 2022.\n\n"
        "The two countries signed a gas deal.\n\n"
        "Trade between Iran and Russia has always stayed under $5 billion."
    )
    assert _period(rows[1]) == (None, None)


def test_russian_changes_and_qualifiers() -> None:
    growth, value = draft_rows(
        "По данным ФТС, товарооборот России и Турции в 2020 году сократился на 21% до "
        "20,8 млрд долларов."
    )
    assert (growth.measure, growth.signed_value) == ("growth_percent", -21.0)
    assert growth.fields["reporting_agency"] == "Federal Customs Service of Russia"
    assert value.quote == "20,8 млрд долларов"  # the full stop is not «долл.»
    more = _one("Товарооборот России и Азербайджана превысил 3 млрд долларов.")
    assert more.qualifier == "more_than"
    target = _one("Стороны намерены довести товарооборот до 100 млрд долларов.")
    assert target.nature == "target"


def test_persian_more_than_said_after_and_dari_percent() -> None:
    beyond = _one("حجم تجارت دو کشور در سال ۲۰۲۲ از ۱.۹ میلیارد دلار فراتر رفت.")
    assert beyond.qualifier == "more_than"
    growth = _one("تجارت چین و روسیه در سال ۲۰۲۲ حدود ۲۹ فیصد افزایش یافت.")
    assert (growth.measure, growth.value, growth.qualifier) == ("growth_percent", 29.0, "about")


def test_a_verb_at_the_end_names_the_flow() -> None:
    row = _one("ترکیه در سال ۲۰۲۱ معادل ۴.۱ میلیارد دلار کالا به روسیه صادر کرد.")
    assert (row.fields["reporter"], row.fields["partner"], row.fields["flow"]) == (
        "TUR",
        "RUS",
        "exports",
    )


def test_agencies_of_other_economies() -> None:
    eurostat = _one(
        "Trade between the European Union and Russia was €253.9 billion, Eurostat said."
    )
    assert (eurostat.fields["reporter"], eurostat.currency) == ("EUU", "EUR")
    assert eurostat.as_dict()["value_usd_m"] is None
    turk = _one("Turkey's trade with Russia reached $34.7 billion, according to TurkStat.")
    assert turk.fields["reporting_agency"] == "Turkish Statistical Institute"


def test_not_trade_is_not_drafted() -> None:
    text = (
        "سفیر روسیه گفت حجم سرمایه گذاری روسیه در ایران به ۲.۷ میلیارد دلار رسیده است.\n"
        "The share of national currencies in settlements rose to 40%.\n"
        "Russia shipped 12,000 tonnes of wheat to Iran."
    )
    assert draft_rows(text) == []


def test_a_headline_repeating_the_body_is_drafted_once() -> None:
    rows = draft_rows(
        "Russia-Iran trade rose 20% to $4.9 billion in 2022\n"
        "Trade between Russia and Iran rose 20% to $4.9 billion last year, according to the "
        "Federal Customs Service.",
        date=dt.date(2023, 1, 25),
    )
    assert [(r.line, r.measure) for r in rows] == [(2, "growth_percent"), (2, "value")]


def test_a_draft_says_why_and_leaves_blank_what_the_text_does_not_say() -> None:
    [row] = draft_rows(
        "Trade between Russia and Iran reached $4 bln last year, the Federal Customs Service said.",
        date=dt.date(2022, 2, 1),
    )
    assert (row.fields["reporter"], row.fields["partner"], row.fields["flow"]) == (
        "RUS",
        "IRN",
        "turnover",
    )
    assert (row.fields["period_start"], row.fields["period_end"]) == ("2021-01-01", "2021-12-31")
    assert row.fields["reporting_agency"] == "Federal Customs Service of Russia"
    assert row.evidence["period"] == "last year (the article's date: 2022-02-01)"
    [bare] = draft_rows("It came to $3 billion.")
    assert bare.fields["reporter"] is None and bare.evidence["economies"] == "not stated"


def test_exports_and_imports_from_the_reporters_side() -> None:
    [exports, imports] = draft_rows(
        "بر اساس گزارش گمرک روسیه در سال 2018، 1 میلیارد دلار صادرات به ایران "
        "و 500 میلیون دلار واردات از ایران بود."
    )
    assert (exports.fields["flow"], exports.fields["exporter"], exports.fields["importer"]) == (
        "exports",
        "RUS",
        "IRN",
    )
    assert (imports.fields["flow"], imports.fields["exporter"]) == ("imports", "IRN")
    [half] = draft_rows("گمرک ایران: در شش ماهه اول سال 1400 صادرات 270 میلیون دلار بود.")
    assert (half.fields["period_start"], half.fields["period_end"]) == ("2021-03-21", "2021-09-22")


def test_targets_are_marked(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Russia and Iran aim to raise trade to $10 billion.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--rows", "--format", "csv", str(path)])
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(io.StringIO(result.output)))
    assert (row["nature"], row["qualifier"], row["measure"]) == ("target", "target", "value")
    assert row["value_usd_m"] == "10000.0"


_TOKENS = [
    *"0123456789 ,.%$€-–/\nابپتثجدرزسشکگلمنوهیآ",
    *("میلیارد", "دلار", "صادرات", "واردات", "ایران", "روسیه", "به", "از", "bln", "Russia"),
    *("exports", "to", "млрд", "долларов", "1400", "2019", "last year", "گمرک روسیه", " "),
    *("январь–сентябрь", "Q1", "first half of", "نه ماه نخست", "فیصد", "превысил", "на"),
    *("a year earlier", "than in", "سرمایه گذاری", "share", "صادر کرد", "\n\n", "فروردین تا"),
]


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join),
        st.text(max_size=200),
    )
)
def test_drafting_never_crashes(text: str) -> None:
    """Mixed scripts, digits, number words and random Unicode: extract and the drafting
    never crash, and every drafted row is well formed."""
    for row in draft_rows(text, date=dt.date(2022, 1, 1)):
        assert row.measure in {"value", "growth_percent"}
        assert set(row.as_dict()) >= {"reporter", "partner", "flow", "evidence"}


def test_drafted_figures_rows_build_once_reviewed(tmp_path: Path) -> None:
    """The add-a-text workflow: draft figures.csv rows, review (write the subject, fill
    what the text does not settle), append, build."""
    import shutil

    from tradestats.builder.pipeline import build
    from tradestats.text.draft_render import figure_rows
    from tradestats.text.extract import RAW_FIGURE_COLUMNS

    added = FIXTURES / "added"
    raw = tmp_path / "data" / "raw"
    shutil.copytree(RAW, raw)
    shutil.copy(added / "added.txt", raw / "texts" / "added.txt")
    for name in ("sources.csv", "economies.csv"):
        with (raw / name).open("a", encoding="utf-8") as fh:
            fh.write((added / name).read_text(encoding="utf-8"))
    with (raw / "agencies.csv").open(encoding="utf-8") as fh:
        agency_ids = {r["name_en"]: r["agency_id"] for r in csv.DictReader(fh)}
    text = (added / "added.txt").read_text(encoding="utf-8")
    drafted = figure_rows([("added.txt", "added-2022", draft_rows(text))], agency_ids, 901)
    with (added / "figures.csv").open(encoding="utf-8") as fh:
        wanted = list(csv.DictReader(fh, fieldnames=RAW_FIGURE_COLUMNS))
    assert len(drafted) == len(wanted) == 3
    settled = ("figure_id", "source_id", "quote", "reporter", "flow", "agency_id", "period")
    for got, want in zip(drafted, wanted, strict=True):
        assert {c: str(got[c]) for c in settled} == {c: want[c] for c in settled}
    # Kazakhstan: known by its CLDR names since the drafter reads other economies too
    assert [d["partner"] for d in drafted] == ["IRN", "RUS", "KAZ"]
    for got, want in zip(drafted, wanted, strict=True):  # the review
        got.update(subject=want["subject"], partner=want["partner"])
    with (raw / "figures.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, RAW_FIGURE_COLUMNS, lineterminator="\n").writerows(drafted)
    build(tmp_path)  # raises, listing every problem, if a row does not hold
    flows = pd.read_csv(tmp_path / "data" / "clean" / "trade_flows.csv", dtype=str)
    assert set(flows.figure_id) >= {"F901", "F902", "F903"}


def test_a_change_of_trade_drafts_a_trade_growth_row_with_its_pair() -> None:
    from tradestats.text.draft_render import figure_rows

    text = (
        "Iran's trade with Russia reached $1.4 billion in the first half of 2021, Iranian "
        "customs said, 33% more than a year earlier."
    )
    value, growth = figure_rows([("a.txt", "a", draft_rows(text))], {}, 1)
    assert (value["category"], value["reporter"], value["period"]) == (
        "trade",
        "IRN",
        "2021-01/2021-06",
    )
    assert (growth["category"], growth["reporter"], growth["partner"], growth["flow"]) == (
        "trade_growth",
        "IRN",
        "RUS",
        "turnover",
    )
    assert "change of IRN–RUS turnover" in str(growth["note"])
    [unsettled] = figure_rows([("b.txt", "b", draft_rows("Trade rose 12% in 2021."))], {}, 1)
    assert (unsettled["reporter"], unsettled["partner"], unsettled["flow"]) == ("", "", "")


def test_a_year_does_not_take_the_percent_sign_of_a_figure_words_away() -> None:
    from tradestats.text.extract import extract

    text = "Trade reached $1.4 billion in 2021, Iranian customs said, 33% more."
    assert [c.quote for c in extract(text, include_bare=True) if c.kind == "percent"] == ["33%"]


def test_the_evidence_says_how_an_ambiguous_comma_was_read() -> None:
    decimal = _one("Russia's exports to Iran were $117,7 million in 2017.")
    assert decimal.value == 117_700_000
    assert decimal.evidence["number"] == "'117,7' read with a decimal comma (1 digit(s) after it)"
    thousands = _one("Trade between Russia and Iran was $1,219 million in 2017.")
    assert thousands.value == 1_219_000_000
    assert "thousands separator" in thousands.evidence["number"]
    plain = _one("Trade between Russia and Iran was $219,700,000 in 2017.")
    assert "number" not in plain.evidence  # two groups of three: one reading only


def test_second_round_readings() -> None:
    eleven = _one("مبادلات تجاری ایران و روسیه در ۱۱ ماهه سال ۱۴۰۱ به ۲.۸ میلیارد دلار رسید.")
    assert _period(eleven) == ("2022-03-21", "2023-02-19")  # Iranian months 1-11, converted
    forecast = _one("Officials in Moscow and Tehran say bilateral trade should top $6 billion.")
    assert (forecast.qualifier, forecast.nature) == ("more_than", "forecast")
    supplies = _one("Поставки из Китая в Россию выросли до 29,6 млрд долларов в 2021 году.")
    assert (supplies.fields["exporter"], supplies.fields["importer"]) == ("CHN", "RUS")
    volume = _one("Объем торговли между Россией и Китаем в 2021 году составил 62,2 млрд долларов.")
    assert volume.fields["flow"] == "turnover"
    intends = draft_rows(
        "حجم تجارت ایران و روسیه ۵ میلیارد دلار بود.\n"
        "تهران و مسکو قصد دارند این رقم را به ۱۰ میلیارد دلار برسانند."
    )[1]
    assert (intends.nature, intends.fields["flow"]) == ("target", "turnover")
    assert intends.evidence["flow"] == "حجم تجارت (as the figure on line 1)"


def test_the_figure_refers_to_the_latest_turnover_not_the_last_flow() -> None:
    rows = draft_rows(
        "Trade between Azerbaijan and Russia reached $4.1 billion in 2022.\n"
        "Azerbaijan's exports to Russia were $1 billion, its imports from Russia $3.1 billion.\n"
        "In 2021, the figure stood at $3.3 billion."
    )
    assert (rows[-1].fields["flow"], _period(rows[-1])[0]) == ("turnover", "2021-01-01")


def test_a_comparison_base_lends_its_period_to_no_later_figure() -> None:
    text = (
        "Trade fell 12% to $3.1bn in the first half of 2023, from $3.5bn a year earlier.\n"
        "Russian exports to Turkey rose by a third, to 45 billion dollars.\n"
    )
    rows = {r.quote: r for r in draft_rows(text)}
    assert rows["$3.5bn"].fields["period_start"] == "2022-01-01"  # the base
    later = rows["45 billion dollars"]
    assert (later.fields["period_start"], later.fields["period_end"]) == (
        "2023-01-01",
        "2023-06-30",
    )
    assert later.evidence["period"] == "first half 2023 (as the figure on line 1)"


def test_drafting_work_grows_with_the_figures_not_their_square() -> None:
    """A line of many figures costs each figure the same: the characters the drafter
    searches for economies, flows and agencies, per figure, do not grow with the line."""
    from tradestats.text import draft as drafting

    vocabularies = (drafting._ECONOMIES, drafting._FLOWS, drafting.AGENCIES)

    def work_per_figure(n: int) -> float:
        line = " ".join(f"Iran exported ${i + 1} million to Russia in 2020," for i in range(n))
        before = sum(v.scanned for v in vocabularies)
        rows = draft_rows(line)
        assert len(rows) == n
        return (sum(v.scanned for v in vocabularies) - before) / n

    small, large = work_per_figure(100), work_per_figure(1000)
    assert large <= 1.1 * small, (small, large)  # quadratic drafting gives 10 times more


def test_the_api_returns_the_rows_extract_prints_as_a_typed_frame() -> None:
    import tradestats

    text = (FIXTURES / "news_tuning" / "en_wire_china_russia_2023.txt").read_text("utf-8")
    frame = tradestats.draft(text, date=dt.date(2024, 1, 12))
    printed = CliRunner().invoke(
        cli,
        [
            "extract", "--rows", "--format", "csv", "--date", "2024-01-12",
            str(FIXTURES / "news_tuning" / "en_wire_china_russia_2023.txt"),
        ],
    )  # fmt: skip
    assert printed.exit_code == 0, printed.output
    rows = list(csv.DictReader(io.StringIO(printed.output)))
    assert [int(r["line"]) for r in rows] == frame["line"].tolist()
    assert [r["quote"] for r in rows] == frame["quote"].tolist()
    assert str(frame["period_start"].dtype).startswith("datetime64")
    assert isinstance(frame["measure"].dtype, pd.CategoricalDtype)
    # 'a record $240.1 billion last year' (the article of 12 Jan 2024): 2023, not the
    # goal's 2024 later in the sentence
    first = frame.iloc[0]  # the headline's repeat of it is drafted once, from the body
    assert (first["line"], first["quote"]) == (2, "$240.1 billion")
    assert first["period_start"] == pd.Timestamp("2023-01-01")
    # 'That left China with a deficit of $18.2 billion': a balance, negative, China's
    deficit = frame[frame["quote"] == "$18.2 billion"].iloc[0]
    assert (deficit["measure"], deficit["flow"], deficit["value"]) == (
        "balance",
        "balance",
        -18.2e9,
    )
    assert (deficit["reporter"], deficit["partner"]) == ("CHN", "RUS")


def test_the_date_comes_from_sources_csv_or_the_dateline(tmp_path: Path) -> None:
    import shutil

    registered = RAW / "texts" / "000_5b455d38a6af106d.txt"  # iranonline-2022, 2022-01-18
    copy = tmp_path / "copy.txt"
    shutil.copy(registered, copy)
    for path in (registered, copy):  # by its path, and by its bytes
        out = CliRunner().invoke(cli, ["extract", "--rows", "--format", "json", str(path)])
        assert out.exit_code == 0, out.output
        assert (
            "the text's date in sources.csv" not in out.output or '"iranonline-2022"' in out.output
        )
        assert '"source_id": "iranonline-2022"' in out.output
    dated = (
        "Trade rises\nTEHRAN, Jan 29, 2024 (AFP) - Trade with Russia was $2.6 billion last year."
    )
    [row] = draft_rows(dated)
    assert _period(row) == ("2023-01-01", "2023-12-31")
    assert "the date on line 2: 2024-01-29" in row.evidence["period"]


def test_a_persian_text_dated_in_the_iranian_calendar_counts_its_years_so() -> None:
    text = (
        "تجارت ایران و روسیه\n"
        "تهران- ایرنا- ۲۸ دی ۱۳۹۵\n"
        "حجم مبادلات تجاری ایران و روسیه در ۹ ماه نخست امسال به یک میلیارد دلار رسید."
    )
    [row] = draft_rows(text)
    assert _period(row) == ("2016-03-20", "2016-12-20")  # Farvardin to Azar 1395


def test_an_absolute_change_is_a_change_and_a_word_growth_a_rate() -> None:
    rows = draft_rows(
        "Russia's exports to Iran increased by $1.2 billion in 2022, and imports doubled."
    )
    change = next(r for r in rows if r.quote == "$1.2 billion")
    assert (change.measure, change.signed_value) == ("change", 1.2e9)
    doubled = next(r for r in rows if r.quote == "doubled")
    assert (doubled.measure, doubled.signed_value) == ("growth_percent", 100.0)


def test_an_agency_named_on_an_earlier_line_is_quoted_with_its_line(tmp_path: Path) -> None:
    """--format figures gives agency_quote verbatim and agency_line, as figures.csv wants
    them, for an agency named a line before its figure."""
    article = tmp_path / "article.txt"
    article.write_text(
        "MOSCOW, March 3, 2025 (TASS) - Russia's Federal Customs Service said on Monday "
        "that trade with India rose.\n\n"
        "Trade between Russia and India reached $65 billion in 2024.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["extract", "--rows", "--format", "figures", str(article)])
    assert result.exit_code == 0, result.output
    (row,) = list(csv.DictReader(io.StringIO(result.output)))
    assert (row["quote"], row["agency_quote"], row["agency_line"]) == (
        "$65 billion",
        "Federal Customs Service",
        "1",
    )
    assert "Federal Customs Service" in article.read_text(encoding="utf-8").split("\n")[0]
