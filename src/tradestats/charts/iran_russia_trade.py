"""Iran–Russia trade by year and direction, as the texts give it: one block of bars per
reporting agency (or per reporter, where the text names none), every year of the span
shown, a year the texts do not give marked "not stated", a part of a year in a lighter
tone, and the source's claim of an upper bound as a rule in the source's own words."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import source_note
from tradestats.charts.words import join_words, period_words, t, value_label
from tradestats.views import (
    Tables,
    iran_russia_blocks,
    iran_russia_flows,
    is_full_year,
    is_whole_year,
)

__all__ = ["info", "plot_iran_russia_trade"]

_SERIES = ("RUS", "IRN", "turnover")  # Russia's exports, Iran's exports, turnover
_WIDTH = 0.27
_AXES = (0.075, 0.31, 0.9, 0.44)  # left, bottom, width, height
_AXIS_INCHES = _AXES[2] * style.FIGSIZE[0]
_COLOR = {"RUS": "exports", "IRN": "imports", "turnover": "turnover"}  # from Russia's side


def _block_label(tables: Tables, agency: str, reporter: str, periods: list[Any], lang: str) -> str:
    if agency:
        short = tables["agencies"].set_index("name_en").loc[agency]
        who = str(short["short_fa" if lang == "fa" else "short_en"])
    else:
        who = t("iran_russia.no_agency", lang, reporter=layout.economy_name(tables, reporter, lang))
    if all(is_whole_year(s, e) for s, e in periods):
        return f"{who}\n{t('iran_russia.full_years', lang)}"
    months = {round((e - s).days / 30.44) for s, e in periods}
    span = t("iran_russia.months", lang, n=months.pop()) if len(months) == 1 else ""
    return f"{who}\n{span}".rstrip()


def _draw_bar(ax: Axes, row: pd.DataFrame, key: str, bx: float, top: float, lang: str) -> None:
    """One bar and its value label, or 'not stated' where the texts give no value."""
    if row.empty:
        ax.text(
            bx,
            top * 0.02,
            t("not_stated", lang),
            rotation=90,
            ha="center",
            va="bottom",
            fontsize=style.size(6.5, lang),
            color=style.COLORS["muted"],
        )
        return
    r = row.iloc[0]
    value, color = float(r["value_usd_m"]), style.COLORS[_COLOR[key]]
    partial = not is_whole_year(r["period_start"], r["period_end"])
    marks = style.MARKS["partial"]["patch"] if partial else {}
    bound = r["qualifier"] in ("more_than", "less_than")
    marks = {**marks, **style.MARKS["bound"]["patch"]} if bound else marks
    ax.bar(bx, value, _WIDTH * 0.92, **{"facecolor": color, "edgecolor": color, **marks})
    lift = top * 0.015
    if bound:  # an arrow from the bound, the way the value lies
        tip = value + (1 if r["qualifier"] == "more_than" else -1) * top * 0.08
        arrow = {"arrowstyle": "-|>", "color": color, "linewidth": 1.2}
        ax.annotate("", xy=(bx, tip), xytext=(bx, value), arrowprops=arrow)
        lift += max(0.0, tip - value)
    ax.text(
        bx,
        value + lift,
        value_label(value, str(r["qualifier"]), lang, layout.decimals(value)),
        ha="center",
        va="bottom",
        fontsize=style.size(7, lang),
        color=style.COLORS["text"],
    )


def _tick_size(blocks: list[Any], lang: str) -> float:
    """Smaller period labels when there are many periods to label."""
    return style.size(7.5 if sum(len(b[2]) for b in blocks) <= 6 else 6.3, lang)


def _extra_room(words: str, blocks: list[Any], lang: str) -> float:
    """Room on each side of a period whose label is wider than a group of bars. A
    character's width in data units grows with the number of periods the axis holds."""
    longest = max(len(line) for line in words.split("\n"))
    size = _tick_size(blocks, lang)
    units = sum(len(b[2]) for b in blocks) + 0.6 * (len(blocks) - 1) + 1.2
    em = (0.62 if lang == "en" else 0.72) * size / 72  # inches per character
    per_char = max((0.05 if lang == "en" else 0.062) * size / 7.5, em * units / _AXIS_INCHES)
    return max(0.0, (longest * per_char - 1.0) / 2)


