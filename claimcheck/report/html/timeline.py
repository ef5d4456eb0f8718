"""Per entity and metric, the values the articles claim period by period: one dot per printed
figure and period, its size growing with the number of articles that state it, conflicts ringed.

Only the series a shown finding touches are charted, most conflicting first, and each keeps the
dots most worth seeing: at archive scale a series can hold thousands of distinct printings.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter

import regex

from ... import labels
from ...figures import number, show_value
from ...models import Claim
from .axis import Scale, domain, ticks
from .numberline import rnd

WIDTH, HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 64, 12, 12, 36
MAX_SERIES = 60  # charts in one report; the rest are counted
MAX_DOTS = 60  # dots in one chart: the conflicting ones, then those most articles state
MAX_LISTED = 6  # claims listed under a dot; the rest are counted
# read from each claim's __dict__ (see ranked.ROW)
KEY = itemgetter("entity", "segment", "metric", "unit", "cadence", "change")
NEAR = itemgetter("entity", "metric")
PRINTING = itemgetter("period", "value", "low", "high", "bound", "estimate")
PERIOD = regex.compile(r"(FY)?(\d{4})(?:([QH])([1-4])|-(\d\d))?")


@dataclass(frozen=True)
class Dot:
    id: str
    x: float
    y: float
    r: float
    period: str
    shown: str
    articles: int
    conflict: bool
    estimate: bool
    claims: tuple[Claim, ...]  # the first MAX_LISTED
    more: int  # claims not listed


@dataclass(frozen=True)
class Timeline:
    id: str
    title: str
    dots: tuple[Dot, ...]
    columns: tuple[tuple[float, str], ...]  # (x, period) of each column shown
    ticks: tuple[tuple[float, str], ...]  # (y, label)
    left_out: int  # dots not drawn
    x0: float = LEFT  # the plot's left and right edges and its base line
    x1: float = WIDTH - RIGHT
    base: float = HEIGHT - BOTTOM
    width: int = WIDTH
    height: int = HEIGHT
    undated_x: float | None = None  # where the undated column starts, set apart by a dashed line


def when(period: str | None) -> tuple[int, int, str]:
    """A period's place on the time axis: by year, then the month it ends; undated last."""
    m = PERIOD.fullmatch(period or "")
    if not m:
        return (10**6, 0, period or "")
    month = {"Q": 3, "H": 6}[m[3]] * int(m[4]) if m[3] else int(m[5] or 12)
    return (int(m[2]), month, period or "")


def title(key: tuple) -> str:
    entity, segment, metric, unit, cadence, change = key
    seg = labels.segment(segment) if segment else ""
    words = [w for w in (unit if unit not in ("%", "count") else "", cadence or "", "change" if change else "") if w]
    return " ".join(w for w in (entity, seg, labels.metric(metric)) if w) + (f" ({', '.join(words)})" if words else "")


def series(claims: Iterable[Claim], cited: set[int]) -> list[tuple[tuple, list[Claim]]]:
    """The claims of every key (entity, segment, metric, unit, cadence, level or change) that holds a
    cited claim, most cited first; a claim's fields are read once, two of them for most claims."""
    every = list(claims)
    wanted = Counter(KEY(vars(c)) for c in every if id(c) in cited and c.entity is not None)
    near = {(k[0], k[2]) for k in wanted}
    out: dict[tuple, list[Claim]] = {}
    for c, d in zip(every, map(vars, every)):
        if NEAR(d) in near and (k := KEY(d)) in wanted:
            if k in out:
                out[k].append(c)
            else:
                out[k] = [c]
    return sorted(out.items(), key=lambda kv: (-wanted[kv[0]], -len(kv[1])))


def draw(n: int, key: tuple, claims: Sequence[Claim], cited: set[int]) -> Timeline:
    by: dict[tuple, list[Claim]] = {}
    articles: dict[tuple, set[str]] = {}
    for c, d in zip(claims, map(vars, claims)):
        p = PRINTING(d)
        if p in by:
            by[p].append(c)
            articles[p].add(d["file"])
        else:
            by[p] = [c]
            articles[p] = {d["file"]}
    # per dot: whether a finding cites it, how many articles state it, its claims
    dots = [(any(id(c) in cited for c in cs), len(articles[p]), cs) for p, cs in by.items()]
    dots.sort(key=lambda d: (not d[0], -d[1]))
    kept = dots[:MAX_DOTS]
    periods = sorted({cs[0].period for _, _, cs in kept}, key=when)
    step = (WIDTH - LEFT - RIGHT) / len(periods)
    col = {p: LEFT + step * (i + 0.5) for i, p in enumerate(periods)}
    lo, hi = domain([cs[0].value for _, _, cs in kept])
    y = Scale(lo, hi, HEIGHT - BOTTOM, TOP)
    drawn = []
    for i, (conflict, files, cs) in enumerate(sorted(kept, key=lambda d: when(d[2][0].period))):
        c = cs[0]
        drawn.append(Dot(f"t{n}d{i}", rnd(col[c.period]), rnd(y(c.value)), rnd(min(3 + 2.2 * math.sqrt(files), 14)),
                         c.period or "undated", show_value(c), files, conflict, all(x.estimate or x.consensus for x in cs),
                         tuple(cs[:MAX_LISTED]), max(0, len(cs) - MAX_LISTED)))
    every = max(1, math.ceil(len(periods) / 12))  # at most a dozen period labels under the axis
    columns = tuple((rnd(col[p]), p or "undated") for i, p in enumerate(periods) if i % every == 0)
    marks = tuple((rnd(y(t)), number(t, key[3])) for t in ticks(lo, hi, 4))
    undated = rnd(col[None] - step / 2) if None in col and len(periods) > 1 else None
    return Timeline(f"t{n}", title(key), tuple(drawn), columns, marks, len(dots) - len(kept), undated_x=undated)


def timelines(claims: Iterable[Claim], cited: set[int]) -> tuple[Iterator[Timeline], int]:
    """The charts, each drawn as the page reaches it, and how many more series were left out."""
    found = series(claims, cited)
    return (draw(n, k, cs, cited) for n, (k, cs) in enumerate(found[:MAX_SERIES])), max(0, len(found) - MAX_SERIES)
