"""Number mentions plus their context to typed Claims: entity, metric, period, cadence, basis, estimate."""
from __future__ import annotations

from typing import Any

import regex

from ..models import Article, Claim
from ..numbers.parse import Mention, parse
from . import assign as A
from . import cadence as CD
from . import compare as C
from . import dating
from . import fields_entity as FE
from . import fields_count as FC
from . import fields_metric as FM
from . import fields_segment as FS
from .. import calendar as CAL
from .. import vocab as L
from .row_cells import row_sentence
from . import bracket_list, declared_order, forecasters, list_span, loss_signs, respectively, subject_carry, unnamed_amounts
from .contrasted_books import contrasted_books, split_in_sentence
from . import sources as W
from .basis_metric import basis_metric
from . import multiples as MP
from .article_context import Ctx
from .article_periods import adopt_periods, find_focus, fy_end
from .line_reset import unit_left_behind
from .pointing_back import pointed_back
from .conversions import converted, in_table_unit
from .layout import Sentence
from .make_layout import layout
from .line_kinds import flattened_rows
from .evidence import NONE, Where, record
from .figure import Figure, figure
from .compared_base import with_compared, with_restated, without_cost_per_share
from .owners_share import controlling
from .sentence_carry import carry_on
from .running_totals import ytd_bases
from .running_restated import as_running
from .continuing_scope import continuing
from .adjusted_eps import adjusted
from .stakes import stake_value
from .heading_evidence import heading_backed
from .unknown_measure import measure_subject
from .business_lines import segment_id
from .listed_lines import listed_segments
from .regions import one_region_id
from .home_dollar import home_unit
from .metric_cue import Typed
from .tables import column_basis

QUARTERLY = regex.compile(r"분기\s?(?:영업이익|매출액?|순이익)|quarterly", regex.IGNORECASE)  # "분기 영업이익 5천억원 시대"
MILESTONE = regex.compile(r"\s?(?:원\s?)?(?:클럽|시대|고지|(?:을|를)?\s?(?:첫|처음|최초로?)\s?(?:돌파|넘|달성))")


# a headline's deck opening on a metric and its figure ("매출 3814억…전년대비 17% 하락")
DECK_OPEN = regex.compile(r"\s*(?:매출액?|영업이익|영업익|순이익|순익)\s?\d")


