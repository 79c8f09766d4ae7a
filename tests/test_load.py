"""tradestats.load and the plain-pandas route to the same data."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

import tradestats
from conftest import CLEAN, REPO
from tradestats.errors import InputError, TradestatsError


def test_tables_lists_every_clean_table() -> None:
    assert tradestats.tables() == [
        "trade_flows",
        "figures",
        "sources",
        "checks",
        "calendar_checks",
        "economies",
        "agencies",
        "reference_flows",
        "reconciliation",
    ]


@pytest.mark.parametrize("name", tradestats.tables())
def test_every_table_loads_with_proper_dtypes(name: str) -> None:
    df = tradestats.load(name)
    assert len(df) > 0
    plain = pd.read_csv(CLEAN / f"{name}.csv")
    assert list(df.columns) == list(plain.columns)
    assert len(df) == len(plain)


def test_trade_flows_dtypes() -> None:
    df = tradestats.load("trade_flows")
    assert df["period_start"].dtype == "datetime64[ns]"
    assert df["value_usd_m"].dtype == "float64"
    assert df["line"].dtype == "int64"
    assert isinstance(df["flow"].dtype, pd.CategoricalDtype)
    assert list(df["flow"].cat.categories) == ["exports", "imports", "turnover", "balance"]
    assert isinstance(df["reporter"].dtype, pd.CategoricalDtype)
    row = df.set_index("figure_id").loc["F037"]
    assert row["period_end"] == pd.Timestamp("2021-09-22")


def test_plain_read_csv_needs_no_options() -> None:
    df = pd.read_csv(CLEAN / "trade_flows.csv", parse_dates=["period_start", "period_end"])
    assert "Unnamed: 0" not in df.columns
    assert df["period_start"].dtype.kind == "M"
    assert df.loc[df["figure_id"] == "F019", "value_usd_m"].item() == 688115


def test_unknown_table_is_a_clear_error() -> None:
    with pytest.raises(TradestatsError, match="unknown table 'flows'"):
        tradestats.load("flows")


def test_load_validates(tmp_path: Path) -> None:
    bad = tmp_path / "trade_flows.csv"
    bad.write_text(
        (CLEAN / "trade_flows.csv")
        .read_text(encoding="utf-8")
        .replace(",2018-12-31,", ",2017-12-31,", 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="period_end is before period_start"):
        tradestats.load("trade_flows", data_dir=tmp_path, verify=False)


def test_the_wheel_ships_the_committed_clean_tables(tmp_path: Path) -> None:
    """One source of truth: the wheel's data/clean is byte for byte the repository's."""
    from hatchling.builders.wheel import WheelBuilder

    wheel = Path(
        next(WheelBuilder(str(REPO)).build(directory=str(tmp_path), versions=["standard"]))
    )
    with zipfile.ZipFile(wheel) as zf:
        shipped = {
            Path(n).name: zf.read(n)
            for n in zf.namelist()
            if n.startswith("tradestats/data/clean/")
        }
    committed = {p.name: p.read_bytes() for p in CLEAN.iterdir() if p.is_file()}
    assert shipped == committed


def test_load_reads_the_bundled_copy_when_installed_from_a_wheel(tmp_path: Path) -> None:
    """Outside a checkout, the installed package finds its own copy."""
    import subprocess
    import sys

    from hatchling.builders.wheel import WheelBuilder

    wheel = Path(
        next(WheelBuilder(str(REPO)).build(directory=str(tmp_path / "dist"), versions=["standard"]))
    )
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    code = (
        "import tradestats; "
        "print(tradestats.data_dir()); print(len(tradestats.load('trade_flows')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site)},
    ).stdout
    where, rows = out.split()
    assert where.startswith(str(site))
    assert rows == "22"


@pytest.mark.parametrize("name", tradestats.tables())
def test_load_without_validation_gives_the_same_dtypes_and_values(name: str) -> None:
    checked = tradestats.load(name)
    fast = tradestats.load(name, validate=False)
    assert checked.dtypes.to_dict() == fast.dtypes.to_dict()
    pd.testing.assert_frame_equal(checked, fast)


def test_dtypes_are_exact() -> None:
    df = tradestats.load("trade_flows", validate=False)
    assert df["figure_id"].dtype == pd.StringDtype(na_value=float("nan"))
    assert df["period_end"].dtype == "datetime64[ns]"
    assert df["value_usd_m"].dtype == "float64"
    assert df["line"].dtype == "int64"
    assert df["qualifier"].dtype == pd.CategoricalDtype(
        ["exact", "about", "almost", "more_than", "less_than", "target", "up_to"]
    )
    every_economy = pd.CategoricalDtype(["AZE", "CHN", "EUU", "IRN", "RUS", "TUR", "WLD"])
    assert df["partner"].dtype == every_economy  # TÜR is a partner of no trade_flows row
    assert df["reporting_agency"].isna().sum() == 7


def test_load_says_which_data_it_read(tmp_path: Path) -> None:
    assert tradestats.load("sources").attrs["data_dir"] == str(CLEAN)
    copy = tmp_path / "clean"
    copy.mkdir()
    for name in ("sources.csv", "datapackage.json"):
        (copy / name).write_bytes((CLEAN / name).read_bytes())
    assert tradestats.load("sources", data_dir=copy).attrs["data_dir"] == str(copy)


def test_data_dir_is_the_checkout_inside_one_and_the_bundled_copy_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO / "data" / "raw" / "texts")
    assert tradestats.data_dir() == CLEAN
    other = tmp_path / "other" / "data" / "raw"
    other.mkdir(parents=True)
    monkeypatch.chdir(other.parent)
    assert tradestats.data_dir() == tmp_path / "other" / "data" / "clean"


def test_an_economy_has_one_dtype_in_every_table_and_merges_keep_it() -> None:
    every_economy = pd.CategoricalDtype(["AZE", "CHN", "EUU", "IRN", "RUS", "TUR", "WLD"])
    columns = {
        "trade_flows": ["reporter", "partner", "exporter", "importer"],
        "figures": ["reporter", "partner"],
        "reference_flows": ["side", "partner", "reporter", "exporter", "importer"],
        "reconciliation": ["reporter", "partner", "reference_reporter"],
        "agencies": ["economy"],
        "economies": ["code"],
    }
    for table, names in columns.items():
        df = tradestats.load(table)
        for name in names:
            assert df[name].dtype == every_economy, (table, name)
    flows = tradestats.load("trade_flows")
    rec = tradestats.load("reconciliation")
    merged = flows.merge(rec, on=["figure_id", "reporter", "partner"], suffixes=("", "_rec"))
    assert merged["reporter"].dtype == every_economy  # not object: the categories agree
    assert len(merged) == len(rec) == 12


def test_load_refuses_a_table_edited_since_the_build(project: Path) -> None:
    """The hand edit of issue 24: 1,740 in the raw data, 1,750 in the clean table."""
    clean = project / "data" / "clean"
    flows = clean / "trade_flows.csv"
    text = flows.read_text(encoding="utf-8")
    assert text.count(",1740,") == 1
    flows.write_text(text.replace(",1740,", ",1750,"), encoding="utf-8")
    with pytest.raises(TradestatsError, match=r"table 'trade_flows' .*edited since the build"):
        tradestats.load("trade_flows", data_dir=clean)
    edited = tradestats.load("trade_flows", data_dir=clean, verify=False)
    assert edited.loc[edited["figure_id"] == "F023", "value_usd_m"].item() == 1750
    # the other tables, untouched, still load
    assert len(tradestats.load("figures", data_dir=clean)) == len(tradestats.load("figures"))


def test_load_names_the_table_when_no_record_is_found(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_bytes((CLEAN / "sources.csv").read_bytes())
    with pytest.raises(
        TradestatsError, match=r"table 'sources' .*\(datapackage.json: file not found\)"
    ):
        tradestats.load("sources", data_dir=tmp_path)
