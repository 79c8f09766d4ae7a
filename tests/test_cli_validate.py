"""``tradestats validate`` and the command group."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tradestats import __version__
from tradestats.cli import cli


def test_validate_passes_on_the_checkout(repo: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert "OK: raw and clean data hold." in result.output
    # the source's own discrepancy is reported, not failed on
    assert "C01" in result.output and "849,000,000" in result.output


def test_validate_fails_on_a_hand_edit_and_names_file_row_and_column(project: Path) -> None:
    path = project / "data" / "clean" / "trade_flows.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[8].startswith("F024,") and ",1207," in lines[8]
    lines[8] = lines[8].replace(",1207,", ",1208,")
    path.write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--root", str(project)])
    assert result.exit_code == 1
    assert (
        "data/clean/trade_flows.csv:9 [value_usd_m]: differs from what data/raw builds "
        "(found '1208', data/raw gives '1207')"
    ) in result.output


def test_validate_checks_again_every_time(project: Path) -> None:
    """No cache: a build, then a raw edit, and validate sees it at once."""
    _published(project)
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--root", str(project)]).exit_code == 0
    assert runner.invoke(cli, ["validate", "--root", str(project)]).exit_code == 0
    path = project / "data" / "raw" / "figures.csv"
    text = path.read_text(encoding="utf-8")
    # a note is not checked against the text, so the raw data stays valid, but the
    # clean figures table no longer matches it
    old = "Accumulated over the months before July 2008."
    assert text.count(old) == 1
    path.write_text(text.replace(old, "Accumulated before July 2008."), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--root", str(project)])
    assert result.exit_code == 1
    assert "data/clean/figures.csv" in result.output and "[note]: differs from what" in (
        result.output
    )
    assert not (project / ".tradestats-cache").exists()


def test_full_is_kept_as_an_alias(project: Path) -> None:
    _published(project)
    result = CliRunner().invoke(cli, ["validate", "--root", str(project), "--full"])
    assert result.exit_code == 0, result.output
    assert "clean equals a fresh build of raw, byte for byte" in result.output


def test_validate_fails_on_a_broken_clean_table(project: Path) -> None:
    path = project / "data" / "clean" / "trade_flows.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",RUS,IRN,exports,", ",RUS,IRN,export,", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--root", str(project)])
    assert result.exit_code == 1
    assert (
        "[flow]: expected one of (['exports', 'imports', 'turnover', 'balance']), found 'export'"
        in (result.output)
    )


def test_validate_fails_on_bad_raw_data(project: Path) -> None:
    path = project / "data" / "raw" / "figures.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "F048,aran-lavrov-2010,25,", "F048,aran-lavrov-2010,24,"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", "--root", str(project)])
    assert result.exit_code == 1
    assert "figures.csv:49 [quote]" in result.output


def test_validate_outside_a_checkout_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no data/raw/figures.csv")


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.output.strip() == f"tradestats, version {__version__}"


def test_python_dash_m_is_the_same_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tradestats", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("build", "validate"):
        assert command in out


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, name
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0


def test_validate_checks_foreign_keys_between_clean_tables(project: Path) -> None:
    path = project / "data" / "clean" / "checks.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",F019,", ",F999,", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--root", str(project)])
    assert result.exit_code == 1
    assert (
        "data/clean/checks.csv:2 [target_id]: unknown figure_id 'F999': not in "
        "data/clean/figures.csv"
    ) in result.output


def test_a_number_the_build_could_not_account_for_fails_validation(project: Path) -> None:
    path = project / "data" / "raw" / "excluded.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith("aran-lavrov-2010,20,2049,")]
    assert len(kept) == len(lines) - 1
    path.write_text("\n".join(kept), encoding="utf-8")
    runner = CliRunner()
    built = runner.invoke(cli, ["build", "--root", str(project)])
    assert built.exit_code == 0, built.output
    assert "1 of the 400 numbers in the texts are neither transcribed nor excluded" in (
        built.output
    )
    result = runner.invoke(cli, ["validate", "--root", str(project)])
    assert result.exit_code == 1
    assert (
        "data/raw/texts/002_d96ec3b443879f24.txt:20: the number «2049» (column 132) is "
        "neither transcribed" in result.output
    )


def test_validate_package_from_the_command_line(tmp_path: Path, repo: Path) -> None:
    runner = CliRunner()
    good = runner.invoke(cli, ["validate", "--package", str(repo / "data/clean/datapackage.json")])
    assert good.exit_code == 0, good.output
    assert good.output.strip().endswith("datapackage.json: valid")
    missing = runner.invoke(cli, ["validate", "--package", str(tmp_path / "datapackage.json")])
    assert missing.exit_code == 1
    assert missing.output.startswith("Error: ") and "no such file" in missing.output
    (tmp_path / "datapackage.json").write_text("{not json", encoding="utf-8")
    broken = runner.invoke(cli, ["validate", "--package", str(tmp_path / "datapackage.json")])
    assert broken.exit_code == 1
    assert "datapackage.json: not a Data Package: not JSON (line 1, column 2)" in broken.output
    assert "Traceback" not in broken.output
    (tmp_path / "datapackage.json").write_text("name: tradestats\n", encoding="utf-8")
    prose = runner.invoke(cli, ["validate", "--package", str(tmp_path / "datapackage.json")])
    assert prose.exit_code == 1  # frictionless alone said the path was 'not safe'
    assert "datapackage.json: not a Data Package: not JSON (line 1, column 1)" in prose.output


def _published(project: Path) -> Path:
    """The project with the checkout's published figures beside its data."""
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "figures", project / "figures")
    return project


