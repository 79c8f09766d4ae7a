"""Russia's exports against imports for every partner and period where the texts give
both, the turnover they state beside them, and any discrepancy that checks.csv reports.
One panel a partner and period, all on one scale, each saying whose figures they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import outlet_name, outlets_of, source_note
from tradestats.charts.words import join_words, period_words, t
from tradestats.views import Tables, check_for, russia_balance_groups

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["info", "plot_russia_balance"]

_FLOWS = ("exports", "imports", "turnover")
Group = tuple[str, pd.Timestamp, pd.DataFrame]


def _values(by_flow: pd.DataFrame) -> dict[str, float]:
    """Each flow in billions, as the text states it: a surplus or a sum is worked out
    from the stated values and rounded once, as it is shown (449.115 - 238.151 = 211.0)."""
    return {f: float(by_flow.loc[f, "value_usd_m"]) / 1000 for f in _FLOWS}


def _period(start: pd.Timestamp, by_flow: pd.DataFrame, lang: str) -> str:
    return period_words(start.date(), by_flow.loc["turnover", "period_end"].date(), lang)


def _whose(tables: Tables, by_flow: pd.DataFrame, lang: str) -> str:
    """Whose figures a panel draws: the agency the text names, or the outlet's own."""
    agency = by_flow.loc["turnover", "reporting_agency"]
    if isinstance(agency, str):
        short = tables["agencies"].set_index("name_en").loc[agency]
        return str(short["short_fa" if lang == "fa" else "short_en"])
    outlet = outlet_name(tables, str(by_flow.loc["turnover", "source_id"]), lang)
    return t("balance.no_agency", lang, outlet=outlet)


def _derived(groups: list[Group], tables: Tables) -> list[tuple[str, float, str, str]]:
    """The numbers the chart works out: each surplus, and a sum that misses its total."""
    out = []
    for partner, _start, by_flow in groups:
        values, ids = _values(by_flow), ";".join(by_flow["figure_id"].astype(str))
        out.append(
            (
                f"{partner} balance (exports minus imports, from the stated values)",
                round(values["exports"] - values["imports"], 1),
                "billion US dollars",
                ids,
            )
        )
        check = check_for(tables, "sum", str(by_flow.loc["turnover", "figure_id"]))
        if check is not None and check["status"] == "discrepancy":
            total = round(values["exports"] + values["imports"], 1)
            out.append((f"{partner} exports plus imports", total, "billion US dollars", ids))
    return out


def info(tables: Tables, lang: str = "en") -> ChartInfo:
    groups = russia_balance_groups(tables)
    withs, items, surplus = [], [], True
    for partner, start, by_flow in groups:
        values, period = _values(by_flow), _period(start, by_flow, lang)
        name = layout.economy_name(tables, partner, lang, article=True)
        withs.append(
            t(
                "balance.with",
                lang,
                partner=name,
                period=period,
                whose=_whose(tables, by_flow, lang),
            )
        )
        shown = t("comma", lang).join(
            f"{t(f'flow.{f}', lang)} {style.format_number(values[f], lang, 1)}" for f in _FLOWS
        )
        items.append(f"{t('balance.group', lang, partner=name, period=period)}: {shown}")
        surplus = surplus and values["exports"] > values["imports"]
    key = "balance.title_surplus" if surplus else "balance.title_mixed"
    title = t(key, lang, groups=join_words(withs, lang))
    sources = [g[2].loc["turnover", "source_id"] for g in groups]
    subtitle = t(
        "balance.subtitle",
        lang,
        unit=t("unit.usd_bn", lang),
        outlet=outlets_of(tables, sources, lang),
    )
    alt = t("balance.alt", lang, items=t("semicolon", lang).join(items))
    ids = [str(g[2].loc[f, "figure_id"]) for g in groups for f in _FLOWS]
    flows = tables["trade_flows"]
    rows = flows[flows["figure_id"].isin(ids)].sort_values(["period_start", "figure_id"])
    return ChartInfo(
        title,
        subtitle,
        alt,
        rows,
        layout.data_date(tables, rows),
        derived=tuple(_derived(groups, tables)),
    )


def _draw_flows(ax: Axes, values: dict[str, float], top: float, lang: str) -> None:
    """The three bars, each with its value; the flows are named under them."""
    for k, flow in enumerate(_FLOWS):
        ax.bar(k, values[flow], 0.7, color=style.COLORS[flow])
        ax.text(
            k,
            values[flow] + top * 0.015,
            style.format_number(values[flow], lang, 1),
            ha="center",
            va="bottom",
            fontsize=style.size("label", lang),
            color=style.COLORS["text"],
            bbox=layout.CLEAR,
        )
    names = [t("flow.exports", lang), t("flow.imports", lang), t("flow.turnover_short", lang)]
    ax.set_xticks(range(len(_FLOWS)), names)


