"""Regenerate the image-regression baselines in tests/baseline/ (72 dpi PNGs).

Run after an intended change to a chart, look at every image, then commit them:
    python tests/make_baselines.py
"""

from __future__ import annotations

from pathlib import Path

from tradestats.charts.registry import CHARTS, chart_function
from tradestats.charts.render import save_figure_bytes
from tradestats.views import chart_tables

if __name__ == "__main__":
    out = Path(__file__).parent / "baseline"
    out.mkdir(exist_ok=True)
    tables = chart_tables()
    for name in CHARTS:
        for lang in ("en", "fa"):
            fig = chart_function(name)(tables, lang=lang)
            (out / f"{name}.{lang}.png").write_bytes(save_figure_bytes(fig, "png", 72))
            print(f"wrote {name}.{lang}.png")
