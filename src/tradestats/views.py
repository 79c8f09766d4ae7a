"""Which rows each chart and workbook sheet shows: the selections shared by
:mod:`tradestats.charts` and :mod:`tradestats.workbook`, so a chart and the sheet beside
it cannot disagree. Language-free: words are the presentation's job."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tradestats.loading import load

__all__ = [
    "PartnerTurnover",
    "ReferenceRow",
    "Tables",
    "chart_tables",
    "check_for",
    "contradicting",
    "growth_pair",
    "iran_russia_blocks",
    "iran_russia_flows",
    "is_full_year",
    "is_whole_year",
    "partner_turnover",
    "reference_rows",
    "russia_balance_groups",
]

Tables = dict[str, pd.DataFrame]
_TABLES = (
    "trade_flows",
    "figures",
    "sources",
    "checks",
    "economies",
    "agencies",
    "reference_flows",
    "reconciliation",
)


def chart_tables(data_dir: Path | str | None = None, *, validate: bool = True) -> Tables:
    """The clean tables the charts read (validated unless ``validate=False``)."""
    return {name: load(name, data_dir=data_dir, validate=validate) for name in _TABLES}


def is_full_year(start: pd.Timestamp, end: pd.Timestamp) -> bool:
    """1 January to 31 December of one year."""
    return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
        start.year == end.year
    )


def is_whole_year(start: pd.Timestamp, end: pd.Timestamp) -> bool:
    """A Gregorian year, or an Iranian year (1 Farvardin to the last day of Esfand)."""
    import jdatetime

    if is_full_year(start, end):
        return True
    j1 = jdatetime.date.fromgregorian(date=start.date())
    j2 = jdatetime.date.fromgregorian(date=(end + pd.Timedelta(days=1)).date())
    return (j1.month, j1.day, j2.month, j2.day) == (1, 1, 1, 1) and j2.year == j1.year + 1


def check_for(tables: Tables, kind: str, target_id: str) -> pd.Series | None:
    """The check of ``kind`` on figure ``target_id``, if checks.csv has one."""
    checks = tables["checks"]
    hit = checks[(checks["kind"] == kind) & (checks["target_id"] == target_id)]
    return None if hit.empty else hit.iloc[0]


def iran_russia_flows(tables: Tables) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Iran–Russia rows the charts show: the flows over a period, exact, about or a
    bound, with a ``series`` column (the exporter's code, or 'turnover'); and the upper
    bound a text claims for no period ("has always been under")."""
    flows = tables["trade_flows"]
    pair = flows[
        flows["reporter"].isin(["RUS", "IRN"])
        & flows["partner"].isin(["RUS", "IRN"])
        & (flows["nature"] == "observed")
    ].copy()
    dated = pair["period_start"].notna() & (pair["period_start"] != pair["period_end"])
    claims = pair[~dated & (pair["qualifier"] == "less_than") & (pair["flow"] == "turnover")]
    claims = claims.sort_values("figure_id").head(1)  # the first text that states it
    shown = pair["qualifier"].isin(["exact", "about", "more_than", "less_than"])
    pair = pair[shown & dated]
    pair["series"] = pair["exporter"].astype(str).where(pair["flow"] != "turnover", "turnover")
    # one bar per period, reporter and series: where several texts give it, an exact
    # figure before a qualified one, then the first text
    pair = pair.assign(_inexact=pair["qualifier"] != "exact")
    pair = pair.sort_values(["_inexact", "figure_id"]).drop_duplicates(
        ["period_start", "period_end", "reporter", "series"]
    )
    return pair.drop(columns="_inexact").sort_values(["period_start", "series"]), claims


def contradicting(tables: Tables, claim: pd.Series) -> list[pd.DataFrame]:
    """The published figures that contradict a text's 'under' claim, one group a year,
    oldest first: an agency's exports and imports of the year, whose sum breaks the
    bound, before any official's remark; else the remark the reconciliation grades
    'contradicted' (an exact figure before a bound)."""
    rec = tables["reconciliation"]
    hits = rec[(rec["figure_id"] == claim["figure_id"]) & (rec["grade"] == "contradicted")]
    refs = tables["reference_flows"].set_index("reference_id")
    remarks = refs.loc[hits["reference_id"].astype(str)].reset_index()
    remarks = remarks.assign(_bound=remarks["qualifier"] != "exact")
    remarks = remarks.sort_values(["period_start", "_bound"]).drop(columns="_bound")
    pair = _of_pair(
        tables["reference_flows"], {str(claim["reporter"]), str(claim["partner"])}, "side"
    )
    parts = [
        p for p in _agency_parts(pair) if float(p["value_usd_m"].sum()) >= claim["value_usd_m"]
    ]
    by_year = {int(p["period_start"].iloc[0].year): p for p in parts}
    for _i, r in remarks.iterrows():
        by_year.setdefault(int(r["period_start"].year), remarks.loc[[_i]])
    return [by_year[year] for year in sorted(by_year)]


