"""Two lines' (or two companies', two measures', two periods') figures printed the other way round in one
article: 'Robotics $75 million … Product Test $88 million' in the text, 'Robotics $88 million; Product Test
$75 million' in the table after it; K Bank's and KakaoBank's quarterly profits swapped by a '각각' list in the
lead; adjusted and GAAP EPS traded in a later paragraph; this year's and last year's quarter traded in a table.

An article that gives one line two unlike values has mostly had a segment, period or basis lost in typing
(same-figure-mismatch reports it at info), but when a sibling line of the same article holds exactly the same
two values (or a sibling company of the article does), the two were swapped: a writer's slip that typing cannot make,
so the conflict keeps its severity.
"""
from __future__ import annotations

from collections import defaultdict

from .. import calendar as CAL
from ..models import STATED, Claim

# (file, cadence, basis, unit) -> (entity, segment, metric, period) -> values
Siblings = dict[tuple, dict[tuple[str | None, ...], set[float]]]


def place_of(c: Claim) -> tuple:
    return (c.file, c.cadence, c.basis, c.unit)


def who_of(c: Claim) -> tuple[str | None, ...]:
    return (c.entity, c.segment, c.metric, c.period)


def siblings(claims: list[Claim]) -> Siblings:
    """Every article's values by (company, line, metric, period), for each of its cadences, bases and units."""
    out: Siblings = defaultdict(lambda: defaultdict(set))
    for c in claims:
        if c.low is None and c.bound == "eq":
            out[place_of(c)][who_of(c)].add(c.value)
    return out


def swapped(members: list[Claim], index: Siblings) -> bool:
    """Whether one article's two unlike values for a figure are both held by a sibling of it in that article:
    a figure that differs from it in one of company, line, measure or period alone. (Typing that loses a line
    makes one key hold two values; it does not also give a sibling key the same two.)"""
    values = {c.value for c in members}
    if len(values) != 2 or len({c.file for c in members}) != 1:
        return False
    own = who_of(members[0])
    return any(sum(a != b for a, b in zip(who, own)) == 1 and values <= vals
               for who, vals in index.get(place_of(members[0]), {}).items())


def stale(members: list[Claim], index: Siblings) -> bool:
    """Whether one article's two unlike values for a figure are its value and the value the same article gives the
    period before ('영업이익 68억원' in the lede, '1년 전 영업이익 41억원', then '2분기 영업이익 41억원'): the past
    period's figure printed as the current one, a writer's slip. Only when each figure carrying the old value names
    its own period: a base whose period was lost in typing carries it from elsewhere."""
    values = {c.value for c in members}
    if len(values) != 2 or len({c.file for c in members}) != 1 or not (period := members[0].period):
        return False
    own = who_of(members[0])
    before = {p for p in (CAL.base_of(period, True), CAL.base_of(period, False)) if p}
    for who, vals in index.get(place_of(members[0]), {}).items():
        if who[:3] != own[:3] or who[3] not in before or len(vals & values) != 1:
            continue
        old = next(iter(vals & values))
        if all(_own_period(c) for c in members if c.value == old):
            return True
    return False


def _own_period(c: Claim) -> bool:
    return any(e[0] == "period" and e[1] in STATED for e in c.evidence)
