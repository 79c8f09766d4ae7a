"""The record of what a build read and wrote, kept in data/clean/datapackage.json.

- each table's resource has Frictionless' own ``hash`` (``sha256:<hex>`` of its bytes);
- ``tradestats:inputs`` maps each file of data/raw the build read (every file there but
  dot-files) to the SHA-256 of its bytes;
- ``tradestats:code`` is the SHA-256 of the code that builds: every file of the
  ``contract``, ``text`` and ``builder`` packages, in path order.

``plot``, ``export`` and ``load`` check this record instead of rebuilding: a difference
anywhere means data/clean is not what this code builds from this data/raw. It is a record
of provenance, not a cache: nothing is reused because of it. ``validate`` trusts nothing,
the record included, and rebuilds everything.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tradestats.errors import TradestatsError

__all__ = ["build_record", "record_differences", "sha256_of", "table_hash_problem"]

_INPUTS = "tradestats:inputs"
_CODE = "tradestats:code"
_BUILDING_PACKAGES = ("contract", "text", "builder")


def sha256_of(data: bytes) -> str:
    """A hash as the Data Package standard writes one: ``sha256:<hex>``."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _input_hashes(raw_dir: Path) -> dict[str, str]:
    """``data/raw/<path>`` → hash, for every file under ``raw_dir`` but dot-files."""
    files = (p for p in raw_dir.rglob("*") if p.is_file() and not p.name.startswith("."))
    found = {"data/raw/" + p.relative_to(raw_dir).as_posix(): p for p in files}
    return {name: sha256_of(found[name].read_bytes()) for name in sorted(found)}


def _code_fingerprint() -> str:
    """One hash of the source of the packages that build data/clean."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for sub in _BUILDING_PACKAGES:
        for path in sorted((package / sub).rglob("*")):
            if path.is_file() and path.suffix != ".pyc" and not path.name.startswith("."):
                digest.update(path.relative_to(package).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return "sha256:" + digest.hexdigest()


def build_record(raw_dir: Path) -> dict[str, object]:
    """The package-level properties a build records about its inputs and code."""
    return {_CODE: _code_fingerprint(), _INPUTS: _input_hashes(raw_dir)}


def _descriptor(clean_dir: Path) -> dict[str, object]:
    """The folder's datapackage.json; raises :class:`TradestatsError` saying what is
    wrong with it."""
    try:
        descriptor = json.loads((clean_dir / "datapackage.json").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise TradestatsError("datapackage.json: file not found") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TradestatsError(f"datapackage.json: cannot be read as JSON ({exc})") from exc
    if not isinstance(descriptor, dict):
        raise TradestatsError("datapackage.json: not a Data Package descriptor")
    return descriptor


def _resources(descriptor: dict[str, object]) -> list[dict[str, object]]:
    found = descriptor.get("resources")
    return [r for r in found if isinstance(r, dict)] if isinstance(found, list) else []


def table_hash_problem(
    clean_dir: Path, file: str, descriptor: dict[str, object] | None = None
) -> str | None:
    """Why ``clean_dir``/``file`` is not the table the build recorded, or None."""
    try:
        resources = _resources(descriptor or _descriptor(clean_dir))
    except TradestatsError as exc:
        return str(exc)
    recorded = next((r.get("hash") for r in resources if r.get("path") == file), None)
    if recorded is None:
        return f"{file}: no hash recorded in datapackage.json"
    path = clean_dir / file
    if not path.is_file():
        return f"{file}: file not found"
    if sha256_of(path.read_bytes()) != recorded:
        return f"{file}: edited since the build"
    return None


def record_differences(root: Path) -> list[str]:
    """Every way the checkout at ``root`` differs from the record in its
    data/clean/datapackage.json: an edited, missing or unlisted input, an edited or
    missing table, or tables built by other code."""
    clean, raw = root / "data" / "clean", root / "data" / "raw"
    try:
        descriptor = _descriptor(clean)
    except TradestatsError as exc:
        return [f"data/clean/{exc}"]
    recorded = descriptor.get(_INPUTS)
    if not isinstance(recorded, dict):
        return ["datapackage.json: no record of the inputs"]
    now = _input_hashes(raw)
    out = [f"{name}: file not found" for name in recorded if name not in now]
    out += [f"{name}: not among the recorded inputs" for name in now if name not in recorded]
    out += [f"{name}: edited" for name in now if name in recorded and recorded[name] != now[name]]
    for resource in _resources(descriptor):
        problem = table_hash_problem(clean, str(resource.get("path")), descriptor)
        out += [f"data/clean/{problem}"] if problem else []
    if descriptor.get(_CODE) != _code_fingerprint():
        out.append("built by other tradestats code")
    return out
