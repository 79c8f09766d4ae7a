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

from tradestats.builder.checks import checks_table
from tradestats.builder.completeness import account_for_numbers
from tradestats.builder.provenance import provenance_problems, reference_problems
from tradestats.builder.raw import RawData, read_raw
from tradestats.builder.references import reconciliation_table, reference_flows_table
from tradestats.builder.tables import (
    calendar_checks_table,
    figures_table,
    parse_figures,
    sources_table,
    trade_flows_table,
)
from tradestats.contract.checking import schema_problems
from tradestats.contract.datapackage import datapackage_json
from tradestats.contract.models import CLEAN_TABLES, RAW_TABLES
from tradestats.contract.record import build_record, sha256_of
from tradestats.contract.vocabularies import FINDING_GRADES
from tradestats.errors import InputError, Problem, TradestatsError
from tradestats.files import ProjectPaths, find_project_root, replace_files, to_csv_bytes

__all__ = ["BuildResult", "build", "build_tables", "fresh_clean_files", "serialize_tables"]


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: the output folder, the row count of each table, the files
    whose content changed, the discrepancies within the sources; and the completeness of
    the transcription (how many numbers the texts hold, and those neither transcribed
    nor excluded: reported, not fatal)."""

    out_dir: Path
    rows: dict[str, int]
    changed: list[Path]
    discrepancies: int
    files: list[Path]
    numbers: int = 0
    unaccounted: list[Problem] = field(default_factory=list)
    contradicted: int = 0
    # trade figures in a currency other than USD: in figures.csv, not in trade_flows.csv
    other_currency: list[str] = field(default_factory=list)


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
    references, issues = reference_flows_table(raw)
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
        "reference_flows": references,
        "reconciliation": reconciliation_table(
            trade_flows,
            figures,
            references,
            dict(zip(sources["source_id"], sources["date"], strict=True)),
        ),
    }
    validated: dict[str, pd.DataFrame] = {}
    for name, df in tables.items():
        raw_spec = RAW_TABLES.get(name)
        if raw_spec is not None and raw_spec.model is CLEAN_TABLES[name].model:
            validated[name] = df  # passed through from raw, validated by the same model
            continue
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


def serialize_tables(tables: dict[str, pd.DataFrame], raw_dir: Path) -> dict[str, bytes]:
    """The bytes of every clean file, datapackage.json included, with the record of what
    was read from ``raw_dir`` and written (see :mod:`tradestats.contract.record`)."""
    out = {CLEAN_TABLES[name].file: to_csv_bytes(df) for name, df in tables.items()}
    sources = [
        {"title": str(r.title), "path": f"data/raw/texts/{r.file}"}
        for r in tables["sources"].itertuples()
    ]
    pages = tables["reference_flows"].drop_duplicates("address")  # the reference figures' pages
    sources += [
        {
            "title": f"{r.outlet}: {_headline(r.headline)} ({r.published:%Y-%m-%d})",
            "path": r.address,
        }
        for r in pages.itertuples()
    ]
    hashes = {name: sha256_of(data) for name, data in out.items()}
    descriptor = datapackage_json(sources, hashes, build_record(raw_dir))
    out["datapackage.json"] = descriptor.encode("utf-8")
    return out


def _headline(headline: object) -> str:
    return headline if isinstance(headline, str) else "no headline on the page"


def fresh_clean_files(raw_dir: Path) -> dict[str, bytes]:
    """The bytes of every clean file that ``raw_dir`` builds, in memory. Raises
    :class:`InputError` listing every problem in the raw data."""
    raw, problems = read_raw(raw_dir)
    if problems:
        raise InputError(problems)
    return serialize_tables(build_tables(raw), raw_dir)


def build(root: Path | None = None, out_dir: Path | None = None, jobs: int = 1) -> BuildResult:
    """Build data/clean from data/raw.

    ``root`` is the checkout (default: found from the current directory); ``out_dir``
    overrides where the clean files go (default: ``root/data/clean``); ``jobs`` is how
    many processes read the texts.
    """
    paths = ProjectPaths(find_project_root(root))
    raw, problems = read_raw(paths.raw)
    if problems:
        raise InputError(problems)
    tables = build_tables(raw)
    target = out_dir if out_dir is not None else paths.clean
    contents = {target / name: data for name, data in serialize_tables(tables, paths.raw).items()}
    changed = replace_files(contents)
    accounting = account_for_numbers(raw, jobs)
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
        int(tables["reconciliation"]["grade"].isin(FINDING_GRADES).sum()),
        _other_currency(tables["figures"]),
    )


def _other_currency(figures: pd.DataFrame) -> list[str]:
    """'F061 in RUB' for each trade figure that trade_flows.csv leaves out for its currency."""
    rows = figures[(figures["category"] == "trade") & (figures["unit"] != "USD")]
    return [f"{r.figure_id} in {r.unit}" for r in rows.itertuples()]
