"""The data contract: one pandera model per table, raw and clean.

Each model is declared once and serves the build, ``tradestats validate``,
:func:`tradestats.load`, the Frictionless descriptor (``datapackage.json``), the README's
data dictionary and the tests. Field titles, descriptions, units and enumerations live
here and nowhere else; table-level metadata (file name, primary key, foreign keys) sits
in each model's ``Config.metadata``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from tradestats.contract.vocabularies import (
    CATEGORIES,
    CHECK_EVIDENCE,
    CHECK_KINDS,
    CHECK_STATUSES,
    COMPARISONS,
    DATE_RANGE,
    DIRECTIONS,
    EXCLUSION_REASONS,
    FIGURE_QUALIFIERS,
    FLOWS,
    GRADES,
    HEADLINE_FROM,
    NATURES,
    PERIOD_KINDS,
    PLAUSIBLE_MAX,
    QUALIFIERS,
    REFERENCE_BASES,
    REPORTER_BASES,
    UNITS,
    WEEKDAYS,
)

__all__ = [
    "CLEAN_TABLES",
    "FLOWS",
    "QUALIFIERS",
    "RAW_TABLES",
    "TableSpec",
]

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
_ISO3 = r"^[A-Z]{3}$"
_JALALI = r"^\d{4}-\d{2}-\d{2}$"
_SHA256 = r"^[0-9a-f]{64}$"


def _enum(values: dict[str, str] | list[str], **kwargs: Any) -> Any:
    """A string Field restricted to a vocabulary, marked categorical for load()."""
    meta = dict(kwargs.pop("metadata", {}) or {})  # type: ignore[call-overload]
    meta["categorical"] = True
    if isinstance(values, dict):
        meta["enum_descriptions"] = values
    return pa.Field(isin=list(values), metadata=meta, **kwargs)  # type: ignore[arg-type]


def _code(title: str, description: str, *, nullable: bool = False, categorical: bool = True) -> Any:
    """An economy's code: ISO 3166-1 alpha-3, or a World Bank aggregate code. load()
    gives every such column one dtype: a category of all the codes in economies.csv."""
    metadata = {"categorical": True, "economy_code": True} if categorical else None
    return pa.Field(
        str_matches=_ISO3,
        nullable=nullable,
        title=title,
        description=description,
        metadata=metadata,
    )


def _date(title: str, description: str, *, nullable: bool = False) -> Any:
    """A date a source was written or published: between DATE_RANGE's bounds, so a
    mistyped year (0001, 9999) is refused at its line."""
    low, high = (pd.Timestamp(d) for d in DATE_RANGE)
    return pa.Field(ge=low, le=high, nullable=nullable, title=title, description=description)


def _period_kind() -> Any:
    return _enum(PERIOD_KINDS, title="Period kind", description="What kind of period it is.")


def _as_of() -> Any:
    return pa.Field(
        nullable=True,
        title="As of",
        description="For an as-of or undated figure, the date of the text that states it.",
    )


def _fk(field: str, resource: str, ref: str | None = None) -> dict[str, object]:
    return {"fields": field, "reference": {"resource": resource, "fields": ref or field}}


# reporter and partner are economies' codes
_ECONOMY_KEYS = [_fk("reporter", "economies", "code"), _fk("partner", "economies", "code")]
_REFERENCE_KEYS = [*_ECONOMY_KEYS, _fk("side", "economies", "code")]


def _config(
    title: str,
    description: str,
    file: str,
    *,
    key: list[str],
    unique: list[str] | None = None,
    foreign_keys: list[dict[str, object]] | None = None,
    ordered: bool = False,
    optional: bool = False,
) -> type:
    """A model's Config: strict, coercing, its rows unique by ``unique`` (default: the
    primary ``key``); the table's file, keys and foreign keys in ``metadata``; an
    ``optional`` raw table may be absent (it is read as empty)."""
    metadata: dict[str, object] = {"file": file, "primary_key": key}
    if optional:
        metadata["optional"] = True
    if foreign_keys:
        metadata["foreign_keys"] = foreign_keys
    settings = {
        "strict": True,
        "coerce": True,
        "unique": unique or key,
        "title": title,
        "description": description,
        "metadata": metadata,
    }
    if ordered:
        settings["ordered"] = True
    return type("Config", (), settings)


# --- raw tables ----------------------------------------------------------------------


class RawSources(pa.DataFrameModel):
    """data/raw/sources.csv: one row per source text."""

    source_id: Series[str] = pa.Field(
        str_matches=_ID, title="Source id", description="Stable identifier of the text."
    )
    file: Series[str] = pa.Field(
        str_matches=r"^[^/\\]+\.txt$",
        title="File",
        description="File name of the text in the package's texts folder.",
    )
    title: Series[str] = pa.Field(
        title="Title",
        description="Headline as printed, or a "
        "descriptive title in brackets where none is printed.",
    )
    title_basis: Series[str] = _enum(
        ["printed", "descriptive"],
        title="Title basis",
        description="Whether the title is printed in the text.",
    )
    outlet: Series[str] = pa.Field(
        nullable=True,
        title="Outlet",
        description="Publisher, and the agency it reports, in English, where the text names them.",
    )
    outlet_fa: Series[str] = pa.Field(
        nullable=True, title="Outlet (Persian)", description="The outlet in Persian."
    )
    language: Series[str] = _enum(
        {"fa": "Persian", "en": "English", "ru": "Russian"},
        title="Language",
        description="ISO 639-1 code of the text's language.",
    )
    date: Series[pd.Timestamp] = _date(
        "Date", "Publication or as-of date. For a month or year, its last day."
    )
    date_precision: Series[str] = _enum(
        ["day", "month", "year"],
        title="Date precision",
        description="How precisely the date is known.",
    )
    date_basis: Series[str] = _enum(
        {"printed": "Printed in the text.", "inferred": "Worked out from the content."},
        title="Date basis",
        description="How the date was established.",
    )
    date_line: Series[int] = pa.Field(
        ge=1,
        title="Date line",
        description="Line of the text that prints the date or the main evidence for it.",
    )
    date_quote: Series[str] = pa.Field(
        title="Date quote", description="Verbatim words on date_line that print or imply the date."
    )
    date_evidence: Series[str] = pa.Field(
        title="Date evidence",
        description="How the date was established, with the cross-checks made.",
    )

    Config = _config(
        "Sources (raw)",
        "One row per source text, with its date and how it was established.",
        "sources.csv",
        key=["source_id"],
    )


class RawFigures(pa.DataFrameModel):
    """data/raw/figures.csv: the hand transcription, one row per figure."""

    figure_id: Series[str] = pa.Field(
        str_matches=r"^F\d{3,}$", title="Figure id", description="Stable id, never reused."
    )
    source_id: Series[str] = pa.Field(title="Source id", description="The text it is in.")
    line: Series[int] = pa.Field(ge=1, title="Line", description="1-based line of the text.")
    quote: Series[str] = pa.Field(
        str_length={"min_value": 1},
        title="Quote",
        description="Verbatim words on that line that state the "
        "figure; they contain exactly one number or range.",
    )
    category: Series[str] = _enum(
        CATEGORIES, title="Category", description="What kind of statistic."
    )
    subject: Series[str] = pa.Field(
        title="Subject", description="What the figure measures, in English."
    )
    reporter: Series[str] = _code(
        "Reporter",
        "Trade only: economy the figure is stated for; the economy of the agency the text "
        "names, or, where it names none, the side the text states the flow from.",
        nullable=True,
    )
    partner: Series[str] = _code("Partner", "Trade only: the other economy.", nullable=True)
    flow: Series[str] = _enum(
        FLOWS, nullable=True, title="Flow", description="Trade only: from the reporter's side."
    )
    agency_id: Series[str] = pa.Field(
        nullable=True, title="Agency id", description="Statistical agency the text names."
    )
    agency_quote: Series[str] = pa.Field(
        nullable=True,
        title="Agency quote",
        description="Verbatim words that name the agency, on the row's line or on agency_line.",
    )
    agency_line: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=1,
        title="Agency line",
        description="Where the agency is named on an earlier line (an attribution that "
        "carries from one sentence to the next): that line; blank for the row's own line.",
    )
    period: Series[str] = pa.Field(
        title="Period",
        description="The period in a small notation: 2018 (a year), 2008-07 (a month), "
        "2001-03-12 (a day), j1400 or j1400-06 (an Iranian year or month), asof (dated only "
        "by the text's writing), unspecified (no period), or two of these joined by '/' "
        "(from the start of the first to the end of the second).",
    )
    period_text: Series[str] = pa.Field(
        nullable=True,
        title="Period text",
        description="Verbatim words on the line that state the period.",
    )
    unit: Series[str] = _enum(UNITS, title="Unit", description="Unit of the figure.")
    qualifier: Series[str] = _enum(
        FIGURE_QUALIFIERS, title="Qualifier", description="How the text qualifies the figure."
    )
    qualifier_quote: Series[str] = pa.Field(
        nullable=True,
        title="Qualifier quote",
        description="Verbatim words on the row's line that state the qualifier, where they "
        "stand outside the quote («تقریبی» before a pair of figures, a verb after it); "
        "blank where the quote holds them or the figure is exact.",
    )
    nature: Series[str] = _enum(NATURES, title="Nature", description="Outcome, forecast or target.")
    direction: Series[str] = _enum(
        DIRECTIONS, nullable=True, title="Direction", description="For changes: rise or fall."
    )
    note: Series[str] = pa.Field(nullable=True, title="Note", description="Transcriber's note.")

    Config = _config(
        "Figures (raw transcription)",
        "Every quantitative figure the texts state, as transcribed by hand.",
        "figures.csv",
        key=["figure_id"],
        foreign_keys=[_fk("source_id", "sources"), _fk("agency_id", "agencies"), *_ECONOMY_KEYS],
    )

    @pa.dataframe_check(
        error="trade rows need reporter, partner and flow; a trade_growth, trade_change or "
        "trade_balance row has all three or none; other rows none of them"
    )
    def trade_fields_go_together(cls, df: pd.DataFrame) -> pd.Series[bool]:
        is_trade = df["category"] == "trade"
        may = df["category"].isin(["trade_growth", "trade_change", "trade_balance"])
        filled = df[["reporter", "partner", "flow"]].notna()
        every, some = filled.all(axis=1), filled.any(axis=1)
        return (is_trade & every) | (may & (every | ~some)) | (~is_trade & ~may & ~some)

    @pa.dataframe_check(error="flow 'balance' goes with category trade_balance, and only it")
    def balance_is_its_own_category(cls, df: pd.DataFrame) -> pd.Series[bool]:
        balance, flow = df["category"] == "trade_balance", df["flow"] == "balance"
        return (flow & balance) | (~flow & ~balance) | (balance & df["flow"].isna())

    @pa.dataframe_check(error="reporter and partner must differ")
    def reporter_is_not_partner(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["reporter"].isna() | (df["reporter"] != df["partner"])

    @pa.dataframe_check(error="agency_id and agency_quote go together")
    def agency_named_with_quote(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["agency_id"].isna() == df["agency_quote"].isna()

    @pa.dataframe_check(error="agency_line goes with agency_quote, and is before the row's line")
    def agency_line_is_earlier(cls, df: pd.DataFrame) -> pd.Series[bool]:
        given = df["agency_line"].notna()
        line = pd.to_numeric(df["line"], errors="coerce")  # its own check reports a bad line
        return ~given | (df["agency_quote"].notna() & (df["agency_line"] < line))

    @pa.dataframe_check(error="an exact figure has no qualifier_quote")
    def exact_has_no_qualifier_words(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return ~((df["qualifier"] == "exact") & df["qualifier_quote"].notna())

    @pa.dataframe_check(error="qualifier 'target' goes with nature 'target'")
    def target_is_a_target(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return (df["qualifier"] == "target") == (df["nature"] == "target")


class RawRelations(pa.DataFrameModel):
    """data/raw/relations.csv: arithmetic relations the texts state or imply."""

    check_id: Series[str] = pa.Field(
        str_matches=r"^C\d{2,}$", title="Check id", description="Stable id of the check."
    )
    kind: Series[str] = _enum(CHECK_KINDS, title="Kind", description="The relation.")
    target_id: Series[str] = pa.Field(
        title="Target figure", description="The figure the relation predicts."
    )
    operand_ids: Series[str] = pa.Field(
        str_matches=r"^F\d{3,}(;F\d{3,})*$",
        title="Operand figures",
        description="Figures the prediction is computed from, ';'-separated.",
    )
    description: Series[str] = pa.Field(title="Description", description="The relation in words.")

    Config = _config(
        "Relations (raw)",
        "Arithmetic relations between figures, declared by hand.",
        "relations.csv",
        key=["check_id"],
        foreign_keys=[_fk("target_id", "figures", "figure_id")],
    )


class RawCalendarMentions(pa.DataFrameModel):
    """data/raw/calendar_mentions.csv: Iranian dates the texts pair with Gregorian dates or
    weekdays."""

    mention_id: Series[str] = pa.Field(
        str_matches=r"^D\d+$", title="Mention id", description="Stable id."
    )
    source_id: Series[str] = pa.Field(title="Source id", description="The text.")
    line: Series[int] = pa.Field(ge=1, title="Line", description="1-based line.")
    quote: Series[str] = pa.Field(
        title="Quote",
        description="Verbatim words with the Iranian date and its Gregorian date or weekday.",
    )
    jalali_date: Series[str] = pa.Field(
        str_matches=_JALALI, title="Iranian date", description="The Iranian date, YYYY-MM-DD."
    )
    gregorian_date: Series[pd.Timestamp] = _date(
        "Gregorian date", "The Gregorian date the text pairs with it.", nullable=True
    )
    weekday: Series[str] = _enum(
        WEEKDAYS,
        nullable=True,
        title="Weekday",
        description="The weekday the text gives, in English.",
    )

    Config = _config(
        "Calendar mentions (raw)",
        "Iranian dates stated together with a Gregorian date or a weekday.",
        "calendar_mentions.csv",
        key=["mention_id"],
        foreign_keys=[_fk("source_id", "sources")],
    )

    @pa.dataframe_check(error="give a gregorian_date, a weekday, or both")
    def has_something_to_check(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["gregorian_date"].notna() | df["weekday"].notna()


class RawExcluded(pa.DataFrameModel):
    """data/raw/excluded.csv: numbers in the texts that are not figures, and why."""

    source_id: Series[str] = pa.Field(title="Source id", description="The text.")
    line: Series[int] = pa.Field(ge=1, title="Line", description="1-based line.")
    quote: Series[str] = pa.Field(
        str_length={"min_value": 1},
        title="Quote",
        description="Verbatim words on that line, unique there, that contain the number.",
    )
    reason: Series[str] = _enum(
        EXCLUSION_REASONS, title="Reason", description="Why the number is not a figure."
    )
    note: Series[str] = pa.Field(nullable=True, title="Note", description="Details.")

    Config = _config(
        "Excluded numbers (raw)",
        "Numbers that tradestats extract finds but that are not figures.",
        "excluded.csv",
        key=["source_id", "line", "quote"],
        foreign_keys=[_fk("source_id", "sources")],
    )

    @pa.dataframe_check(error="reason 'other' needs a note")
    def other_has_a_note(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return (df["reason"] != "other") | df["note"].notna()


class Economies(pa.DataFrameModel):
    """Economies: ISO 3166-1 alpha-3 countries and World Bank aggregate codes."""

    code: Series[str] = _code(
        "Code", "ISO 3166-1 alpha-3 code, or World Bank aggregate code (EUU, WLD)."
    )
    kind: Series[str] = _enum(
        {"country": "A country (ISO 3166-1).", "aggregate": "A group (World Bank code)."},
        title="Kind",
        description="Country or aggregate.",
    )
    name_en: Series[str] = pa.Field(title="Name (English)", description="Short English name.")
    name_fa: Series[str] = pa.Field(title="Name (Persian)", description="Persian name.")

    Config = _config(
        "Economies",
        "The economies that trade figures refer to, with their names.",
        "economies.csv",
        key=["code"],
    )


class Agencies(pa.DataFrameModel):
    """Statistical agencies named by the texts."""

    agency_id: Series[str] = pa.Field(str_matches=_ID, title="Agency id", description="Stable id.")
    economy: Series[str] = _code("Economy", "Economy whose statistics it publishes.")
    name_en: Series[str] = pa.Field(title="Name (English)", description="English name.")
    name_fa: Series[str] = pa.Field(title="Name (Persian)", description="Persian name.")
    short_en: Series[str] = pa.Field(
        title="Short name (English)", description="Short English name for chart labels."
    )
    short_fa: Series[str] = pa.Field(
        title="Short name (Persian)", description="Short Persian name for chart labels."
    )

    Config = _config(
        "Agencies",
        "Statistical agencies (and other publishers of trade statistics) that the texts or "
        "the reference pages name as the source of a figure.",
        "agencies.csv",
        key=["agency_id"],
        foreign_keys=[_fk("economy", "economies", "code")],
    )


class RawReference(pa.DataFrameModel):
    """data/raw/reference.csv: figures for the same economies from other published
    sources, recorded as facts with their citation."""

    reference_id: Series[str] = pa.Field(
        str_matches=r"^R\d{3,}$", title="Reference id", description="Stable id, never reused."
    )
    as_written: Series[str] = pa.Field(
        str_length={"min_value": 1},
        title="As written",
        description="The amount as the source writes it, e.g. '$1.74 billion'.",
    )
    value: Series[float] = pa.Field(
        gt=0,
        title="Value",
        description="The amount in the unit, scale words applied; the build reads "
        "as_written and checks that it says this.",
    )
    unit: Series[str] = _enum(["USD", "EUR", "RUB"], title="Unit", description="Currency.")
    qualifier: Series[str] = _enum(
        QUALIFIERS, title="Qualifier", description="How the source qualifies the amount."
    )
    period: Series[str] = pa.Field(
        title="Period",
        description="The period, in the notation of figures.csv (2018, 2019-01/2019-09, "
        "j1400-01/j1400-09).",
    )
    side: Series[str] = _code(
        "Side", "The economy the page states the flow for (it sends exports, receives imports)."
    )
    partner: Series[str] = _code("Partner", "The other economy.")
    flow: Series[str] = _enum(FLOWS, title="Flow", description="From the side's point of view.")
    reporter: Series[str] = _code(
        "Reporter",
        "Economy whose statistic the figure is: side or partner; blank when the page does "
        "not say (reporter_basis outlet).",
        nullable=True,
    )
    reporter_basis: Series[str] = _enum(
        REFERENCE_BASES, title="Reporter basis", description="Why this economy is the reporter."
    )
    agency: Series[str] = pa.Field(
        nullable=True, title="Agency", description="Statistical agency the source names."
    )
    attributed_to: Series[str] = pa.Field(
        nullable=True,
        title="Attributed to",
        description="Who the source quotes, where it names no agency.",
    )
    attributed_to_fa: Series[str] = pa.Field(
        nullable=True,
        title="Attributed to (Persian)",
        description="The same speaker in Persian, for the Persian charts.",
    )
    outlet: Series[str] = pa.Field(title="Outlet", description="Who published it.")
    outlet_fa: Series[str] = pa.Field(
        title="Outlet (Persian)", description="The outlet as a Persian reader knows it."
    )
    headline: Series[str] = pa.Field(
        nullable=True, title="Headline", description="Its headline; blank if it prints none."
    )
    headline_from: Series[str] = _enum(
        HEADLINE_FROM, title="Headline from", description="Whether the page prints a headline."
    )
    published: Series[pd.Timestamp] = _date("Published", "Date of publication.")
    address: Series[str] = pa.Field(
        str_matches=r"^https?://\S+$", title="Address", description="The page's URL."
    )
    note: Series[str] = pa.Field(nullable=True, title="Note", description="Recorder's note.")

    Config = _config(
        "Reference figures (raw)",
        "Figures from other published sources, with their citation, to compare the texts "
        "with. Kept apart from the texts' figures.",
        "reference.csv",
        key=["reference_id"],
        unique=["address", "side", "partner", "flow", "period"],
        foreign_keys=[*_REFERENCE_KEYS, _fk("agency", "agencies", "name_en")],
        optional=True,
    )

    @pa.dataframe_check(error="attributed_to_fa goes with attributed_to")
    def speaker_in_both_languages(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["attributed_to"].isna() == df["attributed_to_fa"].isna()

    @pa.dataframe_check(error="reference_id must be unique")
    def ids_are_unique(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return ~df["reference_id"].duplicated(keep=False)

    @pa.dataframe_check(
        error="agency goes with reporter_basis 'agency' or 'article', attributed_to with "
        "'speaker', 'speaker_other_side' or 'official_data', neither with 'outlet'"
    )
    def basis_is_stated(cls, df: pd.DataFrame) -> pd.Series[bool]:
        basis, agency, who = df["reporter_basis"], df["agency"].notna(), df["attributed_to"].notna()
        named = basis.isin(["agency", "article"]) & agency
        speaker = basis.isin(["speaker", "speaker_other_side", "official_data"]) & who
        return named | speaker | ((basis == "outlet") & ~agency & ~who)

    @pa.dataframe_check(
        error="reporter is side or partner, and blank exactly when reporter_basis is 'outlet'"
    )
    def reporter_is_of_the_pair(cls, df: pd.DataFrame) -> pd.Series[bool]:
        blank = df["reporter"].isna()
        of_pair = (df["reporter"] == df["side"]) | (df["reporter"] == df["partner"])
        return (blank & (df["reporter_basis"] == "outlet")) | (
            of_pair & (df["reporter_basis"] != "outlet")
        )

    @pa.dataframe_check(error="headline is blank exactly when headline_from is 'none'")
    def headline_or_none(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["headline"].isna() == (df["headline_from"] == "none")


class RawReferenceSearches(pa.DataFrameModel):
    """data/raw/reference_searches.csv: the pairs and periods searched for, and how."""

    economy: Series[str] = _code("Economy", "One economy of the pair.")
    partner: Series[str] = _code("Partner", "The other economy.")
    period: Series[str] = pa.Field(
        title="Period", description="A year, Gregorian (2019) or Iranian (j1400)."
    )
    searched: Series[str] = pa.Field(
        title="Searched", description="What was searched for, ';'-separated."
    )
    found_undated: Series[str] = pa.Field(
        nullable=True,
        title="Found, undated",
        description="A figure found only on a page with no date on it or in its address: "
        "kept out of reference.csv, listed here.",
    )
    note: Series[str] = pa.Field(
        nullable=True, title="Note", description="What else the search found (not a flow)."
    )

    Config = _config(
        "Reference searches (raw)",
        "Every pair and year that other published sources were searched for; the README's "
        "coverage table is generated from it.",
        "reference_searches.csv",
        key=["economy", "partner", "period"],
        foreign_keys=[_fk("economy", "economies", "code"), _fk("partner", "economies", "code")],
        optional=True,
    )


# --- clean tables --------------------------------------------------------------------


class TradeFlows(pa.DataFrameModel):
    """data/clean/trade_flows.csv: one row per trade figure, in millions of US dollars."""

    figure_id: Series[str] = pa.Field(
        str_matches=r"^F\d{3,}$", title="Figure id", description="Id in figures.csv."
    )
    reporter: Series[str] = _code(
        "Reporter",
        "Economy the figure is stated for (as in UN Comtrade): the economy of the agency the "
        "text names, or, where it names none, the side the text states the flow from (see "
        "reporter_basis); such a row is no national statistic.",
        categorical=True,
    )
    partner: Series[str] = _code("Partner", "The other economy.", categorical=True)
    flow: Series[str] = _enum(FLOWS, title="Flow", description="From the reporter's side.")
    period_start: Series[pd.Timestamp] = pa.Field(
        nullable=True,
        title="Period start",
        description="First day of the period; blank for an as-of or undated figure.",
    )
    period_end: Series[pd.Timestamp] = pa.Field(
        nullable=True,
        title="Period end",
        description="Last day of the period; blank for an as-of or undated figure.",
    )
    period_label: Series[str] = pa.Field(
        title="Period label",
        description="The period in words; 'as of' marks a figure dated only by its text.",
    )
    period_kind: Series[str] = _period_kind()
    as_of: Series[pd.Timestamp] = _as_of()
    value_usd_m: Series[float] = pa.Field(
        gt=0,
        le=PLAUSIBLE_MAX["trade_usd"] / 1e6,  # no more than world trade in a year
        title="Value",
        description="Value in millions of US dollars.",
        metadata={"unit": "million US dollars"},
    )
    qualifier: Series[str] = _enum(
        QUALIFIERS, title="Qualifier", description="How the text qualifies the value."
    )
    reporting_agency: Series[str] = pa.Field(
        nullable=True, title="Reporting agency", description="Agency the text names, if any."
    )
    exporter: Series[str] = _code(
        "Exporter", "Economy the goods leave; blank for turnover.", nullable=True
    )
    importer: Series[str] = _code(
        "Importer", "Economy the goods enter; blank for turnover.", nullable=True
    )
    source_id: Series[str] = pa.Field(title="Source id", description="Id in sources.csv.")
    line: Series[int] = pa.Field(ge=1, title="Line", description="1-based line of the text.")
    quote: Series[str] = pa.Field(
        title="Quote", description="Verbatim words that state the figure."
    )
    reporter_basis: Series[str] = _enum(
        REPORTER_BASES, title="Reporter basis", description="Why this economy is the reporter."
    )
    nature: Series[str] = _enum(NATURES, title="Nature", description="Outcome, forecast or target.")
    period_text: Series[str] = pa.Field(
        nullable=True, title="Period text", description="Verbatim words that state the period."
    )

    Config = _config(
        "Trade flows",
        "One row per trade figure in US dollars, tidy: who reports, with whom, which flow, "
        "when, how much.",
        "trade_flows.csv",
        key=["figure_id"],
        ordered=True,
        foreign_keys=[_fk("figure_id", "figures"), _fk("source_id", "sources"), *_ECONOMY_KEYS],
    )

    @pa.dataframe_check(error="period_end is before period_start")
    def period_is_ordered(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["period_start"].isna() | (df["period_end"] >= df["period_start"])

    @pa.dataframe_check(
        error="exporter/importer must restate the flow: exports go "
        "reporter -> partner, imports partner -> reporter, turnover blank"
    )
    def direction_restates_flow(cls, df: pd.DataFrame) -> pd.Series[bool]:
        exp = df["exporter"].astype(object)
        imp = df["importer"].astype(object)
        rep = df["reporter"].astype(object)
        par = df["partner"].astype(object)
        exports = (df["flow"] == "exports") & (exp == rep) & (imp == par)
        imports = (df["flow"] == "imports") & (exp == par) & (imp == rep)
        turnover = (df["flow"] == "turnover") & exp.isna() & imp.isna()
        return exports | imports | turnover


class Figures(pa.DataFrameModel):
    """data/clean/figures.csv: every transcribed figure, normalized."""

    figure_id: Series[str] = pa.Field(
        str_matches=r"^F\d{3,}$", title="Figure id", description="Stable id."
    )
    category: Series[str] = _enum(CATEGORIES, title="Category", description="Kind of statistic.")
    subject: Series[str] = pa.Field(title="Subject", description="What it measures.")
    reporter: Series[str] = _code(
        "Reporter",
        "Trade and its growth: economy the figure is stated for; the economy of the agency "
        "the text names, or, where it names none, the side the text states the flow from.",
        nullable=True,
        categorical=True,
    )
    partner: Series[str] = _code(
        "Partner", "Trade and its growth: the other economy.", nullable=True, categorical=True
    )
    flow: Series[str] = _enum(
        FLOWS,
        nullable=True,
        title="Flow",
        description="Trade and its growth: the flow, from the reporter's side.",
    )
    reporting_agency: Series[str] = pa.Field(
        nullable=True,
        title="Reporting agency",
        description="Statistical agency the text names for the figure, if any.",
    )
    value: Series[float] = pa.Field(
        title="Value",
        description="The number in the unit, "
        "scale words applied (USD, not millions); negative for a "
        "decrease. For a range, the lower bound.",
    )
    value_upper: Series[float] = pa.Field(
        nullable=True, title="Upper value", description="For a range, the upper bound."
    )
    unit: Series[str] = _enum(UNITS, title="Unit", description="Unit of value.")
    value_as_stated: Series[str] = pa.Field(
        title="Number as stated",
        description="The number phrase exactly as the text writes it, scale word included.",
    )
    resolution: Series[float] = pa.Field(
        gt=0,
        title="Resolution",
        description="Place value "
        "of the last digit stated, in the unit: the "
        "rounding the text implies.",
    )
    qualifier: Series[str] = _enum(
        FIGURE_QUALIFIERS, title="Qualifier", description="How the text qualifies it."
    )
    nature: Series[str] = _enum(NATURES, title="Nature", description="Outcome, forecast or target.")
    period: Series[str] = pa.Field(title="Period", description="The period in words.")
    period_start: Series[pd.Timestamp] = pa.Field(
        nullable=True, title="Period start", description="First day, if stated."
    )
    period_end: Series[pd.Timestamp] = pa.Field(
        nullable=True, title="Period end", description="Last day, if stated."
    )
    period_kind: Series[str] = _period_kind()
    as_of: Series[pd.Timestamp] = _as_of()
    source_id: Series[str] = pa.Field(title="Source id", description="Id in sources.csv.")
    line: Series[int] = pa.Field(ge=1, title="Line", description="1-based line of the text.")
    quote: Series[str] = pa.Field(
        title="Quote", description="Verbatim words that state the figure."
    )
    note: Series[str] = pa.Field(nullable=True, title="Note", description="Transcriber's note.")

    Config = _config(
        "Figures",
        "Every figure in the texts, trade and non-trade, normalized.",
        "figures.csv",
        key=["figure_id"],
        ordered=True,
        foreign_keys=[_fk("source_id", "sources"), *_ECONOMY_KEYS],
    )

    @pa.dataframe_check(error="value_upper must exceed value, and only ranges have it")
    def range_is_ordered(cls, df: pd.DataFrame) -> pd.Series[bool]:
        is_range = df["qualifier"] == "range"
        upper = df["value_upper"]
        return (is_range & (upper > df["value"])) | (~is_range & upper.isna())

    @pa.dataframe_check(error="period_end is before period_start")
    def period_is_ordered(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["period_start"].isna() | (df["period_end"] >= df["period_start"])


class Sources(RawSources):
    """data/clean/sources.csv: the sources with each text's SHA-256."""

    sha256: Series[str] = pa.Field(
        str_matches=_SHA256, title="SHA-256", description="SHA-256 of the text file's bytes."
    )
    lines: Series[int] = pa.Field(ge=1, title="Lines", description="Number of lines in the text.")

    Config = _config(
        "Sources",
        "The source texts: title, outlet, language, date and its basis, hash.",
        "sources.csv",
        key=["source_id"],
        ordered=True,
    )


