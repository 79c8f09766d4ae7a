"""The charts: one public function per chart, ``plot_<name>(tables, *, lang="en")``,
returning a matplotlib Figure. Every number comes from the clean tables; every word from
:mod:`tradestats.chart_text`; every colour and font from :mod:`tradestats.chart_style`.

>>> from tradestats.charts import chart_tables, plot_partners
>>> fig = plot_partners(chart_tables(), lang="fa")       # doctest: +SKIP
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import matplotlib as mpl
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

import tradestats.chart_style as style
from tradestats.chart_text import period_words, t, value_label
from tradestats.load_tables import load
from tradestats.source_notes import source_note

__all__ = [
    "PartnerBar",
    "chart_tables",
    "iran_russia_flows",
    "partner_turnover",
    "plot_iran_exports_growth",
    "plot_iran_russia_trade",
    "plot_partners",
    "plot_russia_balance",
    "russia_balance_groups",
]

Tables = dict[str, pd.DataFrame]
_TABLES = ("trade_flows", "figures", "sources", "checks", "economies", "agencies")


def chart_tables(data_dir: Path | str | None = None, *, validate: bool = True) -> Tables:
    """The clean tables the charts read (validated unless ``validate=False``; the CLI
    skips it, as ``tradestats validate`` checks the tables)."""
    return {name: load(name, data_dir=data_dir, validate=validate) for name in _TABLES}


# --- shared layout -------------------------------------------------------------------

_F = TypeVar("_F", bound=Callable[..., Figure])


def _styled(func: _F) -> _F:
    """Draw the whole chart inside the house style."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Figure:
        with mpl.rc_context(style.RC_PARAMS):  # type: ignore[arg-type]
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _figure() -> Figure:
    return Figure(figsize=style.FIGSIZE)


def _axes(fig: Figure, lang: str, rect: tuple[float, float, float, float]) -> Axes:
    """Axes at ``rect`` (left, bottom, width, height) for English; mirrored for Persian,
    with the value axis on the right."""
    left, bottom, width, height = rect
    if lang == "fa":
        left = 1 - left - width
    ax = fig.add_axes((left, bottom, width, height))
    if lang == "fa":
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
        ax.spines["right"].set_visible(True)
        ax.spines["left"].set_visible(False)
    return ax


def _frame(fig: Figure, lang: str, title: str, subtitle: str, note: str) -> None:
    """Title (the finding), subtitle (the unit) and the generated source note."""
    x, ha = (0.985, "right") if lang == "fa" else (0.015, "left")
    fig.text(
        x, 0.965, title, ha=ha, va="top", fontsize=13, fontweight="bold", color=style.COLORS["text"]
    )
    fig.text(x, 0.895, subtitle, ha=ha, va="top", fontsize=9.5, color=style.COLORS["muted"])
    width = 165 if lang == "en" else 150
    fig.text(
        x,
        0.015,
        "\n".join(textwrap.fill(part, width) for part in note.split("\n")),
        ha=ha,
        va="bottom",
        fontsize=6.8,
        color=style.COLORS["muted"],
        linespacing=1.4,
    )


def _value_axis(ax: Axes, lang: str, axis: str = "y", decimals: int = 0) -> None:
    formatter = FuncFormatter(lambda v, _pos: style.format_number(v, lang, decimals))
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(formatter)
    target.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))


def _name(tables: Tables, code: str, lang: str, article: bool = False) -> str:
    econ = tables["economies"].set_index("code").loc[code]
    name = str(econ["name_fa"] if lang == "fa" else econ["name_en"])
    if article and lang == "en" and econ["kind"] == "aggregate":
        name = f"the {name}"
    return name


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1


def _status(tables: Tables, kind: str, target_id: str) -> pd.Series | None:
    checks = tables["checks"]
    hit = checks[(checks["kind"] == kind) & (checks["target_id"] == target_id)]
    return None if hit.empty else hit.iloc[0]


def _is_full_year(start: pd.Timestamp, end: pd.Timestamp) -> bool:
    return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
        start.year == end.year
    )


def _as_of_precision(tables: Tables, source_id: str) -> str:
    return str(tables["sources"].set_index("source_id").loc[source_id, "date_precision"])


# --- 1. Iran–Russia trade by period ----------------------------------------------------


