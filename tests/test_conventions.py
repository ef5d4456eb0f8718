"""The command-line conventions of ruff and sqlfluff, through the CLI: stdin, --select/--ignore,
--statistics, --quiet, --color, concise and jsonl, several outputs, --fix/--diff and --add-noqa."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI

CLEAN = "---\ndate: 2025-05-02\n---\n삼성전자의 2025년 1분기 매출은 79조1,400억원이었다.\n"
CONFLICT = "---\ndate: 2025-06-10\n---\n삼성전자의 2025년 1분기 매출은 81조원이었다.\n"
# a margin that moved 7.8 points, written as 7.8%: pct-vs-pp, whose fix is certain (7.8%p)
POINTS = ("---\ndate: 2025-10-31\n---\n# 삼성전자 3분기 실적\n\n"
          "삼성전자의 2025년 3분기 영업이익률은 14.1%로 2분기 6.3%에서 7.8% 상승했다.\n")
POINTS_EN = ("---\ndate: 2025-10-31\n---\n# Apple results\n\n"
             "Apple's gross margin for the September quarter widened by 1% to 47.2% from 46.2% a year earlier.\n")


def cc(*args: str, cwd: Path, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = [str(CLI)] if CLI.exists() else [sys.executable, "-m", "claimcheck"]
    base = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run([*exe, *args, "--no-cache"], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          input=stdin, timeout=120, env={**base, **(env or {})})


@pytest.fixture()
def pair(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b.md").write_text(CONFLICT, encoding="utf-8")
    return tmp_path


def test_stdin_is_checked_under_its_name_and_replaces_the_saved_copy(pair):
    r = cc("check", "-", "--stdin-filename", "new.md", "a.md", "-f", "concise", cwd=pair, stdin=CONFLICT)
    assert r.returncode == 1 and "(new.md:4)" in r.stdout, r.stdout + r.stderr
    # the buffer takes b.md's place: the saved copy contradicts a.md, the edited text no longer does
    r = cc("check", ".", "-", "--stdin-filename", "b.md", "--format", "json", cwd=pair, stdin=CLEAN)
    doc = json.loads(r.stdout)
    assert r.returncode == 0 and doc["summary"]["articles"] == 2, r.stdout
    r = cc("check", "a.md", "--stdin-filename", "x.md", cwd=pair, stdin=CLEAN)
    assert r.returncode == 2 and "add - to the paths" in r.stderr


def test_select_and_ignore_rule_ids(pair):
    assert cc("check", "--select", "pct-vs-pp", cwd=pair).returncode == 0
    assert cc("check", "--ignore", "same-figure-mismatch,pct-vs-pp", cwd=pair).returncode == 0
    assert cc("check", "--select", "same-figure-mismatch", cwd=pair).returncode == 1
    r = cc("check", "--select", "same-figure", cwd=pair)
    assert r.returncode == 2 and "unknown rule 'same-figure'" in r.stderr
    r = cc("check", "--select", "pct-vs-pp", "--ignore", "pct-vs-pp", cwd=pair)
    assert r.returncode == 2 and "both" in r.stderr
    # the built-in ids are selectable too
    (pair / "c.md").write_text("<!-- claimcheck: ignore pct-vs-pp -->\n" + CLEAN, encoding="utf-8")
    assert "unused-suppression" in cc("check", "-f", "concise", cwd=pair).stdout
    assert "unused-suppression" not in cc("check", "-f", "concise", "--ignore", "unused-suppression", cwd=pair).stdout


def test_statistics_quiet_concise_and_jsonl(pair):
    r = cc("check", "--statistics", cwd=pair)
    assert re.search(r"^1\s+same-figure-mismatch\s+error\s", r.stdout, re.M), r.stdout
    r = cc("check", "-f", "concise", cwd=pair)
    lines = r.stdout.splitlines()
    assert re.fullmatch(r"a\.md:4:\d+: same-figure-mismatch .+ they differ by 2%\.", lines[0]), lines
    assert lines[-1] == "2 articles, 2 claims, 1 error, 0 warnings, 0 info"
    r = cc("check", "-f", "concise", "-q", cwd=pair)
    assert r.returncode == 1 and r.stdout.count("\n") == 1 and r.stderr == ""
    r = cc("check", "-f", "jsonl", cwd=pair)
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert rows[0]["rule"] == "same-figure-mismatch" and rows[-1]["summary"]["error"] == 1 and len(rows) == 2


def test_statistics_as_json_as_ruff_prints_them_and_refused_where_counts_do_not_fit(pair):
    (pair / "m.md").write_text(POINTS, encoding="utf-8")
    r = cc("check", "--statistics", "-f", "json", cwd=pair)
    assert r.returncode == 1, r.stderr
    assert json.loads(r.stdout) == [  # most first, then by id; ruff's fields, and the rule's severity
        {"code": "pct-vs-pp", "name": "A change in points written as a percent", "severity": "warning",
         "count": 1, "fixable": True},
        {"code": "same-figure-mismatch", "name": "One figure, two values", "severity": "error",
         "count": 1, "fixable": False}]
    r = cc("check", "--statistics", "-f", "json", "--select", "derived-growth", cwd=pair)
    assert r.returncode == 0 and json.loads(r.stdout) == []
    r = cc("check", "--statistics", "-o", "json:stats.json", cwd=pair)  # each report counts: a table here, JSON there
    assert re.search(r"^1\s+pct-vs-pp\s+warning\s", r.stdout, re.M)
    assert [c["code"] for c in json.loads((pair / "stats.json").read_text(encoding="utf-8"))] == ["pct-vs-pp", "same-figure-mismatch"]
    # as ruff: a SARIF log and annotations are findings with places, and jsonl would be the list cut into lines
    for args in (["-f", "jsonl"], ["-f", "sarif"], ["-f", "github"], ["-o", "sarif:out.sarif"]):
        r = cc("check", "--statistics", *args, cwd=pair)
        assert r.returncode == 2 and r.stdout == "" and not (pair / "out.sarif").exists(), args
        (line,) = r.stderr.splitlines()
        assert line.startswith("claimcheck: error: --statistics counts findings per rule in a text, concise or json report"), line


def test_color_follows_the_flag_then_no_color(pair):
    ansi = "\x1b["
    assert ansi not in cc("check", cwd=pair).stdout  # a pipe, and NO_COLOR
    assert ansi in cc("check", "--color", "always", cwd=pair).stdout  # the flag outranks NO_COLOR
    assert ansi not in cc("check", "--color", "never", cwd=pair).stdout
    assert ansi not in cc("check", "--color", "always", "-o", "r.txt", cwd=pair).stdout + (pair / "r.txt").read_text()


def test_several_outputs_in_one_run(pair):
    r = cc("check", "--output", "sarif:out.sarif", "--output", "json:out.json", "-o", "concise:-", cwd=pair)
    assert r.returncode == 1
    assert r.stdout.startswith("a.md:4:") and "same-figure-mismatch" in r.stdout
    assert json.loads((pair / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert json.loads((pair / "out.json").read_text(encoding="utf-8"))["summary"]["error"] == 1
    r = cc("check", "--output", "sarif:out.sarif", cwd=pair)  # an added output keeps the text on the terminal
    assert "error [same-figure-mismatch]" in r.stdout
    r = cc("check", "-o", "r.txt", cwd=pair)  # a plain -o FILE takes the terminal's place, as before
    assert r.stdout == "" and "error [same-figure-mismatch]" in (pair / "r.txt").read_text(encoding="utf-8")
    r = cc("check", "-o", "json:same", "-o", "sarif:same", cwd=pair)
    assert r.returncode == 2 and "two reports" in r.stderr


@pytest.mark.parametrize("text,fixed", [(POINTS, "6.3%에서 7.8%p 상승"), (POINTS_EN, "widened by 1 percentage point to")])
def test_diff_shows_the_fix_and_fix_applies_it(tmp_path, text, fixed):
    art = tmp_path / "m.md"
    art.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))  # BOM and CRLF survive
    before = art.read_bytes()
    r = cc("check", "--diff", cwd=tmp_path)
    assert r.returncode == 1 and art.read_bytes() == before, r.stderr
    assert r.stdout.startswith("--- a/m.md\n+++ b/m.md\n") and fixed in r.stdout
    r = cc("check", "--fix", cwd=tmp_path)
    assert r.returncode == 0 and "fixed 1 finding in 1 file" in r.stderr, r.stdout + r.stderr
    after = art.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and after.count(b"\r\n") == before.count(b"\r\n")
    assert fixed in after.decode("utf-8-sig")
    assert "pct-vs-pp" not in r.stdout  # the report is of the fixed article
    assert cc("check", "--diff", cwd=tmp_path).stdout == ""
    r = cc("check", "-", "--fix", cwd=tmp_path, stdin=text)
    assert r.returncode == 2 and "use --diff" in r.stderr


def test_add_noqa_suppresses_todays_findings_and_nothing_else(pair):
    (pair / "m.md").write_text(POINTS, encoding="utf-8")
    (pair / "t.md").write_text("---\ndate: 2025-06-11\n---\n| 지표 | 2025년 1분기 |\n| --- | --- |\n"
                               "| 삼성전자 매출 | 81조원 |\n", encoding="utf-8")
    assert cc("check", cwd=pair).returncode == 1
    r = cc("check", "--add-noqa", cwd=pair)
    assert r.returncode == 0 and "suppression comment" in r.stderr, r.stderr
    m = (pair / "m.md").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(m) if "7.8%" in line)
    assert m[at - 1] == "<!-- claimcheck: ignore pct-vs-pp -->"  # on the line above the claim
    t = (pair / "t.md").read_text(encoding="utf-8")
    assert "| 삼성전자 매출 | 81조원 | <!-- claimcheck: ignore same-figure-mismatch -->" in t  # a table row keeps its table
    a = (pair / "a.md").read_text(encoding="utf-8").splitlines()
    assert a[-2] == "<!-- claimcheck: ignore same-figure-mismatch -->"
    r = cc("check", "-f", "json", cwd=pair)
    summary = json.loads(r.stdout)["summary"]
    assert r.returncode == 0 and summary["findings"] == 0 and summary["suppressed"] >= 2, r.stdout
