"""``tradestats validate``: check the raw and the clean layers and say what to fix.

It exits 0 only when everything holds: raw tables and texts against their contract,
every quote at its line, every id resolving, every clean table against its schema and
its foreign keys, and data/clean equal, byte for byte, to what data/raw builds.
Discrepancies *inside the sources* (checks.csv, calendar_checks.csv) are findings: they
are reported but do not fail validation.

``tradestats build`` makes the same checks as it goes, and its stamp records what it
found. While that build is current (see :func:`tradestats.freshness.current_build`),
validation reports that rather than check everything a second time; ``--full`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tradestats.errors import InputError, Problem, TradestatsError
from tradestats.freshness import current_build
from tradestats.paths import ProjectPaths, find_project_root

if TYPE_CHECKING:
    import pandas as pd

    from tradestats.extraction_workers import Extraction
    from tradestats.raw_tables import RawData

__all__ = ["CleanCheck", "ValidationReport", "check_clean_tables", "validate"]


@dataclass
class ValidationReport:
    """Problems fail validation; findings (discrepancies within the sources) do not."""

    root: Path
    problems: list[Problem] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    basis: str | None = None  # where the checks were made, if not by this run

    @property
    def ok(self) -> bool:
        return not self.problems

    def render(self) -> str:
        out = [f"Validated {self.root}"]
        if self.basis:
            out.append(f"  {self.basis}")
        out += [f"  checked: {c}" for c in self.checked]
        if self.findings:
            out.append(f"{len(self.findings)} finding(s) about the sources (reported, not errors):")
            out += [f"  {f}" for f in self.findings]
        if self.problems:
            out.append(f"FAILED: {len(self.problems)} problem(s):")
            out += [f"  {p}" for p in self.problems]
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
    from tradestats.load_tables import load
    from tradestats.provenance import foreign_key_problems
    from tradestats.schemas import CLEAN_TABLES

    loaded: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name in CLEAN_TABLES:
        try:
            loaded[name] = load(name, data_dir=clean_dir)
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


def _findings(tables: dict[str, pd.DataFrame]) -> list[str]:
    out = []
    checks = tables.get("checks")
    if checks is not None:
        for r in checks[checks["status"] == "discrepancy"].itertuples():
            out.append(
                f"{r.check_id} ({r.source_id}, line {r.line}): {r.description}: "
                f"expected {r.expected:,.0f}, the text states {r.found:,.0f} "
                f"({r.unit}), a difference of {r.difference:,.0f}"
            )
    calendar = tables.get("calendar_checks")
    if calendar is not None:
        for r in calendar[calendar["status"] == "discrepancy"].itertuples():
            out.append(
                f"{r.mention_id} ({r.source_id}, line {r.line}): {r.jalali_date} is "
                f"{r.gregorian_converted:%Y-%m-%d}, a {r.weekday_converted}; the text "
                "pairs it otherwise"
            )
    return out


def validate(root: Path | None = None, *, full: bool = False) -> ValidationReport:
    """Validate the checkout at ``root`` (default: found from the current directory).

    When the last ``tradestats build`` is current (see
    :func:`tradestats.freshness.current_build`), nothing it checked is redone: that build
    ran every check below on this very data/raw with this very code and these libraries,
    and data/clean is, hash for hash, what it wrote. The report gives what it found.
    ``full=True`` redoes it all anyway.
    """
    paths = ProjectPaths(find_project_root(root))
    report = ValidationReport(paths.root)
    current = None if full else current_build(paths.root)
    if current is not None:
        where = current.stamp.relative_to(paths.root).as_posix()
        report.basis = (
            f"as checked by the current build ({where}): it read this very data/raw with "
            "this very code and libraries, and its files in data/clean are intact "
            "(SHA-256). --full checks it all again."
        )
        report.checked += [
            "raw: tables, texts, quotes at their lines, ids, parsed values and periods",
            f"completeness: {current.numbers} numbers in the texts, each transcribed or "
            "excluded with a reason",
            f"clean: {current.tables} tables read back, against their schemas and keys",
            "clean equals a build of raw",
        ]
        report.problems += [Problem(*p) for p in current.unaccounted + current.clean_problems]
        report.findings = list(current.findings)
        return report
    fresh = _check_raw(paths, report)
    clean = check_clean_tables(paths.clean)
    report.problems += clean.problems
    report.checked.append(f"clean: {clean.tables} tables against their schemas and keys")
    if fresh is not None:
        _compare_with_fresh_build(paths, fresh, report)
    report.findings = clean.findings
    return report


def _check_raw(paths: ProjectPaths, report: ValidationReport) -> dict[str, bytes] | None:
    """Read and check data/raw, account for every number in the texts, and build the
    clean files afresh (None if the raw data cannot be built)."""
    # only here: with a current build, validation needs none of this
    from tradestats.build_pipeline import build_tables, serialize_tables
    from tradestats.completeness import account_for_numbers
    from tradestats.extraction_workers import Extraction
    from tradestats.raw_tables import read_raw

    extraction: Extraction | None = None

    def start_extraction(data: RawData) -> None:
        nonlocal extraction
        extraction = Extraction(data.text_paths(), keep_candidates=False)

    raw, problems = read_raw(paths.raw, after_sources=start_extraction)
    fresh: dict[str, bytes] | None = None
    try:
        report.problems += problems
        if not problems:
            try:
                fresh = serialize_tables(build_tables(raw))
            except InputError as exc:
                report.problems += exc.problems
        report.checked.append(
            f"raw: {len(raw.tables)} tables, {len(raw.texts)} texts, quotes "
            "at their lines, ids, parsed values and periods"
        )
        if not problems:
            accounting = account_for_numbers(raw, keep_candidates=False, extraction=extraction)
            report.problems += accounting.problems
            report.checked.append(
                f"completeness: {accounting.count} numbers in the texts, each "
                "transcribed or excluded with a reason"
            )
    finally:
        if extraction is not None:
            extraction.close()
    return fresh


def _compare_with_fresh_build(
    paths: ProjectPaths, fresh: dict[str, bytes], report: ValidationReport
) -> None:
    for name, data in fresh.items():
        path = paths.clean / name
        if not path.is_file():
            report.problems.append(
                Problem(f"data/clean/{name}", None, None, "missing; run 'tradestats build'")
            )
        elif path.read_bytes() != data:
            report.problems.append(
                Problem(
                    f"data/clean/{name}",
                    _first_difference(path.read_bytes(), data),
                    None,
                    "differs from what data/raw builds; run 'tradestats build'",
                )
            )
    report.checked.append("clean equals a fresh build of raw, byte for byte")


def _first_difference(a: bytes, b: bytes) -> int:
    """1-based line number of the first line where two files differ."""
    for i, (x, y) in enumerate(zip(a.split(b"\n"), b.split(b"\n"), strict=False), start=1):
        if x != y:
            return i
    return min(a.count(b"\n"), b.count(b"\n")) + 1
