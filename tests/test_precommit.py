"""The pre-commit hook, run by the real pre-commit package in a scratch git repository.

Each test runs twice. `local` declares the published hook (.pre-commit-hooks.yaml) as a `repo: local`
hook with `language: system` pointing at this checkout's claimcheck: fast, and no package index
needed. `published` is what a newsroom does: the README's snippet, its `repo` pointed at a scratch
copy of this checkout tagged with the README's `rev` (the release tag), so pre-commit clones it at
that tag and installs it in an environment of its own (`language: python`; needs a package index,
so it is slow, and skips with the reason where none is reachable, except under CI).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import CLI, ROOT, clean_copy, skip_unless_ci

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CLEAN = "---\ndate: 2025-05-02\n---\n삼성전자의 2025년 1분기 매출은 79조1,400억원이었다.\n"
CONFLICT = "---\ndate: 2025-06-10\n---\n삼성전자의 2025년 1분기 매출은 81조원이었다.\n"
OTHER = "---\ndate: 2025-07-01\n---\nSK하이닉스의 2025년 2분기 영업이익은 9조2,000억원이었다.\n"


README_SNIPPET = re.compile(r"```yaml\n(\s*repos:\n.*?)```", re.S)


def readme_hook_config() -> dict:
    """The pre-commit snippet the README tells a newsroom to paste."""
    (block,) = README_SNIPPET.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    return yaml.safe_load(textwrap.dedent(block))


def test_readme_pins_the_release_tag_of_a_hook_this_repository_publishes():
    from claimcheck import __version__

    (entry,) = readme_hook_config()["repos"]
    assert entry["rev"] == f"v{__version__}"  # the tag a release of this version gets
    published = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {h["id"] for h in entry["hooks"]} <= published
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch copy of this checkout (its tracked and new files, as a clean clone has them once they are
    committed), committed and tagged with the README's rev, as a release would be."""
    env = git_env(tmp_path_factory.mktemp("upstream-home"))
    up = clean_copy(tmp_path_factory.mktemp("upstream") / "claimcheck")
    git(up, env, "init", "-q")
    git(up, env, "add", ".")
    git(up, env, "commit", "-qm", "release")
    (entry,) = readme_hook_config()["repos"]
    git(up, env, "tag", entry["rev"])
    return up


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's cache, shared by the tests of a module: the published hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def git_env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
               NO_COLOR="1", PYTHONIOENCODING="utf-8", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    return env


def local_config() -> dict:
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    exe = str(CLI) if CLI.exists() else f"{sys.executable} -m claimcheck"
    hook.update(entry=hook["entry"].replace("claimcheck", exe, 1), language="system", args=["--no-cache"])
    return {"repos": [{"repo": "local", "hooks": [hook]}]}


def published_config(request: pytest.FixtureRequest) -> dict:
    """The README's snippet with its repo pointed at the tagged scratch copy."""
    config = readme_hook_config()
    config["repos"][0]["repo"] = str(request.getfixturevalue("upstream"))
    return config


def install_hooks(work: Path, env: dict) -> None:
    """Build the published hook's environment first, so a missing package index is told apart from a failing hook."""
    r = run(work, env, sys.executable, "-m", "pre_commit", "install-hooks")
    if r.returncode != 0:
        last = (r.stdout + r.stderr).strip().splitlines()[-1:] or [""]
        skip_unless_ci(f"pre-commit could not install the published hook (is a package index reachable?): {last[0][:200]}")


def newsroom(request: pytest.FixtureRequest, tmp_path: Path, hook_home: Path, kind: str) -> tuple[Path, dict]:
    """A git repo holding one clean article, committed through the hook, which pre-commit installed."""
    home = tmp_path / "home"
    home.mkdir()
    env = git_env(home)
    env["PRE_COMMIT_HOME"] = str(hook_home)
    work = tmp_path / "newsroom"
    work.mkdir()
    git(work, env, "init", "-q")
    config = published_config(request) if kind == "published" else local_config()
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    if kind == "published":
        install_hooks(work, env)
    (work / "a.md").write_text(CLEAN, encoding="utf-8")
    run(work, env, sys.executable, "-m", "pre_commit", "install")
    git(work, env, "add", ".")
    git(work, env, "commit", "-qm", "archive")  # runs the hook: a clean archive passes
    return work, env


@pytest.fixture(params=["local", pytest.param("published", marks=pytest.mark.slow)])
def repo(request: pytest.FixtureRequest, tmp_path: Path, hook_home: Path) -> tuple[Path, dict]:
    return newsroom(request, tmp_path, hook_home, request.param)


@pytest.fixture()
def plain_repo(request: pytest.FixtureRequest, tmp_path: Path, hook_home: Path) -> tuple[Path, dict]:
    return newsroom(request, tmp_path, hook_home, "local")


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


def test_staged_without_files_judges_what_is_staged(plain_repo):
    """The option by hand, as a plain git hook would run it: the staged files, the tracked corpus as evidence."""
    import json

    work, env = plain_repo
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
