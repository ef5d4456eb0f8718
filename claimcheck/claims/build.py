"""Number mentions plus their context to typed Claims: entity, metric, period, cadence, basis, estimate."""
from __future__ import annotations

from dataclasses import replace

import regex

from ..models import Article, Claim
from ..numbers import patterns as P
from ..numbers.parse import Mention, parse
from . import lexicon as L
from . import calendar as CAL
from . import periods as PR
from .article import (Ctx, adopt_periods, converted, entity, find_focus, fy_end, heading_text, in_unit, is_past,
                      resolve_segment, table_context)
from .context import PCT_ROW, layout
from . import assign as A
from . import compare as C
from .lines import CONSTANT_FX, excluding, line_after, listed_segments, named_subject, subject_lines, subject_segment
from .tables import column_period, growth_cell, row_segment
from .metrics import LEVEL_METRICS, Cue, Typed, classify

STOCK_METRICS = {"stock_price", "price_change", "price_target", "upside", "market_cap"}
FLOW_METRICS = {"revenue", "operating_income", "net_income", "capex", "operating_cash_flow", "free_cash_flow",
                "consensus_revenue", "revenue_growth", "operating_income_growth", "net_income_growth", "eps",
                "buyback", "subsidy"}
# figures that belong to a reporting period, so an undated one is about the quarter the article covers
DATED_METRICS = FLOW_METRICS | {"operating_margin", "net_margin", "gross_margin", "revenue_share",
                                "operating_income_share", "backlog", "cash"}
# a user or customer base is counted at a quarter's end; downloads in a launch week are not
USER_BASE = regex.compile(r"고객|이용자|가입자|사용자|MAU|DAU|users|subscribers|customers|accounts", regex.IGNORECASE)
PROFITS = ("operating_income", "net_income")
INHERENT_ESTIMATE = {"price_target", "upside", "consensus_revenue"}
WHOLE = regex.compile(r"전체|회사")
HANGUL = regex.compile(r"\p{Hangul}")
MONEY_LEVELS = (LEVEL_METRICS - {"market_size", "_count", "_operating_loss", "_net_loss"}) | {"_consensus"}
IN_BRACKETS = regex.compile(r"\([^()]*$")  # the figure sits in an open bracket: an aside
FROM_WORD = regex.compile(r"\s?\p{Hangul}{1,5}에서\s")
FROM = regex.compile(r"\s?(?:에서|→|->)")
TARGETISH = regex.compile(r"목표|target|전망|단기|중기|장기|오를|상승\s?여력", regex.IGNORECASE)


def _clause(sent, pos: int) -> tuple[int, int]:
    for c in sent.clauses:
        if c[0] <= pos < c[1]:
            return c
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
            cell = next((c for c in lay.cells.get(lay.line_of(m.start), []) if c.start <= m.start < c.end), None)
            if cell and PCT_ROW.search(cell.header):
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
        for m in here:
            c = _claim(ctx, si, sent, m, carry, own_ents, prev, starts)
            if c is not None:
                made.append(c)
                prev = (c, m.end)
        claims.extend(listed_segments(made, lay, lex))
        if own_ents:
            carry["entity"] = resolve_segment(ctx, own_ents[-1][2], sent.start, sent.end)
        cues = [c for c in ctx.cues_in(sent.start, sent.end) if not c.metric.startswith(("_g", "_d"))]
        if cues:
            carry["metric"] = cues[-1].metric
        # only a quarter, half or month carries to the next sentence: a bare year is too loose a tie
        if any(c.period for c in made):
            carry["last"] = [c.period for c in made if c.period][-1]  # what "같은 해" / "the same period" points back to
        # a base ("전분기(660억원)", "1년 전 925억 위안에서", "a year earlier") dates its own figure only
        dated = [c.period for c in made if c.period and not c.period.isdigit()
                 and (c.line, c.column) not in ctx.bases]
        if dated:
            carry["period"] = dated[-1]
    return adopt_periods(claims)


