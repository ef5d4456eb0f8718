"""The cadence a figure is reported at (monthly, quarterly, annual, TTM, year to date), from the span words around it."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from .. import vocab as L
from . import periods as PR
from . import spans as SP
from .layout import Sentence

MONTHLY = regex.compile(r"(?<![\p{L}\d])(?:월\s?(?=[$\d]|매출|평균|간)|월간|매월|월평균|한\s?달(?:\s?평균)?|달마다|monthly|a\smonth"
                     r"|per\smonth|each\smonth)", regex.IGNORECASE)
QUARTERLY = regex.compile(r"(?<![\p{L}\d])(?:분기(?!\s?대비)|quarterly|a\squarter|per\squarter)", regex.IGNORECASE)
ANNUAL = regex.compile(r"(?<![\p{L}\d])(?:연간|연\s(?=[$\d])|연환산|매년|연\s?매출|annual|annualized"
                       r"|(?<!from\s|than\s|over\s)a\syear(?!\s(?:earl|ago|befo))|per\syear|full[\s-]year"
                       r"|yearly|run[\s-]rate|(?:record|full|entire|whole)\s(?:fiscal\s)?year(?!\s?(?:19|20)?\d\d)"
                       # (not "the first half of its fiscal year ending March 2026": a part of the year)
                       r"|(?<!(?:half|quarter)\sof\s(?:its|the)\s(?:current\s)?)fiscal\syear(?!\s?(?:19|20)?\d\d)"
                       # "Fiscal net sales between $2.270 billion and …" in a list of the year's outlook
                       r"|(?<![\w-])fiscal\s(?=(?:net\s|total\s)?(?:sales|revenues?|earnings|EPS|income)\b)"
                       # a spending plan is a year's: "capital expenditure target", "설비투자 계획"
                       r"|(?:capex|capital\sexpenditures?|capital\sspending)\s(?:\(capex\)\s)?(?:target|plan|budget|guidance|outlook)"
                       # "would cut CAPEX to the KRW 3 trillion range": a plan revised, a year's
                       r"|(?:cut|reduce|lower|raise|increase|trim|scale\sback)\s(?:its\s)?(?:capex|capital\sexpenditures?|capital\sspending)"
                       r"\s(?:\(capex\)\s)?(?:plan\s|target\s)?to\s"
                       r"|(?:투자|설비투자|시설투자|CAPEX)\s?(?:계획|목표|가이던스))", regex.IGNORECASE)
TTM = PR.TTM
TTM_WORDS = ("개월", "ttm", "trailing", "months")  # TTM or TTM_AFTER cannot match without one (Ctx.in_sentence)
# "$34bn over the last 12 months, including over $9bn over the last three months": the span said right after its figure
TTM_AFTER = regex.compile(r"\s(?:over|in|for|during)\s(?:the\s)?(?:last|past|trailing|previous)\s(?:12|twelve)\smonths", regex.IGNORECASE)
# "1~3월" is the first quarter, not a running total (spans.YTD_SPAN leaves it out)
YTD = regex.compile(rf"누적|누계|{SP.YTD_SPAN}|year[\s-]to[\s-]date|so\sfar\sthis\syear|in\sthe\sfirst\s(?:nine|six)"
                    r"\smonths|cumulative", regex.IGNORECASE)
YTD_LEAD = regex.compile(r"\W{0,3}(?:누적|누계)\s?(?:기준\s?)?(?:으로\s?)?(?:\p{Hangul}{1,8}\s?)?(?:은|는|이|가)\s")  # the sentence's subject a running total
LAST_YEAR_RUNNING = regex.compile(r"(?:지난해|작년)\s?(?:연간\s?)?(?:누적|누계)(?!\s?(?:기준\s?)?(?:[1-4]\s?분기|[1-9]\s?월))")
QUARTER_YTD = regex.compile(r"[1-4]\s?분기(?:\s\S{1,6})?\s?(?:누적|누계)")
PERIOD_WORD = regex.compile(r"분기|반기|\d\s?월|\d\s?년|작년|지난해|올해|quarter|half|year", regex.IGNORECASE)
# English puts the span after the figure: "$2.0bn of revenue in the quarter"
AFTER_QUARTER = regex.compile(r"^[^.;]{0,20}?\b(?:in|for|during|per|a)\s(?:the\s)?quarter\b", regex.IGNORECASE)
AFTER_MONTH = regex.compile(r"^[^.;]{0,20}?\b(?:a|per|each|every)\smonth\b", regex.IGNORECASE)
YEAR = regex.compile(r"(?:FY)?\d{4}")
MONTH = regex.compile(r"\d{4}-\d\d")
# a quarter or a half named with no year ("올해 2분기", "상반기", "Q2"): read where the article gives no year to date it by
YEARLESS_QUARTER = regex.compile(r"[1-4]\s?분기|(?<![\p{L}])(?:[1-4]Q|Q[1-4])(?![\p{L}\d])|(?:first|second|third|fourth)[\s-]quarter",
                                 regex.IGNORECASE)
YEARLESS_HALF = regex.compile(r"[상하]반기|(?<![\p{L}])[12]H(?![\p{L}\d])|(?:first|second)[\s-]half", regex.IGNORECASE)
RATIO_LIKE = L.taxonomy().without_cadence  # rates, prices and counts: no monthly, quarterly or annual cadence


# "321억원이 연간 최대 실적을": a particle closes the figure's phrase, and the span word after it is the next phrase's
PARTICLE_GAP = regex.compile(r"(?:이|가|은|는|을|를|의|도|로|으로)\s")


def _annual_after(scan: str, start: int, end: int) -> bool:
    """Whether a span word right after a figure says the figure is a year's ("$2 million a year", "3조원(연간)")."""
    got = ANNUAL.search(scan, start, end)
    return got is not None and not PARTICLE_GAP.search(scan, start, got.start())


