"""The day a quoted share price closed on: '30일 종가 기준 9만2,400원', 'closed at 94,200 won on Thursday'.

A price moves daily, so two prices are only comparable for the same day. A close quoted without
any day word is left undated (it is compared with nothing); one with a day of the month takes the
article's month (the month before, when that day is still ahead of the article's date); a weekday
takes the latest such day on or before the article's date.
"""
from __future__ import annotations

import datetime as dt

import regex

# (and a note's "Last price: SEK 84.10 (14 Oct)", "현재주가(11월 7일) 29,650원": the price quoted as of a day)
# (and "HLB 주가는 17일 하한가인 6만7100원", "shares fell 5.6% today": a share's move on a day a word names)
CLOSE = regex.compile(r"종가|마감|closed|closing|close\b|ended\sat|finished\sat|(?:last|current|share)\sprice|\blast\s?:|현재\s?주가|현재가"
                      r"|(?<!목표\s?)주가|하한가|상한가|거래를\s?마쳤|\bshares?\b|\bstock\b",
                      regex.IGNORECASE)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "14 Oct", "on 14 October", "Oct. 14", "11월 13일": a day with its month
DAY_MONTH = regex.compile(rf"(?<![\p{{L}}\d])(?:(?P<d1>[1-9]|[12]\d|3[01])\s(?P<m1>{_MON})(?!\s?\d{{4}})|(?P<m2>{_MON})\s(?P<d2>[1-9]|[12]\d|3[01])(?![\d,]))"
                          rf"|(?<![\d.])(?P<km>[1-9]|1[0-2])월\s?(?P<kd>[1-9]|[12]\d|3[01])일"
                          # ("현재주가: 8,950원(11/14 종가)": month and day with a slash, no year)
                          rf"|(?<![\d/.])(?P<sm>[1-9]|1[0-2])/(?P<sd>[1-9]|[12]\d|3[01])(?![\d/])")
FULL_DATE = regex.compile(rf"(?<![\p{{L}}\d])(?:(?P<d1>[1-9]|[12]\d|3[01])\s(?P<m1>{_MON})|(?P<m2>{_MON})\s(?P<d2>[1-9]|[12]\d|3[01]),?)"
                          rf"\s(?P<y>(?:19|20)\d\d)(?!\d)")
DAY = regex.compile(r"(?<![\d.월/])(?P<d>[1-9]|[12]\d|3[01])일(?![\p{Hangul}\d])(?!간)|(?<![\p{L}])(?P<w>Monday|Tuesday|Wednesday"
                    r"|Thursday|Friday|Saturday|Sunday|월요일|화요일|수요일|목요일|금요일)"
                    r"|(?P<t>이날|오늘|(?<![\p{L}])today\b)", regex.IGNORECASE)  # "이날 ... 마감했다": the article's own day
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
            "월요일": 0, "화요일": 1, "수요일": 2, "목요일": 3, "금요일": 4}


def close_day(text: str, start: int, end: int, published: dt.date | None) -> str | None:
    """'YYYY-MM-DD' of the close a sentence quotes, if it says both that it is a close and which day."""
    if published is None or not CLOSE.search(text, start, end):
        return None
    if (full := FULL_DATE.search(text, start, end)) is not None:  # "(11 Nov 2025 close)": the day in full
        try:
            mon = MONTHS.index((full["m1"] or full["m2"])[:3].lower()) + 1
            return dt.date(int(full["y"]), mon, int(full["d1"] or full["d2"])).isoformat()
        except ValueError:
            return None
    if (dm := DAY_MONTH.search(text, start, end)) is not None:
        return _dated(dm, published)
    m = DAY.search(text, start, end)
    if m is None:
        return None
    if m["t"]:
        return published.isoformat()
    if m["d"]:
        day = int(m["d"])
        month = published.replace(day=1)
        if day > published.day:  # a day still ahead this month is last month's
            month = (month - dt.timedelta(days=1)).replace(day=1)
        try:
            return month.replace(day=day).isoformat()
        except ValueError:
            return None
    back = (published.weekday() - WEEKDAYS[m["w"].lower()]) % 7
    return (published - dt.timedelta(days=back)).isoformat()


def _dated(dm: regex.Match[str], published: dt.date) -> str | None:
    """The day and month a close names, in the latest year in which that day is not after the article's date."""
    if dm["km"]:
        month, day = int(dm["km"]), int(dm["kd"])
    elif dm["sm"]:
        month, day = int(dm["sm"]), int(dm["sd"])
    else:
        month = MONTHS.index((dm["m1"] or dm["m2"])[:3].lower()) + 1
        day = int(dm["d1"] or dm["d2"])
    try:
        got = dt.date(published.year, month, day)
        return (got if got <= published else got.replace(year=published.year - 1)).isoformat()
    except ValueError:
        return None
