"""``tradestats plot``: render charts to PNG, SVG and PDF, byte for byte reproducibly, and
write them atomically."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import matplotlib as mpl

import tradestats.charts.style as style
from tradestats.charts.registry import CHARTS, chart_function
from tradestats.errors import TradestatsError
from tradestats.files import replace_files
from tradestats.views import chart_tables

__all__ = ["FORMATS", "chart_path", "render_charts", "save_figure_bytes"]

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
    out_dir: Path,
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
    tables = chart_tables(data_dir, validate=False)
    contents: dict[Path, bytes] = {}
    for name in chosen:
        fig = chart_function(name)(tables, lang=lang)
        for fmt in fmts:
            contents[chart_path(out_dir, name, lang, fmt)] = save_figure_bytes(fig, fmt, dpi)
    replace_files(contents)
    return sorted(contents)
