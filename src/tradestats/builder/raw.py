"""Read the raw layer: CSV tables and source texts, checked against their contract.

Every problem is reported with its file, its line in that file (the header is line 1)
and its column. Each DataFrame returned is indexed by file line, so a later check can
point back to the line as well.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from tradestats.contract.checking import schema_problems
from tradestats.contract.models import RAW_TABLES, TableSpec
from tradestats.contract.vocabularies import DATE_RANGE, MAX_TEXT_BYTES
from tradestats.errors import Problem

__all__ = ["RawData", "read_raw", "read_table", "read_text", "records"]


def records(df: pd.DataFrame) -> list[tuple[int, dict[str, Any]]]:
    """(file line, row as a dict) for every row: far faster than DataFrame.iterrows or
    to_dict("records") (each column is turned into a Python list once)."""
    names = list(df.columns)
    columns = [df[name].tolist() for name in names]
    lines = [int(i) for i in df.index.tolist()]
    return [
        (line, dict(zip(names, values, strict=True)))
        for line, values in zip(lines, zip(*columns, strict=True), strict=True)
    ]


def _read_bytes(path: Path, label: str, problems: list[Problem]) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(label, None, None, "file not found"))
    except IsADirectoryError:
        problems.append(Problem(label, None, None, "is a directory, not a file"))
    except OSError as exc:
        problems.append(Problem(label, None, None, f"cannot read: {exc.strerror}"))
    return None


def _decode(data: bytes, label: str, problems: list[Problem]) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(
            Problem(
                label,
                line,
                None,
                f"not UTF-8: byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start} cannot be decoded; save the file as UTF-8",
            )
        )
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # C0 controls but tab and newline
# Bidi embeddings, overrides and isolates: they reorder what a reader sees without
# changing the text. Zero-width (non-)joiners and the LRM/RLM marks are part of Persian
# writing and stay allowed.
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
# A column's cells joined by a noncharacter, searched once for what would make any cell
# unusable: a control, a bidi control, or a space at a cell's start or end (each search
# opens with a character or a class, so the engine skips the rest in C)
_CELL_SEPARATOR = "\uffff"
_SUSPECTS = (_CONTROL, _BIDI_CONTROL, re.compile(r"\uffff\s"), re.compile(r"\s\uffff"))


def _text_problem(text: str, label: str) -> Problem | None:
    """What makes a decoded text unusable as a source: one problem, or None."""
    if not text.strip():
        return Problem(label, None, None, "the text is empty")
    if text.startswith("\ufeff"):
        return Problem(label, 1, None, "starts with a byte-order mark; remove it")
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        return Problem(
            label,
            line,
            None,
            "has CR or CRLF line ends; save it with LF line ends, as the "
            "line numbers in figures.csv count LF lines",
        )
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        return Problem(
            label,
            line,
            None,
            f"control character U+{ord(control.group()):04X} at column "
            f"{column}; a text holds printable characters, tabs and line ends only",
        )
    return None


def read_text(path: Path, label: str, problems: list[Problem]) -> tuple[list[str], str] | None:
    """The lines of a source text (without line endings) and the SHA-256 of its bytes,
    read once; or None with a problem."""
    if path.is_file() and path.stat().st_size > MAX_TEXT_BYTES:
        size = path.stat().st_size
        message = f"{size:,} bytes is more than the {MAX_TEXT_BYTES:,} bytes a text may hold"
        problems.append(Problem(label, None, None, message))
        return None
    data = _read_bytes(path, label, problems)
    text = None if data is None else _decode(data, label, problems)
    if data is None or text is None:
        return None
    problem = _text_problem(text, label)
    if problem is not None:
        problems.append(problem)
        return None
    return text.split("\n"), hashlib.sha256(data).hexdigest()


def _rows_one_per_line(text: str) -> tuple[list[str], list[list[str]], list[int]] | None:
    """The quick way, for the usual file: every row on a line of its own, every row as
    wide as the header, no blank line. None for any other file (or a malformed one);
    :func:`_rows_with_lines` then reads it row by row and says what is wrong."""
    try:
        header, *rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    except (csv.Error, ValueError):
        return None
    physical_lines = text.count("\n") + (not text.endswith("\n"))
    width = len(header)
    if physical_lines != len(rows) + 1 or any(len(r) != width for r in rows):
        return None
    return header, rows, list(range(2, len(rows) + 2))


def _rows_with_lines(
    text: str, label: str
) -> tuple[tuple[list[str], list[list[str]], list[int]], list[Problem]]:
    """Header, rows and the file line each row starts on; or the problems found."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return ([], [], []), [Problem(label, 1, None, "empty file: expected a header row")]
    except csv.Error as exc:
        return ([], [], []), [Problem(label, 1, None, f"cannot read the header: {exc}")]
    problems: list[Problem] = []
    rows: list[list[str]] = []
    lines: list[int] = []
    while True:
        start_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(label, start_line, None, f"malformed CSV: {exc}"))
            return (header, rows, lines), problems
        if not row:
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    label,
                    start_line,
                    None,
                    f"expected {len(header)} fields as in the header, found {len(row)}",
                )
            )
            continue
        rows.append(row)
        lines.append(start_line)
    return (header, rows, lines), problems


def _cell_problem(value: str) -> str | None:
    """What makes a cell's text unusable, in words, or None."""
    control = _CONTROL.search(value)
    if control is not None:
        return f"control character U+{ord(control.group()):04X}; a cell holds printable text"
    bidi = _BIDI_CONTROL.search(value)
    if bidi is not None:
        return (
            f"bidirectional control U+{ord(bidi.group()):04X}: it reorders what a reader "
            "sees; remove it"
        )
    if value != value.strip():
        return "starts or ends with a space; remove it"
    return None


