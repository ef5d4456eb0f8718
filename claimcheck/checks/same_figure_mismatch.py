"""same-figure-mismatch: claims with one key (entity, segment, metric, period, cadence, basis, unit) whose values cannot both hold.

Each printed figure stands for an interval: k decimals mean ±0.5×10^-k, a hedge (약, about)
widens it by `hedge`, a bound (이상, 미만) is a half-line, a range is its interval. Two
figures conflict when their intervals do not overlap. Both reported for the same explicit
period: full severity; two forecasts: one step down; a forecast against a reported figure:
two steps down. An undated reported figure against another reported one: one step down,
except for the metrics in `undated_full` (a share of a whole is a standing fact). Figures in
one sentence ("32%에서 38%로") are a from-to change, never a conflict; figures of one article
that are no slip of each other (`slips.py`) are info, unless one is a sibling figure's amount restated under this
one (`swaps.py`, `restated.py`) or the article's own profit and revenue settle which of two margins is right
(`recomputed.py`), and so are reported amounts of several articles
that are far apart and no slip of each other (`far_needs_slip`), and unmarked figures one of which another article
prints marked adjusted or parent-only (`adjusted_twins`). All conflicting
figures for a key form one finding that lists each distinct value with its sources.
"""
from __future__ import annotations

from pydantic import Field

from ..vocab import Lexicon, family, taxonomy
from ..models import BEFORE_REVISION, COMPANY_GUIDANCE, Claim
from .common import Draft, Hedged, begun_by, figure, label, near_quarter, year_of
from .same_figure_graph import Graph
from .same_figure_keys import distinct_figures, keyed, lost_in_typing, superseded_plans
from .slips import slip
from .swaps import Siblings, siblings, stale, swapped
from .restated import printings, restated_wrong
from .recomputed import levels, recomputed_wrong
from .split_articles import doubted, split_files
from .adjusted_twins import Twins, twinned
from ..figures import plural
from ..calendar import compared_period

KIND = "same-figure-mismatch"
SCOPE = "key"  # every key starts with the entity
ALIASES = ("same-figure",)  # the kind's earlier name, still accepted in rule files


class Options(Hedged):
    skip_metrics: list[str] = Field(default_factory=lambda: ["price_target", "upside", "market_size", "net_trading", "per",
                                                             "target_per"],
                                    description="metrics never compared (each source has its own target, "
                                                "market definition or day's price-earnings multiple)")
    undated_full: list[str] = Field(default_factory=lambda: ["revenue_share", "operating_income_share",
                                                             "market_share"],
                                    description="metrics whose undated figures keep full severity: a share of "
                                                "a whole is a standing fact")
    volatile: list[str] = Field(default_factory=lambda: ["stock_price", "price_change", "market_cap"],
                                description="metrics that move daily, compared only when both figures are dated")
    one_article_needs_slip: bool = Field(True, description="report at info a conflict inside one article whose "
                                         "values are no slip of each other (a digit changed, digits reordered, one "
                                         "dropped or doubled, the sign lost): there it almost always means typing "
                                         "lost a segment, period or basis; unless another line or company of the "
                                         "article holds the same two values (two swapped), or one value is a "
                                         "sibling's amount restated under this figure on a line of its own with the "
                                         "field that tells them apart written there (restated.py), or the article's own one "
                                         "profit and one revenue settle which of two margins is right "
                                         "(recomputed.py). Between articles too: a "
                                         "conflict that is gone once the values printed only by such self-split "
                                         "articles are set aside is at info")
    far_needs_slip: float = Field(1.25, description="report at info a conflict between articles over reported "
                                  "amounts of one dated period whose values are exact, of one sign, no slip of each "
                                  "other and more than this ratio apart (0 turns it off): on judged real text such "
                                  "pairs stood for different things (a line and the company, GAAP and adjusted) far "
                                  "more often than for one figure printed wrong; rates, bounds, ranges and forecasts "
                                  "keep their severity")
    corroborated: int = Field(2, description="report at info a conflict between articles in which every value is "
                              "printed by at least this many articles (0 turns it off): a value printed wrong is one "
                              "outlet's slip, while two values each printed by several outlets are two things (a "
                              "line and the company, GAAP and adjusted) typed as one; on thirteen judged real-text "
                              "runs, 13 of 14 such warnings and errors were")
    adjusted_twins: bool = Field(True, description="report at info a conflict among figures with no GAAP or "
                                 "adjusted mark, or no books named, when one of them equals the adjusted or "
                                 "parent-only (별도) figure another article prints so marked: an outlet dropped the "
                                 "word, the figures are two measures")
    defer_scale_slips: bool = Field(True, description="leave two amounts ×10, ×100 or ×1,000 apart to "
                                                      "unit-scale-slip rather than report them here too (rates, which "
                                                      "that rule does not read, stay here: '22.6%' for 2.26%)")


