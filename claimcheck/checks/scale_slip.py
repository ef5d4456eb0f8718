"""scale-slip: two figures for one key that differ almost exactly by ×10, ×100 or ×1,000.

That pattern is far likelier a unit slip (억 for 조, million for billion) than a real
disagreement, and is reported in those words. Comparable means what it means for
same-figure: same entity, segment, metric, unit and basis, and the same period (or an
undated figure read as current).

Passing: "영업이익 12조1,700억원" and "영업이익 12조7,000억원" (a plain mismatch, not a slip).
Failing: "2025년 3분기 영업이익 12조1,700억원" and "1조2,170억원" for the same quarter.
"""
from __future__ import annotations

from ..models import Claim
from .common import Draft, Options, figure, group, label, same_sentence


class ScaleSlipOptions(Options):
    closeness: float = 0.02


def check(claims: list[Claim], o: ScaleSlipOptions) -> list[Draft]:
    out = []
    keyed = group(claims, lambda c: (c.entity, c.segment, c.metric, c.unit, c.basis, c.cadence)
                  if c.entity and c.unit not in ("%", "pp") and c.bound == "eq" and c.metric != "price_target" else None)
    for key, cs in keyed.items():
        seen = set()
        for i, a in enumerate(cs):
            for b in cs[i + 1:]:
                if same_sentence(a, b) or (a.period and b.period and a.period != b.period) or not a.value or not b.value:
                    continue
                if a.estimate != b.estimate or (bool(a.period) != bool(b.period) and a.file != b.file):
                    continue
                big, small = (a, b) if abs(a.value) > abs(b.value) else (b, a)
                ratio = abs(big.value / small.value)
                k = next((k for k in (10, 100, 1000) if abs(ratio / k - 1) <= o.closeness), None)
                if k is None or (a.value, b.value) in seen:
                    continue
                seen.add((a.value, b.value))
                msg = (f"{label(a)}{' for ' + (a.period or b.period) if (a.period or b.period) else ''}: "
                       f"{figure(big)} is ×{k:,} {figure(small)}, a likely unit slip.")
                out.append(Draft(msg, (big, small), "|".join(map(str, key)) + f"|{k}",
                                 why="same key; values differ by a power of ten"))
    return out
