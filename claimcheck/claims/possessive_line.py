"""A business line English names between the company's possessive and the metric: "BMW's automotive EBIT margin",
"BMW's third-quarter financial services profit before tax". The words between are the line, unless they only say how
the metric is measured or which span it covers."""
from __future__ import annotations

import regex

from .. import vocab as L
from .business_lines import segment_id
from .figure import Figure

# the possessive, an optional span word, then one to three lower-case words right before a metric word
POSSESSIVE = regex.compile(r"['’]s\s(?:(?:first|second|third|fourth)[\s-]quarter\s|Q[1-4]\s|full[\s-]year\s|quarterly\s)?"
                           r"(?P<w>[a-z][a-z&-]+(?:\s[a-z][a-z&-]+){0,2})\s$")
# words that qualify how a metric is measured, or name the whole, never a line
MEASURE_WORDS = frozenset({
    "adjusted", "organic", "underlying", "reported", "core", "comparable", "like-for-like", "net", "gross", "operating",
    "total", "group", "overall", "consolidated", "quarterly", "annual", "recurring", "diluted", "basic", "statutory",
    "pre-tax", "pretax", "average", "record", "own", "latest", "first-half", "second-half", "nine-month", "full-year",
    "third-quarter", "second-quarter", "first-quarter", "fourth-quarter", "interim", "final", "cash", "free", "shares",
    "share", "stock", "market", "earnings", "revenue", "sales", "profit", "income", "margin", "ebit", "ebitda", "ebita",
    # (and a line named with its noun, or a clause's verb: "Qualcomm's handsets business saw revenue grow" is read by the
    # subject rules)
    "business", "segment", "division", "unit", "arm", "saw", "had", "has", "posted", "booked", "recorded",
    "grew", "said", "also", "again", "expected", "estimated", "forecast"})


def possessive_line(fig: Figure) -> str | None:
    """The line named between the company's possessive and the figure's metric word, if any."""
    scan, m, lo = fig.scan, fig.m, fig.clause[0]
    for cue in (c for c in fig.cues if lo <= c.start < m.start and c.metric and not c.metric.startswith("_")):
        got = POSSESSIVE.search(scan, max(lo, cue.start - 48), cue.start)
        if got is not None and not any(w in MEASURE_WORDS for w in got["w"].split()):
            return L.topic(fig.ctx.lex, got["w"]) or segment_id(got["w"])
    return None
