"""A figure a sentence compares another with shares that figure's line and basis: "Adjusted operating margin was
17.5%, compared with 20.0% a year earlier" gives both figures the adjusted basis, "Cloud revenue was $5 billion,
up from $4 billion" both the cloud line. Without it the base lands in the whole company's key and contradicts it."""
from __future__ import annotations

import regex

from ..models import Claim

# the comparison words that make the figure right after them the base of the figure before
COMPARED_WITH = regex.compile(r"\b(?:compared\s(?:with|to)|versus|vs\.?|against|up\sfrom|down\sfrom|from)\s(?:the\s)?"
                              r"(?:about\s|roughly\s|nearly\s)?[$€£¥₩]?$"
                              r"|(?:에서|대비)\s?$", regex.IGNORECASE)


# "방산 매출 1조6560억·영업익 4399억원": a headline's dot-joined figures are of the line named before the first
DOT_JOINED = regex.compile(r"(?:[\d,.]+\s?[조억만천]?\s?){1,4}원?\s?[·ㆍ]\s?[\p{Hangul}A-Za-z]{1,6}\s?")


def with_compared(made: list[Claim], starts: list[int], scan: str) -> list[Claim]:
    """made and starts are one sentence's claims and where their figures start, in order."""
    out = list(made)
    for i in range(1, len(out)):
        c = out[i]
        if OR_ASIDE.search(scan, max(0, starts[i] - 8), starts[i]) and out[i - 1].period != c.period \
                and out[i - 1].entity == c.entity:
            # "A year earlier, the automaker earned $3.06 billion, or $2.68 per share": the aside restates its figure
            # per share, for the same span; and "$3.41 billion or 78 cents per share in the year-ago quarter" names
            # the span of both after the second
            if _base_period(c):
                out[i - 1] = _with_period(out[i - 1], c)
            else:
                out[i] = c = _with_period(c, out[i - 1])
        if c.segment is not None:
            continue
        if DOT_JOINED.fullmatch(scan, starts[i - 1], starts[i]) and out[i - 1].segment and out[i - 1].entity == c.entity:
            out[i] = _with_segment(c, out[i - 1])
            continue
        if PRIOR_RANGE.search(scan, max(0, starts[i] - 40), starts[i]) and (p := _money_before(out[:i], c)) is not None \
                and p.metric != c.metric:
            # "revenue of $60.2 billion to $61.0 billion, up from a prior range of $59.0 billion to $60.0 billion": the
            # old range is of what the new one is, whatever word comes after it
            ev = tuple(next(e for e in p.evidence if e[0] == "metric") if e[0] == "metric" else e for e in c.evidence)
            out[i] = c = c.model_copy(update={"metric": p.metric, "evidence": ev})
        if not COMPARED_WITH.search(scan, max(0, starts[i] - 24), starts[i]):
            continue
        prev = next((p for p in reversed(out[:i]) if p.metric == c.metric and p.unit == c.unit), None)
        if prev is not None and prev.segment is not None and prev.entity == c.entity:
            out[i] = _with_segment(c, prev)
    return out


OR_ASIDE = regex.compile(r",?\sor\s(?:about\s)?[$€£¥₩]?$")
YEAR_AGO_WORDS = regex.compile(r"year[\s-](?:ago|earlier)|prior[\s-]year|previous[\s-]year|same\s(?:quarter|period)\slast", regex.IGNORECASE)


def _base_period(c: Claim) -> bool:
    return any(e[0] == "period" and e[1] == "clause" and isinstance(e[3], str) and YEAR_AGO_WORDS.search(e[3])
               for e in c.evidence)


def _with_period(c: Claim, src: Claim) -> Claim:
    ev = tuple(next(e for e in src.evidence if e[0] == "period") if e[0] == "period" else e for e in c.evidence)
    return c.model_copy(update={"period": src.period, "evidence": ev, "cadence": src.cadence, "context_year": src.context_year})
PRIOR_RANGE = regex.compile(r"\bfrom\s(?:a|its|the)\s(?:prior|previous|earlier|old)\s(?:range|forecast|guidance|estimate|target)"
                         r"\s(?:of\s)?[$€£¥₩]?$", regex.IGNORECASE)


def _money_before(made: list[Claim], c: Claim) -> Claim | None:
    return next((p for p in reversed(made) if p.unit == c.unit and not p.change), None)


def _with_segment(c: Claim, prev: Claim) -> Claim:
    """c with prev's segment, whose evidence (in the same sentence) is c's too."""
    seg_ev = next((e for e in prev.evidence if e[0] == "segment"), None)
    ev = tuple(seg_ev if e[0] == "segment" and seg_ev else e for e in c.evidence)
    return c.model_copy(update={"segment": prev.segment, "evidence": ev})
