"""Frozen records that flow through the pipeline: Article, Claim, Finding."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
import types
import typing
from enum import Enum
from typing import Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny

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
        if self.bound == "eq" and "." in self.text and ("조" in self.text or "억" in self.text) \
                and TRUNCATED.search(self.text):
            # "영업이익 5.8조" for 5조8,895억: Korean headlines cut a figure to one decimal of 조 or 억 as often as
            # they round it, so the figure may stand for anything up to the next tenth
            if self.value >= 0:
                hi += self.half_width
            else:
                lo -= self.half_width
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
    """How many of `fields` were carried from elsewhere or defaulted, rather than stated."""
    return sum(1 for f, s, _, _ in evidence if f in fields and s in ASSUMED)


def evidence_object(evidence: tuple[tuple[str, str, int | None, str | None], ...]) -> dict:
    """A claim's evidence as the contract's object: field -> {source, line, text}."""
    return {f: {"source": s, "line": ln, "text": t} for f, s, ln, t in evidence}


# the forecaster of a company's own plan (claims/forecasters.py): never one source with a house's estimate
COMPANY_GUIDANCE = "company guidance"
TRUNCATED = regex.compile(r"\d\.\d\s?[조억]")


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


class RuleOptions(Frozen):
    """Options every check kind accepts. Each kind's module extends it as its `Options`; the model is
    where an option's default and its one-line doc live (`explain` prints both), and unknown keys are refused."""

    severity_follows_evidence: bool = Field(True, description=(
        "keep the rule's severity only when every figure has its entity, metric and period stated; "
        "one field carried or assumed caps it at warning, two at info"))


class Example(Frozen):
    """A rule's example as runnable articles (name -> text, dated by front matter); a failing example also
    names the lines (file:line) its finding cites."""

    articles: dict[str, str] = Field(default_factory=dict)
    lines: tuple[str, ...] = ()
    ledger: tuple[dict[str, Any], ...] = ()  # filed figures (ledger@1 records) the articles are checked against


class RuleSpec(Frozen):
    """A rule as loaded from its YAML file and the config: a check kind plus its validated options."""

    id: str
    kind: str
    severity: Severity
    message: str
    description: str
    passing: str = ""  # one line each, for explain and SARIF help
    failing: str = ""
    examples: dict[str, Example] = Field(default_factory=dict)  # "passing" / "failing", when runnable
    # validated once when the rules and config are loaded; SerializeAsAny keeps the kind's own fields
    options: SerializeAsAny[RuleOptions] = Field(default_factory=RuleOptions)
    enabled: bool = True
    source: str = ""


class Unreadable(Frozen):
    """An input that was not checked: unreadable, not a plain file, a link leaving the tree, too big."""

    file: str
    reason: str


@dataclass(frozen=True, slots=True)
class Problem:
    """Something a run told the user about rather than checked: a file it could not read
    (`unreadable`, also listed as an Unreadable in the summary), one it read with damage (`read`),
    or a cache it could not use (`cache`). Told on stderr as str(problem)."""

    kind: Literal["unreadable", "read", "cache"]
    message: str
    file: str | None = None

    def __str__(self) -> str:
        if self.kind == "unreadable":
            return f"{self.file}: unreadable: {self.message}"
        return f"{self.file}: {self.message}" if self.file else self.message


class LedgerTally(Frozen):
    """Claims checked against filed figures: the filed value within the printed figure, outside it, or no
    filed figure to settle it (no figure for its period, span or currency, or no period)."""

    matched: int = 0
    differing: int = 0
    unverifiable: int = 0


class Summary(Frozen):
    """Counts printed after a report, and what the run did not check or did not show."""

    articles: int
    claims: int
    findings: int
    error: int = 0
    warning: int = 0
    info: int = 0
    suppressed: int = 0
    hidden_by_baseline: int = 0
    hidden_by_changed_since: int = 0
    hidden_by_staged: int = 0  # findings between committed articles only, left out by check --staged
    unreadable: tuple[Unreadable, ...] = ()
    ledger: LedgerTally | None = None  # set when a ledger was given


# Claim serialisation: the JSON contract (../shared/spec/claims.md) for reports, and the field
# types the cache's columns are validated against.
INTERNAL = {"sentence", "context_year", "half_width", "forecaster"}  # fields of a Claim the JSON contract does not carry
FIELDS = tuple(k for k in Claim.model_fields if k not in INTERNAL)
SCALARS = (str, int, float, bool, type(None))


def scalar_types(ann: object) -> set[type] | None:
    """The types a field so annotated holds, if all are JSON scalars (kept as-is by a JSON dump)."""
    if ann in SCALARS:
        return {ann}  # type: ignore[arg-type, unused-ignore]
    origin, args = typing.get_origin(ann), typing.get_args(ann)
    if origin is typing.Literal:
        return {type(a) for a in args} if all(type(a) in SCALARS for a in args) else None
    if origin in (typing.Union, types.UnionType):
        parts = [scalar_types(a) for a in args]
        return None if None in parts else set().union(*parts)  # type: ignore[arg-type]
    return None


# fields kept compact on the claim and shaped for the contract on the way out
CONVERT = {"evidence": evidence_object}
# model_dump(mode="json") hands such fields back unchanged; reading them straight is ~3x cheaper
PLAIN = all(scalar_types(f.annotation) is not None for k, f in Claim.model_fields.items() if k not in CONVERT)


def claim_dict(c: Claim) -> dict[str, Any]:
    """A claim as the contract's object, with its `evidence`."""
    if not PLAIN:
        out = c.model_dump(mode="json", exclude=INTERNAL)
    else:
        d = c.__dict__
        out = {k: d[k] for k in FIELDS}
    out["evidence"] = evidence_object(c.evidence)
    return out
