"""Raw → clean: derive the clean tables from the validated raw layer.

Numbers are never typed: each figure's value is parsed from its quote, and the row's
interpretation (unit, qualifier, range) must agree with what the quote says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import jdatetime
import pandas as pd

from tradestats.builder.periods import Period, jalali_to_gregorian, parse_period, weekday_name
from tradestats.builder.raw import RawData, records
from tradestats.contract.models import CLEAN_TABLES
from tradestats.contract.vocabularies import PLAUSIBLE_MAX, unit_kind
from tradestats.errors import NumberPhraseError, PeriodError, Problem
from tradestats.text.lexicon import (
    QUALIFIER_WORDS,
    UNIT_FAMILIES,
    qualifier_before,
    qualifier_in,
    unit_families_in,
)
from tradestats.text.numbers import find_number_phrases, normalize_text, parse_quantity

__all__ = [
    "ParsedFigure",
    "calendar_checks_table",
    "figures_table",
    "parse_figures",
    "sources_table",
    "trade_flows_table",
]

# Categories whose percent values are shares of a whole.
_SHARE_CATEGORIES = {"trade_share", "ownership", "energy_reserves"}


@dataclass(frozen=True)
class ParsedFigure:
    """A raw figure row with its value read from the quote and its period resolved."""

    figure_id: str
    file_line: int
    value: Decimal
    value_upper: Decimal | None
    resolution: Decimal
    value_as_stated: str
    period: Period


def _source_dates(raw: RawData) -> dict[str, tuple[dt.date, str]]:
    sources = raw.tables["sources"]
    return {
        str(r.source_id): (pd.Timestamp(str(r.date)).date(), str(r.date_precision))
        for r in sources.itertuples()
    }


def _meaning_problems(
    row: pd.Series, quote: str, start: int, is_range: bool, ordinal: bool, has_scale: bool
) -> list[tuple[str, str]]:
    """Does the row's interpretation agree with its quote? Returns (column, message)."""
    issues: list[tuple[str, str]] = []
    unit = str(row["unit"])
    qualifier = str(row["qualifier"])
    stated = qualifier_before(quote, start)
    if is_range != (qualifier == "range"):
        what = "a range" if is_range else "one number"
        issues.append(("qualifier", f"the quote states {what}, but the qualifier is {qualifier!r}"))
    elif stated and stated != qualifier and not is_range:
        issues.append(
            (
                "qualifier",
                f"the quote says {stated!r} before the number, but the qualifier is {qualifier!r}",
            )
        )
    elif not stated and not is_range:
        issues += _unstated_qualifier(qualifier, row["qualifier_quote"])
    for family in sorted(unit_families_in(quote)):
        units = UNIT_FAMILIES[family][1]
        if unit not in units:
            issues.append(
                (
                    "unit",
                    f"the quote has a {family} word, but the unit is "
                    f"{unit!r} (expected one of {sorted(units)})",
                )
            )
    if ordinal != (unit == "rank"):
        issues.append(
            (
                "unit",
                "an ordinal («یازدهمین», 'eleventh') must have unit 'rank', "
                "and a rank must be an ordinal",
            )
        )
    if row["category"] == "trade" and not has_scale:
        issues.append(
            (
                "quote",
                "a trade value needs its scale word (میلیون, میلیارد, "
                "million, billion) inside the quote",
            )
        )
    return issues


def _unstated_qualifier(qualifier: str, words: Any) -> list[tuple[str, str]]:
    """A qualifier the quote does not state must be stated by qualifier_quote: words on
    the line, of that qualifier where the lexicon knows its words ('more than', «حدود»)."""
    if qualifier == "exact":
        return []
    if not isinstance(words, str):
        return [
            (
                "qualifier",
                f"the quote has no word for {qualifier!r}; if the text says it elsewhere on "
                "the line, quote those words in qualifier_quote",
            )
        ]
    if qualifier in QUALIFIER_WORDS and qualifier_in(words) != qualifier:
        known = ", ".join(repr(w) for w in QUALIFIER_WORDS[qualifier][:4])
        return [("qualifier_quote", f"{words!r} is not a word for {qualifier!r} ({known}, …)")]
    return []


