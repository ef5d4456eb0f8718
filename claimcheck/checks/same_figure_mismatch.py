"""same-figure-mismatch: claims with one key (entity, segment, metric, period, cadence, basis, unit) whose values cannot both hold.

Each printed figure stands for an interval: k decimals mean ±0.5×10^-k, a hedge (약, about)
widens it by `hedge`, a bound (이상, 미만) is a half-line, a range is its interval. Two
figures conflict when their intervals do not overlap. Both reported for the same explicit
period: full severity; two forecasts: one step down; a forecast against a reported figure:
two steps down. An undated reported figure against another reported one: one step down,
except for the metrics in `undated_full` (a share of a whole is a standing fact). Figures in
one sentence ("32%에서 38%로") are a from-to change, never a conflict. All conflicting
figures for a key form one finding that lists each distinct value with its sources.
"""
from __future__ import annotations

from operator import attrgetter

from pydantic import Field

from ..vocab import Lexicon
from ..models import COMPANY_GUIDANCE, Claim
from .common import Draft, Hedged, figure, label, printed, single_place, year_of
from .unit_scale_slip import STEPS
from .unit_scale_slip import Options as SlipOptions
from ..figures import plural
from ..calendar import compared_period

KIND = "same-figure-mismatch"
SCOPE = "key"  # every key starts with the entity
ALIASES = ("same-figure",)  # the kind's earlier name, still accepted in rule files
SLACK = 1e-9  # as in common.overlap


class Options(Hedged):
    skip_metrics: list[str] = Field(default_factory=lambda: ["price_target", "upside", "count", "market_size", "net_trading"],
                                    description="metrics never compared (each source has its own target or "
                                                "market definition)")
    undated_full: list[str] = Field(default_factory=lambda: ["revenue_share", "operating_income_share",
                                                             "market_share"],
                                    description="metrics whose undated figures keep full severity: a share of "
                                                "a whole is a standing fact")
    volatile: list[str] = Field(default_factory=lambda: ["stock_price", "price_change"],
                                description="metrics that move daily, compared only when both figures are dated")
    defer_scale_slips: bool = Field(True, description="leave two figures ×10, ×100 or ×1,000 apart to "
                                                      "unit-scale-slip rather than report them here too")


KEY = ("entity", "segment", "metric", "unit", "basis", "change", "consensus")
# what a printed figure is made of: claims alike in all of these share one interval
PRINTING = ("period", "cadence", "estimate", "context_year", "value", "low", "high", "half_width", "bound")
ROW = attrgetter(*KEY, *PRINTING)


def _keyed(claims: list[Claim], skip: set[str]) -> dict[tuple, dict[tuple, list[int]]]:
    """KEY -> PRINTING -> the indexes of its claims, leaving out claims with no entity or a skipped metric.

    Every field is read here, in one pass in claim order: a claim's fields sit near its
    neighbours' in memory, while a key's claims are spread over the whole run, and reading
    them key by key cost three times as much. Claims alike in every field are one entry, so
    the split into key and printing is made once per distinct row. Both levels keep first-seen
    order, and each list of indexes is ascending.
    """
    rows: dict[tuple, list[int]] = {}
    for i, row in enumerate(map(ROW, claims)):
        if row in rows:
            rows[row].append(i)
        else:
            rows[row] = [i]
    out: dict[tuple, dict[tuple, list[int]]] = {}
    n = len(KEY)
    for row, idxs in rows.items():
        if row[0] is not None and row[2] not in skip:
            out.setdefault(row[:n], {})[row[n:]] = idxs
    return out


# A figure is the distinct (period, cadence, estimate, interval, context_year) of a key; its class
# is (period, cadence, estimate, context_year of an undated figure). Whether two figures are
# comparable, and how many steps down, depends on their classes only (`_demote` is asked about
# one claim of each); whether they conflict, on their intervals; the one per-claim fact, that a
# from-to pair in one sentence is never a conflict, is kept per figure as the single sentence
# all its claims sit in (if any).


