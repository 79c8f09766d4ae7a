"""What every chart shares: the house style applied while drawing, a figure 16 cm wide,
axes mirrored for Persian, the title/subtitle/source-note frame (wrapped by measuring the
words, not counting characters), axes fitted into the room the frame leaves, value axes,
legends that run right to left in Persian, the key drawn from the visual language, and
what a chart says about itself (title, alt text, the rows it plots)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import pandas as pd

import tradestats.charts.style as style
from tradestats.views import Tables

# matplotlib is imported where a figure is drawn, not here: what a chart says (its
# title, for `plot --list` and the workbook) is worked out without it
if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

__all__ = [
    "ChartInfo",
    "Room",
    "axes",
    "data_date",
    "decimals",
    "economy_name",
    "figure_of",
    "fit",
    "frame",
    "key",
    "key_handles",
    "legend",
    "new_figure",
    "renderer",
    "styled",
    "value_axis",
]

_F = TypeVar("_F", bound="Callable[..., Figure]")
_CM = 1 / 2.54  # inches


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
    # numbers the chart derives and shows (a sum, a ratio, a rate): (what, value, unit,
    # the ids it comes from), so the download holds every number the chart shows
    derived: tuple[tuple[str, float, str, str], ...] = ()

    @property
    def figure_ids(self) -> list[str]:
        """Every figure the chart shows: its rows' and those it cites besides."""
        return [*self.rows["figure_id"].astype(str), *self.cited]


@dataclass(frozen=True)
class Room:
    """The room the frame leaves for a chart's axes, in figure fractions."""

    bottom: float
    top: float
    left: float = 0.02
    right: float = 0.98

    def box(self, x0: float, x1: float, y0: float, y1: float) -> tuple[float, ...]:
        """A part of the room: x0..x1 and y0..y1 as shares of its width and height."""
        width, height = self.right - self.left, self.top - self.bottom
        return (
            self.left + x0 * width,
            self.bottom + y0 * height,
            (x1 - x0) * width,
            (y1 - y0) * height,
        )


# a label's background: a gridline behind it stops at its edge instead of crossing it
CLEAR = {"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none"}


def styled(func: _F) -> _F:
    """Draw the whole chart inside the house style of its language."""

    @functools.wraps(func)
    def wrapper(*args: Any, lang: str = "en", **kwargs: Any) -> Figure:
        with style.house_style(lang):
            fig = func(*args, lang=lang, **kwargs)
        fig.tradestats_lang = lang  # type: ignore[attr-defined]
        return fig

    return wrapper  # type: ignore[return-value]


def new_figure(height_cm: float, lang: str = "en") -> Figure:
    """A figure as wide as a report's text column (style.WIDTH_CM) and ``height_cm``
    tall, taller in Persian by as much as its type is larger."""
    from matplotlib.figure import Figure

    scale = style.size("label", lang) / style.size("label", "en")
    return Figure(figsize=(style.WIDTH_CM * _CM, height_cm * scale * _CM))


def axes(fig: Figure, lang: str, rect: Sequence[float]) -> Axes:
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


# Line spacing of wrapped text: Vazirmatn's own line height is already generous.
_SPACING = {"en": 1.25, "fa": 1.0}
LINE_SPACING = _SPACING

# A right-to-left mark opens each Persian line: a line is laid out in the direction of
# its first strong letter, and a wrapped line may begin with a Latin name ("Mehr").
_LINE_START = {"en": "", "fa": "\u200f"}


def _directed(text: str, lang: str) -> str:
    """Each line of ``text`` set in the language's direction."""
    return "\n".join(_LINE_START[lang] + line for line in text.split("\n"))


def figure_of(ax: Axes) -> Figure:
    """The figure an axes is drawn in."""
    from matplotlib.figure import Figure

    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    return fig


def renderer(fig: Figure) -> RendererAgg:
    """A renderer of the figure's size, to measure text with."""
    from matplotlib.backends.backend_agg import RendererAgg

    width, height = fig.get_size_inches() * fig.dpi
    return RendererAgg(width, height, fig.dpi)