# A figure is the distinct (period, cadence, estimate, interval, context year and month) of a key; its class
# is (period, cadence, estimate, context year and month of an undated figure). Whether two figures are
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
                                             or COMPANY_GUIDANCE in (a.forecaster, b.forecaster)
                                             or any(f and f.endswith(BEFORE_REVISION) for f in (a.forecaster, b.forecaster))):
            return None  # two houses' forecasts, or a house's and the company's own, differ by design
        if a.consensus and b.consensus and a.file != b.file:
            return None  # two outlets' consensus: each data provider polls its own houses on its own day
        if a.estimate and b.estimate and a.file != b.file and not (a.forecaster == b.forecaster == COMPANY_GUIDANCE) \
                and a.context_month and b.context_month \
                and (a.context_year, a.context_month) != (b.context_year, b.context_month):
            return None  # forecasts printed in other months are other vintages, even one house's: estimates move
        return {0: 0, 1: 2, 2: 1}[a.estimate + b.estimate]
    if a.estimate or b.estimate:
        return None
    dated = a if a.period else b if b.period else None
    if dated is not None:
        if compared_period(dated):
            return None  # a base the sentence names as such ('in the prior-year quarter') is not the current span
        undated = b if dated is a else a
        y, cy = year_of(dated.period), undated.context_year
        if (y and cy and abs(y - cy) > 1) or not begun_by(dated.period, undated) or not near_quarter(dated.period, undated):
            return None
        if (dated.period or "").endswith("Q4") and undated.cadence is None and taxonomy().family(undated.metric) == "flow":
            return None  # a year-end story's unnamed flow may be the year's as well as its last quarter's
        return 1 if cy else 2  # an undated figure of an article with no date may be of any year: never a gate
    return 0 if a.metric in o.undated_full else 1


def check(claims: list[Claim], options: Options, lexicon: Lexicon) -> list[Draft]:
    o = options
    out = []
    skip = set(o.skip_metrics)
    claims = claims if isinstance(claims, list) else list(claims)
    adjusted = Twins(claims) if o.adjusted_twins else None
    lines = siblings(claims) if o.one_article_needs_slip else {}
    printed = printings(claims) if o.one_article_needs_slip else {}
    margins = levels(claims) if o.one_article_needs_slip else {}
    for key, raw in keyed(claims, skip).items():
        if (key[2] or "").startswith(("count", "charge", "investment")) and key[1] is None:
            # counts of what, charges for what, investments from whom? users, staff and units, a tariff and a
            # restructuring cost, a government's and a partner's stake, are never one figure without a segment
            continue
        lost = (lost_in_typing(claims, raw, o.hedge) | superseded_plans(claims, raw)) if len(raw) > 1 else set()
        if lost:
            raw = {p: kept for p, idxs in raw.items() if (kept := [i for i in idxs if i not in lost])}
        figs = distinct_figures(claims, raw, o.hedge)
        if len(figs) < 2:
            continue
        nodes, fkeys = list(figs.values()), list(figs)
        for comp, demote in (part for found in _components(fkeys, nodes, o) for part in _slip_parts(found, nodes)):
            members = [c for k in comp for c in nodes[k]]
            slipped = o.one_article_needs_slip and restated_wrong(members, printed, lambda e: family(lexicon, e))
            settled = recomputed_wrong(members, margins, o.hedge) if o.one_article_needs_slip else None
            slipped = slipped or bool(settled)
            alone = o.one_article_needs_slip and _unlike_in_one_article(comp, nodes, members) and not swapped(members, lines) \
                and not stale(members, lines)
            if o.one_article_needs_slip and not alone:
                alone = _split_apart(comp, fkeys, nodes, members, lines)
            alone = alone and not slipped
            far = not (alone or slipped) and (_far_apart(comp, nodes, o.far_needs_slip)
                                              or _corroborated(comp, nodes, o.corroborated))
            twin = not (alone or far) and key[1] is None and adjusted is not None and twinned(members, adjusted, o.hedge)
            out.append(_draft(key, comp, nodes, members, 2 if alone or far or twin else demote, alone, far, twin, slipped,
                              settled))
    return out


