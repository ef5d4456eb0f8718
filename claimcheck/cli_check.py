"""`claimcheck check`: cross-check the claims, report the findings, apply or print the certain fixes,
and decide the exit status that gates CI."""
from __future__ import annotations

from dataclasses import replace
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import outputs, session
from .cli_common import check_paths, emit, fail, say, set_quiet, setup, warn
from .outputs import CheckFormat, ColorMode


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


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
    from .builtin import BUILTIN
    from .config import describe

    set_quiet(quiet)
    try:
        outs = outputs.plan(format, output or [], statistics)
    except outputs.OutputError as e:
        fail(str(e))
    given = list(paths or [])
    from_stdin = "-" in given or (stdin_filename is not None and not given)
    clash = session.clash(staged=staged, changed_since=changed_since, stdin=from_stdin, stdin_filename=stdin_filename,
                          given=given, fix=fix, diff=diff, add_noqa=add_noqa)
    clash = clash or _engine_clash(store, engine, scheduler, from_stdin, fix or diff or add_noqa)
    if clash:
        fail(clash)
    files = [p for p in given if p != "-"] or ([] if staged or from_stdin else ["."])
    check_paths(files)
    s = setup(config, files + ([stdin_filename] if from_stdin and stdin_filename else []), select, ignore, ledger)
    if show_settings:
        emit(describe(s.cfg, s.path), None)
        raise typer.Exit(0)
    try:
        got = session.gather(files, s.cfg, staged, from_stdin, stdin_filename)
    except session.SetupError as e:
        fail(str(e))
    warn(got.warnings)
    inputs = got.inputs
    if got.scope is not None and not got.scope and not inputs.skipped:
        if not quiet:
            say("no article to judge among the given or staged files")
        raise typer.Exit(0)  # the commit stages no article: nothing to judge
    if show_files:
        emit("".join(f"{src.shown}\n" for src in inputs.sources), None)
        raise typer.Exit(0)
    where = session.Engine(store=store, dask=engine == EngineName.dask, scheduler=scheduler)
    run = partial(_check, s, inputs, jobs, no_cache, changed_since, baseline, write_baseline, got.scope, where)
    result = _edit_articles(run(), run, fix, diff, add_noqa)
    scoped, summary = result.scoped, result.summary
    every_rule = [*s.rules, *BUILTIN]
    for out in outs:
        look = replace(outputs.look(out, color, quiet, statistics), claims=result.corpus.claims)
        emit(outputs.stream(out, scoped.findings, summary, every_rule, look), out.path)
    if exit_zero or scoped.baseline_written is not None:  # --write-baseline accepts today's findings
        raise typer.Exit(0)
    raise typer.Exit(_status(s, result, fail_on, fail_on_unreadable))


def _engine_clash(store: Path | None, engine: EngineName, scheduler: str | None, stdin: bool, edits: bool) -> str | None:
    if store is not None and engine == EngineName.dask:
        return "--store and --engine dask are two ways to run the rules: give one"
    if scheduler is not None and engine != EngineName.dask:
        return "--scheduler names a Dask scheduler: add --engine dask"
    if (store is not None or engine == EngineName.dask) and (stdin or edits):
        return "--store and --engine dask check files on disk and report: no standard input, --fix, --diff or --add-noqa"
    return None


def _check(s: session.Setup, inputs, jobs, no_cache, changed_since, baseline, write_baseline, scope, where) -> session.Result:
    try:
        result = session.check(s, inputs, jobs, no_cache, changed_since, baseline, write_baseline, scope, where)
    except session.SetupError as e:
        fail(str(e))
    warn(result.corpus.problems)
    return result


def _edit_articles(result: session.Result, run, fix: bool, diff: bool, add_noqa: bool) -> session.Result:
    """--diff prints the certain fixes and exits (1 when there is one); --fix writes them and checks the
    fixed articles again; --add-noqa writes a suppression comment per finding and exits 0."""
    from . import fixes
    from .figures import plural

    if diff or fix:
        changes, notes = fixes.fixes(result.scoped.findings, result.corpus.articles)
        warn(notes)
        if diff:
            text = fixes.diff(changes)
            emit(text, None)
            raise typer.Exit(1 if text else 0)  # as ruff --diff: a pending fix fails the run
        written, notes = fixes.write(changes)
        warn(notes)
        if written:
            say(f"fixed {plural(sum(c.count for c in written), 'finding')} in {plural(len(written), 'file')}")
            result = run()  # report what the fixed articles still say
    if add_noqa:
        written, notes = fixes.write(fixes.noqa(result.scoped.findings, result.corpus.articles))
        warn(notes)
        say(f"added {plural(sum(c.count for c in written), 'suppression comment')} to {plural(len(written), 'file')}")
        raise typer.Exit(0)
    return result


def _status(s: session.Setup, result: session.Result, fail_on: FailOn | None, fail_on_unreadable: bool | None) -> int:
    """1 when a finding shown is at or above the --fail-on severity, or a file was not checked; else 0."""
    from .figures import plural
    from .models import Severity
    from .paged import heads

    threshold = Severity((fail_on.value if fail_on else None) or s.cfg.fail_on)
    failing = any(f.severity.rank >= threshold.rank for f in heads(result.scoped.findings) if not f.suppressed)
    # a gate that skipped an article has not checked it
    unreadable = result.summary.unreadable
    unread = bool(unreadable) and (s.cfg.fail_on_unreadable if fail_on_unreadable is None else fail_on_unreadable)
    if unread:
        say(f"warning: {plural(len(unreadable), 'file')} not checked: exit 1 (pass --no-fail-on-unreadable, or exclude them)")
    return 1 if failing or unread else 0