def test_a_row_added_to_or_removed_from_a_clean_table_is_named(project: Path) -> None:
    path = project / "data" / "clean" / "trade_flows.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join([*lines[:-1], lines[-2], ""]), encoding="utf-8")  # F048 twice
    result = CliRunner().invoke(cli, ["validate", "--root", str(project)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "trade_flows.csv:24: differs from what data/raw builds (found a row here, data/raw "
        "gives none: 'F048," in result.output
    )
    path.write_text("\n".join([*lines[:-2], ""]), encoding="utf-8")  # F048 gone
    result = CliRunner().invoke(cli, ["validate", "--root", str(project)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "trade_flows.csv:23: differs from what data/raw builds (data/raw gives a row here, "
        "found none: 'F048," in result.output
    )


def test_validate_checks_every_published_file(project: Path) -> None:
    """A truncated workbook, an edited chart download, a truncated PNG, a file that
    tradestats does not publish: each named, and validate fails."""
    root = _published(project)
    book = root / "data" / "clean" / "tradestats.xlsx"
    book.write_bytes(book.read_bytes()[:1000])
    rows = root / "figures" / "partners.csv"
    rows.write_text(rows.read_text(encoding="utf-8").replace("294166", "294167"), encoding="utf-8")
    png = root / "figures" / "russia_balance.fa.png"
    png.write_bytes(png.read_bytes()[:-100])
    (root / "data" / "clean" / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--root", str(root)])
    assert result.exit_code == 1, result.output
    for line in (
        "data/clean/notes.txt: not a file tradestats publishes here",
        "data/clean/tradestats.xlsx: differs from a fresh 'tradestats export'",
        "figures/partners.csv: differs from a fresh 'tradestats plot'",
        "figures/russia_balance.fa.png: differs from a fresh 'tradestats plot --lang fa'",
    ):
        assert line in result.output
    (root / "data" / "clean" / "notes.txt").unlink()
    (root / "figures" / "partners.pdf").unlink()
    result = CliRunner().invoke(cli, ["validate", "--root", str(root)])
    assert "figures/partners.pdf: missing; run 'tradestats plot'" in result.output


def test_a_killed_run_leaves_no_litter_for_long(project: Path) -> None:
    """A temporary file whose writer is gone is reported, and removed by the next
    run; one a running writer owns is left alone."""
    from tradestats.api import plot

    root = _published(project)
    dead = root / "figures" / ".partners.png.999999999.abc123.tmp"
    dead.write_bytes(b"half")
    live = root / "figures" / f".partners.svg.{os.getpid()}.def456.tmp"
    live.write_bytes(b"being written")
    result = CliRunner().invoke(cli, ["validate", "--root", str(root)])
    assert result.exit_code == 1
    assert f"figures/{dead.name}: a temporary file an interrupted run left" in result.output
    assert live.name not in result.output
    cwd = Path.cwd()
    try:
        os.chdir(root)
        plot(["partners"], formats=["png"])
    finally:
        os.chdir(cwd)
    assert not dead.exists() and live.exists()
