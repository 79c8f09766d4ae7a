"""The building blocks of the pandera models: fields restricted to a vocabulary, codes,
dates, foreign keys and table metadata, declared once for the raw and clean models."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa

from tradestats.contract.vocabularies import (
    DATE_RANGE,
    PERIOD_KINDS,
)

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
_ISO3 = r"^[A-Z]{3}$"
JALALI_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"


def enum_field(values: dict[str, str] | list[str], **kwargs: Any) -> Any:
    """A string Field restricted to a vocabulary, marked categorical for load()."""
    meta = dict(kwargs.pop("metadata", {}) or {})  # type: ignore[call-overload]
    meta["categorical"] = True
    if isinstance(values, dict):
        meta["enum_descriptions"] = values
    return pa.Field(isin=list(values), metadata=meta, **kwargs)  # type: ignore[arg-type]


def code_field(
    title: str, description: str, *, nullable: bool = False, categorical: bool = True
) -> Any:
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


def date_field(title: str, description: str, *, nullable: bool = False) -> Any:
    """A date a source was written or published: between DATE_RANGE's bounds, so a
    mistyped year (0001, 9999) is refused at its line."""
    low, high = (pd.Timestamp(d) for d in DATE_RANGE)
    return pa.Field(ge=low, le=high, nullable=nullable, title=title, description=description)


def period_kind_field() -> Any:
    return enum_field(PERIOD_KINDS, title="Period kind", description="What kind of period it is.")


def as_of_field() -> Any:
    return pa.Field(
        nullable=True,
        title="As of",
        description="For an as-of or undated figure, the date of the text that states it.",
    )


def foreign_key(field: str, resource: str, ref: str | None = None) -> dict[str, object]:
    return {"fields": field, "reference": {"resource": resource, "fields": ref or field}}


# reporter and partner are economies' codes
ECONOMY_KEYS = [
    foreign_key("reporter", "economies", "code"),
    foreign_key("partner", "economies", "code"),
]
REFERENCE_KEYS = [*ECONOMY_KEYS, foreign_key("side", "economies", "code")]


def table_config(
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
