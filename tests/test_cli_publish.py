"""``tradestats plot`` and ``tradestats export`` never publish from tables that differ
from a fresh build, and read the same data as the Python API."""

from __future__ import annotations

import hashlib
import json
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


def test_plot_and_export_refuse_an_edited_text_and_an_unlisted_raw_file(inside: Path) -> None:
    text = next((inside / "data/raw/texts").glob("004_*.txt"))
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export"])
    assert result.exit_code == 1 and result.output.startswith(_STALE)
    assert f"data/raw/texts/{text.name}: edited" in result.output
    text.write_text(text.read_text(encoding="utf-8")[:-1], encoding="utf-8")  # undone
    (inside / "data/raw/notes.csv").write_text("a\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["plot", "--chart", "partners", "--format", "svg"])
    assert result.exit_code == 1 and result.output.startswith(_STALE)
    assert "data/raw/notes.csv: not among the recorded inputs" in result.output
    assert not (inside / "figures").exists()


def test_plot_refuses_tables_built_by_other_code(inside: Path) -> None:
    """The record holds a hash of the building code: a table from another version of
    tradestats is refused although every input and table matches its own record."""
    descriptor = inside / "data/clean/datapackage.json"
    text = descriptor.read_text(encoding="utf-8")
    recorded = json.loads(text)["tradestats:code"]
    descriptor.write_text(text.replace(recorded, "sha256:" + "0" * 64), encoding="utf-8")
    result = CliRunner().invoke(cli, ["plot", "--chart", "partners", "--format", "svg"])
    assert result.exit_code == 1 and result.output.startswith(_STALE)
    assert "built by other tradestats code" in result.output
    assert CliRunner().invoke(cli, ["build"]).exit_code == 0
    assert json.loads(descriptor.read_text(encoding="utf-8"))["tradestats:code"] == recorded


def test_the_record_hashes_every_input_and_table(inside: Path) -> None:
    """Every file of data/raw and every table, against hashlib on the files themselves."""
    descriptor = json.loads((inside / "data/clean/datapackage.json").read_text(encoding="utf-8"))
    raw = inside / "data" / "raw"
    on_disk = sorted(p for p in raw.rglob("*") if p.is_file())
    assert sorted(descriptor["tradestats:inputs"]) == [
        "data/raw/" + p.relative_to(raw).as_posix() for p in on_disk
    ]
    assert len(on_disk) == 14  # nine CSV files and five texts
    for p in on_disk:
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        assert descriptor["tradestats:inputs"]["data/raw/" + p.relative_to(raw).as_posix()] == (
            f"sha256:{digest}"
        )
    for resource in descriptor["resources"]:
        data = (inside / "data/clean" / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


def test_jobs_give_the_same_outputs_as_one_process(inside: Path) -> None:
    """--jobs 2 reads the texts in worker processes; what comes out is the same."""
    runner = CliRunner()
    texts = sorted(str(p) for p in (inside / "data/raw/texts").glob("*.txt"))
    for args in (["extract", "--format", "csv"], ["extract", "--rows", "--format", "csv"]):
        one, two = (runner.invoke(cli, [*args, *jobs, *texts]) for jobs in ([], ["-j", "2"]))
        assert one.exit_code == two.exit_code == 0, (one.output, two.output)
        assert one.output == two.output and one.output.count("\n") > 30
    before = {p.name: p.read_bytes() for p in (inside / "data/clean").iterdir()}
    built = runner.invoke(cli, ["build", "--jobs", "2"])
    assert built.exit_code == 0 and "All 400 numbers in the texts" in built.output, built.output
    assert {p.name: p.read_bytes() for p in (inside / "data/clean").iterdir()} == before
    checked = runner.invoke(cli, ["validate", "--jobs", "2"])
    assert "400 numbers in the texts" in checked.output, checked.output
