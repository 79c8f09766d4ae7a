"""What every chart shares: the house style applied while drawing, a 16:9 figure, axes
mirrored for Persian, the title/subtitle/source-note frame, value axes and names."""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable
from typing import Any, TypeVar

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

import tradestats.charts.style as style
from tradestats.views import Tables

__all__ = ["axes", "decimals", "economy_name", "frame", "new_figure", "styled", "value_axis"]

_F = TypeVar("_F", bound=Callable[..., Figure])


def styled(func: _F) -> _F:
    """Draw the whole chart inside the house style."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Figure:
        with mpl.rc_context(style.RC_PARAMS):  # type: ignore[arg-type]
            return func(*args, **kwargs)

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


def frame(fig: Figure, lang: str, title: str, subtitle: str, note: str) -> None:
    """Title (the finding), subtitle (the unit) and the generated source note."""
    x, ha = (0.985, "right") if lang == "fa" else (0.015, "left")
    fig.text(
        x, 0.965, title, ha=ha, va="top", fontsize=13, fontweight="bold", color=style.COLORS["text"]
    )
    fig.text(x, 0.895, subtitle, ha=ha, va="top", fontsize=9.5, color=style.COLORS["muted"])
    width = 165 if lang == "en" else 150
    fig.text(
        x,
        0.015,
        "\n".join(textwrap.fill(part, width) for part in note.split("\n")),
        ha=ha,
        va="bottom",
        fontsize=6.8,
        color=style.COLORS["muted"],
        linespacing=1.4,
    )


def value_axis(ax: Axes, lang: str, axis: str = "y", decimals: int = 0) -> None:
    formatter = FuncFormatter(lambda v, _pos: style.format_number(v, lang, decimals))
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(formatter)
    target.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))


def economy_name(tables: Tables, code: str, lang: str, article: bool = False) -> str:
    econ = tables["economies"].set_index("code").loc[code]
    name = str(econ["name_fa"] if lang == "fa" else econ["name_en"])
    if article and lang == "en" and econ["kind"] == "aggregate":
        name = f"the {name}"
    return name


def decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1
