"""Iran–Russia trade year by year as other published sources reported it: one row per
published whole-year turnover, named by who gave it (an agency, or an official's remark
as a remark); an agency's exports and imports beside them where it gives both (their sum
said to be derived); the texts' own figures marked; and, for a year with none, what was
found instead."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import compact_ids, note_groups
from tradestats.charts.words import amount, date_words, join_words, period_words, t
from tradestats.views import ReferenceRow, Tables, reference_rows

__all__ = ["info", "plot_iran_russia_references"]

_COLOR = style.COLORS["turnover"]
_BOUNDS = ("more_than", "less_than")


def _agency(tables: Tables, name: object, lang: str, short: bool = True) -> str:
    """An agency's name in the language (its short name for a label)."""
    agencies = tables["agencies"].set_index("name_en")
    if not isinstance(name, str) or name not in agencies.index:
        return str(name)
    if not short and lang == "en":
        return name
    column = ("short_" if short else "name_") + ("fa" if lang == "fa" else "en")
    return str(agencies.loc[name, column])


def _who(tables: Tables, r: pd.Series, lang: str) -> str:
    """Who gave a published figure: the agency, a remark by a named speaker, or the
    outlet's own words."""
    if r["reporter_basis"] in ("agency", "article"):
        return _agency(tables, r["reporting_agency"], lang)
    if r["reporter_basis"] == "outlet":
        return t("refs.unattributed", lang, verbatim={"outlet": str(r["outlet"])})
    speaker = r["attributed_to_fa"] if lang == "fa" else r["attributed_to"]
    return t("refs.remark", lang, who=str(speaker))


def _instead(tables: Tables, found: pd.DataFrame, lang: str) -> str:
    """What a year without a whole-year turnover has instead: 'January 2017 figures',
    'Iran's exports'."""
    items: list[str] = []
    for r in found.itertuples():
        start, end = r.period_start, r.period_end
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            side = layout.economy_name(tables, str(r.side), lang)
            flow = t(f"flow.{r.flow}", lang)
            items.append(t("refs.flow_of", lang, side=side, flow=flow.lower()))
        else:
            items.append(period_words(start.date(), end.date(), lang).split("\n")[0])
    return join_words(list(dict.fromkeys(items)), lang)


def _label(tables: Tables, row: ReferenceRow, lang: str) -> str:
    """The row's name: who gave the figure."""
    r = row.first if not row.rows.empty else None
    if row.kind == "none":
        return t("refs.none", lang)
    assert r is not None
    if row.kind == "parts":
        return t("refs.parts", lang, agency=_agency(tables, r["reporting_agency"], lang))
    if row.kind == "text":
        named = r["reporting_agency"]
        if not isinstance(named, str):
            return t("refs.text_no_agency", lang)
        return t("refs.text", lang, agency=_agency(tables, named, lang))
    return _who(tables, r, lang)


def _resolution_m(tables: Tables, row: ReferenceRow, r: pd.Series) -> float:
    if row.kind == "text":
        figures = tables["figures"].set_index("figure_id")
        return float(figures.loc[str(r["figure_id"]), "resolution"]) / 1e6
    return float(r["resolution"]) / 1e6


def _value(tables: Tables, row: ReferenceRow, lang: str) -> str:
    """The row's figure in words, as precise as its source and no more."""
    if row.kind == "none":
        return t("refs.instead", lang, items=_instead(tables, row.instead, lang))  # type: ignore[arg-type]
    if row.kind == "parts":
        e, i = (float(v) for v in row.rows["value_usd_m"])
        res = max(_resolution_m(tables, row, r) for _k, r in row.rows.iterrows())
        shown = [amount(v, res, "exact", lang) for v in (e, i, e + i)]
        return t("refs.parts_value", lang, exports=shown[0], imports=shown[1], total=shown[2])
    r = row.first
    value = float(r["value_usd_m"])
    return amount(value, _resolution_m(tables, row, r), str(r["qualifier"]), lang)


def _years(rows: list[ReferenceRow]) -> list[int]:
    return sorted({r.year for r in rows})


def _period(rows: list[ReferenceRow], lang: str) -> str:
    years = _years(rows)
    return t("period.years", lang, first=years[0], last=years[-1])


