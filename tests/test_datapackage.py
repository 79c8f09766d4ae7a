"""datapackage.json: valid Frictionless, generated from the pandera schemas."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
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


def test_our_package_validation_passes_the_package() -> None:
    from tradestats.package_validation import validate_datapackage

    assert validate_datapackage(CLEAN / "datapackage.json") == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (",RUS,IRN,exports,", ",RUS,IRN,export,", "[flow]: expected one of"),
        (",iranonline-2022,80,", ",nowhere,80,", "[source_id]: expected a value of sources"),
        (",2018-01-01,2018-12-31,", ",2018-13-01,2018-12-31,", "[period_start]: expected a date"),
        ("F024,RUS", "F023,RUS", "[figure_id]: expected a unique primary key"),
        (",1207,", ",-1207,", "[value_usd_m]: expected a value > 0"),
        (",RUS,IRN,exports,", ",RU,IRN,exports,", "[reporter]: expected text matching"),
    ],
)
def test_our_package_validation_finds_what_frictionless_finds(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    from tradestats.package_validation import validate_datapackage

    copy = tmp_path / "clean"
    shutil.copytree(CLEAN, copy)
    flows = copy / "trade_flows.csv"
    text = flows.read_text(encoding="utf-8")
    assert old in text
    flows.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = [str(p) for p in validate_datapackage(copy / "datapackage.json")]
    assert any(expected in p for p in problems), problems
    assert not validate(copy / "datapackage.json").valid  # frictionless agrees
