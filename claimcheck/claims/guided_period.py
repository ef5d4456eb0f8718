"""The period of a company's own forecast whose clause names none ("expects revenue of $18.7 billion ... for the fiscal
second quarter"): apart from dating.date because it reads the sentence's forecast verbs and the article's preview."""
from __future__ import annotations

import regex

from .figure_period import owns_another
from ..numbers.parse import Mention
from .. import calendar as CAL
from . import compare as C
from . import periods as PR
from .article_context import Ctx
from .forecast_said import ANALYST_WORD
from .layout import Sentence

# "Micron also forecast an adjusted gross margin of about 68%", "expects revenue of $18.7 billion": the
# company's own guidance, in its sentence before the figure
GUIDED = regex.compile(r"\b(?:(?P<had>had\s)?(?P<v>forecast|forecasts|(?<!the\s)forecasted|expects|expected|would\sbe|(?<=(?:to|we|still|now|they|They)\s)expect|sees|projects|projected|project|guided|guides"
                       r"|predicts|predicted|anticipates|foresees"
                       # "has updated its full-year guidance, projecting revenue growth between 7.4% and 8.0%"
                       r"|(?<=,\s)(?:projecting|forecasting|anticipating|predicting|expecting))\b)(?:[^.;!?]|\.(?=\d)){0,160}$", regex.IGNORECASE)
FROM_BEFORE = regex.compile(r"\bfrom\s(?:the\s|last\syear['’]s\s|the\s(?:prior|previous)[\s-]year['’]s\s)?[$€£¥₩]?$", regex.IGNORECASE)
# "a growth of 13 percent to 15 percent from last year's $7.96": a period a comparison word leads is the base's
BASE_LED = regex.compile(r"\b(?:from|than|over|versus|vs\.?)\s$", regex.IGNORECASE)
NOT_GUIDANCE_BEFORE = regex.compile(r"\b(?:beat|beating|topped|topping|missed|missing|exceeded|exceeding|above|below|than|matched|matching|met|meeting"
                                    r"|versus|vs\.?|surpassing|surpassed|ahead\sof|short\sof)\s(?:the\s|analysts['’]?\s)?$"
                                    # "beating the $43.21 billion expected": the market's figure, the word after it
                                    r"|[\d%]\s?(?:billion|million|trillion|bn|mn|cents?)?\s$"
                                    r"|[\w]-$",  # "better-than-expected results": an adjective, not a forecast
                                    regex.IGNORECASE)
# GUIDED needs one of these verbs; most sentences hold none, so a sentence is looked at once for them
GUIDED_WORDS = ("forecast", "expect", "sees", "project", "guide", "predict", "anticipate", "foresee", "would be",
                "reaffirm", "reiterat", "maintain", "kept", "keeps")
# "Kenvue reaffirmed its outlook for adjusted diluted earnings per share in the range of $1.10-$1.20": a plan kept
GUIDANCE_KEPT = regex.compile(r"\b(?P<v>reaffirm(?:ed|s)?|reiterat(?:ed|es)|maintain(?:ed|s)?|kept|keeps)\s(?:its\s|the\s)?"
                              r"(?:[\w-]+\s){0,3}?(?:outlook|guidance|forecast|projection)s?\b(?:[^.;!?]|\.(?=\d)){0,160}$",
                              regex.IGNORECASE)
# "raised its full-year earnings outlook on Friday. The company now foresees earnings of $13.75 to $14.05 a share"
FULL_YEAR_BEFORE = regex.compile(r"\b(?:full[\s-]year|annual|for\sthe\syear)\b|연간", regex.IGNORECASE)