def _draw_balance(ax: Axes, values: dict[str, float], top: float, lang: str) -> None:
    """A bracket over exports and imports, clear of their value labels (it is drawn a
    label's height and a gap above the data), with the surplus or deficit above it."""
    from matplotlib.transforms import offset_copy

    balance = values["exports"] - values["imports"]
    key = "balance.surplus" if balance > 0 else "balance.deficit"
    fig = layout.figure_of(ax)
    above = offset_copy(ax.transData, fig=fig, y=style.size("label", lang) * 2.0, units="points")
    pair_top = max(values["exports"], values["imports"]) + top * 0.1
    ax.plot(
        [0, 0, 1, 1],
        [values["exports"], pair_top, pair_top, values["imports"]],
        color=style.COLORS["muted"],
        linewidth=0.8,
        transform=above,
    )
    ax.text(
        0.5,
        pair_top,
        t(key, lang, v=style.format_number(abs(balance), lang, 1)),
        ha="center",
        va="bottom",
        fontsize=style.size("strong", lang),
        fontweight="bold",
        color=style.COLORS["text"],
        transform=offset_copy(above, fig=fig, y=2, units="points"),
        bbox=layout.CLEAR,
    )


def _draw_discrepancy(
    ax: Axes, values: dict[str, float], outlet: str, top: float, lang: str
) -> None:
    """Where exports plus imports miss the stated turnover: the gap in words above the
    turnover bar, in the colour of tradestats' own arithmetic."""
    color = style.COLORS["check"]
    total = values["exports"] + values["imports"]
    gap = values["turnover"] - total
    label = t(
        "balance.discrepancy",
        lang,
        outlet=outlet,
        sum=style.format_number(total, lang, 1),
        gap=style.format_number(abs(gap), lang, 1),
        direction=t("balance.less" if gap > 0 else "balance.more", lang),
    )
    ax.text(
        2,
        values["turnover"] + top * 0.17,
        label,
        ha="center",
        va="bottom",
        fontsize=style.size("label", lang),
        color=color,
        linespacing=layout.LINE_SPACING[lang],
        bbox=layout.CLEAR,
    )


def _draw_group(ax: Axes, tables: Tables, group: Group, top: float, lang: str) -> None:
    partner, start, by_flow = group
    values = _values(by_flow)
    _draw_flows(ax, values, top, lang)
    _draw_balance(ax, values, top, lang)
    check = check_for(tables, "sum", str(by_flow.loc["turnover", "figure_id"]))
    if check is not None and check["status"] == "discrepancy":
        outlet = outlet_name(tables, str(by_flow.loc["turnover", "source_id"]), lang)
        _draw_discrepancy(ax, values, outlet, top, lang)
    name = layout.economy_name(tables, partner, lang)
    heading = t("balance.group", lang, partner=name, period=_period(start, by_flow, lang))
    ax.set_title(
        f"{heading}\n{_whose(tables, by_flow, lang)}",
        loc="left" if lang == "en" else "right",
        fontsize=style.size("label", lang),
        color=style.COLORS["text"],
        pad=4,
        linespacing=layout.LINE_SPACING[lang],
    )
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, len(_FLOWS) - 0.4)
    ax.set_ylim(0, top * 1.65)  # one scale for every panel, room for the notes above
    layout.value_axis(ax, lang)
    if lang == "fa":
        ax.invert_xaxis()


@layout.styled
def plot_russia_balance(tables: Tables, *, lang: str = "en") -> Figure:
    """Exports against imports, one panel for each partner and period where the texts
    give both, all on one scale: panels apart, so no one reads across years."""
    groups = russia_balance_groups(tables)
    fig = layout.new_figure(10.0, lang)
    chart = info(tables, lang)
    ids = [str(g[2].loc[f, "figure_id"]) for g in groups for f in _FLOWS]
    room = layout.frame(fig, lang, chart, source_note(tables, ids, lang))
    top = max(_values(g[2])["turnover"] for g in groups)
    boxes = []
    n = len(groups)
    for i, group in enumerate(groups):
        box = room.box(i / n + (0.03 if i else 0), (i + 1) / n - (0.03 if i < n - 1 else 0), 0, 1)
        ax = layout.axes(fig, lang, box)
        _draw_group(ax, tables, group, top, lang)
        boxes.append((ax, box))
    layout.fit(fig, boxes, lang, align_y=True)
    return fig