def iran_russia_flows(tables: Tables) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Iran–Russia rows the charts show: exact flows over a period, with a ``series``
    column (the exporter's code, or 'turnover'), and the upper bounds the texts state."""
    flows = tables["trade_flows"]
    pair = flows[
        flows["reporter"].isin(["RUS", "IRN"])
        & flows["partner"].isin(["RUS", "IRN"])
        & (flows["nature"] == "observed")
    ].copy()
    bounds = pair[(pair["qualifier"] == "less_than") & (pair["flow"] == "turnover")]
    bounds = bounds.sort_values("figure_id").head(1)  # the first text that states it
    pair = pair[(pair["qualifier"] == "exact") & (pair["period_start"] != pair["period_end"])]
    pair["series"] = pair["exporter"].astype(str).where(pair["flow"] != "turnover", "turnover")
    # one bar per period, reporter and series: where several texts give it, the first
    pair = pair.sort_values("figure_id").drop_duplicates(
        ["period_start", "period_end", "reporter", "series"]
    )
    return pair.sort_values(["period_start", "series"]), bounds


@_styled
def plot_iran_russia_trade(tables: Tables, *, lang: str = "en") -> Figure:
    """Russia's exports to Iran, imports from Iran and turnover, for every period the
    texts give; the half-year reported by Iranian customs is set apart and hatched."""
    pair, bounds = iran_russia_flows(tables)
    groups = (
        pair.groupby(["period_start", "period_end", "reporter"], observed=True)
        .size()
        .reset_index()
        .sort_values("period_start")
    )
    series = [("RUS", "IRN"), ("IRN", "RUS"), ("turnover", None)]
    colors = {
        "RUS": style.COLORS["exports"],
        "IRN": style.COLORS["imports"],
        "turnover": style.COLORS["turnover"],
    }
    labels = {
        "RUS": t(
            "flow.exports_to",
            lang,
            exporter=_name(tables, "RUS", lang),
            importer=_name(tables, "IRN", lang),
        ),
        "IRN": t(
            "flow.exports_to",
            lang,
            exporter=_name(tables, "IRN", lang),
            importer=_name(tables, "RUS", lang),
        ),
        "turnover": t("flow.turnover", lang),
    }

    fig = _figure()
    ax = _axes(fig, lang, (0.085, 0.27, 0.89, 0.5))
    width = 0.27
    x = 0.0
    positions: list[float] = []
    blocks: list[tuple[str, list[float], bool]] = []
    previous_reporter = None
    top = float(pair["value_usd_m"].max())
    if not bounds.empty:
        top = max(top, float(bounds["value_usd_m"].max()))
    for g in groups.itertuples():
        if previous_reporter is not None and g.reporter != previous_reporter:
            x += 0.6
            ax.axvline(x - 0.8, color=style.COLORS["muted"], linewidth=0.8, linestyle=(0, (3, 3)))
        partial = not _is_full_year(g.period_start, g.period_end)
        rows = pair[(pair["period_start"] == g.period_start) & (pair["reporter"] == g.reporter)]
        for k, (key, _other) in enumerate(series):
            row = rows[rows["series"] == key]
            bx = x + (k - 1) * width
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
                continue
            value = float(row["value_usd_m"].iloc[0])
            ax.bar(
                bx,
                value,
                width * 0.92,
                color=colors[key] if not partial else "white",
                edgecolor=colors[key],
                hatch="////" if partial else None,
                linewidth=1.2,
            )
            ax.text(
                bx,
                value + top * 0.015,
                style.format_number(value, lang, _decimals(value)),
                ha="center",
                va="bottom",
                fontsize=7.5,
                color=style.COLORS["text"],
            )
        positions.append(x)
        agency = rows["reporting_agency"].dropna()
        agency_name = ""
        if not agency.empty:
            short = tables["agencies"].set_index("name_en").loc[str(agency.iloc[0])]
            agency_name = str(short["short_fa" if lang == "fa" else "short_en"])
        span = (
            t("iran_russia.months", lang, n=round((g.period_end - g.period_start).days / 30.44))
            if partial
            else t("iran_russia.full_years", lang)
        )
        block = f"{agency_name}\n{span}"
        if blocks and blocks[-1][0] == block:
            blocks[-1][1].append(x)
        else:
            blocks.append((block, [x], partial))
        previous_reporter = g.reporter
        x += 1.0

    ticks = [
        period_words(g.period_start.date(), g.period_end.date(), lang) for g in groups.itertuples()
    ]
    ax.set_xticks(positions, ticks, fontsize=8.5)
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(positions[0] - 0.6, positions[-1] + 0.6)
    for block, xs, _partial in blocks:
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

    title = t("iran_russia.title", lang, bound="")
    if not bounds.empty:
        bound = bounds.iloc[0]
        ax.axhline(
            bound["value_usd_m"],
            color=style.COLORS["highlight"],
            linewidth=1,
            linestyle=(0, (5, 3)),
        )
        ax.text(
            0.99 if lang == "en" else 0.01,
            bound["value_usd_m"] + top * 0.015,
            t("iran_russia.bound", lang, v=style.format_number(bound["value_usd_m"], "en")),
            transform=ax.get_yaxis_transform(),
            ha="right" if lang == "en" else "left",
            va="bottom",
            fontsize=7.5,
            color=style.COLORS["highlight"],
        )
        check = _status(tables, "upper_bound", str(bound["figure_id"]))
        if check is not None and check["status"] == "ok":
            title = t(
                "iran_russia.title",
                lang,
                bound=style.format_number(bound["value_usd_m"] / 1000, "en", 0),
            )
    ax.set_ylim(0, top * 1.18)
    _value_axis(ax, lang)
    handles = [Patch(facecolor=colors[k], edgecolor=colors[k], label=labels[k]) for k, _ in series]
    ax.legend(
        handles=handles,
        loc="lower left" if lang == "en" else "lower right",
        bbox_to_anchor=(0, 1.0) if lang == "en" else (1, 1.0),
        ncols=3,
        fontsize=8,
        handlelength=1.2,
        borderaxespad=0.3,
    )
    used = list(pair["figure_id"]) + list(bounds["figure_id"])
    _frame(fig, lang, title, t("unit.usd_m", lang), source_note(tables, used, lang))
    return fig


# --- 2. Iran's exports to Russia, 2019 -> 2020 ------------------------------------------


@_styled
def plot_iran_exports_growth(tables: Tables, *, lang: str = "en") -> Figure:
    """Iran's exports to Russia in the two years the growth rate compares, the jump, and
    the stated rate checked against the two values."""
    checks = tables["checks"]
    growth = checks[checks["kind"] == "growth"].iloc[0]
    from_id, to_id = str(growth["operand_ids"]).split(";")
    flows = tables["trade_flows"].set_index("figure_id")
    before, after = flows.loc[from_id], flows.loc[to_id]
    stated = tables["figures"].set_index("figure_id").loc[str(growth["target_id"])]
    v0, v1 = float(before["value_usd_m"]), float(after["value_usd_m"])
    computed = (v1 / v0 - 1) * 100
    year0, year1 = before["period_start"].year, after["period_start"].year

    fig = _figure()
    ax = _axes(fig, lang, (0.085, 0.25, 0.89, 0.56))
    color = style.COLORS["imports"]
    xs = [0.0, 1.0]
    for xi, value in zip(xs, (v0, v1), strict=True):
        ax.bar(xi, value, 0.5, color=color)
        ax.text(
            xi,
            value * 1.02,
            style.format_number(value, lang),
            ha="center",
            va="bottom",
            fontsize=10,
            fontweight="bold",
            color=style.COLORS["text"],
        )
    ax.annotate(
        "",
        xy=(0.75, v1 * 0.93),
        xytext=(0.25, v0 * 1.12),
        arrowprops={
            "arrowstyle": "-|>",
            "color": style.COLORS["highlight"],
            "linewidth": 1.6,
            "connectionstyle": "arc3,rad=-0.25",
        },
    )
    ax.text(
        0.5,
        max(v0, v1) * 1.06,
        t("growth.arrow", lang, computed=f"{computed:.0f}"),
        ha="center",
        va="bottom",
        fontsize=12,
        fontweight="bold",
        color=style.COLORS["highlight"],
    )
    ax.text(
        0.5,
        -0.14,
        t(
            "growth.stated",
            lang,
            stated=style.format_number(stated["value"], "en"),
            computed=f"{computed:.1f}",
            status=t(f"status.{growth['status']}", lang),
        ),
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=8.5,
        color=style.COLORS["text"],
    )
    ax.set_xticks(
        xs,
        [style.to_local_digits(str(year0), lang), style.to_local_digits(str(year1), lang)],
        fontsize=10,
    )
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, 1.6)
    ax.set_ylim(0, max(v0, v1) * 1.25)
    _value_axis(ax, lang)
    if lang == "fa":
        ax.invert_xaxis()
    ratio = v1 / v0
    if ratio >= 2:
        title = t("growth.title_doubled", lang, year=year1)
    elif ratio >= 1:
        title = t("growth.title_rose", lang, pct=f"{computed:.0f}", year=year1)
    else:
        title = t("growth.title_fell", lang, pct=f"{-computed:.0f}", year=year1)
    subtitle = t("growth.subtitle", lang, unit=t("unit.usd_m", lang))
    _frame(
        fig,
        lang,
        title,
        subtitle,
        source_note(tables, [from_id, to_id, str(growth["target_id"])], lang),
    )
    return fig


