"""A table flattened one cell to a line ("Gross Margin", "37.9%", "35.9%", "up 2.0 ppt"): its bare cells count
as stated in their row label's sentence, so two of its columns never read as two printings of one figure."""
from __future__ import annotations

import regex

from .article_context import Ctx
from .figure import Figure

# "37.9%", "$4,095", "up 2.0 ppt", "- 12억원" alone on a line: a cell whose column header is lost
BARE_CELL = regex.compile(r"\s*(?:[-*•]\s*)?(?:(?:up|down|flat)\s)?[(+\-−]?[$€£¥₩]?\s?\d[\d,.]*\s?(?:%|ppts?|pp|bps?|[BMK]\b|bn|billion"
                          r"|million|[조억만]\s?원?|원)?\)?\s*", regex.IGNORECASE)


def row_sentence(ctx: Ctx, fig: Figure) -> int:
    """The index of the sentence a figure counts as stated in: its own, but a bare cell's is its heading line's."""
    lay = ctx.lay
    li = fig.whole.line
    head = lay.headings.get(li)
    if head is None or head < 0 or head == li or not BARE_CELL.fullmatch(lay.line_text(li)):
        return fig.si
    firsts = ctx.memo.get("first_sentence_of_line")
    if firsts is None:  # built once per article: each line's first sentence
        firsts = ctx.memo["first_sentence_of_line"] = {}
        for x in lay.sentences:
            firsts.setdefault(x.line, x.index)
    return firsts.get(head, fig.si)
