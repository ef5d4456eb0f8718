"""Whether a conflict is explained by an outlet that dropped 'adjusted': a figure printed with no GAAP or adjusted
mark that equals the same company's adjusted figure for that metric and period, printed so marked elsewhere
("Operating income was $63.5 million" in a call summary, where the release gives a GAAP loss of $30.8 million and
non-GAAP income from operations of $63.5 million). Books are the same: an unmarked figure equal to the company's
parent-only (standalone) figure another article prints so marked is that figure with its mark dropped ("누적 순이익
1조5780억원" in one story, "별도 1조5779억원 … 연결 1조6665억원" in another). A growth printed in brackets right
after such a level ("EPS: $4.38 (up 11%)") is that measure's growth too."""
from __future__ import annotations

from ..models import Claim
from ..vocab import taxonomy
from .common import overlap

# a metric whose adjusted form is a metric of its own, not a segment
ADJUSTED_FORM = {"adjusted_eps": "eps", "adjusted_eps_growth": "eps_growth"}
# the segments that mark a measure or a set of books rather than a line of business
MARKS = ("adjusted", "standalone", "consolidated")
BOOKS_CLOSE = 0.002  # relative: "1조5780억원" and "1조5779억원" are one figure rounded twice
TwinKey = tuple[str | None, str, str | None]  # (entity, metric, period)


class Twins:
    """The claims marked adjusted or on named books, by the (entity, plain metric, period) they are a form of, and
    the unmarked levels by their line, for the growth printed beside one."""

    def __init__(self, claims: list[Claim]) -> None:
        self.marked: dict[TwinKey, list[Claim]] = {}
        self.levels: dict[tuple[str, int], list[Claim]] = {}
        for c in claims:
            if c.segment in MARKS or c.metric in ADJUSTED_FORM:
                self.marked.setdefault((c.entity, ADJUSTED_FORM.get(c.metric, c.metric), c.period), []).append(c)
            elif c.segment is None and not c.change:
                self.levels.setdefault((c.file, c.line), []).append(c)


def twinned(members: list[Claim], twins: Twins, hedge: float) -> bool:
    """Whether a conflict among unmarked figures holds a value that is the adjusted or other books' figure printed
    elsewhere (in another article: an article does not drop the mark it prints)."""
    for c in members:
        if c.segment is not None or not c.period:
            continue
        if _printed_marked(c, twins, hedge) or any(_printed_marked(lv, twins, hedge) for lv in _level_of(c, twins)):
            return True
    return False


def _printed_marked(c: Claim, twins: Twins, hedge: float) -> bool:
    return any(t.file != c.file and not t.estimate and _same(c, t, hedge)
               for t in twins.marked.get((c.entity, c.metric, c.period), ()))


def _level_of(c: Claim, twins: Twins) -> list[Claim]:
    """The level a growth is printed beside ("$4.38 (up 11%)"): same line, just before it, its metric's level."""
    level = taxonomy().growth_of(c.metric)
    if level is None:
        return []
    return [lv for lv in twins.levels.get((c.file, c.line), ()) if lv.metric == level and lv.period == c.period
            and 0 < c.column - lv.column <= LEVEL_REACH]


LEVEL_REACH = 24  # characters from the level's start to its growth's: "$4.38 (up 11%)"


def _same(c: Claim, t: Claim, hedge: float) -> bool:
    """Whether c prints t's value: for books, to its last digits (a rounded '5천억원 시대' is no parent-only figure
    dropped: it overlaps every nearby amount)."""
    if t.segment in ("standalone", "consolidated"):
        return c.bound == t.bound == "eq" and abs(c.value - t.value) <= BOOKS_CLOSE * abs(t.value)
    return overlap(c.interval(hedge), t.interval(hedge))
