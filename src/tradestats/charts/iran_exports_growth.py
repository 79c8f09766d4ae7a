"""Iran's exports to Russia in the two years the stated growth rate compares, the jump,
and the stated rate checked against the two values."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

import tradestats.charts.style as style
from tradestats.charts.layout import axes, frame, new_figure, styled, value_axis
from tradestats.charts.notes import source_note
from tradestats.charts.words import t
from tradestats.views import Tables, growth_pair

__all__ = ["plot_iran_exports_growth"]


def _draw_bars(ax: Axes, v0: float, v1: float, lang: str) -> None:
    for xi, value in zip((0.0, 1.0), (v0, v1), strict=True):
        ax.bar(xi, value, 0.5, color=style.COLORS["imports"])
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


def _draw_jump(ax: Axes, v0: float, v1: float, computed: float, lang: str) -> None:
    """An arrow from the first bar to the second, labelled with the computed rate."""
    highlight = style.COLORS["highlight"]
    ax.annotate(
        "",
        xy=(0.75, v1 * 0.93),
        xytext=(0.25, v0 * 1.12),
        arrowprops={
            "arrowstyle": "-|>",
            "color": highlight,
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
        color=highlight,
    )


def _title(v0: float, v1: float, computed: float, year1: int, lang: str) -> str:
    ratio = v1 / v0
    if ratio >= 2:
        return t("growth.title_doubled", lang, year=year1)
    if ratio >= 1:
        return t("growth.title_rose", lang, pct=f"{computed:.0f}", year=year1)
    return t("growth.title_fell", lang, pct=f"{-computed:.0f}", year=year1)


@styled
def plot_iran_exports_growth(tables: Tables, *, lang: str = "en") -> Figure:
    """Iran's exports to Russia in the two years the growth rate compares, the jump, and
    the stated rate checked against the two values."""
    growth, before, after, stated = growth_pair(tables)
    v0, v1 = float(before["value_usd_m"]), float(after["value_usd_m"])
    computed = (v1 / v0 - 1) * 100
    year0, year1 = before["period_start"].year, after["period_start"].year

    fig = new_figure()
    ax = axes(fig, lang, (0.085, 0.25, 0.89, 0.56))
    _draw_bars(ax, v0, v1, lang)
    _draw_jump(ax, v0, v1, computed, lang)
    check = t(
        "growth.stated",
        lang,
        stated=style.format_number(stated["value"], "en"),
        computed=f"{computed:.1f}",
        status=t(f"status.{growth['status']}", lang),
    )
    ax.text(
        0.5,
        -0.14,
        check,
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=8.5,
        color=style.COLORS["text"],
    )
    years = [style.to_local_digits(str(y), lang) for y in (year0, year1)]
    ax.set_xticks([0.0, 1.0], years, fontsize=10)
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, 1.6)
    ax.set_ylim(0, max(v0, v1) * 1.25)
    value_axis(ax, lang)
    if lang == "fa":
        ax.invert_xaxis()
    subtitle = t("growth.subtitle", lang, unit=t("unit.usd_m", lang))
    ids = [str(before.name), str(after.name), str(growth["target_id"])]
    frame(
        fig, lang, _title(v0, v1, computed, year1, lang), subtitle, source_note(tables, ids, lang)
    )
    return fig
