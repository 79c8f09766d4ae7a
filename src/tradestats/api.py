"""The public API: the functions the ``tradestats`` command wraps, one each.

Where a command draws from the clean tables inside a checkout (``plot``, ``to_excel``),
it first checks them against the record the build left in data/clean/datapackage.json
and refuses to go on if anything differs, so nothing is ever published from stale or
hand-edited tables. That check lives
here, not in the chart or workbook code, which never import the build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tradestats.errors import Problem, TradestatsError
from tradestats.files import ProjectPaths, checkout_root, data_dir

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from tradestats.builder.pipeline import BuildResult
    from tradestats.text.draft import DraftRow
    from tradestats.validation import ValidationReport

__all__ = [
    "build",
    "chart",
    "chart_titles",
    "data_dir",
    "draft",
    "draft_report",
    "ensure_current",
    "extract_report",
    "plot",
    "published_files",
    "published_problems",
    "registered_sources",
    "to_excel",
    "validate",
    "validate_package",
]


# Each function imports the libraries it needs when it runs, so that a command pays only
# for its own (``validate --package`` needs frictionless, not pandera or matplotlib).


def build(root: Path | None = None, out_dir: Path | None = None, *, jobs: int = 1) -> BuildResult:
    """Build data/clean (or ``out_dir``) from data/raw of the checkout at ``root``
    (default: found from the current folder), reading the texts in ``jobs`` processes;
    see :mod:`tradestats.builder.pipeline`."""
    from tradestats.builder.pipeline import build as run_build

    return run_build(root, out_dir, jobs=jobs)


def validate(
    root: Path | None = None, *, published: bool = True, jobs: int = 1
) -> ValidationReport:
    """Check everything about the checkout at ``root``: the data (see
    :mod:`tradestats.validation`), and, with ``published``, every file it publishes:
    data/clean and figures/ hold exactly the files tradestats writes, each with the bytes
    a fresh build, drawing and export give, and no temporary file a killed run left."""
    from tradestats.files import find_project_root
    from tradestats.validation import validate as run_validate

    report = run_validate(root, jobs=jobs)
    if published:
        paths = ProjectPaths(find_project_root(root))
        report.problems += published_problems(paths)
        report.checked.append(
            "published: data/clean and figures/ hold exactly what build, plot and export write"
        )
    return report


def published_problems(paths: ProjectPaths) -> list[Problem]:
    """Each published file that is missing, is not one tradestats writes, or differs
    from a fresh rendering (drawn where figures/ holds any chart); each temporary file a
    killed run left."""
    from tradestats.files import leftover_temporaries

    expected = published_files(paths)
    problems = [
        Problem(_shown(paths, path), None, None, f"missing; run {_command_for(path, paths)}")
        for path in expected
        if not path.is_file()
    ]
    for folder in (paths.clean, paths.figures_dir):
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path not in expected and not path.name.startswith("."):
                message = "not a file tradestats publishes here; move or remove it"
                problems.append(Problem(_shown(paths, path), None, None, message))
        problems += [
            Problem(
                _shown(paths, p),
                None,
                None,
                "a temporary file an interrupted run left; "
                "the next build, plot or export removes it",
            )
            for p in leftover_temporaries(folder)
        ]
    if any(path.is_file() for path in expected if path.parent == paths.figures_dir):
        problems += _stale_published(paths)  # each file there, drawn afresh
    return problems


def published_files(paths: ProjectPaths) -> list[Path]:
    """Every file build, plot (both languages) and export write."""
    from tradestats.charts.registry import CHARTS
    from tradestats.charts.render import FORMATS, chart_path
    from tradestats.charts.style import LANGS
    from tradestats.contract.models import CLEAN_TABLES

    clean = [paths.clean / s.file for s in CLEAN_TABLES.values()]
    clean += [paths.clean / "datapackage.json", paths.clean / "tradestats.xlsx"]
    figures = [paths.figures_dir / "README.md"]
    for name in CHARTS:
        figures.append(paths.figures_dir / f"{name}.csv")
        figures += [chart_path(paths.figures_dir, name, g, f) for g in LANGS for f in FORMATS]
    return clean + figures


def _stale_published(paths: ProjectPaths) -> list[Problem]:
    """The workbook and every chart file, drawn afresh from data/clean, against the
    files there, byte for byte."""
    from tradestats.charts.render import chart_files
    from tradestats.charts.style import LANGS
    from tradestats.workbook.writer import workbook_bytes_of

    try:
        fresh = {paths.clean / "tradestats.xlsx": workbook_bytes_of(paths.clean)}
        for lang in LANGS:
            fresh |= chart_files(lang=lang, out_dir=paths.figures_dir, data_dir=paths.clean)
    except TradestatsError as exc:  # the tables cannot be read: the data checks say why
        return [Problem("data/clean", None, None, f"cannot draw the published files: {exc}")]
    return [
        Problem(
            _shown(paths, path),
            None,
            None,
            f"differs from a fresh {_command_for(path, paths)}; run it",
        )
        for path, data in sorted(fresh.items())
        if path.is_file() and path.read_bytes() != data
    ]


def _shown(paths: ProjectPaths, path: Path) -> str:
    return path.relative_to(paths.root).as_posix()


def _command_for(path: Path, paths: ProjectPaths) -> str:
    if path.parent == paths.clean:
        return "'tradestats export'"
    return "'tradestats plot --lang fa'" if ".fa." in path.name else "'tradestats plot'"


def validate_package(descriptor: Path) -> list[Problem]:
    """Check one Data Package against its own descriptor, with frictionless."""
    from tradestats.validation import validate_package as run_validate_package

    return run_validate_package(Path(descriptor))


def ensure_current(root: Path) -> None:
    """Raise unless ``root``/data/clean is what this code built from this data/raw, as
    the record in data/clean/datapackage.json says (:mod:`tradestats.contract.record`):
    every input, table and the building code hashed and compared. Nothing is rebuilt."""
    from tradestats.contract.record import record_differences

    differences = record_differences(root)
    if differences:
        shown = "; ".join(differences[:5])
        more = f"; and {len(differences) - 5} more" if len(differences) > 5 else ""
        raise TradestatsError(
            f"data/clean does not match data/raw ({shown}{more}): run 'tradestats build'"
        )


def _checked_data_dir(root: Path | None) -> Path:
    """The clean tables to publish from: a checkout's, once checked to be current; the
    bundled copy outside a checkout."""
    if root is None:
        return data_dir()
    ensure_current(root)
    return ProjectPaths(root).clean


def plot(
    names: Iterable[str] | None = None,
    *,
    formats: Iterable[str] = ("png", "svg", "pdf"),
    lang: str = "en",
    out_dir: Path | None = None,
    dpi: int = 200,
) -> list[Path]:
    """Render the named charts (default: all) into ``out_dir`` (default: the checkout's
    figures/, or ./figures outside one). Returns the files written or kept."""
    from tradestats.charts.render import render_charts

    root = checkout_root()
    clean = _checked_data_dir(root)
    target = out_dir or (ProjectPaths(root).figures_dir if root else Path.cwd() / "figures")
    return render_charts(names, formats=formats, lang=lang, out_dir=target, dpi=dpi, data_dir=clean)


def registered_sources(paths: Iterable[Path]) -> dict[Path, tuple[str, dt.date | None]]:
    """(source id, date) that data/raw/sources.csv registers for each text among
    ``paths``: a text of the checkout's data/raw/texts, or a copy of one anywhere (the
    same bytes). Texts not registered are left out."""
    import csv

    from tradestats.contract.record import sha256_of

    root = checkout_root()
    if root is None or not (ProjectPaths(root).raw / "sources.csv").is_file():
        return {}
    texts = (ProjectPaths(root).raw / "texts").resolve()
    with (ProjectPaths(root).raw / "sources.csv").open(encoding="utf-8", newline="") as fh:
        rows = {str(row["file"]): row for row in csv.DictReader(fh) if row.get("file")}

    def digest(path: Path) -> str:
        return sha256_of(path.read_bytes())

    by_hash: dict[str, str] | None = None  # read only if a text is not found by its path
    found: dict[Path, tuple[str, dt.date | None]] = {}
    for p in paths:
        name = p.name if p.resolve().parent == texts and p.name in rows else None
        if name is None and p.is_file():
            if by_hash is None:
                by_hash = {digest(texts / f): f for f in rows if (texts / f).is_file()}
            name = by_hash.get(digest(p))
        if name is not None:
            row = rows[name]
            date = dt.date.fromisoformat(row["date"]) if row.get("date") else None
            found[p] = (str(row.get("source_id")), date)
    return found


def extract_report(
    files: list[Path], fmt: str, *, include_bare: bool = False, jobs: int = 1
) -> str:
    """Every candidate figure in ``files`` (read in ``jobs`` processes), as a table, CSV
    or JSON; a text registered in data/raw/sources.csv gets its registered source id."""
    from tradestats.text.extract import extract_files, render_candidates

    results = extract_files(files, include_bare=include_bare, jobs=jobs)
    ids = {p: source_id for p, (source_id, _date) in registered_sources(files).items()}
    return render_candidates(results, fmt, ids)


def draft(text: str, date: dt.date | None = None) -> pd.DataFrame:
    """The rows ``tradestats extract --rows`` drafts from ``text``, as a typed DataFrame
    (see :mod:`tradestats.contract.drafts`): one per money figure and
    change of trade, blank (NA) where the text does not settle a field. ``date`` (else
    the date of the text's dateline) anchors "last year" and «امسال»."""
    import pandas as pd

    from tradestats.contract.drafts import DRAFT_COLUMNS, drafted_rows_schema
    from tradestats.text.draft import draft_rows

    records = [r.as_dict() for r in draft_rows(text, date=date)]
    frame = pd.DataFrame.from_records(records, columns=list(DRAFT_COLUMNS))
    frame = frame.replace("", None).astype({"value_usd_m": "float64"})
    return drafted_rows_schema().validate(frame)


def draft_report(files: list[Path], fmt: str, *, date: dt.date | None = None, jobs: int = 1) -> str:
    """Draft trade rows for every money figure and change of trade in ``files`` (in
    ``jobs`` processes), each field with its evidence; ``date`` anchors "last year" and
    «امسال». Format ``figures`` gives rows of data/raw/figures.csv, numbered after its
    last id."""
    from tradestats.text.draft_render import render_drafts
    from tradestats.text.extract import per_text, read_text_file

    texts = [read_text_file(p) for p in files]  # every file checked before any output
    registered = registered_sources(files)
    ids = [registered.get(p, (p.stem, None)) for p in files]
    said = "the date given" if date else "the text's date in sources.csv"
    work = [(text, date or known, said) for text, (_, known) in zip(texts, ids, strict=True)]
    drafted = zip(files, ids, per_text(_draft_job, work, jobs), strict=True)
    results = [(str(p), source_id, rows) for p, (source_id, _), rows in drafted]
    return _figures_csv(results) if fmt == "figures" else render_drafts(results, fmt)


def _draft_job(job: tuple[str, dt.date | None, str]) -> list[DraftRow]:
    """:func:`draft_rows` of one (text, date, where the date comes from), for a worker."""
    from tradestats.text.draft import draft_rows

    text, date, said = job
    return draft_rows(text, date=date, date_said=said)


def _figures_csv(results: list[tuple[str, str, list[DraftRow]]]) -> str:
    """Drafted rows as data/raw/figures.csv rows: agency ids from agencies.csv, figure ids
    after the last one in figures.csv (from F001 outside a checkout)."""
    import csv
    import io

    from tradestats.text.draft_render import figure_rows
    from tradestats.text.extract import RAW_FIGURE_COLUMNS

    raw = ProjectPaths(root).raw if (root := checkout_root()) else None
    agency_ids: dict[str, str] = {}
    last = 0
    if raw is not None and (raw / "agencies.csv").is_file():
        with (raw / "agencies.csv").open(encoding="utf-8", newline="") as fh:
            agency_ids = {r["name_en"]: r["agency_id"] for r in csv.DictReader(fh)}
        with (raw / "figures.csv").open(encoding="utf-8", newline="") as fh:
            numbers = [int(r["figure_id"][1:]) for r in csv.DictReader(fh)
                       if r["figure_id"][1:].isdigit()]  # fmt: skip
        last = max(numbers, default=0)
    out = io.StringIO()
    writer = csv.DictWriter(out, RAW_FIGURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(figure_rows(results, agency_ids, last + 1))
    return out.getvalue()


def chart(name: str, lang: str = "en") -> Figure:
    """The chart ``name`` as a matplotlib Figure, the very drawing ``plot`` saves: a
    notebook shows it inline, and a user can restyle it. Inside a checkout, stale tables
    are refused as ``plot`` refuses them."""
    from tradestats.charts.render import chart as draw

    return draw(name, lang, _checked_data_dir(checkout_root()))


def chart_titles(lang: str = "en") -> dict[str, str]:
    """Each chart's title, written from the data it would draw (as ``plot`` reads it)."""
    from tradestats.charts.registry import CHARTS, chart_info
    from tradestats.views import chart_tables

    tables = chart_tables(data_dir(), validate=False)
    return {name: chart_info(name)(tables, lang).title for name in CHARTS}


def to_excel(path: Path | str | None = None) -> Path:
    """Write the Excel workbook to ``path`` (default: data/clean/tradestats.xlsx in a
    checkout, ./tradestats.xlsx outside one) and return the path."""
    from tradestats.workbook.writer import write_workbook

    root = checkout_root()
    clean = _checked_data_dir(root)
    default = ProjectPaths(root).clean if root else Path.cwd()
    return write_workbook(Path(path) if path else default / "tradestats.xlsx", data_dir=clean)
