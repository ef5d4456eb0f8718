"""pct-vs-pp: a margin or share that moved between two stated levels by X points, written as "X% 상승".

When one sentence gives two levels of a ratio metric (10% and 12%) and a change of it in
percent that equals their difference in points (2%) rather than the relative change (20%),
the change should read 2%p. A change that matches the relative change is fine. The levels' and the change's printed
precision is the only tolerance.
"""
from __future__ import annotations

from ..claims import calendar as CAL
from ..claims.lexicon import Lexicon
from ..models import Claim, RuleOptions
from .common import Draft, figure, group, label

KIND = "pct-vs-pp"
RATIOS = {"operating_margin", "net_margin", "gross_margin", "market_share", "revenue_share", "operating_income_share"}


class Options(RuleOptions):
    """Only the options every kind has: the check's tolerance is the printed precision of its figures."""


def _when(period: str | None) -> tuple[int, int] | None:
    return CAL.period_end(period.removeprefix("FY")) if period else None


def _pair(levels: list[Claim], ch: Claim) -> tuple[Claim, Claim] | None:
    """The two levels a change relates: by its basis where the levels are dated (they may sit in the sentence
    before: "영업이익률은 40.0%. 전년(45.1%)보다 5.1% 낮아졌다"), else the first two in its own sentence."""
    step = {"yoy": -4, "qoq": -1}.get(ch.basis or "")
    if step and ch.period and "Q" in ch.period:
        back = CAL.shift_quarter(ch.period, step)
        near = [c for c in levels if ch.sentence - 1 <= c.sentence <= ch.sentence]
        then = [c for c in near if c.period == back]
        now = [c for c in near if c.period == ch.period]
        if then and now:
            return then[-1], now[-1]
    own = [c for c in levels if c.sentence == ch.sentence]
    return (own[0], own[1]) if len(own) >= 2 else None


def check(claims: list[Claim], options: Options, lexicon: Lexicon) -> list[Draft]:
    out = []
    for _, cs in group(claims, lambda c: (c.file, c.entity, c.metric) if c.metric in RATIOS else None).items():
        levels = [c for c in cs if not c.change and c.unit == "%" and c.low is None]
        for ch in (c for c in cs if c.change and c.unit == "%"):
            pair = _pair(levels, ch)
            if pair is None:
                continue
            a, b = pair
            ea, eb = _when(a.period), _when(b.period)
            if ea and eb and eb < ea:
                a, b = b, a  # "widened by 1% to 47.2% from 46.2% a year earlier": time order, not text order
            points = abs(b.value - a.value)
            rel = abs(b.value / a.value - 1) * 100 if a.value else None
            tol = ch.half_width + a.half_width + b.half_width
            if abs(abs(ch.value) - points) <= tol and (rel is None or abs(abs(ch.value) - rel) > tol):
                msg = (f"{label(ch)} moved from {figure(a)} to {figure(b)}, {points:.3g} percentage points, "
                       f"but the text says {figure(ch)}; it should read {points:.3g}%p (or {rel:.3g}% in relative terms).")
                out.append(Draft(msg, (ch, a, b), f"{ch.entity}|{ch.metric}|{ch.text}",
                                 why="a ratio's change stated in % equals its change in points"))
    return out
