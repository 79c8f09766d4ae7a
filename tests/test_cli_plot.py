"""``tradestats plot`` from the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tradestats.charts.registry import CHARTS
from tradestats.cli import cli


def test_list_names_every_chart_with_its_title() -> None:
    result = CliRunner().invoke(cli, ["plot", "--list"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [line.split()[0] for line in lines] == list(CHARTS)
    assert lines[2].split(maxsplit=1)[1] == (
        "In 2018, Russia's trade with the European Union was 169 times its trade with Iran"
    )
    persian = CliRunner().invoke(cli, ["plot", "--list", "--lang", "fa"])
    assert "در ۲۰۱۸ تجارت روسیه با اتحادیهٔ اروپا ۱۶۹ برابر تجارتش با ایران بود" in persian.output


def test_one_chart_one_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["plot", "--chart", "partners", "--format", "svg", "--out", str(tmp_path), "--lang", "fa"],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "README.md",  # the gallery
        "partners.csv",  # the plotted rows
        "partners.fa.svg",
    ]
    assert tmp_path.joinpath("partners.fa.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_repeated_options_and_dpi(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "plot",
            "--chart",
            "partners",
            "--chart",
            "russia_balance",
            "--format",
            "png",
            "--format",
            "pdf",
            "--dpi",
            "50",
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "README.md",
        "partners.csv",
        "partners.pdf",
        "partners.png",
        "russia_balance.csv",
        "russia_balance.pdf",
        "russia_balance.png",
    ]
    png = tmp_path.joinpath("partners.png").read_bytes()
    width = int.from_bytes(png[16:20], "big")
    assert width == 314  # 16 cm (6.30 inches) at 50 dpi, rounded down


def test_unknown_chart_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["plot", "--chart", "pie", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: unknown chart 'pie'")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(
        cli, ["plot", "--chart", "partners", "--out", str(blocker / "figures")]
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot write to")
    assert "Traceback" not in result.output


def test_bad_option_values_are_refused() -> None:
    assert CliRunner().invoke(cli, ["plot", "--lang", "de"]).exit_code == 2
    assert CliRunner().invoke(cli, ["plot", "--format", "gif"]).exit_code == 2
    assert CliRunner().invoke(cli, ["plot", "--dpi", "5"]).exit_code == 2
