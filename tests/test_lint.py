"""ruff and mypy, as configured in pyproject.toml, run clean: the README's one test command
(and so .ci/run) checks them with everything else."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_is_clean():
    out = _run("ruff", "check", "claimcheck", "tests", "bench")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_is_clean():
    out = _run("mypy", "claimcheck")
    assert out.returncode == 0, out.stdout + out.stderr
