"""Nothing changed, nothing done: skip ``build``, ``plot`` and ``export`` when their inputs,
tradestats' own code, the libraries they use and their options are byte for byte what
they were when the outputs were written, and the outputs are still intact.

"Changed" is decided by content hashes (SHA-256), never by timestamps. A stamp per
command and option set records the fingerprint of the inputs and the hash of every
output; a missing or edited output, like any changed input, means the work is redone.

This module imports only the standard library, so the check costs a few milliseconds;
the heavy libraries are imported only when there is work to do.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "CurrentBuild",
    "Stamp",
    "build_if_stale",
    "current_build",
    "export_if_stale",
    "fingerprint",
    "plot_if_stale",
    "stamp_dir",
]

# The libraries whose version can change an output, per command.
LIBRARIES = {
    "build": ("pandas", "pandera", "numpy", "jdatetime", "pycountry"),
    "plot": ("matplotlib", "pandas", "pandera", "numpy", "jdatetime"),
    "export": ("openpyxl", "pandas", "pandera", "numpy", "jdatetime", "matplotlib"),
}


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def package_dir() -> Path:
    """Where tradestats' own code lives (its hash is part of every fingerprint)."""
    return Path(__file__).resolve().parent


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def _files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.is_file() and "__pycache__" not in q.parts)
        elif p.is_file():
            out.append(p)
    return out


def fingerprint(inputs: Iterable[Path], libraries: Iterable[str], options: dict[str, Any]) -> str:
    """SHA-256 over the inputs' bytes, the package's code, the libraries' versions, the
    Python version and the options."""
    h = hashlib.sha256()
    for label, files, root in (
        ("input", _files(inputs), None),
        ("code", _files([package_dir()]), package_dir()),
    ):
        for f in files:
            name = f.relative_to(root).as_posix() if root else str(f)
            h.update(f"{label}\0{name}\0{_sha256_file(f)}\n".encode())
    for lib in sorted(libraries):
        h.update(f"lib\0{lib}\0{_version(lib)}\n".encode())
    h.update(f"python\0{sys.version_info[:3]}\n".encode())
    h.update(json.dumps(options, sort_keys=True, default=str).encode())
    return h.hexdigest()


def stamp_dir(root: Path | None) -> Path:
    """.tradestats-cache/ in the checkout, or the user's cache folder outside one."""
    if root is not None:
        return root / ".tradestats-cache"
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "tradestats"


@dataclass(frozen=True)
class Stamp:
    """What a command produced from which fingerprint."""

    path: Path
    fingerprint: str

    def fresh(self) -> bool:
        """True when the stamp matches and every recorded output is intact."""
        return self.current() is not None

    def current(self) -> dict[str, Any] | None:
        """What the stamp recorded, if it matches and every recorded output is intact."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("fingerprint") != self.fingerprint:
            return None
        outputs = data.get("outputs") or {}
        intact = bool(outputs) and all(
            Path(p).is_file() and _sha256_file(Path(p)) == digest for p, digest in outputs.items()
        )
        return data if intact else None

    def record(self, outputs: Iterable[Path], facts: dict[str, Any] | None = None) -> None:
        """Remember the outputs just written, and any ``facts`` found on the way
        (atomically, like every output)."""
        body: dict[str, Any] = {
            "fingerprint": self.fingerprint,
            "outputs": {str(p.resolve()): _sha256_file(p) for p in sorted(outputs)},
        }
        if facts is not None:
            body["facts"] = facts
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(body, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)


def _stamp(root: Path | None, command: str, fp: str, options: dict[str, Any]) -> Stamp:
    key = hashlib.sha256(json.dumps(options, sort_keys=True, default=str).encode()).hexdigest()
    return Stamp(stamp_dir(root) / f"{command}-{key[:16]}.json", fp)


def _root_or_none(start: Path | None = None) -> Path | None:
    from tradestats.errors import TradestatsError
    from tradestats.paths import find_project_root

    try:
        return find_project_root(start)
    except TradestatsError:
        return None


def _run_if_stale(
    command: str,
    root: Path | None,
    inputs: list[Path],
    options: dict[str, Any],
    force: bool,
    work: Callable[[], list[Path]],
    facts: Callable[[], dict[str, Any]] | None = None,
) -> list[Path] | None:
    """Run ``work`` unless the stamp says the outputs are current. Returns the outputs
    written, or None when nothing had to be done. ``facts``, called after ``work``, gives
    what else the stamp should remember."""
    fp = fingerprint(inputs, LIBRARIES[command], options)
    stamp = _stamp(root, command, fp, options)
    if not force and stamp.fresh():
        return None
    outputs = work()
    stamp.record(outputs, facts() if facts is not None else None)
    return outputs


def _clean_dir(root: Path | None, data_dir: Path | None) -> Path:
    """The clean tables a command reads: those given, else the current checkout's, else
    the ones bundled with the package."""
    if data_dir is not None:
        return Path(data_dir)
    if root is not None:
        return root / "data" / "clean"
    from tradestats.paths import default_clean_dir

    return default_clean_dir()


@dataclass(frozen=True)
class Outcome:
    """What an incremental command did: the outputs it (re)wrote, or ``skipped``."""

    skipped: bool
    outputs: list[Path]
    detail: Any = None


def build_if_stale(
    root: Path | None = None, out_dir: Path | None = None, force: bool = False
) -> Outcome:
    """``tradestats build``, skipped when data/raw, the code and the libraries are as they
    were and data/clean is intact."""
    from tradestats.paths import ProjectPaths, find_project_root

    paths = ProjectPaths(find_project_root(root))
    target = (out_dir or paths.clean).resolve()
    result: dict[str, Any] = {}

    def work() -> list[Path]:
        from tradestats.build_pipeline import build

        res = build(paths.root, out_dir)
        result["build"] = res
        return res.files

    def facts() -> dict[str, Any]:
        res = result["build"]
        return {
            "numbers": res.numbers,
            "unaccounted": [[p.file, p.line, p.column, p.message] for p in res.unaccounted],
            "tables": res.clean.tables,
            "clean_problems": [[p.file, p.line, p.column, p.message] for p in res.clean.problems],
            "findings": res.clean.findings,
        }

    outputs = _run_if_stale(
        "build", paths.root, [paths.raw], {"out": str(target)}, force, work, facts
    )
    return Outcome(outputs is None, outputs or [], result.get("build"))


# A problem as a stamp keeps it: file, line, column, message
_StampedProblem = tuple[str, int | None, str | None, str]


@dataclass(frozen=True)
class CurrentBuild:
    """The last build of data/clean, still current: its stamp and what it found. The
    numbers in the texts and those unaccounted for; the clean tables read back and their
    problems; the sources' own discrepancies (findings)."""

    stamp: Path
    numbers: int
    unaccounted: list[_StampedProblem]
    tables: int
    clean_problems: list[_StampedProblem]
    findings: list[str]


