"""Words that qualify a figure or name its unit, in Persian and English.

Shared by the build (to check that a transcribed row agrees with its quote) and by the
extractor. Words are matched on text normalized by
:func:`tradestats.text.numbers.normalize_text`, so Arabic letter forms, zero-width
non-joiners, tatweel and diacritics do not matter.
"""

from __future__ import annotations

import re
from functools import cache

from tradestats.text.number_words import trie_pattern
from tradestats.text.numbers import normalize_text

__all__ = [
    "QUALIFIER_WORDS",
    "UNIT_FAMILIES",
    "Vocabulary",
    "other_economy_words",
    "qualifier_before",
    "qualifier_in",
    "unit_families_in",
]

# Words that, written straight before a number, qualify it.
# fmt: off
QUALIFIER_WORDS: dict[str, tuple[str, ...]] = {
    "more_than": (
        "بیش از", "بیشتر از", "بالغ بر", "more than", "превысил", "превысила", "превысило",
        "превысили", "over", "above", "in excess of", "exceeded", "exceeds", "topped", "tops",
        "top", "surpassed", "более", "свыше", "больше",
    ),
    "less_than": ("کمتر از", "زیر", "less than", "under", "below", "up to", "fewer than", "менее"),
    "about": (
        "حدود", "حدوداً", "تقریباً", "تقریبی", "about", "around", "approximately", "roughly",
        "some", "около", "порядка",
    ),
    "almost": ("نزدیک به", "nearly", "almost", "почти"), "range": ("بین", "between"),
}
# fmt: on

# Unit words, grouped by what they measure, with every unit of the contract each may
# stand for: a quote with a family's word must have one of its units.
# fmt: off
UNIT_FAMILIES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "dollar": (
        (
            "دلار", "دالر", "$", "usd", "us$", "dollar", "dollars", "долл", "доллар", "доллара",
            "долларов",
        ),
        frozenset({"USD", "USD_per_barrel"}),
    ),
    "euro": (("یورو", "€", "eur", "euro", "euros", "евро"), frozenset({"EUR"})),
    "rouble": (
        ("روبل", "rouble", "roubles", "ruble", "rubles", "рубль", "рублей", "рубля"),
        frozenset({"RUB"}),
    ),
    "rial": (("ریال", "rial", "rials"), frozenset({"IRR"})),
    "toman": (("تومان", "toman", "tomans"), frozenset({"IRT"})),
    "percent": (("درصد", "فیصد", "%", "percent", "per cent"), frozenset({"percent"})),
    "barrel": (
        ("بشکه", "barrel", "barrels"), frozenset({"barrels", "barrels_per_day", "USD_per_barrel"}),
    ),
    "multiple": (("برابر", "times", "fold", "doubled", "tripled"), frozenset({"times"})),
    "tonne": (
        ("تن", "tonne", "tonnes", "ton", "tons"),
        frozenset({"tonnes", "tonnes_per_day", "tonnes_per_year"}),
    ),
    "wagon": (
        ("واگن", "wagon", "wagons"), frozenset({"wagons", "wagons_per_day", "wagons_per_year"}),
    ),
}
# fmt: on


@cache
def _word_re(word: str) -> re.Pattern[str]:
    norm = normalize_text(word)[0].lower()
    body = re.escape(norm)
    if norm[-1].isalpha():
        # Persian adjectival/plural endings: «دلاری», «درصدی», «بشکه‌ها».
        body += r"(?:ی|ای|ها|های)?" if not norm.isascii() else ""
        return re.compile(rf"(?<!\w){body}(?!\w)")
    return re.compile(rf"{body}")


@cache
def _families_re() -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """Per unit family: its words as plain text (a quick test: the pattern can match
    only where one of them stands) and one pattern for any of them as a word."""
    return tuple(
        (
            family,
            tuple(normalize_text(w)[0].lower() for w in words),
            re.compile("|".join(f"(?:{_word_re(w).pattern})" for w in words)),
        )
        for family, (words, _units) in UNIT_FAMILIES.items()
    )


def unit_families_in(text: str) -> set[str]:
    """Names of the unit families whose words appear in ``text``."""
    norm = normalize_text(text)[0].lower()
    return {
        family
        for family, plain, pattern in _families_re()
        if any(w in norm for w in plain) and pattern.search(norm)
    }


@cache
def _qualifier_words() -> tuple[tuple[str, str], ...]:
    return tuple((q, normalize_text(w)[0].lower()) for q, ws in QUALIFIER_WORDS.items() for w in ws)


