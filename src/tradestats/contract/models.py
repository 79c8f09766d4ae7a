"""The data contract: one pandera model per table, raw and clean.

Each model is declared once and serves the build, ``tradestats validate``,
:func:`tradestats.load`, the Frictionless descriptor (``datapackage.json``), the data
dictionaries in docs/ and the tests. Field titles, descriptions, units and enumerations live
here and nowhere else; table-level metadata (file name, primary key, foreign keys) sits
in each model's ``Config.metadata``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa

from tradestats.contract.clean_models import (
    CalendarChecks,
    Checks,
    Figures,
    Reconciliation,
    ReferenceFlows,
    Sources,
    TradeFlows,
)
from tradestats.contract.raw_models import (
    Agencies,
    Economies,
    RawCalendarMentions,
    RawExcluded,
    RawFigures,
    RawReference,
    RawReferenceSearches,
    RawRelations,
    RawSources,
)
from tradestats.contract.vocabularies import FLOWS, QUALIFIERS

__all__ = [
    "CLEAN_TABLES",
    "FLOWS",
    "QUALIFIERS",
    "RAW_TABLES",
    "TableSpec",
]

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
