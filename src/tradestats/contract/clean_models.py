"""The pandera models of the clean tables (data/clean): what the build derives."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from tradestats.contract import vocabularies as vocab
from tradestats.contract.fields import (
    ECONOMY_KEYS,
    JALALI_DATE_PATTERN,
    REFERENCE_KEYS,
    SHA256_PATTERN,
    as_of_field,
    code_field,
    enum_field,
    foreign_key,
    period_kind_field,
    table_config,
)
from tradestats.contract.raw_models import RawSources

# --- clean tables --------------------------------------------------------------------


class TradeFlows(pa.DataFrameModel):
    """data/clean/trade_flows.csv: one row per trade figure, in millions of US dollars."""

    figure_id: Series[str] = pa.Field(
        str_matches=r"^F\d{3,}$", title="Figure id", description="Id in figures.csv."
    )
    reporter: Series[str] = code_field(
        "Reporter",
        "Economy the figure is stated for (as in UN Comtrade): the economy of the agency the "
        "text names, or, where it names none, the side the text states the flow from (see "
        "reporter_basis); such a row is no national statistic.",
        categorical=True,
    )
    partner: Series[str] = code_field("Partner", "The other economy.", categorical=True)
    flow: Series[str] = enum_field(
        vocab.FLOWS, title="Flow", description="From the reporter's side."
    )
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
    period_kind: Series[str] = period_kind_field()
    as_of: Series[pd.Timestamp] = as_of_field()
    value_usd_m: Series[float] = pa.Field(
        gt=0,
        le=vocab.PLAUSIBLE_MAX["trade_usd"] / 1e6,  # no more than world trade in a year
        title="Value",
        description="Value in millions of US dollars.",
        metadata={"unit": "million US dollars"},
    )
    qualifier: Series[str] = enum_field(
        vocab.QUALIFIERS, title="Qualifier", description="How the text qualifies the value."
    )
    reporting_agency: Series[str] = pa.Field(
        nullable=True, title="Reporting agency", description="Agency the text names, if any."
    )
    exporter: Series[str] = code_field(
        "Exporter", "Economy the goods leave; blank for turnover.", nullable=True
    )
    importer: Series[str] = code_field(
        "Importer", "Economy the goods enter; blank for turnover.", nullable=True
    )
    source_id: Series[str] = pa.Field(title="Source id", description="Id in sources.csv.")
    line: Series[int] = pa.Field(ge=1, title="Line", description="1-based line of the text.")
    quote: Series[str] = pa.Field(
        title="Quote", description="Verbatim words that state the figure."
    )
    reporter_basis: Series[str] = enum_field(
        vocab.REPORTER_BASES,
        title="Reporter basis",
        description="Why this economy is the reporter.",
    )
    nature: Series[str] = enum_field(
        vocab.NATURES, title="Nature", description="Outcome, forecast or target."
    )
    period_text: Series[str] = pa.Field(
        nullable=True, title="Period text", description="Verbatim words that state the period."
    )

    Config = table_config(
        "Trade flows",
        "One row per trade figure in US dollars, tidy: who reports, with whom, which flow, "
        "when, how much.",
        "trade_flows.csv",
        key=["figure_id"],
        ordered=True,
        foreign_keys=[
            foreign_key("figure_id", "figures"),
            foreign_key("source_id", "sources"),
            *ECONOMY_KEYS,
        ],
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
    category: Series[str] = enum_field(
        vocab.CATEGORIES, title="Category", description="Kind of statistic."
    )
    subject: Series[str] = pa.Field(title="Subject", description="What it measures.")
    reporter: Series[str] = code_field(
        "Reporter",
        "Trade and its growth: economy the figure is stated for; the economy of the agency "
        "the text names, or, where it names none, the side the text states the flow from.",
        nullable=True,
        categorical=True,
    )
    partner: Series[str] = code_field(
        "Partner", "Trade and its growth: the other economy.", nullable=True, categorical=True
    )
    flow: Series[str] = enum_field(
        vocab.FLOWS,
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
    unit: Series[str] = enum_field(vocab.UNITS, title="Unit", description="Unit of value.")
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
    qualifier: Series[str] = enum_field(
        vocab.FIGURE_QUALIFIERS, title="Qualifier", description="How the text qualifies it."
    )
    nature: Series[str] = enum_field(
        vocab.NATURES, title="Nature", description="Outcome, forecast or target."
    )
    period: Series[str] = pa.Field(title="Period", description="The period in words.")
    period_start: Series[pd.Timestamp] = pa.Field(
        nullable=True, title="Period start", description="First day, if stated."
    )
    period_end: Series[pd.Timestamp] = pa.Field(
        nullable=True, title="Period end", description="Last day, if stated."
    )
    period_kind: Series[str] = period_kind_field()
    as_of: Series[pd.Timestamp] = as_of_field()
    source_id: Series[str] = pa.Field(title="Source id", description="Id in sources.csv.")
    line: Series[int] = pa.Field(ge=1, title="Line", description="1-based line of the text.")
    quote: Series[str] = pa.Field(
        title="Quote", description="Verbatim words that state the figure."
    )
    note: Series[str] = pa.Field(nullable=True, title="Note", description="Transcriber's note.")

    Config = table_config(
        "Figures",
        "Every figure in the texts, trade and non-trade, normalized.",
        "figures.csv",
        key=["figure_id"],
        ordered=True,
        foreign_keys=[foreign_key("source_id", "sources"), *ECONOMY_KEYS],
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
        str_matches=SHA256_PATTERN, title="SHA-256", description="SHA-256 of the text file's bytes."
    )
    lines: Series[int] = pa.Field(ge=1, title="Lines", description="Number of lines in the text.")

    Config = table_config(
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
    kind: Series[str] = enum_field(vocab.CHECK_KINDS, title="Kind", description="The relation.")
    description: Series[str] = pa.Field(title="Description", description="In words.")
    target_id: Series[str] = pa.Field(title="Target figure", description="The figure checked.")
    operand_ids: Series[str] = pa.Field(
        title="Operand figures",
        description="Figures the expectation is computed from, ';'-separated.",
    )
    unit: Series[str] = enum_field(
        vocab.UNITS, title="Unit", description="Unit of expected, found and difference."
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
    status: Series[str] = enum_field(
        vocab.CHECK_STATUSES, title="Status", description="Outcome of the check."
    )
    evidence: Series[str] = enum_field(
        vocab.CHECK_EVIDENCE,
        title="Evidence",
        description="How strong the relation is as evidence: whether its figures cover one period.",
    )
    source_id: Series[str] = pa.Field(
        title="Source id",
        description="Id in sources.csv of the text that states the target figure.",
    )
    line: Series[int] = pa.Field(ge=1, title="Line", description="Line of the target figure.")

    Config = table_config(
        "Checks",
        "Arithmetic relations the texts state or imply, recomputed. A discrepancy is a "
        "finding about the source, not an error.",
        "checks.csv",
        key=["check_id"],
        ordered=True,
        foreign_keys=[
            foreign_key("target_id", "figures", "figure_id"),
            foreign_key("source_id", "sources"),
        ],
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
        str_matches=JALALI_DATE_PATTERN, title="Iranian date", description="As stated, YYYY-MM-DD."
    )
    gregorian_converted: Series[pd.Timestamp] = pa.Field(
        title="Gregorian (converted)",
        description="The Iranian date converted to the Gregorian calendar.",
    )
    gregorian_stated: Series[pd.Timestamp] = pa.Field(
        nullable=True, title="Gregorian (stated)", description="The Gregorian date the text gives."
    )
    weekday_converted: Series[str] = enum_field(
        vocab.WEEKDAYS, title="Weekday (converted)", description="Weekday of the converted date."
    )
    weekday_stated: Series[str] = enum_field(
        vocab.WEEKDAYS,
        nullable=True,
        title="Weekday (stated)",
        description="Weekday the text gives.",
    )
    status: Series[str] = enum_field(
        {
            "ok": "Stated and converted agree.",
            "discrepancy": "They disagree: a finding about the text.",
        },
        title="Status",
        description="Outcome of the comparison.",
    )

    Config = table_config(
        "Calendar checks",
        "Iranian-calendar dates in the texts, cross-checked against the Gregorian dates or "
        "weekdays the texts give.",
        "calendar_checks.csv",
        key=["mention_id"],
        ordered=True,
        foreign_keys=[foreign_key("source_id", "sources")],
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
    side: Series[str] = code_field(
        "Side",
        "The economy the page states the flow for (it sends exports, receives imports).",
        categorical=True,
    )
    partner: Series[str] = code_field("Partner", "The other economy.", categorical=True)
    flow: Series[str] = enum_field(
        vocab.FLOWS, title="Flow", description="From the side's point of view."
    )
    exporter: Series[str] = code_field(
        "Exporter", "Economy the goods leave; blank for turnover.", nullable=True, categorical=True
    )
    importer: Series[str] = code_field(
        "Importer", "Economy the goods enter; blank for turnover.", nullable=True, categorical=True
    )
    reporter: Series[str] = code_field(
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
    period_kind: Series[str] = period_kind_field()
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
    currency: Series[str] = enum_field(["USD", "EUR", "RUB"], title="Currency", description="Unit.")
    resolution: Series[float] = pa.Field(
        gt=0,
        title="Resolution",
        description="Place value of the last digit written, in the currency.",
    )
    qualifier: Series[str] = enum_field(
        vocab.QUALIFIERS, title="Qualifier", description="How the source qualifies the amount."
    )
    reporting_agency: Series[str] = pa.Field(
        nullable=True, title="Reporting agency", description="Agency the source names, if any."
    )
    reporter_basis: Series[str] = enum_field(
        vocab.REFERENCE_BASES,
        title="Reporter basis",
        description="Why this economy is the reporter.",
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

    Config = table_config(
        "Reference flows",
        "Trade figures for the same economies from other published sources, with their "
        "citation: a separate layer to compare the texts with.",
        "reference_flows.csv",
        key=["reference_id"],
        ordered=True,
        foreign_keys=REFERENCE_KEYS,
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
    comparison: Series[str] = enum_field(
        vocab.COMPARISONS, title="Comparison", description="What kind of comparison it is."
    )
    reporter: Series[str] = code_field("Reporter", "The text's reporter.", categorical=True)
    partner: Series[str] = code_field("Partner", "The text's partner.", categorical=True)
    flow: Series[str] = enum_field(vocab.FLOWS, title="Flow", description="The text's flow.")
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
    text_qualifier: Series[str] = enum_field(
        vocab.QUALIFIERS, title="Text's qualifier", description="How the text qualifies it."
    )
    reference_value_usd_m: Series[float] = pa.Field(
        title="Reference's value",
        description="The reference figure.",
        metadata={"unit": "million US dollars"},
    )
    reference_qualifier: Series[str] = enum_field(
        vocab.QUALIFIERS, title="Reference's qualifier", description="How the source qualifies it."
    )
    reference_reporter: Series[str] = code_field(
        "Reference's reporter", "Whose statistic it is.", categorical=True
    )
    reference_basis: Series[str] = enum_field(
        vocab.REFERENCE_BASES,
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
    grade: Series[str] = enum_field(
        vocab.GRADES,
        title="Grade",
        description="How the text's figure fares against the reference.",
    )
    finding: Series[str] = pa.Field(title="Finding", description="The outcome in words.")

    Config = table_config(
        "Reconciliation",
        "Each trade figure of the texts against every reference for the same pair, flow and "
        "period (same reporter, or the mirror), and the texts' bounds and claims against "
        "every reference they speak to.",
        "reconciliation.csv",
        key=["figure_id", "reference_id"],
        ordered=True,
        foreign_keys=[
            foreign_key("figure_id", "figures"),
            foreign_key("reference_id", "reference_flows"),
        ],
    )
