"""A growth on a basis that makes it a measure of its own: comparable (like-for-like, same-store) sales growth and
organic growth. The builder reads such a growth as, say, revenue growth on the 'organic' basis (a segment, so a
region or line keeps its name beside it: 'france_comparable', 'energy_management_organic'); the claim carries it
under the id editors and analysts file it under (`rules/metrics.yaml`, `basis_of`), with the region or line alone
as its segment. Its levels are never the company's reported ones, so no rule derives it from them."""
from __future__ import annotations

from ..metric_taxonomy import taxonomy


def basis_metric(metric: str, seg: str | None) -> tuple[str, str | None]:
    """(metric, segment) with a growth on a basis of its own read as that basis's metric."""
    if not seg or not metric.endswith("_growth"):
        return metric, seg
    parts = seg.split("_")
    for part in parts:
        # ("| Industrial Automation org. (%) |": a table's short form of the basis)
        if got := taxonomy().on_basis(SHORT.get(part, part), metric):
            rest = "_".join(p for p in parts if p != part)
            return got, rest or None
    return metric, seg


SHORT = {"org": "organic"}