def _claim(ctx: Ctx, si: int, sent, m: Mention, carry, own, prev, others: list[int]) -> Claim | None:
    lay, lex, scan = ctx.lay, ctx.lex, ctx.lay.scan
    clause = A_clause = _clause(sent, m.start)
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
        cues = [Cue(-100, -90, c.metric) for c in A.label_cues(lex, row_text)
                if not (excl and excl[1] <= c.start < excl[2])] \
            + [Cue(-200, -190, c.metric) for c in A.label_cues(lex, header)] \
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
        excl = excluding(scan, clause[0], m.start)
        cues = [c for c in cues if not (excl and excl[1] <= c.start < excl[2])]
    typed = classify(m, scan, cues, A_clause, (sent.start, sent.end), carry["metric"])
    if typed is None and (head := heading_text(ctx, line)):
        typed = classify(m, scan, [Cue(-300, -290, c.metric) for c in A.label_cues(lex, head)] + cues,
                         A_clause, (sent.start, sent.end), None)
    if m.kind == "plain" and m.scaled and HANGUL.search(scan, sent.start, sent.end) and P.KOREAN_SCALE.search(m.text):
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
    ent, _ = entity(ctx, sent, m, carry, own, clause)
    row_ents: list = []
    if cell:
        row_ents = [lex.alias_to.get(x.group()) for x in lex.entity_rx.finditer(row_text)]
        row_ents = [x for x in row_ents if x]
        # "| 항목 | BYD | 샤오미 |": a column headed by a company holds its figures
        col_ents = [n for x in lex.entity_rx.finditer(header) if (n := lex.alias_to.get(x.group()))]
        if row_ents or col_ents:
            ent = (row_ents or col_ents)[0]
    inferred = ent is None or not own
    if ent is None and not cell and (m.kind != "count" or main_count) and (head := heading_text(ctx, line)):
        # a section headed by a company ("## 도쿄일렉트론: 전망 하향") is about that company
        named = [n for x in lex.entity_rx.finditer(head) if (n := lex.alias_to.get(x.group()))]
        ent = resolve_segment(ctx, named[0], clause[0], m.end) if named else None
    if ent is None and (m.kind != "count" or main_count) and ctx.main:
        ent = resolve_segment(ctx, ctx.main, clause[0], m.end)
        if label_text:
            ent = resolve_segment(ctx, ent, label[0], label[1])
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
        text = scan[sent.start:sent.end] + " " + heading_text(ctx, line) + " " + label_text
        metric = "price_target" if TARGETISH.search(text) else "stock_price"
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
        got = ctx.memo.get(("lines", si))
        if got is None:
            got = ctx.memo[("lines", si)] = subject_lines(scan, sent.start, sent.end, lex)
        segment = subject_segment(got, m.start)
        if segment and L.parent(lex, ent):
            ent = L.parent(lex, ent)  # a division carried from the last sentence yields to the line this one names
    if segment is None and not cell:
        segment = A.segment_after(ctx.topics_in(sent.start, sent.end), m, clause, scan)
    fy = fy_end(lex, ent) if metric != "market_share" else None  # market trackers count calendar quarters
    refs = ctx.periods_in(sent.start, sent.end, fy)
    hp = PR.header_period(header, fy) if header else None
    if cell and not (hp and hp[0]) and metric.endswith("_growth"):
        hp = column_period(lay, line, cell[0], fy)
    dated_kind = metric in DATED_METRICS or (metric == "count" and USER_BASE.search(scan, clause[0], m.start) is not None)
    carried = carry["period"] if dated_kind else None
    period, estimate, grain = A.period(refs, m, clause, carried, ctx.focus, hp, others,
                                       daily=metric in ("stock_price", "price_change"), last=carry.get("last"),
                                       scan=scan, change=change or metric.endswith("_growth"))
    if period is None and metric in FLOW_METRICS and not cell and (head := heading_text(ctx, line)):
        # a section headed "FQ1 recap" or "3분기 실적" dates the undated figures under it
        hrefs = [r for r in PR.find(head, 0, len(head), ctx.art.published, fy_end(lex, ent))
                 if r.period and r.grain in ("quarter", "half")]
        if hrefs:
            period = hrefs[0].period
    is_from = FROM.match(scan, m.end, m.end + 4) is not None
    if is_from or FROM_WORD.match(scan, m.end, m.end + 10):
        ctx.bases.add(_position(lay, m))  # "177억원 영업손실에서 흑자로": where a change starts
    if not metric.endswith("_growth") and not change:
        back = C.PRIOR.search(scan, max(clause[0], m.start - 16), m.start)
        ahead = C.PRIOR_AFTER.match(scan, m.end, min(clause[1], m.end + 40))
        prior = back or ahead
        # "전분기(4조7,000억원)": the relative period was already resolved to the quarter before
        if prior:
            ctx.bases.add(_position(lay, m))
        if prior and not any(r.relative in ("previous", "year_ago") and prior.start() <= r.start < prior.end() for r in refs):
            base = period or (ctx.focus if metric in DATED_METRICS and not cell else None)
            if base:
                period = CAL.shift_quarter(base, -4 if prior.lastgroup == "year" else -1) or base
    if period is None and ctx.focus and dated_kind and not cell and not is_from:
        period = ctx.focus
    if metric in ("price_target", "upside"):
        period = None  # a target looks a year ahead from whenever it is set; the year its model uses is not its period
    sentence_text = scan[sent.start:sent.end]
    if typed.metric == "_consensus":
        estimate = True
    elif metric in INHERENT_ESTIMATE or A.ESTIMATE.search(sentence_text):
        estimate = estimate or metric in INHERENT_ESTIMATE or not is_past(ctx, period) or bool(hp and hp[1])
    if metric == "stock_price":
        estimate = False  # a quoted price is a fact even in a sentence about targets
    if estimate and metric not in INHERENT_ESTIMATE and typed.metric != "_consensus" and (is_past(ctx, period) or is_from) and not (hp and hp[1]):
        estimate = False  # the start of a from-to change is where things stand, not a forecast
    li = lay.line_of(m.start)
    if IN_BRACKETS.search(scan, max(clause[0], m.start - 30), m.start):
        ctx.bases.add(_position(lay, m))
    ent, segment = L.as_reported(lex, ent, segment)
    return Claim(file=ctx.art.path, line=li + 1, column=m.start - lay.line_starts[li] + 1,
                 text=ctx.art.text[m.start:m.end], entity=ent, segment=segment, metric=metric,
                 value=value, low=low, high=high, bound=A.bound(scan, m, sent), unit=m.unit or "count",
                 period=period, cadence=A.cadence(scan, sent, m, clause, period, metric, grain),
                 basis=C.basis(scan, sent, clause, metric, m, change,
                               C.basis_of_base(refs, m, period, scan, others, sent.start)), estimate=estimate,
                 quote=_quote(ctx, sent), half_width=m.half_width, change=change,
                 context_year=ctx.context_year if period is None else None, sentence=si,
                 consensus=typed.metric == "_consensus")


def _position(lay, m: Mention) -> tuple[int, int]:
    li = lay.line_of(m.start)
    return li + 1, m.start - lay.line_starts[li] + 1


def _quote(ctx: Ctx, sent) -> str:
    return " ".join(ctx.art.text[sent.start:sent.end].split())[:400]