def _implausible(row: dict[str, Any], value: Decimal) -> str | None:
    """Why a value cannot be right (see contract.vocabularies.PLAUSIBLE_MAX), or None."""
    if row["unit"] == "percent" and row["category"] in _SHARE_CATEGORIES:
        return None if 0 <= value <= 100 else f"a share of {value} percent is impossible"
    if row["unit"] == "percent" and abs(value) > PLAUSIBLE_MAX["percent"]:
        return f"{value:,} percent is more than {PLAUSIBLE_MAX['percent']:,}: check the quote"
    if (
        row["category"] == "trade"
        and row["unit"] == "USD"
        and abs(value) > Decimal(PLAUSIBLE_MAX["trade_usd"])
    ):
        return (
            f"{row['figure_id']}: {value:,} US dollars is more than world merchandise trade "
            "in a year (about 25 trillion): check the quote"
        )
    return None


def parse_figures(raw: RawData) -> tuple[list[ParsedFigure], list[Problem]]:
    """Parse every raw figure's value and period; report rows that cannot be read or whose
    interpretation contradicts the quote."""
    label = raw.label("figures")
    dates = _source_dates(raw)
    parsed: list[ParsedFigure] = []
    problems: list[Problem] = []
    for file_line, row in records(raw.tables["figures"]):
        line = int(str(file_line))
        quote = str(row["quote"])
        try:
            qty = parse_quantity(quote)
        except NumberPhraseError as exc:
            problems.append(Problem(label, line, "quote", str(exc)))
            continue
        as_of = dates.get(str(row["source_id"]))
        if as_of is None:
            continue  # unknown source: reported by reference_problems
        try:
            period = parse_period(str(row["period"]), *as_of)
        except PeriodError as exc:
            problems.append(Problem(label, line, "period", str(exc)))
            continue
        for column, msg in _meaning_problems(
            row, quote, qty.start, qty.is_range, qty.ordinal, qty.has_scale
        ):
            problems.append(Problem(label, line, column, msg))
        value, upper = qty.value, qty.upper
        if row["direction"] == "decrease":
            value, upper = (-upper, -value) if upper is not None else (-value, None)
        issue = _implausible(row, value)
        if issue is not None:
            problems.append(Problem(label, line, "quote", issue))
        parsed.append(
            ParsedFigure(
                str(row["figure_id"]), line, value, upper, qty.resolution, qty.text, period
            )
        )
    return parsed, problems


def _date(d: dt.date | None) -> pd.Timestamp | None:
    return pd.Timestamp(d) if d is not None else None


def _dates(values: list[dt.date | None]) -> pd.Series:
    """Dates (or None) as one datetime column, converted at once."""
    return pd.Series(pd.to_datetime(pd.Series(values, dtype=object)), dtype="datetime64[ns]")


def figures_table(raw: RawData, parsed: list[ParsedFigure]) -> pd.DataFrame:
    """figures.csv: every figure, normalized."""
    by_id = {p.figure_id: p for p in parsed}
    src = raw.tables["figures"].reset_index(drop=True)
    ps = [by_id[str(f)] for f in src["figure_id"].tolist()]
    agencies = _agencies(raw)
    derived = {
        "reporting_agency": [
            agencies[str(a)]["name_en"] if isinstance(a, str) else None
            for a in src["agency_id"].tolist()
        ],
        "value": [float(p.value) for p in ps],
        "value_upper": [float(p.value_upper) if p.value_upper is not None else None for p in ps],
        "value_as_stated": [p.value_as_stated for p in ps],
        "resolution": [float(p.resolution) for p in ps],
        "period": [p.period.label for p in ps],
        "period_start": _dates([p.period.start for p in ps]),
        "period_end": _dates([p.period.end for p in ps]),
        "period_kind": [p.period.kind for p in ps],
        "as_of": _dates([p.period.as_of for p in ps]),
    }
    columns = list(CLEAN_TABLES["figures"].model.to_schema().columns)
    return pd.DataFrame(
        {c: derived[c] if c in derived else src[c].tolist() for c in columns}, columns=columns
    )


