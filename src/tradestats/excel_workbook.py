"""``tradestats export``: one Excel workbook with a README sheet, every clean table as an
Excel Table, and native, editable Excel charts.

The workbook is written in openpyxl's write-only mode (streaming, little memory), is
byte-for-byte reproducible (document dates and zip entry times come from the data, not the
clock), stores no formula ever (text that starts with '=', '+', '-' or '@' is written as
text), and is written atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.data_source import AxDataSource, NumData, NumVal, StrData, StrRef, StrVal
from openpyxl.chart.series import Series
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from tradestats import __version__
from tradestats.atomic_files import write_atomic
from tradestats.chart_text import period_words, t
from tradestats.charts import iran_russia_flows, partner_turnover, russia_balance_groups
from tradestats.datapackage import datapackage_descriptor, field_type
from tradestats.errors import TradestatsError
from tradestats.load_tables import load
from tradestats.paths import find_project_root
from tradestats.schemas import CLEAN_TABLES, FLOWS, QUALIFIERS, REPORTER_BASES
from tradestats.source_notes import source_note

__all__ = ["EXCEL_MAX_ROWS", "default_workbook_path", "to_excel", "workbook_bytes"]

EXCEL_MAX_ROWS = 1_048_576  # rows in one Excel sheet, header included
_FORMULA_STARTS = ("=", "+", "-", "@")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_TITLE_FONT = Font(bold=True, size=14)
_BOLD = Font(bold=True)
_RTL = Alignment(horizontal="right", readingOrder=2, wrap_text=False)
_WRAP = Alignment(wrap_text=True, vertical="top")
_DATE_FORMAT = "yyyy-mm-dd"
# Qualifiers shown in number formats, so a 'more than' figure stays a sortable number.
_QUALIFIER_PREFIX = {
    "more_than": "more than ",
    "less_than": "less than ",
    "about": "about ",
    "target": "target ",
}
# Value columns whose display carries the row's qualifier.
_QUALIFIED_COLUMNS = {"value_usd_m", "value"}
_SHEET_ORDER = (
    "trade_flows",
    "figures",
    "checks",
    "sources",
    "calendar_checks",
    "economies",
    "agencies",
)


def default_workbook_path() -> Path:
    """data/clean/tradestats.xlsx in a checkout, ./tradestats.xlsx elsewhere."""
    try:
        return find_project_root() / "data" / "clean" / "tradestats.xlsx"
    except TradestatsError:
        return Path.cwd() / "tradestats.xlsx"


# --- cells ---------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A pandas/numpy value as a plain Python value for openpyxl; None for missing."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime()
    if isinstance(value, float) and math.isnan(value):
        return None
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _number_format(value: float, qualifier: str | None = None) -> str:
    decimals = 0
    if not float(value).is_integer():
        decimals = min(len(repr(float(value)).split(".")[1].rstrip("0")), 4)
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    prefix = _QUALIFIER_PREFIX.get(qualifier or "")
    return f'"{prefix}"{body}' if prefix else body


def _cell(ws: Any, value: Any, *, qualifier: str | None = None, header: bool = False) -> Any:
    value = _plain(value)
    cell = WriteOnlyCell(ws, value=value)
    if header:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    elif isinstance(value, str):
        if value.startswith(_FORMULA_STARTS):
            cell.data_type = "s"  # text, never a formula
            cell.quotePrefix = True
        if _ARABIC_SCRIPT.search(value):
            cell.alignment = _RTL
    elif isinstance(value, dt.datetime | dt.date):
        cell.number_format = _DATE_FORMAT
    elif isinstance(value, int | float) and not isinstance(value, bool):
        cell.number_format = _number_format(value, qualifier)
    return cell


def _table_value(ws: Any, value: Any, *, qualifier: str | None = None) -> Any:
    """What ``ws.append`` gets for a table cell: the plain value where no style is
    needed (openpyxl then writes it through one reused cell, far faster than a cell of
    its own, and to the same XML), else a styled cell from :func:`_cell`."""
    plain = _plain(value)
    if plain is None or (
        isinstance(plain, str)
        and not plain.startswith(_FORMULA_STARTS)
        and not _ARABIC_SCRIPT.search(plain)
    ):
        return plain
    return _cell(ws, plain, qualifier=qualifier)


def _width(values: Iterable[Any]) -> float:
    longest = max((len(str(v)) for v in values if v is not None), default=4)
    return float(min(max(longest + 2, 6), 60))


def _print_on_one_page(ws: Any, tall: int) -> None:
    """Print landscape, one page wide (and ``tall`` pages high; 0 = as many as needed)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = tall