def guided_period(ctx: Ctx, sent: Sentence, m: Mention, clause: tuple[int, int], refs: list[PR.PeriodRef], metric: str, period: str | None) -> str | None:
    """The period of a company's own forecast whose clause names none: "expects revenue of $18.7 billion, ...,
    for the fiscal second quarter" takes the quarter named later in the sentence; "also forecast a gross
    margin of about 68%" the quarter the article's last guidance was for; "had forecast $12.5 billion" the
    quarter now reported. None when the figure is no company guidance or its clause dates it."""
    scan = ctx.lay.scan
    if ctx.in_sentence(KO_PLAN_WORDS, sent) and (plan := _ko_plan_year(ctx, sent, m, refs)):
        return plan
    if not ctx.in_sentence(GUIDED_WORDS, sent):
        return None  # no forecast verb in the sentence: GUIDED below cannot match
    said = GUIDED.search(scan, max(sent.start, m.start - 160), m.start) \
        or GUIDANCE_KEPT.search(scan, max(sent.start, m.start - 160), m.start)
    if said is not None and (NOT_GUIDANCE_BEFORE.search(scan, max(sent.start, said.start() - 16), said.start())
                             or regex.match(r"\s+of\b", scan[said.end("v"):said.end("v") + 4])):
        said = None  # "beating forecasts of $14.8 billion": the market's forecast, a noun
    if said is None or metric in ("stock_price", "price_target") or ANALYST_WORD.search(scan, max(sent.start, m.start - 200), m.start):
        return None  # "Analysts on average had expected $14.2 billion": the market's forecast, dated as consensus is
    if (m.low is None and FROM_BEFORE.search(scan, max(clause[0], m.start - 12), m.start)) or C.PRIOR_AFTER.match(scan, m.end, min(clause[1], m.end + 40)):
        return None  # "expects revenue to grow from the $124.3 billion it reported a year earlier": the base is history
        # (a range is no base: "anticipates the price to range from $390,000 to $400,000")
    if period and any(clause[0] <= r.start < clause[1] and r.period and r.grain in ("quarter", "half", "year", "ytd") for r in refs):
        return period  # "anticipates revenues between $4.45 and $4.80 billion for the third quarter": dated, still a plan
    if said.groupdict().get("had"):
        return ctx.focus
    later = next((r.period for r in refs if r.start >= m.end and r.period and r.grain in ("quarter", "half", "year")
                  and not BASE_LED.search(scan, max(0, r.start - 8), r.start)), None)
    # "... in its current fiscal year 2026, up from the $1 billion and 0.75 point impact it projected": the span the
    # sentence names before the figure, when none follows it
    named = [r for r in refs if r.end <= m.start and r.period and not r.relative
             and not owns_another(r, m, scan)]  # "last year's $9.64 billion": that figure's
    # the finest span named: "For the December quarter, the first of fiscal 2026" is that quarter
    earlier = next((r.period for grain in ("quarter", "half", "year") for r in reversed(named) if r.grain == grain), None)
    # "reaffirmed its outlook for adjusted EPS of $1.10-$1.20": a plan kept through the year is for the year
    kept = ctx.focus.split("Q")[0] if ctx.focus and GUIDANCE_KEPT.match(scan, said.start(), m.start) else None
    # "updated its full-year guidance, projecting revenue growth of 7.4% to 8.0%": the year the sentence's outlook is of
    own = ctx.focus.split("Q")[0] if ctx.focus and FULL_YEAR_BEFORE.search(scan, sent.start, said.start()) else None
    got = later or earlier or own or _year_of_outlook(ctx, sent) or kept or ctx.memo.get("guided") or _next_guided(ctx)
    if got:
        ctx.memo["guided"] = got
    return got


# "is scheduled to report third-quarter results on Oct. 21", "실적 발표를 앞두고": the quarter in view is not out yet
# ("ahead of the report" is no sign: a wire after the report says where shares closed ahead of it)
PREVIEW = regex.compile(r"\b(?:scheduled|set|slated|due|expected)\sto\s(?:report|announce|release|post)\b"
                        r"|실적\s?발표를?\s?앞두|실적\s?발표\s?예정", regex.IGNORECASE)


