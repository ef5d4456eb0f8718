"""The findings in the order the page shows them, each with a plan of its card: which sentences it
quotes and lists, which figures its number lines draw, what its filters match.

A finding of an archive can cite twenty thousand claims, and reading a claim's fields costs a
cache miss: each claim is read here once, every field needed at a time, and the fields are then
handled as columns. The card is made later from the few claims the plan keeps.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter

from ...models import Claim, Finding

MAX_PLACES = 8  # sentences quoted
MAX_LISTED = 40  # further sentences listed by file:line
MAX_BANDS = 12  # past this many figures on one axis, one band per printing
# sentence; axis (unit, cadence, level or change); printing (value, range, precision, bound); filters
# read from each claim's __dict__, as json_report reads columns: a third cheaper than attribute access
ROW = itemgetter("file", "line", "quote", "unit", "cadence", "change", "value", "low", "high", "half_width", "bound", "entity")

Sentence = tuple[str, int, str]  # file, line, quote
Band = tuple[Claim, int]  # a claim, and how many claims of the finding print alike


@dataclass(frozen=True)
class Axis:
    key: tuple  # unit, cadence, change
    bands: tuple[Band, ...]
    left_out: int  # printings not drawn


@dataclass(frozen=True)
class Ranked:
    finding: Finding
    spread: float  # how far apart its values lie (see `spread`)
    files: tuple[str, ...]  # the articles it cites, in order
    entities: tuple[str, ...]  # the entities it concerns, in order
    quoted: dict[Sentence, list[Claim]]  # the sentences quoted, in order, with the finding's claims in each
    listed: tuple[Sentence, ...]  # the sentences listed
    unlisted: int  # the sentences neither quoted nor listed
    axes: tuple[Axis, ...]  # the number lines: each axis with two or more figures


def spread(axes: Sequence[tuple], values: Sequence[float], counts: Counter) -> float:
    """How far apart the values of the largest group of comparable figures (`counts` of `axes`) lie,
    relative to their size: 0 for agreeing figures, 0.17 for $100B against $120B."""
    if len(values) < 2:
        return 0.0
    (best, n), = counts.most_common(1)
    if n < 2:
        return 0.0
    vs = values if n == len(values) else [v for a, v in zip(axes, values) if a == best]
    top = max(map(abs, vs))
    return (max(vs) - min(vs)) / top if top else 0.0


def pick(distinct: dict[Sentence, None], sentences: Sequence[Sentence], printings: Sequence[tuple],
         most: int = MAX_PLACES) -> dict[Sentence, None]:
    """The sentences to quote, in order of appearance (`distinct`): first each one holding the first
    claim of a printing not yet quoted, then the earliest others, up to `most`."""
    chosen: set[Sentence] = set()
    for i in sorted(firsts(printings).values()):
        if len(chosen) >= most:
            break
        chosen.add(sentences[i])
    for s in distinct:
        if len(chosen) >= most:
            break
        chosen.add(s)
    return dict.fromkeys(islice((s for s in distinct if s in chosen), len(chosen)))


def firsts(keys: Sequence[tuple]) -> dict[tuple, int]:
    """Each key's first index, found by the C loop of dict(): later (reversed: earlier) entries win."""
    return dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))


def alike(claims: Sequence[Claim], idx: Sequence[int], printings: Sequence[tuple]) -> tuple[tuple[Band, ...], int]:
    """One band per printing, in order of first appearance: all of them up to MAX_BANDS, else the
    most stated and the lowest and highest value; and how many printings were left out."""
    if len(idx) <= MAX_BANDS:
        return tuple((claims[i], 1) for i in idx), 0
    mine = printings if len(idx) == len(printings) else [printings[i] for i in idx]
    counts = Counter(mine)
    first = firsts(mine)
    keep = {min(counts, key=lambda p: p[0]), max(counts, key=lambda p: p[0])}  # p[0] is the value
    for p, _ in counts.most_common():
        if len(keep) >= MAX_BANDS:
            break
        keep.add(p)
    at = idx if isinstance(idx, range) else list(idx)  # index in `mine` -> index in `claims`
    return tuple((claims[at[first[p]]], counts[p]) for p in sorted(keep, key=first.__getitem__)), len(counts) - len(keep)


def rank(f: Finding) -> Ranked:
    claims = f.claims
    if not claims:
        return Ranked(f, 0.0, (), (), {}, (), 0, ())
    cols = list(zip(*map(ROW, map(vars, claims))))
    sentences, axes, printings = list(zip(*cols[:3])), list(zip(*cols[3:6])), list(zip(*cols[6:11]))
    ents = dict.fromkeys(cols[11])
    ents.pop(None, None)
    distinct = dict.fromkeys(sentences)
    chosen = pick(distinct, sentences, printings)
    quoted: dict[Sentence, list[Claim]] = {s: [] for s in chosen}
    for s, c in zip(sentences, claims):
        if s in quoted:
            quoted[s].append(c)
    listed = tuple(islice((s for s in distinct if s not in chosen), MAX_LISTED))
    lines = []
    counts = Counter(axes)
    for key, n in counts.items():
        if n > 1:
            idx = range(len(claims)) if n == len(claims) else [i for i, a in enumerate(axes) if a == key]
            lines.append(Axis(key, *alike(claims, idx, printings)))
    return Ranked(f, spread(axes, cols[6], counts), tuple(dict.fromkeys(cols[0])), tuple(ents), quoted, listed,
                  len(distinct) - len(chosen) - len(listed), tuple(lines))


def order(findings: Sequence[Finding]) -> list[Ranked]:
    """Errors first, then warnings, then info; within a severity, the values farthest apart first;
    otherwise in the order the checks gave them."""
    ranked = list(map(rank, findings))
    return [r for _, r in sorted(enumerate(ranked), key=lambda p: (-p[1].finding.severity.rank, -p[1].spread, p[0]))]
