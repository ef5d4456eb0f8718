"""'매출과 영업이익은 각각 X, Y': a respectively-list pairs its figures with the names before it, in order.

Nearness alone gives every figure of such a list the last name before the list, so the second
figure of 'revenue and operating income were X and Y respectively' came out as operating income
twice over. The names are metric cues (매출, 영업이익, revenue ...) or companies; when as many of
one kind stand before '각각'/'respectively' (or before the figures, for an English trailing
'respectively') as there are figures of one sort after it, the n-th figure takes the n-th name.
"""
from __future__ import annotations

import regex

from ..models import Claim
from .article_context import Ctx
from .metric_patterns import AFTER_DIRECTION
from ..vocab import taxonomy
from .. import vocab as L
from .business_lines import segment_id
from .implicit_lists import LEVELS, LOSS, implicit, level
from .regional_basis import kept_basis
from .regions import is_region, region_id

# and "전년 동기 대비 각 41.7%, 72.5%, 33.1% 증가": a bare 각 before the figures reads as 각각
EACH = regex.compile(r"각각|(?<=\s)모두(?=\s)|(?<=\s)각(?=\s[\d+\-△▲▼])|respectively", regex.IGNORECASE)



def pair(ctx: Ctx, sent, made: list[Claim], starts: dict[int, int]) -> list[Claim]:
    """The sentence's claims with a respectively-list's figures given their names in order.

    `starts` maps id(claim) to its offset in the article, so positions need not be worked out again.
    """
    scan = ctx.lay.scan
    if len(made) < 2:
        return made
    each = EACH.search(scan, sent.start, sent.end) or implicit(ctx, sent, made, starts)
    if each is None:
        return made
    # "매출액과 당기순이익은 3697억원, 224억원으로 각각 집계됐다": a Korean list may close on the word, as English does
    english = each.group().lower() == "respectively" or not any(each.end() <= starts[id(c)] for c in made)
    first_fig = min(starts[id(c)] for c in made)
    names_end = first_fig if english else each.start()
    # English closes the list with the word ("were $26 million and $421 million, respectively, and ..."):
    # the figures after it are not in the list
    figs = [c for c in made if each.end() <= starts[id(c)]] if not english \
        else [c for c in made if starts[id(c)] < each.start()]
    if not english:
        # "영업이익과 순이익은 681억원과 513억원으로 각각 60% 줄었다": the amounts between the names and the word are a list too
        # (not "매출액(1578억→2575억원)과 순이익(470억→781억원)도 각각": names with figures between them pair no amounts)
        said = ctx.cues_in(sent.start, each.start())
        stop = max((c.end for c in said), default=sent.start)
        if said and not any(said[0].start <= starts[id(c)] < stop for c in made):
            figs = [c for c in made if stop <= starts[id(c)] < each.start()] + figs
    # "매출액과 영업손실을 각각 1조8122억원과 960억원": a loss word names its metric, the figure after it a loss
    named = [level(c.metric) for c in ctx.cues_in(sent.start, names_end)]
    cues = _distinct([m for m in named if m])
    # "전분기(영업이익 2조4360억원, 영업이익 1712억원) 대비 매출과 영업이익이 각각 5.4%, 14.9%": the names after the last
    # figure before the list are the list's, not those of the figures on the way
    # (a level bracketed after its own name, "영업비용(24조3284억원)과 구입 전력비(…)는 각각", is part of the names)
    lead = max((starts[id(c)] for c in made if starts[id(c)] < names_end and scan[starts[id(c)] - 1] != "("), default=None)
    if lead is not None and not english:
        tail = _distinct([m for c in ctx.cues_in(lead, names_end) if (m := level(c.metric))])
        cues = tail if len(tail) >= 2 else cues
    where = "clause"
    if not cues and not english and sent.index and (prev := ctx.lay.sentences[sent.index - 1]).para == sent.para:
        # "매출액 1조218억원, 영업이익 330억원, 당기순이익 323억원을 기록했다. 전년 동기 대비 각각 15.9%, 35.2%, 29%
        # 감소했다": a list that names nothing pairs with the names of the sentence before
        cues, where = _distinct([c.metric for c in ctx.cues_in(prev.start, prev.end) if c.metric in LEVELS]), "carried"
    ents = _distinct([e[2] for e in ctx.entities_in(sent.start, names_end)])
    lines = _joined_lines(ctx, sent.start, names_end, english) if len(ents) < 2 else []
    if english and not lines and len(ents) < 2 and (after := EN_LINES_AFTER.search(scan, sent.start, each.start())):
        lines = _ids(ctx, after)
    out = {id(c): c for c in made}
    points = [c for c in figs if c.unit == "pp"]
    _closing_sign(out, points, scan, starts)  # "NIM이 각각 5bp, 4bp 하락했지만"
    if len(points) >= 2 and len(rates := [m for m in cues if m in taxonomy().by_family["ratio"]]) == len(points):
        # "영업이익률은 10.6%, 순이익률은 9.2%로 각각 4.3%포인트, 2.9%포인트 하락": each rate's change in its place
        for c, metric in zip(points, rates):
            out[id(c)] = _as(out[id(c)], metric, where)
    for kind in ("%", "money"):
        group = [c for c in figs if (c.unit == "%") == (kind == "%") and c.unit not in ("pp", "count")]
        if len(group) < 2:
            continue
        # the list ends at its clause's verb first: in "매출, 순이익은 각 26.4%, 1763.8% 늘었고 영업이익은 62.7% 줄었다"
        # the fall after the verb is no closing verb of the list
        group = _list_only(scan, group, len(cues), starts)
        if kind == "%":
            _closing_sign(out, group, scan, starts)  # "각각 8.2%, 22% 줄었다"
        if len(cues) == len(group):
            marked = _adjusted_names(ctx, sent.start, names_end) if where == "clause" else set()
            # "당기순이익과 세전이익은 각각 631억 원, 454억 원 순손실을 기록하며": a loss word closing the list makes
            # every figure of it a loss
            last = group[-1]
            closed = kind == "money" and LOSS_CLOSE.match(scan, starts[id(last)] + len(last.text)) is not None
            for c, metric in zip(group, cues):
                # ("매출액과 영업이익은 각각 191억원, 영업손실 22억원": a loss word right before its own figure)
                own = kind == "money" and LOSS_BEFORE.search(scan, max(0, starts[id(c)] - 12), starts[id(c)]) is not None
                out[id(c)] = _signed(_as(out[id(c)], metric.removeprefix(LOSS), where), metric.startswith(LOSS) or closed or own)
                if marked and metric not in marked and out[id(c)].segment == "adjusted":
                    # "revenue and adjusted income from operations … respectively": only the name marked is adjusted
                    ev = tuple(("segment", "none", None, None) if e[0] == "segment" else e for e in out[id(c)].evidence)
                    out[id(c)] = out[id(c)].model_copy(update={"segment": None, "evidence": ev})
        if len(ents) == len(group):
            for c, ent in zip(group, ents):
                out[id(c)] = out[id(c)].model_copy(update={"entity": ent})
        elif _by_metric(ents, [out[id(c)] for c in group]):
            # "HD현대삼호와 HD현대미포도 각각 매출 1조6435억 원과 1조776억 원, 영업이익 1776억 원과 1109억 원": a run
            # per metric, each run the companies in their order
            for i, c in enumerate(group):
                out[id(c)] = out[id(c)].model_copy(update={"entity": ents[i % len(ents)]})
        elif lines and (listed := _listed(group, lines, each.end(), english, starts)) \
                and (english or all(out[id(c)].segment == lines[-1] for c in listed) or all(is_region(x, ctx.lex) for x in lines)):
            # "베트남과 튀르키예 매출은 각각 702억원, 598억원": two lines named, each figure the line in its place
            # (and "유럽과 아시아는 각각 2%, 6% 늘었다": regions, each on the basis the figure was read on)
            for c, seg in zip(listed, lines):
                got = kept_basis(out[id(c)].segment, seg)
                ev = tuple(("segment", "clause", e[2] or c.line, got) if e[0] == "segment" else e for e in out[id(c)].evidence)
                out[id(c)] = out[id(c)].model_copy(update={"segment": got, "evidence": ev})
    return [out[id(c)] for c in made]


