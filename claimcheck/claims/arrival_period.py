"""The period named after the level a sentence's changes arrive at dates those changes too: "sales increased by 29%
in Danish kroner and by 33% at constant exchange rates to USD 24.2 billion in the first nine months of 2023"."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

import regex

from ..numbers.parse import Mention
from . import periods as PR

# (not "compared to $17.6 billion in Q3 2024": a base's own period)
ARRIVAL_BEFORE = regex.compile(r"(?<!\b(?:compared|relative|close|equal|similar)\s)\bto\s(?:a\s)?(?:record\s)?$", regex.IGNORECASE)
# a currency prefix in any of its written forms: "C$11.3 billion", "HK$", "EUR 2.1bn", "£"
AMOUNT_AT = regex.compile(r"(?:[A-Z]{1,3}\$|[A-Z]{3}\s|[$€£¥₩])?\s?\d[\d,.]*(?:\s?(?:billion|million|trillion|bn|mn|[BM])\b)?", regex.IGNORECASE)


def dates_arrival(r: PR.PeriodRef, m: Mention, scan: str, others: list[int],
                  own_period: Callable[[str, int, int], object]) -> bool:
    """Whether period r, after figure m, is the own period of the level that m's change arrives at: the figure
    right before r follows 'to' and r follows it as a figure's own period does (`own_period`). Only a change
    (a percent or points) is dated so: a level before the arrival is its base."""
    i = bisect_left(others, r.start) - 1
    if m.kind not in ("percent", "pp") or i < 0 or others[i] <= m.start:
        return False
    o = others[i]
    amount = AMOUNT_AT.match(scan, o, r.start)
    return amount is not None and ARRIVAL_BEFORE.search(scan, max(0, o - 16), o) is not None \
        and own_period(scan, amount.end(), r.start) is not None
