"""What one sentence leaves for the next ones of its paragraph: the level it stated last, the company it made its
subject, the metric it named last, and the period it dated its figures by. build.extract calls this once per sentence."""
from __future__ import annotations

from typing import Any

import regex

from .. import calendar as CAL
from .. import vocab as L
from ..models import Claim
from . import fields_entity as FE
from .article_context import Ctx
from .company_names import DATA_SOURCE, HELD
from .figure_entity import INCLUDED, OBJECT_NAME, resolve_segment
from .layout import Sentence
from .span_carry import carry_span, framed

TIED_TO = regex.compile(r"\s?(?:관련|향|용)\s?(?:매출|수주|물량|판매|제품|부품)")
CAUSE_END = regex.compile(r"(?:영향|때문|덕분|탓|결과)(?:이)?다\.?\s*$")
NAME_SUBJECT = regex.compile(r"(?:은|는|이|가|도)(?!\p{Hangul})")
# "국내 게임대장주 크래프톤 PER(약18배)의 두 배에 가깝다": a company named as the yardstick of a comparison
# (the comparison on the name itself: "삼성전자는 작년보다" compares the subject with its own past)
PEER_AFTER = regex.compile(r"(?![은는이가도]\s)(?:\s?[^\s.,。]{1,8})?(?:\s?\([^()]{0,12}\))?(?:의\s?(?:두|세|네|\d+)\s?배|보다\s|대비\s|[와과]\s?비교|에\s?비해)")
TOPIC_AFTER = regex.compile(r"(?:은|는|이|가)(?!\p{Hangul})")


# segments that mark a measure or a set of books, no business line
BASES = ("adjusted", "standalone", "consolidated", "organic", "constant_currency")
OWN_RESULTS = regex.compile(r"\s?경우|\s?(?:(?:올해|지난해|올|작년)\s?)?(?:\d{2,4}년\s?)?(?:[1-4]\s?분기|[상하]반기|연간)?\s?(?:실적|매출|영업|순이익|이익|주가|목표주가)")


def carry_on(ctx: Ctx, sent: Sentence, made: list[Claim], own_ents: list[tuple[int, int, str]], carry: dict[str, Any]) -> None:
    """Update `carry` with what the sentence `sent`, whose claims are `made`, leaves for the next one."""
    lay = ctx.lay
    levels = [c for c in made if not c.change and not L.taxonomy().is_growth(c.metric) and c.unit != "%"]
    if levels:
        last = levels[-1]
        held = (last.entity, last.segment, last.line) if last.segment else None
        carry["stated"] = (last.metric, held)
    # the business line a level was last stated for, which 'the segment' a sentence or two on points back to
    lines = [c for c in made if c.segment and c.segment not in BASES and not c.estimate]
    if lines:
        carry["line_held"] = (lines[-1].entity, lines[-1].segment, lines[-1].line)
    subjects = _subjects(ctx, sent, made, own_ents)
    if (u := ctx.last_unknown_in(sent.start, sent.end)) is not None and (not subjects or u > subjects[-1][0]):
        subjects = []  # the sentence moved on to a company the vocabulary does not know ("HD현대미포도 ...")
        carry["entity"], carry["unknown"] = None, True
    elif subjects:
        carry["unknown"] = False
    if subjects:  # an index named in passing ('the broader KOSPI') is nobody a later sentence is about
        # "삼성물산은 삼성바이오로직스의 4공장이 ...": the name the sentence makes its topic, not one it holds
        # (a broker is the topic of its own call: "한국투자증권은 SK하이닉스의 목표주가를" is about SK hynix)
        topical = [e for e in subjects if TOPIC_AFTER.match(lay.scan, e[1], e[1] + 2) and not FE.BROKER.search(e[2])]
        who = (topical or subjects)[-1]
        # "전자소재사업부문도 삼성디스플레이의 신규 재료 채택 등에 힘입어 …": a sentence with no figure that names a company
        # only in the possessive, as a customer or a cause, leaves the story's subject where it was
        # ("오리온의 3분기 실적이 기대된다": its own results made the topic are about it)
        passing = not topical and not made and all(lay.scan.startswith("의", e[1]) and not OWN_RESULTS.match(lay.scan, e[1] + 1)
                                                   for e in subjects)
        if not passing and not (made and all(c.estimate for c in made) and FE.BROKER.search(who[2])):
            # a house whose forecasts the sentence gives is not what the next sentence is about
            carry["entity"] = resolve_segment(ctx, who[2], sent.start, sent.end)
            carry["entity_at"] = who[:2]
    # a change word or an estimate word names no metric a later sentence could be about
    cues = [c for c in ctx.cues_in(sent.start, sent.end) if L.taxonomy().says(c.metric) is None]
    if cues:
        carry["metric"] = cues[-1].metric
        carry["metric_at"] = (cues[-1].start, cues[-1].end)
    # only a quarter, half or month carries to the next sentence: a bare year is too loose a tie
    # what "같은 해", "the same period" and "다음 분기" point back to: a period some words named, not the default
    # ("영업이익이 152억원으로 전년 동기(영업손실 318억원) 대비 흑자 전환. 같은 기간 매출은": the period in view, not the
    # base; a sentence whose periods are all asides, "1분기(151억원)와 2분기(105억원)", leaves it as it was)
    main = [c.period for c in made if c.period and (c.line, c.column) not in ctx.bases and not CAL.compared_period(c)
            and not any(e[0] == "period" and e[1] in ("default", "carried") for e in c.evidence)]
    if main:
        carry["last"] = main[-1]
    # a base ("전분기(660억원)", "1년 전 925억 위안에서", "a year earlier") dates its own figure only
    # so does a running total's year ("1~3분기 누적 ... 지난해 같은 기간 대비 각각 26%, 1235% 증가")
    # nor does a period named only to compare ("the year-ago quarter's $2.39 billion"): the next sentence
    # is about the period in view again
    # (and "지난해 실적을 살펴보면 …": a year the sentence opens on as its frame goes on into the next)
    framed_year = YEAR_FRAME.match(ctx.lay.scan, sent.start, sent.end) is not None
    dated = [c for c in made if c.period and (not c.period.isdigit() or c.cadence == "ytd" or _closing_year(ctx, c) or framed_year)
             and (c.line, c.column) not in ctx.bases and not CAL.compared_period(c)]
    if len({c.period for c in dated if c.cadence == "quarterly" and c.period and "Q" in c.period}) > 1:
        dated = []  # "fell 1% in Q1 FY26 and rose 2% in Q2 FY26": quarters side by side, none the one the next sentence is of
    if not made:
        carry_span(ctx, sent, carry)
    # a forecast of the year in view ("올해 매출을 … 전망했다") dates the forecasts of the next sentence that name no period
    years = [c.period for c in made if c.estimate and c.period and c.period.isdigit() and c.cadence != "ytd"
             and ctx.focus and ctx.focus.startswith(c.period) and _period_stated(c)]
    if made:
        carry["forecast_year"] = years[-1] if years else None
    if dated:
        src = dated[-1]
        # a frame once set holds while the sentences go on dating their figures by its span
        carry["span_topic"] = src.cadence == "ytd" and (framed(ctx, sent, carry, src.period) or (
            bool(carry.get("span_topic")) and carry.get("period") == src.period))
        carry["period"], carry["period_grain"] = src.period, "ytd" if src.cadence == "ytd" else ""
        carry["period_estimate"] = src.estimate
        carry["closing"] = (bool(src.period and src.period.isdigit()) or _closing_half(ctx, src)) and src.cadence != "ytd"
        carry["period_metric"] = L.taxonomy().growth_of(src.metric) or src.metric
        carry["period_at"] = (sent.start, src.evidence[2][3] if src.evidence else None)


