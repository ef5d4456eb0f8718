"""A field carried from the sentence before that the section's heading also names is the heading's.

A blog's section "## ■ 진에어 — 3분기 실적" names its company and quarter once; its second sentence ("순손실은
121억원이라 적자로 돌아섰어요") takes both from the first, and the heading governs it all the same (a section's
heading, not the article's title). Severity follows evidence (a finding resting on carried fields is at most a
warning), so the evidence should say what governs the figure, not only the nearest words that passed the value on."""
from __future__ import annotations

import regex

from ..models import Claim
from .article_context import Ctx
from .article_periods import fy_end
from .evidence import on_line, record_field


# "자료: 현대모비스 (연결 기준)", "Source: company filings": a table's source line heads no section
SOURCE_LINE = regex.compile(r"\s*(?:자료|출처|source|sources)\s?:", regex.IGNORECASE)


def heading_backed(ctx: Ctx, claims: list[Claim]) -> list[Claim]:
    """The claims with each carried entity or period that their governing heading names recorded as the heading's."""
    lay = ctx.lay
    title = lay.title_line()
    out = []
    for c in claims:
        carried = {e[0] for e in c.evidence if e[1] == "carried" and e[0] in ("entity", "period")}
        h = lay.headings.get(c.line - 1, -1) if carried else -1
        # a section's own heading, not the article's title: a title names what the whole article is about, and
        # a figure far below it that took its fields from the sentence before is not governed by it alone
        if h is not None and title < h != c.line - 1 and not SOURCE_LINE.match(lay.line_text(h)):
            start = lay.line_starts[h]
            end = lay.line_starts[h + 1] if h + 1 < len(lay.line_starts) else len(lay.scan)
            if "entity" in carried and c.entity and any(e[2] == c.entity for e in ctx.entities_in(start, end)):
                c = c.model_copy(update={"evidence": record_field(lay, c.evidence, "entity", on_line(lay, h, "heading"))})
            if "period" in carried and c.period and any(r.period == c.period
                                                        for r in ctx.periods_in(start, end, fy_end(ctx.lex, c.entity, ctx))):
                c = c.model_copy(update={"evidence": record_field(lay, c.evidence, "period", on_line(lay, h, "heading"))})
        out.append(c)
    return out

