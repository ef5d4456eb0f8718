"""The period of a figure, whether it is a forecast, and which figures are bases that date only themselves.

A company's own forecast is dated in guided_period.py, a heading's or table corner's period read in heading_period.py,
and the marks of a comparison's base are in comparison_bases.py."""
from __future__ import annotations

import regex

from .base_dated import outside_bases
from ..numbers.parse import Mention
from . import assign as A
from .line_kinds import GUIDANCE_LEAD
from . import cadence as CD
from . import figure_period as FP
from .. import calendar as CAL
from . import compare as C
from . import periods as PR
from . import full_year as FY
from . import spans as SP
from .article_context import Ctx
from .article_periods import focus_for, fy_end, is_past
from .comparison_bases import (BASE_MARK, PRIOR_YEAR_MARK, compared_now, from_level_back, last_years_quarter,
                               relative_from, year_ago_after)
from .guided_period import guided_period
from .heading_period import corner_quarter, heading_grain, heading_period
from .arrow_base import arrow_base, series_year
from .period_marks import SAME_SPAN, glossed_base, marked_cumulative, running_total_base, year_bracketed, echoed_bracket
from .headings import heading_text
from .hangul import FINAL_N, closing_on
from .closing import close_day
from .compared_list import compared_list
from .prior_base import position, prior_period
from .forecast_said import FORECAST_SAID, forecast_goes_on, said_of
from .tables import column_period, relative_column, versus_period
from ..vocab import taxonomy

T = taxonomy()
# figures that belong to a reporting period, so an undated one is about the quarter the article covers
DATED_METRICS = T.has("dated")
HEADING_DATED = T.has("heading_dated")  # dated flows a section heading's period dates
RUNNING_SPAN = T.has("running_span")  # cash-flow lines, stated year to date
# a user or customer base is counted at a quarter's end; downloads in a launch week are not
USER_BASE = regex.compile(r"고객|이용자|가입자|사용자|MAU|DAU|users|subscribers|customers|accounts", regex.IGNORECASE)
INHERENT_ESTIMATE = T.has("forecast")
IN_BRACKETS = regex.compile(r"\([^()]*$")  # the figure sits in an open bracket: an aside
OPEN_BRACKET = ("(",)  # IN_BRACKETS needs one (Ctx.in_sentence)
FROM_WORD = regex.compile(r"\s?\p{Hangul}{1,5}에서\s")
# "전망을 종전 1조3,300억엔에서 1조4,300억엔으로": the old forecast is still a forecast
THIS_YEAR = regex.compile(r"올해|금년|올\s?한\s?해|this\syear", regex.IGNORECASE)  # the year in view, said as such
OLD_FORECAST = regex.compile(r"종전|기존|이전|previous|prior|earlier|old", regex.IGNORECASE)
# "1~3분기 누계 영업이익은 1922억 원으로 … 감소했다. 매출액은 12.2% 줄어든 2조 2297억 원이다": a sentence that opens on a
# bare metric and states its change with its level ("다만 영업이익은 1984억원에서 1579억원으로") goes on with the
# running total before it
GOES_ON = regex.compile(r"\s*(?:(?:다만|또한|반면)\s)?(?:매출액?|영업이익|순이익|당기순이익)(?:은|는|도)\s"
                        r"(?:[\d.,]+%\s?(?:줄어든|늘어난|감소한|증가한)\s|[\d,.]+\s?[조억][\d,.억만]{0,8}\s?원?에서\s)")


def _goes_on(ctx, sent) -> bool:
    return GOES_ON.match(ctx.lay.scan, sent.start, sent.end) is not None


