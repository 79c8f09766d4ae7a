"""Russia's trade with its partners, like with like: the main panel holds only the
figures of one year, one reporter and one agency; figures of other dates stand in a
separate strip below, each with its date, bounds hatched with an arrow and targets as
dashed outlines."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import source_note
from tradestats.charts.words import join_words, period_words, t, value_label
from tradestats.views import PartnerTurnover, Tables, partner_turnover

__all__ = ["info", "partner_label", "plot_partners"]

_COLOR = style.COLORS["turnover"]


def partner_label(tables: Tables, b: PartnerTurnover, lang: str) -> str:
    """The partner's name and, on a second line, the period of its figure."""
    start, end = (b.as_of, b.as_of) if pd.isna(b.period_start) else (b.period_start, b.period_end)
    period = period_words(start.date(), end.date(), lang, b.as_of_precision)
    return f"{layout.economy_name(tables, b.code, lang)}\n{period}"


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


def info(tables: Tables, lang: str = "en") -> ChartInfo:
    main, others = partner_turnover(tables)
    period = _period(main, lang)
    top, bottom = main[0], main[-1]
    title = t(
        "partners.title",
        lang,
        period=period,
        top=layout.economy_name(tables, top.code, lang, article=True),
        bottom=layout.economy_name(tables, bottom.code, lang, article=True),
        ratio=f"{top.value_bn / bottom.value_bn:.0f}",
    )
    # the panel below holds other dates and agencies: the subtitle claims neither for it
    subtitle = t(
        "partners.subtitle_apart" if others else "partners.subtitle",
        lang,
        period=period,
        agency=_agency(tables, main, lang),
        unit=t("unit.usd_bn", lang),
    )
    items = [
        f"{layout.economy_name(tables, b.code, lang)} {style.format_number(b.value_bn, lang, 1)}"
        for b in main
    ]
    rest = [
        f"{partner_label(tables, b, lang).replace(chr(10), t('comma', lang))}: "
        f"{value_label(b.value_bn, b.qualifier, lang, layout.decimals(b.value_bn))}"
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
    return ChartInfo(title, subtitle, alt, rows, layout.data_date(tables, rows))


def _draw_bar(ax: Axes, y: int, b: PartnerTurnover, top: float, lang: str) -> None:
    """The bar (hatched, with an arrow, for a bound), its target if any, and the labels."""
    if b.target_bn is not None:
        ax.barh(y, b.target_bn, 0.62, **style.MARKS["target"]["patch"])
        ax.text(
            b.target_bn + top * 0.012,
            y + 0.2,
            value_label(b.target_bn, "target", lang, layout.decimals(b.target_bn)),
            va="center",
            ha="left" if lang == "en" else "right",
            fontsize=style.size(7.5, lang),
            color=style.COLORS["muted"],
        )
    bound = b.qualifier in {"more_than", "less_than"}
    marks = style.MARKS["bound"]["patch"] if bound else {"facecolor": _COLOR}
    ax.barh(y, b.value_bn, 0.62, edgecolor=_COLOR, **marks)
    end = b.value_bn
    if bound:
        step = top * 0.07 * (1 if b.qualifier == "more_than" else -1)
        arrow = {"arrowstyle": "-|>", "color": _COLOR, "linewidth": 1.4, "mutation_scale": 12}
        ax.annotate("", xy=(end + step, y), xytext=(end, y), arrowprops=arrow)
        end = max(end, end + step)
    ax.text(
        end + top * 0.012,
        y - 0.2 if b.target_bn is not None else y,
        value_label(b.value_bn, b.qualifier, lang, 1 if b.value_bn < 10 else 0),
        va="center",
        ha="left" if lang == "en" else "right",
        fontsize=style.size(8, lang),
        fontweight="bold",
        color=style.COLORS["text"],
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6},
    )


def _draw_panel(
    ax: Axes, tables: Tables, bars: list[PartnerTurnover], lang: str, title: str
) -> None:
    top = max(max(b.value_bn, b.target_bn or 0) for b in bars)
    ys = list(range(len(bars)))[::-1]
    for y, b in zip(ys, bars, strict=True):
        _draw_bar(ax, y, b, top, lang)
    ax.set_yticks(
        ys, [partner_label(tables, b, lang) for b in bars], fontsize=style.size(7.5, lang)
    )
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, top * 1.25)
    ax.set_ylim(-0.6, len(bars) - 0.4)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    layout.value_axis(ax, lang, axis="x", decimals=0 if top >= 10 else 1)
    ax.set_title(
        title,
        loc="left" if lang == "en" else "right",
        fontsize=style.size(8, lang),
        color=style.COLORS["muted"],
        pad=3,
    )
    if lang == "fa":
        ax.invert_xaxis()


@layout.styled
def plot_partners(tables: Tables, *, lang: str = "en") -> Figure:
    """The comparable partners in the main panel; the others, each on its own date, in a
    strip of their own below."""
    main, others = partner_turnover(tables)
    fig = layout.new_figure()
    chart = info(tables, lang)
    bottom = 0.25
    # the panels fill the height left below the header, with room for a panel title
    height = min(0.56, layout.header_bottom(chart, lang) - 0.05 - bottom)
    unit_h = height / (len(main) + len(others) + (1 if others else 0))
    h_main = unit_h * len(main)
    ax_main = layout.axes(
        fig, lang, (0.2, bottom + (unit_h * (len(others) + 1) if others else 0), 0.74, h_main)
    )
    period, agency = _period(main, lang), _agency(tables, main, lang)
    _draw_panel(ax_main, tables, main, lang, t("partners.main", lang, period=period, agency=agency))
    if others:
        ax_other = layout.axes(fig, lang, (0.2, bottom, 0.74, unit_h * len(others)))
        _draw_panel(
            ax_other, tables, others, lang, t("partners.other", lang, period=_period(main, lang))
        )
        marks = [
            m
            for m in ("bound", "target")
            if any(
                (m == "bound" and b.qualifier in {"more_than", "less_than"})
                or (m == "target" and b.target_bn)
                for b in others
            )
        ]
        layout.legend(
            ax_other,
            layout.key_handles(marks, lang, _COLOR),
            lang,
            ncols=len(marks) or 1,
            loc="upper left" if lang == "en" else "upper right",
            bbox_to_anchor=(0, -0.42) if lang == "en" else (1, -0.42),
            borderaxespad=0.1,
        )
    ids = [b.figure_id for b in main + others] + [b.target_id for b in others if b.target_id]
    layout.frame(fig, lang, chart, source_note(tables, ids, lang))
    return fig
