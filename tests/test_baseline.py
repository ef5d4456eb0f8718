"""Baseline files: write/load round trip, clear errors for bad files, filtering of known findings."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import baseline
from claimcheck.baseline import BaselineError
from claimcheck.models import Claim, Finding, Severity

CLAIM = Claim(file="a.md", line=1, column=1, text="$1", entity="AWS", metric="revenue", value=1.0,
              unit="USD", quote="q")


def finding(fp: str, rule: str = "mismatch") -> Finding:
    return Finding(rule=rule, severity=Severity.error, message=f"msg {fp} 매출", claims=(CLAIM,), fingerprint=fp)


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "baseline.json"
    baseline.write(path, [finding("b"), finding("a"), finding("b", rule="other")])
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["schema"] == "claimcheck/baseline@1"
    assert doc["fingerprints"] == ["a", "b"]
    assert doc["findings"] == [{"fingerprint": "a", "rule": "mismatch", "message": "msg a 매출"},
                               {"fingerprint": "b", "rule": "mismatch", "message": "msg b 매출"}]
    assert baseline.load(path) == {"a", "b"}


def test_write_is_stable(tmp_path: Path) -> None:
    one, two = tmp_path / "1.json", tmp_path / "2.json"
    baseline.write(one, [finding("x"), finding("y")])
    baseline.write(two, [finding("y"), finding("x")])
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize("content, problem", [
    (None, "not found"),
    ("{not json", "not valid JSON"),
    ('["a"]', "not a claimcheck baseline"),
    ('{"schema": "claimcheck/findings@1", "fingerprints": []}', "not a claimcheck baseline"),
    ('{"schema": "claimcheck/baseline@1", "fingerprints": "a"}', "list of strings"),
    ('{"schema": "claimcheck/baseline@1", "fingerprints": [1]}', "list of strings"),
    ('{"schema": "claimcheck/baseline@1"}', "list of strings"),
])
def test_malformed(tmp_path: Path, content: str | None, problem: str) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as info:
        baseline.load(path)
    message = str(info.value)
    assert problem in message and str(path) in message and "\n" not in message
    assert isinstance(info.value, ValueError)


def test_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match="directory"):
        baseline.load(tmp_path)


def test_filter_new() -> None:
    items = [finding("a"), finding("b"), finding("c")]
    assert [f.fingerprint for f in baseline.filter_new(items, {"b"})] == ["a", "c"]
    assert baseline.filter_new(items, {"a", "b", "c"}) == []
    assert baseline.filter_new(items, set()) == items
