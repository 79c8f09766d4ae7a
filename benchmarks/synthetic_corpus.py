"""Make a synthetic corpus N times the size of ours: N copies of every text (each made
distinct by a last line that names the copy) with every raw row copied and re-keyed, so
that the corpus parses, builds and validates like the real one.

    python benchmarks/synthetic_corpus.py 100 /tmp/corpus-100
"""

from __future__ import annotations

import csv
import io
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"


def _rows(name: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO((RAW / name).read_text(encoding="utf-8")))
    return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def make_corpus(factor: int, root: Path) -> Path:
    raw = root / "data" / "raw"
    if root.exists():
        shutil.rmtree(root)
    (raw / "texts").mkdir(parents=True)
    (root / "data" / "clean").mkdir(parents=True)
    for name in ("economies.csv", "agencies.csv"):
        shutil.copy(RAW / name, raw / name)
    src_h, sources = _rows("sources.csv")
    fig_h, figures = _rows("figures.csv")
    rel_h, relations = _rows("relations.csv")
    cal_h, mentions = _rows("calendar_mentions.csv")
    exc_h, excluded = _rows("excluded.csv")
    out_sources, out_figures, out_relations, out_mentions, out_excluded = [], [], [], [], []
    n_fig = n_rel = n_cal = 0
    for copy in range(factor):
        ids: dict[str, str] = {}
        for s in sources:
            text = (RAW / "texts" / s["file"]).read_text(encoding="utf-8")
            lines = text.split("\n")
            marker = f"synthetic copy {copy}"
            new_id = f"{s['source_id']}-c{copy:04d}"
            new_file = f"{Path(s['file']).stem}-c{copy:04d}.txt"
            (raw / "texts" / new_file).write_text(text + "\n" + marker, encoding="utf-8")
            out_sources.append({**s, "source_id": new_id, "file": new_file})
            out_excluded.append(
                {
                    "source_id": new_id,
                    "line": str(len(lines) + 1),
                    "quote": marker,
                    "reason": "identifier",
                    "note": "synthetic corpus marker",
                }
            )
        sid = {s["source_id"]: f"{s['source_id']}-c{copy:04d}" for s in sources}
        for f in figures:
            n_fig += 1
            ids[f["figure_id"]] = f"F{n_fig:07d}"
            out_figures.append(
                {**f, "figure_id": ids[f["figure_id"]], "source_id": sid[f["source_id"]]}
            )
        for r in relations:
            n_rel += 1
            out_relations.append(
                {
                    **r,
                    "check_id": f"C{n_rel:06d}",
                    "target_id": ids[r["target_id"]],
                    "operand_ids": ";".join(ids[i] for i in r["operand_ids"].split(";")),
                }
            )
        for m in mentions:
            n_cal += 1
            out_mentions.append({**m, "mention_id": f"D{n_cal}", "source_id": sid[m["source_id"]]})
        for e in excluded:
            out_excluded.append({**e, "source_id": sid[e["source_id"]]})
    _write(raw / "sources.csv", src_h, out_sources)
    _write(raw / "figures.csv", fig_h, out_figures)
    _write(raw / "relations.csv", rel_h, out_relations)
    _write(raw / "calendar_mentions.csv", cal_h, out_mentions)
    _write(raw / "excluded.csv", exc_h, out_excluded)
    return root


if __name__ == "__main__":
    make_corpus(int(sys.argv[1]), Path(sys.argv[2]))
