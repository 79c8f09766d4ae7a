"""The Excel workbook, read back with openpyxl and pandas."""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

import tradestats
from conftest import CLEAN
from tradestats.cli import cli
from tradestats.errors import TradestatsError
from tradestats.workbook import cells
from tradestats.workbook.dictionary import column_labels
from tradestats.workbook.writer import write_workbook

TABLES = [
    "trade_flows",
    "figures",
    "checks",
    "reconciliation",
    "reference_flows",
    "sources",
    "calendar_checks",
    "economies",
    "agencies",
]


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory) -> Path:
    return tradestats.to_excel(tmp_path_factory.mktemp("xlsx") / "tradestats.xlsx")


@pytest.fixture(scope="module")
def wb(workbook_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(workbook_path)


def test_sheets(wb) -> None:
    assert wb.sheetnames == [
        "Contents",
        "Iran–Russia 2017–2021",
        "README",
        "charts",
        *TABLES,
        "Dictionary",
    ]


def test_contents_links_every_sheet_and_says_how_to_cite(wb) -> None:
    ws = wb["Contents"]
    links = {c.value: c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
    assert list(links) == wb.sheetnames[1:]
    assert all(links[name] == f"'{name}'!A1" for name in links)  # within the workbook
    values = {row[0].value: row[1].value for row in ws.iter_rows() if len(row) > 1}
    assert values["Package version"] == tradestats.__version__
    # two dates, each for what it covers: the texts, and the references
    assert values["Date of the texts"].startswith("2022-01-18: the latest text")
    assert values["Dates of the references"].startswith("2007-04-26 to 2024-07-15")
    assert "Version 0.1.0, figures from texts dated up to 2022-01-18" in values["How to cite"]


def test_the_readers_table_agrees_with_trade_flows(wb) -> None:
    ws = wb["Iran–Russia 2017–2021"]
    flows = pd.read_csv(CLEAN / "trade_flows.csv").set_index("figure_id")
    header = [c.value for c in ws[4]]
    assert header == [
        "Period",
        None,
        "Goods from Russia to Iran (US$ million)",
        "Qualifier",
        "Goods from Iran to Russia (US$ million)",
        "Qualifier",
        "Turnover (both ways) (US$ million)",
        "Qualifier",
    ]  # the words and order of the PNG's key
    rows = {r[0].value: r for r in ws.iter_rows(min_row=5) if r[0].value}
    assert [rows[y][6].value for y in ("2017", "2018")] == [
        flows.loc["F026", "value_usd_m"],
        flows.loc["F023", "value_usd_m"],
    ]
    # each value is a plain number, its qualifier in the cell beside it
    assert (rows["2017"][4].value, rows["2017"][5].value) == (392.2, "exact")
    assert rows["2017"][4].number_format == "#,##0.0_)"  # a space's width before the next
    assert (rows["2019"][2].value, rows["2019"][3].value) == (None, "no figure given")
    half = rows["Farvardin–Shahrivar 1400 (21 Mar to 22 Sep 2021)"]
    assert [half[k].value for k in (2, 4, 6)] == [637, 270, 907]
    assert half[6].comment.text.startswith("F039: Iran Online, reporting Iran Khabar, line 82")
    assert "Agency: Islamic Republic of Iran Customs Administration" in half[6].comment.text
    headings = [r[1].value for r in ws.iter_rows(min_row=5) if r[1].value and not r[0].value]
    assert headings == [
        "Russian customs, full years · goods from Iran: Russia's imports",
        "Iranian customs, 6 months only · goods from Russia: Iran's imports",
    ]
    claim = next(
        c.value for row in ws.iter_rows() for c in row if "always been under" in str(c.value)
    )
    assert "Other published figures contradict it: $2.18" in claim  # wrapped over rows


def wb_charts_column_a(path: Path) -> list[openpyxl.cell.Cell]:
    return list(openpyxl.load_workbook(path)["charts"]["A"])


def test_native_charts_use_the_figures_colours_and_state_qualifiers(workbook_path: Path) -> None:
    with zipfile.ZipFile(workbook_path) as zf:
        xml = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/charts/"))
    for color in ("0072B2", "E69F00", "009E73"):  # exports, imports, turnover, as figures/
        assert f'<a:srgbClr val="{color}"' in xml
    assert "wdUpDiag" in xml  # bounds hatched, as in figures/
    assert 'prstDash val="dash"' in xml  # a target: a dashed outline, as in figures/
    # Türkiye's 'more than 30': its category label says it in words, beside the hatching
    labels = [c.value for c in wb_charts_column_a(workbook_path)]
    assert "Türkiye: more than 30; target 100" in labels
    # and when: under the chart
    assert "Türkiye: period not stated (article of 18 Jan 2022); Azerbaijan: period not stated" in (
        " ".join(str(v) for v in labels)
    )
    assert "In 2018, Russia&apos;s trade with the European Union was 169 times" in xml or (
        "In 2018, Russia's trade with the European Union was 169 times" in xml
    )


def test_document_properties_come_from_the_data(wb) -> None:
    props = wb.properties
    assert props.creator == "tradestats"
    assert props.title and props.subject and "tradestats" in props.keywords
    # the latest date of what it holds: a reference published on 2024-07-15
    assert props.created.date().isoformat() == props.modified.date().isoformat() == "2024-07-15"


def test_headers_are_plain_labels_mapped_in_the_dictionary(wb) -> None:
    header = [c.value for c in wb["trade_flows"][1]]
    assert header[:4] == ["Figure id", "Reporter", "Partner", "Flow"]
    assert "Value (million US dollars)" in header
    dictionary = {
        (r[0].value, r[1].value): r[2].value for r in wb["Dictionary"].iter_rows(min_row=2)
    }
    assert dictionary[("trade_flows", "Value (million US dollars)")] == "value_usd_m"
    assert len(dictionary) == sum(
        len(pd.read_csv(CLEAN / f"{t}.csv", nrows=0).columns) for t in TABLES
    )


@pytest.mark.parametrize("name", TABLES)
def test_each_sheet_equals_its_csv(workbook_path: Path, name: str) -> None:
    sheet = pd.read_excel(workbook_path, sheet_name=name)
    csv = tradestats.load(name)
    sheet.columns = list(csv.columns)  # the sheet's headers are plain labels (see Dictionary)
    for column in csv.columns:
        if isinstance(csv[column].dtype, pd.CategoricalDtype):
            csv[column] = csv[column].astype(object)
    assert len(sheet) == len(csv)
    for column in csv.columns:
        left, right = sheet[column], csv[column]
        if right.dtype.kind in "fi":
            assert left.dtype.kind in "fi", column
            pd.testing.assert_series_equal(
                left.astype(float), right.astype(float), check_names=False
            )
        elif right.dtype.kind == "M":
            assert left.dtype.kind == "M", column  # real dates, not text
            pd.testing.assert_series_equal(
                left.astype("datetime64[ns]"), right.astype("datetime64[ns]"), check_names=False
            )
        else:
            assert [None if pd.isna(v) else str(v) for v in left] == [
                None if pd.isna(v) else str(v) for v in right
            ], column


@pytest.mark.parametrize("name", TABLES)
def test_each_sheet_is_a_styled_table_with_a_frozen_header(wb, name: str) -> None:
    ws = wb[name]
    assert ws.freeze_panes == "B2"  # the header row and the id column stay in view
    [table] = ws.tables.values()
    n_rows = len(pd.read_csv(CLEAN / f"{name}.csv"))
    n_cols = len(pd.read_csv(CLEAN / f"{name}.csv", nrows=0).columns)
    assert table.ref == f"A1:{openpyxl.utils.get_column_letter(n_cols)}{n_rows + 1}"
    assert table.autoFilter is not None
    assert table.tableStyleInfo.showRowStripes
    assert [c.name for c in table.tableColumns] == [c.value for c in ws[1]]
    widths = [
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width
        for i in range(1, n_cols + 1)
    ]
    assert all(6 <= w <= 70 for w in widths)


def _row(ws, figure_id: str) -> dict[str, openpyxl.cell.Cell]:
    labels = {v: k for k, v in column_labels(ws.title).items()}
    header = [labels[c.value] for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == figure_id:
            return dict(zip(header, row, strict=True))
    raise AssertionError(figure_id)


def test_numbers_dates_and_qualifiers(wb) -> None:
    ws = wb["trade_flows"]
    turkey = _row(ws, "F017")  # «بیش از ۳۰ میلیارد دلار»
    assert turkey["value_usd_m"].value == 30000
    assert turkey["value_usd_m"].data_type == "n"
    # the qualifier in the number's format, and a space's width after every number
    assert turkey["value_usd_m"].number_format == '"more than "#,##0_)'
    assert _row(ws, "F016")["value_usd_m"].number_format == '"less than "#,##0_)'
    assert _row(ws, "F018")["value_usd_m"].number_format == '"target "#,##0_)'
    assert _row(ws, "F023")["value_usd_m"].number_format == "#,##0_)"
    assert _row(ws, "F028")["value_usd_m"].number_format == "#,##0.0_)"  # 392.2
    start = _row(ws, "F037")["period_start"]
    assert start.is_date and start.number_format == "yyyy-mm-dd_)"
    assert start.value.date().isoformat() == "2021-03-21"


def test_persian_quotes_read_right_to_left(wb) -> None:
    quote = _row(wb["trade_flows"], "F023")["quote"]
    assert quote.value == "یک میلیارد و 740 میلیون دلار"
    assert quote.alignment.horizontal == "right" and quote.alignment.readingOrder == 2
    assert _row(wb["trade_flows"], "F023")["figure_id"].alignment.readingOrder != 2


def test_no_formulas_anywhere(wb) -> None:
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    data = tmp_path / "clean"
    shutil.copytree(CLEAN, data)
    flows = data / "trade_flows.csv"
    text = flows.read_text(encoding="utf-8")
    for original, nasty in [
        ("زیر دو میلیارد دلار", '=HYPERLINK("http://x")'),
        ("بیش از ۳۰ میلیارد دلار", "+1+1"),
        ("به ۱۰۰ میلیارد دلار", "-2"),
        ("688 میلیارد و 115 میلیون دلار", "@SUM(A1)"),
    ]:
        text = text.replace(original, nasty.replace('"', '""'), 1)
    text = text.replace('=HYPERLINK(""http://x"")', '"=HYPERLINK(""http://x"")"')
    flows.write_text(text, encoding="utf-8")
    # recorded as a build records a table, so that load() takes it as built
    descriptor = data / "datapackage.json"
    old_hash = "sha256:" + hashlib.sha256((CLEAN / "trade_flows.csv").read_bytes()).hexdigest()
    new_hash = "sha256:" + hashlib.sha256(flows.read_bytes()).hexdigest()
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace(old_hash, new_hash))
    path = write_workbook(tmp_path / "x.xlsx", data_dir=data)
    ws = openpyxl.load_workbook(path)["trade_flows"]
    values = {
        _row(ws, f)["quote"].value: _row(ws, f)["quote"].data_type
        for f in ("F016", "F017", "F018", "F019")
    }
    assert values == {'=HYPERLINK("http://x")': "s", "+1+1": "s", "-2": "s", "@SUM(A1)": "s"}


def test_native_charts_built_from_cell_ranges(wb) -> None:
    ws = wb["charts"]
    charts = ws._charts
    assert len(charts) == 3
    for chart in charts:
        assert chart.title is not None
        assert chart.y_axis.title is not None and chart.x_axis.title is not None
        assert chart.x_axis.delete is False and chart.y_axis.delete is False
        for series in chart.series:
            ref = series.val.numRef
            assert ref.f.startswith("'charts'!$") or ref.f.startswith("charts!$")
            assert ref.numCache is not None and ref.numCache.pt  # viewers need the cache
    assert [s.tx.strRef.strCache.pt[0].v for s in charts[1].series] == [
        "Turnover, US$ billion (hatched: a bound)",
        "Target, US$ billion (dashed outline)",  # a target: a series of its own, own key
    ]
    # the category labels the chart caches are the cells it reads, word for word
    for chart in charts:
        cat = chart.series[0].cat.strRef
        cells = [c.value for (c,) in ws[cat.f.split("!")[1].replace("$", "")]]
        assert [p.v for p in cat.strCache.pt] == cells
    notes = [c.value for row in ws.iter_rows() for c in row if str(c.value).startswith("Source:")]
    assert len(notes) == 3 and "F023, F029–F030 citing Federal Customs Service" in notes[0]


def test_readme_sheet(wb) -> None:
    text = "\n".join(
        str(c.value) for row in wb["README"].iter_rows() for c in row if c.value is not None
    )
    assert tradestats.__version__ in text
    assert "2022-01-18" in text  # the latest date of a text with figures, not the clock
    assert "more_than" in text and "A lower bound" in text
    assert "reporter RUS, partner IRN, flow imports, exporter IRN, importer RUS" in text
    assert "The sheet 'Contents' lists every sheet" in text  # not a second list
    # where the value's cell shows its qualifier: the tables with both columns
    assert "in trade_flows, figures, reference_flows, the value's cell" in text
    # the columns are the Dictionary's alone
    assert "million US dollars" not in text and "The sheet 'Dictionary' gives every column" in text
    # Persian inside English sentences sits in bidi isolates, so both keep their order
    assert "\u2068«حدود»\u2069, \u2068«تقریباً»\u2069" in text
    # a label and its text stand side by side at the top of their row
    ws = wb["README"]
    for row in ws.iter_rows():
        if row[0].value and len(row) > 1 and row[1].value:
            assert row[0].alignment.vertical == row[1].alignment.vertical == "top"


def test_every_style_names_its_face(wb) -> None:
    for name in ("Contents", "README", "charts", "trade_flows", "Dictionary"):
        for row in wb[name].iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Calibri", (name, cell.coordinate)


def test_data_sheets_print_legibly(wb) -> None:
    """Wide tables print on A3, pages wide enough that their type stays at 80% or more;
    long texts wrap in their cells, the row as tall as its lines."""
    ws = wb["figures"]
    assert ws.page_setup.paperSize == int(ws.PAPERSIZE_A3)
    widths = [d.width for d in ws.column_dimensions.values()]
    assert ws.page_setup.fitToWidth >= sum(widths) / (210 * 0.8)
    assert max(widths) <= 52  # 42, and room for a qualifier
    subject = next(c for c in ws["C"] if c.value and len(str(c.value)) > 42)
    assert subject.alignment.wrap_text and ws.row_dimensions[subject.row].height >= 30
    dictionary = wb["Dictionary"]
    long = next(r for r in dictionary.iter_rows(min_row=2) if len(str(r[5].value)) > 85)
    assert dictionary.row_dimensions[long[0].row].height >= 30


def test_same_data_same_bytes(tmp_path: Path) -> None:
    a = tradestats.to_excel(tmp_path / "a.xlsx").read_bytes()
    b = tradestats.to_excel(tmp_path / "b.xlsx").read_bytes()
    assert a == b


def test_every_date_inside_comes_from_the_data_not_the_clock(tmp_path: Path) -> None:
    path = tradestats.to_excel(tmp_path / "a.xlsx")
    with zipfile.ZipFile(path) as zf:
        # the latest date of what it holds: a reference published on 2024-07-15
        assert {info.date_time for info in zf.infolist()} == {(2024, 7, 15, 0, 0, 0)}
        core = zf.read("docProps/core.xml").decode()
    assert core.count("2024-07-15T00:00:00Z") == 2  # created and modified


def test_committed_workbook_equals_a_fresh_export(tmp_path: Path) -> None:
    fresh = tradestats.to_excel(tmp_path / "tradestats.xlsx").read_bytes()
    assert fresh == (CLEAN / "tradestats.xlsx").read_bytes(), "run 'tradestats export'"


def test_too_many_rows_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(cells, "EXCEL_MAX_ROWS", 10)
    with pytest.raises(TradestatsError, match="the table trade_flows has 22 rows"):
        tradestats.to_excel(tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_export(tmp_path: Path) -> None:
    out = tmp_path / "book.xlsx"
    result = CliRunner().invoke(cli, ["export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()
    bad = CliRunner().invoke(cli, ["export", "--out", str(tmp_path / "book.csv")])
    assert bad.exit_code == 1 and "must end in .xlsx" in bad.output
    blocker = tmp_path / "file"
    blocker.write_text("")
    unwritable = CliRunner().invoke(cli, ["export", "--out", str(blocker / "b.xlsx")])
    assert unwritable.exit_code == 1 and unwritable.output.startswith("Error: cannot write")


def test_chart_ranges_point_at_their_data_blocks(wb) -> None:
    """Each series reads the cells of its data block: 3 partners in 2018, 2 on other
    dates, 2 balances; and the reader's sheet's chart reads its table."""
    ws = wb["charts"]
    refs = [
        [(s.val.numRef.f, (s.cat.strRef or s.cat.numRef).f) for s in chart.series]
        for chart in ws._charts
    ]
    assert refs[0] == [("'charts'!$B$5:$B$7", "'charts'!$A$5:$A$7")]
    # as precise as the texts: 1.74, whose ratio to 294.2 is the title's 169
    assert [ws[f"B{r}"].value for r in range(5, 8)] == [294.2, 108.3, 1.74]
    assert [ws[f"C{r}"].value for r in range(5, 8)] == ["exact"] * 3
    assert [p.v for p in ws._charts[0].series[0].val.numRef.numCache.pt] == [294.2, 108.3, 1.74]
    reader = wb["Iran–Russia 2017–2021"]
    [chart] = reader._charts
    # like with like: the chart draws one agency's full years (rows 6-10), not the
    # Iranian customs' six months below them
    assert [s.val.numRef.f for s in chart.series] == [
        "'Iran–Russia 2017–2021'!$C$6:$C$10",
        "'Iran–Russia 2017–2021'!$E$6:$E$10",
        "'Iran–Russia 2017–2021'!$G$6:$G$10",
    ]
    assert [p.v for p in chart.series[2].val.numRef.numCache.pt] == [1707, 1740]
    cached = {p.idx: p.v for p in chart.series[0].cat.strRef.strCache.pt}
    cells = {i: c.value for i, (c,) in enumerate(reader["A6:A10"]) if c.value}
    assert cached == cells == {0: "2017", 1: "2018", 2: "2019", 3: "2020", 4: "2021"}
    title = "".join(r.t for p in chart.title.tx.rich.p for r in (p.r or []))
    assert "as Russian customs recorded it" in title


def test_the_reconciliation_sheet_grades_the_texts_against_the_references(
    wb: openpyxl.Workbook,
) -> None:
    ws = wb["reconciliation"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    found = {(r[header.index("Figure id")], r[header.index("Reference id")]): r for r in rows[1:]}
    mirror = found[("F029", "R023")]
    assert mirror[header.index("Comparison")] == "mirror"
    assert mirror[header.index("Grade")] == "close"
    assert found[("F016", "R013")][header.index("Grade")] == "contradicted"


def test_the_readers_sheet_is_named_by_the_years_its_rows_span() -> None:
    from tradestats.contract.models import CLEAN_TABLES
    from tradestats.loading import load
    from tradestats.workbook.writer import workbook_bytes

    tables = {name: load(name) for name in CLEAN_TABLES}
    flows, figures = tables["trade_flows"], tables["figures"]
    row = flows[flows["figure_id"] == "F023"].assign(
        figure_id="F997",
        period_start=pd.Timestamp("2022-01-01"),
        period_end=pd.Timestamp("2022-12-31"),
    )
    tables["trade_flows"] = pd.concat([flows, row], ignore_index=True)
    extra = figures[figures["figure_id"] == "F023"].assign(figure_id="F997")
    tables["figures"] = pd.concat([figures, extra], ignore_index=True)
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(tables)))
    assert book.sheetnames[1] == "Iran–Russia 2017–2022"
    assert book["Iran–Russia 2017–2022"]["A1"].value == (
        "Iran–Russia trade, 2017–2022, as Iran Online gives it"
    )
    contents = {r[0]: r[1] for r in book["Contents"].iter_rows(values_only=True) if r[0]}
    assert contents["Iran–Russia 2017–2022"].startswith("Iran–Russia trade year by year, 2017–2022")
