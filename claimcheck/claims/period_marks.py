"""Marks that set a figure's period beside its period phrases: a running total's base in the sentence after it,
year-ago amounts glossed after a comparison, and a figure marked as cumulative. dating.date asks these."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from .. import calendar as CAL
from . import periods as PR
from .layout import Sentence

SAME_SPAN = regex.compile(r"(?:(?:작년|지난해|전년)\s?)?(?:같은|동일)\s?(?:기간|시기)|(?<!\p{Hangul})(?:이|동|해당)\s?기간|\bthe\ssame\speriod\b",
                        regex.IGNORECASE)  # ("이 기간 매출액은": the span just named)
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


def year_bracketed(scan: str, sent: Sentence, m: Mention, period: str) -> str | None:
    """The same span in the year a bracket opens on, for a figure inside "(2024: 51.3 per cent)" or "[2024: €598
    million]": a release's prior-year comparison, printed after the current figure."""
    got = YEAR_BRACKET.search(scan, max(sent.start, m.start - 24), m.start)
    if got is None:
        return None
    fy = "FY" if period.startswith("FY") else ""
    year, rest = period.removeprefix("FY")[:4], period.removeprefix("FY")[4:]
    return None if not year.isdigit() or got["y"] == year else f"{fy}{got['y']}{rest}"


# "(2024: 51.3 per cent)", "[2024: €598 million (~$693.7 million)]": a bracket that names the year it compares with
YEAR_BRACKET = regex.compile(r"[(\[]\s?(?:FY\s?)?(?P<y>(?:19|20)\d\d)\s?:\s?(?:[^()\[\]:\d]{0,12})?$")


def echoed_bracket(scan: str, sent: Sentence, m: Mention, refs: list[PR.PeriodRef]) -> str | None:
    """"REVENUE: USD 14.2bn (USD 15.8bn in Q3 24), EBITDA: USD 2.7bn (USD 4.8bn)": a figure alone in a bracket after
    another, in a line whose first such bracket named its period, is of that period too."""
    if not (BARE_OPEN.search(scan, max(sent.start, m.start - 6), m.start) and scan.startswith(")", m.end)):
        return None
    first = next((b for b in NAMED_BRACKET.finditer(scan, sent.start, m.start)), None)
    if first is None:
        return None
    return next((r.period for r in refs if first.start("p") <= r.start < first.end("p") and r.period), None)


# a bracket holding only a figure, and one holding a figure and the period it is of
BARE_OPEN = regex.compile(r"\((?:[A-Z]{3}\s?|[$€£¥₩])?$")
NAMED_BRACKET = regex.compile(r"\((?:[A-Z]{3}\s?|[$€£¥₩])?\d[\d,.]*\s?(?:bn|mn|m|b|billion|million)?\s(?:in|for)\s(?P<p>[^()]{2,24})\)")


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
