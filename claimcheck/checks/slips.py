"""How two printed figures that disagree could be one figure mistyped: a digit changed, its digits put in
another order, a digit dropped or doubled, or the sign lost.

A writer who copies a figure wrong makes one of these slips; two figures that stand for different
things (a segment's revenue and the company's, a quarter's and the year's) rarely look like one. So
when typing may have lost what set two figures apart, a slip between them is evidence that they were
meant to be one figure, and its absence is evidence that they were not.
"""
from __future__ import annotations

from ..models import Claim


def _digits(c: Claim, step: float) -> str:
    """The figure's digits at the given printed step ('616억' at 1억 -> '616')."""
    return str(round(abs(c.value) / step)) if step else ""


def _step(c: Claim) -> float:
    return 2 * c.half_width


def _one_apart(x: str, y: str) -> bool:
    """One digit changed, or the same digits in another order ('5조1,217억' for '5조1,721억'), in strings of one length."""
    return sum(p != q for p, q in zip(x, y)) == 1 or sorted(x) == sorted(y)


def _one_dropped(long: str, short: str) -> bool:
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def slip(a: Claim, b: Claim) -> bool:
    """Whether a and b, both exact printed figures, read like one figure copied wrong.

    Digits are compared at the coarser of the two printed steps ('616억 4800만원' against '661억' as 616
    against 661). Figures of a single digit are never a slip by digits: any two differ in one place."""
    if a.low is not None and b.low is not None and a.high is not None and b.high is not None:
        return _range_slip((a.low, a.high), (b.low, b.high))
    if a.low is not None or b.low is not None or a.value == b.value:
        return False
    if a.value == -b.value:
        return True
    if (a.value < 0) != (b.value < 0):
        return False
    step = max(_step(a), _step(b))
    x, y = _digits(a, step), _digits(b, step)
    if bool(x and y and x != y) and _digit_slip(x, y):
        return True
    # "8.0" in a table against "0.8%" in prose: the printed digits swapped around the point (the values' digits,
    # "80" against "8", lose the leading zero)
    px, py = _printed(a), _printed(b)
    return len(px) == len(py) >= 2 and px != py and sorted(px) == sorted(py)


def _printed(c: Claim) -> str:
    return "".join(ch for ch in c.text if ch.isdigit())


def _digit_slip(x: str, y: str) -> bool:
    """Whether two digit strings differ by one slip: a digit changed or reordered, or one dropped or doubled."""
    if len(x) == len(y):
        return len(x) >= 2 and _one_apart(x, y)
    long, short = (x, y) if len(x) > len(y) else (y, x)
    return len(short) >= 2 and _one_dropped(long, short)


def _range_slip(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two ranges that share one end and whose other ends read like one figure copied wrong ("$1.20 to $1.46"
    against "$1.20 to $1.64")."""
    ends = [(x, y) for x, y in zip(a, b) if x != y]
    if len(ends) != 1:
        return False
    x, y = ends[0]
    if (x < 0) != (y < 0):
        return False
    step = min(_printed_step(x), _printed_step(y))
    return _digit_slip(str(round(abs(x) / step)), str(round(abs(y) / step)))


def _printed_step(v: float) -> float:
    """The finest decimal step a bound is a whole multiple of (1.46 -> 0.01, 2200 -> 100): its last printed digit."""
    step = 1e-6
    while step < 1e15 and abs(round(v / (step * 10)) * step * 10 - v) <= 1e-9 * max(1.0, abs(v)):
        step *= 10
    return step

