"""The README sheet: what the workbook is, its version and its dates, the sheets, the
reporter/flow convention with a worked example, the qualifiers and the sources; all
generated from the same metadata as datapackage.json. The columns are the Dictionary's."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from tradestats.contract.datapackage import datapackage_descriptor
from tradestats.contract.models import CLEAN_TABLES
from tradestats.contract.vocabularies import FIGURE_QUALIFIERS, FLOWS, REPORTER_BASES
from tradestats.version import __version__
from tradestats.workbook.cells import (
    BOLD,
    QUALIFIED_COLUMNS,
    SHEET_ORDER,
    TITLE_FONT,
    TOP,
    WRAP,
    RowCounter,
    make_cell,
    print_on_one_page,
    prose,
)
from tradestats.workbook.contents_sheet import dates_words
from tradestats.workbook.dictionary import DICTIONARY_SHEET

__all__ = ["readme_sheet"]


class _Lines:
    """Rows of a label and a text: the label in column A, the text in column B (wrapped,
    the row as tall as its lines), both set at the top of the row so they stay side by
    side in print."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.out = RowCounter(ws)

    def __call__(self, label: Any = None, text: Any = None, font: Font | None = None) -> None:
        cells: list[Any] = []
        for i, value in enumerate((label, text)):
            if value is None:
                cells.append(None)
                continue
            c = make_cell(self.ws, prose(value))
            if font is not None:
                c.font = font
            c.alignment = WRAP if i == 1 else TOP
            cells.append(c)
        if text is not None and len(str(text)) > _LINE:
            height = 15 * math.ceil(len(str(text)) / _LINE)
            self.ws.row_dimensions[self.out.rows + 1].height = height
        self.out.append(cells)


_LINE = 95  # characters of column B on one line


def _about(line: _Lines, dates: tuple[dt.date, Any]) -> None:
    descriptor = datapackage_descriptor([])
    line(descriptor["title"], font=TITLE_FONT)
    line(None, descriptor["description"])
    line()
    line("Package version", __version__)
    for label, text in dates_words(*dates):
        line(label, text)
    line("Licence", descriptor["licenses"][0]["name"])
    line("Sheets", "The sheet 'Contents' lists every sheet, with a link to each.")


def _convention(line: _Lines, flows: pd.DataFrame) -> None:
    """Reporter, flow and reporter basis in words, and a worked example from the data."""
    line()
    line("Reporter and flow", font=BOLD)
    flow_col = CLEAN_TABLES["trade_flows"].model.to_schema().columns
    line("reporter", flow_col["reporter"].description)
    for key, text in {
        **{f"flow = {k}": v for k, v in FLOWS.items()},
        **{f"reporter_basis = {k}": v for k, v in REPORTER_BASES.items()},
    }.items():
        line(key, text)
    example = flows.set_index("figure_id")
    iran_exports = example[
        (example["reporting_agency"].notna())
        & (example["flow"] == "imports")
        & (example["partner"] == "IRN")
    ]
    worked = iran_exports.sort_values("period_end").iloc[-1]
    quote = f"«{worked['quote']}»"  # prose() isolates it in the English sentence
    line(
        "Worked example",
        f"{worked.name}: {quote} ({worked['period_label']}), by "
        f"{worked['reporting_agency']}: reporter {worked['reporter']}, partner "
        f"{worked['partner']}, flow {worked['flow']}, exporter {worked['exporter']}, "
        f"importer {worked['importer']}.",
    )


def _qualifiers(line: _Lines, tables: dict[str, pd.DataFrame]) -> None:
    line()
    line("Qualifiers", font=BOLD)
    shown = [
        name
        for name in SHEET_ORDER
        if "qualifier" in tables[name].columns and QUALIFIED_COLUMNS & set(tables[name].columns)
    ]
    line(
        None,
        "Each value's qualifier stands in a column of its own, beside it; in "
        f"{', '.join(shown)}, the value's cell also shows it in words before the number "
        "('more than …') and stays a number that sorts.",
    )
    for key, text in FIGURE_QUALIFIERS.items():  # figures.csv's 'range' too
        line(key, text)
    line()
    line("Columns", font=BOLD)
    line(
        None,
        f"The sheet '{DICTIONARY_SHEET}' gives every column: its label, type, unit and meaning.",
    )


def readme_sheet(
    wb: Workbook,
    tables: dict[str, pd.DataFrame],
    dates: tuple[dt.date, Any],
) -> None:
    ws = wb.create_sheet("README", 2)
    print_on_one_page(ws, tall=0)
    for column, width in zip("AB", (26, 100), strict=True):
        ws.column_dimensions[column].width = width
    line = _Lines(ws)
    _about(line, dates)
    _convention(line, tables["trade_flows"])
    _qualifiers(line, tables)
    line()
    line("Sources", font=BOLD)
    for r in tables["sources"].itertuples():
        outlet = r.outlet if isinstance(r.outlet, str) else "outlet not known"
        line(r.source_id, f"{outlet}, {_date(r)}: {r.title}")  # prose isolates Persian


def _date(source: Any) -> str:
    """A text's date as precise as its evidence: 'July 2008 (inferred)', '2022-01-18'."""
    shown = {"day": "%Y-%m-%d", "month": "%B %Y", "year": "%Y"}[source.date_precision]
    inferred = " (inferred)" if source.date_basis == "inferred" else ""
    return f"{source.date:{shown}}{inferred}"
