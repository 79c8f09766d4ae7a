"""Iran–Russia trade by year and direction, as the texts give it: one block of bars per
reporting agency (or per reporter, where the text names none), every year of the span
shown, a year the texts do not give marked "not stated", a part of a year in a lighter
tone, and the source's claim of an upper bound as a rule in the source's own words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import outlets_of, source_note
from tradestats.charts.words import (
    amount,
    date_words,
    join_words,
    period_words,
    shown_decimals,
    t,
    value_label,
)
from tradestats.views import (
    Tables,
    contradicting,
    iran_russia_blocks,
    iran_russia_flows,
    is_full_year,
    is_whole_year,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "block_label",
    "claim_note",
    "claim_words",
    "contradicting_rows",
    "flow_labels",
    "info",
    "plot_iran_russia_trade",
]

_SERIES = ("RUS", "IRN", "turnover")  # goods from Russia, goods from Iran, turnover
_WIDTH = 0.29
_COLOR = {"RUS": "exports", "IRN": "imports", "turnover": "turnover"}  # from Russia's side
_OTHER = {"RUS": "IRN", "IRN": "RUS"}


def block_label(tables: Tables, agency: str, reporter: str, periods: list[Any], lang: str) -> str:
    """Who recorded the block's figures, over what, and that the goods from the other
    side are its own country's imports."""
    if agency:
        short = tables["agencies"].set_index("name_en").loc[agency]
        who = str(short["short_fa" if lang == "fa" else "short_en"])
    else:
        who = t("iran_russia.no_agency", lang, reporter=layout.economy_name(tables, reporter, lang))
    if all(is_whole_year(s, e) for s, e in periods):
        span = t("iran_russia.full_years", lang)
    else:
        months = {round((e - s).days / 30.44) for s, e in periods}
        span = t("iran_russia.months", lang, n=months.pop()) if len(months) == 1 else ""
    other = _OTHER.get(reporter)
    mirror = (
        ""
        if other is None
        else "\n"
        + t(
            "iran_russia.mirror",
            lang,
            exporter=layout.economy_name(tables, other, lang),
            importer=layout.economy_name(tables, reporter, lang),
        )
    )
    return f"{who}{t('comma', lang)}{span}{mirror}" if span else f"{who}{mirror}"


def _draw_bar(ax: Axes, row: pd.DataFrame, key: str, y: float, right: float, lang: str) -> None:
    """One bar and its value label at its end; none where the text gives no value (the
    subtitle says what a missing bar means)."""
    side = "left" if lang == "en" else "right"
    if row.empty:
        return
    r = row.iloc[0]
    value, color = float(r["value_usd_m"]), style.COLORS[_COLOR[key]]
    marks = [] if is_whole_year(r["period_start"], r["period_end"]) else ["partial"]
    bound = r["qualifier"] in ("more_than", "less_than")
    marks += ["bound"] if bound else []
    ax.barh(y, value, _WIDTH * 0.88, **style.mark_props(marks, color))
    end = value
    if bound:  # an arrow from the bound, the way the value lies
        tip = value + (1 if r["qualifier"] == "more_than" else -1) * right * 0.05
        arrow = {"arrowstyle": "-|>", "color": color, "linewidth": 1.1, "mutation_scale": 8}
        ax.annotate("", xy=(tip, y), xytext=(value, y), arrowprops=arrow)
        end = max(value, tip)
    label = value_label(value, str(r["qualifier"]), lang, layout.decimals(value))
    ax.text(
        end + right * 0.01,
        y,
        label,
        ha=side,
        va="center",
        fontsize=style.size("label", lang),
        color=style.COLORS["text"],
    )


def _draw_period(ax: Axes, rows: pd.DataFrame, y: float, right: float, lang: str) -> None:
    """A period's three bars, top to bottom; a period the texts give nothing for says so
    once."""
    if rows.empty:
        ax.text(
            right * 0.012,
            y,
            t("iran_russia.no_figure", lang),
            ha="left" if lang == "en" else "right",
            va="center",
            fontsize=style.size("label", lang),
            color=style.COLORS["muted"],
        )
        return
    for k, key in enumerate(_SERIES):
        _draw_bar(ax, rows[rows["series"] == key], key, y + (1 - k) * _WIDTH, right, lang)


