"""The README's generated parts are up to date, and CI runs the README's test command."""

from __future__ import annotations

import re

import pytest

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


def test_the_readme_shows_what_can_be_added_up() -> None:
    """The README's example selects values that can be summed, and gives these sums:
    iranonline-2022 line 80 (Russian customs): 1,314 + 392.2 in 2017, 1,207 + 533 in
    2018; line 81: 390 and 800, Iran's exports only."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    first, example = blocks[0], next(b for b in blocks if "addable = " in b)
    scope: dict[str, object] = {}
    exec(first.replace("print(", "str("), scope)
    exec(example, scope)
    totals = scope["totals"]
    assert totals.to_dict() == pytest.approx(
        {"2017": 1706.2, "2018": 1740, "2019": 390, "2020": 800}
    )
    naive = scope["flows"].value_usd_m.sum()  # the trap the example avoids
    assert naive > 2 * sum(totals)
