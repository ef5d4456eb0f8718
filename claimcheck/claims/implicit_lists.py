"""Which metric names a list pairs its figures with, and the Korean lists that pair without '각각': changes right
after a comparison ("보다 117%, 715% 늘어") after a sentence that stated as many levels, and metric names joined by 과
with their figures straight after them ("매출액과 영업이익이 2865억원, 186억원을")."""
from __future__ import annotations

import regex

from ..models import Claim
from ..vocab import taxonomy
from .article_context import Ctx

LEVELS = {"revenue", "operating_income", "net_income", "capex", "operating_cash_flow", "free_cash_flow", "eps",
          "operating_margin", "net_margin", "gross_margin"}


LOSS = "-"  # marks a loss among the names a list pairs with


def level(metric: str) -> str | None:
    # "영업비용(…)과 구입 전력비(…)는 각각 8.0%, 9.1% 감소했다": any amount named in the list, a cost as much as a result
    if metric in LEVELS:
        return metric
    lost = taxonomy().loss_of(metric)
    if lost in LEVELS:
        return LOSS + lost
    # and "총자산수익률(ROA)과 자기자본순이익률(ROE)은 각각 0.77%, 11.86%": a bank's ratios as much as a flow
    t = taxonomy()
    return metric if (t.is_flow(metric) or metric in t.by_family["ratio"]) and not metric.startswith("_") \
        and not t.is_growth(metric) else None


# "지난해 같은 기간보다 117%, 715% 늘어": percents joined by commas right after the comparison, no metric named before them
BARE_LIST = regex.compile(r"(?:보다|대비|비해|比)\s?(?=[\d.]+%(?:\s?,\s?[\d.]+%)+)")


def implicit(ctx: Ctx, sent, made: list[Claim], starts: dict[int, int]) -> regex.Match[str] | None:
    """A list of changes that names no metric before it, in a sentence after one that stated as many levels: it
    pairs with them as a '각각' list would (the returned match stands where '각각' would)."""
    first = min(starts[id(c)] for c in made)
    got = BARE_LIST.search(ctx.lay.scan, max(sent.start, first - 8), min(sent.end, first + 40))
    if got is None or got.end() != first or any(c.metric in LEVELS for c in ctx.cues_in(sent.start, first)):
        return _joined_names(ctx, sent, first)
    return got


# "잠정 매출액과 영업이익이 2865억원, 186억원을 기록했다": names joined, then as many figures straight after them
JOINER = regex.compile(r"\s?(?:과|와|및|·|,|/)\s?")  # and "매출액/영업이익은 6%/8%"
NAMES_PARTICLE = regex.compile(r"(?:이|가|은|는|을|를|도)?\s?")


def _joined_names(ctx: Ctx, sent, first: int) -> regex.Match[str] | None:
    """Where a Korean list of metric names joined by 과/와/및 ends, when its figures follow at once: it pairs them
    in order as a '각각' list would (the returned match stands where '각각' would)."""
    scan = ctx.lay.scan
    cues = [c for c in ctx.cues_in(sent.start, first) if level(c.metric)]
    if len(cues) < 2 or (got := NAMES_PARTICLE.match(scan, cues[-1].end, first)) is None or got.end() != first:
        return None
    prev = cues[-2]
    if JOINER.fullmatch(scan, prev.end, cues[-1].start) is None or level(prev.metric) == level(cues[-1].metric):
        return None
    return got