def iran_russia_blocks(
    pair: pd.DataFrame,
) -> list[tuple[str, str, list[tuple[pd.Timestamp, pd.Timestamp]]]]:
    """(agency or '', reporter, periods) per block. A block of full years runs over every
    year of the whole span, so the years nobody gives show as "not stated": the years in
    which the periods' midpoints fall (an Iranian year, March to March, counts for the
    year that holds most of it)."""
    middles = pair["period_start"] + (pair["period_end"] - pair["period_start"]) / 2
    first, last = middles.min().year, middles.max().year
    out = []
    keys = pair.assign(agency=pair["reporting_agency"].fillna(""))
    for (agency, reporter), rows in keys.groupby(["agency", "reporter"], observed=True, sort=False):
        periods = sorted(
            {(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)}
        )
        if all(is_full_year(s, e) for s, e in periods):
            periods = [
                (pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31)) for y in range(first, last + 1)
            ]
        out.append((str(agency), str(reporter), periods))
    full = [b for b in out if all(is_full_year(s, e) for s, e in b[2])]
    return full + [b for b in out if b not in full]


def growth_pair(tables: Tables) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """The first growth check, the flows it compares (before, after) and the stated rate."""
    checks = tables["checks"]
    growth = checks[checks["kind"] == "growth"].iloc[0]
    from_id, to_id = str(growth["operand_ids"]).split(";")
    flows = tables["trade_flows"].set_index("figure_id")
    stated = tables["figures"].set_index("figure_id").loc[str(growth["target_id"])]
    return growth, flows.loc[from_id], flows.loc[to_id], stated


def growth_series(tables: Tables) -> pd.DataFrame:
    """Every full year of the flow the growth check compares, as the same reporter and
    agency give it (one row a year, the first text that gives it), in year order."""
    _growth, before, _after, _stated = growth_pair(tables)
    flows = tables["trade_flows"]
    same = flows[
        (flows["reporter"] == before["reporter"])
        & (flows["partner"] == before["partner"])
        & (flows["flow"] == before["flow"])
        & (flows["reporting_agency"].fillna("") == _text(before["reporting_agency"]))
        & (flows["qualifier"] == "exact")
        & (flows["nature"] == "observed")
    ]
    years = same[
        [is_full_year(s, e) for s, e in zip(same["period_start"], same["period_end"], strict=True)]
    ]
    years = years.sort_values("figure_id").drop_duplicates("period_start")
    return years.sort_values("period_start")


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class PartnerTurnover:
    """Russia's turnover with one partner, as the partners chart shows it."""

    code: str
    value_bn: float
    qualifier: str
    figure_id: str
    period_start: pd.Timestamp
    period_end: pd.Timestamp
    as_of: pd.Timestamp
    as_of_precision: str
    as_of_inferred: bool  # the text's date is worked out from its content, not printed
    target_bn: float | None
    target_id: str | None


def _russia_turnover(tables: Tables) -> pd.DataFrame:
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
    return russia


def _turnover_bar(rows: pd.DataFrame, best: pd.Series, sources: pd.DataFrame) -> PartnerTurnover:
    targets = rows[rows["nature"] == "target"]
    return PartnerTurnover(
        code=str(best["other"]),
        value_bn=float(best["value_usd_m"]) / 1000,
        qualifier=str(best["qualifier"]),
        figure_id=str(best["figure_id"]),
        period_start=best["period_start"],
        period_end=best["period_end"],
        as_of=best["as_of"],
        as_of_precision=str(sources.loc[str(best["source_id"]), "date_precision"]),
        as_of_inferred=bool(sources.loc[str(best["source_id"]), "date_basis"] == "inferred"),
        target_bn=None if targets.empty else float(targets["value_usd_m"].iloc[0]) / 1000,
        target_id=None if targets.empty else str(targets["figure_id"].iloc[0]),
    )


def _comparable_group(russia: pd.DataFrame) -> pd.DataFrame:
    """The exact full-year figures of one period, reporter and agency that cover the most
    partners (the latest such period on a tie): the like-with-like comparison."""
    exact = russia[(russia["qualifier"] == "exact") & (russia["nature"] == "observed")]
    exact = exact[
        [
            is_full_year(s, e)
            for s, e in zip(exact["period_start"], exact["period_end"], strict=True)
        ]
    ]
    if exact.empty:
        return exact
    keys = ["period_start", "reporter", exact["reporting_agency"].fillna("")]
    sizes = exact.groupby(keys, observed=True)["other"].nunique()
    start, reporter, agency = max(sizes.index, key=lambda k: (sizes[k], k[0]))
    chosen = exact[
        (exact["period_start"] == start)
        & (exact["reporter"] == reporter)
        & (exact["reporting_agency"].fillna("") == agency)
    ]
    return chosen.sort_values("figure_id").drop_duplicates("other")


