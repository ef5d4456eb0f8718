"""A business line's bare "profit" is its operating profit: "Fortum's third-quarter Generation profit growth of 4.5
percent". A segment reports an operating result, never a net one; read as net income, the figure leaves the key of
the line's operating profit that the same story gives, and a restated figure is never compared."""
from __future__ import annotations

import regex

NET_TO_OPERATING = {"net_income": "operating_income", "net_income_growth": "operating_income_growth"}
# the bare word, not "net profit", "pre-tax profit", "gross profit", "profit before tax" or "profit attributable"
BARE_PROFIT = regex.compile(r"(?<!\b(?:net|pre-?tax|gross|after-tax|attributable)\s)\bprofits?\b"
                            r"(?!\s(?:before|after|attributable|for\sthe\speriod|margin))", regex.IGNORECASE)


def line_profit(scan: str, clause_start: int, start: int, metric: str, seg: str | None) -> str:
    """metric, or the operating one for a line's figure at scan[start] that only the bare word named in its clause."""
    if not seg or metric not in NET_TO_OPERATING or not scan[start - 1:start].isascii():
        return metric
    lo = max(clause_start, start - 60)
    if BARE_PROFIT.search(scan, lo, start) is None or regex.search(r"\bnet\b", scan[lo:start], regex.IGNORECASE):
        return metric
    return NET_TO_OPERATING[metric]