def _demote(a: Claim, b: Claim, o: Options) -> int | None:
    """Steps below full severity when a and b (not in one sentence) are comparable at all, else None."""
    if a.cadence and b.cadence and a.cadence != b.cadence:
        return None
    if "ytd" in (a.cadence, b.cadence) and a.cadence != b.cadence:
        return None  # a running total so far this year is never the figure of an undated span
    if (a.change or b.change or a.metric in o.volatile) and not (a.period and b.period):
        return None  # a change with no date says nothing about which span it covers
    if a.period and b.period:
        if a.period != b.period:
            return None
        if a.forecaster != b.forecaster and ((a.file != b.file and a.forecaster and b.forecaster)
                                             or COMPANY_GUIDANCE in (a.forecaster, b.forecaster)):
            return None  # two houses' forecasts, or a house's and the company's own, differ by design
        return {0: 0, 1: 2, 2: 1}[a.estimate + b.estimate]
    if a.estimate or b.estimate:
        return None
    dated = a if a.period else b if b.period else None
    if dated is not None:
        if compared_period(dated):
            return None  # a base the sentence names as such ('in the prior-year quarter') is not the current span
        undated = b if dated is a else a
        y, cy = year_of(dated.period), undated.context_year
        if y and cy and abs(y - cy) > 1:
            return None
        return 1
    return 0 if a.metric in o.undated_full else 1


# what unit-scale-slip reports at its default closeness: the test is declared there, once
SLIP_CLOSENESS = SlipOptions().closeness


def _slip(x: float, y: float) -> bool:
    x, y = abs(x), abs(y)
    if not x or not y:
        return False
    r = max(x, y) / min(x, y)
    return any(abs(r / k - 1) < SLIP_CLOSENESS for k in STEPS)


class _Graph:
    """Figures of one key; an edge joins two comparable figures whose intervals are disjoint.

    Components are found by a breadth-first search that, for each figure, takes from each
    comparable class the not yet reached figures lying wholly above or below its interval,
    kept sorted by interval ends. Each figure leaves each list once; the only figures looked
    at without being taken are excluded pairs (a likely unit slip, or one shared sentence),
    so the cost is about n log n plus the excluded pairs, not n².
    """

    def __init__(self, key: tuple, fkeys: list[tuple], nodes: list[list[Claim]], o: Options, most: int = 2) -> None:
        self.o = o
        n = len(nodes)
        self.lo = [k[3][0] for k in fkeys]
        self.hi = [k[3][1] for k in fkeys]
        self.val = [ns[0].value for ns in nodes]
        self.place = [single_place(ns) for ns in nodes]
        classes: dict[tuple, int] = {}  # (period, cadence, estimate, context_year if undated, forecaster) -> id
        self.cls = [classes.setdefault((k[0], k[1], k[2], None if k[0] else k[4], k[5]), len(classes)) for k in fkeys]
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
            cands = range(len(self.classes)) if c[0] is None else [*by_period[c[0]], *undated]
            self.peers.append([(cj, lv) for cj in cands
                               if (lv := _demote(rep[ci], rep[cj], o)) is not None and lv <= most])

    def excluded(self, i: int, j: int) -> bool:
        if self.o.defer_scale_slips and _slip(self.val[i], self.val[j]):
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


def _figures(claims: list[Claim], raw: dict[tuple, list[int]], hedge: float) -> dict[tuple, list[Claim]]:
    """(period, cadence, estimate, interval, context_year) -> its claims in order, first seen first.

    `raw` is one key's claims (as indexes into `claims`) by PRINTING. The interval is worked
    out once per distinct printing rather than once per claim.
    """
    figs: dict[tuple, list[int]] = {}
    for idxs in raw.values():
        c = claims[idxs[0]]
        k = (c.period, c.cadence, c.estimate, printed(c, hedge), c.context_year, c.forecaster)
        figs[k] = sorted(figs[k] + idxs) if k in figs else idxs  # two printings, one interval: keep claim order
    return {k: [claims[i] for i in idxs] for k, idxs in figs.items()}


def _from_figure(c: Claim) -> bool:
    """'32%에서 38%로', 'from 32% to 38%': the figure a change starts from, a level where things stood."""
    i = c.quote.find(c.text)
    if i < 0:
        return False
    after, before = c.quote[i + len(c.text):i + len(c.text) + 4].lstrip(), c.quote[max(0, i - 5):i].lower()
    return after.startswith(("에서", "→", "->")) or before.endswith("from ")