# --- 3. Russia's partners compared ---------------------------------------------------


@dataclass(frozen=True)
class PartnerBar:
    code: str
    value_bn: float
    qualifier: str
    label: str
    figure_id: str
    target_bn: float | None
    target_id: str | None


def partner_turnover(tables: Tables, lang: str) -> list[PartnerBar]:
    """Russia's turnover with each partner: the latest exact full-year figure if there is
    one, else the latest bound; with the partner's target, if any. Largest first."""
    flows = tables["trade_flows"]
    russia = flows[
        ((flows["reporter"] == "RUS") | (flows["partner"] == "RUS"))
        & (flows["flow"] == "turnover")
        & ~flows["partner"].isin(["WLD"])
        & ~flows["reporter"].isin(["WLD"])
    ].copy()
    russia["other"] = (
        russia["partner"]
        .astype(str)
        .where(russia["reporter"] == "RUS", russia["reporter"].astype(str))
    )
    bars = []
    for code, rows in russia.groupby("other", sort=False):
        observed = rows[rows["nature"] == "observed"].copy()
        if observed.empty:
            continue
        observed["full_year_exact"] = [
            _is_full_year(s, e) and q == "exact"
            for s, e, q in zip(
                observed["period_start"], observed["period_end"], observed["qualifier"], strict=True
            )
        ]
        best = observed.sort_values(["full_year_exact", "period_end"]).iloc[-1]
        targets = rows[rows["nature"] == "target"]
        precision = _as_of_precision(tables, str(best["source_id"]))
        period = period_words(
            best["period_start"].date(), best["period_end"].date(), lang, precision
        )
        bars.append(
            PartnerBar(
                code=str(code),
                value_bn=float(best["value_usd_m"]) / 1000,
                qualifier=str(best["qualifier"]),
                label=f"{_name(tables, str(code), lang)}\n{period}",
                figure_id=str(best["figure_id"]),
                target_bn=float(targets["value_usd_m"].iloc[0]) / 1000
                if not targets.empty
                else None,
                target_id=str(targets["figure_id"].iloc[0]) if not targets.empty else None,
            )
        )
    return sorted(bars, key=lambda b: b.value_bn, reverse=True)


