"""On-disk cache of per-file extraction results, keyed by content, version, rules and shown path."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import typing
from typing import Any
from pathlib import Path

from pydantic import Field, TypeAdapter, ValidationError

from . import __version__
from . import vocab as L
from .models import Article, Claim
from .claim_contract import scalar_types
from .rules_data import rules_dir

# LAYOUT names the folder; FORMAT, the shape of an entry, goes into every key instead, so a new
# shape needs no new folder (tests and bench/run.py count entries under v1/) and old entries are
# simply never looked at. Bump FORMAT whenever _encode changes what it writes.
LAYOUT = "v1"
FORMAT = "columns-2"  # 2: claims carry their evidence
TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# This file is a cache directory tag created by claimcheck.\n"
       "# For information about cache directory tags see https://bford.info/cachedir/\n")
# Source files whose edits change what extraction produces. A development checkout keeps the same
# __version__ while this code moves, so their contents go into the salt as well.
CODE = ("read.py", "datelines.py", "date_forms.py", "decoding.py", "models.py", "claim_contract.py", "rules_data.py", "vocab.py",
        "metric_taxonomy.py", "word_matcher.py", "calendar.py", "numbers", "claims")


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
    for name in CODE:
        p = pkg / name
        for f in sorted(p.glob("*.py")) if p.is_dir() else [p]:
            if f.is_file():
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
            return _decode(json.loads(raw), key, self.strings)
        except (ValidationError, ValueError, TypeError, KeyError, IndexError, RecursionError):
            self.warn("corrupt", f"cache: ignoring corrupt entry {path}")
            return None

    def store(self, key: str, article: Article, claims: list[Claim]) -> None:
        if not self._writable:
            return
        # the json module rather than pydantic's: pydantic writes an infinite figure as null,
        # which would not validate on the way back; json writes Infinity and reads it again
        body = json.dumps(_encode(key, article, claims), ensure_ascii=False).encode()
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


# An entry stores the claims column by column, and every text field as an index into one list of
# the entry's distinct strings: far less JSON to parse than a keyed object per claim. Each column
# is still validated, by pydantic against the field's type, so a damaged entry is a miss.
NAMES = tuple(Claim.model_fields)
_EVIDENCE = NAMES.index("evidence")


def shared_evidence(col: list, strings: dict[str, str]) -> list:
    """The evidence column with equal entries made one object: the figures of a sentence share most of
    theirs, and a warm run over an archive otherwise holds a fresh tuple of tuples per claim."""
    inner: dict[tuple, tuple] = {}
    outer: dict[tuple, tuple] = {}
    out = []
    for ev in col:
        if ev in outer:  # most claims' evidence was seen before: skip building the entries again
            out.append(outer[ev])
            continue
        key = tuple(inner[e] if e in inner else
                    inner.setdefault(e, tuple(strings.setdefault(x, x) if isinstance(x, str) else x for x in e))
                    for e in ev)
        out.append(outer.setdefault(key, key))
    return out
_ANNS = [f.annotation for f in Claim.model_fields.values()]
_TEXT = [bool(k) and k <= {str, type(None)} for k in map(scalar_types, _ANNS)]  # type: ignore[operator]
_Index = typing.Annotated[int, Field(ge=0, strict=True)]
# each a single validator call for all of an entry's columns: the claims' values, the stored
# columns (texts as string indexes), and the texts once looked up
_VALUES: TypeAdapter[Any] = TypeAdapter(tuple[tuple(list[a] for a in _ANNS)])  # type: ignore[misc, valid-type, arg-type]
_STORED: TypeAdapter[Any] = TypeAdapter(tuple[tuple(list[_Index] if t else list[a] for t, a in zip(_TEXT, _ANNS))])  # type: ignore[misc, valid-type, arg-type]
_TEXTS: TypeAdapter[Any] = TypeAdapter(tuple[tuple(list[a] for t, a in zip(_TEXT, _ANNS) if t)])  # type: ignore[misc, valid-type, arg-type]
_STRINGS = TypeAdapter(list[str])
_ALL_SET = set(NAMES)  # a claim read back had every field given, as after model_validate of a full dump
# model_construct without its per-field Python loop, where nothing else needs setting up
_PLAIN = not (Claim.__pydantic_post_init__ or Claim.__private_attributes__ or Claim.__pydantic_root_model__)


def _encode(key: str, article: Article, claims: list[Claim]) -> dict:
    index: dict[str | None, int] = {None: 0}
    values = _VALUES.dump_python(tuple([getattr(c, k) for c in claims] for k in NAMES), mode="json")
    columns = [[index.setdefault(v, len(index)) for v in col] if text else col for text, col in zip(_TEXT, values)]
    return {"key": key, "article": article.model_dump(mode="json"), "fields": list(NAMES),
            "strings": list(index)[1:], "columns": columns}


def _decode(raw: dict, key: str, shared: dict[str, str]) -> tuple[Article, list[Claim]]:
    """An entry back into objects; raises ValueError (or a pydantic/lookup error) when damaged."""
    if raw["key"] != key or raw["fields"] != list(NAMES):
        raise ValueError("not this entry")
    article = Article.model_validate(raw["article"])
    strings = _STRINGS.validate_python(raw["strings"])
    table = [None, *map(shared.setdefault, strings, strings)]
    columns = list(_STORED.validate_python(raw["columns"]))
    texts = [i for i, t in enumerate(_TEXT) if t]
    if any(columns[i] and max(columns[i]) >= len(table) for i in texts):
        raise ValueError("string index out of range")
    looked_up = _TEXTS.validate_python([list(map(table.__getitem__, columns[i])) for i in texts])
    for i, values in zip(texts, looked_up):
        columns[i] = values
    columns[_EVIDENCE] = shared_evidence(columns[_EVIDENCE], shared)
    if len(set(map(len, columns))) > 1:
        raise ValueError("columns of unequal length")
    return article, build(columns)


def build(columns: list[list]) -> list[Claim]:
    """Claims from their columns (NAMES order, values already of the fields' types), as model_construct
    makes them, every claim sharing one set of field names (the store reads claims back this way too)."""
    if not _PLAIN:
        return [Claim.model_construct(_ALL_SET, **dict(zip(NAMES, row))) for row in zip(*columns)]
    new, get, put, claims = object.__new__, object.__getattribute__, object.__setattr__, []
    for row in zip(*columns):
        c = new(Claim)
        # filling the dict the object made itself keeps it a split table, keys shared with every
        # other claim: 240 bytes a claim rather than the 464 of a dict of its own
        get(c, "__dict__").update(zip(NAMES, row))
        put(c, "__pydantic_fields_set__", _ALL_SET)
        put(c, "__pydantic_extra__", None)
        put(c, "__pydantic_private__", None)
        claims.append(c)
    return claims


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
