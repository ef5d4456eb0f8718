"""Issue 10: every id the report prints can be explained, and the summary counts what it hid."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SHARED, run_cli

OLD_A = "---\ndate: 2025-05-02\n---\n삼성전자의 2025년 1분기 매출은 79조1,400억원이었다.\n"
OLD_B = "---\ndate: 2025-06-10\n---\n삼성전자의 2025년 1분기 매출은 81조원이었다.\n"
NEW_C = "---\ndate: 2025-07-01\n---\nSK하이닉스의 2025년 2분기 영업이익은 9조2,000억원이었다.\n"
NEW_D = "---\ndate: 2025-07-03\n---\nSK하이닉스는 2025년 2분기 영업이익 8조2,000억원을 기록했다.\n"  # a digit slip of 9조2,000억
IGNORE = "<!-- claimcheck: ignore {rule} restated -->\n"


def _ignored(rule: str) -> str:
    """OLD_B with a suppression comment on the line above its figure (line 4; the figure is on 5)."""
    return OLD_B.replace("삼성", IGNORE.format(rule=rule) + "삼성")
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}


def _report(cwd: Path, fmt: str, *args: str) -> tuple[int, object]:
    res = run_cli("check", ".", "--no-cache", "--format", fmt, *args, cwd=cwd)
    assert "Traceback" not in res.stderr
    return res.returncode, (res.stdout if fmt == "text" else json.loads(res.stdout))


def _counts(cwd: Path, *args: str) -> tuple[str, dict, dict]:
    """The text summary line, the JSON summary and SARIF's invocation properties of one run."""
    _, text = _report(cwd, "text", *args)
    _, doc = _report(cwd, "json", *args)
    _, log = _report(cwd, "sarif", *args)
    return text.strip().splitlines()[-1], doc["summary"], log["runs"][0]["invocations"][0]["properties"]


def test_explain_knows_every_id_the_rules_command_lists(tmp_path: Path):
    ids = [line.split()[0] for line in run_cli("rules", cwd=tmp_path).stdout.splitlines()]
    assert {"unused-suppression", "unknown-suppression", "same-figure-mismatch"} <= set(ids)
    for rule_id in ids:
        res = run_cli("explain", rule_id, cwd=tmp_path)
        assert res.returncode == 0 and res.stdout.startswith(rule_id), (rule_id, res.stderr)
    res = run_cli("explain", "unused-suppression", cwd=tmp_path)
    assert "matches no finding" in res.stdout and "Passing:" in res.stdout


def test_every_id_a_report_prints_can_be_explained(tmp_path: Path):
    """Rule ids of findings and of rule descriptors, and the id of SARIF's notification for a file not checked."""
    (tmp_path / "a.md").write_text(OLD_A, encoding="utf-8")
    (tmp_path / "b.md").write_text(_ignored("nope") + IGNORE.format(rule="pct-vs-pp"), encoding="utf-8")
    (tmp_path / "scan.md").write_bytes(b"\x00\x01binary\x00" * 10)
    _, log = _report(tmp_path, "sarif")
    run = log["runs"][0]
    ids = {r["ruleId"] for r in run["results"]} | {d["id"] for d in run["tool"]["driver"]["rules"]}
    ids |= {n["descriptor"]["id"] for n in run["invocations"][0]["toolExecutionNotifications"]}
    assert {"unknown-suppression", "unused-suppression", "unreadable-file"} <= ids
    for rule_id in ids:
        res = run_cli("explain", rule_id, cwd=tmp_path)
        assert res.returncode == 0 and res.stdout.startswith(rule_id), (rule_id, res.stderr)
    assert "max_file_mb" in run_cli("explain", "unreadable-file", cwd=tmp_path).stdout
    # a notification is not a rule: nothing to select, and `rules` lists what runs
    assert "unreadable-file" not in run_cli("rules", cwd=tmp_path).stdout


def test_suppression_naming_an_unknown_rule_says_so(tmp_path: Path):
    (tmp_path / "a.md").write_text(OLD_A, encoding="utf-8")
    (tmp_path / "b.md").write_text(_ignored("same-figure-mismatch") + IGNORE.format(rule="same-figure-missmatch"),
                                   encoding="utf-8")
    code, doc = _report(tmp_path, "json")
    assert code == 0
    by_rule = {f["rule"]: f for f in doc["findings"] if not f["suppressed"]}
    assert set(by_rule) == {"unknown-suppression"}  # not also reported as merely unused
    f = by_rule["unknown-suppression"]
    assert f["severity"] == "warning" and "'same-figure-missmatch'" in f["message"]
    assert "b.md:6" in f["message"] and "did you mean 'same-figure-mismatch'" in f["message"]
    assert doc["summary"]["suppressed"] == 1
    _, text = _report(tmp_path, "text")
    assert "warning [unknown-suppression]" in text and "1 suppressed" in text


def test_write_baseline_exits_zero_and_the_baseline_run_counts_what_it_hid(tmp_path: Path):
    (tmp_path / "a.md").write_text(OLD_A, encoding="utf-8")
    (tmp_path / "b.md").write_text(OLD_B, encoding="utf-8")
    res = run_cli("check", ".", "--no-cache", "--write-baseline", "base.json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["fingerprints"]
    line, summary, props = _counts(tmp_path, "--baseline", "base.json")
    assert "1 hidden by the baseline" in line
    assert summary["hidden_by_baseline"] == 1 and summary["error"] == 0
    assert props["hiddenByBaseline"] == 1 and props["unreadable"] == 0


def test_suppressed_findings_are_counted_in_sarif_too(tmp_path: Path):
    (tmp_path / "a.md").write_text(OLD_A, encoding="utf-8")
    (tmp_path / "b.md").write_text(_ignored("same-figure-mismatch"), encoding="utf-8")
    line, summary, props = _counts(tmp_path)
    assert "1 suppressed" in line and summary["suppressed"] == 1 and props["suppressed"] == 1


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_counts_the_findings_it_left_out(tmp_path: Path):
    for name, text in (("a.md", OLD_A), ("b.md", OLD_B), ("c.md", NEW_C)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "archive"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True, env=GIT_ENV)
    (tmp_path / "d.md").write_text(NEW_D, encoding="utf-8")
    line, summary, props = _counts(tmp_path, "--changed-since", "HEAD")
    assert "1 hidden by --changed-since" in line
    assert summary["hidden_by_changed_since"] == 1 and summary["error"] == 1
    assert props["hiddenByChangedSince"] == 1


@pytest.mark.shared("spec/sarif-schema-2.1.0.json")
def test_sarif_with_notifications_and_counts_validates(tmp_path: Path):
    jsonschema = pytest.importorskip("jsonschema")
    (tmp_path / "a.md").write_text(OLD_A, encoding="utf-8")
    (tmp_path / "b.md").write_text(_ignored("nope"), encoding="utf-8")
    (tmp_path / "scan.md").write_bytes(b"\x00\x01binary\x00" * 10)
    code, log = _report(tmp_path, "sarif")
    assert code == 1
    schema = json.loads((SHARED / "spec" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert {r["ruleId"] for r in run["results"]} == {"same-figure-mismatch", "unknown-suppression"}
    described = {d["id"]: d for d in run["tool"]["driver"]["rules"]}
    assert "fullDescription" in described["unknown-suppression"]  # a built-in gets its full text