def _draw_partner_panel(ax: Axes, bars: list[PartnerBar], lang: str) -> None:
    color = style.COLORS["partner"]
    top = max(max(b.value_bn, b.target_bn or 0) for b in bars)
    ys = list(range(len(bars)))[::-1]
    for y, b in zip(ys, bars, strict=True):
        if b.target_bn is not None:
            ax.barh(
                y,
                b.target_bn,
                0.62,
                facecolor="none",
                edgecolor=style.COLORS["muted"],
                linestyle=(0, (4, 2)),
                linewidth=1.1,
            )
            ax.text(
                b.target_bn + top * 0.012,
                y + 0.18,
                value_label(b.target_bn, "target", lang, _decimals(b.target_bn)),
                va="center",
                ha="left" if lang == "en" else "right",
                fontsize=8,
                color=style.COLORS["muted"],
            )
        bound = b.qualifier in {"more_than", "less_than"}
        ax.barh(
            y,
            b.value_bn,
            0.62,
            facecolor="white" if bound else color,
            edgecolor=color,
            hatch="////" if bound else None,
            linewidth=1.2,
        )
        end = b.value_bn
        if bound:
            step = top * 0.07 * (1 if b.qualifier == "more_than" else -1)
            ax.annotate(
                "",
                xy=(end + step, y),
                xytext=(end, y),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": color,
                    "linewidth": 1.4,
                    "mutation_scale": 12,
                },
            )
            end = max(end, end + step)
        label_y = y - 0.18 if b.target_bn is not None else y
        ax.text(
            end + top * 0.012,
            label_y,
            value_label(b.value_bn, b.qualifier, lang, 1 if b.value_bn < 10 else 0),
            va="center",
            ha="left" if lang == "en" else "right",
            fontsize=8.5,
            fontweight="bold",
            color=style.COLORS["text"],
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6},
        )
    ax.set_yticks(ys, [b.label for b in bars], fontsize=8)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, top * 1.22)
    ax.set_ylim(-0.6, len(bars) - 0.4)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    _value_axis(ax, lang, axis="x", decimals=0 if top >= 10 else 1)
    if lang == "fa":
        ax.invert_xaxis()


