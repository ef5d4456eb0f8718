"""The HTML report: one self-contained UTF-8 file an editor opens offline.

A card per finding (quotes with the figures marked, links to the articles, the evidence for each
field, a number line per group of comparable figures), then a timeline per entity and metric.
Filters by severity, rule, entity and article work without a script; a small inline script adds
paging and the timelines' claim lists. The templates are jinja2, under templates/; the page is
streamed as it is rendered, never held whole.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ... import __version__
from ...models import Claim, Finding
from ...rule_spec import RuleSpec
from ...summary import Summary
from ...figures import filed_source
from ..gc_pause import without_gc
from . import cards, numberline, page, ranked, svg, timeline

PIECE = 1 << 16  # characters gathered before a piece is handed to the writer


@cache
def asset(name: str) -> str:
    """A file put into the page as it is (its style or script), not a template."""
    return (resources.files(__package__) / "templates" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def env() -> Environment:
    return Environment(loader=PackageLoader("claimcheck.report.html", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False)


def stream(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], claims: Sequence[Claim] = (),
           folder: Path | None = None, ledger: cards.Ledger | None = None, piece: int = PIECE) -> Iterator[str]:
    """The page in pieces of about `piece` characters. `claims` are the run's claims, for the
    timelines (only the findings' own claims are charted without them); `folder` is where the
    report is written, for links to the articles; `ledger` gives a filed figure, when one is used."""
    buf: list[str] = []
    size = 0
    for part in without_gc(_parts(findings, summary, rules, claims, folder, ledger)):
        buf.append(part)
        size += len(part)
        if size >= piece:
            yield "".join(buf)
            buf, size = [], 0
    yield "".join(buf)


def _parts(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], claims: Sequence[Claim],
           folder: Path | None, ledger: cards.Ledger | None) -> Iterator[str]:
    live = [f for f in findings if not f.suppressed]
    ordered = ranked.order(live)
    ch = page.choices(ordered)
    style = asset("report.css") + page.filter_css(ch)
    script = asset("report.js")
    hedge, link = page.hedges(rules), page.linker(folder)
    made = (cards.card(n, r, hedge.get(r.finding.rule, 0.0), link, ch.keys, ledger or filed_of(r.finding))
            for n, r in enumerate(ordered))
    cited = {id(c) for f in live for c in f.claims}
    charts, left_out = timeline.timelines(claims or [c for f in live for c in f.claims], cited)
    yield from env().get_template("report.html.j2").generate(
        version=__version__, csp=page.csp(style, script), style=style, script=script, summary=summary,
        headline=page.headline(summary), tally=page.tally(live, summary, ch), choices=ch, total=len(live),
        cards=made, timelines=charts, left_out=left_out, link=link, marked=cards.marked, numberline=svg.numberline,
        css_values=page.CSS_VALUES)


def filed_of(f: Finding) -> cards.Ledger | None:
    """The finding's own filed figures (a ledger-mismatch finding carries them) as the number lines' marker:
    the current filing of the claims' metric, period and unit."""
    if not f.filed:
        return None

    def answer(group: Sequence[Claim]) -> numberline.Filed | None:
        c = group[0] if group else None
        hits = [x for x in f.filed if c and x.metric == c.metric and x.period == c.period and x.unit == c.unit
                and not x.restated]
        return numberline.Filed(hits[0].value, filed_source(hits[0])) if hits else None

    return answer


def render(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], claims: Sequence[Claim] = (),
           folder: Path | None = None, ledger: cards.Ledger | None = None) -> str:
    return "".join(stream(findings, summary, rules, claims, folder, ledger))