def _alt(tables: Tables, rows: list[ReferenceRow], lang: str) -> str:
    def item(row: ReferenceRow) -> str:
        year = style.to_local_digits(str(row.year), lang)
        return t(
            "refs.item",
            lang,
            verbatim={"year": year},
            who=_label(tables, row, lang),
            value=_value(tables, row, lang),
        )

    published = [item(r) for r in rows if r.kind in ("published", "parts")]
    texts = [item(r) for r in rows if r.kind == "text"]
    missing = " ".join(
        t("refs.missing", lang, year=r.year, instead=_instead(tables, r.instead, lang))  # type: ignore[arg-type]
        for r in rows
        if r.kind == "none"
    )
    sep = t("semicolon", lang)
    return t(
        "refs.alt",
        lang,
        period=_period(rows, lang),
        items=sep.join(published),
        texts=sep.join(texts),
        missing=missing,
    )


def _note(tables: Tables, rows: list[ReferenceRow], lang: str) -> str:
    """Fine print: each page (outlet, date) and who gave its figures; the texts; ids."""
    pages: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        if row.kind not in ("published", "parts"):
            continue
        r = row.first
        date = date_words(pd.Timestamp(r["published"]).date(), "day", lang)
        who = (
            _agency(tables, r["reporting_agency"], lang, short=False)
            if row.kind == "parts"
            else (_who(tables, r, lang).split(": ", 1)[-1].removeprefix("گفتهٔ "))
        )
        pages.setdefault((str(r["outlet"]), date), []).append(who)
    items = [
        t(
            "refs.note_item",
            lang,
            verbatim={"outlet": outlet},
            date=date,
            who=join_words(list(dict.fromkeys(whos)), lang),
        )
        for (outlet, date), whos in pages.items()
    ]
    text_ids = [str(r.first["figure_id"]) for r in rows if r.kind == "text"]
    texts = _texts_note(tables, text_ids, lang)
    ref_ids = [
        str(i) for r in rows if r.kind in ("published", "parts") for i in r.rows["reference_id"]
    ]
    ids = ", ".join([*ref_ids, compact_ids(text_ids)] if text_ids else ref_ids)
    return t(
        "refs.note",
        lang,
        verbatim={"items": t("semicolon", lang).join(items), "texts": texts, "ids": ids},
    )


def _texts_note(tables: Tables, ids: list[str], lang: str) -> str:
    from tradestats.charts.notes import outlet_words

    parts = []
    for source, named, _members in note_groups(tables, ids):
        agency = _agency(tables, named, lang, short=False) if named else None
        who = (
            t("note.no_agency_short", lang)
            if agency is None
            else t("refs.citing", lang, who=agency)
        )
        parts.append(
            f"{outlet_words(tables, source, lang)}, {who}"
            if lang == "en"
            else f"{outlet_words(tables, source, lang)}، {who}"
        )
    return t("semicolon", lang).join(parts)


def info(tables: Tables, lang: str = "en") -> ChartInfo:
    rows = reference_rows(tables)
    shown = [r.rows.assign(row_kind=r.kind) for r in rows if not r.rows.empty]
    table = pd.concat(shown, ignore_index=True)
    table["figure_id"] = table["reference_id"].fillna(table["figure_id"])
    columns = [
        "figure_id",
        "row_kind",
        "side",
        "reporter",
        "partner",
        "flow",
        "period_start",
        "period_end",
        "value_usd_m",
        "qualifier",
        "reporting_agency",
        "reporter_basis",
        "attributed_to",
        "outlet",
        "published",
        "address",
        "as_written",
        "source_id",
        "line",
    ]
    title = t("refs.title", lang, period=_period(rows, lang))
    subtitle = t("refs.subtitle", lang, unit=t("unit.usd_m", lang))
    date = max(pd.Timestamp(d).date() for d in table["published"].dropna())
    return ChartInfo(
        title,
        subtitle,
        _alt(tables, rows, lang),
        table.reindex(columns=columns),
        date,
        _note(tables, rows, lang),
    )


def _bar(ax: Axes, y: float, r: pd.Series, right: float) -> float:
    """A published turnover (hatched, with an arrow, for a bound); returns where its
    label may start."""
    value, qualifier = float(r["value_usd_m"]), str(r["qualifier"])
    bound = qualifier in _BOUNDS
    marks = style.MARKS["bound"]["patch"] if bound else {}
    ax.barh(y, value, 0.62, **{"facecolor": _COLOR, "edgecolor": _COLOR, **marks})
    if not bound:
        return value
    tip = value + (1 if qualifier == "more_than" else -1) * right * 0.05
    arrow = {"arrowstyle": "-|>", "color": _COLOR, "linewidth": 1.1, "mutation_scale": 8}
    ax.annotate("", xy=(tip, y), xytext=(value, y), arrowprops=arrow)
    return max(value, tip)


