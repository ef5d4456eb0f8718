"""Paths to Articles: file discovery, encodings, front matter, publication date and title."""
from __future__ import annotations

import datetime as dt
import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import regex
import yaml

from .datelines import publication_date
from .models import Article

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
BINARY_EXT = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".pdf", ".zip", ".gz", ".svg", ".mp4"}
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "__pycache__", ".claimcheck_cache"}

FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.DOTALL)
TITLE_LINE = regex.compile(r"^(?:TITLE:\s*\n\s*(?P<a>.+)|TITLE:\s*(?P<b>\S.*)|#\s+(?P<c>.+))", regex.MULTILINE)


# the C loader when PyYAML was built with libyaml; both are the safe loader
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ReadError(Exception):
    """An article that could not be read at all."""


@dataclass(frozen=True)
class Source:
    path: Path
    shown: str  # as the user named it, with / separators


def discover(paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE,
             exclude: Iterable[str] = ()) -> Iterator[Source]:
    """Files under the given paths that match include and not exclude, in a stable order."""
    include, exclude = tuple(include), tuple(exclude)

    def wanted(shown: str) -> bool:
        name = shown.rsplit("/", 1)[-1].lower()  # NOTES.MD is as much an article as notes.md
        if Path(name).suffix.lower() in BINARY_EXT:
            return False
        if any(fnmatch.fnmatch(shown, g) or fnmatch.fnmatch(name, g) for g in exclude):
            return False
        return any(fnmatch.fnmatch(name, g.lower()) or fnmatch.fnmatch(shown, g) for g in include)

    for raw in paths:
        p = Path(raw)
        base = raw.replace(os.sep, "/")
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
                for f in sorted(files):
                    full = Path(root) / f
                    shown = full.as_posix() if base not in (".", "./") else full.relative_to(p).as_posix()
                    if wanted(shown):
                        yield Source(full, shown)
        else:
            yield Source(p, base)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), CP949/EUC-KR, or UTF-8 with replacements."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    # UTF-8 Korean almost never decodes as CP949 without error, so a clean CP949 read is trusted first
    for enc in ("cp949", "euc-kr"):
        try:
            return data.decode(enc), []
        except UnicodeDecodeError:
            continue
    bad = sum(1 for ch in data.decode("utf-8", errors="replace") if ch == "\ufffd")
    if bad <= max(3, len(data) // 200):
        return data.decode("utf-8", errors="replace"), [f"{bad} undecodable byte(s) replaced; read as UTF-8"]
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("not text in any known encoding")
    return str(best), [f"encoding guessed as {best.encoding}"]


def find_date(text: str, front: dict, name: str | None = None) -> dt.date | None:
    """Publication date: front matter, a labelled date line, a dateline or byline, else the file name."""
    m = FRONT_MATTER.match(text)
    return publication_date(text, front, name, m.end() if m else 0)


def front_matter(text: str) -> tuple[dict, int]:
    """The YAML front matter as a dict (empty when absent or malformed) and its length in chars."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    try:
        data = yaml.load(m.group(1), Loader=SAFE_LOADER)
    except (yaml.YAMLError, ValueError):  # "date: 2025-02-30" raises ValueError inside the loader
        data = None
    return (data if isinstance(data, dict) else {}), m.end()


def read_article(src: Source) -> Article:
    """One file to an Article; raises ReadError when it cannot be read."""
    try:
        data = src.path.read_bytes()
    except OSError as e:
        raise ReadError(e.strerror or str(e)) from None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary file")
    text, warnings = decode(data)
    front, _ = front_matter(text)
    title = front.get("title") if isinstance(front.get("title"), str) else None
    if title is None and (m := TITLE_LINE.search(text[:2000])):
        title = (m["a"] or m["b"] or m["c"] or "").strip() or None
    return Article(path=src.shown, text=text, published=find_date(text, front, src.path.name), title=title,
                   warnings=tuple(warnings))
