"""Every word a chart shows, in English and Persian. Numbers are never here: charts fill
the templates with values read from the clean tables."""

from __future__ import annotations

import datetime as dt

import jdatetime

from tradestats.charts.style import format_number, to_local_digits

__all__ = ["TEXT", "date_words", "period_words", "t", "value_label"]

GREGORIAN_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fa": ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر",
           "اکتبر", "نوامبر", "دسامبر"],
}  # fmt: skip

TEXT: dict[str, dict[str, str]] = {
    # units
    "unit.usd_m": {"en": "Millions of US dollars", "fa": "میلیون دلار آمریکا"},
    "unit.usd_bn": {"en": "Billions of US dollars", "fa": "میلیارد دلار آمریکا"},
    # flows
    "flow.exports_to": {"en": "{exporter}'s exports to {importer}",
                        "fa": "صادرات {exporter} به {importer}"},
    "flow.turnover": {"en": "Turnover (exports + imports)",
                      "fa": "حجم تجارت (صادرات + واردات)"},
    "flow.exports": {"en": "Exports", "fa": "صادرات"},
    "flow.imports": {"en": "Imports", "fa": "واردات"},
    "flow.turnover_short": {"en": "Turnover", "fa": "حجم تجارت"},
    "flow.sum": {"en": "Exports + imports", "fa": "صادرات + واردات"},
    # qualifiers on value labels
    "q.more_than": {"en": "> {v}", "fa": "بیش از {v}"},
    "q.less_than": {"en": "< {v}", "fa": "کمتر از {v}"},
    "q.about": {"en": "≈ {v}", "fa": "حدود {v}"},
    "q.target": {"en": "target {v}", "fa": "هدف: {v}"},
    "q.exact": {"en": "{v}", "fa": "{v}"},
    "not_stated": {"en": "not stated", "fa": "ذکر نشده"},
    # periods
    "period.year": {"en": "{year}", "fa": "{year}"},
    "period.jalali_months": {"en": "{m1}–{m2} {year}\n({g1} to {g2})",
                             "fa": "{m1} تا {m2} {year}\n({g1} تا {g2})"},
    "period.as_of": {"en": "as of {date}", "fa": "تا {date}"},
    "period.target": {"en": "target, no year given", "fa": "هدف، بدون سال مشخص"},
    # chart: Iran–Russia trade
    "iran_russia.title": {"en": "Russia–Iran trade stayed under ${bound} billion a year",
                          "fa": "تجارت روسیه و ایران زیر {bound} میلیارد دلار در سال ماند"},
    "iran_russia.bound": {"en": "The text: trade 'has always been under' {v}",
                          "fa": "متن: «همیشه زیر» {v}"},
    "iran_russia.full_years": {"en": "full years", "fa": "سال کامل"},
    "iran_russia.months": {"en": "{n} months only", "fa": "فقط {n} ماه"},
    # chart: Iran's exports growth
    "growth.title_doubled": {"en": "Iran's exports to Russia more than doubled in {year}",
                             "fa": "صادرات ایران به روسیه در سال {year} بیش از دو برابر شد"},
    "growth.title_rose": {"en": "Iran's exports to Russia rose {pct}% in {year}",
                          "fa": "صادرات ایران به روسیه در سال {year}، {pct} درصد رشد کرد"},
    "growth.title_fell": {"en": "Iran's exports to Russia fell {pct}% in {year}",
                          "fa": "صادرات ایران به روسیه در سال {year}، {pct} درصد کاهش یافت"},
    "growth.arrow": {"en": "+{computed}%", "fa": "رشد {computed} درصدی"},
    "growth.stated": {"en": "The text says about {stated}%; its two values give {computed}% "
                            "({status}).",
                      "fa": "متن رشد را حدود {stated} درصد می‌گوید؛ دو رقم آن {computed} درصد "
                            "می‌دهند ({status})."},
    "growth.subtitle": {"en": "Iran's exports to Russia, by Russian customs. {unit}",
                        "fa": "صادرات ایران به روسیه به گزارش گمرک روسیه. {unit}"},
    # chart: partners
    "partners.title": {"en": "Russia's trade with {top} is {ratio} times its trade with "
                             "{bottom}",
                       "fa": "تجارت روسیه با {top} {ratio} برابر تجارتش با {bottom} است"},
    "partners.subtitle": {"en": "Russia's trade turnover with each partner, latest figure the "
                                "texts give. {unit}",
                          "fa": "حجم تجارت روسیه با هر شریک، آخرین رقمی که متن‌ها می‌دهند. "
                                "{unit}"},
    "partners.large": {"en": "Largest partners", "fa": "شرکای بزرگ"},
    "partners.small": {"en": "Smaller partners (note the different scale)",
                       "fa": "شرکای کوچک‌تر (مقیاس متفاوت است)"},
    "partners.legend_open": {"en": "Hatched bar with arrow: a bound ('more than' or 'under'), "
                                   "not an exact value. Dashed outline: a target.",
                             "fa": "میله هاشورخورده با پیکان: کران («بیش از» یا «کمتر از»)، "
                                   "نه رقم دقیق. خط‌چین: هدف."},
    # chart: balance
    "balance.title_surplus": {"en": "Russia exports more than it imports, to the EU and to the "
                                    "world",
                              "fa": "روسیه هم با اتحادیه اروپا و هم با جهان مازاد تجاری دارد"},
    "balance.title_mixed": {"en": "Russia's trade balance with the EU and the world",
                            "fa": "تراز تجاری روسیه با اتحادیه اروپا و جهان"},
    "balance.subtitle": {"en": "Exports, imports and turnover as the text states them. {unit}",
                         "fa": "صادرات، واردات و حجم تجارت، همان‌گونه که متن می‌گوید. {unit}"},
    "balance.surplus": {"en": "Surplus {v}", "fa": "مازاد {v}"},
    "balance.deficit": {"en": "Deficit {v}", "fa": "کسری {v}"},
    "balance.discrepancy": {"en": "Exports + imports = {sum}, {gap} {direction} than the "
                                  "turnover stated ({check})",
                            "fa": "صادرات + واردات = {sum}، {gap} {direction} از حجم تجارت "
                                  "ذکرشده ({check})"},
    "balance.less": {"en": "less", "fa": "کمتر"},
    "balance.more": {"en": "more", "fa": "بیشتر"},
    "balance.group": {"en": "{partner}, {period}", "fa": "{partner}، {period}"},
    # status words
    "status.ok": {"en": "consistent", "fa": "سازگار"},
    "status.rounding": {"en": "consistent within rounding", "fa": "سازگار با گرد کردن"},
    "status.discrepancy": {"en": "a discrepancy", "fa": "ناسازگار"},
    # source notes
    "note.source": {"en": "Source: {sources}.", "fa": "منبع: {sources}."},
    "note.citing": {"en": "{outlet} ({date}), citing {agencies}",
                    "fa": "{outlet} ({date})، به نقل از {agencies}"},
    "note.plain": {"en": "{outlet} ({date})", "fa": "{outlet} ({date})"},
    "note.no_agency": {"en": "no agency named", "fa": "بدون ذکر نهاد آماری"},
    "note.and": {"en": " and ", "fa": " و "},
    "note.sep": {"en": "; ", "fa": "؛ "},
    "note.rows": {"en": "Transcribed by tradestats: {table} {ids}.",
                  "fa": "tradestats: {table} {ids}"},
}  # fmt: skip


