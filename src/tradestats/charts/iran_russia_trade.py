"""Iran–Russia trade by period and direction: every period the texts give, with the
half-year reported by Iranian customs set apart and hatched."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

import tradestats.charts.style as style
from tradestats.charts.layout import (
    axes,
    decimals,
    economy_name,
    frame,
    new_figure,
    styled,
    value_axis,
)
from tradestats.charts.notes import source_note
from tradestats.charts.words import period_words, t
from tradestats.views import Tables, check_for, iran_russia_flows, is_full_year

__all__ = ["plot_iran_russia_trade"]

_SERIES = ("RUS", "IRN", "turnover")  # Russia's exports, Iran's exports, turnover
_WIDTH = 0.27


def _colors() -> dict[str, str]:
    return {
        "RUS": style.COLORS["exports"],
        "IRN": style.COLORS["imports"],
        "turnover": style.COLORS["turnover"],
    }


def _labels(tables: Tables, lang: str) -> dict[str, str]:
    rus, irn = economy_name(tables, "RUS", lang), economy_name(tables, "IRN", lang)
    return {
        "RUS": t("flow.exports_to", lang, exporter=rus, importer=irn),
        "IRN": t("flow.exports_to", lang, exporter=irn, importer=rus),
        "turnover": t("flow.turnover", lang),
    }


def _draw_bar(
    ax: Axes, row: pd.DataFrame, key: str, bx: float, top: float, partial: bool, lang: str
) -> None:
    """One bar and its value label, or 'not stated' where the texts give no value."""
    if row.empty:
        ax.text(
            bx,
            top * 0.02,
            t("not_stated", lang),
            rotation=90,
            ha="center",
            va="bottom",
            fontsize=7,
            color=style.COLORS["muted"],
        )
        return
    value = float(row["value_usd_m"].iloc[0])
    color = _colors()[key]
    ax.bar(
        bx,
        value,
        _WIDTH * 0.92,
        color=color if not partial else "white",
        edgecolor=color,
        hatch="////" if partial else None,
        linewidth=1.2,
    )
    ax.text(
        bx,
        value + top * 0.015,
        style.format_number(value, lang, decimals(value)),
        ha="center",
        va="bottom",
        fontsize=7.5,
        color=style.COLORS["text"],
    )


def _block_label(tables: Tables, g: Any, rows: pd.DataFrame, partial: bool, lang: str) -> str:
    """The agency and the span under a group of bars: "Russian customs / full years"."""
    agency = rows["reporting_agency"].dropna()
    agency_name = ""
    if not agency.empty:
        short = tables["agencies"].set_index("name_en").loc[str(agency.iloc[0])]
        agency_name = str(short["short_fa" if lang == "fa" else "short_en"])
    months = round((g.period_end - g.period_start).days / 30.44)
    span = t("iran_russia.months", lang, n=months) if partial else t("iran_russia.full_years", lang)
    return f"{agency_name}\n{span}"


def _draw_groups(
    ax: Axes, tables: Tables, pair: pd.DataFrame, top: float, lang: str
) -> tuple[list[float], list[Any], list[tuple[str, list[float]]]]:
    """A group of three bars per period and reporter; a dotted rule between reporters.
    Returns the group positions, the groups, and the labelled blocks under them."""
    groups = list(
        pair.groupby(["period_start", "period_end", "reporter"], observed=True)
        .size()
        .reset_index()
        .sort_values("period_start")
        .itertuples()
    )
    x, previous = 0.0, None
    positions: list[float] = []
    blocks: list[tuple[str, list[float]]] = []
    for g in groups:
        if previous is not None and g.reporter != previous:
            x += 0.6
            ax.axvline(x - 0.8, color=style.COLORS["muted"], linewidth=0.8, linestyle=(0, (3, 3)))
        partial = not is_full_year(g.period_start, g.period_end)
        rows = pair[(pair["period_start"] == g.period_start) & (pair["reporter"] == g.reporter)]
        for k, key in enumerate(_SERIES):
            _draw_bar(
                ax, rows[rows["series"] == key], key, x + (k - 1) * _WIDTH, top, partial, lang
            )
        positions.append(x)
        block = _block_label(tables, g, rows, partial, lang)
        if blocks and blocks[-1][0] == block:
            blocks[-1][1].append(x)
        else:
            blocks.append((block, [x]))
        previous = g.reporter
        x += 1.0
    return positions, groups, blocks


def _period_axis(
    ax: Axes,
    positions: list[float],
    groups: list[Any],
    blocks: list[tuple[str, list[float]]],
    lang: str,
) -> None:
    ticks = [period_words(g.period_start.date(), g.period_end.date(), lang) for g in groups]
    ax.set_xticks(positions, ticks, fontsize=8.5)
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(positions[0] - 0.6, positions[-1] + 0.6)
    for block, xs in blocks:
        ax.annotate(
            block,
            xy=((min(xs) + max(xs)) / 2, 0),
            xycoords=("data", "axes fraction"),
            xytext=(0, -38),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=8,
            color=style.COLORS["muted"],
        )
    if lang == "fa":
        ax.invert_xaxis()


def _draw_bound(ax: Axes, tables: Tables, bounds: pd.DataFrame, top: float, lang: str) -> str:
    """The upper bound the text states, as a dashed rule; returns the chart's title."""
    if bounds.empty:
        return t("iran_russia.title", lang, bound="")
    bound = bounds.iloc[0]
    value = bound["value_usd_m"]
    ax.axhline(value, color=style.COLORS["highlight"], linewidth=1, linestyle=(0, (5, 3)))
    ax.text(
        0.99 if lang == "en" else 0.01,
        value + top * 0.015,
        t("iran_russia.bound", lang, v=style.format_number(value, "en")),
        transform=ax.get_yaxis_transform(),
        ha="right" if lang == "en" else "left",
        va="bottom",
        fontsize=7.5,
        color=style.COLORS["highlight"],
    )
    check = check_for(tables, "upper_bound", str(bound["figure_id"]))
    if check is None or check["status"] != "ok":
        return t("iran_russia.title", lang, bound="")
    return t("iran_russia.title", lang, bound=style.format_number(value / 1000, "en", 0))


