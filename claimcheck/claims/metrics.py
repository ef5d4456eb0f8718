"""Cue words around a number to a metric id, with the sign and change sense they imply.

The patterns and metric sets are in metric_patterns.py, the cue records and the nearest-cue choice in metric_cue.py,
and the money branch in money_metric.py; this module reads the direction around a figure and types rates and counts."""
from __future__ import annotations

from collections.abc import Callable

import regex

from ..numbers.parse import Mention
from .metric_cue import Cue, Typed, changed_after, growth_base, nearest
from .metric_patterns import (AFTER_DIRECTION, APPOSITIVE, BY_WORD, CHANGE_NOUN_AFTER, COMPARED, COMPARED_AFTER, COMPARED_LEVEL, COUNT_OF_AFTER, COUNT_OF_BEFORE, DOWN_VERB,
                              FROM_TO_BEFORE, FROM_WORD,
                              GROWTH_VERB_BEFORE, HIT_BY, LEVEL_AFTER, LIST_VERB, MOVE_WORDS, OF_LINK, OF_WORD, OWNERLESS, RATE_LIKE,
                              PP_DOWN_NOUN, RATIOS, REVISED, SHARE_MADE_IN, SHARE_OF, SHARE_OF_AFTER, T, TO_BEFORE, UPSIDE, VERB_OBJECT_BEFORE, VERB_OBJECT_WORDS,
                              VERSUS_PCT_AFTER)
from .money_metric import classify_money
from . import compare as C

LOWER_BETTER = T.has("lower_better")
# "연간 목표의 98.3%", "수주 목표액(…)의 56%", "of its annual target": a share of a goal, no share of revenue
TARGET_SHARE = regex.compile(r"목표(?:액|치)?\s?(?:\([^()]{0,30}\))?\s?(?:의|대비)\s?$")
TARGET_SHARE_AFTER = regex.compile(r"\sof\s(?:its|the)\s(?:annual\s|full[\s-]year\s|yearly\s)?(?:order\s|orders\s|sales\s)?(?:target|goal)\b",
                                   regex.IGNORECASE)
OWN_WORD_OF = regex.compile(r"\d\s?%\s?$")
BETTER_WORSE = regex.compile(r"^\s?\)?\s?(?:[이가을를은는의도]\s?)?(?:(?:소폭|크게|대폭|slightly|sharply)\s?)?(?:(?P<better>개선|improv)|악화|worse|deteriorat)",
                             regex.IGNORECASE)

# "an improvement of 110 basis points", "improved by 1.2 points": the word before the change
BETTER_WORSE_BEFORE = regex.compile(r"(?:(?P<better>improvement|improved|improving)|deterioration|worsened|worsening)(?:\sof|\sby)\s$",
                                    regex.IGNORECASE)


ORGANIC = regex.compile(r"\borganic(?:ally)?\b|유기적", regex.IGNORECASE)


