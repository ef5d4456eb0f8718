"""Whose figure it is, and where that was read: the clause, the table's row or column, a heading,
an earlier sentence, or the article's main subject; then the adjustments its metric calls for.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import assign as A
from .. import vocab as L
from .figure_entity import FIRM_WORDS, UNKNOWN_FIRM, entity, resolve_segment
from .headings import heading_text, names_in
from .section_owner import NOT_A_COMPANY, section_company
from .evidence import Where, on_line
from .name_filters import masthead_line
from .figure import Figure
from .metric_cue import Typed
from .metric_patterns import T

WHOLE = regex.compile(r"전체|회사")
# ("해외 합산 영업이익": a sum over one company's regions or lines is still the company's; "코스닥 상장사 파라다이스[034230]는"
# is one listed company)
AGGREGATE = regex.compile(r"\d+\s?개\s?(?:사|기업|상장사|회사)|(?<!(?:코스닥|코스피|유가증권시장)\s?)상장사(?!\s?\p{Hangul}{2,12}\s?[(\[])|상장기업|(?<!(?:해외|국내|지역|부문|사업|법인)\s?)합산|합친|합치면|합하면|더하면|양사|[2-9]사(?=[\s(의])|두\s?회사"
                          # "지난해 상반기 당기순이익 합계(1704억원)": the sum over the companies of the story
                          r"|(?<!(?:부문|사업|지역|해외|국내|법인)\s?)(?:순이익|영업이익|매출액?|이익)\s?합계"
                          r"|combined\s|both\scompanies", regex.IGNORECASE)
# AGGREGATE cannot match without one of these (article_context.Ctx.in_sentence)
AGGREGATE_WORDS = ("개", "상장", "합산", "합친", "합치", "합하", "더하", "양사", "합계", *(f"{d}사" for d in range(2, 10)), "회사",
                   "combined", "both")
# "카카오뱅크와 케이뱅크, 토스뱅크의 3분기 당기순이익은 총 1172억원": a total over the companies the clause names
TOTAL = regex.compile(r"(?:총|모두\s합쳐|합계)\s?$")
JOINED = regex.compile(r"\s?(?:·|,|、|와|과|및|and|&)\s?")
POSSESSIVE = regex.compile(r"의\s|['’]s?\s")
LISTED = T.has("listed")
INDEX_METRICS = ("stock_price", "price_change", "market_cap", "market_cap_growth")  # about the listed share: the listed parent's figure


@dataclass
class Owner:
    name: str | None
    where: Where
    inferred: bool  # not named within the figure's reach: carried, a heading's or the article's
    row_named: bool  # a table row names the company, so the row is no business line


def owner(fig: Figure, main_count: bool) -> Owner:
    """The company a figure belongs to, before its metric's adjustments."""
    ctx, m, clause = fig.ctx, fig.m, fig.clause
    ent, stated, where = entity(ctx, fig.sent, m, fig.carry, fig.own, clause)
    row_ents: list[str] = []
    if fig.cell:
        row_ents = names_in(ctx, fig.row_text)
        # "| 항목 | BYD | 샤오미 |": a column headed by a company holds its figures
        col_ents = names_in(ctx, fig.header)
        if row_ents or col_ents:
            ent = (row_ents or col_ents)[0]
            where = on_line(ctx.lay, fig.line, "table", fig.row_text if row_ents else fig.header)
        elif ent and where.source == "carried" and ((caption := ctx.lay.captions.get(fig.line, "")) and (
                ent in names_in(ctx, caption) or ent.lower() in caption.lower())):
            where = on_line(ctx.lay, fig.line, "caption", caption)  # "Key data — Wolters Kluwer" over the table
    inferred = ent is None or not fig.own
    # a firm the vocabulary does not know is nobody we know: the subject of the sentence, over a company carried to it
    # (not over a table's row), or the last one named when no company is
    if (ent is None or (not stated and not fig.cell)) and (
            (ctx.in_sentence(FIRM_WORDS, fig.sent) and _unknown_subject(fig))
            or (ent is None and (fig.carry.get("unknown") or ctx.unknown_in(fig.sent.start, m.start)))):
        return Owner(None, where, inferred, False)
    if ent is None and not fig.cell and (m.kind != "count" or main_count) and not _under_title(ctx, fig.line) \
            and (head := heading_text(ctx, fig.line)) and not masthead_line(ctx.lex, head):
        # a section headed by a company ("## 도쿄일렉트론: 전망 하향") is about that company
        named = names_in(ctx, head)
        sec = section_company(ctx, ctx.lay.headings[fig.line]) if not named else NOT_A_COMPANY
        if sec.unknown and sec.name is None:
            return Owner(None, where, inferred, False)  # "## ■ 캐리어 — 3분기 실적": a section on a company we do not know
        name = named[0] if named else sec.name
        ent = resolve_segment(ctx, name, clause[0], m.end) if name else None
        where = on_line(ctx.lay, ctx.lay.headings[fig.line], "heading") if name else where
    if ent is None and (m.kind != "count" or main_count) and ctx.main:
        ent = resolve_segment(ctx, ctx.main, clause[0], m.end)
        where = ctx.main_where
        if fig.label:
            ent = resolve_segment(ctx, ent, fig.label[0], fig.label[1])
    if ent and not fig.cell and _summed(fig):
        ent = None  # "339개사 합산 영업이익", "현대차·기아 합산": a sum over many companies is none of theirs
    return Owner(ent, where, inferred, bool(row_ents))


