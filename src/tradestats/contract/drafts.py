"""The rows ``tradestats extract --rows`` and :func:`tradestats.draft` give: one per money
figure and change of trade in a text, declared once here. The columns are plain data,
so drafting needs no pandas; the pandera schema is built from them when asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tradestats.contract.vocabularies import FLOWS, MEASURES, NATURES, QUALIFIERS

if TYPE_CHECKING:
    import pandera.pandas as pa

__all__ = ["DRAFT_COLUMNS", "DRAFT_FIELDS", "drafted_rows_schema"]

# column -> (type, vocabulary or None, may be blank, description)
DRAFT_FIELDS: dict[str, tuple[str, dict[str, str] | None, bool, str]] = {
    "line": ("int", None, False, "Line of the text (1-based)."),
    "column": ("int", None, False, "Column where the figure starts."),
    "quote": ("str", None, False, "The figure's words, verbatim."),
    "measure": ("category", MEASURES, False, "What the figure measures."),
    "reporter": ("str", None, True, "ISO 3166 alpha-3 code."),
    "partner": ("str", None, True, "ISO 3166 alpha-3 code."),
    "flow": ("category", FLOWS, True, "The flow, from the reporter's side."),
    "exporter": ("str", None, True, "Where the goods come from."),
    "importer": ("str", None, True, "Where the goods go."),
    "period_start": ("date", None, True, "First day of the period."),
    "period_end": ("date", None, True, "Last day of the period."),
    "value": ("float", None, False, "Signed: a fall or a deficit is negative."),
    "currency": ("str", None, True, "ISO 4217 code."),
    "value_usd_m": ("float", None, True, "A level in US dollars, in millions."),
    "qualifier": ("category", QUALIFIERS, False, "How the text qualifies it."),
    "reporting_agency": ("str", None, True, "The agency the text credits."),
    "nature": ("category", NATURES, False, "Observed, target or forecast."),
    "evidence": ("str", None, False, "The words that decided each field."),
}
DRAFT_COLUMNS = tuple(DRAFT_FIELDS)


def drafted_rows_schema() -> pa.DataFrameSchema:
    """The pandera schema of a frame of drafted rows, from DRAFT_FIELDS."""
    import pandas as pd
    import pandera.pandas as pa

    def dtype(kind: str, vocabulary: dict[str, str] | None) -> object:
        if kind == "category":
            return pd.CategoricalDtype(list(vocabulary or {}))
        return {"int": "int64", "float": "float64", "date": "datetime64[ns]", "str": "str"}[kind]

    columns = {
        name: pa.Column(dtype(kind, vocab), nullable=blank, description=text, coerce=True)
        for name, (kind, vocab, blank, text) in DRAFT_FIELDS.items()
    }
    return pa.DataFrameSchema(columns, strict=True, ordered=True)
