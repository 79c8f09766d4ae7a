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

from tradestats.errors import Problem
from tradestats.raw_tables import RawData, records
from tradestats.schemas import CLEAN_TABLES

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


def checks_table(raw: RawData, figures: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """checks.csv: one row per declared relation, recomputed from the clean figures."""
    label = raw.label("relations")
    columns = ["unit", "value", "resolution", "source_id", "line"]
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
        kind = str(rel["kind"])
        ids = str(rel["operand_ids"]).split(";")
        missing = [i for i in [rel["target_id"], *ids] if i not in by_id]
        if missing:
            problems.append(
                Problem(label, line, "operand_ids", f"unknown figure id(s) {', '.join(missing)}")
            )
            continue
        target = by_id[str(rel["target_id"])]
        operands = [by_id[i] for i in ids]
        needed = {"growth": 2, "share": 2, "equal": 1}.get(kind)
        if needed is not None and len(ids) != needed:
            problems.append(
                Problem(
                    label,
                    line,
                    "operand_ids",
                    f"a {kind} check takes {needed} operand(s), found {len(ids)}",
                )
            )
            continue
        if kind in {"sum", "equal", "upper_bound"}:
            units = {str(o["unit"]) for o in operands}
            if units != {str(target["unit"])}:
                problems.append(
                    Problem(
                        label,
                        line,
                        "operand_ids",
                        f"operands in {sorted(units)} cannot be compared "
                        f"with a target in {target['unit']!r}",
                    )
                )
                continue
        elif target["unit"] != "percent":
            problems.append(
                Problem(label, line, "target_id", f"a {kind} check needs a target in percent")
            )
            continue
        found = _interval(target)
        vals = [_interval(o) for o in operands]
        if kind == "sum":
            expected = vals[0]
            for v in vals[1:]:
                expected = expected + v
        elif kind == "equal":
            expected = vals[0]
        elif kind == "growth":
            expected = _ratio_percent(vals[1], vals[0], minus_one=True)
        elif kind == "share":
            expected = _ratio_percent(vals[0], vals[1], minus_one=False)
        else:  # upper_bound: every operand must lie below the target
            top = max(v.value for v in vals)
            expected = Interval(top, top, top)
        status = (
            ("ok" if top < found.value else "discrepancy")
            if kind == "upper_bound"
            else grade(expected, found)
        )
        rows.append(
            {
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
                "source_id": target["source_id"],
                "line": target["line"],
            }
        )
    columns = list(CLEAN_TABLES["checks"].model.to_schema().columns)
    return pd.DataFrame(rows, columns=columns), problems
