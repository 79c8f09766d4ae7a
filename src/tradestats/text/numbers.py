"""Read number phrases in Persian and English text.

Handles Persian (۰–۹), Arabic-Indic (٠–٩) and Latin digits; '.' and '٫' as decimal
separators; ',' and '٬' as thousands separators; Persian and English number words,
joined with «و» / "and" and mixed with digits («688 میلیارد و 115 میلیون»);
ordinals («یازدهمین», «بیست و دوم»); scale words and their short forms ("1.5bn");
and ranges («بین 7 تا 8», "7 to 8").

Every phrase keeps its exact place in the original text, so a caller can always show
the verbatim words. A text the parser cannot read raises :class:`NumberPhraseError`,
which names the text; it never guesses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation, localcontext
from functools import lru_cache
from typing import Any, NamedTuple

from tradestats.errors import NumberPhraseError

__all__ = [
    "NumberPhrase",
    "Quantity",
    "find_number_phrases",
    "find_quantities",
    "normalize_text",
    "parse_number",
    "parse_quantity",
    "quantities_in",
]

# --- normalization -------------------------------------------------------------------

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


_REPLACEMENTS = sorted({**_CHAR_MAP, **dict.fromkeys(_DROPPED, "")}.items())
_TO_DROP = re.compile("[" + "".join(re.escape(c) for c in sorted(_DROPPED)) + "]")


def normalize_text(text: str) -> tuple[str, Sequence[int]]:
    """Return the text normalized for matching, and for each normalized character the
    index of the original character it came from (plus one sentinel at the end): a
    ``range`` when nothing was dropped, so positions are unchanged.

    Persian and Arabic letter forms are unified, digits become Latin, zero-width
    characters, tatweel and diacritics are dropped, and exotic spaces become spaces.
    """
    # str.replace per character present: each is a fast search of the text, where a
    # regex substitution calls back for every digit and str.translate looks every
    # character up in a dict
    norm = text
    for char, replacement in _REPLACEMENTS:
        if char in norm:
            norm = norm.replace(char, replacement)
    if len(norm) == len(text):  # nothing dropped: positions are unchanged
        return norm, range(len(text) + 1)
    # for each dropped character, how many were kept before it
    kept = [m.start() - i for i, m in enumerate(_TO_DROP.finditer(text))]
    return norm, _Positions(kept, len(norm) + 1)


class _Positions(Sequence[int]):
    """Normalized position → original position, in a text some of whose characters were
    dropped (``kept``: how many characters were kept before each dropped one)."""

    __slots__ = ("_kept", "_len")

    def __init__(self, kept: list[int], length: int) -> None:
        self._kept, self._len = kept, length

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, k: int | slice) -> Any:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(self._len))]
        if k < 0:
            k += self._len
        if not 0 <= k < self._len:
            raise IndexError(k)
        return k + bisect_right(self._kept, k)


# --- vocabulary ----------------------------------------------------------------------

_FA_SMALL: dict[str, int] = {
    "صفر": 0,
    "یک": 1,
    "یه": 1,
    "دو": 2,
    "سه": 3,
    "چهار": 4,
    "پنج": 5,
    "شش": 6,
    "هفت": 7,
    "هشت": 8,
    "نه": 9,
    "ده": 10,
    "یازده": 11,
    "دوازده": 12,
    "سیزده": 13,
    "چهارده": 14,
    "پانزده": 15,
    "پونزده": 15,
    "شانزده": 16,
    "هفده": 17,
    "هجده": 18,
    "هیجده": 18,
    "نوزده": 19,
    "بیست": 20,
    "سی": 30,
    "چهل": 40,
    "پنجاه": 50,
    "شصت": 60,
    "هفتاد": 70,
    "هشتاد": 80,
    "نود": 90,
    "صد": 100,
    "یکصد": 100,
    "دویست": 200,
    "سیصد": 300,
    "چهارصد": 400,
    "پانصد": 500,
    "ششصد": 600,
    "هفتصد": 700,
    "هشتصد": 800,
    "نهصد": 900,
}
_EN_SMALL: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_ORDINAL: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
# Persian words for "first" that are not built from a number word: «نخست», «اول».
_FA_FIRST: dict[str, int] = {"نخست": 1, "نخستین": 1, "اول": 1, "اولین": 1}
_SCALES: dict[str, int] = {
    "هزار": 10**3,
    "میلیون": 10**6,
    "ملیون": 10**6,
    "میلیارد": 10**9,
    "ملیارد": 10**9,
    "تریلیون": 10**12,
    "thousand": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    # Russian: abbreviations (млрд, млн, тыс) and the words in their cases
    "тыс": 10**3,
    "тысяча": 10**3,
    "тысячи": 10**3,
    "тысяч": 10**3,
    "млн": 10**6,
    "миллион": 10**6,
    "миллиона": 10**6,
    "миллионов": 10**6,
    "млрд": 10**9,
    "миллиард": 10**9,
    "миллиарда": 10**9,
    "миллиардов": 10**9,
    "трлн": 10**12,
    "триллион": 10**12,
    "триллиона": 10**12,
    "триллионов": 10**12,
}
_HUNDRED_WORDS = {"hundred"}
# "m" alone is read as a million only when written straight after digits ("5m"): "5 m"
# is as likely five metres. The other short forms (bn, bln, mln, mn, tn) stand alone.
_ATTACHED_ONLY_SCALES = {"m"}
# Words too common in other senses to start a phrase on their own: «نه» is also "no",
# «یه» is colloquial, "one" is also a pronoun. They count inside a phrase (before a
# scale word or after «و»).
_WEAK_STARTS = {"نه", "یه", "one"}
_AND_WORDS = {"و", "and"}
_HALF_WORDS = {"نیم"}
# Plural endings: «ده‌ها», «میلیون‌ها» are "tens of", "millions of", not numbers.
_PLURAL_ENDINGS = {"ها", "های"}
_RANGE_WORDS = {"تا", "to", "-", "–", "—", "до"}
_LONGEST_RANGE_WORD = max(map(len, _RANGE_WORDS))
_RANGE_OPENERS = {"بین", "between", "from", "از", "от", "с"}


def _fa_ordinal(word: str) -> int | None:
    """Value of a Persian ordinal («دوم», «یازدهمین», «سوم»), or None."""
    for suffix in ("مین", "م"):
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: -len(suffix)]
            if stem == "سو":  # سوم, سومین
                return 3
            # «سهم» is "share", not "third" (that is «سوم»)
            if stem in _FA_SMALL and stem not in {"صفر", "یه", "سه"}:
                return _FA_SMALL[stem]
            if stem in _SCALES and not stem.isascii():
                return _SCALES[stem]
    if word in {"سی ام", "سیام"}:
        return 30
    return None


# --- tokens --------------------------------------------------------------------------

# The letters of a Persian word token; a Latin word token is [A-Za-z]+.
_FA_LETTERS = r"\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u0622\u0671-\u06D3"
_PERSIAN_WORD = re.compile(f"[{_FA_LETTERS}]+")
_NUM = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"
    # a decimal comma, told apart from thousands by the grouping: 117,7 or 15,45 or 1,8
    r"|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?"
)
_WORD = rf"[A-Za-z]+|[{_FA_LETTERS}]+|[\u0400-\u04FF]+"
_TOKEN_RE = re.compile(rf"(?P<num>{_NUM})|(?P<word>{_WORD})|(?P<dash>[-–—])|(?P<other>\S)")
# Digits and the word after them, if any: when that word can neither join («و») nor
# scale the number, the digits are the whole phrase, and the token-by-token reader is
# not needed (most numbers in a text are such: years, percentages, "1,740").
_DIGITS_THEN = re.compile(rf"(?:{_NUM})(?:(\s*)({_WORD}))?")
# The same for a number word: when the token after it is no number word, no «ها» and no
# dash, the word is the whole phrase (or, said alone, none: «نه» is also "no").
_WORD_THEN = re.compile(rf"({_WORD})(?:\s*(?:([-–—])|({_WORD})))?")


class _Token(NamedTuple):
    kind: str  # "num", "word", "dash", "other"
    text: str
    start: int  # in normalized text
    end: int
    attached: bool  # no space between this token and the previous one


def _token(m: re.Match[str], prev_end: int) -> _Token:
    text = m.group()
    return _Token(
        m.lastgroup or "other",
        text.lower(),
        m.start(),
        m.end(),
        m.start() == prev_end,
    )


def _tokenize(norm: str) -> list[_Token]:
    tokens: list[_Token] = []
    prev_end = -1
    for m in _TOKEN_RE.finditer(norm):
        tokens.append(_token(m, prev_end))
        prev_end = m.end()
    return tokens


class _LazyTokens:
    """The tokens of ``norm`` from position ``pos`` on, read only as far as a reader
    looks: a phrase is a few tokens long, and tokenizing whole lines is the costly part.
    ``kinds[i]`` is what token ``i`` can be in a number (see :func:`_word_value`)."""

    __slots__ = ("_matches", "_prev_end", "items", "kinds")

    def __init__(self, norm: str, pos: int) -> None:
        self._matches = _TOKEN_RE.finditer(norm, pos)
        self.items: list[_Token] = []
        self.kinds: list[tuple[str, int] | None] = []
        self._prev_end = -1

    def has(self, i: int) -> bool:
        items = self.items
        while i >= len(items):
            m = next(self._matches, None)
            if m is None:
                return False
            token = _token(m, self._prev_end)
            items.append(token)
            self.kinds.append(("num", 0) if token.kind == "num" else _word_value(token))
            self._prev_end = m.end()
        return True

    def __getitem__(self, i: int) -> _Token:
        if not self.has(i):
            raise IndexError(i)
        return self.items[i]


# --- results -------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberPhrase:
    """One number as written: its value, the place value of its last stated digit
    (``resolution``: 0.1 for "392.2", 1e6 for «115 میلیون»), and where it stands in the
    original text (``start``/``end``, so ``text[start:end]`` is verbatim)."""

    value: Decimal
    resolution: Decimal
    start: int
    end: int
    text: str
    ordinal: bool = False
    has_scale: bool = False
    has_words: bool = False


class _Phrase(NamedTuple):
    """A :class:`NumberPhrase` as the reader finds it, in the normalized text (a tuple:
    quicker to make, and the reader makes one for every number)."""

    value: Decimal
    resolution: Decimal
    start: int
    end: int
    text: str
    ordinal: bool = False
    has_scale: bool = False
    has_words: bool = False


@dataclass(frozen=True)
class Quantity:
    """A single number or a range of two (``upper`` is set for a range)."""

    value: Decimal
    resolution: Decimal
    start: int
    end: int
    text: str
    upper: Decimal | None = None
    ordinal: bool = False
    has_scale: bool = False

    @property
    def is_range(self) -> bool:
        return self.upper is not None


# --- the phrase reader ---------------------------------------------------------------


def _decimal_of(num_text: str) -> tuple[Decimal, Decimal]:
    # a decimal comma (117,7) has no point and not three digits after it (219,700)
    decimal_comma = "." not in num_text and "," in num_text and len(num_text.rsplit(",")[-1]) != 3
    plain = num_text.replace(",", ".") if decimal_comma else num_text.replace(",", "")
    try:
        value = Decimal(plain)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits digits only
        raise NumberPhraseError(f"cannot read the number {num_text!r}") from exc
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    return value, Decimal(1).scaleb(-decimals)


def _word_value(tok: _Token) -> tuple[str, int] | None:
    """Classify a word token: ("small", n), ("hundred", 100), ("scale", n),
    ("ordinal", n), ("and", 0), ("half", 0) or None."""
    if tok.kind != "word":
        return None
    return _word_meaning(tok.text, tok.attached)


@lru_cache(maxsize=1 << 14)  # a text's vocabulary repeats; this runs for every word read
def _word_meaning(w: str, attached: bool) -> tuple[str, int] | None:
    if w in _AND_WORDS:
        return ("and", 0)
    if w in _HALF_WORDS:
        return ("half", 0)
    if w in _SCALES:
        if w in _ATTACHED_ONLY_SCALES and not attached:
            return None
        return ("scale", _SCALES[w])
    if w in _HUNDRED_WORDS:
        return ("hundred", 100)
    if w in _FA_SMALL:
        return ("small", _FA_SMALL[w])
    if w in _EN_SMALL:
        return ("small", _EN_SMALL[w])
    if w in _FA_FIRST:
        return ("ordinal", _FA_FIRST[w])
    if w in _EN_ORDINAL:
        return ("ordinal", _EN_ORDINAL[w])
    ordinal = _fa_ordinal(w)
    if ordinal is not None:
        return ("ordinal", ordinal)
    return None


@dataclass(frozen=True)
class _Component:
    value: Decimal
    resolution: Decimal
    next_index: int
    place: Decimal  # what a following «و» part must stay below
    joinable: bool  # may a «و» part follow (a scale word or a number word ends it)
    ordinal: bool
    has_scale: bool


class _Reader:
    """Reads one number phrase starting at a token index."""

    def __init__(self, tokens: _LazyTokens) -> None:
        self.tokens = tokens

    def _kind(self, i: int) -> tuple[str, int] | None:
        tokens = self.tokens
        if i < len(tokens.kinds) or tokens.has(i):
            return tokens.kinds[i]
        return None

    def _count(self, i: int) -> tuple[Decimal, Decimal, int, bool] | None:
        """Read the count that starts a component: digits, or number words.

        Returns (value, resolution, next index, is_ordinal) or None.
        """
        if not self.tokens.has(i):
            return None
        if (
            self.tokens[i].kind == "word"
            and self.tokens.has(i + 1)
            and self.tokens[i + 1].text in _PLURAL_ENDINGS
        ):
            return None
        kind = self._kind(i)
        if kind is None:
            return None
        if kind[0] == "num":
            if len(self.tokens[i].text) > _MAX_DIGITS:
                return None
            value, resolution = _decimal_of(self.tokens[i].text)
            return value, resolution, i + 1, False
        if kind[0] == "ordinal":
            return Decimal(kind[1]), Decimal(1), i + 1, True
        if kind[0] == "scale" and _PERSIAN_WORD.fullmatch(self.tokens[i].text):
            return Decimal(1), Decimal(1), i, False  # «هزار دلار»: one thousand
        if kind[0] != "small":
            return None
        value = Decimal(kind[1])
        j = i + 1
        nxt = self._kind(j)
        if nxt and nxt[0] == "hundred" and value < 10:  # "one hundred"
            value *= 100
            j += 1
        elif (
            self.tokens.has(j + 1)
            and self.tokens[j].kind == "dash"
            and self.tokens[j].attached
            and self.tokens[j + 1].attached
            and value % 10 == 0
            and 20 <= value < 100
        ):  # "twenty-one", "twenty-first"
            unit = self._kind(j + 1)
            if unit and unit[0] in {"small", "ordinal"} and 0 < unit[1] < 10:
                return value + unit[1], Decimal(1), j + 2, unit[0] == "ordinal"
        # «صد و بیست و پنج», «بیست و یک» (before a scale word: «بیست و یک میلیون»)
        last = value
        while self._kind(j) == ("and", 0) and value < 1000:
            nxt = self._kind(j + 1)
            if nxt is None or nxt[0] not in {"small", "ordinal"}:
                break
            if not (0 < nxt[1] < _leading_place(last)) or (
                self.tokens.has(j + 2) and self.tokens[j + 2].text in _PLURAL_ENDINGS
            ):
                break
            value += nxt[1]
            last = Decimal(nxt[1])
            j += 2
            if nxt[0] == "ordinal":
                return value, Decimal(1), j, True
        return value, Decimal(1), j, False

    def _component(self, i: int) -> _Component | None:
        """Read 'count [و نیم] [scale ...]' from token i."""
        count = self._count(i)
        if count is None:
            return None
        value, resolution, j, ordinal = count
        words = self.tokens[i].kind == "word"
        if ordinal:
            return _Component(value, resolution, j, Decimal(1), False, True, False)
        # «یک و نیم میلیارد»
        if (
            self._kind(j) == ("and", 0)
            and self._kind(j + 1) == ("half", 0)
            and value == value.to_integral_value()
        ):
            value += Decimal("0.5")
            resolution = Decimal("0.5")
            j += 2
        scale = 0
        while True:
            nxt = self._kind(j)
            if nxt is None or nxt[0] != "scale" or (scale and nxt[1] <= scale):
                break
            scale = scale * nxt[1] if scale else nxt[1]
            j += 1
        if scale:
            value *= scale
            resolution *= scale
            return _Component(value, resolution, j, Decimal(scale), True, False, True)
        place = _leading_place(value) if words else resolution
        return _Component(value, resolution, j, place, words, False, False)

    def _grouped_after_scale(self, current: _Component, j: int) -> bool:
        """'1 billion 219,700,000': digits grouped in thousands straight after a scale
        word go on the same amount."""
        return (
            current.has_scale
            and self.tokens.has(j)
            and self.tokens[j].kind == "num"
            and "," in self.tokens[j].text
        )

    def read(self, i: int) -> tuple[_Phrase, int] | None:
        first = self._component(i)
        if first is None:
            return None
        tok = self.tokens[i]
        if (
            tok.kind == "word"
            and tok.text in _WEAK_STARTS
            and not first.has_scale
            and first.next_index == i + 1
        ):
            return None
        value, resolution = first.value, first.resolution
        has_scale, ordinal = first.has_scale, first.ordinal
        has_words = tok.kind == "word"
        current = first
        j = first.next_index
        while current.joinable and (
            self._kind(j) == ("and", 0) or self._grouped_after_scale(current, j)
        ):
            step = 1 if self._kind(j) == ("and", 0) else 0
            nxt = self._component(j + step)
            if nxt is None or not nxt.value < current.place:
                break
            value += nxt.value
            resolution = nxt.resolution
            has_scale = has_scale or nxt.has_scale
            has_words = has_words or self.tokens[j + step].kind == "word"
            ordinal = nxt.ordinal
            current = nxt
            j = nxt.next_index
        phrase = _Phrase(
            value=_tidy(value),
            resolution=_tidy(resolution),
            start=tok.start,
            end=self.tokens[j - 1].end,
            text="",
            ordinal=ordinal,
            has_scale=has_scale,
            has_words=has_words,
        )
        return phrase, j


def _tidy(d: Decimal) -> Decimal:
    """Drop meaningless trailing zeros: 392200000.0 -> 392200000, 0.50 -> 0.5."""
    if d == d.to_integral_value():
        return d.to_integral_value()
    return d.normalize()


def _leading_place(value: Decimal) -> Decimal:
    """The place value of the leading digit of a whole number: 10 for «بیست», 100 for
    «صد»; a part joined with «و» must stay below it."""
    if value < 1:
        return Decimal(1)
    return Decimal(10) ** (len(str(int(value))) - 1)


def _negative(norm: str, start: int) -> bool:
    return start > 0 and norm[start - 1] == "-" and (start < 2 or not norm[start - 2].isalnum())


# Exact arithmetic for any number a text can hold: digit runs longer than _MAX_DIGITS are
# not read as numbers at all, and the context is wide enough that no product rounds.
_MAX_DIGITS = 40
_OVERLONG = re.compile(f"\\d{{{_MAX_DIGITS + 1},}}")
_EXACT = Context(prec=200)
_ONE = Decimal(1)


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` as a trie: the engine rejects a position on its
    first character instead of trying every word in turn."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _anchor_words() -> tuple[str, str]:
    """Regexes of the Latin and the Persian words that can begin a number, each whole
    (as :data:`_TOKEN_RE` cuts words), lower-case."""
    words = {
        w.lower()
        for w in (*_FA_SMALL, *_EN_SMALL, *_EN_ORDINAL, *_SCALES, *_HUNDRED_WORDS, *_FA_FIRST)
    } | {"سوم", "سومین", "سیام", "نیم"}
    latin = sorted(w for w in words if w.isascii())
    persian = sorted(w for w in words if _PERSIAN_WORD.fullmatch(w))  # Russian: after digits
    return (
        rf"(?:{_trie_pattern(latin)})(?![A-Za-z])",
        rf"(?:{_trie_pattern(persian)})(?:م|مین)?(?![{_FA_LETTERS}])",
    )


_LATIN_AT, _PERSIAN_AT = _anchor_words()
# Where a phrase can start: a run of digits, or a number word after a character that is
# no letter. The pattern opens with one character class, so the engine skips letters in
# C instead of trying the words at every place. For lower-cased text; the IGNORECASE
# twins are for a text whose length lower-casing changes («İ»).
_SCAN = rf"[^A-Za-z{_FA_LETTERS}](?:(?<=\d)\d*|{_LATIN_AT}|{_PERSIAN_AT})"
_ANCHOR_SCAN = (re.compile(_SCAN), re.compile(_SCAN, re.IGNORECASE))
_WORD_AT = tuple(re.compile(f"{_LATIN_AT}|{_PERSIAN_AT}", f) for f in (0, re.IGNORECASE))
_LATIN_RUN = (re.compile("[A-Za-z]+"), re.compile("[A-Za-z]+", re.IGNORECASE))
_PERSIAN_RUN = re.compile(f"[{_FA_LETTERS}]+")


def _anchors(text: str, ignore_case: bool = False) -> list[int]:
    """Where a phrase can start in ``text`` (lower-cased unless ``ignore_case``): digits,
    or a whole word that can begin a number, a word straight after digits ("5bn") or
    after a letter of the other script ("CNNدو") included."""
    word_at = _WORD_AT[ignore_case]
    scanned = [(m.start(), m.end(), m.group()[0]) for m in _ANCHOR_SCAN[ignore_case].finditer(text)]
    found = [start + (not first.isdecimal()) for start, _, first in scanned]
    found += [0] if word_at.match(text) else []
    # a word straight after digits: "5bn"
    found += [
        end
        for _, end, first in scanned
        if first.isdecimal() and text[end : end + 1].isalpha() and word_at.match(text, end)
    ]
    latin = _LATIN_RUN[ignore_case]
    if not text.isascii():
        # a word of one script straight after a letter of the other, at the edges of the
        # runs of the rarer script: where ASCII is most of the text, Persian
        rarer = _PERSIAN_RUN if len(text.encode()) < 1.5 * len(text) else latin
        for run in rarer.finditer(text):
            found += [
                i
                for i in run.span()
                if 0 < i < len(text)
                and bool(latin.match(text, i - 1, i)) != bool(latin.match(text, i, i + 1))
                and bool(_PERSIAN_RUN.match(text, i - 1, i))
                != bool(_PERSIAN_RUN.match(text, i, i + 1))
                and word_at.match(text, i)
            ]
    return sorted(set(found))


def _digits_alone(norm: str, start: int) -> _Phrase | None:
    """The phrase at ``start`` if it is digits alone (see :data:`_DIGITS_THEN`), else
    None: the reader decides."""
    m = _DIGITS_THEN.match(norm, start)
    if m is None:
        return None
    word = m.group(2)
    if word is not None:
        meaning = _word_meaning(word.lower(), not m.group(1))
        if meaning is not None and meaning[0] in {"and", "scale"}:
            return None
    end = m.start(1) if word is not None else m.end()
    digits = norm[start:end]
    if len(digits) > _MAX_DIGITS:
        return None
    if digits.isdigit():  # a whole number: nothing to tidy
        value, resolution = Decimal(digits), _ONE
    else:
        value, resolution = _decimal_of(digits)
        value, resolution = _tidy(value), _tidy(resolution)
    if _negative(norm, start):
        value, start = -value, start - 1
    return _Phrase(value, resolution, start, end, "")


def _word_alone(norm: str, start: int) -> _Phrase | int | None:
    """The phrase at ``start`` if it is one number word alone; the end of the word if
    that word alone is no number; None if the reader must decide."""
    m = _WORD_THEN.match(norm, start)
    if m is None or m.group(2) is not None:
        return None
    word, after = m.group(1).lower(), m.group(3)
    meaning = _word_meaning(word, False)
    if meaning is None or meaning[0] not in {"small", "ordinal"}:
        return None
    if after is not None and (after in _PLURAL_ENDINGS or _word_meaning(after.lower(), True)):
        return None
    if word in _WEAK_STARTS:
        return m.end(1)
    return _Phrase(
        Decimal(meaning[1]), _ONE, start, m.end(1), "", meaning[0] == "ordinal", False, True
    )


def _phrases_normalized(norm: str, lower: str | None = None) -> list[_Phrase]:
    """Read a phrase at each place one can start (see :func:`_anchors`), skipping the
    places inside a phrase already read or a token that starts none."""
    phrases: list[_Phrase] = []
    done = 0  # everything before this position is read
    with localcontext(_EXACT):
        lower = norm.lower() if lower is None else lower
        # lower-casing rarely changes a length («İ»); where it does, positions would move
        anchors = _anchors(lower) if len(lower) == len(norm) else _anchors(norm, True)
        for at in anchors:
            if at < done:
                continue
            alone = _digits_alone(norm, at) if norm[at].isdecimal() else _word_alone(norm, at)
            if isinstance(alone, int):
                done = alone
                continue
            if alone is not None:
                phrases.append(alone)
                done = alone.end
                continue
            tokens = _LazyTokens(norm, at)
            got = _Reader(tokens).read(0)
            if got is None:
                done = tokens[0].end
                continue
            phrase, j = got
            if tokens[j - 1].kind == "num" and _negative(norm, phrase.start):
                phrase = phrase._replace(value=-phrase.value, start=phrase.start - 1)
            phrases.append(phrase)
            done = tokens[j - 1].end
    return phrases


def _to_original(text: str, index: Sequence[int], phrase: _Phrase) -> NumberPhrase:
    start = index[phrase.start]
    end = index[phrase.end - 1] + 1
    return NumberPhrase(
        phrase.value,
        phrase.resolution,
        start,
        end,
        text[start:end],
        phrase.ordinal,
        phrase.has_scale,
        phrase.has_words,
    )


def find_number_phrases(text: str) -> list[NumberPhrase]:
    """Every number phrase in ``text``, in order, with verbatim spans."""
    norm, index = normalize_text(text)
    return [_to_original(text, index, p) for p in _phrases_normalized(norm)]


def _range_link(norm: str, left: _Phrase, right: _Phrase) -> bool:
    between = norm[left.end : right.start].strip()
    return len(between) <= _LONGEST_RANGE_WORD and between.lower() in _RANGE_WORDS


def find_quantities(text: str) -> list[Quantity]:
    """Like :func:`find_number_phrases`, but joins ranges («بین 7 تا 8», "7 to 8",
    "7-8") into one quantity with a lower and an upper bound."""
    return quantities_in(text, normalize_text(text))


def quantities_in(
    text: str, normalized: tuple[str, Sequence[int]], lower: str | None = None
) -> list[Quantity]:
    """:func:`find_quantities` for a caller that already has ``normalize_text(text)``
    (and perhaps its normalized text lower-cased)."""
    with localcontext(_EXACT):
        return _join_ranges(text, *normalized, lower)


def _range_of(
    text: str, norm: str, index: Sequence[int], p: _Phrase, q: _Phrase
) -> Quantity | None:
    """The quantity two linked numbers make: a range («7 تا 8 میلیارد»), or the first
    with the scale written after the second («с 1,8 до 1,3 млрд»: 1.8 billion, then
    1.3 billion); None if they are two numbers on their own."""
    low, resolution = p.value, p.resolution
    if q.has_scale and not p.has_scale and q.resolution > 1:  # the scale applies to both
        scale = q.resolution / _decimal_of_resolution(norm, q)
        low, resolution = p.value * scale, p.resolution * scale
    if p.ordinal or q.ordinal:
        return None
    if low >= q.value:
        if low == p.value:
            return None
        op = _to_original(text, index, p)
        return Quantity(_tidy(low), _tidy(resolution), op.start, op.end, op.text, has_scale=True)
    start = p.start
    opener = norm[:start].rstrip().rsplit(" ", 1)[-1].lower()
    if opener in _RANGE_OPENERS and norm[:start].rstrip().endswith(opener):
        start = len(norm[:start].rstrip()) - len(opener)
    o_start, o_end = index[start], index[q.end - 1] + 1
    return Quantity(
        _tidy(low),
        q.resolution,
        o_start,
        o_end,
        text[o_start:o_end],
        upper=q.value,
        has_scale=q.has_scale,
    )


def _join_ranges(
    text: str, norm: str, index: Sequence[int], lower: str | None = None
) -> list[Quantity]:
    phrases = _phrases_normalized(norm, lower)
    out: list[Quantity] = []
    i = 0
    while i < len(phrases):
        p = phrases[i]
        if i + 1 < len(phrases) and _range_link(norm, p, phrases[i + 1]):
            joined = _range_of(text, norm, index, p, phrases[i + 1])
            if joined is not None:
                out.append(joined)
                i += 1 if joined.upper is None else 2
                continue
        start, end = index[p.start], index[p.end - 1] + 1
        out.append(
            Quantity(
                p.value, p.resolution, start, end, text[start:end], None, p.ordinal, p.has_scale
            )
        )
        i += 1
    return out


def _decimal_of_resolution(norm: str, phrase: _Phrase) -> Decimal:
    """The resolution of the leading digits of a phrase, before its scale words."""
    tokens = _tokenize(norm[phrase.start : phrase.end])
    if tokens and tokens[0].kind == "num":
        return _decimal_of(tokens[0].text)[1]
    return Decimal(1)


def parse_quantity(text: str) -> Quantity:
    """The one number or range stated in ``text``.

    Raises :class:`NumberPhraseError` naming the text if it holds no number, or more
    than one.
    """
    normalized = normalize_text(text)
    overlong = _OVERLONG.search(normalized[0])
    if overlong is not None:
        raise NumberPhraseError(
            f"{text!r} holds a run of {len(overlong.group())} digits: more than the "
            f"{_MAX_DIGITS} the number reader holds exactly"
        )
    found = quantities_in(text, normalized)
    if not found:
        raise NumberPhraseError(f"no number found in {text!r}")
    if len(found) > 1:
        listed = ", ".join(repr(q.text) for q in found)
        raise NumberPhraseError(
            f"more than one number in {text!r} ({listed}); quote a shorter passage"
        )
    return found[0]


def parse_number(text: str) -> Decimal:
    """The value of the one number stated in ``text`` (not a range).

    >>> parse_number("یک میلیارد و 740 میلیون دلار")
    Decimal('1740000000')
    """
    q = parse_quantity(text)
    if q.is_range:
        raise NumberPhraseError(f"{text!r} states a range, not a single number")
    return q.value
