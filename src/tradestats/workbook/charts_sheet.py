"""The charts sheet: small data blocks with plain headers and units, and beside each a
native, editable Excel chart in the visual language of figures/, its title true of
exactly what it shows, and its source line just below it. Russia's partners in one year
(like with like); its other partners, each on its own date (bounds patterned, targets a
series of their own); Russia's exports against imports."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.pagebreak import Break

import tradestats.charts.style as style
from tradestats.charts.layout import economy_name
from tradestats.charts.notes import source_note
from tradestats.charts.partners import info as partners_info
from tradestats.charts.partners import partner_label, partner_period
from tradestats.charts.russia_balance import info as balance_info
from tradestats.charts.words import amount, period_words, shown_decimals, t
from tradestats.views import (
    PartnerTurnover,
    Tables,
    check_for,
    partner_turnover,
    russia_balance_groups,
)
from tradestats.workbook.cells import (
    MUTED,
    QUALIFIER,
    QUALIFIER_WORDS,
    TITLE_FONT,
    WRAP,
    RowCounter,
    make_cell,
    print_on_one_page,
)
from tradestats.workbook.native_charts import SeriesSpec, bar_chart, source_line

__all__ = ["charts_sheet"]

_LANG = "en"
_FLOWS = ("exports", "imports", "turnover")
_CHART_ROWS = 19  # a chart 9 cm high covers about 18 rows


@dataclass(frozen=True)
class _Block:
    """A chart and the data block it is drawn from: categories, and per series its name,
    values, qualifiers and colour."""

    title: str
    y_title: str
    x_title: str
    labels: list[str]
    series: list[SeriesSpec]
    figure_ids: list[str]
    horizontal: bool = False
    header: list[str] = field(default_factory=list)
    labelled: bool = True  # numbers on the bars; else the categories say them in words
    remarks: list[str] = field(default_factory=list)  # lines under the chart


def _series(
    name: str,
    values: list[float | None],
    qualifiers: list[str | None],
    color: str,
    outline: bool = False,
) -> SeriesSpec:
    """A series; its values in every second column from B, its qualifiers beside them."""
    bounds = {i for i, q in enumerate(qualifiers) if q in {"more_than", "less_than"}}
    return SeriesSpec(name, values, color, qualifiers, bounds, outline=outline)


def _shown(tables: Tables, b: PartnerTurnover, target: bool = False) -> float:
    """A partner's value in billions, as precise as its text and no more."""
    figure_id, value = (b.target_id, b.target_bn) if target else (b.figure_id, b.value_bn)
    assert figure_id is not None and value is not None
    resolution = float(tables["figures"].set_index("figure_id").loc[figure_id, "resolution"])
    return round(value, shown_decimals(value, resolution / 1e9))


def _partners_block(tables: Tables, main: list[PartnerTurnover]) -> _Block:
    info = partners_info(tables, _LANG)
    values: list[float | None] = [_shown(tables, b) for b in main]
    turnover = _series(
        "Turnover (US$ billion)", values, [b.qualifier for b in main], style.COLORS["turnover"]
    )
    labels = [partner_label(tables, b, _LANG).replace("\n", ", ") for b in main]
    return _Block(
        info.title,
        t("unit.usd_bn", _LANG),
        "Partner, year",
        labels,
        [turnover],
        [b.figure_id for b in main],
        horizontal=True,
        header=["Partner, year", turnover.name, "Qualifier"],
    )


def _others_block(tables: Tables, others: list[PartnerTurnover]) -> _Block:
    values: list[float | None] = [_shown(tables, b) for b in others]
    stated = _series(
        "Turnover, US$ billion (hatched: a bound)",
        values,
        [b.qualifier for b in others],
        style.COLORS["turnover"],
    )
    targets: list[float | None] = [
        None if b.target_bn is None else _shown(tables, b, target=True) for b in others
    ]
    target = _series(
        "Target, US$ billion (dashed outline)",
        targets,
        ["target" if v is not None else None for v in targets],
        style.COLORS["muted"],
        outline=True,
    )
    labels = [_words_label(tables, b) for b in others]
    ids = [b.figure_id for b in others] + [b.target_id for b in others if b.target_id]
    when = "; ".join(
        f"{economy_name(tables, b.code, _LANG)}: {partner_period(b, _LANG)}" for b in others
    )
    return _Block(
        "Russia's trade with its other partners, each as its own article states it (no "
        "agency named)",
        t("unit.usd_bn", _LANG),
        "Partner",
        labels,
        [stated, target],
        ids,
        horizontal=True,
        header=["Partner", stated.name, "Qualifier", target.name, "Qualifier"],
        labelled=False,
        remarks=[f"{when}."],
    )


def _words_label(tables: Tables, b: PartnerTurnover) -> str:
    """A category that says the value in words ('more than 30; target 100'): a chart's
    number formats are lost on viewers that ignore them, and a bound must not read as
    exact."""
    words = amount(b.value_bn, _resolution(tables, b.figure_id), b.qualifier, _LANG)
    if b.target_bn is not None and b.target_id is not None:
        target = amount(b.target_bn, _resolution(tables, b.target_id), "target", _LANG)
        words += f"; {target}"
    return f"{economy_name(tables, b.code, _LANG)}: {words}"


