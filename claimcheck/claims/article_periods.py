"""The periods an article speaks of: a company's fiscal year-end, the quarter the article reports (its focus)
and that quarter in another company's calendar, whether a period was over by the publication date, and an
undated figure dated by its dated twin."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import regex

from .base_dated import in_compared_bracket
from ..models import Claim
from .. import vocab as L
from .. import calendar as CAL
from . import compare as C
from .article_context import Ctx
from .evidence import Where
from .fiscal_stated import stated_year_end


def fy_end(lex: L.Lexicon, ent: str | None, ctx: Ctx | None = None) -> int | None:
    """The month ent's fiscal year ends in: the calendar list's, else (for the article's main company) the one its
    own words state ("fiscal third quarter …, which ended on March 31")."""
    first = ent
    while ent:
        if ent in lex.fiscal:
            return lex.fiscal[ent]
        ent = L.parent(lex, ent)
    if ctx is not None and first is not None and first == ctx.main:
        if "fiscal stated" not in ctx.memo:
            low = ctx.lay.scan.lower()
            ctx.memo["fiscal stated"] = stated_year_end(ctx.lay.scan) \
                if "fiscal" in low or "financial" in low or "year to " in low or "year ended" in low else None
        return ctx.memo["fiscal stated"]
    return None


def focus_for(ctx: Ctx, fy: int | None) -> str | None:
    """The article's quarter in the calendar of the company a figure is about: a blog on Apple's FY2025Q4
    (July to September 2025) speaks of Samsung's 2025Q3. Where the two calendars' quarters end in different
    months (Walmart's end in October, Apple's in September) neither is the other's: the focus stays as it is,
    and the sentence's own words must date the figure."""
    f, main = ctx.focus, fy_end(ctx.lex, ctx.main, ctx)
    own, theirs = abs(fy or 12), abs(main or 12)
    if not f or "Q" not in f or own == theirs or (end := CAL.quarter_end(f, main)) is None:
        return f
    if (own - theirs) % 3:
        return f
    y, month = end
    got = f"{y}Q{(month - 1) // 3 + 1}" if own == 12 else f"FY{y if month <= own else y + 1}Q{(month - own - 1) % 12 // 3 + 1}"
    ctx.memo.setdefault("focus_alts", set()).add(got)  # its evidence is the focus's own
    return got


def adopt_periods(claims: list[Claim]) -> list[Claim]:
    """An undated figure equal to one dated figure of the same key in the article takes that date."""
    dated: dict[tuple, dict[str, Claim]] = {}
    key = (lambda c: (c.entity, c.segment, c.metric, c.unit, c.basis, c.change, c.value, c.low, c.high))
    for c in claims:
        if c.period:
            dated.setdefault(key(c), {}).setdefault(c.period, c)
    out = []
    for c in claims:
        got = dated.get(key(c)) if c.period is None else None
        if got and len(got) == 1:
            (period, src), = got.items()
            ev = tuple(("period", "carried", src.line, period) if e[0] == "period" else e for e in c.evidence)
            c = c.model_copy(update={"period": period, "context_year": None, "context_month": None, "evidence": ev})
        out.append(c)
    return out


# "56.2 (Q3 24: 61.8; consensus: 55.6)": a quarter labelling a figure in another's bracket is the base it is set against
BRACKET_LABEL = regex.compile(r"[(;]\s?$")
LABELLED = regex.compile(r"\s?[:：]\s?[+\-]?(?:[A-Z]{3}\s)?[$€£¥₩]?\d")


def find_focus(ctx: Ctx) -> None:
    lay = ctx.lay
    head_end = lay.line_starts[min(6, len(lay.line_starts) - 1)]
    fy = fy_end(ctx.lex, ctx.main, ctx)
    counts: Counter = Counter()
    pub = ctx.art.published
    halves: Counter = Counter()
    running: Counter = Counter()
    years: Counter = Counter()
    quarter_headed = False
    for r in ctx.periods_in(0, len(lay.scan), fy):
        if r.grain in ("ytd", "year") and in_compared_bracket(lay.scan, r.start, r.end):
            continue  # "(against €513.2m in the first nine months of 2024)": a base, however often printed
        if r.grain == "ytd" and r.period and not r.estimate and not r.relative:
            running[r.period] += 3 if r.start < head_end else 1
        if r.grain == "year" and r.period and not r.estimate and not r.relative and _fiscal_year(lay.scan, r, pub, fy):
            years[r.period] += 3 if r.start < head_end else 1
        if r.grain in ("quarter", "half") and r.period and not r.estimate and not r.relative \
                and not C.BASE_AFTER.match(lay.scan, r.end, r.end + 32) \
                and not C.FROM_FIGURE_IN.search(lay.scan, max(0, r.start - 80), r.start) \
                and not C.COMPARED_LEAD.search(lay.scan, max(0, r.start - 24), r.start) \
                and not (BRACKET_LABEL.search(lay.scan, max(0, r.start - 3), r.start) and LABELLED.match(lay.scan, r.end)):
            # "the same quarter of 2024", "지난해 3분기 대비", "from $16.1 billion in Q3 2024", "compared to the third
            # quarter of 2022" name bases
            # a quarter not yet over (a forecast's) is not the one whose figures the article reports, nor is one
            # that ends in the month the article came out (no company reports a quarter in its own last month)
            if pub and (end := CAL.period_end(r.period, fy) or CAL.quarter_end(r.period, fy)) and end >= (pub.year, pub.month):
                continue
            (counts if r.grain == "quarter" else halves)[r.period] += 3 if r.start < head_end else 1
            quarter_headed = quarter_headed or (r.grain == "quarter" and r.start < head_end)
    _bare_halves_to_fiscal(lay.scan, ctx.periods_in(0, len(lay.scan), fy), halves)
    top = (lambda c: max(c.values(), default=0))
    # "reports a 4.8 per cent increase in full-year profit … for FY23 … The fourth quarter (Q4) was the standout": a
    # year's results that name its last quarter in passing report the year (never when the head names a quarter)
    if years and not quarter_headed and top(years) > max(top(counts), top(halves)) and _fiscal_year_story(ctx, years, fy):
        return
    # "posted first-half results … Second-quarter aftermarket sales underpinned the gain": a half named more than any
    # quarter is the span reported
    if halves and top(halves) > top(counts) and _half_story(ctx, halves, head_end, fy):
        return
    if not halves and running and max(running.values()) >= HEADLINED > max(counts.values(), default=0) \
            and _running_story(ctx, running, fy):
        return  # (a nine-month story its headline names, its third quarter in passing: "Inditex nine-month profit rises 5%")
    if not counts and not halves and not running and pub and _year_story(ctx, fy, pub):
        return
    if counts:
        (p, n), *rest = counts.most_common(2)
        if rest and rest[0][1] == n and (tie := _later_of(p, rest[0][0])):
            p, rest = tie, []  # "3분기 ... 지난해 3분기에는": of two quarters named as often, the later one is reported
        # the quarter named most, or the only one named; another tie leaves the article without one
        if (n >= 2 or not rest) and not (rest and rest[0][1] == n):
            ctx.focus = p
            first = next(r for r in ctx.periods_in(0, len(lay.scan), fy) if r.period == p)
            # the quarter a headline names governs the article; one only named in the body is carried from there
            ctx.focus_where = Where("heading" if first.start < head_end else "carried", first.start, first.end)
    elif pub and fy in (None, 12) and QUARTER_STORY.search(lay.scan):
        # "매출은 전년 동기 대비 7.7% 줄었다" under a 2025-11-05 dateline that names no quarter: the one over by that
        # date is the one reported (a default, so no finding resting on it is an error)
        ctx.focus = CAL.quarter_over_by(pub)
        ctx.focus_where = Where("default", None, None, ctx.focus)


def _bare_halves_to_fiscal(scan: str, refs: list, halves: Counter) -> None:
    """"Alstom first-half sales climb … for the first half of its 2025/26 fiscal year": a half named without its year
    is the fiscal half the story names in full, not the calendar half of the article's date."""
    fiscal = [p for p in halves if p.startswith("FY")]
    if not fiscal:
        return
    for r in refs:
        if r.grain == "half" and r.period and not r.period.startswith("FY") and r.period in halves \
                and not any(ch.isdigit() for ch in scan[r.start:r.end]):
            into = next((p for p in fiscal if p.endswith(r.period[-2:])), None)
            if into:
                halves[into] += halves.pop(r.period)


# "FY23", "fiscal 2025", "the 2023 financial year", "the year to June 30, 2023", "full-year profit … for FY23": a year
# named as a company's year of account, not one a figure is merely dated in
FISCAL_YEAR = regex.compile(r"\bFY|\bfiscal\b|\bfinancial\syear\b|\b(?:year|months)\s(?:to|ended|ending)\b", regex.IGNORECASE)


def _fiscal_year(scan: str, r, pub: dt.date | None, fy: int | None) -> bool:
    """Whether r names, as a year of account, a year that ended within a results season before the article."""
    if pub is None or not FISCAL_YEAR.search(scan, r.start, r.end) or (end := CAL.period_end(r.period, fy)) is None:
        return False
    return 1 <= (pub.year - end[0]) * 12 + pub.month - end[1] <= RESULTS_SEASON


def _fiscal_year_story(ctx: Ctx, years: Counter, fy: int | None) -> bool:
    """A report on a year of account just closed, named more than any quarter or half: that year is the focus."""
    (p, n), *rest = years.most_common(2)
    if n < 2 or (rest and rest[0][1] == n):
        return False
    ctx.focus = p
    first = next(r for r in ctx.periods_in(0, len(ctx.lay.scan), fy) if r.period == p and r.grain == "year")
    ctx.focus_where = Where("heading" if first.start < ctx.lay.line_starts[min(6, len(ctx.lay.line_starts) - 1)] else "carried",
                            first.start, first.end)
    return True


def _running_story(ctx: Ctx, running: Counter, fy: int | None) -> bool:
    """A report on the year so far that names no quarter or half ("sales increased by 29% … in the first nine months
    of 2023", then bullets that name no span): the running span its headline names, or names at least twice, is the
    one its undated figures report."""
    (p, n), *rest = running.most_common(2)
    if n < 2 or (rest and rest[0][1] == n):
        return False
    ctx.focus, ctx.focus_grain = p, "ytd"
    first = next(r for r in ctx.periods_in(0, len(ctx.lay.scan), fy) if r.period == p and r.grain == "ytd")
    ctx.focus_where = Where("carried", first.start, first.end)
    return True


# a story about a year's results: "net profit … slipped over the full financial year", "연간 실적"
YEAR_STORY = regex.compile(r"\bfull[\s-](?:financial\s|fiscal\s)?year\b|\b(?:financial|fiscal)\syear\b|\bannual\s(?:results|profits?|revenues?|sales|earnings)\b"
                           r"|\bfor\sthe\s(?:full\s)?year\b|연간\s?(?:실적|매출|영업이익|순이익)", regex.IGNORECASE)
RESULTS_SEASON = 3  # a year's results come out within this many months of its end


HEADLINED = 3  # a span named in the head counts this much
# the end assumed for a fiscal half or quarter of a company whose own year-end the vocabulary does not know: January,
# the earliest a year named by its end can close ("FY2026H1" is over by August 2025 at the earliest), so that a
# result is never taken for a forecast because its company's calendar is unknown
SPLIT_YEAR_END = 1


def _year_story(ctx: Ctx, fy: int | None, pub: dt.date) -> bool:
    """A story about the year just closed that names no quarter, half or running span ("Telstra … net profit and
    income slipped slightly over the full financial year", published in August): its undated figures are that
    year's, the company's fiscal year that ended in the few months before the story (a default, so never an error)."""
    if not YEAR_STORY.search(ctx.lay.scan):
        return False
    end = abs(fy or 12)
    year = pub.year if end < pub.month else pub.year - 1
    if not 1 <= (pub.year - year) * 12 + pub.month - end <= RESULTS_SEASON:
        return False
    ctx.focus = str(year) if end == 12 else f"FY{year}"
    ctx.focus_where = Where("default", None, None, ctx.focus)
    return True


def _half_story(ctx: Ctx, halves: Counter, head_end: int, fy: int | None) -> bool:
    """A story about a half's results that names no quarter ("오리온은 올해 상반기 매출액 1조5789억원 … ¶ 한국 법인은
    매출액이 … 5737억원"): the half its headline or lead names, or names at least twice, is the one reported."""
    (p, n), *rest = halves.most_common(2)
    if n < 2 or (rest and rest[0][1] == n):
        return False
    ctx.focus = p
    first = next(r for r in ctx.periods_in(0, len(ctx.lay.scan), fy) if r.period == p)
    ctx.focus_where = Where("heading" if first.start < head_end else "carried", first.start, first.end)
    return True


# a story about a quarter's results, though it names no quarter: it compares with the same period a year back or with
# the quarter before (a piece that only mentions quarters in passing is no such story)
# (and an investor's post that says the results are out, "셋 다 실적이 나와서", "이번 시즌 성적 정리": the season's)
QUARTER_STORY = regex.compile(r"(?:전년|작년|지난해)\s?(?:동기|같은\s?기간)|전\s?분기\s?대비|\byear[\s-]over[\s-]year\b|\bQoQ\b"
                           r"|\b(?:prior|previous)[\s-]year\squarter\b|\byear[\s-]ago\squarter\b"
                           r"|실적(?:이|을)?\s?(?:다\s|모두\s|한꺼번에\s)?(?:나왔|나와|냈|발표했)|이번\s?(?:실적\s?)?시즌", regex.IGNORECASE)


def _later_of(a: str, b: str) -> str | None:
    """The later of two quarters a year apart (a quarter and its year-ago base), else None."""
    if CAL.shift_quarter(a, -4) == b:
        return a
    return b if CAL.shift_quarter(b, -4) == a else None


def is_past(ctx: Ctx, period: str | None, fy: int | None = None) -> bool:
    pub = ctx.art.published
    if fy is None and period and period.startswith("FY") and ("H" in period or "Q" in period):
        fy = SPLIT_YEAR_END  # "the first half of its 2025/26 fiscal year" of a company the vocabulary has no year for
    end = CAL.period_end(period, fy) if period else None
    return bool(pub and end and end < (pub.year, pub.month))