# "영업이익률은 9.5%, 6.0%로 줄었다": a rate, then the rate it moved to (not a list of two metrics' rates, '각각')
COMMA_FROM = regex.compile(r"%,\s?[-+]?[\d.]+\s?%\s?(?:으로|로)\s(?:\S+\s)?(?:줄|감소|하락|늘|증가|상승|개선|악화|떨어|올랐|낮아|높아|축소|확대)")
FROM = regex.compile(r"\s?(?:에서|에\s?이어|→|->)")  # and "2분기에 기록한 매출 1조945억원에 이어": a figure outdone
# a section that is the outlook and nothing else: "Positive Outlook", "Q4 Guidance", "■ 가이던스"
OUTLOOK_SECTION = regex.compile(r"^\W*(?:[\w'’-]+\s){0,3}(?:outlook|guidance)\W*$|^\W*(?:\S+\s){0,2}가이던스\W*$", regex.IGNORECASE)
# a guidance that names no period, in the story of a half, is the year's (a half is not guided on its own)
GUIDED_SENTENCE = regex.compile(r"\b(?:guidance|outlook)\b|가이던스", regex.IGNORECASE)
GUIDANCE_HEAD = regex.compile(r"\b(?:guidance|outlook|forecasts?)\b|가이던스|전망", regex.IGNORECASE)


YTD_HEAD = regex.compile(r"(?<![\w-])[69]M\s?\d|\bYTD\b|누적|누계|year[\s-]to[\s-]date|nine\smonths", regex.IGNORECASE)


