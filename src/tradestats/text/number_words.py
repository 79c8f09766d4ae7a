"""The words of numbers (Persian, English and Russian): what each means to the number
reader, and where in a text a number phrase can start.

Number words are closed vocabularies, declared here once; the reader in
:mod:`tradestats.text.numbers` asks :func:`word_meaning` what a word is, and
:func:`phrase_starts` where to begin reading.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from functools import lru_cache

__all__ = [
    "FA_LETTERS",
    "LONGEST_RANGE_WORD",
    "PERSIAN_WORD",
    "PLURAL_ENDINGS",
    "RANGE_OPENERS",
    "RANGE_WORDS",
    "WEAK_STARTS",
    "phrase_starts",
    "trie_pattern",
    "word_meaning",
]

# The letters of a Persian word token; a Latin word token is [A-Za-z]+.
FA_LETTERS = r"\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u0622\u0671-\u06D3"
PERSIAN_WORD = re.compile(f"[{FA_LETTERS}]+")

# fmt: off
FA_SMALL: dict[str, int] = {
    "صفر": 0, "یک": 1, "یه": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8,
    "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15,
    "پونزده": 15, "شانزده": 16, "هفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19, "بیست": 20,
    "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "صد": 100,
    "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500, "ششصد": 600, "هفتصد": 700,
    "هشتصد": 800, "نهصد": 900,
}

EN_SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

EN_ORDINAL: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
# fmt: on
# Persian words for "first" that are not built from a number word: «نخست», «اول».
FA_FIRST: dict[str, int] = {"نخست": 1, "نخستین": 1, "اول": 1, "اولین": 1}
# Russian: abbreviations (млрд, млн, тыс) and the words in their cases
# fmt: off
SCALES: dict[str, int] = {
    "هزار": 10**3, "میلیون": 10**6, "ملیون": 10**6, "میلیارد": 10**9, "ملیارد": 10**9,
    "تریلیون": 10**12, "thousand": 10**3, "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6,
    "billion": 10**9, "bn": 10**9, "bln": 10**9, "trillion": 10**12, "tn": 10**12, "тыс": 10**3,
    "тысяча": 10**3, "тысячи": 10**3, "тысяч": 10**3, "млн": 10**6, "миллион": 10**6,
    "миллиона": 10**6, "миллионов": 10**6, "млрд": 10**9, "миллиард": 10**9, "миллиарда": 10**9,
    "миллиардов": 10**9, "трлн": 10**12, "триллион": 10**12, "триллиона": 10**12,
    "триллионов": 10**12,
}
# fmt: on
HUNDRED_WORDS = {"hundred"}
# "m" alone is read as a million only when written straight after digits ("5m"): "5 m"
# is as likely five metres. The other short forms (bn, bln, mln, mn, tn) stand alone.
ATTACHED_ONLY_SCALES = {"m"}
# Words too common in other senses to start a phrase on their own: «نه» is also "no",
# «یه» is colloquial, "one" is also a pronoun. They count inside a phrase (before a
# scale word or after «و»).
WEAK_STARTS = {"نه", "یه", "one"}
AND_WORDS = {"و", "and"}
HALF_WORDS = {"نیم"}
# Plural endings: «ده‌ها», «میلیون‌ها» are "tens of", "millions of", not numbers.
PLURAL_ENDINGS = {"ها", "های"}
RANGE_WORDS = {"تا", "to", "-", "–", "—", "до"}
LONGEST_RANGE_WORD = max(map(len, RANGE_WORDS))
RANGE_OPENERS = {"بین", "between", "from", "از", "от", "с"}


def _fa_ordinal(word: str) -> int | None:
    """Value of a Persian ordinal («دوم», «یازدهمین», «سوم»), or None."""
    for suffix in ("مین", "م"):
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: -len(suffix)]
            if stem == "سو":  # سوم, سومین
                return 3
            # «سهم» is "share", not "third" (that is «سوم»)
            if stem in FA_SMALL and stem not in {"صفر", "یه", "سه"}:
                return FA_SMALL[stem]
            if stem in SCALES and not stem.isascii():
                return SCALES[stem]
    if word in {"سی ام", "سیام"}:
        return 30
    return None


@lru_cache(maxsize=1 << 14)  # a text's vocabulary repeats; this runs for every word read
def word_meaning(w: str, attached: bool) -> tuple[str, int] | None:
    if w in AND_WORDS:
        return ("and", 0)
    if w in HALF_WORDS:
        return ("half", 0)
    if w in SCALES:
        if w in ATTACHED_ONLY_SCALES and not attached:
            return None
        return ("scale", SCALES[w])
    if w in HUNDRED_WORDS:
        return ("hundred", 100)
    if w in FA_SMALL:
        return ("small", FA_SMALL[w])
    if w in EN_SMALL:
        return ("small", EN_SMALL[w])
    if w in FA_FIRST:
        return ("ordinal", FA_FIRST[w])
    if w in EN_ORDINAL:
        return ("ordinal", EN_ORDINAL[w])
    ordinal = _fa_ordinal(w)
    if ordinal is not None:
        return ("ordinal", ordinal)
    return None


def trie_pattern(words: Iterable[str], whole: Container[str] = ()) -> str:
    """A regex alternation of ``words`` as a trie: the engine rejects a position on its
    first character instead of trying every word in turn, and where several words fit,
    the longest wins. A word in ``whole`` fits only as a whole word."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {"whole": {}} if word in whole else {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        end = r"(?!\w)" if "whole" in node.get("", {}) else ""
        if not branches:
            return end
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body}|{end})" if end else f"(?:{body})?"

    return emit(trie)


