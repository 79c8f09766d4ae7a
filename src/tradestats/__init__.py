"""tradestats: Russia's foreign trade figures from five source texts, transcribed,
traced to their exact words, validated and ready for pandas.

>>> import tradestats
>>> flows = tradestats.load("trade_flows")     # doctest: +SKIP
>>> tradestats.tables()                        # doctest: +SKIP

Heavy libraries (pandas, pandera) are imported only when a function that needs them is
first used, so ``tradestats --help`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tradestats.version import __version__

# public name -> module that defines it
_API = {
    "build": "tradestats.api",
    "chart": "tradestats.api",
    "data_dir": "tradestats.api",
    "draft": "tradestats.api",
    "plot": "tradestats.api",
    "to_excel": "tradestats.api",
    "validate": "tradestats.api",
    "validate_package": "tradestats.api",
    "extract": "tradestats.text.extract",
    "load": "tradestats.loading",
    "tables": "tradestats.loading",
    "parse_number": "tradestats.text.numbers",
    "parse_quantity": "tradestats.text.numbers",
    "find_number_phrases": "tradestats.text.numbers",
    "TradestatsError": "tradestats.errors",
    "InputError": "tradestats.errors",
    "NumberPhraseError": "tradestats.errors",
}

__all__ = [
    "InputError",
    "NumberPhraseError",
    "TradestatsError",
    "__version__",
    "build",
    "chart",
    "data_dir",
    "draft",
    "extract",
    "find_number_phrases",
    "load",
    "parse_number",
    "parse_quantity",
    "plot",
    "tables",
    "to_excel",
    "validate",
    "validate_package",
]

if TYPE_CHECKING:
    from tradestats.api import (
        build,
        chart,
        data_dir,
        draft,
        plot,
        to_excel,
        validate,
        validate_package,
    )
    from tradestats.errors import InputError, NumberPhraseError, TradestatsError
    from tradestats.loading import load, tables
    from tradestats.text.extract import extract
    from tradestats.text.numbers import find_number_phrases, parse_number, parse_quantity


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'tradestats' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
