"""A claim from its decided fields: the sign a loss or an accounting bracket gives, the period and estimate
(dating), cadence, basis, and the evidence each field leaves."""
from __future__ import annotations

import regex

from ..models import Claim
from .. import vocab as L
from . import assign as A
from . import cadence as CD
from . import compare as C
from . import dating
from . import fields_entity as FE
from . import fields_metric as FM
from . import sources as W
from .article_context import Ctx
from .article_periods import fy_end
from .evidence import NONE, Where, record
from .figure import Figure
from .home_dollar import home_unit
from .layout import Sentence
from .metric_cue import Typed
from .row_cells import row_sentence
from .tables import column_basis

QUARTERLY = regex.compile(r"분기\s?(?:영업이익|매출액?|순이익)|quarterly", regex.IGNORECASE)  # "분기 영업이익 5천억원 시대"
MILESTONE = regex.compile(r"\s?(?:원\s?)?(?:클럽|시대|고지|(?:을|를)?\s?(?:첫|처음|최초로?)\s?(?:돌파|넘|달성))")

# "| +$43.8 m (3.8 %) |", "1,234 (5.6%)": a bracket right after a figure glosses it (its rate of change), no accounting minus
GLOSSED_FIGURE = regex.compile(r"\d(?:[ \u00a0]?(?:[mbkMBK]|bn|mn|million|billion|%|원|억원?|만원?))?[ \u00a0]?$")
# (and a pipe row whose leading pipe was lost: "Gross Profit Margin | 30.7 % | 32.8 % | (2.1 pp) |")
FIGURE_ROW = regex.compile(r"\s*[^\d()$€£¥₩|]{2,60}?(?:(?:\s+|\s*\|\s*)(?:\(?[$€£¥₩]?\d[\d,.]*\s?(?:%|pp|bps?|[BMK]|bn|billion|million)?\)?"
                        r"|N/?A|n/?m|—|–|-)){2,}\s*\|?\s*")
FLIPPED = {"ge": "le", "gt": "lt", "le": "ge", "lt": "gt"}
# "a turn for the worse from the original forecast of an income of JPY 160.0 billion": a profit named as such, though a
# loss leads the sentence
PROFIT_OF = regex.compile(r"\b(?:an?\s)?(?:net\s|pre-?tax\s|operating\s)?(?:income|profit)\sof\s(?:about\s|around\s)?(?:[A-Z]{3}\s?|[$€£¥₩])?$",
                          regex.IGNORECASE)
# "12억원 적자에서 올해 3분기 464억원으로 흑자 전환": the figure the loss turned into is a profit
TURNED_PROFIT = regex.compile(r"\s?(?:으로|로)\s?(?:흑자\s?(?:전환|로\s?돌아)|돌아서|turnaround)")



