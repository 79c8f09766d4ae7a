"""The clean tables hold the right numbers. Every expected value here was read off the
texts by a person (line numbers given), not copied from the code's output."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import CLEAN

FLOWS = pd.read_csv(CLEAN / "trade_flows.csv", keep_default_na=False, na_values=[""])
BY_ID = FLOWS.set_index("figure_id")

# figure, reporter, partner, flow, value in USD millions, period start, period end
EXPECTED_FLOWS = [
    # iranonline-2022 line 80, Russian customs
    ("F023", "RUS", "IRN", "turnover", 1740, "2018-01-01", "2018-12-31"),
    ("F024", "RUS", "IRN", "exports", 1207, "2018-01-01", "2018-12-31"),
    ("F025", "RUS", "IRN", "imports", 533, "2018-01-01", "2018-12-31"),
    ("F026", "RUS", "IRN", "turnover", 1707, "2017-01-01", "2017-12-31"),
    ("F027", "RUS", "IRN", "exports", 1314, "2017-01-01", "2017-12-31"),
    ("F028", "RUS", "IRN", "imports", 392.2, "2017-01-01", "2017-12-31"),
    ("F029", "RUS", "CHN", "turnover", 108283, "2018-01-01", "2018-12-31"),
    ("F030", "RUS", "EUU", "turnover", 294166, "2018-01-01", "2018-12-31"),
    ("F031", "RUS", "EUU", "exports", 204897, "2018-01-01", "2018-12-31"),
    ("F032", "RUS", "EUU", "imports", 89269, "2018-01-01", "2018-12-31"),
    # line 81: Iran's exports to Russia by Russian customs = Russia's imports
    ("F033", "RUS", "IRN", "imports", 800, "2020-01-01", "2020-12-31"),
    ("F034", "RUS", "IRN", "imports", 390, "2019-01-01", "2019-12-31"),
    # line 82, Iranian customs, first six months of 1400
    ("F037", "IRN", "RUS", "exports", 270, "2021-03-21", "2021-09-22"),
    ("F038", "IRN", "RUS", "imports", 637, "2021-03-21", "2021-09-22"),
    ("F039", "IRN", "RUS", "turnover", 907, "2021-03-21", "2021-09-22"),
    # line 79, no agency named
    ("F019", "RUS", "WLD", "turnover", 688115, "2019-01-01", "2019-12-31"),
    ("F020", "RUS", "WLD", "exports", 449115, "2019-01-01", "2019-12-31"),
    ("F021", "RUS", "WLD", "imports", 238151, "2019-01-01", "2019-12-31"),
    # line 78, dated by the text (2022-01-18)
    # no period: F016 is undated ('always'), the others as of their texts' dates
    ("F016", "IRN", "RUS", "turnover", 2000, None, None),
    ("F017", "TUR", "RUS", "turnover", 30000, None, None),
    ("F018", "TUR", "RUS", "turnover", 100000, None, None),
    ("F048", "RUS", "AZE", "turnover", 2000, None, None),
]


@pytest.mark.parametrize("expected", EXPECTED_FLOWS, ids=[e[0] for e in EXPECTED_FLOWS])
def test_trade_flow_values(expected) -> None:
    fid, reporter, partner, flow, value, start, end = expected
    row = BY_ID.loc[fid]
    assert (row.reporter, row.partner, row.flow) == (reporter, partner, flow)
    assert row.value_usd_m == pytest.approx(value, rel=0, abs=1e-9)
    period = [None if pd.isna(v) else v for v in (row.period_start, row.period_end)]
    assert period == [start, end]


def test_every_trade_figure_is_a_trade_flow() -> None:
    assert sorted(FLOWS["figure_id"]) == sorted(e[0] for e in EXPECTED_FLOWS)


def test_worked_example_iran_exports_by_russian_customs() -> None:
    row = BY_ID.loc["F033"]
    assert (row.reporter, row.partner, row.flow, row.exporter, row.importer) == (
        "RUS",
        "IRN",
        "imports",
        "IRN",
        "RUS",
    )
    assert row.reporting_agency == "Federal Customs Service of Russia"


def test_agency_decides_the_reporter() -> None:
    russian = FLOWS[FLOWS["reporting_agency"] == "Federal Customs Service of Russia"]
    iranian = FLOWS[FLOWS["reporting_agency"] == "Islamic Republic of Iran Customs Administration"]
    assert len(russian) == 12 and (russian["reporter"] == "RUS").all()
    assert len(iranian) == 3 and (iranian["reporter"] == "IRN").all()
    assert (FLOWS.loc[FLOWS["reporting_agency"].isna(), "reporter_basis"] == "text_side").all()


def test_exporter_and_importer_restate_the_flow() -> None:
    turnover = FLOWS[FLOWS["flow"] == "turnover"]
    assert turnover[["exporter", "importer"]].isna().all().all()
    exports = FLOWS[FLOWS["flow"] == "exports"]
    assert (exports["exporter"] == exports["reporter"]).all()
    imports = FLOWS[FLOWS["flow"] == "imports"]
    assert (imports["importer"] == imports["reporter"]).all()


def test_qualifiers_as_the_text_says() -> None:
    assert BY_ID.loc["F016", "qualifier"] == "less_than"  # «زیر دو میلیارد دلار»
    assert BY_ID.loc["F017", "qualifier"] == "more_than"  # «بیش از ۳۰ میلیارد دلار»
    assert BY_ID.loc["F018", "qualifier"] == "target"  # planned «۱۰۰ میلیارد دلار»
    assert BY_ID.loc["F048", "qualifier"] == "more_than"  # «بیش از دو میلیارد دلار»
    assert "as of" in BY_ID.loc["F048", "period_label"]


def test_non_trade_figures() -> None:
    figures = pd.read_csv(CLEAN / "figures.csv", keep_default_na=False, na_values=[""]).set_index(
        "figure_id"
    )
    # iranonline-2022 line 51: reserves «بیش از 588.9 میلیارد دلار» in July 2008
    assert figures.loc["F005", "value"] == pytest.approx(588.9e9)
    assert figures.loc["F005", "value_as_stated"] == "588.9 میلیارد"
    # line 51: oil «147.27 دلار در هر بشکه»
    assert figures.loc["F006", ["value", "unit"]].tolist() == [147.27, "USD_per_barrel"]
    # line 52: contraction «بین 7 تا 8 درصد» in 2009: a range of falls
    assert figures.loc["F009", ["value", "value_upper"]].tolist() == [-8, -7]
    # line 53: «5.5 درصد کاهش»
    assert figures.loc["F012", "value"] == -5.5
    # line 53: rank «یازدهمین»
    assert figures.loc["F011", ["value", "unit"]].tolist() == [11, "rank"]
    # line 102: «سالی 10 میلیون تن»
    assert figures.loc["F044", ["value", "unit"]].tolist() == [1e7, "tonnes_per_year"]
    # line 114: «بیست و یک ماده»
    assert figures.loc["F047", "value"] == 21
    # tce-russia-2006 line 49: "3,300 staff members"
    assert figures.loc["F054", "value"] == 3300


def test_checks_find_what_a_reader_finds() -> None:
    checks = pd.read_csv(CLEAN / "checks.csv").set_index("check_id")
    # line 79: 449,115 + 238,151 = 687,266 million, not the 688,115 stated
    assert checks.loc["C01", "status"] == "discrepancy"
    assert checks.loc["C01", "difference"] == pytest.approx(849e6)
    # line 80: 1,207 + 533 = 1,740 exactly; 1,314 + 392.2 = 1,706.2 vs 1,707 stated
    assert checks.loc["C02", "status"] == "ok"
    assert checks.loc["C03", "status"] == "rounding"
    assert checks.loc["C03", "expected"] == pytest.approx(1706.2e6)
    # line 80: 204,897 + 89,269 = 294,166; line 82: 270 + 637 = 907
    assert checks.loc["C04", "status"] == "ok"
    assert checks.loc["C05", "status"] == "ok"
    # line 81: 390 -> 800 is +105.1 %, «حدود ۱۰۵ درصد»
    assert checks.loc["C06", "expected"] == pytest.approx((800 / 390 - 1) * 100)
    assert checks.loc["C06", "status"] == "rounding"
    # «always under two billion»: 1,740 and 1,707 are
    assert checks.loc["C08", "status"] == "ok"


def test_calendar_cross_checks() -> None:
    cal = pd.read_csv(CLEAN / "calendar_checks.csv", keep_default_na=False).set_index("mention_id")
    assert cal.loc[
        "D1", ["gregorian_converted", "weekday_converted", "weekday_stated"]
    ].tolist() == ["2022-01-18", "Tuesday", "Tuesday"]
    assert cal.loc["D3", "gregorian_converted"] == "2001-03-12"
    assert cal.loc["D4", "gregorian_converted"] == "2010-09-02"
    assert (cal["status"] == "ok").all()


def test_source_dates() -> None:
    sources = pd.read_csv(CLEAN / "sources.csv").set_index("source_id")
    assert sources.loc["iranonline-2022", ["date", "date_basis"]].tolist() == [
        "2022-01-18",
        "printed",
    ]
    assert sources.loc["aran-putin-2024", "date"] == "2024-08-18"
    assert sources.loc["aran-lavrov-2010", "date"].startswith("2010-08")


def test_fields_say_what_the_text_says_and_context_goes_in_the_note() -> None:
    figures = pd.read_csv(CLEAN / "figures.csv").set_index("figure_id")
    # «از آوریل 2020 … 5.5 درصد کاهش یافته است»: stated as having happened
    assert figures.loc["F012", ["nature", "value"]].tolist() == ["observed", -5.5]
    assert figures.loc["F012", "period"] == "April 2020 to 2022-01-18 (date of the text)"
    assert "projection" in figures.loc["F012", "note"]  # the IMF context, in the note
    # «می‌تواند روزی 200 واگن», «اجازه خواهد داد سالی 10 میلیون تن»: capacities
    assert figures.loc["F043", ["qualifier", "nature"]].tolist() == ["up_to", "observed"]
    assert figures.loc["F044", ["qualifier", "nature"]].tolist() == ["up_to", "forecast"]


def test_checks_grade_their_evidence_and_record_the_sources_tensions() -> None:
    checks = pd.read_csv(CLEAN / "checks.csv").set_index("check_id")
    assert checks.loc["C07", "evidence"] == "mixed_periods"  # a 2018 figure over a 2019 total
    assert checks.loc["C08", "evidence"] == "mixed_periods"  # an undated bound, a half-year
    assert checks.loc["C06", "evidence"] == "like_periods"  # 2019 to 2020
    assert checks.loc["C02", "evidence"] == "same_period"
    china = checks.loc["C11"]
    assert (china["kind"], china["status"], china["target_id"]) == (
        "upper_bound",
        "discrepancy",
        "F029",
    )
    assert "only if the EU counts as a bloc" in china["description"]


def test_undated_and_as_of_figures_have_no_period() -> None:
    flows = pd.read_csv(CLEAN / "trade_flows.csv", parse_dates=["period_start", "as_of"])
    flows = flows.set_index("figure_id")
    loose = flows.loc[["F016", "F017", "F018", "F048"]]
    assert loose["period_start"].isna().all() and loose["period_end"].isna().all()
    assert loose["period_kind"].tolist() == ["undated", "as_of", "as_of", "as_of"]
    assert [d.date().isoformat() for d in loose["as_of"]] == [
        "2022-01-18",
        "2022-01-18",
        "2022-01-18",
        "2010-08-31",
    ]
    # filtering by year no longer counts them as 2022 or 2010 flows
    in_2022 = flows[flows["period_start"].dt.year == 2022]
    assert in_2022.empty
    assert flows.loc["F037", "period_kind"] == "iranian"
    assert flows.loc["F023", "period_kind"] == "calendar"


def test_a_growth_rate_of_trade_carries_its_pair_flow_and_agency(clean) -> None:
    # iranonline-2022 line 81: «طبق آمار اعلام شده از سوی گمرک روسیه، صادرات ایران به این
    # کشور ... رشدی حدود ۱۰۵ درصدی»: Iran's exports to Russia by Russian customs
    figures = clean["figures"].set_index("figure_id")
    f035 = figures.loc["F035"]
    assert (f035.reporter, f035.partner, f035.flow) == ("RUS", "IRN", "imports")
    assert f035.reporting_agency == "Federal Customs Service of Russia"
    assert (f035.value, f035.qualifier) == (105, "about")
    # a figure that is not trade carries none of them
    assert figures.loc["F001", ["reporter", "partner", "flow", "reporting_agency"]].isna().all()
