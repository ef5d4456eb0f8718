"""One run between the options and the report: settings, then findings; set-up problems are raised
as SetupError for the command line (cli_*.py) to turn into exit 2 (the exit status is decided there alone)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import vocab as L
from .config import Config
from .filed import Ledger
from .files import Inputs, collect
from .summary import LedgerTally, Summary
from .rule_spec import RuleSpec
from .rules_data import LexiconError
from .pipeline import Corpus, extract
from .scope import Scoped


class SetupError(ValueError):
    """Settings, rules, a git revision or a baseline that cannot be used (one-line message)."""


@dataclass
class Setup:
    cfg: Config
    lex: L.Lexicon
    rules: list[RuleSpec]
    path: Path | None  # the config file used, if any
    keep: Callable[[str], bool] = lambda _: True  # --select/--ignore over the built-in ids
    ledger: list[Path] = field(default_factory=list)  # the config's ledger files, then --ledger's


def setup(config_path: Path | None, paths: Sequence[str] = (), select: Sequence[str] = (),
          ignore: Sequence[str] = (), ledger: Sequence[str] = ()) -> Setup:
    """Config (found upward from the checked paths), lexicon and rules, with the command line's selection."""
    from . import builtin, ruleset, selection
    from . import config as C

    try:
        path = config_path if config_path else C.find(C.start_dir(list(paths)))
        if config_path and not config_path.is_file():
            raise C.ConfigError(f"{config_path}: config file not found")
        cfg = C.load(path)
        # the shared default unless the config adds words: it is cached, so it is never changed in place
        bands = [b.model_dump() for b in cfg.fx_bands]
        lex = L.build(cfg.aliases, cfg.fiscal_calendars, bands) if (cfg.aliases or cfg.fiscal_calendars or bands) else L.default()
        base = path.parent if path else Path.cwd()
        loaded = ruleset.load([base / d for d in cfg.rules_dirs])
        cfg, keep = selection.apply(cfg, {r.id for r in loaded}, {b.id for b in builtin.BUILTIN}, select, ignore)
        rules = ruleset.apply_config(loaded, cfg, str(path or "config"))
    except (C.ConfigError, ruleset.RuleError, LexiconError, selection.SelectionError) as e:
        raise SetupError(str(e)) from None
    base = path.parent if path else Path.cwd()
    return Setup(cfg, lex, rules, path, keep, [base / p for p in cfg.ledger] + [Path(p) for p in ledger])


def load_ledger(s: Setup) -> Ledger | None:
    """The filed figures the run checks claims against, or None when none were given; read from local files only."""
    if not s.ledger:
        return None
    from . import ledger as LG

    try:
        return LG.load(s.ledger, s.lex)
    except LG.LedgerError as e:
        raise SetupError(str(e)) from None


@dataclass
class Result:
    corpus: Corpus
    scoped: Scoped
    summary: Summary


@dataclass(frozen=True)
class Engine:
    """Where the rules run: in this process over every claim (local), partitioned over a claim store
    (store), or on a Dask cluster (dask; scheduler None starts a local one)."""

    store: Path | None = None
    dask: bool = False
    scheduler: str | None = None


def check(s: Setup, inputs, jobs: int | None, no_cache: bool, changed_since: str | None, baseline: Path | None,
          write_baseline: Path | None, staged: set[str] | None, where: Engine = Engine()) -> Result:
    """Extract, run the rules, keep the selected findings and narrow them to what the report shows."""
    from . import scope

    ledger = load_ledger(s)  # before extraction: a bad ledger file fails at once, not after the corpus is read
    quick = None
    if changed_since and not no_cache and where == Engine() and ledger is None and staged is None:
        quick = _indexed(s, inputs, jobs, changed_since)
    got = quick[0] if quick else _findings(s, inputs, jobs, no_cache, where, ledger)
    try:
        scoped = scope.narrow(got.found, changed_since, baseline, write_baseline, Path.cwd(), staged,
                              quick[1] if quick else None)
    except scope.ScopeError as e:
        raise SetupError(str(e)) from None
    if quick:  # the findings left out include those of the pieces the index spared re-running
        scoped.hidden_by_changed_since += quick[2] - sum(1 for f in got.found if not f.suppressed)
    summary = scope.summarize(scoped, got.articles, got.claims, got.suppressed, [*inputs.skipped, *got.corpus.unreadable],
                              got.tally)
    return Result(got.corpus, scoped, summary)


@dataclass
class _Found:
    """What an engine made of the inputs: the corpus (with its problems), the selected findings, the counts."""

    corpus: Corpus
    found: Sequence  # a list, or StoredFindings (check --store)
    articles: int
    claims: int
    suppressed: int
    tally: LedgerTally | None


