"""What a money figure measures: the money branch of metrics.classify, apart because it reads its own cues (a market, a price, a surprise, a move)."""
from __future__ import annotations

from collections.abc import Callable

import regex

from ..numbers.parse import Mention
from .metric_cue import Cue, Typed, nearest
from .metric_patterns import (CASH_AFTER, CASH_SPENT_BEFORE, EN_AMOUNT_MOVED, AMOUNT_MOVED, AMOUNT_PCT_MOVED, AMOUNT_SURPRISE, AMOUNT_THEN_BRACKET, BARE_MOVED, BEAT_BRACKET, BY_AMOUNT, BY_WORD,
                              CARRIED_MONEY, DOWN_VERB, EXCLUDED_AMOUNT, IN_METRIC, KO_CASE, KO_OF, LEVELS, LOSS_AFTER, MARKET_AFTER, PER_SHARE_AFTER,
                              MONEY_LIST_VERB, MONEY_WANTED, MOVE_WORDS, OF_LEVEL_BEFORE, PER_SHARE_UNITS, PROFIT_AFTER, SURPRISE_WORDS, T)


ADNOMINAL = regex.compile(r"\s?(?:원|달러)?\s?에\s?(?:그쳤던|그친|머물렀던|머문|달했던|달한)\s|\s?(?:원|달러)?\s?(?:이던|였던|이었던)\s")
TOPIC_THEN = regex.compile(r"(?:은|는)\s")
CHANGE_NOUN_BRACKET = regex.compile(r"(?<!%\s?)(?:(?P<down>감소|하락|악화|축소|감익)|증가|상승|개선|확대|증익)\s?\(\s?$")
ARROW_BEFORE = regex.compile(r"(?:→|->)\s?$")
PCT_BRACKET_BEFORE = regex.compile(r"\d\s?%\s?\(\s?$")


VERB_THEN_RATE = regex.compile(r"\s(?:decreased|declined|fell|dropped|increased|rose|grew)\s(?:by\s)?[+-]?\d[\d.,]*\s?%")


KO_STOP = regex.compile(r"다\.\s")


OR_AFTER_AMOUNT = regex.compile(r"\d(?:\s?(?:million|billion|bn|mn|m|b))?,?\sor\s$", regex.IGNORECASE)


ARROW_DOWN = regex.compile(r"\s?[↓▼]")

