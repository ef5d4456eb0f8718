"""The key index: what `check --changed-since` keeps between runs so that it re-checks only what a change touches.

It lives beside the extraction cache, `index/<fingerprint>.marshal`, one file per run setting: the
fingerprint covers the extraction salt, every source file of the package and the rules as configured,
so a new version or rule option starts a new index and never reads a stale one. Which articles a run
reads is not in it: an article that is new to the index, or no longer among the run's, is a change
like an edit. For each article it records the file's stat signature (to tell it unchanged without
reading it), its cache key (to load its claims), the keys its claims fall under (partition.key, in
the order they first come), its claim count, whether a corpus-scope check reads any of its claims,
its suppression comments, and what its article-scope findings were; for each key, and for the
corpus, what the key-scope (corpus-scope) findings were.

"What the findings were" is a piece's marks. engine.finish merges the findings of one rule that
say the same thing wherever they come from (one reprinted sentence in many articles is one
finding), so a run that re-checks a few pieces must also re-check every other piece that made a
finding it merges with: the marks say which, by the finding's merge key, hashed. With whether a
comment suppressed each finding and which comments they used, they also give the full run's counts
of findings and suppressions without running it.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from . import __version__
from .builtin import UNKNOWN, WILDCARDS
from .cache import Cache, atomic_write
from .engine import UNUSED, WHERE, Suppressions
from .files import Source
from .models import Finding
from .rule_spec import RuleSpec
from .read import ReadError, read_bytes

FORMAT = 1  # bump when what is stored changes
Sig = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns: as git tells a file unchanged
Mark = tuple[str, int, bool]  # a finding's rule, its merge key hashed, whether it was suppressed
Hit = tuple[str, int, str]  # a suppression comment a finding used: file, line, rule id
Piece = tuple[tuple[Mark, ...], tuple[Hit, ...]]  # what one article's, key's or the corpus's findings were
RACY_NS = 2_000_000_000  # a file changed this recently may change again within one clock tick: not trusted


class Entry(NamedTuple):
    sig: Sig | None  # None: read it again next time
    ckey: str
    keys: tuple[str, ...]
    claims: int
    corpus: bool
    comments: tuple[tuple[int, str], ...]
    piece: Piece


@dataclass
class Index:
    articles: dict[str, Entry] = field(default_factory=dict)
    keys: dict[str, Piece] = field(default_factory=dict)
    corpus: Piece = ((), ())


def fingerprint(salt: str, rules: Sequence[RuleSpec]) -> str:
    """What the index depends on beyond the articles: extraction (the cache's salt), the checks' code and
    wording (every module of the package: a dev checkout keeps its version while the code moves), the rules."""
    h = hashlib.sha256(f"{FORMAT}\0{__version__}\0{salt}\0".encode())
    pkg = Path(__file__).resolve().parent
    for f in sorted(pkg.rglob("*.py")):
        h.update(b"%s\0%s\0" % (f.relative_to(pkg).as_posix().encode(), f.read_bytes()))
    h.update(json.dumps([r.model_dump(mode="json") for r in rules], sort_keys=True, default=str).encode())
    return h.hexdigest()[:24]


def path(root: Path, fp: str) -> Path:
    return root / "index" / f"{fp}.marshal"


def load(file: Path) -> Index:
    """The index in `file`, or an empty one when it is missing or damaged (the run then rebuilds it)."""
    try:
        raw = marshal.loads(file.read_bytes())
        return Index({k: Entry._make(v) for k, v in raw["articles"].items()}, raw["keys"], raw["corpus"])
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return Index()


def save(file: Path, idx: Index) -> str | None:
    """Write the index whole (a reader sees the old file or the new); a one-line warning when it cannot."""
    body = marshal.dumps({"articles": {k: tuple(v) for k, v in idx.articles.items()}, "keys": idx.keys,
                          "corpus": idx.corpus})
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(file, body)
    except OSError as e:
        return f"key index: cannot write {file}: {e.strerror or e}; the next run checks every key again"
    return None


def sig(st: os.stat_result, now_ns: int) -> Sig | None:
    if now_ns - st.st_mtime_ns < RACY_NS:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


@dataclass
class Scan:
    reported: set[str]  # the articles a finding must touch to be shown
    edited: list[Source]  # the articles whose content is not what the index recorded (or new, or unreadable)
    sigs: dict[str, Sig | None]
    touched: bool  # an entry's signature was renewed


def scan(srcs: Sequence[Source], idx: Index, changed: set[str], cache: Cache) -> Scan:
    """Which articles changed since `changed_since` (resolved as scope.narrow resolves a claim's file) and
    which since the index was written: a signature that moved, then content that did (a file rewritten
    unchanged, or checked out again, only gets its new signature)."""
    out, now = Scan(set(), [], {}, False), time.time_ns()
    dirs: dict[str, str] = {}  # each folder resolved once
    for src in srcs:
        folder, name = os.path.split(src.shown)
        real = dirs[folder] if folder in dirs else dirs.setdefault(folder, os.path.realpath(folder or "."))
        e = idx.articles.get(src.shown)
        try:
            st = os.lstat(src.path)
            if stat.S_ISLNK(st.st_mode):
                st = os.stat(src.path)
                real, name = os.path.split(os.path.realpath(src.shown))
            out.sigs[src.shown] = now_sig = sig(st, now)
            if e is not None and e.sig is not None and e.sig == now_sig:
                same = True
            else:
                same = e is not None and cache.key(src.shown, read_bytes(src.path)) == e.ckey
                if same and e is not None:
                    idx.articles[src.shown], out.touched = e._replace(sig=now_sig), True
        except (OSError, ReadError):
            same = False  # pipeline.run says why it cannot be read
        if os.path.join(real, name) in changed:
            out.reported.add(src.shown)
        if not same:
            out.edited.append(src)
    return out


def mark(f: Finding) -> int:
    """The merge key engine.finish gives a finding (its rule, its message without places), hashed."""
    text = f"{f.rule}\0{WHERE.sub('', f.message)}".encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


def hits(f: Finding, sup: Suppressions) -> list[Hit]:
    """The comments that suppress a finding, as engine.finish finds them."""
    return [(c.file, line, rid) for c in f.claims for line in (c.line, c.line - 1)
            for rid in sup.get((c.file, line), ()) if rid in (f.rule, "*", "all")]


def piece(found: Iterable[Finding], sup: Suppressions) -> Piece:
    marks: list[Mark] = []
    used: set[Hit] = set()
    for f in found:
        h = hits(f, sup) if sup else []
        used.update(h)
        marks.append((f.rule, mark(f), bool(h)))
    return tuple(marks), tuple(sorted(used))


@dataclass
class Totals:
    live: int  # findings a full run makes that no comment suppresses, the comments' own findings included
    suppressed: int


def totals(idx: Index, current: Iterable[str], known: set[str], keep: Callable[[str], bool]) -> Totals:
    """The full run's counts from the marks: one finding per merge key, suppressed when any of its parts
    was; then one finding per comment that nothing used (unknown-suppression for an unknown rule id)."""
    names = list(current)
    pieces = [idx.articles[n].piece for n in names]
    pieces += [*idx.keys.values(), idx.corpus]
    merged: dict[tuple[str, int], bool] = {}
    used: set[Hit] = set()
    for marks, hit in pieces:
        used.update(hit)
        for rule, m, s in marks:
            merged[rule, m] = merged.get((rule, m), False) or s
    live = sum(1 for (rule, _), s in merged.items() if not s and keep(rule))
    for n in names:
        for line, rid in idx.articles[n].comments:
            if (n, line, rid) not in used and keep(UNUSED if rid in known or rid in WILDCARDS else UNKNOWN):
                live += 1
    return Totals(live, sum(merged.values()))
