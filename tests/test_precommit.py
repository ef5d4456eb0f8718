"""The pre-commit hook, run by the real pre-commit package in a scratch git repository.

The hook is the published one (.pre-commit-hooks.yaml), declared as a `repo: local` hook with
`language: system` pointing at this checkout's claimcheck: pre-commit would otherwise build a
fresh environment from the network for the published `language: python`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import CLI, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CLEAN = "---\ndate: 2025-05-02\n---\n삼성전자의 2025년 1분기 매출은 79조1,400억원이었다.\n"
CONFLICT = "---\ndate: 2025-06-10\n---\n삼성전자의 2025년 1분기 매출은 81조원이었다.\n"
OTHER = "---\ndate: 2025-07-01\n---\nSK하이닉스의 2025년 2분기 영업이익은 9조2,000억원이었다.\n"


@pytest.fixture()
def repo(tmp_path: Path) -> tuple[Path, dict]:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
               PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1", PYTHONIOENCODING="utf-8",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    work = tmp_path / "newsroom"
    work.mkdir()
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    exe = str(CLI) if CLI.exists() else f"{sys.executable} -m claimcheck"
    hook.update(entry=hook["entry"].replace("claimcheck", exe, 1), language="system", args=["--no-cache"])
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}),
                                                 encoding="utf-8")
    (work / "a.md").write_text(CLEAN, encoding="utf-8")
    git(work, env, "init", "-q")
    run(work, env, sys.executable, "-m", "pre_commit", "install")
    git(work, env, "add", ".")
    git(work, env, "commit", "-qm", "archive")  # runs the hook: a clean archive passes
    return work, env


def run(cwd: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)


def git(cwd: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    r = run(cwd, env, "git", *args)
    assert r.returncode == 0, r.stdout + r.stderr
    return r


def test_a_commit_adding_a_contradicting_article_is_blocked(repo):
    work, env = repo
    (work / "b.md").write_text(CONFLICT, encoding="utf-8")
    git(work, env, "add", "b.md")
    r = run(work, env, "git", "commit", "-m", "contradicts a.md")
    assert r.returncode != 0, r.stdout + r.stderr
    assert "same-figure-mismatch" in r.stdout + r.stderr
    assert "b.md" in run(work, env, "git", "diff", "--cached", "--name-only").stdout  # nothing was committed


def test_an_untracked_draft_does_not_block_a_clean_commit(repo):
    work, env = repo
    (work / "draft.md").write_text(CONFLICT, encoding="utf-8")  # contradicts a.md, but is not committed
    (work / "c.md").write_text(OTHER, encoding="utf-8")
    git(work, env, "add", "c.md")
    r = run(work, env, "git", "commit", "-m", "a clean article")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Passed" in r.stdout + r.stderr
    assert "draft.md" not in r.stdout + r.stderr


def test_all_files_fails_on_a_contradiction_already_committed(repo):
    work, env = repo
    (work / "b.md").write_text(CONFLICT, encoding="utf-8")
    git(work, env, "add", "b.md")
    git(work, env, "commit", "-qm", "slipped past", "--no-verify")
    # nothing staged: an ordinary run has no file to judge, and passes
    assert run(work, env, sys.executable, "-m", "pre_commit", "run").returncode == 0
    r = run(work, env, sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "same-figure-mismatch" in r.stdout and "a.md" in r.stdout and "b.md" in r.stdout


def test_staged_without_files_judges_what_is_staged(repo):
    """The option by hand, as a plain git hook would run it: the staged files, the tracked corpus as evidence."""
    import json

    work, env = repo
    (work / "draft.md").write_text(CONFLICT, encoding="utf-8")  # untracked: neither judged nor evidence
    exe = [str(CLI)] if CLI.exists() else [sys.executable, "-m", "claimcheck"]
    r = run(work, env, *exe, "check", "--staged", "--no-cache", "--format", "json")
    assert r.returncode == 0 and "no article to judge" in r.stderr, r.stdout + r.stderr
    (work / "b.md").write_text(CONFLICT, encoding="utf-8")
    git(work, env, "add", "b.md")
    r = run(work, env, *exe, "check", "--staged", "--no-cache", "--format", "json")
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    assert {c["file"] for f in doc["findings"] for c in f["claims"]} == {"a.md", "b.md"}
    assert doc["summary"]["articles"] == 2  # a.md and b.md; never draft.md
    r = run(work, env, *exe, "check", "--staged", "--changed-since", "HEAD")
    assert r.returncode == 2 and "--staged" in r.stderr
