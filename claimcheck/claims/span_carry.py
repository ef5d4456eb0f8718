"""A span a sentence without figures names for what follows: '상반기 누적 실적도 잭팟을 쳤다. 매출액 30조6883억원,
영업이익 1조6467억원을 달성해 …' gives the next sentence's figures the half year, not the quarter of the story."""
from __future__ import annotations

import regex

from .article_context import Ctx
from .article_periods import fy_end

# the span must be the sentence's topic: a results word right after it ('상반기 누적 실적도', 'For the first half,')
# (and "올해 3분기 누적 매출액과 영업이익은 …": the metrics the span is about, joined)
SPAN_TOPIC = regex.compile(r"\s?(?:누적\s?)?(?:실적|성적|매출액?|영업이익)?(?:은|는|도|을|를|에는|에도|과|와)?\s|,\s", regex.IGNORECASE)
GRAINS = ("half", "ytd")
# "1~3분기 누적(이하 누적) 매출은", "1~3분기 누적 기준으로 살펴보면": a running total declared the frame of what follows,
# not one figure's span
FRAMED = regex.compile(r"(?:누적|누계)\s?\(이하\s?(?:누적|누계)\)|(?:누적|누계)\s?기준으로\s?(?:살펴\s?)?(?:보면|는)")


def carry_span(ctx: Ctx, sent, carry: dict) -> None:
    """Set the carried period from a figureless sentence opening on a half or a running total."""
    refs = ctx.periods_in(sent.start, min(sent.end, sent.start + 24), fy_end(ctx.lex, carry.get("entity") or ctx.main, ctx))
    got = next((r for r in refs if r.grain in GRAINS and r.period and SPAN_TOPIC.match(ctx.lay.scan, r.end)), None)
    if got is None:
        return
    carry["period"], carry["period_grain"] = got.period, "ytd" if got.grain == "ytd" else ""
    carry["period_metric"] = None
    carry["span_topic"] = True  # the figures that follow are the span's, amounts as well as changes
    carry["period_at"] = (sent.start, ctx.lay.scan[got.start:got.end])