def date(ctx: Ctx, sent, m: Mention, clause, metric: str, cue_metric: str, ent: str | None, cell, header: str,
         carry: dict, change: bool, others: list[int]) -> tuple[str | None, bool, str, list[PR.PeriodRef]]:
    """(period, estimate, grain, the sentence's period phrases) for figure m, typed as metric."""
    lay, lex, scan, line = ctx.lay, ctx.lex, ctx.lay.scan, sent.line
    own_fy = fy_end(lex, ent, ctx)  # the company's fiscal year, which says when its periods end
    focus = focus_for(ctx, own_fy)
    fy = own_fy if metric != "market_share" else None  # market trackers count calendar quarters
    refs = ctx.periods_in(sent.start, sent.end, fy)
    if "(" in scan[sent.start:sent.end]:
        refs = outside_bases(scan, refs, m.start, m.end)
    hp = PR.header_period(header, fy) if header else None
    if cell and not (hp and hp[0]) and not (T.is_growth(metric) or change) \
            and (rel := relative_column(lay, line, cell[0], fy)) is not None:
        hp = rel  # "| 2025년 4분기 | 직전 분기 | 전년 동기 |": a column a quarter or a year back from the dated one
    if cell and not (hp and hp[0]) and cell[1].row_label and (rp := PR.header_period(cell[1].row_label, fy))[0]:
        hp = rp  # "| 2023 | 1,737.8 | 106.9 |": a table whose rows are its years
    if cell and not (hp and hp[0]) and (cp := PR.header_period(ctx.lay.captions.get(line, ""), fy))[0]:
        # "Exhibit 2: business areas, Q3 25" over "| Business area | Orders (%) | Revenues (SEK m) |" (and over
        # "| FHS est. | Cons. |": the caption's quarter, in columns of forecasts)
        hp = (cp[0], bool(hp and hp[1]))  # (a caption "… vs estimates" names what some columns hold, not every cell)
    if cell and (T.is_growth(metric) or change) and (vs := versus_period(lay, line, cell[0], fy)) is not None:
        hp = vs  # "| Q3 2025 | … | % vs Q2 2025 |": the latest column's change, not the base's
    elif cell and not (hp and hp[0]) and (T.is_growth(metric) or change):
        hp = column_period(lay, line, cell[0], fy)
    if hp and hp[0] and hp[0].isdigit() and cell:
        hp = corner_quarter(lay, line, hp, fy)
    dated_kind = metric in DATED_METRICS or (metric == "count" and USER_BASE.search(scan, clause[0], m.start) is not None)
    carried = carry["period"] if dated_kind else None
    ytd_carried = carried is not None and carry.get("period_grain") == "ytd"
    if ytd_carried and (not (change or T.is_growth(metric))
                        or (T.growth_of(metric) or metric) != carry.get("period_metric", metric)) \
            and not SAME_SPAN.search(scan, sent.start, sent.end) and not _goes_on(ctx, sent) \
            and (T.growth_of(metric) or metric) not in RUNNING_SPAN and not carry.get("span_topic"):
        # a running total's span carries to how it changed, not to whatever amount or other metric comes next,
        # unless the sentence measures against "the same period" ("영업이익은 8034억원으로 작년 같은 기간 6032억원보다")
        carried = None
    if carried and focus and "Q" in carried and carried != focus and carry.get("period_estimate") and not is_past(ctx, carried, own_fy) \
            and not ctx.per_sentence("estimate", sent, lambda s: bool(A.ESTIMATE.search(scan[s.start:s.end]))) \
            and not FORWARD.search(scan, sent.start, sent.end) and not GUIDANCE_HEAD.search(heading_text(ctx, line)):
        carried = focus  # "Guidance for Q2 projects 68%. Revenue in the Cloud segment surged 99%": a result, back to now
    if carried and focus and carried != focus and compared_now(ctx, sent, carried, focus, own_fy):
        carried = focus  # "지난해 3분기에는 ... 5,060억원. 영업이익률은 5.1%로 1년 전(3.4%)보다": a sentence measured
        # against the past is about now, whatever past the sentence before dwelt on
    period, estimate, grain = FP.period(refs, m, clause, carried, focus, hp, others,
                                       daily=metric in ("stock_price", "price_change"), last=carry.get("last"),
                                       scan=scan, change=change or T.is_growth(metric))
    if cell and grain == "year" and header and YTD_HEAD.search(header):
        grain = "ytd"  # "| Q3 25 | 9M 25 | FY25E |": the nine months' column is the running total, not the year
    if period and focus and "Q" in focus and period == focus.split("Q")[0] and grain != "ytd" and not ytd_carried \
            and any(r.relative == "year_ago" and r.grain == "quarter" and r.start >= clause[0] for r in refs) \
            and any(r.grain == "year" and r.period == period and THIS_YEAR.fullmatch(scan, r.start, r.end) for r in refs):
        # "작년 동기 113억원에서 올해 209억원으로": this year's same quarter, against last year's (not "fiscal 2024 net
        # revenue … from the prior-year period": a year named outright is that year)
        period = focus
    if ytd_carried and carried and (base := running_total_base(scan, sent, m, clause, refs, carried, period)):
        period, grain = base, "ytd"
    if (guided := guided_period(ctx, sent, m, clause, refs, metric, period)) is not None:
        period = guided
    if period is not None and period == carried and not grain and ytd_carried:
        grain = "ytd"  # a running total's year, carried from the sentence that named the span
    if period is None and metric in HEADING_DATED and not cell and (head := heading_text(ctx, line)):
        # a section headed "FQ1 recap" or "3분기 실적" dates the undated figures under it
        titled = ctx.lay.headings.get(line, -1) <= ctx.lay.title_line() + 2  # the story's headline, not a section's
        period = heading_period(ctx, head, own_fy, result=not estimate, title=titled)
        grain = "ytd" if period and heading_grain(ctx, head, own_fy, result=not estimate, title=titled) == "ytd" else grain
        if period and len(head) > LONG_HEAD and not estimate and not is_past(ctx, period, own_fy):
            period = None  # a lead sentence taken for a heading ("… while providing a Q2 outlook") dates no result by its outlook
    is_from = FROM.match(scan, m.end, m.end + 4) is not None
    comma_from = not is_from and COMMA_FROM.match(scan, m.end - 1, min(sent.end, m.end + 40)) is not None \
        and "각" not in scan[sent.start:m.start]
    is_from = is_from or comma_from
    starts_change = is_from or FROM_WORD.match(scan, m.end, m.end + 10) is not None
    if starts_change:
        ctx.bases.add(position(lay, m))  # "177억원 영업손실에서 흑자로": where a change starts
    if not T.is_growth(metric) and not change:
        period = prior_period(ctx, sent, m, clause, refs, period, focus, metric in DATED_METRICS and not cell)
    if period is None and focus and not T.is_growth(metric) and not change and PRIOR_YEAR_MARK.match(scan, m.end):
        period = focus  # "(26.8% vs 32.6% PY)" in a sentence that names no period: the year before the one in view
    # (not "fell 9.9% to $14.21bn from a year earlier": the level a change arrived at, the phrase the change's base)
    if period and period == focus and not T.is_growth(metric) and not change and year_ago_after(scan, m, refs) \
            and not FP.ARRIVED_AT_LEVEL.search(scan, max(sent.start, m.start - 40), m.start):
        period = CAL.shift_quarter(period, -4) or period  # "… or $5.40 per share in the same period last year"
        ctx.bases.add(position(lay, m))  # a base: its year-ago period is carried to no later sentence
    if not T.is_growth(metric) and not change and not cell and (listed := compared_list(scan, sent, m, refs)):
        # "… compared with net income of $310 million and EPS of $0.24 for the three months ended …": bases all
        period = listed[0] if listed[1] else period
        ctx.bases.add(position(lay, m))
    if period and focus and not T.is_growth(metric) and (ago := last_years_quarter(scan, sent, m, refs, period, focus)):
        period = ago
        ctx.bases.add(position(lay, m))  # "versus last year's $1.3 billion": a base, carried to no later sentence
    if period and not T.is_growth(metric) and not change and (
            ago := glossed_base(scan, sent, m, period)
            or arrow_base(scan, lay.sentences[sent.index - 1] if sent.index else None, sent, m, period)):
        period = ago
        ctx.bases.add(position(lay, m))
    if period is None and focus and dated_kind and not cell and not is_from:
        period, grain = focus, ctx.focus_grain or grain
    if period and not T.is_growth(metric) and (ago := year_bracketed(scan, sent, m, period) or echoed_bracket(scan, sent, m, refs)):
        period = ago  # "(2024: 51.3 per cent)": a prior-year level, whatever moved in the words before it
        ctx.bases.add(position(lay, m))
    back = (lay.sentences[max(0, sent.index - 3)].start, sent.start) if sent.index else None  # the few sentences before
    if period and (earlier := series_year(scan, back, sent, m, period)) is not None:
        period = earlier  # "15.9%(4529억원)→ 24.6%(8783억원)→ 28.4%": a year back per arrow after the figure
        ctx.bases.add(position(lay, m))
    if starts_change and period and not cell and (started := from_level_back(scan, sent, m, period, refs)):
        period = started  # "영업이익은 1984억원에서 1579억원으로 20.4% 감소했다": the change started a year back
    if comma_from and not cell and period in (None, focus) and (now := period or (focus if dated_kind else None)):
        # "영업이익률은 9.5%, 6.0%로 줄었다": the first of a comma-joined pair the sentence moves to the second is where
        # it started, a year back (a quarter back if the sentence compares with the quarter before)
        q = C.QOQ.search(scan, sent.start, sent.end) is not None and "Q" in now
        period = CAL.shift_quarter(now, -1 if q else -4) or now
    if is_from and not cell and (started := relative_from(scan, m, refs)):
        period = started  # "전년 87억원에서 지난해 715억원으로": a year before the year it arrived at
    if (now := period or focus) and "Q" in now and dated_kind and not cell \
            and PCT_ARROW.search(scan, max(sent.start, m.start - 16), m.start) and ARROW_AFTER.match(scan, m.end, m.end + 4):
        # "영업이익은 190.1%(157억→456억원) 증가": the growth's own from-to, starting a year back (a quarter, if it says so)
        q = C.QOQ.search(scan, sent.start, sent.end) is not None
        period = CAL.shift_quarter(now, -1 if q else -4) or now
    if ctx.per_sentence("horizon", sent, lambda s: bool(SP.MAYBE_HORIZON.search(scan, s.start, s.end))) \
            and SP.horizon_near(scan, clause, m.start, m.end, refs):
        period, grain = None, "horizon"  # "향후 3년간 24조원": a plan over years, neither that span nor the quarter in view
    if period and ("Q" in period or "H" in period) and not T.is_growth(metric) and T.family(metric) != "stock":
        line_start = lay.line_starts[lay.line_of(m.start)]
        span = CD.ANNUAL.search(scan, max(clause[0], line_start), m.start + 2) \
            or (CD.ANNUAL.search(scan, max(sent.start, line_start), m.start + 2) if grain not in ("quarter", "half") else None)
        # ("연간 685억 원 규모였던 … 매출액은 3분기 67억 원": a quarter named after the span word is the figure's own)
        if span is not None and not any(span.end() <= r.start < m.start and r.grain in ("quarter", "half") for r in refs) \
                and not any(r.start <= span.start() < r.end for r in refs):  # ("the first half of its 2025/26 fiscal year")
            period = regex.split(r"[QH]", period)[0]  # "연간 영업이익 전망": a full year's figure in a quarterly story takes that year
        elif FY.year_named(ctx, sent, m, clause, refs, level=True):
            period = regex.split(r"[QH]", period)[0]  # "For the year, revenue rose 24% to $63.9 billion"
    elif period and ("Q" in period or "H" in period) and FY.year_named(ctx, sent, m, clause, refs, level=False):
        period = regex.split(r"[QH]", period)[0]  # "Full-year revenue rose about 12%": a growth over the year, not the quarter
    if period and period == focus and "H" in period and not refs and not cell \
            and GUIDED_SENTENCE.search(scan, sent.start, sent.end):
        period = period.split("H")[0]  # "Guidance for EPS growth was left at 8-10%" in a half's story: the year's plan
    if period and (so_far := marked_cumulative(scan, sent, m, period)):
        period, grain = so_far, "ytd"
    if period and period == focus and "Q" in period and not refs and not cell and is_past(ctx, period, own_fy) \
            and not _said_on_line(ctx, carry, period, line) \
            and (OUTLOOK_SECTION.search(head := heading_text(ctx, line)) or GUIDANCE_LEAD.search(head)):
        # "Positive Outlook" over "• Total revenue of $585 million to $587 million": a section of guidance that names
        # no period guides the quarter after the one the story reports, never that reported quarter itself
        # ("2025 Full-Year Outlook" guides the year it names)
        # (and "… forecast for the entire year. It now anticipates:" guides the year the story's quarter is in)
        period = heading_period(ctx, head, own_fy) or (period.split("Q")[0] if CD.ANNUAL.search(head) else None) \
            or CAL.shift_quarter(period, 1) or period
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
    said = said_of(ctx, sent, m) or forecast_goes_on(ctx, sent, carry, period)
    if said or guided is not None or (cell and hp and hp[1]):
        estimate = True  # and "| Analyst Estimate |": a column of forecasts, whatever the row
    if metric == "surprise":
        estimate = False  # how far a result beat or missed the forecast is a fact about the result
    elif metric == "stock_price":
        estimate = False  # a quoted price is a fact even in a sentence about targets
        if period is None:
            # (and "| Share price (11 Nov 2025 close) |": a column that says which day's close it holds)
            period = close_day(scan, sent.start, sent.end, ctx.art.published) \
                or (close_day(header, 0, len(header), ctx.art.published) if cell and header else None)
        elif not cell and len(period) < 7 and (day := close_day(scan, sent.start, sent.end, ctx.art.published)):
            period = day  # "the 11 November close of €116.03 puts the stock on 22.0x FY26E": the day, not the multiple's year
    elif metric == "market_cap" and period is None and not cell:
        period = close_day(scan, sent.start, sent.end, ctx.art.published)  # "시가총액은 이날 8조7787억원으로": that day's
    elif metric == "price_change" and ("Q" in period if period else True) and not cell:
        # "shares rose 9.3% after reporting first-quarter results": a day's move, not the quarter it reacts to
        period = close_day(scan, sent.start, sent.end, ctx.art.published)
    if metric == "price_change" and estimate and not (isinstance(said, regex.Match) and said.start() < m.start):
        estimate = False  # "shares fell nearly 2% after Merck lowered its revenue forecast": the move happened
    superseded = is_from and OLD_FORECAST.search(scan, max(clause[0], m.start - 12), m.start)
    if estimate and not said and guided is None and metric not in INHERENT_ESTIMATE and cue_metric != "_consensus" and not superseded \
            and (is_past(ctx, period, own_fy) or is_from) and not (hp and hp[1]):
        estimate = False  # the start of a from-to change is where things stand, not a forecast
    elif estimate and said and is_from and not superseded and period and is_past(ctx, period, own_fy) \
            and metric not in INHERENT_ESTIMATE and cue_metric != "_consensus":
        estimate = False  # "2024년 34.3%에서 2025년 36.7%로 증가할 전망입니다": a forecast's past start is a fact
    if (ctx.in_sentence(OPEN_BRACKET, sent) and IN_BRACKETS.search(scan, max(clause[0], m.start - 30), m.start)) \
            or (not change and BASE_MARK.search(scan, max(sent.start, m.start - 24), m.start)):
        ctx.bases.add(position(lay, m))  # an aside, or "a 3% decrease from $3.147 billion in Q3 2024": its period goes no further
    if said and period and period == focus and not refs and (year := carry.get("forecast_year")) and focus.startswith(year) \
            and FORECAST_SAID.search(scan, sent.start, sent.end):
        period = year  # "올해 매출을 최대 4612억엔으로 전망했다. 영업이익은 최대 1331억엔에 이를 것으로": the same year's plan
    if period and period == focus and not any(r.period == period for r in refs) \
            and ctx.per_sentence("background", sent, lambda s: BACKGROUND.search(scan, s.start, s.end) is not None):
        period = None  # "앞서 … 기술료 약 207억원을 받을 예정이라고 지난 5월 공시한 바 있다": an earlier disclosure, of no span in view
    return period, estimate, grain, refs




