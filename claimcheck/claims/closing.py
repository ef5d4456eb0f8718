"""The day a quoted share price closed on: '30일 종가 기준 9만2,400원', 'closed at 94,200 won on Thursday'.

A price moves daily, so two prices are only comparable for the same day. A close quoted without
any day word is left undated (it is compared with nothing); one with a day of the month takes the
article's month (the month before, when that day is still ahead of the article's date); a weekday
takes the latest such day on or before the article's date.
"""
from __future__ import annotations

import datetime as dt

import regex

CLOSE = regex.compile(r"종가|마감|closed|closing|close\b|ended\sat|finished\sat", regex.IGNORECASE)
DAY = regex.compile(r"(?<![\d.월/])(?P<d>[1-9]|[12]\d|3[01])일(?![\p{Hangul}\d])(?!간)|(?<![\p{L}])(?P<w>Monday|Tuesday|Wednesday"
                    r"|Thursday|Friday|Saturday|Sunday|월요일|화요일|수요일|목요일|금요일)"
                    r"|(?P<t>이날|오늘|(?<![\p{L}])today\b)", regex.IGNORECASE)  # "이날 ... 마감했다": the article's own day
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
            "월요일": 0, "화요일": 1, "수요일": 2, "목요일": 3, "금요일": 4}


def close_day(text: str, start: int, end: int, published: dt.date | None) -> str | None:
    """'YYYY-MM-DD' of the close a sentence quotes, if it says both that it is a close and which day."""
    if published is None or not CLOSE.search(text, start, end):
        return None
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
