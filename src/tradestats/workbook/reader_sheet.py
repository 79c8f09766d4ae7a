"""The "Iran–Russia 2017–2021" sheet, named by the years its rows span: the first
question a reader of this package has, answered in one table. Periods as rows, block by
block of the agency that recorded them, each block under a heading that says who and
that goods from the other side are its own country's imports; goods each way and
turnover as columns, in the order and words of the PNG's key, each value with its
qualifier in the cell beside it ("not stated" where the texts give none) and a comment
naming its source. A native chart in the visual language of figures/ draws the same rows,
with a gap between blocks. It is generated from the selection the Iran–Russia chart uses
(:func:`tradestats.views.iran_russia_blocks`), so the two cannot disagree."""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment

import tradestats.charts.style as style
from tradestats.charts.iran_russia_trade import block_label, claim_note, claim_words, flow_labels
from tradestats.charts.notes import outlets_of, source_note
from tradestats.charts.words import period_words, t
from tradestats.views import Tables, iran_russia_blocks, iran_russia_flows, is_whole_year
from tradestats.workbook.cells import (
    BOLD,
    MUTED,
    QUALIFIER,
    QUALIFIER_WORDS,
    TITLE_FONT,
    TOP,
    WRAP,
    RowCounter,
    make_cell,
    print_on_one_page,
)
from tradestats.workbook.native_charts import SeriesSpec, bar_chart, source_line

__all__ = ["reader_rows", "reader_sheet", "reader_span"]
_SERIES = ("RUS", "IRN", "turnover")  # as in the PNG: goods from Russia, from Iran, turnover
_FLOW = {"RUS": "exports", "IRN": "imports", "turnover": "turnover"}  # from Russia's side
_VALUE_COLUMNS = (3, 5, 7)  # C, E, G; the qualifier stands beside each, in D, F, H


def reader_span(tables: Tables) -> str:
    """The years the Iran–Russia rows span, '2017–2021': the sheet's name says them."""
    pair, _claims = iran_russia_flows(tables)
    first, last = pair["period_start"].min().year, pair["period_end"].max().year
    return str(first) if first == last else f"{first}–{last}"


def reader_rows(tables: Tables) -> list[dict[str, Any]]:
    """The table's rows, in the order of the chart's blocks: a heading row for each
    block (``heading`` set), then one row a period: the period in words, whether it is
    part of a year, and for each series the trade_flows row or None."""
    pair, _bounds = iran_russia_flows(tables)
    rows: list[dict[str, Any]] = []
    for agency, reporter, periods in iran_russia_blocks(pair):
        heading = block_label(tables, agency, reporter, periods, "en").replace("\n", " · ")
        rows.append({"heading": heading, "period": "", "partial": False, "cells": {}})
        block = pair[
            (pair["reporting_agency"].fillna("") == agency) & (pair["reporter"] == reporter)
        ]
        for start, end in periods:
            here = block[(block["period_start"] == start) & (block["period_end"] == end)]
            by = {key: here[here["series"] == key] for key in _SERIES}
            rows.append(
                {
                    "heading": "",
                    "period": period_words(start.date(), end.date(), "en").replace("\n", " "),
                    "partial": not is_whole_year(start, end),
                    "cells": {k: (None if r.empty else r.iloc[0]) for k, r in by.items()},
                }
            )
    return rows


def _value_cells(ws: Any, tables: Tables, row: pd.Series | None) -> list[Any]:
    """A value (a plain number, a comment naming its source) and its qualifier beside it."""
    if row is None:
        return [None, _qualifier_cell(ws, t("iran_russia.no_figure", "en"))]
    cell = make_cell(ws, float(row["value_usd_m"]))
    cell.alignment = TOP
    source = tables["sources"].set_index("source_id").loc[str(row["source_id"])]
    agency = row["reporting_agency"] if isinstance(row["reporting_agency"], str) else "none named"
    text = f"{row['figure_id']}: {source['outlet']}, line {row['line']}. Agency: {agency}."
    cell.comment = Comment(text, "tradestats", width=300, height=80)
    return [cell, _qualifier_cell(ws, QUALIFIER_WORDS[str(row["qualifier"])])]


def _qualifier_cell(ws: Any, words: str) -> Any:
    cell = make_cell(ws, words)
    cell.alignment, cell.font = QUALIFIER, MUTED
    return cell