@cache
def _qualifier_endings() -> tuple[str, ...]:
    return tuple(w for _q, w in _qualifier_words())


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier whose words end right before position ``start`` of ``text`` (spaces
    allowed between), or None."""
    head = normalize_text(text[max(0, start - _QUALIFIER_REACH) : start])[0].lower()
    return qualifier_ending_at(head, len(head))


_QUALIFIER_REACH = 40  # characters: qualifiers are short


def qualifier_in(words: str) -> str | None:
    """The qualifier whose word ``words`` holds (the first found), or None."""
    norm = normalize_text(words)[0].lower()
    for qualifier, w in _qualifier_words():
        if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", norm):
            return qualifier
    return None


def qualifier_ending_at(norm_lower: str, end: int) -> str | None:
    """:func:`qualifier_before` on text already normalized and lower-cased."""
    head = norm_lower[max(0, end - _QUALIFIER_REACH) : end].rstrip()
    if not head.endswith(_qualifier_endings()):  # most numbers have no qualifier
        return None
    for qualifier, w in _qualifier_words():
        if head.endswith(w) and (len(head) == len(w) or not head[-len(w) - 1].isalnum()):
            return qualifier
    return None


# Economies as texts name them: names, adjectives, demonyms, capitals used as metonyms
# («مسکو» for Russia), in Persian (Dari spellings too), English and Russian; by code.
# fmt: off
ECONOMY_WORDS: dict[str, tuple[str, ...]] = {
    "RUS": ("روسیه", "روس", "مسکو", "Russia", "Russian", "Moscow", "Росси", "российск", "Москв"),
    "IRN": (
        "ایران", "تهران", "Iran", "Iranian", "Tehran", "the Islamic Republic", "Иран", "иранск",
        "Тегеран",
    ),
    "CHN": ("چین", "چینی", "پکن", "China", "Chinese", "Beijing", "Кита", "КНР", "китайск"),
    "EUU": (
        "اتحادیه اروپا", "کشورهای اروپایی", "این اتحادیه", "European Union", "EU", "Евросоюз", "ЕС",
        "Европейск",
    ),
    "AZE": ("آذربایجان", "باکو", "Azerbaijan", "Azerbaijani", "Baku", "Азербайджан"),
    "TUR": ("ترکیه", "Turkey", "Türkiye", "Turkish", "Турци", "турецк"),
    "WLD": (
        "کشورهای مختلف", "کشورهای جهان", "با جهان", "the world", "all countries", "foreign trade",
        "total trade", "overall trade", "تجارت خارجی", "внешнеторгов", "внешней торговл", "мир",
    ),
}
# fmt: on
# Other economies a text may name: ISO 3166 alpha-3 and alpha-2 codes, and the words
# Babel's locale data lack (adjectives, capitals); names come from Babel (CLDR) in
# English, Persian and Russian.
# fmt: off
_OTHER_ECONOMIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "IND": ("IN", ("Indian", "New Delhi", "индийск", "Нью-Дели", "دهلی")),
    "AFG": ("AF", ("Afghan", "Kabul", "Islamic Emirate", "афганск", "Кабул", "کابل")),
    "KAZ": ("KZ", ("Kazakh", "Astana", "казахстанск", "Астан", "قزاق", "آستانه")),
    "BLR": ("BY", ("Belarusian", "Minsk", "белорусск", "Белорусси", "Минск", "مینسک")),
    "UZB": ("UZ", ("Uzbek", "Tashkent", "узбекск", "Ташкент", "تاشکند", "ازبک")),
    "TKM": ("TM", ("Turkmen", "Ashgabat", "туркменск", "Ашхабад", "عشق آباد")),
    "KGZ": ("KG", ("Kyrgyz", "Bishkek", "Кыргызстан", "киргизск", "قرقیزستان")),
    "TJK": ("TJ", ("Tajik", "Dushanbe", "таджикск", "Душанбе")),
    "ARM": ("AM", ("Armenian", "Yerevan", "армянск", "Ереван", "ایروان")),
    "GEO": ("GE", ("Georgian", "Tbilisi", "грузинск", "Тбилиси", "گرجستان")),
    "PAK": ("PK", ("Pakistani", "Islamabad", "пакистанск", "اسلام آباد")),
    "IRQ": ("IQ", ("Iraqi", "Baghdad", "иракск", "Багдад", "بغداد")),
    "ARE": ("AE", ("Emirati", "UAE", "Emirates", "امارات", "Эмират")),
    "DEU": ("DE", ("German", "Berlin", "немецк", "германск", "Берлин", "برلین")),
    "NLD": ("NL", ("Dutch", "Netherlands", "нидерландск", "هلند")),
    "USA": ("US", ("American", "U.S.", "Washington", "США", "американск", "آمریکا")),
    "UKR": ("UA", ("Ukrainian", "Kyiv", "украинск", "Киев", "اوکراین")),
    "JPN": ("JP", ("Japanese", "Tokyo", "японск", "Токио", "ژاپن")),
    "KOR": ("KR", ("South Korean", "Seoul", "южнокорейск", "Сеул", "کره جنوبی")),
    "SAU": ("SA", ("Saudi", "Riyadh", "саудовск", "عربستان")),
    "EGY": ("EG", ("Egyptian", "Cairo", "египетск", "Каир", "مصر")),
    "BRA": ("BR", ("Brazilian", "Brasilia", "бразильск", "برزیل")),
}
# fmt: on


def _russian_stem(name: str) -> str:
    """A Russian name's stem, so its cases match: Индия → Инди (Индии, Индией)."""
    if name.endswith("ия"):
        return name[:-1]
    return name[:-1] if name[-1:] in "аяь" else name


