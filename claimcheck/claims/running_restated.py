"""A quarter's figure that its own article prints again, to the last digit, as the running total to that quarter.

"한국가스공사 3분기 영업이익이 … 1조 6276억원" in the lead, "3분기(누적) … 영업이익은 1조 6276억원" two lines on: an
outlet that calls the nine months' profit the quarter's once and the running total once. A third quarter's figure
and the first nine months' are never one exact figure (the other quarters are not nothing), so the quarter is the
slip and the figure is the running total, with what its sentence says of it (how much it fell, from what base).
Unless the article states the quarter's own figure too: then calling the running total the quarter's is a mislabel
an editor must see, and the figure keeps the quarter it was given.
"""
from __future__ import annotations

from .. import vocab as L
from ..models import Claim
from .article_context import Ctx
from .evidence import Where, record_field


def _key(c: Claim) -> tuple:
    return (c.entity, c.segment, c.metric, c.unit, c.change, c.value)


def _exact(c: Claim) -> bool:
    """A figure printed to enough digits that two equal ones are one figure: three significant, or a rate's decimal."""
    if c.low is not None or c.bound != "eq" or not c.value:
        return False
    if c.unit in ("%", "pp"):
        return c.half_width <= 0.05
    return c.half_width * 2 <= abs(c.value) / 100


def _quarter_year(c: Claim) -> str | None:
    """'2025' for a figure of 2025Q2, Q3 or Q4 (a first quarter is its own running total)."""
    p = c.period or ""
    year, _, q = p.rpartition("Q")
    return year if year and q in ("2", "3", "4") and c.cadence == "quarterly" else None


def as_running(ctx: Ctx, claims: list[Claim]) -> list[Claim]:
    """Claims re-dated to the running total their article prints them as, with their sentences' changes of them."""
    running = {(_key(c), c.period): c for c in claims if c.cadence == "ytd" and c.period and _exact(c)}
    if not running:
        return claims
    moved: dict[tuple[int, str | None, str, str | None], Claim] = {}  # (sentence, entity, metric, quarter) -> total
    stated = _quarters_stated(claims)
    for c in claims:
        year = _quarter_year(c)
        if year and _exact(c) and (total := running.get((_key(c), year))) is not None and total.line != c.line \
                and (_key(c)[:5], c.period) not in stated:
            moved[(c.sentence, c.entity, _level(c.metric), c.period)] = total
    if not moved:
        return claims
    return [_moved(ctx, c, total) if (total := moved.get((c.sentence, c.entity, _level(c.metric), c.period))) else c
            for c in claims]


def _quarters_stated(claims: list[Claim]) -> set[tuple]:
    """(key without value, quarter) of every quarter whose figure the article states apart from its running total: an
    article that gives the third quarter's revenue and then calls the nine months' revenue the third quarter's has
    mislabelled a figure, which is the editor's to see, not a shorthand to read through."""
    totals = {(_key(c), c.period) for c in claims if c.cadence == "ytd"}
    return {(_key(c)[:5], c.period) for c in claims if _quarter_year(c) and _exact(c)
            and not any(k[:5] == _key(c)[:5] and k[5] == c.value and p == _quarter_year(c) for k, p in totals)}


def _level(metric: str) -> str:
    return L.taxonomy().growth_of(metric) or metric


def _moved(ctx: Ctx, c: Claim, total: Claim) -> Claim:
    where = Where("carried", *_span_of(ctx, total), text=f"{total.text} as a running total")
    return c.model_copy(update={"period": total.period, "cadence": "ytd",
                                "evidence": record_field(ctx.lay, c.evidence, "period", where)})


def _span_of(ctx: Ctx, c: Claim) -> tuple[int, int]:
    at = ctx.lay.line_starts[c.line - 1] + c.column - 1
    return at, at + len(c.text)
