"""ledger-mismatch: a reported figure that the filing it is about contradicts.

Cross-checking finds articles that disagree; it cannot say which is right, and it is silent when every
article repeats one wrong figure. Filed figures settle both. They come from the ledger (`check --ledger`,
or `ledger` in the config: SEC companyfacts, OpenDART responses, or the newsroom's own CSV or JSONL; see
spec/ledger.md), and a claim is looked up there by its key: entity, segment, metric, period, span, basis
and unit. A flow with no stated span has its period's (a year is annual, a quarter quarterly, a first half
the year to date through Q2). A running total that names no end, or a quarter's growth rate with no basis,
matches any filed figure it may mean, and is never reported: the ledger may lack the one it meant. A margin, a share or a growth rate the ledger does not hold is computed from filed levels
(rules/metrics.yaml: ratio_of, share_of over the segment's company or a business's parent, growth_of year
on year, or quarter on quarter for a quarter whose basis is not stated).

The claim's interval (printed precision, hedges, bounds, ranges, as in the other checks) must hold the
current filed value, the latest filing's. A claim that misses it is a finding; every claim that misses one
filed figure is in one finding, which quotes each article and the filed figure with its source. A claim
that holds only a figure as first filed, since restated, is reported as info. Estimates, consensus
figures, changes in points and figures in another currency than the filing's are never compared. A claim
the ledger speaks to (its entity and metric) but cannot settle (no period, no figure for its period, span
or currency, a span or basis left open that matches none) is counted as unverifiable in the summary.
"""
from __future__ import annotations

from collections import Counter
from operator import attrgetter, itemgetter

from pydantic import Field

from ..filed import Filed, Ledger
from ..figures import filed_text
from ..metric_taxonomy import taxonomy
from ..models import Claim
from ..vocab import Lexicon
from .common import Claims, Draft, Hedged, figure, label, ledger_of, printed
from .filings import Filing, ambiguous, covers, filing, keys

KIND = "ledger-mismatch"
ALIASES = ("ledger",)  # the kind's name in the issue that asked for it
# Every claim is looked up by its own key, whose first field is its entity, and one finding gathers the claims
# of every article that miss one filed figure: so one entity family at a time (checks/__init__.py: SCOPES),
# not one article (a finding would split by article). Each piece reads the run's whole ledger.
SCOPE = "key"
RESTATED_STEPS = 2  # a figure as first filed is no error: it was true when printed


class Options(Hedged):
    compute: bool = Field(True, description="compute margins, shares and growth rates from filed levels when "
                                            "the ledger has no such figure")


def check(claims: list[Claim], options: Options, lexicon: Lexicon) -> list[Draft]:
    ledger = ledger_of(claims)
    if ledger is None:
        return []
    tally: Counter[str] = Counter(matched=0, differing=0, unverifiable=0)
    differ: dict[tuple, tuple[Filing, list[Claim]]] = {}
    restated: dict[tuple, tuple[Filing, Filed, list[Claim]]] = {}
    for printings in _keyed(claims, ledger).values():
        first = next(iter(printings.values()))[0]
        found = [f for k in keys(first, ledger) if (f := filing(ledger, k, options.compute, lexicon)) is not None]
        sure = not ambiguous(first)
        for same in printings.values():  # one verdict per printed figure of the key
            verdict, got, old = _verdict(same[0], found, sure, options)
            tally[verdict] += len(same)
            if got is None:
                continue
            if old is None:
                differ.setdefault((got.figure.key, got.figure.value), (got, []))[1].extend(same)
            else:
                restated.setdefault((got.figure.key, old.value), (got, old, []))[2].extend(same)
    if isinstance(claims, Claims):
        claims.tally = dict(tally)  # the run's claims: the summary counts them
    return [*(_differs(got, said) for got, said in differ.values()),
            *(_first_filed(got, old, said) for got, old, said in restated.values())]


KEY = ("entity", "segment", "metric", "period", "cadence", "basis", "unit", "estimate", "consensus", "change")
PRINTING = ("value", "low", "high", "half_width", "bound", "text")  # what its interval is made of
# Read from the claim's __dict__ (where a pydantic model keeps its fields): every claim of the run passes
# through here, and item lookups cost a third less than attribute lookups on a model class.
ROW = itemgetter(*KEY, *PRINTING)
ENTITY_METRIC = itemgetter("entity", "metric")
VALUE = itemgetter("value", "low", "high", "bound")
PLACE = attrgetter("file", "line", "column")


