"""The margin form of arithmetic-statement: a stated margin against the profit and revenue reported
beside it ('매출 9조1,370억원, 영업이익 4,290억원 ... 영업이익률은 5.7%': 4,290 / 91,370 is 4.7%).

Within one article, a margin and exactly one profit and one revenue figure of its entity, business
line, period and span, stated within two sentences of it, must agree within rounding. More than one
candidate level means the text is comparing, and nothing is checked.
"""
from __future__ import annotations

from ..models import Claim
from .common import Draft, by_article, figure, overlap, pct_iv, widen

PROFIT_OF = {"operating_margin": "operating_income", "net_margin": "net_income", "gross_margin": "gross_profit"}
NEAR = 2  # sentences between the margin and its levels


def check(claims: list[Claim], hedge: float, slack: float) -> list[Draft]:
    out = []
    for _, cs in by_article(claims).items():
        for m in (c for c in cs if c.metric in PROFIT_OF and c.unit == "%" and not c.change and c.bound == "eq"
                  and not _aside(c)):
            profit, revenue = _level(cs, m, PROFIT_OF[m.metric]), _level(cs, m, "revenue")
            if profit is None or revenue is None or revenue.interval(0)[0] <= 0:
                continue
            lo = profit.interval(hedge)[0] / revenue.interval(hedge)[1]
            hi = profit.interval(hedge)[1] / revenue.interval(hedge)[0]
            if overlap(widen((lo, hi), slack), pct_iv(m, hedge)):
                continue
            msg = (f"{m.entity}{' ' + m.segment if m.segment else ''}'s margin is given as {figure(m)}, but "
                   f"{figure(profit)} on {figure(revenue)} is {(lo + hi) / 2 * 100:.1f}%.")
            out.append(Draft(msg, (m, profit, revenue), f"margin|{m.entity}|{m.segment}|{m.metric}|{m.period}|{m.file}",
                             why="a stated margin against the profit and revenue reported beside it"))
    return out


def _aside(c: Claim) -> bool:
    """'1년 전(6.5%)', '13.2%에서', 'from 43%', '가이던스(31.5%)': a margin in brackets or where a change starts is a
    base or someone's figure beside the reported one, not the margin the reported levels make."""
    i = c.quote.find(c.text)
    if i < 0:
        return True
    before, after = c.quote[max(0, i - 6):i], c.quote[i + len(c.text):i + len(c.text) + 4]
    return before.rstrip().endswith(("(", "[", "from")) or after.lstrip().startswith(("에서", "보다", "→", "->"))


def _level(cs: list[Claim], m: Claim, metric: str) -> Claim | None:
    """The one level of `metric` beside margin m: same entity, line, period, span and forecast flag."""
    got = {c.value: c for c in cs if c.metric == metric and not c.change and c.bound == "eq"
           and c.entity == m.entity and c.segment == m.segment and c.period == m.period and c.period
           and c.estimate == m.estimate and c.unit not in ("%", "pp", "count")
           and abs(c.sentence - m.sentence) <= NEAR and (c.cadence == m.cadence or m.cadence is None)}
    return next(iter(got.values())) if len(got) == 1 else None
