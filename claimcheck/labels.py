"""Readable names for metric and segment ids, for display only: JSON and SARIF keep the ids.

Segment ids are made from the article's words ("Google Search" -> google_search, "AMPC 제외" ->
ex_ampc), which loses their case; the words are found again in the claim's own sentence, so a
report says "Google Search" and "excluding AMPC" where the id says google_search and ex_ampc.
"""
from __future__ import annotations

from functools import lru_cache

import regex

METRICS = {"eps": "EPS", "adjusted_eps": "adjusted EPS", "roe": "ROE", "roa": "ROA", "ebitda": "EBITDA", "arr": "ARR",
           "cet1_ratio": "CET1 ratio", "kics_ratio": "K-ICS ratio", "csm": "CSM", "capex": "capex",
           "npl_ratio": "NPL ratio", "bis_ratio": "BIS ratio", "tier1_ratio": "tier 1 ratio"}
# ids whose words are not in the sentence that named them (a cue in another language, a fixed label)
SEGMENTS = {"AI": "AI", "iphone": "iPhone", "ipad": "iPad", "mac": "Mac", "greater_china": "Greater China",
            "retail_north_america": "North America retail", "retail_international": "international retail",
            "enterprise_ai": "enterprise AI", "constant_currency": "at constant currency", "mau": "MAU",
            "intelligent_cloud": "Intelligent Cloud", "microsoft_cloud": "Microsoft Cloud",
            "reality_labs": "Reality Labs", "family_of_apps": "Family of Apps", "data_center": "data center",
            "custom_chips": "custom chips", "core_cloud": "core cloud", "united_states": "United States"}


def metric(metric_id: str) -> str:
    """operating_margin -> operating margin, eps_growth -> EPS growth."""
    if metric_id in METRICS:
        return METRICS[metric_id]
    if metric_id.endswith("_growth") and metric_id != "_growth":
        return metric(metric_id[: -len("_growth")]) + " growth"
    return metric_id.replace("_", " ")


def segment(segment_id: str | None, *texts: str | None) -> str:
    """The segment as the article wrote it (found in `texts`, the claim's sentence first), else a known
    label, else the id with spaces."""
    if not segment_id:
        return ""
    body, excluding = (segment_id[3:], True) if segment_id.startswith("ex_") and len(segment_id) > 3 else (segment_id, False)
    found = next((m.group() for t in texts if t for m in [_words(body).search(t)] if m), None)
    shown = SEGMENTS.get(body) if found is None else found
    shown = shown or body.replace("_", " ")
    return f"excluding {shown}" if excluding else shown


@lru_cache(maxsize=1024)
def _words(body: str) -> regex.Pattern:
    # the id's parts, joined in the text by any short run of spaces or punctuation ("VD·DA", "Google Search");
    # a Hangul particle may follow ("MS사업본부는"), a Latin letter may not ("mac" is not in "machine")
    parts = [regex.escape(p) for p in body.split("_") if p]
    return regex.compile(r"(?<![\p{L}\p{N}])" + r"[\W_]{1,3}".join(parts) + r"(?![\p{Latin}\p{N}])", regex.IGNORECASE)


def of_claim(c) -> str:
    """A claim's segment label, looked up in its sentence and in the words its evidence records."""
    said = next((t for f, _, _, t in c.evidence if f == "segment"), None)
    return segment(c.segment, c.quote, said if said != c.segment else None)  # the id itself is no wording
