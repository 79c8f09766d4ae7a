"""Every word a chart shows, in English and Persian. Numbers are never here: charts fill
the templates with values read from the clean tables, and every title is written from
the rows it is drawn over (past tense for past data, the period in the words, a source's
claim put in the source's mouth)."""

from __future__ import annotations

import datetime as dt

import jdatetime

from tradestats.charts.style import format_number, to_local_digits

__all__ = ["TEXT", "date_words", "join_words", "period_words", "t", "value_label"]

GREGORIAN_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fa": [
        "ژانویه",
        "فوریه",
        "مارس",
        "آوریل",
        "مه",
        "ژوئن",
        "ژوئیه",
        "اوت",
        "سپتامبر",
        "اکتبر",
        "نوامبر",
        "دسامبر",
    ],
}

TEXT: dict[str, dict[str, str]] = {
    # units
    "unit.usd_m": {"en": "Millions of US dollars", "fa": "میلیون دلار آمریکا"},
    "unit.usd_bn": {"en": "Billions of US dollars", "fa": "میلیارد دلار آمریکا"},
    # flows
    "flow.exports_to": {
        "en": "{exporter}'s exports to {importer}",
        "fa": "صادرات {exporter} به {importer}",
    },
    "flow.turnover": {"en": "Turnover (exports + imports)", "fa": "حجم تجارت (صادرات + واردات)"},
    "flow.exports": {"en": "Exports", "fa": "صادرات"},
    "flow.imports": {"en": "Imports", "fa": "واردات"},
    "flow.turnover_short": {"en": "Turnover", "fa": "حجم تجارت"},
    # qualifiers on value labels
    "q.more_than": {"en": "more than {v}", "fa": "بیش از {v}"},
    "q.less_than": {"en": "under {v}", "fa": "کمتر از {v}"},
    "q.about": {"en": "about {v}", "fa": "حدود {v}"},
    "q.target": {"en": "target {v}", "fa": "هدف: {v}"},
    "q.exact": {"en": "{v}", "fa": "{v}"},
    "not_stated": {"en": "not stated", "fa": "ذکر نشده"},
    "and": {"en": " and ", "fa": " و "},
    "comma": {"en": ", ", "fa": "، "},
    # periods
    "period.year": {"en": "{year}", "fa": "{year}"},
    "period.years": {"en": "{first}–{last}", "fa": "{first} تا {last}"},
    "period.jalali_months": {
        "en": "{m1}–{m2} {year}\n({g1} to\n{g2})",
        "fa": "{m1} تا {m2} {year}\n({g1} تا\n{g2})",
    },
    "period.jalali_year": {
        "en": "Iranian year {year}\n({g1} to\n{g2})",
        "fa": "سال {year}\n({g1} تا\n{g2})",
    },
    "period.months": {"en": "{m1}–{m2} {year}", "fa": "{m1} تا {m2} {year}"},
    "period.days": {"en": "{d1} to {d2}", "fa": "{d1} تا {d2}"},
    "period.as_of": {"en": "as of {date}", "fa": "تا {date}"},
    # chart: Iran–Russia trade
    "iran_russia.title": {
        "en": "Russia–Iran trade was {amounts}",
        "fa": "حجم تجارت روسیه و ایران {amounts} بود",
    },
    "iran_russia.amount": {"en": "${v} billion in {years}", "fa": "{v} میلیارد دلار در {years}"},
    "iran_russia.title_plain": {
        "en": "Russia–Iran trade, {period}, as the texts give it",
        "fa": "تجارت روسیه و ایران، {period}، به روایت متن‌ها",
    },
    "iran_russia.subtitle": {
        "en": "Each flow by reporter and period, {period}. {unit}",
        "fa": "هر جریان به تفکیک گزارش‌دهنده و دوره، {period}. {unit}",
    },
    "iran_russia.claim": {
        "en": "{outlet} says trade 'has always been under' {v}",
        "fa": "به گفته {outlet} تجارت «همیشه زیر» {v} بوده است",
    },
    "iran_russia.full_years": {"en": "full years", "fa": "سال کامل"},
    "iran_russia.months": {"en": "{n} months only", "fa": "فقط {n} ماه"},
    "iran_russia.no_agency": {
        "en": "no agency named\n({reporter}'s side)",
        "fa": "بدون ذکر نهاد آماری\n(از سوی {reporter})",
    },
    "iran_russia.alt": {
        "en": "Bar chart of trade between Russia and Iran, {period}, in millions of US "
        "dollars, by reporter and period: {items}. The texts give no value for the "
        "periods marked not stated.",
        "fa": "نمودار میله‌ای تجارت روسیه و ایران، {period}، به میلیون دلار آمریکا، به تفکیک "
        "گزارش‌دهنده و دوره: {items}. متن‌ها برای دوره‌های «ذکر نشده» رقمی نمی‌دهند.",
    },
    # chart: Iran's exports to Russia
    "growth.title_doubled": {
        "en": "Iran's exports to Russia more than doubled in {year}{after}",
        "fa": "صادرات ایران به روسیه در {year} بیش از دو برابر شد{after}",
    },
    "growth.title_rose": {
        "en": "Iran's exports to Russia rose {pct}% in {year}{after}",
        "fa": "صادرات ایران به روسیه در {year}، {pct} درصد رشد کرد{after}",
    },
    "growth.title_fell": {
        "en": "Iran's exports to Russia fell {pct}% in {year}{after}",
        "fa": "صادرات ایران به روسیه در {year}، {pct} درصد کاهش یافت{after}",
    },
    "growth.after_fall": {"en": ", after falling in {year}", "fa": "، پس از کاهش در {year}"},
    "growth.after_rise": {"en": ", after rising in {year}", "fa": "، پس از افزایش در {year}"},
    "growth.arrow": {"en": "+{computed}%", "fa": "رشد {computed} درصدی"},
    "growth.arrow_down": {"en": "−{computed}%", "fa": "کاهش {computed} درصدی"},
    "growth.stated": {
        "en": "The text says about {stated}%; its two values give {computed}% ({status}).",
        "fa": "متن رشد را حدود {stated} درصد می‌گوید؛ دو رقم آن {computed} درصد می‌دهند ({status}).",
    },
    "growth.subtitle": {
        "en": "Iran's exports to Russia, {period}, by {agency}. {unit}",
        "fa": "صادرات ایران به روسیه، {period}، به گزارش {agency}. {unit}",
    },
    "growth.alt": {
        "en": "Bar chart of Iran's exports to Russia in millions of US dollars, "
        "by {agency}: {items}. The text's growth rate for {year} is checked "
        "against its two values: {status}.",
        "fa": "نمودار میله‌ای صادرات ایران به روسیه به میلیون دلار آمریکا، به "
        "گزارش {agency}: {items}. نرخ رشد متن برای {year} با دو رقم آن "
        "سنجیده شده است: {status}.",
    },
    # chart: partners
    "partners.title": {
        "en": "In {period}, Russia's trade with {top} was {ratio} times its trade with {bottom}",
        "fa": "در {period} تجارت روسیه با {top} {ratio} برابر تجارتش با {bottom} بود",
    },
    "partners.subtitle": {
        "en": "Russia's trade turnover with each partner in {period}, by {agency}. {unit}",
        "fa": "حجم تجارت روسیه با هر شریک در {period}، به گزارش {agency}. {unit}",
    },
    "partners.main": {
        "en": "{period}, as reported by {agency}",
        "fa": "{period}، به گزارش {agency}",
    },
    "partners.other": {
        "en": "Other dates: not comparable with {period}",
        "fa": "تاریخ‌های دیگر: قابل مقایسه با {period} نیست",
    },
    "partners.alt": {
        "en": "Bar chart of Russia's trade turnover in {period} in billions of "
        "US dollars: {items}. Below, on their own dates: {others}.",
        "fa": "نمودار میله‌ای حجم تجارت روسیه در {period} به میلیارد دلار "
        "آمریکا: {items}. پایین‌تر، با تاریخ خودشان: {others}.",
    },
    # chart: balance
    "balance.title_surplus": {
        "en": "Russia exported more than it imported: {groups}",
        "fa": "صادرات روسیه از وارداتش بیشتر بود: {groups}",
    },
    "balance.title_mixed": {
        "en": "Russia's exports and imports: {groups}",
        "fa": "صادرات و واردات روسیه: {groups}",
    },
    "balance.with": {"en": "with {partner} in {period}", "fa": "با {partner} در {period}"},
    "balance.subtitle": {
        "en": "Exports, imports and turnover as the texts state them. {unit}",
        "fa": "صادرات، واردات و حجم تجارت، همان‌گونه که متن‌ها می‌گویند. {unit}",
    },
    "balance.surplus": {"en": "Surplus {v}", "fa": "مازاد {v}"},
    "balance.deficit": {"en": "Deficit {v}", "fa": "کسری {v}"},
    "balance.discrepancy": {
        "en": "Exports + imports = {sum}, {gap} {direction} than the "
        "turnover the text states ({check})",
        "fa": "صادرات + واردات = {sum}، {gap} {direction} از حجم تجارتی که متن می‌گوید ({check})",
    },
    "balance.less": {"en": "less", "fa": "کمتر"},
    "balance.more": {"en": "more", "fa": "بیشتر"},
    "balance.group": {"en": "{partner}, {period}", "fa": "{partner}، {period}"},
    "balance.alt": {
        "en": "Bar chart of Russia's exports, imports and turnover in billions of "
        "US dollars: {items}.",
        "fa": "نمودار میله‌ای صادرات، واردات و حجم تجارت روسیه به میلیارد دلار آمریکا: {items}.",
    },
    # status words
    "status.ok": {"en": "consistent", "fa": "سازگار"},
    "status.rounding": {"en": "consistent within rounding", "fa": "سازگار با گرد کردن"},
    "status.discrepancy": {"en": "a discrepancy", "fa": "ناسازگار"},
    # source notes (filled as they are: ids stay in Latin letters and digits)
    "note.source": {
        "en": "Source: {sources} Transcribed by tradestats: {table}.",
        "fa": "منبع: {sources} برگرفته در tradestats: {table}",
    },
    "note.group": {"en": "{outlet}: {what}.", "fa": "{outlet}: {what}."},
    "note.outlet": {"en": "{outlet} ({date})", "fa": "{outlet} ({date})"},
    "note.citing": {"en": "{ids} citing {agency}", "fa": "{ids} به نقل از {agency}"},
    "note.no_agency": {"en": "{ids} naming no agency", "fa": "{ids} بدون ذکر نهاد آماری"},
    "note.sep": {"en": "; ", "fa": "؛ "},
}