# "which fell short of the 4.9% expected": a miss against a figure, which is no fall of that figure
FELL_SHORT = regex.compile(r"\s(?:well\s|just\s|slightly\s)?short\b")

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
    level = (LEVEL_AFTER.match(after) is not None and not verb_before) or TO_BEFORE.search(text, max(sent[0], m.start - 48), m.start) is not None \
        or (has(FROM_WORD) and FROM_TO_BEFORE.search(text, max(sent[0], m.start - 60), m.start) is not None)
    # (only where a rate is named: "rose 5% vs 3% last year" compares two changes; and "operating margin was 22.1%, up
    # 230bp": what a rate was is its level, whatever moved after it)
    level = level or (m.kind == "percent" and any(c.metric in RATIOS and sent[0] <= c.start < m.start for c in cues)
                      and (COMPARED_LEVEL.search(before) is not None or VERSUS_PCT_AFTER.match(text, m.end, sent[1]) is not None
                           or RATE_WAS.search(before) is not None)
                      and CHANGE_NOUN_AFTER.match(text, m.end, sent[1]) is None)
    d = AFTER_DIRECTION.match(after)
    up = bool(d and d["up"] and not d["to"]) or (verb_before and not DOWN_VERB.search(before))
    down = bool(d and d["down"] and not d["to2"]) or (verb_before and bool(DOWN_VERB.search(before)))
    if d and (d["to"] or d["to2"]) and m.kind == "percent" and carried not in RATIOS \
            and not any(c.metric in RATIOS and sent[0] <= c.start < m.start for c in cues):
        # "영업이익과 순이익은 각각 131.1%, 131.7%로 뛰었다": no amount rises to a percent; the percent is its change
        up, down = up or bool(d["up"]), down or bool(d["down"])
    if m.kind == "percent" and not (up or down) and (arrow := ARROW_BRACKET.match(text, m.end, min(sent[1], m.end + 24))):
        up, down = arrow["up"] is not None, arrow["down"] is not None  # "매출 4.7%(3373억원 ↑)": the bracket's arrow
    closing = None if (up or down or m.kind not in ("percent", "money") or not has(MOVE_WORDS)) \
        else LIST_VERB.match(text, m.end, min(sent[1], m.end + 60))
    if m.kind == "money":
        # ("EBITDA before other items was NOK 3,862m on revenues of NOK 6,612m": the revenue named after 'on' is the
        # next figure's, however far back the amount's own metric was named)
        cues = [c for c in cues if not (m.end < c.start < m.end + 80 and ON_WHAT.search(text, max(sent[0], c.start - 10), c.start))]
        return classify_money(m, text, cues, clause, sent, carried, has, after, up, down)
    if m.kind == "count":
        return Typed("count")
    # percent and pp
    if m.kind == "percent" and (base := _paired_base_margin(text, cues, m, sent)):
        return Typed(base)  # "…, or 33.7 per cent of net sales, up from US$278 million and 31.2 per cent": the margin's base
    if m.kind == "percent" and (obj := OTHER_OBJECT.search(text, max(sent[0], m.start - 70), m.start)) \
            and not any(obj.start("o") <= c.start < obj.end("o") for c in cues):
        return None  # "grow its premium seats by 20% by 2026": a change of something no metric names
    if m.kind == "percent" and (TARGET_SHARE.search(text, max(sent[0], m.start - 40), m.start)
                                or TARGET_SHARE_AFTER.match(text, m.end, min(sent[1], m.end + 40))):
        return Typed("target_achievement")  # "연간 수주 목표(98억 달러)의 73.5%를 채웠다": how much of a goal is met
    if m.kind == "percent" and (s := SHARE_OF.search(before)):
        base = s["m"].lower()
        return Typed("revenue_share" if base in ("매출", "revenue", "sales") else "operating_income_share")
    if m.kind == "percent" and (named := _growth_named_after(m, text, cues)) is not None:
        # "delivered 26.3% year-over-year revenue growth", "the 3.0% revenue decline": the change the words after name
        return Typed(named, negative=(c := _cue_after(m, cues)) is not None and DECLINE_NOUN.match(text, c.end) is not None)
    if m.kind == "percent" and SHARE_MADE_IN.match(text, m.end, min(sent[1], m.end + 50)):
        return Typed("revenue_share")
    if m.kind == "percent" and (COUNT_OF_BEFORE.search(before) or (
            has(OF_WORD) and COUNT_OF_AFTER.match(text, m.end, min(sent[1], m.end + 50)))):
        return Typed("count_share")  # a share of subscribers or accounts, never of the money around it
    if m.kind == "percent" and (margin := _margin_of_amount(m, text, cues, sent, has)):
        return Typed(margin)
    # ("made up 51.3%, 28.2% and 20.6% of net sales, respectively": each share of the list is of the sales named last)
    if m.kind == "percent" and has(OF_WORD) and (s := SHARE_OF_AFTER.match(text, rest := _list_rest(text, m.end, sent[1]),
                                                                         min(sent[1], rest + 40))) \
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
    if m.kind == "percent" and (m.sign_mark in ("+", "-") or COMPARED_AFTER.match(after)):
        # "(76% margin; +14% YoY)": a rate word right after another percent names that one, not the change after it
        cues = [c for c in cues if not (c.end <= m.start and OWN_WORD_OF.search(text, max(sent[0], c.start - 8), c.start))]
    ratio = nearest(cues, m, RATE_LIKE, clause, text)
    if ratio and ratio.metric == "operating_margin" and text[ratio.start:ratio.end].lower() in BARE_MARGIN \
            and (own := _profit_before(cues, ratio, sent) or _carried_margin(text, ratio, sent, carried)):
        ratio = Cue(ratio.start, ratio.end, own)  # "net income of $134 million, representing a 20% margin"
    if ratio and ratio.metric == "revenue_share" and (own := _profit_as_share(text, cues, ratio, sent)):
        ratio = Cue(ratio.start, ratio.end, own)  # "gross profit as a percentage of total revenue was 41.5 percent"
    if ratio and ratio.start >= m.end and (not clause[0] <= ratio.start < clause[1] or ")" in text[m.end:ratio.start]) \
            and m.kind == "percent" \
            and (m.sign_mark in ("+", "-", "▲", "▼", "△") or COMPARED_AFTER.match(after)):
        ratio = None  # "매출액 28.7조원(+8.2%YoY), ..., OPM 5.1%": a change in brackets is its level's, not a rate named later
    if ratio and ratio.metric == "_growth_rate":
        base_cue = growth_base(cues, m, clause, sent)
        base = base_cue.metric if base_cue else carried if T.growth(carried) and not ORGANIC.search(text, clause[0], clause[1]) \
            else "revenue"
        return Typed(T.growth(base) or "revenue_growth", negative=down)
    if ratio and ratio.metric in RATIOS and ratio.start >= m.end and OF_LINK.fullmatch(text, m.end, ratio.start) \
            and m.kind != "pp":  # ("the 30bp operating margin contraction": points before a rate move it)
        # "30% 수준의 매출원가율", "40%의 영업이익률": the rate the figure is, whatever grew around it
        return Typed(ratio.metric, entity_none=ratio.metric in OWNERLESS)
    growth = nearest(cues, m, {"_growth", "_decline"}, clause)
    if m.kind == "pp":
        metric = ratio.metric if ratio else _margin_of_amount(m, text, cues, sent, has, moved=True) \
            or (carried if carried in RATIOS else "operating_margin")
        said = BETTER_WORSE.match(after) or BETTER_WORSE_BEFORE.search(text, max(sent[0], m.start - 24), m.start)
        if metric in LOWER_BETTER and said is not None:
            down = said["better"] is not None  # "원가율은 … 9.7%포인트 개선됐다": a cost rate that improved fell
        down = down or PP_DOWN_NOUN.match(text, m.end, min(sent[1], m.end + 48)) is not None
        return Typed(metric, negative=down or m.value < 0, change=True)
    dist = (lambda c: abs(c.start - m.start) if c else 10**9)
    # "+39%" or "(전년 동기 대비 39%)": a signed or compared percent next to a level is its growth
    signed = m.kind == "percent" and (m.sign_mark in ("+", "-", "▲", "▼", "△") or COMPARED.search(before)
                                      or COMPARED_AFTER.match(after))
    if signed and not ratio:
        # ("(−0.0% YoY)": a flat change is still a change, signed as printed)
        up, down = up or m.value > 0 or (m.value == 0 and m.sign_mark != "-"), down or m.value < 0 or m.sign_mark == "-"
    if up or down or (growth and not level and dist(growth) < dist(ratio)):
        base_cue = changed_after(text, cues, m, sent) or growth_base(cues, m, clause, sent)
        base = base_cue.metric if base_cue else None
        if base in RATIOS:
            return Typed(base, negative=down, change=True)
        if base == "price_target":
            # "목표주가 42만원으로 5.0% 상향": a target raised or cut by so much; otherwise the room to the target
            return Typed("price_target_growth" if REVISED.match(after) else "upside", negative=down)
        if base is None and carried in RATIOS and not AMOUNTS_CHANGE.search(text, max(sent[0], m.start - 32), m.start):
            return Typed(carried, negative=down, change=True)  # "영업이익률은 40%. 전년(45.1%)보다 5.1% 낮아졌다"
        if base is None and carried == "count":
            return Typed("count_growth", negative=down)  # "… 252 million paying users. That was up 12% YoY"
        if base is None and T.growth(carried) and not ORGANIC.search(text, clause[0], clause[1]):
            base = carried  # (not "Latin America organic growth of 4.1%": organic growth named alone is the sales')
        if (other := GROWTH_IN.match(text, m.end, sent[1])) \
                and (base is None or DRIVER_BEFORE.search(text, max(sent[0], m.start - 120), m.start)) \
                and _unnamed(text, other.end(), sent[1], cues):
            # "26% year-over-year growth in postpaid net account additions": a growth of something unnamed (and "sales
            # rose 3.9%, driven by a 2.7% rise in average transaction value": a driver, not the sales the verb moved)
            return None
        if closing:  # "매출은 7.2% 감소했으나 영업이익은 31.8%, 순이익은 61.5% 증가했다": the list's own verb
            return Typed(T.growth(base or "revenue") or "revenue_growth", negative=bool(closing["down"]))
        return Typed(T.growth(base or "revenue") or "revenue_growth",
                     negative=down or (growth is not None and growth.metric == "_decline" and not up
                                       and not FELL_SHORT.match(text, growth.end)))
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


