"""The margin form of arithmetic-statement: a stated margin against the profit and revenue reported
beside it ('매출 9조1,370억원, 영업이익 4,290억원 ... 영업이익률은 5.7%': 4,290 / 91,370 is 4.7%).

Within one article, a margin and the profit and revenue figures of its entity, business line, period and
span must agree within rounding. A story states its levels in the lede and its margin paragraphs later, so
the levels may stand anywhere in the article. An article may print a level twice and one of the two wrong
(a restatement with swapped digits): with up to two values of each level, the margin is flagged only when
no pair of them gives it; the finding cites the profit and revenue of the first sentence that prints
both (the lede), else the first printed. More values than that mean the text is comparing, and nothing
is checked.
"""
from __future__ import annotations

import regex

from ..models import Claim
from .common import Draft, by_article, figure, label, overlap, pct_iv, widen

PROFIT_OF = {"operating_margin": "operating_income", "net_margin": "net_income", "gross_margin": "gross_profit",
             "ebitda_margin": "ebitda", "ebita_margin": "ebita"}
MOST = 2  # distinct values of one level beyond which the article is comparing, not restating
# a stated margin this many times its levels' (or of the other sign) is another line's or another base's: on judged
# real text every such finding was typing (a division's 18.6% against the group's 3.4%), while a margin printed wrong
# is off by a digit or a few tenths
FAR = 1.6


def _far_off(stated: float, implied: float) -> bool:
    if (stated < 0) != (implied < 0) and abs(stated) >= 1 and abs(implied) >= 1:
        return True
    lo, hi = sorted((abs(stated), abs(implied)))
    return lo > 0 and hi / lo > FAR


def check(claims: list[Claim], hedge: float, slack: float) -> list[Draft]:
    out = []
    for _, cs in by_article(claims).items():
        for m in (c for c in cs if c.metric in PROFIT_OF and c.unit == "%" and not c.change and c.bound == "eq"
                  and not _aside(c)):
            profits, revenues = _levels(cs, m, PROFIT_OF[m.metric]), _levels(cs, m, "revenue")
            if (not profits or not revenues or _line_beside(cs, m)
                    or any(_gives(p[0], r[0], m, hedge, slack) for p in profits for r in revenues)
                    or _other_fits(cs, m, profits, revenues, hedge, slack)):
                continue
            profit, revenue = _pair(profits, revenues)
            lo = profit.interval(hedge)[0] / revenue.interval(hedge)[1]
            hi = profit.interval(hedge)[1] / revenue.interval(hedge)[0]
            implied = (lo + hi) / 2 * 100
            msg = f"{label(m)} is given as {figure(m)}, but {figure(profit)} on {figure(revenue)} is {implied:.1f}%."
            # (only where the margin's company is not named in its own sentence: "이테크건설의 3분기 영업이익률은 6%"
            # printed far off its levels is still that company's figure printed wrong)
            far = _far_off(m.value, implied) and not any(f == "entity" and src == "clause" for f, src, _, _ in m.evidence)
            why = "a stated margin against the profit and revenue reported beside it" + (
                f"; more than {FAR:g} times off (or of the other sign) with the company not named beside it, likelier a "
                "line's margin or another base typed as the company's, so info" if far else "")
            out.append(Draft(msg, (m, profit, revenue), f"margin|{m.entity}|{m.segment}|{m.metric}|{m.period}|{m.file}",
                             2 if far else 0, why))
    return out


def _line_beside(cs: list[Claim], m: Claim) -> bool:
    """Whether the margin's sentence, or the one before it, prints a revenue of the company's other line or books
    ("Distribution revenue grew 7% to $3.18 billion. EBITDA was $419 million, or 13.2% of sales"): the margin is of
    that line, lost in typing, and the company's own levels say nothing of it. The sentence before counts only when the
    margin's own sentence prints its profit, going on from that revenue."""
    told = any(c.sentence == m.sentence and c.metric == PROFIT_OF[m.metric] and not c.change for c in cs)
    return any(c.metric == "revenue" and c.entity == m.entity and c.period == m.period and not c.change
               and (c.sentence == m.sentence or (c.sentence == m.sentence - 1 and told))
               and c.segment not in BOOKS and _unmarked(c.segment) != _unmarked(m.segment) for c in cs)


BOOKS = ("standalone", "consolidated")  # the other books, named beside a margin, are no line of the company's


