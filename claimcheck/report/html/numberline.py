"""A finding's figures on a number line: one band per source at the interval its printing stands
for, so the gap between sources is seen at a glance.

The interval is the checks' own, `Claim.interval(hedge)`: printed precision (k decimals mean
±0.5×10^-k), a range's ends, a hedge widening an approximate figure, a bound open to one side.
An open side is drawn to the frame's edge with an arrow. A filed figure, when a ledger gives one,
is a dashed marker across all the bands.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ...figures import number, show_value
from ...models import Claim
from .axis import Scale, domain, ticks

WIDTH = 720  # the viewBox; the SVG itself scales to the card's width
LEFT = 230  # room for each band's label
RIGHT = 16
ROW = 22
TOP = 6
AXIS = 26  # the axis line, its ticks and their labels
LABEL = 33  # characters of a band's label that fit in LEFT at the page's 11px


@dataclass(frozen=True)
class Filed:
    """A figure from a filing (issue 9's ledger), drawn as a marker when present."""

    value: float
    source: str  # e.g. "Amazon 10-K 2024, segment information"


@dataclass(frozen=True)
class Band:
    lo: float  # the interval itself; an open side is ±inf
    hi: float
    x: float  # the drawn interval, in viewBox pixels
    width: float
    y: float
    at: float  # x of the printed value
    shown: str  # the figure as printed: "~$120B", "≥80%"
    source: str  # file:line
    label: str  # the source, short enough for the room beside the band
    range: str  # the interval in words: "$119.5B to $120.5B", "at least 80%"
    hedged: bool
    open_lo: bool  # a bound: the band runs off the frame's edge
    open_hi: bool
    sources: int = 1  # claims the band stands for, when alike ones are drawn as one


@dataclass(frozen=True)
class NumberLine:
    title: str  # what the values are: "%", "USD, quarterly"
    bands: tuple[Band, ...]
    ticks: tuple[tuple[float, str], ...]  # (x, label)
    height: int
    axis_y: float
    filed: Filed | None = None
    filed_x: float | None = None
    filed_shown: str = ""
    x0: float = LEFT  # the axis' ends
    x1: float = WIDTH - RIGHT
    left_out: int = 0  # distinct printings not drawn


def rnd(v: float) -> float:
    """Pixels to two decimals: enough to keep a gap between two intervals, short in the file."""
    return round(v, 2)


def draw(bands: Sequence[tuple[Claim, int]], hedge: float, title: str, filed: Filed | None = None,
         left_out: int = 0) -> NumberLine:
    """One band per (claim, how many sources print it alike), top to bottom in the order given, on
    an axis spanning every finite end."""
    ivs = [c.interval(hedge) for c, _ in bands]
    ends = [v for iv in ivs for v in iv] + [c.value for c, _ in bands] + ([filed.value] if filed else [])
    lo, hi = domain(ends)
    x = Scale(lo, hi, LEFT, WIDTH - RIGHT)
    unit = bands[0][0].unit if bands else ""
    out = []
    for i, ((c, n), (a, b)) in enumerate(zip(bands, ivs)):
        left, right = x(a), x(b)
        source, shown = f"{c.file}:{c.line}", show_value(c)
        label = short(source, max(12, LABEL - len(shown))) if n == 1 else f"{n:,} sources"  # "{shown} · {label}" fits LEFT
        out.append(Band(a, b, rnd(left), rnd(right - left), TOP + i * ROW, rnd(x(c.value)), shown, source, label,
                        span(a, b, unit), c.bound == "approx" and hedge > 0, a == -math.inf, b == math.inf, n))
    axis_y = TOP + len(out) * ROW + 4
    marks = tuple((rnd(x(t)), number(t, unit)) for t in ticks(lo, hi))
    return NumberLine(title, tuple(out), marks, int(axis_y + AXIS), axis_y, filed,
                      rnd(x(filed.value)) if filed else None, number(filed.value, unit) if filed else "",
                      left_out=left_out)


def title(unit: str, cadence: str | None, change: bool) -> str:
    """What an axis holds, when the figures do not say it: "USD, quarterly", "change"."""
    words = (unit if unit not in ("%", "pp", "count") else "", cadence or "", "change" if change else "")
    return ", ".join(w for w in words if w)


def span(lo: float, hi: float, unit: str) -> str:
    """The interval in words: "at least 79.5%", "34.5% to 38.5%", or "₩12.17T ± ₩50M" where its ends
    would print alike."""
    if lo == -math.inf:
        return f"at most {number(hi, unit)}"
    if hi == math.inf:
        return f"at least {number(lo, unit)}"
    if number(lo, unit) != number(hi, unit):
        return f"{number(lo, unit)} to {number(hi, unit)}"
    return f"{number((lo + hi) / 2, unit)} ± {number((hi - lo) / 2, unit)}"


def short(source: str, room: int = LABEL) -> str:
    """file:line as its file name and line, cut in the middle when longer than `room` characters."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name if len(name) <= room else name[: room // 2 - 1] + "…" + name[-(room // 2):]