def t(key: str, lang: str, verbatim: dict[str, str] | None = None, **values: object) -> str:
    """The text for ``key`` in ``lang``, filled with ``values``, digits localized.
    ``verbatim`` values (ids such as C01, file names) keep their Latin digits."""
    keep = verbatim or {}
    holders = {name: f"\ue000{i}\ue001" for i, name in enumerate(keep)}
    filled = to_local_digits(TEXT[key][lang].format(**values, **holders), lang)
    for name, holder in holders.items():
        filled = filled.replace(to_local_digits(holder, lang), keep[name])
    return filled


def join_words(items: list[str], lang: str) -> str:
    """'a', 'a and b', 'a, b and c' (Persian: «و» and «،»)."""
    if len(items) <= 1:
        return "".join(items)
    return TEXT["comma"][lang].join(items[:-1]) + TEXT["and"][lang] + items[-1]


def date_words(day: dt.date, precision: str, lang: str) -> str:
    """A date in words: 18 Jan 2022 / ۲۸ دی ۱۴۰۰ (Iranian calendar in Persian)."""
    if precision == "year":
        return to_local_digits(str(day.year), lang)
    if precision == "month":
        return to_local_digits(f"{GREGORIAN_MONTHS[lang][day.month - 1]} {day.year}", lang)
    if lang == "fa":
        j = jdatetime.date.fromgregorian(date=day)
        return to_local_digits(f"{j.day} {jdatetime.date.j_months_fa[j.month - 1]} {j.year}", lang)
    return f"{day.day} {GREGORIAN_MONTHS['en'][day.month - 1]} {day.year}"


