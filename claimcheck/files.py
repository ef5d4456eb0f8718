"""Which files are articles: the given paths walked without opening anything but plain files inside the tree.

A pull request can add a FIFO or a link to /dev/zero (either hangs a reader) or a link to a
secret outside the repository (whose figures would be quoted into the report). So every
candidate is looked at with lstat/stat first, and only a regular file whose real location
lies inside the path given on the command line, and under the size cap, is ever opened.
"""
from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .summary import Unreadable

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
BINARY_EXT = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".pdf", ".zip", ".gz", ".svg", ".mp4"}
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "__pycache__", ".claimcheck_cache"}
DEFAULT_MAX_MB = 32.0
MB = 1024 * 1024

KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
         (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


@dataclass(frozen=True)
class Source:
    path: Path
    shown: str  # as the user named it, with / separators


@dataclass
class Inputs:
    """What a run will read, what it will not (and why), and the given paths that held no article."""

    sources: list[Source] = field(default_factory=list)
    skipped: list[Unreadable] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)

    def nothing(self) -> bool:
        return not self.sources and not self.skipped

    def warnings(self, include: Iterable[str]) -> list[str]:
        """One line per file not read and per given path that held no article."""
        globs = ", ".join(include)
        return [f"{u.file}: not read: {u.reason}" for u in self.skipped] + \
               [f"{p}: no articles here (include: {globs})" for p in self.empty]


def collect(paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = (),
            max_mb: float = DEFAULT_MAX_MB) -> Inputs:
    out = Inputs()
    for raw in paths:
        before = len(out.sources) + len(out.skipped)
        out.sources.extend(discover([raw], include, exclude, max_mb, out.skipped))
        if len(out.sources) + len(out.skipped) == before:
            out.empty.append(raw)
    return out


def discover(paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = (),
             max_mb: float = DEFAULT_MAX_MB, skipped: list[Unreadable] | None = None) -> Iterator[Source]:
    """Files under the given paths that match include and not exclude, in a stable order.

    A file that must not be opened is left out, and noted in `skipped` when one is given.
    """
    for raw in paths:
        walk = _Walk(Path(raw), raw.replace(os.sep, "/"), tuple(include), tuple(exclude), int(max_mb * MB),
                     skipped if skipped is not None else [])
        yield from walk.files()


@dataclass
class _Walk:
    """One given path, walked: what is read, and what is noted as not read."""

    given: Path
    base: str  # the path as the user typed it, with / separators
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    limit: int
    skipped: list[Unreadable]

    def files(self) -> Iterator[Source]:
        tree = _tree(self.given)
        if not self.given.is_dir():
            # a file named on the command line is taken whatever its name, but still vetted
            yield from self._vetted(self.given, self.base, tree)
            return
        whole = self.base not in (".", "./")
        for root, dirs, files in os.walk(self.given, onerror=self._unlisted):
            folder = Path(root)
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and self._descend(folder / d, tree))
            # the folder's two spellings once, not a pathlib parse per file: 10,000 files took 0.3 s
            rel, posix = folder.relative_to(self.given).as_posix(), folder.as_posix()
            for f in sorted(files):
                where = f if rel == "." else f"{rel}/{f}"
                shown = (f if posix == "." else f"{posix}/{f}") if whole else where
                if wanted(shown, self.include, self.exclude, where):
                    yield from self._vetted(folder / f, shown, tree)

    def shown(self, full: Path) -> str:
        return full.as_posix() if self.base not in (".", "./") else full.relative_to(self.given).as_posix()

    def _vetted(self, path: Path, shown: str, tree: Path) -> Iterator[Source]:
        why = vet(path, tree, self.limit)
        if why is None:
            yield Source(path, shown)
        else:
            self.skipped.append(Unreadable(file=shown, reason=why))

    def _descend(self, d: Path, tree: Path) -> bool:
        """Walk into real folders only: a linked folder inside the tree is walked where it really is."""
        if not d.is_symlink():
            return True
        shown = self.shown(d)
        why = _link_problem(d, tree, "folder")
        if why and not _excluded(shown + "/", self.exclude, d.relative_to(self.given).as_posix() + "/"):
            self.skipped.append(Unreadable(file=shown, reason=why))
        return False

    def _unlisted(self, e: OSError) -> None:
        # os.walk passes over a folder it cannot list unless told: note it like a file not read
        if e.filename:
            self.skipped.append(Unreadable(file=self.shown(Path(e.filename)),
                                           reason=f"a folder that cannot be listed ({e.strerror or e})"))


def vet(path: Path, tree: Path, limit: int) -> str | None:
    """Why `path` must not be opened, or None for a regular file inside `tree` of at most `limit` bytes."""
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode):
            why = _link_problem(path, tree, "file")
            if why:
                return why
            st = path.stat()
    except OSError as e:  # a broken link, or a file gone since the folder was listed
        return f"cannot be read ({e.strerror or e})"
    for test, kind in KINDS:
        if test(st.st_mode):
            return kind
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if st.st_size > limit:
        return f"{st.st_size / MB:.1f} MB, over the size limit of {limit / MB:g} MB (max_file_mb)"
    return None


def _tree(p: Path) -> Path:
    """The checked tree: a given folder, or the folder that holds a given file, as it really is."""
    folder = p if p.is_dir() else p.absolute().parent
    return folder.resolve()


def _link_problem(link: Path, tree: Path, what: str) -> str | None:
    try:
        target = link.resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError for a loop
        return "a loop of symbolic links"
    return None if target.is_relative_to(tree) else f"a symbolic link to a {what} outside the checked tree"


def wanted(shown: str, include: tuple[str, ...], exclude: tuple[str, ...], where: str = "") -> bool:
    name = shown.rsplit("/", 1)[-1].lower()  # NOTES.MD is as much an article as notes.md
    dot = name.rfind(".")  # PurePath.suffix, without making a path of every name
    if (name[dot:] if 0 < dot < len(name) - 1 else "") in BINARY_EXT:
        return False
    if _excluded(shown, exclude, where):
        return False
    return any(fnmatch.fnmatch(name, g.lower()) or fnmatch.fnmatch(shown, g) for g in include)


def _excluded(shown: str, exclude: tuple[str, ...], rel: str = "") -> bool:
    """A pattern matches the path below the checked folder ('drafts/*', and '*/drafts/*' even at its top), or
    the file's name in any case, like include. Where the run started does not matter: a pattern that matched
    the path as typed ('/work/...') would exclude everything under a folder named like it."""
    rel = rel or shown
    name = rel.rstrip("/").rsplit("/", 1)[-1].lower()
    return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch("./" + rel, g) or fnmatch.fnmatch(name, g.lower())
               for g in exclude)
