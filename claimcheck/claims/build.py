"""Number mentions plus their context to typed Claims: entity, metric, period, cadence, basis, estimate."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import replace

import regex

from ..models import Article, Claim
from ..numbers.parse import Mention, parse
from . import lexicon as L
from . import periods as PR
from .context import PCT_ROW, Layout, layout
from . import assign as A
from .metrics import Cue, Typed, classify

STOCK_METRICS = {"stock_price", "price_change", "price_target", "upside"}
FLOW_METRICS = {"revenue", "operating_income", "net_income", "capex", "operating_cash_flow", "free_cash_flow",
                "consensus_revenue", "revenue_growth", "operating_income_growth", "net_income_growth"}
INHERENT_ESTIMATE = {"price_target", "upside", "consensus_revenue"}
WHOLE = regex.compile(r"전체|회사")
HANGUL = regex.compile(r"\p{Hangul}")
MONEY_LEVELS = {"revenue", "operating_income", "net_income", "capex", "investment", "operating_cash_flow",
                "free_cash_flow", "backlog", "_consensus"}
FROM = regex.compile(r"\s?(?:에서|→|->)")
TARGETISH = regex.compile(r"목표|target|전망|단기|중기|장기|오를|상승\s?여력", regex.IGNORECASE)


class _Ctx:
    """Everything found once per article that claim typing looks up by position."""

    def __init__(self, art: Article, lay: Layout, lex: L.Lexicon):
        self.art, self.lay, self.lex = art, lay, lex
        scan = lay.scan
        self.ents = [(m.start(), m.end(), lex.alias_to.get(m.group()) or _fold(lex, m.group()))
                     for m in lex.entity_rx.finditer(scan)]
        self.ents = [e for e in self.ents if e[2]]
        self.cues = [Cue(m.start(), m.end(), lex.metric_of.get(L.key(m.group()), "")) for m in lex.metric_rx.finditer(scan)]
        self.topics = [(m.start(), m.end(), lex.topic_of.get(L.key(m.group()))) for m in lex.topic_rx.finditer(scan)]
        counts = Counter(e[2] for e in self.ents)
        self.main = counts.most_common(1)[0][0] if counts else None
        years = [int(y) for y in regex.findall(r"(?<!\d)((?:19|20)\d\d)E(?![\p{L}])", scan)]
        self.context_year = art.published.year if art.published else (min(years) if years else None)
        self.focus: str | None = None
        self.periods: dict[tuple[int, int | None], list] = {}  # period expressions per sentence

        # sorted start offsets, so each sentence takes its slice by bisection, not by a scan
        self._ent_at = [e[0] for e in self.ents]
        self._cue_at = [c.start for c in self.cues]
        self._topic_at = [t[0] for t in self.topics]

    def entities_in(self, a: int, b: int) -> list[tuple[int, int, str]]:
        return self.ents[bisect_left(self._ent_at, a):bisect_left(self._ent_at, b)]

    def cues_in(self, a: int, b: int) -> list[Cue]:
        return self.cues[bisect_left(self._cue_at, a):bisect_left(self._cue_at, b)]

    def topics_in(self, a: int, b: int) -> list:
        return self.topics[bisect_left(self._topic_at, a):bisect_left(self._topic_at, b)]


def _fold(lex: L.Lexicon, s: str) -> str | None:
    for k, v in lex.alias_to.items():
        if k.lower() == s.lower():
            return v
    return None


def _fy_end(lex: L.Lexicon, ent: str | None) -> int | None:
    while ent:
        if ent in lex.fiscal:
            return lex.fiscal[ent]
        ent = L.parent(lex, ent)
    return None


def _clause(sent, pos: int) -> tuple[int, int]:
    for c in sent.clauses:
        if c[0] <= pos < c[1]:
            return c
    return sent.start, sent.end


def extract(art: Article, lex: L.Lexicon | None = None) -> list[Claim]:
    """All claims in one article, in text order."""
    lex = lex or L.default()
    lay = layout(art.text)
    ctx = _Ctx(art, lay, lex)
    mentions = parse(lay.scan)
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "plain" and not m.scaled and (unit := lay.units.get(lay.line_of(m.start))):
            cell = next((c for c in lay.cells.get(lay.line_of(m.start), []) if c.start <= m.start < c.end), None)
            if cell and PCT_ROW.search(cell.header):
                unit = ("percent", "%", 1.0)
            m = _in_unit(m, unit, lay.text)
        if m.kind in ("money", "percent", "pp", "count") or (m.kind == "plain" and m.scaled):
            by_sent.setdefault(lay.sentence_at(m.start), []).append(m)
    _find_focus(ctx)
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
        claims.extend(made)
        if own_ents:
            carry["entity"] = _resolve_segment(ctx, own_ents[-1][2], sent.start, sent.end)
        cues = [c for c in ctx.cues_in(sent.start, sent.end) if not c.metric.startswith(("_g", "_d"))]
        if cues:
            carry["metric"] = cues[-1].metric
        # only a quarter, half or month carries to the next sentence: a bare year is too loose a tie
        if any(c.period for c in made):
            carry["last"] = [c.period for c in made if c.period][-1]  # what "같은 해" / "the same period" points back to
        dated = [c.period for c in made if c.period and not c.period.isdigit()]
        if dated:
            carry["period"] = dated[-1]
    return _adopt_periods(claims)


def _adopt_periods(claims: list[Claim]) -> list[Claim]:
    """An undated figure equal to one dated figure of the same key in the article takes that date."""
    dated: dict[tuple, set[str]] = {}
    key = (lambda c: (c.entity, c.segment, c.metric, c.unit, c.basis, c.change, c.value, c.low, c.high))
    for c in claims:
        if c.period:
            dated.setdefault(key(c), set()).add(c.period)
    out = []
    for c in claims:
        got = dated.get(key(c)) if c.period is None else None
        if got and len(got) == 1:
            c = c.model_copy(update={"period": next(iter(got)), "context_year": None})
        out.append(c)
    return out




def _in_unit(m: Mention, unit: tuple[str, str, float], text: str) -> Mention:
    """A bare table cell read in its table's declared unit; "(1,000)" in a table is negative."""
    kind, cur, scale = unit
    neg = text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")"
    v = -abs(m.value) if neg else m.value
    if kind == "percent":
        return replace(m, kind="percent", unit="%", value=v)
    return replace(m, kind="money", unit=cur, value=v * scale, half_width=m.half_width * scale, scaled=True,
                   low=m.low * scale if m.low is not None else None, high=m.high * scale if m.high is not None else None)


