"""Cue words around a number to a metric id, with the sign and change sense they imply."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from ..numbers.parse import Mention
from ..vocab import taxonomy

AFTER_DIRECTION = regex.compile(
    r"^\s?\)?\s?(?:\([A-Za-z%p]{1,3}\)\s?)?(?:[이가을를은는의도만]\s?)?(?:(?:소폭|크게|대폭|slightly|sharply)\s?)?(?:(?:넘게|가량|정도|이상|가까이|남짓|안팎|씩)\s?)?(?:(?P<to>으?로\s?)?(?P<up>성장|증가|급증|늘|증대|향상|개선|상승|뛰|확대|오르|올라|올랐|신장|높아|높였|높인|불어|상향|rise|rose|grew|jump|climb|gain|increase|up|↑)"
    r"|(?P<to2>으?로\s?)?(?P<down>감소|줄|하락|급감|급락|축소|뒷걸음|역성장|내려|내린|내렸|떨어|낮아|낮췄|낮춘|하향|악화|둔화|빠졌|빠진|빠져|밀렸|밀린|decline|fell|drop|decrease|down|shr[ai]nk|slid|↓))",
    regex.IGNORECASE)
SHARE_OF = regex.compile(r"(?P<m>매출|영업이익|이익|순이익|revenue|sales|operating income|profit)\s?(?:의|중|에서)\s?$", regex.IGNORECASE)
UPSIDE = regex.compile(r"(?:현재(?:가|\s?주가)?|현\s?주가)\s?대비\s?$|상승\s?여력|upside", regex.IGNORECASE)
# "34.3%에서 36.7%로": figures in a from-to phrase are levels, whatever verb ends the sentence.
GROWTH_VERB_BEFORE = regex.compile(r"\b(?:rose|grew|climb(?:ed)?|jump(?:ed)?|gained|increased|surged|soared|advanced|fell|dropped|declined|slid|rise|grow|fall|drop"
                                   r"|decreased|shrank|widened|expanded|improved|narrowed|contracted|added|lost|up|down)\s(?:by\s)?"
                                   r"(?:about\s|nearly\s|roughly\s)?$", regex.IGNORECASE)
# "grew revenue 1.4% to 6.67 trillion won": the verb takes the metric as its object before the figure
VERB_OBJECT_BEFORE = regex.compile(r"\b(?:grew|lifted|boosted|raised|increased|cut|lowered|reduced)\s(?:its\s|their\s)?"
                                   r"(?:revenue|sales|turnover|(?:operating\s|net\s)?(?:profit|income|earnings))\s(?:by\s)?"
                                   r"(?:about\s|nearly\s|roughly\s)?$"
                                   # "lifting the semiconductor solutions segment 35% to $11.07 billion"
                                   r"|\b(?:lifting|boosting|pushing|raising|dragging)\s(?:the\s|its\s)?(?:[\w-]+\s){1,5}(?:by\s)?$",
                                   regex.IGNORECASE)
APPOSITIVE = regex.compile(r",\s(?:an?\s)?(?:(?P<down>drop|decline|fall|decrease|contraction|slide|loss)|rise|increase|gain|jump"
                           r"|improvement|expansion)\sof\s(?:about\s|nearly\s|roughly\s)?$", regex.IGNORECASE)
HIT_BY = regex.compile(r"\b(?:hit|hurt|cut|reduced|lowered|trimmed|shaved|dented|dragged\s(?:down|on))\s[^.;]{0,50}?\sby\s"
                       r"(?:about\s|nearly\s|roughly\s)?$", regex.IGNORECASE)
DOWN_VERB = regex.compile(r"\b(?:fell|fall|falls|drop|drops|dropped|decline|declines|declined|slid|decreased|shrank|narrowed|contracted|lost|down"
                       r"|lowers|lowered|cuts|reduced|reduces|trimmed)\b", regex.IGNORECASE)
SHARE_OF_AFTER = regex.compile(r"\s?of\s(?:its\s|their\s|the\s)?(?:total\s|overall\s|group\s|annual\s|quarterly\s|the\scompany's\s)?"
                               r"(?:(?P<rev>sales|revenues?)|(?:operating\s)?(?:profit|income))"
                               # "made up nearly 15% of Alphabet's total": a bare total is of the company's revenue
                               r"|\s?of\s(?:the\s|its\s|\p{Lu}[\w&.-]*['’]s\s)(?P<rev>total|overall)\b(?!\s(?:operating|profit|income|net))",
                               regex.IGNORECASE)
COMPARED = regex.compile(r"(?:대비|YoY|QoQ|y/y|q/q)\s?[+-]?$", regex.IGNORECASE)
COMPARED_AFTER = regex.compile(r"\s?(?:YoY|QoQ|y/y|q/q)\b", regex.IGNORECASE)
# "from 42% in fiscal 2023 to 45%": both ends of a from-to are levels
FROM_TO_BEFORE = regex.compile(r"\bfrom\s(?:about\s)?[$€£¥]?$|\bfrom\s[^.;]{1,45}\sto\s(?:about\s)?[$€£¥]?$", regex.IGNORECASE)
TO_BEFORE = regex.compile(r"\b(?:rose|grew|climbed|jumped|increased|fell|dropped|declined|slid|decreased|shrank|expanded"
                           r"|narrowed|improved|reached|widened|eased|slipped|edged\s(?:up|down)|climbed|contracted|swelled|soared"
                           r"|surged|plunged|tumbled|sank|dipped|recovered|rebounded)\sto\s(?:about\s|nearly\s|roughly\s)?$",
                           regex.IGNORECASE)
# "34.3%에서", "(6.5%)보다": a level a change is measured from or to, not the change
PER_SHARE_UNITS = ("KRW", "JPY")
LEVEL_AFTER = regex.compile(r"^\)?\s?(?:에서|으?로|보다|에\s?비해|→|->|to\b)")
MARKET_AFTER = regex.compile(r"^\s?(?:규모의\s?|규모\s?)?시장|^\s?(?:market|TAM)\b", regex.IGNORECASE)
AMOUNT_MOVED = regex.compile(r"\s?(?:의\s)?(?:영업\s?|순\s?|세전\s?)?(?:이익|매출|손익|수익)[이가은는을를]?\s?"
                             r"(?:(?P<down>감소|줄|축소|악화|하락|깎)|(?P<up>증가|늘|확대|개선|상승))")
# "Q3 earnings of $1.48 beat estimates": a level that beat, not the size of the beat ("a $70 million revenue miss")
OF_LEVEL_BEFORE = regex.compile(r"\b(?:of|at|was|were)\s[$€£¥₩]?$", regex.IGNORECASE)
BEAT_BRACKET = regex.compile(r"\b(?:beat|(?P<miss>miss|shortfall))\s?\(\s?[+~≈-]?\s?$", regex.IGNORECASE)
AMOUNT_SURPRISE = regex.compile(r"\s(?:(?:revenue|sales|earnings|profit|EPS)\s)?(?:(?P<miss>miss|shortfall)|beat)\b", regex.IGNORECASE)
# "4조6315억원에서 4조9741억원으로 3426억원(7.4%) 늘었으나": an amount with its own percent, then the verb, is the move
BARE_MOVED = regex.compile(r"\s?(?:(?P<down>감소|줄|축소|악화|하락|깎)|(?P<up>증가|늘|확대|개선|상승))(?!률|율|세로|폭)")
AMOUNT_PCT_MOVED = regex.compile(r"\s?\(\s?[+-]?\d[\d.,]*\s?%\s?\)\s?(?:이|가)?\s?(?:(?P<down>감소|줄|축소|악화|하락)|증가|늘|확대|개선|상승)")
AMOUNT_THEN_BRACKET = regex.compile(r"\d[\d,.]*(?:\s?[조억만천]\s?[\d,.]*)*\s?(?:원|달러|엔|위안)\s?\(\s?$")
# a figure with no verb of its own takes the verb closing its list: figures, names and particles, then the verb
LIST_VERB = regex.compile(r"[^.;!?]{0,58}?(?<![\p{L}])(?:[\d.]+%\s?)(?:[이가을를은는]\s?)?(?:(?:각각|모두|씩)\s?)?"
                          r"(?:(?P<up>증가|늘|상승|성장|개선|확대|급증)|(?P<down>감소|줄|하락|축소|악화|급감|뒷걸음))")
BY_AMOUNT = regex.compile(r"\bby\s(?:approximately\s|about\s|nearly\s|roughly\s|some\s|around\s)?$|"
                       r"\b(?:rose|grew|increased|fell|declined|decreased|dropped|climbed|jumped)\sby\s[^.;%]{0,12}$",
                       regex.IGNORECASE)
MONEY_LIST_VERB = regex.compile(r"(?:\s?[,，]\s?[^.;!?]{0,50}?(?:억|조|만)\s?원)?\s?(?:[이가을를은는]\s?)?(?:(?:각각|모두|씩)\s?)?"
                                r"(?:(?P<up>증가|늘|급증|확대)|(?P<down>감소|줄|급감|축소))")
REVISED = regex.compile(r"\s?(?:[이가을를]\s?)?(?:상향|하향|올려|올렸|올린|낮춰|낮췄|낮춘|내려|내렸|조정)")
LOSS_AFTER = regex.compile(r"\s?(?:의\s)?(?:영업\s?|순\s?)?(?:적자|손실)(?!\s?(?:폭|규모|축소|감소|개선|줄))")
PROFIT_AFTER = regex.compile(r"\s?(?:의\s)?(?:영업\s?|순\s?)?흑자(?!\s?(?:폭\s?(?:축소|감소)|전환))")
KO_OF = regex.compile(r"(?:\s?규모)?의\s?")
EXCLUDED_AMOUNT = regex.compile(r"\s?(?:을|를)\s?(?:제외하면|제외한|제외할\s?경우|빼면|뺀|빼고)")
KO_CASE = regex.compile(r"[을를이가은는도과와]")
IN_METRIC = regex.compile(r"\s(?:in|of)\s", regex.IGNORECASE)
OF_LINK = regex.compile(r"\s?(?:수준|가량|정도|대)?\s?의\s?|\s")
T = taxonomy()
# what a cue can name: an amount (flow, stock, count), and a rate
LEVELS, RATIOS = T.amounts, T.ratios
OWNERLESS = T.has("ownerless")  # a market, a government's rate: no company's figure
# words the patterns named beside them cannot match without (see classify's `has` and Ctx.in_sentence)
VERB_OBJECT_WORDS = ("grew", "lifted", "boosted", "raised", "increased", "cut", "lowered", "reduced", "lifting", "boosting",
                     "pushing", "raising", "dragging")  # VERB_OBJECT_BEFORE
FROM_WORD = ("from",)  # FROM_TO_BEFORE
MOVE_WORDS = ("증가", "늘", "상승", "성장", "개선", "확대", "급증", "감소", "줄", "하락", "축소", "악화", "급감", "뒷걸음")  # LIST_VERB, MONEY_LIST_VERB
SURPRISE_WORDS = ("miss", "shortfall", "beat")  # AMOUNT_SURPRISE
BY_WORD = ("by",)  # BY_AMOUNT, HIT_BY
OF_WORD = ("of",)  # SHARE_OF_AFTER, APPOSITIVE
# the unions the tests below take, made once: a union of the taxonomy's sets per figure (or per cue) was
# a few microseconds each, on every figure of an article
GROWN = LEVELS | RATIOS | {"stock_price", "price_target"}  # what a growth can be of
LEVELS_OR_PRICE = LEVELS | {"stock_price"}
LEVELS_OR_RATIOS = LEVELS | RATIOS
# (a count word names no money figure: "AI 인프라 주문만 13억 달러" is an amount of orders, not a number of them)
MONEY_WANTED = (LEVELS - T.by_family["count"]) | {"stock_price", "price_target", "_consensus"}
CARRIED_MONEY = LEVELS | {"price_target", "stock_price"}
RATE_LIKE = RATIOS | {"upside", "price_change", "_growth_rate"}


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    metric: str


@dataclass(frozen=True, slots=True)
class Typed:
    metric: str
    negative: bool = False
    change: bool = False
    entity_none: bool = False  # a market size belongs to no company


# "rose 18% to $1.51 billion on revenue of $19.42 billion": a metric word after the figure that leads to a figure of
# its own is that figure's
OWN_FIGURE_AFTER = regex.compile(r"\s(?:of|was|were|at|totaled|reached|came\sto)\s(?:about\s|roughly\s)?[$€£¥₩]?\d", regex.IGNORECASE)


BEATEN = regex.compile(r"\s?(?:\([^()]{0,20}\)\s?)?(?:[을를에]|보다)\s?(?:\d[\d.,]*\s?%\s?)?(?:크게\s?|소폭\s?)?"
                       r"(?:상회|하회|웃돌|웃돈|밑돌|밑돈|넘어|넘었|넘는|뛰어넘)")


def _nearest(cues: list[Cue], m: Mention, allowed, clause: tuple[int, int], text: str = "") -> Cue | None:
    best, best_d = None, 10**9
    for c in cues:
        if c.metric not in allowed:
            continue
        if c.end <= m.start:
            d = m.start - c.end
        elif c.start >= m.end:
            if text and OWN_FIGURE_AFTER.match(text, c.end, c.end + 24):
                continue
            if c.metric == "_consensus" and text and BEATEN.match(text, c.end, c.end + 24):
                continue  # "463억원으로 시장 전망치를 상회했다": the figure beat the consensus, it is not one
            d = int((c.start - m.end) * 2.5) + 1
        else:
            continue
        if not (clause[0] <= c.start < clause[1]):
            d += 500
        if d < best_d:
            best, best_d = c, d
    return best


def _growth_base(cues: list[Cue], m: Mention, clause: tuple[int, int], sent: tuple[int, int]) -> Cue | None:
    """What grew: a level cue before the number ("매출이 ... 24% 증가"), else one just after it ("12% revenue growth")."""
    wanted = GROWN
    before = [c for c in cues if c.metric in wanted and c.end <= m.start]
    # nearest first by where a cue ends: a "label:" cue spans its whole label, so a level named after the colon
    # ("Mixed Q2 Earnings: RPO Growth Of 438%") is closer than the label
    near = sorted((c for c in before if c.start >= clause[0]), key=lambda c: c.end)
    if near:
        return near[-1]
    # past the clause, the subject's level outweighs an aside ("revenue, which is 89.8% of sales, jumped 66%")
    levels = [c for c in before if c.start >= sent[0] and c.metric in LEVELS_OR_PRICE]
    if levels:
        return levels[-1]
    after = [c for c in cues if c.metric in wanted and m.end <= c.start < min(clause[1], m.end + 12)]
    return after[0] if after else (before[-1] if before else None)


# "a 37% fall in third-quarter net income", "an 8% drop in operating profit": the change names what moved after it
CHANGE_NOUN_IN = regex.compile(r"\s(?:fall|rise|increase|decrease|decline|drop|jump|gain|growth|surge|slump|plunge|climb|slide"
                               r"|rebound|improvement)\s(?:in|of)\s", regex.IGNORECASE)


def _changed_after(text: str, cues: list[Cue], m: Mention, sent: tuple[int, int]) -> Cue | None:
    got = CHANGE_NOUN_IN.match(text, m.end, min(sent[1], m.end + 16))
    if got is None:
        return None
    wanted = LEVELS_OR_RATIOS
    return next((c for c in cues if c.metric in wanted and got.end() <= c.start <= got.end() + 30), None)


def classify(m: Mention, text: str, cues: list[Cue], clause: tuple[int, int], sent: tuple[int, int],
             carried: str | None, has: Callable[[tuple[str, ...]], bool] = lambda words: True) -> Typed | None:
    """The metric a number measures, from cues in its sentence; None when nothing names it.

    has(words): whether the figure's sentence holds any of those words (Ctx.in_sentence). The longer
    searches below are skipped in a sentence without the words their patterns cannot match without."""
    after = text[m.end:min(m.end + 14, sent[1])]
    before = text[max(sent[0], m.start - 14):m.start]
    base: str | None  # the level a change or a loss is of: every branch below sets its own
    if any(c.metric == "_consensus_pre" for c in cues):  # rare: the cues are taken as they are otherwise
        cues = [c for c in cues if not (c.metric == "_consensus_pre" and c.start >= m.end)]
        cues = [Cue(c.start, c.end, "_consensus") if c.metric == "_consensus_pre" else c for c in cues]
    verb_before = GROWTH_VERB_BEFORE.search(before) is not None \
        or (has(VERB_OBJECT_WORDS)  # "rose 50% to $130.5B"
            and VERB_OBJECT_BEFORE.search(text, max(sent[0], m.start - 60), m.start) is not None)
    # "rose to 20%": the figure is where the rise ended, a level
    level = (LEVEL_AFTER.match(after) is not None and not verb_before) or TO_BEFORE.search(before) is not None \
        or (has(FROM_WORD) and FROM_TO_BEFORE.search(text, max(sent[0], m.start - 60), m.start) is not None)
    d = AFTER_DIRECTION.match(after)
    up = bool(d and d["up"] and not d["to"]) or (verb_before and not DOWN_VERB.search(before))
    down = bool(d and d["down"] and not d["to2"]) or (verb_before and bool(DOWN_VERB.search(before)))
    closing = None if (up or down or m.kind not in ("percent", "money") or not has(MOVE_WORDS)) \
        else LIST_VERB.match(text, m.end, min(sent[1], m.end + 60))
    if m.kind == "money":
        if MARKET_AFTER.match(after):
            return Typed("market_size", entity_none=True)
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
        glued = IN_METRIC.match(text, m.end, min(sent[1], m.end + 6)) or KO_OF.match(text, m.end, min(sent[1], m.end + 6))
        direct = [x for x in cues if glued and x.start == glued.end() and x.metric in wanted]
        if not direct and text[m.end:m.end + 1] == " ":
            # "1조3226억원의 매출액과 1955억원 영업이익을 나타냈다": the metric noun right after the figure, then its case
            direct = [x for x in cues if x.start == m.end + 1 and x.metric in wanted and KO_CASE.match(text, x.end)]
        if not direct and text[max(sent[0], m.start - 1):m.start] == "(":
            # "적자(352억원 순손실)": a metric word closing the figure's own bracket names it
            direct = [x for x in cues if m.end < x.start <= m.end + 2 and x.metric in wanted
                      and text[x.end:x.end + 1] == ")"]
        c = direct[0] if direct else _nearest(cues, m, wanted, clause, text)
        # "20만3500원에 거래된다": no company's revenue or profit is under ten million won or yen, scaled or not
        if m.unit in PER_SHARE_UNITS and abs(m.value) < 10_000_000 \
                and not (c and c.metric in ("stock_price", "price_target", "eps", "dividend_per_share")):
            return Typed("_price")  # "₩274,500", "4,325엔": won and yen amounts without a scale word are prices
        metric = c.metric if c else carried if carried in CARRIED_MONEY else None
        if c is None and metric and T.loss_of(metric):
            # "…168억원의 당기순손실을 기록했다. 신한라이프는 1542억원으로": the metric carries on, the loss does not
            metric = T.loss_of(metric)
        if metric == "_loss":  # "순이익은 41억 달러. 1년 전에는 166억 달러 적자였다": the profit in view
            named = [x.metric for x in cues if sent[0] <= x.start < m.start and x.metric in T.profits]
            # "swung to a loss of $3.12 billion, against a net profit of $2.92 billion": the profit it is set against
            later = [x.metric for x in cues if m.end <= x.start < sent[1] and x.metric in T.profits]
            profit = named[-1] if named else carried if carried in T.profits else later[0] if later else "operating_income"
            return Typed(profit, negative=True)
        if metric in ("revenue", "operating_income", "net_income") and any(
                x.metric == "_consensus" and x.end <= m.start and m.start - x.end <= 12 for x in cues):
            metric = "_consensus"  # "시장 컨센서스(영업이익 3,860억엔)": the bracket names whose consensus it is
        if metric is None:
            if not m.scaled and abs(m.value) < 100000:
                return Typed("_price")
            return None
        neg = (T.loss_of(metric) is not None or down or LOSS_AFTER.match(after) is not None) \
            and PROFIT_AFTER.match(after) is None  # "당기순손실은 … 전년 2802억원 흑자에서": that year was a profit
        base = T.loss_of(metric) or metric
        # "1조2340억원 이익이 감소했다", "전년보다 26억 원 개선됐다": by how much it moved, not where it stands
        moved = AMOUNT_MOVED.match(after) or BARE_MOVED.match(after)
        if moved:
            return Typed(base, negative=bool(moved["down"]), change=True)
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
    if m.kind == "count":
        return Typed("count")
    # percent and pp
    if m.kind == "percent" and (s := SHARE_OF.search(before)):
        base = s["m"].lower()
        return Typed("revenue_share" if base in ("매출", "revenue", "sales") else "operating_income_share")
    if m.kind == "percent" and has(OF_WORD) and (s := SHARE_OF_AFTER.match(text, m.end, min(sent[1], m.end + 40))) \
            and not any(c.metric in RATIOS and clause[0] <= c.start < m.start for c in cues):  # "gross margin ... 68.1% of sales"
        return Typed("revenue_share" if s["rev"] else "operating_income_share")
    if m.kind == "percent" and UPSIDE.search(before + after):
        return Typed("upside")
    if m.kind == "pp" and has(BY_WORD) and HIT_BY.search(text, max(sent[0], m.start - 70), m.start):
        down = True  # "tariffs hit its gross margin by 1.2 percentage points": a cut, however the verb is spelt
    if has(OF_WORD) and (appos := APPOSITIVE.search(text, max(sent[0], m.start - 40), m.start)):
        # "operating margin narrowed to 5.8%, a drop of 5 percentage points, and its gross margin ...": the
        # aside measures the clause before it, never the metric named after it
        cues = [c for c in cues if c.end <= m.start]
        down = down or appos["down"] is not None
        up = up or not down
    ratio = _nearest(cues, m, RATE_LIKE, clause)
    if ratio and ratio.start >= m.end and not clause[0] <= ratio.start < clause[1] and m.kind == "percent" \
            and (m.sign_mark in ("+", "-", "▲", "▼", "△") or COMPARED_AFTER.match(after)):
        ratio = None  # "매출액 28.7조원(+8.2%YoY), ..., OPM 5.1%": a change in brackets is its level's, not a rate named later
    if ratio and ratio.metric == "_growth_rate":
        base_cue = _growth_base(cues, m, clause, sent)
        base = base_cue.metric if base_cue else carried if T.growth(carried) else "revenue"
        return Typed(T.growth(base) or "revenue_growth", negative=down)
    if ratio and ratio.metric in RATIOS and ratio.start >= m.end and OF_LINK.fullmatch(text, m.end, ratio.start):
        # "30% 수준의 매출원가율", "40%의 영업이익률": the rate the figure is, whatever grew around it
        return Typed(ratio.metric, entity_none=ratio.metric in OWNERLESS)
    growth = _nearest(cues, m, {"_growth", "_decline"}, clause)
    if m.kind == "pp":
        metric = ratio.metric if ratio else carried if carried in RATIOS else "operating_margin"
        return Typed(metric, negative=down or m.value < 0, change=True)
    dist = (lambda c: abs(c.start - m.start) if c else 10**9)
    # "+39%" or "(전년 동기 대비 39%)": a signed or compared percent next to a level is its growth
    signed = m.kind == "percent" and (m.sign_mark in ("+", "-", "▲", "▼", "△") or COMPARED.search(before)
                                      or COMPARED_AFTER.match(after))
    if signed and not ratio:
        up, down = up or m.value > 0, down or m.value < 0
    if up or down or (growth and not level and dist(growth) < dist(ratio)):
        base_cue = _changed_after(text, cues, m, sent) or _growth_base(cues, m, clause, sent)
        base = base_cue.metric if base_cue else None
        if base in RATIOS:
            return Typed(base, negative=down, change=True)
        if base == "price_target":
            # "목표주가 42만원으로 5.0% 상향": a target raised or cut by so much; otherwise the room to the target
            return Typed("price_target_growth" if REVISED.match(after) else "upside", negative=down)
        if base is None and carried in RATIOS:
            return Typed(carried, negative=down, change=True)  # "영업이익률은 40%. 전년(45.1%)보다 5.1% 낮아졌다"
        if base is None and T.growth(carried):
            base = carried
        if closing:  # "매출은 7.2% 감소했으나 영업이익은 31.8%, 순이익은 61.5% 증가했다": the list's own verb
            return Typed(T.growth(base or "revenue") or "revenue_growth", negative=bool(closing["down"]))
        return Typed(T.growth(base or "revenue") or "revenue_growth",
                     negative=down or (growth is not None and growth.metric == "_decline" and not up))
    if ratio and ratio.metric == "revenue_share" and any(
            c.metric == "operating_income" and clause[0] <= c.start < ratio.start for c in cues):
        return Typed("operating_income_share")  # "영업이익에서 차지하는 비중"
    if ratio:
        return Typed(ratio.metric, entity_none=ratio.metric in OWNERLESS)
    if level and growth and carried in RATIOS:
        return Typed(carried)
    if carried is not None and (carried in RATIOS or T.is_growth(carried)):
        return Typed(carried)
    return None
