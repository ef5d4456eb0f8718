"""Korean approximate magnitudes read as ranges: "10%대", "6천억 원대", "5조원 후반대", "20%대 후반".

Convention (issue 8). A band's step u is the place of the figure's last non-zero printed digit:
"10%대" steps by 10, "5%대" by 1, "6천억 원대" by 1천억, "1,500억원대" by 100억, "1,400원대" by 100.
  N대              [N, N+u)        "10%대" is 10-20%, "3만원대" is 3만-4만원
  N 초반 / N대 초반  [N, N+0.3u)     "1조 원 초반" is 1조-1.3조
  N 중반            [N+0.3u, N+0.7u)
  N 후반            [N+0.7u, N+u)   "5조원 후반대" is 5.7조-6조, "20%대 후반" is 27-30%
  N 초중반 / 중후반  the union of the two thirds
  N조 수천억        [N조 + 2천억, N조 + 1조)   수 ("several") is two to nine of the unit it opens
The mention's value is the midpoint and low/high are the ends; the claim's bound stays `eq`,
since the range already says how loose the figure is. A 대 span is exact ("10%대" is no 20.5%), so
its half-width is 0; a third's edges are a matter of taste, so it keeps a tenth of the step as slack.
"""
from __future__ import annotations

import math

from . import patterns as P

# fractions of the step each part covers
PARTS = {"초": (0.0, 0.3), "중": (0.3, 0.7), "후": (0.7, 1.0), "초중": (0.0, 0.7), "중후": (0.3, 1.0)}
# a unit makes "대" a span (not the vehicle counter); a bare Korean amount takes a part only
UNIT_KINDS = ("money", "percent", "pp", "multiple")
PART_SLACK = 0.1


def step(value: float, half: float) -> float:
    """Place of the last non-zero printed digit: 30 -> 10, 1,500억 -> 100억, 2.5 -> 0.1, 0 -> 1."""
    unit = 2 * half
    if not unit > 0 or not math.isfinite(value / unit):
        return unit
    n = abs(round(value / unit))
    while n and n % 10 == 0:
        n //= 10
        unit *= 10
    return unit


def allowed(kind: str, korean_scaled: bool, band: bool) -> bool:
    """Whether a span may follow this figure: "30대 후반" (an age) and "2020년대" (a decade) are no amounts,
    and a bare "5조대" or "100만대" stays a count of units unless a part follows ("100만대 초반")."""
    if kind in UNIT_KINDS:
        return True
    return not band and korean_scaled and kind in ("plain", "count")


def span(value: float, half: float, part: str | None) -> tuple[float, float, float]:
    """Low, high and half-width of the band that starts at `value` (positive; a sign is applied later)."""
    u = step(value, half)
    key = part.strip().rstrip("대")[:-1] if part else ""
    a, b = PARTS.get(key, (0.0, 1.0))
    return value + a * u, value + b * u, (PART_SLACK * u if key else 0.0)


SMALL = {"십": 10, "백": 100, "천": 1_000}
MYRIAD = {"만": 1e4, "억": 1e8}


def few(value: float, phrase: str) -> tuple[float, float, float]:
    """Low, high and half-width of "N조 수천억": the head plus two to nine of the unit 수 opens."""
    word = phrase.strip().lstrip("수")
    unit = SMALL.get(word[0], 1) * MYRIAD[word[-1]]
    return value + 2 * unit, value + 10 * unit, 0.0


def read(m, kind: str, value: float, half: float) -> tuple[int, bool, tuple[float, float] | None, float]:
    """End, plus flag, span (low, high) and half-width of the atom `m` once its span words are read."""
    if m["few"]:
        lo, hi, half = few(value, m["few"])
        return m.end(), bool(m["plus"]), (lo, hi), half
    if not (m["band"] or m["part"]):
        return m.end(), bool(m["plus"]), None, half
    if allowed(kind, bool(P.KOREAN_SCALE.search(m["num"])), bool(m["band"])):
        lo, hi, half = span(value, half, m["part"])
        return m.end(), bool(m["plus"]), (lo, hi), half
    # "30대 후반" is an age, "2020년대" a decade: the figure ends before the span word
    return (m.start("band") if m["band"] else m.start("part")), False, None, half
