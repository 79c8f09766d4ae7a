"""Checking a table against its contract: pandera's failures turned into problems that
name the file, the line and the column; and foreign keys between tables."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Hashable, Mapping

import pandas as pd
import pandera.pandas as pa

from tradestats.contract.models import TableSpec
from tradestats.errors import Problem

__all__ = ["foreign_key_problems", "schema_problems"]


def schema_problems(
    df: pd.DataFrame, model: type[pa.DataFrameModel], label: str
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validate ``df`` (indexed by file line) against ``model``, lazily: every failure
    becomes a Problem naming the line and column."""
    try:
        with warnings.catch_warnings():  # pandera's own warnings: the problems say it all
            warnings.filterwarnings("ignore", category=UserWarning, module="pandera")
            return model.validate(df, lazy=True), []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    problems: list[Problem] = []
    seen: set[tuple[object, ...]] = set()
    keys = [c for c in cases.itertuples(index=False) if c.check == "multiple_fields_uniqueness"]
    key_columns = list(dict.fromkeys(str(c.column) for c in keys))
    if len(key_columns) > 1:  # a key of several columns: one problem per duplicated row
        lines = sorted({int(c.index) for c in keys if c.index is not None and not pd.isna(c.index)})
        named = ", ".join(key_columns)
        problems += [
            Problem(label, n, None, f"duplicate row: another row has the same {named}")
            for n in lines
        ]
        cases = cases[cases["check"] != "multiple_fields_uniqueness"]
    for case in cases.itertuples(index=False):
        index = case.index
        line = int(index) if index is not None and not pd.isna(index) else None
        check = str(case.check)
        column = None if pd.isna(case.column) else str(case.column)
        wide = case.schema_context == "DataFrameSchema" and check not in {
            "column_in_schema",
            "column_in_dataframe",
            "multiple_fields_uniqueness",
        }
        key = (line, check) if wide else (line, column, check)
        if key in seen:
            continue
        seen.add(key)
        found = case.failure_case
        if check == "column_in_dataframe":
            msg = f"missing column {found!r}"
            column = str(found)
        elif check == "column_in_schema":
            msg = f"unexpected column {found!r}"
            column = str(found)
        elif check == "multiple_fields_uniqueness":
            msg = f"duplicate value {found!r}: ids must be unique"
        elif wide:
            msg = check
            column = None
        elif check == "not_nullable":
            msg = "blank: this column needs a value"
        else:
            msg = f"expected {_describe(check)}, found {found!r}"
        problems.append(Problem(label, line, column, msg))
    return None, _one_per_place(problems)


def _one_per_place(problems: list[Problem]) -> list[Problem]:
    """One problem, one message: the first for each line and column, and none without a
    line for a column whose lines already have one (a value that cannot be read as a
    number also fails the number's checks; saying so three times helps no one)."""
    out: list[Problem] = []
    places: set[tuple[int | None, str | None]] = set()
    columns = {p.column for p in problems if p.line is not None and p.column}
    for p in problems:
        place = (p.line, p.column)
        if (p.column and place in places) or (p.line is None and p.column in columns):
            continue
        places.add(place)
        out.append(p)
    return out


def _describe(check: str) -> str:
    """Make a pandera check name readable: "isin(['a', 'b'])" -> "one of ['a', 'b']"."""
    replacements = {
        "isin(": "one of (",
        "str_matches(": "text matching (",
        "greater_than_or_equal_to(": ">= (",
        "greater_than(": "> (",
        "less_than_or_equal_to(": "<= (",
        "coerce_dtype(": "a value of type (",
        "dtype(": "type (",
        "str_length(": "text of length (",
    }
    for old, new in replacements.items():
        if check.startswith(old):
            return new + check[len(old) :]
    return check


def foreign_key_problems(
    tables: Mapping[str, pd.DataFrame],
    specs: Mapping[str, TableSpec],
    label: Callable[[str], str],
    line_of: Callable[[Hashable], int],
) -> list[Problem]:
    """Every foreign key declared in the models' metadata must resolve among ``tables``.
    ``label`` names a table's file; ``line_of`` turns a row's index into its file line."""
    problems: list[Problem] = []
    for name, spec in specs.items():
        df = tables.get(name)
        for fk in spec.metadata.get("foreign_keys", []):  # type: ignore[attr-defined]
            target_df = tables.get(fk["reference"]["resource"])
            if df is None or target_df is None:
                continue
            known = set(target_df[fk["reference"]["fields"]].dropna().astype(str))
            column = fk["fields"]
            values = df[column]
            unknown = values.notna() & ~values.astype(str).isin(known)
            for index, value in values[unknown].items():
                problems.append(
                    Problem(
                        label(name),
                        line_of(index),
                        column,
                        f"unknown {fk['reference']['fields']} {value!r}: not "
                        f"in {label(fk['reference']['resource'])}",
                    )
                )
    return problems
