"""An article that reports its company's results without a business it sold: "회계 기준에 따라 양도 완료한 급식사업을
중단사업으로 분류하고 이를 제거한 실적", "excluding discontinued operations".

Such an article's revenue and operating profit are the continuing businesses', another measure of the company than the
figure an outlet prints with the sold business still in; typing them alike sets one against the other. So its
company-level revenue and operating figures are given the basis `continuing`, with the sentence that says so as their
evidence. Net income keeps none: the gain on the sale is in it, whichever way the article counts the rest.
"""
from __future__ import annotations

import regex

from .. import vocab as L
from ..models import Claim
from .article_context import Ctx
from .evidence import Where, record_field

# (a business classified as discontinued is out of the revenue and operating figures by the accounting rules, whether
# or not the article says so again)
SCOPE = regex.compile(r"중단(?:사업|영업)(?:부문)?['’\"”]?\s?(?:으로|로)\s?(?:재)?분류"
                      # (not "EPS from continuing operations": US releases print it whether or not anything was sold)
                      r"|\bexcluding\s(?:the\s)?discontinued\soperations\b"
                      r"|\bclassified\sas\s(?:a\s)?discontinued\soperations?\b", regex.IGNORECASE)
SCOPED = ("revenue", "operating_income", "operating_margin")


def continuing(ctx: Ctx, claims: list[Claim]) -> list[Claim]:
    """The claims with the continuing businesses' basis where their article says it reports without a sold one."""
    scan = ctx.lay.scan
    said = SCOPE.search(scan) if ("중단" in scan or "discontinued" in scan) else None  # SCOPE needs one of them
    if said is None or ctx.main is None:
        return claims
    where = Where("carried", said.start(), said.end())
    return [c.model_copy(update={"segment": "continuing",
                                 "evidence": record_field(ctx.lay, c.evidence, "segment", where)})
            if c.entity == ctx.main and c.segment is None and _scoped(c.metric) else c for c in claims]


def _scoped(metric: str) -> bool:
    return (L.taxonomy().growth_of(metric) or metric) in SCOPED
