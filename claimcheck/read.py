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

from .models import Article

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
BINARY_EXT = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".pdf", ".zip", ".gz", ".svg", ".mp4"}
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "__pycache__", ".claimcheck_cache"}

FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.DOTALL)
META_DATE = regex.compile(
    r"^\W{0,4}(?:날짜|작성일|작성|입력|등록일|발행일|게재일|기사입력|date|published|posted)\W{0,4}\s*[:：]?\s*\**\s*"
    r"(?P<d>(?:19|20)\d\d[-./년]\s?\d{1,2}[-./월]\s?\d{1,2}일?)", regex.IGNORECASE | regex.MULTILINE)
ANY_DATE = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s?(?:[-./]|년\s?)(?P<m>\d{1,2})\s?(?:[-./]|월\s?)(?P<d>\d{1,2})(?!\d)"
    r"|(?P<mn>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s(?P<d2>\d{1,2}),\s?(?P<y2>(?:19|20)\d\d)")
MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December"], 1)}
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


def _to_date(m: regex.Match) -> dt.date | None:
    try:
        if m["y"]:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        return dt.date(int(m["y2"]), MONTHS[m["mn"]], int(m["d2"]))
    except (ValueError, KeyError):
        return None


def find_date(text: str, front: dict) -> dt.date | None:
    """Publication date from front matter, a metadata line, or a date in the first lines."""
    for key in ("date", "published", "pubdate", "created"):
        v = front.get(key)
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        if isinstance(v, str) and (m := ANY_DATE.search(v)):
            return _to_date(m)
    for m in META_DATE.finditer(text):
        if d := ANY_DATE.search(m["d"]):
            if got := _to_date(d):
                return got
    head = "\n".join(text.splitlines()[:12])
    for m in ANY_DATE.finditer(head):
        if got := _to_date(m):
            return got
    return None


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
    return Article(path=src.shown, text=text, published=find_date(text, front), title=title,
                   warnings=tuple(warnings))