YEAR_FRAME = regex.compile(r"\W*(?:지난해|작년|전년|(?:19|20)\d\d\s?년)(?:의)?\s?(?:연간\s?)?(?:실적|성적)(?:을|은|만)?\s?(?:살펴보면|보면|따져보면)")


def _closing_year(ctx: Ctx, c: Claim) -> bool:
    """A year the article's quarter closes ("2023년 연결 기준 매출 2조6500억 원 … 전년과 비교해 매출은 43.4% 감소"): a
    fourth-quarter story reports the year too, and a sentence after one that states the year's results goes on with
    them until a quarter is named again. Only a year stated in its own sentence, not a forecast."""
    # and an annual-results story with no quarter in view ("2024년 실적에 따르면 … 매출 1조4070억원. 전년보다 매출은 5.6%")
    return bool((not ctx.focus or ctx.focus == f"{c.period}Q4") and not c.estimate and _period_stated(c))


def _closing_half(ctx: Ctx, c: Claim) -> bool:
    """A half the article's quarter closes ("올해 상반기 연결 기준 매출 4,477억 원 … ¶ 매출은 전년 동기 대비 6.5% 줄었지만"): a
    second-quarter story reports the half too, and a paragraph that opens on a bare metric goes on with it."""
    p = c.period or ""
    if p[-2:] not in ("H1", "H2") or c.estimate or not _period_stated(c):
        return False
    if ctx.focus is None:
        # ("오리온은 올해 상반기 연결 기준 매출액 1조5789억원 … ¶ 매출액은 … 전년 대비 7.6% 성장했다": a story about a half
        # that names no quarter reports that half, once it is over by the story's date)
        pub, end = ctx.art.published, CAL.period_end(p)
        return bool(pub and end and end < (pub.year, pub.month))
    return ctx.focus in (p, p[:-2] + ("Q2" if p.endswith("H1") else "Q4"))


def _period_stated(c: Claim) -> bool:
    """Whether the claim's period was named in its own sentence."""
    return any(e[0] == "period" and e[1] == "clause" for e in c.evidence)


def _subjects(ctx: Ctx, sent: Sentence, made: list[Claim], own_ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The companies the sentence names that a later sentence may be about: no index, no unit named as included,
    no house quoted for its view, no object of a verb, no subsidiary named only to explain."""
    lay, lex = ctx.lay, ctx.lex
    return [e for e in own_ents if (not (info := lex.entities.get(e[2])) or not info.index)
                and not INCLUDED.match(lay.scan, e[1], e[1] + 12)  # nor is a unit named as included
                and not DATA_SOURCE.match(lay.scan, e[1], e[1] + 16)  # nor a house quoted for its view
                and not OBJECT_NAME.search(lay.scan, max(sent.start, e[0] - 200), e[0])
                and not PEER_AFTER.match(lay.scan, e[1], min(sent.end, e[1] + 24))  # nor a peer measured against
                # nor a customer a line of sales is tied to ("폭스바겐 관련 매출이 저조한", "애플향 매출")
                and not TIED_TO.match(lay.scan, e[1], min(sent.end, e[1] + 6))
                # "자회사 한화오션 실적이 더해진 영향이다": a subsidiary named without a figure of its own is no subject
                # ("계열사인 HD현대마린엔진도 힘을 보탰다. 올해 3분기 808억원": one made the subject is)
                # but "조선 자회사 한화오션이 연결 실적에 들어온 영향이다" only explains the figures before it
                and not (not made and HELD.search(lay.scan, max(0, e[0] - 8), e[0])
                         and (not NAME_SUBJECT.match(lay.scan, e[1], e[1] + 2)
                              or CAUSE_END.search(lay.scan, sent.start, sent.end)))]
