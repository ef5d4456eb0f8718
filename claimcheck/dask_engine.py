"""`check --engine dask`: the partitioned run (partition.py) on a Dask cluster.

The map is a dask.bag over the articles: extraction (through each worker's extraction cache)
and the article-scope checks. Claims are grouped by key with foldby, each key's claims are put
back in the run's order and reduced by the key-scope checks; the client gathers the findings and
runs the corpus-scope checks over the few claims they read. Without a scheduler address a local
cluster of processes is started; "synchronous" runs everything in this process (the tests do).
The run's ledger, if any, goes into the graph once (dask.delayed) and reaches every map and reduce.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import engine, partition, pipeline
from . import vocab as L
from .cache import Cache
from .filed import Ledger
from .models import Claim, Finding
from .summary import LedgerTally, Problem, Unreadable
from .rule_spec import RuleSpec
from .read import Source

INSTALL = "the Dask engine needs the dask extra: pip install 'claimcheck[dask]'"
LOCAL = ("synchronous", "threads", "processes")  # dask's own schedulers, needing no cluster


class DaskError(ValueError):
    """The extra missing or a scheduler that cannot be reached (one-line message)."""


@dataclass
class Got:
    corpus: pipeline.Corpus
    findings: list[Finding]
    sup: engine.Suppressions = field(default_factory=dict)
    articles: int = 0
    claims: int = 0
    suppressed: int = 0
    tally: LedgerTally | None = None  # claims checked against the ledger, when one was given


def _map(part: list[tuple[int, Source]], rules: Sequence[RuleSpec], lex: L.Lexicon, cache: tuple | None,
         ledger: Ledger | None) -> list[tuple]:
    """One bag partition of (run index, source) -> (index, file, Mapped or None, problems, suppressions,
    number of claims, [(key, (index, claim index, claim))])."""
    from .engine import suppressed_in

    corpus = pipeline.run([src for _, src in part], lex, 1, Cache(*cache) if cache else None)
    by_file: dict[str, list[Claim]] = {}
    for c in corpus.claims:
        by_file.setdefault(c.file, []).append(c)
    texts = {a.path: a.text for a in corpus.articles}
    out: list[tuple] = []
    for i, src in part:
        probs = [p for p in corpus.problems if p.file == src.shown]
        if src.shown not in texts:
            out.append((i, src.shown, None, probs, [], 0, []))
            continue
        claims = by_file.get(src.shown, [])
        keyed = [(k, (i, j, c)) for j, c in enumerate(claims) if (k := partition.key(c.entity, lex)) is not None]
        m = partition.map_article(claims, rules, lex, ledger)
        m.keyed = {}  # shipped apart, through foldby: the client never holds every claim
        out.append((i, src.shown, m, probs, suppressed_in(texts[src.shown]), len(claims), keyed))
    return out


def _reduce(item: tuple[str, list], rules: Sequence[RuleSpec], lex: L.Lexicon, ledger: Ledger | None) -> partition.Part:
    _, members = item
    return partition.reduce_key([c for _, _, c in sorted(members, key=lambda t: (t[0], t[1]))], rules, lex, ledger)


def check(srcs: Sequence[Source], rules: Sequence[RuleSpec], lex: L.Lexicon, scheduler: str | None,
          jobs: int | None, cache: Cache | None = None, ledger: Ledger | None = None) -> Got:
    try:
        import dask
        import dask.bag as db
    except ImportError:
        raise DaskError(INSTALL) from None
    spec = (cache.root, cache.salt) if cache is not None else None
    n = max(1, min(len(srcs), (jobs or pipeline.default_jobs()) * 4))
    shared = dask.delayed(ledger) if ledger is not None else None  # in the graph once, not in every task
    mapped = db.from_sequence(list(enumerate(srcs)), npartitions=n).map_partitions(_map, rules, lex, spec, shared)
    keyed = mapped.map(lambda r: r[6]).flatten()
    grouped = keyed.foldby(lambda kv: kv[0], lambda acc, kv: acc + [kv[1]], [], lambda a, b: a + b, [])
    reduced = grouped.map(_reduce, rules, lex, shared)
    with _scheduler(dask, scheduler, jobs):
        rows, keys = dask.compute(mapped.map(lambda r: r[:6]), reduced)
    return _gather(sorted(rows, key=lambda r: r[0]), list(keys), rules, lex, ledger)


def _gather(rows: list, keys: list[partition.Part], rules: Sequence[RuleSpec], lex: L.Lexicon,
            ledger: Ledger | None) -> Got:
    corpus = pipeline.Corpus()
    sup: engine.Suppressions = {}
    articles: list[partition.Part] = []
    claims: list[Claim] = []
    got = Got(corpus, [])
    for _, file, m, probs, marks, n in rows:
        corpus.problems.extend(probs)
        if m is None:
            reason = next((p.message for p in probs if p.kind == "unreadable"), "unreadable")
            corpus.unreadable.append(Unreadable(file=file, reason=reason))
            continue
        got.articles += 1  # the texts stay on the workers
        got.claims += n
        articles.append(partition.Part(m.found, m.tally))
        claims.extend(m.corpus)
        for line, rule in marks:
            sup.setdefault((file, line), []).append(rule)
    keys = keys or list(partition.reduce_keys((), rules, lex, ledger))  # no key: what the key checks count of none
    outcome = partition.finish([*articles, *keys, partition.reduce_corpus(claims, rules, lex, ledger)], sup)
    got.findings, got.sup, got.suppressed, got.tally = outcome.findings, sup, outcome.suppressed, outcome.tally
    return got


def _scheduler(dask: Any, address: str | None, jobs: int | None) -> Any:
    """A context in which dask.compute runs where asked."""
    if address in LOCAL:
        return dask.config.set(scheduler=address)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskError(INSTALL + " (distributed, for a cluster)") from None
    try:
        if address is None:
            return Client(LocalCluster(n_workers=jobs or pipeline.default_jobs(), threads_per_worker=1, processes=True))
        return Client(address, timeout=10)
    except OSError as e:
        raise DaskError(f"cannot reach the Dask scheduler at {address}: {e}") from None


__all__ = ["Got", "DaskError", "Problem", "check"]
