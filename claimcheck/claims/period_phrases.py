"""A period phrase as read (PeriodRef), and the readings that need the publication date or the fiscal year:
a quarter named by its month, a bare half, a span of months, and the relative words ("지난해", "this quarter")."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..calendar import bare_quarter_year, latest_fiscal_year, period_end, quarter_over_by, to_calendar_quarter

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@dataclass(frozen=True, slots=True)
class PeriodRef:
    start: int
    end: int
    period: str | None
    grain: str  # year, quarter, half, month, day, ytd (the year so far: its period is the year)
    estimate: bool = False
    relative: str = ""  # "", "current", "previous", "next": resolved later against the focus


def fiscal_label(year: int, q: int, fiscal: int, published: dt.date) -> bool:
    """"Q3 2026" in a December 2025 story on Salesforce: a calendar quarter still ahead, where the fiscal
    quarter of that name is over, is the company's own label for the quarter it reports; and so is "Q3 2025" in
    Carnival's release of September 29, its fiscal quarter ended August 31: a quarter a fiscal company reports
    by name is its own, once it is over."""
    now = (published.year, published.month)
    cal, fis = period_end(f"{year}Q{q}"), period_end(f"FY{year}Q{q}", fiscal)
    if not (cal and fis):
        return False
    # and "third-quarter 2025" in McCormick's release of October 7, its fiscal quarter ended August 31: a calendar
    # quarter over for under three weeks has been reported by no one yet, so the name is the company's
    just_over = fis <= now and (published - _month_end(*cal)).days < REPORTING_LAG_DAYS
    return cal > now >= fis or (fis <= now and cal >= now) or just_over


REPORTING_LAG_DAYS = 21  # the fewest days after a quarter ends that a company reports it in


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


QUARTER_SPANS = {(1, 3), (4, 6), (7, 9), (10, 12)}


def month_quarter(s: int, e: int, m, published: dt.date | None, fiscal: int | None) -> PeriodRef:
    """"The September quarter", "the quarter ending in January", "the March 2024 quarter": the quarter ending in
    that month, of the year the phrase names or else the one nearest the publication date."""
    month = int(m["mqm"]) if m["mqm"] else 12 if m["hol"] else MONTHS.index((m["mon"] or m["mon2"] or m["mon3"])[:3].lower()) + 1
    if m["mqy"] or m["mqy2"]:
        y = int(m["mqy"] or m["mqy2"])  # named outright: no date needed (a table header has none)
    elif published is None:
        return PeriodRef(s, e, None, "quarter")
    elif m["mon2"] or m["mon3"] or m["hol"]:  # "the December quarter": whichever is nearest, often the coming one
        y = min((published.year - 1, published.year, published.year + 1),
                key=lambda yy: abs((yy - published.year) * 12 + month - published.month))
    else:
        y = published.year if month <= published.month else published.year - 1
        if m["mon"] and m.group("mq").lower().startswith("quarter ending") and (month - published.month) % 12 <= 3 \
                and month < published.month:
            y += 1  # "the quarter ending in January", said in November, is the coming one; one ending in September is past
    if m["mqd"] and int(m["mqd"]) <= 7:
        # "the quarter that ended January 1, 2022": a 52/53-week quarter ending in the first days of a month is
        # the previous month's (Disney's December quarter)
        month, y = (month - 1, y) if month > 1 else (12, y - 1)
    if fiscal:
        q = ((month - fiscal - 1) % 12) // 3 + 1
        return PeriodRef(s, e, f"FY{y + (1 if month > fiscal else 0)}Q{q}", "quarter")
    return PeriodRef(s, e, to_calendar_quarter(y, month), "quarter")


RELATIVE_YEAR = {"지난해": -1, "작년": -1, "올해": 0, "금년": 0, "올": 0, "내년": 1}


def bare_half(s: int, e: int, m, published: dt.date | None, fiscal: int | None) -> PeriodRef:
    """"상반기", "올해 하반기", "H1", "the second half": the half whose last quarter is nearest the date,
    in the company's fiscal year when it keeps one, as a bare "3분기" is read."""
    hn = (m["bhn"] or m["bhn2"] or m["bhn3"] or m["bhn4"]).lower()
    half = 1 if hn in ("상반기", "반기", "1", "first") else 2  # a bare "반기" is the half a 반기보고서 covers, the first
    if not published:
        return PeriodRef(s, e, None, "half")
    if m["bhr"]:
        y = published.year + RELATIVE_YEAR[m["bhr"]]
        return PeriodRef(s, e, f"{y}H{half}", "half", estimate=y > published.year)
    if fiscal:
        return PeriodRef(s, e, f"FY{latest_fiscal_year(2 * half, fiscal, published)}H{half}", "half")
    return PeriodRef(s, e, f"{bare_quarter_year(2 * half, published)}H{half}", "half")


