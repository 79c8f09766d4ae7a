"""Plain column labels for the workbook's headers ("Value (million US dollars)"), and the
data-dictionary sheet that maps each label to its CSV column, type, unit and meaning;
all generated from the pandera models."""

from __future__ import annotations

import math
from typing import Any

from openpyxl import Workbook

from tradestats.contract.datapackage import field_type
from tradestats.contract.models import CLEAN_TABLES
from tradestats.workbook.cells import (
    BOLD,
    SHEET_ORDER,
    WRAP,
    RowCounter,
    make_cell,
    print_legibly,
    prose,
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


def _meaning(column: Any) -> str:
    """The column's description, and for a vocabulary its codes: each with its meaning
    where the vocabulary gives one."""
    allowed = next(
        (c.statistics["allowed_values"] for c in column.checks if c.name == "isin"), None
    )
    if allowed is None:
        return str(column.description)
    meanings = (column.metadata or {}).get("enum_descriptions", {})
    codes = [f"{c} = {meanings[c]}" if c in meanings else str(c) for c in allowed]
    glue = " " if meanings else ", "
    return f"{column.description} Codes: {glue.join(codes)}"


def dictionary_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet(DICTIONARY_SHEET)
    print_legibly(ws, 184)
    ws.print_title_rows = "1:1"
    ws.freeze_panes = "A2"
    for column, width in zip("ABCDEF", (16, 28, 20, 10, 20, 90), strict=True):  # ~210 in all
        ws.column_dimensions[column].width = width
    out = RowCounter(ws)
    header = ["Sheet", "Label", "CSV column", "Type", "Unit", "Meaning"]
    out.append([make_cell(ws, h, header=True) for h in header])
    for table in SHEET_ORDER:
        schema = CLEAN_TABLES[table].model.to_schema()
        labels = column_labels(table)
        for name, column in schema.columns.items():
            unit = (column.metadata or {}).get("unit", "")
            meaning = prose(_meaning(column))
            values = [table, labels[name], name, field_type(column), unit, meaning]
            cells = [make_cell(ws, v) for v in values]
            for cell in cells:
                cell.alignment = WRAP  # every cell at the top of a row as tall as its text
            cells[1].font = BOLD
            lines = max(math.ceil(len(meaning) / 85), len(labels[name]) // 26 + 1)
            if lines > 1:
                ws.row_dimensions[out.rows + 1].height = 15 * lines
            out.append(cells)
