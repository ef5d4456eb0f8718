"""Period expressions: explicit, table headers, fiscal phrasing and phrases relative to the publication date."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import re

import regex

from . import spans as SP
from ..calendar import bare_quarter_year, latest_fiscal_year, period_end, to_calendar_quarter

YEARS = tuple(f"y{k}" for k in range(1, 14))  # stdlib re wants a group name once: each alternative has its own


def _Y(k: int) -> str:
    return rf"(?P<y{k}>(?:19|20)\d\d)"


PERIOD = re.compile(
    rf"""(?=[\dFfQq회지작전올금내이현당직다같동상하최lLtTnNsSHhyY]|(?-i:[JAMOD]))(?<!\d)(?:
      (?P<cmp>(?:지난해|작년|전년)\s?(?:(?:같은|동일)\s?(?:기간|분기|시기)|동기)\s?(?:대비|比|보다|에\s?비해|[과와]\s?비교)
             |(?:지난해|작년|전년)에\s?이어
             |from\sthe\ssame\s(?:period|quarter)\s(?:last|a|of\sthe\sprevious)\syear(?:\searlier)?
             |(?<![^\W\d_])(?:(?:19|20)\d\d\s?년\s?)?[1-4]\s?분기(?:와|과)\s?(?:비교해|비교하면|비교했을\s?때|견줘|견주면))
    | (?P<fyq>(?:FY\s?|회계연도\s?|fiscal\s(?:year\s)?){_Y(1)}?\s?(?:년\s?)?(?:회계연도\s?)?(?P<fq>[1-4])\s?(?:분기|Q)
              |{_Y(2)}\s?회계연도\s?(?P<fq2>[1-4])\s?분기
              |(?:FY|fiscal\s)\s?(?P<fy2d>\d\d)\s?Q(?P<fq3>[1-4])
              |(?<![^\W\d_])FQ(?P<fq4>[1-4])(?![^\W_])
              |fiscal\s(?:year\s)?(?:(?P<fy4>(?:19|20)\d\d)\s)?(?P<ford>first|second|third|fourth)[\s-]quarter
               (?:\s(?:of\s)?(?:fiscal\s)?(?P<fy6>(?:19|20)\d\d)(?!\d))?
              |(?P<ford2>first|second|third|fourth)[\s-]quarter\sof\s(?:its\s|the\s)?fiscal\s(?:year\s)?(?P<fy5>(?:19|20)?\d\d)(?!\d))
    | (?P<fy>(?:FY\s?|fiscal\s(?:year\s)?)(?P<fyy>(?:19|20)?\d\d)(?!\d)|(?P<fyy2>(?:19|20)\d\d)\s?회계연도)
    | {SP.QUARTERS_TO_DATE}
    | (?P<q>{_Y(3)}\s?(?:년\s?)?(?:(?P<qn>[1-4])\s?(?:[·/]\s?4\s?)?(?:분기|Q)|Q(?P<qn2>[1-4]))
           |(?P<qn3>[1-4])Q\s?(?P<y2_>(?:19|20)?\d\d)(?!\d)
           |Q(?P<qn4>[1-4])\s?(?P<y3_>(?:19|20)\d\d)
           |(?P<ord>first|second|third|fourth)[\s-]quarter(?:\sof\s(?P<y4_>(?:19|20)\d\d))?(?!\s(?:with|ever|above|over|of\s(?:more|over)))
           |(?P<rqy>지난해|작년|올해|금년|내년)\s?(?P<qn5>[1-4])\s?분기)
    | (?P<h>{_Y(4)}\s?(?:년\s?)?(?P<hn>상반기|하반기|[12]H)|(?P<hn2>[12])H\s?(?P<y5_>(?:19|20)?\d\d)(?!\d)
           |(?:the\s)?(?P<hn3>first|second)\shalf\sof\s(?:fiscal\s(?:year\s)?)?{_Y(13)}(?!\d))
    | (?P<bh>(?:(?P<bhr>지난해|작년|올해|금년|내년)\s?)?(?<![^\W\d_])(?P<bhn>상반기|하반기)
           |(?<![^\W_])(?:H(?P<bhn2>[12])|(?P<bhn3>[12])H)(?![^\W_])
           |(?<![^\W_])(?P<bhn4>first|second)[\s-]half(?!\sof\s(?:the\s)?(?:\d|decade|century|month)))
    | (?P<mq>(?P<mqm>[1-9]|1[0-2])월\s?분기
           |(?:quarter|three[\s-]months?)\s(?:ending|ended|that\s(?:ends|ended))\s(?:in\s|on\s)?(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?
             (?:\s(?:[1-9]|[12]\d|3[01])(?!\d))?(?:,?\s(?P<mqy2>(?:19|20)\d\d)(?!\d))?
           |(?P<mon2>january|february|march|april|june|july|august|september|october|november|december)
             \s(?:(?P<mqy>(?:19|20)\d\d)\s)?quarter|(?<=holiday\s)(?P<hol>quarter))
    | (?P<bq>(?<![^\W\d_])(?P<bqn>[1-4])\s?(?:[·/]\s?4\s?)?분기|(?<![^\W_])Q(?P<bqn2>[1-4])(?![^\W_]))
    | {SP.MONTHS_UP_TO} | {SP.MONTHS_ENDED}
    | (?P<ym>{_Y(5)}\s?년\s?(?P<mm>[1-9]|1[0-2])\s?월(?:\s?(?P<dd>[1-9]|[12]\d|3[01])\s?일)?)
    | {SP.MONTH_SPAN}
    | (?P<bm>{SP.NOT_AFTER}(?P<bmm>[1-9]|1[0-2])\s?월(?!\s?(?:분기|\d|말|초|부터|까지|결산|중|께|쯤)|에(?!만|는|도)))
    | (?P<iso>{_Y(6)}-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))
    | (?P<ye>{_Y(7)}(?P<est>[EFP])(?![^\W\d_]))
    | (?P<yr>{_Y(8)}\s?년(?!\s?(?:[1-9]|1[0-2])\s?월)|(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bof\s)|(?<=\bduring\s)){_Y(9)}(?![\d-])
           |(?<=['’]s\s){_Y(10)}(?![\d-])|(?<=full[\s-]year\s){_Y(11)}(?![\d-])
           |{_Y(12)}(?=\s(?:full[\s-]year\s)?(?:adjusted\s|non-GAAP\s|GAAP\s|organic\s)?(?:revenue|sales|net|operating|profit|earnings|capex|capital|spending|expenses|results|guidance|margin|forecast|outlook|EPS)))
    | (?P<rel>(?:(?:지난해|작년|전년)\s?(?:같은|동일)\s?(?:기간|분기|시기)|(?:전년|작년)\s?동기)(?!\s?(?:대비|比))
          |the\syear-(?:ago|earlier)\s(?:period|quarter)|the\s(?:prior|previous)-year\s(?:period|quarter)
          |the\ssame\s(?:period|quarter)\s(?:of\s)?(?:last\syear|a\syear\s(?:earlier|ago)|the\s(?:previous|prior)\syear)
          |the\ssame\s(?:period|quarter)\s(?:of|in)\s(?P<samey>(?:19|20)\d\d)(?!\d)
          |지난해|작년|전년도|올해|금년|올\s?한\s?해|내년|이번\s?분기|현재\s?분기|당\s?분기|지난\s?분기|직전\s?분기|전\s?분기(?!\s?대비)|다음\s?분기
          |(?:최근|지난)\s?(?:석\s?달|3\s?개월)(?:간|동안)?
          |last\syear|this\syear|next\syear|(?<=for\s)the\s(?:full\s)?year(?![\s-](?:ago|earlier|before))|the\s(?:ongoing|current)\s(?:fiscal\s)?year|this\squarter|last\squarter|the\sprevious\squarter|the\sprior\squarter
          |같은\s?해|같은\s?기간|같은\s?분기|동일\s?기간|the\ssame\s(?:year|period|quarter)
          |(?:(?<=in\s)|(?<=for\s)|(?<=during\s))the\squarter(?!\s(?:ending|ended|that))|the\scurrent\squarter)
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# every PERIOD alternative contains one of these; stdlib re rejects a sentence far faster
MAYBE_PERIOD = re.compile(r"(?:19|20)\d\d|to[\s-]date|YTD|\d\s?(?:분기|Q|H|월)|[QH][1-4]|F[YQ]|fiscal|회계|반기|지난|작년|전년|올|금년|내년|이번|최근"
                          r"|현재|당\s?분기|직전|전\s?분기|다음|같은|동일|quarter|year|period|months?\s", re.IGNORECASE)
GLOSS = re.compile(r"\s?[(（]\s?$")
TTM = regex.compile(r"지난\s?12\s?개월|최근\s?12\s?개월|12개월\s?누적|TTM|trailing\s(?:12|twelve)[\s-]months?", regex.IGNORECASE)
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}


@dataclass(frozen=True, slots=True)
class PeriodRef:
    start: int
    end: int
    period: str | None
    grain: str  # year, quarter, half, month, day, ytd (the year so far: its period is the year)
    estimate: bool = False
    relative: str = ""  # "", "current", "previous", "next": resolved later against the focus


def _year(m) -> str | None:
    """The four-digit year of whichever alternative matched (each has its own group)."""
    return next((v for g in YEARS if (v := m[g])), None)


def _stated_year(m) -> int:
    """The year of an alternative whose pattern cannot match without its year group (ym, yr)."""
    year = _year(m)
    assert year is not None
    return int(year)


def _y(s: str | None) -> int | None:
    if not s:
        return None
    v = int(s)
    return v + 2000 if v < 100 else v


def find(text: str, start: int, end: int, published: dt.date | None, fy_end: int | None) -> list[PeriodRef]:
    """Period expressions in text[start:end]; fy_end is the fiscal year-end month of the entity in view."""
    return read(matches(text, start, end), published, fy_end)


def matches(text: str, start: int, end: int) -> list:
    """The period phrases in text[start:end] as regex matches, glosses dropped; reading them needs a calendar."""
    out: list = []
    if not MAYBE_PERIOD.search(text, start, end):
        return out  # most sentences name no period; the full pattern is the slow part
    gloss_end = -1
    for m in PERIOD.finditer(text, start, end):
        s = m.start()
        if s < gloss_end:
            continue  # "2026 회계연도(2025년 4월~2026년 3월)": the brackets spell out the period before them
        if out and GLOSS.match(text, out[-1].end(), s):
            close = text.find(")", s, min(end, s + 40))
            if close > 0:
                gloss_end = close
                if out[-1]["rel"] and not m["rel"]:
                    out[-1] = m  # "직전 분기(2026 회계연도 1분기, 4~6월)": the bracket names the quarter outright
                continue
        out.append(m)
    return out


def read(found: list, published: dt.date | None, fy_end: int | None) -> list[PeriodRef]:
    """Matches from matches() as periods, for an entity whose fiscal year ends in month fy_end."""
    out: list[PeriodRef] = []
    pub_y = published.year if published else None
    fiscal = abs(fy_end) if fy_end and abs(fy_end) != 12 else None
    shift = 1 if fy_end and fy_end < 0 else 0  # a printed start-year label, moved to the end-year name
    for m in found:
        s, e = m.span()
        if m["cmp"]:
            continue  # "지난해 같은 기간 대비", "from the same period last year": what a change is measured against
        if m["fyq"]:
            q = int(m["fq"] or m["fq2"] or m["fq3"] or m["fq4"] or ORD[(m["ford"] or m["ford2"]).lower()])
            fy = _y(_year(m)) or _y(m["fy2d"]) or _y(m["fy4"]) or _y(m["fy5"]) or _y(m["fy6"])
            if fiscal:
                fy = fy + shift if fy else fy
                if fy is None and published:
                    fy = latest_fiscal_year(q, fiscal, published)
                out.append(PeriodRef(s, e, f"FY{fy}Q{q}" if fy else None, "quarter"))
            else:
                fy = fy or (bare_quarter_year(q, published) if published else None)
                out.append(PeriodRef(s, e, f"{fy}Q{q}" if fy else None, "quarter"))
        elif m["fy"]:
            fy = _y(m["fyy"] or m["fyy2"])
            fy = fy + shift if fy and fiscal else fy
            out.append(PeriodRef(s, e, (f"FY{fy}" if fiscal else str(fy)) if fy else None, "year",
                                 estimate=bool(published and fy and fy > published.year + (1 if fiscal else 0))))
        elif m["q"]:
            given = _y(_year(m) or m["y2_"] or m["y3_"] or m["y4_"])
            if m["rqy"] and pub_y:  # "지난해 3분기"
                given = pub_y + {"지난해": -1, "작년": -1, "내년": 1}.get(m["rqy"], 0)
            q = int(m["qn"] or m["qn2"] or m["qn3"] or m["qn4"] or m["qn5"] or ORD.get((m["ord"] or "").lower(), 0))
            if fiscal and not given and published and q:
                out.append(PeriodRef(s, e, f"FY{latest_fiscal_year(q, fiscal, published)}Q{q}", "quarter"))
                continue
            if fiscal and given and published and q and _fiscal_label(given, q, fiscal, published):
                out.append(PeriodRef(s, e, f"FY{given}Q{q}", "quarter"))
                continue
            y = given or (bare_quarter_year(q, published) if published and q else pub_y)
            out.append(PeriodRef(s, e, f"{y}Q{q}" if y and q else None, "quarter"))
        elif m["h"]:
            y = _y(_year(m) or m["y5_"]) or pub_y
            hn = (m["hn"] or m["hn2"] or m["hn3"]).lower()
            half = 1 if hn in ("상반기", "1h", "1", "first") else 2
            out.append(PeriodRef(s, e, f"{y}H{half}" if y else None, "half"))
        elif m["bh"]:
            out.append(_bare_half(s, e, m, published, fiscal))
        elif m["mq"]:
            out.append(_month_quarter(s, e, m, published, fiscal))
        elif m["bq"]:
            q = int(m["bqn"] or m["bqn2"])
            if fiscal and published:
                fy = latest_fiscal_year(q, fiscal, published)
                out.append(PeriodRef(s, e, f"FY{fy}Q{q}", "quarter"))
            else:
                out.append(PeriodRef(s, e, f"{bare_quarter_year(q, published)}Q{q}" if published else None, "quarter"))
        elif m["ym"]:
            y, mo = _stated_year(m), int(m["mm"])
            p = f"{y}-{mo:02d}-{int(m['dd']):02d}" if m["dd"] else f"{y}-{mo:02d}"
            out.append(PeriodRef(s, e, p, "day" if m["dd"] else "month"))
        elif m["qs"]:
            y = int(m["qsy"]) if m["qsy"] else pub_y
            out.append(PeriodRef(s, e, str(y) if y else None, "ytd"))  # "1~3분기 누적": the year so far
        elif m["upto"] or m["upto2"] or m["nq3"]:
            out.append(PeriodRef(s, e, SP.year_to_date(m, published, fiscal), "ytd"))
        elif m["ms"] or m["bm"]:
            ref = _months(s, e, int(m["m1"] or m["bmm"]), int(m["m2"] or m["bmm"]), published, fiscal)
            if m["msy"] and ref.period and ref.period[:4].isdigit():  # "지난해 1~9월": the same span a year back
                ref = PeriodRef(s, e, str(int(ref.period[:4]) - 1) + ref.period[4:], ref.grain)
            out.append(ref)
        elif m["iso"]:
            out.append(PeriodRef(s, e, f"{_year(m)}-{m['im']}-{m['id']}", "day"))
        elif m["ye"]:
            out.append(PeriodRef(s, e, _year(m), "year", estimate=m["est"].upper() in "EF"))
        elif m["yr"]:
            y = _stated_year(m)
            out.append(PeriodRef(s, e, str(y), "year", estimate=bool(published and y > published.year)))
        elif m["samey"]:  # "the same period of 2024": the quarter in view, in that year
            out.append(PeriodRef(s, e, m["samey"], "quarter", relative="same_of"))
        elif m["rel"]:
            if fiscal and "".join(m["rel"].split()).lower() in ("theyear", "thefullyear"):
                continue  # a fiscal company's "for the year" is its fiscal year, which the sentence before names
            out.append(_relative(s, e, m["rel"], published))
    return out


def _fiscal_label(year: int, q: int, fiscal: int, published: dt.date) -> bool:
    """"Q3 2026" in a December 2025 story on Salesforce: a calendar quarter still ahead, where the fiscal
    quarter of that name is over, is the company's own label for the quarter it reports."""
    now = (published.year, published.month)
    cal, fis = period_end(f"{year}Q{q}"), period_end(f"FY{year}Q{q}", fiscal)
    return bool(cal and fis and cal > now >= fis)


QUARTER_SPANS = {(1, 3), (4, 6), (7, 9), (10, 12)}
def _month_quarter(s: int, e: int, m, published: dt.date | None, fiscal: int | None) -> PeriodRef:
    """"The September quarter", "the quarter ending in January", "the March 2024 quarter": the quarter ending in
    that month, of the year the phrase names or else the one nearest the publication date."""
    month = int(m["mqm"]) if m["mqm"] else 12 if m["hol"] else MONTHS.index((m["mon"] or m["mon2"])[:3].lower()) + 1
    if m["mqy"] or m["mqy2"]:
        y = int(m["mqy"] or m["mqy2"])  # named outright: no date needed (a table header has none)
    elif published is None:
        return PeriodRef(s, e, None, "quarter")
    elif m["mon2"] or m["hol"]:  # "the December quarter": whichever is nearest, often the coming one
        y = min((published.year - 1, published.year, published.year + 1),
                key=lambda yy: abs((yy - published.year) * 12 + month - published.month))
    else:
        y = published.year if month <= published.month else published.year - 1
        if m["mon"] and m.group("mq").lower().startswith("quarter ending") and (month - published.month) % 12 <= 3 \
                and month < published.month:
            y += 1  # "the quarter ending in January", said in November, is the coming one; one ending in September is past
    if fiscal:
        q = ((month - fiscal - 1) % 12) // 3 + 1
        return PeriodRef(s, e, f"FY{y + (1 if month > fiscal else 0)}Q{q}", "quarter")
    return PeriodRef(s, e, to_calendar_quarter(y, month), "quarter")


RELATIVE_YEAR = {"지난해": -1, "작년": -1, "올해": 0, "금년": 0, "내년": 1}


def _bare_half(s: int, e: int, m, published: dt.date | None, fiscal: int | None) -> PeriodRef:
    """"상반기", "올해 하반기", "H1", "the second half": the half whose last quarter is nearest the date,
    in the company's fiscal year when it keeps one, as a bare "3분기" is read."""
    hn = (m["bhn"] or m["bhn2"] or m["bhn3"] or m["bhn4"]).lower()
    half = 1 if hn in ("상반기", "1", "first") else 2
    if not published:
        return PeriodRef(s, e, None, "half")
    if m["bhr"]:
        y = published.year + RELATIVE_YEAR[m["bhr"]]
        return PeriodRef(s, e, f"{y}H{half}", "half", estimate=y > published.year)
    if fiscal:
        return PeriodRef(s, e, f"FY{latest_fiscal_year(2 * half, fiscal, published)}H{half}", "half")
    return PeriodRef(s, e, f"{bare_quarter_year(2 * half, published)}H{half}", "half")


def _months(s: int, e: int, m1: int, m2: int, published: dt.date | None, fiscal: int | None) -> PeriodRef:
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


def _relative(s: int, e: int, word: str, published: dt.date | None) -> PeriodRef:
    w = "".join(word.split()).lower()
    if w in ("지난해", "작년", "전년도", "lastyear"):
        return PeriodRef(s, e, str(published.year - 1) if published else None, "year")
    if w in ("올해", "금년", "올한해", "thisyear", "theongoingyear", "thecurrentyear"):
        return PeriodRef(s, e, str(published.year) if published else None, "year")
    if w in ("theyear", "thefullyear"):
        # "its sales forecast for the year": the year in progress, or in January and February the one just reported
        return PeriodRef(s, e, str(published.year - (published.month < 3)) if published else None, "year")
    if w in ("내년", "nextyear"):
        return PeriodRef(s, e, str(published.year + 1) if published else None, "year", estimate=True)
    if (w.startswith(("지난해", "작년", "전년", "theyear-", "theprior-year", "theprevious-year")) and len(w) > 3) or (w.startswith("thesame") and w.endswith("year")
                                                                          and len(w) > len("thesameyear")):
        return PeriodRef(s, e, None, "quarter", relative="year_ago")
    if w in ("같은해", "같은기간", "같은분기", "동일기간", "thesameyear", "thesameperiod", "thesamequarter"):
        return PeriodRef(s, e, None, "same", relative="same")
    if regex.match(r"(?:최근|지난)(?:석달|3개월)", w) and published:
        # "최근 석 달간의 순이익": the quarter the article reports, i.e. the last one over by its date
        q = (published.month - 1) // 3
        return PeriodRef(s, e, f"{published.year}Q{q}" if q else f"{published.year - 1}Q4", "quarter")
    if w in ("이번분기", "현재분기", "당분기", "thisquarter", "thequarter", "thecurrentquarter"):
        return PeriodRef(s, e, None, "quarter", relative="current")
    if w in ("다음분기",):
        return PeriodRef(s, e, None, "quarter", estimate=True, relative="next")
    return PeriodRef(s, e, None, "quarter", relative="previous")


@lru_cache(maxsize=4096)
def header_period(cell: str, fy_end: int | None = None) -> tuple[str | None, bool]:
    """A table column header such as 2024, 2025E, 3Q25, FY25 or 2025년 4분기 as (period, estimate)."""
    refs = find(cell, 0, len(cell), None, fy_end)
    fiscal = "FY" if fy_end and abs(fy_end) != 12 else ""  # "| 구분 | 2024 | 2025E |" on Sony: its fiscal years
    shift = 1 if fiscal and fy_end and fy_end < 0 else 0  # fiscal is only set with an fy_end
    if refs and refs[0].period and refs[0].period.isdigit():
        return fiscal + str(int(refs[0].period) + shift), \
            refs[0].estimate or bool(regex.match(r"[EF](?![\p{L}])", cell[refs[0].end:]))
    if refs and refs[0].period:
        return refs[0].period, refs[0].estimate or bool(regex.match(r"[EF](?![\p{L}])", cell[refs[0].end:]))
    m = regex.fullmatch(r"\s*((?:19|20)\d\d)\s*([EFP])?\s*", cell)
    if m:
        return fiscal + str(int(m[1]) + shift), bool(m[2])
    return None, False
