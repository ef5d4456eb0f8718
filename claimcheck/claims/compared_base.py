"""A figure a sentence compares another with shares that figure's line and basis: "Adjusted operating margin was
17.5%, compared with 20.0% a year earlier" gives both figures the adjusted basis, "Cloud revenue was $5 billion,
up from $4 billion" both the cloud line. Without it the base lands in the whole company's key and contradicts it."""
from __future__ import annotations

import regex

from ..models import Claim
from ..calendar import compared_period
from ..vocab import taxonomy

# the comparison words that make the figure right after them the base of the figure before
COMPARED_WITH = regex.compile(r"\b(?:compared\s(?:with|to)|versus|vs\.?|against|up\sfrom|down\sfrom|from|below|above)\s(?:the\s)?"
                              r"(?:about\s|roughly\s|nearly\s)?[$€£¥₩]?$"
                              r"|(?:에서|대비)\s?$", regex.IGNORECASE)


# "방산 매출 1조6560억·영업익 4399억원": a headline's dot-joined figures are of the line named before the first
DOT_JOINED = regex.compile(r"(?:[\d,.]+\s?[조억만천]?\s?){1,4}원?\s?[·ㆍ]\s?[\p{Hangul}A-Za-z]{1,6}\s?")
# "$3.06 billion, or $2.68 per share": the same figure restated per share
OR_ASIDE = regex.compile(r",?\sor\s(?:about\s|approximately\s|roughly\s)?[$€£¥₩]?$")
# "up from a prior range of $59.0 billion to $60.0 billion": the old value of what the sentence gave before
PRIOR_RANGE = regex.compile(r"\bfrom\s(?:a|its|the)\s(?:prior|previous|earlier|old)\s(?:range|forecast|guidance|estimate|target|outlook)"
                         r"\s(?:of\s)?[$€£¥₩]?$", regex.IGNORECASE)


BASIS_SUFFIX = regex.compile(r"(?:^|_)(?:comparable|organic|constant_currency|adjusted|company_owned_comparable)$")
TO_LEVEL = regex.compile(r"\sto\s(?:about\s)?[$€£¥₩]?$")
OLD_TARGET = regex.compile(r"[(\[]\s?(?:from|prev\.?|previously|was|old|기존|종전)\s?:?\s?$", regex.IGNORECASE)


def _growth(c: Claim) -> bool:
    return taxonomy().is_growth(c.metric)


def with_compared(made: list[Claim], starts: list[int], scan: str) -> list[Claim]:
    """made and starts are one sentence's claims and where their figures start, in order."""
    out = list(made)
    for i in range(1, len(out)):
        c, before = out[i], out[i - 1]
        if OR_ASIDE.search(scan, max(0, starts[i] - 8), starts[i]) and before.period != c.period \
                and before.entity == c.entity and _growth(c) == _growth(before):
            # (not "to €1,806m (H1 24: €1,689m), or 7.7% at constant currency": a rate after a base is the change's)
            # "A year earlier, the automaker earned $3.06 billion, or $2.68 per share": the aside restates its figure
            # per share, for the same span; and "$3.41 billion or 78 cents per share in the year-ago quarter" names
            # the span of both after the second
            if compared_period(c) or _finer(c.period, before.period):
                out[i - 1] = _take(before, c, "period", "cadence", "context_year", "context_month")
            else:
                out[i] = c = _take(c, before, "period", "cadence", "context_year", "context_month")
        if i >= 2 and _growth(c) and _restated_per_share(out[i - 2], before, starts[i - 1], scan) \
                and taxonomy().growth_of(c.metric) in PER_SHARE and (g := taxonomy().growth(out[i - 2].metric)):
            # "$287.5 million in net income or $1.49/share, +89%": the change after a per-share aside is the amount's
            out[i] = c = _take(c, out[i - 2], "segment").model_copy(update={"metric": g})
        if _growth(before) and not _growth(c) and before.segment and c.segment != before.segment and before.entity == c.entity \
                and TO_LEVEL.search(scan, max(0, starts[i] - 8), starts[i]) and taxonomy().growth_of(before.metric) == c.metric:
            # "Recheio's slipped 1.9% to €408m": the level the line's change arrived at (on no basis: "Gucci: -12.0%
            # (comparable), to 1.41 billion euros" reached a reported level)
            line = BASIS_SUFFIX.sub("", before.segment)
            if line and line != c.segment:
                out[i] = c = _take(c, before, "segment").model_copy(update={"segment": line})
        if before.metric == "price_target" and c.metric != "price_target" and c.unit == before.unit \
                and OLD_TARGET.search(scan, max(0, starts[i] - 16), starts[i]):
            # "Our €58.00 PT (from €52.00)": the target it replaced, no share price
            out[i] = c = _take(c, before, "metric", "period", "estimate")
        if c.segment is not None:
            continue
        if DOT_JOINED.fullmatch(scan, starts[i - 1], starts[i]) and before.segment and before.entity == c.entity:
            out[i] = _take(c, before, "segment")
            continue
        if PRIOR_RANGE.search(scan, max(0, starts[i] - 40), starts[i]) \
                and (p := next((p for p in reversed(out[:i]) if p.unit == c.unit and not p.change), None)) is not None \
                and (p.metric, p.segment) != (c.metric, c.segment):
            # "revenue of $60.2 billion to $61.0 billion, up from a prior range of $59.0 billion to $60.0 billion": the
            # old range is of what the new one is, whatever word comes after it, and of its line ("adjusted")
            out[i] = c = _take(c, p, "metric", "segment")
        if not COMPARED_WITH.search(scan, max(0, starts[i] - 24), starts[i]):
            continue
        prev = next((p for p in reversed(out[:i]) if p.metric == c.metric and p.unit == c.unit), None)
        if prev is not None and prev.segment is not None and prev.entity == c.entity:
            out[i] = _take(c, prev, "segment")
    return out


