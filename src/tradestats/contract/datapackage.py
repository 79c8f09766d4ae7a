"""The Frictionless Data Package descriptor, generated from the pandera models, so the
schemas are declared once."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pandera.pandas as pa

from tradestats.contract.models import CLEAN_TABLES, TableSpec
from tradestats.version import __version__

__all__ = ["datapackage_descriptor", "datapackage_json", "field_type", "table_schema"]

_LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def field_type(column: pa.Column) -> str:
    """The Frictionless type of a pandera column."""
    dtype = str(column.dtype).lower()
    if "datetime" in dtype:
        return "date"  # every datetime in tradestats is a calendar date
    if "int" in dtype:
        return "integer"
    if "float" in dtype:
        return "number"
    if "bool" in dtype:
        return "boolean"
    return "string"


def _constraints(column: pa.Column) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if not column.nullable:
        out["required"] = True
    if column.unique:
        out["unique"] = True
    for check in column.checks:
        stats = check.statistics or {}
        if check.name == "isin":
            out["enum"] = list(stats["allowed_values"])
        elif check.name == "str_matches":
            out["pattern"] = str(stats["pattern"]).removeprefix("^").removesuffix("$")
        elif check.name == "greater_than_or_equal_to":
            out["minimum"] = stats["min_value"]
        elif check.name == "greater_than":
            out["exclusiveMinimum"] = stats["min_value"]
        elif check.name == "less_than_or_equal_to":
            out["maximum"] = stats["max_value"]
        elif check.name == "str_length" and stats.get("min_value"):
            out["minLength"] = stats["min_value"]
    return {k: _json_value(v) for k, v in out.items()}


def _json_value(value: Any) -> Any:
    """A bound as JSON holds it: a date as its ISO text."""
    return value.date().isoformat() if isinstance(value, pd.Timestamp) else value


def table_schema(spec: TableSpec) -> dict[str, Any]:
    """The Table Schema of one clean table."""
    schema = spec.model.to_schema()
    fields = []
    for name, column in schema.columns.items():
        field: dict[str, Any] = {"name": name, "type": field_type(column)}
        if column.title:
            field["title"] = column.title
        if column.description:
            field["description"] = column.description
        meta = column.metadata or {}
        if "unit" in meta:
            field["unit"] = meta["unit"]
        if "enum_descriptions" in meta:
            field["enumDescriptions"] = meta["enum_descriptions"]
        constraints = _constraints(column)
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    out: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "fields": fields,
        "missingValues": [""],
    }
    meta = spec.metadata
    out["primaryKey"] = list(meta["primary_key"])  # type: ignore[call-overload]
    fks = meta.get("foreign_keys")
    if fks:
        out["foreignKeys"] = fks
    return out


def datapackage_descriptor(
    sources: list[dict[str, str]],
    hashes: dict[str, str] | None = None,
    record: dict[str, object] | None = None,
) -> dict[str, Any]:
    """The whole descriptor. ``sources`` are the texts (title, path) from sources.csv and
    the pages of the reference figures (title, address); ``hashes`` each table's file →
    its hash, and ``record`` what the build read (see :mod:`tradestats.contract.record`)."""
    resources = []
    for name, spec in CLEAN_TABLES.items():
        schema = spec.model.to_schema()
        resources.append(
            {
                "$schema": "https://datapackage.org/profiles/2.0/dataresource.json",
                "name": name,
                "type": "table",
                "path": spec.file,
                **({"hash": hashes[spec.file]} if hashes else {}),
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": schema.title,
                "description": schema.description,
                "dialect": {"header": True, "delimiter": ",", "lineTerminator": "\n"},
                "schema": table_schema(spec),
            }
        )
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "tradestats",
        "title": "Russia's foreign trade: figures quoted in five texts",
        "description": (
            "Every quantitative figure stated in five texts (four Persian, one English) on "
            "Russia's foreign trade and economy, transcribed with its verbatim quote, line "
            "and source, parsed, normalized and cross-checked."
        ),
        "version": __version__,
        "licenses": [_LICENSE],
        "sources": sources,
        **(record or {}),
        "resources": resources,
    }


def datapackage_json(
    sources: list[dict[str, str]], hashes: dict[str, str], record: dict[str, object]
) -> str:
    """The descriptor as stable, human-readable JSON."""
    descriptor = datapackage_descriptor(sources, hashes, record)
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