ADJUSTED_MARK = regex.compile(r"(?:adjusted|non-GAAP|core|조정)\s?$", regex.IGNORECASE)


def _listed(group: list[Claim], lines: list[str], after: int, english: bool, starts: dict[int, int]) -> list[Claim]:
    """The figures a list of lines pairs with: the group, or in Korean the figures after 각각 when only those match."""
    if len(group) == len(lines):
        return group
    if english and len(group) == len(lines) + 1:
        return group[1:]  # "£1,142m split into £550m, £348m and £289m for …": the total before its parts
    tail = [c for c in group if starts[id(c)] >= after]
    return tail if not english and len(tail) == len(lines) else []


def _by_metric(ents: list[str], group: list[Claim]) -> bool:
    """Whether the list is runs of one metric each as long as the list of companies."""
    n = len(ents)
    if n < 2 or len(group) <= n or len(group) % n:
        return False
    runs = [group[i:i + n] for i in range(0, len(group), n)]
    return all(len({c.metric for c in run}) == 1 for run in runs) and len({run[0].metric for run in runs}) == len(runs)


def _adjusted_names(ctx: Ctx, start: int, end: int) -> set[str]:
    """The metrics of a list's names that an adjusted mark stands right before ('adjusted income from operations')."""
    scan = ctx.lay.scan
    return {m for c in ctx.cues_in(start, end) if (m := level(c.metric))
            and ADJUSTED_MARK.search(scan, max(start, c.start - 12), c.start)}