@_styled
def plot_partners(tables: Tables, *, lang: str = "en") -> Figure:
    """Russia's turnover with each partner, each labelled with its own year or as-of date;
    bounds drawn as hatched bars with arrows, targets as dashed outlines. Small partners
    get their own panel and scale."""
    bars = partner_turnover(tables, lang)
    largest = bars[0].value_bn
    big = [b for b in bars if b.value_bn >= largest / 20]
    small = [b for b in bars if b.value_bn < largest / 20]
    fig = _figure()
    total = len(big) + len(small)
    height = 0.55
    gap = 0.1 if small else 0
    unit_h = (height - gap) / total
    h_small = unit_h * len(small)
    h_big = unit_h * len(big)
    bottom_small = 0.2
    ax_big = _axes(fig, lang, (0.2, bottom_small + h_small + gap, 0.74, h_big))
    _draw_partner_panel(ax_big, big, lang)
    panels = [(ax_big, "partners.large")]
    if small:
        ax_small = _axes(fig, lang, (0.2, bottom_small, 0.74, h_small))
        _draw_partner_panel(ax_small, small, lang)
        panels.append((ax_small, "partners.small"))
    for ax, key in panels:
        ax.set_title(
            t(key, lang),
            loc="left" if lang == "en" else "right",
            fontsize=8.5,
            color=style.COLORS["muted"],
            pad=3,
        )
    exact = [b for b in bars if b.qualifier == "exact"]
    top_bar, bottom_bar = bars[0], (exact[-1] if exact else bars[-1])
    title = t(
        "partners.title",
        lang,
        top=_name(tables, top_bar.code, lang, article=True),
        bottom=_name(tables, bottom_bar.code, lang, article=True),
        ratio=f"{top_bar.value_bn / bottom_bar.value_bn:.0f}",
    )
    subtitle = t("partners.subtitle", lang, unit=t("unit.usd_bn", lang))
    fig.text(
        0.985 if lang == "fa" else 0.015,
        0.11,
        t("partners.legend_open", lang),
        ha="right" if lang == "fa" else "left",
        fontsize=7.5,
        color=style.COLORS["text"],
    )
    ids = [b.figure_id for b in bars] + [b.target_id for b in bars if b.target_id]
    _frame(fig, lang, title, subtitle, source_note(tables, ids, lang))
    return fig


# --- 4. Russia's balance --------------------------------------------------------------


def russia_balance_groups(tables: Tables) -> list[tuple[str, pd.Timestamp, pd.DataFrame]]:
    """Partners (the aggregates: the EU, the world) and periods for which Russia's
    exports, imports and turnover are all given: (partner, period start, rows by flow)."""
    flows = tables["trade_flows"]
    kinds = tables["economies"].set_index("code")["kind"]
    rus = flows[(flows["reporter"] == "RUS") & (flows["qualifier"] == "exact")]
    groups = []
    for (partner, start), rows in rus.groupby(["partner", "period_start"], observed=True):
        by_flow = rows.sort_values("figure_id").drop_duplicates("flow").set_index("flow")
        # Russia's balance with the aggregates (the EU, the world); Iran has its own chart.
        if {"exports", "imports", "turnover"} <= set(by_flow.index) and (
            kinds[str(partner)] == "aggregate"
        ):
            groups.append((str(partner), start, by_flow))
    groups.sort(key=lambda g: g[1])
    return groups


