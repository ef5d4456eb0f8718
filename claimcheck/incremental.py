"""`check --changed-since` through the key index (keyindex.py): re-check only the pieces a change touches.

The rules run as partition.py splits them: article-scope checks per article, key-scope checks per
key, corpus-scope checks once. A finding shown by --changed-since has a claim in a changed article,
so it comes from the article piece of a changed article, from a key one of its claims falls under,
or from the corpus piece; and engine.finish merges it with every finding of its rule that says the
same thing, wherever made. So this run loads the changed articles, every article holding a claim
under their keys, and the articles whose pieces made a finding with the same merge key (the index's
marks), runs just those pieces, and merges them in the order the full run would. The findings that
touch a changed article are then the full run's.

Pieces whose inputs changed since the index was written (an article edited, added or removed, found
by its stat signature and then its content) are re-run too, so the index always describes the files
on disk; with no index every piece is re-run, which is the full partitioned run. A corpus-scope
check is run over the claims it reads (`relevant`) from every article that has any, whenever one of
those changed; a kind that cannot say which it reads is no fit, nor is a ledger run (its tally spans
every key): session.py does not come here then.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from . import builtin, engine, keyindex, partition, pipeline
from .cache import Cache
from .checks import KINDS
from .files import Source
from .keyindex import Entry, Index
from .models import Article, Claim, Finding
from .summary import Problem
from .rule_spec import RuleSpec
from .pipeline import Corpus
from .vocab import Lexicon

Found = list[partition.Ranked]


def fits(rules: Sequence[RuleSpec]) -> bool:
    """Whether every corpus-scope check of the run says which claims of an article it reads, and does nothing else."""
    kinds = [KINDS[r.kind] for r in rules if r.enabled]
    return all(k.relevant is not None and len(k.parts) == 1 for k in kinds if any(s == "corpus" for s, _ in k.parts))


@dataclass
class Outcome:
    corpus: Corpus  # the articles this run loaded, in the run's order
    found: list[Finding]  # what the re-run pieces found, merged and suppressed as the full run does
    articles: int  # the full run's counts, from the index
    claims: int
    suppressed: int
    live: int  # findings a full run reports as not suppressed (hidden_by_changed_since counts from it)


class _Stale(Exception):
    """An article changed between its stat and its read: its entry cannot be trusted, so rebuild."""


def check(srcs: list[Source], rules: Sequence[RuleSpec], lex: Lexicon, cache: Cache, changed: set[str],
          keep: Callable[[str], bool], jobs: int | None = None) -> Outcome | None:
    """None when the sources name one file twice (the index is by shown name): run in full then."""
    if len({s.shown for s in srcs}) != len(srcs):
        return None
    file = keyindex.path(cache.root, keyindex.fingerprint(cache.salt, rules))
    try:
        run = _Run(srcs, rules, lex, cache, jobs, keyindex.load(file))
        out = run.check(changed, keep)
    except _Stale:
        run = _Run(srcs, rules, lex, cache, jobs, Index())
        out = run.check(changed, keep)
    if run.touched and (warning := keyindex.save(file, run.idx)):
        out.corpus.problems.append(Problem("cache", warning))
    return out


class _Run:
    def __init__(self, srcs: list[Source], rules: Sequence[RuleSpec], lex: Lexicon, cache: Cache,
                 jobs: int | None, idx: Index) -> None:
        self.srcs, self.rules, self.lex, self.cache, self.jobs, self.idx = srcs, rules, lex, cache, jobs, idx
        self.pos = {s.shown: i for i, s in enumerate(srcs)}
        self.loaded: dict[str, tuple[Article, list[Claim]]] = {}
        self.keyed: dict[str, dict[str, list[Claim]]] = {}
        self.corpus = Corpus()
        self.touched = False  # whether the index must be written

    def check(self, changed: set[str], keep: Callable[[str], bool]) -> Outcome:
        entries = self.idx.articles
        seen = keyindex.scan(self.srcs, self.idx, changed, self.cache)
        self.touched = seen.touched
        old = [entries.pop(n) for n in [*(n for n in entries if n not in self.pos),
                                         *(s.shown for s in seen.edited if s.shown in entries)]]
        self._load(seen.edited, seen.sigs)
        reported = seen.reported & set(entries)  # an unreadable file makes no finding
        self._load_known(reported)
        renewed = sorted(reported | {s.shown for s in seen.edited if s.shown in entries}, key=self.pos.__getitem__)
        keys = {k for n in renewed for k in entries[n].keys} | {k for e in old for k in e.keys}
        # the corpus piece changes with any article whose claims it reads, old or new
        corpus = any(e.corpus for e in old) or any(entries[n].corpus for n in renewed)
        arts = {n: partition.article_part(self.loaded[n][1], self.rules, self.lex).found for n in renewed}
        holders = self._holders(keys)
        found = {k: partition.reduce_key(self._claims_of(k, ns), self.rules, self.lex).found for k, ns in holders.items()}
        whole = self._corpus() if corpus else []
        sup = self._record(arts, found, whole if corpus else None, keys)
        # pieces left as they were whose findings merge with one shown: re-run for the merge, not recorded
        wanted = {(f.rule, keyindex.mark(f)) for part in [*arts.values(), *found.values(), whole] for _, f in part
                  if any(c.file in reported for c in f.claims)}
        rules = {rule for rule, _ in wanted}  # only these rules' findings can merge with one shown
        more = [n for n, e in entries.items() if n not in arts and _meets(e.piece, wanted)]
        self._load_known(more)
        arts.update((n, partition.article_part(self.loaded[n][1], self.rules, self.lex, only=rules).found) for n in more)
        more_keys = self._holders({k for k, p in self.idx.keys.items() if k not in found and _meets(p, wanted)})
        found.update((k, partition.reduce_key(self._claims_of(k, ns), self.rules, self.lex, only=rules).found)
                     for k, ns in more_keys.items())
        holders.update(more_keys)
        sup = engine.suppressions(a for a, _ in self.loaded.values())  # the merge partners' comments too
        return self._outcome(arts, found, holders, whole, sup, keep)

    def _record(self, arts: dict[str, Found], found: dict[str, Found], whole: Found | None,
                keys: set[str]) -> engine.Suppressions:
        """What the re-run pieces found, into the index; the comments of the articles loaded so far."""
        sup = engine.suppressions(a for a, _ in self.loaded.values())
        entries, before = self.idx.articles, (dict(self.idx.keys), self.idx.corpus)
        for n, part in arts.items():
            now = keyindex.piece((f for _, f in part), sup)
            if now != entries[n].piece:  # an article re-run only because it changed since the revision
                entries[n], self.touched = entries[n]._replace(piece=now), True
        for k in keys:
            if k in found:
                self.idx.keys[k] = keyindex.piece((f for _, f in found[k]), sup)
            else:
                self.idx.keys.pop(k, None)  # no article holds it any more
        if whole is not None:
            self.idx.corpus = keyindex.piece((f for _, f in whole), sup)
        self.touched = self.touched or before != (self.idx.keys, self.idx.corpus)
        return sup

    def _outcome(self, arts: dict[str, Found], found: dict[str, Found], holders: dict[str, list[str]], whole: Found,
                 sup: engine.Suppressions, keep: Callable[[str], bool]) -> Outcome:
        """The pieces merged in the full run's order: articles, then keys as their first claims come, then the corpus."""
        entries = self.idx.articles
        korder = sorted(found, key=lambda k: min((self.pos[n], entries[n].keys.index(k)) for n in holders[k]))
        parts = [*(partition.Part(arts[n]) for n in sorted(arts, key=self.pos.__getitem__)),
                 *(partition.Part(found[k]) for k in korder), partition.Part(whole)]
        outcome = partition.finish(parts, sup)
        articles = [a for a, _ in sorted(self.loaded.values(), key=lambda ac: self.pos[ac[0].path])]
        self.corpus.articles = articles
        self.corpus.claims = [c for a in articles for c in self.loaded[a.path][1]]
        known = {r.id for r in self.rules} | {b.id for b in builtin.BUILTIN}
        names = [s.shown for s in self.srcs if s.shown in entries]
        t = keyindex.totals(self.idx, names, known, keep)
        shown = [f for f in builtin.flag_unknown(outcome.findings, articles, self.rules) if keep(f.rule)]
        return Outcome(self.corpus, shown, len(names), sum(entries[n].claims for n in names), t.suppressed, t.live)

    def _load(self, srcs: list[Source], sigs: dict[str, keyindex.Sig | None] | None) -> None:
        """Read or extract `srcs` through the cache. With `sigs` (their signatures), as new: each readable one
        gets a new entry. Without, as known: each must still be what its entry says."""
        ckeys: dict[str, str] = {}
        got = pipeline.run(srcs, self.lex, self.jobs, self.cache, keys=ckeys)
        self.corpus.problems.extend(got.problems)
        self.corpus.unreadable.extend(got.unreadable)
        claims = _by_file(got.claims)
        for art in got.articles:
            cs = self.loaded.setdefault(art.path, (art, claims.get(art.path, [])))[1]
            if sigs is None:
                if ckeys.get(art.path) != self.idx.articles[art.path].ckey:
                    raise _Stale(art.path)
                continue
            self.idx.articles[art.path] = Entry(
                sigs.get(art.path), ckeys.get(art.path, ""), tuple(self._keyed(art.path)), len(cs),
                bool(partition.corpus_claims(cs, self.rules)), tuple(engine.suppressed_in(art.text)), ((), ()))
            self.touched = True

    def _load_known(self, names: Iterable[str]) -> None:
        """The claims of articles the index holds unchanged: from their cache entries, read afresh if gone."""
        missing = []
        for n in names:
            if n not in self.loaded:
                hit = self.cache.load(self.idx.articles[n].ckey)
                if hit is None:
                    missing.append(self.srcs[self.pos[n]])
                else:
                    self.loaded[n] = hit
        if missing:
            self._load(missing, None)
            if any(s.shown not in self.loaded for s in missing):
                raise _Stale("unreadable now")

    def _keyed(self, n: str) -> dict[str, list[Claim]]:
        if n not in self.keyed:
            self.keyed[n] = partition.keyed(self.loaded[n][1], self.lex)
        return self.keyed[n]

    def _holders(self, keys: set[str]) -> dict[str, list[str]]:
        """Each key (of those still held) with the articles holding a claim under it, in the run's order."""
        out: dict[str, list[str]] = {}
        if keys:
            for n in sorted(self.idx.articles, key=self.pos.__getitem__):
                for k in self.idx.articles[n].keys:
                    if k in keys:
                        out.setdefault(k, []).append(n)
        self._load_known({n for ns in out.values() for n in ns})
        return out

    def _claims_of(self, k: str, names: list[str]) -> list[Claim]:
        return [c for n in names for c in self._keyed(n)[k]]

    def _corpus(self) -> Found:
        names = sorted((n for n, e in self.idx.articles.items() if e.corpus), key=self.pos.__getitem__)
        self._load_known(names)
        claims = [c for n in names for c in partition.corpus_claims(self.loaded[n][1], self.rules)]
        return partition.reduce_corpus(claims, self.rules, self.lex).found


def _meets(p: keyindex.Piece, wanted: set[tuple[str, int]]) -> bool:
    return bool(wanted) and any((rule, m) in wanted for rule, m, _ in p[0])


def _by_file(claims: list[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.file, []).append(c)
    return out
