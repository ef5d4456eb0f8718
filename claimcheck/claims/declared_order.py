"""Figures an order note assigns: "연도별(매출·영업이익·당기순이익 순)로는 ▲2022년 2조8453억·1507억·605억원 ▲2023년 …" —
each run of figures joined by '·' or '/' takes the metrics the note names, in that order."""
from __future__ import annotations

import regex

from .. import vocab as L
from ..models import Claim
from .article_context import Ctx
from .evidence import Where, record_field

ORDER_NOTE = regex.compile(r"\((?P<names>[^()]{2,40}?)\s?순\)")
NAME_JOIN = regex.compile(r"\s?[·,/]\s?")
FIGURE_JOIN = regex.compile(r"[^\s·/,()]{0,8}\s?[·/]\s?$")  # what joins a figure to the one before it in a run


def ordered(ctx: Ctx, sent, made: list[Claim], starts: dict[int, int]) -> list[Claim]:
    """The sentence's claims, each run of joined figures after an order note typed by the note's metrics."""
    scan = ctx.lay.scan
    note = ORDER_NOTE.search(scan, sent.start, sent.end) if len(made) > 1 else None
    if note is None:
        return made
    metrics = [ctx.lex.metric_of.get(L.key(n.strip())) for n in NAME_JOIN.split(note["names"])]
    if len(metrics) < 2 or not all(metrics):
        return made
    out, k = [], 0
    for c in made:
        at = starts[id(c)]
        if at < note.end():
            out.append(c)
            continue
        k = k + 1 if FIGURE_JOIN.search(scan, max(note.end(), at - 12), at) else 0
        if k >= len(metrics) or c.unit == "%":
            out.append(c)
            continue
        ev = record_field(ctx.lay, c.evidence, "metric", Where("clause", note.start(), note.end()))
        out.append(c.model_copy(update={"metric": metrics[k], "evidence": ev}))
    return out
