"""A clean table as an Excel Table: filter buttons, banded rows, the header frozen,
columns fitted, numbers and dates typed."""

from __future__ import annotations

import warnings

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from tradestats.workbook.cells import (
    QUALIFIED_COLUMNS,
    make_cell,
    print_on_one_page,
    shown,
    table_value,
    width,
)
from tradestats.workbook.dictionary import column_labels

__all__ = ["table_sheet"]


def table_sheet(wb: Workbook, name: str, df: pd.DataFrame) -> None:
    ws = wb.create_sheet(name)
    print_on_one_page(ws, tall=0)
    ws.print_title_rows = "1:1"
    columns = list(df.columns)
    labels = column_labels(name)
    display = df.copy()
    qualified = "qualifier" in columns
    for column in columns:
        if isinstance(display[column].dtype, pd.CategoricalDtype):
            display[column] = display[column].astype(object)
    for i, column in enumerate(columns, start=1):
        sample = [labels[column], *display[column].head(2000).map(shown)]
        extra = 10 if column in QUALIFIED_COLUMNS and qualified else 0  # "more than "
        ws.column_dimensions[get_column_letter(i)].width = width(sample) + extra
    ws.freeze_panes = "A2"
    ws.append([make_cell(ws, labels[c], header=True) for c in columns])
    qualifiers = display["qualifier"] if "qualifier" in columns else None
    for i, row in enumerate(display.itertuples(index=False, name=None)):
        q = str(qualifiers.iloc[i]) if qualifiers is not None else None
        ws.append(
            [
                table_value(ws, v, qualifier=q if c in QUALIFIED_COLUMNS else None)
                for c, v in zip(columns, row, strict=True)
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
