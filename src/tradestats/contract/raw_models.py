"""The pandera models of the raw tables (data/raw): what a transcriber writes."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from tradestats.contract import vocabularies as vocab
from tradestats.contract.fields import (
    ECONOMY_KEYS,
    ID_PATTERN,
    JALALI_DATE_PATTERN,
    REFERENCE_KEYS,
    code_field,
    date_field,
    enum_field,
    foreign_key,
    table_config,
)

# --- raw tables ----------------------------------------------------------------------


class RawSources(pa.DataFrameModel):
    """data/raw/sources.csv: one row per source text."""

    source_id: Series[str] = pa.Field(
        str_matches=ID_PATTERN, title="Source id", description="Stable identifier of the text."
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
    title_basis: Series[str] = enum_field(
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
    language: Series[str] = enum_field(
        {"fa": "Persian", "en": "English", "ru": "Russian"},
        title="Language",
        description="ISO 639-1 code of the text's language.",
    )
    date: Series[pd.Timestamp] = date_field(
        "Date", "Publication or as-of date. For a month or year, its last day."
    )
    date_precision: Series[str] = enum_field(
        ["day", "month", "year"],
        title="Date precision",
        description="How precisely the date is known.",
    )
    date_basis: Series[str] = enum_field(
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

    Config = table_config(
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
    category: Series[str] = enum_field(
        vocab.CATEGORIES, title="Category", description="What kind of statistic."
    )
    subject: Series[str] = pa.Field(
        title="Subject", description="What the figure measures, in English."
    )
    reporter: Series[str] = code_field(
        "Reporter",
        "Trade only: economy the figure is stated for; the economy of the agency the text "
        "names, or, where it names none, the side the text states the flow from.",
        nullable=True,
    )
    partner: Series[str] = code_field("Partner", "Trade only: the other economy.", nullable=True)
    flow: Series[str] = enum_field(
        vocab.FLOWS,
        nullable=True,
        title="Flow",
        description="Trade only: from the reporter's side.",
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
    unit: Series[str] = enum_field(vocab.UNITS, title="Unit", description="Unit of the figure.")
    qualifier: Series[str] = enum_field(
        vocab.FIGURE_QUALIFIERS, title="Qualifier", description="How the text qualifies the figure."
    )
    qualifier_quote: Series[str] = pa.Field(
        nullable=True,
        title="Qualifier quote",
        description="Verbatim words on the row's line that state the qualifier, where they "
        "stand outside the quote («تقریبی» before a pair of figures, a verb after it); "
        "blank where the quote holds them or the figure is exact.",
    )
    nature: Series[str] = enum_field(
        vocab.NATURES, title="Nature", description="Outcome, forecast or target."
    )
    direction: Series[str] = enum_field(
        vocab.DIRECTIONS, nullable=True, title="Direction", description="For changes: rise or fall."
    )
    note: Series[str] = pa.Field(nullable=True, title="Note", description="Transcriber's note.")

    Config = table_config(
        "Figures (raw transcription)",
        "Every quantitative figure the texts state, as transcribed by hand.",
        "figures.csv",
        key=["figure_id"],
        foreign_keys=[
            foreign_key("source_id", "sources"),
            foreign_key("agency_id", "agencies"),
            *ECONOMY_KEYS,
        ],
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
    kind: Series[str] = enum_field(vocab.CHECK_KINDS, title="Kind", description="The relation.")
    target_id: Series[str] = pa.Field(
        title="Target figure", description="The figure the relation predicts."
    )
    operand_ids: Series[str] = pa.Field(
        str_matches=r"^F\d{3,}(;F\d{3,})*$",
        title="Operand figures",
        description="Figures the prediction is computed from, ';'-separated.",
    )
    description: Series[str] = pa.Field(title="Description", description="The relation in words.")

    Config = table_config(
        "Relations (raw)",
        "Arithmetic relations between figures, declared by hand.",
        "relations.csv",
        key=["check_id"],
        foreign_keys=[foreign_key("target_id", "figures", "figure_id")],
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
        str_matches=JALALI_DATE_PATTERN,
        title="Iranian date",
        description="The Iranian date, YYYY-MM-DD.",
    )
    gregorian_date: Series[pd.Timestamp] = date_field(
        "Gregorian date", "The Gregorian date the text pairs with it.", nullable=True
    )
    weekday: Series[str] = enum_field(
        vocab.WEEKDAYS,
        nullable=True,
        title="Weekday",
        description="The weekday the text gives, in English.",
    )

    Config = table_config(
        "Calendar mentions (raw)",
        "Iranian dates stated together with a Gregorian date or a weekday.",
        "calendar_mentions.csv",
        key=["mention_id"],
        foreign_keys=[foreign_key("source_id", "sources")],
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
    reason: Series[str] = enum_field(
        vocab.EXCLUSION_REASONS, title="Reason", description="Why the number is not a figure."
    )
    note: Series[str] = pa.Field(nullable=True, title="Note", description="Details.")

    Config = table_config(
        "Excluded numbers (raw)",
        "Numbers that tradestats extract finds but that are not figures.",
        "excluded.csv",
        key=["source_id", "line", "quote"],
        foreign_keys=[foreign_key("source_id", "sources")],
    )

    @pa.dataframe_check(error="reason 'other' needs a note")
    def other_has_a_note(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return (df["reason"] != "other") | df["note"].notna()


class Economies(pa.DataFrameModel):
    """Economies: ISO 3166-1 alpha-3 countries and World Bank aggregate codes."""

    code: Series[str] = code_field(
        "Code", "ISO 3166-1 alpha-3 code, or World Bank aggregate code (EUU, WLD)."
    )
    kind: Series[str] = enum_field(
        {"country": "A country (ISO 3166-1).", "aggregate": "A group (World Bank code)."},
        title="Kind",
        description="Country or aggregate.",
    )
    name_en: Series[str] = pa.Field(title="Name (English)", description="Short English name.")
    name_fa: Series[str] = pa.Field(title="Name (Persian)", description="Persian name.")

    Config = table_config(
        "Economies",
        "The economies that trade figures refer to, with their names.",
        "economies.csv",
        key=["code"],
    )


class Agencies(pa.DataFrameModel):
    """Statistical agencies named by the texts."""

    agency_id: Series[str] = pa.Field(
        str_matches=ID_PATTERN, title="Agency id", description="Stable id."
    )
    economy: Series[str] = code_field("Economy", "Economy whose statistics it publishes.")
    name_en: Series[str] = pa.Field(title="Name (English)", description="English name.")
    name_fa: Series[str] = pa.Field(title="Name (Persian)", description="Persian name.")
    short_en: Series[str] = pa.Field(
        title="Short name (English)", description="Short English name for chart labels."
    )
    short_fa: Series[str] = pa.Field(
        title="Short name (Persian)", description="Short Persian name for chart labels."
    )

    Config = table_config(
        "Agencies",
        "Statistical agencies (and other publishers of trade statistics) that the texts or "
        "the reference pages name as the source of a figure.",
        "agencies.csv",
        key=["agency_id"],
        foreign_keys=[foreign_key("economy", "economies", "code")],
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
    unit: Series[str] = enum_field(["USD", "EUR", "RUB"], title="Unit", description="Currency.")
    qualifier: Series[str] = enum_field(
        vocab.QUALIFIERS, title="Qualifier", description="How the source qualifies the amount."
    )
    period: Series[str] = pa.Field(
        title="Period",
        description="The period, in the notation of figures.csv (2018, 2019-01/2019-09, "
        "j1400-01/j1400-09).",
    )
    side: Series[str] = code_field(
        "Side", "The economy the page states the flow for (it sends exports, receives imports)."
    )
    partner: Series[str] = code_field("Partner", "The other economy.")
    flow: Series[str] = enum_field(
        vocab.FLOWS, title="Flow", description="From the side's point of view."
    )
    reporter: Series[str] = code_field(
        "Reporter",
        "Economy whose statistic the figure is: side or partner; blank when the page does "
        "not say (reporter_basis outlet).",
        nullable=True,
    )
    reporter_basis: Series[str] = enum_field(
        vocab.REFERENCE_BASES,
        title="Reporter basis",
        description="Why this economy is the reporter.",
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
    headline_from: Series[str] = enum_field(
        vocab.HEADLINE_FROM,
        title="Headline from",
        description="Whether the page prints a headline.",
    )
    published: Series[pd.Timestamp] = date_field("Published", "Date of publication.")
    address: Series[str] = pa.Field(
        str_matches=r"^https?://\S+$", title="Address", description="The page's URL."
    )
    note: Series[str] = pa.Field(nullable=True, title="Note", description="Recorder's note.")

    Config = table_config(
        "Reference figures (raw)",
        "Figures from other published sources, with their citation, to compare the texts "
        "with. Kept apart from the texts' figures.",
        "reference.csv",
        key=["reference_id"],
        unique=["address", "side", "partner", "flow", "period"],
        foreign_keys=[*REFERENCE_KEYS, foreign_key("agency", "agencies", "name_en")],
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

    economy: Series[str] = code_field("Economy", "One economy of the pair.")
    partner: Series[str] = code_field("Partner", "The other economy.")
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

    Config = table_config(
        "Reference searches (raw)",
        "Every pair and year that other published sources were searched for; the coverage "
        "table in docs/references.md is generated from it.",
        "reference_searches.csv",
        key=["economy", "partner", "period"],
        foreign_keys=[
            foreign_key("economy", "economies", "code"),
            foreign_key("partner", "economies", "code"),
        ],
        optional=True,
    )
