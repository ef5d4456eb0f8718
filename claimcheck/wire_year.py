"""The year of a wire dateline that prints none ("GOLETA, California, Oct 23 (Wire) -").

The file's name may carry it. Otherwise the story names years, and a wire lead usually names the weekday
it went out ("said on Thursday"): of the years the story names, and the years either side of them, the
one in which the dateline's day fell on that weekday is the story's. A fiscal year's label runs ahead of
the calendar ("fiscal 2026" of a year that ends in March 2026 is reported in October 2025), so without a
weekday the year the story names most, fiscal labels aside, is its year; and when the story names no year but its
fiscal year's labels and end ("fiscal 2026, which ends on June 30, 2026"), it falls in the twelve months up to that end.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

import regex

from .date_forms import MDY, to_date

# a date in a name: "wire_20251016.txt", "2025-10-16-sk-hynix.md", "20251016_note.txt"; two-digit month
# and day, or "2025111" could be January 11 or November 1
FILE_DATE = regex.compile(r"(?<![A-Za-z0-9])(?P<y>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<m>0[1-9]|1[0-2])(?P=sep)"
                          r"(?P<d>0[1-9]|[12]\d|3[01])(?![0-9])")
YEAR_WORD = regex.compile(r"(?<![\d.])(?:19|20)\d\d(?!\d|\.\d)")  # "in 2025." at a sentence end; not "2025.10.16"
FISCAL_YEAR = regex.compile(r"(?:\bfiscal(?:\syear)?|\bFY)\s?((?:19|20)\d\d)(?!\d)", regex.IGNORECASE)
# (not "medtronic_fq2_2026.md", "fy2026": a fiscal year's label, which runs ahead of the calendar the story is dated in)
NAME_YEAR = regex.compile(r"(?<!\d)(?<!f(?:y|[qh]\d)[_-]?)((?:19|20)\d\d)(?!\d)", regex.IGNORECASE)
# "which ends on June 30, 2026": the end of a fiscal year the story is in, a date ahead of its own
ENDS_ON = regex.compile(rf"\b(?:ends|ending|will\send)\s(?:on\s)?{MDY}")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = regex.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
LEAD = 300  # characters after the dateline in which its weekday is named ("said on Thursday")


def year_of(text: str, name: str | None, month: int, day: int, after: int) -> int | None:
    """The year of a dateline's `month` and `day` that prints none; `after` is where the dateline ends."""
    if got := from_name(name):
        return got.year
    if name and (y := NAME_YEAR.search(name.replace("\\", "/").rsplit("/", 1)[-1])):
        return int(y[1])  # "wire_lg_2025q3.md": the year the file is filed under
    counts = Counter(int(y) for y in YEAR_WORD.findall(text))
    if not counts:
        return None
    if (told := WEEKDAY.search(text, after, after + LEAD)) and (fits := _on_weekday(counts, month, day, told[1])):
        return fits
    ends = [m for m in ENDS_ON.finditer(text) if to_date(m)]
    plain = counts - Counter(int(y) for y in FISCAL_YEAR.findall(text)) - Counter(int(m["y"]) for m in ends)
    if not plain and ends and (end := to_date(ends[0])):
        # "fiscal 2026, which ends on June 30, 2026", and no other year: the story falls in the year up to that end
        return end.year if (month, day) <= (end.month, end.day) else end.year - 1
    use = plain or counts
    # on a tie the earlier year: a later one is often a target ("a 6% margin in 2026"), not the story's own
    return max(use, key=lambda y: (use[y], -y))


def _on_weekday(counts: Counter[int], month: int, day: int, weekday: str) -> int | None:
    """The one year, of those named and those either side, whose `month`/`day` is `weekday`; None when not one."""
    want = WEEKDAYS.index(weekday.lower())
    fits = set()
    for y in {y + d for y in counts for d in (-1, 0, 1)}:
        try:
            if dt.date(y, month, day).weekday() == want:
                fits.add(y)
        except ValueError:
            continue
    return fits.pop() if len(fits) == 1 else None


def from_name(name: str | None) -> dt.date | None:
    """A date in the file's name (not its folders): "wire_20251016.txt", "2025-10-16-sk-hynix.md"."""
    if not name:
        return None
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    for m in FILE_DATE.finditer(base):
        if got := to_date(m):
            return got
    return None
