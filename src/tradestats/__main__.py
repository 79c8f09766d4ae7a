"""``python -m tradestats`` is the ``tradestats`` command."""

from tradestats.cli import cli

if __name__ == "__main__":
    cli(prog_name="tradestats")