def _legend(ax: Axes, tables: Tables, lang: str) -> None:
    colors, labels = _colors(), _labels(tables, lang)
    handles = [Patch(facecolor=colors[k], edgecolor=colors[k], label=labels[k]) for k in _SERIES]
    ax.legend(
        handles=handles,
        loc="lower left" if lang == "en" else "lower right",
        bbox_to_anchor=(0, 1.0) if lang == "en" else (1, 1.0),
        ncols=3,
        fontsize=8,
        handlelength=1.2,
        borderaxespad=0.3,
    )


@styled
def plot_iran_russia_trade(tables: Tables, *, lang: str = "en") -> Figure:
    """Russia's exports to Iran, imports from Iran and turnover, for every period the
    texts give; the half-year reported by Iranian customs is set apart and hatched."""
    pair, bounds = iran_russia_flows(tables)
    top = float(pair["value_usd_m"].max())
    if not bounds.empty:
        top = max(top, float(bounds["value_usd_m"].max()))
    fig = new_figure()
    ax = axes(fig, lang, (0.085, 0.27, 0.89, 0.5))
    positions, groups, blocks = _draw_groups(ax, tables, pair, top, lang)
    _period_axis(ax, positions, groups, blocks, lang)
    title = _draw_bound(ax, tables, bounds, top, lang)
    ax.set_ylim(0, top * 1.18)
    value_axis(ax, lang)
    _legend(ax, tables, lang)
    used = list(pair["figure_id"]) + list(bounds["figure_id"])
    frame(fig, lang, title, t("unit.usd_m", lang), source_note(tables, used, lang))
    return fig
