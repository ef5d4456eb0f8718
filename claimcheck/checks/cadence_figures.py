"""cadence-mismatch's figures: the claims of one key as distinct figures, and which of them conflict
once a smaller cadence's figure is scaled to the larger's span (a month ×3 to a quarter, and so on)."""
from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

from .. import calendar as CAL
from ..models import Claim
from .common import SLACK, Forest, begun_by, overlap, scaled, widen, year_of

FACTOR = {("monthly", "quarterly"): 3, ("quarterly", "annual"): 4, ("monthly", "annual"): 12}


def _nested(small: Claim, big: Claim) -> bool | None:
    """True when explicitly nested, False when explicitly apart, None when one is undated."""
    if small.period and big.period:
        return CAL.contains(big.period, small.period)
    period = small.period or big.period  # the one dated figure's
    if not period:
        return None
    if CAL.compared_period(small if small.period else big):
        return False  # a base named as such ('the year-ago quarter') is not the undated figure's current span
    undated = big if small.period else small
    y, cy = year_of(period), undated.context_year
    # a fiscal year is named by the year it ends in, so FY2026Q1 may fall in calendar 2025
    slack = 1 if period.startswith("FY") else 0
    near = y is not None and cy is not None and abs(y - cy) <= slack
    return None if near and begun_by(period, undated) else False


# a figure's class, then all that its interval depends on
FIGURE = attrgetter("cadence", "period", "context_year", "context_month", "estimate", "value", "low", "high", "half_width", "bound")


class Figures:
    """The claims of one key as distinct figures, each standing for all its claims.

    A figure is (cadence, period, context year and month, estimate, interval); its class drops the
    interval. Whether a smaller-cadence figure a and a larger one b are compared depends on
    their classes (`_nested`, asked about one claim of each); whether they conflict, on the
    scaled interval of a against b. For two classes that is a comparison of intervals, so
    the figures they join are found from the extremes (the lowest top and highest bottom on
    each side) rather than pair by pair. The one per-claim fact, whether two undated figures
    share an article (full severity), is looked up per article. Cost: linear in the claims,
    plus the distinct figures times the few classes each is compared with.
    """

    def __init__(self, cs: list[Claim], hedge: float, drift: Callable[[str, str], float]) -> None:
        self.drift = drift  # relative drift allowed between two cadences (the rule's tolerance)
        self.cs = cs
        figs: dict[tuple, list[int]] = {}
        ivs: dict[tuple, tuple[float, float]] = {}  # an interval per distinct printing, not per claim
        for idx, (cad, period, cy, cm, est, *printing) in enumerate(map(FIGURE, cs)):
            p = tuple(printing)
            iv = ivs.get(p)
            if iv is None:
                iv = ivs[p] = cs[idx].interval(hedge)
            k = (cad, period, (cy, cm), est, iv)  # an undated figure's article: its year and month
            if k in figs:
                figs[k].append(idx)
            else:
                figs[k] = [idx]
        self.keys = list(figs)
        self.nodes = list(figs.values())
        classes: dict[tuple, list[int]] = {}
        for i, (cad, period, cy, est, _) in enumerate(self.keys):
            classes.setdefault((cad, period, None if period else cy, est), []).append(i)  # a dated figure's
            # context_year plays no part
        self.classes = list(classes.values())

    def _rep(self, ci: int) -> Claim:
        return self.cs[self.nodes[self.classes[ci][0]][0]]

    def components(self) -> list[tuple[list[Claim], int]]:
        keys = self.keys
        ivs = [k[4] for k in keys]
        forest = Forest(len(keys))
        by_cadence: dict[str | None, list[int]] = {}
        for ci in range(len(self.classes)):
            by_cadence.setdefault(self._rep(ci).cadence, []).append(ci)
        pairs = []  # (figures of the smaller cadence, of the larger, scaled intervals, level or "file")
        for (small_cad, big_cad), k in FACTOR.items():
            tol = self.drift(small_cad, big_cad)
            for ca in by_cadence.get(small_cad, ()):
                run_rate: dict[int, tuple[float, float]] | None = None
                part: dict[int, tuple[float, float]] | None = None
                for cb in by_cadence.get(big_cad, ()):
                    a, b = self._rep(ca), self._rep(cb)
                    nested = _nested(a, b)
                    if nested is False or (a.estimate != b.estimate and not (a if a.estimate else b).period):
                        continue  # (an undated forecast may be of any year: no bound on a reported quarter)
                    small, big = self.classes[ca], self.classes[cb]
                    if nested is True and small_cad == "quarterly" and "Q" in (a.period or ""):
                        # a named quarter of a named year is one part of it: no more than the whole, but a lumpy
                        # or seasonal business may earn half its year in it, so it is not scaled up (a month, or
                        # a quarter dated only by its year, is written as a run rate, "$1B a month", and is)
                        part = part or {i: (keys[i][4][0], float("inf")) for i in small}
                        t = part
                    else:
                        # an undated month or quarter beside a year reads as a run rate: scaled, with drift
                        run_rate = run_rate or {i: widen(scaled(keys[i][4], k), tol) for i in small}
                        t = run_rate
                    if not (a.estimate or b.estimate) and nested is True:
                        level: int | str = 0
                    elif not (a.estimate or b.estimate) and nested is None and not a.period and not b.period:
                        level = "file"  # full severity if both are stated in one article
                    else:
                        level = 1
                    pairs.append((small, big, t, ivs, level))
                    _join(forest, small, big, t, ivs)
        comps = forest.groups()
        if not comps:
            return []
        root = {i: forest.find(i) for comp in comps for i in comp}
        full: set[int] = set()
        for small, big, t, iv, level in pairs:
            if level == 0:
                full |= _roots_with_edge(small, big, t, iv, root)
        if any(level == "file" for *_, level in pairs):
            full |= self._shared_article(pairs, root)
        out = []
        for comp in comps:
            members = sorted(idx for i in comp for idx in self.nodes[i])
            out.append((members, 0 if forest.find(comp[0]) in full else 1))
        out.sort(key=lambda x: x[0][0])
        return [([self.cs[i] for i in members], d) for members, d in out]

    def _shared_article(self, pairs: list, root: dict[int, int]) -> set[int]:
        """Roots of components with a conflicting pair of undated figures stated in one article."""
        bigs_of: dict[int, list[tuple[dict, set[int]]]] = {}
        for small, big, t, _, level in pairs:
            if level == "file":
                bigs = set(big)
                for i in small:
                    bigs_of.setdefault(i, []).append((t, bigs))
        at: dict[str, set[int]] = {}
        for i in set(bigs_of) | {j for ps in bigs_of.values() for _, bigs in ps for j in bigs}:
            for idx in self.nodes[i]:
                at.setdefault(self.cs[idx].file, set()).add(i)
        out: set[int] = set()
        for figs in at.values():
            for i in figs:
                for t, bigs in bigs_of.get(i, ()):
                    for j in figs & bigs:
                        if not overlap(t[i], self.keys[j][4]):
                            out.add(root[i])
        return out


