"""Figures from other published sources, and the texts' figures reconciled with them.

``data/raw/reference.csv`` records, for each figure another source publishes, the amount
as written, its reading, the period, the pair and flow, who reports it and the citation.
The build reads each amount with the package's number reader and refuses a row whose
reading differs from its ``value``; nothing here types a number.

The reconciliation compares each trade figure of the texts with every reference for the
same pair, flow and period: the **same reporter** (one statistic twice: an agreement
check) apart from the **mirror** (the partner's side of the same trade, where gaps are
expected). The texts' bounds and claims ("always under $2 billion", "more than $30
billion" as of a date) are tested against every reference they speak to.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas as pd

from tradestats.builder.periods import parse_period
from tradestats.builder.raw import RawData, records
from tradestats.contract.models import CLEAN_TABLES
from tradestats.contract.vocabularies import AGREEMENT, REMARK_BASES
from tradestats.errors import NumberPhraseError, PeriodError, Problem
from tradestats.text.numbers import parse_quantity

__all__ = ["reconciliation_table", "reference_flows_table"]


def _read_amount(row: dict[str, Any], line: int, label: str) -> tuple[Any, list[Problem]]:
    """The amount ``as_written`` states, checked against ``value``."""
    try:
        q = parse_quantity(str(row["as_written"]))
    except NumberPhraseError as exc:
        return None, [Problem(label, line, "as_written", f"cannot read the amount: {exc}")]
    if q.is_range or q.value != Decimal(str(row["value"])).normalize():
        said = f"{q.value:,}" + (f"–{q.upper:,}" if q.upper else "")
        return None, [
            Problem(
                label, line, "value", f"{row['as_written']!r} says {said}, not {row['value']:,}"
            )
        ]
    return q, []


def _reference_row(row: dict[str, Any], q: Any, period: Any) -> dict[str, Any]:
    flow, side, partner = row["flow"], row["side"], row["partner"]
    usd = row["unit"] == "USD"
    return {
        "reference_id": row["reference_id"],
        "side": side,
        "partner": partner,
        "flow": flow,
        "exporter": {"exports": side, "imports": partner}.get(flow),
        "importer": {"exports": partner, "imports": side}.get(flow),
        "reporter": row["reporter"],
        "period_start": pd.Timestamp(period.start),
        "period_end": pd.Timestamp(period.end),
        "period_label": period.label,
        "period_kind": period.kind,
        "value_usd_m": float(q.value) / 1e6 if usd else None,
        "value": float(q.value),
        "currency": row["unit"],
        "resolution": float(q.resolution),
        "qualifier": row["qualifier"],
        "reporting_agency": row["agency"],
        "reporter_basis": row["reporter_basis"],
        "attributed_to": row["attributed_to"],
        "attributed_to_fa": row["attributed_to_fa"],
        "outlet": row["outlet"],
        "outlet_fa": row["outlet_fa"],
        "headline": row["headline"],
        "published": row["published"],
        "address": row["address"],
        "as_written": row["as_written"],
        "note": row["note"],
    }


def reference_flows_table(raw: RawData) -> tuple[pd.DataFrame, list[Problem]]:
    """reference_flows.csv from data/raw/reference.csv: each amount read from its words
    and each period from its notation; problems name the line and column."""
    label = raw.label("reference")
    rows, problems = [], []
    for line, row in records(raw.tables["reference"]):
        q, issues = _read_amount(row, line, label)
        problems += issues
        try:
            published = pd.Timestamp(row["published"]).date()
            period = parse_period(str(row["period"]), published)
        except PeriodError as exc:
            problems.append(Problem(label, line, "period", str(exc)))
            continue
        if period.start is None:
            problems.append(Problem(label, line, "period", "a reference needs a dated period"))
        elif q is not None:
            rows.append(_reference_row(row, q, period))
    return pd.DataFrame(
        rows, columns=list(CLEAN_TABLES["reference_flows"].model.to_schema().columns)
    ), problems


def _interval(value: float, resolution: float, qualifier: str) -> tuple[float, float]:
    """The values a figure as written allows, in its unit: its rounding, or its bound;
    'almost' lies just under the figure, within the 'about' share."""
    if qualifier == "more_than":
        return value, float("inf")
    if qualifier == "less_than":
        return 0.0, value
    if qualifier == "about":
        return value * (1 - AGREEMENT["about"]), value * (1 + AGREEMENT["about"])
    if qualifier == "almost":
        return value * (1 - AGREEMENT["about"]), value
    return value - resolution / 2, value + resolution / 2


def _grade(text: tuple[float, float, str], ref: tuple[float, float, str]) -> str:
    """agrees, close or differs: (value, resolution, qualifier) of each, in one unit."""
    low_t, high_t = _interval(*text)
    low_r, high_r = _interval(*ref)
    if low_t <= high_r and low_r <= high_t:
        return "agrees"
    share = AGREEMENT["about" if {"about", "almost"} & {text[2], ref[2]} else "close"]
    return "close" if abs(text[0] - ref[0]) <= share * ref[0] else "differs"


def _bound_grade(qualifier: str, bound: float, ref: tuple[float, float, str]) -> str:
    """Whether a reference figure keeps a text's bound (qualifier more_than/less_than)."""
    low, high = _interval(*ref)
    if qualifier == "less_than":
        return "holds" if high < bound else "contradicted" if low >= bound else "undecided"
    return "holds" if low > bound else "contradicted" if high <= bound else "undecided"


def _same_period(f: Any, r: Any) -> bool:
    return bool(f.period_start == r.period_start and f.period_end == r.period_end)


