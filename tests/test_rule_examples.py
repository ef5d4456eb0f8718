"""Every rule's examples run: the passing one raises no finding of the rule, the failing one raises it,
citing the lines the rule file lists. `explain` prints these examples, so one that does not hold is a
false statement to the reader (four of nine did not, before the examples became articles)."""
from __future__ import annotations

import pytest

from claimcheck import ruleset

from conftest import check_articles

RULES = {r.id: r for r in ruleset.load()}


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_shipped_rule_has_runnable_examples_and_their_one_line_form(rule_id: str):
    rule = RULES[rule_id]
    assert set(rule.examples) == {"passing", "failing"}
    assert rule.passing and rule.failing and "\n" not in rule.passing + rule.failing
    assert rule.examples["failing"].lines, "a failing example names the lines its finding cites"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_passing_example_raises_no_finding(rule_id: str):
    rule = RULES[rule_id]
    example = rule.examples["passing"]
    findings, claims = check_articles([rule], example.articles, example.ledger)
    assert [f.message for f in findings if f.rule == rule_id] == []
    # an example the extractor cannot type (no company, say) passes without testing anything
    assert claims and all(c.entity and c.metric for c in claims), [(c.text, c.entity, c.metric) for c in claims]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_failing_example_raises_the_rules_finding_citing_its_lines(rule_id: str):
    rule = RULES[rule_id]
    example = rule.examples["failing"]
    findings, claims = check_articles([rule], example.articles, example.ledger)
    mine = [f for f in findings if f.rule == rule_id]
    assert len(mine) == 1, ([f.message for f in mine], [(c.text, c.entity, c.metric, c.period) for c in claims])
    assert sorted({f"{c.file}:{c.line}" for c in mine[0].claims}) == sorted(example.lines), mine[0].message


def test_a_cited_line_must_belong_to_an_article_of_the_example():
    data = {"id": "x", "kind": "same-figure-mismatch", "severity": "error", "message": "m", "description": "d",
            "examples": {"failing": {"summary": "s", "articles": {"a.md": "text"}, "lines": ["b.md:1"]}}}
    with pytest.raises(ruleset.RuleError, match="'b.md:1' is not file:line of one of its articles"):
        ruleset.parse_rule(data, "x.yaml")


def test_a_one_line_example_still_loads():
    data = {"id": "x", "kind": "same-figure-mismatch", "severity": "error", "message": "m", "description": "d",
            "examples": {"passing": "A 1% / A 1%", "failing": "A 1% / A 2%"}}
    spec = ruleset.parse_rule(data, "x.yaml")
    assert (spec.passing, spec.failing, spec.examples) == ("A 1% / A 1%", "A 1% / A 2%", {})
