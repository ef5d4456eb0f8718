"""pct-vs-pp: a margin or share that moved between two stated levels by X points, written as "X% 상승".

When one sentence gives two levels of a ratio metric (10% and 12%) and a change of it in
percent that equals their difference in points (2%) rather than the relative change (20%),
the change should read 2%p. A change that matches the relative change is fine. The levels' and the change's printed
precision is the only tolerance.
"""
from __future__ import annotations

import regex

from .. import calendar as CAL
from ..metric_taxonomy import taxonomy
from ..vocab import Lexicon
from ..models import Claim, Edit
from ..rule_spec import RuleOptions
from ..figures import plural
from .common import Draft, figure, group, label

KIND = "pct-vs-pp"
SCOPE = "article"  # a level and a change in one article
RATIOS = taxonomy().has("pct_vs_pp")  # the margins and shares whose changes are checked


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


KOREAN = regex.compile(r"\p{Hangul}")
ENGLISH_PCT = regex.compile(r"(?P<num>.*?(?P<n>\d[\d,.]*))\s*(?:%|percent|per cent)")


def _fix(ch: Claim) -> tuple[Edit, ...]:
    """The change written in points, as the article's language prints them: 2% -> 2%p in Korean,
    2% -> 2 percentage points in English. The figure itself is right; only its unit is wrong."""
    t = ch.text
    if KOREAN.search(ch.quote):
        new = t + "p" if t.endswith("%") else t + "포인트" if t.endswith("퍼센트") else None
    else:
        m = ENGLISH_PCT.fullmatch(t)
        one = m is not None and m["n"].replace(",", "") in ("1", "1.0")
        new = m["num"] + (" percentage point" if one else " percentage points") if m else None
    return (Edit(file=ch.file, line=ch.line, column=ch.column, old=t, new=new),) if new else ()


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
                fix = _fix(ch)
                should = fix[0].new if fix else f"{points:.3g}%p"  # in the article's own wording
                msg = (f"{label(ch)} moved from {figure(a)} to {figure(b)}, {plural(points, 'percentage point')}, "
                       f"but the text says {figure(ch)}; it should read {should} (or {rel:.3g}% in relative terms).")
                out.append(Draft(msg, (ch, a, b), f"{ch.entity}|{ch.metric}|{ch.text}",
                                 why="a ratio's change stated in % equals its change in points", fix=fix))
    return out
