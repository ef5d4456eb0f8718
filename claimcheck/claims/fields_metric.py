"""What a figure measures: its cue words first (metrics.classify), then the forms that override them.

`typed` decides from cues in order of where they stand (the clause, the table row, header and
caption, a heading, the metric the last sentence was about), and from the figure's own form (a
counter, a bare won amount, a percent in a change column). `refined` then settles the ids the
cues leave open: a price is a target or a close, a consensus is for revenue or profit, a scaled
'target' is a goal for a flow, not a share price.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from ..numbers import patterns as P
from . import assign as A
from . import sources as W
from .headings import heading_text
from .list_intro import list_lead
from .fixed_tables import CONSENSUS_COLUMN
from .consensus_chain import in_chain
from .figure import Figure
from .metric_cue import Cue, Typed
from .metric_patterns import T
from .metrics import classify
from .surprise import revised, surprise
from .adjusted_eps import adjusted_profit_before
from .market_sized import market_sized
from .no_figure import no_figure
from .arrived_growth import arrived_growth
from .tables import PER_SALES_ROW, growth_cell
from .fields_count import of_count
from .price_fields import PRICE_ARRIVED, UNPRICED, priced, share_move

HANGUL = regex.compile(r"\p{Hangul}")
# a Korean amount a company states of its own; a consensus is one too, whose metric refined() settles
MONEY_LEVELS = T.owned_amounts | {"_consensus"}
COUNTS = T.by_family["count"]  # "다운로드(첫 주 1,000만)": a number a count word names is no amount of won
LEVEL_OR_RATE = T.amounts | T.ratios  # made once, not per cue
# "컨센서스(매출액 27.9조원, 영업이익 2.0조원)", "증권사 평균 전망치(139억원)", "(consensus: revenue $26.2B, EPS $1.41)": every figure in a
# bracket opened by a consensus word is the market's expectation, not only the first one
CONSENSUS_BRACKET = regex.compile(r"(?:컨센서스|(?:(?:시장|증권가|증권사|업계)\s?(?:평균\s?)?|평균\s?)(?:전망치|예상치|추정치|기대치)|consensus"
                                  r"|estimates?)\s?[(\[][^()\[\]]*$"
                                  # "(estimates: $3.66 billion)", "[consensus $7.49 billion]": the word opening the bracket
                                  r"|[(\[]\s?(?:consensus|estimates?)\s?:?\s?[^()\[\]]{0,12}$", regex.IGNORECASE)
# CONSENSUS_BRACKET and CONSENSUS_LIST cannot match without one of these (Ctx.in_sentence)
CONSENSUS_WORDS = ("컨센서스", "전망치", "예상치", "추정치", "기대치", "추산치", "consensus", "estimate", "expectation", "forecast",
                   "증권가", "애널리스트", "증권사", "에프앤가이드")
CHAIN_WORDS = ("consensus", "analysts", "street")  # consensus_chain.HEAD cannot match without one of these
# and "컨센서스(증권가 전망치 평균)은 매출 3057억원에 영업이익 429억원": a gloss in brackets between the word and its list
CONSENSUS_LIST = regex.compile(r"(?:(?:컨센서스|시장\s?(?:기대치|예상치|전망치|추정치)|증권가\s?(?:추산치|추정치|전망치))(?:\s?\([^()]{1,20}\))?(?:인|는|은|로는|:)"
                               r"|(?:전망치|추정치|예상치)(?:를|을)?\s?(?:집계한|종합한|평균한)\s?결과)\s[^.;()]{0,60}$")
# "에프앤가이드에 따르면 앞서 증권가는 올해 1분기 … 매출액을 1696억원으로 예상했다": the market's houses made the subject
# of a forecast verb give their consensus
# (only with a tally named: "증권가는 … 전망했다" alone may be any house's view)
CONSENSUS_SUBJECT = regex.compile(r"(?:에프앤가이드|FnGuide|연합인포맥스|집계)[^.;]{0,40}(?:증권가|시장|애널리스트들|증권사들)(?:는|은|이|가|에서는)\s[^.;]{0,100}$"
                                  r"|(?:증권가|시장|애널리스트들|증권사들)\s?(?:평균|컨센서스)[^.;]{0,100}$", regex.IGNORECASE)
FORECAST_VERB = regex.compile(r"(?:예상|전망|추정|내다|관측)")
# "the consensus estimates for EPS of $0.78 on revenues of $5.77 billion": the figures a consensus word introduces in
# English, the second joined to the first by "on"
CONSENSUS_LEAD = regex.compile(r"\b(?:consensus|analysts['’]?|street)\s(?:estimates?|expectations?|forecasts?|views?)\s(?:for|of|called\sfor)\s"
                               r"(?:[^.;!?$\d]{1,30}?\sof\s[$€£¥]?\d[\d.,]*(?:\s?(?:billion|million|bn|mn|[BMK]))?\s(?:on|and|with)\s)?"
                               r"[^.;!?$\d]{1,30}?\s(?:of|at)\s?$", regex.IGNORECASE)
# and "가입자 증가에 따라", "일회성 인건비 지급의 영향으로", "5G 핸드셋 가입 비중과 ... 회선 증가에 따라": up to two
# more words before the cause marker (and "견조한 손익 창출에 힘입어 33조7000억원": any noun the marker closes on)
ORGANICALLY = regex.compile(r"\sorganically\b")
AT_RATE = regex.compile(r"\s(?:at|with)\san?\s(?:[\w-]+\s){0,2}margin\b")
CAUSE = regex.compile(r"(?![은는]\s)\s?(?:[\p{Hangul}A-Za-z0-9,·]{1,8}(?<![은는])\s){0,4}?(?:의\s|이\s|가\s)?(?:증가|감소|확대|축소|성장|호조|부진|하락|상승|늘어난|줄어든"
                      r"|증가한|감소한|커진|확대된|지급|(?<=\s)\p{Hangul}{1,6})?(?:의\s)?\s?(?:에\s?힘입어|덕분에|덕에|영향으로|영향에|여파로|탓에|에\s?따라|에\s?따른|로\s?인해|으로\s?인해"
                   # ("가입 회선 증가로 전년 동기 대비 5.6% 증가한": a change noun with 로 is a cause too)
                   r"|(?<=증가|감소|확대|축소|성장|호조|부진|하락|상승|개선|악화)으?로\s)")
NO_COMPANY_FIGURE = 100_000  # an unscaled amount below this is a price or a per-share figure, never a result
EARNINGS_OF = regex.compile(r"\b(?:earnings|profit|EPS)\s(?:of|was|were|came\sin\sat|totaled|reached)\s[$€£¥₩]?$", regex.IGNORECASE)
ON_REVENUE = regex.compile(r"\son\s(?:(?:revenues?|sales)\sof\s[$€£¥₩]?\d|[$€£¥₩]?\d[\d.,]*\s?(?:billion|million|bn|mn|[BM])?\s(?:in\s)?(?:revenues?|sales)\b)",
                        regex.IGNORECASE)
NO_SHARE_COSTS = 1e7  # ten million in any currency: no share trades at that, so such a 'target' is a goal
# and "Non-GAAP(2) net income": a footnote mark after the word
OR_BEFORE = regex.compile(r"\bor\s(?:about\s)?[$€£¥₩]?$", regex.IGNORECASE)
PER_SHARE_AFTER = regex.compile(r"\s(?:per|a)\s(?:diluted\s|basic\s)?share\b", regex.IGNORECASE)
PER_DILUTED_AFTER = regex.compile(r"\s(?:per|a)\s(?:diluted|basic)\sshare\b", regex.IGNORECASE)
PER_SHARE = T.has("per_share")
# "adjusted earnings grew 54% year-over-year to $2.26 per share": the change ends at a per-share level, so it is EPS's
TO_PER_SHARE = regex.compile(r"[^.;]{0,30}?\bto\s[$€£¥₩]?\d[\d.,]*\s(?:per|a)\s(?:diluted\s)?share", regex.IGNORECASE)
# "올해 배당은 주당 1,150원": a dividend said per share right before the figure
DIVIDEND_PER = regex.compile(r"배당\p{Hangul}?\s?(?:(?:보통주|우선주)\s?)?1?주당\s?$")
# "주당 400원 배당을 결정했다": the payout named after the amount per share
DIVIDEND_AFTER = regex.compile(r"\s?(?:의\s?|을\s?|를\s?|씩\s?)?(?:현금\s?|결산\s?|분기\s?)?배당")  # and "1주당 1000원을 현금배당"


# "(38,500원 ▼400 -1.03%)": a wire's share quote after a company's name, its price, move and percent move
QUOTE_BRACKET = regex.compile(r"\(\s?[\d,]+\s?원\s?[▲▼△↑↓]\s?[\d,]+\s?$")
ADVERSE = regex.compile(r"\b(?:negative|adverse|unfavou?rable|headwinds?)\b|부정적|마이너스", regex.IGNORECASE)
# "– **Net Income**:": a label heading the list under it, not a section's title
LABEL_HEAD = regex.compile(r"[:：]\**\s*$")


def typed(fig: Figure) -> Typed | None:
    """The metric from the cues in view and the figure's form; None when the figure is no claim."""
    m, scan, lex = fig.m, fig.scan, fig.ctx.lex
    span = (fig.sent.start, fig.sent.end)
    if m.kind == "percent" and (miss := surprise(scan, m.start, m.end, *span)) is not None:
        return Typed("surprise", negative=miss)
    if m.kind == "percent" and revised(scan, m.start, m.end, *span):
        return None
    if m.kind == "percent" and QUOTE_BRACKET.search(scan, max(span[0], m.start - 30), m.start):
        return Typed("price_change")  # "동원F&B (38,500원 ▼400 -1.03%)": the share's quote beside its name
    # "신한카드는 1734억원으로 10.7% 감소했으며, 신한투자증권은 … 168억원의 당기순손실": words past the next company
    # named after the figure are about that company, not this figure
    nxt = min((e[0] for e in fig.own if e[0] >= m.end), default=None)
    cues = fig.cues if nxt is None else [c for c in fig.cues if c.start < nxt]
    # "무선사업 매출은 가입자 증가에 힘입어 2.2% 성장한 1조8841억원": a cue in a cause phrase is not what the figure measures
    cues = [c for c in cues if not (c.end <= m.start and CAUSE.match(scan, c.end, m.start))]
    if m.kind == "money" and (rate := AT_RATE.match(scan, m.end, span[1])):
        # "to €3.38bn at an EBIT margin of 9.3%": the rate the amount came at is no name of it
        cues = [c for c in cues if not rate.start() <= c.start < rate.end()]
    has = (lambda words: fig.ctx.in_sentence(words, fig.sent))  # noqa: E731 - one sentence's answers, for classify
    # (a table row naming its measure, "| PAT | 22092 | 19323 | 14% |", is not about the metric the prose before it carried)
    carried = None if fig.cell and A.label_cues(lex, fig.row_text) else fig.carry["metric"]
    got = classify(m, scan, cues, fig.clause, span, carried, has) or arrived_growth(fig, cues)
    # (a bullet under a lead-in that names the list's measure, "… sales growth by business group:", as under a title)
    if got is None and (head := heading_text(fig.ctx, fig.line) or list_lead(fig.ctx.lay.line_text, fig.line)):
        heading_cues = [Cue(W.HEADING_CUE, W.HEADING_CUE + 10, c.metric) for c in A.label_cues(lex, head)]
        # a heading naming two amounts ("Revenue and Margins") says which of them no figure under it is
        if len({c.metric for c in heading_cues if c.metric in T.amounts}) < 2:
            got = classify(m, scan, heading_cues + fig.cues, fig.clause, span, None, has)
    elif got is not None and got.metric == "revenue_growth" and (head := heading_text(fig.ctx, fig.line)) \
            and LABEL_HEAD.search(head) and not any(c.metric in T.amounts and span[0] <= c.start < span[1] for c in cues):
        # "– **Net Income**:" over "– **Growth**: **6.8%** vs. Q2 2024": a growth naming nothing grows what the
        # heading names, not the revenue a growth defaults to
        named = {c.metric for c in A.label_cues(lex, head) if c.metric in T.amounts}
        if len(named) == 1 and (grown := T.growth(named.pop())):
            got = Typed(grown, negative=got.negative, change=got.change)
    if got is not None and got.metric == "revenue_growth" and not any(c.metric in T.amounts and span[0] <= c.start < span[1] for c in cues):
        got = _lead_measure(fig, got)
    if m.kind == "plain" and m.scaled and P.KOREAN_SCALE.search(m.text) \
            and not any(c.metric in COUNTS and fig.clause[0] <= c.start < fig.clause[1] for c in fig.cues) \
            and fig.ctx.per_sentence(
            "hangul", fig.whole, lambda s: bool(HANGUL.search(scan, s.start, s.end))):
        # "매출 1조2,500억", "| 매출 | 1조 |": a Korean amount with no unit is in won when a money metric names it
        won = replace(m, kind="money", unit="KRW")
        as_money = classify(won, scan, fig.cues, fig.clause, span, fig.carry["metric"], has)
        if as_money and as_money.metric in MONEY_LEVELS:
            fig.m, got = won, as_money
    if got is not None and got.metric == "currency_effect" and not got.negative \
            and ADVERSE.search(scan, max(span[0], m.start - 24), min(span[1], m.end + 24)):
        got = Typed(got.metric, negative=True)  # "a 5.4% negative foreign exchange impact": the sales it took away
    if got is not None and m.kind == "percent" and T.is_ratio(got.metric) and ORGANICALLY.match(scan, m.end, span[1]):
        # "Power Grid added 7.2% organically, and its margin widened to 16.8%": a rate put on the organic basis is a
        # growth of sales, whatever margin the sentence before or after names
        got = Typed("revenue_growth", negative=got.negative, change=True)
    return of_count(fig, got)


