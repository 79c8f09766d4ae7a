"""A chart's source note, generated from the clean tables: which texts, which agencies,
which rows. Never typed by hand."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from tradestats.charts.words import TEXT, date_words, t

__all__ = ["compact_ids", "source_note"]


def compact_ids(ids: Iterable[str]) -> str:
    """F023, F024, F025, F029 -> 'F023–F025, F029'."""
    numbers = sorted({int(re.sub(r"\D", "", i)) for i in ids})
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return ", ".join(f"F{a:03d}" if a == b else f"F{a:03d}–F{b:03d}" for a, b in runs)


def source_note(tables: dict[str, pd.DataFrame], figure_ids: Iterable[str], lang: str) -> str:
    """'Source: Iran Online, reporting Iran Khabar (18 Jan 2022), citing the Federal Customs
    Service of Russia. Transcribed by tradestats: trade_flows.csv F023–F028.'"""
    ids = sorted(set(figure_ids))
    figures = tables["figures"].set_index("figure_id").loc[ids]
    flows = tables["trade_flows"].set_index("figure_id")
    sources = tables["sources"].set_index("source_id")
    agencies = tables["agencies"].set_index("name_en")
    parts = []
    for source_id in dict.fromkeys(figures["source_id"]):
        src = sources.loc[source_id]
        outlet = src["outlet_fa"] if lang == "fa" else src["outlet"]
        if not isinstance(outlet, str):
            outlet = str(src["title"])
        date = date_words(pd.Timestamp(src["date"]).date(), str(src["date_precision"]), lang)
        used = [i for i in ids if figures.loc[i, "source_id"] == source_id]
        names = [
            str(flows.loc[i, "reporting_agency"])
            for i in used
            if i in flows.index and isinstance(flows.loc[i, "reporting_agency"], str)
        ]
        names = list(dict.fromkeys(names))
        if names:
            local = [str(agencies.loc[n, "name_fa"]) if lang == "fa" else n for n in names]
            parts.append(
                t(
                    "note.citing",
                    lang,
                    outlet=outlet,
                    date=date,
                    agencies=t("note.and", lang).join(local),
                )
            )
        else:
            parts.append(t("note.plain", lang, outlet=outlet, date=date))
    table = "trade_flows.csv" if all(i in flows.index for i in ids) else "figures.csv"
    # Ids and file names stay in Latin letters and digits in either language.
    rows = TEXT["note.rows"][lang].format(table=table, ids=compact_ids(ids))
    return t("note.source", lang, sources=t("note.sep", lang).join(parts)) + "\n" + rows
