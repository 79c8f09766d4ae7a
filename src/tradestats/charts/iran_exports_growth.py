"""Iran's exports to Russia in every full year the tables hold (as the reporter of the
growth check gives them), the jump the stated growth rate describes, and that rate
checked against its two values."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import source_note
from tradestats.charts.words import t
from tradestats.views import Tables, growth_pair, growth_series

__all__ = ["info", "plot_iran_exports_growth"]


def _agency(tables: Tables, series: pd.DataFrame, lang: str) -> str:
    named = series["reporting_agency"].dropna()
    if named.empty:
        return layout.economy_name(tables, str(series["reporter"].iloc[0]), lang)
    agency = tables["agencies"].set_index("name_en").loc[str(named.iloc[0])]
    return str(agency["short_fa" if lang == "fa" else "short_en"])


def _title(series: pd.DataFrame, lang: str) -> str:
    """The last change in words, with the change before it: 'more than doubled in 2020,
    after falling in 2019'."""
    values = series["value_usd_m"].astype(float).tolist()
    years = [s.year for s in series["period_start"]]
    v0, v1, year = values[-2], values[-1], years[-1]
    after = ""
    if len(values) >= 3:
        key = "growth.after_fall" if values[-2] < values[-3] else "growth.after_rise"
        after = t(key, lang, year=years[-2])
    pct = (v1 / v0 - 1) * 100
    if v1 / v0 >= 2:
        return t("growth.title_doubled", lang, year=year, after=after)
    if v1 >= v0:
        return t("growth.title_rose", lang, pct=f"{pct:.0f}", year=year, after=after)
    return t("growth.title_fell", lang, pct=f"{-pct:.0f}", year=year, after=after)


def info(tables: Tables, lang: str = "en") -> ChartInfo:
    growth, _before, _after, _stated = growth_pair(tables)
    series = growth_series(tables)
    years = [s.year for s in series["period_start"]]
    period = t("period.years", lang, first=years[0], last=years[-1])
    items = [
        f"{style.to_local_digits(str(y), lang)}: {style.format_number(v, lang, layout.decimals(v))}"
        for y, v in zip(years, series["value_usd_m"].astype(float), strict=True)
    ]
    agency = _agency(tables, series, lang)
    alt = t(
        "growth.alt",
        lang,
        agency=agency,
        items=t("comma", lang).join(items),
        year=years[-1],
        status=t(f"status.{growth['status']}", lang),
    )
    subtitle = t("growth.subtitle", lang, period=period, agency=agency, unit=t("unit.usd_m", lang))
    # the stated rate the chart checks is cited beside the bars' figures
    return ChartInfo(
        _title(series, lang),
        subtitle,
        alt,
        series,
        layout.data_date(tables, series),
        cited=(str(growth["target_id"]),),
    )


def _draw_bars(ax: Axes, values: list[float], lang: str) -> None:
    for xi, value in enumerate(values):
        ax.bar(xi, value, 0.55, color=style.COLORS["imports"])
        ax.text(
            xi,
            value * 1.02,
            style.format_number(value, lang, layout.decimals(value)),
            ha="center",
            va="bottom",
            fontsize=style.size(9.5, lang),
            fontweight="bold",
            color=style.COLORS["text"],
        )


def _draw_jump(ax: Axes, x0: int, v0: float, v1: float, lang: str) -> float:
    """An arrow from one bar to the next, labelled with the computed rate."""
    computed = (v1 / v0 - 1) * 100
    claim = style.COLORS["claim"]
    ax.annotate(
        "",
        xy=(x0 + 0.78, v1 * 0.93),
        xytext=(x0 + 0.22, v0 * 1.12),
        arrowprops={
            "arrowstyle": "-|>",
            "color": claim,
            "linewidth": 1.6,
            "connectionstyle": "arc3,rad=-0.25",
        },
    )
    key = "growth.arrow" if computed >= 0 else "growth.arrow_down"
    ax.text(
        x0 + 0.5,
        max(v0, v1) * 1.08,
        t(key, lang, computed=f"{abs(computed):.0f}"),
        ha="center",
        va="bottom",
        fontsize=style.size(11, lang),
        fontweight="bold",
        color=claim,
    )
    return computed


@layout.styled
def plot_iran_exports_growth(tables: Tables, *, lang: str = "en") -> Figure:
    """Iran's exports to Russia, year by year, and the stated growth rate checked."""
    growth, _before, _after, stated = growth_pair(tables)
    series = growth_series(tables)
    values = series["value_usd_m"].astype(float).tolist()
    fig = layout.new_figure()
    ax = layout.axes(fig, lang, (0.075, 0.25, 0.9, 0.52))
    _draw_bars(ax, values, lang)
    computed = _draw_jump(ax, len(values) - 2, values[-2], values[-1], lang)
    check = t(
        "growth.stated",
        lang,
        stated=style.format_number(float(stated["value"]), lang),
        computed=style.format_number(computed, lang, 1),
        status=t(f"status.{growth['status']}", lang),
    )
    ax.text(
        0.5,
        -0.14,
        check,
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=style.size(8, lang),
        color=style.COLORS["text"],
    )
    years = [style.to_local_digits(str(s.year), lang) for s in series["period_start"]]
    ax.set_xticks(range(len(values)), years, fontsize=style.size(9.5, lang))
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, len(values) - 0.4)
    ax.set_ylim(0, max(values) * 1.3)
    layout.value_axis(ax, lang)
    if lang == "fa":
        ax.invert_xaxis()
    chart = info(tables, lang)
    layout.frame(fig, lang, chart, source_note(tables, chart.figure_ids, lang))
    return fig