def _join(forest: Forest, small: list[int], big: list[int], t: dict[int, tuple], iv: list[tuple]) -> None:
    """Union every conflicting (small, big) pair's components, through the extremes of each side.

    A pair conflicts when b lies wholly above a's scaled interval or wholly below it. If b lies
    above a, it lies above the small figure with the lowest top too, and the big figure with
    the highest bottom lies above a: joining each figure to that extreme on the other side
    joins exactly what the pairs join.
    """
    a_top = min(small, key=lambda i: t[i][1])
    b_bottom = max(big, key=lambda j: iv[j][0])
    a_bottom = max(small, key=lambda i: t[i][0])
    b_top = min(big, key=lambda j: iv[j][1])
    for i in small:
        if iv[b_bottom][0] > t[i][1] + SLACK:
            forest.union(i, b_bottom)
        if t[i][0] > iv[b_top][1] + SLACK:
            forest.union(i, b_top)
    for j in big:
        if iv[j][0] > t[a_top][1] + SLACK:
            forest.union(j, a_top)
        if t[a_bottom][0] > iv[j][1] + SLACK:
            forest.union(j, a_bottom)


def _roots_with_edge(small: list[int], big: list[int], t: dict[int, tuple], iv: list[tuple],
                     root: dict[int, int]) -> set[int]:
    """Roots of the components in which some small figure and some big one of these classes conflict."""
    tops: dict[int, float] = {}
    bottoms: dict[int, float] = {}
    for i in small:
        if i in root:
            r = root[i]
            tops[r] = min(tops.get(r, float("inf")), t[i][1])
            bottoms[r] = max(bottoms.get(r, -float("inf")), t[i][0])
    out = set()
    for j in big:
        rj = root.get(j)
        if rj in tops and (iv[j][0] > tops[rj] + SLACK or bottoms[rj] > iv[j][1] + SLACK):
            out.add(rj)
    return out
