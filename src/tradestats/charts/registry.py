"""The charts ``tradestats plot`` renders: name and one-line description. Kept free of
heavy imports so that ``tradestats plot --list`` is instant; each chart lives in the
module of its name, as ``plot_<name>``."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["CHARTS", "chart_function"]

CHARTS: dict[str, str] = {
    "iran_russia_trade": "Iran–Russia trade by period and direction, 2017 to the first half "
    "of 1400",
    "iran_exports_growth": "Iran's exports to Russia, 2019 to 2020, with the stated growth "
    "rate checked",
    "partners": "Russia's turnover with the EU, China, Türkiye, Azerbaijan and Iran, bounds "
    "and targets marked",
    "russia_balance": "Russia's exports against imports with the EU (2018) and the world "
    "(2019), discrepancy marked",
}


def chart_function(name: str) -> Callable[..., Any]:
    """The ``plot_<name>`` function of a chart."""
    module = importlib.import_module(f"tradestats.charts.{name}")
    return getattr(module, f"plot_{name}")  # type: ignore[no-any-return]
