"""Running totals ('1~3분기 누적') and their bases: a base stated after a running total is last year's running total,
unless it is named as a whole year."""
from __future__ import annotations

import regex

from .. import calendar as CAL
from .. import vocab as L
from ..models import Claim
from .article_context import Ctx


def ytd_bases(ctx: Ctx, made: list[Claim]) -> list[Claim]:
    """'3분기 누적 순이익은 5조1,217억원으로 전년 동기(4조3,941억원)보다 16.6% 증가': a base stated after a running
    total is last year's running total, not last year's quarter."""
    out, running = [], None
    for c in made:
        if c.cadence == "ytd" and not c.change and (c.line, c.column) not in ctx.bases:
            running = c
        elif running and c.metric == running.metric and c.unit == running.unit and (c.line, c.column) in ctx.bases \
                and c.cadence != "ytd" and (c.period or (running.period or "").isdigit()) and not whole_year(ctx, c):
            year = c.period.split("Q")[0] if c.period else str(int(running.period or 0) - 1)
            c = c.model_copy(update={"cadence": "ytd", "period": year})
        elif running and c.cadence == "ytd" and c.period == running.period and (c.line, c.column) in ctx.bases \
                and c.metric == running.metric and c.unit == running.unit and not c.estimate and not whole_year(ctx, c) \
                and not L.taxonomy().is_growth(c.metric) and (prev := CAL.shift_quarter(c.period or "", -4)):
            # "$5.20bn for the six months ended 30 June 2024, a 68% rise compared to $3.10bn": the base the span
            # reached is the same span a year before (not a growth rate in brackets: "grew by 46% in Danish kroner
            # (49% at CER)" is the same span's, at other rates)
            c = c.model_copy(update={"period": prev})
        out.append(c)
    return out


# "지난해 연간 매출액(1조1929억원)을 넘은 셈": a base named as a whole year is that year's, whatever total came before
WHOLE_YEAR = regex.compile(r"(?:연간|한\s?해|1년\s?치|full[\s-]year|whole\syear|annual)[^.\d]{0,12}$", regex.IGNORECASE)


def whole_year(ctx: Ctx, c: Claim) -> bool:
    at = ctx.lay.line_starts[c.line - 1] + c.column - 1
    return WHOLE_YEAR.search(ctx.lay.scan, max(0, at - 24), at) is not None
