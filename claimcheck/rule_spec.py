"""A rule's records: RuleSpec (a check kind with its validated options), its runnable Examples, and
RuleOptions, which every kind's `Options` extends."""
from __future__ import annotations

from typing import Any

from pydantic import Field, SerializeAsAny

from .models import Frozen, Severity


class RuleOptions(Frozen):
    """Options every check kind accepts. Each kind's module extends it as its `Options`; the model is
    where an option's default and its one-line doc live (`explain` prints both), and unknown keys are refused."""

    severity_follows_evidence: bool = Field(True, description=(
        "keep the rule's severity only when every figure has its entity, metric and period stated; "
        "one field carried or assumed caps it at warning, two (or a company nobody named, or an English figure "
        "whose measure no word names, where the measure matters) at info"))
    measure_matters: bool = Field(True, description=(
        "the finding compares what a figure measures, so a measure no word names is taken on trust; a conversion "
        "between currencies is of one amount, whatever it measures"))


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
