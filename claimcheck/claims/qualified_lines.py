"""A business line named by its initials right before a basis word: "MPT adjusted operating margin expanded 50 bps".
The figure is the line's on that basis, not the whole company's adjusted figure: both are kept in its segment id
("mpt_adjusted"), as a region's organic growth is ("europe_organic")."""
from __future__ import annotations

import regex

from .. import vocab as L
from .business_lines import NOT_LINE, segment_id
from .figure import Figure

# (a line's initials only: a capitalised word there is as often a verb opening a bullet, "Raising adjusted EPS …")
LINE_BEFORE = regex.compile(r"(?<![\p{L}\p{N}&'’-])(?P<line>[A-Z][A-Z&]{1,5})\s$")
# capitals that name a span, a basis or the whole, never a line ("Q3 adjusted EPS", "FY adj. EPS", "TOTAL adjusted")
# (six capitals at most: LINE_BEFORE reads no longer initials)
NOT_LINE_WORDS = {"q1", "q2", "q3", "q4", "fy", "ytd", "ttm", "yoy", "qoq", "gaap", "us", "usd", "full", "fiscal", "annual",
                  "total", "group", "record", "strong", "higher", "lower", "solid"}


def line_on_basis(fig: Figure, seg: str | None) -> str | None:
    """The segment with the line named right before its basis word, when one is."""
    if seg != "adjusted" or not fig.excl or fig.cell:
        return seg
    at = fig.excl[1]
    got = LINE_BEFORE.search(fig.scan, max(fig.sent.start, at - 40), at)
    if got is None:
        return seg
    line = got["line"]
    lex = fig.ctx.lex
    if line.lower() in NOT_LINE | NOT_LINE_WORDS or line in lex.alias_to or L.key(line) in lex.alias_key \
            or L.key(line) in lex.metric_of:
        return seg
    return f"{lex.topic_of.get(L.key(line)) or segment_id(line)}_adjusted"
