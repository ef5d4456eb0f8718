"""Command line: parses options, runs the pipeline, renders, and decides the exit status."""
from __future__ import annotations

import sys
from dataclasses import replace
from collections.abc import Iterable
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from . import __version__, outputs, session
from .summary import Problem
from .outputs import CheckFormat, ColorMode

QUIET = False  # --quiet: warnings are not printed (errors always are)

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


def _fail(msg: str) -> NoReturn:
    typer.echo(f"claimcheck: error: {msg}", err=True)
    raise typer.Exit(2)


def _check_paths(paths: list[str]) -> None:
    """Each given path exists, or exit 2 naming the first that does not."""
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
    from .pipeline import extract as run
    from .report import CLAIMS

    _check_paths(paths)
    s = _setup(config, paths)
    corpus = run(_inputs(paths, s.cfg).sources, s.lex, jobs, no_cache, s.path.parent if s.path else None)
    _warn(corpus.problems)
    how = replace(outputs.look(outputs.Output(CheckFormat.text, output)), evidence=show_evidence)
    text = CLAIMS[format.value](corpus.claims, how)
    _emit(text, output)


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


def _engine_clash(store: Path | None, engine: EngineName, scheduler: str | None, stdin: bool, edits: bool) -> str | None:
    if store is not None and engine == EngineName.dask:
        return "--store and --engine dask are two ways to run the rules: give one"
    if scheduler is not None and engine != EngineName.dask:
        return "--scheduler names a Dask scheduler: add --engine dask"
    if (store is not None or engine == EngineName.dask) and (stdin or edits):
        return "--store and --engine dask check files on disk and report: no standard input, --fix, --diff or --add-noqa"
    return None


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _setup(config_path: Path | None, paths: list[str] | None = None, select: list[str] | None = None,
           ignore: list[str] | None = None, ledger: list[str] | None = None) -> session.Setup:
    """Settings, lexicon and rules, or exit 2 with the reason."""
    from .selection import ids

    try:
        return session.setup(config_path, paths or [], ids(select), ids(ignore), ledger or [])
    except session.SetupError as e:
        _fail(str(e))


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Article files or folders; - reads standard input; default: the current folder.")] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Report format.")] = CheckFormat.text,
    output: Annotated[Optional[list[str]], typer.Option("--output", "-o", metavar="FILE|FORMAT:PATH", help="Write the report to FILE instead of standard output; FORMAT:PATH adds a report in FORMAT (FORMAT:- is standard output). Repeatable.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that fails (exit 1). Default: error, or the config's fail_on.")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Always exit 0 when the check ran.")] = False,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Report and fail only on findings not in this baseline file.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", help="Record the current findings' fingerprints in FILE.")] = None,
    changed_since: Annotated[Optional[str], typer.Option("--changed-since", help="Report only findings involving files changed since this git revision (plus uncommitted and untracked).")] = None,
    staged: Annotated[bool, typer.Option("--staged", help="Judge a commit (the pre-commit hook): report only findings involving the given files (default: the staged ones), with every file git tracks as evidence; untracked files are not read.")] = False,
    config: Annotated[Optional[Path], typer.Option("--config", help="Config file (default: nearest claimcheck.toml or pyproject.toml).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction (default: all cores).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the extraction cache.")] = False,
    fail_on_unreadable: Annotated[Optional[bool], typer.Option("--fail-on-unreadable/--no-fail-on-unreadable", help="Exit 1 when a file could not be read or was not read (link leaving the tree, FIFO, too big). Default: on, or the config's fail_on_unreadable.")] = None,
    show_settings: Annotated[bool, typer.Option("--show-settings", help="Print the resolved settings and the file they came from, then exit.")] = False,
    show_files: Annotated[bool, typer.Option("--show-files", help="Print the articles that would be checked, then exit.")] = False,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", metavar="NAME", help="The name of the article read from standard input (-): reported under it, and it takes that file's place.")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", metavar="ID,...", help="Only these rule ids (comma-separated or repeated); replaces the config's select.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", metavar="ID,...", help="Leave out these rule ids (comma-separated or repeated), beside the config's disable.")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print how many findings each rule raised instead of the findings: a table (text, concise) or a JSON list (json).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print the findings only: no summary line, no warnings.")] = False,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the report on standard output: auto (a terminal, unless NO_COLOR is set), always, never.")] = ColorMode.auto,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the certain fixes (a change in points written as %) to the articles, then report what remains.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print the certain fixes as a unified diff and change nothing; exit 1 when there is one.")] = False,
    add_noqa: Annotated[bool, typer.Option("--add-noqa", help="Insert a suppression comment for each finding shown, above each figure it cites; exit 0.")] = False,
    ledger: Annotated[Optional[list[str]], typer.Option("--ledger", metavar="PATH", help="Check claims against the filed figures in PATH: a CSV or JSONL ledger, SEC companyfacts or OpenDART JSON, or a folder of them (repeatable; beside the config's ledger). Never touches the network.")] = None,
    store: Annotated[Optional[Path], typer.Option("--store", metavar="DIR", help="Export the articles into the claim store DIR (only what changed), then check it one key at a time, in bounded memory. Needs claimcheck[store].")] = None,
    engine: Annotated[EngineName, typer.Option("--engine", help="Where the rules run: local (this machine), or dask (a Dask cluster; needs claimcheck[dask]).")] = EngineName.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="With --engine dask: the scheduler to use (default: start a local cluster of processes).")] = None,
) -> None:
    """Cross-check every claim and report contradictions; the exit status gates CI."""
    from . import fixes
    from .builtin import BUILTIN
    from .config import describe
    from .models import Severity
    from .figures import plural

    global QUIET
    QUIET = quiet
    try:
        outs = outputs.plan(format, output or [], statistics)
    except outputs.OutputError as e:
        _fail(str(e))
    given = list(paths or [])
    from_stdin = "-" in given or (stdin_filename is not None and not given)
    clash = session.clash(staged=staged, changed_since=changed_since, stdin=from_stdin, stdin_filename=stdin_filename,
                          given=given, fix=fix, diff=diff, add_noqa=add_noqa)
    clash = clash or _engine_clash(store, engine, scheduler, from_stdin, fix or diff or add_noqa)
    if clash:
        _fail(clash)
    files = [p for p in given if p != "-"] or ([] if staged or from_stdin else ["."])
    _check_paths(files)
    s = _setup(config, files + ([stdin_filename] if from_stdin and stdin_filename else []), select, ignore, ledger)
    if show_settings:
        _emit(describe(s.cfg, s.path), None)
        raise typer.Exit(0)
    try:
        got = session.gather(files, s.cfg, staged, from_stdin, stdin_filename)
    except session.SetupError as e:
        _fail(str(e))
    _warn(got.warnings)
    inputs = got.inputs
    if got.scope is not None and not got.scope and not inputs.skipped:
        if not quiet:
            _say("no article to judge among the given or staged files")
        raise typer.Exit(0)  # the commit stages no article: nothing to judge
    if show_files:
        _emit("".join(f"{src.shown}\n" for src in inputs.sources), None)
        raise typer.Exit(0)
    where = session.Engine(store=store, dask=engine == EngineName.dask, scheduler=scheduler)
    run = partial(_check, s, inputs, jobs, no_cache, changed_since, baseline, write_baseline, got.scope, where)
    result = run()
    if diff or fix:
        changes, notes = fixes.fixes(result.scoped.findings, result.corpus.articles)
        _warn(notes)
        if diff:
            text = fixes.diff(changes)
            _emit(text, None)
            raise typer.Exit(1 if text else 0)  # as ruff --diff: a pending fix fails the run
        written, notes = fixes.write(changes)
        _warn(notes)
        if written:
            _say(f"fixed {plural(sum(c.count for c in written), 'finding')} in {plural(len(written), 'file')}")
            result = run()  # report what the fixed articles still say
    if add_noqa:
        written, notes = fixes.write(fixes.noqa(result.scoped.findings, result.corpus.articles))
        _warn(notes)
        _say(f"added {plural(sum(c.count for c in written), 'suppression comment')} to {plural(len(written), 'file')}")
        raise typer.Exit(0)
    scoped, summary = result.scoped, result.summary
    every_rule = [*s.rules, *BUILTIN]
    for out in outs:
        look = replace(outputs.look(out, color, quiet, statistics), claims=result.corpus.claims)
        _emit(outputs.stream(out, scoped.findings, summary, every_rule, look), out.path)
    if exit_zero or scoped.baseline_written is not None:  # --write-baseline accepts today's findings
        raise typer.Exit(0)
    threshold = Severity((fail_on.value if fail_on else None) or s.cfg.fail_on)
    failing = any(f.severity.rank >= threshold.rank for f in scoped.findings if not f.suppressed)
    # a gate that skipped an article has not checked it
    unread = bool(summary.unreadable) and (s.cfg.fail_on_unreadable if fail_on_unreadable is None else fail_on_unreadable)
    if unread:
        _say(f"warning: {plural(len(summary.unreadable), 'file')} not checked: exit 1 (pass --no-fail-on-unreadable, or exclude them)")
    raise typer.Exit(1 if failing or unread else 0)