def _table(ws: Any, out: RowCounter, tables: Tables, rows: list[dict[str, Any]]) -> int:
    """The reader's table; returns the row of its header."""
    labels = flow_labels(tables, "en")
    header = ["Period", ""]
    for key in _SERIES:
        header += [f"{labels[key]} (US$ million)", "Qualifier"]
    head = [make_cell(ws, h, header=True) for h in header]
    for c in head:
        c.alignment = WRAP
    ws.row_dimensions[out.rows + 1].height = 45  # three lines of header (set before it is written)
    first = out.append(head)
    for r in rows:
        if r["heading"]:  # column A stays blank: a gap between blocks in the chart
            heading = make_cell(ws, r["heading"])
            heading.font = BOLD
            out.append([None, heading])
            continue
        period = make_cell(ws, r["period"])
        period.alignment = WRAP
        cells = [period, None]
        for key in _SERIES:
            cells += _value_cells(ws, tables, r["cells"][key])
        if len(r["period"]) > 24:  # a long period wraps onto a second line
            ws.row_dimensions[out.rows + 1].height = 30
        out.append(cells)
    return first


def _chart(ws: Any, tables: Tables, rows: list[dict[str, Any]], first: int) -> Any:
    """The native chart of the table's first block (one agency's whole years), series as
    in the PNG's key, hatching for a bound; the other blocks stay in the table."""
    block = rows[1 : next((i for i in range(1, len(rows)) if rows[i]["heading"]), len(rows))]
    labels = flow_labels(tables, "en")
    series = []
    for key, column in zip(_SERIES, _VALUE_COLUMNS, strict=True):
        cells = [r["cells"].get(key) for r in block]
        values = [None if c is None else float(c["value_usd_m"]) for c in cells]
        qualifiers = [None if c is None else str(c["qualifier"]) for c in cells]
        bounds = {i for i, q in enumerate(qualifiers) if q in ("more_than", "less_than")}
        name = f"{labels[key]} (US$ million)"
        series.append(
            SeriesSpec(name, values, style.COLORS[_FLOW[key]], qualifiers, bounds, column=column)
        )
    heading = rows[0]["heading"].split(" · ")[0]  # "Russian customs, full years"
    agency, _, kind = heading.partition(", ")
    ids = [str(c["figure_id"]) for r in block for c in r["cells"].values() if c is not None]
    period = f"{block[0]['period']}–{block[-1]['period']}"
    return bar_chart(
        ws,
        title=f"Iran–Russia trade, {period}, as {agency} recorded it ({kind}; no bar: no "
        "figure given)",
        source=source_line(tables, ids),
        y_title=t("unit.usd_m", "en").replace("\u00a0", " "),
        x_title="Year",
        first_row=first + 1,  # below the block's heading row
        labels=[r["period"] for r in block],
        series=series,
        horizontal=True,  # as the PNG: periods top to bottom
        header_row=first,
    )


def _lines(ws: Any, out: RowCounter, text: str, font: Any) -> None:
    """A long note as lines of the table's width, so print keeps all of it."""
    for line in textwrap.wrap(text, _NOTE_WIDTH):
        cell = make_cell(ws, line)
        cell.font = font
        out.append([cell])


_NOTE_WIDTH = 119  # characters: the width of columns A to H


def reader_sheet(wb: Workbook, tables: Tables, index: int) -> None:
    span = reader_span(tables)
    ws = wb.create_sheet(f"Iran–Russia {span}", index)
    print_on_one_page(ws, tall=0)
    for column, width in zip("ABCDEFGH", (30, 4, 16, 14, 16, 14, 16, 14), strict=True):
        ws.column_dimensions[column].width = width
    out = RowCounter(ws)
    pair, bounds = iran_russia_flows(tables)
    outlet = outlets_of(tables, pair["source_id"], "en")
    title = make_cell(ws, f"Iran–Russia trade, {span}, as {outlet} gives it")
    title.font = TITLE_FONT
    out.append([title])
    out.append(
        [
            make_cell(
                ws,
                f"Millions of US dollars, as {outlet} states them; each value's qualifier "
                "stands beside it. The note under the table gives each figure's id, source "
                "and agency; on screen, a value's comment gives them too.",
            )
        ]
    )
    out.append([])
    rows = reader_rows(tables)
    first = _table(ws, out, tables, rows)
    out.append([])
    claim = claim_words(tables, bounds, "en")
    if claim:
        _lines(ws, out, claim, BOLD)
    ids = list(pair["figure_id"]) + list(bounds["figure_id"])
    note = " ".join(
        filter(None, [source_note(tables, ids, "en"), claim_note(tables, bounds, "en")])
    )
    _lines(ws, out, note.replace("\u00a0", " "), MUTED)
    chart = _chart(ws, tables, rows, first)
    chart.width, chart.height = 24, 12
    chart.anchor = f"A{out.rows + 2}"
    ws.add_chart(chart)
