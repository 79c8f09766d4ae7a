"""Iran–Russia trade year by year as other published sources reported it: one row per
published whole-year turnover, named by who gave it (an agency; official data and who
cited it; an official's remark as a remark); an agency's exports and imports beside them
where it gives both (their sum said to be derived); the text's own figures on rows of
their own; and, for a year with none, what was found instead. In billions, as the
sources wrote them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

import tradestats.charts.style as style
from tradestats.charts import layout
from tradestats.charts.layout import ChartInfo
from tradestats.charts.notes import compact_ids, note_groups, outlet_name, outlets_of
from tradestats.charts.words import amount, date_words, join_words, period_words, t
from tradestats.contract.vocabularies import REMARK_BASES
from tradestats.views import ReferenceRow, Tables, reference_rows

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["info", "plot_iran_russia_references"]

_COLOR = style.COLORS["turnover"]
_BOUNDS = ("more_than", "less_than")
_REMARKS = ("speaker", "speaker_other_side")


def _agency(tables: Tables, name: object, lang: str, short: bool = True) -> str:
    """An agency's name in the language (its short name for a label)."""
    agencies = tables["agencies"].set_index("name_en")
    if not isinstance(name, str) or name not in agencies.index:
        return str(name)
    if not short and lang == "en":
        return name
    column = ("short_" if short else "name_") + ("fa" if lang == "fa" else "en")
    return str(agencies.loc[name, column])


def _speaker(r: pd.Series, lang: str) -> str:
    return str(r["attributed_to_fa" if lang == "fa" else "attributed_to"])


def _who(tables: Tables, r: pd.Series, lang: str) -> str:
    """Who gave a published figure: the agency; official data and who cited it; an
    official's remark, as a remark; or the outlet's own words."""
    basis = r["reporter_basis"]
    if basis in ("agency", "article"):
        return _agency(tables, r["reporting_agency"], lang)
    if basis == "official_data":
        return t("refs.official", lang, who=_speaker(r, lang))
    if basis == "outlet":
        return t("refs.unattributed", lang, verbatim={"outlet": _outlet(r, lang)})
    return t("refs.remark", lang, who=_speaker(r, lang))


def _outlet(r: pd.Series, lang: str) -> str:
    return str(r["outlet_fa" if lang == "fa" else "outlet"])


def _the_text(rows: list[ReferenceRow], lang: str) -> str:
    """'The text', or 'The texts' where the text rows come from more than one."""
    sources = {str(r.first["source_id"]) for r in rows if r.kind == "text"}
    return t("refs.the_texts" if len(sources) > 1 else "refs.the_text", lang)


def _instead(tables: Tables, found: pd.DataFrame, lang: str) -> str:
    """What a year without a whole-year turnover has instead: 'figures for Jan 2017',
    'Iran's exports'."""
    items: list[str] = []
    for r in found.itertuples():
        start, end = r.period_start, r.period_end
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            side = layout.economy_name(tables, str(r.side), lang)
            flow = t(f"flow.{r.flow}", lang)
            items.append(t("refs.flow_of", lang, side=side, flow=flow.lower()))
        else:
            period = period_words(start.date(), end.date(), lang).split("\n")[0]
            items.append(t("refs.figures_for", lang, period=period))
    return join_words(list(dict.fromkeys(items)), lang)


def _label(tables: Tables, row: ReferenceRow, rows: list[ReferenceRow], lang: str) -> str:
    """The row's name: who gave the figure."""
    if row.kind == "none":
        return t("refs.none", lang)
    r = row.first
    if row.kind == "parts":
        return t("refs.parts", lang, agency=_agency(tables, r["reporting_agency"], lang))
    if row.kind == "text":
        outlet = outlet_name(tables, str(r["source_id"]), lang)
        named = r["reporting_agency"]
        values = {"the_text": _the_text(rows, lang)}
        if not isinstance(named, str):
            return t("refs.text_no_agency", lang, verbatim={"outlet": outlet}, **values)
        agency = _agency(tables, named, lang)
        return t("refs.text", lang, agency=agency, verbatim={"outlet": outlet}, **values)
    return _who(tables, r, lang)


def _resolution_bn(tables: Tables, row: ReferenceRow, r: pd.Series) -> float:
    if row.kind == "text":
        figures = tables["figures"].set_index("figure_id")
        return float(figures.loc[str(r["figure_id"]), "resolution"]) / 1e9
    return float(r["resolution"]) / 1e9


def _value(tables: Tables, row: ReferenceRow, lang: str) -> str:
    """The row's figure in billions, as precise as its source and no more."""
    if row.kind == "none":
        assert row.instead is not None
        return t("refs.instead", lang, items=_instead(tables, row.instead, lang))
    if row.kind == "parts":
        e, i = (float(v) / 1000 for v in row.rows["value_usd_m"])
        res = max(_resolution_bn(tables, row, r) for _k, r in row.rows.iterrows())
        shown = [amount(v, res, "exact", lang) for v in (e, i, e + i)]
        words = t("refs.parts_value", lang, exports=shown[0], imports=shown[1], total=shown[2])
        return "\n".join("\u200f" + line for line in words.split("\n")) if lang == "fa" else words
    r = row.first
    value = float(r["value_usd_m"]) / 1000
    return amount(value, _resolution_bn(tables, row, r), str(r["qualifier"]), lang)