# "일본 96억원(YoY +12.9%)": a change bracketed right after an amount is that amount's, whatever rate the sentence
# before spoke of
AMOUNTS_CHANGE = regex.compile(r"\d[\d,.]*(?:\s?[조억만천]\s?[\d,.]*)*\s?(?:원|달러|엔|위안|유로|[BMK]|bn|m)\s?\(\s?"
                               r"(?:YoY|QoQ|y/y|q/q|전년\s?대비|전년比|전분기\s?대비)?\s?[+\-△▲▼]?$", regex.IGNORECASE)
RATE_WAS = regex.compile(r"\b(?:was|were|is|are|stood\sat|came\sin\sat)\s(?:about\s|roughly\s|nearly\s)?$", regex.IGNORECASE)


# "Adjusted EBITDA: 4.5% of gross bookings", "operating income of $2 billion, or 25% of sales"
# "26% growth in postpaid net account additions", "a 4% increase in hours engaged": what grew, named after the change
OTHER_OBJECT = regex.compile(r"\b(?:grow|grew|growing|increase|increased|increasing|raise|raised|boost|boosted|expand|expanded"
                             r"|cut|reduce|reduced|reducing|lower|lowered)\s(?:its|their|the)\s(?P<o>(?:[\w-]+\s){1,3}?)by\s"
                             r"(?:about\s|nearly\s|roughly\s|approximately\s)?$", regex.IGNORECASE)
