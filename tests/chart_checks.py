"""What an editor checks on every chart, measured: no text under the minimum size at the
placed width, no text leaving the canvas, no two texts overlapping, and every word of the
PDF where the PNG has it."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

import tradestats.charts.style as style


def _drawn_tick_labels(fig: Figure) -> tuple[set[int], list[Text]]:
    """(ids of every tick label, the tick labels drawn): matplotlib keeps labels for
    ticks outside the view, which it does not draw."""
    every: set[int] = set()
    drawn: list[Text] = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                every |= {id(tick.label1), id(tick.label2)}
            for tick in axis._update_ticks():
                drawn += [label for label in (tick.label1, tick.label2) if label.get_visible()]
    return every, drawn


def texts(fig: Figure) -> list[Text]:
    """Every text a reader sees: drawn, visible, not empty."""
    ticks, drawn = _drawn_tick_labels(fig)
    others = [t for t in fig.findobj(Text) if id(t) not in ticks]
    return [t for t in others + drawn if t.get_visible() and t.get_text().strip()]


def _name(t: Text) -> str:
    return repr(t.get_text()[:40])


def too_small(fig: Figure) -> list[str]:
    """Texts under style.MIN_POINTS once the figure is placed style.WIDTH_CM wide."""
    scale = style.WIDTH_CM / (fig.get_size_inches()[0] * 2.54)
    return [
        f"{_name(t)} at {t.get_fontsize() * scale:.1f} pt"
        for t in texts(fig)
        if t.get_fontsize() * scale < style.MIN_POINTS - 1e-6
    ]


def collisions(fig: Figure, lang: str) -> list[str]:
    """Texts that leave the canvas, and pairs of texts whose boxes overlap."""
    canvas = FigureCanvasAgg(fig)
    with style.house_style(lang):
        canvas.draw()
        renderer = canvas.get_renderer()
        boxes = [(t, t.get_window_extent(renderer)) for t in texts(fig)]
    width, height = fig.bbox.width, fig.bbox.height
    out = []
    for t, b in boxes:
        if b.x0 < -0.5 or b.y0 < -0.5 or b.x1 > width + 0.5 or b.y1 > height + 0.5:
            out.append(f"{_name(t)} leaves the canvas")
    shrink = 1.0  # pixels: boxes that merely touch do not collide
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1 :]:
            if (
                box_a.x0 + shrink < box_b.x1 - shrink
                and box_b.x0 + shrink < box_a.x1 - shrink
                and box_a.y0 + shrink < box_b.y1 - shrink
                and box_b.y0 + shrink < box_a.y1 - shrink
            ):
                out.append(f"{_name(a)} overlaps {_name(b)}")
    return out


def _ink_gaps(image: Any, box: tuple[int, int, int, int], least: int) -> tuple[int, int, list[int]]:
    """Within ``box`` of a raster: the first and last columns with ink, and where each
    run of at least ``least`` inkless columns between them starts."""
    crop = np.asarray(image.convert("L").crop(box))
    ink = (crop < 140).any(axis=0)
    columns = np.flatnonzero(ink)
    if len(columns) == 0:
        return -1, -1, []
    starts, run = [], 0
    for x in range(int(columns[0]), int(columns[-1]) + 1):
        if ink[x]:
            if run >= least:
                starts.append(x - run)
            run = 0
        else:
            run += 1
    return int(columns[0]), int(columns[-1]), starts


def _unmatched(wide: list[int], narrow: list[int]) -> list[int]:
    """Wide gaps of one image with no gap, however narrow, near them in the other."""
    return [g for g in wide if not any(abs(g - h) <= 4 for h in narrow)]


def words_out_of_place(fig: Figure, png: Any, pdf_page: Any, lang: str, dpi: int) -> list[str]:
    """Texts whose words the PDF, rasterised, sets apart otherwise than the PNG: a gap of
    7 columns or more (at 300 dpi, a broken word) in one where the other has ink, or ink
    ending elsewhere. Both images are at ``dpi``."""
    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    out = []
    with style.house_style(lang):
        canvas.draw()
        renderer = canvas.get_renderer()
        height = png.size[1]
        for t in texts(fig):
            b = t.get_window_extent(renderer)
            box = (int(b.x0), int(height - b.y1), int(b.x1) + 1, int(height - b.y0) + 1)
            wide_png, wide_pdf = _ink_gaps(png, box, 7), _ink_gaps(pdf_page, box, 7)
            any_png, any_pdf = _ink_gaps(png, box, 1), _ink_gaps(pdf_page, box, 1)
            odd = _unmatched(wide_pdf[2], any_png[2]) + _unmatched(wide_png[2], any_pdf[2])
            ends = abs(any_png[0] - any_pdf[0]) > 6 or abs(any_png[1] - any_pdf[1]) > 6
            if odd or ends:
                out.append(f"{_name(t)}: gaps {wide_png[2]} in the PNG, {wide_pdf[2]} in the PDF")
    return out