# --- table sheets --------------------------------------------------------------------


def _check_fits(name: str, df: pd.DataFrame) -> None:
    """Excel holds EXCEL_MAX_ROWS rows a sheet: refuse a larger table, never truncate."""
    if len(df) + 1 > EXCEL_MAX_ROWS:
        raise TradestatsError(
            f"the table {name} has {len(df):,} rows, more than an Excel sheet holds "
            f"({EXCEL_MAX_ROWS - 1:,} below the header); use the CSV instead"
        )


def _table_sheet(wb: Workbook, name: str, df: pd.DataFrame) -> None:
    ws = wb.create_sheet(name)
    _print_on_one_page(ws, tall=0)
    ws.print_title_rows = "1:1"
    columns = list(df.columns)
    display = df.copy()
    qualified = "qualifier" in columns
    for column in columns:
        if isinstance(display[column].dtype, pd.CategoricalDtype):
            display[column] = display[column].astype(object)
    for i, column in enumerate(columns, start=1):
        sample = [column, *display[column].head(2000).map(_shown)]
        extra = 10 if column in _QUALIFIED_COLUMNS and qualified else 0  # "more than "
        ws.column_dimensions[get_column_letter(i)].width = _width(sample) + extra
    ws.freeze_panes = "A2"
    ws.append([_cell(ws, c, header=True) for c in columns])
    qualifiers = display["qualifier"] if "qualifier" in columns else None
    for i, row in enumerate(display.itertuples(index=False, name=None)):
        q = str(qualifiers.iloc[i]) if qualifiers is not None else None
        ws.append(
            [
                _table_value(ws, v, qualifier=q if c in _QUALIFIED_COLUMNS else None)
                for c, v in zip(columns, row, strict=True)
            ]
        )
    ref = f"A1:{get_column_letter(len(columns))}{len(df) + 1}"
    table = Table(displayName=name, ref=ref, autoFilter=AutoFilter(ref=ref))
    table.tableColumns = [TableColumn(id=i, name=c) for i, c in enumerate(columns, start=1)]
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    with warnings.catch_warnings():
        # openpyxl warns that write-only tables need their columns set: they are, above.
        warnings.filterwarnings("ignore", "In write-only mode you must add table columns")
        ws.add_table(table)


def _shown(value: Any) -> str:
    value = _plain(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:,.2f}"
    return "" if value is None else str(value)


# --- README sheet --------------------------------------------------------------------