def cadence(scan: str, sent: Sentence, m: Mention, clause: tuple[int, int], period: str | None, metric: str, grain: str,
            maybe_ttm: bool = True, yearless: int | None = None) -> str | None:
    """maybe_ttm False: the caller knows TTM matches nowhere in the sentence; yearless: where the sentence before
    starts, when the article gives no year (a quarter or a half it names dates nothing, yet still says the span)."""
    if metric in RATIO_LIKE:
        return None
    if period and period[-2:] in ("H1", "H2") and grain == "half":
        return "semiannual"  # "the first half of its 2025/26 fiscal year": the year's word names whose half it is
    # a span word before the figure counts only from the last full stop ("누적 매출은 2조원을 넘었다. 3분기 매출은")
    since = max(clause[0], m.start - 30)
    stop = scan.rfind("다. ", since, m.start)
    if ANNUAL.search(scan, max(clause[0], m.start - 8), m.start) \
            and (grain != "ytd" or not YTD.search(scan, max(clause[0], m.start - 8), m.start)):
        # "누적 순이익 5조원으로 연간 6조원도": the span word next to the figure is its own (even where the running
        # span named earlier in the sentence dated it: "1~9월 누적 매출 … 연간 매출이 3조8,000억원을")
        return "annual"
    if LAST_YEAR_RUNNING.search(scan, since if stop < 0 else stop + 3, m.start):
        return "annual"  # "지난해 누적 당기순이익이 7782억원": last year's running total is that whole year
    if grain == "ytd" or YTD.search(scan, since if stop < 0 else stop + 3, m.start):
        return "ytd"  # a running total so far this year: neither a quarter nor the full year
    if L.taxonomy().is_growth(metric) and (lead := YTD_LEAD.match(scan, sent.start, m.start)) \
            and not PERIOD_WORD.search(scan, lead.end(), m.start):
        return "ytd"  # "누계 기준 영업이익은 2901억 원으로 전년(2819억 원) 대비 2.9% 증가": the running total's growth
    last = max(QUARTER_YTD.finditer(scan, sent.start, m.start), key=lambda x: x.start(), default=None)
    if last is not None and scan[m.start - 1:m.start] != "(" and not PERIOD_WORD.search(scan, last.end(), m.start):
        # "3분기 누적 매출액은 …, 영업이익은 992억원으로", "3분기 개별기준 누적 당기순이익은 6341억원으로 전년 동기(…) 대비
        # 39.4%": the running total goes on to the figures after it that name no period of their own (a bracketed
        # base's span is the dating's to settle)
        return "ytd"
    # two characters past the number so lookaheads such as "월 (?=$)" can see it
    window = scan[max(clause[0], m.start - 25):m.start + 2]
    if maybe_ttm and (TTM.search(scan, sent.start, m.start) or TTM_AFTER.match(scan, m.end, min(clause[1] + 40, m.end + 40))):
        return "ttm"
    if MONTHLY.search(window):
        return "monthly"
    if QUARTERLY.search(window):
        return "quarterly"
    if ANNUAL.search(window) or _annual_after(scan, m.end, min(clause[1], m.end + 12)):
        return "annual"
    tail = scan[m.end:min(clause[1], m.end + 30)]
    if AFTER_QUARTER.search(tail):
        return "quarterly"
    if AFTER_MONTH.search(tail):
        return "monthly"
    if period:
        if YEAR.fullmatch(period):
            return "annual"
        if "Q" in period:
            return "quarterly"
        if MONTH.fullmatch(period):
            return "monthly"
        if "H" in period:
            return "semiannual"
    elif yearless is not None:
        # "올해 2분기 매출은 1900억" against "상반기 영업이익은 316억": a quarter's figure is no half's, year or no year
        # (the span said in the sentence, else in the one before: "경방이 올해 상반기 부진했다. 영업이익은 60% 넘게 감소")
        for lo in (sent.start, yearless):
            spans = [(x.start(), "quarterly") for x in YEARLESS_QUARTER.finditer(scan, lo, m.start)] \
                + [(x.start(), "semiannual") for x in YEARLESS_HALF.finditer(scan, lo, m.start)]
            if spans:
                return max(spans)[1]
    return None
