"""Provenance, checked rather than trusted: every quoted passage must stand verbatim, and
once only, at its stated line of its stated text; every id must resolve."""

from __future__ import annotations

import pandas as pd

from tradestats.errors import Problem
from tradestats.raw_tables import RawData
from tradestats.schemas import RAW_TABLES

__all__ = ["locate_quote", "provenance_problems", "reference_problems"]


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


# (table, column holding the quote, column holding the line, must it be unique)
_QUOTED = [
    ("figures", "quote", "line", True),
    ("figures", "period_text", "line", False),
    ("figures", "agency_quote", "line", False),
    ("calendar_mentions", "quote", "line", False),
    ("sources", "date_quote", "date_line", False),
]


def provenance_problems(raw: RawData) -> list[Problem]:
    """Every quote-like column of every raw table, located in its text."""
    problems: list[Problem] = []
    for table, column, line_column, unique in _QUOTED:
        df = raw.tables.get(table)
        if df is None:
            continue
        for file_line, row in df.iterrows():
            quote = row[column]
            if quote is None or pd.isna(quote):
                continue
            lines = raw.texts.get(str(row["source_id"]))
            if lines is None:
                continue  # an unknown source is reported by reference_problems
            issue = locate_quote(
                lines,
                int(row[line_column]),
                str(quote),
                unique=unique,
                source=str(row["source_id"]),
            )
            if issue:
                problems.append(Problem(raw.label(table), int(str(file_line)), column, issue))
    return problems


def reference_problems(raw: RawData) -> list[Problem]:
    """Foreign keys declared in the raw models' metadata must resolve."""
    problems: list[Problem] = []
    for name, spec in RAW_TABLES.items():
        df = raw.tables.get(name)
        if df is None:
            continue
        for fk in spec.metadata.get("foreign_keys", []):  # type: ignore[attr-defined]
            column = fk["fields"]
            target = fk["reference"]["resource"]
            target_col = fk["reference"]["fields"]
            target_df = raw.tables.get(target)
            if target_df is None:
                continue
            known = set(target_df[target_col].dropna().astype(str))
            for file_line, value in df[column].items():
                if value is None or pd.isna(value) or str(value) in known:
                    continue
                problems.append(
                    Problem(
                        raw.label(name),
                        int(str(file_line)),
                        column,
                        f"unknown {target_col} {value!r}: not in {raw.label(target)}",
                    )
                )
    problems.extend(_economy_code_problems(raw))
    return problems


# World Bank aggregate codes (https://data.worldbank.org/country) that may stand where
# ISO 3166-1 has no code.
WORLD_BANK_AGGREGATES = frozenset(
    {
        "WLD",
        "EUU",
        "EMU",
        "OED",
        "ARB",
        "EAS",
        "ECS",
        "LCN",
        "MEA",
        "NAC",
        "SAS",
        "SSF",
        "HIC",
        "LIC",
        "LMC",
        "UMC",
        "MIC",
        "CEB",
        "CSS",
    }
)


def _economy_code_problems(raw: RawData) -> list[Problem]:
    """Country codes must be ISO 3166-1 alpha-3 (per pycountry); aggregates must be
    World Bank aggregate codes."""
    import pycountry

    df = raw.tables.get("economies")
    if df is None:
        return []
    problems: list[Problem] = []
    for file_line, row in df.iterrows():
        code, kind = str(row["code"]), str(row["kind"])
        if kind == "country" and pycountry.countries.get(alpha_3=code) is None:
            msg = f"{code!r} is not an ISO 3166-1 alpha-3 country code"
        elif kind == "aggregate" and code not in WORLD_BANK_AGGREGATES:
            msg = f"{code!r} is not a World Bank aggregate code"
        else:
            continue
        problems.append(Problem(raw.label("economies"), int(str(file_line)), "code", msg))
    return problems
