"""Adjusted EPS as a metric of its own, renamed once an article is typed."""
from __future__ import annotations

from ..models import Claim

ADJUSTABLE = {"eps": "adjusted_eps", "eps_growth": "adjusted_eps_growth"}


def adjusted(claims: list[Claim]) -> list[Claim]:
    """Adjusted EPS is a metric of its own, not EPS of a line called 'adjusted'. Renamed once all is typed, so the
    qualifier still carries to the next sentence ('조정 EPS는 2.28달러 … 시장 예상치(2.57달러)') as a segment does."""
    return [c.model_copy(update={"metric": ADJUSTABLE[c.metric], "segment": None,
                                 "evidence": tuple(("segment", "none", None, None) if e[0] == "segment" else e
                                                   for e in c.evidence)})
            if c.segment == "adjusted" and c.metric in ADJUSTABLE else c for c in claims]