def t(key: str, lang: str, verbatim: dict[str, str] | None = None, **values: object) -> str:
    """The text for ``key`` in ``lang``, filled with ``values``, digits localized.
    ``verbatim`` values (ids such as C01, file names) keep their Latin digits."""
    keep = verbatim or {}
    holders = {name: f"\ue000{i}\ue001" for i, name in enumerate(keep)}
    filled = to_local_digits(TEXT[key][lang].format(**values, **holders), lang)
    for name, holder in holders.items():
        filled = filled.replace(to_local_digits(holder, lang), keep[name])
    return filled


def date_words(day: dt.date, precision: str, lang: str) -> str:
    """A source's date in words: 18 Jan 2022 / ۲۸ دی ۱۴۰۰ (Iranian calendar in Persian)."""
    if precision == "year":
        return to_local_digits(str(day.year), lang)
    if precision == "month":
        return to_local_digits(f"{GREGORIAN_MONTHS[lang][day.month - 1]} {day.year}", lang)
    if lang == "fa":
        j = jdatetime.date.fromgregorian(date=day)
        return to_local_digits(f"{j.day} {jdatetime.date.j_months_fa[j.month - 1]} {j.year}", lang)
    return f"{day.day} {GREGORIAN_MONTHS['en'][day.month - 1]} {day.year}"


def period_words(start: dt.date, end: dt.date, lang: str, as_of_precision: str = "day") -> str:
    """A period as a chart category: a year, a span of Iranian months, or an as-of date."""
    if start == end:
        return t("period.as_of", lang, date=date_words(start, as_of_precision, lang))
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return t("period.year", lang, year=start.year)
    j1 = jdatetime.date.fromgregorian(date=start)
    j2 = jdatetime.date.fromgregorian(date=end)
    months = jdatetime.date.j_months_fa if lang == "fa" else jdatetime.date.j_months_en
    gmonths = GREGORIAN_MONTHS[lang]
    g1 = f"{start.day} {gmonths[start.month - 1]}"
    if start.year != end.year:
        g1 += f" {start.year}"
    g2 = f"{end.day} {gmonths[end.month - 1]} {end.year}"
    return t(
        "period.jalali_months",
        lang,
        m1=months[j1.month - 1],
        m2=months[j2.month - 1],
        year=j2.year,
        g1=g1,
        g2=g2,
    )


def value_label(value: float, qualifier: str, lang: str, decimals: int = 0) -> str:
    """A value with its qualifier mark: '> 30.0', 'بیش از ۳۰٫۰', 'target 100'."""
    return t(f"q.{qualifier}", lang, v=format_number(value, "en", decimals))