def _find_focus(ctx: _Ctx) -> None:
    lay = ctx.lay
    head_end = lay.line_starts[min(6, len(lay.line_starts) - 1)]
    fy = _fy_end(ctx.lex, ctx.main)
    counts: Counter = Counter()
    for r in PR.find(lay.scan, 0, len(lay.scan), ctx.art.published, fy):
        if r.grain == "quarter" and r.period:
            counts[r.period] += 3 if r.start < head_end else 1
    if counts:
        p, n = counts.most_common(1)[0]
        if n >= 2:
            ctx.focus = p


def _resolve_segment(ctx: _Ctx, ent: str, a: int, b: int) -> str:
    """A parent company named beside one of its segment cues ("알리바바 ... 클라우드 부문") is that segment."""
    cues = ctx.lex.segment_cues.get(ent)
    if not cues:
        return ent
    window = ctx.lay.scan[a:b]
    for cue in cues:
        if cue in window:
            return ctx.lex.segment_of_cue[(ent, cue)]
    return ent


def _entity(ctx: _Ctx, sent, m: Mention, carry, own, clause) -> tuple[str | None, bool]:
    before = [e for e in own if e[1] <= m.start]
    if before:
        e = before[-1]
        return _resolve_segment(ctx, e[2], max(e[0], clause[0]), m.end), True
    if carry["entity"]:
        return carry["entity"], False
    after = [e for e in own if e[0] >= m.end and e[0] < clause[1]] or [e for e in own if e[0] >= m.end]
    if after:
        return _resolve_segment(ctx, after[0][2], clause[0], clause[1]), True
    return None, False


def _table_context(ctx: _Ctx, line: int, m: Mention):
    cells = ctx.lay.cells.get(line)
    if not cells:
        return None
    for k, cell in enumerate(cells):
        if cell.start <= m.start < cell.end:
            return k, cell
    return None


