"""Russia's trade with its partners, like with like: the main panel holds only the
figures of one year, one reporter and one agency; figures of other dates stand in a
separate strip below, each with its date, bounds hatched with an arrow and targets as
dashed outlines."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import source_note
from tradestats.charts.words import amount, join_words, period_words, shown_decimals, t
from tradestats.views import PartnerTurnover, Tables, partner_turnover

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["info", "partner_label", "partner_period", "plot_partners"]

_COLOR = style.COLORS["turnover"]


def partner_period(b: PartnerTurnover, lang: str) -> str:
    """The period of a partner's figure in words, or that none is stated and the date
    of the article that gives it."""
    start, end = (b.as_of, b.as_of) if pd.isna(b.period_start) else (b.period_start, b.period_end)
    return period_words(start.date(), end.date(), lang, b.as_of_precision, b.as_of_inferred)


def partner_label(tables: Tables, b: PartnerTurnover, lang: str) -> str:
    """The partner's name and, on a second line, the period of its figure."""
    period = partner_period(b, lang)
    name = layout.economy_name(tables, b.code, lang)
    if pd.isna(b.period_start) and lang == "en":  # "period not stated (article of …)"
        return f"{name}, {period}".replace(" (", "\n(")  # two lines; Persian's fit on one
    return f"{name}\n{period}"


def _period(bars: list[PartnerTurnover], lang: str) -> str:
    return period_words(bars[0].period_start.date(), bars[0].period_end.date(), lang)


def _agency(tables: Tables, bars: list[PartnerTurnover], lang: str) -> str:
    flows = tables["trade_flows"].set_index("figure_id")
    row = flows.loc[bars[0].figure_id]
    if not isinstance(row["reporting_agency"], str):
        return layout.economy_name(tables, str(row["reporter"]), lang)
    agency = tables["agencies"].set_index("name_en").loc[row["reporting_agency"]]
    return str(agency["short_fa" if lang == "fa" else "short_en"])


def _rows(tables: Tables, ids: list[str]) -> pd.DataFrame:
    flows = tables["trade_flows"]
    return flows[flows["figure_id"].isin(ids)].sort_values("figure_id")


def _resolution_bn(tables: Tables, figure_id: str) -> float:
    """The place value of the figure's last stated digit, in billions."""
    return float(tables["figures"].set_index("figure_id").loc[figure_id, "resolution"]) / 1e9


def _shown(tables: Tables, b: PartnerTurnover) -> float:
    """The value as its label shows it."""
    return round(b.value_bn, shown_decimals(b.value_bn, _resolution_bn(tables, b.figure_id)))


def _label(tables: Tables, b: PartnerTurnover, lang: str) -> str:
    return amount(b.value_bn, _resolution_bn(tables, b.figure_id), b.qualifier, lang)


def info(tables: Tables, lang: str = "en") -> ChartInfo:
    main, others = partner_turnover(tables)
    period = _period(main, lang)
    top, bottom = main[0], main[-1]
    # the ratio of the values as labelled, so the labels bear the title out
    ratio = _shown(tables, top) / _shown(tables, bottom)
    title = t(
        "partners.title",
        lang,
        period=period,
        top=layout.economy_name(tables, top.code, lang, article=True),
        bottom=layout.economy_name(tables, bottom.code, lang, article=True),
        ratio=style.format_number(ratio, lang),
    )
    # the panel below holds other dates and agencies: the subtitle claims neither for it
    subtitle = t(
        "partners.subtitle_apart" if others else "partners.subtitle",
        lang,
        period=period,
        agency=_agency(tables, main, lang),
        unit=t("unit.usd_bn", lang),
    )
    items = [f"{layout.economy_name(tables, b.code, lang)} {_label(tables, b, lang)}" for b in main]
    rest = [
        f"{partner_label(tables, b, lang).replace(chr(10), t('comma', lang))}: "
        f"{_label(tables, b, lang)}"
        + (f" ({_target_label(tables, b, lang)})" if b.target_bn is not None else "")
        for b in others
    ]
    alt = t(
        "partners.alt",
        lang,
        period=period,
        items=join_words(items, lang),
        others=join_words(rest, lang),
    )
    ids = [b.figure_id for b in main + others] + [b.target_id for b in others if b.target_id]
    rows = _rows(tables, ids)
    derived = (
        (
            f"ratio of {top.code} to {bottom.code} turnover, as labelled",
            round(ratio, 1),
            "times",
            f"{top.figure_id};{bottom.figure_id}",
        ),
    )
    return ChartInfo(title, subtitle, alt, rows, layout.data_date(tables, rows), derived=derived)


def _target_label(tables: Tables, b: PartnerTurnover, lang: str) -> str:
    assert b.target_bn is not None and b.target_id is not None
    return amount(b.target_bn, _resolution_bn(tables, b.target_id), "target", lang)