# "…원으로 영업이익은 …" also closes it: a figure put to work by 으로 is the list's last
def _closing_sign(out: dict[int, Claim], group: list[Claim], scan: str, starts: dict[int, int]) -> None:
    """The verb after a list's last change turns every change of it: only the last was read as a fall. A change
    with its own verb ("각각 37.4% 증가, 70.9% 감소") keeps its own direction."""
    # (a last figure printed with its own minus, "+1%/-18% (YoY)", fell by its sign, not by a verb the list shares)
    if len(group) > 1 and group[-1].value < 0 and all(c.value > 0 for c in group[:-1]) and not SIGNED.match(group[-1].text):
        for c in group[:-1]:
            if AFTER_DIRECTION.match(scan[(end := starts[id(c)] + len(c.text)):end + 12]) or c.text.lstrip().startswith("+"):
                continue
            out[id(c)] = c.model_copy(update={"value": -c.value, "low": -c.high if c.high is not None else None,
                                              "high": -c.low if c.low is not None else None})


LIST_END = regex.compile(r"(?:였고|이었고|했고|이며|였으며|했으며|고|며|다|지만|으나|(?<=[원%])(?:으로|로))[\s.,]")


def _list_only(scan: str, group: list[Claim], n: int, starts: dict[int, int]) -> list[Claim]:
    """'각각 9조원, 1조4,235억원이었고 신한카드(1,338억원)...': the list ends with its clause's verb, so figures
    after that verb are not paired with its names."""
    if n < 2 or len(group) <= n:
        return group
    end = starts[id(group[n - 1])]
    nxt = starts[id(group[n])]
    return group[:n] if LIST_END.search(scan, end, nxt) else group


def _signed(c: Claim, loss: bool) -> Claim:
    """A money figure paired with a loss is negative, with a profit or revenue positive, unless its own text
    carries a sign ("△960억원")."""
    if c.unit == "%" or c.change or (c.value < 0) == loss or SIGNED.match(c.text):
        return c
    lo, hi = c.low, c.high
    return c.model_copy(update={"value": -c.value, "low": -hi if hi is not None else None, "high": -lo if lo is not None else None})


SIGNED = regex.compile(r"\s*[-−△▼(]")
LOSS_BEFORE = regex.compile(r"(?:순손실|영업손실|손실|적자|\bloss(?:\sof)?)\s?$", regex.IGNORECASE)
LOSS_CLOSE = regex.compile(r"\s?(?:의\s)?(?:순손실|당기순손실|영업손실|손실|적자)")


# "베트남과 튀르키예 매출은", "국내·해외 영업이익은": two or three names joined right before the list's metric (or
# before the division word they share, "정유, 석유화학, 윤활기유 부문 영업이익은")
JOINED_LINES = regex.compile(r"(?<![\p{L}\p{N}])(?P<a>\p{L}{2,10})(?:과|와|·|,|\s및)\s?(?P<b>\p{L}{2,10})"
                             r"(?:(?:과|와|·|,|\s및)\s?(?P<c>\p{L}{2,10}))?(?:\s?(?:사업\s?부문|사업부|부문))?"
                             # (or the names the topic of the list itself: "유럽과 아시아는 각각 2%, 6%")
                             r"(?:\s(?:매출액?|영업이익|순이익|영업손실)(?:은|는|이|가)?\s|(?:은|는|이|가)\s$)")


