"""A bare "$" in a story about a Canadian or Australian company that reports in its own dollars: "Telstra's revenue
fell 4.7% to $22 billion" is Australian dollars, as "RBC earned $4.5 billion" is Canadian. Only where the story never
writes the home currency out ("C$", "A$", "CAD", "Australian dollars"): a story that does so marks its home figures,
and its bare "$" is the US dollar of a conversion ("C$4.49 billion ($3.29 billion)")."""
from __future__ import annotations

import regex

from .article_context import Ctx
from ..numbers.parse import Mention

# the home currency written out, per currency a bare "$" may stand for
WRITTEN_OUT = {"CAD": regex.compile(r"C\$|\bCAD\b|\bCdn\$|Canadian\sdollars?", regex.IGNORECASE),
               "AUD": regex.compile(r"A\$|\bAUD\b|\bAU\$|Australian\sdollars?", regex.IGNORECASE)}
BARE = regex.compile(r"[-+]?\$|[\d.,]+\s?(?:cents?|c)$")  # "$4.5 billion", "16.5 cents"; not "US$", "C$", "A$"


def home_unit(ctx: Ctx, ent: str | None, m: Mention) -> str | None:
    """The figure's unit: the company's home dollar for a bare "$" where the story names no currency, else its own."""
    if m.unit != "USD" or ent is None or not BARE.match(m.text) \
            or (home := getattr(ctx.lex.entities.get(ent), "dollar", None)) not in WRITTEN_OUT:
        return m.unit
    key = ("written out", home)
    if key not in ctx.memo:  # once per article and currency
        ctx.memo[key] = WRITTEN_OUT[home].search(ctx.art.text) is not None
    return m.unit if ctx.memo[key] else home