def _draw_bar(ax: Axes, tables: Tables, y: int, b: PartnerTurnover, lang: str) -> None:
    """The bar (hatched, with an arrow, for a bound) and its label; a target, if any, as
    a dashed outline of its own just under it, with its own label."""
    right = ax.get_xlim()[1]
    side = "left" if lang == "en" else "right"
    at = y if b.target_bn is None else y + 0.19
    if b.target_bn is not None:
        ax.barh(y - 0.21, b.target_bn, 0.3, **style.MARKS["target"]["patch"])
        ax.text(
            b.target_bn + right * 0.012,
            y - 0.21,
            _target_label(tables, b, lang),
            va="center",
            ha=side,
            fontsize=style.size("label", lang),
            color=style.COLORS["muted"],
            bbox=layout.CLEAR,
        )
    bound = b.qualifier in {"more_than", "less_than"}
    marks = style.MARKS["bound"]["patch"] if bound else {"facecolor": _COLOR}
    ax.barh(at, b.value_bn, 0.5 if b.target_bn is None else 0.3, edgecolor=_COLOR, **marks)
    end = b.value_bn
    if bound:
        step = right * 0.05 * (1 if b.qualifier == "more_than" else -1)
        arrow = {"arrowstyle": "-|>", "color": _COLOR, "linewidth": 1.2, "mutation_scale": 9}
        ax.annotate("", xy=(end + step, at), xytext=(end, at), arrowprops=arrow)
        end = max(end, end + step)
    ax.text(
        end + right * 0.012,
        at,
        _label(tables, b, lang),
        va="center",
        ha=side,
        fontsize=style.size("strong", lang),
        fontweight="bold",
        color=style.COLORS["text"],
        bbox=layout.CLEAR,
    )


def _draw_panel(
    ax: Axes,
    tables: Tables,
    bars: list[PartnerTurnover],
    right: float,
    lang: str,
    title: str,
    same_period: bool = False,
) -> None:
    ax.set_xlim(0, right)  # one scale for both panels
    ys = list(range(len(bars)))[::-1]
    for y, b in zip(ys, bars, strict=True):
        _draw_bar(ax, tables, y, b, lang)
    names = [
        layout.economy_name(tables, b.code, lang) if same_period else partner_label(tables, b, lang)
        for b in bars
    ]
    ax.set_yticks(ys, names)
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-0.6, len(bars) - 0.4)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    layout.value_axis(ax, lang, axis="x")
    ax.set_title(
        title,
        loc="left" if lang == "en" else "right",
        fontsize=style.size("label", lang),
        color=style.COLORS["muted"],
        pad=4,
    )
    if lang == "fa":
        ax.invert_xaxis()


def _other_title(tables: Tables, others: list[PartnerTurnover], period: str, lang: str) -> str:
    """The lower panel's title: not comparable, and, where so, that no agency is named."""
    agencies = tables["trade_flows"].set_index("figure_id")["reporting_agency"]
    named = any(isinstance(agencies.get(b.figure_id), str) for b in others)
    return t("partners.other" if named else "partners.other_no_agency", lang, period=period)


def _marks(others: list[PartnerTurnover]) -> list[str]:
    target = ["target"] if any(b.target_bn for b in others) else []
    return layout.bound_marks(b.qualifier for b in others) + target


@layout.styled
def plot_partners(tables: Tables, *, lang: str = "en") -> Figure:
    """The comparable partners in the main panel; the others, each on its own date, in a
    panel of their own below, on the same scale."""
    main, others = partner_turnover(tables)
    fig = layout.new_figure(10.5, lang)
    chart = info(tables, lang)
    ids = [b.figure_id for b in main + others] + [b.target_id for b in others if b.target_id]
    room = layout.frame(fig, lang, chart, source_note(tables, ids, lang))
    right = max(max(b.value_bn, b.target_bn or 0) for b in main + others) * 1.22
    rows = len(main) + 1.5 * len(others) + (2.4 if others else 0)  # two-line labels below
    split = 1 - len(main) / rows
    period, agency = _period(main, lang), _agency(tables, main, lang)
    ax_main = layout.axes(fig, lang, room.box(0, 1, split, 1))
    _draw_panel(
        ax_main,
        tables,
        main,
        right,
        lang,
        t("partners.main", lang, period=period, agency=agency),
        same_period=True,
    )
    boxes = [(ax_main, room.box(0, 1, split, 1))]
    if others:
        ax_other = layout.axes(fig, lang, room.box(0, 1, 0, split))
        _draw_panel(
            ax_other, tables, others, right, lang, _other_title(tables, others, period, lang)
        )
        marks = _marks(others)
        layout.legend(
            ax_other,
            layout.key_handles(marks, lang, _COLOR),
            lang,
            ncols=1,  # one entry a line: the key never runs past the plot's edge
            loc="upper left" if lang == "en" else "upper right",
            bbox_to_anchor=(0, -0.3) if lang == "en" else (1, -0.3),
            borderaxespad=0.1,
        )
        boxes.append((ax_other, room.box(0, 1, 0, split - 0.04)))
    layout.fit(fig, boxes, lang, align_x=True)
    return fig
