"""The rules as a map over articles and a reduce over claim keys, for runs too big for one process.

The map takes one article's claims: it runs the article-scope checks (checks/__init__.py: SCOPES),
files each claim under its key and keeps what the corpus-scope checks read. The reduce runs the
key-scope checks over one key's claims at a time, so memory follows the largest key, not the run.
`finish` puts the findings back in the order `engine.run` makes them. The store (`check --store`)
and the Dask engine drive these pieces; `run` drives them in one process, as the tests do.

A key is the entity's topmost parent: a segment's share is checked against its parent's revenue,
so a company family is one key. Claims without an entity go to no key: no key-scope check reads one.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from . import engine
from . import vocab as L
from .checks import KINDS
from .checks.common import Claims
from .models import Claim, Finding, RuleSpec

Ranked = tuple[int, Finding]  # (index of its rule in the run's rules, the finding)


def key(entity: str | None, lex: L.Lexicon) -> str | None:
    """The partition a claim of this entity belongs to: its topmost parent, or itself."""
    seen: set[str] = set()
    while entity is not None and entity not in seen:
        seen.add(entity)
        up = L.parent(lex, entity)
        if up is None:
            return entity
        entity = up
    return entity


@dataclass
class Mapped:
    """What one article contributes: its in-article findings, its claims by key, and the claims
    the corpus-scope checks read."""

    found: list[Ranked] = field(default_factory=list)
    keyed: dict[str, list[Claim]] = field(default_factory=dict)
    corpus: list[Claim] = field(default_factory=list)


def _drafts(claims: list[Claim], rules: Sequence[RuleSpec], lex: L.Lexicon, scope: str) -> list[Ranked]:
    shared = Claims(claims)
    out: list[Ranked] = []
    for i, spec in enumerate(rules):
        if spec.enabled:
            for where, check in KINDS[spec.kind].parts:
                if where == scope:
                    out.extend((i, f) for f in engine.findings_of(spec, check(shared, spec.options, lex)))
    return out


def map_article(claims: list[Claim], rules: Sequence[RuleSpec], lex: L.Lexicon) -> Mapped:
    out = Mapped(found=_drafts(claims, rules, lex, "article"))
    for c in claims:
        k = key(c.entity, lex)
        if k is not None:
            out.keyed.setdefault(k, []).append(c)
    out.corpus = corpus_claims(claims, rules)
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


def reduce_key(claims: list[Claim], rules: Sequence[RuleSpec], lex: L.Lexicon) -> list[Ranked]:
    """The key-scope findings of one key, whose claims come in the run's order."""
    return _drafts(claims, rules, lex, "key")


def reduce_corpus(claims: list[Claim], rules: Sequence[RuleSpec], lex: L.Lexicon) -> list[Ranked]:
    return _drafts(claims, rules, lex, "corpus")


def finish(found: Iterable[Ranked], sup: engine.Suppressions) -> engine.Outcome:
    """As engine.run ends: findings in rule order (the sort is stable), merged, suppressed, sorted."""
    ranked = sorted(found, key=lambda r: r[0])
    return engine.finish([f for _, f in ranked], sup)


def run(articles: Iterable[list[Claim]], rules: Sequence[RuleSpec], lex: L.Lexicon,
        sup: engine.Suppressions) -> engine.Outcome:
    """The partitioned run in one process: each article's claims, in the run's order."""
    found: list[Ranked] = []
    keyed: dict[str, list[Claim]] = {}
    corpus: list[Claim] = []
    for claims in articles:
        m = map_article(claims, rules, lex)
        found.extend(m.found)
        for k, cs in m.keyed.items():
            keyed.setdefault(k, []).extend(cs)
        corpus.extend(m.corpus)
    for cs in keyed.values():
        found.extend(reduce_key(cs, rules, lex))
    found.extend(reduce_corpus(corpus, rules, lex))
    return finish(found, sup)
