"""Every rule's pass/fail cases, kept as YAML under fixtures/cases/, run by one parametrized test; a case
may give filed figures (`ledger`, ledger@1 records) for the rules that check claims against them."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck import ruleset

from conftest import check_articles

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"


def _cases():
    for f in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for case in data["cases"]:
            # a case the extractor cannot yet read is kept, marked with the reason, and must still fail
            marks = [pytest.mark.xfail(strict=True, reason=case["known_gap"])] if case.get("known_gap") else []
            yield pytest.param(data["rule"], case, id=f"{data['rule']}: {case['name']}", marks=marks)


def _run(rule_id: str, articles: dict[str, str], ledger=()):
    rules = [r for r in ruleset.load() if r.id == rule_id]
    assert rules, f"no rule {rule_id}"
    findings, claims = check_articles(rules, articles, ledger)
    return [f for f in findings if f.rule == rule_id], claims


@pytest.mark.parametrize("rule_id,case", list(_cases()))
def test_rule_case(rule_id, case):
    findings, claims = _run(rule_id, case["articles"], case.get("ledger") or ())
    want = case["expect"]
    got = [f"{f.severity.value}: {f.message}" for f in findings]
    assert len(findings) == want["findings"], (got, [(c.file, c.text, c.entity, c.metric, c.period) for c in claims])
    if want.get("claims"):
        assert len(findings[0].claims) == want["claims"], got  # the claims a finding rests on
    if want.get("lines"):  # the lines every finding cites, as file:line
        cited = sorted({f"{c.file}:{c.line}" for f in findings for c in f.claims})
        assert cited == sorted(want["lines"]), got
    if want.get("values"):  # the figures the findings list, as printed
        assert sorted({c.text for f in findings for c in f.claims}) == sorted(want["values"]), got
    if want.get("severity"):
        assert max(f.severity.rank for f in findings) == {"info": 0, "warning": 1, "error": 2}[want["severity"]], got
    if want.get("message"):  # words the first finding's message must hold
        assert want["message"] in findings[0].message, got


def test_every_failing_case_asserts_severity_and_the_lines_cited():
    # a count alone passes when the finding cites the wrong figures or lands at a severity nobody gates on
    bare = [f"{rule}: {case['name']}" for p in _cases() for rule, case in [p.values]
            if case["expect"]["findings"] and not case.get("known_gap")
            and not (case["expect"].get("severity") and case["expect"].get("lines"))]
    assert bare == []
