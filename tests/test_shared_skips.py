"""Issue 10: a test that needs ../shared says plainly why it skips without it, and cannot skip in CI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

TARGET = "tests/test_sarif.py::test_validates_against_schema"


def _pytest(shared: Path, ci: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["CLAIMCHECK_SHARED"] = str(shared)
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", TARGET],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)


def test_without_shared_the_skip_names_the_file_and_the_remedy(tmp_path: Path):
    res = _pytest(tmp_path / "no-shared", ci=None)
    assert res.returncode == 0, res.stdout
    assert "SKIPPED [1]" in res.stdout and "1 skipped" in res.stdout
    assert "needs spec/sarif-schema-2.1.0.json from the project's shared folder" in res.stdout
    assert "CLAIMCHECK_SHARED" in res.stdout


def test_in_ci_a_missing_shared_file_fails_instead_of_skipping(tmp_path: Path):
    res = _pytest(tmp_path / "no-shared", ci="true")
    assert res.returncode == 1, res.stdout
    assert "CI must have it" in res.stdout
