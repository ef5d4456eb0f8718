"""On-disk cache of per-file extraction results, keyed by content, version, rules and shown path."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from . import __version__
from . import vocab as L
from .models import Article, Claim
from .cache_entry import decode, encode
from .rules_data import rules_dir

# LAYOUT names the folder; FORMAT, the shape of an entry, goes into every key instead, so a new
# shape needs no new folder (tests and bench/run.py count entries under v1/) and old entries are
# simply never looked at. Bump FORMAT whenever cache_entry.encode changes what it writes.
LAYOUT = "v1"
FORMAT = "columns-2"  # 2: claims carry their evidence
TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# This file is a cache directory tag created by claimcheck.\n"
       "# For information about cache directory tags see https://bford.info/cachedir/\n")
# Every source file of the package goes into the salt: a development checkout keeps the same __version__ while the
# code moves, and a hand-kept list of the extraction's modules fell behind them (wire_year.py was left out, so an
# edit to how a dateline's year is read served stale claims).


def default_dir(config_dir: Path | None) -> Path:
    """$CLAIMCHECK_CACHE_DIR if set, else .claimcheck_cache beside the config (or in the cwd)."""
    env = os.environ.get("CLAIMCHECK_CACHE_DIR")
    if env:
        return Path(env)
    return (config_dir or Path.cwd()) / ".claimcheck_cache"


def for_run(config_dir: Path | None, lex: L.Lexicon) -> Cache:
    """The cache a run uses: beside its config, keyed by the lexicon settings that change extraction."""
    # the code is part of the key too (see salt): a checkout's version string does not change with every edit
    return Cache(default_dir(config_dir), salt({"aliases": sorted(lex.alias_to.items()), "fiscal": sorted(lex.fiscal.items())}))


def salt(settings: object = None) -> str:
    """Hash of the rules/ data files, the extraction code, and the lexicon-affecting settings (JSON-able)."""
    h = hashlib.sha256()
    rules = rules_dir()
    for f in sorted(rules.iterdir(), key=lambda p: p.name):
        if f.name.endswith((".yaml", ".yml")) and f.is_file():
            h.update(b"rules/%s\0%s\0" % (f.name.encode(), f.read_bytes()))
    pkg = Path(__file__).resolve().parent
    for f in sorted(pkg.rglob("*.py")):
        h.update(b"%s\0%s\0" % (f.relative_to(pkg).as_posix().encode(), f.read_bytes()))
    h.update(json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str).encode())
    return h.hexdigest()


class Cache:
    """Never raises: a bad entry is a miss, an unwritable directory turns writing off; both warn once."""

    def __init__(self, root: Path, salt: str):
        self.root = Path(root)
        self.salt = salt
        self.warnings: list[str] = []
        self.raised: list[tuple[str, str]] = []  # (kind, message), so a worker can ship them back
        self._warned: set[str] = set()
        self._writable = True
        self._prepared = False
        self._prefix = f"{__version__}\0{salt}\0{FORMAT}\0".encode()
        # one table for the whole run, so equal strings in different entries become one object
        self.strings: dict[str, str] = {}

    def key(self, src_shown: str, data: bytes) -> str:
        # the shown path is part of the key because every claim carries it in `file`
        h = hashlib.sha256(self._prefix)
        h.update(src_shown.encode("utf-8", "surrogateescape") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / LAYOUT / key[:2] / f"{key}.json"

    def warn(self, kind: str, msg: str) -> None:
        if kind not in self._warned:
            self._warned.add(kind)
            self.warnings.append(msg)
            self.raised.append((kind, msg))

    def get(self, src_shown: str, data: bytes) -> tuple[Article, list[Claim]] | None:
        return self.load(self.key(src_shown, data))

    def put(self, src_shown: str, data: bytes, article: Article, claims: list[Claim]) -> None:
        self.store(self.key(src_shown, data), article, claims)

    def load(self, key: str) -> tuple[Article, list[Claim]] | None:
        """The entry stored under a key from key(), or None; a damaged entry counts as absent."""
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None  # never written, or a cache root that cannot exist (store will say so once)
        except OSError as e:
            self.warn("read", f"cache: cannot read {path}: {e.strerror or e}; extracting afresh")
            return None
        try:
            return decode(json.loads(raw), key, self.strings)
        except (ValidationError, ValueError, TypeError, KeyError, IndexError, RecursionError):
            self.warn("corrupt", f"cache: ignoring corrupt entry {path}")
            return None

    def store(self, key: str, article: Article, claims: list[Claim]) -> None:
        if not self._writable:
            return
        # the json module rather than pydantic's: pydantic writes an infinite figure as null,
        # which would not validate on the way back; json writes Infinity and reads it again
        body = json.dumps(encode(key, article, claims), ensure_ascii=False).encode()
        try:
            self._prepare()
            path = self._path(key)
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, body)
        except OSError as e:
            self._writable = False
            self.warn("write", f"cache: cannot write under {self.root}: {e.strerror or e}; continuing without caching")

    def _prepare(self) -> None:
        if self._prepared:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", TAG), (".gitignore", "*\n")):
            if not (self.root / name).exists():
                atomic_write(self.root / name, text.encode())
        self._prepared = True

    def absorb(self, raised: list[tuple[str, str]]) -> None:
        """Take warnings a worker process raised, keeping the once-per-kind rule across processes."""
        for kind, msg in raised:
            self.warn(kind, msg)


def atomic_write(path: Path, body: bytes) -> None:
    # a temp file in the same folder then os.replace: readers see the old entry or the new, never half
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(body)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