def _drawiran_russia_blocks(
    ax: Axes, tables: Tables, pair: pd.DataFrame, top: float, lang: str
) -> tuple[list[float], list[str]]:
    """The bars, block by block, with a dotted rule between blocks and each block's label
    under it. Returns the positions and labels of the periods."""
    x, positions, ticks = 0.0, [], []
    blocks = iran_russia_blocks(pair)
    lines = max(
        period_words(s.date(), e.date(), lang).count("\n") + 1 for b in blocks for s, e in b[2]
    )
    below = -(8 + lines * _tick_size(blocks, lang) * 1.3)  # the block labels, under the ticks
    for i, (agency, reporter, periods) in enumerate(blocks):
        if i:
            x += 0.6
            ax.axvline(x - 0.8, color=style.COLORS["muted"], linewidth=0.8, linestyle=(0, (3, 3)))
        rows = pair[
            (pair["reporting_agency"].fillna("") == agency) & (pair["reporter"] == reporter)
        ]
        xs = []
        for start, end in periods:
            words = period_words(start.date(), end.date(), lang)
            extra = _extra_room(words, blocks, lang)  # for a long label
            x += extra
            here = rows[(rows["period_start"] == start) & (rows["period_end"] == end)]
            for k, key in enumerate(_SERIES):
                _draw_bar(ax, here[here["series"] == key], key, x + (k - 1) * _WIDTH, top, lang)
            positions.append(x)
            ticks.append(words)
            xs.append(x)
            x += 1.0 + extra
        ax.annotate(
            _block_label(tables, agency, reporter, periods, lang),
            xy=((min(xs) + max(xs)) / 2, 0),
            xycoords=("data", "axes fraction"),
            xytext=(0, below),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=style.size(7.5, lang),
            color=style.COLORS["muted"],
        )
    return positions, ticks


def _draw_claim(ax: Axes, tables: Tables, bounds: pd.DataFrame, top: float, lang: str) -> None:
    """The upper bound a source claims, as a rule labelled in the source's words."""
    if bounds.empty:
        return
    bound = bounds.iloc[0]
    value = float(bound["value_usd_m"])
    source = tables["sources"].set_index("source_id").loc[str(bound["source_id"])]
    outlet = str(source["outlet_fa" if lang == "fa" else "outlet"])
    outlet = outlet.split(",")[0].split(" به نقل از ")[0]  # the outlet, not whom it reports
    ax.axhline(value, color=style.COLORS["claim"], linewidth=1, linestyle=(0, (5, 3)))
    ax.text(
        0.01 if lang == "en" else 0.99,
        value + top * 0.015,
        t("iran_russia.claim", lang, outlet=outlet, v=style.format_number(value, lang)),
        transform=ax.get_yaxis_transform(),
        ha="left" if lang == "en" else "right",
        va="bottom",
        fontsize=style.size(7, lang),
        color=style.COLORS["claim"],
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
    )


def _labels(tables: Tables, lang: str) -> dict[str, str]:
    rus, irn = layout.economy_name(tables, "RUS", lang), layout.economy_name(tables, "IRN", lang)
    return {
        "RUS": t("flow.exports_to", lang, exporter=rus, importer=irn),
        "IRN": t("flow.exports_to", lang, exporter=irn, importer=rus),
        "turnover": t("flow.turnover", lang),
    }


def _legend(ax: Axes, tables: Tables, pair: pd.DataFrame, lang: str) -> None:
    labels = _labels(tables, lang)
    handles = [Patch(color=style.COLORS[_COLOR[k]], label=labels[k]) for k in _SERIES]
    if not all(
        is_whole_year(s, e) for s, e in zip(pair["period_start"], pair["period_end"], strict=True)
    ):
        handles += layout.key_handles(["partial"], lang, style.COLORS["muted"])
    if pair["qualifier"].isin(["more_than", "less_than"]).any():
        handles += layout.key_handles(["bound"], lang, style.COLORS["muted"])
    layout.legend(
        ax,
        handles,
        lang,
        loc="lower left" if lang == "en" else "lower right",
        bbox_to_anchor=(0, 1.0) if lang == "en" else (1, 1.0),
        ncols=len(handles) if len(handles) <= 4 else (len(handles) + 1) // 2,
        borderaxespad=0.3,
        columnspacing=1.2,
    )


