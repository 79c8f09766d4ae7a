"""The exceptions tradestats raises. The CLI turns each into a plain message."""

from __future__ import annotations

from dataclasses import dataclass


class TradestatsError(Exception):
    """Base class: a problem the user can act on, reported without a traceback."""


class NumberPhraseError(TradestatsError, ValueError):
    """A number phrase that cannot be read unambiguously."""


class PeriodError(TradestatsError, ValueError):
    """A period or calendar date that cannot be read or does not exist."""


@dataclass(frozen=True)
class Problem:
    """One problem in one place: a file, the line in it (1-based, header is line 1),
    the column, and what was expected against what was found."""

    file: str
    line: int | None
    column: str | None
    message: str

    @property
    def place(self) -> tuple[str, int, str]:
        """Where the problem is, for sorting: file, then line, then column."""
        return (self.file, -1 if self.line is None else self.line, self.column or "")

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.column:
            where += f" [{self.column}]"
        return f"{where}: {self.message}"


class InputError(TradestatsError):
    """Raw input that fails its contract. Carries every problem found, not just the
    first, so one run tells the user everything to fix."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: p.place)  # by file, line, column
        super().__init__(self.render())

    def render(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the raw data:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
