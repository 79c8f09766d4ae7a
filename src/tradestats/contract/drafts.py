"""The rows ``tradestats extract --rows`` and :func:`tradestats.draft` give: one per money
figure and change of trade in a text, declared once here."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from tradestats.contract.vocabularies import FLOWS, MEASURES, NATURES, QUALIFIERS

__all__ = ["DRAFT_COLUMNS", "DraftedRows"]


class DraftedRows(pa.DataFrameModel):
    """A drafted row for review: blank where the text does not settle a field."""

    line: Series[int] = pa.Field(ge=1, description="Line of the text (1-based).")
    column: Series[int] = pa.Field(ge=1, description="Column where the figure starts.")
    quote: Series[str] = pa.Field(description="The figure's words, verbatim.")
    measure: Series[pd.CategoricalDtype] = pa.Field(
        dtype_kwargs={"categories": list(MEASURES)}, description="What the figure measures."
    )
    reporter: Series[str] = pa.Field(nullable=True, description="ISO 3166 alpha-3 code.")
    partner: Series[str] = pa.Field(nullable=True, description="ISO 3166 alpha-3 code.")
    flow: Series[pd.CategoricalDtype] = pa.Field(
        nullable=True, dtype_kwargs={"categories": list(FLOWS)}, description="The flow."
    )
    exporter: Series[str] = pa.Field(nullable=True, description="Where the goods come from.")
    importer: Series[str] = pa.Field(nullable=True, description="Where the goods go.")
    period_start: Series[pd.Timestamp] = pa.Field(nullable=True, description="First day.")
    period_end: Series[pd.Timestamp] = pa.Field(nullable=True, description="Last day.")
    value: Series[float] = pa.Field(description="Signed: a fall, a deficit negative.")
    currency: Series[str] = pa.Field(nullable=True, description="ISO 4217 code.")
    value_usd_m: Series[float] = pa.Field(nullable=True, description="A US$ level, millions.")
    qualifier: Series[pd.CategoricalDtype] = pa.Field(
        dtype_kwargs={"categories": list(QUALIFIERS)}, description="How the text qualifies it."
    )
    reporting_agency: Series[str] = pa.Field(nullable=True, description="Agency credited.")
    nature: Series[pd.CategoricalDtype] = pa.Field(
        dtype_kwargs={"categories": list(NATURES)}, description="Observed, target, forecast."
    )
    evidence: Series[str] = pa.Field(description="The words that decided each field.")

    class Config:
        strict = True
        coerce = True
        ordered = True


DRAFT_COLUMNS = tuple(DraftedRows.to_schema().columns)