def extract(art: Article, lex: L.Lexicon | None = None) -> list[Claim]:
    """All claims in one article, in text order."""
    lex = lex or L.default()
    lay = layout(art.text)
    ctx = Ctx(art, lay, lex)
    mentions = parse(lay.scan)
    by_sent: dict[int, list[Mention]] = {}
    flat = flattened_rows(lay)
    for m in mentions:
        m = in_table_unit(m, lay)
        if (m.kind in ("money", "percent", "pp", "count") or (m.kind == "plain" and m.scaled)
                or (m.kind == "multiple" and _pe_sentence(lay, m))) \
                and not any(a <= m.start < b for a, b in flat) \
                and not any(a <= m.start and m.end <= b for a, b, _ in ctx.entities_in(m.start, m.start + 1)):
            by_sent.setdefault(lay.sentence_at(m.start), []).append(m)  # "3M: margins over volume" names a company
    find_focus(ctx)
    claims: list[Claim] = []
    # what one sentence leaves for the next in its paragraph: names, spans and grains of mixed types
    carry: dict[str, Any] = {"para": -1, "entity": None, "metric": None, "period": None}
    prev: tuple[Claim, int] | None = None
    for si, sent in enumerate(lay.sentences):
        if sent.para != carry["para"]:
            # a paragraph opening on a comparison goes on with the last one's metric ("영업이익은 ... 흑자로 전환했다.
            # ¶ 전년 동기(607억원)와 비교해 66.1% 감소했다"): about it, not about revenue by default
            # (the metric and line of its last stated figure, not a word of a sentence without one)
            going_on = CONTINUES.match(lay.scan, sent.start, min(sent.end, sent.start + 16)) is not None
            stated = carry.get("stated") if going_on else None
            # a one-sentence paragraph of a wire's annual results ("¶ 매출은 2조6천497억원으로 전년 대비 4.3% 감소했다")
            # that opens on a bare metric goes on with the closing year the paragraph before stated
            # (and a headline's deck under it, "매출 3814억…전년대비 17% 하락", goes on with the headline's year)
            year = carry["period"] if carry.get("closing") and (subject_carry.BARE_OPEN.match(
                lay.scan, sent.start, min(sent.end, sent.start + 40)) or (sent.line <= lay.title_line() + 2 and DECK_OPEN.match(
                    lay.scan, sent.start, min(sent.end, sent.start + 12)))) else None
            # and a wire's paragraph of one sentence that opens on "같은 기간" goes on with the company before it
            # (or opens on a bare metric and measures over the same span: "¶ 매출은 439억원으로 같은 기간 3.6% 증가")
            same = SPAN_OPEN.match(lay.scan, sent.start, min(sent.end, sent.start + 16)) is not None or (
                subject_carry.BARE_OPEN.match(lay.scan, sent.start, min(sent.end, sent.start + 40)) is not None
                and SAME_SPAN_NEAR.search(lay.scan, sent.start, min(sent.end, sent.start + 40)) is not None)
            # and "별도 기준 수주액 5,803억 원 … ¶ 매출액은 2,304억 원": a paragraph that opens on a bare metric is on the books
            # the paragraph before named
            books = carry.get("scope") if subject_carry.BARE_OPEN.match(lay.scan, sent.start, min(sent.end, sent.start + 40)) else None
            carry = {"para": sent.para, "entity": carry["entity"] if same else None, "metric": stated[0] if stated else None,
                     "metric_at": carry.get("metric_at"), "period": year, "closing": year is not None,
                     "last": carry.get("last"), "segment": stated[1] if stated else None, "stated": carry.get("stated"), "line_held": carry.get("line_held"),
                     **({k: carry[k] for k in ("entity_at", "unknown") if k in carry} if same else {}),
                     **({"scope": (*books[:3], sent.index - 1, *books[4:])} if books else {})}
        if unit_left_behind(ctx, sent, carry):
            carry["entity"] = None
        own_ents = ctx.entities_in(sent.start, sent.end)
        here = by_sent.get(si, [])
        starts = [x.start for x in here]
        made = []
        at: dict[int, int] = {}
        for m in here:
            c = _claim(ctx, si, sent, m, carry, prev, starts)
            if c is not None:
                made.append(c)
                at[id(c)] = m.start
                prev = (c, m.end)
        for step in (respectively.pair, list_span.share, bracket_list.pair, declared_order.ordered):  # each keeps the order
            paired = step(ctx, sent, made, at)
            at = {id(n): at[id(o)] for o, n in zip(made, paired)}
            made = paired
        listed = listed_segments(made, lay, lex)  # keeps the order, as the steps above do
        starts_made = [at[id(o)] for o in made]
        made = with_compared(subject_carry.apposed_segment(ctx, subject_carry.its_segment(ctx, listed, starts_made), starts_made),
                             starts_made, lay.scan)
        made = with_restated(made, starts_made, [lay.line_starts[c.line - 1] + c.column - 1 + len(c.text) for c in made], lay.scan)
        made = split_in_sentence(ctx, sent.start, loss_signs.with_loss_signs(made, starts_made, lay.scan), starts_made)
        made = without_cost_per_share(made, starts_made, lay.scan)
        made = ytd_bases(ctx, subject_carry.carry_scope(ctx, sent, subject_carry.carry_segment(ctx, sent, made, carry, bool(own_ents)), carry))
        made = pointed_back(ctx, sent, unnamed_amounts.kept(ctx, made), carry)
        claims.extend(made)
        carry_on(ctx, sent, made, own_ents, carry)
    claims = controlling(adjusted(forecasters.with_forecasters(art.text, subject_carry.included_scope(ctx, adopt_periods(claims)),
                                                               (ctx.context_year, ctx.context_month))))
    claims = continuing(ctx, as_running(ctx, heading_backed(ctx, contrasted_books(ctx, claims))))
    # every period above is named by the year it ends in; a company that names its years by their start is shown so
    # (and a region is one id in either language: "유럽", "Europe")
    return [_named_once(c, lex) for c in claims]


