"""Where things live: a project checkout (raw and clean data) and the installed package
(its copy of the clean tables)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tradestats.errors import TradestatsError

__all__ = [
    "ProjectPaths",
    "bundled_clean_dir",
    "default_clean_dir",
    "find_project_root",
    "usable_cores",
]

_MARKER = Path("data") / "raw" / "figures.csv"


@dataclass(frozen=True)
class ProjectPaths:
    """The layout of a tradestats checkout."""

    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def texts(self) -> Path:
        return self.raw / "texts"

    @property
    def clean(self) -> Path:
        return self.root / "data" / "clean"

    @property
    def figures_dir(self) -> Path:
        return self.root / "figures"


def find_project_root(start: Path | None = None) -> Path:
    """The nearest directory at or above ``start`` (default: the current directory) that
    holds data/raw/figures.csv."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / _MARKER).is_file():
            return candidate
    raise TradestatsError(
        f"no {_MARKER.as_posix()} in {here} or any folder above it; run this inside a "
        "tradestats checkout, or pass --root"
    )


def bundled_clean_dir() -> Path | None:
    """The clean tables shipped inside the installed package, if this install has them
    (a wheel does; an editable install from a checkout does not)."""
    candidate = Path(str(resources.files("tradestats") / "data" / "clean"))
    return candidate if (candidate / "datapackage.json").is_file() else None


def _checkout_clean_dir() -> Path | None:
    """data/clean of the checkout this module was imported from, if any."""
    candidate = Path(__file__).resolve().parents[2] / "data" / "clean"
    return candidate if (candidate / "datapackage.json").is_file() else None


def default_clean_dir() -> Path:
    """Where :func:`tradestats.load` reads from: the checkout's data/clean when running
    from a checkout, else the copy bundled in the package."""
    found = _checkout_clean_dir() or bundled_clean_dir()
    if found is None:
        raise TradestatsError(
            "no clean tables found: this install has no bundled data and is not inside a "
            "checkout; run 'tradestats build' in a checkout or pass data_dir"
        )
    return found


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, where the system tells), not
    merely the cores the machine has."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1
