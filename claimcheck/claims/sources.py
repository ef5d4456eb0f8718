"""Which words decided a claim's metric, period and segment, told apart by where they stand.

The entity's source is recorded by `article.entity` and the builder as they choose it. The metric and
period deciders weigh several cues at once, so their source is read from what they chose: the cue or
period phrase that names the chosen value and sits nearest the figure.
"""
from __future__ import annotations

from functools import cache

import regex

from .line_profit import BARE_PROFIT, NET_TO_OPERATING
from ..numbers.parse import Mention
from . import cadence as CD
from . import periods as PR
from .article_context import Ctx
from .assign import label_cues
from .line_kinds import HEADING, intro_title, label_title
from .headings import heading_text
from .list_intro import lead_line
from .evidence import NONE, Where, on_line
from .metric_cue import Cue
from .metric_patterns import T

# Cues the builder reads off a table or heading have no position in the sentence; they are placed at
# these made-up offsets (before any text) so that nearness ranks them after the sentence's own words.
ROW_CUE, HEADER_CUE, CAPTION_CUE, HEADING_CUE = -100, -200, -250, -300
_OFF_TEXT = {ROW_CUE: "table", HEADER_CUE: "table", CAPTION_CUE: "caption", HEADING_CUE: "heading"}
# cue ids that name a metric under another spelling
# (in a basis phrase: the words that make it name sales growth, not only the basis)
_SALES_WORD = regex.compile(r"growth|sales|revenue|성장|매출", regex.IGNORECASE)
_FORM_DECIDED = {"stock_price", "price_target", "upside", "count", "price_change", "market_size"}


LINE_OPERATING = frozenset(NET_TO_OPERATING.values())


@cache  # a pure function of two metric ids, asked for every cue near every figure
def _related(cue: str, metric: str) -> bool:
    base = T.loss_of(cue) or cue
    if base == metric or metric.startswith(base + "_") or base.startswith(metric + "_") or T.growth(base) == metric:
        return True
    if T.says(cue) == "change":
        return False  # 'grew 8%' says it is a change, not of what: the level's own cue must name that
    if T.says(cue) == "estimate":
        return metric in ("revenue", "operating_income", "net_income", "consensus_revenue")
    return False


def metric_where(ctx: Ctx, metric: str, cues: list[Cue], m: Mention, sent, line: int, carry: dict) -> Where:
    """The nearest cue naming the metric: in the sentence, the table row, header or caption, or a heading."""
    hits = [c for c in cues if _related(c.metric, metric)]
    in_text = [c for c in hits if c.start >= 0]
    if in_text:
        c = min(in_text, key=lambda c: abs(c.start - m.start))
        return Where("clause", c.start, c.end)
    if metric in LINE_OPERATING and (bare := BARE_PROFIT.search(ctx.lay.scan, max(sent.start, m.start - 60), m.start)):
        return Where("clause", bare.start(), bare.end())  # "Generation profit growth of 4.5 percent" (line_profit.py)
    off = [c for c in hits if c.start in _OFF_TEXT]
    if off:
        src = _OFF_TEXT[max(off, key=lambda c: c.start).start]
        text = {"table": ctx.lay.cells and _row_or_header(ctx, line), "caption": ctx.lay.captions.get(line),
                "heading": heading_text(ctx, line)}.get(src)
        return on_line(ctx.lay, line if src != "heading" else ctx.lay.headings.get(line, line), src, text or None)
    if named := _basis_named(ctx, metric, m, sent):
        return named
    if carry.get("metric") and _related(carry["metric"], metric) and carry.get("metric_at"):
        a, b = carry["metric_at"]
        return Where("carried", a, b)
    head = heading_text(ctx, line)
    if head and _marked(head) and any(_related(c.metric, metric) for c in label_cues(ctx.lex, head)):
        # "3분기 사업별 매출은 다음과 같다." or "**Revenue by division:**" over a list of lines' amounts: the heading
        # named what they measure. A bare short line ("Gross Margin") may be a flattened table's label, above its
        # value or below it, so it names nothing surely
        return on_line(ctx.lay, ctx.lay.headings.get(line, line), "heading", head)
    if metric in _FORM_DECIDED or T.share_of(metric) is not None:
        return Where("clause", m.start, m.end)  # the figure's own form decides: a counter, a ₩ price, a share phrase
    if (parent := _parent_row(ctx, metric, line)) is not None:
        return parent
    return Where("default", text=metric)


def _parent_row(ctx: Ctx, metric: str, line: int) -> Where | None:
    """"| Net sales | 2,411 |" over "| Defense | 1,402 |" and "| Falcon | 1,009 |": rows naming only a line, under a row
    that names the metric, break that metric down (a few rows up at most)."""
    cells = ctx.lay.cells
    for above in range(line - 1, max(-1, line - 6), -1):
        row = cells.get(above)
        if not row:
            return None
        said = label_cues(ctx.lex, row[0].row_label)
        if said:
            return on_line(ctx.lay, above, "table", row[0].row_label) if any(_related(c.metric, metric) for c in said) else None
    return None


def _basis_named(ctx: Ctx, metric: str, m: Mention, sent) -> Where | None:
    """'organic growth of 7.0%', '유기적 성장률 5%': a basis phrase that itself says sales growth names the metric."""
    if metric != "revenue_growth":
        return None
    said = [(a, b) for a, b, topic in ctx.topics if topic in ctx.lex.bases and sent.start <= a < sent.end
            and _SALES_WORD.search(ctx.lay.scan, a, b)]
    if not said:
        return None
    a, b = min(said, key=lambda s: abs(s[0] - m.start))
    return Where("clause", a, b)


