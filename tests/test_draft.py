"""``tradestats extract --rows``: draft trade rows with the evidence for each field."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLEAN, RAW
from tradestats.cli import cli
from tradestats.docs import draft_accuracy
from tradestats.text.draft import draft_rows


def test_drafts_on_our_texts_are_right_field_by_field() -> None:
    accuracy = draft_accuracy(RAW, CLEAN)
    total = sum(accuracy["flow"])
    assert total == 22  # every transcribed trade figure
    for name, (right, wrong, _blank) in accuracy.items():
        assert right >= 0.9 * total, (name, accuracy[name])
        assert wrong <= 1, (name, accuracy[name])  # a wrong field costs more than a blank


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
]


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join))
def test_drafting_never_crashes(text: str) -> None:
    for row in draft_rows(text, date=dt.date(2022, 1, 1)):
        assert row.measure in {"value", "growth_percent"}
        assert set(row.as_dict()) >= {"reporter", "partner", "flow", "evidence"}