def _month_bounds(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and (end + dt.timedelta(days=1)).day == 1


def _jalali_month_bounds(start: dt.date, end: dt.date) -> bool:
    j1 = jdatetime.date.fromgregorian(date=start)
    j2 = jdatetime.date.fromgregorian(date=end + dt.timedelta(days=1))
    return j1.day == 1 and j2.day == 1


def period_words(start: dt.date, end: dt.date, lang: str, as_of_precision: str = "day") -> str:
    """A period as a chart category: a year, a span of Gregorian months, a span of
    Iranian months (with its Gregorian dates), other days, or an as-of date."""
    if start == end:
        return t("period.as_of", lang, date=date_words(start, as_of_precision, lang))
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return t("period.year", lang, year=start.year)
    gmonths = GREGORIAN_MONTHS[lang]
    if _month_bounds(start, end) and start.year == end.year:
        return t(
            "period.months",
            lang,
            m1=gmonths[start.month - 1],
            m2=gmonths[end.month - 1],
            year=end.year,
        )
    if not _jalali_month_bounds(start, end):
        d1, d2 = date_words(start, "day", lang), date_words(end, "day", lang)
        return t("period.days", lang, d1=d1, d2=d2)
    j1, j2 = jdatetime.date.fromgregorian(date=start), jdatetime.date.fromgregorian(date=end)
    months = jdatetime.date.j_months_fa if lang == "fa" else jdatetime.date.j_months_en
    g1 = f"{start.day} {gmonths[start.month - 1]}" + (
        f" {start.year}" if start.year != end.year else ""
    )
    g2 = f"{end.day} {gmonths[end.month - 1]} {end.year}"
    if (j1.month, j2.month) == (1, 12) and j1.year == j2.year:
        return t("period.jalali_year", lang, year=j1.year, g1=g1, g2=g2)
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
    """A value with its qualifier in words: 'more than 30.0', 'بیش از ۳۰٫۰', 'target 100'."""
    return t(f"q.{qualifier}", lang, v=format_number(value, lang, decimals))
