"""price-target: a target price, the current price and the stated upside that do not agree.

In one article, a sentence giving a price target and an upside percentage is checked
against the current stock price reported in the same article for the same company:
upside = target / price - 1, allowing for the rounding of all three and for ranges.
Without a stated current price nothing is checked.
"""
from __future__ import annotations

import regex
from pydantic import Field

from ..vocab import Lexicon
from ..models import Claim
from .common import Draft, Hedged, by_article, figure, overlap, pct_iv, widen

KIND = "price-target"
SCOPE = "article"


# a target the note has replaced: "1,250p (previously 1,150p)", "72,000원(상향, 기존 60,000원)", "raised from $90 to
# $104", "60,000원에서 72,000원으로"
OLD_BEFORE = regex.compile(r"(?:previously|prior|old|from|was|기존|종전|이전)\s?:?\s?[(\[]?\s?$", regex.IGNORECASE)
OLD_AFTER = regex.compile(r"\s?에서")


class Options(Hedged):
    slack: float = Field(0.01, description="absolute tolerance on the upside, as a fraction, beyond rounding")


def check(claims: list[Claim], options: Options, lexicon: Lexicon) -> list[Draft]:
    o = options
    out = []
    for _, cs in by_article(claims).items():
        # (not "2.89%(1200원) 높아진 4만2600원": how far the price moved is no price)
        prices = [c for c in cs if c.metric == "stock_price" and not c.estimate and not c.change
                  and c.bound in ("eq", "approx")]
        for up in (c for c in cs if c.metric == "upside"):
            near = [t for t in cs if t.metric == "price_target" and up.sentence - 2 <= t.sentence <= up.sentence
                    and t.entity == up.entity and t.bound in ("eq", "approx")]
            # the target stated with the upside, or the closest one before it
            # (and of a new target and the one it replaced, the new one)
            current = [t for t in near if not _replaced(t)] or near
            targets = [t for t in current if t.sentence == up.sentence] or current[-1:]
            price = [p for p in prices if p.entity == up.entity and p.unit == (targets[0].unit if targets else None)]
            if len(targets) != 1 or not price:
                continue
            t = targets[0]
            p = min(price, key=lambda c: (abs(c.sentence - up.sentence), -c.sentence))  # the price quoted nearest

            tl, th = t.interval(o.hedge)
            pl, ph = p.interval(o.hedge)
            implied = (tl / ph - 1, th / pl - 1)
            if overlap(widen(implied, o.slack), pct_iv(up, o.hedge)):
                continue
            mid = (implied[0] + implied[1]) / 2 * 100
            # the same article stating the right upside elsewhere is the editor's best pointer to the fix
            agree = [u for u in cs if u.metric == "upside" and u is not up and u.entity == up.entity
                     and overlap(widen(implied, o.slack), pct_iv(u, o.hedge))]
            msg = (f"{up.entity}: a target of {figure(t)} against a price of {figure(p)} is {mid:+.0f}%, "
                   f"not the stated upside of {figure(up)}"
                   + (f"; elsewhere the article gives {', '.join(figure(u) for u in agree)}." if agree else "."))
            # all three in one sentence is the text's own sum being wrong; spread out, one step down
            demote = 0 if t.sentence == p.sentence == up.sentence else 1
            out.append(Draft(msg, (t, p, up, *agree), f"{up.entity}|{t.text}|{up.text}", demote,
                             why="target, current price and upside for one company in one article"))
    return out


def _replaced(t: Claim) -> bool:
    """Whether the target's own words call it the one a new target replaced."""
    i = t.quote.find(t.text)
    return i >= 0 and (OLD_BEFORE.search(t.quote, max(0, i - 16), i) is not None
                       or OLD_AFTER.match(t.quote, i + len(t.text)) is not None)
