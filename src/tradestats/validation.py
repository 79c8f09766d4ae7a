"""``tradestats validate``: check the raw and the clean layers and say what to fix.

Every run checks everything, from scratch: raw tables and texts against their contract,
every quote at its line, every id resolving, every number in the texts accounted for,
every clean table against its schema and its foreign keys, and data/clean equal, byte
for byte, to what data/raw builds (rebuilt in memory). Discrepancies *inside the
sources* (checks.csv, calendar_checks.csv) and the texts' figures and claims that other
published sources contradict (reconciliation.csv) are findings: they are reported but do not
fail validation.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tradestats.errors import InputError, Problem, TradestatsError
from tradestats.files import ProjectPaths, find_project_root

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CleanCheck", "ValidationReport", "check_clean_tables", "validate"]


@dataclass
class ValidationReport:
    """Problems fail validation; findings (discrepancies within the sources) do not."""

    root: Path
    problems: list[Problem] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def render(self) -> str:
        out = [f"Validated {self.root}"]
        out += [f"  checked: {c}" for c in self.checked]
        if self.findings:
            out.append(f"{len(self.findings)} finding(s) about the sources (reported, not errors):")
            out += [f"  {f}" for f in self.findings]
        if self.problems:
            out.append(f"FAILED: {len(self.problems)} problem(s):")
            out += [f"  {p}" for p in sorted(self.problems, key=lambda p: p.place)]
        else:
            out.append("OK: raw and clean data hold.")
        return "\n".join(out)


@dataclass(frozen=True)
class CleanCheck:
    """The clean tables as written, read back: how many load, the problems (schemas and
    keys), and the findings (discrepancies within the sources, not errors)."""

    tables: int
    problems: list[Problem]
    findings: list[str]


def check_clean_tables(clean_dir: Path) -> CleanCheck:
    """Read each clean table back and check it against its schema, then the foreign keys
    between them; list the sources' own discrepancies."""
    from tradestats.contract.checking import foreign_key_problems
    from tradestats.contract.models import CLEAN_TABLES
    from tradestats.loading import load

    loaded: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name in CLEAN_TABLES:
        try:
            loaded[name] = load(name, data_dir=clean_dir, verify=False)
        except InputError as exc:
            problems.extend(exc.problems)
        except TradestatsError as exc:
            problems.append(Problem(f"data/clean/{CLEAN_TABLES[name].file}", None, None, str(exc)))
    problems += foreign_key_problems(
        loaded,
        CLEAN_TABLES,
        lambda name: f"data/clean/{CLEAN_TABLES[name].file}",
        lambda index: int(str(index)) + 2,
    )
    return CleanCheck(len(loaded), problems, _findings(loaded))


_FINDING_WORDS = {
    "checks": "{r.check_id} ({r.source_id}, line {r.line}): {r.description}: expected "
    "{r.expected:,.0f}, the text states {r.found:,.0f} ({r.unit}), a difference of "
    "{r.difference:,.0f}",
    "calendar_checks": "{r.mention_id} ({r.source_id}, line {r.line}): {r.jalali_date} is "
    "{r.gregorian_converted:%Y-%m-%d}, a {r.weekday_converted}; the text pairs it otherwise",
}


def _findings(tables: dict[str, pd.DataFrame]) -> list[str]:
    """The sources' own discrepancies, and the texts' figures and claims that other
    published sources contradict, in words: reported, never failed on."""
    from tradestats.contract.vocabularies import FINDING_GRADES

    out = []
    for name, words in _FINDING_WORDS.items():
        df = tables.get(name)
        if df is not None:
            out += [words.format(r=r) for r in df[df["status"] == "discrepancy"].itertuples()]
    df = tables.get("reconciliation")
    if df is not None:
        found = df[df["grade"].isin(FINDING_GRADES)]
        out += [f"{r.figure_id} against {r.reference_id}: {r.finding}" for r in found.itertuples()]
    return out


def validate(root: Path | None = None, jobs: int = 1) -> ValidationReport:
    """Validate the checkout at ``root`` (default: found from the current directory):
    everything, every time; the texts are read in ``jobs`` processes."""
    paths = ProjectPaths(find_project_root(root))
    report = ValidationReport(paths.root)
    fresh = _check_raw(paths, report, jobs)
    clean = check_clean_tables(paths.clean)
    report.problems += clean.problems
    report.checked.append(f"clean: {clean.tables} tables against their schemas and keys")
    if fresh is not None:
        _compare_with_fresh_build(paths, fresh, report)
    report.findings = clean.findings
    return report


