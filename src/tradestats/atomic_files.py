"""Write files so that a reader never sees half of one: write a temporary file beside
the target, then rename it over the target."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from tradestats.errors import TradestatsError

__all__ = ["replace_files", "write_atomic"]


def _temp_beside(path: Path, data: bytes) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
    """Write ``data`` to ``path`` atomically."""
    replace_files({path: data})


def replace_files(contents: dict[Path, bytes]) -> list[Path]:
    """Write every file atomically, but only after all of them have been written to
    temporary files, so a failure midway leaves every target as it was. Files whose
    content is unchanged are not touched. Returns the paths that changed."""
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
