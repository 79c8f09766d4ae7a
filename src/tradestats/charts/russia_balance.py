"""Russia's exports against imports for every partner and period where the texts give
both, the turnover they state beside them, and any discrepancy that checks.csv reports."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

import tradestats.charts.style as style
from tradestats.charts.layout import axes, economy_name, frame, new_figure, styled, value_axis
from tradestats.charts.notes import source_note
from tradestats.charts.words import period_words, t
from tradestats.views import Tables, check_for, russia_balance_groups

__all__ = ["plot_russia_balance"]

_FLOWS = ("exports", "imports", "turnover")
_WIDTH = 0.26


def _draw_flows(ax: Axes, i: int, values: dict[str, float], top: float, lang: str) -> None:
    for k, flow in enumerate(_FLOWS):
        bx = i + (k - 1) * _WIDTH
        ax.bar(bx, values[flow], _WIDTH * 0.92, color=style.COLORS[flow])
        ax.text(
            bx,
            values[flow] + top * 0.012,
            style.format_number(values[flow], lang, 1),
            ha="center",
            va="bottom",
            fontsize=8,
            color=style.COLORS["text"],
        )


def _draw_balance(ax: Axes, i: int, values: dict[str, float], top: float, lang: str) -> bool:
    """A bracket over exports and imports, labelled with the surplus or deficit. Returns
    whether it is a surplus."""
    balance = values["exports"] - values["imports"]
    key = "balance.surplus" if balance > 0 else "balance.deficit"
    pair_top = max(values["exports"], values["imports"]) + top * 0.13
    ax.plot(
        [i - _WIDTH, i - _WIDTH, i, i],
        [values["exports"] + top * 0.07, pair_top, pair_top, values["imports"] + top * 0.07],
        color=style.COLORS["muted"],
        linewidth=0.8,
    )
    ax.text(
        i - _WIDTH / 2,
        pair_top + top * 0.012,
        t(key, lang, v=style.format_number(abs(balance), "en", 1)),
        ha="center",
        va="bottom",
        fontsize=8.5,
        fontweight="bold",
        color=style.COLORS["text"],
    )
    return balance > 0


def _draw_discrepancy(
    ax: Axes, i: int, values: dict[str, float], check: pd.Series, top: float, lang: str
) -> None:
    """Where exports plus imports miss the stated turnover: their sum, and the gap."""
    highlight = style.COLORS["highlight"]
    total = values["exports"] + values["imports"]
    ax.hlines(total, i + _WIDTH * 0.5, i + _WIDTH * 1.5, color=highlight, linewidth=1.6)
    gap = float(check["difference"]) / 1e9
    label = t(
        "balance.discrepancy",
        lang,
        sum=style.format_number(total, "en", 1),
        gap=style.format_number(abs(gap), "en", 1),
        direction=t("balance.less" if gap > 0 else "balance.more", lang),
        verbatim={"check": str(check["check_id"])},
    )
    ax.annotate(
        label,
        xy=(i + _WIDTH * 0.55, total),
        xytext=(i + _WIDTH * 0.2, top * 1.2),
        ha="right" if lang == "en" else "left",
        va="bottom",
        fontsize=7.5,
        color=highlight,
        arrowprops={"arrowstyle": "-", "color": highlight, "linewidth": 0.8},
    )


def _legend(ax: Axes, lang: str) -> None:
    handles = [Patch(facecolor=style.COLORS[f], label=t(f"flow.{f}", lang)) for f in _FLOWS]
    ax.legend(
        handles=handles,
        loc="upper left" if lang == "en" else "upper right",
        ncols=1,
        fontsize=8,
        handlelength=1.2,
    )


@styled
def plot_russia_balance(tables: Tables, *, lang: str = "en") -> Figure:
    """Exports against imports for every partner and period where the texts give both, the
    turnover they state beside them, and any discrepancy that checks.csv reports."""
    groups = russia_balance_groups(tables)
    fig = new_figure()
    ax = axes(fig, lang, (0.085, 0.17, 0.89, 0.6))
    top = max(float(g[2].loc["turnover", "value_usd_m"]) / 1000 for g in groups)
    ids: list[str] = []
    ticks, surpluses = [], []
    for i, (partner, start, by_flow) in enumerate(groups):
        values = {f: float(by_flow.loc[f, "value_usd_m"]) / 1000 for f in _FLOWS}
        ids += [str(by_flow.loc[f, "figure_id"]) for f in values]
        _draw_flows(ax, i, values, top, lang)
        surpluses.append(_draw_balance(ax, i, values, top, lang))
        check = check_for(tables, "sum", str(by_flow.loc["turnover", "figure_id"]))
        if check is not None and check["status"] == "discrepancy":
            _draw_discrepancy(ax, i, values, check, top, lang)
        period = period_words(start.date(), by_flow.loc["turnover", "period_end"].date(), lang)
        name = economy_name(tables, partner, lang)
        ticks.append(t("balance.group", lang, partner=name, period=period))
    ax.set_xticks(range(len(groups)), ticks, fontsize=9)
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, len(groups) - 0.4)
    ax.set_ylim(0, top * 1.32)
    _legend(ax, lang)
    value_axis(ax, lang)
    if lang == "fa":
        ax.invert_xaxis()
    title = t("balance.title_surplus" if all(surpluses) else "balance.title_mixed", lang)
    subtitle = t("balance.subtitle", lang, unit=t("unit.usd_bn", lang))
    frame(fig, lang, title, subtitle, source_note(tables, ids, lang))
    return fig
