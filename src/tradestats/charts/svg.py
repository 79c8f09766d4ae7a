"""Make an SVG chart self-contained and readable as a document: its title and alt text
as ``<title>`` and ``<desc>``, and the fonts its live text uses embedded as subsets
(only the glyphs it needs), so a browser draws it as matplotlib did, in the same faces,
and a Persian line keeps its own reading order."""

from __future__ import annotations

import base64
import html
import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

import tradestats.charts.style as style

__all__ = ["finish_svg", "font_css"]

_TEXT_RE = re.compile(r"<text\b[^>]*>(.*?)</text>", re.DOTALL)


def _font_files() -> dict[tuple[str, str], Path]:
    import matplotlib as mpl

    dejavu = Path(mpl.get_data_path()) / "fonts" / "ttf"
    return {
        ("DejaVu Sans", "normal"): dejavu / "DejaVuSans.ttf",
        ("DejaVu Sans", "bold"): dejavu / "DejaVuSans-Bold.ttf",
        ("Vazirmatn", "normal"): style.FONTS_DIR / "Vazirmatn-Regular.ttf",
        ("Vazirmatn", "bold"): style.FONTS_DIR / "Vazirmatn-Bold.ttf",
    }


def _subset(path: Path, text: str) -> bytes:
    """The font at ``path`` cut down to the glyphs ``text`` needs, with its layout
    features (Persian letter forms and kerning) kept."""
    import logging

    from fontTools import subset

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # tables it drops, by design
    options = subset.Options()
    options.layout_features = ["*"]
    options.hinting = False
    options.name_IDs = []
    with subset.load_font(str(path), options) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        out = io.BytesIO()
        subset.save_font(font, out, options)
    return out.getvalue()


def font_css(svgs: list[bytes], lang: str) -> str:
    """A style sheet that embeds, once for a set of SVGs in one language, the subsets of
    the language's faces their text needs; and that lets each line of text take its
    reading order from its own first letter (``unicode-bidi: plaintext``), as matplotlib
    lays it out."""
    svg = "".join(s.decode("utf-8") for s in svgs)
    text = "".join(html.unescape(m) for m in _TEXT_RE.findall(svg)) + " 0123456789"
    family = "Vazirmatn" if lang == "fa" else "DejaVu Sans"
    weights = ["normal", "bold"] if re.search(r"font-weight: (bold|700)", svg) else ["normal"]
    faces = []
    for weight in weights:
        data = base64.b64encode(_subset(_font_files()[(family, weight)], text)).decode()
        faces.append(
            f"@font-face {{font-family: '{family}'; font-weight: {weight}; "
            f"src: url(data:font/ttf;base64,{data}) format('truetype');}}"
        )
    return "\n".join([*faces, "text {unicode-bidi: plaintext;}"])


def finish_svg(svg: bytes, title: str, alt: str, css: str, lang: str = "en") -> bytes:
    """The SVG as an accessible image in its language (``xml:lang``, ``role="img"``,
    ``aria-labelledby`` its title and description), with ``<title>``, ``<desc>`` and the
    style sheet ``css`` (see :func:`font_css`) as its first children."""
    text = svg.decode("utf-8")
    start = text.index("<svg")
    end = text.index(">", start)
    attributes = f' xml:lang="{lang}" role="img" aria-labelledby="chart-title chart-desc"'
    head = (
        f'\n <title id="chart-title">{escape(title)}</title>\n'
        f' <desc id="chart-desc">{escape(alt)}</desc>\n'
        f' <defs>\n  <style type="text/css">\n{css}\n  </style>\n </defs>'
    )
    return (text[:end] + attributes + text[end : end + 1] + head + text[end + 1 :]).encode("utf-8")