def _year_of_outlook(ctx: Ctx, sent: Sentence) -> str | None:
    """The year in view, when the sentence before in the paragraph spoke of a full-year outlook."""
    prev = _before_in_paragraph(ctx, sent)
    if prev is None or not ctx.focus or not FULL_YEAR_BEFORE.search(ctx.lay.scan, prev.start, prev.end):
        return None
    return ctx.focus.split("Q")[0]


def _before_in_paragraph(ctx: Ctx, sent: Sentence) -> Sentence | None:
    """The sentence before `sent`, when it stands in the same paragraph."""
    prev = ctx.lay.sentences[sent.index - 1] if sent.index else None
    return prev if prev is not None and prev.para == sent.para else None


def _next_guided(ctx: Ctx) -> str | None:
    """What an undated company forecast is for: the quarter after the one reported, or in a preview written before
    the report, the quarter in view itself."""
    if not ctx.focus or "Q" not in ctx.focus:
        return None
    if "preview" not in ctx.memo:
        ctx.memo["preview"] = bool(PREVIEW.search(ctx.lay.scan))
    if ctx.memo["preview"]:
        return ctx.focus
    if "outlook span" not in ctx.memo:  # once per article: does it speak of a year's outlook and of no quarter's
        scan = ctx.lay.scan
        ctx.memo["outlook span"] = "year" if YEAR_OUTLOOK.search(scan) and not QUARTER_OUTLOOK.search(scan) else "quarter"
    # "The company still expects net sales growth of around 8 percent" in a story on a reaffirmed 2023 outlook
    return ctx.focus.split("Q")[0] if ctx.memo["outlook span"] == "year" else CAL.shift_quarter(ctx.focus, 1)


# an article that speaks of a year's outlook and no quarter's dates its undated company forecasts to the year
YEAR_OUTLOOK = regex.compile(r"\b(?:full[\s-]year|(?:annual|20\d\d|fiscal(?:\syear)?\s20\d\d)(?:\s[\w-]+){0,4}?\s(?:outlook|guidance|forecast))\b"
                             r"|연간\s?(?:가이던스|전망|실적\s?전망)", regex.IGNORECASE)
QUARTER_OUTLOOK = regex.compile(r"\b(?:(?:next|current|coming|upcoming|first|second|third|fourth)[\s-]quarter|Q[1-4])"
                                r"(?:\s[\w-]+){0,3}?\s(?:outlook|guidance|forecast)\b|\bfor\sthe\s(?:next|current|coming|upcoming)\squarter\b"
                                r"|다음\s?분기|[1-4]분기\s?(?:가이던스|전망)", regex.IGNORECASE)


# Korean companies give their guidance for the year: "연초 제시한 가이던스인 매출 9.7조원", "연간 실적 목표는 …", and a
# revision "매출액은 기존 7조8천억 원에서 7조5천억 원 … 으로 각각 수정했다" after a sentence on the year's guidance
KO_PLAN = regex.compile(r"가이던스|(?:연간|경영|실적|올해|연간\s?실적)\s?목표|연초\s?(?:에\s?)?제시한")
KO_REVISED = regex.compile(r"기존\s?(?:의\s?)?\d")
KO_PLAN_WORDS = ("가이던스", "목표", "기존", "제시")  # one of them stands in any sentence the two patterns match


def _ko_plan_year(ctx: Ctx, sent: Sentence, m: Mention, refs: list[PR.PeriodRef]) -> str | None:
    """The year in view for a Korean company's plan figure whose sentence names no period."""
    if not ctx.focus or refs:
        return None  # a period the sentence names ("2025년 … 가이던스를 40% 증가로") dates the plan as it does any figure
    scan = ctx.lay.scan
    planned = KO_PLAN.search(scan, sent.start, m.start) is not None
    if not planned and KO_REVISED.search(scan, sent.start, m.end) and (prev := _before_in_paragraph(ctx, sent)):
        planned = KO_PLAN.search(scan, prev.start, prev.end) is not None
    return ctx.focus.split("Q")[0] if planned else None
