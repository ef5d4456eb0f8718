"""Period expressions: explicit, table headers, fiscal phrasing and phrases relative to the publication date."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex

from . import spans as SP
from ..calendar import bare_quarter_year, fiscal_quarter_over_by, latest_fiscal_year, quarter_over_by
from .period_pattern import GLOSS, MAYBE_PERIOD, PERIOD, YEARS
from .period_phrases import MONTHS, PeriodRef, bare_half, fiscal_label, month_end, month_quarter, month_span, relative_period

TTM = regex.compile(r"지난\s?12\s?개월|최근\s?12\s?개월|12개월\s?누적|TTM|trailing\s(?:12|twelve)[\s-]months?", regex.IGNORECASE)
ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _year(m) -> str | None:
    """The four-digit year of whichever alternative matched (each has its own group)."""
    v = next((v for g in YEARS if (v := m[g])), None)
    return f"20{v}" if v and len(v) == 2 else v  # "19년 38억 원, 20년 47억 원": a year written with two digits


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
        if m["yr"] and SINCE_AFTER.match(text, m.end(), min(end, m.end() + 30)):
            continue  # "지난 2017년 독립법인으로 출범한 이래 처음으로": the year a record runs from, not the figure's
        if m["yr"] and EVENT_BEFORE.search(text, max(start, s - 30), s):
            continue  # "the HeyDude brand, which Crocs acquired in 2022,": the year of a deal, not the figure's
        if FOLLOWING.match(text, m.end(), min(end, m.end() + 6)):
            continue  # "1분기에 이어 점포 수 증가로": the period before the one in view, as in the last report
        out.append(m)
    return out


FOLLOWING = regex.compile(r"\s?에\s?이어")
EVENT_BEFORE = regex.compile(r"\b(?:acquired|bought|founded|established|incorporated|listed|launched|spun\soff|merged)\s(?:it\s)?"
                             r"(?:in|since)\s(?:(?:early|late|mid-?)\s?)?(?:(?:January|February|March|April|May|June|July|August|September"
                             r"|October|November|December)\s)?$")
# ("2020년 이후 5년 만의 일이다": the year a record or a first is counted from, not the figure's)
SINCE_AFTER = regex.compile(r"[^.,;\d]{0,24}?(?:이래|이후\s?(?:처음|최대|최고|최저|최초|\d{1,2}\s?년\s?만))")


def _fiscal_half(s: int, e: int, m, fiscal: int | None, shift: int) -> PeriodRef:
    """"H1 FY26", "1HFY26", "FY26 H1", "H1 2025/26": a half of a fiscal year, named by the year it ends in; read
    on the calendar when the company's fiscal year is not known, as a fiscal quarter is."""
    half = int(m["fhn"] or m["fhn2"] or m["fhn3"] or m["fhn4"] or m["fhn5"] or ("1" if m["fhn6"] == "first" else "2"))
    split = _split_end(m["fhs"] or m["fhs2"], m["fhe"] or m["fhe2"])
    y = split or _y(m["fhy"] or m["fhy2"])
    if y is None:
        return PeriodRef(s, e, None, "half")
    # (a split year, "2025/26", is a fiscal year whatever the vocabulary knows of the company: no calendar half)
    return PeriodRef(s, e, f"FY{y + (0 if split else shift)}H{half}" if fiscal or split else f"{y}H{half}", "half")


def _split_end(start: str | None, end: str | None) -> int | None:
    """The year a split year ends in ('2024-25' -> 2025), when its two years follow each other."""
    if not start or not end or (int(start) + 1) % 100 != int(end):
        return None
    return int(start) + 1 + (2000 if len(start) == 2 else 0)  # "Q3 25/26": the years of this century



