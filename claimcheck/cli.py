"""Command line: parses options, runs the pipeline, renders, and decides the exit status."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .claims import lexicon as L
from . import runner
from .runner import CheckFormat, claim_dict

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Extract numeric claims from financial articles (Korean and English) and report contradictions.",
    context_settings={"help_option_names": ["-h", "--help"]},
)



class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit 2."""


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
    config: Annotated[Optional[Path], typer.Option("--config", help="Config file (default: nearest claimcheck.toml or pyproject.toml).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the extraction cache.")] = False,
    show_evidence: Annotated[bool, typer.Option("--show-evidence", help="Add a column saying where each field came from.")] = False,
) -> None:
    """Print every numeric claim found in the articles."""
    from .report import claims_table

    _check_paths(paths)
    cfg, lex, _, cfg_path = _setup(config, paths)
    corpus = runner.extract(_inputs(paths, cfg).sources, lex, jobs, no_cache, cfg_path)
    _warn(corpus.problems)
    if format == ExtractFormat.json:
        text = json.dumps({"schema": "claimcheck/claims@1", "claims": [claim_dict(c) for c in corpus.claims]},
                          ensure_ascii=False, indent=2) + "\n"
    elif format == ExtractFormat.jsonl:
        text = "".join(json.dumps(claim_dict(c), ensure_ascii=False) + "\n" for c in corpus.claims)
    else:
        text = claims_table.render(corpus.claims, color=runner.color(output), evidence=show_evidence)
    _emit(text, output)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _setup(config_path: Path | None, paths: list[str] | None = None):
    """Config (found upward from the checked paths), lexicon and rules, or exit 2 with the reason."""
    from . import config as C
    from . import ruleset

    try:
        path = config_path if config_path else C.find(C.start_dir(paths or []))
        if config_path and not config_path.is_file():
            raise C.ConfigError(f"{config_path}: config file not found")
        cfg = C.load(path)
        lex = L.build(cfg.aliases, cfg.fiscal_calendars) if (cfg.aliases or cfg.fiscal_calendars) else L.default()
        if cfg.fx_bands:
            lex.fx_bands = [*lex.fx_bands, *(b.model_dump() for b in cfg.fx_bands)]
        base = path.parent if path else Path.cwd()
        rules = ruleset.apply_config(ruleset.load([base / d for d in cfg.rules_dirs]), cfg, str(path or "config"))
    except (C.ConfigError, ruleset.RuleError, L.LexiconError) as e:
        _fail(str(e))
    return cfg, lex, rules, path


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Article files or folders; default: the current folder.")] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Report format.")] = CheckFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that fails (exit 1). Default: error, or the config's fail_on.")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Always exit 0 when the check ran.")] = False,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Report and fail only on findings not in this baseline file.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", help="Record the current findings' fingerprints in FILE.")] = None,
    changed_since: Annotated[Optional[str], typer.Option("--changed-since", help="Report only findings involving files changed since this git revision (plus uncommitted and untracked).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Config file (default: nearest claimcheck.toml or pyproject.toml).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction (default: all cores).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the extraction cache.")] = False,
    fail_on_unreadable: Annotated[Optional[bool], typer.Option("--fail-on-unreadable/--no-fail-on-unreadable", help="Exit 1 when a file could not be read or was not read (link leaving the tree, FIFO, too big). Default: on, or the config's fail_on_unreadable.")] = None,
    show_settings: Annotated[bool, typer.Option("--show-settings", help="Print the resolved settings and the file they came from, then exit.")] = False,
    show_files: Annotated[bool, typer.Option("--show-files", help="Print the articles that would be checked, then exit.")] = False,
    staged: Annotated[bool, typer.Option("--staged", help="Judge a commit (the pre-commit hook): report only findings involving the given files (default: the staged ones), with every file git tracks as evidence; untracked files are not read.")] = False,
) -> None:
    """Cross-check every claim and report contradictions; the exit status gates CI."""
    from . import builtin, engine, scope
    from .config import describe
    from .models import Severity

    if staged and changed_since:
        _fail("--staged and --changed-since choose the reported files two ways: give one")
    paths = paths or ([] if staged else ["."])
    _check_paths(paths)
    cfg, lex, rules, cfg_path = _setup(config, paths)
    if show_settings:
        _emit(describe(cfg, cfg_path), None)
        raise typer.Exit(0)
    commit = _commit(paths, cfg) if staged else None
    inputs = commit.inputs if commit else _inputs(paths, cfg)
    if show_files:
        _emit("".join(f"{s.shown}\n" for s in inputs.sources), None)
        raise typer.Exit(0)
    corpus = runner.extract(inputs.sources, lex, jobs, no_cache, cfg_path)
    _warn(corpus.problems)
    outcome = engine.run(corpus.claims, rules, lex, corpus.articles)
    try:
        scoped = scope.narrow(builtin.flag_unknown(outcome.findings, corpus.articles, rules),
                              changed_since, baseline, write_baseline, Path.cwd(),
                              commit.scope if commit else None)
    except scope.ScopeError as e:
        _fail(str(e))
    summary = scope.summarize(scoped, len(corpus.articles), len(corpus.claims), outcome.suppressed,
                              [*inputs.skipped, *corpus.unreadable])
    _emit(runner.stream(format, scoped.findings, summary, [*rules, *builtin.BUILTIN], output), output)
    if exit_zero or scoped.baseline_written is not None:  # --write-baseline accepts today's findings
        raise typer.Exit(0)
    threshold = Severity((fail_on.value if fail_on else None) or cfg.fail_on)
    failing = any(f.severity.rank >= threshold.rank for f in scoped.findings if not f.suppressed)
    # a gate that skipped an article has not checked it
    unread = bool(summary.unreadable) and (cfg.fail_on_unreadable if fail_on_unreadable is None else fail_on_unreadable)
    if unread:
        _warn([f"{len(summary.unreadable)} file(s) not checked: exit 1 (pass --no-fail-on-unreadable, or exclude them)"])
    raise typer.Exit(1 if failing or unread else 0)