def wrap(fig: Figure, text: str, role: str, lang: str, width: float, bold: bool = False) -> str:
    """``text`` broken into lines no wider than ``width`` (a share of the figure's width),
    measured in the role's face and size; a run of words joined by no-break spaces stays
    on one line."""
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=style.size(role, lang), weight="bold" if bold else "normal")
    measure = renderer(fig)
    limit = width * fig.get_size_inches()[0] * fig.dpi

    def fits(line: str) -> bool:
        w, _h, _d = measure.get_text_width_height_descent(line, prop, ismath=False)
        return bool(w <= limit)

    lines: list[str] = []
    for paragraph in text.split("\n"):
        ours: list[str] = []
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and not fits(candidate):
                ours.append(line)
                line = word
            else:
                line = candidate
        ours.append(line)
        lines += _without_widow(ours, fits)
    return _directed("\n".join(lines), lang)


def _without_widow(lines: list[str], fits: Callable[[str], bool]) -> list[str]:
    """No last line of a single word: the line before gives it its last word, if the
    two still fit."""
    if len(lines) < 2 or " " in lines[-1] or " " not in lines[-2]:
        return lines
    head, moved = lines[-2].rsplit(" ", 1)
    last = f"{moved} {lines[-1]}"
    return [*lines[:-2], head, last] if fits(last) else lines


def _height(fig: Figure, artist: Any) -> float:
    """An artist's height as a share of the figure's."""
    box = artist.get_window_extent(renderer(fig))
    return float(box.height / (fig.get_size_inches()[1] * fig.dpi))


def frame(fig: Figure, lang: str, info: ChartInfo, note: str) -> Room:
    """Title (the finding), subtitle (what and the unit) and the generated source note;
    returns the room they leave between them."""
    x, ha = (0.985, "right") if lang == "fa" else (0.015, "left")
    pad = 0.25 * _CM / fig.get_size_inches()[1]
    muted = style.COLORS["muted"]
    width = 0.97
    title = fig.text(
        x,
        1 - pad,
        wrap(fig, info.title, "title", lang, width, bold=True),
        ha=ha,
        va="top",
        fontsize=style.size("title", lang),
        fontweight="bold",
        color=style.COLORS["text"],
        linespacing=_SPACING[lang],
    )
    y = 1 - pad - _height(fig, title) - pad / 2
    subtitle = fig.text(
        x,
        y,
        wrap(fig, info.subtitle, "subtitle", lang, width),
        ha=ha,
        va="top",
        fontsize=style.size("subtitle", lang),
        color=muted,
        linespacing=_SPACING[lang],
    )
    top = y - _height(fig, subtitle) - pad
    source = fig.text(
        x,
        pad * 0.8,
        wrap(fig, note, "note", lang, width),
        ha=ha,
        va="bottom",
        fontsize=style.size("note", lang),
        color=muted,
        linespacing=_SPACING[lang],
    )
    bottom = pad * 0.8 + _height(fig, source) + pad
    return Room(bottom=bottom, top=top)


def fit(
    fig: Figure,
    boxes: Iterable[tuple[Axes, Sequence[float]]],
    lang: str,
    align_x: bool = False,
    align_y: bool = False,
) -> None:
    """Move and size each axes so that everything it draws (tick labels, its legend,
    labels outside it) fills its box (left, bottom, width, height in figure fractions)
    and no more. Persian boxes are mirrored, as :func:`axes` mirrors the axes. With
    ``align_x``, axes stacked one above another share their left and right edges; with
    ``align_y``, axes side by side share their bottom and top: a shared scale lines up."""
    from matplotlib.transforms import Bbox

    placed = []
    for ax, (left, bottom, width, height) in boxes:
        if lang == "fa":
            left = 1 - left - width
        placed.append((ax, Bbox.from_bounds(left, bottom, width, height)))
        ax.set_position((left, bottom, width, height))
    size = fig.get_size_inches() * fig.dpi
    for _round in range(3):
        drawn = renderer(fig)
        for ax, box in placed:
            tight = ax.get_tightbbox(drawn)
            if tight is None:
                continue
            t = Bbox.from_extents(
                tight.x0 / size[0], tight.y0 / size[1], tight.x1 / size[0], tight.y1 / size[1]
            )
            pos = ax.get_position()
            x0 = box.x0 + (pos.x0 - t.x0)
            y0 = box.y0 + (pos.y0 - t.y0)
            x1 = box.x1 - (t.x1 - pos.x1)
            y1 = box.y1 - (t.y1 - pos.y1)
            ax.set_position((x0, y0, max(x1 - x0, 0.05), max(y1 - y0, 0.05)))
        if align_x:
            _align_x([ax for ax, _box in placed])
        if align_y:
            _align_y([ax for ax, _box in placed])


