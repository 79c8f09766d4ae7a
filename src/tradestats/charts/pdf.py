"""Two things matplotlib's PDF writer does not do as a chart needs, done here:

- **A glyph after a change of font subset lands where it should.** When a run of text
  switches to another subset of a font (Persian letter forms past the first subset), the
  writer places the glyph at its laid-out position *and* applies the kern that was meant
  to follow the previous glyph. After a zero-width non-joiner that kern is a whole space
  backwards, so «می‌گویند» prints as «م ی…». :func:`subset_switches_keep_position` drops
  that kern where the position is set anew; the text itself, U+200C included, is unchanged.
- **The document's language** (``/Lang`` in the catalog), which screen readers use.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

__all__ = ["set_language", "subset_switches_keep_position"]

_RENDERER: contextvars.ContextVar[Any] = contextvars.ContextVar("pdf_renderer")


def _layout(string: str, font: Any, **kwargs: Any) -> Iterator[Any]:
    """matplotlib's text layout, with no kern before a glyph that opens a new subset."""
    from matplotlib import _text_helpers

    tracker = _RENDERER.get().file._character_tracker
    previous = None
    item: Any
    for item in _text_helpers.layout(string, font, **kwargs):
        subset, _code = tracker.track_glyph(item.ft_object, item.char, item.glyph_index)
        current = (item.ft_object, subset)
        if current != previous and item.prev_kern:
            item = SimpleNamespace(
                ft_object=item.ft_object,
                char=item.char,
                glyph_index=item.glyph_index,
                x=item.x,
                y=item.y,
                prev_kern=0.0,
            )
        previous = current
        yield item


@contextlib.contextmanager
def subset_switches_keep_position() -> Iterator[None]:
    """Within this block, PDF text is written with the fix described above."""
    from matplotlib.backends import backend_pdf

    original_draw, original_helpers = backend_pdf.RendererPdf.draw_text, backend_pdf._text_helpers

    def draw_text(self: Any, *args: Any, **kwargs: Any) -> Any:
        token = _RENDERER.set(self)
        try:
            return original_draw(self, *args, **kwargs)
        finally:
            _RENDERER.reset(token)

    backend_pdf.RendererPdf.draw_text = draw_text  # type: ignore[method-assign]
    backend_pdf._text_helpers = SimpleNamespace(layout=_layout)  # type: ignore[assignment]
    try:
        yield
    finally:
        backend_pdf.RendererPdf.draw_text = original_draw  # type: ignore[method-assign]
        backend_pdf._text_helpers = original_helpers


_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_XREF_ENTRY = re.compile(rb"^(\d{10}) (\d{5}) n $", re.MULTILINE)


def set_language(pdf: bytes, lang: str) -> bytes:
    """The PDF with ``/Lang`` in its catalog, every cross-reference offset moved to match."""
    catalog_at = pdf.index(_CATALOG)
    added = f" /Lang ({lang})".encode()
    shift = len(added)
    head = pdf[:catalog_at] + _CATALOG[:-3] + added + _CATALOG[-3:]
    body = pdf[catalog_at + len(_CATALOG) :]
    xref_at = body.rindex(b"\nxref\n") + 1
    table, trailer = body[xref_at:].split(b"trailer", 1)

    def moved(match: re.Match[bytes]) -> bytes:
        offset = int(match.group(1))
        offset += shift if offset > catalog_at else 0
        return b"%010d %s n " % (offset, match.group(2))

    table = _XREF_ENTRY.sub(moved, table)
    start = re.search(rb"startxref\n(\d+)\n", trailer)
    assert start is not None  # matplotlib always writes it
    trailer = trailer.replace(start.group(0), b"startxref\n%d\n" % (int(start.group(1)) + shift))
    return head + body[:xref_at] + table + b"trailer" + trailer
