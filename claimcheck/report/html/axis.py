"""A linear scale from values to SVG x or y, and round tick values for its axis."""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """Maps the domain [lo, hi] onto the pixels [start, end] (end < start for a y axis)."""

    lo: float
    hi: float
    start: float
    end: float

    def __call__(self, v: float) -> float:
        """The pixel of v; an infinite v is the edge it points to (a bound's open end)."""
        if v == math.inf:
            return self.end
        if v == -math.inf:
            return self.start
        return self.start + (v - self.lo) / (self.hi - self.lo) * (self.end - self.start)


def domain(values: list[float], pad: float = 0.08) -> tuple[float, float]:
    """The finite values' range, widened by `pad` of its width on each side so that no mark sits
    on the frame; a single value gets a width of 10% of itself (or 1 when it is zero)."""
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return 0.0, 1.0
    lo, hi = min(finite), max(finite)
    width = hi - lo
    if width <= 0:
        width = abs(lo) * 0.1 or 1.0
        return lo - width / 2, hi + width / 2
    return lo - width * pad, hi + width * pad


def ticks(lo: float, hi: float, most: int = 5) -> list[float]:
    """At most `most` round values (1, 2 or 5 times a power of ten apart) within [lo, hi]."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return []
    raw = (hi - lo) / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(k * power for k in (1, 2, 5, 10) if k * power >= raw)
    first = math.ceil(lo / step)
    out = []
    k = first
    while k * step <= hi + step * 1e-9:
        out.append(round(k * step, 12))
        k += 1
    return out
