"""Command line: parses options, runs the pipeline, renders, and decides the exit status."""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .claims import lexicon as L
from .models import Claim

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Extract numeric claims from financial articles (Korean and English) and report contradictions.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

INTERNAL = {"sentence", "context_year", "half_width"}


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit 2."""


def claim_dict(c: Claim) -> dict:
    return c.model_dump(mode="json", exclude=INTERNAL)


def _fail(msg: str) -> None:
    typer.echo(f"claimcheck: error: {msg}", err=True)
    raise typer.Exit(2)


def _check_paths(paths: list[str]) -> None:
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        _fail(f"no such file or directory: {missing[0]}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """claimcheck reads articles, types every figure, and cross-checks them."""


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files or folders (searched recursively).")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
) -> None:
    """Print every numeric claim found in the articles."""
    from .pipeline import run, sources
    from .report import claims_table

    _check_paths(paths)
    corpus = run(sources(paths), L.default())
    for p in corpus.problems:
        typer.echo(f"claimcheck: warning: {p}", err=True)
    if format == ExtractFormat.json:
        text = json.dumps({"schema": "claimcheck/claims@1", "claims": [claim_dict(c) for c in corpus.claims]},
                          ensure_ascii=False, indent=2) + "\n"
    elif format == ExtractFormat.jsonl:
        text = "".join(json.dumps(claim_dict(c), ensure_ascii=False) + "\n" for c in corpus.claims)
    else:
        text = claims_table.render(corpus.claims, color=_color(output))
    _emit(text, output)


def _color(output: Path | None) -> bool:
    return output is None and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        _fail(f"cannot write {output}: {e.strerror}")


def main() -> None:
    app()
