"""Issue 10: a test that needs ../shared says plainly why it skips without it, and cannot skip in CI."""
from __future__ import annotations

import ast
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


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _marked(fn: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Call) and ast.unparse(d.func) == "pytest.mark.shared" for d in fn.decorator_list)


def test_every_test_that_reaches_shared_carries_the_shared_mark():
    """So none of them can fail, rather than skip with the reason, on a checkout without ../shared: a test
    reaches it through SHARED, a module name built from it (SEEDS, SCHEMA) or a helper that uses either."""
    unmarked = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(a, ast.Assign) and ast.unparse(a.targets[0]) == "pytestmark" and "shared" in ast.unparse(a.value)
               for a in tree.body):
            continue
        reach = {"SHARED"}
        for _ in range(3):  # names built from names built from SHARED, helpers calling helpers
            for node in tree.body:
                if isinstance(node, ast.Assign) and _names(node.value) & reach:
                    reach |= {ast.unparse(t) for t in node.targets}
                if isinstance(node, ast.FunctionDef) and not node.name.startswith("test_") and _names(node) & reach:
                    reach.add(node.name)
        unmarked += [f"{path.name}::{fn.name}" for fn in tree.body if isinstance(fn, ast.FunctionDef)
                     and fn.name.startswith("test_") and _names(fn) & reach and not _marked(fn)]
    assert not unmarked, f"reach ../shared without @pytest.mark.shared(PATH): {unmarked}"