def _draw_row(ax: Axes, tables: Tables, y: float, row: ReferenceRow, lang: str) -> None:
    right = ax.get_xlim()[1]
    end = 0.0
    if row.kind == "published":
        end = _bar(ax, y, row.first, right)
    elif row.kind == "parts":
        e, i = (float(v) for v in row.rows["value_usd_m"])
        ax.barh(y, e, 0.62, color=style.COLORS["exports"])
        ax.barh(y, i, 0.62, left=e, color=style.COLORS["imports"])
        end = e + i
    elif row.kind == "text":
        value = float(row.first["value_usd_m"])
        ax.plot([0, value], [y, y], color=style.COLORS["text"], linewidth=1.2)
        ax.plot(value, y, marker="D", markersize=6, color=style.COLORS["text"])
        end = value + right * 0.015  # past the diamond
    color = style.COLORS["muted"] if row.kind == "none" else style.COLORS["text"]
    ax.text(
        end + right * 0.012,
        y,
        _value(tables, row, lang),
        va="center",
        linespacing=layout.LINE_SPACING[lang],
        ha="left" if lang == "en" else "right",
        fontsize=style.size("label", lang),
        color=color,
    )


def _handles(tables: Tables, rows: list[ReferenceRow], lang: str) -> list[Patch | Line2D]:
    handles: list[Patch | Line2D] = [Patch(color=_COLOR, label=t("refs.published", lang))]
    if any(r.kind == "published" and r.first["qualifier"] in _BOUNDS for r in rows):
        handles += layout.key_handles(["bound"], lang, _COLOR)
    if any(r.kind == "parts" for r in rows):
        rus, irn = (layout.economy_name(tables, c, lang) for c in ("RUS", "IRN"))
        handles += [
            Patch(
                color=style.COLORS["exports"],
                label=t("flow.goods", lang, exporter=rus, importer=irn),
            ),
            Patch(
                color=style.COLORS["imports"],
                label=t("flow.goods", lang, exporter=irn, importer=rus),
            ),
        ]
    handles.append(
        Line2D(
            [],
            [],
            marker="D",
            color=style.COLORS["text"],
            linewidth=1.2,
            label=t("refs.text_mark", lang),
        )
    )
    return handles


def _year_labels(ax: Axes, rows: list[ReferenceRow], ys: list[float], lang: str) -> None:
    """Each year once, beside its first row, and a faint rule between years."""
    renderer = layout.renderer(layout.figure_of(ax))
    widest = max(tick.get_window_extent(renderer).width for tick in ax.get_yticklabels())
    gap = widest * 72 / layout.figure_of(ax).dpi + 10  # points: past the longest label
    seen: set[int] = set()
    for row, y in zip(rows, ys, strict=True):
        if row.year in seen:
            continue
        if seen:
            ax.axhline(y + 0.5, color=style.COLORS["grid"], linewidth=0.7)
        seen.add(row.year)
        ax.annotate(
            style.to_local_digits(str(row.year), lang),
            xy=(0 if lang == "en" else 1, y),
            xycoords=("axes fraction", "data"),
            xytext=(-gap if lang == "en" else gap, 0),
            textcoords="offset points",
            ha="right" if lang == "en" else "left",
            va="center",
            fontsize=style.size("strong", lang),
            fontweight="bold",
            color=style.COLORS["text"],
            annotation_clip=False,
        )


@layout.styled
def plot_iran_russia_references(tables: Tables, *, lang: str = "en") -> Figure:
    """Iran–Russia turnover by year as other published sources reported it, and the
    texts' own figures."""
    rows = reference_rows(tables)
    chart = info(tables, lang)
    fig = layout.new_figure(5.5 + 0.75 * len(rows), lang)
    room = layout.frame(fig, lang, chart, chart.note or "")
    room = layout.key(fig, room, _handles(tables, rows, lang), lang, ncols=2)
    ax = layout.axes(fig, lang, room.box(0, 1, 0, 1))
    top = max(float(r.rows["value_usd_m"].sum()) for r in rows if not r.rows.empty)
    ax.set_xlim(0, top * 1.7)  # room for the labels after the bars
    ys = [float(-i) for i in range(len(rows))]
    for row, y in zip(rows, ys, strict=True):
        _draw_row(ax, tables, y, row, lang)
    labels = [
        layout.wrap(fig, _label(tables, r, lang), "label", lang, 0.4 if lang == "en" else 0.46)
        for r in rows
    ]
    ax.set_yticks(ys, labels)
    for tick in ax.get_yticklabels():
        tick.set_linespacing(layout.LINE_SPACING[lang])
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(ys[-1] - 0.6, 0.6)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    layout.value_axis(ax, lang, axis="x")
    _year_labels(ax, rows, ys, lang)
    if lang == "fa":
        ax.invert_xaxis()
    layout.fit(fig, [(ax, room.box(0, 1, 0, 1))], lang)
    return fig