def _claim(ctx: _Ctx, si: int, sent, m: Mention, carry, own, prev, others: list[int]) -> Claim | None:
    lay, lex, scan = ctx.lay, ctx.lex, ctx.lay.scan
    clause = A_clause = _clause(sent, m.start)
    line = sent.line
    cues = ctx.cues_in(sent.start, sent.end)
    cell = _table_context(ctx, line, m)
    row_text = header = ""
    if cell:
        k, cl = cell
        if k == 0:
            return None
        row_text, header = cl.row_label, cl.header
        cues = [Cue(-100, -90, c.metric) for c in A.label_cues(lex, row_text)] \
            + [Cue(-200, -190, c.metric) for c in A.label_cues(lex, header)] \
            + [c for c in cues if cl.start <= c.start < cl.end]
    label = lay.labels.get(line)
    label_text = scan[label[0]:label[1]] if label and label[1] <= m.start and not cell else ""
    if label_text:
        cues = cues + [Cue(label[0], label[1], c.metric) for c in A.label_cues(lex, label_text)]
    if prev is not None and m.kind == "money" and prev[0].unit != m.unit:
        approx = A.conversion_approx(scan, prev[1], m)
        if approx is not None:
            return _converted(ctx, prev[0], m, approx, si)
    typed = classify(m, scan, cues, A_clause, (sent.start, sent.end), carry["metric"])
    if typed is None and (head := _heading_text(ctx, line)):
        typed = classify(m, scan, [Cue(-300, -290, c.metric) for c in A.label_cues(lex, head)] + cues,
                         A_clause, (sent.start, sent.end), None)
    if m.kind == "plain" and m.scaled and typed and typed.metric in MONEY_LEVELS and HANGUL.search(scan, sent.start, sent.end):
        m = replace(m, kind="money", unit="KRW")  # "매출 1조2,500억": a Korean amount with no unit is in won
    if m.kind == "count" or m.kind == "plain":
        counted = any(c.metric == "_count" and clause[0] <= c.start < clause[1] for c in cues)
        if not (own or (carry["entity"] and counted)) or (m.kind == "plain" and not any(c.metric == "_count" for c in cues)):
            return None
        typed = Typed("count")
    if typed is None:
        if m.kind != "money":
            return None
        typed = Typed("revenue")
    ent, _ = _entity(ctx, sent, m, carry, own, clause)
    if cell:
        row_ents = [lex.alias_to.get(x.group()) for x in lex.entity_rx.finditer(row_text)]
        row_ents = [x for x in row_ents if x]
        if row_ents:
            ent = row_ents[0]
    inferred = ent is None or not own
    if ent is None and m.kind != "count" and ctx.main:
        ent = _resolve_segment(ctx, ctx.main, clause[0], m.end)
        if label_text:
            ent = _resolve_segment(ctx, ent, label[0], label[1])
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
        text = scan[sent.start:sent.end] + " " + _heading_text(ctx, line) + " " + label_text
        metric = "price_target" if TARGETISH.search(text) else "stock_price"
    if metric == "_consensus":
        metric = "consensus_revenue"
    if metric in STOCK_METRICS and ent:
        ent = L.parent(lex, ent) or ent
    value, low, high = m.value, m.low, m.high
    if typed.negative and value > 0:
        value, low, high = -value, (-high if high is not None else None), (-low if low is not None else None)
    segment = A.segment(ctx.topics_in(sent.start, sent.end), cues, sent, m, clause, label_text + " " + row_text, lex)
    if segment is None and inferred and not cell:
        segment = A.named_subject(scan, clause[0], m.start)
    fy = _fy_end(lex, ent)
    refs = ctx.periods.get((si, fy))
    if refs is None:
        refs = ctx.periods[(si, fy)] = PR.find(scan, sent.start, sent.end, ctx.art.published, fy)
    hp = PR.header_period(header) if header else None
    carried = carry["period"] if metric in FLOW_METRICS else None
    period, estimate, grain = A.period(refs, m, clause, carried, ctx.focus, hp, others,
                                       daily=metric in ("stock_price", "price_change"), last=carry.get("last"),
                                       scan=scan)
    is_from = FROM.match(scan, m.end, m.end + 4) is not None
    if period and not metric.endswith("_growth") and not change:
        back = A.PRIOR.search(scan, max(clause[0], m.start - 16), m.start)
        ahead = A.PRIOR_AFTER.match(scan, m.end, min(clause[1], m.end + 24))
        if back or ahead:
            year = (back or ahead).lastgroup == "year"
            period = PR.shift_quarter(period, -4 if year else -1) or period
    if period is None and ctx.focus and metric in FLOW_METRICS and not cell and not is_from:
        period = ctx.focus
    sentence_text = scan[sent.start:sent.end]
    if metric in INHERENT_ESTIMATE or A.ESTIMATE.search(sentence_text):
        estimate = estimate or metric in INHERENT_ESTIMATE or not _is_past(ctx, period) or bool(hp and hp[1])
    if metric == "stock_price":
        estimate = False  # a quoted price is a fact even in a sentence about targets
    if estimate and metric not in INHERENT_ESTIMATE and (_is_past(ctx, period) or is_from) and not (hp and hp[1]):
        estimate = False  # the start of a from-to change is where things stand, not a forecast
    li = lay.line_of(m.start)
    return Claim(file=ctx.art.path, line=li + 1, column=m.start - lay.line_starts[li] + 1,
                 text=ctx.art.text[m.start:m.end], entity=ent, segment=segment, metric=metric,
                 value=value, low=low, high=high, bound=A.bound(scan, m, sent), unit=m.unit or "count",
                 period=period, cadence=A.cadence(scan, sent, m, clause, period, metric, grain),
                 basis=A.basis(scan, sent, clause, metric, m, change), estimate=estimate,
                 quote=_quote(ctx, sent), half_width=m.half_width, change=change,
                 context_year=ctx.context_year if period is None else None, sentence=si)


def _converted(ctx: _Ctx, base: Claim, m: Mention, approx: bool, si: int) -> Claim:
    lay = ctx.lay
    li = lay.line_of(m.start)
    return base.model_copy(update=dict(
        line=li + 1, column=m.start - lay.line_starts[li] + 1, text=ctx.art.text[m.start:m.end], value=m.value,
        low=m.low, high=m.high, unit=m.unit, bound="approx" if approx else "eq", half_width=m.half_width,
        sentence=si))


def _is_past(ctx: _Ctx, period: str | None) -> bool:
    pub = ctx.art.published
    end = PR.period_end(period) if period else None
    return bool(pub and end and end < (pub.year, pub.month))


def _heading_text(ctx: _Ctx, line: int) -> str:
    h = ctx.lay.headings.get(line, -1)
    return ctx.lay.line_text(h) if h is not None and h >= 0 else ""


def _quote(ctx: _Ctx, sent) -> str:
    return " ".join(ctx.art.text[sent.start:sent.end].split())[:400]