def _aside(c: Claim) -> bool:
    """'1년 전(6.5%)', '13.2%에서', 'from 43%', '가이던스(31.5%)': a margin in brackets or where a change starts is a
    base or someone's figure beside the reported one, not the margin the reported levels make."""
    i = c.quote.find(c.text)
    if i < 0:
        return True
    before, after = c.quote[max(0, i - 6):i], c.quote[i + len(c.text):i + len(c.text) + 4]
    return before.rstrip().endswith(("(", "[", "from")) or after.lstrip().startswith(("에서", "보다", "→", "->"))


def _gives(profit: Claim, revenue: Claim, m: Claim, hedge: float, slack: float) -> bool:
    """Whether this profit over this revenue is margin m within rounding (a revenue of zero or less gives
    no margin, so it cannot contradict one)."""
    if revenue.interval(0)[0] <= 0:
        return True
    lo = profit.interval(hedge)[0] / revenue.interval(hedge)[1]
    hi = profit.interval(hedge)[1] / revenue.interval(hedge)[0]
    return overlap(widen((lo, hi), slack), pct_iv(m, hedge))


def _other_fits(cs: list[Claim], m: Claim, profits: list[list[Claim]], revenues: list[list[Claim]], hedge: float,
                slack: float) -> bool:
    """Whether another margin of m's key in the article is the one the levels give: then m is a margin figured
    another way ('excluding the fine, the margin would have been 33.9%') or a restatement, and a restatement
    that disagrees is same-figure-mismatch's to report."""
    # (the end of a from-to change is a margin too: "a margin of 30.5%, down from 32.3%")
    return any(o is not m and o.metric == m.metric and o.unit == "%" and _same_key(o, m)
               and any(_gives(p[0], r[0], o, hedge, slack) for p in profits for r in revenues) for o in cs)


def _same_key(c: Claim, m: Claim) -> bool:
    return (c.entity == m.entity and c.segment == m.segment and c.period == m.period and bool(c.period)
            and c.estimate == m.estimate and (c.cadence == m.cadence or m.cadence is None))


def _same_unmarked(c: Claim, m: Claim) -> bool:
    return _same_key(c.model_copy(update={"segment": _unmarked(c.segment)}), m.model_copy(update={"segment": _unmarked(m.segment)}))


def _unmarked(segment: str | None) -> str | None:
    return None if segment == "adjusted" else segment.removesuffix("_adjusted") if segment else segment


def _levels(cs: list[Claim], m: Claim, metric: str) -> list[list[Claim]]:
    """The levels of `metric` for margin m (same entity, line, period, span and forecast flag), each value's
    printings together, first printed first; none when there are more than MOST values.

    A margin whose own sentence prints a level of `metric` is that level's margin ('HS의 영업이익은 4,065억원
    … 영업이익률은 6.1%'): when typing gave that level another key than the margin's, the two were told apart
    where the margin was not, and the margin is not checked against levels found elsewhere."""
    mine = [c for c in cs if c.sentence == m.sentence and c.metric == metric and not c.change and c.bound == "eq"
            and c.unit not in ("%", "pp", "count")]
    got: dict[float, list[Claim]] = {}
    # (and a level in the margin's own sentence is its level though one of the two is marked adjusted: "adjusted EBIT
    # came to EUR 72 million, a margin of 5.9%" is the adjusted margin the sentence's figures make)
    # (and revenue is never adjusted: an adjusted margin's revenue is the reported one)
    same = _same_unmarked if mine or metric == "revenue" else _same_key
    for c in sorted(mine or cs, key=lambda c: (c.sentence, c.line)):
        if metric == "revenue" and _gross(c):
            continue  # "Gross revenue grew 18% to Rs. 90,018 crore": a margin is reckoned on net sales
        if (c.metric == metric and not c.change and c.bound == "eq" and same(c, m)
                and c.unit not in ("%", "pp", "count")):
            got.setdefault(c.value, []).append(c)
    return list(got.values()) if len(got) <= MOST else []


GROSS = regex.compile(r"(?i:gross\s(?:revenues?|sales)|총매출)")


def _gross(c: Claim) -> bool:
    """Whether the revenue is named gross (before the taxes and pass-throughs net sales leave out)."""
    i = c.quote.find(c.text)
    return i >= 0 and GROSS.search(c.quote, max(0, i - 60), i) is not None


def _pair(profits: list[list[Claim]], revenues: list[list[Claim]]) -> tuple[Claim, Claim]:
    """The profit and revenue to cite: the first sentence that prints both (the lede that states the quarter),
    else each one's first printing."""
    for p in sorted((c for cs in profits for c in cs), key=lambda c: c.sentence):
        r = next((r for cs in revenues for r in cs if r.sentence == p.sentence), None)
        if r is not None:
            return p, r
    return profits[0][0], revenues[0][0]
