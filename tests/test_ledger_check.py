"""The ledger-mismatch check (issue 9): claims against filed figures, matched by key, with the filed figure
on the finding, restatements as info, derived fourth quarters, computed ratios and the run's tally."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import engine, ruleset
from claimcheck import ledger as LG
from claimcheck import vocab as L
from claimcheck.models import Claim, Severity

from conftest import check_articles

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ledger"
RULE = [r for r in ruleset.load() if r.id == "ledger-mismatch"]
AWS = [{"entity": "AWS", "metric": "operating_income", "period": "2024", "value": 39834000000, "unit": "USD",
        "as_of": "2025-02-07", "source": {"kind": "newsroom", "document": "Amazon 10-K 2024", "concept": "segment information"}},
       {"entity": "AWS", "metric": "revenue", "period": "2024", "value": 107556000000, "unit": "USD", "as_of": "2025-02-07",
        "source": {"kind": "newsroom", "document": "Amazon 10-K 2024", "concept": "segment information"}}]


def art(date: str, body: str) -> str:
    return f"---\ndate: {date}\n---\n{body}\n"


def run(articles: dict[str, str], rows=AWS):
    return check_articles(RULE, articles, rows)


def test_a_finding_carries_the_filed_figure_and_what_it_was_computed_from():
    (f,), _ = run({"a.md": art("2025-02-10", "AWS의 2024년 영업이익률은 34.3%였다.")})
    margin, income, revenue = f.filed
    assert margin.metric == "operating_margin" and margin.derived and round(margin.value, 2) == 37.04
    assert (income.metric, income.value, revenue.metric, revenue.value) == ("operating_income", 39834000000, "revenue", 107556000000)
    assert "34.3% (a.md:4)" in f.message and "filed: 37.04%" in f.message and "Amazon 10-K 2024, segment information" in f.message


def test_without_a_ledger_the_rule_is_silent_and_nothing_is_counted():
    claims = check_articles(RULE, {"a.md": art("2025-02-10", "AWS의 2024년 영업이익률은 34.3%였다.")})[1]
    out = engine.run(claims, RULE, L.default())
    assert out.findings == [] and out.tally is None


def test_the_run_counts_matched_differing_and_unverifiable_claims():
    arts = {"a.md": art("2025-02-10", "AWS의 2024년 매출은 1,076억 달러였다. AWS의 2024년 영업이익률은 32%였다. "
                                      "AWS의 2023년 영업이익은 246억 달러였다. AWS의 주가는 200달러다.")}
    _, claims = run(arts)
    out = engine.run(claims, RULE, L.default(), (), LG.from_rows(AWS, L.default()))
    # the stock price is no figure the ledger speaks to; 2023 is a year it has no figure for
    assert (out.tally.matched, out.tally.differing, out.tally.unverifiable) == (1, 1, 1)


def test_consensus_and_estimates_are_never_checked():
    base = dict(file="a.md", line=1, column=1, text="$100 billion", entity="AWS", metric="revenue", value=1e11,
                unit="USD", period="2024", cadence="annual", quote="q", half_width=5e8)
    claims = [Claim(**base, consensus=True), Claim(**base, estimate=True), Claim(**{**base, "line": 2})]
    out = engine.run(claims, RULE, L.default(), (), LG.from_rows(AWS, L.default()))
    assert [c.line for f in out.findings for c in f.claims] == [2]
    assert out.tally.differing == 1 and out.tally.unverifiable == 0


def test_a_restated_figure_matched_as_first_filed_is_info_with_both_versions():
    lg = LG.load([FIX / "apple_companyfacts.json"], L.default())
    rows = [r.model_dump(mode="json") for r in lg if r.metric == "revenue"]
    (f,), _ = run({"a.md": art("2025-03-01", "Apple's revenue for the first quarter of fiscal 2024 was $119.6 billion.")}, rows)
    assert f.severity is Severity.info and "matches the figure as first filed, $119.575B" in f.message
    assert "restated since: $118.9B" in f.message
    current, old = f.filed
    assert (current.value, current.restated, old.value, old.restated) == (118900000000, False, 119575000000, True)


def test_a_derived_fourth_quarter_is_named_so_on_the_finding():
    rows = [r.model_dump(mode="json") for r in LG.load([FIX / "apple_companyfacts.json"], L.default()) if not r.derived]
    (f,), _ = run({"a.md": art("2024-11-05", "Apple's revenue for the fiscal fourth quarter of 2024 was $96.5 billion.")}, rows)
    (q4,) = f.filed
    assert q4.derived and q4.value == 94930000000 and "annual − nine months" in f.message
    assert not run({"a.md": art("2024-11-05", "Apple's revenue for the fiscal fourth quarter of 2024 was $94.9 billion.")}, rows)[0]


def test_a_running_total_with_no_end_matches_either_and_is_never_guessed():
    rows = [{"entity": "Samsung Electronics", "metric": "revenue", "period": "2024", "cadence": "ytd", "through": t,
             "value": v, "unit": "KRW"} for t, v in (("2024Q2", 145_984_000_000_000), ("2024Q3", 225_082_643_000_000))]
    assert not run({"a.md": art("2024-11-20", "삼성전자의 올해 1~9월 누적 매출은 225조1,000억원이었다.")}, rows)[0]
    findings, claims = run({"a.md": art("2024-11-20", "삼성전자의 올해 1~9월 누적 매출은 250조원이었다.")}, rows)
    assert findings == [] and [c.cadence for c in claims] == ["ytd"]  # through Q2 or Q3? two spans: unverifiable
    # with nine months alone filed, '1~6월 누적' would be compared with them: the claim names no end, so never
    assert run({"a.md": art("2024-11-20", "삼성전자의 올해 1~6월 누적 매출은 150조원이었다.")}, rows[1:])[0] == []
    assert not run({"a.md": art("2024-11-20", "삼성전자의 올해 1~9월 누적 매출은 225조1,000억원이었다.")}, rows[1:])[0]


@pytest.mark.parametrize("unit,found", [("USD", 0), ("KRW", 1)])
def test_another_currency_is_compared_only_when_the_ledger_gives_it(unit: str, found: int):
    rows = [{**AWS[1], "unit": unit, "value": 140_000_000_000_000 if unit == "KRW" else 107556000000}]
    findings, _ = run({"a.md": art("2025-02-10", "AWS의 2024년 매출은 150조원이었다.")}, rows)
    assert len(findings) == found


@pytest.mark.parametrize("basis,flagged", [("yoy", 1), (None, 0)])
def test_a_quarter_s_growth_with_no_basis_is_never_compared_with_one_basis(basis: str | None, flagged: int):
    rows = [{"entity": "AWS", "metric": "revenue", "period": p, "value": v, "unit": "USD"}
            for p, v in (("2024Q3", 27452000000), ("2023Q3", 23059000000))]  # +19.05% on the year; no Q2 filed
    claim = Claim(file="a.md", line=4, column=1, text="50%", entity="AWS", metric="revenue_growth", value=50.0, unit="%",
                  period="2024Q3", cadence="quarterly", basis=basis, quote="q", half_width=0.5)
    out = engine.run([claim], RULE, L.default(), (), LG.from_rows(rows, L.default()))
    assert len(out.findings) == flagged and (out.tally.differing, out.tally.unverifiable) == (flagged, 1 - flagged)


def test_a_ledger_with_the_rule_disabled_counts_nothing():
    off = [RULE[0].model_copy(update={"enabled": False})]
    claims = check_articles(RULE, {"a.md": art("2025-02-10", "AWS의 2024년 영업이익률은 34.3%였다.")})[1]
    out = engine.run(claims, off, L.default(), (), LG.from_rows(AWS, L.default()))
    assert out.findings == [] and out.tally is None
