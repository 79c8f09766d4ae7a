"""The extractor over many texts at once: on every usable core, in worker processes
started at low priority, so that the process that starts them can go on with its own
work (reading and deriving the tables) and collect the results as they come."""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.pool
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from tradestats.extraction import Candidate, extract, number_spots
from tradestats.paths import usable_cores

__all__ = ["Extraction", "Spot", "spot"]

# A number as accounting for numbers needs it: line, start and end in the line
# (0-based), and kind. Far smaller than a Candidate to send back from a worker.
Spot = tuple[int, int, int, str]


def spot(c: Candidate) -> Spot:
    """A candidate as a spot."""
    return (c.line, c.column - 1, c.column - 1 + len(c.quote), c.kind)


# A text as its lines, or as the file to read it from
_Text = list[str] | Path
_TEXTS: Mapping[str, _Text] = {}  # for the forked workers: inherited, not pickled
_KEEP = False


def _extract_text(text: _Text, keep: bool) -> list[Candidate] | list[Spot]:
    if isinstance(text, Path):
        try:
            joined = text.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return []  # reading data/raw reports it, and nothing is accounted for then
    else:
        joined = "\n".join(text)
    if keep:
        return extract(joined, include_bare=True)
    return [found[:4] for found in number_spots(joined)]


def _extract_source(source_id: str) -> list[Candidate] | list[Spot]:
    return _extract_text(_TEXTS[source_id], _KEEP)


def _yield_to_the_caller() -> None:
    """Workers run at a lower priority: the process that started them has its own work
    to do meanwhile (reading and deriving the tables), and it is the one waited for."""
    with contextlib.suppress(OSError):
        os.nice(19)


class Extraction:
    """The extractor run over every text: on several cores when there are many texts,
    started at once (so the caller can do other work meanwhile) and collected, text by
    text as they are done, with :meth:`results`. Close it (or use it as a context
    manager) if the results are never collected."""

    def __init__(self, texts: Mapping[str, _Text], *, keep_candidates: bool) -> None:
        """``texts``: an id -> the text's lines, or the file to read them from (the
        workers then read it themselves, so they can start before the caller has).
        ``keep_candidates``: give every candidate, bare numbers too; otherwise spots."""
        global _TEXTS, _KEEP
        self.texts = texts
        self.keep = keep_candidates
        self._pool: multiprocessing.pool.Pool | None = None
        self._pending: Iterator[list[Any]] | None = None
        jobs = min(usable_cores(), len(texts) // 8)
        if jobs >= 2 and "fork" in multiprocessing.get_all_start_methods():
            _TEXTS, _KEEP = texts, keep_candidates
            try:
                self._pool = multiprocessing.get_context("fork").Pool(
                    jobs, initializer=_yield_to_the_caller
                )
            finally:
                _TEXTS = {}  # the workers have their copy
            self._pending = self._pool.imap(_extract_source, list(texts), chunksize=16)

    def results(self) -> Iterator[tuple[str, list[Any]]]:
        """(id, the text's candidates if kept, else its spots), in the order of the texts."""
        if self._pending is None:
            for sid, text in self.texts.items():
                yield sid, _extract_text(text, self.keep)
            return
        try:
            yield from zip(self.texts, self._pending, strict=True)
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