def _lead_measure(fig: Figure, got: Typed) -> Typed:
    """A change naming nothing in a bullet under a lead-in that names one amount ("Heineken's organic beer volume by
    region in the third quarter:" over "- Americas: down 6.8%") is that amount's change, not revenue's."""
    lead = list_lead(fig.ctx.lay.line_text, fig.line)
    named = {c.metric for c in A.label_cues(fig.ctx.lex, lead)} & T.amounts if lead else set()
    grown = T.growth(named.pop()) if len(named) == 1 else None
    return Typed(grown, negative=got.negative, change=got.change) if grown else got


def surprise_of(fig: Figure) -> str | None:
    """What a beat or a miss is of: the amount the sentence named last before it ("EPS of $1.48, which beat estimates
    by 0.7%", "revenues of $4.74 billion, which beat ... by 2.1%"). Surprises of two metrics are two figures."""
    named = [c.metric for c in fig.cues if fig.sent.start <= c.start < fig.m.start and c.metric in T.amounts]
    # "영업손실은 시장 전망치 73억 원 대비 25% 낮은": a loss word names the metric whose loss it is
    return (T.loss_of(named[-1]) or named[-1]) if named else None


SHARE_COLUMN = regex.compile(r"\bshare\sof\s(?:group|total|sales|revenues?)\b|\b%\sof\s(?:group|total|sales)\b|매출\s?비중", regex.IGNORECASE)


