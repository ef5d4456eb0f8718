"""A margin an article gives two values, where the article's own profit and revenue settle which one is right:
a table's '영업이익률(%) … 26.9' beside its 161억원 of operating profit on 598억원 of revenue, then a bullet's
'3Q25 영업이익률은 31.4%' (161 over last quarter's 512, a margin computed wrong).

An article that gives one figure two unlike values has mostly had a segment, period or basis lost in typing
(same-figure-mismatch reports it at info). A margin is the one figure the article can check for itself: when
it prints exactly one profit and one revenue of the margin's company, line, period and basis, and their
quotient matches one value and not the other, the other is a margin worked out wrong, not a lost label.
A lost label would leave the levels ambiguous too (two revenues for one key), and then nothing is claimed.
"""
from __future__ import annotations

from collections import defaultdict

from ..models import STATED, Claim
from .common import figure, overlap, pct_iv, widen
from .margin_levels import PROFIT_OF
SLACK = 0.02  # relative tolerance on the quotient beyond each level's printed rounding

# (file, entity, segment, period, basis, estimate) -> metric -> that article's exact levels of it
Levels = dict[tuple, dict[str, list[Claim]]]


def levels(claims: list[Claim]) -> Levels:
    """Every article's exact, reported profit and revenue levels by company, line, period and basis."""
    wanted = set(PROFIT_OF.values()) | {"revenue"}
    out: Levels = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if (c.metric in wanted and c.period and not c.change and c.bound == "eq" and c.low is None
                and c.unit not in ("%", "pp", "bp", "count")):
            out[_place(c)][c.metric].append(c)
    return out


def _dated_here(c: Claim) -> bool:
    """An exact level whose period is written where it stands: a margin whose period was carried from a nearby
    running total ('같은 기간') may be that total's, and then its levels are not the quarter's."""
    return not c.change and c.bound == "eq" and any(f == "period" and s in STATED for f, s, _, _ in c.evidence)


def _place(c: Claim) -> tuple:
    return (c.file, c.entity, c.segment, c.period, c.basis, c.estimate)


def recomputed_wrong(members: list[Claim], index: Levels, hedge: float) -> str | None:
    """How the article's one profit and one revenue settle its two unlike margins ('161억원 on 598억원 is 26.9%'),
    when their quotient matches exactly one of the two values (None when the figure is no margin, the levels are
    not one each, or the quotient matches both or neither)."""
    first = members[0]
    values = {c.value for c in members}
    if (first.metric not in PROFIT_OF or first.unit != "%" or len(values) != 2
            or len({c.file for c in members}) != 1 or not all(_dated_here(c) for c in members)):
        return None
    got = index.get(_place(first), {})
    profit = {c.value: c for c in got.get(PROFIT_OF[first.metric], [])}
    revenue = {c.value: c for c in got.get("revenue", [])}
    if len(profit) != 1 or len(revenue) != 1:
        return None
    p, r = next(iter(profit.values())), next(iter(revenue.values()))
    if r.interval(0)[0] <= 0:
        return None
    q = widen((p.interval(hedge)[0] / r.interval(hedge)[1], p.interval(hedge)[1] / r.interval(hedge)[0]), SLACK)
    matched = {c.value for c in members if overlap(q, pct_iv(c, hedge))}
    if len(matched) != 1:
        return None
    return f"{figure(p)} on {figure(r)} is {(q[0] + q[1]) / 2 * 100:.1f}%"
