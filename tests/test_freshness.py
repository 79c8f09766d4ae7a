"""Nothing changed, nothing done; anything changed, everything redone. And the fast paths
import no heavy library."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tradestats import freshness
from tradestats.freshness import build_if_stale, export_if_stale, plot_if_stale

HEAVY = ("pandas", "matplotlib", "pandera", "openpyxl")


def test_build_skips_only_when_nothing_changed(project: Path) -> None:
    assert not build_if_stale(project).skipped  # no stamp yet
    assert build_if_stale(project).skipped
    assert not build_if_stale(project, force=True).skipped


def test_a_data_edit_triggers_a_rebuild(project: Path) -> None:
    build_if_stale(project)
    figures = project / "data" / "raw" / "figures.csv"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("Record oil price", "Record price of oil"),
        encoding="utf-8",
    )
    outcome = build_if_stale(project)
    assert not outcome.skipped
    clean = (project / "data" / "clean" / "figures.csv").read_text(encoding="utf-8")
    assert "Record price of oil" in clean


def test_a_deleted_or_edited_output_is_restored(project: Path) -> None:
    build_if_stale(project)
    target = project / "data" / "clean" / "trade_flows.csv"
    good = target.read_bytes()
    target.unlink()
    assert not build_if_stale(project).skipped
    assert target.read_bytes() == good
    target.write_bytes(good.replace(b"1740", b"1741"))
    assert not build_if_stale(project).skipped
    assert target.read_bytes() == good


def test_a_code_change_triggers_a_rebuild(project: Path, tmp_path: Path, monkeypatch) -> None:
    code = tmp_path / "code"
    shutil.copytree(freshness.package_dir(), code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(freshness, "package_dir", lambda: code)
    build_if_stale(project)
    assert build_if_stale(project).skipped
    with (code / "clean_tables.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# a change\n")
    assert not build_if_stale(project).skipped


def test_another_library_version_triggers_a_rebuild(project: Path, monkeypatch) -> None:
    build_if_stale(project)
    assert build_if_stale(project).skipped
    real = freshness._version
    monkeypatch.setattr(freshness, "_version", lambda lib: "99.0" if lib == "pandas" else real(lib))
    assert not build_if_stale(project).skipped


def test_plot_redraws_a_damaged_chart(tmp_path: Path) -> None:
    out = tmp_path / "figures"
    first = plot_if_stale(["partners"], formats=["svg"], out_dir=out, dpi=50)
    assert not first.skipped
    assert plot_if_stale(["partners"], formats=["svg"], out_dir=out, dpi=50).skipped
    svg = out / "partners.svg"
    good = svg.read_bytes()
    svg.write_text("broken", encoding="utf-8")
    assert not plot_if_stale(["partners"], formats=["svg"], out_dir=out, dpi=50).skipped
    assert svg.read_bytes() == good
    # other options are another job
    assert not plot_if_stale(["partners"], formats=["svg"], out_dir=out, dpi=60).skipped


def test_export_restores_a_deleted_workbook(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    assert not export_if_stale(path).skipped
    assert export_if_stale(path).skipped
    path.unlink()
    assert not export_if_stale(path).skipped
    assert path.is_file()


def _heavy_modules_after(args: list[str], cwd: Path) -> list[str]:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['tradestats', *{args!r}]\n"
        "try:\n    runpy.run_module('tradestats', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd
    ).stdout
    marker = out.strip().splitlines()[-1]
    assert marker.startswith("HEAVY:")
    return [m for m in marker.removeprefix("HEAVY:").split(",") if m]


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["plot", "--list"]])
def test_startup_imports_no_heavy_library(args: list[str], tmp_path: Path) -> None:
    assert _heavy_modules_after(args, tmp_path) == []


def test_an_up_to_date_build_imports_no_heavy_library(project: Path) -> None:
    build_if_stale(project)
    assert _heavy_modules_after(["build", "--root", str(project)], project) == []
    # and the check is real: with a change, the heavy work happens
    (project / "data" / "raw" / "economies.csv").write_text(
        (project / "data" / "raw" / "economies.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    shutil.rmtree(project / ".tradestats-cache")
    assert "pandas" in _heavy_modules_after(["build", "--root", str(project)], project)


def test_plot_and_export_read_the_current_checkout(project: Path, monkeypatch) -> None:
    """Inside a checkout, the commands read that checkout's data/clean."""
    monkeypatch.chdir(project)
    flows = project / "data" / "clean" / "trade_flows.csv"
    flows.write_text(
        flows.read_text(encoding="utf-8").replace(",294166,", ",394166,"), encoding="utf-8"
    )
    outcome = export_if_stale(project / "book.xlsx")
    import openpyxl

    ws = openpyxl.load_workbook(outcome.outputs[0])["trade_flows"]
    assert 394166 in [c.value for c in ws["H"]]


def test_validate_trusts_a_build_only_under_the_same_code_and_libraries(
    project: Path, tmp_path: Path, monkeypatch
) -> None:
    code = tmp_path / "code"
    shutil.copytree(freshness.package_dir(), code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(freshness, "package_dir", lambda: code)
    build_if_stale(project)
    current = freshness.current_build(project)
    assert current is not None
    assert current.numbers == 387 and current.unaccounted == [] and current.tables == 7
    assert any(f.startswith("C01 ") for f in current.findings)
    real = freshness._version
    monkeypatch.setattr(
        freshness, "_version", lambda lib: "99.0" if lib == "pandera" else real(lib)
    )
    assert freshness.current_build(project) is None
    monkeypatch.setattr(freshness, "_version", real)
    assert freshness.current_build(project) is not None
    with (code / "completeness.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# a change\n")
    assert freshness.current_build(project) is None


def test_validate_with_a_current_build_imports_no_heavy_library(project: Path) -> None:
    build_if_stale(project)
    assert _heavy_modules_after(["validate", "--root", str(project)], project) == []
    # --full does the work again
    assert "pandas" in _heavy_modules_after(["validate", "--root", str(project), "--full"], project)
