"""The house style for every chart: colour-blind-safe palette (Okabe–Ito), fonts,
rcParams, number formatting and right-to-left layout for Persian.

Import this module before pyplot: it keeps system fonts out (``MPL_IGNORE_SYSTEM_FONTS``)
so that every machine draws with matplotlib's bundled DejaVu Sans, which also covers
Persian. matplotlib ≥ 3.11 shapes and orders Arabic script itself, so text is passed
as it is, never pre-shaped.
"""

from __future__ import annotations

import os
import re
from typing import Any

os.environ.setdefault("MPL_IGNORE_SYSTEM_FONTS", "1")

__all__ = [
    "COLORS",
    "FIGSIZE",
    "LANGS",
    "RC_PARAMS",
    "format_number",
    "to_local_digits",
]

LANGS = ("en", "fa")

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common form
# of colour-vision deficiency.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
# Roles, so every chart uses the same colour for the same thing.
COLORS = {
    "exports": OKABE_ITO["blue"],  # goods leaving the reporter
    "imports": OKABE_ITO["orange"],  # goods entering the reporter
    "turnover": OKABE_ITO["bluish_green"],
    "partner": OKABE_ITO["blue"],
    "highlight": OKABE_ITO["vermillion"],
    "text": "#222222",
    "muted": "#5f5f5f",
    "grid": "#dddddd",
}

# 16:9 at 8 × 4.5 inches: full width on a report page, and a whole slide.
FIGSIZE = (8.0, 4.5)

RC_PARAMS: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9.5,
    "axes.edgecolor": COLORS["muted"],
    "axes.labelcolor": COLORS["text"],
    "axes.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.color": COLORS["grid"],
    "grid.linewidth": 0.7,
    "xtick.color": COLORS["muted"],
    "ytick.color": COLORS["muted"],
    "xtick.labelcolor": COLORS["text"],
    "ytick.labelcolor": COLORS["text"],
    "legend.frameon": False,
    "hatch.linewidth": 0.8,
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    # reproducible SVG and PDF
    "svg.hashsalt": "tradestats",
    "svg.fonttype": "path",
    "pdf.fonttype": 3,
    "path.simplify": False,
}

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_SEPARATOR_RE = re.compile(r"(?<=\d)[.,](?=\d)")


def to_local_digits(text: str, lang: str) -> str:
    """For ``fa``: Persian digits, and '٫' / '٬' for the decimal and thousands separators
    between digits (a full stop or comma in a sentence stays as it is). ``en``: as is."""
    if lang != "fa":
        return text
    text = _SEPARATOR_RE.sub(lambda m: "٫" if m.group() == "." else "٬", text)
    return text.translate(_PERSIAN_DIGITS)


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """1,740 / ۱٬۷۴۰; 294.2 / ۲۹۴٫۲."""
    return to_local_digits(f"{value:,.{decimals}f}", lang)