def _components(fkeys: list[tuple], nodes: list[list[Claim]], o: Options) -> list[tuple[list[int], int]]:
    """Conflicts at one or no step down first, then those made of weaker edges alone: a finding lists the
    values that conflict at its own severity, so a forecast that merely missed ('$3.67 est.') is not
    dragged into the finding of two reported figures that disagree."""
    strong = _graph(fkeys, nodes, o, most=1).components()
    weak = [(comp, lv) for comp, lv in _graph(fkeys, nodes, o).components() if lv == 2]
    return [part for comp in strong + weak for part in _one_period(fkeys, nodes, o, comp)]


def _graph(fkeys: list[tuple], nodes: list[list[Claim]], o: Options, most: int = 2) -> Graph:
    """The conflict graph of one key's figures, joining those at most `most` steps down."""
    return Graph(fkeys, nodes, lambda a, b: _demote(a, b, o), o.defer_scale_slips, most)


def _one_period(fkeys: list[tuple], nodes: list[list[Claim]], o: Options,
                found: tuple[list[int], int]) -> list[tuple[list[int], int]]:
    """A finding never spans several stated periods: undated figures, comparable with every period, can chain
    2022Q3's figures to 2025Q3's into one finding nobody can read. Such a chain is cut into its dated
    conflicts; the undated figures are left to the periods' own findings, where they conflict alone."""
    comp, _ = found
    if len({fkeys[k][0] for k in comp if fkeys[k][0]}) < 2:
        return [found]
    dated = [k for k in comp if fkeys[k][0]]
    parts = _graph([fkeys[k] for k in dated], [nodes[k] for k in dated], o).components()
    return [([dated[i] for i in sub], lv) for sub, lv in parts]


def _slip_parts(found: tuple[list[int], int], nodes: list[list[Claim]]) -> list[tuple[list[int], int]]:
    """One article's conflict of three or more values, some of them a slip of each other ('43만1,200명' and
    '34만1,200명') and some of nothing ('81만2천명', a half's count typing dated to the quarter): the slipped values
    are one conflict, the figure copied wrong, and the others a conflict of their own with the first of them."""
    comp, demote = found
    if len(comp) < 3 or len(comp) > 12 or len({c.file for k in comp for c in nodes[k]}) > 1 \
            or nodes[comp[0]][0].unit in ("%", "pp"):
        return [found]  # (rates are left out: '6%' and '-6%', '4.6%' and '4%' of different things are chance alike)
    core = [k for k in comp if any(j != k and slip(nodes[k][0], nodes[j][0]) for j in comp)]
    if not core or len(core) == len(comp):
        return [found]
    return [(core, demote), ([core[0]] + [k for k in comp if k not in core], demote)]


