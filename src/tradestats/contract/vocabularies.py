"""The vocabularies of the data contract, each declared once: qualifiers, flows, natures,
units, categories and the other closed lists. The pandera models, the Data Package
descriptor, the data dictionaries and the extractor all take their words from here."""

from __future__ import annotations

__all__ = [
    "AGREEMENT",
    "CATEGORIES",
    "CHECK_KINDS",
    "CHECK_STATUSES",
    "COMPARISONS",
    "DATE_RANGE",
    "DIRECTIONS",
    "EXCLUSION_REASONS",
    "FIGURE_KINDS",
    "FIGURE_QUALIFIERS",
    "FINDING_GRADES",
    "FLOWS",
    "GRADES",
    "HEADLINE_FROM",
    "MAX_TEXT_BYTES",
    "MEASURES",
    "NATURES",
    "QUALIFIERS",
    "REFERENCE_BASES",
    "REMARK_BASES",
    "REPORTER_BASES",
    "UNITS",
    "UNIT_KINDS",
    "WEEKDAYS",
    "WORLD_BANK_AGGREGATES",
    "unit_kind",
]

# --- vocabularies --------------------------------------------------------------------

QUALIFIERS = {
    "exact": "The text states the figure as it is.",
    "about": "Approximate («حدود», «تقریباً», 'about').",
    "almost": (
        "Just under the figure («نزدیک به», 'almost', 'nearly', «почти»): the value lies a "
        "little below it."
    ),
    "more_than": "A lower bound («بیش از», 'more than').",
    "less_than": "An upper bound («کمتر از», «زیر», 'under').",
    "target": "A planned level, not an outcome.",
    "up_to": (
        "At most this much: a capacity or a ceiling the text states («می‌تواند», «اجازه "
        "خواهد داد», 'can', 'will allow'). Not an outcome: how much is used is not stated."
    ),
}
FIGURE_QUALIFIERS = {
    **QUALIFIERS,
    "range": "A range: value is the lower bound, value_upper the upper.",
}
FLOWS = {
    "exports": "Goods the economy sends to the partner (the reporter's, or a reference's side).",
    "imports": "Goods the economy receives from the partner.",
    "turnover": "Exports plus imports.",
    "balance": (
        "Exports minus imports, from the reporter's side: a surplus is positive, a deficit "
        "negative (figures.csv category trade_balance only)."
    ),
}
# What a drafted row measures (``tradestats extract --rows``, ``tradestats.draft``).
MEASURES = {
    "value": "The level of a flow (a money amount).",
    "growth_percent": "A percentage change of a flow; negative for a fall.",
    "change": "An absolute change of a flow in money ('rose by $1.2 billion'); negative "
    "for a fall.",
    "balance": "A trade balance (flow 'balance'): positive for a surplus, negative for a "
    "deficit, from the reporter's side.",
}
NATURES = {
    "observed": "An outcome the text reports.",
    "forecast": "A projection or possibility the text reports.",
    "target": "A level that someone plans to reach.",
}
DIRECTIONS = {
    "increase": "The figure measures a rise.",
    "decrease": "The figure measures a fall; value is negative.",
}
UNITS = {
    "USD": "US dollars",
    "USD_per_barrel": "US dollars per barrel of oil",
    "EUR": "Euros",
    "RUB": "Russian roubles",
    "IRR": "Iranian rials",
    "IRT": "Iranian tomans (ten rials)",
    "percent": "Percent",
    "times": "Multiple of a reference level",
    "barrels": "Barrels of oil (no time unit stated)",
    "barrels_per_day": "Barrels of oil per day",
    "tonnes": "Metric tonnes",
    "tonnes_per_day": "Metric tonnes per day",
    "wagons": "Railway wagons",
    "wagons_per_year": "Railway wagons per year",
    "wagons_per_day": "Railway wagons per day",
    "tonnes_per_year": "Metric tonnes per year",
    "count": "A count",
    "rank": "A rank (1 = first)",
}
# What kind of figure a number in each unit is (the extractor's kinds); every other unit
# is a quantity.
UNIT_KINDS = {
    **dict.fromkeys(("USD", "USD_per_barrel", "EUR", "RUB", "IRR", "IRT"), "money"),
    "percent": "percent",
    "times": "multiple",
}
FIGURE_KINDS = ("money", "percent", "quantity", "multiple")


