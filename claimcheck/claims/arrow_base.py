"""The start of a move printed as an arrow: "매출액(1578억→2575억원)과 순이익(470억→781억원)도 각각 63.2%, 66% 증가" —
the figure before the arrow is the base the sentence compares with, a year back on a year-on-year comparison, one
period back on a quarter-on-quarter one, not the period the figure after the arrow reports."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from .. import calendar as CAL
from .compare import bases_said
from .layout import Sentence
from .period_marks import SAME_SPAN

ARROW = regex.compile(r"\s?(?:→|->|⇒)\s?")


def arrow_base(scan: str, prev: Sentence | None, sent: Sentence, m: Mention, period: str | None) -> str | None:
    """The base period of a bracketed figure an arrow leads on from, by the comparison its sentence makes (or the
    sentence before, when this one compares over 'the same period')."""
    if not period or scan[m.start - 1:m.start] != "(" or not ARROW.match(scan, m.end, m.end + 3):
        return None
    spans = [(sent.start, sent.end)]  # "영업이익(2조→2조4000억원)은 전분기 대비 20% 늘었다": said before or after
    if prev is not None and SAME_SPAN.search(scan, sent.start, m.start):
        spans.insert(0, (prev.start, prev.end))
    found = [f for a, b in spans for f in bases_said(scan, a, b)]
    return CAL.base_of(period, max(found)[1] == "yoy") if found else None
