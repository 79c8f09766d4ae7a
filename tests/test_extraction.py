"""tradestats extract / tradestats.extract: the candidates a reader would mark."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import tradestats
from conftest import RAW
from tradestats.cli import cli
from tradestats.errors import TradestatsError
from tradestats.text.extract import extract, extract_file, extract_files

SAMPLES = Path(__file__).parent / "extract_samples"


def _as_rows(file: str, cands) -> list[dict[str, str]]:
    return [
        {
            "file": file,
            "line": str(c.line),
            "quote": c.quote,
            "value": str(c.value),
            "value_upper": "" if c.upper is None else str(c.upper),
            "unit": c.unit or "",
            "kind": c.kind,
            "qualifier": c.qualifier,
            "direction": c.direction or "",
        }
        for c in cands
    ]


def test_samples_match_the_hand_written_expectations() -> None:
    """tests/extract_samples/expected.csv was written by reading the two sample texts."""
    expected = list(
        csv.DictReader(io.StringIO((SAMPLES / "expected.csv").read_text(encoding="utf-8")))
    )
    got = []
    for name in ("sample_fa.txt", "sample_en.txt"):
        got += _as_rows(name, extract_file(SAMPLES / name))
    assert got == expected


def test_quotes_are_verbatim_and_columns_point_at_them() -> None:
    for name in ("sample_fa.txt", "sample_en.txt"):
        lines = (SAMPLES / name).read_text(encoding="utf-8").split("\n")
        for c in extract_file(SAMPLES / name, include_bare=True):
            assert lines[c.line - 1][c.column - 1 : c.column - 1 + len(c.quote)] == c.quote


@pytest.mark.parametrize(
    "variant",
    [
        "صادرات ایران به 390 میلیون دلار رسید",
        "صادرات ايران به 390 ميليون دلار رسيد",  # Arabic yeh
        "صادرات ایران به 390 میلیـــون دلار رسید",  # tatweel
        "صادرات ایران به 390 میلیون\u200cدلار رسید",  # zero-width non-joiner
        "صادرات ایران به ۳۹۰ میلیون دلار رسید",  # Persian digits
        "صادرات ایران به ٣٩٠ میلیون دلار رسید",  # Arabic-Indic digits
    ],
)
def test_letter_forms_and_joiners_do_not_matter(variant: str) -> None:
    [c] = extract(variant)
    assert (c.value, c.unit, c.kind) == (390_000_000, "USD", "money")
    assert c.quote in variant and c.quote.startswith(("390", "۳۹۰", "٣٩٠"))


def test_numbers_that_are_not_figures_are_bare() -> None:
    text = "در سال ۲۰۱۹ و ماده ۶ و بند 2- آن (کولایی، 1389: 210)"
    assert extract(text) == []
    assert {c.kind for c in extract(text, include_bare=True)} == {"number"}


def test_unit_stated_once_for_two_figures() -> None:
    [a, b] = extract("میزان صادرات 270 میلیون و میزان واردات 637 میلیون دلار است")
    assert (a.unit, a.value, b.unit, b.value) == ("USD", 270_000_000, "USD", 637_000_000)
    assert "once" in a.note


def test_ranks() -> None:
    [c] = extract("روسیه یازدهمین اقتصاد بزرگ جهان بود")
    assert (c.value, c.unit, c.kind) == (11, "rank", "quantity")


def test_python_api_is_the_same_function() -> None:
    assert tradestats.extract is extract


# --- the command ----------------------------------------------------------------------


def test_cli_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(SAMPLES / "sample_en.txt")])
    assert result.exit_code == 0, result.output
    assert "«$1.74bn»" in result.output and "money" in result.output


def test_cli_csv_has_the_transcription_columns() -> None:
    result = CliRunner().invoke(cli, ["extract", "--format", "csv", str(SAMPLES / "sample_fa.txt")])
    assert result.exit_code == 0
    rows = list(csv.DictReader(result.output.splitlines()))
    raw_header = (
        (Path(__file__).parents[1] / "data" / "raw" / "figures.csv")
        .read_text(encoding="utf-8")
        .split("\n", 1)[0]
        .split(",")
    )
    assert list(rows[0])[: len(raw_header)] == raw_header
    assert rows[0]["line"] == "1" and rows[0]["value"] == "1500000000"
    assert rows[0]["source_id"] == "sample_fa"


def test_cli_json() -> None:
    result = CliRunner().invoke(
        cli, ["extract", "--format", "json", "--all", str(SAMPLES / "sample_fa.txt")]
    )
    data = json.loads(result.output)
    assert any(r["kind"] == "number" and r["quote"] == "۱۳۹۹" for r in data)
    assert next(r for r in data if r["quote"] == "بين 7 تا 8 درصد")["value_upper"] == 8


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary"),
        (lambda p: p.write_bytes("سلام".encode("cp1256")), "not UTF-8"),
        (lambda p: p.write_text("  \n", encoding="utf-8"), "empty"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: None, "no such file"),
    ],
    ids=["binary", "not-utf8", "empty", "directory", "missing"],
)
def test_bad_files_get_a_clear_error(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "input.txt"
    make(path)
    result = CliRunner().invoke(cli, ["extract", str(SAMPLES / "sample_en.txt"), str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}")
    assert message in result.output
    assert "Traceback" not in result.output
    assert "$1.74bn" not in result.output  # nothing printed for the good file either


def test_a_very_large_file_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tradestats.text.extract, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("۱۰ درصد " * 200, encoding="utf-8")
    with pytest.raises(
        TradestatsError, match=r"2,800 bytes is more than the 1,000 bytes a text may have; split it"
    ):
        extract_file(path)


# --- fuzzing --------------------------------------------------------------------------


@given(st.text(max_size=300))
@settings(max_examples=2000, deadline=None)
def test_extract_never_crashes(text: str) -> None:
    lines = text.split("\n")
    for c in extract(text, include_bare=True):
        assert lines[c.line - 1][c.column - 1 : c.column - 1 + len(c.quote)] == c.quote


WORDS = [
    "۱۲",
    "3.5",
    "٫",
    "،",
    "میلیارد",
    "میلیون",
    "هزار",
    "دلار",
    "درصد",
    "برابر",
    "تن",
    "بشکه",
    "و",
    "تا",
    "بین",
    "بیش از",
    "حدود",
    "کاهش",
    "$",
    "%",
    "bn",
    "billion",
    "percent",
    "per cent",
    "times",
    "doubled",
    "یک",
    "بیست",
    "صد",
    "سالی",
    "روزانه",
    "\u200c",
    "ـ",
    "ي",
    "ك",
    " ",
    "\n",
    "-",
    "(",
    ")",
]


@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
@settings(max_examples=3000, deadline=None)
def test_extract_never_crashes_on_figure_like_text(text: str) -> None:
    for c in extract(text, include_bare=True):
        assert c.upper is None or c.upper > c.value
        assert c.kind in {"money", "percent", "quantity", "multiple", "number"}


def test_many_files_give_what_one_at_a_time_gives(tmp_path: Path) -> None:
    texts = sorted(RAW.joinpath("texts").iterdir()) + sorted(SAMPLES.glob("*.txt"))
    paths = []
    for copy in range(2):
        for path in texts:
            paths.append(tmp_path / f"{copy}-{path.name}")
            paths[-1].write_bytes(path.read_bytes())
    for include_bare in (False, True):
        together = extract_files(paths, include_bare=include_bare)
        assert [p for p, _ in together] == paths
        for path, cands in together:
            assert cands == extract_file(path, include_bare=include_bare), path.name


def test_persian_words_for_first_are_ordinals_and_a_rank_after_partner() -> None:
    [eu] = extract("اتحادیه اروپا که بهصورت سنتی شریک نخست روسیه به حساب میآید")
    assert (eu.quote, eu.value, eu.unit, eu.kind) == ("نخست", 1, "rank", "quantity")
    found = extract("در دوره اول و نخستین بار و اولین رئیس، نه اولویت", include_bare=True)
    assert [(c.quote, c.value) for c in found] == [("اول", 1), ("نخستین", 1), ("اولین", 1)]
    [first] = extract("the first partner", include_bare=True)
    assert first.value == 1


def test_extract_drafts_rows_with_the_registered_source_id(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    text = repo / "data" / "raw" / "texts" / "002_d96ec3b443879f24.txt"
    result = CliRunner().invoke(cli, ["extract", "--format", "csv", str(text)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["source_id"] for r in rows} == {"aran-lavrov-2010"}  # not the file's stem


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "qualifier"),
    [
        ("Trade exceeded $4 bln last year.", "$4 bln", 4e9, "USD", "more_than"),
        ("Turnover topped $16 Bln.", "$16 Bln", 16e9, "USD", "more_than"),
        ("exports of $5bln", "$5bln", 5e9, "USD", "exact"),
        ("imports of $1.7 mln", "$1.7 mln", 1.7e6, "USD", "exact"),
        (
            "It rose to $ 1 billion 219,700,000",
            "$ 1 billion 219,700,000",
            1_219_700_000,
            "USD",
            "exact",
        ),
        ("reached $117,7 million", "$117,7 million", 117.7e6, "USD", "exact"),
        ("Товарооборот составил 254 млрд евро.", "254 млрд евро", 254e9, "EUR", "exact"),
        ("около 3 миллиардов долларов", "3 миллиардов долларов", 3e9, "USD", "about"),
        ("свыше 392 млн долл. США", "392 млн долл. США", 392e6, "USD", "more_than"),
        ("более $3 млрд", "$3 млрд", 3e9, "USD", "more_than"),
    ],
)
def test_abbreviations_decimal_commas_compounds_and_russian(
    text: str, quote: str, value: float, unit: str, qualifier: str
) -> None:
    [c] = extract(text)
    assert (c.quote, float(c.value), c.unit, c.qualifier) == (quote, value, unit, qualifier)


def test_a_decimal_comma_percentage_is_one_figure_and_url_encoding_is_none() -> None:
    assert [(c.quote, float(c.value)) for c in extract("up 15,4% on the year")] == [("15,4%", 15.4)]
    assert extract("https://example.org/%D8%A7%D8%B1%D8%A7") == []


def test_a_scale_after_the_second_number_applies_to_the_first() -> None:
    found = extract("снизился с 1,8 до 1,3 млрд долларов")
    assert [float(c.value) for c in found] == [1.8e9, 1.3e9]


def test_targets_and_forecasts_are_not_outcomes() -> None:
    assert [c.nature for c in extract("Trade could reach $10 billion by 2025.")] == ["forecast"]
    assert [c.nature for c in extract("They aim to raise trade to $30 billion.")] == ["target"]
    assert [c.nature for c in extract("Trade reached $4 bln in 2020.")] == ["observed"]
