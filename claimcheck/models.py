"""Frozen records that flow through the pipeline: Article, Claim with its evidence, Edit, Finding.

A rule's records are in `rule_spec.py`, what a run reports beside its findings in `summary.py`, and
a claim as the JSON contract's object in `claim_contract.py`."""
from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

from .filed import Filed

Bound = Literal["eq", "approx", "ge", "gt", "le", "lt"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Severity(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Article(Frozen):
    """One article as read from disk; `text` is the decoded file, unmodified."""

    path: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    warnings: tuple[str, ...] = ()


class Claim(Frozen):
    """One typed numeric claim (contract: shared/spec/claims.md)."""

    file: str
    line: int
    column: int
    text: str
    entity: str | None
    segment: str | None = None
    metric: str
    value: float
    low: float | None = None
    high: float | None = None
    bound: Bound = "eq"
    unit: str
    period: str | None = None
    cadence: str | None = None
    basis: str | None = None
    estimate: bool = False
    quote: str
    # Project additions (allowed by the contract): printed precision as the
    # half-width of the rounding interval in `unit`, whether the figure is a
    # change of its metric rather than its level, and the year an undated
    # figure most plausibly refers to.
    half_width: float = 0.0
    change: bool = False
    context_year: int | None = None
    # and the month its article was written in: a reported figure read as current is of a span over by then
    context_month: int | None = None
    sentence: int = Field(default=0, description="index of the sentence within the article")
    consensus: bool = Field(default=False, description="a market consensus figure, never checked against a reported one")
    forecaster: str | None = Field(default=None, description="the one broker or data house a forecast's sentence, "
                                                           "or else its article, names: two houses' forecasts differ by design")
    # (field, source, line, text) for entity, metric, period and segment: see claims/evidence.py
    evidence: tuple[tuple[str, str, int | None, str | None], ...] = ()

    def interval(self, hedge: float = 0.0) -> tuple[float, float]:
        """Closed interval the printed figure stands for, widened by a relative hedge for approx."""
        lo = self.low if self.low is not None else self.value
        hi = self.high if self.high is not None else self.value
        lo, hi = lo - self.half_width, hi + self.half_width
        # the substring tests first: intervals are asked for in every check's inner loop
        if self.bound == "eq" and (("." in self.text and ("조" in self.text or "억" in self.text)
                                    and TRUNCATED.search(self.text)) or ("억" in self.text and EOK_END.search(self.text))
                                   or (self.unit == "%" and self.half_width == 0.5 and HANGUL_QUOTE.search(self.quote))
                                   or ("." in self.text and EN_SCALED.search(self.text))):
            # ("$1.13 billion" for $1,138 million: an English amount in billions is cut as often as rounded too)
            # "영업이익 5.8조" for 5조8,895억, "1조1438억원" for 1조1438억9400만원, "전년대비 30% 감소" for 30.9%: Korean
            # reports cut a figure to one decimal of 조, to whole 억 or to a whole percent as often as they round it,
            # so it may stand for anything up to the next step
            if self.value >= 0:
                hi += self.half_width
            else:
                lo -= self.half_width
            if "억" in self.text and (step := _round_step(self.value)):
                # "2조8910억원", "24조4400억원" for 2조8917억, 24조4489억: an amount of 1조 or more that ends in zeros
                # is as often cut or rounded to that many places as it is exact
                lo, hi = lo - step / 2, hi + step / 2
        if self.bound == "eq" and "만" in self.text and (zeros := FOREIGN_MAN_END.search(self.text)):
            # "90억3,000만유로" for €9.027 billion: a wire writing a foreign amount in Korean units copies the release's
            # "9.03 billion", so the 만 group's trailing zeros are as often rounded as exact
            step = 10.0 ** zeros["z"].count("0") * 1e4
            lo, hi = lo - step / 2, hi + step / 2
        if self.bound == "eq" and self.unit in ("%", "pp") and self.low is None and _round_tens(self.value, self.text):
            lo, hi = lo - 4.5, hi + 4.5  # "731.8%에서 906.3%로 170%포인트 높아졌다": a rate of hundreds, said to the ten
        if self.bound == "approx":
            pad = abs(self.value) * hedge
            lo, hi = lo - pad, hi + pad
        inf = float("inf")
        if self.bound in ("ge", "gt"):
            hi = inf
        elif self.bound in ("le", "lt"):
            lo = -inf
        return lo, hi


# A claim's evidence entry is (field, source, line, text); claims/evidence.py records them.
Ev = tuple[str, str, int | None, str | None]
# stated: the figure's own clause or sentence, its table cell's row/column, the table's caption, a governing heading
STATED = ("clause", "table", "caption", "heading")
# assumed: taken over from an earlier sentence, or filled in from the article's date or main subject
ASSUMED = ("carried", "default")


def assumed(evidence: tuple[Ev, ...], fields: tuple[str, ...] = ("entity", "metric", "period")) -> int:
    """How many of `fields` were carried from elsewhere or defaulted, rather than stated. A company nobody named
    counts twice: a figure of an unknown company is nothing an editor can check against anything."""
    return sum((2 if f == "entity" and s == "none" else 1) for f, s, _, _ in evidence
               if f in fields and (s in ASSUMED or (s == "none" and f == "entity")))


# the forecaster of a company's own plan (claims/forecasters.py): never one source with a house's estimate
COMPANY_GUIDANCE = "company guidance"
# added to the forecaster of a plan's old figure in its revision ("기존 37.20달러에서 33달러로 하향"): it is no longer
# anyone's figure for its period, so it is set against no other source's
BEFORE_REVISION = ", before its revision"
HANGUL_QUOTE = regex.compile(r"\p{Hangul}")
TRUNCATED = regex.compile(r"\d\.\d\s?[조억]")
EN_SCALED = regex.compile(r"\d\.\d+\s?(?:billion|million|trillion|bn|mn|B|M)\b")
def _round_tens(value: float, text: str) -> bool:
    """Whether a rate or point change of a hundred or more is printed as a whole ten ('170%포인트', '120%'), which
    writers round to as often as they print it exact."""
    return abs(value) >= 100 and value == int(value) and int(value) % 10 == 0 and "." not in text


def _round_step(value: float) -> float:
    """The step a whole-억 amount may be rounded to, by its trailing zeros past its third digit (0 if none)."""
    n = round(abs(value) / 1e8)
    if n % 10 or abs(abs(value) / 1e8 - n) > 1e-6:
        return 0.0
    step = 1
    while n % (step * 10) == 0 and step * 10 * 1000 <= n:  # three significant places kept: '1,700억' is exact
        step *= 10
    return step * 1e8 if step > 1 else 0.0


FOREIGN_MAN_END = regex.compile(r"억\s?(?:\d[\d,]*?)?[1-9](?P<z>(?:,?0)+)\s?만\s?(?:유로|달러|엔|위안|파운드|프랑|크로나|크로네)$")
EOK_END = regex.compile(r"\d\s?억(?:\s?(?:원|달러|엔|위안))?$")  # a figure whose last unit is 억


class Edit(Frozen):
    """A change that certainly fixes a finding: `old` at file:line:column (1-based) becomes `new`."""

    file: str
    line: int
    column: int
    old: str
    new: str


class Finding(Frozen):
    """One reported problem, resting on the claims it names."""

    rule: str
    severity: Severity
    message: str
    claims: tuple[Claim, ...]
    fingerprint: str
    why: str = ""
    suppressed: bool = False
    fix: tuple[Edit, ...] = ()  # offered only when certain (check --fix / --diff); not in the JSON contract
    filed: tuple[Filed, ...] = ()  # the filed figure a ledger finding compares with, then what it was computed from
