"""The floor for 'tradestats plot': import pandas and matplotlib, and save as many figures
of the same size in the same formats, each a simple bar chart with a title."""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

# The file settings tradestats uses: text stays text in SVG, TrueType (Type 42) in PDF.
matplotlib.rcParams.update({"svg.fonttype": "none", "pdf.fonttype": 42, "ps.fonttype": 42})
out = Path(sys.argv[1])
n_figures = int(sys.argv[2]) if len(sys.argv) > 2 else 4
out.mkdir(parents=True, exist_ok=True)
data = pd.DataFrame({"x": ["a", "b", "c", "d", "e"], "y": [5, 3, 4, 1, 2]})
for i in range(n_figures):
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.bar(data["x"], data["y"])
    ax.set_title(f"Figure {i}")
    for fmt in ("png", "svg", "pdf"):
        fig.savefig(out / f"f{i}.{fmt}", dpi=200)
    plt.close(fig)
