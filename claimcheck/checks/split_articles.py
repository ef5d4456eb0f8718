"""Articles that give one figure two unlike values, seen from a conflict between articles.

same-figure-mismatch reports at info a conflict inside one article whose values are no slip of each other:
typing lost a segment, period or basis there. The same loss also reaches across articles: IDEXX's revenue
grew 11% in three articles, and one of them also says revenue grew 9% (organically, in words typing missed).
Its 9% then conflicts with the others' 11%, though no outlet disagrees with another. So a value printed only
by articles that are split this way is doubted, and a conflict that is gone once the doubted values are set
aside is no evidence that two outlets disagree.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..models import Claim
from .common import overlap
from .slips import slip


def split_files(comp: Sequence[int], ivs: Sequence[tuple[float, float]], nodes: Sequence[list[Claim]]) -> set[str]:
    """The articles holding two figures of the conflict whose intervals are apart and which are no slip of
    each other."""
    held: dict[str, list[int]] = {}
    for k in comp:
        for f in dict.fromkeys(c.file for c in nodes[k]):
            held.setdefault(f, []).append(k)
    return {f for f, ks in held.items()
            if any(not overlap(ivs[a], ivs[b]) and not slip(nodes[a][0], nodes[b][0])
                   for i, a in enumerate(ks) for b in ks[i + 1:])}


def doubted(comp: Sequence[int], ivs: Sequence[tuple[float, float]], nodes: Sequence[list[Claim]],
            split: set[str]) -> bool:
    """Whether, with the figures printed only by split articles set aside, no two of the rest are apart."""
    if not split:
        return False
    kept = [k for k in comp if any(c.file not in split for c in nodes[k])]
    return all(overlap(ivs[a], ivs[b]) for i, a in enumerate(kept) for b in kept[i + 1:])
