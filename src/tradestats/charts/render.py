"""``tradestats plot``: render charts to PNG, SVG and PDF, byte for byte reproducibly,
each with what a reader needs beside it: the plotted rows as ``<name>.csv``, alt text
(in the SVG's ``<title>``/``<desc>`` and the PDF's metadata) and a gallery,
``README.md``. Every file is written atomically, and only when its bytes change."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

import tradestats.charts.style as style
from tradestats.charts.layout import ChartInfo
from tradestats.charts.pdf import set_language, subset_switches_keep_position
from tradestats.charts.registry import CHARTS, chart_function, chart_info
from tradestats.charts.svg import finish_svg, font_css
from tradestats.errors import TradestatsError
from tradestats.files import replace_files, to_csv_bytes
from tradestats.views import Tables, chart_tables

__all__ = [
    "FORMATS",
    "chart",
    "chart_path",
    "chart_rows",
    "gallery",
    "render_charts",
    "save_figure_bytes",
]

FORMATS = ("png", "svg", "pdf")
_CSV_COLUMNS = [
    "figure_id",
    "reporter",
    "partner",
    "flow",
    "period_start",
    "period_end",
    "period_label",
    "value_usd_m",
    "qualifier",
    "nature",
    "reporting_agency",
    "source_id",
    "line",
]


def chart_path(out_dir: Path, name: str, lang: str, fmt: str) -> Path:
    """figures/partners.png for English, figures/partners.fa.png for Persian."""
    suffix = "" if lang == "en" else f".{lang}"
    return out_dir / f"{name}{suffix}.{fmt}"


def _metadata(fmt: str, info: ChartInfo | None) -> dict[str, object]:
    """No clock and no version strings: the same inputs give the same bytes. PDFs carry
    the title, the alt text and keywords, and no creation date (the file was not made on
    the date of its data)."""
    if fmt == "png":
        return {"Software": None}
    if fmt == "svg":
        return {"Date": None, "Creator": None}
    meta: dict[str, object] = {
        "CreationDate": None,
        "ModDate": None,
        "Creator": None,
        "Producer": None,
    }
    if info is not None:
        meta |= {
            "Title": info.title,
            "Author": "tradestats",
            "Subject": info.alt,
            "Keywords": "Russia, foreign trade, tradestats",
        }
    return meta


def save_figure_bytes(fig: Figure, fmt: str, dpi: int, info: ChartInfo | None = None) -> bytes:
    """A Figure's bytes in one format, with reproducible metadata; a PDF says its
    language and keeps every glyph where the PNG has it (see :mod:`.pdf`)."""
    buf = io.BytesIO()
    lang = str(getattr(fig, "tradestats_lang", "en"))
    with style.house_style(lang), subset_switches_keep_position():
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=_metadata(fmt, info))
    data = buf.getvalue()
    return set_language(data, lang) if fmt == "pdf" else data


def chart_rows(tables: Tables, info: ChartInfo) -> pd.DataFrame:
    """A chart's download: exactly the rows it plots, the figures it cites beside them
    (a stated growth rate, in ``value_percent``), and every number it derives (a sum, a
    ratio), each with what it is and the ids it comes from."""
    rows = info.rows if info.note is not None else info.rows[_CSV_COLUMNS]
    if info.cited:
        cited = tables["figures"].set_index("figure_id").loc[list(info.cited)].reset_index()
        cited = cited.assign(
            period_label=cited["period"],
            value_usd_m=float("nan"),
            value_percent=cited["value"].where(cited["unit"] == "percent"),
        )
        rows = pd.concat([rows, cited[[*_CSV_COLUMNS, "value_percent"]]], ignore_index=True)
    if info.derived:
        derived = pd.DataFrame(
            info.derived, columns=["derived", "derived_value", "derived_unit", "derived_from"]
        )
        rows = pd.concat([rows, derived], ignore_index=True)
    return rows


def _check(chosen: list[str], fmts: list[str], lang: str, dpi: int) -> None:
    unknown = [n for n in chosen if n not in CHARTS]
    if unknown:
        raise TradestatsError(
            f"unknown chart {', '.join(map(repr, unknown))}; choose from: {', '.join(CHARTS)}"
        )
    bad = [f for f in fmts if f not in FORMATS]
    if bad:
        raise TradestatsError(
            f"unknown format {', '.join(map(repr, bad))}; choose from: {', '.join(FORMATS)}"
        )
    if lang not in style.LANGS:
        raise TradestatsError(f"unknown language {lang!r}; choose from: {', '.join(style.LANGS)}")
    if dpi < 20 or dpi > 1200:
        raise TradestatsError(f"--dpi {dpi} is outside 20–1200")


def gallery(tables: Tables) -> str:
    """figures/README.md: every chart in both languages, with its title, alt text,
    sources and the command that draws it."""
    from tradestats.charts.notes import source_note
    from tradestats.charts.words import t

    out = [
        "# Charts",
        "",
        "Generated by `tradestats plot` and `tradestats plot --lang fa`; "
        "each chart's plotted rows are in `<name>.csv` beside it.",
        "",
        f"Every file is drawn {style.WIDTH_CM:g} cm wide, the width of a report's text "
        "column: placed at that width, its type is the size it was set in, and none is "
        f"under {style.MIN_POINTS:g} pt. On a slide, scale it as a whole.",
        "",
    ]
    for name in CHARTS:
        for lang in style.LANGS:
            info = chart_info(name)(tables, lang)
            suffix = "" if lang == "en" else f".{lang}"
            flag = "" if lang == "en" else " --lang fa"
            out += [
                f"## {info.title}",
                "",
                f"![{info.alt}]({name}{suffix}.png)",
                "",
                f"- {t('gallery.alt', lang)} {info.alt}",
                f"- {info.note or source_note(tables, info.figure_ids, lang)}",
                f"- {t('gallery.data', lang)} [`{name}.csv`]({name}.csv)",
                f"- {t('gallery.drawn', lang)} `tradestats plot --chart {name}{flag}`",
                "",
            ]
    return "\n".join(out)


def chart(name: str, lang: str = "en", data_dir: Path | None = None) -> Figure:
    """The chart ``name`` as a matplotlib Figure, drawn from the clean tables, exactly as
    ``tradestats plot`` saves it: a notebook shows it inline, and it can be restyled."""
    _check([name], [], lang, 200)
    return chart_function(name)(chart_tables(data_dir, validate=False), lang=lang)  # type: ignore[no-any-return]


def render_charts(
    names: Iterable[str] | None = None,
    *,
    formats: Iterable[str] = FORMATS,
    lang: str = "en",
    out_dir: Path,
    dpi: int = 200,
    data_dir: Path | None = None,
) -> list[Path]:
    """Render the named charts (default: all), their data and the gallery, and return
    the files written or kept."""
    contents = chart_files(
        names, formats=formats, lang=lang, out_dir=out_dir, dpi=dpi, data_dir=data_dir
    )
    replace_files(contents)
    return sorted(contents)


def chart_files(
    names: Iterable[str] | None = None,
    *,
    formats: Iterable[str] = FORMATS,
    lang: str = "en",
    out_dir: Path,
    dpi: int = 200,
    data_dir: Path | None = None,
) -> dict[Path, bytes]:
    """The bytes of every file :func:`render_charts` writes, drawn in memory."""
    chosen = list(names) if names else list(CHARTS)
    fmts = list(dict.fromkeys(formats))
    _check(chosen, fmts, lang, dpi)
    tables = chart_tables(data_dir, validate=False)
    contents: dict[Path, bytes] = {out_dir / "README.md": gallery(tables).encode("utf-8")}
    svgs: dict[Path, tuple[bytes, ChartInfo]] = {}
    for name in chosen:
        info = chart_info(name)(tables, lang)
        contents[out_dir / f"{name}.csv"] = to_csv_bytes(chart_rows(tables, info))
        fig = chart_function(name)(tables, lang=lang)
        for fmt in fmts:
            data = save_figure_bytes(fig, fmt, dpi, info)
            if fmt == "svg":
                svgs[chart_path(out_dir, name, lang, fmt)] = (data, info)
            else:
                contents[chart_path(out_dir, name, lang, fmt)] = data
    if svgs:
        # one subset of each face for all the charts in this language
        css = font_css([data for data, _info in svgs.values()], lang)
        for path, (data, info) in svgs.items():
            contents[path] = finish_svg(data, info.title, info.alt, css, lang)
    return contents