def _draw_blocks(
    ax: Axes, tables: Tables, pair: pd.DataFrame, right: float, lang: str
) -> tuple[list[float], list[str]]:
    """The bars, block by block from the top, each block under a heading that says who
    recorded it. Returns the positions and labels of the periods."""
    y, positions, ticks = 0.0, [], []
    side = "left" if lang == "en" else "right"
    for agency, reporter, periods in iran_russia_blocks(pair):
        heading = block_label(tables, agency, reporter, periods, lang).replace("\n", " · ")
        heading = layout.wrap(layout.figure_of(ax), heading, "label", lang, 0.7, bold=True)
        ax.text(
            0.006 if lang == "en" else 0.994,
            y,
            heading,
            transform=ax.get_yaxis_transform(),
            ha=side,
            va="center",
            fontsize=style.size("label", lang),
            fontweight="bold",
            color=style.COLORS["muted"],
        )
        y -= 1.0
        rows = pair[
            (pair["reporting_agency"].fillna("") == agency) & (pair["reporter"] == reporter)
        ]
        for start, end in periods:
            words = period_words(start.date(), end.date(), lang)
            y -= _step(words, lang) - 1.0  # room above a label of more than two lines
            here = rows[(rows["period_start"] == start) & (rows["period_end"] == end)]
            _draw_period(ax, here, y, right, lang)
            positions.append(y)
            ticks.append(words)
            y -= _step(words, lang)
    return positions, ticks


def _step(words: str, lang: str) -> float:
    """The height a period takes: one unit for its three bars, more for a label of more
    than two lines (Persian lines are taller)."""
    return 1.0 + (0.2 if lang == "en" else 0.45) * max(0, words.count("\n") - 1)


def _height_cm(pair: pd.DataFrame, lang: str) -> float:
    """The figure's height: the frame, and a row's height for each heading and period
    (a period with a tall label takes more)."""
    units = 0.0
    for _agency, _reporter, periods in iran_russia_blocks(pair):
        units += 1 + sum(
            2 * _step(period_words(s.date(), e.date(), lang), lang) - 1 for s, e in periods
        )
    return 6.0 + (1.1 if lang == "en" else 1.3) * units  # Persian digits stand taller


def claim_words(tables: Tables, bounds: pd.DataFrame, lang: str) -> str:
    """The source's claim in its own words and unit, and the published figures that
    contradict it, each with who gave it and where (an agency's figures before a remark)."""
    if bounds.empty:
        return ""
    bound = bounds.iloc[0]
    source = tables["sources"].set_index("source_id").loc[str(bound["source_id"])]
    outlet = str(source["outlet_fa" if lang == "fa" else "outlet"])
    outlet = outlet.split(",")[0].split(" به نقل از ")[0]  # the outlet, not whom it reports
    figures = tables["figures"].set_index("figure_id")
    resolution = float(figures.loc[str(bound["figure_id"]), "resolution"]) / 1e9
    items = [_evidence_words(tables, group, lang) for group in contradicting(tables, bound)]
    key = "iran_russia.claim" if items else "iran_russia.claim_alone"
    v = _billions(float(bound["value_usd_m"]) / 1000, resolution, "exact", lang)
    return t(key, lang, outlet=outlet, v=v, items=join_words(items, lang))


def _billions(value: float, resolution: float, qualifier: str, lang: str) -> str:
    """'$2.18 billion', «۲٫۱۸ میلیارد دلار»: as precise as the source, in its unit."""
    words = amount(value, resolution, "exact", lang)
    return t(f"q.{qualifier}", lang, v=t("usd_bn", lang, v=words))