def unit_kind(unit: str) -> str:
    """The kind of figure a number in ``unit`` is: money, percent, multiple or quantity."""
    return UNIT_KINDS.get(unit, "quantity")


CATEGORIES = {
    "trade": "Merchandise trade value.",
    "trade_growth": "Growth rate of a trade flow.",
    "trade_balance": "A trade balance, surplus or deficit (flow 'balance'), signed from the "
    "reporter's side.",
    "trade_change": "An absolute change of a trade flow in money, signed.",
    "trade_share": "Share of one trade flow in another.",
    "gdp": "Gross domestic product, its level or multiple.",
    "gdp_growth": "Growth rate of GDP.",
    "reserves": "Foreign-exchange reserves.",
    "debt": "Debt.",
    "fiscal": "Government spending or stimulus.",
    "price": "A price.",
    "ownership": "An ownership share in a company.",
    "energy_reserves": "Share of the world's proven oil or gas reserves.",
    "energy_trade": "Oil or gas shipments.",
    "contract": "Value of a contract.",
    "transport": "Transport capacity or volume.",
    "treaty": "A count about a treaty.",
    "diplomacy": "Counts of diplomatic posts and staff.",
    "rank": "A rank in a world ordering.",
}
REPORTER_BASES = {
    "agency": "The text names the statistical agency; reporter is that agency's economy.",
    "text_side": (
        "The text names no agency; reporter is the economy from whose side the text "
        "states the flow (for turnover, the economy it names first)."
    ),
}
# --- figures from other published sources (data/raw/reference.csv) ---------------------

