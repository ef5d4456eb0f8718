"""Comparable, like-for-like and same-store sales growth as a metric of its own. The builder reads such a growth as
revenue growth on the 'comparable' basis (a segment, so a region keeps its name beside it: 'france_comparable'); the
claim carries it as `comparable_sales_growth`, the id editors and analysts file it under, with the region alone as
its segment. Its levels are never the company's revenue, so no rule derives it from them."""
from __future__ import annotations

BASIS = "comparable"


def basis_metric(metric: str, seg: str | None) -> tuple[str, str | None]:
    """(metric, segment) with revenue growth on the comparable basis read as comparable sales growth."""
    if metric != "revenue_growth" or not seg:
        return metric, seg
    parts = seg.split("_")
    if BASIS not in parts:
        return metric, seg
    rest = "_".join(p for p in parts if p != BASIS)
    return "comparable_sales_growth", rest or None