class Checks(pa.DataFrameModel):
    """data/clean/checks.csv: every arithmetic relation, recomputed."""

    check_id: Series[str] = pa.Field(
        str_matches=r"^C\d{2,}$", title="Check id", description="Stable id."
    )
    kind: Series[str] = _enum(CHECK_KINDS, title="Kind", description="The relation.")
    description: Series[str] = pa.Field(title="Description", description="In words.")
    target_id: Series[str] = pa.Field(title="Target figure", description="The figure checked.")
    operand_ids: Series[str] = pa.Field(
        title="Operand figures",
        description="Figures the expectation is computed from, ';'-separated.",
    )
    unit: Series[str] = _enum(
        UNITS, title="Unit", description="Unit of expected, found and difference."
    )
    expected: Series[float] = pa.Field(
        title="Expected",
        description="What the operands imply (for upper_bound: the largest operand).",
    )
    expected_low: Series[float] = pa.Field(
        title="Expected, low", description="Lowest value the operands allow, given their rounding."
    )
    expected_high: Series[float] = pa.Field(
        title="Expected, high",
        description="Highest value the operands allow, given their rounding.",
    )
    found: Series[float] = pa.Field(
        title="Found", description="The target figure as the text states it."
    )
    difference: Series[float] = pa.Field(title="Difference", description="found minus expected.")
    status: Series[str] = _enum(CHECK_STATUSES, title="Status", description="Outcome of the check.")
    evidence: Series[str] = _enum(
        CHECK_EVIDENCE,
        title="Evidence",
        description="How strong the relation is as evidence: whether its figures cover one period.",
    )
    source_id: Series[str] = pa.Field(
        title="Source id",
        description="Id in sources.csv of the text that states the target figure.",
    )
    line: Series[int] = pa.Field(ge=1, title="Line", description="Line of the target figure.")

    Config = _config(
        "Checks",
        "Arithmetic relations the texts state or imply, recomputed. A discrepancy is a "
        "finding about the source, not an error.",
        "checks.csv",
        key=["check_id"],
        ordered=True,
        foreign_keys=[_fk("target_id", "figures", "figure_id"), _fk("source_id", "sources")],
    )


