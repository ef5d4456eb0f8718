"""The two passes of `check --store` over the stored claims, and what they found, by reference.

The article pass reads RANGE claims' worth of whole articles at a time, the key pass one key's claims at a
time; each piece's claims are put in the run's order here, by reference, not by DuckDB, whose sort of the
claims took about twice their memory (a range's scan, far less). A piece's findings keep their claims'
references only (store_cites.Lean), so its claims go with it.
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from . import partition, store, store_cites
from . import vocab as L
from .filed import Ledger
from .rule_spec import RuleSpec
from .store_spill import Found, Spill

RANGE = 50_000  # claims read together by the article pass, whole articles
Ranked = tuple[int, store_cites.Lean]  # (index of its rule in the run's rules, the finding)


@dataclass
class Passes:
    """What the passes found, by reference, and counted. What lives from one piece to the next goes to files
    (the findings to `found`, the cited claims and those the corpus-scope checks read to `spill`): a piece's
    few lasting objects allocated among its many passing claims otherwise held their memory after them."""

    rules: list[RuleSpec]
    lex: L.Lexicon
    ledger: Ledger | None
    citing: store_cites.Citing
    spill: Spill
    found: Found
    tally: dict[str, int] = field(default_factory=dict)
    corpus: array = field(default_factory=partial(array, "q"))  # what the corpus-scope checks read
    last: list[Ranked] = field(default_factory=list)  # the corpus piece's findings, which come after the keys'
    claims: int = 0

    def take(self, part: partition.Part, where: dict[int, int]) -> list[Ranked]:
        """A piece's findings by reference (`where`: id of each claim -> its reference); their claims are spilled."""
        out = []
        for i, f in part.found:
            lean = self.citing.lean(f, where)
            for r, c in zip(lean.refs, f.claims):
                self.spill.add(r, c)
            out.append((i, lean))
        for k, n in part.tally.items():
            self.tally[k] = self.tally.get(k, 0) + n
        return out

    def article(self, run: store.Run) -> None:
        self.citing.note(run.refs, run.claims)
        where = dict(zip(map(id, run.claims), run.refs))
        self.found.add(self.take(partition.article_part(run.claims, self.rules, self.lex, self.ledger), where))
        for c in partition.corpus_claims(run.claims, self.rules):
            self.spill.add(where[id(c)], c)
            self.corpus.append(where[id(c)])
        self.claims += len(run.claims)

    def key(self, run: store.Run) -> None:
        part = partition.reduce_key(run.claims, self.rules, self.lex, self.ledger)
        self.found.add(self.take(part, _cited(part, run)))

    def corpus_part(self) -> None:
        """The corpus-scope checks over the claims they read (51,554 at 10,000 bench articles), read back."""
        got = self.spill.read(self.corpus)
        claims = [got[r] for r in self.corpus]
        part = partition.reduce_corpus(claims, self.rules, self.lex, self.ledger)
        self.last = self.take(part, _cited(part, store.Run(self.corpus, claims)))
        self.corpus = array("q")

    def done(self) -> list[Ranked]:
        """What every piece found, in the order of partition.run's pieces: articles, keys, the corpus."""
        return [*self.found, *self.last]


def _cited(part: partition.Part, run: store.Run) -> dict[int, int]:
    """id of each claim the piece's findings cite -> its reference (a key's claims may be 283,847)."""
    cited = {id(c) for _, f in part.found for c in f.claims}
    return {i: r for i, r in zip(map(id, run.claims), run.refs) if i in cited}


def files(con: Any) -> list[str]:
    """Each article's file, by its place in the run."""
    return [f for (f,) in con.execute("SELECT file FROM articles ORDER BY art").fetchall()]


def counts(con: Any) -> list[tuple[int, int]]:
    """(article, claims) of each article with a claim, in the run's order."""
    return con.execute("SELECT art, count(*) FROM claims GROUP BY art ORDER BY art").fetchall()


def articles(read: Callable[[str], store.Run], counts: list[tuple[int, int]]) -> Iterator[store.Run]:
    """Each article's claims in the run's order, read RANGE claims' worth of whole articles at a time
    (`read`: a query's claims in the run's order, store_check.read)."""
    for lo, hi in _ranges(counts):
        got = read(f"SELECT * FROM claims WHERE art >= {lo} AND art < {hi}")
        start = 0
        for i in range(1, len(got.refs) + 1):
            if i == len(got.refs) or got.refs[i] >> 32 != got.refs[start] >> 32:
                yield store.Run(got.refs[start:i], got.claims[start:i])
                start = i
        del got  # before the next range is read


def _ranges(counts: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    lo, n = None, 0
    for art, count in counts:
        if lo is None:
            lo = art
        n += count
        if n >= RANGE:
            yield lo, art + 1
            lo, n = None, 0
    if lo is not None:
        yield lo, art + 1


def key_names(con: Any) -> list[str]:
    return [k for (k,) in con.execute("SELECT DISTINCT key FROM claims WHERE key IS NOT NULL ORDER BY key").fetchall()]


def keys(read: Callable[[str], store.Run], names: list[str]) -> Iterator[store.Run]:
    """Each key's claims in the run's order, the keys in order of their names."""
    for k in names:
        quoted = k.replace("'", "''")
        yield read(f"SELECT * FROM claims WHERE key = '{quoted}'")
