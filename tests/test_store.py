"""The claim store (export, query, check --store) and the Dask engine give what the in-memory run gives."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import CLI, ROOT, SHARED

FOLDERS = [ROOT / "fixtures" / "articles", ROOT / "fixtures" / "heldout4"]


def cc(*args, cwd=None, env=None):
    return subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})})


@pytest.fixture
def cache(tmp_path):
    return {"CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache")}


def findings_json(*args, env):
    got = cc("check", *args, "--format", "json", "--quiet", "--no-fail-on-unreadable", env=env)
    assert got.returncode in (0, 1), got.stderr
    return got.stdout


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_check_store_and_dask_report_the_in_memory_findings(folder, tmp_path, cache):
    local = findings_json(folder, env=cache)
    assert json.loads(local)["findings"]
    assert findings_json(folder, "--store", tmp_path / "store", env=cache) == local
    assert findings_json(folder, "--store", tmp_path / "store", env=cache) == local  # again, from an unchanged store
    assert findings_json(folder, "--engine", "dask", "--scheduler", "synchronous", env=cache) == local


def test_store_and_dask_check_against_the_ledger_as_the_in_memory_run_does(tmp_path, cache):
    # ledger-mismatch runs one key at a time, each piece reading the whole ledger; the tallies add up
    folder, ledger = ROOT / "fixtures" / "ledger" / "articles", ROOT / "fixtures" / "ledger"
    local = findings_json(folder, "--ledger", ledger, env=cache)
    doc = json.loads(local)
    assert any(f["rule"] == "ledger-mismatch" and f["filed"] for f in doc["findings"]) and doc["summary"]["ledger"]["matched"]
    assert findings_json(folder, "--ledger", ledger, "--store", tmp_path / "store", env=cache) == local
    assert findings_json(folder, "--ledger", ledger, "--engine", "dask", "--scheduler", "synchronous", env=cache) == local
    got = cc("query", "select count(*) as n from ledger", "--store", tmp_path / "store", "--format", "json", env=cache)
    assert got.returncode == 0 and json.loads(got.stdout)[0]["n"] > 0, got.stderr
    got = cc("query", "select f.filed[1].value as v from findings f where rule = 'ledger-mismatch'", "--store",
             tmp_path / "store", "--format", "json", env=cache)
    assert got.returncode == 0 and all(r["v"] is not None for r in json.loads(got.stdout)), got.stderr
    # a check of the store without the ledger drops its table and its findings
    findings_json(folder, "--store", tmp_path / "store", env=cache)
    assert not (tmp_path / "store" / "ledger.parquet").exists()


@pytest.mark.shared("seeds")
def test_store_and_dask_on_the_seeds(tmp_path, cache):
    local = findings_json(SHARED / "seeds", env=cache)
    assert findings_json(SHARED / "seeds", "--store", tmp_path / "store", env=cache) == local
    assert findings_json(SHARED / "seeds", "--engine", "dask", "--scheduler", "synchronous", env=cache) == local


def test_query_counts_the_claims_extract_emits(tmp_path, cache):
    folder = FOLDERS[0]
    assert cc("export", folder, "-o", tmp_path / "s", env=cache).returncode == 0
    got = cc("query", "select count(*) as n from claims", "--store", tmp_path / "s", "--format", "json", env=cache)
    emitted = cc("extract", folder, "--format", "jsonl", env=cache).stdout.splitlines()
    assert json.loads(got.stdout) == [{"n": len(emitted)}] and emitted
    rules = cc("query", "select distinct rule from findings order by 1", "--store", tmp_path / "s", "--format", "csv", env=cache)
    local = json.loads(findings_json(folder, env=cache))["findings"]
    assert rules.stdout.splitlines() == ["rule", *sorted({f["rule"] for f in local})]


def test_export_partitions_and_keeps_types(tmp_path, cache):
    folder = FOLDERS[0]
    assert cc("export", folder, "-o", tmp_path / "p", "--partition-by", "period", env=cache).returncode == 0
    parts = {p.name for p in (tmp_path / "p" / "claims").iterdir()}
    assert "part=2025Q3" in parts
    # basis is null for most claims and consensus false: the explicit schema keeps their types either way
    got = cc("query", "select typeof(basis) t, typeof(low) l, typeof(evidence) e from claims limit 1", "--store",
             tmp_path / "p", "--format", "json", env=cache)
    row = json.loads(got.stdout)[0]
    assert row["t"] == "VARCHAR" and row["l"] == "DOUBLE" and row["e"].startswith("STRUCT(")


def test_export_of_unchanged_articles_rewrites_nothing(tmp_path, cache):
    articles = tmp_path / "a"
    articles.mkdir()
    for src in sorted(FOLDERS[0].iterdir())[:3]:
        (articles / src.name).write_bytes(src.read_bytes())
    out = tmp_path / "s"
    assert cc("export", articles, "-o", out, env=cache).returncode == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = cc("export", articles, "-o", out, env=cache)
    assert "0 staged afresh, nothing rewritten" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == stamps
    one = sorted(articles.iterdir())[0]
    one.write_text(one.read_text(encoding="utf-8") + "\n추가 문단.\n", encoding="utf-8")
    third = cc("export", articles, "-o", out, env=cache)
    assert "1 staged afresh" in third.stderr and "nothing rewritten" not in third.stderr


def test_query_errors_are_one_line(tmp_path, cache):
    got = cc("query", "select 1", "--store", tmp_path / "none", env=cache)
    assert got.returncode == 2 and got.stderr.count("\n") == 1 and "no claim store" in got.stderr
    assert cc("export", FOLDERS[0], "-o", tmp_path / "s", env=cache).returncode == 0
    bad = cc("query", "select nope from claims", "--store", tmp_path / "s", env=cache)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_without_the_extras_export_query_and_dask_say_how_to_install(tmp_path):
    # a sitecustomize that hides duckdb and dask, as an install without the extras has neither
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text(
        "import sys\nfor m in ('duckdb', 'dask', 'dask.bag'):\n    sys.modules[m] = None\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(hide)}
    runs = [["export", FOLDERS[0], "-o", tmp_path / "s"], ["query", "select 1", "--store", tmp_path / "s"],
            ["check", FOLDERS[0], "--engine", "dask", "--scheduler", "synchronous"]]
    for args in runs:
        got = subprocess.run([sys.executable, "-m", "claimcheck", *map(str, args)], capture_output=True, text=True, env=env)
        assert got.returncode == 2, (args, got.stderr)
        assert got.stderr.count("\n") == 1 and "pip install 'claimcheck[" in got.stderr, got.stderr


def test_engine_options_that_clash_exit_2(tmp_path):
    got = cc("check", FOLDERS[0], "--scheduler", "tcp://127.0.0.1:1")
    assert got.returncode == 2 and "--engine dask" in got.stderr
    got = cc("check", FOLDERS[0], "--store", tmp_path / "s", "--engine", "dask")
    assert got.returncode == 2 and "give one" in got.stderr