class CalendarChecks(pa.DataFrameModel):
    """data/clean/calendar_checks.csv: Iranian dates converted and compared."""

    mention_id: Series[str] = pa.Field(
        str_matches=r"^D\d+$", title="Mention id", description="Id in the raw calendar mentions."
    )
    source_id: Series[str] = pa.Field(title="Source id", description="The text.")
    line: Series[int] = pa.Field(ge=1, title="Line", description="1-based line.")
    quote: Series[str] = pa.Field(title="Quote", description="Verbatim words.")
    jalali_date: Series[str] = pa.Field(
        str_matches=_JALALI, title="Iranian date", description="As stated, YYYY-MM-DD."
    )
    gregorian_converted: Series[pd.Timestamp] = pa.Field(
        title="Gregorian (converted)",
        description="The Iranian date converted to the Gregorian calendar.",
    )
    gregorian_stated: Series[pd.Timestamp] = pa.Field(
        nullable=True, title="Gregorian (stated)", description="The Gregorian date the text gives."
    )
    weekday_converted: Series[str] = _enum(
        WEEKDAYS, title="Weekday (converted)", description="Weekday of the converted date."
    )
    weekday_stated: Series[str] = _enum(
        WEEKDAYS, nullable=True, title="Weekday (stated)", description="Weekday the text gives."
    )
    status: Series[str] = _enum(
        {
            "ok": "Stated and converted agree.",
            "discrepancy": "They disagree: a finding about the text.",
        },
        title="Status",
        description="Outcome of the comparison.",
    )

    Config = _config(
        "Calendar checks",
        "Iranian-calendar dates in the texts, cross-checked against the Gregorian dates or "
        "weekdays the texts give.",
        "calendar_checks.csv",
        key=["mention_id"],
        ordered=True,
        foreign_keys=[_fk("source_id", "sources")],
    )


