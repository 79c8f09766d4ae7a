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
    for column in ("outlet", "headline", "published", "address"):
        assert (refs[column].str.strip() != "").all(), column
    assert refs["address"].str.match(r"^https?://").all()
    assert refs["reference_id"].is_unique


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
    # Iran's exports to Russia in 2020 as Russian imports (F033), against Iran's side
    assert rec.loc[("F033", "R010"), "comparison"] == "mirror"


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
    (lambda raw: _edit(raw, 7, "address", ""), r"reference\.csv:7 \[address\]: expected a value"),
    (lambda raw: _edit(raw, 7, "outlet", ""), r"reference\.csv:7 \[outlet\]: expected a value"),
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
        r"reference\.csv:43: duplicate row: another row has the same address, reporter, "
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
