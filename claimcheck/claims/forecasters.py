"""Whose forecast a figure is: the broker or data house its sentence, or else its article, names.

Two brokers' previews of one quarter ('한화투자증권은 … 18조550억원으로 추정', '현대차증권은 … 17조6650억원을 예상')
differ by design: two sources, never one figure printed twice. A forecast naming no one is still compared.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..models import BEFORE_REVISION, COMPANY_GUIDANCE, Claim

# a Korean securities house or research shop, an English "analysts at X", a consensus provider
NAMED = regex.compile(r"(?P<ko>[\p{Hangul}A-Za-z]{2,10}(?:투자)?증권|[\p{Hangul}]{2,8}리서치)"
                      r"|\b(?:analysts?\s(?:at|from)|according\sto)\s(?P<en>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})"
                      r"|\b(?P<house>LSEG|FactSet|Visible\sAlpha|Zacks|Bloomberg|S&P\sGlobal|FnGuide|에프앤가이드)\b")


def named(text: str) -> str | None:
    """The one house a text names; None for none, or for two (a sentence that compares houses says nothing)."""
    found: set[str] = set()
    for m in NAMED.finditer(text):
        found.add(m.group().split()[-1] if m["en"] else m.group())
        if len(found) > 1:
            return None  # a second house settles it: a whole 5 MB article was read to the end for nothing
    return next(iter(found), None)


# a forecast's sentence is asked once per figure in it; whole articles are read once and never kept
_quoted = lru_cache(maxsize=4096)(named)


def with_forecasters(text: str, claims: list[Claim], printed: tuple[int | None, int | None] = (None, None)) -> list[Claim]:
    """The claims with each forecast's house: its sentence's, else the one house the whole article names; and
    each dated forecast's vintage, the year and month its article was printed in (estimates move month to month)."""
    if not any(c.estimate for c in claims):
        return claims
    whole = named(text)
    out: list[Claim] = []
    for c in claims:
        who = (_guided(c.quote) or _quoted(c.quote) or whole) if c.estimate else None
        update: dict = {}
        if c.estimate and _superseded(c):
            who = f"{who or 'the source'}{BEFORE_REVISION}"
        if who:
            update["forecaster"] = who
        if c.estimate and c.period and c.context_month is None and printed[1] is not None:
            update.update(context_year=printed[0], context_month=printed[1])
        out.append(c.model_copy(update=update) if update else c)
    return [c.model_copy(update=_revised_span(c, i, out)) if (c.forecaster or "").endswith(BEFORE_REVISION) else c
            for i, c in enumerate(out)]


# "가이던스를 기존 37.20달러에서 33달러로 하향", "전망치를 종전 1조원에서": the old figure of a revised plan
OLD_BEFORE = regex.compile(r"(?:기존|종전|당초|이전|previous|prior|earlier|old)\s?(?:[\p{Hangul}]{1,6}\s)?$", regex.IGNORECASE)
FROM_AFTER = regex.compile(r"\s?(?:에서|→|->)")


# "raising its outlook to $2.56 to $2.62 from the high end of $2.45 to $2.55", "(prior range $7.06–$7.20)": the plan
# a revision leaves behind
EN_OLD_PLAN = regex.compile(r"\b(?:prior|previous|earlier|old)\s(?:guidance|outlook|range|forecast)(?:\srange)?(?:\sof)?:?\s[$€£¥₩]?$",
                            regex.IGNORECASE)
EN_FROM = regex.compile(r"\bfrom\s(?:the\s(?:high|low|upper|lower)\s(?:end|half)\sof\s)?(?:(?:its|the)\s)?"
                        r"(?:(?:prior|previous|earlier|old)\s)?(?:(?:guidance|outlook|range)\s(?:of\s)?)?[$€£¥₩]?$", regex.IGNORECASE)
REVISED_WORDS = regex.compile(r"\b(?:rais|increas|lift|boost|lower|cut|reduc|narrow|updat|revis|trim)\w*", regex.IGNORECASE)


def _superseded(c: Claim) -> bool:
    at = c.quote.find(c.text)
    if at < 0:
        return False
    if OLD_BEFORE.search(c.quote, max(0, at - 16), at) is not None and FROM_AFTER.match(c.quote, at + len(c.text)):
        return True
    if EN_OLD_PLAN.search(c.quote, max(0, at - 40), at) is not None:
        return True
    return EN_FROM.search(c.quote, max(0, at - 40), at) is not None and REVISED_WORDS.search(c.quote, 0, at) is not None


# "매출 가이던스는 48조5,000억엔에서 49조엔으로", "the company guided to": the company's own plan, not the house's
GUIDED = regex.compile(r"가이던스|\bguid(?:ance|ed|es)\b|\boutlook\b|회사\s?측?(?:은|는|이)\s", regex.IGNORECASE)


def _guided(quote: str) -> str | None:
    return COMPANY_GUIDANCE if GUIDED.search(quote) else None


def _revised_span(old: Claim, i: int, claims: list[Claim]) -> dict:
    """The old figure of a revision plans the span the new one does: read as a base, "from" gave "lifted FY26 free
    cash flow guidance to $975M (from $875M)" the year before. The new figure follows the old in "기존 505억원에서
    539억원으로" and comes first in "to $975M (from $875M)"."""
    at = old.quote.find(old.text)
    later = at >= 0 and FROM_AFTER.match(old.quote, at + len(old.text)) is not None
    side = claims[i + 1:] if later else reversed(claims[:i])
    new = next((c for c in side if c.sentence == old.sentence and c.file == old.file and c.estimate
                and c.metric == old.metric and c.period), None)
    if new is None or new.period == old.period:
        return {}
    said = next((e for e in new.evidence if e[0] == "period"), None)
    evidence = tuple(said if e[0] == "period" and said else e for e in old.evidence)
    return {"period": new.period, "cadence": new.cadence, "evidence": evidence}
