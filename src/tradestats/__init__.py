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

__version__ = "0.1.0"

# public name -> module that defines it
_API = {
    "build": "tradestats.build_pipeline",
    "to_excel": "tradestats.excel_workbook",
    "extract": "tradestats.extraction",
    "load": "tradestats.load_tables",
    "tables": "tradestats.load_tables",
    "validate": "tradestats.validation",
    "parse_number": "tradestats.number_phrases",
    "parse_quantity": "tradestats.number_phrases",
    "find_number_phrases": "tradestats.number_phrases",
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
    "extract",
    "find_number_phrases",
    "load",
    "parse_number",
    "parse_quantity",
    "tables",
    "to_excel",
    "validate",
]

if TYPE_CHECKING:
    from tradestats.build_pipeline import build
    from tradestats.errors import InputError, NumberPhraseError, TradestatsError
    from tradestats.excel_workbook import to_excel
    from tradestats.extraction import extract
    from tradestats.load_tables import load, tables
    from tradestats.number_phrases import find_number_phrases, parse_number, parse_quantity
    from tradestats.validation import validate


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'tradestats' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
