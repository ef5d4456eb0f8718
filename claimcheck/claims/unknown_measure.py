"""A figure whose own subject is a measure the vocabulary lacks: '상품자산은 23조2000억원', '대손상각비는 1541억원',
'- Occupancy: Occupancy ended at 95.1%'. The line-finding reads the noun as a business line and the figure takes the
metric of some other word (the sentence's 영업수익 after it, the 영업이익 of the sentence before), so it would be
compared with revenue or profit it has nothing to do with. A noun that ends the way names of measures end (자산,
비용, 가치, 비율 …) is no business line; what it measures is not tracked, and the figure is no claim."""
from __future__ import annotations

import regex

from .. import vocab as L
from .figure import Figure

# the endings of Korean measure names (assets, costs, write-offs, values, ratios, balances, volumes handled)
KO_MEASURE_END = regex.compile(r"(?:자산|부채|비용|상각비|가치|비율|충당금|잔액|적립금|준비금)$")
EN_MEASURE = frozenset({"occupancy", "expenses", "expense", "costs", "assets", "liabilities", "noi", "reserves"})


def measure_subject(fig: Figure, seg: str | None) -> str | None:
    """'measure' when seg, read off the figure's sentence before it with no metric named in between, names a
    measure rather than a business line; 'passed' when such a measure's name was handed on to a figure another
    metric word names ('상품자산은 … 늘었고, 영업수익은 2조7464억원'); else None."""
    if not seg or L.topic(fig.ctx.lex, seg):
        return None
    if not (KO_MEASURE_END.search(seg) or seg.split("_")[-1] in EN_MEASURE):
        return None
    scan, m, sent = fig.scan, fig.m, fig.sent
    named = _last_named(scan[sent.start:m.start], seg)
    if named is None:
        return None
    at = sent.start + named
    return "passed" if any(at < c.start < m.start for c in fig.cues if c.metric) else "measure"


def _last_named(text: str, seg: str) -> int | None:
    """Where the words of seg last stand in text, spaces and case aside (an offset into text)."""
    flat, where = [], []
    for i, ch in enumerate(text):
        if not ch.isspace():
            flat.append(ch.lower())
            where.append(i)
    k = "".join(flat).rfind(seg.replace("_", ""))
    return where[k] if k >= 0 else None
