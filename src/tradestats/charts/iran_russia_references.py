"""Iran–Russia trade year by year as other published sources reported it: one bar per
published turnover figure, named by the side that reported it (so a mirror pair stands
side by side), with the texts' own figures marked on top and the years with no figure
said to have none."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import source_note
from tradestats.charts.words import date_words, join_words, t, value_label
from tradestats.views import ReferenceYears, Tables, reference_years

__all__ = ["info", "plot_iran_russia_references"]

_GROUP = 0.8  # the width of a year's group of bars
_COLOR = style.COLORS["turnover"]


def _label(value: float, qualifier: str, lang: str, narrow: bool = False) -> str:
    """The value in words; on a narrow bar, the qualifier on a line of its own."""
    label = value_label(value, qualifier, lang, layout.decimals(value))
    return "\n".join(label.rsplit(" ", 1)) if narrow and qualifier != "exact" else label


def _period(data: ReferenceYears, lang: str) -> str:
    return t("period.years", lang, first=data.years[0], last=data.years[-1])


def _missing(data: ReferenceYears) -> list[int]:
    return [y for y in data.years if y not in set(data.references["year"])]


def _rows(data: ReferenceYears) -> pd.DataFrame:
    """The plotted rows, references and texts, in one table (the chart's CSV)."""
    refs = data.references.assign(figure_id=data.references["reference_id"], source_id="")
    texts = data.texts.assign(outlet="", published=pd.NaT, address="", as_written="")
    return pd.concat([refs, texts], ignore_index=True)[
        ["figure_id", "reporter", "partner", "flow", "period_start", "period_end",
         "value_usd_m", "qualifier", "reporting_agency", "outlet", "published", "address",
         "as_written", "source_id"]
    ]  # fmt: skip


def _who(tables: Tables, r: pd.Series, lang: str) -> str:
    agency = r["reporting_agency"]
    if isinstance(agency, str):
        names = tables["agencies"].set_index("name_en")["name_fa"]
        named = str(names.get(agency, agency)) if lang == "fa" else agency
        return t("refs.citing", lang, who=named)
    economy = layout.economy_name(tables, str(r["reporter"]), lang)
    return t("refs.speaker", lang, who=str(r["attributed_to"]), economy=economy)


def _note(tables: Tables, data: ReferenceYears, lang: str) -> str:
    items = [
        t(
            "refs.note_item",
            lang,
            verbatim={"id": str(r["reference_id"]), "outlet": str(r["outlet"])},
            date=date_words(pd.Timestamp(r["published"]).date(), "day", lang),
            who=_who(tables, r, lang),
        )
        for _i, r in data.references.iterrows()
    ]
    texts = source_note(tables, data.texts["figure_id"].astype(str), lang).split(": ", 1)[1]
    joined = t("comma", lang).join(items)  # already localized, ids kept in Latin digits
    return t("refs.note", lang, verbatim={"texts": texts, "items": joined})


def info(tables: Tables, lang: str = "en") -> ChartInfo:
    data = reference_years(tables)
    items = [
        t(
            "refs.item",
            lang,
            year=r.year,
            side=layout.economy_name(tables, str(r.reporter), lang),
            value=_label(float(r.value_usd_m), str(r.qualifier), lang),
        )
        for r in data.references.itertuples()
    ]
    texts = [
        t("refs.text_item", lang, verbatim={"id": str(r.figure_id)}, year=r.year,
          value=value_label(float(r.value_usd_m), str(r.qualifier), lang))
        for r in data.texts.itertuples()
    ]  # fmt: skip
    alt = t(
        "refs.alt",
        lang,
        period=_period(data, lang),
        items=t("comma", lang).join(items),
        texts=t("comma", lang).join(texts),
        missing=join_words([str(y) for y in _missing(data)], lang),
    )
    title = t("refs.title", lang, period=_period(data, lang))
    subtitle = t("refs.subtitle", lang, unit=t("unit.usd_m", lang))
    date = max(pd.Timestamp(d).date() for d in data.references["published"])
    return ChartInfo(title, subtitle, alt, _rows(data), date, _note(tables, data, lang))


def _draw_year(ax: Axes, tables: Tables, x: int, refs: pd.DataFrame, top: float, lang: str) -> None:
    """The year's published figures side by side, each named by its reporting side."""
    if refs.empty:
        ax.text(x, top * 0.03, t("refs.none", lang), ha="center", va="bottom",
                fontsize=style.size(6.8, lang), color=style.COLORS["muted"])  # fmt: skip
        return
    width = _GROUP / len(refs)
    for k, (_i, r) in enumerate(refs.iterrows()):
        _draw_bar(ax, tables, (x - _GROUP / 2 + width * (k + 0.5), width), r, top, lang)


def _draw_bar(
    ax: Axes, tables: Tables, at: tuple[float, float], r: pd.Series, top: float, lang: str
) -> None:
    """One published figure: the bar (hatched, with an arrow, for a bound), its value in
    words above, and the side that reported it along the bar."""
    (bx, width), value, qualifier = at, float(r["value_usd_m"]), str(r["qualifier"])
    bound = qualifier in ("more_than", "less_than")
    marks = style.MARKS["bound"]["patch"] if bound else {}
    ax.bar(bx, value, width * 0.9, **{"facecolor": _COLOR, "edgecolor": _COLOR, **marks})
    lift = top * 0.015
    if bound:  # an arrow from the bound, the way the value lies
        tip = value + (1 if qualifier == "more_than" else -1) * top * 0.08
        arrow = {"arrowstyle": "-|>", "color": _COLOR, "linewidth": 1.2}
        ax.annotate("", xy=(bx, tip), xytext=(bx, value), arrowprops=arrow)
        lift += max(0.0, tip - value)
    label = _label(value, qualifier, lang, narrow=width < _GROUP)
    ax.text(bx, value + lift, label, ha="center", va="bottom", fontsize=style.size(6.8, lang),
            color=style.COLORS["text"])  # fmt: skip
    side = layout.economy_name(tables, str(r["reporter"]), lang)
    ax.text(bx, top * 0.02, side, ha="center", va="bottom", rotation=90,
            fontsize=style.size(6.8, lang), color=_COLOR if bound else "white")  # fmt: skip


def _draw_texts(ax: Axes, data: ReferenceYears) -> None:
    """The texts' own figures: a diamond at the value, beside the year's bars (on the
    year where it has none); the value and id are written under the year."""
    has_bars = set(data.references["year"])
    for r in data.texts.itertuples():
        x = data.years.index(r.year) - (_GROUP / 2 + 0.08 if r.year in has_bars else 0)
        ax.plot(x, float(r.value_usd_m), marker="D", markersize=6, color=style.COLORS["text"],
                zorder=5)  # fmt: skip


def _ticks(data: ReferenceYears, lang: str) -> list[str]:
    """Each year, and under it the texts' figure for it, if any."""
    ticks = []
    for year in data.years:
        here = data.texts[data.texts["year"] == year]
        lines = [style.to_local_digits(str(year), lang)] + [
            t("refs.text_tick", lang, verbatim={"id": str(r.figure_id)},
              value=value_label(float(r.value_usd_m), str(r.qualifier), lang))
            for r in here.itertuples()
        ]  # fmt: skip
        ticks.append("\n".join(lines))
    return ticks


def _legend(ax: Axes, data: ReferenceYears, lang: str) -> None:
    handles: list[Patch | Line2D] = [Patch(color=_COLOR, label=t("refs.published", lang))]
    if data.references["qualifier"].isin(["more_than", "less_than"]).any():
        handles += layout.key_handles(["bound"], lang, _COLOR)
    handles.append(
        Line2D([], [], marker="D", linestyle="none", color=style.COLORS["text"],
               label=t("refs.text_mark", lang))
    )  # fmt: skip
    layout.legend(ax, handles, lang, loc="lower left" if lang == "en" else "lower right",
                  bbox_to_anchor=(0, 1.0) if lang == "en" else (1, 1.0), ncols=len(handles),
                  borderaxespad=0.3, columnspacing=1.2)  # fmt: skip


@layout.styled
def plot_iran_russia_references(tables: Tables, *, lang: str = "en") -> Figure:
    """Iran–Russia turnover by year as other published sources reported it, the texts'
    figures marked on top."""
    data = reference_years(tables)
    top = float(pd.concat([data.references["value_usd_m"], data.texts["value_usd_m"]]).max())
    fig = layout.new_figure()
    ax = layout.axes(fig, lang, (0.075, 0.34, 0.9, 0.4))
    for x, year in enumerate(data.years):
        _draw_year(ax, tables, x, data.references[data.references["year"] == year], top, lang)
    _draw_texts(ax, data)
    ax.set_xticks(range(len(data.years)), _ticks(data, lang), fontsize=style.size(8.5, lang))
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, len(data.years) - 0.4)
    ax.set_ylim(0, top * 1.18)
    layout.value_axis(ax, lang)
    if lang == "fa":
        ax.invert_xaxis()
    _legend(ax, data, lang)
    chart = info(tables, lang)
    layout.frame(fig, lang, chart, chart.note or "")
    return fig
