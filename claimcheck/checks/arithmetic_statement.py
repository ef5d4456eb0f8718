"""arithmetic-statement: sums written out in prose, share × market = amount, a segment's share against its revenues,
and a margin against the profit and revenue beside it (margin_levels).

Three forms here, the fourth in margin_levels: (1) "A × B = C" in one sentence, with percentages and points read as
fractions; (2) a market share next to an amount, against the market size stated in the
same article; (3) a stated share of the parent's revenue (revenue_share) against a
segment's and its parent's revenue reported for one period. Rounding of every figure is
allowed for. (3) is one step down when the share is undated or the figures come from
another article.
"""
from __future__ import annotations

import regex
from pydantic import Field

from .. import vocab as L
from ..models import Claim
from ..figures import show_value
from . import margin_levels
from .. import labels
from .common import Draft, Hedged, by_article, by_sentence, figure, fmt, group, overlap, pct_iv, widen

KIND = "arithmetic-statement"
ALIASES = ("arithmetic",)  # the kind's earlier name, still accepted in rule files
ANY_TIMES = regex.compile(r"[×x✕*]")
TIMES = regex.compile(r"[×✕*]|(?<![A-Za-z])x(?![A-Za-z])|\btimes\b")  # a sign between the two factors, not a word's x


class Options(Hedged):
    slack: float = Field(0.02, description="relative tolerance on a product or share, beyond the rounding of each figure")


def _iv(c: Claim, hedge: float) -> tuple[float, float]:
    return pct_iv(c, hedge) if c.unit in ("%", "pp") else c.interval(hedge)


def _product(ivs: list[tuple[float, float]]) -> tuple[float, float]:
    lo, hi = ivs[0]
    for a, b in ivs[1:]:
        xs = (lo * a, lo * b, hi * a, hi * b)
        lo, hi = min(xs), max(xs)
    return lo, hi


def _statements(claims: list[Claim], o: Options) -> list[Draft]:
    out = []
    for cs in by_sentence(claims).values():
        q = cs[0].quote
        if "=" not in q or not ANY_TIMES.search(q):
            continue
        eq = q.index("=")
        at, pos = [], 0
        for c in cs:  # claims come in text order; find each after the one before
            i = q.find(c.text, pos)
            at.append(i)
            pos = i + len(c.text) if i >= 0 else pos
        placed = [(c, i) for c, i in zip(cs, at) if 0 <= i < eq][-2:]
        left = [c for c, _ in placed]
        right = [c for c, i in zip(cs, at) if i > eq]
        if len(left) != 2 or not right or not TIMES.search(q, placed[0][1] + len(left[0].text), placed[1][1]):
            continue  # only "A × B = C": not "$5B+ (up from $3.5B exiting FY24 = +43%)", whose x is a word's
        got = _product([_iv(c, o.hedge) for c in left])
        want = _iv(right[0], o.hedge)
        if overlap(widen(got, o.slack), want):
            continue
        msg = (f"The sum {figure(left[0])} × {figure(left[1])} gives about {fmt((got[0] + got[1]) / 2, right[0].unit)}, "
               f"not {figure(right[0])}.")
        out.append(Draft(msg, (*left, right[0]), f"product|{right[0].entity}|{right[0].metric}",
                         why="a calculation written out in one sentence"))
    return out


def _share_of_market(claims: list[Claim], o: Options) -> list[Draft]:
    out = []
    for _, cs in by_article(claims).items():
        sizes = [c for c in cs if c.metric == "market_size"]
        for s in (c for c in cs if c.metric == "market_share" and not c.change):
            amounts = [c for c in cs if c.sentence == s.sentence and c.unit not in ("%", "pp", "count")
                       and c.metric != "market_size"]
            size = [z for z in sizes if z.line <= s.line and z.unit == (amounts[0].unit if amounts else None)]
            if len(amounts) != 1 or not size:
                continue
            got = _product([pct_iv(s, o.hedge), size[-1].interval(o.hedge)])
            if overlap(widen(got, o.slack), amounts[0].interval(o.hedge)):
                continue
            msg = (f"A {figure(s)} share of a {figure(size[-1])} market is about "
                   f"{fmt((got[0] + got[1]) / 2, amounts[0].unit)}, not {figure(amounts[0])}.")
            out.append(Draft(msg, (s, size[-1], amounts[0]), f"share-of-market|{s.entity}|{s.segment}",
                             why="share × market size = amount"))
    return out


