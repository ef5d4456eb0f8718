"""Whether a conflict is explained by an outlet that dropped 'adjusted': a figure printed with no GAAP or adjusted
mark that equals the same company's adjusted figure for that metric and period, printed so marked elsewhere
("Operating income was $63.5 million" in a call summary, where the release gives a GAAP loss of $30.8 million and
non-GAAP income from operations of $63.5 million)."""
from __future__ import annotations

from ..models import Claim
from .common import overlap

# a metric whose adjusted form is a metric of its own, not a segment
ADJUSTED_FORM = {"adjusted_eps": "eps", "adjusted_eps_growth": "eps_growth"}
TwinKey = tuple[str | None, str, str | None]  # (entity, metric, period)


def adjusted_index(claims: list[Claim]) -> dict[TwinKey, list[Claim]]:
    """The claims marked adjusted, by the (entity, plain metric, period) they are the adjusted form of."""
    out: dict[TwinKey, list[Claim]] = {}
    for c in claims:
        if c.segment == "adjusted" or c.metric in ADJUSTED_FORM:
            out.setdefault((c.entity, ADJUSTED_FORM.get(c.metric, c.metric), c.period), []).append(c)
    return out


def twinned(members: list[Claim], index: dict[TwinKey, list[Claim]], hedge: float) -> bool:
    """Whether a conflict among unmarked figures holds a value that is the adjusted figure printed elsewhere (in
    another article: an article does not drop the mark it prints)."""
    for c in members:
        if c.segment is not None or not c.period:
            continue
        twins = index.get((c.entity, c.metric, c.period), ())
        if any(t.file != c.file and not t.estimate and overlap(c.interval(hedge), t.interval(hedge)) for t in twins):
            return True
    return False
