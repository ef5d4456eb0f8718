"""`claimcheck extract`: every claim found in the articles, as a table, JSON or JSON Lines."""
from __future__ import annotations

from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import outputs
from .cli_common import check_paths, emit, inputs, setup, warn
from .outputs import CheckFormat


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files or folders (searched recursively).")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Config file (default: nearest claimcheck.toml or pyproject.toml).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the extraction cache.")] = False,
    show_evidence: Annotated[bool, typer.Option("--show-evidence", help="Add a column saying where each field came from.")] = False,
) -> None:
    """Print every numeric claim found in the articles."""
    from .pipeline import extract as run
    from .report import CLAIMS

    check_paths(paths)
    s = setup(config, paths)
    corpus = run(inputs(paths, s.cfg).sources, s.lex, jobs, no_cache, s.path.parent if s.path else None)
    warn(corpus.problems)
    how = replace(outputs.look(outputs.Output(CheckFormat.text, output)), evidence=show_evidence)
    text = CLAIMS[format.value](corpus.claims, how)
    emit(text, output)