class ReferenceFlows(pa.DataFrameModel):
    """data/clean/reference_flows.csv: the reference figures, in the shape of
    trade_flows.csv, with their citation."""

    reference_id: Series[str] = pa.Field(
        str_matches=r"^R\d{3,}$",
        title="Reference id",
        description="Stable id of the reference figure: the same in reconciliation.csv and in "
        "the transcription of the references.",
    )
    side: Series[str] = _code(
        "Side",
        "The economy the page states the flow for (it sends exports, receives imports).",
        categorical=True,
    )
    partner: Series[str] = _code("Partner", "The other economy.", categorical=True)
    flow: Series[str] = _enum(FLOWS, title="Flow", description="From the side's point of view.")
    exporter: Series[str] = _code(
        "Exporter", "Economy the goods leave; blank for turnover.", nullable=True, categorical=True
    )
    importer: Series[str] = _code(
        "Importer", "Economy the goods enter; blank for turnover.", nullable=True, categorical=True
    )
    reporter: Series[str] = _code(
        "Reporter",
        "Economy whose statistic the figure is; blank when the page does not say.",
        nullable=True,
        categorical=True,
    )
    period_start: Series[pd.Timestamp] = pa.Field(
        title="Period start", description="First day of the period."
    )
    period_end: Series[pd.Timestamp] = pa.Field(
        title="Period end", description="Last day of the period."
    )
    period_label: Series[str] = pa.Field(title="Period label", description="The period in words.")
    period_kind: Series[str] = _period_kind()
    value_usd_m: Series[float] = pa.Field(
        nullable=True,
        gt=0,
        title="Value",
        description="Value in millions of US dollars; blank for another currency.",
        metadata={"unit": "million US dollars"},
    )
    value: Series[float] = pa.Field(
        gt=0, title="Value in its currency", description="The amount, scale words applied."
    )
    currency: Series[str] = _enum(["USD", "EUR", "RUB"], title="Currency", description="Unit.")
    resolution: Series[float] = pa.Field(
        gt=0,
        title="Resolution",
        description="Place value of the last digit written, in the currency.",
    )
    qualifier: Series[str] = _enum(
        QUALIFIERS, title="Qualifier", description="How the source qualifies the amount."
    )
    reporting_agency: Series[str] = pa.Field(
        nullable=True, title="Reporting agency", description="Agency the source names, if any."
    )
    reporter_basis: Series[str] = _enum(
        REFERENCE_BASES, title="Reporter basis", description="Why this economy is the reporter."
    )
    attributed_to: Series[str] = pa.Field(
        nullable=True, title="Attributed to", description="Who the source quotes."
    )
    attributed_to_fa: Series[str] = pa.Field(
        nullable=True, title="Attributed to (Persian)", description="The speaker in Persian."
    )
    outlet: Series[str] = pa.Field(title="Outlet", description="Who published it.")
    outlet_fa: Series[str] = pa.Field(
        title="Outlet (Persian)", description="The outlet as a Persian reader knows it."
    )
    headline: Series[str] = pa.Field(
        nullable=True, title="Headline", description="Its headline; blank if it prints none."
    )
    published: Series[pd.Timestamp] = pa.Field(title="Published", description="Date.")
    address: Series[str] = pa.Field(title="Address", description="The page's URL.")
    as_written: Series[str] = pa.Field(title="As written", description="The amount as written.")
    note: Series[str] = pa.Field(
        nullable=True,
        title="Note",
        description="What else the page says about the figure: a conflict, its phrasing.",
    )

    Config = _config(
        "Reference flows",
        "Trade figures for the same economies from other published sources, with their "
        "citation: a separate layer to compare the texts with.",
        "reference_flows.csv",
        key=["reference_id"],
        ordered=True,
        foreign_keys=_REFERENCE_KEYS,
    )


