"""The column-wise cache entry gives back equal claims, and any damaged or mistyped entry is a warned miss."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from claimcheck.claim_contract import FIELDS, INTERNAL, claim_dict
from claimcheck.cache import Cache
from claimcheck.models import Article, Claim, Finding, Severity
from claimcheck.summary import Summary
from claimcheck.report import json_report

ART = Article(path="d/a.md", text="본문 \"인용\" \\ 100%s\n", title="제목", warnings=("w1",))


def _claims() -> list[Claim]:
    base = dict(file="d/a.md", line=3, column=7, text="1.2조원", entity="삼성전자", metric="revenue", value=1.2e12,
                unit="KRW", quote='매출 "1.2조원" \\ 100%s 😀', period="2025Q3")
    return [
        Claim(**base),
        Claim(**{**base, "value": math.inf, "low": -0.0, "high": -math.inf, "bound": "ge", "estimate": True,
                 "entity": None, "half_width": 0.05, "change": True, "context_year": 2025, "sentence": 4}),
        Claim(**{**base, "value": -0.0, "segment": "DS", "cadence": "quarterly", "basis": "yoy", "period": None,
                 "line": 300000, "column": 0}),
    ]


def _entry(root: Path) -> Path:
    (path,) = root.glob("v1/*/*.json")
    return path


def test_round_trip_keeps_every_value(tmp_path):
    cache = Cache(tmp_path, "salt")
    cache.put("d/a.md", b"bytes", ART, _claims())
    art, claims = Cache(tmp_path, "salt").get("d/a.md", b"bytes")
    assert art == ART
    assert claims == _claims()
    for got, want in zip(claims, _claims()):
        assert list(got.__dict__) == list(want.__dict__)  # field order drives the JSON key order
        assert repr(got.low) == repr(want.low) and repr(got.value) == repr(want.value)  # -0.0 stays -0.0
        assert got.model_copy(update={"line": 1}).line == 1
        assert got.interval() == want.interval()
    assert claims[0].quote is claims[2].quote  # equal strings are shared
    assert cache.warnings == []


def test_nan_round_trips(tmp_path):
    Cache(tmp_path, "s").put("x", b"b", ART, [Claim(**{**_claims()[0].model_dump(), "value": math.nan})])
    _, (c,) = Cache(tmp_path, "s").get("x", b"b")
    assert math.isnan(c.value)


def _damage(doc: dict, how: str) -> object:
    cols = doc["columns"]
    line, text, bound = (list(Claim.model_fields).index(k) for k in ("line", "text", "bound"))
    if how == "int as text":
        cols[line][0] = "three"
    elif how == "bool as index":
        cols[text][0] = True
    elif how == "negative index":
        cols[text][0] = -1
    elif how == "index past the strings":
        cols[text][0] = len(doc["strings"]) + 5
    elif how == "null in a required text":
        cols[text][0] = 0
    elif how == "unknown bound":
        doc["strings"].append("about")
        cols[bound][0] = len(doc["strings"])
    elif how == "short column":
        cols[line].pop()
    elif how == "missing column":
        cols.pop()
    elif how == "other fields":
        doc["fields"] = doc["fields"][::-1]
    elif how == "number in the strings":
        doc["strings"][0] = 5
    elif how == "column not a list":
        cols[line] = {"a": 1}
    elif how == "article wrong":
        doc["article"] = {"path": 1}
    elif how == "wrong key":
        doc["key"] = "0" * 64
    elif how == "not an object":
        return [doc]
    elif how == "no columns":
        del doc["columns"]
    return doc


HOWS = ["int as text", "bool as index", "negative index", "index past the strings", "null in a required text",
        "unknown bound", "short column", "missing column", "other fields", "number in the strings",
        "column not a list", "article wrong", "wrong key", "not an object", "no columns"]


@pytest.mark.parametrize("how", HOWS)
def test_mistyped_entry_is_a_warned_miss(tmp_path, how):
    Cache(tmp_path, "salt").put("d/a.md", b"bytes", ART, _claims())
    path = _entry(tmp_path)
    path.write_text(json.dumps(_damage(json.loads(path.read_text()), how)))
    again = Cache(tmp_path, "salt")
    assert again.get("d/a.md", b"bytes") is None
    assert len(again.warnings) == 1 and "corrupt" in again.warnings[0]


@pytest.mark.parametrize("cut", [0, 1, 100, -2])
def test_truncated_entry_is_a_warned_miss(tmp_path, cut):
    Cache(tmp_path, "salt").put("d/a.md", b"bytes", ART, _claims())
    path = _entry(tmp_path)
    path.write_bytes(path.read_bytes()[:cut])
    again = Cache(tmp_path, "salt")
    assert again.get("d/a.md", b"bytes") is None and len(again.warnings) == 1


def test_no_claims_round_trips(tmp_path):
    Cache(tmp_path, "salt").put("d/a.md", b"bytes", ART, [])
    assert Cache(tmp_path, "salt").get("d/a.md", b"bytes") == (ART, [])


def test_claim_dict_is_model_dump_with_evidence_as_an_object():
    for c in _claims():
        c = c.model_copy(update={"evidence": (("entity", "clause", 3, "SK하이닉스는"), ("period", "none", None, None))})
        want = c.model_dump(mode="json", exclude=INTERNAL)
        want["evidence"] = {"entity": {"source": "clause", "line": 3, "text": "SK하이닉스는"},
                            "period": {"source": "none", "line": None, "text": None}}
        assert claim_dict(c) == want
        assert list(claim_dict(c)) == list(want)


def _finding(claims, msg="m", **kw) -> Finding:
    return Finding(rule="r-1", severity=Severity.error, message=msg, claims=tuple(claims), fingerprint="f", **kw)


def test_column_encoding_matches_the_encoder():
    cs = _claims()
    findings = [_finding(cs, 'a "%s" 😀 \\'), _finding([], why="none"), _finding(cs[1:], suppressed=True),
                _finding([cs[0]] * 3, "\n\t")]
    summary = Summary(articles=1, claims=3, findings=4)
    slow = json_report.render(findings, summary, claim_dict)
    fast = json_report.render(findings, summary, claim_dict, FIELDS)
    assert fast == slow
    enc = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    rows = ",\n  ".join(enc(json_report.finding_dict(f, claim_dict)) for f in findings)
    assert fast == f'{{"schema": "claimcheck/findings@1",\n"findings": [\n  {rows}\n]' \
                   f',\n"summary": {enc(summary.model_dump(mode="json"))}}}\n'
    assert json.loads(fast)["findings"][0]["claims"][1]["value"] == math.inf
    empty = json_report.render([], summary, claim_dict, FIELDS)
    assert empty.startswith('{"schema": "claimcheck/findings@1",\n"findings": [],\n"summary": ')
