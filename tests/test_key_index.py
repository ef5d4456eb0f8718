"""`check --changed-since` through the key index gives, byte for byte, the report of a full run (issue 12)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import keyindex, session

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
HYNIX = "ko_note_skhynix_2025q3.md"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=GIT_ENV)


def report(repo: Path, cache: Path, *args: str) -> str:
    """The JSON report; with --no-cache the full run, else the run through the index in `cache`."""
    # this checkout's code, wherever the interpreter's own copy of claimcheck points
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(cache),
           "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    r = subprocess.run([sys.executable, "-m", "claimcheck", "check", ".", "-f", "json", "--exit-zero", "-j", "1", *args],
                       cwd=repo, capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout


def same(repo: Path, cache: Path, since: str = "HEAD") -> str:
    full = report(repo, cache, "--no-cache", "--changed-since", since)
    assert report(repo, cache, "--changed-since", since) == full
    return full


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The fixture articles, a second copy of one (so identical sentences make findings that merge across
    articles), a used and an unknown suppression comment, committed."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "fixtures" / "articles", repo / "news")
    shutil.copy(repo / "news" / HYNIX, repo / "news" / "copy.md")
    edit(repo / "news" / "ko_news_samsung_2025q3.md", "\n\n", "\n\n<!-- claimcheck: ignore nope -->\n\n")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "archive")
    return repo


def test_edits_additions_and_deletions_report_as_the_full_run(repo: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    same(repo, cache)  # nothing changed: nothing shown, the counts still the full run's
    assert list((cache / "index").glob("*.marshal"))
    first = (repo / "news" / "copy.md").read_text(encoding="utf-8")
    figure = next(t for t in ("조", "억원") if t in first)
    edit(repo / "news" / "copy.md", figure, "0" + figure)  # one figure of the copy moves
    shown = same(repo, cache)
    assert '"copy.md' in shown.replace("news/", "")
    assert same(repo, cache) == shown  # the index now warm
    git(repo, "commit", "-qam", "copy edited")
    (repo / "news" / "en_news_nvidia_fy26q3.md").unlink()  # removed: its keys lose a holder
    (repo / "news" / "new.md").write_text(first.replace("\n\n", "\n\n<!-- claimcheck: ignore * -->\n", 1),
                                          encoding="utf-8")  # untracked, and suppresses what it can
    same(repo, cache)
    same(repo, cache, "HEAD~1")  # the commit's article and the work tree's
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "more")
    same(repo, cache, "HEAD~2")


def test_a_damaged_index_is_rebuilt(repo: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    edit(repo / "news" / "copy.md", "SK", "SK ")
    shown = same(repo, cache)
    for f in (cache / "index").glob("*.marshal"):
        f.write_bytes(b"not marshal")
    assert report(repo, cache, "--changed-since", "HEAD") == shown


def test_the_index_follows_the_rules_and_the_code():
    s = session.setup(None, [])
    base = keyindex.fingerprint("salt", s.rules)
    assert keyindex.fingerprint("salt", s.rules) == base
    assert keyindex.fingerprint("other salt", s.rules) != base
    stricter = [r.model_copy(update={"enabled": not r.enabled}) if i == 0 else r for i, r in enumerate(s.rules)]
    assert keyindex.fingerprint("salt", stricter) != base