class Reconciliation(pa.DataFrameModel):
    """data/clean/reconciliation.csv: the texts' trade figures against the references."""

    figure_id: Series[str] = pa.Field(
        str_matches=r"^F\d{3,}$", title="Figure id", description="The text's figure."
    )
    reference_id: Series[str] = pa.Field(
        str_matches=r"^R\d{3,}$",
        title="Reference id",
        description="The reference figure: its id in reference_flows.csv.",
    )
    comparison: Series[str] = _enum(
        COMPARISONS, title="Comparison", description="What kind of comparison it is."
    )
    reporter: Series[str] = _code("Reporter", "The text's reporter.", categorical=True)
    partner: Series[str] = _code("Partner", "The text's partner.", categorical=True)
    flow: Series[str] = _enum(FLOWS, title="Flow", description="The text's flow.")
    period_start: Series[pd.Timestamp] = pa.Field(
        title="Period start", description="First day of the reference's period."
    )
    period_end: Series[pd.Timestamp] = pa.Field(
        title="Period end", description="Last day of the reference's period."
    )
    period_label: Series[str] = pa.Field(
        title="Period label",
        description="The reference's period in words (the text's, for the same ones); filter "
        "on period_start and period_end.",
    )
    text_value_usd_m: Series[float] = pa.Field(
        title="Text's value",
        description="The text's figure.",
        metadata={"unit": "million US dollars"},
    )
    text_qualifier: Series[str] = _enum(
        QUALIFIERS, title="Text's qualifier", description="How the text qualifies it."
    )
    reference_value_usd_m: Series[float] = pa.Field(
        title="Reference's value",
        description="The reference figure.",
        metadata={"unit": "million US dollars"},
    )
    reference_qualifier: Series[str] = _enum(
        QUALIFIERS, title="Reference's qualifier", description="How the source qualifies it."
    )
    reference_reporter: Series[str] = _code(
        "Reference's reporter", "Whose statistic it is.", categorical=True
    )
    reference_basis: Series[str] = _enum(
        REFERENCE_BASES,
        title="Reference's basis",
        description="How the page attributes it: an agency, or a remark.",
    )
    difference_usd_m: Series[float] = pa.Field(
        nullable=True,
        title="Difference",
        description="Text minus reference; blank for a bound (comparison 'bound'), where a "
        "difference between a bound and a value means little.",
        metadata={"unit": "million US dollars"},
    )
    difference_percent: Series[float] = pa.Field(
        nullable=True,
        title="Difference (%)",
        description="The difference as a percentage of the reference; blank for a bound.",
    )
    grade: Series[str] = _enum(
        GRADES, title="Grade", description="How the text's figure fares against the reference."
    )
    finding: Series[str] = pa.Field(title="Finding", description="The outcome in words.")

    Config = _config(
        "Reconciliation",
        "Each trade figure of the texts against every reference for the same pair, flow and "
        "period (same reporter, or the mirror), and the texts' bounds and claims against "
        "every reference they speak to.",
        "reconciliation.csv",
        key=["figure_id", "reference_id"],
        ordered=True,
        foreign_keys=[_fk("figure_id", "figures"), _fk("reference_id", "reference_flows")],
    )


