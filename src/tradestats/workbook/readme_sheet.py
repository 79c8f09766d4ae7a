"""The README sheet: what the workbook is, its version and the date of its data, the
sheets, the reporter/flow convention with a worked example, the qualifiers, every column
and the sources; all generated from the same metadata as datapackage.json."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from tradestats.contract.datapackage import datapackage_descriptor, field_type
from tradestats.contract.models import CLEAN_TABLES
from tradestats.contract.vocabularies import FLOWS, QUALIFIERS, REPORTER_BASES
from tradestats.version import __version__
from tradestats.workbook.cells import (
    BOLD,
    QUALIFIER_PREFIX,
    SHEET_ORDER,
    TITLE_FONT,
    WRAP,
    RowCounter,
    make_cell,
    print_on_one_page,
)

__all__ = ["readme_sheet"]


class _Lines:
    """Rows of up to four cells (label, value, value, text); the fourth wraps."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.out = RowCounter(ws)

    def __call__(self, *values: Any, font: Font | None = None, wrap: bool = False) -> None:
        cells = []
        for i, v in enumerate(values):
            c = make_cell(self.ws, v)
            if font is not None:
                c.font = font
            if wrap or i == 3:
                c.alignment = WRAP
            cells.append(c)
        if len(values) > 3 and values[3] and len(str(values[3])) > 100:
            # wrapped text needs a taller row; 100 characters fit on a line of column D
            height = 15 * math.ceil(len(str(values[3])) / 100)
            self.ws.row_dimensions[self.out.rows + 1].height = height
        self.out.append(cells)


def _about(line: _Lines, data_date: dt.date, sheets: list[tuple[str, str]]) -> None:
    descriptor = datapackage_descriptor([])
    line(descriptor["title"], font=TITLE_FONT)
    line(descriptor["description"], wrap=False)
    line()
    line("Package version", __version__)
    line(
        "Date of the data",
        data_date.isoformat(),
        None,
        "The latest date of the texts that hold figures; the workbook carries no other date.",
    )
    line("Licence", descriptor["licenses"][0]["name"])
    line()
    line("Sheets", font=BOLD)
    for name, description in sheets:
        line(name, None, None, description)


def _convention(line: _Lines, flows: pd.DataFrame) -> None:
    """Reporter, flow and reporter basis in words, and a worked example from the data."""
    line()
    line("Reporter and flow", font=BOLD)
    flow_col = CLEAN_TABLES["trade_flows"].model.to_schema().columns
    line("reporter", None, None, flow_col["reporter"].description)
    for key, text in {
        **{f"flow = {k}": v for k, v in FLOWS.items()},
        **{f"reporter_basis = {k}": v for k, v in REPORTER_BASES.items()},
    }.items():
        line(key, None, None, text)
    example = flows.set_index("figure_id")
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


def _columns(line: _Lines) -> None:
    line()
    line("Qualifiers", font=BOLD)
    for key, text in QUALIFIERS.items():
        shown = f' Shown as "{QUALIFIER_PREFIX[key]}…".' if key in QUALIFIER_PREFIX else ""
        line(key, None, None, text + shown)
    line()
    line("Columns", font=BOLD)
    line("table", "type", "unit / column", "meaning", font=BOLD)
    for name in SHEET_ORDER:
        schema = CLEAN_TABLES[name].model.to_schema()
        for column_name, column in schema.columns.items():
            unit = (column.metadata or {}).get("unit", "")
            label = f"{column_name}" + (f" ({unit})" if unit else "")
            line(name, field_type(column), label, column.description)


def readme_sheet(
    wb: Workbook, tables: dict[str, pd.DataFrame], data_date: dt.date, sheets: list[tuple[str, str]]
) -> None:
    ws = wb.create_sheet("README", 2)
    print_on_one_page(ws, tall=0)
    for column, width in zip("ABCD", (24, 16, 22, 100), strict=True):
        ws.column_dimensions[column].width = width
    line = _Lines(ws)
    _about(line, data_date, sheets)
    _convention(line, tables["trade_flows"])
    _columns(line)
    line()
    line("Sources", font=BOLD)
    for r in tables["sources"].itertuples():
        outlet = r.outlet if isinstance(r.outlet, str) else ""
        line(r.source_id, f"{r.date:%Y-%m-%d}", outlet, r.title)