def _unknown_subject(fig: Figure) -> bool:
    """A firm the vocabulary does not know is the subject before the figure, no known company named after it (the
    whole sentence: "휠라코리아㈜의 실적은 매출 1328억원과 영업익 256억원으로 각각 2.5%, 1.4% 감소했다")."""
    found = list(UNKNOWN_FIRM.finditer(fig.scan, fig.sent.start, fig.m.start))
    return bool(found) and not any(found[-1].end() <= e[0] < fig.m.start for e in fig.own)


def _under_title(ctx, line: int) -> bool:
    """Whether the heading over a line is the article's title: whom a title is about is weighed with the body's
    lead into the article's main subject ("지상방산·한화오션이 전체 실적 견인" over a story on Hanwha Aerospace), so
    a section heading names a company outright, and the title only through the main subject."""
    if "title line" not in ctx.memo:
        heads = [h for h in ctx.lay.headings.values() if h is not None and h >= 0]
        first = min(heads) if heads else -1
        # a title opens the article: a heading after figures ("## 도쿄일렉트론: 전망 하향") heads a section
        ctx.memo["title line"] = first if first >= 0 and first <= 3 else -1
    h = ctx.lay.headings.get(line, -1)
    return h is not None and h >= 0 and h == ctx.memo["title line"] and ctx.main is not None


def _summed(fig: Figure) -> bool:
    """Whether the figure adds up several companies: a sum word, a total over names, or names joined before
    a possessive ("카카오뱅크·케이뱅크·토스뱅크의 3분기 당기순이익은 1172억 원")."""
    m, clause, scan, start = fig.m, fig.clause, fig.scan, fig.sent.start
    before = [e for e in fig.own if start <= e[0] < m.start]
    in_clause = len({e[2] for e in fig.own if clause[0] <= e[0] < clause[1]})
    if fig.ctx.in_sentence(AGGREGATE_WORDS, fig.sent) and AGGREGATE.search(scan, start, m.start) and in_clause != 1:
        return True
    if TOTAL.search(scan, max(clause[0], m.start - 8), m.start) and len({e[2] for e in before}) > 1:
        return True
    # the last name before the figure closes a run of names joined by '·', ',', 와/과 and owns what follows
    run = 1
    for a, b in zip(before, before[1:]):
        run = run + 1 if JOINED.fullmatch(scan, a[1], b[0]) else 1
    return run > 1 and bool(before) and POSSESSIVE.match(scan, before[-1][1], before[-1][1] + 3) is not None


# a broker's target or rating is about the company it covers: "KB증권은 목표주가를 3만2,000원에서 2만9,000원으로"
BROKER = regex.compile(r"Securities|Investment|Research|증권")
COVERED = ("price_target", "price_target_growth", "upside", "stock_price", "price_change")


# a name followed by its rating or target in brackets is the house that rates: 'Barclays ("overweight", PT: $26)'
RATED = regex.compile(r"\s?\(\s?[\"“]?(?i:overweight|underweight|equal[- ]weight|buy|sell|hold|neutral|outperform|"
                      r"underperform|market perform|sector perform|peer perform|in-line|strong buy|(?-i:PT|TP)\s?:)")


def _rated(fig: Figure, ent: str) -> bool:
    return any(e[2] == ent and RATED.match(fig.scan, e[1]) for e in fig.own)


def _said_by(fig: Figure, ent: str) -> bool:
    """Whether a house is named in the figure's sentence or the one before: a section headed by a securities firm
    ("## ■ NH투자증권 — 3분기 실적") reports that firm's own results, its dividend too."""
    return ent == fig.carry.get("entity") or any(e[2] == ent for e in fig.own)


def for_metric(fig: Figure, ent: str | None, got: Typed, metric: str) -> str | None:
    """A share names the unit that takes it, a price the listed parent; a market size belongs to no one."""
    lex = fig.ctx.lex
    if got.entity_none:
        return None
    if ent and metric in ("price_target", "upside") and ent != fig.ctx.main \
            and any(e[2] == ent and e[0] > fig.m.start for e in fig.own) \
            and not any(e[2] == ent and e[0] < fig.m.start for e in fig.own):
        ent = fig.carry.get("entity") or fig.ctx.main or ent  # "price target (from EUR 64.00) is a sum of the parts: the
        # Tencent stake …": a company named only after a target is what the target counts, not whose it is
    if ent and metric in COVERED and _rated(fig, ent):
        ent = fig.carry.get("entity") or fig.ctx.main  # 'Barclays ("overweight", PT: $26)': the house, rating the company
    elif ent and BROKER.search(ent) and _said_by(fig, ent) and (metric in COVERED or fig.ctx.per_sentence(
            "estimate", fig.sent, lambda s: bool(A.ESTIMATE.search(fig.scan[s.start:s.end])))):
        # and "메리츠증권은 3분기 매출액을 4,455억원으로 추정했다": a house's forecast is of the company it covers
        carried = fig.carry.get("entity")
        ent = carried if carried and not BROKER.search(carried) else fig.ctx.main
    # a share of the company's own revenue or profit is its unit's; a market share is of a market, nobody's
    if (whole := T.share_of(got.metric)) and whole not in T.has("ownerless") and ent:
        kids = [e[2] for e in fig.own if L.parent(lex, e[2]) == ent]
        ent = kids[0] if kids else ent
    elif ent and (A.parent_cue(fig.scan, fig.sent.start, fig.m.start, fig.cues) or WHOLE.search(fig.row_text)):
        ent = L.parent(lex, ent) or ent
    if metric in LISTED and ent:
        ent = L.parent(lex, ent) or ent
    if ent and (info := lex.entities.get(ent)) and info.index and metric not in INDEX_METRICS:
        return None  # "코스피 상장사의 합산 영업이익": an index has a level and moves, no profit of its own
    return ent
