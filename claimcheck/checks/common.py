"""Shared pieces for check kinds: drafts, the hedge option, intervals, grouping and union-find."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter

import regex
from pydantic import Field

from .. import labels
from .. import calendar as CAL
from ..filed import Filed, Ledger
from ..models import Claim, Edit
from ..rule_spec import RuleOptions
from ..figures import number, show_value


EVIDENCE_NOTE = (
    "Severity follows evidence (option severity_follows_evidence, on by default): a finding keeps the rule's "
    "severity only when every figure it rests on has its entity, metric and period stated in its own sentence, "
    "its table row, column or caption, or a heading that governs it. One field carried from an earlier sentence "
    "or assumed from the article's date or main subject caps it at warning; two cap it at info. Each printed "
    "value counts by its best-stated claim. Values sharing one key inside one sentence or table row are never "
    "compared: that means typing lost a segment, basis, currency or period.")


class Hedged(RuleOptions):
    """Options of the kinds that compare printed figures as intervals, where a hedge (약, about) widens them."""

    hedge: float = Field(0.05, description="relative widening of a hedged figure (약, 대략, about)")


@dataclass(frozen=True)
class Draft:
    """A finding before the engine gives it a rule id, severity and fingerprint."""

    message: str
    claims: tuple[Claim, ...]
    key: str  # what the finding is about, for the fingerprint
    demote: int = 0  # steps below the rule's severity
    why: str = ""
    fix: tuple[Edit, ...] = ()  # a certain repair, applied by check --fix
    filed: tuple[Filed, ...] = ()  # the filed figure a ledger finding compares with, then what it was computed from


# the give of every comparison of two intervals, so that float arithmetic on printed figures never
# makes two equal ends disjoint
SLACK = 1e-9


def overlap(a: tuple[float, float], b: tuple[float, float], slack: float = SLACK) -> bool:
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def scaled(iv: tuple[float, float], k: float) -> tuple[float, float]:
    lo, hi = iv[0] * k, iv[1] * k
    return (min(lo, hi), max(lo, hi))


def widen(iv: tuple[float, float], rel: float) -> tuple[float, float]:
    return iv[0] - abs(iv[0]) * rel, iv[1] + abs(iv[1]) * rel


TRAILING_ZERO = regex.compile(r"(?<![.\d])\d[\d,]*?(?P<zeros>(?:0,?)+)(?<=0)(?![.,]?\d)\s?(?:억|조|만|천|billion|million|bn|mn|B\b|M\b)")


CUT_FORM = regex.compile(r"억\s?\d[\d,]*\s?(?:천만|백만|천|만)")


def printed(c: Claim, hedge: float) -> tuple[float, float]:
    """The printed interval, widened tenfold for each zero an amount ends in, up to three ('3010억원',
    '1조2,500억원'): a press report often rounds a filed '3,014억' or '1조2,482억', and trailing zeros do
    not say whether it did; and by a further half unit away from zero, for an amount cut rather than rounded."""
    lo, hi = c.interval(hedge)
    # a threshold ('1,000억 달러를 돌파') is round by nature: its zeros are no rounding
    z = TRAILING_ZERO.search(c.text) if c.unit not in ("%", "pp", "count") and c.half_width \
        and c.bound in ("eq", "approx") else None
    if z:  # but two significant digits stay: '$100 billion' is no rounding of $107.6 billion
        digits = sum(ch.isdigit() for ch in c.text)
        widen_by = 10 ** max(1, min(3, z["zeros"].count("0"), digits - 2)) - 1
        lo, hi = lo - widen_by * c.half_width, hi + widen_by * c.half_width
    if c.unit not in ("%", "pp", "count") and c.half_width and c.bound == "eq" and c.low is None and CUT_FORM.search(c.text):
        # an amount cut at a small unit after its 억 ('912억 8천만 원' of a filed 912억8,900만원) is as common as one
        # rounded there: its interval reaches the whole unit away from zero
        lo, hi = (lo - c.half_width, hi) if c.value < 0 else (lo, hi + c.half_width)
    return lo, hi


def pct_iv(c: Claim, hedge: float) -> tuple[float, float]:
    """A percent or point claim as a fraction interval (34.3% -> 0.3425..0.3435)."""
    lo, hi = c.interval(hedge)
    return lo / 100, hi / 100


def where(c: Claim) -> str:
    return f"{c.file}:{c.line}"


def label(c: Claim) -> str:
    seg = labels.of_claim(c) if c.segment else ""
    if seg.startswith(("excluding ", "at ")):  # a basis reads after its metric: "operating income excluding AMPC"
        return f"{c.entity or 'unknown'} {labels.metric(c.metric)} {seg}"
    return f"{c.entity or 'unknown'}{' ' + seg if seg else ''} {labels.metric(c.metric)}"


def figure(c: Claim) -> str:
    return f"{show_value(c)} ({where(c)})"


def fmt(v: float, unit: str) -> str:
    return number(v, unit)


def year_of(p: str | None) -> int | None:
    end = CAL.period_end(p) if p else None
    if end:
        return end[0]
    if p and p.startswith("FY") and p[2:6].isdigit():
        return int(p[2:6])
    return None


SPAN_MONTHS = (("Q", 3), ("H", 6), ("-", 1))  # a period label's form -> its length; a bare year is 12


def begun_by(period: str | None, undated: Claim) -> bool:
    """Whether `period` had begun in the month the article of an undated figure was written: a figure read as
    current is of a span under way or over by then, never of one still to come (a May story's sales are not
    the third quarter's), while November's "current quarter" may be the fourth."""
    if not period or period.startswith("FY"):
        return True
    end = CAL.period_end(period)
    if end is None or undated.context_year is None or undated.context_month is None:
        return True
    months = next((n for mark, n in SPAN_MONTHS if mark in period), 12)
    start = end[0] * 12 + end[1] - months
    return start < undated.context_year * 12 + undated.context_month


def near_quarter(period: str | None, undated: Claim) -> bool:
    """Whether a calendar quarter, begun by the time an undated figure's article was written (begun_by), is recent
    enough to be the one it reports: within four months of its end ("1조3982억원" in an August story about the half is
    no first-quarter figure). Other periods are left to begun_by."""
    end = CAL.period_end(period) if period and "Q" in period and not period.startswith("FY") else None
    if end is None or undated.context_year is None or undated.context_month is None:
        return True
    return undated.context_year * 12 + undated.context_month - (end[0] * 12 + end[1]) <= QUARTER_NEWS_MONTHS


QUARTER_NEWS_MONTHS = 4  # how long after a quarter ends a story's unnamed figures may still be that quarter's


def group(claims: Iterable[Claim], key: Callable[[Claim], tuple | None]) -> dict[tuple, list[Claim]]:
    out: dict[tuple, list[Claim]] = defaultdict(list)
    cs = claims if isinstance(claims, list) else list(claims)
    # map runs the key from C; this is called over every claim by most checks, so the loop matters
    for k, c in zip(map(key, cs), cs):
        if k is not None:
            out[k].append(c)
    return out


class Forest:
    """Union-find over 0..n-1 whose root is always the smallest member; `touched` are the nodes given an edge."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.touched: set[int] = set()

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        self.touched.add(a)
        self.touched.add(b)
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        """Components with an edge, ordered by their smallest member, each in ascending order."""
        comps: dict[int, list[int]] = defaultdict(list)
        for i in sorted(self.touched):
            comps[self.find(i)].append(i)
        return list(comps.values())


def single_place(cs: Iterable[Claim]) -> tuple[str, int] | None:
    """(file, sentence) when every claim of a figure sits in one sentence, else None.

    Two distinct figures have a pair of claims in different sentences unless both sit in the
    same single sentence, so this one fact per figure replaces a look at every pair of claims.
    """
    it = iter(cs)
    first = next(it, None)
    if first is None:
        return None
    place = (first.file, first.sentence)
    for c in it:
        if c.file != place[0] or c.sentence != place[1]:
            return None
    return place


class Claims(list):
    """The claims of one run, with the groupings several checks need made once and shared, and the
    filed figures they are checked against.

    The engine hands every check the same Claims; `by_sentence` and `by_article` keep their
    result on it. The groups are shared, so a check must not change them. A plain list works
    too, grouped afresh each time. `ledger` is the run's reference ledger (`check --ledger`), which a
    check reads with `ledger_of`; the ledger check counts the claims it settled in `tally`, which the
    engine hands on to the summary.
    """

    def __init__(self, claims: Iterable[Claim] = (), ledger: Ledger | None = None) -> None:
        super().__init__(claims)
        self.memo: dict[str, dict] = {}
        self.ledger = ledger
        self.tally: dict[str, int] = {}


def ledger_of(claims: Iterable[Claim]) -> Ledger | None:
    """The filed figures the run checks claims against, if it was given any."""
    return getattr(claims, "ledger", None)


def _shared(claims: Iterable[Claim], name: str, make: Callable[[], dict]) -> dict:
    memo = getattr(claims, "memo", None)
    if memo is None:
        return make()
    if name not in memo:
        memo[name] = make()
    return memo[name]


def by_sentence(claims: Iterable[Claim]) -> dict[tuple[str, int], list[Claim]]:
    """(file, sentence) -> its claims, in order."""
    return _shared(claims, "sentence", lambda: group(claims, attrgetter("file", "sentence")))


def by_article(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    def make() -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = defaultdict(list)
        cs = claims if isinstance(claims, list) else list(claims)
        for f, c in zip(map(attrgetter("file"), cs), cs):
            out[f].append(c)
        return dict(out)

    return _shared(claims, "article", make)


def option_lines(options: RuleOptions) -> list[str]:
    """'name=value: doc' for every option of a rule, the kind's own first, the default added where the
    rule file or config changed it."""
    now = options.model_dump(by_alias=True)
    default = type(options)().model_dump(by_alias=True)
    fields = type(options).model_fields
    names = sorted(fields, key=lambda n: n in RuleOptions.model_fields)  # stable: keeps declaration order
    out = []
    for name in names:
        changed = f" (default {default[name]})" if now[name] != default[name] else ""
        doc = fields[name].description
        out.append(f"{name}={now[name]}{changed}" + (f": {doc}" if doc else ""))
    return out