GROWTH_IN = regex.compile(r"\s(?:(?:year[\s-]over[\s-]year|yoy|y/y|sequential|annual)\s)?(?:growth|increase|rise|jump|gain|decline|drop|decrease)"
                          r"\s(?:in|of)\s", regex.IGNORECASE)
# what may grow under another word than a cue's, and a period: the thing after "growth in" is then no unknown
NAMED_THING = regex.compile(r"revenue|sales|profit|income|earning|margin|eps\b|dividend|ebitda|cash|booking|order|backlog|expense"
                            r"|cost|spending|capex|price|volume|shipment|deliver|quarter|year|month|half|\d{4}", regex.IGNORECASE)


CLAUSE_STOP = regex.compile(r"[,.;]\s|$")


# "26.3% year-over-year revenue growth": a percent, its basis, then the metric and the word growth
GROWTH_GAP = regex.compile(r"\s(?:(?:year[\s-](?:over|on)[\s-]year|yoy|y/y|annual(?:ized)?|organic|compound)\s)?", regex.IGNORECASE)
DECLINE_NOUN = regex.compile(r"\s(?:decline|decrease|drop|fall)\b", regex.IGNORECASE)
GROWTH_NOUN = regex.compile(r"\s(?:growth|increase|gain)\b", regex.IGNORECASE)


PERCENT_LIST_REST = regex.compile(r"(?:(?:,\s(?:and\s)?|\sand\s)\d[\d.]*\s?%){1,5}")


def _list_rest(text: str, pos: int, end: int) -> int:
    """Where a list of percents that goes on after the figure ending at pos ends (pos when none goes on)."""
    rest = PERCENT_LIST_REST.match(text, pos, end)
    return rest.end() if rest else pos