def in_table(fig: Figure, got: Typed | None) -> Typed | None:
    """A percent under a change column or in a change row is the growth of its row's level."""
    if fig.cell and got is not None and (T.growth_of(got.metric) or got.metric) == "revenue" and PER_SALES_ROW.search(fig.row_text) \
            and not any(c.metric == "revenue" for c in A.label_cues(fig.ctx.lex, PER_SALES_ROW.sub("", fig.row_text))):
        return None  # "| Operating Expenses (% Sales) | 32.4% | … | +0.8% |": a cost's ratio to sales, no sales figure
    if fig.cell and fig.m.kind == "percent" and fig.header and SHARE_COLUMN.search(fig.header):
        return Typed("revenue_share")  # "| Business | Q3 2025 | Share of group |": each line's share of the group's sales
    # (and a growth the classifier fell back to revenue for, in a row that names another measure: "| PAT | … | 14% |")
    if fig.cell and fig.m.kind == "percent" and (got is None or not T.is_growth(got.metric) or got.metric == "revenue_growth"):
        # (the caption names the table's measure when its rows name lines: "operating profit by business area")
        over = f"{fig.ctx.lay.captions.get(fig.line) or ''} {heading_text(fig.ctx, fig.line)}"
        return growth_cell(fig.ctx.lex, fig.header, fig.row_text, over, fig.m.value) or got
    return got


