"""One CSV dialect for every clean table: UTF-8, comma, LF line endings, ISO dates, no
index, no thousands separators, shortest exact float text."""

from __future__ import annotations

import pandas as pd

__all__ = ["FLOAT_FORMAT", "to_csv_bytes"]

# 15 significant digits: exact for every value a text states, no binary noise
# (392.2, not 392.19999999999999).
FLOAT_FORMAT = "%.15g"


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """Serialize a clean table."""
    text = df.to_csv(
        index=False, lineterminator="\n", date_format="%Y-%m-%d", float_format=FLOAT_FORMAT
    )
    return text.encode("utf-8")