def _lost_in_typing(claims: list[Claim], raw: dict[tuple, list[int]], hedge: float) -> set[int]:
    """Claims that share one key, period and span with another value in their own sentence or table row.

    One sentence does not contradict itself: two values there under one key mean a segment, basis,
    currency or period was lost in typing ('5nm 31%, 7nm 20%'), so neither is fit to compare. Of a
    from-to pair ('32%에서 38%로') the from-figure is kept: it is where things stood.
    """
    places: dict[tuple, dict[tuple, list[int]]] = {}
    for printing, idxs in raw.items():
        for i in idxs:
            c = claims[i]
            place = (c.file, c.sentence, c.period, c.cadence, c.estimate)
            places.setdefault(place, {}).setdefault(printing[3:], []).append(i)
    out: set[int] = set()
    for values in places.values():
        if len(values) > 1 and _disjoint([claims[idxs[0]].interval(hedge) for idxs in values.values()]):
            out.update(i for idxs in values.values() for i in idxs if not _from_figure(claims[i]))
    return out


def _disjoint(ivs: list[tuple[float, float]]) -> bool:
    """Whether some two of the intervals cannot both hold ('12조1,700억원' and '10조 클럽' can)."""
    ivs = sorted(ivs)
    return min(hi for _, hi in ivs) + SLACK < max(lo for lo, _ in ivs)


def check(claims: list[Claim], options: Options, lexicon: Lexicon) -> list[Draft]:
    o = options
    out = []
    skip = set(o.skip_metrics)
    claims = claims if isinstance(claims, list) else list(claims)
    for key, raw in _keyed(claims, skip).items():
        if (key[2] or "").startswith(("count", "charge", "investment")) and key[1] is None:
            # counts of what, charges for what, investments from whom? users, staff and units, a tariff and a
            # restructuring cost, a government's and a partner's stake, are never one figure without a segment
            continue
        lost = _lost_in_typing(claims, raw, o.hedge) if len(raw) > 1 else set()
        if lost:
            raw = {p: kept for p, idxs in raw.items() if (kept := [i for i in idxs if i not in lost])}
        figs = _figures(claims, raw, o.hedge)
        if len(figs) < 2:
            continue
        nodes = list(figs.values())
        for comp, demote in _components(key, list(figs), nodes, o):
            members = [c for k in comp for c in nodes[k]]
            out.append(_draft(key, comp, nodes, members, demote))
    return out


def _components(key: tuple, fkeys: list[tuple], nodes: list[list[Claim]], o: Options) -> list[tuple[list[int], int]]:
    """Conflicts at one or no step down first, then those made of weaker edges alone: a finding lists the
    values that conflict at its own severity, so a forecast that merely missed ('$3.67 est.') is not
    dragged into the finding of two reported figures that disagree."""
    strong = _Graph(key, fkeys, nodes, o, most=1).components()
    weak = [(comp, lv) for comp, lv in _Graph(key, fkeys, nodes, o).components() if lv == 2]
    return [part for comp in strong + weak for part in _one_period(key, fkeys, nodes, o, comp)]


def _one_period(key: tuple, fkeys: list[tuple], nodes: list[list[Claim]], o: Options,
                found: tuple[list[int], int]) -> list[tuple[list[int], int]]:
    """A finding never spans several stated periods: undated figures, comparable with every period, can chain
    2022Q3's figures to 2025Q3's into one finding nobody can read. Such a chain is cut into its dated
    conflicts; the undated figures are left to the periods' own findings, where they conflict alone."""
    comp, _ = found
    if len({fkeys[k][0] for k in comp if fkeys[k][0]}) < 2:
        return [found]
    dated = [k for k in comp if fkeys[k][0]]
    parts = _Graph(key, [fkeys[k] for k in dated], [nodes[k] for k in dated], o).components()
    return [([dated[i] for i in sub], lv) for sub, lv in parts]


def _draft(key: tuple, comp: list[int], nodes: list[list[Claim]], members: list[Claim], demote: int) -> Draft:
    first = members[0]
    periods = sorted({c.period for c in members if c.period})
    when = f" for {', '.join(periods)}" if periods else ""
    shown = "; ".join(
        " / ".join(dict.fromkeys(figure(c) for c in nodes[k][:3])) + (f" (+{len(nodes[k]) - 3} more)" if len(nodes[k]) > 3 else "")
        for k in comp)
    values = [c.value for c in members]
    unit = "points" if first.unit in ("%", "pp") else first.unit
    spread = max(values) - min(values)
    diff = plural(spread, "point") if unit == "points" else f"{spread / max(abs(v) for v in values) * 100:.0f}%"
    why = "same entity, segment, metric, unit and basis" + (", same period" if len(periods) == 1 else
                                                            "; an undated figure is read as current")
    msg = f"{label(first)}{when} is given as {shown}; they differ by {diff}."
    k = "|".join(str(x) for x in key) + "|" + ",".join(periods)
    return Draft(msg, tuple(members), k, demote, why)
