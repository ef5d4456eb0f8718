"""Read every article and extract its claims, in worker processes and through a cache when asked."""
from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import cache as K
from .cache import Cache
from . import vocab as L
from .models import Article, Claim
from .summary import Problem, Unreadable
from .read import DEFAULT_INCLUDE, ReadError, Source, discover, read_article, read_bytes

PROGRESS_MIN_FILES = 200  # shorter runs finish before a progress bar would tell anyone anything
POOL_MIN_FILES = 64  # below this, starting processes costs more than it saves
CHUNK = 32  # files per task: large enough that pickling and IPC stay small beside the extraction

Result = tuple[Article | None, list[Claim], list[str]]  # the article's warnings; with no Article, [why it is unreadable]


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # one per unreadable file, damaged file or cache trouble
    unreadable: list[Unreadable] = field(default_factory=list)


def sources(paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = ()) -> list[Source]:
    return list(discover(paths, include, exclude))


def extract_one(src: Source, lex: L.Lexicon) -> Result:
    from .claims.build import extract  # here, not above: a run served from the cache never needs it

    try:
        art = read_article(src)
    except ReadError as e:
        return None, [], [str(e)]
    # Extraction makes no reference cycles, only many objects that live until the claims are out: with
    # collection on, a 5 MB article's hundred thousand claims set off full passes over everything made so far
    with _no_gc():
        claims = extract(art, lex)
    return art, claims, list(art.warnings)


def _read(src: Source) -> bytes | None:
    try:
        return read_bytes(src.path)
    except ReadError:
        return None  # read_article will fail the same way and word the problem


def _fresh(src: Source, key: str | None, lex: L.Lexicon, cache: Cache | None) -> Result:
    """Extract one file and store it under `key`, the cache key of the bytes the parent saw."""
    art, claims, notes = extract_one(src, lex)
    if cache is not None and key is not None and art is not None:
        # read_article read the file again; store only if it still has the content `key` names,
        # or an edit made meanwhile would file one content's claims under another's key
        now = _read(src)
        if now is not None and cache.key(src.shown, now) == key:
            cache.store(key, art, claims)
    return art, claims, notes


# Per-process state of a pool worker, set once by _init so the lexicon is not shipped per task.
_LEX: L.Lexicon | None = None
_CACHE: Cache | None = None


def _init(lex: L.Lexicon | None, cache: tuple | None) -> None:
    global _LEX, _CACHE
    _LEX = lex if lex is not None else L.default()
    _CACHE = Cache(*cache) if cache is not None else None