def _evidence_words(tables: Tables, group: pd.DataFrame, lang: str) -> str:
    """'$4.04 billion for 2021 (the sum of Russian customs' exports and imports; RT)'."""
    first = group.iloc[0]
    outlet = str(first["outlet_fa" if lang == "fa" else "outlet"])
    if len(group) > 1:
        agency = tables["agencies"].set_index("name_en").loc[first["reporting_agency"]]
        short = str(agency["short_fa" if lang == "fa" else "short_en"])
        who = t("iran_russia.claim_parts", lang, agency=short)
    else:
        speaker = first["attributed_to_fa" if lang == "fa" else "attributed_to"]
        who = t("iran_russia.claim_remark", lang, who=str(speaker))
    total = float(group["value_usd_m"].sum()) / 1000
    value = _billions(total, float(group["resolution"].max()) / 1e9, str(first["qualifier"]), lang)
    return t(
        "iran_russia.claim_item",
        lang,
        value=value,
        year=first["period_start"].year,
        who=who,
        verbatim={"outlet": outlet},
    )


def claim_note(tables: Tables, bounds: pd.DataFrame, lang: str) -> str:
    """The fine print of the figures that contradict the claim: each page and its ids."""
    if bounds.empty:
        return ""
    pages = []
    for group in contradicting(tables, bounds.iloc[0]):
        first = group.iloc[0]
        outlet = str(first["outlet_fa" if lang == "fa" else "outlet"])
        ids = t("comma", lang).join(group["reference_id"].astype(str))
        date = date_words(first["published"].date(), "day", lang)
        pages.append(t("note.page", lang, date=date, verbatim={"outlet": outlet, "ids": ids}))
    joined = t("semicolon", lang).join(pages)  # ids keep their Latin digits
    return t("note.contradicting", lang, verbatim={"pages": joined}) if pages else ""


def contradicting_rows(tables: Tables, bounds: pd.DataFrame) -> pd.DataFrame:
    """The reference rows the claim's words cite, for the chart's download."""
    groups = [] if bounds.empty else contradicting(tables, bounds.iloc[0])
    return pd.concat(groups, ignore_index=True) if groups else pd.DataFrame()


def _derived(tables: Tables, bounds: pd.DataFrame) -> list[tuple[str, float, str, str]]:
    """The numbers the claim's words show: each contradicting figure, or the sum of an
    agency's exports and imports, in billions as the words round them."""
    out = []
    for group in [] if bounds.empty else contradicting(tables, bounds.iloc[0]):
        first = group.iloc[0]
        year = first["period_start"].year
        what = (
            f"{year} turnover: exports plus imports as {first['reporting_agency']} recorded them"
            if len(group) > 1
            else f"{year} turnover: a remark by {first['attributed_to']}"
        )
        digits = shown_decimals(
            float(group["value_usd_m"].sum()) / 1000, float(group["resolution"].max()) / 1e9
        )
        value = round(float(group["value_usd_m"].sum()) / 1000, digits)
        out.append((what, value, "billion US dollars", ";".join(group["reference_id"])))
    return out


def _draw_claim(ax: Axes, tables: Tables, bounds: pd.DataFrame, right: float, lang: str) -> None:
    """The upper bound a source claims, as a rule labelled in the source's words, with
    the figures that contradict it, above the bars: the words end at the rule, or start
    there where the rule stands in the first half of the scale."""
    if bounds.empty:
        return
    value = float(bounds.iloc[0]["value_usd_m"])
    ax.axvline(value, color=style.COLORS["claim"], linewidth=1.0)  # solid: dashes mean a target
    fig = layout.figure_of(ax)
    before = value / right >= 0.5  # more room between zero and the rule than after it
    side = value / right if before else 1 - value / right
    width = min(0.62, 0.7 * side)  # the plot takes about three quarters of the width
    words = layout.wrap(fig, claim_words(tables, bounds, lang), "label", lang, width)
    ha = "right" if before == (lang == "en") else "left"
    ax.annotate(
        words,
        xy=(value, 1),
        xycoords=("data", "axes fraction"),
        xytext=(0, 4),
        textcoords="offset points",
        ha=ha,
        va="bottom",
        fontsize=style.size("label", lang),
        color=style.COLORS["claim"],
        linespacing=layout.LINE_SPACING[lang],
        annotation_clip=False,
    )


