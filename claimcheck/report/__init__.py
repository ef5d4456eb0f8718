"""Reporters: each renders findings or claims to text and does nothing else.

Two registries, each with one signature, so a new format is one entry here and one module:
FINDINGS[name](findings, summary, rules, look) for `check`, CLAIMS[name](claims, look) for
`extract`; what a report draws beside the findings (the run's claims, where it is written) comes in the look. Every reporter yields its text in pieces: at archive scale a report is too big to hold
whole. The modules are imported when a format is used, not when the CLI starts.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..claim_contract import FIELDS, PLAIN, claim_dict
from ..models import Claim, Finding
from ..rule_spec import RuleSpec
from ..summary import Summary


@dataclass(frozen=True)
class Look:
    """How a report looks, decided by the CLI from its options and where the report goes."""

    color: bool = False
    width: int | None = None  # a terminal's columns; None wraps nothing
    quiet: bool = False
    statistics: bool = False  # text, concise and json: counts per rule in place of the findings (STATISTICS)
    evidence: bool = False  # the claims table: a column saying where each field came from
    claims: Sequence[Claim] = ()  # html: the run's claims, charted per entity and metric
    folder: Path | None = None  # html: the folder the report is written in, for links to the articles


FindingsReporter = Callable[[Sequence[Finding], Summary, Sequence[RuleSpec], Look], Iterator[str]]
ClaimsReporter = Callable[[Sequence[Claim], Look], Iterator[str]]


def _text(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], look: Look) -> Iterator[str]:
    from . import counts, text

    if look.statistics:
        return iter([counts.table(findings, summary, rules, look.quiet)])
    return text.stream(findings, summary, color=look.color, width=look.width, quiet=look.quiet)


def _concise(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], look: Look) -> Iterator[str]:
    from . import concise, counts

    if look.statistics:
        return iter([counts.table(findings, summary, rules, look.quiet)])
    return concise.stream(findings, summary, look.quiet)


def _json(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], look: Look) -> Iterator[str]:
    from . import counts, json_report

    if look.statistics:
        return iter([counts.json_list(findings, rules)])
    return json_report.stream(findings, summary, claim_dict, FIELDS if PLAIN else None)


def _jsonl(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], look: Look) -> Iterator[str]:
    from . import jsonl

    return jsonl.stream(findings, summary, claim_dict)


def _sarif(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], look: Look) -> Iterator[str]:
    from . import sarif

    return sarif.stream(findings, rules, root=Path.cwd(), version=__version__, summary=summary)


def _github(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], look: Look) -> Iterator[str]:
    from . import github

    return github.stream(f for f in findings if not f.suppressed)


def _html(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], look: Look) -> Iterator[str]:
    from . import html

    return html.stream(findings, summary, rules, look.claims, look.folder)


FINDINGS: dict[str, FindingsReporter] = {
    "text": _text, "concise": _concise, "json": _json, "jsonl": _jsonl, "sarif": _sarif, "github": _github,
    "html": _html,
}
# the formats that can print --statistics; ruff refuses the others too (a SARIF log or annotations
# are findings with places, and a stream of counts would only be the json list cut into lines)
STATISTICS = ("text", "concise", "json")


def _table(claims: Sequence[Claim], look: Look) -> Iterator[str]:
    from . import claims_table

    yield claims_table.render(claims, color=look.color, width=look.width, evidence=look.evidence)


def _claims_json(claims: Sequence[Claim], look: Look) -> Iterator[str]:
    from . import claims_json

    return claims_json.document(claims)


def _claims_jsonl(claims: Sequence[Claim], look: Look) -> Iterator[str]:
    from . import claims_json

    return claims_json.lines(claims)


CLAIMS: dict[str, ClaimsReporter] = {"table": _table, "json": _claims_json, "jsonl": _claims_jsonl}
