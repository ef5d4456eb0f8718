"""Adjusted EPS as a metric of its own, renamed once an article is typed."""
from __future__ import annotations

import regex

from ..models import Claim

ADJUSTABLE = {"eps": "adjusted_eps", "eps_growth": "adjusted_eps_growth"}
ADJUSTED_BEFORE = regex.compile(r"\b(?:[Aa]djusted|[Nn]on-GAAP|[Cc]ore|[Oo]ngoing)(?:\s?\(\d\))?\s(?:net\s)?(?:earnings|profit|income)\b")
PROFIT_WORD = regex.compile(r"\b(?:earnings|profit|income)\b")
REACH = 400  # characters back to the profit a per-share figure restates


def adjusted_profit_before(scan: str, start: int, end: int) -> bool:
    """Whether the last profit named in scan[start:end] is an adjusted one: "adjusted net income … came to $1.1
    billion, or $3.66 per share, versus $371 million, or $1.16 per share" restates adjusted profits per share,
    both of them, while "versus net income of $364 million, or $1.14 per share" does not."""
    last = next(reversed(list(PROFIT_WORD.finditer(scan, max(start, end - REACH), end))), None)
    if last is None:
        return False
    got = ADJUSTED_BEFORE.search(scan, max(start, last.start() - 30), last.end())
    return got is not None and got.end() == last.end()


def adjusted(claims: list[Claim]) -> list[Claim]:
    """Adjusted EPS is a metric of its own, not EPS of a line called 'adjusted'. Renamed once all is typed, so the
    qualifier still carries to the next sentence ('조정 EPS는 2.28달러 … 시장 예상치(2.57달러)') as a segment does."""
    return [c.model_copy(update={"metric": ADJUSTABLE[c.metric], "segment": None,
                                 "evidence": tuple(("segment", "none", None, None) if e[0] == "segment" else e
                                                   for e in c.evidence)})
            if c.segment == "adjusted" and c.metric in ADJUSTABLE else c for c in claims]