def _same_trade(f: Any, r: Any) -> bool:
    """Whether a reference measures the figure's trade: the turnover of the same pair, or
    the goods going from the same exporter to the same importer."""
    if f.flow == "turnover" or r.flow == "turnover":
        return bool(f.flow == r.flow and {f.reporter, f.partner} == {r.side, r.partner})
    return bool((f.exporter, f.importer) == (r.exporter, r.importer))


def _comparison(f: Any, r: Any) -> str | None:
    """same_reporter, mirror, or None when the reference is not of the figure's trade or
    does not say whose statistic it is."""
    if not _same_trade(f, r) or not isinstance(r.reporter, str):
        return None
    return "same_reporter" if r.reporter == f.reporter else "mirror"


def _is_full_year(r: Any) -> bool:
    start, end = r.period_start, r.period_end
    return bool((start.month, start.day, end.month, end.day) == (1, 1, 12, 31))


def _bound_references(f: Any, refs: list[Any]) -> list[Any]:
    """The full calendar years of the figure's pair and flow (either side) ended by the
    text's date: all of them for an undated claim ("always"), the latest for an as-of one."""
    found = [
        r
        for r in refs
        if _same_trade(f, r) and _is_full_year(r) and r.period_end.date() <= f.as_of.date()
    ]
    if f.period_kind == "as_of" and found:
        latest = max(r.period_end for r in found)
        found = [r for r in found if r.period_end == latest]
    return found


_WORDS = {
    "same_reporter": "the same reporter's statistic",
    "mirror": "the partner's side (a mirror)",
    "same_statistic": (
        "a remark on the partner's side that equals the text's agency figure within both "
        "roundings, very likely that statistic quoted again (not independent corroboration)"
    ),
}


def _finding(f: Any, r: Any, comparison: str, grade: str, text_date: Any) -> str:
    who = r.reporting_agency if isinstance(r.reporting_agency, str) else r.attributed_to
    if r.reporter_basis == "official_data":
        who = f"official data given beside remarks by {r.attributed_to}"
    ref = f"{r.outlet} ({r.published:%Y-%m-%d}), {who}: {r.as_written} for {r.period_label}"
    later = ""
    if r.published > text_date:
        later = f" (published {r.published:%Y-%m-%d}, after the text of {text_date:%Y-%m-%d})"
    if comparison == "bound":
        stated = {"less_than": "under", "more_than": "more than"}[f.qualifier]
        when = "undated" if f.period_kind == "undated" else f"as of {f.as_of:%Y-%m-%d}"
        return f"The text's '{stated} {f.value_usd_m:,g} million' ({when}) {grade}: {ref}{later}"
    return f"{f.value_usd_m:,g} million in the text, {_WORDS[comparison]}: {ref}{later}: {grade}"


def _row(f: Any, r: Any, comparison: str, grade: str, text_date: Any) -> dict[str, Any]:
    bound = comparison == "bound"  # a bound against a value: a difference means little
    diff = None if bound else f.value_usd_m - r.value_usd_m
    return {
        "figure_id": f.figure_id,
        "reference_id": r.reference_id,
        "comparison": comparison,
        "reporter": f.reporter,
        "partner": f.partner,
        "flow": f.flow,
        "period_start": r.period_start,
        "period_end": r.period_end,
        "period_label": r.period_label,
        "text_value_usd_m": f.value_usd_m,
        "text_qualifier": f.qualifier,
        "reference_value_usd_m": r.value_usd_m,
        "reference_qualifier": r.qualifier,
        "reference_reporter": r.reporter,
        "reference_basis": r.reporter_basis,
        "difference_usd_m": None if diff is None else round(diff, 6),
        "difference_percent": None if diff is None else round(100 * diff / r.value_usd_m, 2),
        "grade": grade,
        "finding": _finding(f, r, comparison, grade, text_date),
    }


def _same_statistic(f: Any, r: Any, comparison: str, grade: str) -> bool:
    """A remark on the partner's side that equals the text's agency figure within both
    roundings: the agency's statistic quoted again, not the partner's own."""
    remark = r.reporter_basis in REMARK_BASES
    return (
        comparison == "mirror"
        and remark
        and isinstance(f.reporting_agency, str)
        and (grade == "agrees")
    )


def reconciliation_table(
    trade_flows: pd.DataFrame, figures: pd.DataFrame, references: pd.DataFrame, dates: Any
) -> pd.DataFrame:
    """reconciliation.csv: each dated trade figure against every reference of its pair,
    flow and period, and each undated or as-of bound against the references it speaks to.
    ``dates`` maps each source id to the date of its text."""
    resolution = dict(zip(figures["figure_id"], figures["resolution"] / 1e6, strict=True))
    refs = list(references[references["value_usd_m"].notna()].itertuples())
    rows = []
    for f in trade_flows[trade_flows["nature"] == "observed"].itertuples():
        text_date = dates[f.source_id]
        if f.period_kind in ("undated", "as_of"):
            if f.qualifier in ("less_than", "more_than"):
                for r in _bound_references(f, refs):
                    ref = (r.value_usd_m, r.resolution / 1e6, r.qualifier)
                    grade = _bound_grade(f.qualifier, f.value_usd_m, ref)
                    rows.append(_row(f, r, "bound", grade, text_date))
            continue
        for r in refs:
            comparison = _comparison(f, r)
            if comparison and _same_period(f, r):
                text = (f.value_usd_m, resolution[f.figure_id], f.qualifier)
                grade = _grade(text, (r.value_usd_m, r.resolution / 1e6, r.qualifier))
                if _same_statistic(f, r, comparison, grade):
                    comparison = "same_statistic"
                rows.append(_row(f, r, comparison, grade, text_date))
    columns = list(CLEAN_TABLES["reconciliation"].model.to_schema().columns)
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["figure_id", "reference_id"], ignore_index=True)