def flow_labels(tables: Tables, lang: str) -> dict[str, str]:
    rus, irn = layout.economy_name(tables, "RUS", lang), layout.economy_name(tables, "IRN", lang)
    return {
        "RUS": t("flow.goods", lang, exporter=rus, importer=irn),
        "IRN": t("flow.goods", lang, exporter=irn, importer=rus),
        "turnover": t("flow.turnover", lang),
    }


def _handles(tables: Tables, pair: pd.DataFrame, lang: str) -> list[Any]:
    from matplotlib.patches import Patch

    labels = flow_labels(tables, lang)
    handles: list[Any] = [Patch(color=style.COLORS[_COLOR[k]], label=labels[k]) for k in _SERIES]
    if not all(
        is_whole_year(s, e) for s, e in zip(pair["period_start"], pair["period_end"], strict=True)
    ):
        handles += layout.key_handles(["partial"], lang, style.COLORS["muted"])
    handles += layout.key_handles(
        layout.bound_marks(pair["qualifier"]), lang, style.COLORS["muted"]
    )
    return handles


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
    labels = flow_labels(tables, lang)
    out = []
    for (start, end, agency), rows in pair.assign(a=pair["reporting_agency"].fillna("")).groupby(
        ["period_start", "period_end", "a"], observed=True, sort=True
    ):
        period = period_words(start.date(), end.date(), lang).split("\n")[0]
        reporter = str(rows["reporter"].iloc[0])
        who = block_label(tables, str(agency), reporter, [(start, end)], lang).split("\n")[0]
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
    claim = claim_words(tables, bounds, lang)
    alt = t(
        "iran_russia.alt",
        lang,
        period=_span(pair, lang),
        items=t("semicolon", lang).join(items),
        claim=f" {claim}" if claim else "",
    )
    subtitle = t(
        "iran_russia.subtitle",
        lang,
        period=_span(pair, lang),
        unit=t("unit.usd_m", lang),
        outlet=outlets_of(tables, pair["source_id"], lang),
    )
    used = list(pair["figure_id"]) + list(bounds["figure_id"])
    note = " ".join(
        filter(None, [source_note(tables, used, lang), claim_note(tables, bounds, lang)])
    )
    return ChartInfo(
        _title(tables, pair, lang),
        subtitle,
        alt,
        rows,
        layout.data_date(tables, rows),
        note=note,
        derived=tuple(_derived(tables, bounds)),
    )


@layout.styled
def plot_iran_russia_trade(tables: Tables, *, lang: str = "en") -> Figure:
    """Goods from Russia to Iran, goods from Iran to Russia and turnover, for every period
    the texts give, block by block of reporting agency."""
    pair, bounds = iran_russia_flows(tables)
    right = float(pd.concat([pair, bounds])["value_usd_m"].max()) * 1.15
    fig = layout.new_figure(_height_cm(pair, lang), lang)
    chart = info(tables, lang)
    room = layout.frame(fig, lang, chart, chart.note or "")
    room = layout.key(fig, room, _handles(tables, pair, lang), lang, ncols=2)
    ax = layout.axes(fig, lang, room.box(0, 1, 0, 1))
    ax.set_xlim(0, right)
    positions, ticks = _draw_blocks(ax, tables, pair, right, lang)
    ax.set_yticks(positions, ticks)
    for tick in ax.get_yticklabels():
        tick.set_linespacing(layout.LINE_SPACING[lang])
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(positions[-1] - 0.6, 0.5)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    layout.value_axis(ax, lang, axis="x")
    _draw_claim(ax, tables, bounds, right, lang)
    if lang == "fa":
        ax.invert_xaxis()
    layout.fit(fig, [(ax, room.box(0, 1, 0, 1))], lang)
    return fig