def refined(fig: Figure, got: Typed) -> str:
    """The contract's metric id from the classifier's, settling price, target and consensus."""
    metric, m, scan, sent = got.metric, fig.m, fig.scan, fig.sent
    if no_figure(scan, sent.start, sent.end, m):
        return UNPRICED  # a cause's share of a change, an average of years
    if market_sized(fig):
        return "market_size"  # "연 20조원 규모로 추산되는 … 사업": what a market is worth
    if (metric not in PER_SHARE or metric == "eps") and m.kind == "money" and not m.scaled and OR_BEFORE.search(scan, max(sent.start, m.start - 6), m.start) \
            and PER_SHARE_AFTER.match(scan, m.end, min(sent.end, m.end + 24)):
        # "net income of $5.20bn, or $5.76 per diluted share": the profit restated per share, adjusted if the profit was
        return "adjusted_eps" if adjusted_profit_before(scan, sent.start, m.start) else "eps"
    if share_move(fig, metric):
        return "price_change"
    if ((metric in T.profits and PER_SHARE_AFTER.match(scan, m.end, min(sent.end, m.end + 24)))
            or (metric in ("stock_price", "_price") and PER_DILUTED_AFTER.match(scan, m.end, min(sent.end, m.end + 24)))) \
            and m.kind == "money" and not m.scaled:
        # (and "RBC said it made $3.26 per diluted share": a price is never diluted, earnings are)
        # "GAAP net income of $0.05 per diluted share": a profit said per share is earnings per share
        return "adjusted_eps" if adjusted_profit_before(scan, sent.start, m.start) else "eps"
    if metric in ("ffo", "eps") and m.kind == "money" and not m.scaled and abs(m.value) < NO_COMPANY_FIGURE and _ffo_before(fig):
        return "ffo_per_share"  # "core FFO of $1.46 per share", "Core FFO: $1.49": no REIT's FFO in all is a few dollars
    if metric in T.owned_amounts and metric not in PER_SHARE and m.kind == "money" and not m.scaled \
            and abs(m.value) < NO_COMPANY_FIGURE and not fig.cell:
        # "an opening bell price of $203.00": no company's revenue or profit is a few hundred dollars; its earnings
        # of $1.48 are per share
        # and "$5.52 on revenues of $1.76 billion": a per-share figure set on the revenue it is earned on is EPS
        metric = "eps" if (metric == "net_income" and EARNINGS_OF.search(scan, max(sent.start, m.start - 24), m.start)) \
            or ON_REVENUE.match(scan, m.end, min(sent.end, m.end + 40)) else "_price"
    metric = priced(fig, metric)
    if metric == "price_target" and m.scaled and abs(m.value) >= NO_SHARE_COSTS:
        # "연간 매출 목표 60조원", "수주 목표 74억 달러": a scaled amount is a goal for a flow, never a share price
        goals = [c for c in fig.cues if c.metric in T.owned_amounts]
        metric = min(goals, key=lambda c: abs(c.start - m.start)).metric if goals else "revenue"
    if metric == "dividend_per_share" and m.scaled and abs(m.value) >= NO_SHARE_COSTS:
        return "dividends"  # "배당금 3,000억원": the payout in all, not per share
    if metric in PER_SHARE and m.scaled and abs(m.value) >= NO_SHARE_COSTS:
        # "net income of $2.55 billion or $5.87 per share, up from $2.36 billion or $5.40": billions are no per-share
        # figure; the amount the sentence named before is
        named = [c.metric for c in fig.cues if sent.start <= c.start < m.start and c.metric in T.owned_amounts
                 and c.metric not in PER_SHARE]
        metric = named[-1] if named else "net_income"
    if T.growth_of(metric) in T.profits and TO_PER_SHARE.match(scan, m.end, min(sent.end, m.end + 60)):
        return "eps_growth"
    if metric == "upside" and (bracket := TARGET_BRACKET.search(scan, max(sent.start, m.start - 22), m.start)) \
            and (bracket["moved"] or TARGET_MOVED.search(scan, sent.start, sent.end)):
        return "price_target_growth"  # "목표주가 28,000원(-6.7%)으로 하향": how far the target moved, not the room to it
    if metric == "upside" and OLD_THEN_MOVE.search(scan, max(sent.start, m.start - 32), m.start):
        return "price_target_growth"  # "PT: €330 (from €310, +6.5%)": the old target, then how far the target moved
    if metric == "operating_income" and _generic_profit(fig):
        return "net_income"
    if T.is_growth(metric) and m.kind == "percent" and PRICE_ARRIVED.match(scan, m.end, min(sent.end, m.end + 24)):
        return "price_change"
    if metric in ("eps", "stock_price") and (any(c.metric in ("dividend_per_share", "dividends") and max(fig.clause[0], m.start - 30)
                                                  <= c.start < m.start for c in fig.cues)
                                             or DIVIDEND_PER.search(scan, max(fig.clause[0], m.start - 20), m.start)
                                             or (scan[max(0, m.start - 3):m.start].rstrip().endswith("주당")
                                                 and DIVIDEND_AFTER.match(scan, m.end, min(sent.end, m.end + 10)))):
        # "a quarterly dividend of $0.115 per share", "배당금은 보통주 1주당 1,500원": the payout, not earnings or a price
        # (and "Quarterly dividends paid were $0.165 per share": the total's word, said per share)
        return "dividend_per_share"
    if metric == "_consensus":
        # "영업이익 ... 컨센서스였던 10조원": a consensus for profit is that profit, forecast
        before = [c for c in fig.cues if sent.start <= c.start < m.start]
        # "컨센서스(매출액 27.9조원, ...)": a metric named right before the figure says whose consensus it is
        named = [c.metric for c in before if c.metric in ("revenue", *T.profits) and m.start - c.end <= 8]
        if named:
            return "consensus_revenue" if named[-1] == "revenue" else named[-1]
        # "EPS of $3.72 topping estimates of $3.67": a small amount after a per-share figure is that figure's forecast
        if m.kind == "money" and not m.scaled and abs(m.value) < 1000:
            per_share = [c.metric for c in before if c.metric in PER_SHARE]
            return per_share[-1] if per_share else "eps"
        # (and "EBITDA guidance … below analyst estimates of $533.1 million": any flow named is what is estimated)
        subject = [c.metric for c in before if c.metric in T.profits or (
            c.metric in T.owned_amounts and T.is_flow(c.metric) and c.metric != "revenue" and c.metric not in PER_SHARE)]
        carried = fig.carry["metric"]
        profit = subject[-1] if subject else carried if carried in T.profits and not any(
            c.metric == "revenue" for c in before) else None
        # "컨센서스인 5,965억원과 비교하면 실제 영업이익이 …": the result it is set against names it
        after = [c.metric for c in fig.cues if m.end <= c.start < sent.end and c.metric in ("revenue", *T.profits)]
        if after and not profit and not any(c.metric in ("revenue", *T.profits) for c in before):
            return "consensus_revenue" if after[0] == "revenue" else after[0]
        metric = profit or "consensus_revenue"
    return metric


