"""``tradestats build``: reproducible, and safe on bad input (clear error, nothing lost)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from conftest import CLEAN, REPO
from tradestats.builder.pipeline import build
from tradestats.cli import cli
from tradestats.validation import validate


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _edit_csv(path: Path, edit) -> None:
    """Apply ``edit(rows)`` to a CSV's rows (header first) and write it back."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    edit(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _set(rows: list[list[str]], figure_id: str, column: str, value: str) -> None:
    col = rows[0].index(column)
    for row in rows[1:]:
        if row[0] == figure_id:
            row[col] = value
            return
    raise AssertionError(figure_id)


def test_committed_clean_equals_a_fresh_build(tmp_path: Path) -> None:
    result = build(out_dir=tmp_path)
    assert result.rows["trade_flows"] == 22
    assert _snapshot(tmp_path) == {
        name: data for name, data in _snapshot(CLEAN).items() if name in _snapshot(tmp_path)
    }
    assert set(_snapshot(tmp_path)) <= set(_snapshot(CLEAN))


def test_building_twice_gives_identical_bytes(tmp_path: Path) -> None:
    build(out_dir=tmp_path / "a")
    build(out_dir=tmp_path / "b")
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")


def test_rebuild_leaves_unchanged_files_alone(project: Path) -> None:
    result = build(project)
    assert result.changed == []


def test_build_restores_a_damaged_output(project: Path) -> None:
    target = project / "data" / "clean" / "trade_flows.csv"
    good = target.read_bytes()
    target.write_bytes(good.replace(b"1740", b"1741"))
    result = build(project)
    assert result.changed == [target]
    assert target.read_bytes() == good


# Each case breaks a copy of the raw data; the build must stop with a message naming the
# file, the line and the column, write nothing, and show no traceback.
def _missing_column(raw: Path) -> None:
    def drop_unit(rows: list[list[str]]) -> None:
        col = rows[0].index("unit")
        for row in rows:
            row.pop(col)

    _edit_csv(raw / "figures.csv", drop_unit)