def partner_turnover(tables: Tables) -> tuple[list[PartnerTurnover], list[PartnerTurnover]]:
    """Russia's turnover with its partners: the comparable group (one period, reporter
    and agency; see :func:`_comparable_group`), largest first; and, for each other
    partner, its latest figure (exact full year if any, else a bound) with its target,
    on its own date."""
    precision = tables["sources"].set_index("source_id")
    russia = _russia_turnover(tables)
    group = _comparable_group(russia)
    main = [
        _turnover_bar(russia[russia["other"] == r["other"]].iloc[0:0], r, precision)
        for _, r in group.iterrows()
    ]
    others = []
    for _code, rows in russia[~russia["other"].isin(group["other"])].groupby("other", sort=False):
        observed = rows[rows["nature"] == "observed"].copy()
        if observed.empty:
            continue
        observed["full_year_exact"] = [
            is_full_year(s, e) and q == "exact"
            for s, e, q in zip(
                observed["period_start"], observed["period_end"], observed["qualifier"], strict=True
            )
        ]
        best = observed.sort_values(["full_year_exact", "period_end"]).iloc[-1]
        others.append(_turnover_bar(rows, best, precision))
    by_size = lambda b: b.value_bn  # noqa: E731
    return sorted(main, key=by_size, reverse=True), sorted(others, key=by_size, reverse=True)


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


@dataclass(frozen=True)
class ReferenceRow:
    """One row of the references chart, for one year of a pair's trade.

    ``kind`` is ``published`` (a whole-year turnover another source published),
    ``parts`` (an agency's exports and imports for the year, whose sum tradestats
    derives), ``text`` (the texts' own whole-year turnover) or ``none`` (no other
    published whole-year turnover; ``instead`` holds what was found for the year)."""

    year: int
    kind: str
    rows: pd.DataFrame  # the reference_flows or trade_flows rows it shows
    instead: pd.DataFrame | None = None

    @property
    def first(self) -> pd.Series:
        return self.rows.iloc[0]


def _full_years(df: pd.DataFrame) -> pd.Series:
    return pd.Series(
        [
            pd.notna(s) and is_full_year(s, e)
            for s, e in zip(df["period_start"], df["period_end"], strict=True)
        ],
        index=df.index,
        dtype=bool,
    )


def _of_pair(df: pd.DataFrame, pair: set[str], first: str) -> pd.DataFrame:
    same = [{a, b} == pair for a, b in zip(df[first], df["partner"], strict=True)]
    return df[pd.Series(same, index=df.index, dtype=bool)]


def _agency_parts(refs: pd.DataFrame) -> list[pd.DataFrame]:
    """An agency's exports and imports of one year from one page, where that agency
    gives no turnover for the year: two rows each, exports first."""
    named = refs[refs["reporter_basis"].isin(["agency", "article"]) & _full_years(refs)]
    out = []
    for _key, rows in named.groupby(["reporter", "reporting_agency", "address"], observed=True):
        flows = rows.set_index("flow")
        if {"exports", "imports"} <= set(flows.index) and "turnover" not in flows.index:
            out.append(rows.set_index("flow").loc[["exports", "imports"]].reset_index())
    return out


def reference_rows(tables: Tables, pair: tuple[str, str] = ("IRN", "RUS")) -> list[ReferenceRow]:
    """Iran–Russia trade (or ``pair``'s) in whole calendar years, year by year, from the
    first to the last year another published source gives a whole-year turnover for:
    those turnovers, an agency's exports and imports beside them, the texts' own
    turnover, and, for a year with none of them, what was found instead."""
    refs = _of_pair(tables["reference_flows"], set(pair), "side")
    refs = refs[refs["value_usd_m"].notna()]
    refs = refs.assign(year=[int(s.year) for s in refs["period_start"]])
    turnover = refs[(refs["flow"] == "turnover") & _full_years(refs)]
    if turnover.empty:
        return []
    texts = _of_pair(tables["trade_flows"], set(pair), "reporter")
    texts = texts[
        (texts["flow"] == "turnover") & (texts["nature"] == "observed") & _full_years(texts)
    ]
    texts = texts.assign(year=[int(s.year) for s in texts["period_start"]])
    out: list[ReferenceRow] = []
    for year in range(int(turnover["year"].min()), int(turnover["year"].max()) + 1):
        here = turnover[turnover["year"] == year].sort_values(["reporter", "reference_id"])
        out += [ReferenceRow(year, "published", here.loc[[i]]) for i in here.index]
        parts = _agency_parts(refs[refs["year"] == year])
        out += [ReferenceRow(year, "parts", p) for p in parts]
        if here.empty and not parts:
            found = refs[(refs["year"] == year) | (refs["period_end"].dt.year == year)]
            out.append(ReferenceRow(year, "none", found.iloc[0:0], found))
        mine = texts[texts["year"] == year].sort_values("figure_id").drop_duplicates("value_usd_m")
        out += [ReferenceRow(year, "text", mine.loc[[i]]) for i in mine.index]
    return out