def _findings(s: Setup, inputs, jobs: int | None, no_cache: bool, where: Engine, ledger: Ledger | None) -> _Found:
    from . import builtin, engine

    if where.store is not None:
        return _stored(s, inputs, jobs, where.store, ledger)
    if where.dask:
        from . import cache as K
        from . import dask_engine

        cache = None if no_cache else K.for_run(s.path.parent if s.path else None, s.lex)
        try:
            got = dask_engine.check(inputs.sources, s.rules, s.lex, where.scheduler, jobs, cache, ledger)
        except dask_engine.DaskError as e:
            raise SetupError(str(e)) from None
        found = [f for f in builtin.flag_unknown(got.findings, got.sup, s.rules) if s.keep(f.rule)]
        return _Found(got.corpus, found, got.articles, got.claims, got.suppressed, got.tally)
    corpus = extract(inputs.sources, s.lex, jobs, no_cache, s.path.parent if s.path else None)
    outcome = engine.run(corpus.claims, s.rules, s.lex, corpus.articles, ledger)
    found = [f for f in builtin.flag_unknown(outcome.findings, corpus.articles, s.rules) if s.keep(f.rule)]
    return _Found(corpus, found, len(corpus.articles), len(corpus.claims), outcome.suppressed, outcome.tally)


def _indexed(s: Setup, inputs, jobs: int | None, changed_since: str) -> tuple[_Found, set[str], int] | None:
    """--changed-since through the key index beside the cache (incremental.py): the findings of the pieces
    a change touches, the changed files, and how many findings the full run shows; None when the rules
    do not fit it."""
    from . import cache as K
    from . import gitscope, incremental

    if not incremental.fits(s.rules):
        return None  # a corpus-scope check that reads every claim: the full run loads them anyway
    try:
        changed = gitscope.changed_files(changed_since, Path.cwd())
    except gitscope.GitScopeError as e:
        raise SetupError(str(e)) from None
    cache = K.for_run(s.path.parent if s.path else None, s.lex)
    out = incremental.check(inputs.sources, s.rules, s.lex, cache, changed, s.keep, jobs)
    if out is None:
        return None
    return _Found(out.corpus, out.found, out.articles, out.claims, out.suppressed, None), changed, out.live


def _stored(s: Setup, inputs, jobs: int | None, root: Path, ledger: Ledger | None) -> _Found:
    """Export the articles into the store (only what changed), then check the store."""
    from . import export, store, store_check
    from .summary import Unreadable

    try:
        done = export.export(inputs.sources, s.rules, s.lex, s.path.parent if s.path else None, root,
                             store.read_manifest(root).get("partition_by", "entity"), jobs)
        got = store_check.check(root, s.rules, s.lex, s.keep, ledger)
        store_check.write_findings(root, got.findings)
        store_check.write_ledger(root, ledger)
    except store.StoreError as e:
        raise SetupError(str(e)) from None
    corpus = Corpus(problems=done.problems,
                    unreadable=[Unreadable(file=p.file or "", reason=p.message) for p in done.problems if p.kind == "unreadable"])
    return _Found(corpus, got.findings, got.articles, got.claims, got.suppressed, got.tally)


def clash(*, staged: bool, changed_since: str | None, stdin: bool, stdin_filename: str | None, given: Sequence[str],
          fix: bool, diff: bool, add_noqa: bool) -> str | None:
    """Why the options asked for cannot be honoured together, or None."""
    if staged and changed_since:
        return "--staged and --changed-since choose the reported files two ways: give one"
    if stdin_filename is not None and given and "-" not in given:
        return "--stdin-filename names the article read from standard input: add - to the paths"
    if stdin and staged:
        return "--staged judges files in git, not standard input"
    if stdin and (fix or add_noqa):
        return f"{'--fix' if fix else '--add-noqa'} changes files, and standard input is none: use --diff"
    if sum((fix, diff, add_noqa)) > 1:
        return "--fix, --diff and --add-noqa are separate runs: give one"
    return None


@dataclass
class Gathered:
    inputs: Inputs
    scope: set[str] | None  # --staged: the articles whose findings are reported
    warnings: list[str]


def gather(files: Sequence[str], cfg: Config, staged: bool, stdin: bool, stdin_filename: str | None) -> Gathered:
    """The articles to read: the given files and folders, the tracked corpus for --staged, and standard input."""
    if staged:
        from .commit import CommitError
        from .commit import gather as tracked

        try:
            commit = tracked(files, cfg.include, cfg.exclude, cfg.max_file_mb, Path.cwd())
        except CommitError as e:
            raise SetupError(str(e)) from None
        out = Gathered(commit.inputs, commit.scope, [f"{u.file}: not read: {u.reason}" for u in commit.inputs.skipped])
    else:
        inputs = collect(files, cfg.include, cfg.exclude, cfg.max_file_mb) if files else Inputs()
        if files and inputs.nothing() and not stdin:
            raise SetupError(f"nothing to check: no articles under {', '.join(files)} (include: {', '.join(cfg.include)})")
        out = Gathered(inputs, None, inputs.warnings(cfg.include))
    if stdin:
        from . import stdin as S

        out.inputs.sources = S.merge(out.inputs.sources, S.read(stdin_filename), stdin_filename)
    return out
