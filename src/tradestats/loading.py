"""Clean tables as typed DataFrames: the one place column types come from.

Every column's type is read off its pandera model: dates as ``datetime64[ns]``, numbers
as ``float64``/``int64``, enumerations and country codes as ``category`` (with the
vocabulary's categories), text as ``str``. ``load(validate=False)`` skips the schema
check, not the typing, so both give the same dtypes.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tradestats.contract.checking import schema_problems
from tradestats.contract.models import CLEAN_TABLES
from tradestats.contract.record import table_hash_problem
from tradestats.errors import InputError, TradestatsError
from tradestats.files import data_dir as default_data_dir

__all__ = ["load", "tables"]


def tables() -> list[str]:
    """The names of the clean tables, for :func:`load`."""
    return list(CLEAN_TABLES)


def _read(path: Path) -> pd.DataFrame:
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except FileNotFoundError as exc:
        raise TradestatsError(f"{path} not found; run 'tradestats build'") from exc
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise TradestatsError(f"{path} cannot be read as a UTF-8 CSV: {exc}") from exc
    df.index = pd.RangeIndex(2, len(df) + 2, name="line_in_file")
    return df


def _economy_codes(directory: Path) -> list[str] | None:
    """Every code in the folder's economies.csv, sorted: the categories of every economy
    column, so that merges between tables keep them. None if it cannot be read."""
    path = directory / CLEAN_TABLES["economies"].file
    try:
        codes = pd.read_csv(path, dtype=str, usecols=["code"], keep_default_na=False)["code"]
    except (FileNotFoundError, ValueError, UnicodeDecodeError, pd.errors.ParserError):
        return None
    return sorted(set(codes) - {""})


def _categories(column: object, values: pd.Series, codes: list[str] | None) -> list[str]:
    """A categorical column's categories: its vocabulary; for an economy's code, every
    code of economies.csv (with any other value present, so nothing is lost)."""
    allowed = next(
        (c.statistics["allowed_values"] for c in column.checks if c.name == "isin"),  # type: ignore[attr-defined]
        None,
    )
    if allowed is not None:
        return list(allowed)
    present = set(values.dropna().unique())
    if (column.metadata or {}).get("economy_code") and codes is not None:  # type: ignore[attr-defined]
        return sorted(set(codes) | present)
    return sorted(present)


def _typed(df: pd.DataFrame, name: str, label: str, codes: list[str] | None) -> pd.DataFrame:
    """Every column as its model declares: the schema's dtype, or a category whose
    categories are the vocabulary (for codes, every economy's code)."""
    schema = CLEAN_TABLES[name].model.to_schema()
    missing = [c for c in schema.columns if c not in df.columns]
    if missing:
        raise TradestatsError(f"{label}: missing column {missing[0]!r}; run 'tradestats build'")
    out = pd.DataFrame(index=pd.RangeIndex(len(df)))
    for column_name, column in schema.columns.items():
        values = df[column_name].reset_index(drop=True)
        if (column.metadata or {}).get("categorical"):
            categories = _categories(column, values, codes)
            out[column_name] = pd.Categorical(values.astype(object), categories=categories)
        elif str(column.dtype).startswith("datetime64"):
            out[column_name] = pd.to_datetime(values, format="%Y-%m-%d").astype("datetime64[ns]")
        else:
            # pandas' default string dtype ("str", blanks as NaN) for text columns
            dtype = "str" if str(column.dtype).startswith("str") else str(column.dtype)
            try:
                out[column_name] = values.astype(dtype)
            except (TypeError, ValueError) as exc:
                raise TradestatsError(f"{label} [{column_name}]: {exc}") from exc
    return out


def load(
    name: str, *, data_dir: Path | str | None = None, validate: bool = True, verify: bool = True
) -> pd.DataFrame:
    """A clean table, typed (see the module's docstring).

    ``name`` is one of :func:`tables`. ``data_dir`` defaults to :func:`tradestats.data_dir`:
    the checkout's data/clean inside a checkout, else the copy bundled with the package;
    ``df.attrs["data_dir"]`` says which was read. With ``validate`` (the default) the
    table is checked against its pandera schema first, and a failure raises
    :class:`InputError` naming the file, line and column. With ``verify`` (the default)
    its bytes are first checked against the hash the build recorded in the folder's
    datapackage.json, and a table edited since raises :class:`TradestatsError`.
    """
    if name not in CLEAN_TABLES:
        raise TradestatsError(f"unknown table {name!r}; choose one of: {', '.join(CLEAN_TABLES)}")
    directory = Path(data_dir) if data_dir is not None else default_data_dir()
    path = directory / CLEAN_TABLES[name].file
    problem = table_hash_problem(directory, CLEAN_TABLES[name].file) if verify else None
    if problem is not None:
        raise TradestatsError(
            f"table {name!r} is not what the build recorded in {directory}/datapackage.json "
            f"({problem}); run 'tradestats build', or load it with verify=False"
        )
    df = _read(path)
    if validate:
        valid, problems = schema_problems(df, CLEAN_TABLES[name].model, str(path))
        if valid is None:
            raise InputError(problems)
    typed = _typed(df, name, str(path), _economy_codes(directory))
    typed.attrs["data_dir"] = str(directory)
    return typed