def _align_y(row: list[Axes]) -> None:
    """Axes side by side share their bottom and top, so one scale reads across them."""
    y0 = max(ax.get_position().y0 for ax in row)
    y1 = min(ax.get_position().y1 for ax in row)
    for ax in row:
        pos = ax.get_position()
        ax.set_position((pos.x0, y0, pos.width, y1 - y0))


def _align_x(stack: list[Axes]) -> None:
    """The axes' common horizontal extent: the narrowest that fits them all."""
    x0 = max(ax.get_position().x0 for ax in stack)
    x1 = min(ax.get_position().x1 for ax in stack)
    for ax in stack:
        pos = ax.get_position()
        ax.set_position((x0, pos.y0, x1 - x0, pos.height))


def value_axis(ax: Axes, lang: str, axis: Literal["x", "y"] = "y", decimals: int = 0) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    formatter = FuncFormatter(lambda v, _pos: style.format_number(v, lang, decimals))
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(formatter)
    target.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    ax.tick_params(axis=axis, labelsize=style.size("label", lang))


def bound_marks(qualifiers: Iterable[object]) -> list[str]:
    """The key's mark for the bounds a chart draws: its words name only the directions
    drawn ('more than', 'under', or both); none where it draws no bound."""
    drawn = {str(q) for q in qualifiers} & {"more_than", "less_than"}
    if not drawn:
        return []
    return (
        ["bound"] if len(drawn) == 2 else ["bound_more" if "more_than" in drawn else "bound_less"]
    )


def key_handles(marks: Iterable[str], lang: str, color: str) -> list[Patch]:
    """Legend entries for the marks of the visual language (style.MARKS) a chart uses."""
    from matplotlib.patches import Patch

    return [
        Patch(label=style.MARKS[mark]["words"][lang], **style.mark_props([mark], color))
        for mark in marks
    ]


def legend(ax: Axes, handles: Sequence[Artist], lang: str, **kwargs: Any) -> None:
    """A legend that runs right to left in Persian: markers on the right, text aligned
    right, entries in reading order."""
    if lang == "fa":
        kwargs = {"markerfirst": False, "alignment": "right", **kwargs}
        ncols = kwargs.get("ncols", 1)
        if ncols > 1:
            handles = list(handles)[::-1]
    ax.legend(handles=list(handles), fontsize=style.size("label", lang), handlelength=1.2, **kwargs)


def key(fig: Figure, room: Room, handles: Sequence[Artist], lang: str, ncols: int) -> Room:
    """The chart's key across the top of the room, aligned with the reading side;
    returns the room left under it."""
    x = room.left if lang == "en" else room.right
    kwargs: dict[str, Any] = {"markerfirst": False, "alignment": "right"} if lang == "fa" else {}
    ordered = _right_to_left(list(handles), ncols) if lang == "fa" else list(handles)
    drawn = fig.legend(
        handles=ordered,
        loc="upper left" if lang == "en" else "upper right",
        bbox_to_anchor=(x, room.top),
        ncols=ncols,
        borderaxespad=0,
        columnspacing=1.2,
        handlelength=1.2,
        handletextpad=0.5,
        fontsize=style.size("label", lang),
        **kwargs,
    )
    gap = 0.2 * _CM / fig.get_size_inches()[1]
    return Room(room.bottom, room.top - _height(fig, drawn) - gap, room.left, room.right)


def _right_to_left(handles: list[Artist], ncols: int) -> list[Artist]:
    """Entries in the order matplotlib fills a legend's columns (down each, from the
    left), so that a Persian reader finds them in the English order from the right."""
    from matplotlib.patches import Patch

    rows = -(-len(handles) // ncols)
    padded = handles + [Patch(visible=False, label=" ")] * (rows * ncols - len(handles))
    columns = [padded[i : i + rows] for i in range(0, len(padded), rows)]
    return [h for column in reversed(columns) for h in column]


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
