"""Every report shows the filed figure beside the claims of a ledger finding, and the summary counts the
claims checked against filings (issue 9, item 5)."""
from __future__ import annotations

import json

import pytest

from claimcheck import engine, ruleset
from claimcheck import ledger as LG
from claimcheck.claim_contract import FIELDS, claim_dict
from claimcheck.models import Finding, Severity
from claimcheck.summary import Summary
from claimcheck import vocab as L
from claimcheck.report import github, json_report, jsonl, sarif, text
from claimcheck.scope import Scoped, summarize

from conftest import SHARED, check_articles

RULE = [r for r in ruleset.load() if r.id == "ledger-mismatch"]
ROWS = [{"entity": "AWS", "metric": m, "period": "2024", "value": v, "unit": "USD", "as_of": "2025-02-07",
         "source": {"kind": "newsroom", "document": "Amazon 10-K 2024", "concept": "segment information", "form": "10-K"}}
        for m, v in (("operating_income", 39834000000), ("revenue", 107556000000))]
ARTICLES = {"a.md": "---\ndate: 2025-02-10\n---\nAWS의 2024년 영업이익률은 34.3%였다.\n",
            "b.md": "---\ndate: 2025-03-01\n---\nAWS의 2024년 매출은 1,076억 달러였다.\n"}


@pytest.fixture(scope="module")
def checked():
    _, claims = check_articles(RULE, ARTICLES)
    out = engine.run(claims, RULE, L.default(), (), LG.from_rows(ROWS, L.default()))
    summary = summarize(Scoped(out.findings), 2, len(claims), 0, [], out.tally)
    return out.findings, summary


def test_text_lists_each_filed_figure_and_the_summary_counts(checked):
    findings, summary = checked
    out = text.render(findings, summary)
    assert "  filed: AWS operating margin 2024: 37.04% (Amazon 10-K 2024, operating income / revenue, filed 2025-02-07) [derived]" in out
    assert "  filed: AWS operating income 2024: $39.834B (Amazon 10-K 2024, segment information, filed 2025-02-07)" in out
    assert out.rstrip().endswith("; against filings: 1 matched, 1 differing, 0 unverifiable"), out


def test_json_gives_the_filed_records_and_the_tally(checked):
    findings, summary = checked
    doc = json.loads(json_report.render(findings, summary, claim_dict, FIELDS))
    (f,) = doc["findings"]
    margin, income, revenue = f["filed"]
    assert (margin["metric"], round(margin["value"], 2), margin["derived"], margin["unit"]) == ("operating_margin", 37.04, True, "%")
    assert income == {**income, "entity": "AWS", "period": "2024", "cadence": "annual", "value": 39834000000.0,
                      "as_of": "2025-02-07", "source": {"kind": "newsroom", "document": "Amazon 10-K 2024",
                                                       "concept": "segment information", "form": "10-K"}}
    assert revenue["metric"] == "revenue"
    assert doc["summary"]["ledger"] == {"matched": 1, "differing": 1, "unverifiable": 0}
    # the hand-written stream and the plain encoder agree, filed figures included
    fast = json_report.render(findings, summary, claim_dict, FIELDS)
    assert json.loads(fast)["findings"] == [json.loads(json.dumps(json_report.finding_dict(x, claim_dict))) for x in findings]
    assert json.loads(next(iter(jsonl.stream(findings, summary, claim_dict))))["filed"][0]["metric"] == "operating_margin"


def test_a_finding_with_no_filed_figure_has_no_filed_field():
    finding = Finding(rule="same-figure-mismatch", severity=Severity.error, message="m", claims=(), fingerprint="x")
    assert "filed" not in json_report.finding_dict(finding, claim_dict)
    assert '"filed"' not in json_report.render([finding], Summary(articles=0, claims=0, findings=1), claim_dict)


def test_sarif_and_github_show_the_filed_figure(checked):
    findings, summary = checked
    log = json.loads(sarif.render(findings, RULE, summary=summary))
    (result,) = log["runs"][0]["results"]
    props = result["properties"]
    assert props["filed"][0].startswith("AWS operating margin 2024: 37.04%") and props["filedRecords"][1]["value"] == 39834000000
    assert "filed: 37.04%" in result["message"]["text"]
    assert log["runs"][0]["invocations"][0]["properties"]["ledger"] == {"matched": 1, "differing": 1, "unverifiable": 0}
    assert "filed: 37.04%25 (computed from operating income 2024 $39.834B" in github.render(findings)  # % escaped as %25


@pytest.mark.shared("spec/sarif-schema-2.1.0.json")
def test_sarif_with_filed_figures_is_valid(checked):
    import jsonschema

    findings, summary = checked
    schema = json.loads((SHARED / "spec" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(sarif.render(findings, RULE, summary=summary)), schema)
