"""Amounts that are no period's figure of the company, though a metric word stands near them: a cause's size inside a
change ("driven by a 128 basis point LIFO impact", "expected to be a ~0.5 percentage point headwind to growth") and an
average over years ("최근 3년(2022~2024년) 평균 실적은 매출 3조4870억원"), and what a deal is worth ("320억원 규모의
드라마 공급 계약", "a $1.5 billion credit agreement")."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
# "320억원 규모의 드라마 공급 계약", "a $1.5 billion credit agreement": what a deal, a contract or a credit line is
# worth, no period's result of the company (and "70억원 가량의 단납 제품 계약이 취소된": a hedged worth too)
DEAL_AFTER = regex.compile(r"\s?(?:원|달러)?\s?(?:규모(?:의|인)?\s?|(?:\s?(?:가량|정도|상당|어치))?의\s)(?:[\p{Hangul}A-Za-z·]+\s){0,3}?(?:공급\s?|용역\s?|판매\s?|납품\s?|수출\s?|공사\s?|라이선스\s?|기술이전\s?)?(?:계약|협약)"
                        r"|\s(?:(?:revolving|senior|unsecured|secured|multi-year|multiyear|long-term|new|supply|licensing|license|service|services)\s)*"
                        r"(?:credit\s(?:agreement|facility|line)|revolver|term\sloan|loan|contract|deal|agreement|notes\soffering|bond\soffering|settlement)s?\b",
                        regex.IGNORECASE)
# "드라마 공급 계약을 400억 넘게 따냈으니까": the contract named before its worth
DEAL_BEFORE = regex.compile(r"(?:계약|협약)(?:을|를)\s(?:약\s)?$")

MULTI_YEAR_AVERAGE = regex.compile(r"\d\s?(?:개\s?)?년(?:간)?\s?(?:\([^()]{0,16}\)\s?)?평균|\b(?:\d|two|three|five)[\s-]year\saverage\b",
                                   regex.IGNORECASE)
DRIVER_BEFORE = regex.compile(r"\b(?:by|from|of|includ(?:ed|ing)|reflect(?:ed|ing|s)?|be|is|was|were)\s(?:an?\s|the\s)?"
                              r"(?:approximately\s|about\s|roughly\s|~\s?)?$", regex.IGNORECASE)
CONTRIBUTING = regex.compile(r"\b(?:contribut(?:ing|ed|es)|add(?:ing|ed|s))\s(?:about\s|approximately\s|roughly\s)?$", regex.IGNORECASE)
DRIVER_AFTER = regex.compile(r"\s?(?:[\w-]+\s){0,4}?(?:impact|headwind|tailwind|benefit|drag|hit|charge|effect|contribution)s?\b",
                             regex.IGNORECASE)


# the title of a Korean exchange filing: "매출액 또는 손익구조 30%(대규모법인은 15%) 이상 변동"
DISCLOSURE_RULE = regex.compile(r"\s?(?:\([^()]{1,20}\)\s?)?이상\s?변동")
# "Q3 25 orders received fell 3.8%": the year of a period label, never a count of the goods after it
LABEL_YEAR_BEFORE = regex.compile(r"(?<![A-Za-z])(?:Q[1-4]|H[12]|[1-4][QH]|FY)\s?['’]?$")


def no_figure(scan: str, start: int, end: int, m: Mention) -> bool:
    """Whether m, in the sentence scan[start:end], is a cause's share of a change, an average of years, a deal's
    worth or a period label's year."""
    if m.kind == "count" and LABEL_YEAR_BEFORE.search(scan, max(start, m.start - 5), m.start):
        return True
    if m.kind == "money" and (DEAL_AFTER.match(scan, m.end, min(end, m.end + 60))
                              or DEAL_BEFORE.search(scan, max(start, m.start - 12), m.start)):
        return True
    if MULTI_YEAR_AVERAGE.search(scan, max(start, m.start - 60), m.start):
        return True
    if m.kind == "percent" and DISCLOSURE_RULE.match(scan, m.end, min(end, m.end + 30)):
        return True  # "'매출액 또는 손익구조 30% 이상 변동' 요건": the threshold a filing rule sets, no figure of the company
    if m.unit == "pp" and CONTRIBUTING.search(scan, max(start, m.start - 16), m.start):
        return True  # "with enterprise initiatives contributing 130 bps": one driver's part of a move, not the move
    return m.unit == "pp" and DRIVER_BEFORE.search(scan, max(start, m.start - 24), m.start) is not None \
        and DRIVER_AFTER.match(scan, m.end, min(end, m.end + 40)) is not None