def current_build(root: Path) -> CurrentBuild | None:
    """The build that wrote ``root``/data/clean, if it is current: data/raw, the code and
    the libraries are byte for byte what it read, and every file it wrote is intact.
    None otherwise (no such build, or anything changed since)."""
    from tradestats.paths import ProjectPaths

    paths = ProjectPaths(root)
    options = {"out": str(paths.clean.resolve())}
    stamp = _stamp(root, "build", fingerprint([paths.raw], LIBRARIES["build"], options), options)
    data = stamp.current()
    facts = (data or {}).get("facts")
    if not facts:
        return None
    return CurrentBuild(
        stamp.path,
        int(facts["numbers"]),
        [tuple(p) for p in facts["unaccounted"]],
        int(facts["tables"]),
        [tuple(p) for p in facts["clean_problems"]],
        list(facts["findings"]),
    )


def plot_if_stale(
    names: list[str] | None = None,
    *,
    formats: Iterable[str],
    lang: str = "en",
    out_dir: Path | None = None,
    dpi: int = 200,
    data_dir: Path | None = None,
    force: bool = False,
) -> Outcome:
    """``tradestats plot``, skipped when the clean tables, the code, the libraries and the
    options are as they were and the chart files are intact."""
    root = _root_or_none()
    clean = _clean_dir(root, data_dir)
    target = (
        out_dir
        if out_dir is not None
        else ((root / "figures") if root is not None else Path.cwd() / "figures")
    )
    fmts = list(dict.fromkeys(formats))
    options = {
        "charts": names or "all",
        "formats": fmts,
        "lang": lang,
        "dpi": dpi,
        "out": str(target.resolve()),
    }

    def work() -> list[Path]:
        from tradestats.render_charts import render_charts

        return render_charts(
            names, formats=fmts, lang=lang, out_dir=target, dpi=dpi, data_dir=clean
        )

    inputs = sorted(clean.glob("*.csv"))
    outputs = _run_if_stale("plot", root, inputs, options, force, work)
    return Outcome(outputs is None, outputs or [])


def export_if_stale(
    path: Path | None = None, *, data_dir: Path | None = None, force: bool = False
) -> Outcome:
    """``tradestats export``, skipped when the clean tables, the code and the libraries
    are as they were and the workbook is intact."""
    root = _root_or_none()
    clean = _clean_dir(root, data_dir)
    target = (
        path
        if path is not None
        else (
            (root / "data" / "clean" / "tradestats.xlsx")
            if root is not None
            else Path.cwd() / "tradestats.xlsx"
        )
    )
    if target.suffix.lower() != ".xlsx":
        from tradestats.errors import TradestatsError

        raise TradestatsError(f"{target}: the workbook's name must end in .xlsx")

    def work() -> list[Path]:
        from tradestats.excel_workbook import to_excel

        return [to_excel(target, data_dir=clean)]

    inputs = sorted(clean.glob("*.csv"))
    outputs = _run_if_stale("export", root, inputs, {"out": str(target.resolve())}, force, work)
    return Outcome(outputs is None, outputs or [target])
