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

# module -> the public names it defines
_MODULES = {
    "tradestats.api": (
        "build", "chart", "data_dir", "draft", "plot", "to_excel", "validate", "validate_package"
    ),
    "tradestats.text.extract": ("extract",),
    "tradestats.loading": ("load", "tables"),
    "tradestats.text.numbers": ("parse_number", "parse_quantity", "find_number_phrases"),
    "tradestats.errors": ("TradestatsError", "InputError", "NumberPhraseError"),
}  # fmt: skip
_API = {name: module for module, names in _MODULES.items() for name in names}

# written out, as linters and type checkers read it
__all__ = [
    "InputError", "NumberPhraseError", "TradestatsError", "__version__", "build", "chart",
    "data_dir", "draft", "extract", "find_number_phrases", "load", "parse_number",
    "parse_quantity", "plot", "tables", "to_excel", "validate", "validate_package",
]  # fmt: skip

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