# "operating income was $283 million, or 33% of revenue, compared to $372 million, or 40% a year ago": the percent
# restates the amount before it as a share of revenue (a margin), and the base names no metric of its own
OR_PCT = regex.compile(r",?\s\(?(?:or|representing|equal\sto)\s$|\s\($")  # and "$7 billion in free cash flow (44% of revenue)"
# and "non-GAAP operating income hit a record $85 million, with a margin of 15%": the level's rate, said after it
RATE_ASIDE = regex.compile(r",?\s(?:or|representing|equal\sto|with\san?\s(?:[\w-]+\s)?margin\sof)\s$|\s\($", regex.IGNORECASE)
OF_REVENUE = regex.compile(r"\s?(?:of\s(?:total\s|net\s)?(?:revenues?|sales)\b|(?:,\s)?a\syear\s(?:ago|earlier)|last\syear)", regex.IGNORECASE)
OWN_CUE_AFTER = regex.compile(r"\s(?:(?:in|of)\s(?:total\s|net\s)?(?:revenues?|sales|operating|net|gross|profit|income|earnings)"
                              r"|close\b|closing\b|(?:per|a)\sshare\b)", regex.IGNORECASE)


def _same_order(a: float, b: float) -> bool:
    return bool(a and b) and 0.05 <= abs(a / b) <= 20


def _margin_of(numerator: str) -> str | None:
    t = taxonomy()
    return next((m for m in t.by_family["ratio"] if t.ratio_of(m) == (numerator, "revenue")), None)


def with_restated(made: list[Claim], starts: list[int], ends: list[int], scan: str) -> list[Claim]:
    """A compared amount with no metric word of its own is of the metric it is compared with; a percent that
    restates a profit as a share of revenue is that profit's margin."""
    out = list(made)
    levels: list[tuple[Claim, int]] = []
    rates: list[tuple[Claim, int]] = []  # the sentence's amounts and rates so far and where each ends; only the
    # last few are looked at, so a run-on line stays linear
    for i, c in enumerate(out):
        # the amount it restates or is compared with is of its order ("$34.98 billion, or $2.87 per share, from
        # $26.30 billion": the base goes with the billions, not the per-share figure between)
        level, level_end = next(((p, e) for p, e in reversed(levels[-4:]) if p.entity == c.entity
                                 and (c.unit == "%" or _same_order(p.value, c.value))), (None, 0))
        # "Operating margin was 11.9%, down from 12.7%, as tariff-related costs …": a rate's base is that rate
        base, base_end = next(((p, e) for p, e in reversed(rates[-4:]) if p.entity == c.entity or c.entity is None),
                              (None, 0)) if c.unit == "%" else (level, level_end)
        if base is not None and c.unit == base.unit and c.metric != base.metric and not c.change \
                and COMPARED_WITH.search(scan, max(0, starts[i] - 24), starts[i]) \
                and not OWN_CUE_AFTER.match(scan, ends[i], ends[i] + 16) \
                and not _named_between(c, scan, base_end, starts[i]):
            out[i] = c = _take(c, base, "metric", "segment", *(("entity",) if c.entity is None else ()))
        if level is not None and c.unit == "%" and OR_PCT.search(scan, max(0, starts[i] - 16), starts[i]) \
                and OF_REVENUE.match(scan, ends[i], ends[i] + 20) and (margin := _margin_of(level.metric)):
            out[i] = _take(c, level, "metric", "segment", "period", "cadence").model_copy(update={"metric": margin})
        elif level is not None and c.unit == "%" and c.segment is None and level.segment \
                and RATE_ASIDE.search(scan, max(0, starts[i] - 32), starts[i]) and c.metric == _margin_of(level.metric):
            out[i] = c = _take(c, level, "segment")  # "Non-GAAP gross profit was $339.1 million, or 78.8% gross margin"
        if c.unit != "%" and not c.change:
            levels.append((c, ends[i]))
        elif c.unit == "%" and c.metric in RATIOS:
            rates.append((c, ends[i]))  # ("11.9%, down from 12.7%": a level its own move follows is still one)
    return out


