"""Calendar arithmetic on period strings: fiscal quarters, shifts, ends and containment."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex

from .models import Claim


def fiscal_quarter(year: int, q: int, fy_end: int) -> tuple[int, int]:
    """Calendar year and month in which fiscal quarter q of fiscal year `year` ends."""
    month = fy_end + 3 * q
    return year - 1 + (month - 1) // 12, (month - 1) % 12 + 1


def latest_fiscal_year(q: int, fy_end: int, on: dt.date) -> int:
    """The fiscal year whose quarter q ends nearest to `on`: just reported, or the one under way."""
    def distance(fy: int) -> tuple[int, int]:
        y, m = fiscal_quarter(fy, q, fy_end)
        months = (y - on.year) * 12 + (m - on.month)
        return (abs(months), months > 0)  # on a tie, the quarter already over
    return min(range(on.year - 2, on.year + 3), key=distance)


def bare_quarter_year(q: int, on: dt.date) -> int:
    """The year of a calendar quarter named without one: this year's, except a quarter two or more ahead of the
    one in progress: in January "4분기" / "the fourth quarter" is the one just reported, and "3분기" the one
    reported in the autumn, last year's, not one six or nine months away."""
    return on.year - 1 if q - ((on.month - 1) // 3 + 1) >= 2 else on.year


def to_calendar_quarter(year: int, month: int) -> str:
    return f"{year}Q{(month - 1) // 3 + 1}"


def quarter_over_by(on: dt.date) -> str:
    """The last calendar quarter over by a date (in November, the third): the one a story of that date reports."""
    return f"{on.year}Q{(on.month - 1) // 3}" if on.month > 3 else f"{on.year - 1}Q4"


def fiscal_quarter_over_by(on: dt.date, fy_end: int) -> str:
    """The last fiscal quarter reported by a date, for a company whose year ends in month fy_end: in December, Nvidia's
    third (August to October), not the calendar's; a quarter is taken as reported REPORTED_AFTER days after its end
    month closes (early in November, Nvidia's third is over but not yet reported: 'last quarter' is its second; by the
    end of November it is the third)."""
    ended = [(fiscal_quarter(fy, q, fy_end), fy, q) for fy in range(on.year - 1, on.year + 2) for q in range(1, 5)]
    (_, fy, q) = max(e for e in ended if _month_end(*e[0]) + dt.timedelta(days=REPORTED_AFTER) <= on)
    return f"FY{fy}Q{q}"


REPORTED_AFTER = 20  # days from the close of a quarter's last month to its results: most US companies report within three weeks


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def shift_quarter(period: str, by: int) -> str | None:
    m = regex.match(r"^(FY)?(\d{4})Q([1-4])$", period)
    if not m and (h := regex.fullmatch(r"(FY)?(\d{4})H([12])", period)):
        n = int(h[2]) * 2 + int(h[3]) - 1 + by // 2  # a half moves by two quarters at a time
        return f"{h[1] or ''}{n // 2}H{n % 2 + 1}" if by % 2 == 0 else None
    if not m:
        y = regex.fullmatch(r"(FY)?(\d{4})", period)
        return f"{y[1] or ''}{int(y[2]) + by // 4}" if y and by % 4 == 0 else None
    n = int(m[2]) * 4 + int(m[3]) - 1 + by
    return f"{m[1] or ''}{n // 4}Q{n % 4 + 1}"


def base_of(period: str, year_ago: bool) -> str | None:
    """The period a change is measured from: a year back, or one period of the same grain back (a half or a quarter)."""
    return shift_quarter(period, -4 if year_ago else -2 if "H" in period else -1)


@lru_cache(maxsize=4096)
def quarter_end(period: str, fy_end: int | None) -> tuple[int, int] | None:
    """(year, month) at which a calendar or fiscal quarter ends."""
    m = regex.fullmatch(r"(FY)?(\d{4})Q([1-4])", period)
    if not m:
        return None
    if m[1]:
        return fiscal_quarter(int(m[2]), int(m[3]), abs(fy_end or 12))
    return int(m[2]), int(m[3]) * 3


@lru_cache(maxsize=4096)
def period_end(period: str, fy_end: int | None = None) -> tuple[int, int] | None:
    """(year, month) at which a period ends, for deciding whether it is over. A fiscal label (FY2026Q1) needs
    the month its company's year ends in (June for Microsoft: FY2026Q1 ends in September 2025)."""
    if period.startswith("FY"):
        return fiscal_end(period, abs(fy_end)) if fy_end else None
    if m := regex.fullmatch(r"(\d{4})", period):
        return int(m[1]), 12
    if m := regex.fullmatch(r"(\d{4})Q([1-4])", period):
        return int(m[1]), int(m[2]) * 3
    if m := regex.fullmatch(r"(\d{4})H([12])", period):
        return int(m[1]), int(m[2]) * 6
    if m := regex.fullmatch(r"(\d{4})-(\d\d)(?:-\d\d)?", period):
        return int(m[1]), int(m[2])
    return None


def company_label(period: str | None, fy_end: int | None) -> str | None:
    """A fiscal period as the company names it. Periods are worked out by the calendar year a fiscal year ends
    in; a company marked `label: start` (fy_end < 0: Dollar General, Home Depot, Sony) names its years by the
    year they start in, and so does every article about it ("fiscal 2025 third quarter" ended in October 2025)."""
    if period and fy_end and fy_end < 0 and (m := regex.match(r"FY(\d{4})", period)):
        return f"FY{int(m[1]) - 1}{period[m.end():]}"
    return period


def fiscal_end(period: str, fy_end: int) -> tuple[int, int] | None:
    """(year, month) at which FY2026, FY2026Q1 or FY2026H1 ends, for a year ending in month fy_end."""
    m = regex.fullmatch(r"FY(\d{4})(?:([QH])([1-4]))?", period)
    if not m:
        return None
    months = 12 if not m[2] else 3 * int(m[3]) if m[2] == "Q" else 6 * int(m[3])
    last = (int(m[1]) - 1) * 12 + (fy_end - 1) + months  # months since year 0, from the previous year's end
    return last // 12, last % 12 + 1


@lru_cache(maxsize=4096)
def contains(outer: str, inner: str) -> bool:
    """Whether calendar period `inner` lies within `outer` (2025-11 within 2025Q4 within 2025)."""
    if outer == inner:
        return True
    a, b = period_end(outer), period_end(inner)
    if not a or not b or a[0] != b[0]:
        return False
    if regex.fullmatch(r"\d{4}", outer):
        return True
    if "H" in outer:
        return a[1] - 6 < b[1] <= a[1] and len(inner) >= 6
    if "Q" in outer:
        return a[1] - 3 < b[1] <= a[1] and "-" in inner
    return False


# a base period named in a figure's own clause ('the year-ago quarter', '전년 동기'): the figure is the base
COMPARED_PERIOD = regex.compile(r"year[\s-](?:ago|earlier)|previous|prior|preceding|a\syear\s(?:ago|earlier)|last\squarter"
                                r"|(?:same|comparable|corresponding)\s(?:quarter|period|three\smonths)\s(?:last|a|of\slast|in\sthe\sprior)\s"
                                r"|전년\s?동기|전\s?분기|직전\s?분기|지난\s?분기|(?:작년|지난해|전년)\s?같은", regex.IGNORECASE)


def compared_period(c: Claim) -> bool:
    """The claim's period was read from a phrase naming a comparison base, so it is no article's current one."""
    return any(e[0] == "period" and e[1] == "clause" and isinstance(e[3], str) and COMPARED_PERIOD.search(e[3])
               for e in c.evidence)
