"""Whether a figure that took a quarter is the whole year's instead: "Full-year revenue rose about 12%", "For the
year, revenue rose 24% to $63.9 billion", "…, while revenue for the entire fiscal year increased by 3% to $94.4
billion". dating asks this once the figure has a quarter (or a half)."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from . import periods as PR
from .article_context import Ctx
from .layout import Sentence

# the patterns below cannot match without one of these (Ctx.in_sentence): most sentences hold none
WORDS = ("full", "연간", "the year", "whole", "entire", "fiscal year", "fiscal-year")
# a growth said of the whole year in its own clause (the cadence words of CD.ANNUAL name levels' spans)
FULL_YEAR = regex.compile(r"\b(?:[Ff]ull[\s-]year|[Ff]or\sthe\sfull\syear)\b|연간\s(?=매출|영업|순이익)")
# "\"For the full year, we delivered 8% top-line growth": a sentence opening on the whole year frames all of it
# (and "For the year, revenue rose 24% to $63.9 billion" after a quarter's bullets; not "In the year-ago quarter")
LEAD = regex.compile(r"\W{0,2}(?:for|in|over)\sthe\s(?:full\s|whole\s|entire\s)?(?:fiscal\s)?year\b(?![\s-](?:ago|earlier|before))",
                     regex.IGNORECASE)
# "revenue for the entire fiscal year", "Net sales for the fiscal year", "fiscal year net sales": the year's metric
FISCAL_YEAR_OF = regex.compile(r"\b(?:for|in|over)\sthe\s(?:entire\s|whole\s|full\s)?fiscal\syear\b(?![\s-](?:ago|earlier|before))"
                               r"|\bfiscal[\s-]year\s(?:net\s)?(?:sales|revenues?|earnings|EPS|profit|income)\b", regex.IGNORECASE)


def year_named(ctx: Ctx, sent: Sentence, m: Mention, clause: tuple[int, int], refs: list[PR.PeriodRef], level: bool) -> bool:
    """Whether the words say figure m is the year's: for a level, a sentence opening on the year (when it names no
    period of its own) or the fiscal year named after its last quarter; for a growth, also "full-year" in its clause."""
    if not ctx.in_sentence(WORDS, sent):
        return False
    scan = ctx.lay.scan
    after = max([r.end for r in refs if r.end <= m.start and r.grain in ("quarter", "half")] + [sent.start])
    if FISCAL_YEAR_OF.search(scan, after, m.start):
        return True
    if level:
        return not refs and LEAD.match(scan, sent.start, m.start) is not None
    return FULL_YEAR.search(scan, clause[0], m.start) is not None or LEAD.match(scan, sent.start, m.start) is not None