def _check(s: session.Setup, inputs, jobs, no_cache, changed_since, baseline, write_baseline, scope, where) -> session.Result:
    try:
        result = session.check(s, inputs, jobs, no_cache, changed_since, baseline, write_baseline, scope, where)
    except session.SetupError as e:
        _fail(str(e))
    _warn(result.corpus.problems)
    return result


class PartitionBy(str, Enum):
    period = "period"
    entity = "entity"


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command("export")
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

    _check_paths(paths)
    s = _setup(config, paths, ledger=ledger)
    try:
        filed = session.load_ledger(s)  # before extraction, as check does
    except session.SetupError as e:
        _fail(str(e))
    srcs = _inputs(paths, s.cfg).sources
    try:
        store.duckdb()
        done = export.export(srcs, s.rules, s.lex, s.path.parent if s.path else None, output, partition_by.value, jobs)
        _warn(done.problems)
        # findings made against a ledger follow it, or its absence, with the articles unchanged
        rewrite = done.changed or filed is not None or (output / "ledger.parquet").is_file()
        if rewrite or not (output / "findings.parquet").is_file():
            store_check.write_findings(output, store_check.check(output, s.rules, s.lex, s.keep, filed).findings)
        store_check.write_ledger(output, filed)
    except store.StoreError as e:
        _fail(str(e))
    _say(f"{done.articles} articles in {output}: {done.extracted} staged afresh" + ("" if rewrite else ", nothing rewritten"))


