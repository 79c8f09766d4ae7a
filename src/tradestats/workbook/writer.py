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
from tradestats.workbook.cells import EXCEL_MAX_ROWS, SHEET_ORDER, check_fits
from tradestats.workbook.charts_sheet import charts_sheet
from tradestats.workbook.readme_sheet import readme_sheet
from tradestats.workbook.table_sheets import table_sheet

__all__ = ["EXCEL_MAX_ROWS", "workbook_bytes", "write_workbook"]


def workbook_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """The whole workbook, reproducibly: same tables, same bytes."""
    for name in SHEET_ORDER:  # refuse before writing anything
        check_fits(name, tables[name])
    data_date = max(tables["sources"]["date"]).date()
    when = dt.datetime.combine(data_date, dt.time())
    wb = Workbook(write_only=True)
    wb.properties.creator = f"tradestats {__version__}"
    wb.properties.title = str(datapackage_descriptor([])["title"])
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.lastModifiedBy = None
    readme_sheet(wb, tables, data_date)
    charts_sheet(wb, tables)
    for name in SHEET_ORDER:
        table_sheet(wb, name, tables[name])
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


def write_workbook(target: Path, *, data_dir: Path | str | None = None) -> Path:
    """Write the workbook of the clean tables in ``data_dir`` to ``target`` atomically
    (only if its bytes change) and return the path."""
    if target.suffix.lower() != ".xlsx":
        raise TradestatsError(f"{target}: the workbook's name must end in .xlsx")
    tables = {name: load(name, data_dir=data_dir) for name in CLEAN_TABLES}
    write_atomic(target, workbook_bytes(tables))
    return target