def _said_on_line(ctx: Ctx, carry: dict, period: str, line: int) -> bool:
    """Whether the period was carried from a sentence of the figure's own line that named it ("For the quarter, orders
    … . Revenue of $8.0 billion was up 30%"): the paragraph reports that quarter, whatever plan heads the section."""
    return carry.get("period") == period and bool(carry.get("period_at")) and carry["period_at"][0] >= ctx.lay.line_starts[line]


PCT_ARROW = regex.compile(r"\d%\s?\($")
ARROW_AFTER = regex.compile(r"\s?(?:원|달러)?\s?(?:→|->)")
# what else keeps a sentence on the forecast before it: the analysts' view of the guided quarter, a conditional
FORWARD = regex.compile(r"\b(?:analysts?|consensus|expected|estimates?|looking\sfor|would|sees?|forecasts?|guid\w+)\b"
                        r"|컨센서스|예상|전망|추정|예측|가이던스", regex.IGNORECASE)
# a sentence retelling what was said before ("앞서 …", "… 공시한 바 있다"): background, not the period's results
# ("밝힌 바 있다", "공시한 바 있다": any verb's past adnominal, a syllable closing on ㄴ, before 바)
BACKGROUND = regex.compile(r"(?:^|(?<=\s))앞서\s|(?:[" + closing_on(FINAL_N) + r"]|했던)\s?바\s?있(?:다|으며|고)")
LONG_HEAD = 100  # characters: a "heading" longer than this is a body sentence standing first, not a title
