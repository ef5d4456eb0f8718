"""Net income attributable to the parent's shareholders (지배주주순이익) is a figure of its own beside the group's total
net income: an outlet that prints one and an outlet that prints the other are both right (IBK's 8036억 and 8014억), so
the owners' share keeps the segment "controlling" and its own key."""
from __future__ import annotations

import regex

from ..models import Claim

OWNERS_METRICS = frozenset({"net_income", "net_income_growth"})


def controlling(claims: list[Claim]) -> list[Claim]:
    """The claims with the owners' share of net income marked by the words that named it ("지배주주 순이익", "지배순이익")."""
    return [_marked(c) if c.metric in OWNERS_METRICS and c.segment is None and _owners(c) else c for c in claims]


# "연결 당기순이익(지배주주 순이익 기준)이 8014억원": the basis said in a note beside the metric
OWNERS_NOTE = regex.compile(r"\(\s?지배(?:주주|지분|기업)?\s?(?:순이익\s?|순익\s?)?기준\s?\)")


def _owners(c: Claim) -> bool:
    return any(f == "metric" and t is not None and "지배" in t for f, _, _, t in c.evidence) \
        or ("지배" in c.quote and OWNERS_NOTE.search(c.quote) is not None)


def _marked(c: Claim) -> Claim:
    ev = next(e for e in c.evidence if e[0] == "metric")
    return c.model_copy(update={"segment": "controlling", "evidence": tuple(
        ("segment", ev[1], ev[2], ev[3]) if e[0] == "segment" else e for e in c.evidence)})