def _unlike_in_one_article(comp: list[int], nodes: list[list[Claim]], members: list[Claim]) -> bool:
    """Figures of one article that disagree with no slip between them: an article that gives one figure two
    unlike values has almost always had a segment, period or basis lost in typing (on seven judged real-text
    runs, every one of 29 such warnings and errors was), while a figure copied wrong looks like a slip."""
    if len({c.file for c in members}) > 1 or len(comp) > 12:
        return False
    reps = [nodes[k][0] for k in comp]
    return not any(slip(a, b) for i, a in enumerate(reps) for b in reps[i + 1:])


def _split_apart(comp: list[int], fkeys: list[tuple], nodes: list[list[Claim]], members: list[Claim],
                 lines: Siblings) -> bool:
    """A conflict between articles that is gone once the values printed only by self-split articles are set
    aside (`split_articles`), unless such an article swapped two lines' or companies' values."""
    ivs = [k[3] for k in fkeys]
    split = split_files(comp, ivs, nodes)
    if any(swapped([c for c in members if c.file == f], lines) for f in split):
        return False
    return doubted(comp, ivs, nodes, split)


def _far_apart(comp: list[int], nodes: list[list[Claim]], ratio: float) -> bool:
    """Unlike exact reported amounts of one dated period and one sign, no two of them a slip or within `ratio`
    of each other. Forecasts keep their severity: two forecasts far apart are two views, not a lost segment."""
    if not ratio or len(comp) > 12:
        return False
    reps = [nodes[k][0] for k in comp]
    if any(c.low is not None or c.high is not None or c.bound != "eq" or not c.period or c.estimate
           or c.unit in ("%", "pp") for c in reps):
        return False  # a rate printed wrong is as often far off as near: 19.9% for 11.8%
    for i, a in enumerate(reps):
        for b in reps[i + 1:]:
            if (a.value < 0) != (b.value < 0) or slip(a, b):
                return False
            lo, hi = sorted((abs(a.value), abs(b.value)))
            if lo == 0 or hi / lo <= ratio:
                return False
    return True


def _corroborated(comp: list[int], nodes: list[list[Claim]], least: int) -> bool:
    """Every value of the conflict is printed by at least `least` articles."""
    return bool(least) and all(len({c.file for c in nodes[k]}) >= least for k in comp)


def _draft(key: tuple, comp: list[int], nodes: list[list[Claim]], members: list[Claim], demote: int,
           alone: bool = False, far: bool = False, twin: bool = False, restated: bool = False,
           settled: str | None = None) -> Draft:
    first = members[0]
    periods = sorted({c.period for c in members if c.period})
    when = f" for {', '.join(periods)}" if periods else ""
    shown = "; ".join(
        " / ".join(dict.fromkeys(figure(c) for c in nodes[k][:3])) + (f" (+{len(nodes[k]) - 3} more)" if len(nodes[k]) > 3 else "")
        for k in comp)
    values = [c.value for c in members]
    unit = "points" if first.unit in ("%", "pp") else first.unit
    spread = max(values) - min(values)
    rel = spread / max(abs(v) for v in values) * 100
    # (a slip in a trillion-won total moves it by a fraction of a percent: "they differ by 0%" would read as no difference)
    diff = plural(spread, "point") if unit == "points" else f"{rel:.0f}%" if rel >= 1 else f"{rel:.1g}%"
    why = "same entity, segment, metric, unit and basis" + (", same period" if len(periods) == 1 else
                                                            "; an undated figure is read as current")
    if alone:
        why += "; all in one article and no value a slip of another, so this is info"
    elif far:
        why += ("; every value is printed by several articles, or the values are far apart and none is a slip "
                "of another, so this is info")
    elif twin:
        why += "; one value is the adjusted or parent-only figure another article prints as such, so this is info"
    elif settled:
        why += f"; one article, but its own levels settle it: {settled}"
    elif restated:
        why += ("; one value is another line's, period's or company's amount restated under this figure, that field "
                "written out")
    msg = f"{label(first)}{when} is given as {shown}; they differ by {diff}."
    k = "|".join(str(x) for x in key) + "|" + ",".join(periods)
    return Draft(msg, tuple(members), k, demote, why)