# (and "Our TP of SEK 225 (up 7.1%)": the bracket says the target moved)
TARGET_BRACKET = regex.compile(r"\d[\d,]*(?:만\s?[\d,]*)?\s?(?:원|달러|\$)?\s?\(\s?(?P<moved>(?:up|down|raised|cut|lowered)\s(?:by\s)?)?$",
                               regex.IGNORECASE)
TARGET_MOVED = regex.compile(r"→|->|상향|하향|올려|낮춰|올렸|낮췄|기존\s?[\d,]|종전\s?[\d,]|\b(?:raised|lowered|cut|boosted|trimmed|prev\.?|previously)\b", regex.IGNORECASE)  # (and "(▲9.5%, 기존 42,000원)": the old target beside the move)
OLD_THEN_MOVE = regex.compile(r"\(\s?(?:from|prev\.?|previously|was|old|기존|종전)\s?:?\s?[$€£¥₩]?\s?\d[\d,.]*\s?(?:원|달러|p)?,\s?$",
                           regex.IGNORECASE)
GENERIC_PROFIT = regex.compile(r"(?:a\s)?(?:profit|loss)s?|이익|흑자", regex.IGNORECASE)


def _generic_profit(fig: Figure) -> bool:
    """'swung to a net loss of $3.12 billion ... from a profit of $2.92 billion': a bare 'profit' set against
    net income earlier in its sentence is that net income."""
    m, scan = fig.m, fig.scan
    before = [c for c in fig.cues if fig.sent.start <= c.start < m.start]
    if not before or not GENERIC_PROFIT.fullmatch(scan[before[-1].start:before[-1].end]):
        return False
    return any(c.metric in ("net_income", "_net_loss") for c in before[:-1])


