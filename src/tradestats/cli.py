"""The ``tradestats`` command. Each subcommand is a thin wrapper over one public library
function. Heavy libraries are imported inside the commands that need them, so
``tradestats --help``, ``--version`` and ``plot --list`` start at once."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tradestats.version import __version__

F = TypeVar("F", bound=Callable[..., Any])


def _reports_errors(func: F) -> F:
    """Turn tradestats' own errors into a plain 'Error: ...' and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from tradestats.errors import TradestatsError

        try:
            return func(*args, **kwargs)
        except TradestatsError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


_root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The tradestats checkout (default: found from the current folder).",
)

_jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Read the texts in this many worker processes.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tradestats")
def cli() -> None:
    """Russia's foreign trade figures from five source texts: transcribed, traced to
    their words, validated, charted and exported."""


def _out_option(name: str, *, folder: bool, help: str) -> Callable[[F], F]:
    """--out, for a folder or a file."""
    return click.option(
        "--out",
        name,
        type=click.Path(file_okay=not folder, dir_okay=folder, path_type=Path),
        default=None,
        help=help,
    )


@cli.command()
@_root_option
@_out_option("out_dir", folder=True, help="Write the clean tables here instead of data/clean.")
@_jobs_option
@_reports_errors
def build(root: Path | None, out_dir: Path | None, jobs: int) -> None:
    """Build data/clean from data/raw: parse every quoted figure, check it against its
    text, derive the tables and write them atomically (a file whose bytes are unchanged
    is left alone). Also accounts for every number in the texts."""
    from tradestats.api import build as run_build

    result = run_build(root, out_dir, jobs=jobs)
    for name, n in result.rows.items():
        click.echo(f"{name:16} {n:5d} rows")
    what = f"{len(result.changed)} file(s) changed" if result.changed else "nothing changed"
    click.echo(f"Built {result.out_dir} ({what}).")
    if result.unaccounted:
        click.echo(
            f"{len(result.unaccounted)} of the {result.numbers} numbers in the texts are "
            "neither transcribed nor excluded; 'tradestats validate' lists them."
        )
    else:
        click.echo(f"All {result.numbers} numbers in the texts are accounted for.")
    if result.discrepancies:
        click.echo(
            f"{result.discrepancies} discrepancy(ies) within the sources are reported "
            "in checks.csv / calendar_checks.csv; see 'tradestats validate'."
        )
    if result.other_currency:
        click.echo(
            f"{len(result.other_currency)} trade figure(s) in another currency stay in "
            f"figures.csv only: {', '.join(result.other_currency)}. trade_flows.csv holds "
            "US dollars, and tradestats converts no currency."
        )
    if result.contradicted:
        click.echo(
            f"{result.contradicted} comparison(s) in reconciliation.csv find a figure or claim "
            "of the texts that other published sources contradict; see 'tradestats validate'."
        )


@cli.command()
@_root_option
@click.option(
    "--package",
    "package",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Only check this Data Package (a datapackage.json) against its descriptor.",
)
@click.option("--full", is_flag=True, hidden=True, help="Kept for old scripts: every run is full.")
@_jobs_option
@_reports_errors
def validate(root: Path | None, package: Path | None, full: bool, jobs: int) -> None:
    """Check data/raw and data/clean, everything and every time: schemas, quotes at their
    lines, references, that every number in the texts is accounted for, and that
    data/clean is byte for byte what data/raw builds (rebuilt in memory). Exits 1 if
    anything fails. With --package, check one Data Package only."""
    from tradestats.api import validate as run_validate
    from tradestats.api import validate_package

    if package is not None:
        problems = validate_package(package)
        for p in problems:
            click.echo(str(p))
        click.echo(f"{package}: {'valid' if not problems else f'{len(problems)} problem(s)'}")
    else:
        report = run_validate(root, jobs=jobs)
        click.echo(report.render())
        problems = report.problems
    if problems:
        raise SystemExit(1)


