"""Russia's turnover with each partner, each labelled with its own year or as-of date;
bounds drawn as hatched bars with arrows, targets as dashed outlines. Small partners get
their own panel and scale."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

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
from tradestats.charts.words import period_words, t, value_label
from tradestats.views import PartnerTurnover, Tables, partner_turnover

__all__ = ["partner_label", "plot_partners"]


def partner_label(tables: Tables, b: PartnerTurnover, lang: str) -> str:
    """The partner's name and, on a second line, the period of its figure."""
    period = period_words(b.period_start.date(), b.period_end.date(), lang, b.as_of_precision)
    return f"{economy_name(tables, b.code, lang)}\n{period}"


def _draw_target(ax: Axes, y: int, b: PartnerTurnover, top: float, lang: str) -> None:
    assert b.target_bn is not None
    muted = style.COLORS["muted"]
    ax.barh(
        y,
        b.target_bn,
        0.62,
        facecolor="none",
        edgecolor=muted,
        linestyle=(0, (4, 2)),
        linewidth=1.1,
    )
    ax.text(
        b.target_bn + top * 0.012,
        y + 0.18,
        value_label(b.target_bn, "target", lang, decimals(b.target_bn)),
        va="center",
        ha="left" if lang == "en" else "right",
        fontsize=8,
        color=muted,
    )


def _draw_value(ax: Axes, y: int, b: PartnerTurnover, top: float, lang: str) -> None:
    """The bar (hatched, with an arrow, for a bound) and its value label."""
    color = style.COLORS["partner"]
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
        arrow = {"arrowstyle": "-|>", "color": color, "linewidth": 1.4, "mutation_scale": 12}
        ax.annotate("", xy=(end + step, y), xytext=(end, y), arrowprops=arrow)
        end = max(end, end + step)
    ax.text(
        end + top * 0.012,
        y - 0.18 if b.target_bn is not None else y,
        value_label(b.value_bn, b.qualifier, lang, 1 if b.value_bn < 10 else 0),
        va="center",
        ha="left" if lang == "en" else "right",
        fontsize=8.5,
        fontweight="bold",
        color=style.COLORS["text"],
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6},
    )


def _draw_panel(ax: Axes, tables: Tables, bars: list[PartnerTurnover], lang: str) -> None:
    top = max(max(b.value_bn, b.target_bn or 0) for b in bars)
    ys = list(range(len(bars)))[::-1]
    for y, b in zip(ys, bars, strict=True):
        if b.target_bn is not None:
            _draw_target(ax, y, b, top, lang)
        _draw_value(ax, y, b, top, lang)
    ax.set_yticks(ys, [partner_label(tables, b, lang) for b in bars], fontsize=8)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, top * 1.22)
    ax.set_ylim(-0.6, len(bars) - 0.4)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    value_axis(ax, lang, axis="x", decimals=0 if top >= 10 else 1)
    if lang == "fa":
        ax.invert_xaxis()


def _draw_panels(fig: Figure, tables: Tables, bars: list[PartnerTurnover], lang: str) -> None:
    """The large partners on top; the small ones, if any, below on their own scale."""
    largest = bars[0].value_bn
    big = [b for b in bars if b.value_bn >= largest / 20]
    small = [b for b in bars if b.value_bn < largest / 20]
    gap = 0.1 if small else 0
    unit_h = (0.55 - gap) / (len(big) + len(small))
    h_small, h_big, bottom = unit_h * len(small), unit_h * len(big), 0.2
    ax_big = axes(fig, lang, (0.2, bottom + h_small + gap, 0.74, h_big))
    _draw_panel(ax_big, tables, big, lang)
    panels = [(ax_big, "partners.large")]
    if small:
        ax_small = axes(fig, lang, (0.2, bottom, 0.74, h_small))
        _draw_panel(ax_small, tables, small, lang)
        panels.append((ax_small, "partners.small"))
    for ax, key in panels:
        ax.set_title(
            t(key, lang),
            loc="left" if lang == "en" else "right",
            fontsize=8.5,
            color=style.COLORS["muted"],
            pad=3,
        )


@styled
def plot_partners(tables: Tables, *, lang: str = "en") -> Figure:
    """Russia's turnover with each partner, each labelled with its own year or as-of date;
    bounds drawn as hatched bars with arrows, targets as dashed outlines. Small partners
    get their own panel and scale."""
    bars = partner_turnover(tables)
    fig = new_figure()
    _draw_panels(fig, tables, bars, lang)
    exact = [b for b in bars if b.qualifier == "exact"]
    top_bar, bottom_bar = bars[0], (exact[-1] if exact else bars[-1])
    title = t(
        "partners.title",
        lang,
        top=economy_name(tables, top_bar.code, lang, article=True),
        bottom=economy_name(tables, bottom_bar.code, lang, article=True),
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
    frame(fig, lang, title, subtitle, source_note(tables, ids, lang))
    return fig
