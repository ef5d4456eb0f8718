"""A fiscal year an article spells out: "its fiscal third quarter of 2023, which ended on March 31" says the
company's year ends in June, whether or not rules/fiscal_calendars.yaml knows the company.

A company the calendar list lacks would otherwise have its fiscal quarters read as calendar ones (Peloton's
fiscal Q3 as 2023Q3, six months late). The article's own words settle it for that article's main company.
"""
from __future__ import annotations

import regex

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}
# "fiscal third quarter … ended on March 31", "third quarter of fiscal 2024, which ended December 31",
# "Q3 of fiscal 2024 (the quarter ending in December 2023)"
# (and "the first quarter of its fiscal 2026, the three months to Sept. 30": a month may be cut short)
MONTH = r"(?P<m>" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
STATED = regex.compile(
    r"\b(?:fiscal\s(?:(?:19|20)\d\d\s)?(?P<q>first|second|third|fourth|Q[1-4])[\s-]quarter"
    r"|(?P<q2>first|second|third|fourth|Q[1-4])(?:[\s-]quarter)?\s(?:of\s)?(?:its\s)?fiscal\s(?:year\s)?(?:(?:19|20)\d\d|'\d\d))"
    r"[^.;]{0,60}?\b(?:ended|ending|months\sto|months\sthrough)\s(?:on\s|in\s)?" + MONTH, regex.IGNORECASE)
# "its fiscal year ending March 2026", "fiscal 2026, which ends on June 30, 2026": the year's own last month
# (and "for the year to 31 March 2025", "results for the year ended August 31, 2025": a year of account by its end)
YEAR_END = regex.compile(r"\bfiscal\s(?:year\s)?(?:(?:19|20)\d\d\s?)?,?\s?(?:which\s|that\s)?(?:ending|ends|ended)\s(?:on\s|in\s)?"
                         + MONTH + r"|(?<!half[\s-])(?<!half[\s-]year\s)\b(?:financial\s|fiscal\s)?year\s(?:to|ended|ending)\s(?:on\s)?"
                         r"(?:[1-9]|[12]\d|3[01])?\s?" + MONTH.replace("?P<m>", "?P<m2>"), regex.IGNORECASE)


# "Full year financial results 1 October 2024 – 30 September 2025": a year of account by its first and last days
SPAN_STATED = regex.compile(r"\b1\s(?P<m1>" + "|".join(MONTHS) + r")\s(?:19|20)\d\d\s?[–-]\s?3[01]\s" + MONTH
                            + r"\s(?:19|20)\d\d", regex.IGNORECASE)


def stated_year_end(scan: str) -> int | None:
    """The fiscal year-end month the article's first such statement implies; None when it states none, or a
    calendar year."""
    got = STATED.search(scan)
    year = YEAR_END.search(scan)
    if (span := SPAN_STATED.search(scan)) is not None and _month(span["m"]) % 12 + 1 == _month(span["m1"]):
        return None if _month(span["m"]) == 12 else _month(span["m"])  # a twelve-month span, its last month
    if year is not None and (got is None or year.start() < got.start()):
        end = _month(year["m"] or year["m2"])
    elif got is not None:
        q = ORDINAL[(got["q"] or got["q2"]).lower()]
        end = (_month(got["m"]) - 1 + 3 * (4 - q)) % 12 + 1
    else:
        return None
    return None if end == 12 else end


def _month(name: str) -> int:
    """1 to 12 for a month's name, whole or cut short ("Sept")."""
    low = name.lower()[:3]
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(low))
