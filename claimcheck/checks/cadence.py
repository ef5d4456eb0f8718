"""cadence: a monthly figure ×3 against a quarterly one, a quarterly ×4 (or monthly ×12) against an annual one.

Figures share entity, segment and metric and cover overlapping time: a month inside the
quarter, a quarter inside the year, or undated figures read as the article's current year.
A quarter stands for a year only roughly (figures grow within a year), so the comparison
allows `tolerance` either way. Both undated in one article, or explicitly nested periods,
both reported: full severity; otherwise one step down.

Passing: "월 매출 10억 달러" and "분기 매출 30억 달러".
Failing: "월 매출 25억 달러 이상" and, in the same article, "AI 서비스: 분기 30억 달러".
"""
from __future__ import annotations

from ..claims import periods as PR
from ..models import Claim
from .common import Draft, Options, components, figure, group, label, overlap, scaled, widen, year_of

FACTOR = {("monthly", "quarterly"): 3, ("quarterly", "annual"): 4, ("monthly", "annual"): 12}
FLOWS = {"revenue", "operating_income", "net_income", "capex", "operating_cash_flow", "free_cash_flow",
         "consensus_revenue", "investment"}


class CadenceOptions(Options):
    tolerance: dict[str, float] = {"monthly-quarterly": 0.15, "quarterly-annual": 0.25, "monthly-annual": 0.3}


def _nested(small: Claim, big: Claim) -> bool | None:
    """True when explicitly nested, False when explicitly apart, None when one is undated."""
    if small.period and big.period:
        return PR.contains(big.period, small.period)
    dated = small if small.period else big if big.period else None
    if dated is None:
        return None
    undated = big if dated is small else small
    y, cy = year_of(dated.period), undated.context_year
    # a fiscal year is named by the year it ends in, so FY2026Q1 may fall in calendar 2025
    slack = 1 if dated.period.startswith("FY") else 0
    return None if y is not None and cy is not None and abs(y - cy) <= slack else False


def check(claims: list[Claim], o: CadenceOptions) -> list[Draft]:
    out = []
    keyed = group(claims, lambda c: (c.entity, c.segment, c.metric, c.unit)
                  if c.entity and c.metric in FLOWS and c.cadence in ("monthly", "quarterly", "annual")
                  and not c.change else None)
    for key, cs in keyed.items():
        edges, demote = [], {}
        for i, a in enumerate(cs):
            for j, b in enumerate(cs):
                k = FACTOR.get((a.cadence, b.cadence))
                if not k:
                    continue
                nested = _nested(a, b)
                if nested is False:
                    continue
                tol = o.tolerance.get(f"{a.cadence}-{b.cadence}", 0.25)
                if overlap(widen(scaled(a.interval(o.hedge), k), tol), b.interval(o.hedge)):
                    continue
                same_art = a.file == b.file
                full = not (a.estimate or b.estimate) and (nested is True or (nested is None and same_art
                                                                               and not a.period and not b.period))
                e = (min(i, j), max(i, j))
                edges.append(e)
                demote[e] = min(demote.get(e, 9), 0 if full else 1)
        for comp in components(len(cs), edges):
            d = min(v for e, v in demote.items() if e[0] in comp)
            members = [cs[i] for i in comp]
            msg = (f"{label(members[0])}: " + ", ".join(f"{m.cadence} {figure(m)}" for m in members)
                   + " cannot all hold: scaled to a common span they disagree beyond "
                   + "the allowed drift.")
            out.append(Draft(msg, tuple(members), "|".join(map(str, key)), d,
                             "same entity, segment and metric over overlapping spans"))
    return out
