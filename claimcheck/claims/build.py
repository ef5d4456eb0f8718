"""Number mentions plus their context to typed Claims: entity, metric, period, cadence, basis, estimate."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

import regex

from ..models import Article, Claim
from ..numbers import patterns as P
from ..numbers.parse import Mention, parse
from . import assign as A
from . import compare as C
from . import dating
from . import respectively
from . import sources as W
from .. import vocab as L
from .article import (Ctx, adopt_periods, converted, entity, find_focus, heading_text, in_unit, resolve_segment,
                      table_context)
from .context import PCT_ROW, Sentence, layout, reach
from .evidence import NONE, on_line, record
from .lines import CONSTANT_FX, excluding, excluding_lead, line_after, listed_segments, named_subject, subject_lines, subject_segment
from .metrics import LEVEL_METRICS, Cue, Typed, classify
from .tables import column_basis, growth_cell, row_segment

STOCK_METRICS = {"stock_price", "price_change", "price_target", "upside", "market_cap"}
PROFITS = ("operating_income", "net_income")
WHOLE = regex.compile(r"전체|회사")
HANGUL = regex.compile(r"\p{Hangul}")
MONEY_LEVELS = (LEVEL_METRICS - {"market_size", "_count", "_operating_loss", "_net_loss"}) | {"_consensus"}
STOCKISH = regex.compile(r"close|closing|closed|종가|현재가|현\s?주가|주가는|traded|trading\sat", regex.IGNORECASE)
AGGREGATE = regex.compile(r"\d+\s?개\s?(?:사|기업|상장사|회사)|상장사|상장기업|합산|합친|combined\s", regex.IGNORECASE)
TARGETISH = regex.compile(r"목표|target|전망|단기|중기|장기|오를|상승\s?여력", regex.IGNORECASE)


def _clause(ctx: Ctx, sent: Sentence, pos: int) -> tuple[int, int]:
    """The clause of `sent` holding pos, by bisection: a comma-joined run may hold thousands of clauses."""
    starts = ctx.memo.get(("clauses", sent.index))
    if starts is None:
        starts = ctx.memo[("clauses", sent.index)] = [c[0] for c in sent.clauses]
    k = bisect_right(starts, pos) - 1
    if k >= 0 and pos < sent.clauses[k][1]:
        return sent.clauses[k]
    return sent.start, sent.end


def extract(art: Article, lex: L.Lexicon | None = None) -> list[Claim]:
    """All claims in one article, in text order."""
    lex = lex or L.default()
    lay = layout(art.text)
    ctx = Ctx(art, lay, lex)
    mentions = parse(lay.scan)
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "plain" and not m.scaled and (unit := lay.units.get(lay.line_of(m.start))):
            at = lay.cell_at(lay.line_of(m.start), m.start)
            if at and PCT_ROW.search(at[1].header):
                unit = ("percent", "%", 1.0)
            m = in_unit(m, unit, lay.text)
        if m.kind in ("money", "percent", "pp", "count") or (m.kind == "plain" and m.scaled):
            by_sent.setdefault(lay.sentence_at(m.start), []).append(m)
    find_focus(ctx)
    claims: list[Claim] = []
    carry = {"para": -1, "entity": None, "metric": None, "period": None}
    prev: tuple[Claim, int] | None = None
    for si, sent in enumerate(lay.sentences):
        if sent.para != carry["para"]:
            carry = {"para": sent.para, "entity": None, "metric": None, "period": None, "last": carry.get("last")}
        own_ents = ctx.entities_in(sent.start, sent.end)
        here = by_sent.get(si, [])
        starts = [x.start for x in here]
        made = []
        at: dict[int, int] = {}
        for m in here:
            c = _claim(ctx, si, sent, m, carry, own_ents, prev, starts)
            if c is not None:
                made.append(c)
                at[id(c)] = m.start
                prev = (c, m.end)
        made = respectively.pair(ctx, sent, made, at)
        claims.extend(listed_segments(made, lay, lex))
        if own_ents:
            carry["entity"] = resolve_segment(ctx, own_ents[-1][2], sent.start, sent.end)
            carry["entity_at"] = own_ents[-1][:2]
        # a change word or an estimate word names no metric a later sentence could be about
        cues = [c for c in ctx.cues_in(sent.start, sent.end) if not c.metric.startswith(("_g", "_d", "_consensus"))]
        if cues:
            carry["metric"] = cues[-1].metric
            carry["metric_at"] = (cues[-1].start, cues[-1].end)
        # only a quarter, half or month carries to the next sentence: a bare year is too loose a tie
        if any(c.period for c in made):
            carry["last"] = [c.period for c in made if c.period][-1]  # what "같은 해" / "the same period" points back to
        # a base ("전분기(660억원)", "1년 전 925억 위안에서", "a year earlier") dates its own figure only
        dated = [c.period for c in made if c.period and not c.period.isdigit()
                 and (c.line, c.column) not in ctx.bases]
        if dated:
            carry["period"] = dated[-1]
            src = next(c for c in reversed(made) if c.period == dated[-1])
            carry["period_at"] = (sent.start, src.evidence[2][3] if src.evidence else None)
    return adopt_periods(claims)


def _claim(ctx: Ctx, si: int, sent, m: Mention, carry, own, prev, others: list[int]) -> Claim | None:
    lay, lex, scan = ctx.lay, ctx.lex, ctx.lay.scan
    # the figure reads its words within REACH of itself: in ordinary prose the whole sentence, while in a
    # run-on line of thousands of figures the work per figure stays fixed instead of growing with the line;
    # the names and figures it sees are those in that reach
    whole, sent = sent, reach(sent, m.start, m.end)
    c0, c1 = _clause(ctx, whole, m.start)
    clause = A_clause = (max(c0, sent.start), min(c1, sent.end))
    own = ctx.entities_in(sent.start, sent.end)
    others = others[bisect_left(others, sent.start):bisect_left(others, sent.end)]
    line = sent.line
    cues = ctx.cues_in(sent.start, sent.end)
    cell = table_context(ctx, line, m)
    row_text = header = ""
    excl = None
    if cell:
        k, cl = cell
        if k == 0:
            return None
        row_text, header = cl.row_label, cl.header
        excl = excluding(row_text, 0, len(row_text))
        cues = [Cue(W.ROW_CUE, W.ROW_CUE + 10, c.metric) for c in A.label_cues(lex, row_text)
                if not (excl and excl[1] <= c.start < excl[2])] \
            + [Cue(W.CAPTION_CUE, W.CAPTION_CUE + 10, c.metric) for c in A.label_cues(lex, lay.captions.get(line, ""))] \
            + [Cue(W.HEADER_CUE, W.HEADER_CUE + 10, c.metric) for c in A.label_cues(lex, header)] \
            + [c for c in cues if cl.start <= c.start < cl.end]
    label = lay.labels.get(line)
    label_text = scan[label[0]:label[1]] if label and label[1] <= m.start and not cell else ""
    if label_text:
        cues = cues + [Cue(label[0], label[1], c.metric) for c in A.label_cues(lex, label_text)]
    if prev is not None and m.kind == "money" and prev[0].unit != m.unit:
        approx = A.conversion_approx(scan, prev[1], m)
        if approx is not None:
            return converted(ctx, prev[0], m, approx, si)
    if not cell:
        # "AMPC 제외 영업이익": what is taken out is not what the figure measures
        # an exclusion opening the sentence ("Excluding the charge, ...") covers the figures within reach of it
        excl = excluding(scan, clause[0], m.start) \
            or (excluding_lead(scan, sent.start, m.start) if sent.start == whole.start else None)
        cues = [c for c in cues if not (excl and excl[1] <= c.start < excl[2])]
    typed = classify(m, scan, cues, A_clause, (sent.start, sent.end), carry["metric"])
    if typed is None and (head := heading_text(ctx, line)):
        typed = classify(m, scan, [Cue(W.HEADING_CUE, W.HEADING_CUE + 10, c.metric) for c in A.label_cues(lex, head)] + cues,
                         A_clause, (sent.start, sent.end), None)
    if m.kind == "plain" and m.scaled and P.KOREAN_SCALE.search(m.text) \
            and ctx.per_sentence("hangul", whole, lambda s: bool(HANGUL.search(scan, s.start, s.end))):
        # "매출 1조2,500억", "| 매출 | 1조 |": a Korean amount with no unit is in won when a money metric names it
        won = replace(m, kind="money", unit="KRW")
        as_money = classify(won, scan, cues, A_clause, (sent.start, sent.end), carry["metric"])
        if as_money and as_money.metric in MONEY_LEVELS:
            m, typed = won, as_money
    main_count = False
    if m.kind == "count" or m.kind == "plain":
        counted = any(c.metric == "_count" and clause[0] <= c.start < clause[1] for c in cues)
        # a counted business quantity ("도매 판매 103만대", "MAU 14억명") in a story about one company is its count
        main_count = counted and m.kind == "count" and ctx.main is not None
        if not (own or ((carry["entity"] or main_count) and counted)) \
                or (m.kind == "plain" and not any(c.metric == "_count" for c in cues)):
            return None
        typed = Typed("count")
    if cell and m.kind == "percent" and (typed is None or not typed.metric.endswith("_growth")):
        typed = growth_cell(lex, header, row_text, heading_text(ctx, line), m.value) or typed
    if typed is None:
        if m.kind != "money":
            return None
        typed = Typed("revenue")
    ent, _, ent_where = entity(ctx, sent, m, carry, own, clause)
    row_ents: list = []
    if cell:
        row_ents = [lex.alias_to.get(x.group()) for x in lex.entity_rx.finditer(row_text)]
        row_ents = [x for x in row_ents if x]
        # "| 항목 | BYD | 샤오미 |": a column headed by a company holds its figures
        col_ents = [n for x in lex.entity_rx.finditer(header) if (n := lex.alias_to.get(x.group()))]
        if row_ents or col_ents:
            ent = (row_ents or col_ents)[0]
            ent_where = on_line(lay, line, "table", row_text if row_ents else header)
    inferred = ent is None or not own
    if ent is None and not cell and (m.kind != "count" or main_count) and (head := heading_text(ctx, line)):
        # a section headed by a company ("## 도쿄일렉트론: 전망 하향") is about that company
        named = [n for x in lex.entity_rx.finditer(head) if (n := lex.alias_to.get(x.group()))]
        ent = resolve_segment(ctx, named[0], clause[0], m.end) if named else None
        ent_where = on_line(lay, lay.headings[line], "heading") if named else ent_where
    if ent is None and (m.kind != "count" or main_count) and ctx.main:
        ent = resolve_segment(ctx, ctx.main, clause[0], m.end)
        ent_where = ctx.main_where
        if label_text:
            ent = resolve_segment(ctx, ent, label[0], label[1])
    if ent and not cell and AGGREGATE.search(scan, clause[0], m.start) \
            and len({e[2] for e in own if clause[0] <= e[0] < clause[1]}) != 1:
        ent = None  # "339개사 합산 영업이익", "현대차·기아 합산": a sum over many companies is none of theirs
    metric = typed.metric
    change = typed.change or m.kind == "pp" or bool(A.INCREMENT.search(scan, max(clause[0], m.start - 12), m.start)
                                                           or A.INCREMENT.match(scan, m.end + 1, min(clause[1], m.end + 4)))
    if typed.entity_none:
        ent = None
    if metric.endswith("_share") and metric != "market_share" and ent:
        kids = [e[2] for e in own if L.parent(lex, e[2]) == ent]
        ent = kids[0] if kids else ent
    elif ent and (A.parent_cue(scan, sent.start, m.start, cues) or WHOLE.search(row_text)):
        ent = L.parent(lex, ent) or ent
    if metric == "_price":
        metric = "price_target" if ctx.per_sentence(("targetish", label_text), whole, lambda s: bool(TARGETISH.search(
            scan[s.start:s.end] + " " + heading_text(ctx, line) + " " + label_text))) else "stock_price"
    if metric == "price_target":
        near = scan[max(sent.start, m.start - 20):min(sent.end, m.end + 12)]
        if STOCKISH.search(near) and not TARGETISH.search(near):
            metric = "stock_price"  # "implies 46% upside from the ₩274,500 close": the price, beside a target
    if metric == "price_target" and m.scaled and abs(m.value) >= 1e7:  # no share costs ten million
        # "연간 매출 목표 60조원", "수주 목표 74억 달러": a scaled amount is a goal for a flow, never a share price
        goals = [c for c in cues if c.metric in MONEY_LEVELS and not c.metric.startswith("_")]
        metric = min(goals, key=lambda c: abs(c.start - m.start)).metric if goals else "revenue"
    if metric == "_consensus":
        # "영업이익 ... 컨센서스였던 10조원": a consensus for profit is that profit, forecast
        subject = [c.metric for c in cues if sent.start <= c.start < m.start and c.metric in PROFITS]
        profit = subject[-1] if subject else carry["metric"] if carry["metric"] in PROFITS and not any(
            c.metric == "revenue" and sent.start <= c.start < m.start for c in cues) else None
        metric = profit or "consensus_revenue"
    if metric in STOCK_METRICS and ent:
        ent = L.parent(lex, ent) or ent
    value, low, high = m.value, m.low, m.high
    if typed.negative and value > 0:
        value, low, high = -value, (-high if high is not None else None), (-low if low is not None else None)
    segment = A.segment(ctx.topics_in(sent.start, sent.end), cues, sent, m, clause, label_text + " " + row_text, lex)
    if segment is None and (excl or CONSTANT_FX.match(scan, m.end, min(clause[1], m.end + 30))):
        segment = excl[0] if excl else "constant_currency"
    if segment is None and inferred and not cell:
        segment = named_subject(scan, clause[0], m.start)
    if segment is None and not cell:
        segment = line_after(scan, m.end, clause[1], lex)
    if segment is None and cell and not row_ents:
        segment = row_segment(lex, row_text)
    if segment is None and not cell and ent and m.kind != "count" and (inferred or not L.parent(lex, ent)):
        got = ctx.per_sentence("lines", whole, lambda s: subject_lines(scan, s.start, s.end, lex))
        segment = subject_segment(got, m.start)
        if segment and L.parent(lex, ent):
            ent = L.parent(lex, ent)  # a division carried from the last sentence yields to the line this one names
    if segment is None and not cell:
        segment = A.segment_after(ctx.topics_in(sent.start, sent.end), m, clause, scan)
    period, estimate, grain, refs = dating.date(ctx, sent, m, clause, metric, typed.metric, ent, cell, header,
                                                carry, change, others)
    li = lay.line_of(m.start)
    ent, segment = L.as_reported(lex, ent, segment)
    cadence = A.cadence(scan, sent, m, clause, period, metric, grain)
    if cadence == "ytd" and period and "Q" in period:
        period = period.split("Q")[0]  # "지난해 같은 기간(1,142억원)" after a 1~3분기 total: last year's running total
    found = {"entity": ent_where if ent else NONE,
             "metric": W.metric_where(ctx, metric, cues, m, sent, line, carry),
             "period": W.period_where(ctx, sent, m, period, refs, line, carry, bool(cell and header)),
             "segment": W.segment_where(ctx, segment, m, line, bool(cell))}
    return Claim(file=ctx.art.path, line=li + 1, column=m.start - lay.line_starts[li] + 1,
                 text=ctx.art.text[m.start:m.end], entity=ent, segment=segment, metric=metric,
                 value=value, low=low, high=high, bound=A.bound(scan, m, sent), unit=m.unit or "count",
                 period=period, cadence=cadence,
                 basis=C.basis(scan, sent, clause, metric, m, change,
                               (column_basis(header) if cell else None)
                               or C.basis_of_base(refs, m, period, scan, others, sent.start)), estimate=estimate,
                 quote=_quote(ctx, whole), half_width=m.half_width, change=change,
                 context_year=ctx.context_year if period is None else None, sentence=si,
                 consensus=typed.metric == "_consensus", evidence=record(lay, found))


def _quote(ctx: Ctx, sent: Sentence) -> str:
    # once per sentence: every figure of a run-on line quotes the same opening
    return ctx.per_sentence("quote", sent, lambda s: " ".join(ctx.art.text[s.start:s.end].split())[:400])