@_styled
def plot_russia_balance(tables: Tables, *, lang: str = "en") -> Figure:
    """Exports against imports for every partner and period where the texts give both, the
    turnover they state beside them, and any discrepancy that checks.csv reports."""
    groups = russia_balance_groups(tables)

    fig = _figure()
    ax = _axes(fig, lang, (0.085, 0.17, 0.89, 0.6))
    width = 0.26
    top = max(float(g[2].loc["turnover", "value_usd_m"]) / 1000 for g in groups)
    ids: list[str] = []
    ticks = []
    surpluses = []
    for i, (partner, start, by_flow) in enumerate(groups):
        values = {
            f: float(by_flow.loc[f, "value_usd_m"]) / 1000
            for f in ("exports", "imports", "turnover")
        }
        ids += [str(by_flow.loc[f, "figure_id"]) for f in values]
        for k, flow in enumerate(("exports", "imports", "turnover")):
            bx = i + (k - 1) * width
            ax.bar(bx, values[flow], width * 0.92, color=style.COLORS[flow])
            ax.text(
                bx,
                values[flow] + top * 0.012,
                style.format_number(values[flow], lang, 1),
                ha="center",
                va="bottom",
                fontsize=8,
                color=style.COLORS["text"],
            )
        balance = values["exports"] - values["imports"]
        surpluses.append(balance > 0)
        key = "balance.surplus" if balance > 0 else "balance.deficit"
        pair_top = max(values["exports"], values["imports"]) + top * 0.13
        ax.plot(
            [i - width, i - width, i, i],
            [values["exports"] + top * 0.07, pair_top, pair_top, values["imports"] + top * 0.07],
            color=style.COLORS["muted"],
            linewidth=0.8,
        )
        ax.text(
            i - width / 2,
            pair_top + top * 0.012,
            t(key, lang, v=style.format_number(abs(balance), "en", 1)),
            ha="center",
            va="bottom",
            fontsize=8.5,
            fontweight="bold",
            color=style.COLORS["text"],
        )
        check = _status(tables, "sum", str(by_flow.loc["turnover", "figure_id"]))
        if check is not None and check["status"] == "discrepancy":
            total = values["exports"] + values["imports"]
            ax.hlines(
                total,
                i + width * 0.5,
                i + width * 1.5,
                color=style.COLORS["highlight"],
                linewidth=1.6,
            )
            gap = float(check["difference"]) / 1e9
            ax.annotate(
                t(
                    "balance.discrepancy",
                    lang,
                    sum=style.format_number(total, "en", 1),
                    gap=style.format_number(abs(gap), "en", 1),
                    direction=t("balance.less" if gap > 0 else "balance.more", lang),
                    verbatim={"check": str(check["check_id"])},
                ),
                xy=(i + width * 0.55, total),
                xytext=(i + width * 0.2, top * 1.2),
                ha="right" if lang == "en" else "left",
                va="bottom",
                fontsize=7.5,
                color=style.COLORS["highlight"],
                arrowprops={
                    "arrowstyle": "-",
                    "color": style.COLORS["highlight"],
                    "linewidth": 0.8,
                },
            )
        period = period_words(start.date(), by_flow.loc["turnover", "period_end"].date(), lang)
        ticks.append(t("balance.group", lang, partner=_name(tables, partner, lang), period=period))
    ax.set_xticks(range(len(groups)), ticks, fontsize=9)
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, len(groups) - 0.4)
    ax.set_ylim(0, top * 1.32)
    handles = [
        Patch(
            facecolor=style.COLORS[f],
            label=t(f"flow.{f}" if f != "turnover" else "flow.turnover", lang),
        )
        for f in ("exports", "imports", "turnover")
    ]
    ax.legend(
        handles=handles,
        loc="upper left" if lang == "en" else "upper right",
        ncols=1,
        fontsize=8,
        handlelength=1.2,
    )
    _value_axis(ax, lang)
    if lang == "fa":
        ax.invert_xaxis()
    title = t("balance.title_surplus" if all(surpluses) else "balance.title_mixed", lang)
    subtitle = t("balance.subtitle", lang, unit=t("unit.usd_bn", lang))
    _frame(fig, lang, title, subtitle, source_note(tables, ids, lang))
    return fig
