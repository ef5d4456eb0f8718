"""same-figure-mismatch's grouping of a run's claims: by key, then by the figure each prints, leaving
out the claims that share a sentence with another value of their key (lost in typing)."""
from __future__ import annotations

from operator import attrgetter

import regex

from ..models import BEFORE_REVISION, Claim
from .common import SLACK, printed

KEY = ("entity", "segment", "metric", "unit", "basis", "change", "consensus")
# what a printed figure is made of: claims alike in all of these share one interval
PRINTING = ("period", "cadence", "estimate", "context_year", "context_month", "value", "low", "high", "half_width", "bound")
ROW = attrgetter(*KEY, *PRINTING)


def keyed(claims: list[Claim], skip: set[str]) -> dict[tuple, dict[tuple, list[int]]]:
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
            out.setdefault((row[0], own_line(row[0], row[1]), *row[2:n]), {}).setdefault(row[n:], []).extend(idxs)
    return {k: {p: sorted(i) for p, i in v.items()} for k, v in out.items()}


def own_line(entity: str, segment: str | None) -> str | None:
    """"Holmen Forest's operating profit" and the table's "| Forest |" row are one line: a segment id that opens on
    the company's own name is the line after it."""
    if not segment:
        return segment
    own = regex.sub(r"[^\w]+", "_", entity.lower()).strip("_") + "_"
    return segment[len(own):] if segment.startswith(own) and len(segment) > len(own) else segment


def distinct_figures(claims: list[Claim], raw: dict[tuple, list[int]], hedge: float) -> dict[tuple, list[Claim]]:
    """(period, cadence, estimate, interval, (context year, month)) -> its claims in order, first seen first.

    `raw` is one key's claims (as indexes into `claims`) by PRINTING. The interval is worked
    out once per distinct printing rather than once per claim.
    """
    figs: dict[tuple, list[int]] = {}
    for idxs in raw.values():
        c = claims[idxs[0]]
        # an outlet's consensus is that outlet's: each data provider polls its own houses on its own day, so one
        # article's consensus figures compare with each other only (same_figure_mismatch._demote)
        k = (c.period, c.cadence, c.estimate, printed(c, hedge), (c.context_year, c.context_month),
             f"{c.forecaster or ''}@{c.file}" if c.consensus else c.forecaster)
        figs[k] = sorted(figs[k] + idxs) if k in figs else idxs  # two printings, one interval: keep claim order
    return {k: [claims[i] for i in idxs] for k, idxs in figs.items()}


def _from_figure(c: Claim) -> bool:
    """'32%에서 38%로', 'from 32% to 38%': the figure a change starts from, a level where things stood."""
    i = c.quote.find(c.text)
    if i < 0:
        return False
    after, before = c.quote[i + len(c.text):i + len(c.text) + 4].lstrip(), c.quote[max(0, i - 5):i].lower()
    return after.startswith(("에서", "→", "->")) or before.endswith("from ")


def lost_in_typing(claims: list[Claim], raw: dict[tuple, list[int]], hedge: float) -> set[int]:
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


def superseded_plans(claims: list[Claim], raw: dict[tuple, list[int]]) -> set[int]:
    """Forecasts of one key, period and cadence that some article names as the old figure of a revision ("lifted free
    cash flow guidance to $975M (from $875M)"): an outlet that printed that figure before the revision printed the
    plan of its day, not a figure the revision contradicts."""
    old = {(claims[i].period, claims[i].cadence, claims[i].value) for idxs in raw.values() for i in idxs
           if (claims[i].forecaster or "").endswith(BEFORE_REVISION)}
    if not old:
        return set()
    return {i for idxs in raw.values() for i in idxs if claims[i].estimate
            and (claims[i].period, claims[i].cadence, claims[i].value) in old
            and not (claims[i].forecaster or "").endswith(BEFORE_REVISION)}
