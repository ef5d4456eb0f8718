"""The command line: exit statuses, one-line errors, formats, config and suppression."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED

SEEDS = SHARED / "seeds"
CLEAN = "---\ndate: 2025-05-02\n---\n삼성전자의 2025년 1분기 매출은 79조1,400억원이었다.\n"
CONFLICT = "---\ndate: 2025-06-10\n---\n삼성전자의 2025년 1분기 매출은 81조원이었다.\n"


def cc(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_clean_article_exits_zero(corpus):
    r = cc("check", "a.md", "--no-cache", cwd=corpus)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 errors" in r.stdout


def test_contradiction_exits_one_and_json_follows_contract(corpus):
    (corpus / "b.md").write_text(CONFLICT, encoding="utf-8")
    r = cc("check", ".", "--format", "json", "--no-cache", cwd=corpus)
    assert r.returncode == 1, r.stderr
    out = json.loads(r.stdout)
    assert out["schema"] == "claimcheck/findings@1"
    f = out["findings"][0]
    assert f["rule"] == "same-figure-mismatch" and f["severity"] == "error"
    assert {c["text"] for c in f["claims"]} == {"79조1,400억원", "81조원"}
    assert out["summary"]["error"] == 1 and out["summary"]["articles"] == 2
    assert cc("check", ".", "--exit-zero", "--no-cache", cwd=corpus).returncode == 0


def test_suppression_comment_silences_and_is_counted(corpus):
    (corpus / "b.md").write_text(CONFLICT.replace("삼성전자의", "<!-- claimcheck: ignore same-figure-mismatch restated -->\n삼성전자의"),
                                 encoding="utf-8")
    r = cc("check", ".", "--format", "json", "--no-cache", cwd=corpus)
    assert r.returncode == 0, r.stdout
    assert json.loads(r.stdout)["summary"]["suppressed"] == 1


@pytest.mark.parametrize("args,needle", [
    (["check", "missing-dir"], "no such file"),
    (["check", ".", "--format", "nope"], "nope"),
    (["extract", "missing.md"], "no such file"),
    (["explain", "no-such-rule"], "unknown rule"),
])
def test_usage_errors_exit_two_in_one_line(corpus, args, needle):
    r = cc(*args, cwd=corpus)
    assert r.returncode == 2
    assert needle in r.stderr
    assert "Traceback" not in r.stderr


def test_bad_config_names_file_and_key(corpus):
    (corpus / "claimcheck.toml").write_text('disable = ["same-figure-mismatch"]\ntolerance = 3\n', encoding="utf-8")
    r = cc("check", ".", cwd=corpus)
    assert r.returncode == 2 and "claimcheck.toml" in r.stderr and "tolerance" in r.stderr


def test_config_disables_a_rule(corpus):
    (corpus / "b.md").write_text(CONFLICT, encoding="utf-8")
    (corpus / "pyproject.toml").write_text('[tool.claimcheck]\ndisable = ["same-figure-mismatch"]\n', encoding="utf-8")
    assert cc("check", ".", "--no-cache", cwd=corpus).returncode == 0


@pytest.mark.parametrize("body,needle", [
    ("id: x\nkind: nope\nseverity: error\nmessage: m\ndescription: d\n", "unknown kind 'nope'"),
    ("id: x\nkind: same-figure\nseverity: error\nmessage: m\ndescription: d\noptions: {tolerence: 1}\n", "tolerence"),
    ("id: x\nkind: same-figure\nseverity: loud\nmessage: m\ndescription: d\n", "severity"),
    ("!!python/object/apply:os.system ['echo pwned']\n", "not valid YAML"),
])
def test_bad_rule_file_is_exit_two(corpus, body, needle):
    rules = corpus / "myrules"
    rules.mkdir()
    (rules / "x.yaml").write_text(body, encoding="utf-8")
    (corpus / "claimcheck.toml").write_text('rules_dirs = ["myrules"]\n', encoding="utf-8")
    r = cc("check", ".", cwd=corpus)
    assert r.returncode == 2, r.stdout + r.stderr
    assert needle in r.stderr and "pwned" not in r.stdout


def test_rules_and_explain(corpus):
    r = cc("rules", cwd=corpus)
    assert r.returncode == 0 and "same-figure-mismatch" in r.stdout and "cadence-mismatch" in r.stdout
    r = cc("explain", "same-figure-mismatch", cwd=corpus)
    assert r.returncode == 0 and "Passing:" in r.stdout and "Failing:" in r.stdout


@pytest.mark.shared("seeds")
def test_seeds_report_exits_one_and_names_both_quotes(tmp_path):
    r = cc("check", str(SEEDS), "--no-cache", cwd=tmp_path)
    assert r.returncode == 1
    assert "34.3%" in r.stdout and "| **AWS 마진** | 32%" in r.stdout


def test_explain_prints_every_option_and_how_evidence_sets_severity():
    from typer.testing import CliRunner

    from claimcheck.cli import app

    out = CliRunner().invoke(app, ["explain", "same-figure-mismatch"])
    assert out.exit_code == 0, out.output
    assert "severity_follows_evidence=True" in out.output and "defer_scale_slips=True" in out.output
    assert "caps it at warning" in out.output
