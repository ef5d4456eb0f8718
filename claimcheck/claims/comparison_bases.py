"""Figures that are a comparison's base ("from $3.147 billion", "A year earlier, ...", "in the same period last year"),
and a sentence that compares with the past: what dating.date reads to date a base back from the period in view."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from .. import calendar as CAL
from . import compare as C
from . import periods as PR
from .article_context import Ctx
from .guided_period import GUIDED
from .layout import Sentence


# and "the $4.15 billion it generated in the same quarter last year"
BASE_MARK = regex.compile(r"\b(?:from|compared\s(?:with|to)|versus|vs\.?|against)\s(?:the\s)?(?:about\s|roughly\s|nearly\s)?[$€£¥₩]?$",
                       regex.IGNORECASE)
LEAD_COMMA = regex.compile(r"\s*(?:(?P<year>A\syear\s(?:ago|earlier)|In\sthe\syear-(?:ago|earlier)\s(?:quarter|period))"
                        r"|(?P<quarter>A\squarter\s(?:ago|earlier))),",
                        regex.IGNORECASE)
YEAR_AGO_GAP = regex.compile(r"\s?(?:per\sshare|a\sshare)?\s?(?:(?:(?:it|the\scompany|they)\s)?(?:generated|reported|posted|earned|made|had|booked"
                             r"|recorded)\s)?(?:in|during|for)?\s?(?:the\s)?", regex.IGNORECASE)  # "... for the first quarter of 2024"


def compared_now(ctx: Ctx, sent: Sentence, carried: str, focus: str, fy: int | None) -> bool:
    """Whether a sentence compares with the past ("1년 전(3.4%)보다", "전년 대비") while the period carried into
    it is an earlier one than the article's."""
    then, now = CAL.period_end(carried, fy), CAL.period_end(focus, fy)
    return bool(then and now and then < now) and ctx.per_sentence(
        "compares", sent, lambda s: bool(C.PRIOR_IN.search(ctx.lay.scan, s.start, s.end)))


# "(26.8% vs 32.6% PY)": a note's prior-year mark written straight after the figure
PRIOR_YEAR_MARK = regex.compile(r"\s?(?:PY|LY)(?![\w-])")


def year_ago_after(scan: str, m: Mention, refs: list[PR.PeriodRef]) -> bool:
    """Whether "in the same period last year" follows the figure itself ("$5.40 per share in the same period
    last year"), not a bracket or another figure after it."""
    if PRIOR_YEAR_MARK.match(scan, m.end) is not None:
        return True
    return any(r.relative == "year_ago" and 0 <= r.start - m.end <= 64 and (
        YEAR_AGO_GAP.fullmatch(scan, m.end, r.start)
        or ((aside := PER_SHARE_ASIDE.match(scan, m.end, r.start)) and YEAR_AGO_GAP.fullmatch(scan, aside.end(), r.start)))
        for r in refs)


# "$1.83 billion ($1.96 per share) in the same quarter last year": a per-share restatement between keeps the phrase the amount's
PER_SHARE_ASIDE = regex.compile(r"\s?\([^()]{1,30}\b(?:per|a)\s(?:diluted\s)?share\)", regex.IGNORECASE)


# "영업이익은 1984억원에서 1579억원으로 20.4% 감소했다": a from-to whose change is stated
# and "34억7853만원 손실에서 72억5825만원 흑자로 개선됐다": a loss the change started from, named as one
KO_FROM_TO = regex.compile(r"\s?(?:손실|적자|흑자|이익)?\s?에서\s?[\d,.]+\s?[조억만][\d,.조억만\s]{0,10}원?\s?(?:손실|적자|흑자|이익)?\s?(?:으로|로)\s?(?:[\d.,]+\s?%\s?)?"
                           r"(?:(?:절반|절반가량|크게|대폭|소폭|급격히|두\s?배|배\s?이상)\s)?"  # "1864억 원으로 절반가량 감소"
                           r"(?:감소|증가|줄|늘|하락|상승|개선|악화|급감|급증)"
                           # "작년 동기 대비 매출은 1,764억원에서 약 2% 증가": a from-level and the rate it moved by
                           r"|\s?에서\s?(?:약\s?)?[\d.,]+\s?%\s?(?:증가|감소|늘|줄|상승|하락|개선|악화|급감|급증)"
                           # "영업이익률은 4.9%에서 3.6%로 낮아졌다", "3.6%로 4.9%에서 1.3%p 낮아졌다": a rate's from-level, a move that
                           # happened (not "2024년 영업이익률은 32%에서 38%로 높아질 것": that year's rate, then a hope)
                           r"|(?<=%)\s?에서\s?[\d.,]+\s?%\s?(?:으로|로)\s?(?:[\d.,]+\s?%p\s?)?(?:감소했|증가했|줄었|늘었|하락했|상승했|개선됐|악화됐|낮아졌|높아졌|떨어졌|올랐|뛰었|확대됐|축소됐)"
                           r"|(?<=%)\s?에서\s?[\d.,]+\s?(?:%p|%포인트|%\s?포인트)\s?(?:감소했|증가했|줄었|늘었|하락했|상승했|개선됐|악화됐|낮아졌|높아졌|떨어졌|올랐|뛰었|확대됐|축소됐)")


