"""The period a section heading or a table's corner names, for the figures under it that name none."""
from __future__ import annotations

import regex

from . import periods as PR
from .article_context import Ctx
from .layout import Layout


# "Q3 ($ in Millions, except EPS) | 2025 | 2024": a quarter named in the table's corner makes its year columns that quarter
CORNER_QUARTER = regex.compile(r"^\s*(?:Q([1-4])|([1-4])Q|(first|second|third|fourth)[\s-]quarter|([1-4])\s?분기)\b", regex.IGNORECASE)
ORDINAL_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def corner_quarter(lay: Layout, line: int, hp: tuple[str | None, bool], fy: int | None) -> tuple[str | None, bool]:
    corner = (lay.headers.get(line) or [""])[0]
    m = CORNER_QUARTER.match(corner) if corner else None
    if m is None or fy:
        return hp
    q = m[1] or m[2] or m[4] or ORDINAL_Q[m[3].lower()]
    return f"{hp[0]}Q{q}", hp[1]


# "Full-year FY2026:", "연간 실적": a heading that says it means the whole year
WHOLE_YEAR = regex.compile(r"full[\s-](?:fiscal\s)?year|annual|연간|통기|\bFY\s?\d|\bfiscal\s(?:year\s)?(?:19|20)\d\d\b", regex.IGNORECASE)
# and "The new 2025 outlook", "2025년 가이던스": a year's outlook is the whole year's, for the forecasts under it; a
# result under "Altria narrows 2025 forecast as reported EPS rises 5%" is no figure of that year
OUTLOOK_NAMED = regex.compile(r"\b(?:outlook|guidance|forecasts?)\b|가이던스|전망", regex.IGNORECASE)
YEAR_OUTLOOK = regex.compile(r"(?:19|20)\d\d\s(?:outlook|guidance|forecast|targets?)\b|(?:19|20)\d\d년?\s?(?:전망|가이던스)", regex.IGNORECASE)


def heading_period(ctx: Ctx, head: str, fy: int | None, result: bool = False, title: bool = False) -> str | None:
    """The first quarter or half a heading names, read once per heading and calendar, not per figure under it;
    a year too where the heading means the whole year (for a `result`, not by naming the year's outlook alone)."""
    return _heading_ref(ctx, head, fy, result, title)[0]


def heading_grain(ctx: Ctx, head: str, fy: int | None, result: bool = False, title: bool = False) -> str:
    """The grain of the period heading_period reads ('ytd' under "## First nine months of 2023")."""
    return _heading_ref(ctx, head, fy, result, title)[1]


def _heading_ref(ctx: Ctx, head: str, fy: int | None, result: bool, title: bool) -> tuple[str | None, str]:
    key = ("heading period", head, fy, result, title)
    if key not in ctx.memo:
        # ("# Puma confirms its outlook for FY 2025": a headline about the year's outlook lends no result its year; a
        # section so headed, "FISCAL 2025 OUTLOOK, RAISED", heads the plan's figures)
        year = (WHOLE_YEAR.search(head) is not None and not (result and title and OUTLOOK_NAMED.search(head))) \
            or (not result and YEAR_OUTLOOK.search(head) is not None)
        # (and a running span: "## First nine months of 2023" heads the year so far)
        hrefs = [r for r in PR.find(head, 0, len(head), ctx.art.published, fy)
                 if r.period and (r.grain in ("quarter", "half", "ytd") or (r.grain == "year" and year))]
        ctx.memo[key] = (hrefs[0].period, hrefs[0].grain) if hrefs else (None, "")
    got: tuple[str | None, str] = ctx.memo[key]
    return got
