"""The reference layer: figures from other published sources, and the reconciliation of
the texts' figures with them."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from conftest import CLEAN, RAW
from tradestats.cli import cli

REFERENCE = RAW / "reference.csv"


def _rows() -> pd.DataFrame:
    return pd.read_csv(REFERENCE, dtype=str, keep_default_na=False)


def test_every_reference_has_a_full_citation() -> None:
    refs = _rows()
    assert len(refs) >= 30
    for column in ("outlet", "published", "address"):
        assert (refs[column].str.strip() != "").all(), column
    # a page that prints no headline is cited by its address and date, and says so
    no_headline = refs["headline_from"] == "none"
    assert (refs.loc[no_headline, "headline"] == "").all()
    assert (refs.loc[~no_headline, "headline"].str.strip() != "").all()
    assert refs["address"].str.match(r"^https?://").all()
    assert refs["reference_id"].is_unique


def test_each_reference_says_who_gave_it_as_the_page_does() -> None:
    """What the stored pages say, read by a person (see the notes in reference.csv)."""
    refs = _rows().set_index("reference_id")
    # R017: Iran's ambassador: "Russia imported $775 million worth of goods from Iran"
    assert tuple(refs.loc["R017", ["side", "flow", "reporter", "reporter_basis"]]) == (
        "RUS",
        "imports",
        "RUS",
        "speaker_other_side",
    )
    # R026: its sentence names no agency; the article names China's customs elsewhere
    assert refs.loc["R026", "reporter_basis"] == "article"
    # R039: the outlet's own sentence, outside the minister's quote: no reporter
    assert (refs.loc["R039", "reporter"], refs.loc["R039", "reporter_basis"]) == ("", "outlet")
    assert refs.loc["R039", "attributed_to"] == ""
    # R034: "almost $2 billion" lies just under it
    assert refs.loc["R034", "qualifier"] == "almost"
    # R030, R031: the page also gives 'whole-year' figures that sum to January-November
    for rid in ("R030", "R031"):
        assert "January–November" in refs.loc[rid, "note"]
    # Russia-Azerbaijan 2017 and 2018, from pages that print no headline
    assert tuple(refs.loc["R042", ["as_written", "period", "headline_from"]]) == (
        "about $2.6 billion",
        "2017",
        "none",
    )
    assert tuple(refs.loc["R043", ["as_written", "period", "published"]]) == (
        "$2.6 billion",
        "2018",
        "2019-06-13",
    )


def test_reference_flows_read_each_amount_from_its_words() -> None:
    flows = pd.read_csv(CLEAN / "reference_flows.csv", dtype={"reference_id": str})
    by_id = flows.set_index("reference_id")
    assert by_id.loc["R003", "value_usd_m"] == 117.7  # "$117,7 million": a decimal comma
    assert by_id.loc["R014", "period_start"] == "2021-03-21"  # Iranian 1400, months 1-9
    assert by_id.loc["R014", "period_end"] == "2021-12-21"
    assert by_id.loc["R014", "qualifier"] == "more_than"  # "over $1.656 billion"
    assert by_id.loc["R023", "value_usd_m"] == 107060
    assert (by_id.loc["R024", "exporter"], by_id.loc["R024", "importer"]) == ("CHN", "RUS")


def _reconciliation() -> pd.DataFrame:
    return pd.read_csv(CLEAN / "reconciliation.csv").set_index(["figure_id", "reference_id"])


def test_same_reporter_and_mirror_are_told_apart() -> None:
    rec = _reconciliation()
    # Russia-China 2018: 108,283 in the text (Russian customs)
    same = rec.loc[("F029", "R027")]  # Russian customs, $108.3 billion
    mirror = rec.loc[("F029", "R023")]  # China's customs, $107.06 billion
    assert (same["comparison"], same["grade"]) == ("same_reporter", "agrees")
    assert (mirror["comparison"], mirror["grade"]) == ("mirror", "close")
    assert mirror["difference_usd_m"] == pytest.approx(108283 - 107060)
    assert mirror["difference_percent"] == pytest.approx(1.14)
    # Iran's exports to Russia in 2020 as Russian customs give them (F033), against the
    # same figure said by Iran's ambassador: one statistic quoted twice, not a mirror
    for pair in (("F033", "R010"), ("F034", "R009")):
        assert (rec.loc[pair, "comparison"], rec.loc[pair, "grade"]) == (
            "same_statistic",
            "agrees",
        )
        assert "not independent corroboration" in rec.loc[pair, "finding"]


def test_a_bound_has_no_difference_and_a_later_reference_says_so() -> None:
    rec = _reconciliation()
    bounds = rec[rec["comparison"] == "bound"]
    assert len(bounds) == 7  # F016 against six references (2016, 2018, 2019, 2021), F017 once
    assert bounds["difference_usd_m"].isna().all() and bounds["difference_percent"].isna().all()
    # F017 'more than 30 billion' (2022-01-18) holds on a 2021 figure published in October
    assert (
        "published 2022-10-23, after the text of 2022-01-18" in rec.loc[("F017", "R041"), "finding"]
    )
    assert "after the text" not in rec.loc[("F016", "R006"), "finding"]  # published 2020
    # the page gives 1.74 billion as official data, not as the minister's words
    assert (
        "official data given beside remarks by Russia's Deputy Foreign Minister"
        in (rec.loc[("F016", "R006"), "finding"])
    )


def test_reconciliation_periods_are_dates() -> None:
    rec = pd.read_csv(CLEAN / "reconciliation.csv", parse_dates=["period_start", "period_end"])
    in_2018 = rec[(rec.period_start == "2018-01-01") & (rec.period_end == "2018-12-31")]
    # F016 (bound) and F023 against R006, F029 against R023 and R027
    assert sorted(in_2018["reference_id"]) == ["R006", "R006", "R023", "R027"]


def test_the_always_under_two_billion_claim_is_tested_against_every_year() -> None:
    rec = _reconciliation()
    claim = rec.loc["F016"]
    assert set(claim["comparison"]) == {"bound"}
    assert claim["grade"].to_dict() == {
        "R001": "contradicted",  # 2016: $2.18 billion
        "R005": "contradicted",  # 2016: over $2 billion
        "R006": "holds",  # 2018: $1.74 billion
        "R008": "undecided",  # 2019: "$2 billion", a round number
        "R013": "contradicted",  # 2021: over $4 billion
        "R054": "contradicted",  # 2021: $4.03 billion, said by the Iran-Russia chamber's chairman
    }
    assert "R018" not in claim.index  # 2022 ended after the text was written


def test_validate_lists_what_the_references_contradict() -> None:
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert re.search(r"F016 against R013: The text's 'under 2,000 million'", result.output)
    assert "F029 against R023" not in result.output  # a close mirror is not a finding


def _edit(raw: Path, line: int, column: str, value: str) -> None:
    path = raw / "reference.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df.loc[line - 2, column] = value
    df.to_csv(path, index=False, lineterminator="\n")


def _duplicate(raw: Path) -> None:
    path = raw / "reference.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines) + lines[2].replace("R002", "R099"), encoding="utf-8")


BAD_REFERENCES = [
    (
        lambda raw: _edit(raw, 7, "address", ""),
        r"reference\.csv:7 \[address\]: blank: this column needs a value",
    ),
    (
        lambda raw: _edit(raw, 7, "outlet", ""),
        r"reference\.csv:7 \[outlet\]: blank: this column needs a value",
    ),
    (
        lambda raw: _edit(raw, 4, "as_written", "one hundred and something"),
        r"reference\.csv:4 \[value\]: 'one hundred and something' says 100, not 117,700,000",
    ),
    (
        lambda raw: _edit(raw, 5, "as_written", "a lot"),
        r"reference\.csv:5 \[as_written\]: cannot read the amount: no number found",
    ),
    (
        lambda raw: _edit(raw, 9, "period", "2019-13"),
        r"reference\.csv:9 \[period\]: '2019-13' is not a Gregorian date",
    ),
    (
        _duplicate,
        r"reference\.csv:56: duplicate row: another row has the same address, side, "
        r"partner, flow, period",
    ),
]


@pytest.mark.parametrize(("breaks", "message"), BAD_REFERENCES)
def test_a_bad_reference_is_refused_clearly(project: Path, breaks, message: str) -> None:
    clean = project / "data" / "clean"
    before = {p.name: p.read_bytes() for p in clean.iterdir()}
    breaks(project / "data" / "raw")
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 1, result.output
    assert re.search(message, result.output), result.output
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in clean.iterdir()} == before


def test_a_corpus_without_references_builds(project: Path) -> None:
    raw = project / "data" / "raw"
    (raw / "reference.csv").unlink()
    (raw / "reference_searches.csv").unlink()
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output
    rec = pd.read_csv(project / "data" / "clean" / "reconciliation.csv")
    assert rec.empty and list(rec.columns)[:3] == ["figure_id", "reference_id", "comparison"]


def test_a_corpus_without_references_exports_a_workbook(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workbook dates itself by its texts alone when there are no references."""
    import openpyxl

    raw = project / "data" / "raw"
    (raw / "reference.csv").unlink()
    (raw / "reference_searches.csv").unlink()
    assert CliRunner().invoke(cli, ["build", "--root", str(project)]).exit_code == 0
    out = tmp_path / "book.xlsx"
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    created = openpyxl.load_workbook(out).properties.created
    assert created is not None and created.date().isoformat() == "2022-01-18"


def test_a_corpus_without_references_draws_a_chart_that_says_so() -> None:
    """No other published figure recorded: the references chart says so, in both
    languages, instead of failing."""
    from tradestats.charts.registry import chart_function, chart_info
    from tradestats.views import chart_tables

    tables = chart_tables()
    tables["reference_flows"] = tables["reference_flows"].iloc[0:0]
    tables["reconciliation"] = tables["reconciliation"].iloc[0:0]
    for lang in ("en", "fa"):
        fig = chart_function("iran_russia_references")(tables, lang=lang)
        assert fig.axes == []  # nothing drawn that would suggest a comparison
        assert chart_info("iran_russia_references")(tables, lang).rows.empty
    title = chart_info("iran_russia_references")(tables, "en").title
    assert title == "No figure other sources published for Iran–Russia trade is recorded"
