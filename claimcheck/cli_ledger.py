"""`claimcheck ledger show` and `claimcheck ledger fetch`: the filed figures check --ledger compares claims with."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_common import emit, fail, say, setup, warn

ledger_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                         help="Filed figures that check --ledger compares claims with: fetch them, show them.")
FETCHED = Path(".claimcheck") / "ledger"  # where `ledger fetch` writes, and what `ledger show` reads by default


class LedgerFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


@ledger_app.command("show")
def ledger_show(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Ledger files or folders (default: the config's ledger, else .claimcheck/ledger).")] = None,
    format: Annotated[LedgerFormat, typer.Option("--format", "-f", help="A table, or ledger@1 JSON Lines.")] = LedgerFormat.table,
    config: Annotated[Optional[Path], typer.Option("--config", help="Config file.")] = None,
) -> None:
    """Print the filed figures of a ledger, every version, with where each was filed."""
    from . import ledger as LG
    from .report import ledger_table

    s = setup(config, paths)
    given = [Path(p) for p in paths] if paths else s.ledger or ([FETCHED] if FETCHED.is_dir() else [])
    if not given:
        fail("no ledger: name a file or folder, or set 'ledger' in the config")
    try:
        figures = LG.load(given, s.lex)
    except LG.LedgerError as e:
        fail(str(e))
    emit(ledger_table.table(figures) if format is LedgerFormat.table else ledger_table.jsonl(figures), None)


@ledger_app.command("fetch")
def ledger_fetch(
    sec: Annotated[Optional[list[str]], typer.Option("--sec", metavar="CIK|TICKER", help="A company's SEC companyfacts (needs SEC_USER_AGENT). Repeatable.")] = None,
    dart: Annotated[Optional[list[str]], typer.Option("--dart", metavar="CORP_CODE", help="A company's OpenDART statements (needs DART_API_KEY). Repeatable.")] = None,
    years: Annotated[Optional[str], typer.Option("--years", metavar="2023-2025", help="DART business years (default: the last three).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for the raw answers (raw/) and the ledger files.")] = FETCHED,
    config: Annotated[Optional[Path], typer.Option("--config", help="Config file.")] = None,
) -> None:
    """Download filings into .claimcheck/ledger/ and write them as ledger files for check --ledger."""
    import datetime as dt

    from .ledger import LedgerError, fetch

    if not sec and not dart:
        fail("give --sec CIK|TICKER or --dart CORP_CODE")
    lex = setup(config).lex
    try:
        spans = fetch.years(years, dt.date.today().year)
        done = [fetch.sec(who, out, lex) for who in sec or []] + [fetch.dart(who, spans, out, lex) for who in dart or []]
    except LedgerError as e:
        fail(str(e))
    for got in done:
        warn(got.notes)
        say(f"wrote {got.ledger} ({got.figures} filed figures from {len(got.raw)} download{'s' if len(got.raw) > 1 else ''})")