def _keyed(claims: list[Claim], ledger: Ledger) -> dict[tuple, dict[tuple, list[Claim]]]:
    """Claims the ledger can settle, by key (each key is looked up once), then by printed figure (each
    judged once): reported figures of an entity and metric the ledger speaks to; never estimates,
    consensus figures, changes in points or a forecast by nature.

    Each claim is read once, in claim order (a key's claims are spread over the run; reading them key by
    key costs more), and whether the ledger speaks to an entity and metric is asked once per pair. Claims
    alike in every field are one row, split into key and printing once. Both levels keep first-seen order.
    """
    entities, forecast = ledger.entities, taxonomy().has("forecast")
    speaks: dict[tuple, bool] = {}
    rows: dict[tuple, list[Claim]] = {}
    for c in claims:
        fields = c.__dict__
        pair = ENTITY_METRIC(fields)
        ok = speaks.get(pair)
        if ok is None:
            ok = speaks[pair] = pair[0] in entities and pair[1] not in forecast and covers(ledger, *pair)
        if ok:
            row = ROW(fields)
            same = rows.get(row)  # a tuple's hash is not kept: look it up once
            if same is None:
                rows[row] = [c]
            else:
                same.append(c)
    out: dict[tuple, dict[tuple, list[Claim]]] = {}
    n = len(KEY)
    for row, same in rows.items():
        if not (row[7] or row[8] or row[9] or row[6] in ("pp", "count")):
            out.setdefault(row[:n], {})[row[n:]] = same
    return out


def _verdict(c: Claim, found: list[Filing], sure: bool, o: Options) -> tuple[str, Filing | None, Filed | None]:
    """matched, differing (with the filing, and the older figure it matches if any) or unverifiable."""
    if not found:
        return "unverifiable", None, None
    lo, hi = printed(c, o.hedge)
    if any(_within(f.figure.value, lo, hi) for f in found):
        return "matched", None, None
    if len(found) > 1 or not sure:
        return "unverifiable", None, None  # a span or basis it may mean that it matches neither, or that the ledger lacks
    got = found[0]
    old = next((f for f in got.first if _within(f.value, lo, hi)), None)
    return "differing", got, old


def _within(v: float, lo: float, hi: float) -> bool:
    slack = 1e-9 * max(1.0, abs(v))
    return lo - slack <= v <= hi + slack


def _when(f: Filed) -> str:
    return f.period + (f" through {f.through}" if f.through and f.through != f.period else "") + \
        (f" ({f.basis})" if f.basis else "")


SHOWN = 5  # sources named per value in a message; the finding's claims (and the text report's quotes) list all


def _said(cs: list[Claim]) -> str:
    by_value: dict[tuple, list[Claim]] = {}
    for c, value in zip(cs, map(VALUE, map(vars, cs))):
        by_value.setdefault(value, []).append(c)
    return " and ".join(" / ".join(dict.fromkeys(figure(c) for c in same[:SHOWN]))
                        + (f" (+{len(same) - SHOWN} more)" if len(same) > SHOWN else "") for same in by_value.values())


def _differs(got: Filing, cs: list[Claim]) -> Draft:
    f, cs = got.figure, sorted(cs, key=PLACE)
    msg = f"{label(cs[0])} {_when(f)}: {_said(cs)}; filed: {filed_text(f, got.inputs)}."
    why = "filed figure: same entity, segment, metric, period, span and unit" + \
        ("; computed from filed levels" if got.inputs else "; derived from other filed figures" if f.derived else "")
    return Draft(msg, tuple(cs), _key(f), 0, why, filed=(f, *got.inputs))


def _first_filed(got: Filing, old: Filed, cs: list[Claim]) -> Draft:
    f, cs = got.figure, sorted(cs, key=PLACE)
    msg = (f"{label(cs[0])} {_when(f)}: {_said(cs)} matches the figure as first filed, {filed_text(old)}; "
           f"restated since: {filed_text(f, got.inputs)}.")
    return Draft(msg, tuple(cs), _key(f) + "|first", RESTATED_STEPS,
                 "filed figure as first filed, since restated", filed=(f, old, *got.inputs))


def _key(f: Filed) -> str:
    return "|".join("" if x is None else str(x) for x in f.key)