def _malformed_number(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F023", "quote", "سازمان گمرک روسیه"))


def _two_numbers(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F040", "quote", "20 و 50 درصد"))


def _unknown_country(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F029", "partner", "XXX"))


def _not_iso_country(raw: Path) -> None:
    with (raw / "economies.csv").open("a", encoding="utf-8") as fh:
        fh.write("XYZ,country,Nowhere,هیچ‌جا\n")


def _quote_on_wrong_line(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F023", "line", "79"))


def _quote_not_verbatim(raw: Path) -> None:
    _edit_csv(
        raw / "figures.csv",
        lambda rows: _set(rows, "F023", "quote", "یک میلیارد و 741 میلیون دلار"),
    )


def _duplicate_id(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: rows.append(list(rows[1])))


def _impossible_jalali_date(raw: Path) -> None:
    path = raw / "calendar_mentions.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("1400-10-28", "1400-12-30"), encoding="utf-8"
    )


def _impossible_jalali_period(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F037", "period", "j1400-13"))


def _not_utf8(raw: Path) -> None:
    path = raw / "figures.csv"
    path.write_bytes(
        path.read_text(encoding="utf-8").encode("utf-8").replace("منابع".encode(), b"\xd5\xe3\xc7")
    )


def _wrong_unit(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F001", "unit", "USD"))


def _wrong_qualifier(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F017", "qualifier", "exact"))


def _agency_of_another_economy(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F029", "reporter", "TUR"))


def _missing_text(raw: Path) -> None:
    (raw / "texts" / "002_d96ec3b443879f24.txt").unlink()


def _ragged_row(raw: Path) -> None:
    with (raw / "relations.csv").open("a", encoding="utf-8") as fh:
        fh.write("C99,sum,F019\n")


_TEXT = "000_5b455d38a6af106d.txt"


def _control_character(raw: Path) -> None:
    path = raw / "texts" / _TEXT
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[5] = lines[5][:7] + "\x00" + lines[5][7:]
    path.write_text("\n".join(lines), encoding="utf-8")


def _crlf_line_ends(raw: Path) -> None:
    path = raw / "texts" / _TEXT
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def _empty_text(raw: Path) -> None:
    (raw / "texts" / _TEXT).write_bytes(b"")


def _link_outside(raw: Path) -> None:
    outside = raw.parent / "elsewhere.txt"
    outside.write_text("secret\n", encoding="utf-8")
    (raw / "texts" / _TEXT).unlink()
    (raw / "texts" / _TEXT).symlink_to(outside)


def _implausible_trade_value(raw: Path) -> None:
    # a text that says 5.33e16 dollars, two thousand times world trade in a year
    path = raw / "texts" / "002_d96ec3b443879f24.txt"
    text = path.read_text(encoding="utf-8")
    number = "53300"
    path.write_text(text + f"\nTrade reached {number} trillion dollars.\n", encoding="utf-8")
    lines = text.count("\n") + 2
    with (raw / "figures.csv").open("a", encoding="utf-8") as fh:
        fh.write(
            f"F999,aran-lavrov-2010,{lines},{number} trillion dollars,trade,Test,RUS,AZE,"
            "turnover,,,,2010,,USD,exact,,observed,,\n"
        )


def _cut_short(raw: Path) -> None:
    path = raw / "figures.csv"
    path.write_bytes(path.read_bytes()[:-1])  # the last line break is gone


def _line_in_words(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F048", "line", "eighty"))


def _growth_pair_half_given(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F035", "partner", ""))


def _growth_of_another_agency(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F035", "reporter", "TUR"))


def _control_in_cell(raw: Path) -> None:  # an escape character in a subject
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F029", "subject", "Russia\x1bChina"))


def _vertical_tab_in_cell(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F029", "note", "a\x0bb"))


def _bidi_override_in_quote_and_text(raw: Path) -> None:
    """A right-to-left override in both the text and the quote: the quote still stands
    at its line, but a reader sees another number."""
    path = raw / "texts" / _TEXT
    text = path.read_text(encoding="utf-8")
    quote = "یک میلیارد و 740 میلیون دلار"
    path.write_text(text.replace(quote, "\u202e" + quote, 1), encoding="utf-8")
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F023", "quote", "\u202e" + quote))


def _padded_quote(raw: Path) -> None:
    _edit_csv(
        raw / "figures.csv",
        lambda rows: _set(rows, "F024", "quote", " یک میلیارد و 207 میلیون دلار"),
    )


def _unsupported_qualifier(raw: Path) -> None:  # «یک میلیارد و 740 میلیون دلار»: no 'more than'
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F023", "qualifier", "more_than"))


def _qualifier_words_of_another_qualifier(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F041", "qualifier_quote", "بیش از"))


def _overlong_number(raw: Path) -> None:
    """41 digits before a scale word: the reader cannot hold it exactly."""
    digits = "9" * 41
    path = raw / "texts" / "002_d96ec3b443879f24.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\nتجارت به {digits} میلیون دلار رسید.\n", encoding="utf-8")
    lines = text.count("\n") + 2
    with (raw / "figures.csv").open("a", encoding="utf-8") as fh:
        fh.write(
            f"F999,aran-lavrov-2010,{lines},{digits} میلیون دلار,trade,Test,RUS,AZE,"
            "turnover,,,,2010,,USD,exact,,observed,,\n"
        )


def _texts_folder_elsewhere(raw: Path) -> None:
    outside = raw.parent / "texts-elsewhere"
    (raw / "texts").rename(outside)
    (raw / "texts").symlink_to(outside, target_is_directory=True)


def _huge_text(raw: Path) -> None:
    with (raw / "texts" / _TEXT).open("r+b") as fh:  # sparse: 21 MiB on paper, not on disk
        fh.truncate(21 * 1024 * 1024)


def _duplicate_header(raw: Path) -> None:
    _edit_csv(
        raw / "figures.csv", lambda rows: rows[0].__setitem__(rows[0].index("note"), "subject")
    )


def _date_out_of_range(raw: Path) -> None:
    path = raw / "sources.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("2008-07-31", "9999-12-31"), encoding="utf-8"
    )


def _blank_required_cell(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F029", "subject", ""))


def _transcribed_twice(raw: Path) -> None:
    def twice(rows: list[list[str]]) -> None:
        copy = next(list(r) for r in rows if r[0] == "F029")
        copy[0] = "F998"
        rows.append(copy)

    _edit_csv(raw / "figures.csv", twice)


def _agency_on_a_later_line(raw: Path) -> None:
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F033", "agency_line", "90"))


BAD_INPUTS = [
    (_control_in_cell, r"figures\.csv:30 \[subject\]: control character U\+001B"),
    (_vertical_tab_in_cell, r"figures\.csv:30 \[note\]: control character U\+000B"),
    (_bidi_override_in_quote_and_text, r"figures\.csv:24 \[quote\]: bidirectional control U\+202E"),
    (_padded_quote, r"figures\.csv:25 \[quote\]: starts or ends with a space"),
    (
        _unsupported_qualifier,
        r"figures\.csv:24 \[qualifier\]: the quote has no word for 'more_than'",
    ),
    (
        _qualifier_words_of_another_qualifier,
        r"figures\.csv:42 \[qualifier_quote\]: 'بیش از' is not a word for 'about'",
    ),
    (_overlong_number, r"figures\.csv:\d+ \[quote\]: .* a run of 41 digits: more than the 40"),
    (_texts_folder_elsewhere, r"data/raw/texts: is a link to a folder elsewhere"),
    (_huge_text, r"000_5b455d38a6af106d\.txt: 22,020,096 bytes is more than the 20,971,520"),
    (
        _duplicate_header,
        r"1 problem in the raw data:\n.*figures\.csv:1 \[subject\]: duplicate column",
    ),
    (_date_out_of_range, r"sources\.csv:3 \[date\]: '9999-12-31' is not a date between"),
    (_blank_required_cell, r"figures\.csv:30 \[subject\]: blank: this column needs a value"),
    (_transcribed_twice, r"figures\.csv:\d+ \[quote\]: transcribed twice: F998 repeats F029"),
    (
        _agency_on_a_later_line,
        r"figures\.csv:34: agency_line goes with agency_quote, and is before",
    ),
    (
        _growth_pair_half_given,
        r"figures\.csv:36: .*a trade_growth, trade_change or trade_balance row has all "
        r"three or none",
    ),
    (_growth_of_another_agency, r"figures\.csv:36 \[reporter\]: the agency RUS-FCS .* not TUR"),
    (_control_character, r"000_5b455d38a6af106d\.txt:6: control character U\+0000 at column 8"),
    (_crlf_line_ends, r"000_5b455d38a6af106d\.txt:1: has CR or CRLF line ends"),
    (_empty_text, r"000_5b455d38a6af106d\.txt: the text is empty"),
    (_link_outside, r"000_5b455d38a6af106d\.txt: is a link to a file outside data/raw/texts/"),
    (_implausible_trade_value, r"figures\.csv:\d+ \[quote\]: F999: .* more than world merchandise"),
    (_cut_short, r"figures\.csv:\d+: the file does not end with a line break"),
    (_line_in_words, r"1 problem in the raw data:\n.*figures\.csv:49 \[line\]: expected a value"),
    (_missing_column, r"figures\.csv.*\[unit\]: missing column"),
    (_malformed_number, r"figures\.csv:24 \[quote\]: no number found"),
    (_two_numbers, r"figures\.csv:41 \[quote\]: more than one number"),
    (_unknown_country, r"figures\.csv:30 \[partner\]: unknown code 'XXX'"),
    (_not_iso_country, r"economies\.csv:9 \[code\]: 'XYZ' is not an ISO 3166-1"),
    (_quote_on_wrong_line, r"figures\.csv:24 \[quote\]: .* is not on line 79 .* on line 80"),
    (_quote_not_verbatim, r"figures\.csv:24 \[quote\]: .* nor anywhere in it"),
    (_duplicate_id, r"figures\.csv:\d+ \[figure_id\]: duplicate value 'F001'"),
    (
        _impossible_jalali_date,
        r"calendar_mentions\.csv:2 \[jalali_date\]: 1400-12-30 is not a "
        r"date in the Iranian calendar",
    ),
    (_impossible_jalali_period, r"figures\.csv:38 \[period\]: month 13"),
    (_not_utf8, r"figures\.csv:\d+: not UTF-8"),
    (_wrong_unit, r"figures\.csv:2 \[unit\]: the quote has a percent word"),
    (_wrong_qualifier, r"figures\.csv:18 \[qualifier\]: the quote says 'more_than'"),
    (
        _agency_of_another_economy,
        r"figures\.csv:30 \[reporter\]: the agency RUS-FCS .* must "
        r"be RUS, not TUR",
    ),
    (_missing_text, r"sources\.csv:4 \[file\]: the text '002_d96ec3b443879f24\.txt' is not"),
    (_ragged_row, r"relations\.csv:13: expected 5 fields as in the header, found 3"),
]


@pytest.mark.parametrize(
    ("breaks", "message"), BAD_INPUTS, ids=[b.__name__.strip("_") for b, _ in BAD_INPUTS]
)
def test_bad_input_is_refused_clearly_and_loses_nothing(
    project: Path, breaks, message: str
) -> None:
    clean = project / "data" / "clean"
    before = _snapshot(clean)
    breaks(project / "data" / "raw")
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: ")
    assert re.search(message, result.output), result.output
    assert "Traceback" not in result.output and "Warning" not in result.output
    assert _snapshot(clean) == before  # nothing written, no temporary files left


def test_all_problems_are_reported_at_once(project: Path) -> None:
    raw = project / "data" / "raw"
    _unknown_country(raw)
    _quote_on_wrong_line(raw)
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert "4 problems" in result.output  # the partner, and quote/period/agency words
    assert "[partner]: unknown code 'XXX'" in result.output
    assert "[quote]:" in result.output and "[agency_quote]:" in result.output


def test_unwritable_output_is_a_clear_error(project: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    result = CliRunner().invoke(
        cli, ["build", "--root", str(project), "--out", str(blocker / "clean")]
    )
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "cannot write" in result.output or "not a directory" in result.output.lower()


def test_a_corpus_of_many_texts_builds_and_accounts_for_every_number(tmp_path: Path) -> None:
    """Four copies of every text. Each copy holds the 400 numbers of the original and the
    number of its marker line («synthetic copy 3»), all accounted for."""
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from synthetic_corpus import make_corpus
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    root = make_corpus(4, tmp_path / "x4")
    result = build(root)
    assert result.rows["figures"] == 4 * 59
    assert result.numbers == 4 * (400 + 5)
    assert result.unaccounted == []
    assert validate(root).ok


def _last_line(raw: Path) -> int:
    return (raw / "texts" / "002_d96ec3b443879f24.txt").read_text(encoding="utf-8").count("\n")


def _add_figure(raw: Path, sentence: str, quote: str, unit: str, category: str) -> None:
    """A new line in a text, and its figure transcribed with ``unit``."""
    path = raw / "texts" / "002_d96ec3b443879f24.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\n{sentence}\n", encoding="utf-8")
    line = text.count("\n") + 2
    with (raw / "figures.csv").open("a", encoding="utf-8") as fh:
        fh.write(
            f"F999,aran-lavrov-2010,{line},{quote},{category},Test,,,,,,,2010,,{unit},"
            "exact,,observed,,\n"
        )


@pytest.mark.parametrize(
    ("sentence", "quote", "unit", "category"),
    [
        ("Бюджет составил 100 миллиардов рублей.", "100 миллиардов рублей", "RUB", "fiscal"),
        ("The contract is worth 2 billion euros.", "2 billion euros", "EUR", "contract"),
        ("بودجه ۵۰ هزار میلیارد تومان است.", "۵۰ هزار میلیارد تومان", "IRT", "fiscal"),
        ("The line carried 5 million tonnes.", "5 million tonnes", "tonnes", "transport"),
    ],
)
def test_every_currency_and_unit_of_the_contract_can_be_transcribed(
    project: Path, sentence: str, quote: str, unit: str, category: str
) -> None:
    _add_figure(project / "data" / "raw", sentence, quote, unit, category)
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output
    figures = pd.read_csv(project / "data" / "clean" / "figures.csv").set_index("figure_id")
    assert figures.loc["F999", "unit"] == unit


def test_a_quote_in_one_currency_cannot_be_transcribed_in_another(project: Path) -> None:
    raw = project / "data" / "raw"
    _add_figure(raw, "The contract is worth 2 billion euros.", "2 billion euros", "USD", "contract")
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 1
    assert "[unit]: the quote has a euro word, but the unit is 'USD'" in result.output


def test_a_trade_figure_in_roubles_stays_in_figures_and_is_reported(project: Path) -> None:
    raw = project / "data" / "raw"
    sentence = "Экспорт России в Азербайджан составил 250 миллиардов рублей в 2010 году."
    _add_figure(raw, sentence, "250 миллиардов рублей", "RUB", "trade")
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F999", "reporter", "RUS"))
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F999", "partner", "AZE"))
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F999", "flow", "exports"))
    with (raw / "excluded.csv").open("a", encoding="utf-8") as fh:
        fh.write(f"aran-lavrov-2010,{_last_line(raw)},2010,calendar_year,\n")
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert "1 trade figure(s) in another currency stay in figures.csv only: F999 in RUB." in (
        result.output
    )
    clean = project / "data" / "clean"
    figures = pd.read_csv(clean / "figures.csv").set_index("figure_id")
    assert figures.loc["F999", "value"] == 250e9 and figures.loc["F999", "unit"] == "RUB"
    assert "F999" not in set(pd.read_csv(clean / "trade_flows.csv")["figure_id"])


def test_a_trade_figure_must_be_money(project: Path) -> None:
    raw = project / "data" / "raw"
    _add_figure(raw, "Trade reached 5 million tonnes.", "5 million tonnes", "tonnes", "trade")
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F999", "reporter", "RUS"))
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F999", "partner", "AZE"))
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F999", "flow", "turnover"))
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 1
    assert "[unit]: a trade figure is an amount of money" in result.output


def test_problems_come_sorted_by_file_and_line(project: Path) -> None:
    raw = project / "data" / "raw"
    _blank_required_cell(raw)  # figures.csv:30
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F002", "subject", ""))  # :3
    _edit_csv(raw / "reference.csv", lambda rows: rows[2].__setitem__(1, ""))  # :3
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    places = re.findall(r"data/raw/(\w+\.csv):(\d+)", result.output)
    assert places == sorted(places, key=lambda p: (p[0], int(p[1]))) and len(places) >= 3


def test_an_agency_named_on_an_earlier_line_is_cited_there(project: Path) -> None:
    """F034 (line 81) may cite Russian customs named on line 80, saying so."""
    raw = project / "data" / "raw"
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F034", "agency_line", "80"))
    _edit_csv(
        raw / "figures.csv", lambda rows: _set(rows, "F034", "agency_quote", "سازمان گمرک روسیه")
    )
    build(project)
    flows = pd.read_csv(project / "data" / "clean" / "trade_flows.csv").set_index("figure_id")
    assert flows.loc["F034", "reporting_agency"] == "Federal Customs Service of Russia"
    # the words must stand on the line it names
    _edit_csv(raw / "figures.csv", lambda rows: _set(rows, "F034", "agency_line", "79"))
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 1
    assert "figures.csv:35 [agency_quote]: 'سازمان گمرک روسیه' is not on line 79" in result.output
