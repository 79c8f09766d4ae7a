"""The README's generated parts are up to date, and CI runs the README's test command."""

from __future__ import annotations

import re

from conftest import REPO
from tradestats.docs import update_readme


def test_readme_generated_blocks_are_current() -> None:
    readme = REPO / "README.md"
    assert update_readme(readme) == readme.read_text(encoding="utf-8"), (
        "run: python -m tradestats.docs README.md"
    )


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, flags=re.S)
    test_command = next(
        line
        for b in blocks
        for line in b.splitlines()
        if "pytest" in line and not line.startswith("#")
    )
    assert test_command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_documents_every_clean_table() -> None:
    from tradestats.contract.models import CLEAN_TABLES

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for spec in CLEAN_TABLES.values():
        assert f"#### `{spec.file}`" in readme