def _ratio(n: Claim, d: Claim) -> tuple[float, float]:
    """The interval of n / d, for the printed intervals of both."""
    return n.interval(0)[0] / d.interval(0)[1], n.interval(0)[1] / d.interval(0)[0]


def _segment_share(claims: list[Claim], o: Options, lex: L.Lexicon) -> list[Draft]:
    out = []
    rev = group((c for c in claims if c.metric == "revenue" and not c.estimate and c.bound == "eq" and c.period
                 and not c.change), lambda c: (c.entity, c.segment, c.period, c.cadence, c.unit))
    owned: dict[tuple, list[tuple]] = {}  # (entity, segment) -> its revenue groups, in order
    for k, nums in rev.items():
        owned.setdefault(k[:2], []).append((k, nums))
    # one finding per distinct stated share (it may be repeated across many articles), with all its sources
    shares = group((c for c in claims if c.metric == "revenue_share" and not c.estimate and not c.change and c.entity),
                   lambda c: (c.entity, c.segment, c.period, pct_iv(c, o.hedge), show_value(c)))
    for ss in shares.values():
        s = ss[0]
        num_key = (s.entity, s.segment)
        den_key = (s.entity, None) if s.segment else (L.parent(lex, s.entity), None)
        if den_key[0] is None:
            continue
        for (_ent, _seg, period, cad, unit), nums in owned.get(num_key, ()):
            if s.period and s.period != period:
                continue
            dens = rev.get((den_key[0], None, period, cad, unit))
            if not dens:
                continue
            # any printing of the two revenues that bears the share out settles it (an outlet that states a line's
            # share with its own sales before eliminations is right by its own figures); else the share's own article's
            pairs = [(n, d) for n in nums[:20] for d in dens[:20]]
            if any(overlap(widen(_ratio(n, d), o.slack), pct_iv(s, o.hedge)) for n, d in pairs):
                continue
            n, d = next(((n, d) for n, d in pairs if n.file == d.file == s.file), pairs[0])
            lo, hi = _ratio(n, d)
            demote = 0 if s.period and n.file == d.file and any(x.file == n.file for x in ss) else 1
            seg = labels.of_claim(s) if s.segment else ""  # the line as a reader writes it, not its id
            msg = (f"{s.entity}{' ' + seg if seg else ''} is said to make {figure(s)} of "
                   f"{den_key[0]}'s revenue, but {period} revenue of {figure(n)} out of "
                   f"{figure(d)} is {(lo + hi) / 2 * 100:.1f}%.")
            out.append(Draft(msg, (s, n, d, *ss[1:]), f"segment-share|{s.entity}|{s.segment}|{period}", demote,
                             "a stated share against the two revenues it divides"))
            break
    return out


def check(claims: list[Claim], options: Options, lexicon: L.Lexicon) -> list[Draft]:
    return _statements(claims, options) + _share_of_market(claims, options) + _segment_share(claims, options, lexicon) \
        + margin_levels.check(claims, options.hedge, options.slack)


def _in_article(claims: list[Claim], options: Options, lexicon: L.Lexicon) -> list[Draft]:
    return _statements(claims, options) + _share_of_market(claims, options) + margin_levels.check(claims, options.hedge, options.slack)


def _across(claims: list[Claim], options: Options, lexicon: L.Lexicon) -> list[Draft]:
    return _segment_share(claims, options, lexicon)


# a segment's share compares revenues of one company family; the other forms stay in one article
PARTS = {"article": _in_article, "key": _across}
