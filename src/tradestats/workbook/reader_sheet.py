"""The "Iran–Russia 2017–2021" sheet, named by the years its rows span: the first
question a reader of this package has, answered in one table. Periods as rows; turnover,
Russia's exports and Russia's imports as columns; each cell as the text states it ("more
than …") or "not stated", with a comment naming its figure id, source and agency. Periods
from another agency, or a part of a year, stand apart below. A native chart in the visual
language of figures/ draws the same rows. It is generated from the selection the
Iran–Russia chart uses (:func:`tradestats.views.iran_russia_blocks`), so the two cannot
disagree."""

from __future__ import annotations

from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment

import tradestats.charts.style as style
from tradestats.charts.iran_russia_trade import info as chart_info
from tradestats.charts.notes import source_note
from tradestats.charts.words import period_words, t
from tradestats.views import Tables, iran_russia_blocks, iran_russia_flows, is_whole_year
from tradestats.workbook.cells import (
    BOLD,
    TITLE_FONT,
    WRAP,
    RowCounter,
    make_cell,
    print_on_one_page,
)
from tradestats.workbook.native_charts import SeriesSpec, bar_chart

__all__ = ["reader_rows", "reader_sheet", "reader_span"]
_SERIES = ("turnover", "RUS", "IRN")  # turnover, Russia's exports, Russia's imports
_FLOW = {"turnover": "turnover", "RUS": "exports", "IRN": "imports"}  # from Russia's side


def _who(tables: Tables, agency: str, reporter: str) -> str:
    if agency:
        return str(tables["agencies"].set_index("name_en").loc[agency, "short_en"])
    name = tables["economies"].set_index("code").loc[reporter, "name_en"]
    return f"no agency named ({name}'s side)"


def reader_span(tables: Tables) -> str:
    """The years the Iran–Russia rows span, '2017–2021': the sheet's name says them."""
    pair, _claims = iran_russia_flows(tables)
    first, last = pair["period_start"].min().year, pair["period_end"].max().year
    return str(first) if first == last else f"{first}–{last}"


def reader_rows(tables: Tables) -> list[dict[str, Any]]:
    """One row a period, in the order of the chart's blocks: the period in words, who
    reports it, whether it stands apart (another agency, or part of a year), and for each
    series the trade_flows row or None."""
    pair, _bounds = iran_russia_flows(tables)
    rows = []
    for i, (agency, reporter, periods) in enumerate(iran_russia_blocks(pair)):
        block = pair[
            (pair["reporting_agency"].fillna("") == agency) & (pair["reporter"] == reporter)
        ]
        for start, end in periods:
            here = block[(block["period_start"] == start) & (block["period_end"] == end)]
            by = {key: here[here["series"] == key] for key in _SERIES}
            cells = {k: (None if r.empty else r.iloc[0]) for k, r in by.items()}
            stated = any(c is not None for c in cells.values())
            rows.append(
                {
                    "period": period_words(start.date(), end.date(), "en").replace("\n", " "),
                    # a period with no figure was reported by no one
                    "who": _who(tables, agency, reporter) if stated else "",
                    "apart": i > 0 or not is_whole_year(start, end),
                    "cells": cells,
                }
            )
    return rows


def _value_cell(ws: Any, tables: Tables, row: pd.Series | None) -> Any:
    if row is None:
        return make_cell(ws, t("not_stated", "en"))
    cell = make_cell(ws, float(row["value_usd_m"]), qualifier=str(row["qualifier"]))
    source = tables["sources"].set_index("source_id").loc[str(row["source_id"])]
    agency = row["reporting_agency"] if isinstance(row["reporting_agency"], str) else "none named"
    text = f"{row['figure_id']}: {source['outlet']}, line {row['line']}. Agency: {agency}."
    cell.comment = Comment(text, "tradestats", width=300, height=80)
    return cell


def _table(ws: Any, out: RowCounter, tables: Tables, rows: list[dict[str, Any]]) -> int:
    """The reader's table; returns the row of its header."""
    header = [
        "Period",
        "Turnover (US$ million)",
        "Russia's exports to Iran (US$ million)",
        "Russia's imports from Iran (US$ million)",
        "Reported by",
        "Note",
    ]
    head = [make_cell(ws, h, header=True) for h in header]
    for c in head:
        c.alignment = WRAP
    ws.row_dimensions[out.rows + 1].height = 30  # two lines of header (set before it is written)
    first = out.append(head)
    for r in rows:
        note = "Set apart: another reporter, or part of a year" if r["apart"] else ""
        values = [_value_cell(ws, tables, r["cells"][k]) for k in _SERIES]
        out.append(
            [make_cell(ws, r["period"]), *values, make_cell(ws, r["who"]), make_cell(ws, note)]
        )
    return first


def _chart(ws: Any, tables: Tables, rows: list[dict[str, Any]], first: int) -> Any:
    """The native chart of the table's rows (the block of full years, then the others)."""
    ordered = rows
    series = []
    for key in _SERIES:
        values = [
            None if r["cells"][key] is None else float(r["cells"][key]["value_usd_m"])
            for r in ordered
        ]
        qualifiers = [
            None if r["cells"][key] is None else str(r["cells"][key]["qualifier"]) for r in ordered
        ]
        patterned = {i for i, r in enumerate(ordered) if r["apart"] and r["cells"][key] is not None}
        name = {
            "turnover": "Turnover",
            "RUS": "Russia's exports to Iran",
            "IRN": "Russia's imports from Iran",
        }[key]
        series.append(SeriesSpec(name, values, style.COLORS[_FLOW[key]], qualifiers, patterned))
    labels = [
        ", ".join(filter(None, [r["period"].split(" (")[0], r["who"].split(" (")[0]]))
        for r in ordered
    ]
    return bar_chart(
        ws,
        title=chart_info(tables, "en").title,
        y_title=t("unit.usd_m", "en"),
        x_title="Period (reporter); patterned: set apart",
        first_row=first,
        labels=labels,
        series=series,
    )


def reader_sheet(wb: Workbook, tables: Tables, index: int) -> None:
    span = reader_span(tables)
    ws = wb.create_sheet(f"Iran–Russia {span}", index)
    print_on_one_page(ws, tall=0)
    for column, width in zip("ABCDEF", (40, 16, 22, 22, 36, 44), strict=True):
        ws.column_dimensions[column].width = width
    out = RowCounter(ws)
    title = make_cell(ws, f"Iran–Russia trade, {span}, as the texts give it")
    title.font = TITLE_FONT
    out.append([title])
    out.append(
        [
            make_cell(
                ws,
                "Values in millions of US dollars, as each text states them; "
                "hover over a value for its figure id, source and agency.",
            )
        ]
    )
    out.append([])
    rows = reader_rows(tables)
    first = _table(ws, out, tables, rows)
    pair, bounds = iran_russia_flows(tables)
    out.append([])
    outlets = tables["sources"].set_index("source_id")["outlet"]
    for b in bounds.itertuples():
        outlet = str(outlets.loc[b.source_id]).split(",")[0]
        claim = make_cell(
            ws,
            f"{outlet} says trade 'has always been under' {b.value_usd_m:,.0f} "
            f"({b.figure_id}; it gives no period).",
        )
        claim.font = BOLD
        out.append([claim])
    ids = list(pair["figure_id"]) + list(bounds["figure_id"])
    out.append([make_cell(ws, source_note(tables, ids, "en"))])
    chart = _chart(ws, tables, rows, first)
    chart.width, chart.height = 26, 12
    chart.anchor = f"A{out.rows + 2}"
    ws.add_chart(chart)