def _readme_sheet(wb: Workbook, tables: dict[str, pd.DataFrame], data_date: dt.date) -> None:
    descriptor = datapackage_descriptor([])
    ws = wb.create_sheet("README", 0)
    _print_on_one_page(ws, tall=0)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 22
    ws.column_dimensions["D"].width = 100

    out = _RowCounter(ws)

    def line(*values: Any, font: Font | None = None, wrap: bool = False) -> None:
        cells = []
        for i, v in enumerate(values):
            c = _cell(ws, v)
            if font is not None:
                c.font = font
            if wrap or i == 3:
                c.alignment = _WRAP
            cells.append(c)
        if len(values) > 3 and values[3] and len(str(values[3])) > 100:
            # wrapped text needs a taller row; 100 characters fit on a line of column D
            ws.row_dimensions[out.rows + 1].height = 15 * math.ceil(len(str(values[3])) / 100)
        out.append(cells)

    line(descriptor["title"], font=_TITLE_FONT)
    line(descriptor["description"], wrap=False)
    line()
    line("Package version", __version__)
    line(
        "Date of the data",
        data_date.isoformat(),
        None,
        "The latest date of any source text; the workbook carries no other date.",
    )
    line("Licence", descriptor["licenses"][0]["name"])
    line()
    line("Sheets", font=_BOLD)
    line("charts", None, None, "Native Excel charts, drawn from the data blocks beside them.")
    for name in _SHEET_ORDER:
        spec = CLEAN_TABLES[name]
        line(name, None, None, str(spec.model.to_schema().description))
    line()
    line("Reporter and flow", font=_BOLD)
    flow_col = CLEAN_TABLES["trade_flows"].model.to_schema().columns
    line("reporter", None, None, flow_col["reporter"].description)
    for key, text in {
        **{f"flow = {k}": v for k, v in FLOWS.items()},
        **{f"reporter_basis = {k}": v for k, v in REPORTER_BASES.items()},
    }.items():
        line(key, None, None, text)
    example = tables["trade_flows"].set_index("figure_id")
    iran_exports = example[
        (example["reporting_agency"].notna())
        & (example["flow"] == "imports")
        & (example["partner"] == "IRN")
    ]
    worked = iran_exports.sort_values("period_end").iloc[-1]
    line(
        "Worked example",
        None,
        None,
        f"{worked.name}: «{worked['quote']}» ({worked['period_label']}), by "
        f"{worked['reporting_agency']}: reporter {worked['reporter']}, partner "
        f"{worked['partner']}, flow {worked['flow']}, exporter {worked['exporter']}, "
        f"importer {worked['importer']}.",
    )
    line()
    line("Qualifiers", font=_BOLD)
    for key, text in QUALIFIERS.items():
        line(
            key,
            None,
            None,
            text + (f' Shown as "{_QUALIFIER_PREFIX[key]}…".' if key in _QUALIFIER_PREFIX else ""),
        )
    line()
    line("Columns", font=_BOLD)
    line("table", "type", "unit / column", "meaning", font=_BOLD)
    for name in _SHEET_ORDER:
        schema = CLEAN_TABLES[name].model.to_schema()
        for column_name, column in schema.columns.items():
            unit = (column.metadata or {}).get("unit", "")
            line(
                name,
                field_type(column),
                f"{column_name}" + (f" ({unit})" if unit else ""),
                column.description,
            )
    line()
    line("Sources", font=_BOLD)
    for r in tables["sources"].itertuples():
        line(
            r.source_id,
            f"{r.date:%Y-%m-%d}",
            r.outlet if isinstance(r.outlet, str) else "",
            r.title,
        )


# --- charts sheet --------------------------------------------------------------------


def _cache(series: Series, values: Sequence[float | None], labels: Sequence[str]) -> None:
    """Fill a series' cached values and category labels, so viewers that do not
    recompute (LibreOffice, previews) still draw the chart."""
    series.val.numRef.numCache = NumData(
        pt=[NumVal(idx=i, v=v) for i, v in enumerate(values) if v is not None],
        ptCount=len(values),
        formatCode="General",
    )
    if series.cat is not None:
        # categories are text: a string reference with its cache, not a number reference
        ref = (series.cat.strRef or series.cat.numRef).f
        series.cat = AxDataSource(
            strRef=StrRef(
                f=ref,
                strCache=StrData(
                    pt=[StrVal(idx=i, v=s) for i, s in enumerate(labels)], ptCount=len(labels)
                ),
            )
        )


