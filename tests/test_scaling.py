"""A figure repeated in 10,000 articles against one that contradicts it: one finding, naming every source.

The cross-article checks merge identical figures before comparing, so these runs are also a
guard against pairwise (quadratic) work creeping back: with 10,001 claims, a comparison of every
pair would take minutes. Timing itself is measured in bench/, not asserted here.
"""
from __future__ import annotations

import pytest

from claimcheck import engine, ruleset
from claimcheck import vocab as L
from claimcheck.models import Claim

COPIES = 10_000


def claim(file: str, **kw) -> Claim:
    base = dict(file=file, line=3, column=1, text="x", entity="AWS", metric="revenue", value=1.0,
                unit="USD", quote="q", sentence=0)
    return Claim(**{**base, **kw})


def repeated(one: dict, odd: dict, where: str) -> list[Claim]:
    """COPIES claims of one figure, one per article, and one odd figure at the start, middle or end."""
    copies = [claim(f"a{i:05d}.md", **one) for i in range(COPIES)]
    at = {"start": 0, "middle": COPIES // 2, "end": COPIES}[where]
    return [*copies[:at], claim("odd.md", **odd), *copies[at:]]


def findings(rule_id: str, claims: list[Claim]):
    rules = [r for r in ruleset.load() if r.id == rule_id]
    assert rules, f"no rule {rule_id}"
    return [f for f in engine.run(claims, rules, L.default()).findings if f.rule == rule_id]


WHERE = ["start", "middle", "end"]


@pytest.mark.parametrize("where", WHERE)
def test_same_figure(where):
    one = dict(metric="operating_margin", unit="%", value=34.3, half_width=0.05, period="2024", text="34.3%")
    odd = dict(metric="operating_margin", unit="%", value=32.0, half_width=0.5, period="2024", text="32%")
    got = findings("same-figure-mismatch", repeated(one, odd, where))
    assert len(got) == 1
    assert len(got[0].claims) == COPIES + 1
    assert "more)" in got[0].message and len(got[0].message) < 1000


@pytest.mark.parametrize("where", WHERE)
def test_cadence(where):
    # monthly $2.5B x 3 = $7.5B cannot be a $3B quarter; both undated, read as 2025
    one = dict(value=2.5e9, half_width=0.05e9, cadence="monthly", context_year=2025, text="25억 달러")
    odd = dict(value=3e9, half_width=0.5e9, cadence="quarterly", context_year=2025, text="30억 달러")
    got = findings("cadence-mismatch", repeated(one, odd, where))
    assert len(got) == 1
    assert len(got[0].claims) == COPIES + 1
    assert len(got[0].message) < 1000


@pytest.mark.parametrize("where", WHERE)
def test_scale_slip(where):
    one = dict(entity="Samsung Electronics", metric="operating_income", unit="KRW", value=12.17e12,
               half_width=0.00005e12, period="2025Q3", cadence="quarterly", text="12조1,700억원")
    odd = {**one, "value": 1.217e12, "text": "1조2,170억원"}
    got = findings("unit-scale-slip", repeated(one, odd, where))
    assert len(got) == 1
    assert len(got[0].claims) == COPIES + 1
    assert got[0].claims[0].value == 12.17e12 and got[0].claims[1].value == 1.217e12  # big, then small


def test_segment_share_repeated():
    # "AWS makes 32% of Amazon's revenue" in 10,000 articles, against AWS $35.6B of Amazon $213.4B (16.7%)
    shares = [claim(f"a{i:05d}.md", metric="revenue_share", unit="%", value=32.0, half_width=0.5, period="2024",
                    text="32%") for i in range(COPIES)]
    revenues = [claim("r.md", value=35.6e9, half_width=0.05e9, period="2024", cadence="annual", line=1),
                claim("r.md", entity="Amazon", value=213.4e9, half_width=0.05e9, period="2024", cadence="annual",
                      line=2, sentence=1)]
    got = findings("arithmetic-statement", [*shares, *revenues])
    assert len(got) == 1
    assert len(got[0].claims) == COPIES + 2
