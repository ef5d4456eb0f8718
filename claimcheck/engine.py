"""Run the enabled rules over all claims and turn their drafts into findings, applying in-article suppressions."""
from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from .checks import KINDS
from .checks.common import Claims, Draft
from .filed import Ledger
from .models import HANGUL_QUOTE, Article, Claim, Finding, Severity, assumed
from .summary import LedgerTally
from .rule_spec import RuleSpec
from .vocab import Lexicon

SUPPRESS = regex.compile(r"<!--\s*claimcheck:\s*ignore\s+(?P<rule>[\w*-]+)(?P<reason>[^>]*?)-->", regex.IGNORECASE)
ORDER = [Severity.info, Severity.warning, Severity.error]
UNUSED = "unused-suppression"


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    suppressed: int = 0
    tally: LedgerTally | None = None  # claims checked against the ledger, when one was given


def fingerprint(rule: str, key: str, claims: Iterable[Claim]) -> str:
    """Stable across runs and unrelated edits: the rule, what it is about, and which figures in which files."""
    sources = sorted({f"{c.file}\x1f{c.metric}\x1f{c.text}" for c in claims})
    h = hashlib.sha256("\x1e".join([rule, key, *sources]).encode("utf-8")).hexdigest()
    return h[:24]


def demoted(sev: Severity, steps: int) -> Severity:
    return ORDER[max(0, ORDER.index(sev) - steps)]


WHERE = regex.compile(r" \([^()]*:\d+\)")


def merge_key(f: Finding) -> tuple[str, str]:
    """Findings of one rule saying the same thing but where are one: their rule and message without places."""
    return f.rule, WHERE.sub("", f.message)


def _merge_repeats(found: list[Finding]) -> list[Finding]:
    """One finding per conflict: findings of one rule saying the same thing (the same total stated on
    three lines, say) are one, citing every claim once."""
    seen: dict[tuple[str, str], int] = {}
    out: list[Finding] = []
    # what each merged finding cites so far, and what it gains: one reprinted sentence may repeat in
    # thousands of articles, and rebuilding the set (or the tuple) at each repeat made that quadratic
    cited: dict[int, set[Claim]] = {}
    gained: dict[int, list[Claim]] = {}
    for f in found:
        k = merge_key(f)
        if k not in seen:
            seen[k] = len(out)
            out.append(f)
            continue
        i = seen[k]
        # by value, not identity: a claim that crossed a process (the Dask engine) or the store is a copy
        ids = cited[i] if i in cited else cited.setdefault(i, set(out[i].claims))
        extra = [c for c in f.claims if c not in ids]
        if extra:
            ids.update(extra)
            gained.setdefault(i, []).extend(extra)
    for i, extra in gained.items():
        out[i] = out[i].model_copy(update={"claims": out[i].claims + tuple(extra)})
    return out


def unnamed_measure(c: Claim) -> bool:
    """An English figure whose measure no word names: English prose names what it counts ('revenue rose 12%'),
    so a bare change there is most often of something the vocabulary lacks ('the 1% gold deposit boost'), while
    Korean leaves revenue unsaid by habit ('AWS 35% 성장')."""
    return any(e[0] == "metric" and e[1] == "default" for e in c.evidence) and not HANGUL_QUOTE.search(c.quote)


def assumed_fields(claims: Iterable[Claim], measure_matters: bool = True) -> int:
    """How many key fields the finding takes on trust: for each printed value its best-stated claim
    speaks for it (a figure stated plainly once need not be stated everywhere), and the finding rests
    on every value it lists, so the weakest value counts. (Judging a conflict by its best-stated pair
    instead was tried: on real text it let a third of the false findings through as warnings, since a
    loosely typed value in a finding is the usual sign that its key was mistyped.)"""
    sides: dict[tuple, int] = {}
    for c in claims:
        k = (c.value, c.low, c.high, c.bound, c.cadence)
        sides[k] = min(sides.get(k, 3), assumed(c.evidence) + (1 if measure_matters and unnamed_measure(c) else 0))
    return max(sides.values(), default=0)


def suppressions(articles: Iterable[Article]) -> dict[tuple[str, int], list[str]]:
    """(file, line) -> rule ids ignored there; a comment covers its own line and the next."""
    out: dict[tuple[str, int], list[str]] = {}
    for art in articles:
        for line, rule in suppressed_in(art.text):
            out.setdefault((art.path, line), []).append(rule)
    return out


def suppressed_in(text: str) -> list[tuple[int, str]]:
    """(line, rule id) of each suppression comment in one article's text."""
    if "claimcheck" not in text:
        return []
    return [(text.count("\n", 0, m.start()) + 1, m["rule"]) for m in SUPPRESS.finditer(text)]


