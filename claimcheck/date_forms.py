"""The written forms of a calendar date (2025-10-16, 2025년 10월 16일, Oct 29, 2025, 16 October 2025, 12/10/2025) and
reading them: the pieces datelines.py builds its date lines from, apart from where in an article a date is looked for."""
from __future__ import annotations

import datetime as dt

import regex

# ---------------------------------------------------------------- pieces of a date
YEAR = r"(?P<y>(?:19|20)\d\d)"
MONTH = r"(?P<m>0?[1-9]|1[0-2])"
DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
# English month names and their newsroom abbreviations ("Sept.", "Oct."); a letter may not follow
MONTH_NAME = (r"(?P<mn>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
              r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\.?")
ORDINAL = r"(?:st|nd|rd|th)?"

# 2025-10-16, 2025.10.16, 2025/10/16, "2025. 10. 16.": one separator used throughout
NUMERIC = rf"(?<![\d.]){YEAR}(?P<sep>[-./])\s?{MONTH}\s?(?P=sep)\s?{DAY}(?![\d])"
KOREAN = rf"(?<!\d){YEAR}\s?년\s?{MONTH}\s?월\s?{DAY}\s?일"
# the lookaheads only skip, cheaply, the many places where no month name can start
MDY = rf"(?=[JFMASONDjfmasond])(?<![A-Za-z]){MONTH_NAME}\s{DAY}{ORDINAL},?\s{YEAR}(?!\d)"  # Oct 29, 2025 / October 29, 2025
DMY = rf"(?=\d{{1,2}}(?:st|nd|rd|th)?\s[A-Za-z])(?<![\d]){DAY}{ORDINAL}\s{MONTH_NAME},?\s{YEAR}(?!\d)"  # 16 October 2025 / 29 Oct 2025
# one pattern per form, so that every form names its parts y, m (or mn) and d
# "Benzinga·12/10/2025 21:32": the US month/day/year a syndicated English story carries in its head
US_NUMERIC = rf"(?<![\d/.]){MONTH}/{DAY}/{YEAR}(?![\d/])"
# "Published 28/10/2025, 11:58": day first, read so only when the day cannot be a month (05/09/2025 stays US)
DAY_FIRST = rf"(?<![\d/.])(?P<d>1[3-9]|2\d|3[01])/{MONTH}/{YEAR}(?![\d/])"
# "Published 29.10.2025 07:12 CET": a European paper's day, month and year between dots (no US date is so written)
DOTTED_DAY_FIRST = rf"(?<![\d.]){DAY}\.{MONTH}\.{YEAR}(?![\d.])"
# "작성자: 면사왕 | 25/05/20 22:47": a Korean board's two-digit year first, then its time (only after Hangul on the
# line, where no US month/day/year is written)
SHORT_YEAR_FIRST = rf"(?<=\p{{Hangul}}[^\n]{{0,40}})(?<![\d/.])(?P<y2>2\d)/{MONTH}/{DAY}(?=\s\d{{1,2}}:\d\d)"
FORMS = [regex.compile(NUMERIC), regex.compile(KOREAN), regex.compile(MDY, regex.IGNORECASE),
         regex.compile(DMY, regex.IGNORECASE), regex.compile(US_NUMERIC), regex.compile(DAY_FIRST), regex.compile(DOTTED_DAY_FIRST),
         regex.compile(SHORT_YEAR_FIRST)]
MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                      "nov", "dec"], 1)}


def to_date(m: regex.Match) -> dt.date | None:
    """The match's calendar date, or None when it names no real day (2025-02-30, 2025.13.01)."""
    named = m.groupdict()
    month = int(named["m"]) if named.get("m") else MONTHS[named["mn"][:3].lower()]
    try:
        year = int(named["y"]) if named.get("y") else 2000 + int(named["y2"])
        return dt.date(year, month, int(m["d"]))
    except ValueError:
        return None


def dates_in(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, dt.date]]:
    """Every real calendar date with a year in text[pos:endpos], as (start, end, date) in text order."""
    end = len(text) if endpos is None else endpos
    got = [(m.start(), m.end(), d) for rx in FORMS for m in rx.finditer(text, pos, end) if (d := to_date(m))]
    return sorted(got)


def first_date(s: str) -> dt.date | None:
    got = dates_in(s)
    return got[0][2] if got else None
