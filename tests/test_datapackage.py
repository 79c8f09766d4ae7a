"""datapackage.json: valid Frictionless, generated from the pandera schemas."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from frictionless import validate

import tradestats
from conftest import CLEAN
from tradestats.contract.models import CLEAN_TABLES


def test_frictionless_validates_the_package() -> None:
    report = validate(CLEAN / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


def test_frictionless_catches_a_broken_foreign_key(tmp_path: Path) -> None:
    copy = tmp_path / "clean"
    shutil.copytree(CLEAN, copy)
    flows = copy / "trade_flows.csv"
    flows.write_text(
        flows.read_text(encoding="utf-8").replace(",iranonline-2022,", ",nowhere,", 1),
        encoding="utf-8",
    )
    report = validate(copy / "datapackage.json")
    assert not report.valid


def test_descriptor_mirrors_the_schemas() -> None:
    descriptor = json.loads((CLEAN / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert set(resources) == set(CLEAN_TABLES)
    for name, spec in CLEAN_TABLES.items():
        columns = list(spec.model.to_schema().columns)
        fields = [f["name"] for f in resources[name]["schema"]["fields"]]
        assert fields == columns, name
        header = (CLEAN / spec.file).read_text(encoding="utf-8").split("\n", 1)[0]
        assert header.split(",") == columns, name
    flow = next(f for f in resources["trade_flows"]["schema"]["fields"] if f["name"] == "flow")
    assert flow["constraints"]["enum"] == ["exports", "imports", "turnover", "balance"]
    value = next(
        f for f in resources["trade_flows"]["schema"]["fields"] if f["name"] == "value_usd_m"
    )
    assert value["unit"] == "million US dollars"
    assert resources["trade_flows"]["schema"]["primaryKey"] == ["figure_id"]


def test_validate_package_passes_the_package() -> None:
    assert tradestats.validate_package(CLEAN / "datapackage.json") == []


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        (",RUS,IRN,exports,", ",RUS,IRN,export,", "flow"),
        (",2018-01-01,2018-12-31,", ",2018-13-01,2018-12-31,", "period_start"),
        (",1207,", ",-1207,", "value_usd_m"),
        (",RUS,IRN,exports,", ",RU,IRN,exports,", "reporter"),
        (",iranonline-2022,80,", ",nowhere,80,", None),  # a foreign key: the row only
        ("F024,RUS", "F023,RUS", None),  # a duplicate primary key: the row only
    ],
)
def test_validate_package_names_file_line_and_column(
    tmp_path: Path, old: str, new: str, column: str | None
) -> None:
    copy = tmp_path / "clean"
    shutil.copytree(CLEAN, copy)
    flows = copy / "trade_flows.csv"
    text = flows.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    flows.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = [str(p) for p in tradestats.validate_package(copy / "datapackage.json")]
    where = f"trade_flows.csv:{line}" + (f" [{column}]" if column else "")
    assert any(p.startswith(where) for p in problems), problems


def test_validate_package_of_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(tradestats.TradestatsError, match="no such file"):
        tradestats.validate_package(tmp_path / "datapackage.json")


def test_the_package_names_the_pages_of_the_reference_figures() -> None:
    import json

    import pandas as pd

    from conftest import CLEAN

    descriptor = json.loads((CLEAN / "datapackage.json").read_text(encoding="utf-8"))
    paths = {s["path"] for s in descriptor["sources"]}
    addresses = set(pd.read_csv(CLEAN / "reference_flows.csv")["address"])
    assert addresses <= paths
    assert "data/raw/texts/" in " ".join(paths)  # the texts are still there