def other_economy_words() -> dict[str, tuple[str, ...]]:
    """The other economies' words, names from Babel's locale data (loaded only when
    drafting needs them, not by the build)."""
    from babel import Locale

    names = {lang: Locale(lang).territories for lang in ("en", "fa", "ru")}
    out = {}
    for code, (alpha2, extra) in _OTHER_ECONOMIES.items():
        found = (names["en"][alpha2], names["fa"][alpha2], _russian_stem(names["ru"][alpha2]))
        out[code] = tuple(dict.fromkeys((*found, *extra)))
    return out


# Statistical agencies: their name, the economy whose statistics they publish, and the
# words that name them.
# fmt: off
AGENCY_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Federal Customs Service of Russia": (
        "RUS",
        (
            "سازمان گمرک روسیه", "گمرک روسیه", "Federal Customs Service", "Russian customs", "ФТС",
            "Федеральная таможенная служба", "Федеральной таможенной службы",
        ),
    ),
    "Islamic Republic of Iran Customs Administration": (
        "IRN",
        (
            "گمرک جمهوری اسلامی ایران", "گمرک ایران", "Iranian customs", "IRICA",
            "Islamic Republic of Iran Customs Administration", "Таможенная администрация Ирана",
            "Таможенной администрации Ирана",
        ),
    ),
    "Trade Promotion Organization of Iran": ("IRN", ("سازمان توسعه تجارت",)),
    "General Administration of Customs of China": (
        "CHN",
        (
            "General Administration of Customs", "Chinese customs", "گمرک چین", "اداره کل گمرک چین",
            "اداره عمومی گمرک چین", "Главное таможенное управление", "ГТУ КНР", "ГТУ", "GACC",
            "گمرکات چین", "اداره عمومی گمرکات چین",
        ),
    ),
    "State Customs Committee of Azerbaijan": (
        "AZE",
        (
            "State Customs Committee", "کمیته دولتی گمرک", "Государственный таможенный комитет",
            "Государственного таможенного комитета", "ГТК Азербайджана",
        ),
    ),
    "Eurostat": ("EUU", ("Eurostat", "یورواستات", "Евростат")),
    "Turkish Statistical Institute": (
        "TUR", ("Turkish Statistical Institute", "TurkStat", "مرکز آمار ترکیه", "Туркстат"),
    ),
}
# fmt: on
# Words that name a flow, from the side of the economy named with them.
# fmt: off
FLOW_WORDS: dict[str, tuple[str, ...]] = {
    "exports": (
        "صادرات", "صادر کرد", "صادر شد", "export", "exports", "exported", "sold", "shipped",
        "supplied", "shipments", "supplies", "экспорт", "поставки", "поставил",
    ),
    "imports": ("واردات", "وارد کرد", "وارد شد", "import", "imports", "imported", "импорт"),
    "turnover": (
        "حجم تجارت", "حجم مبادلات", "مبادلات", "مبادله", "تجارت", "گردش تجاری", "trade turnover",
        "turnover", "bilateral trade", "trade", "товарооборот", "объем торговли",
        "взаимная торговля", "торговля", "торговли",
    ),
}
# fmt: on
# Words that make a money figure something other than trade (investment, loans) or a
# percentage a share rather than a change of trade (settlement currencies, shares).
# fmt: off
NOT_TRADE_WORDS: dict[str, tuple[str, ...]] = {
    "investment": ("سرمایه گذاری", "investment", "invested", "инвестиц", "loan", "وام", "кредит"),
    "share": ("سهم", "share", "accounting for", "settlement", "تسویه", "доля", "доли", "расчет"),
}
# fmt: on


class Vocabulary:
    """Words by key (economy code, flow, agency), found in normalized text with one
    pattern; where two forms start at one place, the longer one is found."""

    def __init__(self, words: dict[str, tuple[str, ...]]) -> None:
        self.forms = {
            normalize_text(form)[0].lower(): (key, form)
            for key, forms in words.items()
            for form in forms
        }
        # a short form is a whole word ("EU", not the start of "Eurasian"); a longer one
        # may be a stem («Росси» in «России»). As a trie, the longest form that fits
        # wins, and a place is rejected on its first character.
        first = "".join(sorted({re.escape(f[0]) for f in self.forms}))
        short = {f for f in self.forms if len(f) <= 3}
        self.pattern = re.compile(rf"(?=[{first}])(?<!\w){trie_pattern(self.forms, short)}")
        self.scanned = 0  # characters searched so far: the work, for the tests to count

    def mentions(self, text: str) -> list[tuple[int, str, str]]:
        """(position, key, the words as declared) of every mention in ``text``."""
        self.scanned += len(text)
        return [(m.start(), *self.forms[m.group()]) for m in self.pattern.finditer(text)]
