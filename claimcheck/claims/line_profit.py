"""A business line's bare "profit" is its operating profit: "Fortum's third-quarter Generation profit growth of 4.5
percent". A segment reports an operating result, never a net one; read as net income, the figure leaves the key of
the line's operating profit that the same story gives, and a restated figure is never compared."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:  # the figure module reaches this one through sources.py, so only its type is named
    from .figure import Figure

NET_TO_OPERATING = {"net_income": "operating_income", "net_income_growth": "operating_income_growth"}
# the bare word, not "net profit", "pre-tax profit", "gross profit", "profit before tax" or "profit attributable"
BARE_PROFIT = regex.compile(r"(?<!\b(?:net|pre-?tax|gross|after-tax|attributable)\s)\bprofits?\b"
                            r"(?!\s(?:before|after|attributable|for\sthe\speriod|margin))", regex.IGNORECASE)


def line_profit(fig: Figure, metric: str, seg: str | None) -> str:
    """metric, or the operating one for a line's figure that only the bare word named."""
    if not seg or metric not in NET_TO_OPERATING or not fig.scan[fig.m.start - 1:fig.m.start].isascii():
        return metric
    words = BARE_PROFIT.search(fig.scan, max(fig.clause[0], fig.m.start - 60), fig.m.start)
    if words is None or regex.search(r"\bnet\b", fig.scan[max(fig.clause[0], fig.m.start - 60):fig.m.start], regex.IGNORECASE):
        return metric
    return NET_TO_OPERATING[metric]
