"""Iran's exports to Russia in every full year the tables hold (as the reporter of the
growth check gives them), the jump the stated growth rate describes, and that rate
checked against its two values."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import outlets_of, source_note
from tradestats.charts.words import shown_decimals, t, value_label
from tradestats.views import Tables, growth_pair, growth_series

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

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


def _stated(stated: pd.Series, lang: str) -> str:
    """The text's rate in words, with its qualifier: 'about 105'."""
    value = abs(float(stated["value"]))
    return value_label(value, str(stated["qualifier"]), lang, shown_decimals(value, 1.0))


def _computed(before: pd.Series, after: pd.Series) -> float:
    return (float(after["value_usd_m"]) / float(before["value_usd_m"]) - 1) * 100


def _computed_words(tables: Tables, before: pd.Series, after: pd.Series, lang: str) -> str:
    """The rate the two values give, no more precise than their rounding allows: 390
    and 800 (to the million) give 104.7% to 105.5%, so '105'."""
    resolution = tables["figures"].set_index("figure_id")["resolution"] / 1e6
    b, a = float(before["value_usd_m"]), float(after["value_usd_m"])
    rb, ra = float(resolution[before.name]) / 2, float(resolution[after.name]) / 2
    low, high = ((a - ra) / (b + rb) - 1) * 100, ((a + ra) / (b - rb) - 1) * 100
    return style.format_number(_computed(before, after), lang, 0 if high - low >= 0.5 else 1)


def info(tables: Tables, lang: str = "en") -> ChartInfo:
    growth, before, after, stated = growth_pair(tables)
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
        stated=_stated(stated, lang),
        computed=_computed_words(tables, before, after, lang),
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
        derived=(
            (
                "rate of change the two values give",
                round(_computed(before, after), 1),
                "percent",
                f"{before.name};{after.name}",
            ),
        ),
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
            fontsize=style.size("strong", lang),
            fontweight="bold",
            color=style.COLORS["text"],
            bbox=layout.CLEAR,
        )


def _draw_jump(ax: Axes, x0: int, v0: float, v1: float, label: str, lang: str) -> None:
    """An arrow from one bar to the next, labelled with the text's stated rate."""
    claim = style.COLORS["claim"]
    arrow = {
        "arrowstyle": "-|>",
        "color": claim,
        "linewidth": 1.4,
        "connectionstyle": "arc3,rad=-0.25",
    }
    ax.annotate("", xy=(x0 + 0.72, v1 * 0.93), xytext=(x0 + 0.28, v0 * 1.14), arrowprops=arrow)
    ax.text(
        x0 + 0.5,
        max(v0, v1) * 1.17,
        label,
        ha="center",
        va="bottom",
        fontsize=style.size("strong", lang),
        fontweight="bold",
        color=claim,
        bbox=layout.CLEAR,
    )


@layout.styled
def plot_iran_exports_growth(tables: Tables, *, lang: str = "en") -> Figure:
    """Russia's imports from Iran, year by year, and the stated growth rate checked."""
    growth, before, after, stated = growth_pair(tables)
    series = growth_series(tables)
    values = series["value_usd_m"].astype(float).tolist()
    fig = layout.new_figure(9.0, lang)
    chart = info(tables, lang)
    room = layout.frame(fig, lang, chart, source_note(tables, chart.figure_ids, lang))
    ax = layout.axes(fig, lang, room.box(0, 1, 0, 1))
    _draw_bars(ax, values, lang)
    computed = _computed(before, after)
    key = "growth.arrow" if computed >= 0 else "growth.arrow_down"
    outlet = outlets_of(tables, series["source_id"], lang)
    label = t(key, lang, stated=_stated(stated, lang), outlet=outlet)
    _draw_jump(ax, len(values) - 2, values[-2], values[-1], label, lang)
    check = t(
        "growth.stated",
        lang,
        outlet=outlet,
        stated=_stated(stated, lang),
        computed=_computed_words(tables, before, after, lang),
        status=t(f"status.{growth['status']}", lang),
    )
    years = [style.to_local_digits(str(s.year), lang) for s in series["period_start"]]
    ax.set_xticks(range(len(values)), years)
    ax.set_xlabel(check, fontsize=style.size("label", lang), color=style.COLORS["text"], labelpad=6)
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, len(values) - 0.4)
    ax.set_ylim(0, max(values) * 1.38)
    layout.value_axis(ax, lang)
    if lang == "fa":
        ax.invert_xaxis()
    layout.fit(fig, [(ax, room.box(0, 1, 0, 1))], lang)
    return fig