def _years(rows: list[ReferenceRow]) -> list[int]:
    return sorted({r.year for r in rows})


def _period(rows: list[ReferenceRow], lang: str) -> str:
    years = _years(rows)
    return t("period.years", lang, first=years[0], last=years[-1])


def _year_words(tables: Tables, rows: list[ReferenceRow], year: int, lang: str) -> str | None:
    """The published figures of a year in words for a title: '$2.18 billion' or
    'about $4.6–4.9 billion' (where one of them is 'about'); None if the year has only
    bounds."""
    here = [r for r in rows if r.year == year and r.kind == "published"]
    here = [r for r in here if r.first["qualifier"] not in _BOUNDS]
    if not here:
        return None
    values = sorted(
        (float(r.first["value_usd_m"]) / 1000, _resolution_bn(tables, r, r.first)) for r in here
    )
    (low, low_res), (high, high_res) = values[0], values[-1]
    words = amount(low, low_res, "exact", lang)
    if high != low:
        words = t("refs.range", lang, low=words, high=amount(high, high_res, "exact", lang))
    words = t("usd_bn", lang, v=words)
    about = any(r.first["qualifier"] == "about" for r in here)  # "some $4.9 billion"
    return t("q.about", lang, v=words) if about else words


def _title(tables: Tables, rows: list[ReferenceRow], lang: str) -> str:
    """The finding the rows bear out: what the published figures were in the first and
    the last year; a plain title where either year has only bounds."""
    years = _years(rows)
    first, last = (_year_words(tables, rows, y, lang) for y in (years[0], years[-1]))
    if first is None or last is None or len(years) < 2:
        return t("refs.title", lang, period=_period(rows, lang))
    cited = [r for r in rows if r.year in (years[0], years[-1]) and r.kind == "published"]
    remarks = all(str(r.first["reporter_basis"]) in REMARK_BASES for r in cited)
    key = "refs.title_remarks" if remarks else "refs.title_finding"
    return t(key, lang, first=first, last=last, first_year=years[0], last_year=years[-1])


def _alt(tables: Tables, rows: list[ReferenceRow], lang: str) -> str:
    def item(row: ReferenceRow) -> str:
        year = style.to_local_digits(str(row.year), lang)
        value = _value(tables, row, lang).replace("\u200f", "").replace("\n", " ")
        return t(
            "refs.item",
            lang,
            verbatim={"year": year},
            who=_label(tables, row, rows, lang),
            value=value,
        )

    published = [item(r) for r in rows if r.kind in ("published", "parts")]
    texts = [item(r) for r in rows if r.kind == "text"]
    missing = " ".join(
        t("refs.missing", lang, year=r.year, instead=_instead(tables, r.instead, lang))
        for r in rows
        if r.kind == "none" and r.instead is not None
    )
    sep = t("semicolon", lang)
    the_text = _the_text(rows, lang)
    return t(
        "refs.alt",
        lang,
        period=_period(rows, lang),
        items=sep.join(published),
        texts=sep.join(texts),
        missing=missing,
        the_text=the_text,
        the_text_lower=the_text,
    )


