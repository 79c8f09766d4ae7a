"""``tradestats build``: raw → clean.

Reads data/raw, checks it (schema, provenance, references, meaning), derives the clean
tables, validates them, and only then writes data/clean, every file atomically. If
anything is wrong the build stops with every problem listed, and the existing outputs are
left exactly as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tradestats.arithmetic_checks import checks_table
from tradestats.atomic_files import replace_files
from tradestats.clean_tables import (
    calendar_checks_table,
    figures_table,
    parse_figures,
    sources_table,
    trade_flows_table,
)
from tradestats.completeness import account_for_numbers
from tradestats.csv_format import to_csv_bytes
from tradestats.datapackage import datapackage_json
from tradestats.errors import InputError, Problem, TradestatsError
from tradestats.extraction_workers import Extraction
from tradestats.paths import ProjectPaths, find_project_root
from tradestats.provenance import provenance_problems, reference_problems
from tradestats.raw_tables import RawData, read_raw, schema_problems
from tradestats.schemas import CLEAN_TABLES
from tradestats.validation import CleanCheck, check_clean_tables

__all__ = ["BuildResult", "build", "build_tables", "serialize_tables"]


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: the output folder, the row count of each table, the files
    whose content changed; the completeness of the transcription (how many numbers the
    texts hold, and those neither transcribed nor excluded: reported, not fatal); and
    the clean tables as written, read back and checked."""

    out_dir: Path
    rows: dict[str, int]
    changed: list[Path]
    discrepancies: int
    files: list[Path]
    numbers: int = 0
    unaccounted: list[Problem] = field(default_factory=list)
    clean: CleanCheck | None = None


def build_tables(raw: RawData) -> dict[str, pd.DataFrame]:
    """Derive and validate every clean table from checked raw data. Raises
    :class:`InputError` listing every problem."""
    problems: list[Problem] = []
    problems += reference_problems(raw)
    problems += provenance_problems(raw)
    parsed, issues = parse_figures(raw)
    problems += issues
    if problems:
        raise InputError(problems)

    figures = figures_table(raw, parsed)
    trade_flows, issues = trade_flows_table(raw, parsed)
    problems += issues
    sources, issues = sources_table(raw)
    problems += issues
    checks, issues = checks_table(raw, figures)
    problems += issues
    calendar, issues = calendar_checks_table(raw)
    problems += issues
    if problems:
        raise InputError(problems)

    tables = {
        "trade_flows": trade_flows,
        "figures": figures,
        "sources": sources,
        "checks": checks,
        "calendar_checks": calendar,
        "economies": raw.tables["economies"].reset_index(drop=True),
        "agencies": raw.tables["agencies"].reset_index(drop=True),
    }
    validated: dict[str, pd.DataFrame] = {}
    for name, df in tables.items():
        valid, issues = schema_problems(
            df, CLEAN_TABLES[name].model, f"data/clean/{CLEAN_TABLES[name].file} (derived)"
        )
        if valid is None:
            # The raw layer passed its checks, so this is a bug in tradestats itself.
            raise TradestatsError(
                "internal error, please report it: the derived table "
                f"{name} fails its schema:\n" + "\n".join(f"  {p}" for p in issues)
            )
        validated[name] = valid
    return validated


def serialize_tables(tables: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    """The bytes of every clean file, datapackage.json included."""
    out = {CLEAN_TABLES[name].file: to_csv_bytes(df) for name, df in tables.items()}
    sources = [
        {"title": str(r.title), "path": f"data/raw/texts/{r.file}"}
        for r in tables["sources"].itertuples()
    ]
    out["datapackage.json"] = datapackage_json(sources).encode("utf-8")
    return out


def build(root: Path | None = None, out_dir: Path | None = None) -> BuildResult:
    """Build data/clean from data/raw.

    ``root`` is the checkout (default: found from the current directory); ``out_dir``
    overrides where the clean files go (default: ``root/data/clean``).
    """
    paths = ProjectPaths(find_project_root(root))
    extraction: Extraction | None = None

    def start_extraction(data: RawData) -> None:
        # the extractor works through the texts while the tables are read and derived
        nonlocal extraction
        extraction = Extraction(data.text_paths(), keep_candidates=False)

    raw, problems = read_raw(paths.raw, after_sources=start_extraction)
    try:
        if problems:
            raise InputError(problems)
        tables = build_tables(raw)
        target = out_dir if out_dir is not None else paths.clean
        files = serialize_tables(tables)
        contents = {target / name: data for name, data in files.items()}
        changed = replace_files(contents)
        # while the extractor finishes: read what was written back, as a user would
        clean = check_clean_tables(target)
        accounting = account_for_numbers(raw, keep_candidates=False, extraction=extraction)
    finally:
        if extraction is not None:
            extraction.close()
    discrepancies = int(
        (tables["checks"]["status"] == "discrepancy").sum()
        + (tables["calendar_checks"]["status"] == "discrepancy").sum()
    )
    return BuildResult(
        target,
        {n: len(df) for n, df in tables.items()},
        changed,
        discrepancies,
        sorted(contents),
        accounting.count,
        accounting.problems,
        clean,
    )