REFERENCE_BASES = {
    "agency": (
        "The figure's own sentence names the statistical agency; reporter is that agency's economy."
    ),
    "article": (
        "The page names the agency elsewhere, not in the figure's sentence (an earlier "
        "paragraph, a background paragraph); reporter is that agency's economy."
    ),
    "official_data": (
        "The page gives the figure as official data, naming no agency, beside the words of "
        "an official (attributed_to); reporter is the economy whose data it is."
    ),
    "speaker": (
        "The source quotes a person or body (an official, a ministry, a chamber of commerce) "
        "who names no statistical agency; reporter is the speaker's economy."
    ),
    "speaker_other_side": (
        "A speaker states the figure as the other economy's flow ('Russia imported … from "
        "Iran', said by Iran's ambassador): reporter is that economy, whose statistic the "
        "speaker cites."
    ),
    "outlet": (
        "The outlet's own narration, naming no agency and quoting no one: whose statistic it "
        "is, is not stated, and reporter is blank."
    ),
}
# bases whose figure is someone's remark rather than an agency's published statistic
REMARK_BASES = ("speaker", "speaker_other_side", "outlet")
HEADLINE_FROM = {
    "page": "The headline as the page prints it.",
    "none": (
        "The page as stored prints no headline: headline is blank, and the page is cited by "
        "its outlet, address and date."
    ),
}
COMPARISONS = {
    "same_reporter": (
        "The text and the reference report the same economy's statistic: an agreement check."
    ),
    "same_statistic": (
        "A speaker's figure on the partner's side that equals the text's agency figure within "
        "both roundings: very likely that statistic quoted again, so not independent "
        "corroboration."
    ),
    "mirror": (
        "The reference is the partner's side of the same trade: differences are expected "
        "(goods in transit, CIF/FOB valuation, timing, country attribution)."
    ),
    "bound": "A bound or claim of the text, tested against a reference figure.",
}
AGREEMENT = {"close": 0.02, "about": 0.05}
GRADES = {
    "agrees": "Equal within the rounding of the two figures as written.",
    "close": f"Within {AGREEMENT['close']:.0%} of the reference figure, short of agreeing.",
    "differs": "Further apart than that.",
    "holds": "The text's bound holds for the reference figure, whatever its rounding.",
    "contradicted": "The reference figure breaks the text's bound, whatever its rounding.",
    "undecided": "The reference's rounding leaves the bound undecided.",
}
# grades that are findings: a text's figure or claim that other sources do not bear out
FINDING_GRADES = ("differs", "contradicted")
# How far apart two figures may be and still be graded 'close', as a share of the
# reference; an 'about' on either side widens it to the 'about' share.
CHECK_KINDS = {
    "sum": "The target equals the sum of the operands.",
    "growth": "The target growth rate (percent) equals operand 2 over operand 1, minus one.",
    "share": "The target share (percent) equals operand 1 over operand 2.",
    "upper_bound": "Every operand lies below the target.",
    "equal": "The target equals the operand.",
}
PERIOD_KINDS = {
    "calendar": "Gregorian years or days: period_start to period_end.",
    "month_range": "Gregorian months: period_start to period_end.",
    "iranian": "Iranian-calendar years or months, converted: period_start to period_end.",
    "as_of": (
        "Dated only by its text ('now', 'so far'): no period; as_of is the text's date. "
        "Not a flow of any year."
    ),
    "undated": (
        "The text gives no period ('always', 'can'): no period; as_of is the date of the "
        "text that states it."
    ),
}
CHECK_EVIDENCE = {
    "same_period": "Every figure in the relation covers the same period: a clean test.",
    "like_periods": (
        "The figures cover periods of the same length, as a growth rate or a record compares "
        "them: a fair test."
    ),
    "mixed_periods": (
        "The figures cover different periods, or one has none: loose evidence at best, "
        "whatever the status says."
    ),
}
CHECK_STATUSES = {
    "ok": "The relation holds exactly.",
    "rounding": "The relation holds within the rounding of the figures as stated.",
    "discrepancy": "The relation fails beyond rounding: a finding about the source.",
}
EXCLUSION_REASONS = {
    "calendar_year": "A year that dates something (1996, ۱۴۰۰), or a decade.",
    "date": "Part of a date or a weekday's name (۲۸ دی, 12 March, «سه شنبه»).",
    "time_of_day": "A clock time.",
    "citation": "A citation's year or page number («(کولایی، 1389: 210)»).",
    "list_number": "A number that orders a list («2- …», «1) …»).",
    "section_number": "A heading or table number ('6.', 'Table 1- 1').",
    "duration": "A length of time (30 years, six months, two decades).",
    "century": "A century or millennium.",
    "ordinal": "An ordinal in prose (the second term, the third time).",
    "count_phrase": "A number word in prose, not a statistic (the two countries).",
    "indefinite_article": "«یک» or 'one' meaning 'a'.",
    "model_name": "Part of the name of a weapon system (S-300, Su-30).",
    "document_number": "A resolution's or an article's number.",
    "identifier": "An id, such as an article's code.",
    "name": "Part of a proper name (the Group of Eight, the Committee of 20).",
    "garbled": "Digits garbled by machine translation ('65438', '2/kloc-0').",
    "other": "Anything else; the note says what.",
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# World Bank aggregate codes (https://data.worldbank.org/country) that may stand where
# ISO 3166-1 has no code.
WORLD_BANK_AGGREGATES = frozenset(
    {
        "WLD",
        "EUU",
        "EMU",
        "OED",
        "ARB",
        "EAS",
        "ECS",
        "LCN",
        "MEA",
        "NAC",
        "SAS",
        "SSF",
        "HIC",
        "LIC",
        "LMC",
        "UMC",
        "MIC",
        "CEB",
        "CSS",
    }
)


# The largest source text the build and the extractor read (20 MiB): one limit, one place.
MAX_TEXT_BYTES = 20 * 1024 * 1024

# The dates a text or a page can bear: a year outside them (0001, 9999) is a typing slip.
DATE_RANGE = ("1800-01-01", "2100-12-31")

# Plausibility bounds: a figure beyond them is a transcription error, not a finding.
# World merchandise trade is about US$25 trillion a year (WTO, 2022), so no trade flow
# between two economies can exceed it; no rate of change or share exceeds 10,000 percent.
PLAUSIBLE_MAX = {
    "trade_usd": 25e12,
    "percent": 10_000,
}