def _bar_chart(
    ws: Any,
    *,
    title: str,
    y_title: str,
    x_title: str,
    first_row: int,
    n_rows: int,
    series_names: list[str],
    labels: list[str],
    columns: list[list[float | None]],
    horizontal: bool = False,
) -> BarChart:
    n_series = len(series_names)
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.grouping = "clustered"
    chart.title = title
    chart.y_axis.title = y_title
    chart.x_axis.title = x_title
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.scaling.min = 0
    chart.y_axis.number_format = "#,##0"
    chart.y_axis.majorGridlines = ChartLines()
    chart.height = 9
    chart.width = 18
    data = Reference(
        ws, min_col=2, max_col=1 + n_series, min_row=first_row, max_row=first_row + n_rows
    )
    cats = Reference(ws, min_col=1, min_row=first_row + 1, max_row=first_row + n_rows)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # first row on top, as in the table
    if n_series == 1:
        chart.legend = None
    for series, name, values in zip(chart.series, series_names, columns, strict=True):
        _cache(series, values, labels)
        if series.tx is not None and series.tx.strRef is not None:
            series.tx.strRef.strCache = StrData(pt=[StrVal(idx=0, v=name)], ptCount=1)
    return chart


class _RowCounter:
    """Appends rows to a write-only sheet and counts them (write-only sheets do not)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.rows = 0

    def append(self, cells: list[Any]) -> int:
        self.ws.append(cells)
        self.rows += 1
        return self.rows


def _data_block(
    out: _RowCounter, header: list[str], rows: list[list[Any]]
) -> tuple[int, list[str], list[list[Any]]]:
    """Append a small data block (header + rows); return its header row, the category
    labels and the value columns."""
    head = [_cell(out.ws, h, header=True) for h in header]
    for c in head:
        c.alignment = _WRAP
    first = out.append(head)
    for row in rows:
        cells = [_cell(out.ws, v) for v in row]
        for c in cells[1:]:
            c.number_format = "#,##0.0"
        out.append(cells)
    labels = [str(r[0]) for r in rows]
    columns = [[r[k] for r in rows] for k in range(1, len(header))]
    return first, labels, columns


def _charts_sheet(wb: Workbook, tables: dict[str, pd.DataFrame]) -> None:
    ws = wb.create_sheet("charts", 1)
    _print_on_one_page(ws, tall=1)
    out = _RowCounter(ws)
    ws.column_dimensions["A"].width = 34
    for col in "BCD":
        ws.column_dimensions[col].width = 20
    lang = "en"
    anchor_rows: list[tuple[int, BarChart, str]] = []  # (first data row, chart, source)

    # 1. Iran–Russia flows by period
    pair, _bounds = iran_russia_flows(tables)
    periods = pair.groupby(["period_start", "period_end"], observed=True)
    names = tables["economies"].set_index("code")["name_en"]
    header = [
        "Period (reporter)",
        f"{names['RUS']}'s exports to {names['IRN']}",
        f"{names['IRN']}'s exports to {names['RUS']}",
        t("flow.turnover", lang),
    ]
    rows = []
    for (start, end), g in periods:
        by = g.set_index("series")["value_usd_m"]
        agency = g["reporting_agency"].dropna()
        label = period_words(start.date(), end.date(), lang).split("\n")[0]
        if not agency.empty:
            short = tables["agencies"].set_index("name_en").loc[str(agency.iloc[0]), "short_en"]
            label += f" ({short})"
        rows.append(
            [label, *(float(by[k]) if k in by.index else None for k in ("RUS", "IRN", "turnover"))]
        )
    first, labels, columns = _data_block(out, header, rows)
    chart = _bar_chart(
        ws,
        title="Iran–Russia trade by period",
        y_title=t("unit.usd_m", lang),
        x_title="Period",
        first_row=first,
        n_rows=len(rows),
        series_names=header[1:],
        labels=labels,
        columns=columns,
    )
    anchor_rows.append((first, chart, source_note(tables, pair["figure_id"], lang)))

    # 2. partners compared
    out.append([])
    bars = partner_turnover(tables, lang)
    rows = []
    for b in bars:
        label = b.label.replace("\n", ", ")
        if b.qualifier != "exact":
            label += f" ({_QUALIFIER_PREFIX.get(b.qualifier, '').strip()})"
        rows.append([label, b.value_bn])
    header = ["Partner", t("flow.turnover_short", lang)]
    first, labels, columns = _data_block(out, header, rows)
    chart = _bar_chart(
        ws,
        title="Russia's trade turnover with its partners",
        y_title=t("unit.usd_bn", lang),
        x_title="Partner, date",
        first_row=first,
        n_rows=len(rows),
        series_names=header[1:],
        labels=labels,
        columns=columns,
        horizontal=True,
    )
    anchor_rows.append((first, chart, source_note(tables, [b.figure_id for b in bars], lang)))

    # 3. Russia's balance
    out.append([])
    rows = []
    ids: list[str] = []
    for partner, start, by_flow in russia_balance_groups(tables):
        period = period_words(start.date(), by_flow.loc["turnover", "period_end"].date(), lang)
        rows.append(
            [
                f"{names[partner]}, {period}",
                *(
                    float(by_flow.loc[f, "value_usd_m"]) / 1000
                    for f in ("exports", "imports", "turnover")
                ),
            ]
        )
        ids += [str(by_flow.loc[f, "figure_id"]) for f in ("exports", "imports", "turnover")]
    header = [
        "Partner, period",
        t("flow.exports", lang),
        t("flow.imports", lang),
        t("flow.turnover_short", lang),
    ]
    first, labels, columns = _data_block(out, header, rows)
    chart = _bar_chart(
        ws,
        title="Russia's exports and imports",
        y_title=t("unit.usd_bn", lang),
        x_title="Partner, period",
        first_row=first,
        n_rows=len(rows),
        series_names=header[1:],
        labels=labels,
        columns=columns,
    )
    anchor_rows.append((first, chart, source_note(tables, ids, lang)))

    # the charts to the right of the data; their source lines under the data
    out.append([])
    out.append([_cell(ws, "Sources of the charts", header=True)])
    for i, (_first, chart, note) in enumerate(anchor_rows):
        chart.anchor = f"F{1 + i * 20}"
        ws.add_chart(chart)
        out.append([_cell(ws, f"Chart {i + 1}: {note.replace(chr(10), ' ')}")])


def workbook_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """The whole workbook, reproducibly: same tables, same bytes."""
    for name in _SHEET_ORDER:  # refuse before writing anything
        _check_fits(name, tables[name])
    data_date = max(tables["sources"]["date"]).date()
    when = dt.datetime.combine(data_date, dt.time())
    wb = Workbook(write_only=True)
    wb.properties.creator = f"tradestats {__version__}"
    wb.properties.title = str(datapackage_descriptor([])["title"])
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.lastModifiedBy = None
    _readme_sheet(wb, tables, data_date)
    _charts_sheet(wb, tables)
    for name in _SHEET_ORDER:
        _table_sheet(wb, name, tables[name])
    buf = io.BytesIO()
    archive = _FixedTimeZip(buf, "w", zipfile.ZIP_DEFLATED, date_time=when)
    ExcelWriter(wb, archive).save()  # not save_workbook(), which stamps the clock
    return buf.getvalue()


class _FixedTimeZip(zipfile.ZipFile):
    """A ZipFile whose entries all carry one fixed time."""

    def __init__(self, *args: Any, date_time: dt.datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fixed = date_time.timetuple()[:6]

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._fixed)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        # write-only worksheets arrive as temporary files: take their bytes, not their mtime
        self.writestr(str(arcname or filename), Path(filename).read_bytes())


def to_excel(path: Path | str | None = None, *, data_dir: Path | str | None = None) -> Path:
    """Write the workbook to ``path`` (default: data/clean/tradestats.xlsx) atomically and
    return the path."""
    target = Path(path) if path is not None else default_workbook_path()
    if target.suffix.lower() != ".xlsx":
        raise TradestatsError(f"{target}: the workbook's name must end in .xlsx")
    tables = {name: load(name, data_dir=data_dir) for name in CLEAN_TABLES}
    write_atomic(target, workbook_bytes(tables))
    return target
