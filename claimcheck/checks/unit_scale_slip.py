"""unit-scale-slip: two figures for one key that differ almost exactly by ×10, ×100 or ×1,000.

That pattern is far likelier a unit slip (억 for 조, million for billion) than a real
disagreement, and is reported in those words. Comparable means what it means for
same-figure: same entity, segment, metric, unit and basis, and the same period (or an
undated figure read as current).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from pydantic import Field

from ..vocab import Lexicon
from ..models import Claim
from ..rule_spec import RuleOptions
from .common import Draft, figure, label, single_place

KIND = "unit-scale-slip"
SCOPE = "key"
ALIASES = ("scale-slip",)  # the kind's earlier name, still accepted in rule files
STEPS = (10, 100, 1000)
# a hedged figure slips as an exact one does: "3.4조 정도" for 3,412억 is still ×10 ("over 3조" is no figure to slip)
SLIP_BOUNDS = ("eq", "approx")


class Options(RuleOptions):
    closeness: float = Field(0.01, description="how near (relative) the ratio of two figures must be to ×10, "
                                               "×100 or ×1,000 to read as a unit slip")
    skip_metrics: list[str] = Field(default_factory=lambda: ["price_target", "stock_price"],
                                    description="metrics never checked: a target is each house's own, and a share "
                                                "price moves by the day (in real text every such slip was a table's "
                                                "money cell read as a price)")


def check(claims: list[Claim], options: Options, lexicon: Lexicon) -> list[Draft]:
    out = []
    for key, cs in _keyed(claims if isinstance(claims, list) else list(claims), frozenset(options.skip_metrics)).items():
        for (i, j), k, idxs in _slips(cs, options):
            a, b = cs[i], cs[j]
            big, small = (a, b) if abs(a.value) > abs(b.value) else (b, a)
            period = a.period or b.period
            msg = (f"{label(a)}{' for ' + period if period else ''}: "
                   f"{figure(big)} is ×{k:,} {figure(small)}, a likely unit slip.")
            rest = [cs[x] for x in sorted(idxs - {i, j})]
            out.append(Draft(msg, (big, small, *rest), "|".join(map(str, key)) + f"|{k}",
                             why="same key; values differ by a power of ten"))
    return out


KEY = attrgetter("entity", "segment", "metric", "unit", "basis", "cadence", "consensus", "change")  # a move is no level


def _keyed(claims: list[Claim], skip: frozenset[str]) -> dict[tuple, list[Claim]]:
    """Exact or hedged amounts with an entity (none of the skipped metrics), by KEY, in claim order."""
    out: dict[tuple, list[Claim]] = {}
    # keys and bounds come from attrgetter, in C: this runs over every claim of the run
    for k, bound, c in zip(map(KEY, claims), map(attrgetter("bound"), claims), claims):
        if k[0] and k[3] not in ("%", "pp") and bound in SLIP_BOUNDS and k[2] not in skip:
            if k in out:
                out[k].append(c)
            else:
                out[k] = [c]
    return out


def _step(x: float, y: float, closeness: float) -> int | None:
    if (x < 0) != (y < 0):
        return None  # a rise of 3000억 and a fall of 300억 are two moves, not one figure slipped a unit
    big, small = (x, y) if abs(x) > abs(y) else (y, x)
    ratio = abs(big / small)
    return next((k for k in STEPS if abs(ratio / k - 1) <= closeness), None)


class _Figure:
    """The claims of one key sharing value, period and forecast flag, with where they sit."""

    def __init__(self, value: float, period: str | None) -> None:
        self.value, self.period = value, period
        self.idxs: list[int] = []
        self.place: tuple[str, int] | None = None  # the one sentence all its claims sit in, if any
        self._sentences: dict[str, set[int]] | None = None

    def sentences(self, cs: list[Claim]) -> dict[str, set[int]]:
        if self._sentences is None:
            self._sentences = {}
            for x in self.idxs:
                self._sentences.setdefault(cs[x].file, set()).add(cs[x].sentence)
        return self._sentences


def _pairs_with(x: Claim, other: _Figure, cs: list[Claim], same_file: bool) -> bool:
    """Whether claim x has a claim of `other` to pair with: another sentence (and, if asked, the same article)."""
    if not same_file:
        return other.place is None or other.place != (x.file, x.sentence)
    there = other.sentences(cs).get(x.file)
    return bool(there) and there != {x.sentence}


def _slips(cs: list[Claim], o: Options) -> list[tuple[tuple[int, int], int, set[int]]]:
    """One slip per pair of values: (first claim pair, step, every claim taking part), in claim order.

    Claims are merged into distinct figures first; candidate pairs of figures are found by
    looking up value × 10, × 100 and × 1,000 in the sorted values, and the per-claim
    conditions (not one sentence; the same article when only one is dated) are decided from
    where each figure's claims sit. Cost: linear in the claims, n log n in distinct values.
    """
    figs: dict[tuple, _Figure] = {}
    for idx, k in enumerate(map(attrgetter("value", "period", "estimate"), cs)):
        if k[0]:
            f = figs.get(k)
            if f is None:  # not setdefault: that would build a _Figure for every claim
                f = figs[k] = _Figure(k[0], k[1])
            f.idxs.append(idx)
    if len(figs) < 2:
        return []
    nodes = list(figs.values())
    for f in nodes:
        f.place = single_place(cs[x] for x in f.idxs)
    est = [k[2] for k in figs]
    order = sorted(range(len(nodes)), key=lambda n: abs(nodes[n].value))
    mags = [abs(nodes[n].value) for n in order]
    found: dict[tuple[float, float], dict] = {}
    for pos, n in enumerate(order):
        a = nodes[n]
        lows = [max(mags[pos], mags[pos] * k * (1 - o.closeness)) for k in STEPS]
        highs = [mags[pos] * k * (1 + o.closeness) for k in STEPS]
        lo, hi = bisect_left(mags, min(lows) * (1 - 1e-9)), bisect_right(mags, max(highs) * (1 + 1e-9))
        for q in range(max(lo, pos + 1), hi):
            m = order[q]
            b = nodes[m]
            if est[n] != est[m] or (a.period and b.period and a.period != b.period):
                continue
            step = _step(a.value, b.value, o.closeness)
            if step is None:
                continue
            mixed = bool(a.period) != bool(b.period)
            pa = [x for x in a.idxs if _pairs_with(cs[x], b, cs, mixed)]
            if not pa:
                continue
            pb = [y for y in b.idxs if _pairs_with(cs[y], a, cs, mixed)]
            vp = (min(a.value, b.value), max(a.value, b.value))
            slot = found.setdefault(vp, {"k": step, "idxs": set(), "pairs": []})
            slot["idxs"].update(pa, pb)
            slot["pairs"].append((a, b, mixed))
    out = []
    for slot in _merged(list(found.values())):
        i = min(slot["idxs"])
        j = min(y for a, b, mixed in slot["pairs"] for me, other in ((a, b), (b, a)) if i in me.idxs
                for y in other.idxs if _partners(cs[i], cs[y], mixed))
        out.append(((i, j), slot["k"], slot["idxs"]))
    out.sort(key=lambda x: x[0])
    return out


def _merged(slots: list[dict]) -> list[dict]:
    """One slip per figure that slipped: pairs of one step sharing a claim ('$791,427' against both '$791.4 million'
    and '$791 million', the same revenue rounded two ways) are one finding, not one per rounding."""
    out: list[dict] = []
    for slot in slots:
        into = [o for o in out if o["k"] == slot["k"] and o["idxs"] & slot["idxs"]]
        for o in into[1:]:
            into[0]["idxs"] |= o["idxs"]
            into[0]["pairs"] += o["pairs"]
            out.remove(o)
        if into:
            into[0]["idxs"] |= slot["idxs"]
            into[0]["pairs"] += slot["pairs"]
        else:
            out.append(slot)
    return out


def _partners(x: Claim, y: Claim, mixed: bool) -> bool:
    if x.file == y.file and x.sentence == y.sentence:
        return False
    return not mixed or x.file == y.file
