"""same-figure-mismatch's conflict graph: the figures of one key, an edge between two comparable
figures whose intervals are disjoint, and its components (each a finding) found without looking at
every pair. Which figures are comparable, and how many steps down, the kind module says (`demote`)."""
from __future__ import annotations

from collections.abc import Callable

from ..models import Claim
from .common import SLACK, single_place
from .unit_scale_slip import SLIP_BOUNDS, STEPS
from .unit_scale_slip import Options as SlipOptions

# what unit-scale-slip reports at its default closeness: the test is declared there, once
SLIP_CLOSENESS = SlipOptions().closeness


def _slip(x: float, y: float) -> bool:
    x, y = abs(x), abs(y)
    if not x or not y:
        return False
    r = max(x, y) / min(x, y)
    return any(abs(r / k - 1) < SLIP_CLOSENESS for k in STEPS)


# steps below full severity at which two claims' figures are compared, or None when they are not
Demote = Callable[[Claim, Claim], int | None]


class Graph:
    """Figures of one key; an edge joins two comparable figures whose intervals are disjoint.

    Components are found by a breadth-first search that, for each figure, takes from each
    comparable class the not yet reached figures lying wholly above or below its interval,
    kept sorted by interval ends. Each figure leaves each list once; the only figures looked
    at without being taken are excluded pairs (a likely unit slip, or one shared sentence),
    so the cost is about n log n plus the excluded pairs, not n².
    """

    def __init__(self, fkeys: list[tuple], nodes: list[list[Claim]], demote: Demote, defer_slips: bool, most: int = 2) -> None:
        # unit-scale-slip looks at amounts only: rates ×10 apart ("22.6%" for 2.26%, a dropped point) stay here
        self.defer_slips = defer_slips and not (nodes and nodes[0][0].unit in ("%", "pp"))
        n = len(nodes)
        self.lo = [k[3][0] for k in fkeys]
        self.hi = [k[3][1] for k in fkeys]
        self.val = [ns[0].value for ns in nodes]
        self.slips = [ns[0].bound in SLIP_BOUNDS for ns in nodes]  # figures unit-scale-slip weighs ("over 3조" is none)
        self.place = [single_place(ns) for ns in nodes]
        # (period, cadence, estimate, (context year, month) if undated or a forecast's vintage, forecaster) -> id
        classes: dict[tuple, int] = {}
        self.cls = [classes.setdefault((k[0], k[1], k[2], None if k[0] and not k[2] else k[4], k[5]), len(classes)) for k in fkeys]
        self.classes = list(classes)
        members: list[list[int]] = [[] for _ in classes]
        for i in range(n):
            members[self.cls[i]].append(i)
        self.members = members
        rep = [nodes[m[0]][0] for m in members]  # one claim stands for its class
        # comparable classes: a dated class meets its own period and the undated ones
        by_period: dict[str | None, list[int]] = {}
        for ci, c in enumerate(self.classes):
            by_period.setdefault(c[0], []).append(ci)
        undated = by_period.get(None, [])
        self.peers: list[list[tuple[int, int]]] = []  # class -> (comparable class, steps down)
        for ci, c in enumerate(self.classes):
            # two undated figures are each read as current when their article was written: of one year only
            cands = [cj for cj, d in enumerate(self.classes) if d[0] is not None or d[3][0] == c[3][0]] if c[0] is None \
                else [*by_period[c[0]], *undated]
            self.peers.append([(cj, lv) for cj in cands
                               if (lv := demote(rep[ci], rep[cj])) is not None and lv <= most])

    def excluded(self, i: int, j: int) -> bool:
        if self.defer_slips and self.slips[i] and self.slips[j] and _slip(self.val[i], self.val[j]):
            return True
        p = self.place[i]
        return p is not None and p == self.place[j]

    def components(self) -> list[tuple[list[int], int]]:
        lo, hi = self.lo, self.hi
        n = len(lo)
        up = [sorted(m, key=lambda i: lo[i]) for m in self.members]  # pop() gives the highest low end
        down = [sorted(m, key=lambda i: hi[i], reverse=True) for m in self.members]  # pop(): lowest high end
        seen = [False] * n
        out = []
        for s in range(n):
            if seen[s]:
                continue
            seen[s] = True
            comp, todo, best = [s], [s], 3
            while todo:
                i = todo.pop()
                li, hi_i = lo[i], hi[i]
                for cj, lv in self.peers[self.cls[i]]:
                    got = (self._take(up[cj], i, seen, lambda j: lo[j] > hi_i + SLACK)  # noqa: B023 (called at once, in this iteration)
                           + self._take(down[cj], i, seen, lambda j: li > hi[j] + SLACK))  # noqa: B023
                    if got:
                        comp += got
                        todo += got
                        best = min(best, lv)
            if len(comp) > 1:
                comp.sort()
                out.append((comp, self._least(comp, best)))
        return out

    def _take(self, lst: list[int], i: int, seen: list[bool], beyond) -> list[int]:
        """Pop from the end of `lst` the figures beyond i's interval: mark and return those not excluded."""
        got, kept = [], []
        while lst and beyond(lst[-1]):
            j = lst.pop()
            if seen[j]:
                continue  # reached through the other list already
            if self.excluded(i, j):
                kept.append(j)  # stays for other figures to take
            else:
                seen[j] = True
                got.append(j)
        if kept:
            lst.extend(reversed(kept))
        return got

    def _least(self, comp: list[int], best: int) -> int:
        """The fewest steps down over every edge inside a component (the search saw only some edges)."""
        if best == 0:
            return 0
        lo, hi = self.lo, self.hi
        inside: dict[int, list[int]] = {}
        for i in comp:
            inside.setdefault(self.cls[i], []).append(i)
        by_hi = {c: sorted(m, key=lambda i: hi[i]) for c, m in inside.items()}
        by_lo = {c: sorted(m, key=lambda i: lo[i], reverse=True) for c, m in inside.items()}
        for want in range(best):
            for ca in inside:
                for cb, lv in self.peers[ca]:
                    if lv == want and cb in inside and self._edge_between(by_hi[ca], by_lo[cb]):
                        return want
        return best

    def _edge_between(self, xs_by_hi: list[int], ys_by_lo_desc: list[int]) -> bool:
        """Whether some x lies wholly below some y with the pair not excluded (both orders are tried by the caller)."""
        lo, hi = self.lo, self.hi
        for a in xs_by_hi:
            any_above = False
            for b in ys_by_lo_desc:
                if not lo[b] > hi[a] + SLACK:
                    break
                any_above = True
                if b != a and not self.excluded(a, b):
                    return True
            if not any_above:
                return False
        return False
