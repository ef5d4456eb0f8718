"""Spans of months and quarters ("7∼9월", "1~9월 누계", "1분기~3분기", "the nine months ended September 30")
and horizons ("향후 3년간", "3~6개월", "over the next three years").

A span from the start of the year to a later month or quarter is the year to date: its figure is a running
total (cadence ytd) whose period is the year. A horizon is how far ahead a plan or a forecast reaches; it
names no period, so a figure beside it is dated neither by it nor by the quarter the article is about.
"""
from __future__ import annotations

import datetime as dt

import regex

# range marks between two numbers: ASCII tilde, U+223C (∼), U+301C (〜), U+FF5E (～), hyphen, en dash
DASH = r"[~∼〜～\-–]"
# not the second half of a range or a decimal ("2~3분기" does not start at "3")
NOT_AFTER = r"(?<![\d.~∼〜～\-–])"
MONTH_NUM = r"(?:[1-9]|1[0-2])"
MONTH_WORD = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"

# "1~3분기", "1분기~3분기", "1Q~3Q", "2025년 1∼3분기", and "3분기 누적" (cumulative through the third quarter):
# the first quarters of a year run together
QUARTERS_TO_DATE = (rf"(?P<qs>{NOT_AFTER}(?:(?P<qsy>(?:19|20)\d\d)\s?년?\s?|올해\s?(?=[2-4]\s?분기\s?(?:말\s?)?까지))?"
                    rf"(?:1\s?(?:분기|Q)?\s?{DASH}\s?[2-4]\s?(?:분기|Q(?![^\W_]))"
                    rf"|Q1\s?{DASH}\s?Q[2-4](?![^\W_])(?:\s(?P<qsy2>(?:19|20)\d\d)(?!\d))?"  # and "Q1-Q3 2025": the year so far
                    rf"|[2-4]\s?(?:분기|Q)\s?(?:말\s?)?(?:까지\s?)?(?:의\s?)?(?:(?:연결|별도)\s?(?:기준\s?)?)?(?=\(?(?:누적|누계))"  # and "3분기 말까지 누적", "3분기까지의 연결 누적", "3분기(누적)", "3Q 누적"
                    rf"|[2-4]\s?분기\s?(?:말\s?)?까지\s?(?:의\s?)?(?=평균)"  # and "3분기까지 평균 가동률": the average so far
                    rf"|[2-4]\s?개\s?분기\s?(?=누적|누계)"  # and "3개 분기 누계": the first three quarters
                    rf"|[2-4]\s?분기\s?(?=만에\s)"  # and "3분기 만에 매출 1조원을 넘긴": in the year's first three quarters
                    rf"|(?:(?<=들어\s)|(?<=연초부터\s))[2-4]\s?분기\s?(?:말\s?)?까지"  # and "올해 들어 3분기까지 매출이"
                    rf"|(?:(?<=누적\s)|(?<=누적))[2-4]\s?분기(?!\s?(?:매출|영업|순이익)?\s?(?:대비|보다))))")  # and "누적 3분기 매출과"
# "지난 9월까지 누적", "2025년 9월까지의 누계": the year up to a month, when the words say it is a running total
MONTHS_UP_TO = (rf"(?P<upto>{NOT_AFTER}(?:(?P<uy>(?:19|20)\d\d)\s?년\s?|지난\s?|올해\s?|올\s)?(?P<um>{MONTH_NUM})\s?월"
                rf"\s?(?:말\s?)?까지(?:의)?\s?(?=누적|누계))")