# "the International and Foodservice segments reported declines of 12.9% and 0.9%, respectively"
# and "Sales from Mixed-signal Microcontroller, Analog and Other made up 51.3%, 28.2% and 20.6% of net sales"
EN_NAME = r"[A-Z][\w&-]*(?:\s(?:&\s)?[A-Z][\w&-]*){0,2}?"
# (and "UPM Energy, UPM Raflatac and UPM Specialty Papers posted … €52mn, €34mn and €38mn, respectively": the lines
# opening the sentence as the subjects of its verb)
EN_JOINED_LINES = regex.compile(rf"(?:\b(?:[Tt]he|[Ii]ts)\s(?=(?:{EN_NAME},?\s){{1,2}}(?:and|&)\s{EN_NAME}\s(?:segments|divisions|businesses|units)\b)"
                                rf"|\b(?:[Ss]ales|[Rr]evenues?)\sfrom\s(?:the\s|its\s)?"
                                rf"|(?:^|(?<=\n)|(?<=[.;]\s))(?={EN_NAME},\s(?:{EN_NAME},?\s)?(?:and|&)\s{EN_NAME}\s(?:posted|reported|recorded|delivered"
                                rf"|generated|booked|had|saw)\b))"
                                rf"(?P<a>{EN_NAME}),?\s(?:(?P<b>{EN_NAME}),?\s)?(?:and|&)\s(?P<c>{EN_NAME})"
                                rf"(?:\s(?:segments|divisions|businesses|units)\b|(?=\s(?:made|accounted|were|represented|contributed|posted|reported"
                                rf"|recorded|delivered|generated|booked|had|saw)\b))")
# "£1,142m split into £550m, £348m and £289m for Safety, Environmental & Analysis and Healthcare respectively": the
# lines named after the figures, the list's last figures theirs in order
EN_LINES_AFTER = regex.compile(rf"\s(?:for|from|in)\s(?:the\s|its\s)?(?P<a>{EN_NAME}),?\s(?:(?P<b>{EN_NAME}),?\s)?(?:and|&)\s(?P<c>{EN_NAME})"
                               rf"(?:\s(?:segments|divisions|businesses|units|sectors))?,?\s$")


def _joined_lines(ctx: Ctx, start: int, end: int, english: bool = False) -> list[str]:
    """The line ids of the names joined before a respectively-list's metric."""
    rx = EN_JOINED_LINES if english else JOINED_LINES
    found = max(rx.finditer(ctx.lay.scan, start, end), key=lambda x: x.start(), default=None)
    if found is None:
        return []
    return _ids(ctx, found)


def _ids(ctx: Ctx, found: regex.Match[str]) -> list[str]:
    lex = ctx.lex
    # ("11% 줄었고, 유럽과 아시아는 각각": the clause before ends on a verb, no name of the list)
    return [L.topic(lex, n) or (region_id(n, lex) if n.lower() in lex.regions else segment_id(n))
            for n in (found["a"], found["b"], found["c"]) if n and not VERB_END.search(n)]


VERB_END = regex.compile(r"(?:었|았|였|했|겠)(?:고|으며|며|지만|으나)$|(?:하|되)(?:고|며)$")


def _distinct(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(xs))


def _as(c: Claim, metric: str, where: str = "clause") -> Claim:
    """The claim measuring `metric`: a percent that is a change takes the metric's growth."""
    if c.unit == "pp":
        if metric not in taxonomy().by_family["ratio"]:
            return c  # a change in points is a rate's
    elif c.unit == "%" and (c.change or taxonomy().is_growth(c.metric)):
        metric = taxonomy().growth(metric) or c.metric
    elif c.unit == "%" and metric not in taxonomy().by_family["ratio"]:
        return c  # a percent that is no change of a money metric and no rate named is something else: leave it
    elif c.unit != "%" and metric in taxonomy().by_family["ratio"]:
        return c
    if metric == c.metric:
        return c
    ev = tuple(("metric", where, e[2], e[3]) if e[0] == "metric" else e for e in c.evidence)
    return c.model_copy(update={"metric": metric, "evidence": ev})