def _chunk(work: list[tuple[Source, str | None]]) -> tuple[list[Result], list[tuple[str, str]]]:
    assert _LEX is not None, "worker not initialised"
    seen = len(_CACHE.raised) if _CACHE else 0
    out = [_fresh(src, key, _LEX, _CACHE) for src, key in work]
    return out, (_CACHE.raised[seen:] if _CACHE else [])


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))  # honours taskset and container CPU sets
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run(srcs: list[Source], lex: L.Lexicon | None = None, jobs: int | None = None,
        cache: Cache | None = None, progress: Callable[[int], None] | None = None,
        keys: dict[str, str] | None = None) -> Corpus:
    """Extract every source; the result is the same, in `srcs` order, whatever `jobs` is.

    jobs None or 0 means one process per available CPU. Cache hits are served here, before any
    process starts, so a warm run pays no pool start-up; only misses go to workers. A custom
    Lexicon (say, built with config aliases) reaches the workers through the pool initializer:
    pickled once per worker (inherited without a copy where processes fork), never per task.
    Cache warnings are kept in `cache.warnings` and also appended to `Corpus.problems`.
    `keys`, when given, receives each source's cache key (by its shown path): the key index
    (keyindex.py) finds an unchanged article's entry again by it.
    """
    jobs = jobs or default_jobs()
    before = len(cache.warnings) if cache else 0
    results: list[Result | None] = [None] * len(srcs)
    compact = _Compactor(cache.strings if cache is not None else {})
    work: list[tuple[int, str | None]] = []
    with _no_gc():
        for i, src in enumerate(srcs):
            data = _read(src) if cache is not None else None
            key = cache.key(src.shown, data) if cache is not None and data is not None else None
            if keys is not None and key is not None:
                keys[src.shown] = key
            hit = cache.load(key) if cache is not None and key is not None else None
            if hit is None:
                work.append((i, key))
            else:  # the cache already shares strings through cache.strings
                results[i] = (hit[0], hit[1], list(hit[0].warnings))
    chunks = [[(srcs[i], key) for i, key in work[k:k + CHUNK]] for k in range(0, len(work), CHUNK)]
    if jobs > 1 and len(work) >= POOL_MIN_FILES:
        # the default lexicon is rebuilt lazily by each worker rather than pickled across
        ship = None if lex is None or lex is L.default() else lex
        spec = (cache.root, cache.salt) if cache is not None else None
        with ProcessPoolExecutor(min(jobs, len(chunks)), initializer=_init, initargs=(ship, spec)) as pool:
            done = []
            for part in pool.map(_chunk, chunks):  # map yields in submission order
                for _, claims, _ in part[0]:
                    compact(claims)
                done.append(part)
                if progress:
                    progress(len(part[0]))
        for _, raised in done:
            if cache is not None:
                cache.absorb(raised)
        fresh = [r for rs, _ in done for r in rs]
    else:
        lex = lex or L.default()
        fresh = []
        for chunk in chunks:
            fresh.extend(_fresh(src, key, lex, cache) for src, key in chunk)
            for _, claims, _ in fresh[-len(chunk):]:
                compact(claims)
            if progress:
                progress(len(chunk))
    for (i, _), r in zip(work, fresh):
        results[i] = r
    out = Corpus()
    for src, (art, claims, notes) in zip(srcs, results):  # type: ignore[misc]  # every slot is filled by now
        if art is None:
            out.unreadable.append(Unreadable(file=src.shown, reason=notes[0]))
            out.problems.append(Problem("unreadable", notes[0], src.shown))
            continue
        out.problems.extend(Problem("read", w, src.shown) for w in notes)
        out.articles.append(art)
        out.claims.extend(claims)
    if cache is not None:
        out.problems.extend(Problem("cache", w) for w in cache.warnings[before:])
    return out


def extract(srcs: list[Source], lex: L.Lexicon, jobs: int | None, no_cache: bool, config_dir: Path | None) -> Corpus:
    """What `check` and `extract` run: every source through the cache beside the config (unless
    `no_cache`), with a progress bar on stderr only for long runs on a terminal."""
    cache = None if no_cache else K.for_run(config_dir, lex)
    if len(srcs) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return run(srcs, lex, jobs, cache)
    from rich.console import Console  # here: most runs never draw a bar
    from rich.progress import Progress

    with Progress(console=Console(stderr=True, no_color="NO_COLOR" in os.environ), transient=True) as bar:
        task = bar.add_task("reading articles", total=len(srcs))
        return run(srcs, lex, jobs, cache, progress=lambda n: bar.advance(task, n))


@contextmanager
def _no_gc() -> Iterator[None]:
    # Reading the cache makes only long-lived, acyclic objects; with collection on, every few
    # hundred of them set off a pass that walks all those made so far.
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


SHARED = ("file", "entity", "segment", "metric", "unit", "period", "cadence", "basis", "bound", "quote", "text")


class _Compactor:
    """Let claims share equal strings and equal field-name sets.

    Claims from workers each carry their own copy of their file name, sentence and pydantic's
    set of field names (about 2 KB); on a large archive those copies were most of the memory.
    No value changes, only which object holds it. Applied as each file's claims arrive, so the
    copies never pile up; the string table is the cache's, which does the same for its hits.
    """

    def __init__(self, strings: dict[str, str]) -> None:
        self.strings = strings
        self.field_sets: dict[frozenset, set] = {}

    def __call__(self, claims: list[Claim]) -> list[Claim]:
        strings, field_sets = self.strings, self.field_sets
        for c in claims:
            d = c.__dict__
            for k in SHARED:
                v = d[k]
                if v is not None:
                    d[k] = strings.setdefault(v, v)
            fs = c.__pydantic_fields_set__
            object.__setattr__(c, "__pydantic_fields_set__", field_sets.setdefault(frozenset(fs), fs))
        return claims
