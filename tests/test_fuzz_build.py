"""Fuzz the build with careless and hostile raw data: whatever a cell or a text holds,
the build either succeeds or says what is wrong (a TradestatsError that names the file),
and never fails any other way. Marked slow; CI runs it."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import RAW
from tradestats.builder.pipeline import fresh_clean_files
from tradestats.errors import TradestatsError

_TABLES = ["figures.csv", "relations.csv", "sources.csv", "excluded.csv", "calendar_mentions.csv"]
# text that looks like the data: digits, Persian and Latin letters, separators, controls
_CELL = st.text(
    alphabet=st.sampled_from(list("0123456789۰۱۲۳۴۵۶۷۸۹ ,.;-/\"'\\\n\r\t\x00abcFjsoxیکدمرن%$€")),
    max_size=20,
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(RAW, root / "raw")
    return root / "raw"


def _mutate(text: str, row: int, column: int, value: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    r = rows[1 + row % (len(rows) - 1)]
    r[column % len(r)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=st.sampled_from(_TABLES),
    row=st.integers(0, 400),
    column=st.integers(0, 20),
    value=_CELL,
)
def test_a_cell_holding_anything_gives_a_build_or_a_clear_error(
    pristine: Path,
    tmp_path_factory: pytest.TempPathFactory,
    table: str,
    row: int,
    column: int,
    value: str,
) -> None:
    raw = tmp_path_factory.mktemp("case") / "raw"
    shutil.copytree(pristine, raw)
    path = raw / table
    path.write_text(_mutate(path.read_text(encoding="utf-8"), row, column, value), "utf-8")
    try:
        fresh_clean_files(raw)
    except TradestatsError as exc:
        assert "data/raw/" in str(exc)  # it says where
