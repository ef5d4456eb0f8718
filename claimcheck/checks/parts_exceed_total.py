"""parts-exceed-total: parts that add up to more than their whole, within one article.

Revenue of a company's segments for one period and cadence may not exceed the company's
stated total by more than rounding (nor may its orders or its order book, which releases split by line the
same way); market shares of different companies in one market
(segment) and period may not add up to more than 100%. Operating income is left alone:
segments can out-earn a company whose other units lose money. Forecasts are skipped.
"""
from __future__ import annotations

import functools

import regex
from pydantic import Field

from .. import vocab as L
from ..models import Claim
from .common import Draft, Hedged, by_article, figure, fmt, group

KIND = "parts-exceed-total"
SCOPE = "article"
ALIASES = ("totals",)  # the kind's earlier name, still accepted in rule files


class Options(Hedged):
    slack: float = Field(0.01, description="relative margin by which parts may exceed their whole (or 100%) "
                                           "before it is reported")
    far_over: float = Field(0.25, description="parts exceeding their whole by more than this (relative) give an "
                                              "info finding: a mistyped figure (a line read as the whole, a volume "
                                              "as a part) makes them far larger, while a part printed wrong makes "
                                              "them a little larger; on real text every excess above 25% was typing")
    eliminations: float = Field(0.0, description="extra relative margin by which business lines (not regions) "
                                                 "may exceed the consolidated revenue, for a newsroom whose "
                                                 "articles quote lines before their sales to each other are "
                                                 "removed (off by default: a small excess is usually an error)")


SUMMED = {"revenue": "revenue", "orders": "orders", "backlog": "order book"}  # metric -> its words in the message


@functools.lru_cache(maxsize=4)
def _region_rx(words: tuple[str, ...]) -> regex.Pattern:
    # segment ids join words with '_' ("united_states"), the vocabulary with spaces
    alts = (regex.escape(w).replace("\\ ", "[\\s_]") for w in sorted(words, key=len, reverse=True))
    # (whole words of the id: the id "us" is in "us_and_canada", never in "consumer_business")
    return regex.compile(r"(?<![a-z])(?:" + ("|".join(alts) or "(?!)") + r")(?![a-z])", regex.IGNORECASE)


def check(claims: list[Claim], options: Options, lexicon: L.Lexicon) -> list[Draft]:
    o, lex = options, lexicon
    region_rx = _region_rx(tuple(lex.regions) + tuple(sorted(set(lex.region_ids.values()) - {"other"})))  # words and ids ("us")
    out = []
    for _, every in by_article(c for c in claims if not c.change and c.bound in ("eq", "approx")).items():
        # shares estimated together ("점유율은 A 62%, B 22%로 추정") must still fit in 100%;
        # they are only never added to reported ones
        listed = [c for c in every if c.metric == "market_share" and c.entity]
        # one list of shares in one sentence is one market and moment, even where a company's
        # fiscal calendar names the quarter differently; across sentences the period must match
        shares = {**group(listed, lambda c: (c.segment, c.period, c.estimate)),
                  **{k: v for k, v in group(listed, lambda c: (c.segment, f"s{c.sentence}", None)).items()
                     if len(v) > 1}}
        cs = [c for c in every if not c.estimate]
        seen: set[frozenset] = set()
        for (seg, period, _), ss in shares.items():
            period = ss[0].period if period and period.startswith("s") and period[1:].isdigit() else period
            if frozenset(id(c) for c in ss) in seen:
                continue
            seen.add(frozenset(id(c) for c in ss))
            per: dict[str | None, Claim] = {}  # each company's first share
            for c in ss:
                per.setdefault(c.entity, c)
            if len(per) < 2:
                continue
            total = sum(c.interval(o.hedge)[0] for c in per.values())
            if total > 100 * (1 + o.slack):
                msg = (f"Market shares{' in ' + seg if seg else ''}{' for ' + period if period else ''} add up to "
                       f"{total:.1f}% or more: " + ", ".join(f"{c.entity} {figure(c)}" for c in per.values()) + ".")
                out.append(Draft(msg, tuple(per.values()), f"shares|{seg}|{period}|{ss[0].file}",
                                 why="shares of one market and period"))
        # (and orders and the order book, which a release splits by line as it does sales: never below zero)
        revs = group((c for c in cs if c.metric in SUMMED and c.entity and c.period),
                     lambda c: (c.metric, c.period, c.cadence, c.unit))
        for (metric, period, _cad, unit), rs in revs.items():
            for whole in (r for r in rs if r.segment is None):
                parts: dict[tuple[str | None, str | None], Claim] = {}  # (entity, segment) -> first figure
                # a table lists a total's lines side by side: where one does, its rows stand for the lines
                # (prose may nest one line inside another), so they are taken first
                for r in sorted(rs, key=lambda c: _where(c) >= 0):
                    is_part = (r.entity == whole.entity and r.segment and not _a_basis(lex, r.segment)) or \
                              (r.segment is None and L.parent(lex, r.entity) == whole.entity)
                    if is_part and not L.is_aggregate(lex, r.entity, r.segment) and not _sub_row(r):
                        parts.setdefault((r.entity, r.segment), r)
                # products and regions are two cuts of one total (Apple's iPhone and Greater China); add up
                # within a cut. A business with its own name (AWS) sits beside the regions of its parent.
                if any(_where(p) < 0 for p in parts.values()):
                    parts = {k: v for k, v in parts.items() if _where(v) < 0}
                parts = _outer(parts)
                region = {k: v for k, v in parts.items() if k[1] and region_rx.search(k[1])}
                named = {k: v for k, v in parts.items() if k[0] != whole.entity}
                cuts = [c for c in ({k: v for k, v in parts.items() if k not in region}, {**region, **named}) if c]
                over = [c for c in cuts if _least_sum(list(c.values()), o.hedge) > whole.interval(o.hedge)[1]
                        * (1 + o.slack + _margin(c, region, o))]
                if over:
                    parts = over[0]
                    low = _least_sum(list(parts.values()), o.hedge)
                    msg = (f"Parts of {whole.entity} {SUMMED[metric]} for {period} add up to at least {fmt(low, unit)}, "
                           f"more than the stated total {figure(whole)}: "
                           + ", ".join(figure(p) for p in parts.values()) + ".")
                    far = low > whole.interval(o.hedge)[1] * (1 + o.far_over)
                    why = "segments of one company and period" + (
                        f"; more than {o.far_over:.0%} over, likelier a figure typed as the wrong line, so info" if far else "")
                    key = f"parts|{whole.entity}|{period}|{whole.file}" + ("" if metric == "revenue" else f"|{metric}")
                    out.append(Draft(msg, (whole, *parts.values()), key,
                                     2 if far else 0, why))
    return out


