"""gitscope: files changed since a revision in a real temporary git repository."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from claimcheck import gitscope
from claimcheck.gitscope import GitScopeError

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(autouse=True)
def git_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Isolate from the developer's git config (signing, hooks, default branch) and give commits an author.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "test@example.invalid")
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(var, raising=False)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write(root / ".gitignore", "*.log\n")
    for name in ("a.md", "b.md", "news/c.md", "news/아마존.md", "gone.md"):
        write(root / name, f"{name} v1\n")
    git(root, "add", "-A")
    git(root, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "first")
    return root


def rel(paths: set[str], root: Path) -> set[str]:
    return {Path(p).relative_to(root.resolve()).as_posix() for p in paths}


def test_changed_files_covers_commits_edits_staged_and_untracked(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    write(repo / "b.md", "b v2\n")
    git(repo, "commit", "-q", "-am", "second")              # committed since base
    write(repo / "a.md", "a v2\n")                          # unstaged edit
    write(repo / "news/c.md", "c v2\n")
    git(repo, "add", "news/c.md")                           # staged edit
    write(repo / "news/새 기사.md", "new\n")                 # untracked, non-ASCII, with a space
    write(repo / "debug.log", "ignored\n")                  # ignored: not reported
    (repo / "gone.md").unlink()                             # deleted: cannot hold a finding
    changed = gitscope.changed_files(base, repo / "news")   # from a subdirectory on purpose
    assert rel(changed, repo) == {"a.md", "b.md", "news/c.md", "news/새 기사.md"}
    assert all(Path(p).is_absolute() for p in changed)


def test_changed_since_head_excludes_committed(repo: Path) -> None:
    write(repo / "b.md", "b v2\n")
    git(repo, "commit", "-q", "-am", "second")
    assert gitscope.changed_files("HEAD", repo) == set()
    write(repo / "a.md", "a v2\n")
    assert rel(gitscope.changed_files("HEAD", repo), repo) == {"a.md"}
    assert rel(gitscope.changed_files("HEAD~1", repo), repo) == {"a.md", "b.md"}


def test_staged_but_reverted_in_work_tree_counts(repo: Path) -> None:
    write(repo / "a.md", "a v2\n")
    git(repo, "add", "a.md")
    write(repo / "a.md", "a.md v1\n")
    assert rel(gitscope.changed_files("HEAD", repo), repo) == {"a.md"}


def test_staged_files(repo: Path) -> None:
    write(repo / "a.md", "a v2\n")
    write(repo / "b.md", "b v2\n")
    git(repo, "add", "a.md")
    assert rel(gitscope.staged_files(repo), repo) == {"a.md"}


@pytest.mark.parametrize("rev", ["no-such-branch", "deadbeef" * 5, "--output=x", ""])
def test_unknown_rev(repo: Path, rev: str) -> None:
    with pytest.raises(GitScopeError, match="unknown git revision"):
        gitscope.changed_files(rev, repo)
    assert not (repo / "x").exists()


def test_not_a_repository(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    # Stop git from discovering a repository above the temporary directory.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
        with pytest.raises(GitScopeError, match="not inside a git repository"):
            gitscope.changed_files("HEAD", plain)
    assert issubclass(GitScopeError, ValueError)


def test_git_missing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-bin"))
    with pytest.raises(GitScopeError, match="git is not installed"):
        gitscope.changed_files("HEAD", repo)