# "the nine months ended September 30", "six months to June", "the first nine months of 2025": English
# names the span by its end or by its length from January
# (and "the nine months (39 weeks) ending November 1, 2025": the weeks glossed between)
MONTHS_ENDED = (rf"(?P<upto2>(?P<len2>six|nine|6|9)[\s-]months?\s(?:\((?:26|39)\sweeks\)\s)?(?:period\s)?(?:ended|ending|to|through)\s(?:on\s)?"
                rf"(?:\d{{1,2}}\s)?(?P<um2>{MONTH_WORD})[a-z]*\.?(?:\s\d{{1,2}})?(?:,?\s(?P<uy2>(?:19|20)\d\d))?"
                # (and "Wolters Kluwer's nine-month 2025 revenue": the length, then the year)
                rf"|(?:first\s(?=(?:six|nine)\smonths)|(?<![\w-])(?=(?:six|nine)[\s-]months?\s(?:19|20)\d\d(?!\d)))"
                rf"(?P<first>six|nine)[\s-]months?(?:\s(?:of\s(?:fiscal\s(?:year\s)?)?)?(?P<uy3>(?:19|20)\d\d)(?!\d))?"
                # "the nine months ending in Q3": the span by the quarter it ends with
                rf"|(?P<nq>six|nine|6|9)[\s-]months?\s(?:ended|ending|to|through)\s(?:in\s)?(?:Q[23]|the\s(?:second|third)\squarter)"
                # "For the 39 weeks ended September 30": a retailer's half or three quarters counted in weeks
                rf"|(?P<wk>26|39|twenty-six|thirty-nine)[\s-]weeks?\s(?:period\s)?(?:ended|ending)\b"
                # and "decreased 11 percent, to $40.572 billion, for nine months": the months so far, by their length
                # and "For the nine month period, net sales were …"
                # and "gross margin for the nine months stood at 58.4%", "growth over the nine months"
                # (and "Revenue for the 9 months reached $3.85 billion": the length in digits)
                rf"|(?P<nq2>(?:(?<=\b[Ff]or\s)|(?<=\b[Ff]or\sthe\s)|(?<=\b[Ii]n\sthe\s)|(?<=\b[Dd]uring\sthe\s))(?:six|nine|6|9)(?=\smonths(?:[,.;)]|\s(?:of|in|stood|was|were|rose|fell|grew|came|reached|climbed|increased|decreased|declined|edged|improved)\b)|[\s-]months?\speriod\b)"
                rf"|(?<=\b[Oo]ver\sthe\s)(?:six|nine)(?=\smonths\b)"
                # (and "- Nine months net sales reached …": a bullet that opens on the span)
                rf"|(?P<nq4>(?:(?<=^)|(?<=\n)|(?<=^[-•*]\s)|(?<=\n[-•*]\s))(?:Six|Nine)(?=\smonths?\s(?i:net|operating|revenue|sales|profit|income|EBIT|EBITDA)))"
                # (and a headline's "9-month Organic Sales Rise 3.3%")
                rf"|(?:six|nine|(?<![\d.,])[69])(?=-month\s(?i:(?:organic|adjusted|reported|underlying)\s)?(?i:revenue|sales|net|operating|profit|earnings|results|gross|margin|income|ebitda|free|cash|figures)))(?:-month|\smonths?)"
                # "for 9M 2024", "(9M 2023)": the nine months by their abbreviation and year
                rf"|(?<![\w-])(?P<nq3>[69])M\s?(?P<uy4>(?:19|20)?\d\d)(?!\d)"  # (and "9M 25", "9M25" in a table's head)
                # "year-to-date free cash flow is up $2.4 billion": the year so far, the article's year
                rf"|(?i:(?P<ytdw>year[\s-]to[\s-]date))|(?<![\w-])(?P<ytdw2>YTD)(?![\w-])"
                # "January–September 2025", "Jan-Sep 2025", "1–9/2025": the months from January, named by their ends
                rf"|(?<![\w-])jan(?:uary)?\.?\s?(?:[-–]|to|through)\s?(?P<um3>feb|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s"
                rf"(?P<uy5>(?:19|20)\d\d)(?!\d)|(?<![\d./,])1\s?[-–]\s?(?P<um4>[2-9]|1[0-2])\s?/\s?(?P<uy6>(?:19|20)\d\d)(?!\d))")
# a run of months inside a year: "7∼9월" is a quarter, "1~9월" the year to date
MONTH_SPAN = rf"(?P<ms>(?:(?P<msy>지난해|작년|전년)\s?)?{NOT_AFTER}(?P<m1>{MONTH_NUM})\s?{DASH}\s?(?P<m2>{MONTH_NUM})\s?월(?!\s?\d))"
# the span part of a running total, for the cadence of a figure whose period came from elsewhere
YTD_SPAN = rf"{NOT_AFTER}1\s?(?:{DASH}\s?(?:[24-9]|1[0-2])\s?월|(?:분기|Q)?\s?{DASH}\s?[2-4]\s?(?:분기|Q))"