def classify_money(m: Mention, text: str, cues: list[Cue], clause: tuple[int, int], sent: tuple[int, int], carried: str | None,
                   has: Callable[[tuple[str, ...]], bool], after: str, up: bool, down: bool) -> Typed | None:
    """The metric a money figure measures, or None; after is the text just after it, up and down the direction read around it."""
    base: str | None  # the level a move or a loss is of
    if MARKET_AFTER.match(after):
        return Typed("market_size", entity_none=True)
    if m.scaled and CASH_AFTER.match(text, m.end, min(sent[1], m.end + 30)) \
            and not CASH_SPENT_BEFORE.search(text, max(sent[0], m.start - 40), m.start):
        return Typed("cash")  # "$729 million in cash and a net debt-to-capital ratio": the cash held, not the debt after
    if EXCLUDED_AMOUNT.match(text, m.end, min(sent[1], m.end + 12)) and not any(
            x.metric in LEVELS and clause[0] <= x.start < m.start for x in cues):
        return Typed("charge")  # "희망퇴직에 소요된 1천500억원을 제외하면 영업이익은": the item left out, not the result
    if has(SURPRISE_WORDS) and (gap := BEAT_BRACKET.search(text, max(sent[0], m.start - 16), m.start)) is not None:
        return Typed("surprise", negative=gap["miss"] is not None)  # "a slight EPS beat (+$0.02), a revenue miss (~$0.45B)"
    if has(SURPRISE_WORDS) and (gap := AMOUNT_SURPRISE.match(text, m.end, min(sent[1], m.end + 24))) is not None \
            and not OF_LEVEL_BEFORE.search(text, max(sent[0], m.start - 6), m.start):
        return Typed("surprise", negative=gap["miss"] is not None)  # "a $70 million revenue miss"
    wanted = MONEY_WANTED
    # "$3.67 in EPS", "$75.3 billion in revenue": the metric the figure is 'in' is its own
    # and "168억원의 당기순손실", "1조원 규모의 영업이익": a metric the figure is joined to by 의
    # and "2023년 87억 원에 그쳤던 영업이익은": the noun a figure's adnominal clause modifies is what it measures
    glued = IN_METRIC.match(text, m.end, min(sent[1], m.end + 6)) or KO_OF.match(text, m.end, min(sent[1], m.end + 6)) \
        or ADNOMINAL.match(text, m.end, min(sent[1], m.end + 16))
    direct = [x for x in cues if glued and x.start == glued.end() and x.metric in wanted]
    if not direct and text[m.end:m.end + 1] == " ":
        # "1조3226억원의 매출액과 1955억원 영업이익을 나타냈다": the metric noun right after the figure, then its case
        direct = [x for x in cues if x.start == m.end + 1 and x.metric in wanted and KO_CASE.match(text, x.end)]
    if not direct and text[max(sent[0], m.start - 1):m.start] == "(":
        # "적자(352억원 순손실)": a metric word closing the figure's own bracket names it
        direct = [x for x in cues if m.end < x.start <= m.end + 2 and x.metric in wanted
                  and text[x.end:x.end + 1] == ")"]
    c = direct[0] if direct else nearest(cues, m, wanted, clause, text)
    if c is not None and c.start >= m.end and carried in CARRIED_MONEY and not clause[0] <= c.start < clause[1] \
            and KO_STOP.search(text, m.end, c.start):
        c = None  # "전년 동기 2,528억 원 대비 8.1% 감소한 규모다. 3분기 매출도": the next sentence's metric is not this one's
    if c is not None and c.metric == "stock_price" and m.start - c.end <= 1 and text[c.start:c.end] == "주당" \
            and (said := [x for x in cues if sent[0] <= x.start < c.start and (x.metric in T.profits or T.loss_of(x.metric))]):
        # "2분기 손실이 8,200만달러, 주당 0.41달러로": a profit or loss restated per share is earnings per share
        return Typed("eps", negative=T.loss_of(said[-1].metric) is not None)
    if c is not None and T.loss_of(c.metric) and PER_SHARE_AFTER.match(text, m.end, min(sent[1], m.end + 20)):
        return Typed("eps", negative=True)  # "lost 65 cents per share": a loss per share
    if "cent" in m.text and OR_AFTER_AMOUNT.search(text, max(sent[0], m.start - 30), m.start) \
            and (said := [x for x in cues if sent[0] <= x.start < m.start and (x.metric in T.profits or T.loss_of(x.metric))]):
        # "net income of $35.4 million, or 49 cents, in the same period": the profit restated per share
        return Typed("eps", negative=T.loss_of(said[-1].metric) is not None)
    # "20만3500원에 거래된다": no company's revenue or profit is under ten million won or yen, scaled or not
    if m.unit in PER_SHARE_UNITS and abs(m.value) < 10_000_000 \
            and not (c and c.metric in ("stock_price", "price_target", "eps", "dividend_per_share")):
        return Typed("_price")  # "₩274,500", "4,325엔": won and yen amounts without a scale word are prices
    metric = c.metric if c else carried if carried in CARRIED_MONEY else None
    if c is None and metric and T.loss_of(metric):
        # "…168억원의 당기순손실을 기록했다. 신한라이프는 1542억원으로": the metric carries on, the loss does not
        metric = T.loss_of(metric)
    if metric is None and LOSS_AFTER.match(after) and m.scaled:
        metric = "_loss"  # "일반보험은 370억원의 손실을 냈다": a loss named by no profit word is of the profit in view
    if metric == "_loss":  # "순이익은 41억 달러. 1년 전에는 166억 달러 적자였다": the profit in view
        # (a loss named before is of its own profit: "지배주주순손실은 45억원으로 2분기(212억원 손실)보다")
        named = [T.loss_of(x.metric) or x.metric for x in cues if sent[0] <= x.start < m.start and x.metric != "_loss"
                 and (x.metric in T.profits or T.loss_of(x.metric) in T.profits)]
        # "swung to a loss of $3.12 billion, against a net profit of $2.92 billion": the profit it is set against
        later = [x.metric for x in cues if m.end <= x.start < sent[1] and x.metric in T.profits]
        profit = named[-1] if named else carried if carried in T.profits else later[0] if later else "operating_income"
        return Typed(profit, negative=PROFIT_AFTER.match(after) is None)  # "244억원과 비교해 적자전환": was a profit
    if metric in ("revenue", "operating_income", "net_income") and any(
            x.metric == "_consensus" and x.end <= m.start and m.start - x.end <= 12 for x in cues):
        metric = "_consensus"  # "시장 컨센서스(영업이익 3,860억엔)": the bracket names whose consensus it is
    if metric is None:
        if not m.scaled and abs(m.value) < 100000:
            return Typed("_price")
        return None
    if down and ARROW_BEFORE.search(text, max(sent[0], m.start - 3), m.start):
        down = False  # "8.5%(752억→688억원) 감소": the level the fall arrived at, not a negative amount
    if (up or down) and TOPIC_THEN.match(after):
        up = down = False  # "매출 268억원은 하향 안정화": an amount made the topic is a level, whatever it then did
    if down and metric in ("price_target", "stock_price") and ARROW_DOWN.match(after):
        down = False  # "목표주가 15,000원↓(기존 17,000원)": a target marked as cut, no negative price
    if (up or down) and VERB_THEN_RATE.match(text, m.end, min(sent[1], m.end + 30)):
        # "GAAP EPS of $5.82 decreased 0.7%", "adjusted EPS of $1.22 rose 5.2%": the verb's own figure is the rate
        # after it, the level stands (it is no amount moved by)
        up = down = False
    neg = (T.loss_of(metric) is not None or down or LOSS_AFTER.match(after) is not None) \
        and PROFIT_AFTER.match(after) is None  # "당기순손실은 … 전년 2802억원 흑자에서": that year was a profit
    base = T.loss_of(metric) or metric
    # "1조2340억원 이익이 감소했다", "전년보다 26억 원 개선됐다": by how much it moved, not where it stands
    moved = AMOUNT_MOVED.match(after) or BARE_MOVED.match(after)
    if moved:
        return Typed(base, negative=bool(moved["down"]), change=True)
    if (noun := CHANGE_NOUN_BRACKET.search(text, max(sent[0], m.start - 8), m.start)) is not None:
        return Typed(base, negative=noun["down"] is not None, change=True)  # "영업이익 감소(2천22억원) 효과": how much it fell
    if PCT_BRACKET_BEFORE.search(text, max(sent[0], m.start - 12), m.start) and text[m.end:m.end + 1] == ")" and has(MOVE_WORDS):
        # "매출은 15%(1187억원) 영업이익은 33%(58억원) 줄었다": the amount a percent change comes to
        # (the verb right after the bracket first: "4.8%(277억원) 늘었지만, 영업이익은 … 줄었다" rose)
        return Typed(base, negative=down if (up or down) else any(x.metric == "_decline" and m.end <= x.start < m.end + 60
                                                                   for x in cues), change=True)
    if (en := EN_AMOUNT_MOVED.search(text, max(sent[0], m.start - 40), m.start)) is not None:
        return Typed(base, negative=bool(en["down"] or en["down2"]), change=True)
    if (moved_by := AMOUNT_PCT_MOVED.match(text, m.end, min(sent[1], m.end + 24))) is not None:
        return Typed(base, negative=moved_by["down"] is not None, change=True)  # "3426억원(7.4%) 늘었으나"
    if m.sign_mark in ("+", "-", "▲", "▼", "△") and AMOUNT_THEN_BRACKET.search(text, max(sent[0], m.start - 24), m.start):
        return Typed(base, negative=m.value < 0, change=True)  # "1조667억원(-531억원)": the level, then its move
    # "rose by approximately KRW 32 billion", "영업이익은 약 320억원, 순이익은 3,030억원 증가하며": amounts moved by
    by = BY_AMOUNT.search(text, max(sent[0], m.start - 40), m.start) if has(BY_WORD) else None
    listed = None if (up or down or not has(MOVE_WORDS)) else MONEY_LIST_VERB.match(text, m.end, min(sent[1], m.end + 60))
    if by:  # what rose by the amount is named before it: "operating profit rose by ... and net profit by ..."
        movers = [x for x in cues if sent[0] <= x.end <= m.start and x.metric in wanted and x.metric != "_consensus"]
        base = T.loss_of(movers[-1].metric) or movers[-1].metric if movers else base
    if by or listed:
        return Typed(base, negative=T.loss_of(metric) is not None or bool(listed and listed["down"])
                     or bool(by and DOWN_VERB.search(text, max(sent[0], by.start() - 50), by.end())), change=True)
    return Typed(base, negative=neg, change=up or down)
