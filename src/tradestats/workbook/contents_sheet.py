"""The Contents sheet, first: what the workbook is, its version, the date of its data
(the latest date among the texts that hold figures), how to cite it, and every sheet
with a link and a line that says what it holds."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink

from tradestats.contract.datapackage import datapackage_descriptor
from tradestats.version import __version__
from tradestats.workbook import cells

__all__ = ["CONTENTS_SHEET", "citation", "contents_sheet"]

CONTENTS_SHEET = "Contents"
_LINK = cells.LINK


def citation(data_date: dt.date) -> str:
    """How to cite the workbook: who, what, which version, and the date of its texts."""
    title = datapackage_descriptor([])["title"]
    return (
        f"tradestats developers. {title}. Version {__version__}, figures from texts dated up to "
        f"{data_date.isoformat()}. Licence: "
        f"{datapackage_descriptor([])['licenses'][0]['name']}."
    )


def dates_words(
    data_date: dt.date, references: tuple[dt.date, dt.date] | None
) -> list[tuple[str, str]]:
    """The workbook's two dates, each for what it covers."""
    out = [("Date of the texts", f"{data_date.isoformat()}: the latest text that holds figures.")]
    if references is not None:
        first, last = references
        out.append(
            (
                "Dates of the references",
                f"{first.isoformat()} to {last.isoformat()}: when the other published "
                "figures (reference_flows) appeared.",
            )
        )
    return out


def contents_sheet(
    wb: Workbook,
    sheets: list[tuple[str, str]],
    data_date: dt.date,
    references: tuple[dt.date, dt.date] | None,
) -> None:
    """``sheets``: (sheet name, one-line description), in the workbook's order."""
    ws = wb.create_sheet(CONTENTS_SHEET, 0)
    cells.print_on_one_page(ws, tall=1)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    out = cells.RowCounter(ws)
    title = cells.make_cell(ws, str(datapackage_descriptor([])["title"]))
    title.font = cells.TITLE_FONT
    out.append([title])
    out.append([])
    for label, value in (
        ("Package version", __version__),
        *dates_words(data_date, references),
        ("How to cite", citation(data_date)),
    ):
        key = cells.make_cell(ws, label)
        key.font, key.alignment = cells.BOLD, cells.TOP
        text = cells.make_cell(ws, value)
        text.alignment = cells.WRAP
        out.append([key, text])
    out.append([])
    out.append(
        [
            cells.make_cell(ws, "Sheet", header=True),
            cells.make_cell(ws, "What it holds", header=True),
        ]
    )
    for name, description in sheets:
        link = cells.make_cell(ws, name)
        link.hyperlink = Hyperlink(ref="", location=f"'{name}'!A1")  # within the workbook
        link.font = _LINK
        text = cells.make_cell(ws, description)
        text.alignment = cells.WRAP
        link.alignment = cells.TOP
        if len(description) > 100:  # column B holds about 100 characters a line
            ws.row_dimensions[out.rows + 1].height = 30
        out.append([link, text])
