"""The house style for every chart, written down once: the palette (Okabe–Ito, safe for
colour-blind readers), the visual language (which mark means what), fonts and sizes per
language, rcParams and number formatting.

English is drawn in matplotlib's bundled DejaVu Sans; Persian in Vazirmatn (SIL Open Font
License 1.1), shipped in ``fonts/`` beside this module with its licence, so the output
does not depend on the fonts a machine has and stays byte-reproducible. System fonts are
kept out (``MPL_IGNORE_SYSTEM_FONTS``). matplotlib ≥ 3.11 shapes and orders Arabic script
itself, so text is passed as it is, never pre-shaped. Numbers are formatted by Babel with
the CLDR symbols of each language (``٬`` and ``٫`` in Persian), in Persian digits.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

os.environ.setdefault("MPL_IGNORE_SYSTEM_FONTS", "1")

from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

__all__ = [
    "COLORS",
    "LANGS",
    "MARKS",
    "MIN_POINTS",
    "SIZES",
    "WIDTH_CM",
    "format_number",
    "house_style",
    "lighter",
    "mark_props",
    "rc_params",
    "size",
    "to_local_digits",
]

LANGS = ("en", "fa")
FONTS_DIR = Path(__file__).resolve().parent / "fonts"
_FACES = {"en": ["DejaVu Sans"], "fa": ["Vazirmatn", "DejaVu Sans"]}
# Persian text is set larger than Latin text, as Persian typesetting expects.
_SCALE = {"en": 1.0, "fa": 1.12}

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
# One colour per role, the same on every chart. Flows are seen from Russia's side:
# Russia's exports are blue, Russia's imports (another economy's exports to Russia)
# orange, turnover green.
COLORS = {
    "exports": OKABE_ITO["blue"],
    "imports": OKABE_ITO["orange"],
    "turnover": OKABE_ITO["bluish_green"],
    # a source's claim (a ceiling it states, a rate it gives): apart from every flow's
    # colour, orange included, for colour-blind readers too
    "claim": OKABE_ITO["reddish_purple"],
    # tradestats' own arithmetic (a sum that misses a stated total)
    "check": "#222222",
    "text": "#222222",
    "muted": "#5f5f5f",
    "grid": "#dddddd",
}
# The visual language: what each mark means, and how it is drawn (matplotlib patch
# properties, on top of the flow's colour). A chart's key is drawn from this table.
MARKS: dict[str, dict[str, Any]] = {
    "value": {"words": {"en": "Value as stated", "fa": "رقم ذکرشده"}, "patch": {}},
    "bound": {
        "words": {
            "en": "Hatched, with an arrow: a bound ('more than', 'under')",
            "fa": "هاشورخورده با پیکان: حد («بیش از»، «کمتر از»)",
        },
        "patch": {"facecolor": "white", "hatch": "////", "linewidth": 1.2},
    },
    # the same mark, where a chart draws bounds of one direction only
    "bound_more": {
        "words": {
            "en": "Hatched, with an arrow: a lower bound ('more than')",
            "fa": "هاشورخورده با پیکان: حد پایین («بیش از»)",
        },
        "patch": {"facecolor": "white", "hatch": "////", "linewidth": 1.2},
    },
    "bound_less": {
        "words": {
            "en": "Hatched, with an arrow: an upper bound ('under')",
            "fa": "هاشورخورده با پیکان: حد بالا («کمتر از»)",
        },
        "patch": {"facecolor": "white", "hatch": "////", "linewidth": 1.2},
    },
    "target": {
        "words": {"en": "Dashed outline: a target", "fa": "خط‌چین: هدف"},
        "patch": {
            "facecolor": "none",
            "edgecolor": COLORS["muted"],
            "linestyle": (0, (4, 2)),
            "linewidth": 1.1,
        },
    },
    "partial": {
        "words": {
            "en": "Lighter tone: part of a year",
            "fa": "رنگ روشن‌تر: بخشی از سال",
        },
        "patch": {"lighten": 0.55, "linewidth": 1.2},
    },
}

# Every chart is drawn at the size it is placed at: 16 cm wide, a report's text column
# (a slide shows it at the same proportions). A type size here is the size on the page,
# and none is under 7 pt (Persian is set larger still).
WIDTH_CM = 16.0
MIN_POINTS = 7.0
SIZES = {
    "title": 10.5,
    "subtitle": 8.0,
    "strong": 8.0,  # a callout or a bold value
    "label": 7.5,  # value labels, tick labels, legends
    "note": 7.0,  # the source note and fine print
}

_BASE_RC: dict[str, Any] = {
    "font.family": "sans-serif",
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
    # reproducible SVG and PDF; text stays text, fonts are embedded as TrueType
    "svg.hashsalt": "tradestats",
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    # matplotlib's PDF writer sizes its font subsets by ps.fonttype: at Type 3's 256 it
    # embeds a face again for every character past Latin-1 (an en dash, Persian letters)
    "ps.fonttype": 42,
    "path.simplify": False,
    # no hinting: a text's width then scales with the resolution, so a line measured to
    # fit (charts.layout.wrap) fits at every dpi and in the PDF and SVG alike
    "text.hinting": "none",
    # a title may hold two amounts in dollars: "$…$" must not be read as mathematics
    "text.parse_math": False,
}


@cache
def _shipped_fonts() -> tuple[Any, ...]:
    """Font entries for the faces shipped in fonts/ (Vazirmatn Regular and Bold)."""
    from matplotlib import font_manager, ft2font

    return tuple(
        font_manager.ttfFontProperty(ft2font.FT2Font(str(path)))
        for path in sorted(FONTS_DIR.glob("*.ttf"))
    )


@contextlib.contextmanager
def house_style(lang: str) -> Iterator[None]:
    """Draw or save inside the house style of ``lang``, with exactly the fonts the
    package knows: matplotlib's own (DejaVu Sans) and those shipped in fonts/, never a
    font the machine happens to have. matplotlib's font list is restored afterwards."""
    import matplotlib as mpl
    from matplotlib import font_manager

    manager = font_manager.fontManager
    saved_list, saved_env = manager.ttflist, os.environ.pop("MPL_IGNORE_SYSTEM_FONTS", None)
    own = Path(mpl.get_data_path()) / "fonts"
    manager.ttflist = [f for f in saved_list if Path(f.fname).is_relative_to(own)]
    manager.ttflist += list(_shipped_fonts())
    manager._findfont_cached.cache_clear()  # type: ignore[attr-defined]
    try:
        with mpl.rc_context(rc_params(lang)):  # type: ignore[arg-type]
            yield
    finally:
        manager.ttflist = saved_list
        if saved_env is not None:
            os.environ["MPL_IGNORE_SYSTEM_FONTS"] = saved_env
        manager._findfont_cached.cache_clear()  # type: ignore[attr-defined]


