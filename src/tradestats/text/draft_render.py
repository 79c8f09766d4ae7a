"""Drafted rows for people and for the transcription: a table, CSV or JSON with the
evidence of each field, or rows of data/raw/figures.csv to review and append."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import jdatetime

from tradestats.contract.drafts import DRAFT_COLUMNS
from tradestats.text.draft import DraftRow

__all__ = ["figure_rows", "render_drafts"]


def render_drafts(results: list[tuple[str, str, list[DraftRow]]], fmt: str) -> str:
    """Drafted rows of (file, source id, rows) as a readable table, CSV or JSON."""

    rows = [{"file": f, "source_id": sid, **r.as_dict()} for f, sid, rs in results for r in rs]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, ["file", "source_id", *DRAFT_COLUMNS], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    lines = []
    for r in rows:
        pair = f"{r['reporter'] or '?'}→{r['partner'] or '?'} {r['flow'] or '?'}"
        period = f"{r['period_start'] or '?'}..{r['period_end'] or '?'}"
        lines.append(f"{r['file']}:{r['line']:<4} {pair:<22} {period:<24} «{r['quote']}»")
        lines.append(f"      {r['evidence']}")
    return "\n".join(lines) + "\n"


def _raw_period(start: str | None, end: str | None) -> str:
    """A drafted period in the raw notation of data/raw/figures.csv: 2019, 2019-01/2019-09,
    j1400, j1400-01/j1400-09; "unspecified" when the text does not say."""
    if not start or not end:
        return "unspecified"
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    after = last + dt.timedelta(days=1)
    if first.day == 1 and after.day == 1:
        if (first.month, last.month, first.year) == (1, 12, last.year):
            return str(first.year)
        return f"{first:%Y-%m}/{last:%Y-%m}" if first.month != last.month else f"{first:%Y-%m}"
    j_first = jdatetime.date.fromgregorian(date=first)
    j_after = jdatetime.date.fromgregorian(date=after)
    j_last = jdatetime.date.fromgregorian(date=last)
    if j_first.day == 1 and j_after.day == 1:
        if (j_first.month, j_last.month, j_first.year) == (1, 12, j_last.year):
            return f"j{j_first.year}"
        return f"j{j_first.year}-{j_first.month:02d}/j{j_last.year}-{j_last.month:02d}"
    return f"{start}/{end}"


def _draft_note(row: DraftRow) -> str:
    pair = ""
    if row.measure != "value":
        f = row.fields
        pair = f"change of {f['reporter'] or '?'}–{f['partner'] or '?'} {f['flow'] or '?'}; "
    return f"drafted by tradestats extract --rows; {pair}{row.as_dict()['evidence']}"


_CATEGORY = {
    "value": "trade",
    "growth_percent": "trade_growth",
    "change": "trade_change",
    "balance": "trade_balance",
}


def _agency_words(evidence: str) -> dict[str, str]:
    """agency_quote, and agency_line where the agency is named on an earlier line."""
    found = re.fullmatch(r"(?P<agency_quote>.+) \(named on line (?P<agency_line>\d+)\)", evidence)
    return found.groupdict() if found else {"agency_quote": evidence}


def figure_rows(
    results: list[tuple[str, str, list[DraftRow]]], agency_ids: dict[str, str], first_id: int
) -> list[dict[str, object]]:
    """Drafted rows as rows of data/raw/figures.csv, numbered from F``first_id``; fields
    a reviewer must still write (subject, and any the text does not settle) are blank.
    A change of trade (category trade_growth) carries its pair and flow where the text
    settles all three, and none of them otherwise, as the raw contract wants."""
    out: list[dict[str, object]] = []
    for number, (_file, source_id, row) in enumerate(
        ((f, sid, r) for f, sid, rs in results for r in rs), start=first_id
    ):
        agency = row.fields.get("reporting_agency")
        trade = {k: row.fields[k] or "" for k in ("reporter", "partner", "flow")}
        if row.measure != "value" and not all(trade.values()):
            trade = dict.fromkeys(trade, "")
        out.append({
            "figure_id": f"F{number:03d}", "source_id": source_id, "line": row.line,
            "quote": row.quote,
            "category": _CATEGORY[row.measure], "subject": "",
            **trade, "agency_id": agency_ids.get(agency or "", ""),
            **_agency_words(row.evidence["agency"] if agency else ""),
            "period": _raw_period(row.fields["period_start"], row.fields["period_end"]),
            "period_text": "", "unit": row.currency or "percent", "qualifier": row.qualifier,
            "nature": row.nature, "direction": row.direction or "",
            "note": _draft_note(row),
        })  # fmt: skip
    return out
