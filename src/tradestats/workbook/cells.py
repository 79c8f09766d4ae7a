"""Cells of the workbook: plain values, number formats that show a figure's qualifier
("more than 30,000") while it stays a sortable number, right-to-left Persian text, text
that is never a formula, and print set-up."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from tradestats.errors import TradestatsError

EXCEL_MAX_ROWS = 1_048_576  # rows in one Excel sheet, header included
FORMULA_STARTS = ("=", "+", "-", "@")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
# a run of Persian inside English text: its words, the spaces, digits and joiners between
# them, and the guillemets around them (a comma between two runs ends the first)
PERSIAN_RUN = re.compile("[«\u0600-\u06ff][\u0600-\u06ff\u200c 0-9.٫٬]*[\u0600-\u06ff»]")
# One face throughout, named in every style, so no viewer falls back on a serif face
# (LibreOffice draws Calibri in Carlito, metric-compatible).
FACE = "Calibri"
HEADER_FONT = Font(name=FACE, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TITLE_FONT = Font(name=FACE, bold=True, size=14)
BOLD = Font(name=FACE, bold=True)
MUTED = Font(name=FACE, color="5F5F5F")
LINK = Font(name=FACE, color="0563C1", underline="single")
RTL = Alignment(horizontal="right", readingOrder=2, wrap_text=False, vertical="top", indent=1)
WRAP = Alignment(wrap_text=True, vertical="top")
RTL_WRAP = Alignment(horizontal="right", readingOrder=2, wrap_text=True, vertical="top", indent=1)
TOP = Alignment(vertical="top")
QUALIFIER = Alignment(vertical="top", horizontal="left", indent=1)
# Unicode's first-strong and pop isolates: a Persian run inside English text keeps its own
# order, and the English around it keeps its own.
FSI, PDI = "\u2068", "\u2069"
DATE_FORMAT = "yyyy-mm-dd_)"  # a space's width after it, before the next column
# Qualifiers shown in number formats, so a 'more than' figure stays a sortable number.
QUALIFIER_PREFIX = {
    "more_than": "more than ",
    "less_than": "less than ",
    "about": "about ",
    "almost": "almost ",
    "target": "target ",
    "up_to": "up to ",
}
# A qualifier in words, for the cell beside a value.
QUALIFIER_WORDS = {
    "exact": "exact",
    "about": "about",
    "almost": "almost",
    "more_than": "more than",
    "less_than": "less than",
    "target": "target",
    "up_to": "up to",
}
# Value columns whose display carries the row's qualifier.
QUALIFIED_COLUMNS = {"value_usd_m", "value"}
SHEET_ORDER = (
    "trade_flows",
    "figures",
    "checks",
    "reconciliation",
    "reference_flows",
    "sources",
    "calendar_checks",
    "economies",
    "agencies",
)


# --- cells ---------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A pandas/numpy value as a plain Python value for openpyxl; None for missing."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime()
    if isinstance(value, float) and math.isnan(value):
        return None
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def number_format_of(value: float, qualifier: str | None = None, most: int = 4) -> str:
    """A number's format: as many decimals as it has (at most ``most``), a space's width
    after it so it never runs into the next column; a qualifier in words before it
    where one is given (the charts' data labels)."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    decimals = min(max(0, -exponent), most) if isinstance(exponent, int) else 0
    body = "#,##0" + ("." + "0" * decimals if decimals else "") + "_)"
    prefix = QUALIFIER_PREFIX.get(qualifier or "")
    return f'"{prefix}"{body}' if prefix else body


def make_cell(ws: Any, value: Any, *, qualifier: str | None = None, header: bool = False) -> Any:
    value = plain(value)
    cell = WriteOnlyCell(ws, value=value)
    if header:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    elif isinstance(value, str):
        if value.startswith(FORMULA_STARTS):
            cell.data_type = "s"  # text, never a formula
            cell.quotePrefix = True
        if ARABIC_SCRIPT.search(value):
            cell.alignment = RTL
    elif isinstance(value, dt.datetime | dt.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int | float) and not isinstance(value, bool):
        cell.number_format = number_format_of(value, qualifier)
    if cell.alignment.vertical is None:  # every cell at the top of its row
        cell.alignment = TOP
    return cell


def header_and_footer(ws: Any, header: str) -> None:
    """Every printed page says what it is: the workbook and its version at the top,
    the sheet and the page at the foot."""
    ws.oddHeader.left.text = header
    ws.oddHeader.left.size = 8
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.right.text = "Page &P of &N"
    for part in (ws.oddFooter.left, ws.oddFooter.right):
        part.size = 8


def prose(text: Any) -> Any:
    """An English sentence with Persian in it, each Persian run in a bidi isolate, so
    both keep their order («حدود», «تقریباً» read in the order written). Other values
    pass as they are; data cells are never changed."""
    if not isinstance(text, str) or not ARABIC_SCRIPT.search(text):
        return text
    if not _first_strong_is_latin(text):
        return text
    return PERSIAN_RUN.sub(lambda m: isolate(m.group()), text)


def _first_strong_is_latin(text: str) -> bool:
    """Whether a text's first letter is Latin: a paragraph laid out left to right."""
    for ch in text:
        if ch.isalpha():
            return not ARABIC_SCRIPT.match(ch)
    return True


def table_value(ws: Any, value: Any, *, qualifier: str | None = None) -> Any:
    """What ``ws.append`` gets for a table cell: nothing for a blank, else a styled cell
    from :func:`make_cell`."""
    value = plain(value)
    if value is None:
        return None
    # every other cell is styled, at the top of its row: LibreOffice does not apply the
    # default format's alignment, so an unstyled cell would sit at the row's foot
    return make_cell(ws, value, qualifier=qualifier)


def width(values: Iterable[Any]) -> float:
    """A column's width in characters: its longest value's, a Persian one counted a
    third wider (its letters and digits are set wider than Latin ones at one size)."""
    longest = max((_chars(str(v)) for v in values if v is not None), default=4)
    return float(min(max(round(longest) + 2, 6), 60))


def _chars(text: str) -> float:
    return len(text) * (4 / 3 if ARABIC_SCRIPT.search(text) else 1)


def print_on_one_page(ws: Any, tall: int) -> None:
    """Print landscape on A3, as every sheet, one page wide (and ``tall`` pages high; 0 =
    as many as needed)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A3
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = tall


# A3 landscape holds about this many characters of column width at full size.
_A3_CHARACTERS = 210


def print_legibly(ws: Any, total_width: float) -> None:
    """Print a wide table on A3 landscape, as many pages wide as keep its type at 80% or
    more, each page repeating the header row and the id column."""
    pages = max(1, math.ceil(total_width / (_A3_CHARACTERS * 0.8)))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A3
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = pages
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    ws.print_title_cols = "A:A"


def isolate(text: str) -> str:
    """``text`` in a bidi isolate, to stand inside text of the other direction: a Persian
    quote keeps its order in an English sentence, and the sentence keeps its own."""
    return f"{FSI}{text}{PDI}"


def check_fits(name: str, df: pd.DataFrame) -> None:
    """Excel holds EXCEL_MAX_ROWS rows a sheet: refuse a larger table, never truncate."""
    if len(df) + 1 > EXCEL_MAX_ROWS:
        raise TradestatsError(
            f"the table {name} has {len(df):,} rows, more than an Excel sheet holds "
            f"({EXCEL_MAX_ROWS - 1:,} below the header); use the CSV instead"
        )


def shown(value: Any) -> str:
    value = plain(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:,.2f}"
    return "" if value is None else str(value)


class RowCounter:
    """Appends rows to a write-only sheet and counts them (write-only sheets do not)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.rows = 0

    def append(self, cells: list[Any]) -> int:
        self.ws.append(cells)
        self.rows += 1
        return self.rows