def _anchor_words() -> tuple[str, str]:
    """Regexes of the Latin and the Persian words that can begin a number, each whole
    (as the number reader cuts words), lower-case."""
    words = {
        w.lower() for w in (*FA_SMALL, *EN_SMALL, *EN_ORDINAL, *SCALES, *HUNDRED_WORDS, *FA_FIRST)
    } | {"سوم", "سومین", "سیام", "نیم"}
    latin = sorted(w for w in words if w.isascii())
    persian = sorted(w for w in words if PERSIAN_WORD.fullmatch(w))  # Russian: after digits
    return (
        rf"(?:{trie_pattern(latin)})(?![A-Za-z])",
        rf"(?:{trie_pattern(persian)})(?:م|مین)?(?![{FA_LETTERS}])",
    )


_LATIN_AT, _PERSIAN_AT = _anchor_words()
# Where a phrase can start: a run of digits, or a number word after a character that is
# no letter. The pattern opens with one character class, so the engine skips letters in
# C instead of trying the words at every place. For lower-cased text; the IGNORECASE
# twins are for a text whose length lower-casing changes («İ»).
_SCAN = rf"[^A-Za-z{FA_LETTERS}](?:(?<=\d)\d*|{_LATIN_AT}|{_PERSIAN_AT})"
_ANCHOR_SCAN = (re.compile(_SCAN), re.compile(_SCAN, re.IGNORECASE))
_WORD_AT = tuple(re.compile(f"{_LATIN_AT}|{_PERSIAN_AT}", f) for f in (0, re.IGNORECASE))
_LATIN_RUN = (re.compile("[A-Za-z]+"), re.compile("[A-Za-z]+", re.IGNORECASE))
_PERSIAN_RUN = re.compile(f"[{FA_LETTERS}]+")


def phrase_starts(text: str, ignore_case: bool = False) -> list[int]:
    """Where a phrase can start in ``text`` (lower-cased unless ``ignore_case``): digits,
    or a whole word that can begin a number, a word straight after digits ("5bn") or
    after a letter of the other script ("CNNدو") included."""
    word_at = _WORD_AT[ignore_case]
    found: list[int] = []
    extra = [0] if word_at.match(text) else []
    for m in _ANCHOR_SCAN[ignore_case].finditer(text):
        start, end = m.span()
        if not text[start].isdecimal():
            found.append(start + 1)
            continue
        found.append(start)
        if text[end : end + 1].isalpha() and word_at.match(text, end):  # "5bn"
            extra.append(end)
    if not text.isascii():
        extra += _across_scripts(text, word_at, _LATIN_RUN[ignore_case])
    return sorted(set(found).union(extra)) if extra else found


def _across_scripts(text: str, word_at: re.Pattern[str], latin: re.Pattern[str]) -> list[int]:
    """Number words of one script straight after a letter of the other, found at the
    edges of the runs of the rarer script (where ASCII is most of the text, Persian)."""
    if not (latin.search(text) and _PERSIAN_RUN.search(text)):
        return []
    rarer = _PERSIAN_RUN if len(text.encode()) < 1.5 * len(text) else latin
    edges = (i for run in rarer.finditer(text) for i in run.span() if 0 < i < len(text))

    def crosses(i: int, script: re.Pattern[str]) -> bool:
        return bool(script.match(text, i - 1, i)) != bool(script.match(text, i, i + 1))

    return [
        i
        for i in edges
        if crosses(i, latin) and crosses(i, _PERSIAN_RUN) and word_at.match(text, i)
    ]
