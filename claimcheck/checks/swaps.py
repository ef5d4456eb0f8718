"""Two lines' (or two companies') figures printed the other way round in one article: 'Robotics $75 million …
Product Test $88 million' in the text, 'Robotics $88 million; Product Test $75 million' in the table after it;
K Bank's and KakaoBank's quarterly profits swapped by a '각각' list in the lead.

An article that gives one line two unlike values has mostly had a segment, period or basis lost in typing
(same-figure-mismatch reports it at info), but when a sibling line of the same article holds exactly the same
two values (or a sibling company of the article does), the two were swapped: a writer's slip that typing cannot make,
so the conflict keeps its severity.
"""
from __future__ import annotations

from collections import defaultdict

from ..models import Claim

# (file, metric, period, cadence, basis, unit) -> (entity, segment) -> values
Siblings = dict[tuple, dict[tuple[str | None, str | None], set[float]]]


def _place(c: Claim) -> tuple:
    return (c.file, c.metric, c.period, c.cadence, c.basis, c.unit)


def siblings(claims: list[Claim]) -> Siblings:
    """Every article's values by line, for each of its (company, metric, period) groups."""
    out: Siblings = defaultdict(lambda: defaultdict(set))
    for c in claims:
        if c.low is None and c.bound == "eq":
            out[_place(c)][(c.entity, c.segment)].add(c.value)
    return out


def swapped(members: list[Claim], index: Siblings) -> bool:
    """Whether one article's two unlike values for a line are both held by another line or company of that
    article."""
    values = {c.value for c in members}
    if len(values) != 2 or len({c.file for c in members}) != 1:
        return False
    lines = index.get(_place(members[0]), {})
    own = (members[0].entity, members[0].segment)
    return any(who != own and values <= vals for who, vals in lines.items())
