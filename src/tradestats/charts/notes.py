"""A chart's source note, generated from the clean tables, never typed by hand: for each
group of plotted figures, the outlet and its date, the agency the text names for those
figures (or that it names none), and the figure ids."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from tradestats.charts.words import TEXT, date_words, join_words
from tradestats.views import Tables

__all__ = [
    "compact_ids",
    "note_groups",
    "outlet_name",
    "outlet_words",
    "outlets_of",
    "source_note",
]


def compact_ids(ids: Iterable[str], prefix: str = "F", sep: str = ", ") -> str:
    """F023, F024, F025, F029 -> 'F023–F025, F029' (R-ids with ``prefix`` 'R'; Persian
    with ``sep`` '، ')."""
    numbers = sorted({int(re.sub(r"\D", "", i)) for i in ids})
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return sep.join(
        f"{prefix}{a:03d}" if a == b else f"{prefix}{a:03d}–{prefix}{b:03d}" for a, b in runs
    )


def note_groups(
    tables: Tables, figure_ids: Iterable[str]
) -> list[tuple[str, str | None, list[str]]]:
    """(source id, the agency the text names or None, figure ids) for every group of the
    figures, sources in order of first appearance, each agency before 'none named'."""
    ids = sorted(set(figure_ids))
    figures = tables["figures"].set_index("figure_id").loc[ids]
    groups: dict[tuple[str, str | None], list[str]] = {}
    for fid in ids:
        named = figures.loc[fid, "reporting_agency"]
        key = (str(figures.loc[fid, "source_id"]), named if isinstance(named, str) else None)
        groups.setdefault(key, []).append(fid)
    order = list(dict.fromkeys(figures["source_id"].astype(str)))
    ranked = sorted(groups.items(), key=lambda g: (order.index(g[0][0]), g[0][1] is None))
    return [(source, named, members) for (source, named), members in ranked]


def _fill(key: str, lang: str, **values: str) -> str:
    """A note template filled as it is: dates come localized, ids stay in Latin letters
    and digits in either language."""
    return TEXT[key][lang].format(**values)


def outlet_name(tables: Tables, source_id: str, lang: str) -> str:
    """The outlet alone, not whom it reports: 'Iran Online', «ایران آنلاین»."""
    src = tables["sources"].set_index("source_id").loc[source_id]
    fallbacks = (
        [src["outlet_fa"], src["outlet"], source_id] if lang == "fa" else [src["outlet"], source_id]
    )
    outlet = next(str(f) for f in fallbacks if isinstance(f, str))
    return outlet.split(",")[0].split(" به نقل از ")[0]


def outlets_of(tables: Tables, source_ids: Iterable[object], lang: str) -> str:
    """The outlets of the texts ``source_ids`` name, in words: 'Iran Online', 'Iran
    Online and Aran News Agency'."""
    names = [outlet_name(tables, str(s), lang) for s in dict.fromkeys(source_ids)]
    return join_words(list(dict.fromkeys(names)), lang)


def outlet_words(tables: Tables, source_id: str, lang: str) -> str:
    """A text's outlet and date in words: 'Iran Online, reporting Iran Khabar (18 Jan 2022)'."""
    src = tables["sources"].set_index("source_id").loc[source_id]
    # Persian: the Persian outlet, else the outlet as written, else the source id; never
    # an English headline. English: the outlet, else the text's title.
    fallbacks = (
        [src["outlet_fa"], src["outlet"], source_id]
        if lang == "fa"
        else [src["outlet"], src["title"]]
    )
    outlet = next(str(f) for f in fallbacks if isinstance(f, str))
    date = date_words(pd.Timestamp(src["date"]).date(), str(src["date_precision"]), lang)
    return _fill("note.outlet", lang, outlet=outlet, date=date)


def source_note(tables: Tables, figure_ids: Iterable[str], lang: str) -> str:
    """'Source: Iran Online, reporting Iran Khabar (18 Jan 2022): F023–F028 citing the
    Federal Customs Service of Russia; F016 naming no agency.' and the table's name."""
    agencies = tables["agencies"].set_index("name_en")
    parts: dict[str, list[str]] = {}
    for source_id, named, ids in note_groups(tables, figure_ids):
        if named is None:
            words = _fill("note.no_agency", lang, ids=compact_ids(ids, sep=TEXT["comma"][lang]))
        else:
            agency = str(agencies.loc[named, "name_fa"]) if lang == "fa" else named
            words = _fill(
                "note.citing", lang, agency=agency, ids=compact_ids(ids, sep=TEXT["comma"][lang])
            )
        parts.setdefault(source_id, []).append(words)
    sources = [
        _fill(
            "note.group",
            lang,
            outlet=outlet_words(tables, sid, lang),
            what=TEXT["note.sep"][lang].join(p),
        )
        for sid, p in parts.items()
    ]
    flows = set(tables["trade_flows"]["figure_id"].tolist())
    table = "trade_flows.csv" if set(figure_ids) <= flows else "figures.csv"
    return _fill("note.source", lang, sources=" ".join(sources), table=table)
