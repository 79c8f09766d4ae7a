"""Load the clean tables as DataFrames with proper dtypes, validated by default."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from tradestats.errors import InputError, TradestatsError
from tradestats.paths import default_clean_dir

__all__ = ["load", "tables"]


def tables() -> list[str]:
    """The names of the clean tables, for :func:`load`."""
    from tradestats.schemas import CLEAN_TABLES

    return list(CLEAN_TABLES)


def _read(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except FileNotFoundError as exc:
        raise TradestatsError(f"{path} not found; run 'tradestats build'") from exc
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise TradestatsError(f"{path} cannot be read as a UTF-8 CSV: {exc}") from exc


def _typed_from_descriptor(df: pd.DataFrame, schema: dict[str, Any]) -> pd.DataFrame:
    """Give the columns the types that datapackage.json (generated from the pandera
    models) declares: the fast path, without validation."""
    for f in schema["fields"]:
        name, kind = f["name"], f["type"]
        if name not in df.columns:
            raise TradestatsError(f"column {name!r} is missing; run 'tradestats build'")
        if kind == "date":
            df[name] = pd.to_datetime(df[name], format="%Y-%m-%d").astype("datetime64[ns]")
        elif kind == "number":
            df[name] = df[name].astype("float64")
        elif kind == "integer":
            df[name] = df[name].astype("int64")
        enum = f.get("constraints", {}).get("enum")
        if enum is not None:
            df[name] = pd.Categorical(df[name], categories=enum)
    return df


def _categorical(df: pd.DataFrame, name: str) -> pd.DataFrame:
    from tradestats.schemas import CLEAN_TABLES

    schema = CLEAN_TABLES[name].model.to_schema()
    for column_name, column in schema.columns.items():
        if not (column.metadata or {}).get("categorical"):
            continue
        allowed = next(
            (c.statistics["allowed_values"] for c in column.checks if c.name == "isin"), None
        )
        categories = (
            list(allowed) if allowed is not None else sorted(df[column_name].dropna().unique())
        )
        df[column_name] = pd.Categorical(df[column_name], categories=categories)
    return df


def load(name: str, *, data_dir: Path | str | None = None, validate: bool = True) -> pd.DataFrame:
    """A clean table: dates as ``datetime64``, enumerations and country codes as
    ``category``, numbers as ``float64``/``int64``.

    ``name`` is one of :func:`tables`. ``data_dir`` defaults to the checkout's data/clean
    when running from a checkout, else the copy bundled with the installed package. With
    ``validate`` (the default) the table is checked against its pandera schema first;
    ``validate=False`` types it from datapackage.json only, which is faster.
    """
    directory = Path(data_dir) if data_dir is not None else default_clean_dir()
    if not validate:
        try:
            descriptor = json.loads((directory / "datapackage.json").read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise TradestatsError(f"{directory}/datapackage.json cannot be read: {exc}") from exc
        resources = {r["name"]: r for r in descriptor["resources"]}
        if name not in resources:
            raise TradestatsError(f"unknown table {name!r}; choose one of: {', '.join(resources)}")
        resource = resources[name]
        return _typed_from_descriptor(_read(directory / resource["path"]), resource["schema"])

    from tradestats.raw_tables import schema_problems
    from tradestats.schemas import CLEAN_TABLES

    if name not in CLEAN_TABLES:
        raise TradestatsError(f"unknown table {name!r}; choose one of: {', '.join(CLEAN_TABLES)}")
    spec = CLEAN_TABLES[name]
    path = directory / spec.file
    raw = _read(path)
    raw.index = pd.RangeIndex(2, len(raw) + 2, name="line_in_file")
    valid, problems = schema_problems(raw, spec.model, str(path))
    if valid is None:
        raise InputError(problems)
    return _categorical(valid.reset_index(drop=True), name)