def _named_once(c: Claim, lex: L.Lexicon) -> Claim:
    """The claim with its period in the company's own year names, its region's id written the one way, and revenue
    growth on the comparable basis as comparable sales growth (after every pass that settles segments; the words
    that named the growth are its metric's evidence)."""
    period, seg = CAL.company_label(c.period, lex.fiscal.get(c.entity or "")), one_region_id(c.segment, lex)
    metric, seg = basis_metric(c.metric, seg)
    if seg and seg in lex.not_segments:
        seg = None  # "sees Q3 comparable sales growth": what stood beside the basis was no line
    if (period, seg, metric) == (c.period, c.segment, c.metric):
        return c
    evidence = tuple(e if e[0] != "segment" else ("segment", "none", None, None) if not seg
                     else (e[0], e[1], e[2], seg if e[3] == c.segment else e[3]) for e in c.evidence)
    return c.model_copy(update={"period": period, "segment": seg, "metric": metric, "evidence": evidence})


# and "That was up 12% YoY": English points back at the figure the paragraph before ended on
SAME_SPAN_NEAR = regex.compile(r"같은\s?기간|동\s?기간|이\s?기간")
SPAN_OPEN = regex.compile(r"\s*(?:다만\s|또한?\s|한편\s)?(?:같은|이|동)\s?기간")
CONTINUES = regex.compile(r"\s*(?:전년\s?동기|전\s?분기|직전\s?분기|(?:지난해|작년)\s?(?:같은\s?기간|동기)|이는\s"
                          r"|(?:That|This|It)\s(?:was|is|represents|represented|marks|marked)\s(?:up|down|an?\s)?)")


def _claim(ctx: Ctx, si: int, whole: Sentence, m: Mention, carry: dict, prev, others: list[int]) -> Claim | None:
    """One figure's claim: each field decided by its own module over the figure's context, with evidence."""
    fig = figure(ctx, si, whole, m, carry, others)
    if fig is None:
        return None
    # "$3.2 billion (₩4.4조)": a money figure restating the money figure before it; after a rate, "4.0%(52억원)"
    # is the amount that moved, typed on its own
    if prev is not None and m.kind == "money" and prev[0].unit not in (m.unit, "%", "pp"):
        approx = A.conversion_approx(fig.scan, prev[1], m)
        if approx is not None:
            return converted(ctx, prev[0], m, approx, si)
    if m.kind == "multiple":
        return _multiple(fig)
    got = FM.typed(fig)
    main_count = False
    if fig.m.kind in ("count", "plain"):
        main_count, is_count = FC.counted(fig)
        if not is_count:
            return None
        got = FC.moved_count(fig)
    got = FM.in_table(fig, got)
    guessed = got is None
    if got is None:
        if fig.m.kind != "money":
            return None
        got = Typed("revenue")
    who = FE.owner(fig, main_count)
    metric = FM.refined(fig, got)
    if metric == FM.UNPRICED:
        return None
    if metric == "eps" and DIVIDEND_BEFORE.search(fig.scan, max(fig.clause[0], m.start - 120), m.start):
        metric = "dividend_per_share"  # "a quarterly cash dividend for holders of common shares of $0.092 per common share"
    if (metric in ("stock_price", "price_change") and FC.unit_priced(fig)) \
            or (metric in ("eps", "adjusted_eps") and FC.unit_priced_near(fig)):
        return None  # a price per barrel or ton is a commodity's, no claim about the company
    if metric not in ("arpu", "eps", "adjusted_eps", "dps", "stock_price") and FC.per_unit(fig):
        return None  # "$328,000 per vehicle delivered": each car's, no figure of the company's period
    if FC.weighed(fig):
        return None  # "912 million pounds" of copper: a weight
    ent = FE.for_metric(fig, who.name, got, metric)
    metric, ent = stake_value(fig, metric, ent)
    seg, ent = FS.segment(fig, ent, who.inferred, who.row_named)
    if (said := measure_subject(fig, seg)) == "measure":
        return None  # "대손상각비는 1541억원": a measure the vocabulary lacks, taken for a business line
    if said == "passed":
        seg = None
    if seg and ent and seg == segment_id(ent):
        seg = None  # "By comparison, Nucor reported net earnings of …": the company named as a clause's subject is no line of its own
    if metric in ("stock_price", "price_change", "price_target", "upside") and not fig.cell:
        seg = None  # "the stock lost more than 7% in today's session": a share's price (or target) has no business line
    if metric == "surprise" and seg is None:
        seg = FM.surprise_of(fig)  # the segment of a surprise names what beat: EPS's and revenue's are two figures
    elif metric in ("count", "count_growth") and seg is None:
        seg = FC.counted_thing(fig)
    claim = _assemble(fig, got, metric, ent, seg, who)
    if guessed and fig.said is None:  # (a stake's worth is named by its stake words)
        unnamed_amounts.note(ctx, fig, claim)
    return claim


