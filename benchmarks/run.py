"""Benchmarks for tradestats, as whole processes, each figure beside its floor or peer.

    python benchmarks/run.py                 # 5 runs each, scales x10, x100, x1000
    python benchmarks/run.py --quick         # 1 run each, scale x10 (what CI runs)

Run it from the root of a checkout, in an environment where tradestats is installed.
Timings are medians of whole-process wall times; peak memory is the child's maximum
resident set size (os.wait4). Nothing here asserts: it measures and prints.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
BIN = Path(PY).parent / "tradestats"
TS = [str(BIN)] if BIN.exists() else [PY, "-m", "tradestats"]


def run(cmd: list[str], cwd: Path = REPO) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss // 1024


def median(cmd: list[str], runs: int, cwd: Path = REPO, before: list[str] | None = None) -> float:
    times = []
    for _ in range(runs):
        if before:
            run(before, cwd)
        times.append(run(cmd, cwd)[0])
    return statistics.median(times)


def paired(cmd: list[str], floor: list[str], runs: int) -> tuple[float, float]:
    """Medians of ``cmd`` and of its ``floor``, run in turn, so that a slow spell of the
    machine weighs on both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[1].append(run(floor)[0])
        times[0].append(run(cmd)[0])
    return statistics.median(times[0]), statistics.median(times[1])


