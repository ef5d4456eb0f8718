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


# "최근 3년 동안 미국 매출 비중은 15.9%(4529억원)→ 24.6%(8783억원)→ 28.4%(1조1469억원)로": a series of years, each step
# after an arrow a year on from the one before it; only the last is the year the sentence is dated by
YEARS_SERIES = regex.compile(r"최근\s?\d\s?년|\d\s?년\s?(?:간|동안|새)|연도별|매년|(?:19|20)\d\d\s?[~∼-]\s?(?:19|20)?\d\d", regex.IGNORECASE)
STEP = regex.compile(r"\)?(?:\s?\([^()]{1,24}\))?\s?(?:→|->|⇒)\s?[-+]?[\d.,]+\s?(?:%|[조억만천][\d,.조억만천\s]{0,10}원?|원)?")


def series_year(scan: str, before: tuple[int, int] | None, sent: Sentence, m: Mention, period: str | None) -> str | None:
    """The year of a figure that arrows in a sentence on a run of years lead on from: one year back per step after it
    (the run named in the sentence, or in the few before it when this one goes on over 'the same period')."""
    if not period or not period.removeprefix("FY").isdigit() or not ARROW.search(scan, m.end, min(sent.end, m.end + 24)):
        return None
    if not YEARS_SERIES.search(scan, sent.start, sent.end) and not (
            before is not None and SAME_SPAN.search(scan, sent.start, m.start) and YEARS_SERIES.search(scan, *before)):
        return None
    steps, at = 0, m.end
    while (x := STEP.match(scan, at, sent.end)) is not None and x.end() > at:
        steps, at = steps + 1, x.end()
    if not steps:
        return None
    fy = "FY" if period.startswith("FY") else ""
    return f"{fy}{int(period.removeprefix('FY')) - steps}"