def _year_ending(end_month: int, published: dt.date | None, words: str) -> str | None:
    """The year a "year to 30 September" names without printing it: the last such end before the article ("ended",
    "to"), or the next one ("ending"); none without the article's date."""
    if published is None:
        return None
    if "ending" in words.lower():
        return str(published.year if end_month >= published.month else published.year + 1)
    return str(published.year if end_month < published.month else published.year - 1)

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
        if m["yend"]:
            # "for the fiscal year ended August 30, 2025": the year that ends then, named by the year it ends in
            end_month = MONTHS.index(m["yem"].lower()) + 1
            if m.group()[:1] in "tT1" and end_month != abs(fiscal or 12):
                continue  # "the twelve months ended June 30": a trailing year, not the company's own
            year = m["yey"] or _year_ending(end_month, published, m.group())
            if year is None:
                continue
            out.append(PeriodRef(s, e, year if end_month == 12 else f"FY{year}", "year"))
        elif m["fyq"]:
            q = int(m["fq"] or m["fq2"] or m["fq3"] or m["fq4"] or m["fq5"] or m["fq6"] or m["fq7"]
                    or ORD[(m["ford"] or m["ford2"]).lower()])
            fy = _split_end(m["fys2"], m["fye2"]) or _y(_year(m)) or _y(m["fy2d"]) or _y(m["fy4"]) or _y(m["fy5"]) \
                or _y(m["fy6"]) or _y(m["fy7"]) or _y(m["fy8"])
            if m["fys2"]:
                shift_here = 0  # "Q4 2024-25": a split year names both its calendar years; it ends in the second
            else:
                shift_here = shift
            if fiscal:
                fy = fy + shift_here if fy else fy
                if fy is None and published:
                    fy = latest_fiscal_year(q, fiscal, published)
                out.append(PeriodRef(s, e, f"FY{fy}Q{q}" if fy else None, "quarter"))
            else:
                fy = fy or (bare_quarter_year(q, published) if published else None)
                out.append(PeriodRef(s, e, f"{fy}Q{q}" if fy else None, "quarter"))
        elif m["fyh"]:
            out.append(_fiscal_half(s, e, m, fiscal, shift))
        elif m["fy"]:
            ys, ye = m["fys3"] or m["fys4"], m["fye3"] or m["fye4"]
            if ys and int(ye) != (int(ys) + 1) % 100:
                continue  # "2025/11": a month, not a year of account over two calendar years ("2020/21")
            # "FY 2024-25", "for 2024-25": the year that ends in 2025
            split = _split_end(m["fys"] or ys, m["fye"] or ye)
            fy = split or _y(m["fyy"] or m["fyy2"] or m["fyy3"])
            fy = fy + shift if fy and fiscal and not split else fy
            out.append(PeriodRef(s, e, (f"FY{fy}" if fiscal else str(fy)) if fy else None, "year",
                                 estimate=bool(published and fy and fy > published.year + (1 if fiscal else 0))))
        elif m["q"]:
            given = _y(_year(m) or m["y2_"] or m["y3_"] or m["y4_"] or m["y6_"] or m["y7_"])
            if m["rqy"] and pub_y:  # "지난해 3분기"
                given = pub_y + {"지난해": -1, "작년": -1, "내년": 1}.get(m["rqy"], 0)
            q = int(m["qn"] or m["qn2"] or m["qn3"] or m["qn4"] or m["qn5"] or m["qn6"] or m["qn7"] or m["qn8"]
                    or ORD.get((m["ord"] or m["ordly"] or "").lower(), 0))
            if m["ordly"] and published:
                # "a loss of $181 million in the third quarter last year": that quarter, a year before the latest one
                back = (latest_fiscal_year(q, fiscal, published) if fiscal else bare_quarter_year(q, published)) - 1
                out.append(PeriodRef(s, e, f"{'FY' if fiscal else ''}{back}Q{q}", "quarter", relative="year_ago"))
                continue
            if fiscal and not given and published and q:
                out.append(PeriodRef(s, e, f"FY{latest_fiscal_year(q, fiscal, published)}Q{q}", "quarter"))
                continue
            if fiscal and given and q and (m["y6_"] or m["y7_"] or (published and fiscal_label(given, q, fiscal, published))):
                # ("Q2'25": the clipped year is a company's or an analyst's shorthand for the company's own quarter)
                out.append(PeriodRef(s, e, f"FY{given}Q{q}", "quarter"))
                continue
            if fiscal == 1 and shift and given and q:
                # "Lowe's Q3 2025": a retailer that names its January years by the year they start in is read by its
                # own label (its quarters end a month after the calendar's, so the calendar's name would fit none)
                out.append(PeriodRef(s, e, f"FY{given + shift}Q{q}", "quarter"))
                continue
            y = given or (bare_quarter_year(q, published) if published and q else pub_y)
            out.append(PeriodRef(s, e, f"{y}Q{q}" if y and q else None, "quarter"))
        elif m["h"]:
            y = _y(_year(m) or m["y5_"] or m["y8_"] or m["y9_"]) or pub_y
            hn = (m["hn"] or m["hn2"] or m["hn3"] or m["hn4"] or m["hn5"] or m["hn6"] or m["hn7"]).lower()
            half = 1 if hn in ("상반기", "1h", "1", "first") else 2
            if m["hey"]:
                # "the first half of its fiscal year ending March 2026": that year's half, named by the year it ends in
                calendar = m["hem"].lower() == "dec"
                out.append(PeriodRef(s, e, f"{m['hey']}H{half}" if calendar else f"FY{m['hey']}H{half}", "half"))
                continue
            if fiscal and m["hfy"] and y:
                # "the first half of FY2025", "of fiscal 2025": the company's own half, not the calendar's
                out.append(PeriodRef(s, e, f"FY{y + shift}H{half}", "half"))
                continue
            out.append(PeriodRef(s, e, f"{y}H{half}" if y else None, "half"))
        elif m["bh"]:
            out.append(bare_half(s, e, m, published, fiscal))
        elif m["mq"]:
            out.append(month_quarter(s, e, m, published, fiscal))
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
            # "3분기까지 누적" with no year, read in February: the year whose third quarter is over, as for "3분기"
            ends = [int(a or b) for a, b in regex.findall(r"([1-4])\s?(?:분기|Q|개)|Q([1-4])", m["qs"])]
            y = int(m["qsy"] or m["qsy2"]) if m["qsy"] or m["qsy2"] else (bare_quarter_year(ends[-1], published) if ends and published else pub_y)
            out.append(PeriodRef(s, e, str(y) if y else None, "ytd"))  # "1~3분기 누적": the year so far
        elif m["upto"] or m["upto2"] or m["nq3"]:
            year = SP.year_to_date(m, published, fiscal or SP.implied_fiscal(m))
            # "the six months to 30 September 2025" of a year that ends in March: the first half, not a running total
            half = year is not None and SP.six_months(m)
            out.append(PeriodRef(s, e, f"{year}H1" if half else year, "half" if half else "ytd"))
        elif m["me"]:
            out.append(month_end(s, e, int(m["mem"]), published, fiscal, bool(m["mey"])))
        elif m["ms"] or m["bm"]:
            ref = month_span(s, e, int(m["m1"] or m["bmm"]), int(m["m2"] or m["bmm"]), published, fiscal)
            if (m["msy"] or m["bmy"]) and ref.period and ref.period[:4].isdigit() and published:
                # "지난해 1~9월", "지난해 8월": that span in the year before the article's (read in January 2026, 2025's first nine
                # months, not the year before the latest such span)
                ref = PeriodRef(s, e, str(published.year - 1) + ref.period[4:], ref.grain)
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
            if "".join(m["rel"].split()).lower() in ("lastfinancialyear", "lastfiscalyear") and published:
                # "an annual profit of $1.7 billion last financial year": the year of account before the latest one over
                end = abs(fiscal or 12)
                latest = published.year if published.month > end else published.year - 1
                out.append(PeriodRef(s, e, f"FY{latest - 1}" if fiscal else str(latest - 1), "year"))
                continue
            ref = relative_period(s, e, m["rel"], published)
            if ref.relative == "previous" and published and "".join(m["rel"].split()) == "지난분기" \
                    and not LAST_QUARTER_COMPARED.match(m.string, e):
                # "원익IPS는 지난 분기에 매출 약 2,500억 원을": the last quarter over by the article's date, not the one
                # before a quarter in view (that is "지난 분기 대비", a comparison)
                over = fiscal_quarter_over_by(published, fiscal) if fiscal else quarter_over_by(published)
                ref = PeriodRef(s, e, over, "quarter")
            out.append(ref)
    return out


