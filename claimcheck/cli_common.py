"""What every command shares: settings and inputs or exit 2 with the reason, warnings and notes on
stderr, and writing the report."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import typer

from . import outputs, session
from .summary import Problem

QUIET = False  # --quiet: warnings are not printed (errors always are)


def set_quiet(quiet: bool) -> None:
    global QUIET
    QUIET = quiet


def fail(msg: str) -> NoReturn:
    typer.echo(f"claimcheck: error: {msg}", err=True)
    raise typer.Exit(2)


def check_paths(paths: list[str]) -> None:
    """Each given path exists, or exit 2 naming the first that does not."""
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        fail(f"no such file or directory: {missing[0]}")


def setup(config_path: Path | None, paths: list[str] | None = None, select: list[str] | None = None,
          ignore: list[str] | None = None, ledger: list[str] | None = None) -> session.Setup:
    """Settings, lexicon and rules, or exit 2 with the reason."""
    from .selection import ids

    try:
        return session.setup(config_path, paths or [], ids(select), ids(ignore), ledger or [])
    except session.SetupError as e:
        fail(str(e))


def warn(lines: Iterable[str | Problem]) -> None:
    if not QUIET:
        for line in lines:
            typer.echo(f"claimcheck: warning: {line}", err=True)


def say(line: str) -> None:
    """A note on stderr about what the run did; the report alone goes to stdout."""
    typer.echo(f"claimcheck: {line}", err=True)


def inputs(paths: list[str], cfg):
    """extract's files; a warning per file not read or path with no article; exit 2 if nothing at all."""
    try:
        got = session.gather(paths, cfg, staged=False, stdin=False, stdin_filename=None)
    except session.SetupError as e:
        fail(str(e))
    warn(got.warnings)
    return got.inputs


def emit(text: str | Iterable[str], output: Path | None) -> None:
    """Write the report, given whole or in pieces, to stdout or FILE; each piece is written as it comes."""
    try:
        outputs.emit(text, output)
    except outputs.WriteError as e:
        fail(f"cannot write {output}: {e}")
