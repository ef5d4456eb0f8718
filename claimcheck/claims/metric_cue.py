"""A cue word found in a sentence, what a figure is typed as, and which cue a figure takes: shared by every branch of metrics.classify."""
from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

import regex

from ..numbers.parse import Mention
from .compare import ARRIVED_VERB
from .metric_patterns import GROWN, LEVELS_OR_PRICE, LEVELS_OR_RATIOS


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
# and "…to 16.9 per cent and segment margin contracted 50 basis points to 23.1 per cent": a metric its own change follows
OWN_FIGURE_AFTER = regex.compile(r"\s(?:of|was|were|at|totaled|reached|came\sto"
                                 r"|(?:contracted|expanded|rose|fell|increased|decreased|declined|grew|improved|narrowed|widened)(?:\sby)?)"
                                 r"\s(?:about\s|roughly\s)?[$€£¥₩]?\d", regex.IGNORECASE)


# "increased 7% to $2.33 billion (or 51.4% of sales)": the sales after the share are what the share is of, not the
# amount's measure (the amount is the subject's gross profit)
SHARE_BETWEEN = regex.compile(r"[\s,(]*(?:or\s|representing\s|equal\sto\s|equivalent\sto\s)?[\d.,]+\s?(?:%|per\s?cent)\s"
                              r"of\s(?:total\s|net\s)?", regex.IGNORECASE)


BEATEN = regex.compile(r"\s?(?:\([^()]{0,20}\)\s?)?(?:[을를에]|보다)\s?(?:\d[\d.,]*\s?%\s?)?(?:크게\s?|소폭\s?)?"
                       r"(?:상회|하회|웃돌|웃돈|밑돌|밑돈|넘어|넘었|넘는|뛰어넘)")


YARDSTICK = regex.compile(r"\b(?:beating|beat|topping|topped|above|below|missing|missed|exceeding|exceeded|surpassing|versus|vs\.?"
                          r"|against|compared\s(?:with|to))\s(?:the\s|analysts['’]?\s)?$", regex.IGNORECASE)


# "grew EBITDA … 23.0% to €187 million thanks to cost cuts": a cause named after the figure is no measure of it
CAUSE_BETWEEN = regex.compile(r"[\s,]+(?:thanks\sto|due\sto|because\sof|owing\sto|helped\sby|hurt\sby|driven\sby|"
                              r"weighed\sdown\sby|amid|on\s(?:higher|lower|strong|weak))\b", regex.IGNORECASE)
# another amount between a figure and a cue after it: the cue is that amount's
FIGURE_BETWEEN = regex.compile(r"[$€£¥₩]\s?\d|\d[\d.,]*\s?(?:bn|billion|million|mn|억|조)")


def nearest(cues: list[Cue], m: Mention, allowed: Container[str], clause: tuple[int, int], text: str = "") -> Cue | None:
    best, best_d = None, 10**9
    for c in cues:
        if c.metric not in allowed:
            continue
        if c.end <= m.start:
            d = m.start - c.end
        elif c.start >= m.end:
            if text and (OWN_FIGURE_AFTER.match(text, c.end, c.end + 24)
                         or SHARE_BETWEEN.fullmatch(text, m.end, c.start) or CAUSE_BETWEEN.match(text, m.end, c.start)):
                continue
            if c.metric == "_consensus" and text and (BEATEN.match(text, c.end, c.end + 24)
                                                      or YARDSTICK.search(text, max(0, c.start - 24), c.start)
                                                      or FIGURE_BETWEEN.search(text, m.end, c.start)):
                # "463억원으로 시장 전망치를 상회했다", "$647 million, ... beating the estimate of $291.1 million": the
                # figure beat the consensus, it is not one (nor is "€10.87bn" in "€10.87bn beat the €10.74bn consensus")
                continue
            d = int((c.start - m.end) * 2.5) + 1
            if c.metric == "_consensus" and text and YARDSTICK.search(text, max(0, m.start - 24), m.start):
                d = 0  # "beat the €10.74bn company-compiled consensus": the figure beaten is the consensus
            if text and NEW_CONJUNCT.fullmatch(text, m.end, c.start):
                d += 400  # "… falling by 50% to $56.1 million and home sales revenue decreasing": the next conjunct's subject
        else:
            continue
        if not (clause[0] <= c.start < clause[1]):
            d += 500
            if text and c.end <= m.start and _in_aside(text, c, clause[0]):
                d += 300  # "Adjusted EPS, which leaves out about $16 million of charges, came to $2.59": the subject's
        if d < best_d:
            best, best_d = c, d
    return best