def _agencies(raw: RawData) -> dict[str, dict[str, str]]:
    table = raw.tables["agencies"]
    return {
        str(a): {"name_en": str(n), "economy": str(e)}
        for a, n, e in zip(
            table["agency_id"].tolist(),
            table["name_en"].tolist(),
            table["economy"].tolist(),
            strict=True,
        )
    }


def _trade_row_problem(
    row: dict[str, Any], p: ParsedFigure, agency: dict[str, str] | None
) -> tuple[str, str] | None:
    """(column, message) if a trade figure cannot become a trade flow."""
    if unit_kind(row["unit"]) != "money" or row["unit"] == "USD_per_barrel":
        return "unit", "a trade figure is an amount of money (USD, or another currency)"
    if agency is not None and agency["economy"] != row["reporter"]:
        return _reporter_problem(row, agency)
    return None


def _reporter_problem(row: dict[str, Any], agency: dict[str, str]) -> tuple[str, str]:
    return "reporter", (
        f"the agency {row['agency_id']} publishes {agency['economy']}'s statistics, so "
        f"the reporter must be {agency['economy']}, not {row['reporter']}"
    )


def _trade_flow(
    row: dict[str, Any], p: ParsedFigure, agency: dict[str, str] | None
) -> dict[str, Any]:
    flow = row["flow"]
    return {
        "figure_id": row["figure_id"],
        "reporter": row["reporter"],
        "partner": row["partner"],
        "flow": flow,
        "period_start": p.period.start,
        "period_end": p.period.end,
        "period_label": p.period.label,
        "period_kind": p.period.kind,
        "as_of": p.period.as_of,
        "value_usd_m": float(p.value / Decimal(10**6)),
        "qualifier": row["qualifier"],
        "reporting_agency": None if agency is None else agency["name_en"],
        "exporter": {"exports": row["reporter"], "imports": row["partner"]}.get(flow),
        "importer": {"exports": row["partner"], "imports": row["reporter"]}.get(flow),
        "source_id": row["source_id"],
        "line": row["line"],
        "quote": row["quote"],
        "reporter_basis": "text_side" if agency is None else "agency",
        "nature": row["nature"],
        "period_text": row["period_text"],
    }


def trade_flows_table(
    raw: RawData, parsed: list[ParsedFigure]
) -> tuple[pd.DataFrame, list[Problem]]:
    """trade_flows.csv: the trade figures, tidy, in millions of US dollars."""
    by_id = {p.figure_id: p for p in parsed}
    agencies = _agencies(raw)
    label = raw.label("figures")
    problems: list[Problem] = []
    rows = []
    trade = raw.tables["figures"]
    for file_line, row in records(trade[trade["category"].isin(["trade", "trade_growth"])]):
        p = by_id[str(row["figure_id"])]
        named = row["agency_id"] is not None and not pd.isna(row["agency_id"])
        agency = agencies[str(row["agency_id"])] if named else None
        if row["category"] == "trade_growth":  # a rate: only its agency is checked here
            if agency is not None and row["reporter"] not in (None, agency["economy"]):
                problems.append(
                    Problem(label, int(str(file_line)), *_reporter_problem(row, agency))
                )
            continue
        issue = _trade_row_problem(row, p, agency)
        if issue is not None:
            problems.append(Problem(label, int(str(file_line)), *issue))
            if issue[0] != "reporter":
                continue
        if row["unit"] == "USD":  # other currencies stay in figures.csv: nothing is converted
            rows.append(_trade_flow(row, p, agency))
    columns = list(CLEAN_TABLES["trade_flows"].model.to_schema().columns)
    df = pd.DataFrame(rows, columns=columns)
    for column in ("period_start", "period_end", "as_of"):
        df[column] = _dates(df[column].tolist())
    return df, problems


def sources_table(raw: RawData) -> tuple[pd.DataFrame, list[Problem]]:
    """sources.csv: the raw sources plus each text's SHA-256 and line count."""
    label = raw.label("sources")
    problems: list[Problem] = []
    df = raw.tables["sources"].copy()
    for file_line, row in records(df):
        date = pd.Timestamp(row["date"]).date()
        precision = row["date_precision"]
        last_of_month = (date + dt.timedelta(days=1)).day == 1
        if (precision == "month" and not last_of_month) or (
            precision == "year" and (date.month, date.day) != (12, 31)
        ):
            problems.append(
                Problem(
                    label,
                    int(str(file_line)),
                    "date",
                    f"a date known to the {precision} is written as the "
                    f"last day of that {precision}",
                )
            )
    df["sha256"] = [raw.text_sha256[s] for s in df["source_id"]]
    df["lines"] = [len(raw.texts[s]) for s in df["source_id"]]
    columns = list(CLEAN_TABLES["sources"].model.to_schema().columns)
    return df.reset_index(drop=True)[columns], problems