def in_consensus_bracket(fig: Figure) -> bool:
    """Whether the figure sits in a bracket that a consensus word opens, or in the list a consensus word
    introduces ('시장기대치인 매출 20조4천억원, 영업이익 1조2,700억원은')."""
    if fig.cell and fig.header and CONSENSUS_COLUMN.fullmatch(fig.header.strip()):
        return True  # "| 3Q25E | 컨센서스 |": a column of the market's forecasts
    if fig.ctx.in_sentence(CHAIN_WORDS, fig.sent) and in_chain(fig.scan, fig.sent.start, fig.m.start):
        return True  # "The current consensus EPS estimate is $1.52 on revenues of $620 million … and $5.52 on …"
    if not fig.ctx.in_sentence(CONSENSUS_WORDS, fig.sent):
        return False  # neither pattern matches without one of these words
    a = max(fig.sent.start, fig.m.start - 80)
    return CONSENSUS_BRACKET.search(fig.scan, a, fig.m.start) is not None \
        or CONSENSUS_LIST.search(fig.scan, a, fig.m.start) is not None \
        or CONSENSUS_LEAD.search(fig.scan, a, fig.m.start) is not None \
        or (CONSENSUS_SUBJECT.search(fig.scan, max(fig.sent.start, fig.m.start - 120), fig.m.start) is not None
            and FORECAST_VERB.search(fig.scan, fig.m.end, fig.sent.end) is not None)


def _ffo_before(fig: Figure) -> bool:
    """Whether the last measure named before the figure in its sentence is funds from operations ('core FFO of $1.46
    per share': the 'per share' after it says how FFO is counted, not that it is EPS)."""
    scan = fig.scan
    before = [c for c in fig.cues if fig.sent.start <= c.start < fig.m.start and not BARE_PER_SHARE.fullmatch(scan, c.start, c.end)]
    return bool(before) and before[-1].metric in ("ffo", "ffo_per_share")


# "$1.49 per share including …, $1.50 per share excluding …": how a figure is counted, no measure named
BARE_PER_SHARE = regex.compile(r"(?:per|a)\s(?:diluted\s)?share", regex.IGNORECASE)
