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
FRAMED = regex.compile(r"(?:누적|누계)\s?\(이하\s?(?:누적|누계)\)|(?:누적|누계)\s?기준으로\s?(?:살펴\s?)?(?:보면|는)"
                    r"|(?:누적|누계)\s?실적(?:의\s?경우|은|을\s?보면|으로는)"  # "누적 실적의 경우 올 1~3분기 매출액은 …"
                    # "For the year to date, Timken profits are …": an English sentence opening on the running span
                    r"|\G\s*(?i:for|over|during|in)\s(?i:the\s)?(?i:year[\s-]to[\s-]date|(?:first\s)?nine[\s-]months?|first\s(?:six|three)\smonths)\b")
# "1~9월 누적 수익은 … 반면, 같은 기간 영업이익은 …": a second sentence dated by "the same period" alone (not "작년 같은
# 기간", a base) has made the running total the frame, and the sentences after it ("당기순이익도 …") stay in it
SAME_AGAIN = regex.compile(r"(?<!(?:작년|지난해|전년|전년도)\s?)(?:같은|동일한?)\s?기간(?!\s?(?:대비|보다|과|와|에\s?비해))")


def framed(ctx: Ctx, sent, carry: dict, period: str | None) -> bool:
    """Whether the sentence makes the running total that dates its figures the frame of the paragraph."""
    scan = ctx.lay.scan
    if FRAMED.search(scan, sent.start, sent.end) is not None:
        return True
    return (carry.get("period_grain") == "ytd" and carry.get("period") == period
            and SAME_AGAIN.search(scan, sent.start, sent.end) is not None)


def carry_span(ctx: Ctx, sent, carry: dict) -> None:
    """Set the carried period from a figureless sentence opening on a half or a running total."""
    refs = ctx.periods_in(sent.start, min(sent.end, sent.start + 24), fy_end(ctx.lex, carry.get("entity") or ctx.main, ctx))
    got = next((r for r in refs if r.grain in GRAINS and r.period and SPAN_TOPIC.match(ctx.lay.scan, r.end)), None)
    if got is None and not carry.get("period"):
        got = _results_named(ctx, sent, carry)
        if got is not None:
            carry["period"], carry["period_grain"], carry["period_metric"] = got.period, "", None
            carry["period_at"] = (sent.start, ctx.lay.scan[got.start:got.end])
        return
    if got is None:
        return
    carry["period"], carry["period_grain"] = got.period, "ytd" if got.grain == "ytd" else ""
    carry["period_metric"] = None
    carry["span_topic"] = True  # the figures that follow are the span's, amounts as well as changes
    carry["period_at"] = (sent.start, ctx.lay.scan[got.start:got.end])


# "The Estee Lauder Companies delivered a Q3 FY2025 result characterized by …", "3Q25 실적을 발표했다": the quarter whose
# results a figureless opening names is the one the figures after it report, when nothing has dated them yet
RESULTS_AFTER = regex.compile(r"\s?(?:results?|earnings|실적)\b", regex.IGNORECASE)
RESULTS_BEFORE = regex.compile(r"\b(?:results?|earnings)\s(?:for|in|over)\s(?:the\s)?$", regex.IGNORECASE)


def _results_named(ctx: Ctx, sent, carry: dict):
    refs = ctx.periods_in(sent.start, sent.end, fy_end(ctx.lex, carry.get("entity") or ctx.main, ctx))
    # (with its year: "reported third-quarter results" may open a story whose table dates each column itself)
    scan = ctx.lay.scan
    named = [r for r in refs if r.period and sum(ch.isdigit() for ch in scan[r.start:r.end]) >= 3
             and (r.grain == "quarter" and RESULTS_AFTER.match(scan, r.end)
                  # "posted strong results for the year ended August 31, 2025": the span the results are named for
                  or r.grain in ("quarter", "half", "year") and RESULTS_BEFORE.search(scan, max(0, r.start - 24), r.start))]
    return named[0] if len({r.period for r in named}) == 1 else None