def _header_and_cell_problems(
    header: list[str], rows: list[list[str]], lines: list[int], label: str
) -> list[Problem]:
    """A column named twice, and cells holding control characters, bidi controls or
    padding, each by line and column."""
    problems = [
        Problem(label, 1, name, f"duplicate column {name!r}: a column may appear once")
        for i, name in enumerate(header)
        if name in header[:i]
    ]
    for i, name in enumerate(header):
        # one search of the whole column first: most columns have nothing to report
        joined = _CELL_SEPARATOR.join(row[i] for row in rows)
        padded = joined[:1].isspace() or joined[-1:].isspace()
        if not padded and not any(suspect.search(joined) for suspect in _SUSPECTS):
            continue
        for line, row in zip(lines, rows, strict=True):
            issue = _cell_problem(row[i]) if row[i] else None
            if issue is not None:
                problems.append(Problem(label, line, name, issue))
    return problems


def read_table(
    path: Path, spec: TableSpec, label: str
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read one raw CSV, check its shape and validate it against ``spec``'s model."""
    problems: list[Problem] = []
    data = _read_bytes(path, label, problems)
    text = None if data is None else _decode(data, label, problems)
    if text is None:
        return None, problems
    if text.startswith("\ufeff"):
        text = text[1:]
    if text and not text.endswith("\n"):
        last = text.count("\n") + 1
        return None, [
            Problem(
                label,
                last,
                None,
                "the file does not end with a line break, so "
                "its last row may be cut short; check it, and end the file with a "
                "line break",
            )
        ]
    rows_and_lines = _rows_one_per_line(text)
    if rows_and_lines is None:
        rows_and_lines, problems = _rows_with_lines(text, label)
        if problems:
            return None, problems
    header, rows, lines = rows_and_lines
    cell_problems = _header_and_cell_problems(header, rows, lines, label)
    if cell_problems:
        return None, cell_problems
    values = [[value or None for value in row] for row in rows]  # an empty field is missing
    df = pd.DataFrame(
        values, columns=header, index=pd.Index(lines, name="line_in_file"), dtype=object
    )
    date_issues = _date_problems(df, spec, label)
    if date_issues:
        return None, date_issues
    valid, schema_issues = schema_problems(df, spec.model, label)
    return valid, schema_issues


def _date_problems(df: pd.DataFrame, spec: TableSpec, label: str) -> list[Problem]:
    """Each date cell that is not an ISO date within DATE_RANGE, by line and column
    (pandera would report it without its line)."""
    low, high = DATE_RANGE
    problems = []
    for name, column in spec.model.to_schema().columns.items():
        if name not in df.columns or not str(column.dtype).startswith("datetime64"):
            continue
        for line, value in df[name].items():
            if value is None:
                continue
            if not (_ISO_DATE.fullmatch(value) and low <= value <= high and _is_date(value)):
                message = f"{value!r} is not a date between {low} and {high} (YYYY-MM-DD)"
                problems.append(Problem(label, int(str(line)), name, message))
    return problems


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass
class RawData:
    """The raw layer, validated table by table. ``texts`` maps a source id to its lines."""

    root: Path
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)
    text_sha256: dict[str, str] = field(default_factory=dict)

    def label(self, name: str) -> str:
        return f"data/raw/{RAW_TABLES[name].file}"


def read_raw(raw_dir: Path) -> tuple[RawData, list[Problem]]:
    """Read every raw table and every text it names. Returns what could be read and the
    problems found; the caller decides whether to go on."""
    data = RawData(root=raw_dir)
    problems: list[Problem] = []
    texts = raw_dir / "texts"
    if texts.is_symlink() or not texts.resolve().is_relative_to(raw_dir.resolve()):
        message = "is a link to a folder elsewhere; copy the texts into data/raw/texts/"
        return data, [Problem("data/raw/texts", None, None, message)]
    _read_tables(data, ["sources"], problems)
    sources = data.tables.get("sources")
    if sources is not None:
        for line, row in records(sources):
            path = raw_dir / "texts" / str(row["file"])
            label = f"data/raw/texts/{row['file']}"
            if path.is_symlink() and not path.resolve().is_relative_to(
                (raw_dir / "texts").resolve()
            ):
                problems.append(
                    Problem(
                        label,
                        None,
                        None,
                        "is a link to a file outside "
                        "data/raw/texts/; copy the text into the folder",
                    )
                )
                continue
            got = read_text(path, label, problems)
            if got is not None:
                data.texts[str(row["source_id"])], data.text_sha256[str(row["source_id"])] = got
            elif not path.exists():
                problems[-1] = Problem(
                    data.label("sources"),
                    int(str(line)),
                    "file",
                    f"the text {row['file']!r} is not in data/raw/texts/",
                )
    _read_tables(data, [name for name in RAW_TABLES if name != "sources"], problems)
    return data, problems


def _read_tables(data: RawData, names: list[str], problems: list[Problem]) -> None:
    for name in names:
        spec = RAW_TABLES[name]
        if spec.metadata.get("optional") and not (data.root / spec.file).exists():
            empty = pd.DataFrame(columns=list(spec.model.to_schema().columns))
            data.tables[name] = spec.model.validate(empty)  # an optional table, absent
            continue
        df, issues = read_table(data.root / spec.file, spec, data.label(name))
        problems.extend(issues)
        if df is not None:
            data.tables[name] = df