# --- registry ------------------------------------------------------------------------


@dataclass(frozen=True)
class TableSpec:
    """A table: its name, its model and the file it lives in."""

    name: str
    model: type[pa.DataFrameModel]

    @property
    def file(self) -> str:
        return str(self.metadata["file"])

    @property
    def metadata(self) -> dict[str, object]:
        meta = getattr(self.model.Config, "metadata", None)
        return dict(meta or {})


RAW_TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("sources", RawSources),
        TableSpec("figures", RawFigures),
        TableSpec("relations", RawRelations),
        TableSpec("calendar_mentions", RawCalendarMentions),
        TableSpec("excluded", RawExcluded),
        TableSpec("economies", Economies),
        TableSpec("agencies", Agencies),
        TableSpec("reference", RawReference),
        TableSpec("reference_searches", RawReferenceSearches),
    )
}
CLEAN_TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("trade_flows", TradeFlows),
        TableSpec("figures", Figures),
        TableSpec("sources", Sources),
        TableSpec("checks", Checks),
        TableSpec("calendar_checks", CalendarChecks),
        TableSpec("economies", Economies),
        TableSpec("agencies", Agencies),
        TableSpec("reference_flows", ReferenceFlows),
        TableSpec("reconciliation", Reconciliation),
    )
}
