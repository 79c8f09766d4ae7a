"""Native, editable Excel bar charts in the visual language of figures/: the flow colours
(Okabe–Ito), a data label on each bar that shows the number as the text states it
("more than 30,000"), a pattern fill for a bound or a part of a year, and values and
category labels cached, so viewers that do not recompute (LibreOffice, previews) draw
them too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.data_source import AxDataSource, NumData, NumVal, StrData, StrRef, StrVal
from openpyxl.chart.label import DataLabel, DataLabelList
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.series import Series, SeriesLabel
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.fill import ColorChoice, PatternFillProperties
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)

from tradestats.charts.notes import outlet_words
from tradestats.views import Tables
from tradestats.workbook.cells import number_format_of

__all__ = ["SeriesSpec", "bar_chart", "lighter", "source_line"]


@dataclass(frozen=True)
class SeriesSpec:
    """One series: its name, values (None where the texts give none), colour (RGB hex),
    each value's qualifier (shown in words on its label), the points to hatch (bounds,
    as in figures/) and those to draw in a lighter tone (parts of a year); ``column`` is
    the sheet column that holds its values (default: the next after the previous), and
    ``outline`` draws it as a dashed outline (a target)."""

    name: str
    values: list[float | None]
    color: str
    qualifiers: list[str | None] = field(default_factory=list)
    patterned: set[int] = field(default_factory=set)
    lighter: set[int] = field(default_factory=set)
    column: int | None = None
    outline: bool = False

    @property
    def formats(self) -> list[str]:
        """Each value's number format: its qualifier in words before the number."""
        return [
            number_format_of(v if v is not None else 0, q)
            for v, q in zip(self.values, self.qualifiers or [None] * len(self.values), strict=True)
        ]


def _cache(series: Series, spec: SeriesSpec, labels: Sequence[str]) -> None:
    series.val.numRef.numCache = NumData(
        pt=[
            NumVal(idx=i, v=v, formatCode=spec.formats[i])
            for i, v in enumerate(spec.values)
            if v is not None
        ],
        ptCount=len(spec.values),
        formatCode="#,##0",
    )
    if series.cat is not None:
        # categories are text: a string reference with its cache, not a number reference
        ref = (series.cat.strRef or series.cat.numRef).f
        points = [StrVal(idx=i, v=s) for i, s in enumerate(labels) if s]  # a blank: no point
        series.cat = AxDataSource(
            strRef=StrRef(f=ref, strCache=StrData(pt=points, ptCount=len(labels)))
        )
    if series.tx is not None and series.tx.strRef is not None:
        series.tx.strRef.strCache = StrData(pt=[StrVal(idx=0, v=spec.name)], ptCount=1)


def lighter(color: str, share: float = 0.55) -> str:
    """``color`` mixed with white: the lighter tone of figures/ for part of a year."""
    rgb = [int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * share):02X}" for c in rgb)


def _paint(series: Series, spec: SeriesSpec) -> None:
    """Colour, hatching (a bound), a lighter tone (part of a year), a dashed outline (a
    target) and data labels that show the number as the text states it."""
    color = spec.color.lstrip("#").upper()
    if spec.outline:
        series.graphicalProperties.noFill = True
        series.graphicalProperties.line.solidFill = color
        series.graphicalProperties.line.prstDash = "dash"
        series.graphicalProperties.line.width = 19050  # 1.5 pt
    else:
        series.graphicalProperties.solidFill = color
        series.graphicalProperties.line.solidFill = color
    for i in sorted(spec.patterned | spec.lighter):
        point = DataPoint(idx=i)
        tone = lighter(color) if i in spec.lighter else color
        if i in spec.patterned:
            point.graphicalProperties.pattFill = PatternFillProperties(
                prst="wdUpDiag",
                fgClr=ColorChoice(srgbClr=tone),
                bgClr=ColorChoice(srgbClr="FFFFFF"),
            )
        else:
            point.graphicalProperties.solidFill = tone
        point.graphicalProperties.line.solidFill = tone
        series.dPt.append(point)
    labels = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False)
    labels.numFmt = "#,##0"
    formats = spec.formats
    labels.dLbl = [
        DataLabel(
            idx=i,
            numFmt=fmt,
            showVal=True,
            showSerName=False,
            showCatName=False,
            showLegendKey=False,
        )
        for i, fmt in enumerate(formats)
        if spec.values[i] is not None and fmt != "#,##0"
    ]
    series.dLbls = labels


def source_line(tables: Tables, figure_ids: list[str]) -> str:
    """The chart's second title line: the texts its figures come from, so a chart copied
    out of the workbook keeps its source."""
    flows = tables["figures"].set_index("figure_id")
    sources = dict.fromkeys(str(flows.loc[i, "source_id"]) for i in figure_ids)
    return "Source: " + "; ".join(outlet_words(tables, s, "en") for s in sources)


def _title(title: str, source: str) -> Title:
    """The chart's title in bold, and under it, smaller, its source: a chart copied out of
    the workbook keeps it."""
    lines = [(title, 1200, True)] + ([(source, 900, False)] if source else [])
    paragraphs = [
        Paragraph(
            pPr=ParagraphProperties(defRPr=CharacterProperties(sz=size, b=bold)),
            r=[RegularTextRun(rPr=CharacterProperties(sz=size, b=bold), t=text)],
        )
        for text, size, bold in lines
    ]
    return Title(tx=Text(rich=RichText(p=paragraphs)), overlay=False)


def bar_chart(
    ws: Any,
    *,
    title: str,
    source: str = "",
    y_title: str,
    x_title: str,
    first_row: int,
    labels: list[str],
    series: list[SeriesSpec],
    horizontal: bool = False,
    header_row: int | None = None,
    data_labels: bool = True,
) -> BarChart:
    """A clustered bar chart of the block whose header row is ``first_row`` (categories
    in column A, one series a column from B); a series' name is read from ``header_row``
    where the block's first row is not its header."""
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.grouping = "clustered"
    chart.title = _title(title, source)
    chart.y_axis.title, chart.x_axis.title = y_title, x_title
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.y_axis.scaling.min = 0
    chart.y_axis.number_format = "#,##0"
    chart.y_axis.majorGridlines = ChartLines()
    chart.height, chart.width = 9, 18
    last = first_row + len(labels)
    column = 1
    for spec in series:
        column = spec.column or column + 1
        values = Reference(ws, min_col=column, min_row=first_row + 1, max_row=last)
        name = Reference(ws, min_col=column, min_row=header_row or first_row)
        chart.add_data(values, titles_from_data=False)
        chart.series[-1].tx = SeriesLabel(strRef=StrRef(f=name))
    chart.set_categories(Reference(ws, min_col=1, min_row=first_row + 1, max_row=last))
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # first row on top, as in the table
        chart.y_axis.crosses = "max"  # and the value axis at the foot
        chart.legend.position = "b"  # the key in the series' order, as in figures/
    if len(series) == 1:
        chart.legend = None  # type: ignore[assignment]
    for s, spec in zip(chart.series, series, strict=True):
        _cache(s, spec, labels)
        _paint(s, spec)
        if not data_labels:
            s.dLbls = None
    return chart