@cli.command()
@click.option(
    "--chart",
    "charts",
    multiple=True,
    metavar="NAME",
    help="Render only this chart (repeatable). See --list.",
)
@click.option("--list", "list_only", is_flag=True, help="List the charts and exit.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["png", "svg", "pdf"]),
    help="Output format (repeatable). Default: png, svg and pdf.",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "fa"]),
    default="en",
    show_default=True,
    help="Language of titles, labels, digits and notes.",
)
@_out_option("out_dir", folder=True, help="Output folder (default: figures/ of the checkout).")
@click.option(
    "--dpi",
    type=click.IntRange(20, 1200),
    default=200,
    show_default=True,
    help="Resolution of PNG files.",
)
@_reports_errors
def plot(
    charts: tuple[str, ...],
    list_only: bool,
    formats: tuple[str, ...],
    lang: str,
    out_dir: Path | None,
    dpi: int,
) -> None:
    """Render the charts into figures/: PNG, SVG and PDF, in English or Persian. Inside
    a checkout, refuses if data/clean does not match data/raw."""
    from tradestats.charts.registry import CHARTS

    if list_only:
        from tradestats.api import chart_titles

        titles = chart_titles(lang)
        width = max(map(len, CHARTS))
        for name in CHARTS:
            click.echo(f"{name:{width}}  {titles[name]}")
        return
    unknown = [c for c in charts if c not in CHARTS]
    if unknown:
        raise click.ClickException(
            f"unknown chart {', '.join(map(repr, unknown))}; see 'tradestats plot --list'"
        )
    from tradestats.api import plot as run_plot

    written = run_plot(
        list(charts) or None, formats=formats or ("png", "svg", "pdf"), lang=lang,
        out_dir=out_dir, dpi=dpi,
    )  # fmt: skip
    click.echo(f"Wrote {len(written)} file(s) to {written[0].parent if written else out_dir}.")


@cli.command()
@_out_option(
    "out_path",
    folder=False,
    help="Where to write the workbook (default: data/clean/tradestats.xlsx).",
)
@_reports_errors
def export(out_path: Path | None) -> None:
    """Write one Excel workbook: a README sheet, every clean table as an Excel Table, and
    native charts. Inside a checkout, refuses if data/clean does not match data/raw."""
    from tradestats.api import to_excel

    click.echo(f"Wrote {to_excel(out_path)}.")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "figures"]),
    default="table",
    show_default=True,
    help="table for reading; csv with the columns of data/raw/figures.csv, to paste into "
    "the transcription; json. With --rows: csv and json of the drafted rows, or figures: "
    "rows of data/raw/figures.csv to review and append.",
)
@click.option(
    "--all",
    "include_bare",
    is_flag=True,
    help="Also list numbers with no unit (years, dates, page numbers…).",
)
@click.option(
    "--rows",
    is_flag=True,
    help="Draft one trade_flows row per money figure and change of trade, each field with "
    "the words that decided it (blank when the text does not say).",
)
@click.option(
    "--date",
    "date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="With --rows: the article's date, which anchors 'last year', «امسال». Needed only "
    "for a text that data/raw/sources.csv does not register (by path or by its bytes) and "
    "whose dateline gives no full date.",
)
@_jobs_option
@_reports_errors
def extract(
    files: tuple[Path, ...], fmt: str, include_bare: bool, rows: bool, date: Any, jobs: int
) -> None:
    """List every candidate figure in UTF-8 texts (Persian, English or Russian): money,
    percentages, quantities with a unit, multiples; with line, column, verbatim quote,
    value, unit, qualifier and context. With --rows, draft trade rows instead."""
    from tradestats.api import draft_report, extract_report

    if fmt == "figures" and not rows:
        raise click.ClickException("--format figures drafts rows: give --rows too")
    if rows:
        day = date.date() if date is not None else None
        click.echo(draft_report(list(files), fmt, date=day, jobs=jobs), nl=False)
        return
    report = extract_report(list(files), fmt, include_bare=include_bare, jobs=jobs)
    click.echo(report, nl=False)
