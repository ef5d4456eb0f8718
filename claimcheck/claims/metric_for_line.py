"""A business line named after its metric with a preposition: "Revenue for Disney's entertainment unit fell 6%",
"Total revenue for Media fell 19.9%", "19% revenue growth at our Theme Parks". fields_segment asks this when the
words around the figure name no line in another way."""
from __future__ import annotations

import regex

from .. import vocab as L
from .business_lines import segment_id
from .figure import Figure

METRIC_FOR = regex.compile(
    r"\b(?i:revenues?|sales|operating\s(?:income|profit|loss)|segment\s(?:profit|operating\sincome)|profits?)"
    r"(?i:\sgrowth)?\s(?i:for|at|from|in|within)\s(?i:the\s)?(?:(?i:company|firm|group)['’]s\s|(?i:our|its|their)\s|\p{Lu}[\w&.-]*['’]s\s)?"
    # a capitalised name, or a lower-case one its kind of unit follows
    # (and "sales in Asia excluding Japan": a region named by what it leaves out)
    r"(?P<seg>\p{Lu}[\w&-]*(?:\s(?:&|and|\p{Lu}[\w&-]*)){0,3}(?:\s(?:excluding|outside)\s\p{Lu}[\w&-]*)?"
    r"|[a-z][a-z-]{3,20}(?=\s(?:unit|segment|division|business)\b))")
# names that are periods, places in time or the market, not lines
NOT_A_LINE = regex.compile(r"(?i:q[1-4]|[1-4]q|h[12]|fy\d*|fiscal|first|second|third|fourth|full|the|wall|january|february|march"
                           r"|april|may|june|july|august|september|october|november|december|\d.*)(?:[\s-].*)?")  # "July-September"


# "Revenue at the German ocean carrier": words describing the company itself, its kind closing them, name no line
COMPANY_KIND = regex.compile(r"(?:\s[a-z][\w-]*){0,3}\s(?:carrier|company|group|firm|maker|retailer|lender|bank|insurer|operator"
                          r"|giant|producer|miner|airline|brewer|conglomerate|manufacturer|supplier|chipmaker|automaker|carmaker"
                          r"|shipper|shipbuilder|distiller|distributor|developer|utility|heavyweight|major)s?\b")


# "…on average. Revenue- Residential Connectivity & Platforms- Domestic Wireless : $1.25 billion": a metric, a dash and
# the line (its innermost part last) labelling the figure in the middle of a run-on line
DASHED_LABEL = regex.compile(r"\b(?i:revenues?|sales|operating\s(?:income|profit)|adjusted\sebitda|ebitda)\s?[-–—]\s"
                             r"(?P<seg>\p{Lu}[^:;.\n]{1,70}?)\s?:\s?[$€£¥₩]?$")


def metric_for_line(fig: Figure) -> str | None:
    """The line named after the figure's metric word in its clause, before the figure or just after it."""
    scan, clause, lex = fig.scan, fig.clause, fig.ctx.lex
    if dashed := DASHED_LABEL.search(scan, max(fig.sent.start, fig.m.start - 90), fig.m.start):
        last = regex.split(r"\s?[-–—]\s", dashed["seg"])[-1].strip()
        return L.topic(lex, last) or segment_id(last)
    got = None
    for x in METRIC_FOR.finditer(scan, clause[0], min(clause[1], fig.m.end + 60)):
        got = x
        if x.start() >= fig.m.end:
            break
    if got is None or NOT_A_LINE.fullmatch(got["seg"]) or got["seg"] in lex.alias_to or COMPANY_KIND.match(scan, got.end("seg")) \
            or any(True for _ in lex.entity_rx.finditer(got["seg"])):
        return None
    return L.topic(lex, got["seg"]) or segment_id(got["seg"])