def _title(tables: Tables, pair: pd.DataFrame, lang: str) -> str:
    """The full-year turnovers, in words: 'Russia–Iran trade was $1.7 billion in 2017 and
    2018'; a plain title where the texts give no full-year turnover."""
    turnover = pair[(pair["series"] == "turnover") & (pair["qualifier"] == "exact")]
    full = turnover[
        [
            is_full_year(s, e)
            for s, e in zip(turnover["period_start"], turnover["period_end"], strict=True)
        ]
    ]
    if full.empty:
        return t("iran_russia.title_plain", lang, period=_span(pair, lang))
    by_value: dict[str, list[str]] = {}
    for r in full.sort_values("period_start").itertuples():
        v = style.format_number(float(r.value_usd_m) / 1000, lang, 1)
        by_value.setdefault(v, []).append(str(r.period_start.year))
    amounts = [
        t("iran_russia.amount", lang, v=v, years=join_words(ys, lang)) for v, ys in by_value.items()
    ]
    # each amount may name two years with 'and': the amounts are joined as clauses
    joined = t("comma", lang).join(amounts[:-1]) + t("and_clause", lang) if amounts[1:] else ""
    return t("iran_russia.title", lang, amounts=joined + amounts[-1])


def _span(pair: pd.DataFrame, lang: str) -> str:
    first, last = pair["period_start"].min().year, pair["period_end"].max().year
    return (
        t("period.years", lang, first=first, last=last)
        if first != last
        else t("period.year", lang, year=first)
    )


def _alt_items(tables: Tables, pair: pd.DataFrame, lang: str) -> list[str]:
    """'2017 (Russian customs): Russia's exports to Iran 1,314, …', one per period."""
    labels = _labels(tables, lang)
    out = []
    for (start, end, agency), rows in pair.assign(a=pair["reporting_agency"].fillna("")).groupby(
        ["period_start", "period_end", "a"], observed=True, sort=True
    ):
        period = period_words(start.date(), end.date(), lang).split("\n")[0]
        reporter = str(rows["reporter"].iloc[0])
        who = _block_label(tables, str(agency), reporter, [(start, end)], lang).split("\n")[0]
        values = [
            f"{labels[str(r.series)]} "
            + value_label(
                float(r.value_usd_m), str(r.qualifier), lang, layout.decimals(r.value_usd_m)
            )
            for r in rows.itertuples()
        ]
        out.append(f"{period} ({who}): {t('comma', lang).join(values)}")
    return out


def info(tables: Tables, lang: str = "en") -> ChartInfo:
    pair, bounds = iran_russia_flows(tables)
    rows = pd.concat([pair.drop(columns="series"), bounds])
    items = _alt_items(tables, pair, lang)
    alt = t(
        "iran_russia.alt", lang, period=_span(pair, lang), items=t("semicolon", lang).join(items)
    )
    subtitle = t("iran_russia.subtitle", lang, period=_span(pair, lang), unit=t("unit.usd_m", lang))
    return ChartInfo(
        _title(tables, pair, lang), subtitle, alt, rows, layout.data_date(tables, rows)
    )


@layout.styled
def plot_iran_russia_trade(tables: Tables, *, lang: str = "en") -> Figure:
    """Russia's exports to Iran, Iran's exports to Russia and turnover, for every period
    the texts give, block by block of reporting agency."""
    pair, bounds = iran_russia_flows(tables)
    top = float(pd.concat([pair, bounds])["value_usd_m"].max())
    fig = layout.new_figure()
    ax = layout.axes(fig, lang, _AXES)
    positions, ticks = _drawiran_russia_blocks(ax, tables, pair, top, lang)
    ax.set_xticks(positions, ticks, fontsize=_tick_size(iran_russia_blocks(pair), lang))
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(positions[0] - 0.6, positions[-1] + 0.6)
    if lang == "fa":
        ax.invert_xaxis()
    _draw_claim(ax, tables, bounds, top, lang)
    ax.set_ylim(0, top * 1.18)
    layout.value_axis(ax, lang)
    _legend(ax, tables, pair, lang)
    used = list(pair["figure_id"]) + list(bounds["figure_id"])
    layout.frame(fig, lang, info(tables, lang), source_note(tables, used, lang))
    return fig
