"""A figure restated later in an article with a neighbouring figure's value: 'the chemicals segment made 171억원
… 식품 부문 152억원' in the segment paragraph, then an official quoted on '화학 부문 영업이익 152억원'; Neuroscience's
$2.53 billion in the segment list, then 'Neuroscience, which brought in $2.19 billion' (Medical Surgical's).

An article that gives one figure two unlike values has mostly had a segment, period or basis lost in typing
(same-figure-mismatch reports it at info). This is the one-sided swap (`swaps.py` holds the two-sided one) that
typing does not make: the second value is an amount printed for a sibling figure (another named line, another
stated period, another company) on another line, and where it is restated, the field that tells the two apart is
stated in its own clause, table cell or caption. (Another measure is left out: last year's GAAP and adjusted EPS
often share a value.) Typing that loses a line leaves that field empty or
carried; here it was written out, so the writer, not the typing, put the wrong value under it.

Rates count only when printed to a decimal place (or with two digits) and shared with a sibling line or period of the same company
('+1.7% in Domestic and +5.1% in International', then 'International comparable sales grew only 1.7%'): a 4% is
printed for many things in one article, so a whole rate that also belongs to a sibling is as likely chance as a
slip; a two-digit one less so. Left out too are figures on adjacent lines (a bullet list, a row and the next), where
a label lost between two lines looks the same.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import regex

from ..metric_taxonomy import taxonomy
from ..models import STATED, Claim
from .swaps import place_of, who_of

FIELDS = ("entity", "segment", "metric", "period")
# a measure and its adjusted twin often share a value (last year's GAAP and adjusted EPS): no evidence of a slip
APART = ("entity", "segment", "period")
RATES = ("%", "pp", "bp")
# a rate shared with another company is as likely chance; one shared with the same company's sibling line or period,
# that line or period written out where it is restated, is the sibling's rate put under this one
RATE_APART = ("segment", "period")
# and only a rate printed to a decimal place or of two digits: a 4% or a 7% recurs in one article by chance, a 1.7% or
# a 24% much less often (measured on the held-out sets in session 35: the two-digit whole rates restated under a
# sibling line were all planted slips, and no false alarm followed)
FINE_RATE = regex.compile(r"\d\.\d|(?<![\d.])[1-9]\d(?![\d.])")

# (file, cadence, basis, unit) -> (entity, segment, metric, period) -> that figure's exact printings
Printings = dict[tuple, dict[tuple[str | None, ...], list[Claim]]]


def printings(claims: list[Claim]) -> Printings:
    """Every article's exact figures by (company, line, metric, period), for each of its cadences, bases and units."""
    out: Printings = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.low is None and c.bound == "eq" and (c.unit not in RATES or FINE_RATE.search(c.text) or _large_share(c)):
            out[place_of(c)][who_of(c)].append(c)
    return out


def _large_share(c: Claim) -> bool:
    """A share of a whole of ten percent or more ('북미가 58%, 중동이 23%'): a breakdown's parts are few and apart, so
    one line's share restated under another is no chance likeness, as a small whole rate of change may be."""
    return c.unit == "%" and c.value >= 10 and taxonomy().share_of(c.metric) is not None


def restated_wrong(members: list[Claim], index: Printings, family: Callable[[str | None], str | None] = lambda e: e) -> bool:
    """Whether one article's two unlike values for a figure are its own value and a sibling's value restated
    under it on a line of its own, with the field that sets the sibling apart stated where it is restated.
    A sibling company counts only within the figure's company family: a run split by key (partition.py) sees
    no other family's figures, and its findings must be the in-memory run's."""
    values = {c.value for c in members}
    if len(values) != 2 or len({c.file for c in members}) != 1:
        return False
    own = who_of(members[0])
    for who, sib in _sibling_printings(index, members[0]):
        apart = [i for i, (a, b) in enumerate(zip(who, own)) if a != b]
        if len(apart) == 1 and FIELDS[apart[0]] in (RATE_APART if members[0].unit in RATES else APART) \
                and who[apart[0]] is not None and own[apart[0]] is not None \
                and (FIELDS[apart[0]] != "entity" or family(who[0]) == family(own[0])):
            # (a rate restated with its sign turned is the sibling's still: LNG's +18.6% as dry bulk's "18.6% 줄어든")
            size = abs if members[0].unit in RATES else _same
            shared = {size(v) for v in values} & {size(c.value) for c in sib}
            if len(shared) == 1 and _restated(members, sib, shared.pop(), FIELDS[apart[0]], size):
                return True
    return False


def _sibling_printings(index: Printings, c: Claim) -> list[tuple[tuple[str | None, ...], list[Claim]]]:
    """The article's printings of c's place, and for a quarter's figure the running totals' too: "3분기 매출
    3조2,514억원" restates the nine months' total under the quarter, another period's amount like any other."""
    place = place_of(c)
    out = list(index.get(place, {}).items())
    if c.cadence == "quarterly":
        out += list(index.get((place[0], "ytd", *place[2:]), {}).items())
    return out


def _same(v: float) -> float:
    return v


def _restated(members: list[Claim], sib: list[Claim], value: float, field: str,
              size: Callable[[float], float] = _same) -> bool:
    """The sibling's `value` printed under this figure on lines apart from the sibling's printings of it and from
    this figure's own value, each with `field` stated there."""
    mine = [c for c in members if size(c.value) == value]
    rest = [c for c in members if size(c.value) != value]
    sib_lines = {c.line for c in sib if size(c.value) == value}
    return (not any(c.line in sib_lines for c in mine)
            and all(abs(a.line - b.line) > 1 for a in mine for b in rest)
            and all(_stated(c, field) for c in mine))


def _stated(c: Claim, field: str) -> bool:
    return any(f == field and s in STATED and s != "heading" for f, s, _, _ in c.evidence)
