"""implied-fx-rate: a figure with its conversion beside it implies an exchange rate; flag implausible or inconsistent ones.

"3,800억 위안(약 530억 달러)" implies 7.17 CNY per USD. A rate outside the plausible band
for its currency pair (bands kept as data in rules/fx_bands.yaml or the config) is
reported, and so are rates for one pair that stray from the corpus median by more than
`tolerance`.
"""
from __future__ import annotations

from statistics import median

import regex
from pydantic import Field

from .. import vocab as L
from ..models import Claim
from ..rule_spec import RuleOptions
from .common import Draft, by_sentence, figure, year_of

KIND = "implied-fx-rate"
SCOPE = "corpus"  # the spread is judged against the median of the whole run
ALIASES = ("fx-rate",)  # the kind's earlier name, still accepted in rule files


class Options(RuleOptions):
    measure_matters: bool = Field(False, description="a conversion is of one amount, whatever it measures")
    tolerance: float = Field(0.05, description="how far (relative) an implied rate may stray from the corpus median "
                                               "for its currency pair")
    bands: list[dict] = Field(default_factory=list, description=(
        "extra plausible bands, each {base, quote, low, high} and optionally the years {since, until} of the articles "
        "they judge, on top of rules/fx_bands.yaml and the config's fx_bands"))


def _pairs(claims: list[Claim]):
    for cs in by_sentence(claims).values():
        money = [c for c in cs if c.unit not in ("%", "pp", "count")]
        for a, b in zip(money, money[1:]):
            if a.unit != b.unit and (a.metric, a.entity, a.period) == (b.metric, b.entity, b.period) \
                    and b.line == a.line and a.value and b.value and _marked(a) and _marked(b) and _beside(a, b):
                yield a, b


def _beside(a: Claim, b: Claim) -> bool:
    """Whether b is printed right after a ("$38.4 million (€35.3M)", "100억 달러(약 13조원)"): a conversion stands beside
    its amount, so "rose $38.4 million (€35.3M) to $183.3 million" pairs the euros with the first amount only."""
    return 0 <= b.column - (a.column + len(a.text)) <= 6 and regex.search(
        regex.escape(a.text) + r"\s?[(（]\s?(?:약|about|approx\.?|roughly)?\s?" + regex.escape(b.text), a.quote) is not None


WON_MARKS = ("원", "₩", "KRW", "won")


def _marked(c: Claim) -> bool:
    """Whether the figure prints its currency: "1억 3,200만" cut off before its unit was read as won by default,
    and is no conversion of the dollars beside it."""
    return c.unit != "KRW" or any(w in c.text for w in WON_MARKS)


def relevant(claims: list[Claim]) -> list[Claim]:
    """The claims of the sentences that hold a conversion: all the check reads, so a partitioned run
    gathers only these for its one run over the whole corpus (the sentence's other money figures
    stay, so the same neighbours pair up)."""
    keep = {(a.file, a.sentence) for a, _ in _pairs(claims)}
    return [c for c in claims if (c.file, c.sentence) in keep]


Band = tuple[float, float]


def _band(bands: list[dict], base: str, quote: str, year: int | None) -> Band | None:
    """The plausible (low, high) for one pair in the year an article was written: the last band listed for the pair
    whose years hold that year (a band naming no years holds every year; an undated article takes the latest band)."""
    fits = [b for b in bands if (b["base"], b["quote"]) == (base, quote)
            and (year is None and b.get("until") is None
                 or year is not None and (b.get("since") or 0) <= year <= (b.get("until") or 9999))]
    return (float(fits[-1]["low"]), float(fits[-1]["high"])) if fits else None


def check(claims: list[Claim], options: Options, lexicon: L.Lexicon) -> list[Draft]:
    o = options
    listed = [*lexicon.fx_bands, *o.bands]
    known = {(b["base"], b["quote"]) for b in listed}
    # a pair's rates are compared within one year: a 2011 story's yen and a 2025 one's differ by design
    rates: dict[tuple[str, str, int | None], list[tuple[float, Claim, Claim]]] = {}
    bands: dict[tuple[str, str, int | None], Band | None] = {}
    out = []
    for a, b in _pairs(claims):
        for base, quote in ((a, b), (b, a)):
            if (base.unit, quote.unit) not in known:
                continue
            # the year the figure is of (else the article's, for an undated one): the rate of its day
            year = year_of(a.period) or a.context_year
            band = _band(listed, base.unit, quote.unit, year)
            bands[base.unit, quote.unit, year] = band
            # a conversion is of the same amount, loss or profit: a sign only one side carries was lost in typing
            rate = abs(quote.value / base.value)
            rates.setdefault((base.unit, quote.unit, year), []).append((rate, base, quote))
            if band is None:
                break  # no band drawn for the article's year: only the spread among that year's rates is judged
            if not band[0] <= rate <= band[1]:
                msg = (f"{figure(a)} and its conversion {figure(b)} imply {rate:,.4g} {quote.unit} per "
                       f"{base.unit}, outside the plausible {band[0]:g}-{band[1]:g}.")
                out.append(Draft(msg, (a, b), f"band|{a.text}|{b.text}", why="a figure and its stated conversion"))
            break
    for (bu, qu, year), rs in rates.items():
        # rates outside the band are reported above; the spread is judged among the plausible ones
        in_band = bands.get((bu, qu, year)) or (0, float("inf"))
        rs = [t for t in rs if in_band[0] <= t[0] <= in_band[1]]
        if len(rs) < 2:
            continue
        mid = median(r for r, _, _ in rs)
        odd = [(r, x, y) for r, x, y in rs if abs(r / mid - 1) > o.tolerance]
        if odd:
            members = tuple(c for _, x, y in odd for c in (x, y))
            msg = (f"Implied {qu}/{bu} rates disagree: the corpus median is {mid:,.4g}, but "
                   + "; ".join(f"{figure(x)} = {figure(y)} gives {r:,.4g}" for r, x, y in odd) + ".")
            out.append(Draft(msg, members, f"spread|{bu}|{qu}", 1, "conversions between one currency pair"))
    return out