ON_WHAT = regex.compile(r"\bon\s(?:net\s|total\s)?$", regex.IGNORECASE)


# the parts organic growth is split into, which a writer may name right after their figure without the word growth
SPLIT_PARTS = ("volume", "price_mix")


def _growth_named_after(m: Mention, text: str, cues: list[Cue]) -> str | None:
    """The growth the metric word right after a percent names, when the word growth follows it ("26.3% revenue growth")."""
    cue = _cue_after(m, cues)
    if cue is None or cue.start - m.end > 24 or not GROWTH_GAP.fullmatch(text, m.end, cue.start):
        return None
    if cue.metric in SPLIT_PARTS:
        return T.growth(cue.metric)  # "0.6% real internal growth and 2.8% pricing": a part of organic growth, named after it
    return T.growth(cue.metric) if GROWTH_NOUN.match(text, cue.end) or DECLINE_NOUN.match(text, cue.end) else None


def _cue_after(m: Mention, cues: list[Cue]) -> Cue | None:
    """The first cue after the figure."""
    return next((c for c in cues if c.start > m.end), None)


def _unnamed(text: str, start: int, end: int, cues: list[Cue]) -> bool:
    """Whether the words after "growth in", to the clause's end or 50 characters, name no metric and no period."""
    stop = CLAUSE_STOP.search(text, start, min(end, start + 50))
    stop_at = stop.start() if stop else min(end, start + 50)
    # (a capitalised name is a region, line or brand the change is of: "a 38% increase in Europe")
    return not NAMED_THING.search(text, start, stop_at) \
        and not any(start <= c.start < stop_at and not c.metric.startswith("_") for c in cues) \
        and not CAPITALISED.search(text, start, stop_at)


AS_SHARE_OF_REVENUE = regex.compile(r"\bas\sa\s(?:percentage|percent|share|%)\sof\s(?:its\s|the\s)?(?:total\s)?(?:net\s)?(?:revenues?|sales)\b",
                                    regex.IGNORECASE)
# ("SG&A was 8.6% of home sales revenues": a kind of sales may stand between)
OF_REVENUE_AFTER = regex.compile(r"\s?of\s(?:its\s|the\s)?(?:total\s)?(?:(?:home|product|services?|consolidated|segment)\s){0,2}"
                                 r"(?:gross\sbookings|net\ssales|revenues?|sales)\b",
                                 regex.IGNORECASE)


NAMED_AS_SHARE = regex.compile(r",?\s(?:as\sa\s(?:percentage|percent|share|%)\sof\s(?:its\s|the\s)?(?:total\s)?(?:net\s)?"
                            r"(?:revenues?|sales))\b", regex.IGNORECASE)
TO_LEVEL = regex.compile(r"\b(?:to|at|was|were|of)\s$")
RATE_BASE_BEFORE = regex.compile(r"\d%\s?of\s(?:its\s|the\s)?(?:total\s)?(?:net\ssales|revenues?|sales),?\s"
                              r"(?:compared\s(?:with|to)|versus|vs\.?|up\sfrom|down\sfrom|from|against)\s$", regex.IGNORECASE)


def _margin_of_amount(m: Mention, text: str, cues: list[Cue], sent: tuple[int, int],
                      has: Callable[[tuple[str, ...]], bool], moved: bool = False) -> str | None:
    """A percent that is a profit over revenue, named by the profit before it rather than by a margin word: the
    margin of that profit (ebitda -> ebitda_margin), or None. moved: a change in points, whose margin was named
    before it ("4.5% of gross bookings, a 40 basis point increase")."""
    profit = _last_profit(cues, sent[0], m.start)
    if profit is None or not has(OF_WORD):
        return None
    if moved:
        return T.margin_of(profit.metric) if OF_REVENUE_AFTER.search(text, profit.end, m.start) else None
    if (OF_REVENUE_AFTER.match(text, m.end, min(sent[1], m.end + 30))
            # "representing 14.6% of sales compared with 12.2% a year earlier": the base of that share, the same margin
            or RATE_BASE_BEFORE.search(text, max(sent[0], m.start - 80), m.start)
            # "R&D expenses, as a percentage of net sales, rose 170 bps year over year to 20.1%": the amount's rate
            or (NAMED_AS_SHARE.match(text, profit.end, m.start) and TO_LEVEL.search(text, max(sent[0], m.start - 6), m.start))) \
            and not any(c.metric in RATIOS and profit.end <= c.start < m.start for c in cues):
        return T.margin_of(profit.metric)
    return None


