"""A sentence that opens by pointing back at the figure before it ("… 사업 매출을 3365억원으로 공시했다. 이는 전년 동기
대비 8.2% 감소한 수치다", "Comirnaty brought in $381 million. That was up 96%"): its figures are of the line that
figure was of, whether the line was the sentence's subject or only its object."""
from __future__ import annotations

import regex

from ..models import Claim
from ..vocab import taxonomy
from .article_context import Ctx
from .layout import Sentence
from .subject_carry import with_segment

POINTS_BACK = regex.compile(r"\s*(?:이는|이것은|그것은|This\s(?:was|is|represents|represented|marks|marked)|That\s(?:was|is|represents|represented|marks|marked))\s")


def pointed_back(ctx: Ctx, sent: Sentence, made: list[Claim], carry: dict) -> list[Claim]:
    """The figures of a sentence opening on 'this'/'이는' given the line of the figure stated last before it."""
    held = (carry.get("stated") or (None, None))[1]
    if not held or not made or POINTS_BACK.match(ctx.lay.scan, sent.start, min(sent.end, sent.start + 24)) is None:
        return made
    ent, seg, line = held
    level = carry["stated"][0]
    return [with_segment(c, seg, "carried", line)
            if c.segment is None and c.entity == ent and (taxonomy().growth_of(c.metric) or c.metric) == level else c
            for c in made]