def _median_run(cmd: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    """Median wall seconds and the largest peak RSS (MB) over ``runs`` whole processes."""
    results = [run(cmd, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def row(
    label: str, value: float, floor_label: str = "", floor: float | None = None, target: str = ""
) -> None:
    ratio = f"{value / floor:5.2f}x" if floor else ""
    floor_txt = f"{floor:7.3f} s  {floor_label}" if floor is not None else ""
    print(f"  {label:44} {value:7.3f} s   {floor_txt:40} {ratio:7} {target}")


def _startup(runs: int) -> None:
    print("1. Start-up (no pandas, matplotlib, pandera or openpyxl)")
    floor = median([PY, "-c", "import click"], runs)
    for args_ in (["--help"], ["--version"]):
        t = median([*TS, *args_], runs)
        target = f"+{(t - floor) * 1000:.0f} ms (target <= +100 ms)"
        row(f"tradestats {' '.join(args_)}", t, "python -c 'import click'", floor, target)
    # plot --list writes each chart's title from the data: it loads the tables
    t, floor = paired([*TS, "plot", "--list"], [PY, "-c", "import pandas"], runs)
    target = f"+{(t - floor) * 1000:.0f} ms (target <= +300 ms)"
    row("tradestats plot --list (titles from the data)", t, "python -c 'import pandas'", floor,
        target)  # fmt: skip


def _build_and_validate(runs: int) -> None:
    print("\n2. Build and validate our five texts (no cache: each run does all the work)")
    floor_cmd = [PY, "-c", "import pandas, pandera.pandas"]
    imports = "python -c 'import pandas, pandera.pandas'"
    t, floor = paired([*TS, "build"], floor_cmd, runs)
    row("tradestats build", t, imports, floor, "(target <= 2x)")
    t, floor = paired([*TS, "validate"], floor_cmd, runs)
    row("tradestats validate", t, imports, floor)


def _render(runs: int, tmp: Path) -> None:
    print("\n3. Full render (every chart x png, svg, pdf; checks the build's record first)")
    from tradestats.charts.registry import CHARTS

    floor_cmd = [PY, str(REPO / "benchmarks" / "floor_render.py"), str(tmp / "floor")]
    t, floor = paired(
        [*TS, "plot", "--out", str(tmp / "plot")], [*floor_cmd, str(len(CHARTS))], runs
    )
    row("tradestats plot", t, "floor_render.py", floor, "(target <= 1.8x)")
    export = [*TS, "export", "--out", str(tmp / "t.xlsx")]
    t, floor = paired(export, [PY, "-c", "import pandas, openpyxl"], runs)
    row("tradestats export", t, "python -c 'import pandas, openpyxl'", floor, "(target <= 2x)")


def _package(runs: int) -> None:
    print("\n4. Validation of data/clean/datapackage.json")
    package = str(REPO / "data/clean/datapackage.json")
    peer = shutil.which("frictionless") or str(Path(PY).parent / "frictionless")
    floor = median([peer, "validate", package], runs)
    t = median([*TS, "validate", "--package", package], runs)
    row("tradestats validate --package", t, "frictionless validate", floor)


# validate of the tables only (data/raw checked, every number accounted for, data/clean
# rebuilt in memory and compared): drawing the charts and the workbook again, as the
# command's check of the published files does, is not counted here
_VALIDATE_TABLES = "import sys; from tradestats.api import validate; " \
    "sys.exit(bool(validate(published=False, jobs=int(sys.argv[1])).problems))"  # fmt: skip


def _scale(runs: int, scales: list[int], tmp: Path) -> None:
    print("\n5. Scale: synthetic corpora (seconds / peak MB; targets at x1000: build and")
    print("   validate of the tables <= 20 s each in one process, <= 1 GB)")
    print(
        "  build reads and checks data/raw, derives and writes data/clean and accounts for\n"
        "  every number in the texts; validate does it all again in memory and compares;\n"
        "  plot and export check the build's record, then draw and write."
    )
    heads = ("build", "validate", "plot", "export", "extract")
    print(f"  {'size':>6} {'jobs':>4} {'figures':>8} {'text MB':>8} " + " ".join(
        f"{h:>14}" for h in heads))  # fmt: skip
    for factor in scales:
        # in a process of its own: a child's peak memory counts the memory of the
        # process it was forked from, so this one must stay small
        root = tmp / f"x{factor}"
        run([PY, str(REPO / "benchmarks" / "synthetic_corpus.py"), str(factor), str(root)])
        n_fig = sum(1 for _ in (root / "data/raw/figures.csv").open()) - 1
        mb = sum(p.stat().st_size for p in (root / "data/raw/texts").iterdir()) / 2**20
        texts = sorted(str(p) for p in (root / "data/raw/texts").iterdir())
        for jobs in ("1", "2"):
            j = ["--jobs", jobs]
            cells = [
                _median_run([*TS, "build", *j], root, runs),
                _median_run([PY, "-c", _VALIDATE_TABLES, jobs], root, runs),
                _median_run([*TS, "plot", "--out", str(tmp / "plots")], root, 1),
                _median_run([*TS, "export"], root, 1),
                _median_run([*TS, "extract", *j, "--format", "csv", *texts], root, 1),
            ]
            shown = " ".join(f"{c[0]:6.1f}s/{c[1]:5d}MB" for c in cells)
            print(f"  {'x' + str(factor):>6} {jobs:>4} {n_fig:8d} {mb:8.1f} {shown}")
        shutil.rmtree(root)


_READER_TIMING = """
import statistics, sys, time
from pathlib import Path
from tradestats.text.numbers import find_quantities
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
corpus = texts * 30
lines = [line for text in corpus for line in text.split("\\n")]
mb = sum(len(t.encode()) for t in corpus) / 2**20
for name, items in (("texts", corpus), ("lines", lines)):
    times = []
    for _ in range(int(sys.argv[2])):
        start = time.perf_counter()
        for item in items:
            find_quantities(item)
        times.append(time.perf_counter() - start)
    print(name, mb / min(times))
"""


def _reader(runs: int) -> None:
    print("\n7. The number reader, one core: our five texts x30 (3.4 MB), best of runs")
    out = subprocess.run(
        [PY, "-c", _READER_TIMING, str(REPO / "data" / "raw" / "texts"), str(max(runs, 3))],
        check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    speeds = dict(zip(out[::2], map(float, out[1::2]), strict=True))
    print(f"  {'find_quantities, each text whole':44} {speeds['texts']:7.1f} MB/s   (target >= 15)")
    print(f"  {'find_quantities, line by line (as extract)':44} {speeds['lines']:7.1f} MB/s")


_DRAFT_TIMING = """
import statistics, sys, time
from pathlib import Path
from tradestats.text.draft import draft_rows
from tradestats.text.extract import extract
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
times = {"extract": [], "draft": []}
for _ in range(int(sys.argv[2])):  # interleaved, so that a slow spell hits both
    for name, fn in (("extract", extract), ("draft", draft_rows)):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        times[name].append(time.perf_counter() - start)
for name, values in times.items():
    print(name, statistics.median(values))
"""


def _drafting(runs: int) -> None:
    print("\n6. Drafting rows (extract --rows) against extract, on our five texts")
    texts = REPO / "data" / "raw" / "texts"
    out = subprocess.run(
        [PY, "-c", _DRAFT_TIMING, str(texts), str(max(runs, 5) * 5)],
        check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    inside = dict(zip(out[::2], map(float, out[1::2]), strict=True))
    row("draft_rows, all five texts, in one process", inside["draft"], "extract",
        inside["extract"], "(target <= 1.5x)")  # fmt: skip
    files = sorted(str(p) for p in texts.glob("*.txt"))
    floor = median([*TS, "extract", "--format", "csv", *files], runs)
    t = median([*TS, "extract", "--rows", "--format", "csv", *files], runs)
    row("tradestats extract --rows (whole process)", t, "tradestats extract", floor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 run each, scale x10 only")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="10,100,1000")
    parser.add_argument("--sections", default="1234567", help="which sections to run: 1 to 7")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    scales = [10] if args.quick else [int(s) for s in args.scales.split(",")]
    print(
        f"tradestats benchmarks — {platform.platform()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    print(f"median of {runs} run(s), whole processes\n")
    tmp = Path(tempfile.mkdtemp(prefix="tradestats-bench-"))
    sections = {
        "1": lambda: _startup(runs),
        "2": lambda: _build_and_validate(runs),
        "3": lambda: _render(runs, tmp),
        "4": lambda: _package(runs),
        "5": lambda: _scale(runs, scales, tmp),
        "6": lambda: _drafting(runs),
        "7": lambda: _reader(runs),
    }
    try:
        for key in args.sections:
            sections[key]()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