def assemble(fig: Figure, got: Typed, metric: str, ent: str | None, seg: str | None, who: FE.Owner) -> Claim:
    """The claim from its decided fields: period and estimate (dating), cadence, basis, and the evidence."""
    ctx, lay, m, scan, sent, clause = fig.ctx, fig.ctx.lay, fig.m, fig.scan, fig.sent, fig.clause
    change = got.change or m.kind == "pp" or bool(A.INCREMENT.search(scan, max(clause[0], m.start - 12), m.start)
                                                         or A.INCREMENT.match(scan, m.end + 1, min(clause[1], m.end + 4)))
    value, low, high = m.value, m.low, m.high
    bound = A.bound(scan, m, sent)
    if bound in ("lt", "le") and low is not None and m.text.endswith("대"):
        value, low, high = low, None, None  # "1조 원대로 올라서지 못했다": below the band's floor, not its top
    bracketed = scan[m.start - 1:m.start] == "(" and scan[m.end:m.end + 1] == ")" \
        and not GLOSSED_FIGURE.search(scan, max(sent.start, m.start - 16), m.start - 1) and (
        bool(fig.cell) or ctx.per_sentence("figure row", sent, lambda s: FIGURE_ROW.fullmatch(scan, s.start, s.end) is not None))
    # "| (9.2%) |", and a row of figures set out with spaces: "Non-GAAP diluted EPS ($1.32) ($1.49) $1.37 N/A"
    # (a figure printed with its own plus sign is never turned down by the words around it: "+1%/-18% (YoY)")
    lost = got.negative and not bracketed and m.sign_mark != "+" and not TURNED_PROFIT.match(scan, m.end, min(sent.end, m.end + 14)) \
        and not PROFIT_OF.search(scan, max(sent.start, m.start - 32), m.start)
    if value > 0 and (bracketed or lost):
        value, low, high = -value, (-high if high is not None else None), (-low if low is not None else None)
        if lost:
            bound = FLIPPED.get(bound, bound)  # "400억원이 넘는 순손실": a loss of more than 400억 is at most -400억
    period, estimate, grain, refs = dating.date(ctx, sent, m, clause, metric, got.metric, ent, fig.cell, fig.header,
                                                fig.carry, change, fig.others)
    consensus = got.metric == "_consensus" or (metric != "surprise" and FM.in_consensus_bracket(fig))
    estimate = estimate or consensus
    ent, seg = L.as_reported(ctx.lex, ent, seg)
    cadence = CD.cadence(scan, sent, m, clause, period, metric, grain, ctx.in_sentence(CD.TTM_WORDS, sent),
                         yearless=(lay.sentences[sent.index - 1].start if sent.index else sent.start)
                         if ctx.context_year is None else None)
    if period and cadence == "quarterly" and MILESTONE.match(scan, m.end, min(sent.end, m.end + 12)) \
            and not QUARTERLY.search(scan, max(sent.start, m.start - 16), m.start) \
            and not any(clause[0] <= r.start < clause[1] and r.period for r in refs):
        # "매출 2조 클럽", "영업이익 1조 원 첫 돌파": a round milestone with no quarter of its own is a running or
        # a year's total, not the quarter in view
        if "ytd article" not in ctx.memo:  # once per article: does it speak of running totals at all
            ctx.memo["ytd article"] = CD.YTD.search(scan) is not None
        cadence = "ytd" if ctx.memo["ytd article"] else "annual"
        period = period.split("Q")[0]
    if cadence == "ytd" and period and "Q" in period:
        period = period.split("Q")[0]  # "지난해 같은 기간(1,142억원)" after a 1~3분기 total: last year's running total
    elif cadence == "ytd" and period and period.endswith("H1"):
        cadence = "semiannual"  # "상반기 누적 영업이익": the first half, running total or not, is the half
    found = {"entity": who.where if ent else NONE,
             "metric": Where("clause", *fig.said) if fig.said else W.metric_where(ctx, metric, fig.cues, m, sent, fig.line, fig.carry),
             "period": W.period_where(ctx, sent, m, period, refs, fig.line, fig.carry, bool(fig.cell and fig.header)),
             "segment": W.segment_where(ctx, seg, m, fig.line, bool(fig.cell))}
    found = W.lead_governed(ctx, fig.line, found)
    li = lay.line_of(m.start)
    # (a level has no basis, though a base period follows it: "margin was 22.1%, up 230bp from 19.8% in 1QFY25")
    basis = C.basis(scan, sent, clause, metric, m, change, (column_basis(fig.header, period, fy_end(ctx.lex, ent, ctx)) if fig.cell else None)
                    or C.same_span_basis(scan, lay.sentences[sent.index - 1] if sent.index else None, sent, m, period)
                    or C.basis_of_base(refs, m, period, scan, fig.others, sent.start)) if C.is_change(metric, change) else None
    if basis is None and change and cadence is None and C.YEAR_END.search(scan, max(sent.start, m.start - 40), m.start + 2):
        cadence = "ytd"  # "전년 말 대비 3%포인트 올랐다": a change since the year-end covers the year so far
    return Claim(file=ctx.art.path, line=li + 1, column=m.start - lay.line_starts[li] + 1,
                 text=ctx.art.text[m.start:m.end], entity=ent, segment=seg, metric=metric,
                 value=value, low=low, high=high, bound=bound, unit=home_unit(ctx, ent, m) or "count",
                 period=period, cadence=cadence, basis=basis, estimate=estimate,
                 quote=_quote(ctx, fig.whole), half_width=m.half_width, change=change,
                 # a horizon ("향후 3년간", "설립 이후 10년 만에") is no span of the article's year: it is read as of none
                 context_year=ctx.context_year if period is None and grain != "horizon" else None,
                 context_month=ctx.context_month if period is None and grain != "horizon" else None,
                 sentence=row_sentence(ctx, fig),
                 consensus=consensus, evidence=record(lay, found))



def _quote(ctx: Ctx, sent: Sentence) -> str:
    # once per sentence: every figure of a run-on line quotes the same opening
    return ctx.per_sentence("quote", sent, lambda s: " ".join(ctx.art.text[s.start:s.end].split())[:400])
