"""Provenance, checked rather than trusted: every quoted passage must stand verbatim, and
once only, at its stated line of its stated text; every id must resolve."""

from __future__ import annotations

from typing import Any

import pandas as pd

from tradestats.builder.raw import RawData, records
from tradestats.contract.checking import foreign_key_problems
from tradestats.contract.models import RAW_TABLES
from tradestats.contract.vocabularies import WORLD_BANK_AGGREGATES
from tradestats.errors import Problem

__all__ = [
    "locate_quote",
    "provenance_problems",
    "reference_problems",
    "transcribed_twice_problems",
]


def locate_quote(
    lines: list[str], line: int, quote: str, *, unique: bool = True, source: str = "the text"
) -> str | None:
    """None if ``quote`` stands on 1-based ``line`` of ``lines`` (exactly once, if
    ``unique``); otherwise what is wrong, in words."""
    if not 1 <= line <= len(lines):
        return f"line {line} does not exist: {source} has {len(lines)} lines"
    count = lines[line - 1].count(quote)
    if count == 1 or (count > 1 and not unique):
        return None
    if count > 1:
        return (
            f"{quote!r} occurs {count} times on line {line} of {source}; quote a longer "
            "passage so that it points to one place"
        )
    elsewhere = [i for i, text in enumerate(lines, start=1) if quote in text]
    if elsewhere:
        return (
            f"{quote!r} is not on line {line} of {source}; it is on line "
            f"{', '.join(map(str, elsewhere))}"
        )
    return (
        f"{quote!r} is not on line {line} of {source}, nor anywhere in it; quotes must "
        "be verbatim, character for character"
    )


# (table, column holding the quote, columns holding its line: the first that is filled,
# must it be unique)
_QUOTED = [
    ("figures", "quote", ("line",), True),
    ("figures", "period_text", ("line",), False),
    ("figures", "agency_quote", ("agency_line", "line"), False),
    ("figures", "qualifier_quote", ("line",), False),
    ("calendar_mentions", "quote", ("line",), False),
    ("sources", "date_quote", ("date_line",), False),
    ("excluded", "quote", ("line",), True),
]


def _lines(df: Any, columns: tuple[str, ...]) -> list[Any]:
    """Each row's line: the first of ``columns`` that is filled."""
    found = df[columns[0]].tolist()
    for column in columns[1:]:
        found = [a if not _blank(a) else b for a, b in zip(found, df[column].tolist(), strict=True)]
    return found


def _blank(value: object) -> bool:
    return value is None or bool(pd.isna(value))  # type: ignore[arg-type]


def provenance_problems(raw: RawData) -> list[Problem]:
    """Every quote-like column of every raw table, located in its text."""
    problems: list[Problem] = transcribed_twice_problems(raw)
    for table, column, line_column, unique in _QUOTED:
        df = raw.tables.get(table)
        if df is None:
            continue
        rows = zip(
            df.index.tolist(),
            df["source_id"].tolist(),
            df[column].tolist(),
            _lines(df, line_column),
            strict=True,
        )
        for file_line, source_id, quote, line in rows:
            if _blank(quote):
                continue
            lines = raw.texts.get(str(source_id))
            if lines is None:
                continue  # an unknown source is reported by reference_problems
            issue = locate_quote(lines, int(line), str(quote), unique=unique, source=str(source_id))
            if issue:
                problems.append(Problem(raw.label(table), int(file_line), column, issue))
    return problems


def transcribed_twice_problems(raw: RawData) -> list[Problem]:
    """A figure transcribed twice: a row with the source, line and quote of an earlier
    one."""
    figures = raw.tables.get("figures")
    if figures is None:
        return []
    first: dict[tuple[str, int, str], tuple[str, int]] = {}
    problems = []
    for file_line, row in records(figures):
        key = (str(row["source_id"]), int(row["line"]), str(row["quote"]))
        if key in first:
            fid, line = first[key]
            problems.append(
                Problem(
                    raw.label("figures"),
                    file_line,
                    "quote",
                    f"transcribed twice: {row['figure_id']} repeats {fid} (line {line}), "
                    "the same words at the same place; keep one",
                )
            )
        else:
            first[key] = (str(row["figure_id"]), file_line)
    return problems


def reference_problems(raw: RawData) -> list[Problem]:
    """Foreign keys declared in the raw models' metadata must resolve, and economy codes
    must be real."""
    problems = foreign_key_problems(
        raw.tables, RAW_TABLES, raw.label, lambda index: int(str(index))
    )
    problems.extend(_economy_code_problems(raw))
    return problems


def _economy_code_problems(raw: RawData) -> list[Problem]:
    """Country codes must be ISO 3166-1 alpha-3 (per pycountry); aggregates must be
    World Bank aggregate codes."""
    import pycountry

    df = raw.tables.get("economies")
    if df is None:
        return []
    problems: list[Problem] = []
    for file_line, row in records(df):
        code, kind = str(row["code"]), str(row["kind"])
        if kind == "country" and pycountry.countries.get(alpha_3=code) is None:
            msg = f"{code!r} is not an ISO 3166-1 alpha-3 country code"
        elif kind == "aggregate" and code not in WORLD_BANK_AGGREGATES:
            msg = f"{code!r} is not a World Bank aggregate code"
        else:
            continue
        problems.append(Problem(raw.label("economies"), int(str(file_line)), "code", msg))
    return problems