def lighter(color: str, share: float) -> str:
    """``color`` mixed with white by ``share``: the lighter tone of part of a year, an
    opaque colour (transparency would also fade the outline in SVG)."""
    rgb = [int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c + (255 - c) * share):02X}" for c in rgb)


def mark_props(marks: list[str], color: str) -> dict[str, Any]:
    """matplotlib patch properties of a bar in ``color`` drawn with ``marks`` (keys of
    MARKS): its outline stays at full strength."""
    props: dict[str, Any] = {"facecolor": color, "edgecolor": color}
    for mark in marks:
        patch = dict(MARKS[mark]["patch"])
        share = patch.pop("lighten", None)
        props |= patch
        if share is not None and props["facecolor"] not in ("white", "none"):
            props["facecolor"] = lighter(color, share)
    return props


def rc_params(lang: str) -> dict[str, Any]:
    """rcParams for a chart in ``lang``: the language's face and base size."""
    base = size("label", lang)
    return {
        **_BASE_RC,
        "font.sans-serif": _FACES[lang],
        "font.size": base,
        "xtick.labelsize": base,
        "ytick.labelsize": base,
        "legend.fontsize": base,
    }


def size(role: str, lang: str) -> float:
    """The type size of a role (see SIZES) in ``lang``: Persian is set larger."""
    return round(SIZES[role] * _SCALE[lang], 2)


def _babel_locale(lang: str) -> str:
    return "fa" if lang == "fa" else "en"


_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """1,740 / ۱٬۷۴۰; 294.2 / ۲۹۴٫۲: Babel's pattern and CLDR symbols for the language,
    in its digits."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(
        value, format=pattern, locale=_babel_locale(lang), numbering_system="default"
    )
    return text.translate(_PERSIAN_DIGITS) if lang == "fa" else text


def to_local_digits(text: str, lang: str) -> str:
    """For ``fa``: Persian digits, and CLDR's decimal and group symbols between digits (a
    full stop or comma in a sentence stays as it is). ``en``: as is."""
    if lang != "fa":
        return text
    decimal = get_decimal_symbol("fa", numbering_system="default")
    group = get_group_symbol("fa", numbering_system="default")
    out = []
    for i, ch in enumerate(text):
        between = 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        out.append({".": decimal, ",": group}.get(ch, ch) if between else ch)
    return "".join(out).translate(_PERSIAN_DIGITS)