def run(claims: Sequence[Claim], rules: Sequence[RuleSpec], lex: Lexicon,
        articles: Sequence[Article] = (), ledger: Ledger | None = None) -> Outcome:
    # The checks make millions of short-lived tuples; with every article and claim alive, each
    # collection the allocations set off walks all of them. Nothing made before the run can
    # become garbage during it, so set it aside (unless the caller already froze something).
    # The checks build no reference cycles either (refcounting frees what they drop), so the
    # young-generation passes the tuples set off are pure cost too: collection waits till the end.
    froze, was = gc.get_freeze_count() == 0, gc.isenabled()
    if froze:
        gc.freeze()
    gc.disable()
    try:
        run_claims = Claims(claims, ledger)
        return _run(run_claims, rules, lex, articles)
    finally:
        if was:
            gc.enable()
        if froze:
            gc.unfreeze()


def _run(claims: Claims, rules: Sequence[RuleSpec], lex: Lexicon, articles: Sequence[Article]) -> Outcome:
    found: list[Finding] = []
    for spec in rules:
        if spec.enabled:
            found.extend(findings_of(spec, KINDS[spec.kind].check(claims, spec.options, lex)))
    return finish(found, suppressions(articles), claims.tally)  # no tally when the ledger rule did not run


def findings_of(spec: RuleSpec, drafts: Iterable[Draft]) -> list[Finding]:
    """A rule's drafts as findings: its id, a severity following the evidence, a fingerprint."""
    opts = spec.options  # validated when the rules and config were loaded
    out = []
    for d in drafts:
        sev = demoted(spec.severity, d.demote)
        why = d.why
        if opts.severity_follows_evidence and (n := assumed_fields(d.claims, opts.measure_matters)):
            sev = min(sev, Severity.warning if n == 1 else Severity.info, key=ORDER.index)
            why = (why + "; " if why else "") + f"{n} field{'s' if n > 1 else ''} carried or assumed, not stated"
        out.append(Finding(rule=spec.id, severity=sev, message=d.message, claims=d.claims,
                           fingerprint=fingerprint(spec.id, d.key, d.claims), why=why, fix=d.fix,
                           filed=d.filed))
    return out


Suppressions = dict[tuple[str, int], list[str]]


def finish(found: list[Finding], sup: Suppressions, tally: dict[str, int] | None = None) -> Outcome:
    """Every rule's findings, in rule order, merged, matched against the suppression comments and sorted;
    `tally` is what the ledger check counted (`Claims.tally`), summed over the run's pieces."""
    found = _merge_repeats(found)
    used: set[tuple[str, int, str]] = set()
    out = Outcome(tally=LedgerTally(**tally) if tally else None)
    marked = {file for file, _ in sup}  # most articles have no suppression comment: skip their claims
    for f in found:
        hits = suppressing(f.rule, [(c.file, c.line) for c in f.claims if c.file in marked], sup) if marked else []
        if hits:
            used.update(hits)
            out.suppressed += 1
            f = f.model_copy(update={"suppressed": True})
        out.findings.append(f)
    out.findings += unused(sup, used)
    out.findings.sort(key=lambda f: rank(f, (f.claims[0].file, f.claims[0].line) if f.claims else ("", 0)))
    return out


def suppressing(rule: str, places: Iterable[tuple[str, int]], sup: Suppressions) -> list[tuple[str, int, str]]:
    """(file, line, rule id) of the comments that suppress a finding of `rule` citing claims at these (file, line)
    places. Every comment covering one of its claims is in use: `check --add-noqa` writes one above each."""
    return [(file, line, rid) for file, at in places for line in (at, at - 1)
            for rid in sup.get((file, line), []) if rid in (rule, "*", "all")]


def unused(sup: Suppressions, used: set[tuple[str, int, str]]) -> list[Finding]:
    """A finding for each suppression comment that suppressed nothing."""
    return [Finding(rule=UNUSED, severity=Severity.info, claims=(),
                    message=f"{file}:{line}: the suppression of '{rid}' matches no finding and can be removed.",
                    fingerprint=fingerprint(UNUSED, f"{file}|{rid}", ()))
            for (file, line), rids in sup.items() for rid in rids if (file, line, rid) not in used]


def rank(f: Finding, place: tuple[str, int]) -> tuple:
    """Where a finding goes in the report: by severity, rule, the (file, line) of its first claim, fingerprint."""
    return -ORDER.index(f.severity), f.rule, place, f.fingerprint
