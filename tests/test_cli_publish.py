"""``tradestats plot`` and ``tradestats export`` never publish from tables that differ
from a fresh build, and read the same data as the Python API."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import tradestats
from tradestats.cli import cli

_STALE = "Error: data/clean does not match data/raw"


@pytest.fixture
def inside(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The throwaway checkout, as the current folder."""
    monkeypatch.chdir(project)
    return project


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_plot_and_export_refuse_after_a_raw_edit_without_build(inside: Path) -> None:
    workbook = inside / "data/clean/tradestats.xlsx"
    before = workbook.read_bytes()
    _edit(
        inside / "data/raw/figures.csv",
        "Accumulated over the months before July 2008.",
        "Accumulated before July 2008.",
    )
    runner = CliRunner()
    plot = runner.invoke(cli, ["plot", "--chart", "partners", "--format", "svg"])
    assert plot.exit_code == 1 and plot.output.startswith(_STALE), plot.output
    assert "figures.csv" in plot.output and "run 'tradestats build'" in plot.output
    export = runner.invoke(cli, ["export"])
    assert export.exit_code == 1 and export.output.startswith(_STALE)
    assert not (inside / "figures").exists()
    assert workbook.read_bytes() == before
    # after a build, both go ahead, and the workbook shows the edit
    assert runner.invoke(cli, ["build"]).exit_code == 0
    assert runner.invoke(cli, ["export"]).exit_code == 0
    assert workbook.read_bytes() != before


def test_plot_refuses_a_hand_edited_clean_table(inside: Path) -> None:
    _edit(inside / "data/clean/trade_flows.csv", ",1207,", ",9999,")
    result = CliRunner().invoke(cli, ["plot", "--format", "png"])
    assert result.exit_code == 1
    assert result.output.startswith(_STALE) and "trade_flows.csv" in result.output
    assert not (inside / "figures").exists()


def test_a_missing_figures_csv_is_an_error_that_names_it(inside: Path) -> None:
    workbook = inside / "data/clean/tradestats.xlsx"
    before = workbook.read_bytes()
    (inside / "data/raw/figures.csv").unlink()
    for command in (["export"], ["plot"], ["build"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 1, command
        assert "data/raw/figures.csv: file not found" in result.output, command
        assert "Traceback" not in result.output
    assert not (inside / "tradestats.xlsx").exists()  # no stray workbook
    assert workbook.read_bytes() == before


def test_the_cli_and_the_api_read_the_same_checkout(inside: Path) -> None:
    assert tradestats.data_dir() == inside / "data" / "clean"
    assert tradestats.load("trade_flows").attrs["data_dir"] == str(inside / "data" / "clean")


def test_an_unchanged_output_keeps_its_modification_time(inside: Path) -> None:
    runner = CliRunner()
    args = ["plot", "--chart", "partners", "--format", "svg"]
    assert runner.invoke(cli, args).exit_code == 0
    svg = inside / "figures" / "partners.svg"
    os.utime(svg, ns=(1_000_000_000, 1_000_000_000))
    assert runner.invoke(cli, args).exit_code == 0
    assert svg.stat().st_mtime_ns == 1_000_000_000
    assert runner.invoke(cli, ["build"]).exit_code == 0
    flows = inside / "data/clean/trade_flows.csv"
    os.utime(flows, ns=(1_000_000_000, 1_000_000_000))
    assert runner.invoke(cli, ["build"]).exit_code == 0
    assert flows.stat().st_mtime_ns == 1_000_000_000


def test_outside_a_checkout_plot_draws_the_bundled_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["plot", "--chart", "partners", "--format", "svg"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "figures" / "partners.svg").is_file()