def _note(tables: Tables, rows: list[ReferenceRow], lang: str) -> str:
    """Fine print: each page (outlet, date) and who gave its figures; the text; ids."""
    pages: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        if row.kind not in ("published", "parts"):
            continue
        r = row.first
        date = date_words(pd.Timestamp(r["published"]).date(), "day", lang)
        if row.kind == "parts":
            who = _agency(tables, r["reporting_agency"], lang, short=False)
        elif r["reporter_basis"] in (*_REMARKS, "official_data"):
            who = _speaker(r, lang)
        else:
            who = _who(tables, r, lang)
        pages.setdefault((_outlet(r, lang), date), []).append(who)
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
    ref_ids = [
        str(i) for r in rows if r.kind in ("published", "parts") for i in r.rows["reference_id"]
    ]
    groups = [compact_ids(ref_ids, "R"), *([compact_ids(text_ids)] if text_ids else [])]
    ids = ", ".join(groups).replace(", ", t("comma", lang))
    return t(
        "refs.note",
        lang,
        the_text=_the_text(rows, lang),
        verbatim={
            "items": t("semicolon", lang).join(items),
            "texts": _texts_note(tables, text_ids, lang),
            "ids": ids,
        },
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
        parts.append(f"{outlet_words(tables, source, lang)}{t('comma', lang)}{who}")
    return t("semicolon", lang).join(parts)


def _derived(rows: list[ReferenceRow]) -> tuple[tuple[str, float, str, str], ...]:
    """Each sum the chart works out of an agency's exports and imports."""
    return tuple(
        (
            f"{r.year} exports plus imports",
            round(float(r.rows["value_usd_m"].sum()), 6),
            "million US dollars",
            ";".join(r.rows["reference_id"].astype(str)),
        )
        for r in rows
        if r.kind == "parts"
    )


def _nothing(tables: Tables, lang: str) -> ChartInfo:
    """The chart of a corpus that records no other published figure: it says so."""
    latest = max(pd.Timestamp(d).date() for d in tables["sources"]["date"].dropna())
    return ChartInfo(
        t("refs.none_title", lang),
        t("refs.none_subtitle", lang),
        t("refs.none_title", lang),
        pd.DataFrame(columns=["figure_id", "source_id", "value_usd_m"]),
        latest,
        t("refs.none_note", lang),
    )


def info(tables: Tables, lang: str = "en") -> ChartInfo:
    rows = reference_rows(tables)
    shown = [r.rows.assign(row_kind=r.kind) for r in rows if not r.rows.empty]
    if not shown:
        return _nothing(tables, lang)
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
    texts = [r.first["source_id"] for r in rows if r.kind == "text"]
    subtitle = t(
        "refs.subtitle", lang, unit=t("unit.usd_bn", lang), outlet=outlets_of(tables, texts, lang)
    )
    date = max(pd.Timestamp(d).date() for d in table["published"].dropna())
    return ChartInfo(
        _title(tables, rows, lang),
        subtitle,
        _alt(tables, rows, lang),
        table.reindex(columns=columns),
        date,
        _note(tables, rows, lang),
        derived=_derived(rows),
    )


def _bar(ax: Axes, y: float, r: pd.Series, right: float) -> float:
    """A turnover (hatched, with an arrow, for a bound); returns where its label may
    start."""
    value, qualifier = float(r["value_usd_m"]) / 1000, str(r["qualifier"])
    bound = qualifier in _BOUNDS
    ax.barh(y, value, 0.62, **style.mark_props(["bound"] if bound else [], _COLOR))
    if not bound:
        return value
    tip = value + (1 if qualifier == "more_than" else -1) * right * 0.05
    arrow = {"arrowstyle": "-|>", "color": _COLOR, "linewidth": 1.1, "mutation_scale": 8}
    ax.annotate("", xy=(tip, y), xytext=(value, y), arrowprops=arrow)
    return max(value, tip)


def _draw_row(ax: Axes, tables: Tables, y: float, row: ReferenceRow, lang: str) -> None:
    right = ax.get_xlim()[1]
    end = 0.0
    if row.kind in ("published", "text"):
        end = _bar(ax, y, row.first, right)
    elif row.kind == "parts":
        e, i = (float(v) / 1000 for v in row.rows["value_usd_m"])
        ax.barh(y, e, 0.62, color=style.COLORS["exports"])
        ax.barh(y, i, 0.62, left=e, color=style.COLORS["imports"])
        end = e + i
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
        bbox=layout.CLEAR,
    )


def _handles(tables: Tables, rows: list[ReferenceRow], lang: str) -> list[Any]:
    from matplotlib.patches import Patch

    handles = [Patch(color=_COLOR, label=t("refs.published", lang))]
    drawn = [r.first["qualifier"] for r in rows if r.kind in ("published", "text")]
    handles += layout.key_handles(layout.bound_marks(drawn), lang, _COLOR)
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
    return handles


def _year_labels(ax: Axes, rows: list[ReferenceRow], ys: list[float], lang: str) -> None:
    """Each year once, beside its first row, and a faint rule between years."""
    fig = layout.figure_of(ax)
    renderer = layout.renderer(fig)
    widest = max(tick.get_window_extent(renderer).width for tick in ax.get_yticklabels())
    gap = widest * 72 / fig.dpi + 12  # points: past the longest label
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
            bbox=layout.CLEAR,
        )


@layout.styled
def plot_iran_russia_references(tables: Tables, *, lang: str = "en") -> Figure:
    """Iran–Russia turnover by year as other published sources reported it, beside the
    text's own figures."""
    rows = reference_rows(tables)
    chart = info(tables, lang)
    fig = layout.new_figure(5.5 + 0.75 * len(rows), lang)
    room = layout.frame(fig, lang, chart, chart.note or "")
    if not any(not r.rows.empty for r in rows):  # nothing to compare: the title says so
        return fig
    room = layout.key(fig, room, _handles(tables, rows, lang), lang, ncols=2)
    ax = layout.axes(fig, lang, room.box(0, 1, 0, 1))
    top = max(float(r.rows["value_usd_m"].sum()) / 1000 for r in rows if not r.rows.empty)
    ax.set_xlim(0, top * 1.45)  # room for the labels after the bars
    ys = [float(-i) for i in range(len(rows))]
    for row, y in zip(rows, ys, strict=True):
        _draw_row(ax, tables, y, row, lang)
    width = 0.4 if lang == "en" else 0.46
    labels = [layout.wrap(fig, _label(tables, r, rows, lang), "label", lang, width) for r in rows]
    ax.set_yticks(ys, labels)
    for tick, row in zip(ax.get_yticklabels(), rows, strict=True):
        tick.set_linespacing(layout.LINE_SPACING[lang])
        if row.kind == "text":
            tick.set_fontweight("bold")
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