def _squash(text: str) -> str:
    """Normalized, without spaces: «سه شنبه» and «سه‌شنبه» compare equal."""
    return normalize_text(text)[0].replace(" ", "")


def _stated_dates_problems(
    row: dict[str, Any], numbers: set[int], y: int, m: int, d: int
) -> list[tuple[str, str]]:
    """(column, message) for each date or weekday transcribed that the quote does not bear
    out."""
    quote = str(row["quote"])
    issues = []
    month_name = jdatetime.date.j_months_fa[m - 1]
    if d not in numbers or _squash(month_name) not in _squash(quote):
        issues.append(("jalali_date", f"the quote does not state day {d} of {month_name}"))
    years = {n for n in numbers if 1200 <= n <= 1500}
    if years and y not in years:
        issues.append(
            ("jalali_date", f"the quote states the Iranian year {sorted(years)}, not {y}")
        )
    stated = _stated_date(row)
    g_years = {n for n in numbers if 1800 <= n <= 2200}
    if stated is not None and (
        stated.day not in numbers or (g_years and stated.year not in g_years)
    ):
        issues.append(("gregorian_date", f"the quote does not state {stated.isoformat()}"))
    weekday = None if pd.isna(row["weekday"]) else str(row["weekday"])
    if weekday is not None:
        fa_name = jdatetime.date.j_weekdays_fa[jdatetime.date.j_weekdays_en.index(weekday)]
        if _squash(fa_name) not in _squash(quote) and weekday not in quote:
            issues.append(("weekday", f"the quote does not name {weekday} ({fa_name})"))
    return issues


def _stated_date(row: dict[str, Any]) -> dt.date | None:
    stated = row["gregorian_date"]
    return None if pd.isna(stated) else pd.Timestamp(stated).date()


def _calendar_row(row: dict[str, Any], converted: dt.date) -> dict[str, Any]:
    stated = _stated_date(row)
    weekday = None if pd.isna(row["weekday"]) else str(row["weekday"])
    converted_weekday = weekday_name(converted)
    agrees = (stated in (None, converted)) and weekday in (None, converted_weekday)
    return {
        "mention_id": row["mention_id"],
        "source_id": row["source_id"],
        "line": row["line"],
        "quote": str(row["quote"]),
        "jalali_date": row["jalali_date"],
        "gregorian_converted": pd.Timestamp(converted),
        "gregorian_stated": _date(stated),
        "weekday_converted": converted_weekday,
        "weekday_stated": weekday,
        "status": "ok" if agrees else "discrepancy",
    }


def calendar_checks_table(raw: RawData) -> tuple[pd.DataFrame, list[Problem]]:
    """calendar_checks.csv: each Iranian date converted by jdatetime and compared with the
    Gregorian date or weekday the text gives. A transcription that the quote does not
    bear out is a problem; a text whose own pairing is wrong is a finding (status)."""
    label = raw.label("calendar_mentions")
    problems: list[Problem] = []
    rows = []
    for file_line, row in records(raw.tables["calendar_mentions"]):
        line = int(str(file_line))
        y, m, d = (int(part) for part in str(row["jalali_date"]).split("-"))
        try:
            converted = jalali_to_gregorian(y, m, d)
        except PeriodError as exc:
            problems.append(Problem(label, line, "jalali_date", str(exc)))
            continue
        numbers = {int(p.value) for p in find_number_phrases(str(row["quote"])) if p.value >= 0}
        for column, message in _stated_dates_problems(row, numbers, y, m, d):
            problems.append(Problem(label, line, column, message))
        rows.append(_calendar_row(row, converted))
    columns = list(CLEAN_TABLES["calendar_checks"].model.to_schema().columns)
    return pd.DataFrame(rows, columns=columns), problems
