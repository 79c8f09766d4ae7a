"""``tradestats export``: one Excel workbook with a README sheet, every clean table as an
Excel Table, and native, editable Excel charts.

The workbook is written in openpyxl's write-only mode (streaming, little memory), is
byte-for-byte reproducible (document dates and zip entry times come from the data, not the
clock), stores no formula ever (text that starts with '=', '+', '-' or '@' is written as
text), and is written atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from tradestats.contract.datapackage import datapackage_descriptor
from tradestats.contract.models import CLEAN_TABLES
from tradestats.errors import TradestatsError
from tradestats.files import write_atomic
from tradestats.loading import load
from tradestats.version import __version__
from tradestats.workbook.cells import (
    EXCEL_MAX_ROWS,
    SHEET_ORDER,
    check_fits,
    header_and_footer,
)
from tradestats.workbook.charts_sheet import charts_sheet
from tradestats.workbook.contents_sheet import contents_sheet
from tradestats.workbook.dictionary import DICTIONARY_SHEET, dictionary_sheet
from tradestats.workbook.reader_sheet import reader_sheet, reader_span
from tradestats.workbook.readme_sheet import readme_sheet
from tradestats.workbook.table_sheets import table_sheet

__all__ = [
    "EXCEL_MAX_ROWS",
    "data_date",
    "workbook_bytes",
    "workbook_bytes_of",
    "write_workbook",
]


def data_date(tables: dict[str, pd.DataFrame]) -> dt.date:
    """The date of the texts' data: the latest date among the texts that hold figures."""
    sources = tables["sources"]
    with_figures = sources[sources["source_id"].isin(tables["figures"]["source_id"])]
    return max(with_figures["date"]).date()


def reference_dates(tables: dict[str, pd.DataFrame]) -> tuple[dt.date, dt.date] | None:
    """When the references appeared: the first and last publication dates, if any."""
    published = tables["reference_flows"]["published"].dropna()
    return None if published.empty else (min(published).date(), max(published).date())


def _sheets(tables: dict[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """Every sheet after the contents, in order, with a line that says what it holds."""
    return [
        (
            f"Iran–Russia {reader_span(tables)}",
            f"Iran–Russia trade year by year, {reader_span(tables)}: goods each way and "
            "turnover, by the agency that recorded them, with a chart.",
        ),
        (
            "README",
            "What the workbook is: its dates, the reporter/flow convention, the qualifiers "
            "and the sources (the Dictionary explains every column).",
        ),
        (
            "charts",
            "Native Excel charts: Russia's partners in one year, its other partners on "
            "their own dates, its exports against imports.",
        ),
        *((name, str(CLEAN_TABLES[name].model.to_schema().description)) for name in SHEET_ORDER),
        (DICTIONARY_SHEET, "Each column's plain label, its CSV name, type, unit and meaning."),
    ]


def _properties(wb: Workbook, when: dt.datetime) -> None:
    descriptor = datapackage_descriptor([])
    wb.properties.creator = "tradestats"
    wb.properties.title = str(descriptor["title"])
    wb.properties.subject = str(descriptor["description"])
    wb.properties.keywords = "Russia; foreign trade; Iran; tradestats; " + __version__
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.lastModifiedBy = None


def workbook_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """The whole workbook, reproducibly: same tables, same bytes."""
    for name in SHEET_ORDER:  # refuse before writing anything
        check_fits(name, tables[name])
    date = data_date(tables)
    # the workbook's own date: the latest of its texts and its references
    latest = max([date, *(reference_dates(tables) or ())])
    when = dt.datetime.combine(latest, dt.time())
    wb = Workbook(write_only=True)
    _properties(wb, when)
    sheets = _sheets(tables)
    contents_sheet(wb, sheets, date, reference_dates(tables))
    reader_sheet(wb, tables, 1)
    readme_sheet(wb, tables, (date, reference_dates(tables)))
    charts_sheet(wb, tables, 3)
    for name in SHEET_ORDER:
        table_sheet(wb, name, tables[name])
    dictionary_sheet(wb)
    for ws in wb.worksheets:
        header_and_footer(
            ws, f"tradestats {__version__}: figures from texts dated up to {date.isoformat()}"
        )
    buf = io.BytesIO()
    archive = _FixedTimeZip(buf, "w", zipfile.ZIP_DEFLATED, date_time=when)
    ExcelWriter(wb, archive).save()  # not save_workbook(), which stamps the clock
    return buf.getvalue()


class _FixedTimeZip(zipfile.ZipFile):
    """A ZipFile whose entries all carry one fixed time."""

    def __init__(self, *args: Any, date_time: dt.datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fixed = date_time.timetuple()[:6]

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._fixed)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        # write-only worksheets arrive as temporary files: take their bytes, not their mtime
        self.writestr(str(arcname or filename), Path(filename).read_bytes())


def workbook_bytes_of(data_dir: Path | str | None = None) -> bytes:
    """The workbook of the clean tables in ``data_dir``, in memory. Each table's hash is
    checked against the build's record, so these are the bytes the build validated: they
    are not validated again (as the charts read them)."""
    tables = {name: load(name, data_dir=data_dir, validate=False) for name in CLEAN_TABLES}
    return workbook_bytes(tables)


def write_workbook(target: Path, *, data_dir: Path | str | None = None) -> Path:
    """Write the workbook of the clean tables in ``data_dir`` to ``target`` atomically
    (only if its bytes change) and return the path."""
    if target.suffix.lower() != ".xlsx":
        raise TradestatsError(f"{target}: the workbook's name must end in .xlsx")
    write_atomic(target, workbook_bytes_of(data_dir))
    return target
