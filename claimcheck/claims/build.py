"""Number mentions plus their context to typed Claims: entity, metric, period, cadence, basis, estimate."""
from __future__ import annotations

from typing import Any

import regex

from ..models import Article, Claim
from ..numbers.parse import Mention, parse
from . import assign as A
from . import fields_entity as FE
from . import fields_count as FC
from . import fields_metric as FM
from . import fields_segment as FS
from .. import calendar as CAL
from .. import vocab as L
from . import bracket_list, declared_order, forecasters, list_span, loss_signs, peer_list, respectively, subject_carry, unnamed_amounts
from .contrasted_books import contrasted_books, one_books, split_in_sentence
from .basis_metric import basis_metric
from . import multiples as MP
from .article_context import Ctx
from .article_periods import adopt_periods, find_focus
from .line_reset import unit_left_behind
from .pointing_back import pointed_back
from .conversions import converted, in_table_unit
from .layout import Sentence
from .make_layout import layout
from .line_kinds import flattened_rows
from .figure import Figure, figure
from .base_dated import dated_by_base
from .line_profit import line_profit
from . import from_lines
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
from .business_lines import initials_of, segment_id
from .listed_lines import listed_segments
from .regions import one_region_id
from .metric_cue import Typed
from .assemble import assemble
from .paragraph_carry import new_paragraph



RESTATED_PP = regex.compile(r"\s?\(\s?")


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
            carry = new_paragraph(lay, sent, carry)
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
        for step in (respectively.pair, peer_list.named_before, list_span.share, bracket_list.pair, declared_order.ordered,
                     from_lines.split):  # each keeps the order
            paired = step(ctx, sent, made, at)
            at = {id(n): at[id(o)] for o, n in zip(made, paired)}
            made = paired
        listed = listed_segments(made, lay, lex)  # keeps the order, as the steps above do
        starts_made = [at[id(o)] for o in made]
        made = with_compared(subject_carry.apposed_segment(ctx, subject_carry.its_segment(ctx, listed, starts_made), starts_made),
                             starts_made, lay.scan)
        made = dated_by_base(made, starts_made, lay.scan, ctx.bases)
        made = with_restated(made, starts_made, [lay.line_starts[c.line - 1] + c.column - 1 + len(c.text) for c in made], lay.scan)
        made = split_in_sentence(ctx, sent.start, loss_signs.with_loss_signs(made, starts_made, lay.scan), starts_made)
        made = without_cost_per_share(made, starts_made, lay.scan)
        made = ytd_bases(ctx, subject_carry.carry_scope(ctx, sent, subject_carry.carry_segment(ctx, sent, made, carry, bool(own_ents)), carry))
        made = pointed_back(ctx, sent, unnamed_amounts.kept(ctx, made), carry)
        claims.extend(made)
        carry_on(ctx, sent, made, own_ents, carry)
    claims = controlling(adjusted(forecasters.with_forecasters(art.text, subject_carry.included_scope(ctx, adopt_periods(claims)),
                                                               (ctx.context_year, ctx.context_month))))
    claims = continuing(ctx, as_running(ctx, heading_backed(ctx, one_books(ctx, contrasted_books(ctx, claims)))))
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
    if prev is not None and m.kind == "percent" and prev[0].unit == "pp" and abs(abs(m.value) - abs(prev[0].value)) < 1e-9 \
            and RESTATED_PP.fullmatch(fig.scan, prev[1], m.start):
        return None  # "slipped by 10 basis points (0.10%)": the move restated in percent, no rate of its own
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
    elif metric == "stock_price" and (d := DIVIDEND_BEFORE.search(fig.scan, max(fig.clause[0], m.start - 120), m.start)) \
            and not PRICE_BETWEEN.search(fig.scan, d.start(), m.start):
        metric = "dividend_per_share"  # "lifted the annual dividend for the previous term from 100 yen to 105 yen"
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
    if seg and ent and (seg == segment_id(ent) or initials_of(ent, seg)):
        seg = None  # "By comparison, Nucor reported net earnings of …": the company named as a clause's subject is no line of its own
    if seg and seg.endswith(GROWTH_BASES) and L.taxonomy().is_ratio(metric):
        seg = seg.rsplit("_", 1)[0]  # "rose 5.1% organically to €3.38bn at an EBIT margin of 9.3%": a level has no growth basis
    metric = line_profit(fig.scan, fig.clause[0], m.start, metric, seg)
    if metric in ("stock_price", "price_change", "price_target", "upside") and not fig.cell:
        seg = None  # "the stock lost more than 7% in today's session": a share's price (or target) has no business line
    if metric == "surprise" and seg is None:
        seg = FM.surprise_of(fig)  # the segment of a surprise names what beat: EPS's and revenue's are two figures
    elif metric in ("count", "count_growth") and seg is None:
        seg = FC.counted_thing(fig)
    claim = assemble(fig, got, metric, ent, seg, who)
    if guessed and fig.said is None:  # (a stake's worth is named by its stake words)
        unnamed_amounts.note(ctx, fig, claim)
    return claim


# a dividend named before a per-share amount, with no earnings word between
DIVIDEND_BEFORE = regex.compile(r"\bdividends?\b(?:(?!\b(?:earn|earnings|income|profit|EPS)\b)[^.;]){0,100}$|배당(?:금)?[^.;\d]{0,30}$",
                                regex.IGNORECASE)


# (not "a dividend …; the shares closed at ¥2,450": a price named between is the figure's)
PRICE_BETWEEN = regex.compile(r"\b(?:shares?|stock|closed|closing|price|traded|valu(?:ing|ed))\b|주가|종가", regex.IGNORECASE)


GROWTH_BASES = ("_organic", "_comparable")


def _pe_sentence(lay, m: Mention) -> bool:
    sent = lay.sentences[lay.sentence_at(m.start)]
    return MP.pe_multiple(lay.scan, sent.start, sent.end, m)


def _multiple(fig: Figure) -> Claim:
    """A price-earnings multiple: the company's (the sentence's owner), on no business line, in times."""
    metric = MP.pe_metric(fig.scan, fig.sent.start, fig.m)
    who = FE.owner(fig, False)
    claim = assemble(fig, Typed(metric), metric, who.name, None, who)
    period = claim.period
    if (year := MP.multiple_year(fig.scan, fig.m)) is not None:
        period = f"FY{year}" if period and period.startswith("FY") else str(year)  # the year its earnings are of
    return claim.model_copy(update={"unit": "x", "period": period, "estimate": claim.estimate or metric == "target_per"})
