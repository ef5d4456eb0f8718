"""Amounts a sentence splits by the lines they come from: "EBITDA split into €1,197 million from distribution and
€1,793 million from generation and supply". English names each part's line after its figure, with "from"; two or more
such parts in one sentence are the lines of the whole the sentence began with."""
from __future__ import annotations

import regex

from ..models import Claim
from .article_context import Ctx
from .business_lines import segment_id
from .evidence import Where, record_field

# the line after the figure, up to the next figure, a clause break or the sentence's end
FROM_LINE = regex.compile(r"\s(?:from|in)\s(?:the\s|its\s)?(?P<name>[A-Za-z][\w&-]*(?:\s(?:and\s|&\s)?[A-Za-z][\w&-]*){0,3}?)"
                          r"(?=\s?[,.;)]|\s(?:and|while|but)\s(?:[$€£¥₩]|[A-Z]{3}\s?\d|\d|the\s|its\s)|\s*$)")
# words that make the phrase a span, a base or a source of cash, never a line
NOT_LINE = regex.compile(r"(?i)\b(?:year|quarter|period|months?|earlier|ago|last|prior|previous|operations|customers|sales"
                         r"|revenues?|investors?|analysts?|estimates?|consensus|forecasts?|guidance|total|all|shares?"
                         # (nor a span's label: "£1.67bn in H124", "in Q3", "in FY25", "in 2024", "in March")
                         r"|[hq][1-4]\d{0,4}|[1-4][hq]\d{0,4}|fy\d{0,4}|\d{2,4}|january|february|march|april|may|june|july|august"
                         r"|september|october|november|december)\b")


def split(ctx: Ctx, sent, made: list[Claim], starts: dict[int, int]) -> list[Claim]:
    """The sentence's claims, each amount followed by the line it comes from given that line, when two or more are."""
    scan = ctx.lay.scan
    if len(made) < 2 or " from " not in scan[sent.start:sent.end]:
        return made
    named: dict[int, regex.Match] = {}
    for i, c in enumerate(made):
        if c.unit in ("%", "pp", "count") or c.segment:
            continue
        end = starts[id(c)] + len(c.text)
        got = FROM_LINE.match(scan, end, min(sent.end, end + 60))
        if got is not None and not NOT_LINE.search(got["name"]):
            named[i] = got
    if len(named) < 2:
        return made
    out = list(made)
    for i, got in named.items():
        seg = segment_id(got["name"])
        ev = record_field(ctx.lay, out[i].evidence, "segment", Where("clause", got.start("name"), got.end("name")))
        out[i] = out[i].model_copy(update={"segment": seg, "evidence": ev})
    return out
