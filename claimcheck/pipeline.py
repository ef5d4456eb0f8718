"""Read every article and extract its claims, in worker processes and through a cache when asked."""
from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from .cache import Cache
from .claims import lexicon as L
from .claims.build import extract
from .models import Article, Claim
from .read import DEFAULT_INCLUDE, ReadError, Source, discover, read_article

POOL_MIN_FILES = 64  # below this, starting processes costs more than it saves
CHUNK = 32  # files per task: large enough that pickling and IPC stay small beside the extraction

Result = tuple[Article | None, list[Claim], list[str]]


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per unreadable file or warning


def sources(paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = ()) -> list[Source]:
    return list(discover(paths, include, exclude))


def extract_one(src: Source, lex: L.Lexicon) -> Result:
    try:
        art = read_article(src)
    except ReadError as e:
        return None, [], [f"{src.shown}: unreadable: {e}"]
    notes = [f"{src.shown}: {w}" for w in art.warnings]
    return art, extract(art, lex), notes


def _read(src: Source) -> bytes | None:
    try:
        return src.path.read_bytes()
    except OSError:
        return None  # read_article will fail the same way and word the problem


def cached_one(src: Source, lex: L.Lexicon, cache: Cache | None) -> Result:
    """extract_one, served from the cache when the file's bytes (and rules, version, path) are known."""
    data = _read(src) if cache is not None else None
    if cache is None or data is None:
        return extract_one(src, lex)
    hit = cache.get(src.shown, data)
    if hit is not None:
        art, claims = hit
        return art, claims, [f"{src.shown}: {w}" for w in art.warnings]
    art, claims, notes = extract_one(src, lex)
    # read_article read the file again; store only if it did not change in between, or the entry
    # would file one content's claims under another content's key
    if art is not None and _read(src) == data:
        cache.put(src.shown, data, art, claims)
    return art, claims, notes


# Per-process state of a pool worker, set once by _init so the lexicon is not shipped per task.
_LEX: L.Lexicon | None = None
_CACHE: Cache | None = None


def _init(lex: L.Lexicon | None, cache: tuple | None) -> None:
    global _LEX, _CACHE
    _LEX = lex if lex is not None else L.default()
    _CACHE = Cache(*cache) if cache is not None else None


def _chunk(srcs: list[Source]) -> tuple[list[Result], list[tuple[str, str]]]:
    assert _LEX is not None, "worker not initialised"
    seen = len(_CACHE.raised) if _CACHE else 0
    out = [cached_one(s, _LEX, _CACHE) for s in srcs]
    return out, (_CACHE.raised[seen:] if _CACHE else [])


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))  # honours taskset and container CPU sets
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run(srcs: list[Source], lex: L.Lexicon | None = None, jobs: int | None = None,
        cache: Cache | None = None) -> Corpus:
    """Extract every source; the result is the same, in `srcs` order, whatever `jobs` is.

    jobs None or 0 means one process per available CPU. A custom Lexicon (say, built with config
    aliases) reaches the workers through the pool initializer: it is pickled once per worker
    (inherited without copying where processes fork), never per task. Cache warnings are kept
    in `cache.warnings` and also appended to `Corpus.problems`.
    """
    jobs = jobs or default_jobs()
    before = len(cache.warnings) if cache else 0
    chunks = [srcs[i:i + CHUNK] for i in range(0, len(srcs), CHUNK)]
    if jobs > 1 and len(srcs) >= POOL_MIN_FILES:
        # the default lexicon is rebuilt lazily by each worker rather than pickled across
        ship = None if lex is None or lex is L.default() else lex
        spec = (cache.root, cache.salt) if cache is not None else None
        with ProcessPoolExecutor(min(jobs, len(chunks)), initializer=_init, initargs=(ship, spec)) as pool:
            done = list(pool.map(_chunk, chunks))  # map yields in submission order
    else:
        lex = lex or L.default()
        done = []
        for part in chunks:
            seen = len(cache.raised) if cache else 0
            done.append(([cached_one(s, lex, cache) for s in part], cache.raised[seen:] if cache else []))
    out = Corpus()
    for results, raised in done:
        if cache is not None and raised:
            cache.absorb(raised)
        for art, claims, notes in results:
            out.problems.extend(notes)
            if art is not None:
                out.articles.append(art)
                out.claims.extend(claims)
    if cache is not None:
        out.problems.extend(cache.warnings[before:])
    return out
