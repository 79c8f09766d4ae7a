"""A clean table as an Excel Table: filter buttons, banded rows, the header frozen,
columns fitted, numbers and dates typed."""

from __future__ import annotations

import math
import warnings
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from tradestats.workbook.cells import (
    QUALIFIED_COLUMNS,
    RTL_WRAP,
    WRAP,
    make_cell,
    number_format_of,
    print_legibly,
    shown,
    table_value,
    width,
)
from tradestats.workbook.dictionary import column_labels

__all__ = ["table_sheet"]


_WIDEST = 42  # characters: a longer text wraps in its cell


def _widths(display: pd.DataFrame, labels: dict[str, str]) -> list[float]:
    """Each column's width: its longest value (of the first 2,000), at most _WIDEST."""
    qualified = "qualifier" in display.columns
    out = []
    for column in display.columns:
        sample = [labels[column], *display[column].head(2000).map(shown)]
        extra = 10 if column in QUALIFIED_COLUMNS and qualified else 0  # "more than "
        out.append(min(width(sample), _WIDEST) + extra)
    return out


# Columns a table works out (expected values, differences): one decimal is precision
# enough, whatever the division gives.
_WORKED_OUT = (
    "expected",
    "expected_low",
    "expected_high",
    "difference",
    "difference_usd_m",
    "difference_percent",
)
_DATE_BY_PRECISION = {"month": "mmm yyyy_)", "year": "yyyy_)"}


def _format(column: str, value: Any, row: dict[str, Any]) -> str | None:
    """A cell's number format where the column needs its own: a value with its row's
    qualifier in words ('more than 30,000'), so it stays a sortable number; a worked-out
    value to one decimal (three below 100); a source's date to the precision it is
    known to (Aug 2010)."""
    if column in QUALIFIED_COLUMNS and isinstance(value, int | float) and "qualifier" in row:
        return number_format_of(value, str(row["qualifier"]))
    if column in _WORKED_OUT and isinstance(value, float):
        # one decimal for large amounts; a small one (a percent) keeps three, so a
        # difference of 0.047 never shows as 0.0
        return number_format_of(value, most=1 if abs(value) >= 100 else 3)
    if column == "date" and "date_precision" in row:
        return _DATE_BY_PRECISION.get(str(row["date_precision"]))
    return None


def _cell(ws: Any, value: Any, number_format: str | None, column_width: float) -> Any:
    """A table cell; text longer than its column wraps, at the top of the row."""
    if isinstance(value, str) and len(value) > column_width:
        cell = make_cell(ws, value)
        cell.alignment = RTL_WRAP if cell.alignment.readingOrder == 2 else WRAP
        return cell
    if number_format is None:
        return table_value(ws, value)
    cell = make_cell(ws, value)
    cell.number_format = number_format
    return cell


def table_sheet(wb: Workbook, name: str, df: pd.DataFrame) -> None:
    ws = wb.create_sheet(name)
    columns = list(df.columns)
    labels = column_labels(name)
    display = df.copy()
    for column in columns:
        if isinstance(display[column].dtype, pd.CategoricalDtype):
            display[column] = display[column].astype(object)
    widths = _widths(display, labels)
    for i, column_width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column_width
    print_legibly(ws, sum(widths))
    ws.freeze_panes = "B2"  # the header and the id column stay in view
    ws.append([make_cell(ws, labels[c], header=True) for c in columns])
    for i, row in enumerate(display.itertuples(index=False, name=None)):
        named = dict(zip(columns, row, strict=True))
        lines = max(
            (math.ceil(len(v) / w) for v, w in zip(row, widths, strict=True) if isinstance(v, str)),
            default=1,
        )
        if lines > 1:  # a wrapped text: the row as tall as its lines (before it is written)
            ws.row_dimensions[i + 2].height = 15 * lines
        ws.append(
            [
                _cell(ws, v, _format(c, v, named), w)
                for c, v, w in zip(columns, row, widths, strict=True)
            ]
        )
    ref = f"A1:{get_column_letter(len(columns))}{len(df) + 1}"
    table = Table(displayName=name, ref=ref, autoFilter=AutoFilter(ref=ref))
    table.tableColumns = [TableColumn(id=i, name=labels[c]) for i, c in enumerate(columns, start=1)]
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    with warnings.catch_warnings():
        # openpyxl warns that write-only tables need their columns set: they are, above.
        warnings.filterwarnings("ignore", "In write-only mode you must add table columns")
        ws.add_table(table)
