"""Marks that set a figure's period beside its period phrases: a running total's base in the sentence after it,
year-ago amounts glossed after a comparison, and a figure marked as cumulative. dating.date asks these."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from .. import calendar as CAL
from . import periods as PR
from .layout import Sentence

SAME_SPAN = regex.compile(r"(?:(?:작년|지난해|전년)\s?)?(?:같은|동일)\s?(?:기간|시기)|\bthe\ssame\speriod\b", regex.IGNORECASE)
# "1160억원의 당기순손실(누적기준)", "(연간 누적 기준)": the year so far, not the quarter
CUMULATIVE_AFTER = regex.compile(r"\s?(?:\p{Hangul}{1,6}\s?){0,2}\((?:누적|누계)\s?(?:기준)?\)|\s?\(?연간\s?누적\s?기준\)?")
# "지난해 같은 기간과 비교해 매출액(7700억원)과 영업이익(176억원)은 각각 15%, 33% 줄었다": the bases, glossed
YEAR_AGO_GLOSSES = regex.compile(r"(?:지난해|작년|전년)\s?(?:같은\s?기간|동기)(?:과|와)\s?(?:비교해|비교하면|견줘|견주면)\s?"
                              r"(?:\p{Hangul}{1,6}\s?\([^()]{1,20}\)\s?(?:과|와|,)\s?){0,3}\p{Hangul}{1,6}\s?\($")


def running_total_base(scan: str, sent: Sentence, m: Mention, clause: tuple[int, int], refs: list[PR.PeriodRef],
                       carried: str, period: str | None) -> str | None:
    """The year of last year's running total, for a base named "the same period last year" in the sentence after a
    running total ("3분기 누적 당기순이익이 5631억원 … 지난해 같은 기간(4934억원)보다")."""
    if not carried.isdigit() or not period or "Q" not in period:
        return None
    reach = _base_reach(scan, sent.start, m.start, clause[0])
    if any(r.relative == "year_ago" and reach <= r.start < m.start and SAME_SPAN.match(scan, r.start, r.end) for r in refs):
        return str(int(carried) - 1)
    return None


def glossed_base(scan: str, sent: Sentence, m: Mention, period: str) -> str | None:
    """The quarter a year back, for an amount glossed after a year-ago comparison's metric word."""
    if "Q" in period and YEAR_AGO_GLOSSES.search(scan, max(sent.start, m.start - 80), m.start):
        return CAL.shift_quarter(period, -4) or period
    return None


def marked_cumulative(scan: str, sent: Sentence, m: Mention, period: str) -> str | None:
    """The year so far, for a quarter's figure marked as cumulative right after it."""
    if "Q" in period and CUMULATIVE_AFTER.match(scan, m.end, min(sent.end, m.end + 24)):
        return period.split("Q")[0]
    return None


def _base_reach(scan: str, lo: int, pos: int, clause_start: int) -> int:
    """How far back the phrase naming a figure's base may stand: its clause, or the words just before the bracket
    holding it ("지난해 같은 기간(43조5,201억원, 1조6,840억원)": a list of bases in one bracket)."""
    at = scan.rfind("(", max(lo, pos - 40), pos)
    return min(clause_start, max(lo, at - 24)) if at >= 0 and ")" not in scan[at:pos] else clause_start
