"""Recompute every arithmetic relation the texts state or imply (declared in
data/raw/relations.csv) and grade it: ``ok`` (exact), ``rounding`` (holds once the
rounding of the figures as stated is allowed for), or ``discrepancy`` (a finding about the
source, reported and kept, never "fixed").

Rounding is handled with interval arithmetic: a figure stated as 392.2 million stands for
anything in [392.15, 392.25] million, one stated as «یک میلیارد و 707 میلیون» for
[1706.5, 1707.5] million. A relation holds within rounding when the interval the operands
allow meets the interval of the stated target.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from tradestats.builder.raw import RawData, records
from tradestats.contract.models import CLEAN_TABLES
from tradestats.errors import Problem

__all__ = ["Interval", "checks_table", "grade"]

_EXACT = 1e-9


@dataclass(frozen=True)
class Interval:
    """A stated value and the interval its rounding allows."""

    value: float
    low: float
    high: float

    @classmethod
    def stated(cls, value: float, resolution: float) -> Interval:
        half = resolution / 2
        return cls(value, value - half, value + half)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.value + other.value, self.low + other.low, self.high + other.high)


def _ratio_percent(num: Interval, den: Interval, minus_one: bool) -> Interval:
    shift = 1.0 if minus_one else 0.0
    return Interval(
        (num.value / den.value - shift) * 100,
        (num.low / den.high - shift) * 100,
        (num.high / den.low - shift) * 100,
    )


def _interval(figure: Mapping[str, Any]) -> Interval:
    return Interval.stated(float(str(figure["value"])), float(str(figure["resolution"])))


def grade(expected: Interval, found: Interval) -> str:
    """ok / rounding / discrepancy for a found value against an expectation."""
    if abs(found.value - expected.value) <= _EXACT * max(1.0, abs(found.value)):
        return "ok"
    if found.low <= expected.high and expected.low <= found.high:
        return "rounding"
    return "discrepancy"


_OPERANDS = {"growth": 2, "share": 2, "equal": 1}  # operands a relation takes, where fixed


def _operand_problem(
    kind: str, target: dict[str, Any], operands: list[dict[str, Any]]
) -> tuple[str, str] | None:
    """(column, message) if the operands cannot be checked against the target."""
    needed = _OPERANDS.get(kind)
    if needed is not None and len(operands) != needed:
        return "operand_ids", f"a {kind} check takes {needed} operand(s), found {len(operands)}"
    if kind in {"sum", "equal", "upper_bound"}:
        units = {str(o["unit"]) for o in operands}
        if units != {str(target["unit"])}:
            return "operand_ids", (
                f"operands in {sorted(units)} cannot be compared "
                f"with a target in {target['unit']!r}"
            )
    elif target["unit"] != "percent":
        return "target_id", f"a {kind} check needs a target in percent"
    return None


def _expected(kind: str, vals: list[Interval]) -> Interval:
    """What the operands imply for the target (for upper_bound: the largest operand)."""
    if kind == "sum":
        expected = vals[0]
        for v in vals[1:]:
            expected = expected + v
        return expected
    if kind == "equal":
        return vals[0]
    if kind == "growth":
        return _ratio_percent(vals[1], vals[0], minus_one=True)
    if kind == "share":
        return _ratio_percent(vals[0], vals[1], minus_one=False)
    top = max(v.value for v in vals)
    return Interval(top, top, top)


def _evidence(kind: str, figures: list[dict[str, Any]]) -> str:
    """same_period when every figure covers one period; like_periods when a growth rate or
    a record compares periods of one length, as it must; else mixed_periods."""
    if any(f["period_kind"] == "undated" for f in figures):
        return "mixed_periods"
    if all(f["period_kind"] == "as_of" for f in figures):
        same = len({f["as_of"] for f in figures}) == 1  # as of one and the same date
        return "same_period" if same else "mixed_periods"
    periods = {(f["period_start"], f["period_end"]) for f in figures}
    if any(pd.isna(start) for start, _end in periods):
        return "mixed_periods"
    if len(periods) == 1:
        return "same_period"
    lengths = {(end - start).days // 28 for start, end in periods}  # in months, roughly
    if kind in {"growth", "upper_bound"} and len(lengths) == 1 and 0 not in lengths:
        return "like_periods"
    return "mixed_periods"


def _check_row(
    rel: dict[str, Any], target: dict[str, Any], operands: list[dict[str, Any]]
) -> dict[str, Any]:
    kind = str(rel["kind"])
    found = _interval(target)
    expected = _expected(kind, [_interval(o) for o in operands])
    if kind == "upper_bound":  # every operand must lie below the target
        status = "ok" if expected.value < found.value else "discrepancy"
    else:
        status = grade(expected, found)
    return {
        "check_id": rel["check_id"],
        "kind": kind,
        "description": rel["description"],
        "target_id": rel["target_id"],
        "operand_ids": rel["operand_ids"],
        "unit": target["unit"],
        "expected": expected.value,
        "expected_low": expected.low,
        "expected_high": expected.high,
        "found": found.value,
        "difference": found.value - expected.value,
        "status": status,
        "evidence": _evidence(kind, [target, *operands]),
        "source_id": target["source_id"],
        "line": target["line"],
    }


def checks_table(raw: RawData, figures: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """checks.csv: one row per declared relation, recomputed from the clean figures."""
    label = raw.label("relations")
    columns = [
        "unit",
        "value",
        "resolution",
        "source_id",
        "line",
        "period_start",
        "period_end",
        "period_kind",
        "as_of",
    ]
    by_id = {
        str(fid): dict(zip(columns, values, strict=True))
        for fid, *values in zip(
            figures["figure_id"].tolist(), *(figures[c].tolist() for c in columns), strict=True
        )
    }
    problems: list[Problem] = []
    rows = []
    for file_line, rel in records(raw.tables["relations"]):
        line = int(str(file_line))
        ids = str(rel["operand_ids"]).split(";")
        missing = [i for i in [rel["target_id"], *ids] if i not in by_id]
        if missing:
            message = f"unknown figure id(s) {', '.join(missing)}"
            problems.append(Problem(label, line, "operand_ids", message))
            continue
        target, operands = by_id[str(rel["target_id"])], [by_id[i] for i in ids]
        issue = _operand_problem(str(rel["kind"]), target, operands)
        if issue is not None:
            problems.append(Problem(label, line, *issue))
            continue
        rows.append(_check_row(rel, target, operands))
    table_columns = list(CLEAN_TABLES["checks"].model.to_schema().columns)
    return pd.DataFrame(rows, columns=table_columns), problems