def month_span(s: int, e: int, m1: int, m2: int, published: dt.date | None, fiscal: int | None) -> PeriodRef:
    """"9월" is that month, "7~9월" a calendar quarter, "1~10월" the year to date: of the latest such span."""
    if not published or m2 < m1:
        return PeriodRef(s, e, None, "month")
    y = published.year if m2 <= published.month else published.year - 1
    if m1 == m2:
        return PeriodRef(s, e, f"{y}-{m1:02d}", "month")
    if (m1, m2) in QUARTER_SPANS:
        if fiscal:
            q = ((m2 - fiscal - 1) % 12) // 3 + 1
            return PeriodRef(s, e, f"FY{y + (1 if m2 > fiscal else 0)}Q{q}", "quarter")
        return PeriodRef(s, e, to_calendar_quarter(y, m2), "quarter")
    if m1 == 1:
        return PeriodRef(s, e, str(y), "ytd")  # a cumulative figure so far this year
    return PeriodRef(s, e, None, "month")


def month_end(s: int, e: int, month: int, published: dt.date | None, fiscal: int | None, last_year: bool) -> PeriodRef:
    """"9월 말 수주잔고": a balance at a month's end, of the quarter that month closes (else of the month), in the
    latest year whose month is over by the article's date."""
    if not published:
        return PeriodRef(s, e, None, "month")
    y = (published.year if month <= published.month else published.year - 1) - (1 if last_year else 0)
    if month % 3:
        return PeriodRef(s, e, f"{y}-{month:02d}", "month")
    if fiscal:
        q = ((month - fiscal - 1) % 12) // 3 + 1
        return PeriodRef(s, e, f"FY{y + (1 if month > fiscal else 0)}Q{q}", "quarter")
    return PeriodRef(s, e, f"{y}Q{month // 3}", "quarter")


def relative_period(s: int, e: int, word: str, published: dt.date | None) -> PeriodRef:
    w = "".join(word.split()).lower()
    if w == "전년도" and published and published.month <= 2:
        # "전년도 영업이익 7854억원에서 적자로": in January or February the year in view is the one just ended, and its
        # previous year is the one before ("지난해" there still names the year just ended)
        return PeriodRef(s, e, str(published.year - 2), "year")
    if w in ("지난해", "작년", "전년도", "lastyear"):
        return PeriodRef(s, e, str(published.year - 1) if published else None, "year")
    if w in ("올해", "금년", "올한해", "thisyear", "theongoingyear", "thecurrentyear", "theongoingfiscalyear", "thecurrentfiscalyear"):
        return PeriodRef(s, e, str(published.year) if published else None, "year")
    if w == "thehalf":
        # "sales slipped 0.2% in the half": the half a results season reports, the first after July, the second until April
        half = (f"{published.year}H1" if published.month >= 7 else f"{published.year - 1}H2" if published.month <= 4 else None) \
            if published else None
        return PeriodRef(s, e, half, "half")
    if w.startswith(("across", "over", "during")) and w.endswith("year"):
        # "rose 5.7% across the full year": a span the figures were reported for, the year just ended until its results
        # season is over (a Greggs-like March statement on the year before)
        return PeriodRef(s, e, str(published.year - (published.month < 5)) if published else None, "year")
    if w in ("theyear", "thefullyear"):
        # "its sales forecast for the year": the year in progress, or in January and February the one just reported
        return PeriodRef(s, e, str(published.year - (published.month < 3)) if published else None, "year")
    if w in ("내년", "nextyear"):
        return PeriodRef(s, e, str(published.year + 1) if published else None, "year", estimate=True)
    if w == "1년전" or (w.startswith(("지난해", "작년", "전년", "theyear-", "theprior-year", "theprevious-year", "prior-year", "previous-year",
                      "lastyear's", "lastyear’s",
                      "prioryear's", "prioryear’s", "theprioryear's", "theprioryear’s")) and len(w) > 3) or (w.startswith("thesame") and w.endswith(("year", "ago", "earlier", "yearprior", "yearbefore"))
                                                                          and len(w) > len("thesameyear")):
        # "the same period last year", "the same quarter a year ago": a year back
        return PeriodRef(s, e, None, "quarter", relative="year_ago")
    if w in ("같은해", "같은기간", "같은시기", "같은분기", "동일기간", "동일시기", "thesameyear", "thesameperiod", "thesamequarter"):
        return PeriodRef(s, e, None, "same", relative="same")
    if regex.match(r"(?:최근|지난)(?:석달|3개월)", w) and published:
        # "최근 석 달간의 순이익": the quarter the article reports, i.e. the last one over by its date
        return PeriodRef(s, e, quarter_over_by(published), "quarter")
    if w in ("이번분기", "현재분기", "당분기", "thisquarter", "thequarter", "thecurrentquarter"):
        return PeriodRef(s, e, None, "quarter", relative="current")
    if w in ("다음분기", "theupcomingquarter", "thecomingquarter", "thenextquarter", "nextquarter"):
        return PeriodRef(s, e, None, "quarter", estimate=True, relative="next")
    return PeriodRef(s, e, None, "quarter", relative="previous")
