"""Command line: the typer app and its entry point.

Each command is a module of its own: `cli_extract.py`, `cli_check.py` (which alone decides the exit
status of a check), `cli_store.py` (export, query), `cli_rules.py` (rules, explain) and `cli_ledger.py`;
`cli_common.py` holds what they share. Commands are registered here, in the order `--help` lists them.
"""
from __future__ import annotations

import sys
from typing import Annotated

import typer

from . import __version__
from .cli_check import check
from .cli_extract import extract
from .cli_ledger import ledger_app
from .cli_rules import explain, list_rules
from .cli_store import export_cmd, query_cmd

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Extract numeric claims from financial articles (Korean and English) and report contradictions.",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """claimcheck reads articles, types every figure, and cross-checks them."""


app.command()(extract)
app.command()(check)
app.command("export")(export_cmd)
app.command("query")(query_cmd)
app.command("rules")(list_rules)
app.command()(explain)
app.add_typer(ledger_app, name="ledger")


def main() -> None:
    """Entry point: usage errors become one line on stderr and exit 2, as every other set-up error does."""
    # typer 0.2x vendors click as typer._click and raises its exceptions, even where click itself is
    # installed too (the dask extra brings it); older typer uses click
    try:
        from typer import _click as click  # type: ignore[attr-defined, unused-ignore]
    except ImportError:
        import click  # type: ignore[import-not-found, no-redef, unused-ignore]

    try:
        code = app(standalone_mode=False)
    except click.exceptions.UsageError as e:
        if type(e).__name__ == "NoArgsIsHelpError":  # bare `claimcheck`: show the help, not an error line
            sys.stderr.write(e.format_message() + "\n")
            sys.exit(2)
        hint = f" (see 'claimcheck {e.ctx.command_path.split(' ', 1)[-1]} --help')" if e.ctx and " " in e.ctx.command_path else ""
        sys.stderr.write(f"claimcheck: error: {e.format_message()}{hint}\n")
        sys.exit(2)
    except (getattr(click.exceptions, "Abort", KeyboardInterrupt), KeyboardInterrupt):
        sys.stderr.write("claimcheck: aborted\n")
        sys.exit(130)
    except Exception as e:  # a bug of ours: one line naming it, exit 2, as for any job not done
        sys.stderr.write(f"claimcheck: internal error: {type(e).__name__}: {e} (please report it)\n")
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