def _named_between(c: Claim, scan: str, start: int, end: int) -> bool:
    """Whether the words that named c's metric open c's own clause between the earlier amount and c: "net income fell
    from $1.37 billion to $834 million, while operating income climbed from $1.32 billion" names its own, while in
    "$283 million, or 33% of revenue, compared to $372 million" the revenue is the percent's."""
    words = next((t for f, s, _, t in c.evidence if f == "metric" and s == "clause"), None)
    if not words:
        return False
    at = scan.rfind(words, start, end)
    if at < 0 or "," in scan[at:end] or OF_BEFORE.search(scan, max(start, at - 4), at):
        return False
    # a verb stands between the words and the comparison ("operating income climbed from"); in "1635억원 이익에서 341억원
    # 손실로" the word is the earlier amount's own and the loss is the same profit's
    gap = scan[at + len(words):end]
    marker = COMPARED_WITH.search(gap)
    return marker is not None and bool(gap[:marker.start()].strip())


OF_BEFORE = regex.compile(r"\bof\s$", regex.IGNORECASE)


def without_cost_per_share(made: list[Claim], starts: list[int], scan: str) -> list[Claim]:
    """"costs of $41 million, or $0.07 per share, related to the merger": a cost restated per share is no EPS, and
    as a cost it would stand in the amount's key beside the amount itself, so it is no claim."""
    costs = taxonomy().has("spent") | taxonomy().has("cost_item")
    drop = {i for i in range(1, len(made)) if made[i].metric in PER_SHARE and made[i - 1].metric in costs
            and OR_ASIDE.search(scan, max(0, starts[i] - 24), starts[i])}
    return [c for i, c in enumerate(made) if i not in drop] if drop else made


PER_SHARE = frozenset({"eps", "adjusted_eps"})


def _restated_per_share(amount: Claim, per_share: Claim, start: int, scan: str) -> bool:
    """Whether per_share restates amount in an "or $X per share" aside: a level of the same entity, then EPS."""
    return per_share.metric in PER_SHARE and amount.entity == per_share.entity and not amount.change \
        and amount.unit == per_share.unit and bool(OR_ASIDE.search(scan, max(0, start - 24), start))
RATIOS = taxonomy().by_family["ratio"]


def _finer(period: str | None, other: str | None) -> bool:
    """Whether period is a quarter of the year other names: "$558 million, or $1.53 per share, in last year's third
    quarter" dates both by the quarter, not by the year the amount's own reading stopped at."""
    return bool(period and other and "Q" in period and "Q" not in other
                and period.split("Q")[0].removeprefix("FY") == other.removeprefix("FY"))


def _take(c: Claim, src: Claim, field: str, *also: str) -> Claim:
    """c with src's `field` (and the fields `also` that go with it), and src's evidence for it: the words that decided
    it stand in the same sentence."""
    taken = {field, *also}
    src_ev = {e[0]: e for e in src.evidence if e[0] in taken}
    ev = tuple(src_ev.get(e[0], e) for e in c.evidence)
    return c.model_copy(update={field: getattr(src, field), "evidence": ev, **{f: getattr(src, f) for f in also}})
