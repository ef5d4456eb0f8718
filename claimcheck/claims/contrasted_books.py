"""Books named only by contrast: "… 매출이 4989억원으로 … ¶ 연결 기준으로는 매출액이 5280억원으로": a story that turns to
the consolidated figures with a contrastive "연결 기준으로는" after giving unmarked ones gave the parent's own (standalone)
books first, as a company that announces its parent-only results does. So does one sentence that gives a metric's
figure and then the same metric's on the consolidated books ("누적 순이익은 1조5779억원을, 연결 기준 누적 순이익은
1조6665억원을 각각 기록했다").

Without this the unmarked standalone figures share a key with other outlets' consolidated ones and conflict.
"""
from __future__ import annotations

import regex

from ..models import Claim
from .article_context import Ctx
from .fields_segment import CONSOLIDATED
from .subject_carry import with_segment

# "연결 기준으로는", "연결기준으론", "연결로는": the consolidated books, turned to by contrast
TURN = regex.compile(r"(?<![\p{L}])연결\s?(?:재무제표\s?)?(?:기준\s?)?(?:으로는|으론|로는)\s")


def contrasted_books(ctx: Ctx, claims: list[Claim]) -> list[Claim]:
    """The main company's unmarked figures before a contrastive turn to the consolidated books, as standalone."""
    scan = ctx.lay.scan
    # (whether or not the story named the parent's books outright before: "별도 기준 매출 5561억 원 … ¶ 상반기 누적 실적은
    # … 543억 원 … ¶ 연결 기준으로는": what it gave unmarked in between is still the parent's)
    if "연결" not in scan or (turn := TURN.search(scan)) is None or _own_books(ctx, ctx.main):
        return claims  # (a company that announces its parent-only books keeps its unmarked figures as they are)
    line = ctx.lay.line_of(turn.start()) + 1
    return [with_segment(c, "standalone", "carried", line)
            if c.line < line and c.segment is None and c.entity == ctx.main and not c.estimate and c.metric in BOOKED else c
            for c in claims]


def one_books(ctx: Ctx, claims: list[Claim]) -> list[Claim]:
    """'서울보증보험은 3분기 별도 기준 당기순이익이 884억원 … ¶ "3분기 당기순이익 864억원은 …"': a story that names only
    the parent's own books, and never the group's, goes on speaking of them: the main company's unmarked figure of a
    metric and period it gave as standalone is standalone too (carried from where the books were named)."""
    if CONSOLIDATED.search(ctx.lay.scan):
        return claims
    named: dict[tuple, int] = {}
    for c in claims:
        if c.entity == ctx.main and c.segment == "standalone" and _books_said(c):
            named.setdefault((c.metric, c.period), c.line)
    if not named:
        return claims
    # (only after them, and in prose: a note that heads with unmarked group figures and then lists "별도 기준 매출액 …" gave two sets)
    return [with_segment(c, "standalone", "carried", named[(c.metric, c.period)])
            if c.segment is None and c.entity == ctx.main and c.metric in BOOKED
            and c.line > named.get((c.metric, c.period), c.line) and not _in_table(c) else c for c in claims]


def _in_table(c: Claim) -> bool:
    return any(e[1] in ("table", "caption") for e in c.evidence)  # a table keeps the books its caption says


def _books_said(c: Claim) -> bool:
    return any(e[0] == "segment" and e[1] == "clause" for e in c.evidence)


def split_in_sentence(ctx: Ctx, start: int, made: list[Claim], at: list[int]) -> list[Claim]:
    """Unmarked figures before a sentence's "연결 기준" that share a metric and period with figures after it, as
    standalone: the sentence gives both books. Not for a company whose unmarked figures already are its own books."""
    scan = ctx.lay.scan
    if len(made) < 2 or "연결" not in scan[start:at[-1]]:
        return made
    mark = CONSOLIDATED.search(scan, start, at[-1])
    if mark is None:
        return made  # (a mark before every figure governs them all: none is before it)
    after = {(c.entity, c.metric, c.period) for c, p in zip(made, at) if p > mark.start()}
    line = ctx.lay.line_of(mark.start()) + 1
    return [with_segment(c, "standalone", "clause", line)
            if p < mark.start() and c.segment is None and c.metric in BOOKED and (c.entity, c.metric, c.period) in after
            and not _own_books(ctx, c.entity) else c for c, p in zip(made, at)]


def _own_books(ctx: Ctx, entity: str | None) -> bool:
    info = ctx.lex.entities.get(entity or "")
    return bool(info and info.standalone_headline)


# the figures a company's two sets of books both report
BOOKED = frozenset({"revenue", "operating_income", "net_income", "operating_margin", "net_margin", "revenue_growth",
                    "operating_income_growth", "net_income_growth", "pretax_income", "pretax_income_growth"})