def _profit_as_share(text: str, cues: list[Cue], share: Cue, sent: tuple[int, int]) -> str | None:
    """The margin of a profit or cost named 'as a percentage of total revenue': the share cue is its denominator."""
    return _share_margin(text, cues, sent[0], share.start, share.end, AS_SHARE_OF_REVENUE)


def _paired_base_margin(text: str, cues: list[Cue], m: Mention, sent: tuple[int, int]) -> str | None:
    """The margin a percent paired after an amount's base is the base of, when the sentence gave that margin as a share
    of sales first ('Gross profit of $307 million, or 33.7 per cent of net sales, up from …')."""
    if not C.PAIRED_BASE.search(text, max(sent[0], m.start - 40), m.start):
        return None
    return _share_margin(text, cues, sent[0], m.start, m.start, OF_REVENUE_AFTER)


def _share_margin(text: str, cues: list[Cue], start: int, pos: int, end: int, of_sales: regex.Pattern[str]) -> str | None:
    """The margin of the last profit named in [start, pos) when words saying 'of sales' follow it before end."""
    profit = _last_profit(cues, start, pos)
    return T.margin_of(profit.metric) if profit and of_sales.search(text, profit.end, end) else None


def _last_profit(cues: list[Cue], start: int, pos: int) -> Cue | None:
    """The last cue in [start, pos) naming an amount that has a margin over revenue (a profit, EBITDA, cash flow)."""
    return next((c for c in reversed(cues) if start <= c.start and c.end <= pos and T.margin_of(c.metric)), None)


# "매출 44.7%(896억원 ↑)": a percent whose bracketed amount carries the arrow of the move
ARROW_BRACKET = regex.compile(r"\s?\([^()]{0,16}?(?:(?P<up>↑|▲)|(?P<down>↓|▼))\s?\)")


# a margin word that names no profit: the margin is of the profit the sentence named last before it
BARE_MARGIN = {"margin", "margins", "마진", "이익률"}


CAPITALISED = regex.compile(r"\b[A-Z][\w&-]")
# "driven by a 2.7% rise in …", "helped by a 3% increase in …": a change named as a driver of the one before
# (and the list's next item: "reflects a 2.7% rise in average transaction count and a 1.2% increase in average ticket")
DRIVER_BEFORE = regex.compile(r"\b(?:driven\sby|due\sto|reflect(?:s|ed|ing)|thanks\sto|helped\sby|led\sby|on|with)\san?\s"
                              r"(?:(?:[^.;]|\.(?=\d)){0,80}?\sand\san?\s)?$", regex.IGNORECASE)
# "Adjusted EBITDA was $461.0 million … . The margin increased 150 bps to 12.3%": a sentence opening on a bare margin
OPENING_MARGIN = regex.compile(r"\s*(?:The|Its|That|This)\s(?:(?:adjusted|reported)\s)?$", regex.IGNORECASE)


def _carried_margin(text: str, ratio: Cue, sent: tuple[int, int], carried: str | None) -> str | None:
    """The margin of the profit the sentence before named, for a sentence that opens on 'The margin'."""
    if not carried or carried == "operating_income" or OPENING_MARGIN.fullmatch(text, sent[0], ratio.start) is None:
        return None
    return T.margin_of(carried)


def _profit_before(cues: list[Cue], ratio: Cue, sent: tuple[int, int]) -> str | None:
    """The margin of the last profit named before a bare margin word ("EBITDA는 3912억 원(이익률 6%)", "net income of
    $134 million, representing a 20% margin"), when that is not the operating profit the word means alone."""
    profit = _last_profit(cues, sent[0], ratio.start)
    return T.margin_of(profit.metric) if profit and profit.metric != "operating_income" else None