# ---------------------------------------------------------------- horizons: how far ahead, not when
NUMBER_WORD = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)"
RANGE = rf"\d{{1,2}}\s?{DASH}\s?\d{{1,2}}"
AHEAD = r"향후|앞으로|이후|(?:over|in|within|for|during)\sthe\s(?:next|coming)|the\snext"
HORIZON = regex.compile(
    rf"(?:(?:{AHEAD})\s?(?:{RANGE}|{NUMBER_WORD})\s?(?:년|개월|달|분기|years?|months?|quarters?)"
    rf"|(?<![\d.])\d{{1,2}}\s?년\s?(?:간|동안)"           # "3년간 24조원 투자": a span of years, however it opens
    rf"|(?<![\d.]){RANGE}\s?(?:개월|달|months)"          # "3~6개월 내": a range of months is a horizon
    rf"|(?:설립|창립|창사|출범|상장)\s?(?:이후|후)\s?\d{{1,3}}\s?년\s?만에)",  # "설립 이후 10년 만에 매출 1,000억 원": a milestone
    regex.IGNORECASE)
# words every HORIZON holds (a word looking ahead, "N년간", or a run of months), looked for once per sentence:
# most sentences name no horizon, and HORIZON takes several times longer to say so at each figure
MAYBE_HORIZON = regex.compile(r"향후|앞으로|이후|next|coming|년\s?(?:간|동안|만에)|\d\s?(?:개월|달|months)", regex.IGNORECASE)
# what may stand between a figure and the horizon after it: a Korean object particle ("24조원을 향후 3년간") or
# a word or two of English ("$20 billion in total over the next three years"), never a new clause
BETWEEN_AFTER = regex.compile(r"\s?[을를]?\s?|(?:\s(?!and\b|but\b|while\b|or\b)[a-z]+){0,2}\s", regex.IGNORECASE)


def six_months(m) -> bool:
    """Whether a "N months ended" span runs six months from the year's start: its first half."""
    said = m["first"] or m["nq"] or m["nq2"] or m["nq3"] or m["nq4"] or m["wk"] or m["len2"]
    if m["um3"] or m["um4"]:
        return (m["um4"] or "") == "6" or (m["um3"] or "").lower() == "jun"  # "January–June 2025" is the first half
    return bool(said) and said.lower() in ("six", "6", "26", "twenty-six")


def implied_fiscal(m) -> int | None:
    """"the six months to 26 July 2025": a half that ends in neither June nor December is the first half of a fiscal
    year ending six months later (January, here), whatever the vocabulary knows of the company."""
    if not six_months(m) or not m["um2"]:
        return None
    month = MONTH_WORD.split("|").index(m["um2"][:3].lower()) + 1
    return None if month in (6, 12) else (month + 5) % 12 + 1


def year_to_date(m, published: dt.date | None, fiscal: int | None) -> str | None:
    """The year a "N월까지 누적" or "nine months ended September" span belongs to (FY for an off-calendar one)."""
    if m["ytdw"] or m["ytdw2"]:
        return (f"FY{published.year}" if fiscal else str(published.year)) if published else None
    given = m["uy"] or m["uy2"] or m["uy3"] or m["uy4"] or m["uy5"] or m["uy6"]
    if m["first"] or m["nq"] or m["nq2"] or m["nq3"] or m["nq4"] or m["wk"]:
        month = 6 if (m["first"] or m["nq"] or m["nq2"] or m["nq3"] or m["nq4"] or m["wk"]).lower() in ("six", "6", "26", "twenty-six") else 9
        if fiscal and not given:
            month = (fiscal + month - 1) % 12 + 1  # Deere's nine months (its year ends in October) end in July
    elif m["um4"] or m["um3"]:
        month = int(m["um4"]) if m["um4"] else MONTH_WORD.split("|").index(m["um3"][:3].lower()) + 1
    else:
        month = int(m["um"]) if m["um"] else MONTH_WORD.split("|").index(m["um2"][:3].lower()) + 1
    if m["uy3"] and fiscal and "fiscal" in m.group().lower():
        return f"FY{m['uy3']}"  # "the first six months of fiscal 2025": the company's own year, named
    if given:
        y = int(given) + (2000 if len(given) == 2 else 0)
    elif published:
        y = published.year if month <= published.month else published.year - 1
    else:
        return None
    if fiscal:
        return f"FY{y + (1 if month > fiscal else 0)}"
    return str(y)


def horizon_near(scan: str, clause: tuple[int, int], start: int, end: int, refs: list) -> bool:
    """Whether a horizon governs the figure at [start, end): the nearest span phrase before it in its clause
    with no period phrase in between, or one straight after it ("24조원을 향후 3년간", "$20 billion over the next
    three years")."""
    before = [h for h in HORIZON.finditer(scan, clause[0], start) if h.end() <= start]
    if before and not any(before[-1].end() <= r.start < start for r in refs):
        return True
    after = HORIZON.search(scan, end, min(clause[1], end + 40))
    return bool(after and BETWEEN_AFTER.fullmatch(scan, end, after.start()))
