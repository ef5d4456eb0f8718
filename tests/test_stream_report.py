"""Streamed reports equal the report rendered whole, in every format, to stdout and to -o FILE."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import engine
from claimcheck.claim_contract import FIELDS, claim_dict
from claimcheck import vocab as L
from claimcheck.summary import Summary
from claimcheck.pipeline import run, sources
from claimcheck.report import github, json_report, sarif, text
from claimcheck.ruleset import load

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"


@pytest.fixture(scope="module")
def checked():
    corpus = run(sources([str(ARTICLES)]), L.default(), jobs=1)
    rules = load()
    outcome = engine.run(corpus.claims, rules, L.default(), corpus.articles)
    assert outcome.findings, "the fixtures should give the reporters something to write"
    summary = Summary(articles=len(corpus.articles), claims=len(corpus.claims), findings=len(outcome.findings))
    return outcome.findings, summary, rules


def test_json_in_small_pieces_is_the_encoder_s_document(checked, monkeypatch):
    findings, summary, _ = checked
    whole = json_report.render(findings, summary, claim_dict, FIELDS)
    # the reference: every finding through the stock encoder, one per line, nothing shared or dropped
    enc = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    rows = ",\n  ".join(enc(json_report.finding_dict(f, claim_dict)) for f in findings)
    assert whole == (f'{{"schema": "claimcheck/findings@1",\n"findings": [\n  {rows}\n]'
                     f',\n"summary": {enc(summary.model_dump(mode="json"))}}}\n')
    # tiny blocks and pieces: claims cited again after their block are kept, the rest dropped
    monkeypatch.setattr(json_report, "BATCH", 2)
    monkeypatch.setattr(json_report, "PIECE", 1)
    pieces = list(json_report.stream(findings, summary, claim_dict, FIELDS))
    assert len(pieces) > len(findings) // 2
    assert "".join(pieces) == whole
    assert "".join(json_report.stream(findings, summary, claim_dict)) == whole


def test_sarif_in_small_pieces_is_json_dumps_layout(checked, tmp_path):
    findings, _, rules = checked
    for root in (ROOT, None):
        whole = sarif.render(findings, rules, root=root, version="9.9.9")
        assert whole == json.dumps(json.loads(whole), indent=2, ensure_ascii=False) + "\n"
        assert "".join(sarif.stream(findings, rules, root=root, version="9.9.9", piece=1)) == whole
    empty = sarif.render([], rules, root=tmp_path)
    assert empty == json.dumps(json.loads(empty), indent=2, ensure_ascii=False) + "\n"
    assert json.loads(empty)["runs"][0]["results"] == []


@pytest.mark.parametrize("color", [False, True])
def test_text_and_github_in_small_pieces(checked, color):
    findings, summary, _ = checked
    whole = text.render(findings, summary, color=color)
    pieces = list(text.stream(findings, summary, color=color, piece=1))
    assert len(pieces) > 1 and "".join(pieces) == whole
    live = [f for f in findings if not f.suppressed]
    assert "".join(github.stream(live, piece=1)) == github.render(live)
    assert list(github.stream([])) == []


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_cli_stdout_and_output_file_are_the_same_bytes(fmt, tmp_path):
    out = tmp_path / "report"
    cmd = [sys.executable, "-m", "claimcheck", "check", str(ARTICLES), "--format", fmt, "--no-cache", "--jobs", "1"]
    a = subprocess.run(cmd, capture_output=True, cwd=ROOT, timeout=120)
    b = subprocess.run([*cmd, "-o", str(out)], capture_output=True, cwd=ROOT, timeout=120)
    assert a.returncode == b.returncode == 1, a.stderr
    assert b.stdout == b"" and a.stderr == b.stderr
    assert out.read_bytes() == a.stdout


def test_unwritable_output_is_one_line_exit_two(tmp_path):
    cmd = [sys.executable, "-m", "claimcheck", "check", str(ARTICLES), "--format", "json", "--no-cache",
           "-o", str(tmp_path / "no-such-dir" / "report.json")]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith("claimcheck: error: cannot write ") and r.stderr.count("\n") == 1
