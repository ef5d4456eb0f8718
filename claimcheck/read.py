"""Files to Articles: safe reading, front matter, publication date and title (discovery: files.py, encodings: decoding.py)."""
from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import regex
import yaml

from .datelines import publication_date
from .decoding import ReadError, decode
from .files import DEFAULT_INCLUDE, Source, discover
from .models import Article

__all__ = ["DEFAULT_INCLUDE", "ReadError", "Source", "decode", "discover", "read_article", "read_bytes"]

FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.DOTALL)
TITLE_LINE = regex.compile(r"^(?:TITLE:\s*\n\s*(?P<a>.+)|TITLE:\s*(?P<b>\S.*)|#\s+(?P<c>.+))", regex.MULTILINE)


# the C loader when PyYAML was built with libyaml; both are the safe loader
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    data = read_bytes(src.path)
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary file")
    text, warnings = decode(data)
    front, _ = front_matter(text)
    title = front.get("title") if isinstance(front.get("title"), str) else None
    if title is None and (m := TITLE_LINE.search(text[:2000])):
        title = (m["a"] or m["b"] or m["c"] or "").strip() or None
    return Article(path=src.shown, text=text, published=find_date(text, front, src.path.name), title=title,
                   warnings=tuple(warnings))


# O_NONBLOCK: should a FIFO take the place of a vetted file before it is opened, opening it
# returns at once instead of waiting for a writer; fstat then refuses it before any read.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file; ReadError for anything else (a device read would never end)."""
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError as e:
        raise ReadError(e.strerror or str(e)) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReadError("not a regular file")
        try:
            return fh.read()
        except OSError as e:
            raise ReadError(e.strerror or str(e)) from None