# "| – of which e-commerce |", "| Thereof Cloud ERP Suite |": a row inside the row above, never its sibling
SUB_ROW = regex.compile(r"(?:^|›\s?)\W*(?:of\swhich|thereof|hereof|davon|그중|이\s?중)\b", regex.IGNORECASE)


def _sub_row(c: Claim) -> bool:
    return any(f == "segment" and s == "table" and t and SUB_ROW.search(t) for f, s, _, t in c.evidence)


def _outer(parts: dict[tuple[str | None, str | None], Claim]) -> dict[tuple[str | None, str | None], Claim]:
    """'Optum' and 'Optum Health': a line whose name goes on from another's is inside it, not beside it."""
    segs = [k[1] for k in parts if k[1]]
    return {k: v for k, v in parts.items() if not (k[1] and any(k[1].startswith(s + "_") for s in segs))}


def _a_basis(lex: L.Lexicon, segment: str) -> bool:
    """'standalone', 'adjusted', 'ex_ampc': the whole on another basis, never one of its parts."""
    return segment in lex.bases or segment.startswith("ex_") or segment.rsplit("_", 1)[-1] in lex.bases


def _margin(cut: dict, region: dict, o: Options) -> float:
    """The extra room a cut of business lines gets for sales between them; regions and named units get none."""
    return o.eliminations if cut and not any(k in region for k in cut) else 0.0


def _least_sum(parts: list[Claim], hedge: float) -> float:
    """The least the parts can add up to when a part may sit inside a larger one stated in an earlier sentence.
    Articles give a line's sub-lines after it ('플랫폼 매출은 1조295억원 ... 톡비즈 매출이 5,177억원'), and a
    sub-line is not added to the whole a second time. Parts listed in one sentence ('A $79억, B $17억') are
    siblings, so only what fits under no earlier sentence's part counts."""
    room: list[list[float]] = []  # [sentence, what the part can still hold], most recent last
    total = 0.0
    for p in sorted(parts, key=lambda c: (c.line, c.column)):
        lo, hi = p.interval(hedge)
        at = _where(p)
        inside = next((r for r in reversed(room) if r[0] < at and r[1] >= lo), None)
        if inside is None:
            total += lo
        else:
            inside[1] -= lo
        room.append([at, hi])
    return total


def _where(p: Claim) -> float:
    """The sentence a part is stated in; the rows of one table, each a line of its own, are siblings too."""
    return -1.0 if any(e[0] == "segment" and e[1] == "table" for e in p.evidence) else float(p.sentence)
