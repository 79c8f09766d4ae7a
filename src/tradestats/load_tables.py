"""Load the clean tables as validated DataFrames with proper dtypes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tradestats.errors import InputError, TradestatsError
from tradestats.paths import default_clean_dir
from tradestats.raw_tables import schema_problems
from tradestats.schemas import CLEAN_TABLES

__all__ = ["load", "tables"]


def tables() -> list[str]:
    """The names of the clean tables, for :func:`load`."""
    return list(CLEAN_TABLES)


def _categorical(df: pd.DataFrame, name: str) -> pd.DataFrame:
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


def load(name: str, *, data_dir: Path | str | None = None) -> pd.DataFrame:
    """A clean table, validated against its schema: dates as ``datetime64``, enumerations
    and country codes as ``category``, numbers as ``float64``/``int64``.

    ``name`` is one of :func:`tables`. ``data_dir`` defaults to the checkout's data/clean
    when running from a checkout, else the copy bundled with the installed package.
    """
    if name not in CLEAN_TABLES:
        raise TradestatsError(f"unknown table {name!r}; choose one of: {', '.join(CLEAN_TABLES)}")
    spec = CLEAN_TABLES[name]
    directory = Path(data_dir) if data_dir is not None else default_clean_dir()
    path = directory / spec.file
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except FileNotFoundError as exc:
        raise TradestatsError(f"{path} not found; run 'tradestats build'") from exc
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise TradestatsError(f"{path} cannot be read as a UTF-8 CSV: {exc}") from exc
    raw.index = pd.RangeIndex(2, len(raw) + 2, name="line_in_file")
    valid, problems = schema_problems(raw, spec.model, str(path))
    if valid is None:
        raise InputError(problems)
    return _categorical(valid.reset_index(drop=True), name)
