"""The period of a figure, whether it is a forecast, and which figures are bases that date only themselves."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from . import assign as A
from . import cadence as CD
from . import figure_period as FP
from .. import calendar as CAL
from . import compare as C
from . import periods as PR
from . import spans as SP
from .article_context import Ctx
from .article_periods import focus_for, fy_end, is_past
from .headings import heading_text
from .closing import close_day
from .forecast_said import ANALYST_WORD, said_of
from .layout import Sentence
from .tables import column_period, versus_period
from ..vocab import taxonomy

T = taxonomy()
# figures that belong to a reporting period, so an undated one is about the quarter the article covers
DATED_METRICS = T.has("dated")
HEADING_DATED = T.has("heading_dated")  # dated flows a section heading's period dates
# a user or customer base is counted at a quarter's end; downloads in a launch week are not
USER_BASE = regex.compile(r"고객|이용자|가입자|사용자|MAU|DAU|users|subscribers|customers|accounts", regex.IGNORECASE)
INHERENT_ESTIMATE = T.has("forecast")
IN_BRACKETS = regex.compile(r"\([^()]*$")  # the figure sits in an open bracket: an aside
OPEN_BRACKET = ("(",)  # IN_BRACKETS needs one (Ctx.in_sentence)
FROM_WORD = regex.compile(r"\s?\p{Hangul}{1,5}에서\s")
# "전망을 종전 1조3,300억엔에서 1조4,300억엔으로": the old forecast is still a forecast
OLD_FORECAST = regex.compile(r"종전|기존|이전|previous|prior|earlier|old", regex.IGNORECASE)
FROM = regex.compile(r"\s?(?:에서|→|->)")
# "Micron also forecast an adjusted gross margin of about 68%", "expects revenue of $18.7 billion": the
# company's own guidance, in its sentence before the figure
GUIDED = regex.compile(r"\b(?:(?P<had>had\s)?(?P<v>forecast|forecasts|expects|expected|sees|projects|projected|project|guided|guides"
                       r"|predicts|predicted|anticipates)\b)(?:[^.;!?]|\.(?=\d)){0,160}$", regex.IGNORECASE)
FROM_BEFORE = regex.compile(r"\bfrom\s(?:the\s)?[$€£¥₩]?$", regex.IGNORECASE)
NOT_GUIDANCE_BEFORE = regex.compile(r"\b(?:beat|beating|topped|topping|missed|missing|exceeded|exceeding|above|below|than"
                                    r"|versus|vs\.?|surpassing|surpassed|ahead\sof|short\sof)\s(?:the\s|analysts['’]?\s)?$"
                                    r"|[\w]-$",  # "better-than-expected results": an adjective, not a forecast
                                    regex.IGNORECASE)
SAME_SPAN = regex.compile(r"(?:작년|지난해|전년)\s?(?:같은|동일)\s?기간|\bthe\ssame\speriod\b", regex.IGNORECASE)
GUIDANCE_HEAD = regex.compile(r"\b(?:guidance|outlook|forecasts?)\b|가이던스|전망", regex.IGNORECASE)
# GUIDED needs one of these verbs; most sentences hold none, so a sentence is looked at once for them
GUIDED_WORDS = ("forecast", "expect", "sees", "project", "guide", "predict", "anticipate")


def date(ctx: Ctx, sent, m: Mention, clause, metric: str, cue_metric: str, ent: str | None, cell, header: str,
         carry: dict, change: bool, others: list[int]) -> tuple[str | None, bool, str, list[PR.PeriodRef]]:
    """(period, estimate, grain, the sentence's period phrases) for figure m, typed as metric."""
    lay, lex, scan, line = ctx.lay, ctx.lex, ctx.lay.scan, sent.line
    own_fy = fy_end(lex, ent)  # the company's fiscal year, which says when its periods end
    focus = focus_for(ctx, own_fy)
    fy = own_fy if metric != "market_share" else None  # market trackers count calendar quarters
    refs = ctx.periods_in(sent.start, sent.end, fy)
    hp = PR.header_period(header, fy) if header else None
    if cell and (T.is_growth(metric) or change) and (vs := versus_period(lay, line, cell[0], fy)) is not None:
        hp = vs  # "| Q3 2025 | … | % vs Q2 2025 |": the latest column's change, not the base's
    elif cell and not (hp and hp[0]) and (T.is_growth(metric) or change):
        hp = column_period(lay, line, cell[0], fy)
    if hp and hp[0] and hp[0].isdigit() and cell:
        hp = _corner_quarter(lay, line, hp, fy)
    dated_kind = metric in DATED_METRICS or (metric == "count" and USER_BASE.search(scan, clause[0], m.start) is not None)
    carried = carry["period"] if dated_kind else None
    ytd_carried = carried is not None and carry.get("period_grain") == "ytd"
    if ytd_carried and (not (change or T.is_growth(metric))
                        or (T.growth_of(metric) or metric) != carry.get("period_metric", metric)) \
            and not SAME_SPAN.search(scan, sent.start, sent.end):
        # a running total's span carries to how it changed, not to whatever amount or other metric comes next,
        # unless the sentence measures against "the same period" ("영업이익은 8034억원으로 작년 같은 기간 6032억원보다")
        carried = None
    if carried and focus and carried != focus and _compared_now(ctx, sent, carried, focus, own_fy):
        carried = focus  # "지난해 3분기에는 ... 5,060억원. 영업이익률은 5.1%로 1년 전(3.4%)보다": a sentence measured
        # against the past is about now, whatever past the sentence before dwelt on
    period, estimate, grain = FP.period(refs, m, clause, carried, focus, hp, others,
                                       daily=metric in ("stock_price", "price_change"), last=carry.get("last"),
                                       scan=scan, change=change or T.is_growth(metric))
    if (guided := _guided(ctx, sent, m, clause, refs, metric, period)) is not None:
        period = guided
    if period is not None and period == carried and not grain and ytd_carried:
        grain = "ytd"  # a running total's year, carried from the sentence that named the span
    if period is None and metric in HEADING_DATED and not cell and (head := heading_text(ctx, line)):
        # a section headed "FQ1 recap" or "3분기 실적" dates the undated figures under it
        period = _heading_period(ctx, head, own_fy)
    is_from = FROM.match(scan, m.end, m.end + 4) is not None
    if is_from or FROM_WORD.match(scan, m.end, m.end + 10):
        ctx.bases.add(position(lay, m))  # "177억원 영업손실에서 흑자로": where a change starts
    if not T.is_growth(metric) and not change:
        back = C.PRIOR.search(scan, max(clause[0], m.start - 16), m.start)
        ahead = C.PRIOR_AFTER.match(scan, m.end, min(sent.end, m.end + 56))
        # a phrase opening the clause ("A year ago ..."), unless the clause was only cut short at the figure's reach
        # ("A year earlier, the automaker earned $3.06 billion": the lead's own comma cuts it off as a clause)
        lead = None if opened_by_reach(ctx, sent, clause[0]) else (
            C.PRIOR_LEAD.match(scan, clause[0], m.start) or LEAD_COMMA.match(scan, sent.start, m.start))
        prior = back or ahead or lead
        if not prior and C.FROM_BASE.search(scan, max(sent.start, m.start - 12), m.start) \
                and C.CHANGE_WORD.search(scan, sent.start, m.start) and not any(0 <= m.start - r.end <= 20 for r in refs) \
                and not any((0 <= r.start - m.end <= 6 or (r.start > m.end and YEAR_AGO_GAP.fullmatch(scan, m.end, r.start)))
                            and (r.relative in ("previous", "year_ago")
                                                           or (r.period and r.grain in ("quarter", "half"))) for r in refs):
            # ("up from $11.94 billion in the previous quarter", "from $56.72 billion in FY25 Q1" name their own quarter)
            # the change's own basis says how far back: "from the prior quarter" one quarter, else a year
            q = ctx.per_sentence("qoq", sent, lambda s: bool(
                C.QOQ.search(scan, s.start, s.end) or C.QOQ_AFTER.search(scan, s.start, s.end)))
            ctx.bases.add(position(lay, m))
            base = period or (focus if metric in DATED_METRICS and not cell else None)
            if base:
                period = CAL.shift_quarter(base, -1 if q else -4) or base
        # "전분기(4조7,000억원)": the relative period was already resolved to the quarter before
        if prior:
            ctx.bases.add(position(lay, m))
        if prior and not any(r.relative in ("previous", "year_ago") and prior.start() <= r.start < prior.end() for r in refs):
            base = period or (focus if metric in DATED_METRICS and not cell else None)
            if base and focus and base == CAL.shift_quarter(focus, -1) and any(
                    r.relative == "previous" and not prior.start() <= r.start < prior.end() for r in refs):
                # "versus $5.73 billion in the prior quarter and $3.24 billion in the comparable quarter last year":
                # the prior quarter was another figure's; this one's own phrase counts back from the reported quarter
                base = focus
            if base:
                period = CAL.shift_quarter(base, -4 if prior.lastgroup == "year" else -1) or base
    if period and period == focus and not T.is_growth(metric) and not change and _year_ago_after(scan, m, refs):
        period = CAL.shift_quarter(period, -4) or period  # "… or $5.40 per share in the same period last year"
        ctx.bases.add(position(lay, m))  # a base: its year-ago period is carried to no later sentence
    if period is None and focus and dated_kind and not cell and not is_from:
        period = focus
    if ctx.per_sentence("horizon", sent, lambda s: bool(SP.MAYBE_HORIZON.search(scan, s.start, s.end))) \
            and SP.horizon_near(scan, clause, m.start, m.end, refs):
        period, grain = None, "horizon"  # "향후 3년간 24조원": a plan over years, neither that span nor the quarter in view
    if period and "Q" in period and not T.is_growth(metric):
        line_start = lay.line_starts[lay.line_of(m.start)]
        if CD.ANNUAL.search(scan, max(clause[0], line_start), m.start + 2) \
                or (grain != "quarter" and CD.ANNUAL.search(scan, max(sent.start, line_start), m.start + 2)):
            period = period.split("Q")[0]  # "연간 영업이익 전망": a full year's figure in a quarterly story takes that year
    if metric in ("price_target", "upside"):
        period = None  # a target looks a year ahead from whenever it is set; the year its model uses is not its period
    if cue_metric == "_consensus":
        estimate = True
    elif metric in INHERENT_ESTIMATE or ctx.per_sentence("estimate", sent,
                                                         lambda s: bool(A.ESTIMATE.search(scan[s.start:s.end]))) \
            or (not cell and GUIDANCE_HEAD.search(heading_text(ctx, line))):
        # ("Key guidance numbers:" over "- 2025 adjusted EPS (new): at least $16.25": the list is the plan)
        # a running total so far this year ("1~9월 누적 수주액은 62억 달러로 목표의 98.3%") is already reported
        estimate = estimate or metric in INHERENT_ESTIMATE or (not is_past(ctx, period, own_fy) and grain != "ytd") \
            or bool(hp and hp[1])
    # "에프앤가이드는 ... 매출 2조2296억원 ... 거둘 것으로 전망했다", "(est. $75.55B)": a forecast said of this
    # figure stays one even when the quarter it is for is over by the article's date
    said = said_of(ctx, sent, m)
    if said or guided is not None:
        estimate = True
    if metric == "stock_price":
        estimate = False  # a quoted price is a fact even in a sentence about targets
        if period is None:
            period = close_day(scan, sent.start, sent.end, ctx.art.published)
    elif metric == "price_change" and ("Q" in period if period else True) and not cell:
        # "shares rose 9.3% after reporting first-quarter results": a day's move, not the quarter it reacts to
        period = close_day(scan, sent.start, sent.end, ctx.art.published)
    superseded = is_from and OLD_FORECAST.search(scan, max(clause[0], m.start - 12), m.start)
    if estimate and not said and guided is None and metric not in INHERENT_ESTIMATE and cue_metric != "_consensus" and not superseded \
            and (is_past(ctx, period, own_fy) or is_from) and not (hp and hp[1]):
        estimate = False  # the start of a from-to change is where things stand, not a forecast
    if (ctx.in_sentence(OPEN_BRACKET, sent) and IN_BRACKETS.search(scan, max(clause[0], m.start - 30), m.start)) \
            or (not change and BASE_MARK.search(scan, max(sent.start, m.start - 24), m.start)):
        ctx.bases.add(position(lay, m))  # an aside, or "a 3% decrease from $3.147 billion in Q3 2024": its period goes no further
    return period, estimate, grain, refs


# and "the $4.15 billion it generated in the same quarter last year"
BASE_MARK = regex.compile(r"\b(?:from|compared\s(?:with|to)|versus|vs\.?|against)\s(?:the\s)?(?:about\s|roughly\s|nearly\s)?[$€£¥₩]?$",
                       regex.IGNORECASE)
LEAD_COMMA = regex.compile(r"\s*(?:(?P<year>A\syear\s(?:ago|earlier)|In\sthe\syear-(?:ago|earlier)\s(?:quarter|period))"
                        r"|(?P<quarter>A\squarter\s(?:ago|earlier))),",
                        regex.IGNORECASE)
YEAR_AGO_GAP = regex.compile(r"\s?(?:per\sshare|a\sshare)?\s?(?:(?:(?:it|the\scompany|they)\s)?(?:generated|reported|posted|earned|made|had|booked"
                             r"|recorded)\s)?(?:in|during|for)?\s?(?:the\s)?", regex.IGNORECASE)  # "... for the first quarter of 2024"


def _compared_now(ctx: Ctx, sent: Sentence, carried: str, focus: str, fy: int | None) -> bool:
    """Whether a sentence compares with the past ("1년 전(3.4%)보다", "전년 대비") while the period carried into
    it is an earlier one than the article's."""
    then, now = CAL.period_end(carried, fy), CAL.period_end(focus, fy)
    return bool(then and now and then < now) and ctx.per_sentence(
        "compares", sent, lambda s: bool(C.PRIOR_IN.search(ctx.lay.scan, s.start, s.end)))


def _year_ago_after(scan: str, m: Mention, refs: list[PR.PeriodRef]) -> bool:
    """Whether "in the same period last year" follows the figure itself ("$5.40 per share in the same period
    last year"), not a bracket or another figure after it."""
    return any(r.relative == "year_ago" and 0 <= r.start - m.end <= 48 and YEAR_AGO_GAP.fullmatch(scan, m.end, r.start)
               for r in refs)


# "Q3 ($ in Millions, except EPS) | 2025 | 2024": a quarter named in the table's corner makes its year columns that quarter
CORNER_QUARTER = regex.compile(r"^\s*(?:Q([1-4])|([1-4])Q|(first|second|third|fourth)[\s-]quarter|([1-4])\s?분기)\b", regex.IGNORECASE)
ORDINAL_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _corner_quarter(lay, line: int, hp: tuple[str | None, bool], fy: int | None) -> tuple[str | None, bool]:
    corner = (lay.headers.get(line) or [""])[0]
    m = CORNER_QUARTER.match(corner) if corner else None
    if m is None or fy:
        return hp
    q = m[1] or m[2] or m[4] or ORDINAL_Q[m[3].lower()]
    return f"{hp[0]}Q{q}", hp[1]


def _guided(ctx: Ctx, sent, m: Mention, clause, refs: list[PR.PeriodRef], metric: str, period: str | None) -> str | None:
    """The period of a company's own forecast whose clause names none: "expects revenue of $18.7 billion, ...,
    for the fiscal second quarter" takes the quarter named later in the sentence; "also forecast a gross
    margin of about 68%" the quarter the article's last guidance was for; "had forecast $12.5 billion" the
    quarter now reported. None when the figure is no company guidance or its clause dates it."""
    scan = ctx.lay.scan
    if not ctx.in_sentence(GUIDED_WORDS, sent):
        return None  # no forecast verb in the sentence: GUIDED below cannot match
    said = GUIDED.search(scan, max(sent.start, m.start - 160), m.start)
    if said is not None and (NOT_GUIDANCE_BEFORE.search(scan, max(sent.start, said.start() - 16), said.start())
                             or regex.match(r"\s+of\b", scan[said.end("v"):said.end("v") + 4])):
        said = None  # "beating forecasts of $14.8 billion": the market's forecast, a noun
    if said is None or metric in ("stock_price", "price_target") or ANALYST_WORD.search(scan, max(sent.start, m.start - 200), m.start):
        return None  # "Analysts on average had expected $14.2 billion": the market's forecast, dated as consensus is
    if FROM_BEFORE.search(scan, max(clause[0], m.start - 12), m.start) or C.PRIOR_AFTER.match(scan, m.end, min(clause[1], m.end + 40)):
        return None  # "expects revenue to grow from the $124.3 billion it reported a year earlier": the base is history
    if period and any(clause[0] <= r.start < clause[1] and r.period and r.grain in ("quarter", "half", "year", "ytd") for r in refs):
        return period  # "anticipates revenues between $4.45 and $4.80 billion for the third quarter": dated, still a plan
    if said["had"]:
        return ctx.focus
    later = next((r.period for r in refs if r.start >= m.end and r.period and r.grain in ("quarter", "half", "year")), None)
    # "... in its current fiscal year 2026, up from the $1 billion and 0.75 point impact it projected": the span the
    # sentence names before the figure, when none follows it
    named = [r for r in refs if r.end <= m.start and r.period and not r.relative]
    # the finest span named: "For the December quarter, the first of fiscal 2026" is that quarter
    earlier = next((r.period for grain in ("quarter", "half", "year") for r in reversed(named) if r.grain == grain), None)
    got = later or earlier or ctx.memo.get("guided") or _next_guided(ctx)
    if got:
        ctx.memo["guided"] = got
    return got


# "is scheduled to report third-quarter results on Oct. 21", "실적 발표를 앞두고": the quarter in view is not out yet
# ("ahead of the report" is no sign: a wire after the report says where shares closed ahead of it)
PREVIEW = regex.compile(r"\b(?:scheduled|set|slated|due|expected)\sto\s(?:report|announce|release|post)\b"
                        r"|실적\s?발표를?\s?앞두|실적\s?발표\s?예정", regex.IGNORECASE)


def _next_guided(ctx: Ctx) -> str | None:
    """What an undated company forecast is for: the quarter after the one reported, or in a preview written before
    the report, the quarter in view itself."""
    if not ctx.focus or "Q" not in ctx.focus:
        return None
    if "preview" not in ctx.memo:
        ctx.memo["preview"] = bool(PREVIEW.search(ctx.lay.scan))
    return ctx.focus if ctx.memo["preview"] else CAL.shift_quarter(ctx.focus, 1)


WHOLE_YEAR = regex.compile(r"full[\s-]year|annual|연간|통기|\bFY\s?\d", regex.IGNORECASE)


def _heading_period(ctx: Ctx, head: str, fy: int | None) -> str | None:
    """The first quarter or half a heading names, read once per heading and calendar, not per figure under it."""
    key = ("heading period", head, fy)
    if key not in ctx.memo:
        # a year only where the heading says it means the whole year ("Full-year FY2026:", "연간 실적")
        hrefs = [r for r in PR.find(head, 0, len(head), ctx.art.published, fy)
                 if r.period and (r.grain in ("quarter", "half") or (r.grain == "year" and WHOLE_YEAR.search(head)))]
        ctx.memo[key] = hrefs[0].period if hrefs else None
    return ctx.memo[key]


def opened_by_reach(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """Whether pos is where the figure's reach cut its sentence short, rather than where a sentence or clause opens."""
    return pos == sent.start and pos != ctx.lay.sentences[sent.index].start


def position(lay, m: Mention) -> tuple[int, int]:
    li = lay.line_of(m.start)
    return li + 1, m.start - lay.line_starts[li] + 1
