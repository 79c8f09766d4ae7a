"""Russia's exports against imports for every partner and period where the texts give
both, the turnover they state beside them, and any discrepancy that checks.csv reports.
Each group of bars is labelled with its partner and its period."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import source_note
from tradestats.charts.words import join_words, period_words, t
from tradestats.views import Tables, check_for, russia_balance_groups

__all__ = ["info", "plot_russia_balance"]

_FLOWS = ("exports", "imports", "turnover")
_WIDTH = 0.26


def _values(by_flow: pd.DataFrame) -> dict[str, float]:
    return {f: float(by_flow.loc[f, "value_usd_m"]) / 1000 for f in _FLOWS}


def _period(start: pd.Timestamp, by_flow: pd.DataFrame, lang: str) -> str:
    return period_words(start.date(), by_flow.loc["turnover", "period_end"].date(), lang)


def info(tables: Tables, lang: str = "en") -> ChartInfo:
    groups = russia_balance_groups(tables)
    withs, items, surplus = [], [], True
    for partner, start, by_flow in groups:
        values, period = _values(by_flow), _period(start, by_flow, lang)
        name = layout.economy_name(tables, partner, lang, article=True)
        withs.append(t("balance.with", lang, partner=name, period=period))
        shown = t("comma", lang).join(
            f"{t(f'flow.{f}', lang)} {style.format_number(values[f], lang, 1)}" for f in _FLOWS
        )
        items.append(f"{t('balance.group', lang, partner=name, period=period)}: {shown}")
        surplus = surplus and values["exports"] > values["imports"]
    key = "balance.title_surplus" if surplus else "balance.title_mixed"
    title = t(key, lang, groups=join_words(withs, lang))
    subtitle = t("balance.subtitle", lang, unit=t("unit.usd_bn", lang))
    alt = t("balance.alt", lang, items=t("semicolon", lang).join(items))
    ids = [str(g[2].loc[f, "figure_id"]) for g in groups for f in _FLOWS]
    flows = tables["trade_flows"]
    rows = flows[flows["figure_id"].isin(ids)].sort_values(["period_start", "figure_id"])
    return ChartInfo(title, subtitle, alt, rows, layout.data_date(tables, rows))


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
            fontsize=style.size(7.5, lang),
            color=style.COLORS["text"],
        )


def _draw_balance(ax: Axes, i: int, values: dict[str, float], top: float, lang: str) -> None:
    """A bracket over exports and imports, labelled with the surplus or deficit."""
    balance = values["exports"] - values["imports"]
    key = "balance.surplus" if balance > 0 else "balance.deficit"
    pair_top = max(values["exports"], values["imports"]) + top * 0.15
    ax.plot(
        [i - _WIDTH, i - _WIDTH, i, i],
        [values["exports"] + top * 0.09, pair_top, pair_top, values["imports"] + top * 0.09],
        color=style.COLORS["muted"],
        linewidth=0.8,
    )
    ax.text(
        i - _WIDTH / 2,
        pair_top + top * 0.012,
        t(key, lang, v=style.format_number(abs(balance), lang, 1)),
        ha="center",
        va="bottom",
        fontsize=style.size(8, lang),
        fontweight="bold",
        color=style.COLORS["text"],
    )


def _draw_discrepancy(
    ax: Axes, i: int, values: dict[str, float], check: pd.Series, top: float, lang: str
) -> None:
    """Where exports plus imports miss the stated turnover: their sum, and the gap."""
    claim = style.COLORS["claim"]
    total = values["exports"] + values["imports"]
    ax.hlines(total, i + _WIDTH * 0.5, i + _WIDTH * 1.5, color=claim, linewidth=1.6)
    gap = float(check["difference"]) / 1e9
    label = t(
        "balance.discrepancy",
        lang,
        sum=style.format_number(total, lang, 1),
        gap=style.format_number(abs(gap), lang, 1),
        direction=t("balance.less" if gap > 0 else "balance.more", lang),
        verbatim={"check": str(check["check_id"])},
    )
    ax.annotate(
        label,
        xy=(i + _WIDTH * 0.55, total),
        xytext=(i + _WIDTH * 0.2, top * 1.2),
        ha="right" if lang == "en" else "left",
        va="bottom",
        fontsize=style.size(7, lang),
        color=claim,
        arrowprops={"arrowstyle": "-", "color": claim, "linewidth": 0.8},
    )


@layout.styled
def plot_russia_balance(tables: Tables, *, lang: str = "en") -> Figure:
    """Exports against imports for every partner and period where the texts give both."""
    groups = russia_balance_groups(tables)
    fig = layout.new_figure()
    ax = layout.axes(fig, lang, (0.075, 0.17, 0.9, 0.58))
    top = max(_values(g[2])["turnover"] for g in groups)
    ticks = []
    for i, (partner, start, by_flow) in enumerate(groups):
        values = _values(by_flow)
        _draw_flows(ax, i, values, top, lang)
        _draw_balance(ax, i, values, top, lang)
        check = check_for(tables, "sum", str(by_flow.loc["turnover", "figure_id"]))
        if check is not None and check["status"] == "discrepancy":
            _draw_discrepancy(ax, i, values, check, top, lang)
        name = layout.economy_name(tables, partner, lang)
        ticks.append(t("balance.group", lang, partner=name, period=_period(start, by_flow, lang)))
    ax.set_xticks(range(len(groups)), ticks, fontsize=style.size(8.5, lang))
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, len(groups) - 0.4)
    ax.set_ylim(0, top * 1.32)
    handles = [Patch(color=style.COLORS[f], label=t(f"flow.{f}", lang)) for f in _FLOWS]
    layout.legend(ax, handles, lang, loc="upper left" if lang == "en" else "upper right", ncols=1)
    layout.value_axis(ax, lang)
    if lang == "fa":
        ax.invert_xaxis()
    ids = [str(g[2].loc[f, "figure_id"]) for g in groups for f in _FLOWS]
    layout.frame(fig, lang, info(tables, lang), source_note(tables, ids, lang))
    return fig
