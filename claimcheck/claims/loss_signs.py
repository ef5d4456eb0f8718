"""The sign a loss gives the figures that restate it or that it is measured from.

"Its net loss widened to $1.17 billion, or 96 cents per share, from $1.10 billion, or $1.08 per share": the loss
word stands once, before the first amount, and reaches it alone. The amount restated per share after ", or" is
that loss per share, and the amount a widening or narrowing loss is measured from was a loss too.
"""
from __future__ import annotations

import regex

from ..models import Claim
from .compared_base import COMPARED_WITH, OR_ASIDE, PER_SHARE

# "narrowed to $602 million from $757 million": a loss that moved, so the amount it moved from is one as well
LOSS_MOVED = regex.compile(r"\b(?:loss|losses|deficit)\b[^.;]{0,60}?\b(?:widened|narrowed|deepened|shrank|shrunk|improved|grew|swelled)\b",
                           regex.IGNORECASE)

# "a smaller loss than the 71 cents analysts had expected": what a loss is set against is a loss
LOSS_THAN = regex.compile(r"\b(?:smaller|larger|bigger|wider|narrower|deeper|greater)\sloss(?:es)?\sthan\s(?:the\s)?(?:about\s)?[$€£¥₩]?$",
                          regex.IGNORECASE)


# "The loss, of 19 cents per share", "losses narrowed to $0.19 per share", "the $0.27 loss analysts were expecting": a
# per-share amount the loss word stands right beside is that loss per share
LOSS_BEFORE = regex.compile(r"\b(?:loss|losses|deficit)\b,?\s(?:of|was|were|(?:narrowed|widened|shrank|deepened)\sto|came\sin\sat"
                            r"|totall?ed|amounted\sto|stood\sat)\s(?:about\s|roughly\s|just\s)?[$€£¥₩]?$", regex.IGNORECASE)
LOSS_AFTER = regex.compile(r"\s(?:(?:per|a)[\s-]share\s)?(?:net\s|adjusted\s)?loss(?:es)?\b", regex.IGNORECASE)


# a margin restating the profit before it, in its ", or N% of revenue" aside
MARGIN_OF = {"operating_margin": "operating_income", "net_margin": "net_income", "ebitda_margin": "ebitda"}


def with_loss_signs(made: list[Claim], starts: list[int], scan: str) -> list[Claim]:
    """The sentence's claims, per-share restatements and measured-from amounts of a loss made negative."""
    out = list(made)
    for i, c in enumerate(out):
        if c.value <= 0 or c.low is not None or c.change:
            continue
        gap = scan[max(0, starts[i] - 40):starts[i]]
        end = starts[i] + len(c.text)
        if LOSS_THAN.search(gap) or (c.metric in PER_SHARE and (LOSS_BEFORE.search(gap) or LOSS_AFTER.match(scan, end, end + 30))):
            out[i] = _negative(c)
            continue
        if not i:
            continue
        prev = out[i - 1]
        if c.metric in PER_SHARE:
            # (not after a rate: "$6.12 on a reported basis, down 38.0%, or $10.21 on an adjusted basis")
            if prev.value < 0 and not prev.change and prev.metric not in PER_SHARE and prev.unit not in ("%", "pp") \
                    and OR_ASIDE.search(gap):
                out[i] = _negative(c)
            continue
        if MARGIN_OF.get(c.metric) == prev.metric and prev.value < 0 and not prev.change and OR_ASIDE.search(gap):
            out[i] = _negative(c)  # "loss from operations of $30.8 million, or 7% of revenue": the loss's margin
            continue
        same = next((j for j in range(i - 1, -1, -1) if out[j].metric == c.metric and out[j].unit == c.unit), None)
        if same is not None and out[same].value < 0 and not out[same].change and COMPARED_WITH.search(gap) \
                and LOSS_MOVED.search(scan, max(0, starts[same] - 80), starts[i]):
            out[i] = _negative(c)
    return out


def _negative(c: Claim) -> Claim:
    return c.model_copy(update={"value": -c.value})
