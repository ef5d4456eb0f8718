"""What the page needs besides the cards: the summary, the filter choices and their CSS, links to
the articles, and the Content-Security-Policy that allows only the page's own style and script."""
from __future__ import annotations

import base64
import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import quote

from ...figures import plural
from ...models import Finding
from ...rule_spec import RuleSpec
from ...summary import Summary
from .ranked import Ranked

SEVERITIES = ("error", "warning", "info")


@dataclass
class Choices:
    """The values the cards can be filtered by, each with the short key its cards carry as a class."""

    rules: dict[str, str] = field(default_factory=dict)  # rule id -> "r0"
    entities: dict[str, str] = field(default_factory=dict)  # entity -> "e0"
    articles: dict[str, str] = field(default_factory=dict)  # file -> "a0"

    def keys(self, r: Ranked) -> str:
        """The finding's rule key, entity keys and article keys, space-separated: its card's classes."""
        return " ".join([self.rules[r.finding.rule], *map(self.entities.__getitem__, r.entities),
                         *map(self.articles.__getitem__, r.files)])


def choices(ranked: Iterable[Ranked]) -> Choices:
    """Every rule, entity and article the findings name, in sorted order."""
    rules: set[str] = set()
    ents: set[str] = set()
    arts: set[str] = set()
    for r in ranked:
        rules.add(r.finding.rule)
        ents.update(r.entities)
        arts.update(r.files)
    return Choices({r: f"r{i}" for i, r in enumerate(sorted(rules))}, {e: f"e{i}" for i, e in enumerate(sorted(ents))},
                   {a: f"a{i}" for i, a in enumerate(sorted(arts))})


CSS_VALUES = 300  # an entity or article filter with more values than this works with the script only


def filter_css(ch: Choices) -> str:
    """Filters without a script: a card is hidden while any filter excludes it. Each filter sets its
    own custom property to `none` on the cards it excludes, and `.card`'s display falls back through
    the four to `block` (see report.css). A rule is written per value and matched only by that value's
    cards (its class alone, so the browser files it under that class), and its `:has()` looks inside
    the filter panel only. Each such rule still searches the panel, so an entity or article filter
    with more than CSS_VALUES values is left to the script: 10,000 article rules kept Chromium from
    drawing a 60 MB page within five minutes."""
    scope = "#filters:has({}) ~ main "
    out = [scope.format(f"#s-{s}:not(:checked)") + f".s-{s}{{--hide-s:none}}" for s in SEVERITIES]
    out += [scope.format(f"#{k}:not(:checked)") + f".{k}{{--hide-r:none}}" for k in ch.rules.values()]
    for sel, var, keys in (("fe", "--hide-e", ch.entities.values()), ("fa", "--hide-a", ch.articles.values())):
        if len(keys) <= CSS_VALUES:
            out.append(scope.format(f'#{sel} option:checked:not([value=""])') + f".card{{{var}:none}}")
            out += [scope.format(f'#{sel} option[value="{k}"]:checked') + f".{k}{{{var}:initial}}" for k in keys]
    return "\n".join(out) + "\n"


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def csp(style: str, script: str) -> str:
    """Nothing may be fetched: no script, style, font, image or frame from anywhere, this file's own
    inline style and script only (by hash), no form sent, no base URL changed."""
    return (f"default-src 'none'; style-src {digest(style)}; script-src {digest(script)}; "
            "base-uri 'none'; form-action 'none'")


def linker(folder: Path | None) -> Callable[[str], str]:
    """href for an article. One named by a relative path is linked relative to the report's folder,
    so the report and the articles can move together (standard output counts as written in the
    current folder); one named by an absolute path gets a file: URL."""
    base = os.path.abspath(folder or Path.cwd())

    @cache
    def link(file: str) -> str:
        if os.path.isabs(file):
            return Path(file).as_uri()
        return quote(Path(os.path.relpath(os.path.abspath(file), base)).as_posix())

    return link


@dataclass(frozen=True)
class Count:
    label: str
    n: int
    key: str = ""  # the filter key of a rule


def tally(findings: Sequence[Finding], summary: Summary, ch: Choices) -> dict[str, list[Count]]:
    """The summary's numbers: what was read, the findings shown by severity and by rule, and what
    the run did not show or could not read."""
    by_rule = Counter(f.rule for f in findings)
    by_sev = Counter(f.severity.value for f in findings)
    run = [Count("articles", summary.articles), Count("claims", summary.claims)]
    hidden = [Count(why, n) for why, n in (("suppressed", summary.suppressed), ("hidden by the baseline", summary.hidden_by_baseline),
                                          ("hidden by --changed-since", summary.hidden_by_changed_since),
                                          ("hidden by --staged", summary.hidden_by_staged),
                                          ("unreadable files", len(summary.unreadable))) if n]
    return {"run": run, "severity": [Count(s, by_sev[s], f"s-{s}") for s in SEVERITIES],
            "rule": [Count(r, by_rule[r], ch.rules[r]) for r in sorted(by_rule, key=lambda r: (-by_rule[r], r))],
            "hidden": hidden}


def headline(summary: Summary) -> str:
    return ", ".join([plural(summary.error, "error"), plural(summary.warning, "warning"), f"{summary.info} info"])


def hedges(rules: Sequence[RuleSpec]) -> dict[str, float]:
    """Each rule's hedge option: the widening its check gives an approximate figure, drawn the same."""
    return {r.id: float(getattr(r.options, "hedge", 0.0)) for r in rules}

