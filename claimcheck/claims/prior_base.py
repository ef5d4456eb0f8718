"""The period of a level that a comparison phrase marks as the base ("A year earlier, …", "전분기(4조7,000억원)",
"up from $11.94 billion"): the period in view counted back a year or a quarter, and the figure recorded as a base."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from ..numbers.patterns import RANGE_BEFORE_FROM
from .. import calendar as CAL
from . import compare as C
from . import figure_period as FP
from . import periods as PR
from .article_context import Ctx
from .comparison_bases import LEAD_COMMA, YEAR_AGO_GAP
from .layout import Sentence


ESTIMATE_NEXT = regex.compile(r"\s(?:forecasted|expected|estimated|projected)\b(?!\s(?:to|in|for|from|at|by|on)\b)")


def prior_period(ctx: Ctx, sent: Sentence, m: Mention, clause: tuple[int, int], refs: list[PR.PeriodRef],
                 period: str | None, focus: str | None, dated: bool) -> str | None:
    """The period of figure m when a comparison phrase makes it a base, else `period` as it was; dated says an
    undated figure of its kind is about the period in view."""
    scan, lay = ctx.lay.scan, ctx.lay
    if ESTIMATE_NEXT.match(scan, m.end, sent.end):
        return period  # "up from $292.56 million forecasted": the estimate a result beat, of the same period, no base
    back = C.PRIOR.search(scan, max(clause[0], m.start - 32), m.start)
    ahead = C.PRIOR_AFTER.match(scan, m.end, min(sent.end, m.end + 56))
    if ahead is not None and FP.ARRIVED_AT_LEVEL.search(scan, max(sent.start, m.start - 40), m.start):
        ahead = None  # "fell 9.9% to $14.21bn from a year earlier": the change's base, not the level it arrived at
    # a phrase opening the clause ("A year ago ..."), unless the clause was only cut short at the figure's reach
    # ("A year earlier, the automaker earned $3.06 billion": the lead's own comma cuts it off as a clause)
    lead = None if opened_by_reach(ctx, sent, clause[0]) else (
        C.PRIOR_LEAD.match(scan, clause[0], m.start) or LEAD_COMMA.match(scan, sent.start, m.start))
    prior = back or ahead or lead
    if ahead is not None and focus and "Q" in focus and period and period.isdigit() and not back \
            and LAST_YEAR_AHEAD.match(scan, m.end, min(sent.end, m.end + 56)) and (ago := CAL.base_of(focus, True)) \
            and _same_year(ago, period):
        # "to $574 million as compared to $538 million last year": in a quarter's story, that quarter a year back
        ctx.bases.add(position(lay, m))
        return ago
    replaced = m.low is not None and RANGE_BEFORE_FROM.search(scan, max(sent.start, m.start - 60), m.start) is not None
    # ("EPS of $5.62 to $5.66, up from $5.60 to $5.66": the range a guidance replaced is of the same year, no base)
    if not prior and not replaced and (_from_en(scan, sent, m, refs) or _bare_compared(scan, sent, m, refs)
                                       or (period in (None, focus) and _from_ko(scan, sent, m, refs, focus))):
        # the change's own basis says how far back: "from the prior quarter" one quarter, else a year
        q = ctx.per_sentence("qoq", sent, lambda s: bool(
            C.QOQ.search(scan, s.start, s.end) or C.QOQ_AFTER.search(scan, s.start, s.end)))
        ctx.bases.add(position(lay, m))
        base = period or (focus if dated else None)
        if base:
            period = CAL.shift_quarter(base, -1 if q else -4) or base
    # "전분기(4조7,000억원)": the relative period was already resolved to the quarter before
    if prior:
        ctx.bases.add(position(lay, m))
    # a phrase the period refs resolved dates the figure already, unless the figure kept the quarter in view
    # ("up from $1.429 billion, or $1.03 a share, in the year-earlier period": the aside keeps them apart)
    if prior and (period in (None, focus) or not any(r.relative in ("previous", "year_ago") and prior.start() <= r.start < prior.end()
                                             for r in refs)):
        base = period or (focus if dated else None)
        if base and focus and base == CAL.shift_quarter(focus, -1) and any(
                r.relative == "previous" and not prior.start() <= r.start < prior.end() for r in refs):
            # "versus $5.73 billion in the prior quarter and $3.24 billion in the comparable quarter last year":
            # the prior quarter was another figure's; this one's own phrase counts back from the reported quarter
            base = focus
        if base:
            period = CAL.shift_quarter(base, -4 if prior.lastgroup == "year" else -1) or base
    return period


# "Home sales revenue of $817.3 million compared to $1.1 billion": a release's bare comparison names no period; it
# is the same span a year back (a quarter back where the sentence says so)
# (and "SG&A came to 8.4% of revenues from home sales, compared with 7.8%": a rate with the words of its base between)
BARE_COMPARED = regex.compile(r"(?:\d[\d.,]*\s?(?:million|billion|bn|mn|[MB])?|\b(?:quarter|year|period)"
                              r"|\d[\d.,]*\s?%\s(?:of\s)?[a-z][a-z&\s-]{0,40}?)\)?,?\s(?:as\s)?compared\s(?:to|with)\s(?:US)?[$€£¥₩]?$",
                              regex.IGNORECASE)


def _bare_compared(scan: str, sent: Sentence, m: Mention, refs: list[PR.PeriodRef]) -> bool:
    """A level set right against the level before it with no period named after it ('… of $817.3 million compared to
    $1.1 billion')."""
    return BARE_COMPARED.search(scan, max(sent.start, m.start - 80), m.start) is not None \
        and not any(r.start >= m.end for r in refs)


def _from_en(scan: str, sent: Sentence, m: Mention, refs: list[PR.PeriodRef]) -> bool:
    """'up 9% from $11.94 billion': the figure an English change starts from, when no period of its own is named
    ("up from $11.94 billion in the previous quarter", "from $56.72 billion in FY25 Q1" name their own quarter)."""
    return bool(C.FROM_BASE.search(scan, max(sent.start, m.start - 12), m.start)
                or C.PAIRED_BASE.search(scan, max(sent.start, m.start - 40), m.start)) \
        and bool(C.CHANGE_WORD.search(scan, sent.start, m.start)) and not any(0 <= m.start - r.end <= 20 for r in refs) \
        and not any((0 <= r.start - m.end <= 6 or (r.start > m.end and (YEAR_AGO_GAP.fullmatch(scan, m.end, r.start)
                                                                      or FP.OWN_PERIOD.fullmatch(scan, m.end, r.start))))
                    and (r.relative in ("previous", "year_ago") or (r.period and r.grain in ("quarter", "half", "year")))
                    for r in refs)


def _from_ko(scan: str, sent: Sentence, m: Mention, refs: list[PR.PeriodRef], focus: str | None) -> bool:
    """'판매관리비가 710억 원에서 800억 원으로 12.7% 늘었다': the figure a Korean change starts from, when no other period
    stands right before it ("3분기 판매관리비가 710억 원에서": the quarter in view dates the change; "2024년 1조원에서"
    dates the figure)."""
    return ko_from_to(scan, sent, m) and not any(
        0 <= m.start - r.end <= 20 and r.relative not in ("same", "current") and r.period != focus for r in refs)


# "710억 원에서 800억 원으로 12.7% 늘었고": an amount, '에서', the amount it came to, then the change
# (and "영업이익률은 6.9%에서 8.3%로 1.4%p 상승했다": a rate's move the same way)
KO_FROM_TO = regex.compile(r"\s?에서\s[\d,.]+(?:\s?[조억만천]\s?[\d,.]*){0,3}\s?(?:원|달러|엔|위안|%)?\s?(?:으로|로)\s")
KO_CHANGE = regex.compile(r"늘|증가|줄|감소|상승|하락|개선|악화|확대|축소|뛰|급증|급감")
# "목표주가를 5만원에서 6만원으로", "전망을 종전 …에서": a revision of one figure, not two periods
KO_REVISED = regex.compile(r"종전|기존|당초|목표|전망|상향|하향|예상|추정|컨센서스|가이던스|조정|수정")


def ko_from_to(scan: str, sent: Sentence, m: Mention) -> bool:
    """Whether the Korean figure m is where a change from one amount to another starts."""
    to = KO_FROM_TO.match(scan, m.end, min(sent.end, m.end + 40))
    return to is not None and KO_CHANGE.search(scan, to.end(), min(sent.end, to.end() + 30)) is not None \
        and KO_REVISED.search(scan, sent.start, sent.end) is None


def _same_year(quarter: str, year: str) -> bool:
    """Whether "last year" (a calendar year) can be the year of quarter: a fiscal quarter's label names the year
    it ends in, one more than the calendar year most of it falls in for a year ending in January."""
    if quarter.startswith("FY"):
        return quarter[2:6] in (year, str(int(year) + 1))
    return quarter.startswith(year)


LAST_YEAR_AHEAD = regex.compile(r"(?:\s(?:in|during|for))?\slast\syear\b", regex.IGNORECASE)


def opened_by_reach(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """Whether pos is where the figure's reach cut its sentence short, rather than where a sentence or clause opens."""
    return pos == sent.start and pos != ctx.lay.sentences[sent.index].start


def position(lay, m: Mention) -> tuple[int, int]:
    li = lay.line_of(m.start)
    return li + 1, m.start - lay.line_starts[li] + 1