def _pe_sentence(lay, m: Mention) -> bool:
    sent = lay.sentences[lay.sentence_at(m.start)]
    return MP.pe_multiple(lay.scan, sent.start, sent.end, m)


def _multiple(fig: Figure) -> Claim:
    """A price-earnings multiple: the company's (the sentence's owner), on no business line, in times."""
    metric = MP.pe_metric(fig.scan, fig.sent.start, fig.m)
    who = FE.owner(fig, False)
    claim = _assemble(fig, Typed(metric), metric, who.name, None, who)
    period = claim.period
    if (year := MP.multiple_year(fig.scan, fig.m)) is not None:
        period = f"FY{year}" if period and period.startswith("FY") else str(year)  # the year its earnings are of
    return claim.model_copy(update={"unit": "x", "period": period, "estimate": claim.estimate or metric == "target_per"})


def _assemble(fig: Figure, got: Typed, metric: str, ent: str | None, seg: str | None, who: FE.Owner) -> Claim:
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


# "| +$43.8 m (3.8 %) |", "1,234 (5.6%)": a bracket right after a figure glosses it (its rate of change), no accounting minus
GLOSSED_FIGURE = regex.compile(r"\d(?:[ \u00a0]?(?:[mbkMBK]|bn|mn|million|billion|%|원|억원?|만원?))?[ \u00a0]?$")
# (and a pipe row whose leading pipe was lost: "Gross Profit Margin | 30.7 % | 32.8 % | (2.1 pp) |")
FIGURE_ROW = regex.compile(r"\s*[^\d()$€£¥₩|]{2,60}?(?:(?:\s+|\s*\|\s*)(?:\(?[$€£¥₩]?\d[\d,.]*\s?(?:%|pp|bps?|[BMK]|bn|billion|million)?\)?"
                        r"|N/?A|n/?m|—|–|-)){2,}\s*\|?\s*")
FLIPPED = {"ge": "le", "gt": "lt", "le": "ge", "lt": "gt"}
# a dividend named before a per-share amount, with no earnings word between
DIVIDEND_BEFORE = regex.compile(r"\bdividends?\b(?:(?!\b(?:earn|earnings|income|profit|EPS)\b)[^.;]){0,100}$|배당(?:금)?[^.;\d]{0,30}$",
                                regex.IGNORECASE)
# "a turn for the worse from the original forecast of an income of JPY 160.0 billion": a profit named as such, though a
# loss leads the sentence
PROFIT_OF = regex.compile(r"\b(?:an?\s)?(?:net\s|pre-?tax\s|operating\s)?(?:income|profit)\sof\s(?:about\s|around\s)?(?:[A-Z]{3}\s?|[$€£¥₩])?$",
                          regex.IGNORECASE)
# "12억원 적자에서 올해 3분기 464억원으로 흑자 전환": the figure the loss turned into is a profit
TURNED_PROFIT = regex.compile(r"\s?(?:으로|로)\s?(?:흑자\s?(?:전환|로\s?돌아)|돌아서|turnaround)")


def _quote(ctx: Ctx, sent: Sentence) -> str:
    # once per sentence: every figure of a run-on line quotes the same opening
    return ctx.per_sentence("quote", sent, lambda s: " ".join(ctx.art.text[s.start:s.end].split())[:400])
