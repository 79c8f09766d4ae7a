"""Shared fixtures. Tests read the real data in this checkout; tests that break things do
so in a temporary copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
CLEAN = REPO / "data" / "clean"
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def raw_sources() -> pd.DataFrame:
    return pd.read_csv(RAW / "sources.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="session")
def text_lines(raw_sources: pd.DataFrame) -> dict[str, list[str]]:
    """Each source's lines, read with nothing but the standard library."""
    return {
        row.source_id: (RAW / "texts" / row.file).read_text(encoding="utf-8").split("\n")
        for row in raw_sources.itertuples()
    }


@pytest.fixture(scope="session")
def clean() -> dict[str, pd.DataFrame]:
    """The committed clean tables, read plainly with pandas."""
    return {
        name: pd.read_csv(CLEAN / f"{name}.csv", keep_default_na=False, na_values=[""])
        for name in ("trade_flows", "figures", "sources", "checks", "calendar_checks")
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the checkout's data, to break and rebuild."""
    root = tmp_path / "project"
    shutil.copytree(RAW, root / "data" / "raw")
    shutil.copytree(CLEAN, root / "data" / "clean")
    return root


# Hypothesis keeps no example database, and its other files go under pytest's temporary
# folder, not into the checkout: tests leave no trace.
settings.register_profile("tradestats", database=None)
settings.load_profile("tradestats")


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    # before collection, where Hypothesis first writes; after pytest's temporary folder
    # is set up, so Hypothesis's files go under it
    set_hypothesis_home_dir(config._tmp_path_factory.mktemp("hypothesis"))  # type: ignore[attr-defined]
