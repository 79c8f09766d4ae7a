"""The charts sheet: small data blocks and native, editable Excel bar charts drawn from
them (Iran–Russia flows by period, Russia's partners compared, Russia's balance), each
with a title, axis titles with the unit and a source line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.data_source import AxDataSource, NumData, NumVal, StrData, StrRef, StrVal
from openpyxl.chart.series import Series

from tradestats.charts.notes import source_note
from tradestats.charts.partners import partner_label
from tradestats.charts.words import period_words, t
from tradestats.views import iran_russia_flows, partner_turnover, russia_balance_groups
from tradestats.workbook.cells import (
    QUALIFIER_PREFIX,
    WRAP,
    RowCounter,
    make_cell,
    print_on_one_page,
)

__all__ = ["charts_sheet"]

_LANG = "en"
_FLOWS = ("exports", "imports", "turnover")


@dataclass(frozen=True)
class _Block:
    """A chart and the data block it is drawn from."""

    title: str
    y_title: str
    x_title: str
    header: list[str]
    rows: list[list[Any]]
    figure_ids: list[str]
    horizontal: bool = False


def cache(series: Series, values: Sequence[float | None], labels: Sequence[str]) -> None:
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


def bar_chart(
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
        cache(series, values, labels)
        if series.tx is not None and series.tx.strRef is not None:
            series.tx.strRef.strCache = StrData(pt=[StrVal(idx=0, v=name)], ptCount=1)
    return chart


def data_block(
    out: RowCounter, header: list[str], rows: list[list[Any]]
) -> tuple[int, list[str], list[list[Any]]]:
    """Append a small data block (header + rows); return its header row, the category
    labels and the value columns."""
    head = [make_cell(out.ws, h, header=True) for h in header]
    for c in head:
        c.alignment = WRAP
    first = out.append(head)
    for row in rows:
        cells = [make_cell(out.ws, v) for v in row]
        for c in cells[1:]:
            c.number_format = "#,##0.0"
        out.append(cells)
    labels = [str(r[0]) for r in rows]
    columns = [[r[k] for r in rows] for k in range(1, len(header))]
    return first, labels, columns


def _iran_russia_block(tables: dict[str, pd.DataFrame]) -> _Block:
    pair, _bounds = iran_russia_flows(tables)
    names = tables["economies"].set_index("code")["name_en"]
    header = [
        "Period (reporter)",
        f"{names['RUS']}'s exports to {names['IRN']}",
        f"{names['IRN']}'s exports to {names['RUS']}",
        t("flow.turnover", _LANG),
    ]
    rows = []
    for (start, end), g in pair.groupby(["period_start", "period_end"], observed=True):
        by = g.set_index("series")["value_usd_m"]
        agency = g["reporting_agency"].dropna()
        label = period_words(start.date(), end.date(), _LANG).split("\n")[0]
        if not agency.empty:
            short = tables["agencies"].set_index("name_en").loc[str(agency.iloc[0]), "short_en"]
            label += f" ({short})"
        values = (float(by[k]) if k in by.index else None for k in ("RUS", "IRN", "turnover"))
        rows.append([label, *values])
    return _Block(
        "Iran–Russia trade by period",
        t("unit.usd_m", _LANG),
        "Period",
        header,
        rows,
        list(pair["figure_id"]),
    )


def _partners_block(tables: dict[str, pd.DataFrame]) -> _Block:
    main, others = partner_turnover(tables)
    bars = main + others  # one year like with like, then the others on their own dates
    rows = []
    for b in bars:
        label = partner_label(tables, b, _LANG).replace("\n", ", ")
        if b.qualifier != "exact":
            label += f" ({QUALIFIER_PREFIX.get(b.qualifier, '').strip()})"
        rows.append([label, b.value_bn])
    return _Block(
        "Russia's trade turnover with its partners",
        t("unit.usd_bn", _LANG),
        "Partner, date",
        ["Partner", t("flow.turnover_short", _LANG)],
        rows,
        [b.figure_id for b in bars],
        horizontal=True,
    )


def _balance_block(tables: dict[str, pd.DataFrame]) -> _Block:
    names = tables["economies"].set_index("code")["name_en"]
    rows = []
    ids: list[str] = []
    for partner, start, by_flow in russia_balance_groups(tables):
        period = period_words(start.date(), by_flow.loc["turnover", "period_end"].date(), _LANG)
        values = (float(by_flow.loc[f, "value_usd_m"]) / 1000 for f in _FLOWS)
        rows.append([f"{names[partner]}, {period}", *values])
        ids += [str(by_flow.loc[f, "figure_id"]) for f in _FLOWS]
    header = [
        "Partner, period",
        t("flow.exports", _LANG),
        t("flow.imports", _LANG),
        t("flow.turnover_short", _LANG),
    ]
    return _Block(
        "Russia's exports and imports",
        t("unit.usd_bn", _LANG),
        "Partner, period",
        header,
        rows,
        ids,
    )


def charts_sheet(wb: Workbook, tables: dict[str, pd.DataFrame]) -> None:
    ws = wb.create_sheet("charts", 1)
    print_on_one_page(ws, tall=1)
    out = RowCounter(ws)
    ws.column_dimensions["A"].width = 34
    for col in "BCD":
        ws.column_dimensions[col].width = 20
    charts: list[tuple[BarChart, str]] = []  # (chart, its source line)
    for i, block in enumerate(
        (_iran_russia_block(tables), _partners_block(tables), _balance_block(tables))
    ):
        if i:
            out.append([])
        first, labels, columns = data_block(out, block.header, block.rows)
        chart = bar_chart(
            ws,
            title=block.title,
            y_title=block.y_title,
            x_title=block.x_title,
            first_row=first,
            n_rows=len(block.rows),
            series_names=block.header[1:],
            labels=labels,
            columns=columns,
            horizontal=block.horizontal,
        )
        charts.append((chart, source_note(tables, block.figure_ids, _LANG)))
    # the charts to the right of the data; their source lines under the data
    out.append([])
    out.append([make_cell(ws, "Sources of the charts", header=True)])
    for i, (chart, note) in enumerate(charts):
        chart.anchor = f"F{1 + i * 20}"
        ws.add_chart(chart)
        out.append([make_cell(ws, f"Chart {i + 1}: {note.replace(chr(10), ' ')}")])
