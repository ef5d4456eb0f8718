"""A change written only with the level it arrived at, its verb shared with a figure before it: "operating profit
increased by 12.6% to 564.2 billion yen and net profit by 16.4% to 433 billion yen", "sales to increase 10.3% to 3.75
trillion yen, operating profit 8.1% to 610 billion yen". The percent is the change of the amount named before it."""
from __future__ import annotations

import regex

from .figure import Figure
from .metric_cue import Cue, Typed
from .metric_patterns import DOWN_VERB, T

# "to 433 billion yen", "to $3.2 billion", "to ¥610B": an amount, marked by its currency or its scale
TO_AMOUNT = regex.compile(r"\sto\s(?:about\s|around\s)?(?:(?:US|C|A|HK)?[$€£¥₩]\s?\d[\d.,]*|\d[\d.,]*\s?(?:trillion|billion|million|bn|mn|tn)\b)",
                          regex.IGNORECASE)


def arrived_growth(fig: Figure, cues: list[Cue]) -> Typed | None:
    """The change of the amount named last before a percent that goes on "to" a level, when nothing else typed it."""
    m, scan = fig.m, fig.scan
    if m.kind != "percent" or not TO_AMOUNT.match(scan, m.end, min(fig.sent.end, m.end + 40)):
        return None
    named = [c for c in cues if fig.sent.start <= c.start and c.end <= m.start and c.metric in T.amounts]
    if not named or not (grown := T.growth(named[-1].metric)):
        return None
    return Typed(grown, negative=DOWN_VERB.search(scan, named[-1].end, m.start) is not None)