def _marked(head: str) -> bool:
    """A heading set out as one: a Markdown or bold title, a marker, a label ending on its colon, a list's lead-in."""
    return bool(HEADING.match(head)) or label_title(head) or intro_title(head) or head.rstrip().endswith((":", ":**", "："))


def _row_or_header(ctx: Ctx, line: int) -> str:
    cells = ctx.lay.cells.get(line) or []
    return cells[0].row_label if cells else ""


def period_where(ctx: Ctx, sent, m: Mention, period: str | None, refs: list[PR.PeriodRef], line: int,
                 carry: dict, from_table: bool) -> Where:
    """The phrase that dated the figure: its sentence, its column header, a heading, an earlier sentence, the lead."""
    if period is None:
        return NONE
    lay = ctx.lay
    if from_table:
        cell = (lay.cell_at(line, m.start) or (None, None))[1]
        if cell is not None and cell.header and _names(cell.header, period):
            return on_line(lay, line, "table", cell.header)
        # a change column dated by the table's own period column ("| Q3 2025 | … | % vs Q2 2025 |")
        named = next((h for h in (lay.headers.get(line) or [])[1:] if h and _names(h, period)), None)
        if cell is not None and named:
            return on_line(lay, line, "table", named)
        # "<표 2> 소형주 비교 (2024년 기준, 단위: 억원, %)" over rows of companies: the caption dates every cell
        if (caption := lay.captions.get(line)) and _names(caption, period):
            return on_line(lay, line, "caption", caption)
    if len(period) == 10 and period[4] == "-" and not any(r.period == period for r in refs):
        return Where("clause", sent.start, sent.end, period)  # a close's day, read from '30일 종가' or 'on Thursday'
    # a phrase naming the period itself outranks a relative one nearer the figure ("3분기 … 전년 동기(655억원)보다 …,
    # 영업이익률은 10.9%로": the 10.9% is the third quarter's, not the year-ago base's)
    # (and a year only containing the period ranks below a relative phrase: "$1.52 … for the coming quarter and
    # $5.52 … for the current fiscal year" dates the $1.52 by 'the coming quarter')
    own = [r for r in refs if r.period == period] or [r for r in refs if r.relative] \
        or [r for r in refs if r.period and period.startswith(r.period)]
    if own:
        r = min(own, key=lambda r: abs(r.start - m.start))
        if r.relative and ctx.focus_where.source == "default":
            # "전년 동기 1401억 원" measured back from a quarter only the article's date gave: as sure as that default
            return Where("default", r.start, r.end, period)
        return Where("clause", r.start, r.end)
    if (period.isdigit() or (period.startswith("FY") and period[2:].isdigit())) and (ctx.focus or "").startswith(period) \
            and (word := CD.ANNUAL.search(ctx.lay.scan, sent.start, m.start)) is not None:
        # "연간 매출은 1조4081억원" in a fourth-quarter story: the span word names the year in view (not a base's year)
        return Where("clause", word.start(), word.end())
    if period == carry.get("period") and carry.get("period_at"):
        at, text = carry["period_at"]
        return Where("carried", at, at, text)
    if period == ctx.focus or period in ctx.memo.get("focus_alts", ()):
        w = ctx.focus_where
        if w.source == "heading" and w.start is not None and w.start > m.start and not _headline(lay, w.start):
            # "DB손보 순익은 1조5780억원 … ¶ DB손보 3분기(7~9월) 장기 보장성 …": a quarter the body names only after
            # the figure is the story's guess for it, not a heading above it
            return Where("carried", w.start, w.end, w.text)
        return w
    head = heading_text(ctx, line)
    if head and _names(head, period):
        return on_line(lay, lay.headings.get(line, line), "heading", head)
    return Where("default", text=period)


def _headline(lay, at: int) -> bool:
    """Whether the line holding at reads as a headline, not a body sentence standing near the top: a headline does
    not close on a full stop."""
    return not lay.line_text(lay.line_of(at)).rstrip().endswith(".")


def _names(text: str, period: str) -> bool:
    """Whether a header or heading names the period: its year, and its quarter or half if it has one."""
    year = period.removeprefix("FY")[:4]
    if year[2:] not in text:
        return False
    rest = period.removeprefix("FY")[4:]
    return not rest or rest[-1] in text


def segment_where(ctx: Ctx, segment: str | None, m: Mention, line: int, in_table: bool) -> Where:
    if segment is None:
        return NONE
    if in_table:
        return on_line(ctx.lay, line, "table", _row_or_header(ctx, line) or segment)
    return Where("clause", m.start, m.start, segment)


def lead_governed(ctx: Ctx, line: int, found: dict[str, Where]) -> dict[str, Where]:
    """A bullet's fields carried from the lead-in line that opens its list ("Unilever's underlying sales growth by
    business group in the third quarter:") are governed by that line, as by a heading, not carried from prose."""
    lay = ctx.lay
    lead = lead_line(lay.line_text, line)
    if lead is None:
        return found
    out = {k: Where("heading", w.start, w.end, w.text) if w.source == "carried" and w.start is not None
           and lay.line_of(w.start) == lead else w for k, w in found.items()}
    said = out.get("metric")
    if said is not None and said.source == "default" and said.text \
            and any(_related(c.metric, said.text) for c in label_cues(ctx.lex, lay.line_text(lead))):
        out["metric"] = on_line(lay, lead, "heading")  # "- Personal Care: 4.6%" measures what the lead-in names
    who = out.get("entity")
    start = lay.line_starts[lead]
    if who is not None and who.source == "default" and who.text \
            and any(e[2] == who.text for e in ctx.entities_in(start, start + len(lay.line_text(lead)))):
        out["entity"] = on_line(lay, lead, "heading", who.text)  # and is the company the lead-in names
    return out
