"""Text normalized for matching: one form for each Persian and Arabic letter, Latin
digits, no zero-width characters or diacritics, with a map back to the original places."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

__all__ = ["normalize_text", "normalized_position"]

_CHAR_MAP = {
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\u064a": "\u06cc",  # Arabic yeh -> Persian yeh
    "\u0649": "\u06cc",  # alef maksura -> Persian yeh
    "\u0643": "\u06a9",  # Arabic kaf -> Persian keheh
    "\u00a0": " ",  # no-break space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u2212": "-",  # minus sign
    "\u200c": " ",  # zero-width non-joiner separates words («ده‌هزار»)
    "\u2019": "'",  # typographic apostrophe: "Iran’s"
    "\u2018": "'",
    "\u02bc": "'",
}
_DROPPED = {
    "\u200d",  # zero-width joiner
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u0640",  # tatweel
    "\ufeff",  # byte-order mark
    *(chr(c) for c in range(0x064B, 0x0660)),  # harakat, tanwin
    "\u0670",  # superscript alef
}


_REPLACEMENTS = {**_CHAR_MAP, **dict.fromkeys(_DROPPED, "")}
_TO_REPLACE = re.compile("[" + "".join(re.escape(c) for c in sorted(_REPLACEMENTS)) + "]")
_LONG = 4096  # characters: above, searching for each character beats one scan for all
_TO_DROP = re.compile("[" + "".join(re.escape(c) for c in sorted(_DROPPED)) + "]")


def normalize_text(text: str) -> tuple[str, Sequence[int]]:
    """Return the text normalized for matching, and for each normalized character the
    index of the original character it came from (plus one sentinel at the end): a
    ``range`` when nothing was dropped, so positions are unchanged.

    Persian and Arabic letter forms are unified, digits become Latin, zero-width
    characters, tatweel and diacritics are dropped, and exotic spaces become spaces.
    """
    # one str.replace per character present: a regex substitution would call back for
    # every digit, and str.translate looks every character up in a dict. A long text
    # is searched for each character; a line is scanned once for them all.
    present = _REPLACEMENTS if len(text) > _LONG else set(_TO_REPLACE.findall(text))
    norm = text
    for char in present:
        if char in norm:
            norm = norm.replace(char, _REPLACEMENTS[char])
    if len(norm) == len(text):  # nothing dropped: positions are unchanged
        return norm, range(len(text) + 1)
    # for each dropped character, how many were kept before it
    kept = [m.start() - i for i, m in enumerate(_TO_DROP.finditer(text))]
    return norm, _Positions(kept, len(norm) + 1)


def normalized_position(index: Sequence[int], original: int) -> int:
    """Where original position ``original`` stands in the normalized text of ``index``
    (from :func:`normalize_text`): ``bisect.bisect_left(index, original)``."""
    if isinstance(index, range):  # nothing was dropped
        return max(0, min(original, len(index)))
    if isinstance(index, _Positions):
        return index.position_of(original)
    return bisect_left(index, original)


class _Positions(Sequence[int]):
    """Normalized position → original position, in a text some of whose characters were
    dropped (``kept``: how many characters were kept before each dropped one)."""

    __slots__ = ("_dropped", "_kept", "_len")

    def __init__(self, kept: list[int], length: int) -> None:
        self._kept, self._len = kept, length
        self._dropped = [k + i for i, k in enumerate(kept)]  # their original positions

    def __len__(self) -> int:
        return self._len

    def position_of(self, original: int) -> int:
        """``bisect.bisect_left(self, original)``, worked out at once: where original
        position ``original`` stands in the normalized text."""
        return max(0, min(original - bisect_left(self._dropped, original), self._len))

    def __getitem__(self, k: int | slice) -> Any:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(self._len))]
        if k < 0:
            k += self._len
        if not 0 <= k < self._len:
            raise IndexError(k)
        return k + bisect_right(self._kept, k)
