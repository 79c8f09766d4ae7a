"""Plain column labels for the workbook's headers ("Value (million US dollars)"), and the
data-dictionary sheet that maps each label to its CSV column, type, unit and meaning;
all generated from the pandera models."""

from __future__ import annotations

from openpyxl import Workbook

from tradestats.contract.datapackage import field_type
from tradestats.contract.models import CLEAN_TABLES
from tradestats.workbook.cells import (
    BOLD,
    SHEET_ORDER,
    WRAP,
    RowCounter,
    make_cell,
    print_on_one_page,
)

__all__ = ["DICTIONARY_SHEET", "column_labels", "dictionary_sheet"]

DICTIONARY_SHEET = "Dictionary"


def column_labels(table: str) -> dict[str, str]:
    """CSV column -> its plain label: the model's title, and its unit in brackets."""
    labels = {}
    for name, column in CLEAN_TABLES[table].model.to_schema().columns.items():
        unit = (column.metadata or {}).get("unit")
        labels[name] = f"{column.title} ({unit})" if unit else str(column.title)
    return labels


def dictionary_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet(DICTIONARY_SHEET)
    print_on_one_page(ws, tall=0)
    ws.print_title_rows = "1:1"
    ws.freeze_panes = "A2"
    for column, width in zip("ABCDEF", (16, 28, 20, 10, 20, 90), strict=True):
        ws.column_dimensions[column].width = width
    out = RowCounter(ws)
    header = ["Sheet", "Label", "CSV column", "Type", "Unit", "Meaning"]
    out.append([make_cell(ws, h, header=True) for h in header])
    for table in SHEET_ORDER:
        schema = CLEAN_TABLES[table].model.to_schema()
        labels = column_labels(table)
        for name, column in schema.columns.items():
            unit = (column.metadata or {}).get("unit", "")
            values = [table, labels[name], name, field_type(column), unit, column.description]
            cells = [make_cell(ws, v) for v in values]
            cells[-1].alignment = WRAP
            cells[1].font = BOLD
            out.append(cells)