@app.command("query")
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
        _fail(str(e))
    _emit(text, None)


@app.command("rules")
def list_rules(config: Annotated[Optional[Path], typer.Option("--config", help="Config file.")] = None) -> None:
    """List the rules in force, with their kind, severity and whether they are enabled."""
    from .builtin import BUILTIN

    rules = _setup(config).rules
    width = max(len(r.id) for r in [*rules, *BUILTIN])
    kind_width = max(len(r.kind) for r in [*rules, *BUILTIN])
    for r in [*rules, *BUILTIN]:
        state = "" if r.enabled else "  (disabled)"
        typer.echo(f"{r.id:<{width}}  {r.severity.value:<7}  {r.kind:<{kind_width}}  {r.message}{state}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, as listed by `claimcheck rules`.")],
            config: Annotated[Optional[Path], typer.Option("--config", help="Config file.")] = None) -> None:
    """Print a rule's description, options and examples."""
    from .builtin import BUILTIN, NOTIFICATIONS
    from .report import rule_text

    rules = _setup(config).rules
    spec = next((r for r in [*rules, *BUILTIN, *NOTIFICATIONS] if r.id == rule_id), None)
    if spec is None:
        _fail(f"unknown rule '{rule_id}' (known: {', '.join(r.id for r in [*rules, *BUILTIN])})")
    from .checks import KINDS
    from .checks.common import EVIDENCE_NOTE, option_lines

    kind = KINDS.get(spec.kind)
    typer.echo(rule_text.render(spec, option_lines(spec.options) if kind else (), EVIDENCE_NOTE,
                                kind.doc if kind else None), nl=False)


ledger_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                         help="Filed figures that check --ledger compares claims with: fetch them, show them.")
app.add_typer(ledger_app, name="ledger")
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

    s = _setup(config, paths)
    given = [Path(p) for p in paths] if paths else s.ledger or ([FETCHED] if FETCHED.is_dir() else [])
    if not given:
        _fail("no ledger: name a file or folder, or set 'ledger' in the config")
    try:
        figures = LG.load(given, s.lex)
    except LG.LedgerError as e:
        _fail(str(e))
    _emit(ledger_table.table(figures) if format is LedgerFormat.table else ledger_table.jsonl(figures), None)


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
        _fail("give --sec CIK|TICKER or --dart CORP_CODE")
    lex = _setup(config).lex
    try:
        spans = fetch.years(years, dt.date.today().year)
        done = [fetch.sec(who, out, lex) for who in sec or []] + [fetch.dart(who, spans, out, lex) for who in dart or []]
    except LedgerError as e:
        _fail(str(e))
    for got in done:
        _warn(got.notes)
        _say(f"wrote {got.ledger} ({got.figures} filed figures from {len(got.raw)} download{'s' if len(got.raw) > 1 else ''})")


def _warn(lines: Iterable[str | Problem]) -> None:
    if not QUIET:
        for line in lines:
            typer.echo(f"claimcheck: warning: {line}", err=True)


def _say(line: str) -> None:
    """A note on stderr about what the run did; the report alone goes to stdout."""
    typer.echo(f"claimcheck: {line}", err=True)


def _inputs(paths: list[str], cfg):
    """extract's files; a warning per file not read or path with no article; exit 2 if nothing at all."""
    try:
        got = session.gather(paths, cfg, staged=False, stdin=False, stdin_filename=None)
    except session.SetupError as e:
        _fail(str(e))
    _warn(got.warnings)
    return got.inputs


def _emit(text: str | Iterable[str], output: Path | None) -> None:
    """Write the report, given whole or in pieces, to stdout or FILE; each piece is written as it comes."""
    try:
        outputs.emit(text, output)
    except outputs.WriteError as e:
        _fail(f"cannot write {output}: {e}")


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
