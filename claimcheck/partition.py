"""The rules as a map over articles and a reduce over claim keys, for runs too big for one process.

The map takes one article's claims: it runs the article-scope checks (checks/__init__.py: SCOPES),
files each claim under its key and keeps what the corpus-scope checks read. The reduce runs the
key-scope checks over one key's claims at a time, so memory follows the largest key, not the run.
`finish` puts the findings back in the order `engine.run` makes them. The store (`check --store`)
and the Dask engine drive these pieces; `run` drives them in one process, as the tests do.

A key is the entity's topmost parent: a segment's share is checked against its parent's revenue,
so a company family is one key. Claims without an entity go to no key: no key-scope check reads one.
Every piece gets the run's ledger (check --ledger), and what the ledger check counts in each piece is
summed, so the summary's tally is the in-memory one too.
"""
from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from . import engine
from . import vocab as L
from .checks import KINDS
from .checks.common import Claims
from .filed import Ledger
from .models import Claim, Finding
from .rule_spec import RuleSpec

Ranked = tuple[int, Finding]  # (index of its rule in the run's rules, the finding)
Tally = dict[str, int]  # what a check counted over its piece (the ledger check's claims settled: Claims.tally)


def key(entity: str | None, lex: L.Lexicon) -> str | None:
    """The partition a claim of this entity belongs to: its topmost parent, or itself."""
    return L.family(lex, entity)


@dataclass
class Part:
    """What the checks of one piece of the run (an article, a key, the corpus claims) found and counted."""

    found: list[Ranked] = field(default_factory=list)
    tally: Tally = field(default_factory=dict)


@dataclass
class Mapped(Part):
    """What one article contributes: its in-article findings, its claims by key, and the claims
    the corpus-scope checks read."""

    keyed: dict[str, list[Claim]] = field(default_factory=dict)
    corpus: list[Claim] = field(default_factory=list)


def _drafts(claims: list[Claim], rules: Sequence[RuleSpec], lex: L.Lexicon, scope: str, ledger: Ledger | None,
            only: Container[str] | None = None) -> Part:
    shared = Claims(claims, ledger)  # every piece sees the whole ledger: a claim is looked up by its own key
    out = Part()
    for i, spec in enumerate(rules):
        if spec.enabled and (only is None or spec.id in only):
            for where, check in KINDS[spec.kind].parts:
                if where == scope:
                    out.found.extend((i, f) for f in engine.findings_of(spec, check(shared, spec.options, lex)))
    out.tally = shared.tally
    return out


def map_article(claims: list[Claim], rules: Sequence[RuleSpec], lex: L.Lexicon, ledger: Ledger | None = None) -> Mapped:
    part = article_part(claims, rules, lex, ledger)
    out = Mapped(found=part.found, tally=part.tally)
    out.keyed = keyed(claims, lex)
    out.corpus = corpus_claims(claims, rules)
    return out


def article_part(claims: list[Claim], rules: Sequence[RuleSpec], lex: L.Lexicon, ledger: Ledger | None = None,
                 only: Container[str] | None = None) -> Part:
    """The article-scope findings of one article's claims (of the rules with an id in `only`, when given;
    each finding still ranked by its rule's place among all the rules)."""
    return _drafts(claims, rules, lex, "article", ledger, only)


def keyed(claims: list[Claim], lex: L.Lexicon) -> dict[str, list[Claim]]:
    """One article's claims by key, the keys in the order their first claim comes."""
    out: dict[str, list[Claim]] = {}
    parents: dict[str | None, str | None] = {}  # an article names few entities, each many times
    for c in claims:
        e = c.entity
        k = parents[e] if e in parents else parents.setdefault(e, key(e, lex))
        if k is not None:
            out.setdefault(k, []).append(c)
    return out


def corpus_claims(claims: list[Claim], rules: Sequence[RuleSpec]) -> list[Claim]:
    """Of one article's claims, those a corpus-scope check of the run reads."""
    kinds = [KINDS[r.kind] for r in rules if r.enabled and any(s == "corpus" for s, _ in KINDS[r.kind].parts)]
    if not kinds:
        return []
    if any(k.relevant is None for k in kinds):
        return list(claims)
    keep = {id(c) for k in kinds for c in k.relevant(list(claims))}  # type: ignore[misc]  # None ruled out above
    return [c for c in claims if id(c) in keep]


def reduce_key(claims: list[Claim], rules: Sequence[RuleSpec], lex: L.Lexicon, ledger: Ledger | None = None,
               only: Container[str] | None = None) -> Part:
    """The key-scope findings of one key, whose claims come in the run's order (`only`: as article_part)."""
    return _drafts(claims, rules, lex, "key", ledger, only)


def reduce_keys(keys: Iterable[list[Claim]], rules: Sequence[RuleSpec], lex: L.Lexicon,
                ledger: Ledger | None = None) -> Iterator[Part]:
    """reduce_key over each key's claims in turn; with no key at all, over none, so that a check that counts
    what it settled (the ledger check) says it settled nothing, as the in-memory run does."""
    empty = True
    for cs in keys:
        empty = False
        yield reduce_key(cs, rules, lex, ledger)
    if empty:
        yield reduce_key([], rules, lex, ledger)


def reduce_corpus(claims: list[Claim], rules: Sequence[RuleSpec], lex: L.Lexicon, ledger: Ledger | None = None) -> Part:
    return _drafts(claims, rules, lex, "corpus", ledger)


def finish(parts: Iterable[Part], sup: engine.Suppressions) -> engine.Outcome:
    """As engine.run ends: findings in rule order (the sort is stable), merged, suppressed, sorted; the
    pieces' tallies summed."""
    found: list[Ranked] = []
    tally: Tally = {}
    for p in parts:
        found.extend(p.found)
        for k, n in p.tally.items():
            tally[k] = tally.get(k, 0) + n
    ranked = sorted(found, key=lambda r: r[0])
    return engine.finish([f for _, f in ranked], sup, tally)


def run(articles: Iterable[list[Claim]], rules: Sequence[RuleSpec], lex: L.Lexicon,
        sup: engine.Suppressions, ledger: Ledger | None = None) -> engine.Outcome:
    """The partitioned run in one process: each article's claims, in the run's order."""
    parts: list[Part] = []
    keyed: dict[str, list[Claim]] = {}
    corpus: list[Claim] = []
    for claims in articles:
        m = map_article(claims, rules, lex, ledger)
        parts.append(m)
        for k, cs in m.keyed.items():
            keyed.setdefault(k, []).extend(cs)
        corpus.extend(m.corpus)
    parts.extend(reduce_keys(keyed.values(), rules, lex, ledger))
    parts.append(reduce_corpus(corpus, rules, lex, ledger))
    return finish(parts, sup)
