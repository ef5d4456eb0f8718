"""Printed digits to values: plain digits and Korean compounds read by myriads, with their precision."""
from __future__ import annotations

import math

from . import patterns as P

KSCALES = {"십": 10, "백": 100, "천": 1_000, "만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}


def digits(s: str) -> tuple[float, int]:
    """Value of "1,234.5" and its count of decimals."""
    s = s.replace(",", "")
    dec = len(s.split(".", 1)[1]) if "." in s else 0
    return float(s), dec


def padded(num: str) -> bool:
    """"31,552.00", "11.00": two or more decimals, all zeros."""
    frac = num.rsplit(".", 1)[1] if "." in num else ""
    return len(frac) >= 2 and not frac.strip("0")


def digit_value(num: str) -> tuple[float, float, bool, float]:
    """Value, half-width of its printed precision, scaled (never, here) and lead scale of plain digits."""
    v, dec = digits(num)
    return v, 0.5 * 10.0 ** -dec, False, 1.0


def korean(num: str) -> tuple[float, float, bool, float, int | None]:
    """Value of a Korean compound, read by myriads: 천/백/십 add up inside a group that 만/억/조 then scales
    ("2천5백억" is 2,500억). A myriad no smaller than the one before starts a new figure: the offset
    where it does is returned last ("1,000억 1,200억" is two figures)."""
    total = section = 0.0
    half, lead, last, first_small = 0.5, 0.0, math.inf, 0.0
    for g in P.KGROUP.finditer(num):
        got, scale = g.groups()  # by position: regex looks a group's name up on every call
        n, dec = digits(got)
        small = myriad = 1
        for ch in scale or "":
            if ch in "만억조":
                myriad = KSCALES[ch]
            else:
                small *= KSCALES[ch]
        if myriad > 1 and myriad >= last:
            return total + section, half, True, lead or first_small, g.start()
        first_small = first_small or small
        section += n * small
        half = 0.5 * 10.0 ** -dec * small * myriad
        if myriad > 1:
            total += section * myriad
            lead = lead or first_small * myriad
            section, last = 0.0, myriad
    return total + section, half, True, lead or first_small, None
