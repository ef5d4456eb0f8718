"""`check --staged`: judge a commit on the articles it stages, with every tracked article as evidence.

pre-commit passes the staged files (every tracked one under `--all-files`) and may split a long
list over several runs. Each run reads the whole tracked corpus, so a contradiction between a
staged article and an unchanged one is found by whichever run holds the staged one. An untracked
file is no part of the commit: it is neither reported nor read as evidence.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import gitscope
from .files import MB, SKIP_DIRS, Inputs, Source, vet, wanted
from .summary import Unreadable


class CommitError(ValueError):
    """Git could not say what the commit holds (one-line message)."""


@dataclass
class Commit:
    inputs: Inputs = field(default_factory=Inputs)
    scope: set[str] = field(default_factory=set)  # place() of each article whose findings are reported


def place(path: str | os.PathLike[str]) -> str:
    """An absolute path with its folders resolved but not its last part: a link is compared as itself."""
    p = Path(os.path.abspath(path))
    return str(p.parent.resolve() / p.name)


def gather(given: Sequence[str], include: Iterable[str], exclude: Iterable[str], max_mb: float, cwd: Path) -> Commit:
    """The tracked articles to read and, of them, those to report on: the given files or folders,
    or what is staged when none is given. Given files are filtered like a walked folder's, since
    pre-commit hands over every text file of the commit (code, READMEs) and not only articles."""
    include, exclude = tuple(include), tuple(exclude)
    try:
        top = gitscope.toplevel(cwd)
        tracked = {place(p) for p in gitscope.tracked_files(cwd)}
        named = {place(p) for p in given} if given else {place(p) for p in gitscope.staged_files(cwd)}
    except gitscope.GitScopeError as e:
        raise CommitError(str(e)) from None
    scope: set[str] = set()
    for p in named:
        scope |= {t for t in tracked if t.startswith(p + os.sep)} if os.path.isdir(p) else {p}
    here = Path(place(cwd))
    out = Commit()
    for full in sorted(tracked | scope):  # a file named on the command line counts even untracked
        shown = Path(os.path.relpath(full, here)).as_posix()
        if any(part in SKIP_DIRS for part in Path(shown).parts) or not wanted(shown, include, exclude):
            continue
        if not os.path.lexists(full):
            continue  # deleted in the work tree; the commit will record that, and a deletion contradicts nothing
        why = vet(Path(full), top, int(max_mb * MB))
        if why is None:
            out.inputs.sources.append(Source(Path(full), shown))
            if full in scope:
                out.scope.add(full)
        elif full in scope:
            out.inputs.skipped.append(Unreadable(file=shown, reason=why))
    return out

