"""The documentation's generated parts are up to date, the README stays a front door, and
CI runs the README's test command."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from tradestats.docs import doc_pages, update_docs


def test_generated_blocks_are_current() -> None:
    for page, text in update_docs(REPO).items():
        assert text == page.read_text(encoding="utf-8"), f"{page}: run python -m tradestats.docs"


def test_the_readme_is_a_front_door_that_links_every_page() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 300
    pages = doc_pages(REPO)[1:]
    assert len(pages) >= 6
    for page in pages:
        assert f"](docs/{page.name})" in readme, f"the README does not link {page.name}"


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


def test_the_docs_document_every_clean_and_raw_table() -> None:
    from tradestats.contract.models import CLEAN_TABLES, RAW_TABLES

    data = (REPO / "docs" / "data.md").read_text(encoding="utf-8")
    raw = (REPO / "docs" / "raw-data.md").read_text(encoding="utf-8")
    for specs, page in ((CLEAN_TABLES, data), (RAW_TABLES, raw)):
        for spec in specs.values():
            assert f"### `{spec.file}`" in page


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