YEAR_BACK_BEFORE = regex.compile(r"(?:1\s?년\s?전|한\s?해\s?전|전년|작년|지난해)\s?$")


TOPIC_BETWEEN = regex.compile(r"\p{Hangul}(?:은|는)\s")


def from_level_back(scan: str, sent: Sentence, m: Mention, period: str, refs: list[PR.PeriodRef]) -> str | None:
    """The period of a Korean from-level no phrase dates: where the change started, a year back (a quarter back if
    the sentence compares with the quarter before), or None when the figure is no such from-level."""
    moved = KO_FROM_TO.match(scan, m.end, min(sent.end, m.end + 48))
    # (a year that names the topic's span, "2024년 영업이익률은 4.9%에서 3.6%로", dates the rate it moved to; an amount's
    # from-level is dated by the base rules of figure_period before this is asked)
    if moved is None or any(0 <= m.start - r.end <= 24 and (m.start - r.end <= 3 or r.relative or m.kind != "percent"
                                                    or not TOPIC_BETWEEN.search(scan, r.end, m.start))
                            for r in refs) or YEAR_BACK_BEFORE.search(scan, max(0, m.start - 10), m.start):
        return None  # and "1년 전 79조1,000억원에서": dated where it stands, by the words before it
    # (the quarter before only when named up to the move: "…에서 8.8% 증가했으며, 전분기 대비로는 15.4%" is a year back)
    q = C.QOQ.search(scan, sent.start, moved.end()) is not None and "Q" in period
    return CAL.shift_quarter(period, -1 if q else -4)


# "영업이익은 전년 87억원에서 지난해 715억원으로": a relative base right before the from-level, the period of the level
# it moved to right after its 에서
FROM_THEN = regex.compile(r"\s?(?:원|달러)?\s?에서\s")


def relative_from(scan: str, m: Mention, refs: list[PR.PeriodRef]) -> str | None:
    """The period of a from-level whose relative base ('전년', '전 분기') counts back from the period the change
    arrives at, named right after it ('… 87억원에서 지난해 715억원으로'), not from the article's."""
    base = C.PRIOR.search(scan, max(0, m.start - 12), m.start)
    got = FROM_THEN.match(scan, m.end, m.end + 8) if base is not None else None
    if base is None or got is None:
        return None
    to = next((r for r in refs if r.start == got.end() and r.period and not r.relative), None)
    return CAL.base_of(to.period, base.lastgroup == "year") if to is not None and to.period else None


LAST_YEARS = regex.compile(r"\b(?:from|than|versus|vs\.?|against|compared\s(?:with|to))\slast\syear['’]s\s[$€£¥₩]?$", regex.IGNORECASE)
LAST_YEAR_AFTER = regex.compile(r"\.?\s(?:last\syear|a\syear\s(?:ago|earlier))\b", regex.IGNORECASE)  # and "$558 Mln. last year"
LAST_YEARS_QUARTER = regex.compile(r"(?:\s(?:per|a)\s(?:diluted\s)?share)?,?\s(?:in|during|for)\s(?:the\s)?last\syear['’]s\s(?:[\w-]+\s){0,2}(?:quarter|period)\b", regex.IGNORECASE)


def last_years_quarter(scan: str, sent: Sentence, m: Mention, refs: list[PR.PeriodRef], period: str, focus: str) -> str | None:
    """The quarter a year back when a quarter's figure is compared with "last year's" ("up 11.1 percent from last
    year's $2.73 billion", "$512 million, compared to $447 million last year"): the same quarter, not the year's total.
    A full-year forecast's base, and a sentence that names a year of its own before the figure, keep the year."""
    ago = CAL.shift_quarter(focus, -4)
    year_ago = ago.split("Q")[0] if ago else ""
    # "last year" reads as a calendar year, also for a company whose fiscal year is another
    if not ago or "Q" not in ago or period not in (year_ago, year_ago.removeprefix("FY"), focus) \
            or GUIDED.search(scan, sent.start, m.start):
        return None
    if period != focus and (LAST_YEARS.search(scan, max(sent.start, m.start - 36), m.start)
                            or LAST_YEARS_QUARTER.match(scan, m.end, m.end + 48)):
        return ago  # "…, or $1.53 per share, in last year's third quarter"
    # "$3.75 Bln vs. $4.25 Bln last year", "$512 million, compared to $447 million last year"
    after = BASE_MARK.search(scan, max(sent.start, m.start - 24), m.start) and LAST_YEAR_AFTER.match(scan, m.end, m.end + 16)
    return ago if after and not any(r.grain == "year" and r.end <= m.start for r in refs) else None
