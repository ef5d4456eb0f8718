"""The metric taxonomy (rules/metrics.yaml, metric_taxonomy.taxonomy()) is the one place metric ids are kinds.

Every id the claim builder can emit must be in it with a family, and the sets the stages and checks
ask for must hold together: a growth metric names what it is the growth of, a checked flow is a flow.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck import vocab as L
from claimcheck.metric_taxonomy import FAMILIES, _metric_info, taxonomy
from claimcheck.rules_data import LexiconError
from claimcheck.checks import cadence_mismatch, derived_growth, pct_vs_pp
from claimcheck.pipeline import extract_one, sources

ROOT = Path(__file__).resolve().parents[1]
T = taxonomy()
EMITTED_IN_FIXTURES = ("fixtures/articles", "fixtures/heldout", "fixtures/heldout2", "fixtures/heldout3",
                       "fixtures/heldout4", "fixtures/heldout5")
# a metric id written in the claim builder: a Typed(...) result, or a metric assigned or defaulted by name
LITERAL = re.compile(r"""Typed\(\s*"(\w+)"|metric\s*=\s*"(\w+)"|\b(?:or|else)\s+"(\w+)"\)?[,\s]""")


def _code_ids() -> set[str]:
    out: set[str] = set()
    for p in sorted((ROOT / "claimcheck" / "claims").glob("*.py")):
        for line in p.read_text(encoding="utf-8").splitlines():
            if "Typed(" in line or re.search(r"\bmetric\s*=", line):
                out.update(next(g for g in m.groups() if g) for m in LITERAL.finditer(line + " "))
    return out


def test_every_metric_has_a_known_family():
    assert T.metrics, "rules/metrics.yaml names no metric"
    for mid, info in T.metrics.items():
        assert info.family in FAMILIES, mid


def test_every_metric_id_written_in_the_builder_is_in_the_taxonomy():
    ids = _code_ids()
    assert {"revenue_growth", "count", "consensus_revenue", "market_size", "upside", "stock_price", "price_target"} <= ids  # the scan finds them
    missing = sorted(i for i in ids if i not in T)
    assert not missing, f"metric ids in claims/ that rules/metrics.yaml does not define: {missing}"


def test_every_metric_id_extracted_from_the_fixtures_is_in_the_taxonomy():
    lex = L.default()
    seen: set[str] = set()
    for folder in EMITTED_IN_FIXTURES:
        if not (ROOT / folder).is_dir():
            continue
        for src in sources([str(ROOT / folder)]):
            _, claims, _ = extract_one(src, lex)
            seen.update(c.metric for c in claims)
    assert seen
    missing = sorted(m for m in seen if T.family(m) is None)
    assert not missing, f"extracted metric ids with no family: {missing}"


def test_every_metric_a_cue_names_is_in_the_taxonomy():
    lex = L.default()
    assert {m for _, m in lex.metric_cues} <= set(T.metrics)


@pytest.mark.parametrize("mid", sorted(T.growths))
def test_a_growth_metric_is_the_growth_of_its_base(mid):
    base = T.growth_of(mid)
    assert base in T and T.family(base) in ("flow", "stock", "count"), (mid, base)
    assert T.growth(base) == mid


def test_links_point_the_right_way():
    for mid, info in T.metrics.items():
        if info.share_of:
            assert info.family == "ratio", mid
        if info.loss_of:
            assert T.is_flow(info.loss_of) and T.growth(mid) == T.growth(info.loss_of), mid
        if info.says:
            assert info.family == "helper", mid
        if info.growth_of and info.family != "growth":
            assert info.family == "price", mid  # upside, price_change: the change of a price
    # a helper word names nothing a claim could be about
    assert not (T.by_family["helper"] & (T.has("dated") | T.has("cadence_check") | T.has("listed")))


def test_the_sets_the_checks_use_agree_with_the_taxonomy():
    # cadence-mismatch compares monthly, quarterly and annual levels: only flows have them
    assert cadence_mismatch.FLOWS == T.has("cadence_check")
    assert cadence_mismatch.FLOWS and all(T.is_flow(m) for m in cadence_mismatch.FLOWS)
    assert not (cadence_mismatch.FLOWS & T.without_cadence)
    # pct-vs-pp reads a change of a ratio in points
    assert pct_vs_pp.RATIOS == T.has("pct_vs_pp")
    assert pct_vs_pp.RATIOS and all(T.is_ratio(m) for m in pct_vs_pp.RATIOS)
    # derived-growth relates a growth rate to the levels it is the growth of
    assert derived_growth.T is T
    for g in T.growths:
        assert T.growth(T.growth_of(g)) == g
    # a rate or a price has no cadence; a period-dated heading flow is dated
    assert T.ratios | T.by_family["price"] <= T.without_cadence
    assert T.has("heading_dated") <= T.has("dated")
    assert T.profits == {"operating_income", "net_income"}


def test_a_metric_without_a_family_is_refused():
    with pytest.raises(LexiconError, match="family"):
        _metric_info("bogus", {"cues": ["x"]})
    with pytest.raises(LexiconError, match="unknown keys"):
        _metric_info("bogus", {"family": "flow", "cadnce_check": True})
