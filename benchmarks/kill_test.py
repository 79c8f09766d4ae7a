"""Kill `tradestats build`, `plot` and `export` at many moments and check that every
output is left either as it was or complete, never half-written, with no temporary file
behind. Run it from the root of a checkout, in an environment where tradestats is
installed (it asserts, and exits 1 on the first output that is neither):

    python benchmarks/kill_test.py             # 30 moments per command
    python benchmarks/kill_test.py --moments 5
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TS = [sys.executable, "-m", "tradestats"]
COMMANDS = {"build": ["build"], "plot": ["plot", "--format", "png"], "export": ["export"]}


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _fresh_copy(tmp: Path, name: str) -> Path:
    """A copy of the checkout's data and figures with one value edited, so that the
    command has outputs to change; for plot and export, built already."""
    root = tmp / "project"
    shutil.rmtree(root, ignore_errors=True)
    for part in ("data", "figures"):
        shutil.copytree(REPO / part, root / part)
    flows = root / "data" / "raw" / "figures.csv"
    text = flows.read_text(encoding="utf-8")
    flows.write_text(
        text.replace("Russian customs is named", "Russian customs is cited", 1), "utf-8"
    )
    economies = root / "data" / "raw" / "economies.csv"
    economies.write_text(economies.read_text("utf-8").replace(",Iran,", ",Iran (I.R.),"), "utf-8")
    if name != "build":
        subprocess.run([*TS, "build"], cwd=root, check=True, capture_output=True)
    return root


def _complete(root: Path, args: list[str]) -> dict[str, str]:
    """The outputs when the command runs to the end."""
    subprocess.run([*TS, *args], cwd=root, check=True, capture_output=True)
    return _digests(root / "data" / "clean") | _digests(root / "figures")


def _check(name: str, moments: int, tmp: Path) -> None:
    args = COMMANDS[name]
    root = _fresh_copy(tmp, name)
    old = _digests(root / "data" / "clean") | _digests(root / "figures")
    start = time.perf_counter()
    new = _complete(root, args)
    changed = sum(old.get(p) != d for p, d in new.items())
    duration = time.perf_counter() - start
    for i in range(moments):
        root = _fresh_copy(tmp, name)
        proc = subprocess.Popen(
            [*TS, *args], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(duration * (i + 0.5) / moments)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = _digests(root / "data" / "clean") | _digests(root / "figures")
        for path, digest in now.items():
            if path.endswith(".tmp") or "/." in f"/{path}":
                raise SystemExit(f"{name}, moment {i}: a temporary file is left: {path}")
            if digest not in {old.get(path), new.get(path)}:
                raise SystemExit(f"{name}, moment {i}: {path} is neither old nor complete")
    print(
        f"{name:7} killed at {moments} moments over {duration:.1f} s ({changed} outputs to "
        "change): every output old or complete"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moments", type=int, default=30)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tradestats-kill-"))
    try:
        for name in COMMANDS:
            _check(name, args.moments, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
