"""What every chart shares: the house style applied while drawing, a 16:9 figure, axes
mirrored for Persian, the title/subtitle/source-note frame, value axes, legends that run
right to left in Persian, the key drawn from the visual language, and what a chart says
about itself (title, alt text, the rows it plots)."""

from __future__ import annotations

import datetime as dt
import functools
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

import tradestats.charts.style as style
from tradestats.views import Tables

__all__ = [
    "ChartInfo",
    "axes",
    "decimals",
    "economy_name",
    "frame",
    "header_bottom",
    "key_handles",
    "legend",
    "new_figure",
    "styled",
    "value_axis",
]

_F = TypeVar("_F", bound=Callable[..., Figure])


@dataclass(frozen=True)
class ChartInfo:
    """What a chart says, written from the rows it plots: its title, subtitle and alt
    text, the rows themselves (as in trade_flows.csv) and the date of its data (the
    latest date of the texts they come from)."""

    title: str
    subtitle: str
    alt: str
    rows: pd.DataFrame
    data_date: dt.date
    note: str | None = None  # the source note, where it is not that of the rows' figures
    cited: tuple[str, ...] = ()  # figures the chart shows beyond its rows (a stated rate)

    @property
    def figure_ids(self) -> list[str]:
        """Every figure the chart shows: its rows' and those it cites besides."""
        return [*self.rows["figure_id"].astype(str), *self.cited]


def styled(func: _F) -> _F:
    """Draw the whole chart inside the house style of its language."""

    @functools.wraps(func)
    def wrapper(*args: Any, lang: str = "en", **kwargs: Any) -> Figure:
        with style.house_style(lang):
            fig = func(*args, lang=lang, **kwargs)
        fig.tradestats_lang = lang  # type: ignore[attr-defined]
        return fig

    return wrapper  # type: ignore[return-value]


def new_figure() -> Figure:
    return Figure(figsize=style.FIGSIZE)


def axes(fig: Figure, lang: str, rect: tuple[float, float, float, float]) -> Axes:
    """Axes at ``rect`` (left, bottom, width, height) for English; mirrored for Persian,
    with the value axis on the right."""
    left, bottom, width, height = rect
    if lang == "fa":
        left = 1 - left - width
    ax = fig.add_axes((left, bottom, width, height))
    if lang == "fa":
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
        ax.spines["right"].set_visible(True)
        ax.spines["left"].set_visible(False)
    return ax


# A right-to-left mark opens each Persian line: a line is laid out in the direction of
# its first strong letter, and a wrapped line may begin with a Latin name ("R019 Mehr").
_LINE_START = {"en": "", "fa": "\u200f"}


def _directed(text: str, lang: str) -> str:
    """Each line of ``text`` set in the language's direction."""
    return "\n".join(_LINE_START[lang] + line for line in text.split("\n"))


def _lines(text: str, width: int, lang: str) -> str:
    """``text`` wrapped at ``width`` characters, each line set in the language's direction."""
    return _directed("\n".join(textwrap.wrap(text, width)), lang)


def _title_lines(info: ChartInfo, lang: str) -> list[str]:
    return textwrap.wrap(info.title, 80 if lang == "en" else 88)


def _subtitle_top(info: ChartInfo, lang: str) -> float:
    return 0.975 - 0.058 * len(_title_lines(info, lang))


def header_bottom(info: ChartInfo, lang: str) -> float:
    """Where the header (title and subtitle) ends, in figure coordinates: the top of the
    room a chart may fill."""
    return _subtitle_top(info, lang) - 0.045


def frame(fig: Figure, lang: str, info: ChartInfo, note: str) -> None:
    """Title (the finding), subtitle (what and the unit) and the generated source note."""
    x, ha = (0.985, "right") if lang == "fa" else (0.015, "left")
    width = 110 if lang == "en" else 105
    title = _lines(info.title, 80 if lang == "en" else 88, lang)
    fig.text(
        x,
        0.975,
        title,
        ha=ha,
        va="top",
        fontsize=style.size(12, lang),
        fontweight="bold",
        color=style.COLORS["text"],
        linespacing=1.15,
    )
    fig.text(
        x,
        _subtitle_top(info, lang),
        _directed(info.subtitle, lang),
        ha=ha,
        va="top",
        fontsize=style.size(9, lang),
        color=style.COLORS["muted"],
    )
    fig.text(
        x,
        0.012,
        _lines(note, int(width * 1.45), lang),
        ha=ha,
        va="bottom",
        fontsize=style.size(6.6, lang),
        color=style.COLORS["muted"],
        linespacing=1.35 if lang == "en" else 1.0,
    )


def value_axis(ax: Axes, lang: str, axis: Literal["x", "y"] = "y", decimals: int = 0) -> None:
    formatter = FuncFormatter(lambda v, _pos: style.format_number(v, lang, decimals))
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(formatter)
    target.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    ax.tick_params(axis=axis, labelsize=style.size(8.5, lang))


def key_handles(marks: Iterable[str], lang: str, color: str) -> list[Patch]:
    """Legend entries for the marks of the visual language (style.MARKS) a chart uses."""
    handles: list[Patch] = []
    for mark in marks:
        spec = style.MARKS[mark]
        props = {"facecolor": color, "edgecolor": color, **spec["patch"]}
        handles.append(Patch(label=spec["words"][lang], **props))
    return handles


def legend(ax: Axes, handles: Sequence[Artist], lang: str, **kwargs: Any) -> None:
    """A legend that runs right to left in Persian: markers on the right, text aligned
    right, entries in reading order."""
    if lang == "fa":
        kwargs = {"markerfirst": False, "alignment": "right", **kwargs}
        ncols = kwargs.get("ncols", 1)
        if ncols > 1:
            handles = list(handles)[::-1]
    ax.legend(handles=list(handles), fontsize=style.size(7.8, lang), handlelength=1.2, **kwargs)


def economy_name(tables: Tables, code: str, lang: str, article: bool = False) -> str:
    econ = tables["economies"].set_index("code").loc[code]
    name = str(econ["name_fa"] if lang == "fa" else econ["name_en"])
    if article and lang == "en" and econ["kind"] == "aggregate":
        name = "the world" if code == "WLD" else f"the {name}"
    return name


def decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1


def data_date(tables: Tables, rows: pd.DataFrame) -> dt.date:
    """The latest date of the texts the rows come from."""
    dates = tables["sources"].set_index("source_id")["date"]
    return max(pd.Timestamp(dates.loc[s]).date() for s in rows["source_id"].astype(str))
