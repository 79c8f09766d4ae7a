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


def _cell(ws: Any, value: Any, qualifier: str | None, column_width: float) -> Any:
    """A table cell; text longer than its column wraps, at the top of the row."""
    if isinstance(value, str) and len(value) > column_width:
        cell = make_cell(ws, value)
        cell.alignment = RTL_WRAP if cell.alignment.readingOrder == 2 else WRAP
        return cell
    return table_value(ws, value, qualifier=qualifier)


def table_sheet(wb: Workbook, name: str, df: pd.DataFrame) -> None:
    ws = wb.create_sheet(name)
    ws.print_title_rows = "1:1"
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
    ws.freeze_panes = "A2"
    ws.append([make_cell(ws, labels[c], header=True) for c in columns])
    qualifiers = display["qualifier"] if "qualifier" in columns else None
    for i, row in enumerate(display.itertuples(index=False, name=None)):
        q = str(qualifiers.iloc[i]) if qualifiers is not None else None
        lines = max(
            (math.ceil(len(v) / w) for v, w in zip(row, widths, strict=True) if isinstance(v, str)),
            default=1,
        )
        if lines > 1:  # a wrapped text: the row as tall as its lines (before it is written)
            ws.row_dimensions[i + 2].height = 15 * lines
        ws.append(
            [
                _cell(ws, v, q if c in QUALIFIED_COLUMNS else None, w)
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
