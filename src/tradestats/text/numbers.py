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
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation, localcontext
from typing import NamedTuple

from tradestats.errors import NumberPhraseError
from tradestats.text.normalize import normalize_text
from tradestats.text.number_words import (
    FA_LETTERS,
    LONGEST_RANGE_WORD,
    PERSIAN_WORD,
    PLURAL_ENDINGS,
    RANGE_OPENERS,
    RANGE_WORDS,
    WEAK_STARTS,
    phrase_starts,
    word_meaning,
)

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

# --- tokens --------------------------------------------------------------------------
_NUM = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"
    # a decimal comma, told apart from thousands by the grouping: 117,7 or 15,45 or 1,8
    r"|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?"
)
_WORD = rf"[A-Za-z]+|[{FA_LETTERS}]+|[\u0400-\u04FF]+"
_TOKEN_RE = re.compile(rf"(?P<num>{_NUM})|(?P<word>{_WORD})|(?P<dash>[-–—])|(?P<other>\S)")
# Digits and the word after them, if any: when that word can neither join («و») nor
# scale the number, the digits are the whole phrase, and the token-by-token reader is
# not needed (most numbers in a text are such: years, percentages, "1,740").
_DIGITS = re.compile(_NUM)
_NEXT_TOKEN = re.compile(rf"(\s*)(?:(?P<num>{_NUM})|(?P<word>{_WORD}))")
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
    start = m.start()
    return _Token(m.lastgroup or "other", m.group().lower(), start, m.end(), start == prev_end)


class _LazyTokens:
    """The tokens of ``norm`` from position ``pos`` on, read only as far as a reader
    looks: a phrase is a few tokens long, and tokenizing whole lines is the costly part.
    ``kinds[i]`` is what token ``i`` can be in a number (see :func:`word_meaning`)."""

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
            word = token.kind == "word"
            kind = word_meaning(token.text, token.attached) if word else None
            self.kinds.append(("num", 0) if token.kind == "num" else kind)
            self._prev_end = m.end()
        return True

    def __getitem__(self, i: int) -> _Token:
        if not self.has(i):
            raise IndexError(i)
        return self.items[i]


# --- results -------------------------------------------------------------------------


class NumberPhrase(NamedTuple):
    """One number as written: its value, the place value of its last stated digit
    (``resolution``: 0.1 for "392.2", 1e6 for «115 میلیون»), and where it stands in the
    original text (``start``/``end``, so ``text[start:end]`` is verbatim). A tuple: the
    reader makes one for every number, and a tuple is quick to make."""

    value: Decimal
    resolution: Decimal
    start: int
    end: int
    text: str
    ordinal: bool = False
    has_scale: bool = False
    has_words: bool = False


class Quantity(NamedTuple):
    """A single number or a range of two (``upper`` is set for a range). A tuple, as
    :class:`NumberPhrase` is."""

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
            and self.tokens[i + 1].text in PLURAL_ENDINGS
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
        if kind[0] == "scale" and PERSIAN_WORD.fullmatch(self.tokens[i].text):
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
                self.tokens.has(j + 2) and self.tokens[j + 2].text in PLURAL_ENDINGS
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

    def read(self, i: int) -> tuple[NumberPhrase, int] | None:
        first = self._component(i)
        if first is None:
            return None
        tok = self.tokens[i]
        if (
            tok.kind == "word"
            and tok.text in WEAK_STARTS
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
        phrase = NumberPhrase(
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


def _digits_alone(norm: str, start: int) -> NumberPhrase | None:
    """The phrase at ``start`` if it is digits, perhaps with scale words ("1.5 billion",
    «740 میلیون»), that nothing joins on to (no «و», no digits grouped in thousands after
    a scale word); else None: the token reader decides."""
    m = _DIGITS.match(norm, start)
    if m is None or len(m.group()) > _MAX_DIGITS:
        return None
    end = pos = m.end()
    scale = 0
    while (after := _NEXT_TOKEN.match(norm, pos)) is not None:
        word = after.group("word")
        meaning = word_meaning(word.lower(), not after.group(1)) if word else None
        if meaning is not None and meaning[0] == "and":
            return None  # «و نیم», or a part joined on
        if scale and word is None and "," in after.group("num"):
            return None  # "1 billion 219,700,000"
        if meaning is None or meaning[0] != "scale" or (scale and meaning[1] <= scale):
            break
        scale = scale * meaning[1] if scale else meaning[1]
        end = pos = after.end()
    digits = m.group()
    if digits.isdigit() and not scale:  # a whole number: nothing to tidy
        value, resolution = Decimal(digits), _ONE
    else:
        value, resolution = _decimal_of(digits)
        value, resolution = _tidy(value * (scale or 1)), _tidy(resolution * (scale or 1))
    if not scale and _negative(norm, start):
        value, start = -value, start - 1
    return NumberPhrase(value, resolution, start, end, "", False, bool(scale))


def _word_alone(norm: str, start: int) -> NumberPhrase | int | None:
    """The phrase at ``start`` if it is one number word alone; the end of the word if
    that word alone is no number; None if the reader must decide."""
    m = _WORD_THEN.match(norm, start)
    if m is None or m.group(2) is not None:
        return None
    word, after = m.group(1).lower(), m.group(3)
    meaning = word_meaning(word, False)
    if meaning is None or meaning[0] not in {"small", "ordinal"}:
        return None
    if after is not None and (after in PLURAL_ENDINGS or word_meaning(after.lower(), True)):
        return None
    if word in WEAK_STARTS:
        return m.end(1)
    return NumberPhrase(
        Decimal(meaning[1]), _ONE, start, m.end(1), "", meaning[0] == "ordinal", False, True
    )


def _phrases_normalized(norm: str, lower: str | None = None) -> list[NumberPhrase]:
    """Read a phrase at each place one can start (see :func:`phrase_starts`), skipping the
    places inside a phrase already read or a token that starts none."""
    phrases: list[NumberPhrase] = []
    done = 0  # everything before this position is read
    with localcontext(_EXACT):
        lower = norm.lower() if lower is None else lower
        # lower-casing rarely changes a length («İ»); where it does, positions would move
        anchors = phrase_starts(lower) if len(lower) == len(norm) else phrase_starts(norm, True)
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


def _to_original(text: str, index: Sequence[int], phrase: NumberPhrase) -> NumberPhrase:
    start, end = index[phrase.start], index[phrase.end - 1] + 1
    return phrase._replace(start=start, end=end, text=text[start:end])


def find_number_phrases(text: str) -> list[NumberPhrase]:
    """Every number phrase in ``text``, in order, with verbatim spans."""
    norm, index = normalize_text(text)
    return [_to_original(text, index, p) for p in _phrases_normalized(norm)]


def _range_link(norm: str, left: NumberPhrase, right: NumberPhrase) -> bool:
    between = norm[left.end : right.start].strip()
    return len(between) <= LONGEST_RANGE_WORD and between.lower() in RANGE_WORDS


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
    text: str, norm: str, index: Sequence[int], p: NumberPhrase, q: NumberPhrase
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
    if opener in RANGE_OPENERS and norm[:start].rstrip().endswith(opener):
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


def _decimal_of_resolution(norm: str, phrase: NumberPhrase) -> Decimal:
    """The resolution of the leading digits of a phrase, before its scale words."""
    digits = _DIGITS.match(norm, phrase.start)
    return _decimal_of(digits.group())[1] if digits else _ONE


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
