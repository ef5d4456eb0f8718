"""`claimcheck export` and `claimcheck query`: the claim store (Parquet and DuckDB; needs claimcheck[store])."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import session
from .cli_common import check_paths, emit, fail, inputs, say, setup, warn


class PartitionBy(str, Enum):
    period = "period"
    entity = "entity"


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def export_cmd(
    paths: Annotated[list[str], typer.Argument(help="Article files or folders (searched recursively).")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="The claim store: a folder, made if missing.")],
    partition_by: Annotated[PartitionBy, typer.Option("--partition-by", help="Lay the claims' Parquet files out by period or by entity (family).")] = PartitionBy.entity,
    config: Annotated[Optional[Path], typer.Option("--config", help="Config file (default: nearest claimcheck.toml or pyproject.toml).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction (default: all cores).")] = None,
    ledger: Annotated[Optional[list[str]], typer.Option("--ledger", metavar="PATH", help="Check the claims against the filed figures in PATH too, and store them (repeatable; beside the config's ledger).")] = None,
) -> None:
    """Write the claims and findings of the articles to a claim store (Parquet; needs claimcheck[store])."""
    from . import export, store, store_check

    check_paths(paths)
    s = setup(config, paths, ledger=ledger)
    try:
        filed = session.load_ledger(s)  # before extraction, as check does
    except session.SetupError as e:
        fail(str(e))
    srcs = inputs(paths, s.cfg).sources
    try:
        store.duckdb()
        done = export.export(srcs, s.rules, s.lex, s.path.parent if s.path else None, output, partition_by.value, jobs)
        warn(done.problems)
        # findings made against a ledger follow it, or its absence, with the articles unchanged
        rewrite = done.changed or filed is not None or (output / "ledger.parquet").is_file()
        if rewrite or not (output / "findings.parquet").is_file():
            store_check.write_findings(output, store_check.check(output, s.rules, s.lex, s.keep, filed).findings)
        store_check.write_ledger(output, filed)
    except store.StoreError as e:
        fail(str(e))
    say(f"{done.articles} articles in {output}: {done.extracted} staged afresh" + ("" if rewrite else ", nothing rewritten"))


def query_cmd(
    sql: Annotated[str, typer.Argument(help="SQL over the views claims, articles, findings (and ledger, when a ledger was given).")],
    store_dir: Annotated[Path, typer.Option("--store", metavar="DIR", help="The claim store written by export.")] = Path("claims-store"),
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
) -> None:
    """Run SQL over a claim store (needs claimcheck[store])."""
    from . import query, store

    try:
        store.duckdb()
        text = list(query.run(sql, store_dir, format.value))
    except store.StoreError as e:
        fail(str(e))
    emit(text, None)
