"""Which files changed in git since a revision, so checks can report only findings that touch them."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path


class GitScopeError(ValueError):
    """Git could not answer: not a repository, git missing, or an unknown revision (one-line message)."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    # quotepath=off keeps non-ASCII names (Korean article titles) readable in any message
    # git prints; -z below is what makes the parsed output safe for every name.
    cmd = ["git", "-c", "core.quotepath=off", *args]
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        if not cwd.is_dir():
            raise GitScopeError(f"{cwd}: no such directory") from None
        raise GitScopeError("git is not installed or not on PATH") from None
    except NotADirectoryError:
        raise GitScopeError(f"{cwd}: not a directory") from None


def _toplevel(cwd: Path) -> Path:
    proc = _git(["rev-parse", "--show-toplevel"], cwd)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise GitScopeError(f"{cwd} is not inside a git repository")
    return Path(os.fsdecode(proc.stdout.rstrip(b"\r\n")))


def _commit(rev: str, top: Path) -> str:
    # A leading dash would be read as an option by the git commands below.
    if not rev or rev.startswith("-"):
        raise GitScopeError(f"unknown git revision: {rev!r}")
    proc = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top)
    if proc.returncode != 0:
        raise GitScopeError(f"unknown git revision: {rev!r} (not a commit in {top})")
    return proc.stdout.decode("ascii").strip()


def _names(args: list[str], top: Path) -> set[str]:
    return {str(Path(p).resolve()) for p in _listed(args, top)}


def _listed(args: list[str], top: Path) -> set[str]:
    """Absolute paths as git names them, links not followed."""
    # -z right after the subcommand: after `--` it would be taken for a pathspec.
    proc = _git([args[0], "-z", *args[1:]], top)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitScopeError(f"git {args[0]} failed: {err[0] if err else 'exit ' + str(proc.returncode)}")
    # Paths are relative to the top level because git runs from there.
    return {os.path.join(top, os.fsdecode(n)) for n in proc.stdout.split(b"\0") if n}


def changed_files(rev: str, cwd: Path) -> set[str]:
    """Absolute resolved paths changed since `rev`: committed, staged, unstaged and untracked.

    Deleted files are left out: no finding can point into a file that no longer exists.
    """
    top = _toplevel(cwd)
    sha = _commit(rev, top)
    # `diff <commit>` compares the commit with the work tree, covering both later commits
    # and uncommitted edits; `--cached` adds what is staged but reverted in the work tree.
    changed = _names(["diff", "--name-only", "--no-renames", "--diff-filter=d", sha, "--"], top)
    changed |= _names(["diff", "--cached", "--name-only", "--no-renames", "--diff-filter=d", sha, "--"], top)
    changed |= _names(["ls-files", "--others", "--exclude-standard"], top)
    return changed


def staged_files(cwd: Path) -> set[str]:
    """Absolute resolved paths staged for the next commit (works before the first commit too)."""
    top = _toplevel(cwd)
    return _names(["diff", "--cached", "--name-only", "--no-renames", "--diff-filter=d", "--"], top)


def tracked_files(cwd: Path) -> set[str]:
    """Absolute paths in the index: what the next commit will hold, staged additions included.

    The index, not HEAD: a file added in this commit is evidence for the others it stages, and an
    untracked draft is in neither. Under `git commit`, GIT_INDEX_FILE names the index being committed.
    """
    # not resolved: a tracked link is vetted as the link it is, never read as its target
    return _listed(["ls-files", "--cached"], _toplevel(cwd))


def toplevel(cwd: Path) -> Path:
    return _toplevel(cwd)
