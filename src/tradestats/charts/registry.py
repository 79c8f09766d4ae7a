"""The charts ``tradestats plot`` renders, by name, with a one-line description. Kept
free of heavy imports so that ``tradestats --help`` is instant; each chart lives in the
module of its name, as ``plot_<name>`` (the figure) and ``info`` (its title, alt text
and plotted rows)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["CHARTS", "chart_function", "chart_info"]

CHARTS: dict[str, str] = {
    "iran_russia_trade": "Iran–Russia trade by year, direction and reporting agency",
    "iran_exports_growth": "Iran's exports to Russia by year, with the stated growth rate checked",
    "partners": "Russia's trade with its partners in one year, other dates apart",
    "russia_balance": "Russia's exports against imports, by partner and period",
    "iran_russia_references": "Iran–Russia trade by year as other published sources reported it",
}


def chart_function(name: str) -> Callable[..., Any]:
    """The ``plot_<name>`` function of a chart."""
    module = importlib.import_module(f"tradestats.charts.{name}")
    return getattr(module, f"plot_{name}")  # type: ignore[no-any-return]


def chart_info(name: str) -> Callable[..., Any]:
    """The ``info`` function of a chart: what it says, written from the data."""
    module = importlib.import_module(f"tradestats.charts.{name}")
    return module.info  # type: ignore[no-any-return]
