"""Issue 4's done-when as tests: baseline adoption, one new contradiction, and --changed-since in a git repo."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

OLD_A = "---\ndate: 2025-05-02\n---\n삼성전자의 2025년 1분기 매출은 79조1,400억원이었다.\n"
OLD_B = "---\ndate: 2025-06-10\n---\n삼성전자의 2025년 1분기 매출은 81조원이었다.\n"
NEW_C = "---\ndate: 2025-07-01\n---\nSK하이닉스의 2025년 2분기 영업이익은 9조2,000억원이었다.\n"
NEW_D = "---\ndate: 2025-07-03\n---\nSK하이닉스는 2025년 2분기 영업이익 8조2,000억원을 기록했다.\n"  # a digit slip of 9조2,000억
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}


def cc(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=GIT_ENV)


def test_baseline_quiets_the_archive_and_catches_a_new_contradiction(tmp_path: Path):
    (tmp_path / "a.md").write_text(OLD_A, encoding="utf-8")
    (tmp_path / "b.md").write_text(OLD_B, encoding="utf-8")
    assert cc("check", ".", "--no-cache", cwd=tmp_path).returncode == 1
    # writing the baseline accepts today's findings, so that run passes (issue 10)
    assert cc("check", ".", "--no-cache", "--write-baseline", "base.json", cwd=tmp_path).returncode == 0
    r = cc("check", ".", "--no-cache", "--baseline", "base.json", cwd=tmp_path)
    assert r.returncode == 0, r.stdout
    # an unrelated edit that moves the old figures down a line keeps the baseline valid
    (tmp_path / "a.md").write_text(OLD_A.replace("---\n삼성", "---\n\n편집자 주: 수정됨.\n삼성"), encoding="utf-8")
    assert cc("check", ".", "--no-cache", "--baseline", "base.json", cwd=tmp_path).returncode == 0
    (tmp_path / "c.md").write_text(NEW_C, encoding="utf-8")
    (tmp_path / "d.md").write_text(NEW_D, encoding="utf-8")
    r = cc("check", ".", "--no-cache", "--baseline", "base.json", "--format", "json", cwd=tmp_path)
    assert r.returncode == 1
    files = {c["file"] for f in json.loads(r.stdout)["findings"] for c in f["claims"]}
    assert files == {"c.md", "d.md"}


@pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0, reason="no git")
def test_changed_since_reports_only_findings_touching_the_edited_article(tmp_path: Path):
    for name, text in (("a.md", OLD_A), ("b.md", OLD_B), ("c.md", NEW_C)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    git("init", "-q", cwd=tmp_path)
    git("add", ".", cwd=tmp_path)
    git("commit", "-qm", "archive", cwd=tmp_path)
    (tmp_path / "d.md").write_text(NEW_D, encoding="utf-8")  # untracked, contradicts c.md
    r = cc("check", ".", "--no-cache", "--changed-since", "HEAD", "--format", "json", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    findings = json.loads(r.stdout)["findings"]
    assert findings and all(any(c["file"] == "d.md" for c in f["claims"]) for f in findings)
    r = cc("check", ".", "--no-cache", "--changed-since", "no-such-rev", cwd=tmp_path)
    assert r.returncode == 2 and "no-such-rev" in r.stderr
