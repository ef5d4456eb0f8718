"""Scraped Korean news keeps one paragraph per line with no blank line between, so a sentence carries its company
into the next line. A unit or an unknown firm named last in one line ("… 일본현지법인 SBJ은행은 16.0% 증가한
1069억원") is not the company of a line that opens on a period's metric ("3분기 판매관리비는 1조4892억원"): that
line is the story's again."""
from __future__ import annotations

from typing import Any

import regex

from .. import vocab as L
from .article_context import Ctx
from .layout import Sentence

LINE_CLOSED = regex.compile(r"\p{Hangul}(?:다|요)\.[”\"’']?\s*$")
PERIOD_METRIC_OPEN = regex.compile(r"\s*(?:(?:19|20)\d\d년\s?)?(?:[1-4]\s?분기|상반기|하반기|누적|누계)\s?(?:[\p{Hangul}()A-Za-z]{1,10}\s?){1,2}?(?:은|는)\s")


def unit_left_behind(ctx: Ctx, sent: Sentence, carry: dict[str, Any]) -> bool:
    """Whether the carried company is a unit or unknown firm the new line, opening on a period's metric, leaves."""
    lay, lex, ent = ctx.lay, ctx.lex, carry.get("entity")
    if not ent or not ctx.main or ent == ctx.main or sent.line == 0 or sent.start != lay.line_starts[sent.line]:
        return False
    if ent in lex.entities and L.parent(lex, ent) != ctx.main:
        return False
    return LINE_CLOSED.search(lay.line_text(sent.line - 1)) is not None \
        and PERIOD_METRIC_OPEN.match(lay.scan, sent.start, min(sent.end, sent.start + 40)) is not None