@app.command("rules")
def list_rules(config: Annotated[Optional[Path], typer.Option("--config", help="Config file.")] = None) -> None:
    """List the rules in force, with their kind, severity and whether they are enabled."""
    from .builtin import BUILTIN

    _, _, rules, _ = _setup(config)
    width = max(len(r.id) for r in [*rules, *BUILTIN])
    kind_width = max(len(r.kind) for r in [*rules, *BUILTIN])
    for r in [*rules, *BUILTIN]:
        state = "" if r.enabled else "  (disabled)"
        typer.echo(f"{r.id:<{width}}  {r.severity.value:<7}  {r.kind:<{kind_width}}  {r.message}{state}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, as listed by `claimcheck rules`.")],
            config: Annotated[Optional[Path], typer.Option("--config", help="Config file.")] = None) -> None:
    """Print a rule's description, options and examples."""
    from .builtin import BUILTIN
    from .checks import KINDS
    from .checks.common import EVIDENCE_NOTE, option_lines

    _, _, rules, _ = _setup(config)
    spec = next((r for r in [*rules, *BUILTIN] if r.id == rule_id), None)
    if spec is None:
        _fail(f"unknown rule '{rule_id}' (known: {', '.join(r.id for r in [*rules, *BUILTIN])})")
    typer.echo(f"{spec.id} ({spec.kind}, {spec.severity.value}): {spec.message}\n")
    typer.echo(spec.description + "\n")
    if spec.passing:
        typer.echo(f"Passing: {spec.passing}")
    if spec.failing:
        typer.echo(f"Failing: {spec.failing}")
    if spec.kind in KINDS:
        typer.echo("\nOptions:")
        for line in option_lines(spec.options):  # every option: its value, its default where changed, its doc
            typer.echo("  " + line)
        typer.echo("\n" + EVIDENCE_NOTE)
        typer.echo("\nHow the check works:\n" + KINDS[spec.kind].doc)


def _warn(lines: Iterable[str]) -> None:
    for line in lines:
        typer.echo(f"claimcheck: warning: {line}", err=True)


def _inputs(paths: list[str], cfg):
    """The files to read; a warning per file not read or path with no article; exit 2 if nothing at all."""
    from .files import collect

    inputs = collect(paths, cfg.include, cfg.exclude, cfg.max_file_mb)
    if inputs.nothing():
        _fail(f"nothing to check: no articles under {', '.join(paths)} (include: {', '.join(cfg.include)})")
    _warn(inputs.warnings(cfg.include))
    return inputs


def _commit(paths: list[str], cfg):
    """What --staged reads and reports on; when the commit stages no article, there is nothing to judge."""
    from .commit import CommitError, gather

    try:
        commit = gather(paths, cfg.include, cfg.exclude, cfg.max_file_mb, Path.cwd())
    except CommitError as e:
        _fail(str(e))
    _warn(f"{u.file}: not read: {u.reason}" for u in commit.inputs.skipped)
    if not commit.scope and not commit.inputs.skipped:
        typer.echo("claimcheck: no article to judge among the given or staged files", err=True)
        raise typer.Exit(0)
    return commit


def _emit(text: str | Iterable[str], output: Path | None) -> None:
    """Write the report, given whole or in pieces, to stdout or FILE; each piece is written as it comes."""
    pieces = [text] if isinstance(text, str) else text
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        return
    try:
        runner.write(pieces, output)
    except runner.WriteError as e:
        _fail(f"cannot write {output}: {e}")


def main() -> None:
    """Entry point: usage errors become one line on stderr and exit 2, as every other set-up error does."""
    try:
        import click  # typer 0.2x vendors click as typer._click
    except ImportError:
        from typer import _click as click

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