def _resolution(tables: Tables, figure_id: str) -> float:
    return float(tables["figures"].set_index("figure_id").loc[figure_id, "resolution"]) / 1e9


def _balance_block(tables: Tables) -> _Block:
    names = tables["economies"].set_index("code")["name_en"]
    labels, ids, columns = [], [], {f: [] for f in _FLOWS}  # type: ignore[var-annotated]
    remarks = []
    for partner, start, by_flow in russia_balance_groups(tables):
        period = period_words(start.date(), by_flow.loc["turnover", "period_end"].date(), _LANG)
        labels.append(f"{names[partner]}, {period}")
        shown = {f: round(float(by_flow.loc[f, "value_usd_m"]) / 1000, 1) for f in _FLOWS}
        for f in _FLOWS:
            columns[f].append(shown[f])
            ids.append(str(by_flow.loc[f, "figure_id"]))
        remarks += _gap_remark(tables, f"{names[partner]}, {period}", by_flow, shown)
    series = [
        _series(
            f"{t(f'flow.{f}', _LANG).split(' (')[0]} (US$ billion)",
            columns[f],
            ["exact"] * len(labels),
            style.COLORS[f],
        )
        for f in _FLOWS
    ]
    return _Block(
        balance_info(tables, _LANG).title,
        t("unit.usd_bn", _LANG),
        "Partner, period",
        labels,
        series,
        ids,
        header=["Partner, period", *(h for s in series for h in (s.name, "Qualifier"))],
        remarks=remarks,
    )


def _gap_remark(tables: Tables, group: str, by_flow: Any, shown: dict[str, float]) -> list[str]:
    """The words for a turnover its exports and imports do not add up to, if checks.csv
    reports one."""
    check = check_for(tables, "sum", str(by_flow.loc["turnover", "figure_id"]))
    if check is None or check["status"] != "discrepancy":
        return []
    total = round(shown["exports"] + shown["imports"], 1)
    gap = round(shown["turnover"] - total, 1)
    side = "short of" if gap > 0 else "more than"
    return [
        f"{group}: exports plus imports come to {total:,.1f}, {abs(gap):,.1f} {side} the "
        f"turnover of {shown['turnover']:,.1f} the text states (checks.csv, "
        f"{check['check_id']})."
    ]


def _write_block(ws: Any, out: RowCounter, tables: Tables, block: _Block) -> None:
    """The data block, the chart under it, and its source line under the chart."""
    start = out.rows + 1
    head = [make_cell(ws, h, header=True) for h in block.header]
    for c in head:
        c.alignment = WRAP
    ws.row_dimensions[out.rows + 1].height = 45  # three lines of header (set before it is written)
    out.append(head)
    for i, label in enumerate(block.labels):
        cells = [make_cell(ws, label)]
        for s in block.series:  # a plain number, and its qualifier in words beside it
            value, qualifier = s.values[i], s.qualifiers[i]
            words = "" if value is None else QUALIFIER_WORDS.get(str(qualifier), "as stated")
            qualifier_cell = make_cell(ws, words)
            qualifier_cell.alignment, qualifier_cell.font = QUALIFIER, MUTED
            cells += [make_cell(ws, value), qualifier_cell]
        out.append(cells)
    series = [replace(spec, column=2 + 2 * k) for k, spec in enumerate(block.series)]
    chart = bar_chart(
        ws,
        title=block.title,
        source=source_line(tables, block.figure_ids),
        y_title=block.y_title,
        x_title=block.x_title,
        first_row=start,
        labels=block.labels,
        series=series,
        horizontal=block.horizontal,
        data_labels=block.labelled,
    )
    out.append([])
    chart.anchor = f"A{out.rows + 1}"
    chart.width, chart.height = 18, 9
    ws.add_chart(chart)
    below = out.rows + _CHART_ROWS
    while out.rows < below:
        out.append([])
    for text in [source_note(tables, block.figure_ids, _LANG), *block.remarks]:
        note = make_cell(ws, text.replace("\u00a0", " "))
        note.font = MUTED
        out.append([note])
    out.append([])
    ws.row_breaks.append(Break(id=out.rows))  # each block and its chart on a page of its own


def charts_sheet(wb: Workbook, tables: Tables, index: int) -> None:
    ws = wb.create_sheet("charts", index)
    print_on_one_page(ws, tall=0)
    out = RowCounter(ws)
    ws.column_dimensions["A"].width = 36
    for col in "BDFH":
        ws.column_dimensions[col].width = 14
    for col in "CEGI":
        ws.column_dimensions[col].width = 11
    title = make_cell(
        ws, "Russia's trade in native Excel charts, each drawn from the data block above it"
    )
    title.font = TITLE_FONT
    out.append([title])
    out.append(
        [
            make_cell(
                ws,
                "Values in billions of US dollars, rounded as the charts show them: one "
                "decimal, or more where the text is that precise; each value's "
                "qualifier stands beside it. The data sheets hold every figure as its text "
                "states it.",
            )
        ]
    )
    out.append([])
    main, others = partner_turnover(tables)
    blocks = [_partners_block(tables, main), _balance_block(tables)]
    if others:
        blocks.insert(1, _others_block(tables, others))
    for block in blocks:
        _write_block(ws, out, tables, block)
