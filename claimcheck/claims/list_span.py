"""'누적 매출과 영업이익은 … 각각 18%, 58% 증가': the figures of a respectively-list share one span.

Each figure is dated on its own, and a span word ("3분기까지 누적") read within reach of the
list's first figure can be out of reach of its last, which then took the quarter alone. A list's
figures measure different metrics over one span, so the later ones take the first one's period
and cadence, unless a period word stands between them ("각각 3분기 18%, 연간 20%").
"""
from __future__ import annotations

from ..models import Claim
from ..vocab import taxonomy
from .article_context import Ctx
from .cadence import PERIOD_WORD
from .respectively import EACH


def share(ctx: Ctx, sent, made: list[Claim], starts: dict[int, int]) -> list[Claim]:
    """The sentence's claims, a Korean respectively-list's later figures dated as its first."""
    scan = ctx.lay.scan
    if len(made) < 2 or scan.find("각", sent.start, sent.end) < 0:
        return made
    each = EACH.search(scan, sent.start, sent.end)
    if each is None or each.group().lower() == "respectively":
        return made
    out = {id(c): c for c in made}
    lists = []
    for pct in (True, False):
        group = [c for c in made if starts[id(c)] >= each.end() and (c.unit == "%") == pct and c.unit not in ("pp", "count")]
        if len(group) < 2:
            continue
        lists.append(group)
        first = group[0]
        since = starts[id(first)] + len(first.text)
        for c in group[1:]:
            if (c.period, c.cadence) == (first.period, first.cadence) or c.estimate != first.estimate:
                continue
            if PERIOD_WORD.search(scan, since, starts[id(c)]):
                break  # the list names a span of its own from here on
            ev = tuple(e for e in c.evidence if e[0] != "period") + tuple(e for e in first.evidence if e[0] == "period")
            out[id(c)] = c.model_copy(update={"period": first.period, "cadence": first.cadence, "evidence": ev})
    if len(lists) == 2:
        _changes_as_levels(out, [out[id(c)] for c in lists[1]], [out[id(c)] for c in lists[0]])
    return [out[id(c)] for c in made]


def _changes_as_levels(out: dict[int, Claim], levels: list[Claim], changes: list[Claim]) -> None:
    """'누적 매출과 영업이익은 각각 2조원, 934억원으로, 이는 지난해 같은 기간 대비 각각 18%, 58% 증가한 수치': the
    changes of a running total's listed amounts are over the same running total."""
    if len(levels) != len(changes) or any(c.cadence != "ytd" for c in levels):
        return
    for lv, ch in zip(levels, changes):
        if taxonomy().growth(lv.metric) == ch.metric and (ch.period, ch.cadence) != (lv.period, lv.cadence):
            ev = tuple(e for e in ch.evidence if e[0] != "period") + tuple(e for e in lv.evidence if e[0] == "period")
            out[id(ch)] = ch.model_copy(update={"period": lv.period, "cadence": lv.cadence, "evidence": ev})
