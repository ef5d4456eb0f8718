"""An amount that sizes a market ("연 20조원 규모로 추산되는 미 해군 함정 MRO 사업", "a $40 billion market"):
what the market is worth, not the company's revenue, though the company's name and a sales word stand near."""
from __future__ import annotations

import regex

from .figure import Figure

# "20조원 규모로 추산되는 … 사업", "20조원 규모의 … 시장": the amount's own phrase closes on a market, an estimated
# business or one entered
MARKET_AFTER = regex.compile(r"\s?(?:원|달러)?\s?규모(?:로|의|인)?\s?(?:(?:추산|추정|예상|전망)되는\s(?:[^\s.,;]+\s){0,6}?(?:시장|사업)"
                             r"|(?:[^\s.,;]+\s){0,4}?시장"
                             # "연 20조원 규모의 … MRO 사업에 뛰어들어": a business a company enters is a market it sizes
                             r"|(?:[^\s.,;]+\s){0,6}?(?:시장|사업)(?:에|으로)\s?(?:뛰어들|진출|참여|진입))")
MARKET_AFTER_EN = regex.compile(r"\s(?:(?:global|annual|addressable|potential|total|U\.S\.|US|domestic)\s){0,3}market\b",
                                regex.IGNORECASE)


def market_sized(fig: Figure) -> bool:
    """Whether the money figure is the size its own phrase gives a market."""
    m, scan, sent = fig.m, fig.scan, fig.sent
    return m.kind == "money" and bool(MARKET_AFTER.match(scan, m.end, min(sent.end, m.end + 60))
                                      or MARKET_AFTER_EN.match(scan, m.end, min(sent.end, m.end + 40)))
