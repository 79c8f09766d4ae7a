"""Where things live, and how files are written.

A *checkout* is a folder with ``data/raw/`` in it (found from the current folder
upwards). :func:`data_dir` is the one answer to "which clean tables?", used by the
Python API and the command line alike: inside a checkout, its ``data/clean``; outside
one, the copy bundled with the installed package.

Every output is written atomically (a temporary file beside it, then a rename), and only
when its bytes change, so an unchanged output keeps its modification time.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from tradestats.errors import TradestatsError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FLOAT_FORMAT",
    "ProjectPaths",
    "checkout_root",
    "data_dir",
    "find_project_root",
    "leftover_temporaries",
    "replace_files",
    "to_csv_bytes",
    "write_atomic",
]

_MARKER = Path("data") / "raw"


@dataclass(frozen=True)
class ProjectPaths:
    """The layout of a tradestats checkout."""

    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def clean(self) -> Path:
        return self.root / "data" / "clean"

    @property
    def figures_dir(self) -> Path:
        return self.root / "figures"


def checkout_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (default: the current folder) that holds
    data/raw/, or None outside a checkout."""
    here = (start or Path.cwd()).resolve()
    return next((c for c in (here, *here.parents) if (c / _MARKER).is_dir()), None)


def find_project_root(start: Path | None = None) -> Path:
    """:func:`checkout_root`, or an error that says how to get one."""
    root = checkout_root(start)
    if root is None:
        here = (start or Path.cwd()).resolve()
        raise TradestatsError(
            f"no {_MARKER.as_posix()}/figures.csv in {here} or any folder above it; run this "
            "inside a tradestats checkout, or pass --root"
        )
    return root


def _bundled_clean_dir() -> Path | None:
    """The clean tables shipped inside the installed package (a wheel has them), or the
    checkout an editable install was made from."""
    bundled = Path(str(resources.files("tradestats") / "data" / "clean"))
    source = Path(__file__).resolve().parents[2] / "data" / "clean"
    return next((d for d in (bundled, source) if (d / "datapackage.json").is_file()), None)


def data_dir(start: Path | None = None) -> Path:
    """The clean tables that :func:`tradestats.load`, ``tradestats plot`` and
    ``tradestats export`` read: the checkout's data/clean inside a checkout, else the copy
    bundled with the package."""
    root = checkout_root(start)
    if root is not None:
        return ProjectPaths(root).clean
    found = _bundled_clean_dir()
    if found is None:
        raise TradestatsError(
            "no clean tables found: this install has no bundled data and this is not a "
            "checkout; run 'tradestats build' in a checkout or pass data_dir"
        )
    return found


# --- writing -------------------------------------------------------------------------


# A temporary file of ours: ".<target name>.<pid of the writer>.<random>.tmp".
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")
_STALE_SECONDS = 3600  # a temporary this old is litter, whoever wrote it


def leftover_temporaries(folder: Path) -> list[Path]:
    """Temporary files of ours in ``folder`` that no running writer owns: their process
    has ended (killed midway), or they are over an hour old."""
    if not folder.is_dir():
        return []
    now = time.time()
    found = []
    for path in sorted(folder.iterdir()):
        match = _TEMP.match(path.name)
        if match and (not _alive(int(match["pid"])) or now - path.stat().st_mtime > _STALE_SECONDS):
            found.append(path)
    return found


def _alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True


def _temp_beside(path: Path, data: bytes) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise TradestatsError(f"cannot write to {path.parent}: {exc.strerror}") from exc
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise TradestatsError(f"cannot write {path}: {exc.strerror}") from exc
    return tmp


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (unless it already holds exactly that)."""
    replace_files({path: data})


def replace_files(contents: dict[Path, bytes]) -> list[Path]:
    """Write every file atomically, but only after all of them have been written to
    temporary files, so a failure midway leaves every target as it was. Files whose
    content is unchanged are not touched. Returns the paths that changed."""
    for folder in {p.parent for p in contents}:  # litter of a run that was killed midway
        for litter in leftover_temporaries(folder):
            with contextlib.suppress(FileNotFoundError):
                litter.unlink()
    changed = {p: d for p, d in contents.items() if not (p.is_file() and p.read_bytes() == d)}
    temps: dict[Path, Path] = {}
    try:
        for path, data in changed.items():
            temps[path] = _temp_beside(path, data)
        for path, tmp in temps.items():
            mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
            tmp.chmod(mode)
            tmp.replace(path)
    finally:
        for tmp in temps.values():
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    return sorted(changed)


# 15 significant digits: exact for every value a text states, no binary noise
# (392.2, not 392.19999999999999).
FLOAT_FORMAT = "%.15g"


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """A clean table in the one CSV dialect of data/clean: UTF-8, comma, LF line endings,
    ISO dates, no index, no thousands separators, shortest exact float text."""
    text = df.to_csv(
        index=False, lineterminator="\n", date_format="%Y-%m-%d", float_format=FLOAT_FORMAT
    )
    return text.encode("utf-8")