# ", and home sales " between a figure and a metric word: the word opens a conjunct of its own
NEW_CONJUNCT = regex.compile(r",?\s(?:and|while|but|whereas)\s(?:its\s|the\s)?(?:[A-Za-z-]+\s){0,3}", regex.IGNORECASE)


# a relative clause set off by commas between a subject and its verb
ASIDE = regex.compile(r",\s(?:which|who|whose|that)\b[^,;]{0,120},", regex.IGNORECASE)
ASIDE_REACH = 130


def _in_aside(text: str, c: Cue, clause_start: int) -> bool:
    """Whether cue c sits in a comma-bounded relative clause that closes before the figure's clause (one that
    closes further off than an aside runs is none: looked for only that far, so a long sentence costs no more)."""
    return clause_start - c.end <= ASIDE_REACH and any(a.start() < c.start and c.end <= a.end() <= clause_start + 1
               for a in ASIDE.finditer(text, max(0, c.start - ASIDE_REACH), clause_start + 1))


def growth_base(cues: list[Cue], m: Mention, clause: tuple[int, int], sent: tuple[int, int]) -> Cue | None:
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
CHANGE_NOUN_IN = regex.compile(r"\s(?:(?:annual|yearly|year-on-year|year-over-year|year\son\syear|year\sover\syear|quarterly|sequential"
                               r"|YoY|y/y|QoQ|q/q)\s)?"
                               r"(?:fall|rise|increase|decrease|decline|drop|jump|gain|growth|surge|slump|plunge|climb|slide"
                               r"|rebound|improvement)\s(?:in|of)\s", regex.IGNORECASE)


# "18.4% 늘어난 470억원의 영업이익을 기록했다": the change arrives at a level whose metric is named after it with 의
ARRIVED_AT_METRIC = regex.compile(r"\s?" + ARRIVED_VERB + r"\s")
LEVEL_NEXT = regex.compile(r"(?:은|는|이|가)?\s?[\d,.]+\s?[조억만]")
ARRIVED_LEVEL_OF = regex.compile(r"\s?" + ARRIVED_VERB + r"\s?[\d,.]+\s?[조억만][\d,.조억만\s]{0,10}원?의\s?")


def changed_after(text: str, cues: list[Cue], m: Mention, sent: tuple[int, int]) -> Cue | None:
    got = CHANGE_NOUN_IN.match(text, m.end, min(sent[1], m.end + 34))
    if got is None and (arrived := ARRIVED_LEVEL_OF.match(text, m.end, min(sent[1], m.end + 30))) is not None:
        return next((c for c in cues if c.start == arrived.end() and c.metric in LEVELS_OR_RATIOS), None)
    if got is None and (arrived := ARRIVED_AT_METRIC.match(text, m.end, min(sent[1], m.end + 12))) is not None:
        # "매출 확대 등으로 전년 대비 130.7% 증가한 영업이익 203억원": the metric the change arrives at, named with its level
        # right after the verb, over any metric word in the reason before the figure
        cue = next((c for c in cues if c.start == arrived.end() and c.metric in LEVELS_OR_RATIOS), None)
        if cue is not None and LEVEL_NEXT.match(text, cue.end, min(sent[1], cue.end + 8)):
            return cue
    if got is None:
        return None
    wanted = LEVELS_OR_RATIOS
    return next((c for c in cues if c.metric in wanted and got.end() <= c.start <= got.end() + 30), None)