LAST_QUARTER_COMPARED = regex.compile(r"\s?(?:\([^()]{0,30}\)\s?)?(?:대비|比|보다|에\s?비해|[와과]\s?(?:비교|견주|견줘)|에\s?이어|의\s)")


@lru_cache(maxsize=4096)
def header_period(cell: str, fy_end: int | None = None) -> tuple[str | None, bool]:
    """A table column header such as 2024, 2025E, 3Q25, FY25 or 2025년 4분기 as (period, estimate)."""
    refs = find(cell, 0, len(cell), None, fy_end)
    fiscal = "FY" if fy_end and abs(fy_end) != 12 else ""  # "| 구분 | 2024 | 2025E |" on Sony: its fiscal years
    shift = 1 if fiscal and fy_end and fy_end < 0 else 0  # fiscal is only set with an fy_end
    # ("| Q3 25 cons. |", "| 3Q25 컨센서스 |": the market's forecast for the quarter, beside what it reported)
    est = bool(refs) and (refs[0].estimate or bool(regex.match(r"[EF](?![\p{L}])", cell[refs[0].end:]))
                          or ESTIMATE_HEADER.search(cell) is not None)  # ("| Consensus Q3 25 |" too)
    if refs and refs[0].period and refs[0].period.isdigit():
        return fiscal + str(int(refs[0].period) + shift), est
    if refs and refs[0].period:
        # "| Q3 2025 | Q3 2024 |" in a fiscal company's table heads its own quarters, as its text names them
        p = f"FY{refs[0].period}" if fiscal and regex.fullmatch(r"\d{4}Q[1-4]", refs[0].period) else refs[0].period
        return p, est
    m = regex.fullmatch(r"\s*((?:19|20)\d\d)\s*([EFP])?\s*", cell)
    if m:
        return fiscal + str(int(m[1]) + shift), bool(m[2])
    return None, ESTIMATE_HEADER.search(cell) is not None  # "| Analyst Estimate |", "| 컨센서스 |": no period, a forecast


ESTIMATE_HEADER = regex.compile(r"\b(?:estimates?|est|consensus|cons|expected|forecasts?|ours)\b|컨센서스|예상치?|추정치?|전망치|당사\s?(?:추정|예상|전망)?", regex.IGNORECASE)
