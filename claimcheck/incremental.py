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
check is run over the claims it reads (`relevant`) from every article that has any, but only when
a changed article has some; a kind that cannot say which it reads is no fit, nor is a ledger run
(its tally spans every key): session.py does not come here then.
"""
from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import builtin, engine, keyindex, partition, pipeline
from .cache import Cache
from .checks import KINDS
from .files import Source
from .keyindex import Entry, Index
from .models import Article, Claim, Finding, Problem, RuleSpec
from .pipeline import Corpus
from .read import ReadError, read_bytes
from .vocab import Lexicon


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
          keep, jobs: int | None = None) -> Outcome | None:
    """None when the sources name one file twice (the index is by shown name): run in full then."""
    if len({s.shown for s in srcs}) != len(srcs):
        return None
    file = keyindex.path(cache.root, keyindex.fingerprint(cache.salt, rules, ()))
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

    def check(self, changed: set[str], keep) -> Outcome:
        entries, idx = self.idx.articles, self.idx
        reported, dirty = self._scan(changed)
        edited = self._edited(dirty)
        gone = [n for n in entries if n not in self.pos]
        old = [entries.pop(n) for n in [*gone, *(s.shown for s in edited if s.shown in entries)]]
        self._load(edited, fresh=True)
        reported &= set(entries)  # an unreadable file makes no finding
        self._load_known(reported)
        renewed = sorted(reported | {s.shown for s in edited if s.shown in entries}, key=self.pos.__getitem__)
        keys = {k for n in renewed for k in entries[n].keys} | {k for e in old for k in e.keys}
        # the corpus piece changes with any article whose claims it reads, old or new
        corpus_too = any(e.corpus for e in old) or any(entries[n].corpus for n in renewed)
        arts = {n: partition.article_part(self.loaded[n][1], self.rules, self.lex).found for n in renewed}
        holders = self._holders(keys)
        found = {k: partition.reduce_key(self._claims_of(k, ns), self.rules, self.lex).found for k, ns in holders.items()}
        whole = self._corpus() if corpus_too else []
        # pieces left as they were whose findings merge with one shown: re-run for the merge, not stored
        wanted = {(f.rule, keyindex.mark(f)) for part in [*arts.values(), *found.values(), whole] for _, f in part
                  if any(c.file in reported for c in f.claims)}
        more_arts = [n for n, e in entries.items() if n not in arts and _meets(e.piece, wanted)]
        self._load_known(more_arts)
        more = {n: partition.article_part(self.loaded[n][1], self.rules, self.lex).found for n in more_arts}
        more_keys = self._holders({k for k, p in idx.keys.items() if k not in found and _meets(p, wanted)})
        more_found = {k: partition.reduce_key(self._claims_of(k, ns), self.rules, self.lex).found
                      for k, ns in more_keys.items()}
        sup = engine.suppressions(a for a, _ in self.loaded.values())
        for n in renewed:
            entries[n] = entries[n]._replace(piece=keyindex.piece((f for _, f in arts[n]), sup))
        for k in keys:
            if k in holders:
                idx.keys[k] = keyindex.piece((f for _, f in found[k]), sup)
            else:
                idx.keys.pop(k, None)
        if corpus_too:
            idx.corpus = keyindex.piece((f for _, f in whole), sup)
        self.touched = self.touched or bool(renewed or keys or corpus_too)
        order = sorted([*arts, *more], key=self.pos.__getitem__)
        by_key = {**holders, **more_keys}
        korder = sorted(by_key, key=lambda k: min((self.pos[n], entries[n].keys.index(k)) for n in by_key[k]))
        parts = [*(partition.Part({**arts, **more}[n]) for n in order),
                 *(partition.Part({**found, **more_found}[k]) for k in korder), partition.Part(whole)]
        outcome = partition.finish(parts, sup)
        articles = [a for a, _ in sorted(self.loaded.values(), key=lambda ac: self.pos[ac[0].path])]
        self.corpus.articles = articles
        self.corpus.claims = [c for a in articles for c in self.loaded[a.path][1]]
        known = {r.id for r in self.rules} | {b.id for b in builtin.BUILTIN}
        names = [s.shown for s in self.srcs if s.shown in entries]
        t = keyindex.totals(idx, names, known, keep)
        return Outcome(self.corpus, [f for f in builtin.flag_unknown(outcome.findings, articles, self.rules) if keep(f.rule)],
                       len(names), sum(entries[n].claims for n in names), t.suppressed, t.live)

    def _scan(self, changed: set[str]) -> tuple[set[str], list[Source]]:
        """The articles a finding must touch to be shown (as scope.narrow resolves a claim's file), and those
        whose stat signature is not the one recorded."""
        entries, now = self.idx.articles, time.time_ns()
        self.sigs: dict[str, keyindex.Sig | None] = {}
        reported: set[str] = set()
        dirs: dict[str, str] = {}
        dirty = []
        for src in self.srcs:
            folder, name = os.path.split(src.shown)
            real = dirs[folder] if folder in dirs else dirs.setdefault(folder, os.path.realpath(folder or "."))
            try:
                st = os.lstat(src.path)
                if stat.S_ISLNK(st.st_mode):
                    st = os.stat(src.path)
                    real, name = os.path.split(os.path.realpath(src.shown))
            except OSError:
                dirty.append(src)
                continue
            if os.path.join(real, name) in changed:
                reported.add(src.shown)
            self.sigs[src.shown] = keyindex.sig(st, now)
            e = entries.get(src.shown)
            if e is None or e.sig is None or e.sig != self.sigs[src.shown]:
                dirty.append(src)
        return reported, dirty

    def _edited(self, dirty: list[Source]) -> list[Source]:
        """Of the files whose signature moved, those whose content did too (or that are new or unreadable)."""
        entries, out = self.idx.articles, []
        for src in dirty:
            e = entries.get(src.shown)
            try:
                same = e is not None and self.cache.key(src.shown, read_bytes(src.path)) == e.ckey
            except ReadError:
                same = False
            if same and e is not None:
                entries[src.shown] = e._replace(sig=self.sigs.get(src.shown))
                self.touched = True
            else:
                out.append(src)
        return out

    def _load(self, srcs: list[Source], fresh: bool) -> None:
        """Read or extract `srcs` through the cache; a fresh load records each readable one in the index."""
        ckeys: dict[str, str] = {}
        got = pipeline.run(srcs, self.lex, self.jobs, self.cache, keys=ckeys)
        self.corpus.problems.extend(got.problems)
        self.corpus.unreadable.extend(got.unreadable)
        claims = _by_file(got.claims)
        for art in got.articles:
            self.loaded[art.path] = (art, claims.get(art.path, []))
            if not fresh:
                if ckeys.get(art.path) != self.idx.articles[art.path].ckey:
                    raise _Stale(art.path)
                continue
            cs = self.loaded[art.path][1]
            self.idx.articles[art.path] = Entry(
                self.sigs.get(art.path), ckeys.get(art.path, ""), tuple(self._keyed(art.path)), len(cs),
                bool(partition.corpus_claims(cs, self.rules)), tuple(engine.suppressed_in(art.text)), ((), ()))
            self.touched = True

    def _load_known(self, names: Iterable[str]) -> None:
        """The claims of articles the index holds unchanged: from their cache entries, read afresh if gone."""
        missing = []
        for n in names:
            if n in self.loaded:
                continue
            hit = self.cache.load(self.idx.articles[n].ckey)
            if hit is None:
                missing.append(self.srcs[self.pos[n]])
            else:
                self.loaded[n] = hit
        if missing:
            self._load(missing, fresh=False)
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

    def _corpus(self) -> list[partition.Ranked]:
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
