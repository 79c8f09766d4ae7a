"""The number-phrase parser, on the phrasings of the texts and beyond."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradestats.errors import NumberPhraseError
from tradestats.text.numbers import (
    _TOKEN_RE,
    _LazyTokens,
    _Reader,
    find_number_phrases,
    find_quantities,
    normalize_text,
    parse_number,
    parse_quantity,
)

# Each expected value below was written by reading the phrase, not by running the parser.
EXAMPLES = [
    ("یک میلیارد و 740 میلیون دلار", Decimal("1740000000")),
    ("688 میلیارد و 115 میلیون دلار", Decimal("688115000000")),
    ("89 میلیارد و 269 میلیون دلار", Decimal("89269000000")),
    ("۳۹۰ میلیون دلار", Decimal("390000000")),
    ("٣٩٠ مليون", Decimal("390000000")),  # Arabic-Indic digits, Arabic yeh
    ("392.2 میلیون دلار", Decimal("392200000")),
    ("۱٫۵ میلیارد دلار", Decimal("1500000000")),
    ("۳.۵ میلیارد دلار", Decimal("3500000000")),
    ("۱۲٬۵۰۰ تن", Decimal("12500")),
    ("بیش از 2 تریلیون دلار", Decimal("2000000000000")),
    ("4.2 تریلیون دلار", Decimal("4200000000000")),
    ("بیش از دو میلیارد دلار", Decimal("2000000000")),
    ("زیر دو میلیارد دلار", Decimal("2000000000")),
    ("بیست و یک ماده", Decimal("21")),
    ("صد و بیست و پنج", Decimal("125")),
    ("دو هزار و پانصد", Decimal("2500")),
    ("یک و نیم میلیارد", Decimal("1500000000")),
    ("هزار میلیارد تومان", Decimal("1000000000000")),
    ("روزانه 120 هزار بشکه", Decimal("120000")),
    ("یازدهمین اقتصاد بزرگ", Decimal("11")),
    ("بیست و دوم اسفند", Decimal("22")),
    ("تقریباً 10برابر", Decimal("10")),
    ("$1.74 billion", Decimal("1740000000")),
    ("$1.74bn", Decimal("1740000000")),
    ("US$ 2 billion", Decimal("2000000000")),
    ("1.5 billion dollars", Decimal("1500000000")),
    ("1.5bn", Decimal("1500000000")),
    ("3,300 staff members", Decimal("3300")),
    ("one hundred and five", Decimal("105")),
    ("twenty-one", Decimal("21")),
    ("$5m", Decimal("5000000")),
    ("ده\u200cهزار دلار", Decimal("10000")),  # zero-width non-joiner inside
    ("دوـــیست", Decimal("200")),  # tatweel
]


@pytest.mark.parametrize(("phrase", "expected"), EXAMPLES)
def test_parses_phrasings(phrase: str, expected: Decimal) -> None:
    assert parse_number(phrase) == expected


def test_span_is_verbatim() -> None:
    text = "میزان صادرات ایران به روسیه به 800 میلیون دلار در سال رسیده"
    [phrase] = find_number_phrases(text)
    assert phrase.text == "800 میلیون"
    assert text[phrase.start : phrase.end] == "800 میلیون"


def test_span_survives_removed_characters() -> None:
    text = "حدود ۱۰۵ درصدی و تقریباً 50 درصد"
    phrases = find_number_phrases(text)
    assert [p.text for p in phrases] == ["۱۰۵", "50"]
    assert all(text[p.start : p.end] == p.text for p in phrases)


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("بین 7 تا 8 درصد", Decimal(7), Decimal(8)),
        ("7 to 8 percent", Decimal(7), Decimal(8)),
        ("between 7 and 8", None, None),  # 'and' joins only after a scale or hundred
        ("۳ تا ۴ میلیارد دلار", Decimal("3000000000"), Decimal("4000000000")),
    ],
)
def test_ranges(phrase: str, low: Decimal | None, high: Decimal | None) -> None:
    quantities = find_quantities(phrase)
    if low is None:
        assert len(quantities) == 2
    else:
        [q] = quantities
        assert (q.value, q.upper) == (low, high)


def test_resolution_is_the_last_stated_digit() -> None:
    assert parse_quantity("یک میلیارد و 707 میلیون").resolution == Decimal(10**6)
    assert parse_quantity("392.2 میلیون").resolution == Decimal(10**5)
    assert parse_quantity("147.27 دلار").resolution == Decimal("0.01")


@pytest.mark.parametrize(
    "text",
    [
        "20 و 50 درصد",  # two figures sharing a unit, not seventy
        "11 و 12 شهریور",
        "دوم و سوم ماه سپتامبر",
    ],
)
def test_and_does_not_add_unrelated_numbers(text: str) -> None:
    assert len(find_number_phrases(text)) == 2
    with pytest.raises(NumberPhraseError, match="more than one number"):
        parse_number(text)


@pytest.mark.parametrize("text", ["", "سازمان گمرک روسیه", "نه فقط این", "dollars"])
def test_rejects_text_without_a_number_and_names_it(text: str) -> None:
    with pytest.raises(NumberPhraseError) as info:
        parse_number(text)
    assert repr(text) in str(info.value)


def test_range_is_not_a_single_number() -> None:
    with pytest.raises(NumberPhraseError, match="range"):
        parse_number("بین 7 تا 8 درصد")


def test_negative_numbers() -> None:
    assert parse_number("-5%") == Decimal(-5)
    assert [p.value for p in find_number_phrases("2/kloc-0")] == [2, 0]


def test_normalize_keeps_an_index_to_the_original() -> None:
    text = "تقریباً ۱٫۵"
    norm, index = normalize_text(text)
    assert norm == "تقریبا 1.5"
    assert [text[i] for i in index[:-1]] == [c for c in text if c != "\u064b"]


# --- property-based -----------------------------------------------------------------

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ONES = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
TEENS = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
HUNDREDS = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]


def persian_words_below_1000(n: int) -> str:
    """An independent spelling of 1..999 in Persian words, joined with «و»."""
    parts = [HUNDREDS[n // 100]] if n >= 100 else []
    rest = n % 100
    if 10 <= rest < 20:
        parts.append(TEENS[rest - 10])
    else:
        parts += [w for w in (TENS[rest // 10], ONES[rest % 10]) if w]
    return " و ".join(parts)


@given(st.integers(min_value=1, max_value=999))
@settings(max_examples=1000)
def test_persian_words_below_1000(n: int) -> None:
    words = persian_words_below_1000(n)
    if words in {"نه"}:  # «نه» alone is read as "no", by design
        assert find_number_phrases(words) == []
    else:
        assert parse_number(words) == n


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=999),
    st.booleans(),
)
@settings(max_examples=1000)
def test_billions_and_millions_mixed(billions: int, millions: int, persian: bool) -> None:
    b = str(billions).translate(PERSIAN_DIGITS) if persian else str(billions)
    phrase = f"{b} میلیارد"
    if millions:
        phrase += f" و {persian_words_below_1000(millions) if millions != 9 else '9'} میلیون"
    assert parse_number(phrase + " دلار") == billions * 10**9 + millions * 10**6


@given(st.integers(min_value=0, max_value=10**15))
@settings(max_examples=1000)
def test_grouped_digits(n: int) -> None:
    latin = f"{n:,}"
    assert parse_number(latin) == n
    assert parse_number(latin.replace(",", "٬").translate(PERSIAN_DIGITS)) == n


@given(st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False))
@settings(max_examples=1000)
def test_decimal_separators(d: Decimal) -> None:
    text = f"{d:f}"
    assert parse_number(text) == d
    assert parse_number(text.replace(".", "٫").translate(PERSIAN_DIGITS)) == d


@given(st.text(max_size=200))
@settings(max_examples=3000)
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    for phrase in find_number_phrases(text):
        assert text[phrase.start : phrase.end] == phrase.text
    with contextlib.suppress(NumberPhraseError):
        parse_quantity(text)


@given(st.text(alphabet="0123456789۰۱۲۳۴۵۶۷۸۹,.٫٬ و میلیاردونهصدیکتا-", max_size=80))
@settings(max_examples=3000)
def test_never_crashes_on_number_like_text(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.upper is None or q.upper > q.value


@pytest.mark.parametrize("text", ["یک و", "بیست و", "1 billion and", "صد و"])
def test_a_trailing_and_is_not_a_crash(text: str) -> None:
    """Found by fuzzing the extractor: «و» at the very end of a text."""
    assert find_number_phrases(text)[0].text in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("روسیهtwenty-one", [21]),
        ("andیازدهمین اقتصاد", [11]),
        ("1.5bnسی کشور", [1_500_000_000, 30]),
    ],
)
def test_a_number_word_glued_to_another_script_is_read(text: str, expected: list[int]) -> None:
    # Tokens split where the script changes, so the word is a token of its own.
    assert [p.value for p in find_number_phrases(text)] == expected


def _phrases_reading_every_token(text: str) -> list[tuple[int, Decimal]]:
    """A slow reference: try the reader at every token, not only where the anchor
    pattern says a phrase can start."""
    norm, _ = normalize_text(text)
    out: list[tuple[int, Decimal]] = []
    done = 0
    for token in _TOKEN_RE.finditer(norm):
        if token.start() < done:
            continue
        tokens = _LazyTokens(norm, token.start())
        got = _Reader(tokens).read(0)
        if got is not None:
            out.append((got[0].end, abs(got[0].value)))
            done = tokens[got[1] - 1].end
    return out


@given(
    st.text(
        alphabet="0123456789۵,. -و میلیاردونهصدیکتاسومینبیست twenyoigh-milbandAND",
        max_size=60,
    )
)
@settings(max_examples=3000)
def test_anchors_find_every_place_a_phrase_can_start(text: str) -> None:
    # The alphabet has no character that normalization drops, so positions agree.
    found = [(p.end, abs(p.value)) for p in find_number_phrases(text)]
    assert found == _phrases_reading_every_token(text)
