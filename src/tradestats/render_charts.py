"""``tradestats plot``: render charts to PNG, SVG and PDF, byte for byte reproducibly, and
write them atomically."""

from __future__ import annotations

import io
import multiprocessing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import matplotlib as mpl

import tradestats.chart_style as style
from tradestats.atomic_files import replace_files
from tradestats.chart_registry import CHARTS, chart_function
from tradestats.charts import chart_tables
from tradestats.errors import TradestatsError
from tradestats.paths import find_project_root, usable_cores

__all__ = ["FORMATS", "chart_path", "default_figures_dir", "render_charts", "save_figure_bytes"]

FORMATS = ("png", "svg", "pdf")
# No clock, no version strings: the same inputs give the same bytes.
_METADATA: dict[str, dict[str, str | None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


def chart_path(out_dir: Path, name: str, lang: str, fmt: str) -> Path:
    """figures/partners.png for English, figures/partners.fa.png for Persian."""
    suffix = "" if lang == "en" else f".{lang}"
    return out_dir / f"{name}{suffix}.{fmt}"


def default_figures_dir() -> Path:
    """The checkout's figures/ folder, or ./figures outside a checkout."""
    try:
        return find_project_root() / "figures"
    except TradestatsError:
        return Path.cwd() / "figures"


def save_figure_bytes(fig: object, fmt: str, dpi: int) -> bytes:
    """A Figure's bytes in one format, with reproducible metadata."""
    buf = io.BytesIO()
    with mpl.rc_context(style.RC_PARAMS):  # type: ignore[arg-type]
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=_METADATA[fmt])  # type: ignore[attr-defined]
    return buf.getvalue()


def render_charts(
    names: Iterable[str] | None = None,
    *,
    formats: Iterable[str] = FORMATS,
    lang: str = "en",
    out_dir: Path | None = None,
    dpi: int = 200,
    data_dir: Path | None = None,
) -> list[Path]:
    """Render the named charts (default: all) and return the files written."""
    chosen = list(names) if names else list(CHARTS)
    unknown = [n for n in chosen if n not in CHARTS]
    if unknown:
        raise TradestatsError(
            f"unknown chart {', '.join(map(repr, unknown))}; choose from: {', '.join(CHARTS)}"
        )
    fmts = list(dict.fromkeys(formats))
    bad = [f for f in fmts if f not in FORMATS]
    if bad:
        raise TradestatsError(
            f"unknown format {', '.join(map(repr, bad))}; choose from: {', '.join(FORMATS)}"
        )
    if lang not in style.LANGS:
        raise TradestatsError(f"unknown language {lang!r}; choose from: {', '.join(style.LANGS)}")
    if dpi < 20 or dpi > 1200:
        raise TradestatsError(f"--dpi {dpi} is outside 20–1200")
    target = out_dir if out_dir is not None else default_figures_dir()
    global _JOB
    _JOB = (chart_tables(data_dir, validate=False), lang, fmts, dpi)
    jobs = max(1, min(len(chosen), usable_cores()))
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        # Each chart draws on its own core; the forked workers share the loaded tables.
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            rendered = pool.map(_render_one, chosen)
    else:
        rendered = [_render_one(name) for name in chosen]
    contents = {
        chart_path(target, name, lang, fmt): data
        for name, files in zip(chosen, rendered, strict=True)
        for fmt, data in files.items()
    }
    replace_files(contents)
    return sorted(contents)


# The work a render shares with its worker processes: (tables, lang, formats, dpi).
_JOB: tuple[Any, str, list[str], int] | None = None


def _render_one(name: str) -> dict[str, bytes]:
    """One chart in every requested format."""
    assert _JOB is not None
    tables, lang, fmts, dpi = _JOB
    fig = chart_function(name)(tables, lang=lang)
    return {fmt: save_figure_bytes(fig, fmt, dpi) for fmt in fmts}
