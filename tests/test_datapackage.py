"""datapackage.json: valid Frictionless, generated from the pandera schemas."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from frictionless import validate

from conftest import CLEAN
from tradestats.schemas import CLEAN_TABLES


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
    assert flow["constraints"]["enum"] == ["exports", "imports", "turnover"]
    value = next(
        f for f in resources["trade_flows"]["schema"]["fields"] if f["name"] == "value_usd_m"
    )
    assert value["unit"] == "million US dollars"
    assert resources["trade_flows"]["schema"]["primaryKey"] == ["figure_id"]