def _check_raw(
    paths: ProjectPaths, report: ValidationReport, jobs: int = 1
) -> dict[str, bytes] | None:
    """Read and check data/raw, account for every number in the texts, and build the
    clean files afresh (None if the raw data cannot be built)."""
    from tradestats.builder.completeness import account_for_numbers
    from tradestats.builder.pipeline import build_tables, serialize_tables
    from tradestats.builder.raw import read_raw

    raw, problems = read_raw(paths.raw)
    report.problems += problems
    report.checked.append(
        f"raw: {len(raw.tables)} tables, {len(raw.texts)} texts, quotes "
        "at their lines, ids, parsed values and periods"
    )
    if problems:
        return None
    try:
        fresh = serialize_tables(build_tables(raw), paths.raw)
    except InputError as exc:
        report.problems += exc.problems
        fresh = None
    accounting = account_for_numbers(raw, jobs)
    report.problems += accounting.problems
    report.checked.append(
        f"completeness: {accounting.count} numbers in the texts, each "
        "transcribed or excluded with a reason"
    )
    return fresh


def _compare_with_fresh_build(
    paths: ProjectPaths, fresh: dict[str, bytes], report: ValidationReport
) -> None:
    for name, data in fresh.items():
        label = f"data/clean/{name}"
        path = paths.clean / name
        found = path.read_bytes() if path.is_file() else None
        if found is None:
            report.problems.append(Problem(label, None, None, "missing; run 'tradestats build'"))
        elif found != data:
            line, column, detail = _first_difference(found, data, name.endswith(".csv"))
            report.problems.append(
                Problem(
                    label,
                    line,
                    column,
                    f"differs from what data/raw builds{detail}; run 'tradestats build'",
                )
            )
    report.checked.append("clean equals a fresh build of raw, byte for byte")


def _first_difference(found: bytes, built: bytes, is_csv: bool) -> tuple[int, str | None, str]:
    """Where two files first differ: the 1-based line, and for a CSV the column and the
    two values, or the row that one has and the other lacks."""
    a, b = found.decode("utf-8", "replace").split("\n"), built.decode("utf-8").split("\n")
    line = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False), start=1) if x != y),
        min(len(a), len(b)) + 1,
    )
    if not is_csv:
        return line, None, ""
    x, y = _csv_row(a, line), _csv_row(b, line)
    if not x or not y:  # a row added or removed
        have, lack = ("found", "data/raw gives none") if x else ("data/raw gives", "found none")
        row = x or y
        return line, None, f" ({have} a row here, {lack}: {','.join(row)[:80]!r})"
    header = _csv_row(b, 1)
    for name, got, want in zip(header, x, y, strict=False):
        if got != want:
            return line, name, f" (found {got!r}, data/raw gives {want!r})"
    return line, None, f" (found {len(x)} fields, data/raw gives {len(y)})"


def _csv_row(lines: list[str], line: int) -> list[str]:
    """The fields of a file's 1-based ``line``; none past its end or on a blank line."""
    if line > len(lines) or not lines[line - 1]:
        return []
    return next(csv.reader(io.StringIO(lines[line - 1])), [])


def validate_package(descriptor: Path) -> list[Problem]:
    """Check one Frictionless Data Package (a ``datapackage.json``) against its own
    descriptor with frictionless: types, required values, enumerations, patterns, keys
    and foreign keys. Each error names the resource's file, the row's line and the
    column."""
    import frictionless

    if not descriptor.is_file():
        raise TradestatsError(f"{descriptor}: no such file")
    try:  # frictionless takes text that is not JSON for a data file, and says 'not safe'
        json.loads(descriptor.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise TradestatsError(f"{descriptor}: not a Data Package: not UTF-8") from exc
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise TradestatsError(f"{descriptor}: not a Data Package: not JSON ({where})") from exc
    try:
        report = frictionless.validate(str(descriptor))
    except frictionless.FrictionlessException as exc:
        raise TradestatsError(f"{descriptor}: not a Data Package: {exc.error.message}") from exc
    problems: list[Problem] = []
    for task in report.tasks:
        label = task.place or str(descriptor)
        for error in task.errors:
            line = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None)
            problems.append(Problem(label, line, column, error.message))
    problems += [Problem(str(descriptor), None, None, e.message) for e in report.errors]
    return problems
