"""same-figure: claims with one key (entity, segment, metric, period, cadence, basis, unit) whose values cannot both hold.

Each printed figure stands for an interval: k decimals mean ±0.5×10^-k, a hedge (약, about)
widens it by `hedge`, a bound (이상, 미만) is a half-line, a range is its interval. Two
figures conflict when their intervals do not overlap. Both reported for the same explicit
period: full severity; two forecasts: one step down; a forecast against a reported figure:
two steps down. An undated reported figure against another reported one: one step down,
except for the metrics in `undated_full` (a share of a whole is a standing fact). Figures in
one sentence ("32%에서 38%로") are a from-to change, never a conflict. All conflicting
figures for a key form one finding that lists each distinct value with its sources.

Passing: "AWS 2024년 영업이익률 34.3%" and "AWS의 2024년 영업이익률은 약 34%".
Failing: "AWS 2024년 영업이익률 34.3%" and, in another article, a 2024 column of 32%.
"""
from __future__ import annotations

from ..models import Claim
from .common import Draft, Options, components, figure, group, label, overlap, same_sentence, year_of


class SameFigureOptions(Options):
    skip_metrics: list[str] = ["price_target", "upside", "count", "market_size"]
    undated_full: list[str] = ["revenue_share", "operating_income_share", "market_share"]
    volatile: list[str] = ["stock_price", "price_change"]  # move daily: compared only when both dated
    defer_scale_slips: bool = True


def _key(c: Claim, skip: set[str]) -> tuple | None:
    if c.entity is None or c.metric in skip:
        return None
    return (c.entity, c.segment, c.metric, c.unit, c.basis, c.change)


def _demote(a: Claim, b: Claim, o: SameFigureOptions) -> int | None:
    """Steps below full severity when a and b are comparable at all, else None."""
    if same_sentence(a, b) or (a.cadence and b.cadence and a.cadence != b.cadence):
        return None
    if (a.change or b.change or a.metric in o.volatile) and not (a.period and b.period):
        return None  # a change with no date says nothing about which span it covers
    if a.period and b.period:
        if a.period != b.period:
            return None
        return {0: 0, 1: 2, 2: 1}[a.estimate + b.estimate]
    if a.estimate or b.estimate:
        return None
    dated = a if a.period else b if b.period else None
    if dated is not None:
        undated = b if dated is a else a
        y, cy = year_of(dated.period), undated.context_year
        if y and cy and abs(y - cy) > 1:
            return None
        return 1
    return 0 if a.metric in o.undated_full else 1


def _slip(a: Claim, b: Claim) -> bool:
    x, y = abs(a.value), abs(b.value)
    if not x or not y:
        return False
    r = max(x, y) / min(x, y)
    return any(abs(r / k - 1) < 0.02 for k in (10, 100, 1000))


def check(claims: list[Claim], o: SameFigureOptions) -> list[Draft]:
    out = []
    for key, cs in group(claims, lambda c: _key(c, set(o.skip_metrics))).items():
        figs: dict[tuple, list[Claim]] = {}
        for c in cs:
            figs.setdefault((c.period, c.cadence, c.estimate, c.interval(o.hedge), c.context_year), []).append(c)
        nodes = list(figs.values())
        if len(nodes) < 2:
            continue
        edges, demotes = [], {}
        for i in range(len(nodes)):
            for j in range(i + 1, len(nodes)):
                a, b = nodes[i][0], nodes[j][0]
                if overlap(a.interval(o.hedge), b.interval(o.hedge)) or (o.defer_scale_slips and _slip(a, b)):
                    continue
                pairs = [(x, y) for x in nodes[i] for y in nodes[j]]
                ds = [d for x, y in pairs[:50] if (d := _demote(x, y, o)) is not None]
                if ds:
                    edges.append((i, j))
                    demotes[(i, j)] = min(ds)
        for comp in components(len(nodes), edges):
            demote = min(d for (i, j), d in demotes.items() if i in comp)
            members = [c for k in comp for c in nodes[k]]
            out.append(_draft(key, comp, nodes, members, demote))
    return out


def _draft(key: tuple, comp: list[int], nodes: list[list[Claim]], members: list[Claim], demote: int) -> Draft:
    first = members[0]
    periods = sorted({c.period for c in members if c.period})
    when = f" for {', '.join(periods)}" if periods else ""
    shown = "; ".join(
        " / ".join(dict.fromkeys(figure(c) for c in nodes[k][:3])) + (f" (+{len(nodes[k]) - 3} more)" if len(nodes[k]) > 3 else "")
        for k in comp)
    values = [c.value for c in members]
    unit = "points" if first.unit in ("%", "pp") else first.unit
    spread = max(values) - min(values)
    diff = f"{spread:.3g} {unit}" if unit == "points" else f"{spread / max(abs(v) for v in values) * 100:.0f}%"
    why = "same entity, segment, metric, unit and basis" + (", same period" if len(periods) == 1 else
                                                            "; an undated figure is read as current")
    msg = f"{label(first)}{when} is given as {shown}; they differ by {diff}."
    k = "|".join(str(x) for x in key) + "|" + ",".join(periods)
    return Draft(msg, tuple(members), k, demote, why)
