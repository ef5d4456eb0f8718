"""Ids the report can print that no rule file defines: findings about the suppression comments themselves."""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from .engine import ORDER, UNUSED, Suppressions, fingerprint, suppressions
from .models import Article, Finding, Severity
from .rule_spec import RuleSpec

UNKNOWN = "unknown-suppression"
WILDCARDS = ("*", "all")  # what engine.run accepts in place of a rule id

BUILTIN = (
    RuleSpec(
        id=UNUSED, kind="built-in", severity=Severity.info,
        message="A suppression comment matches no finding and can be removed.",
        description="A `<!-- claimcheck: ignore RULE reason -->` comment covers its own line and the next. "
                    "When no finding of RULE rests on a claim there, the comment hides nothing: the figure "
                    "was fixed or moved, and a stale comment would hide a future contradiction.",
        passing="<!-- claimcheck: ignore same-figure-mismatch restated --> above a line whose figure is flagged.",
        failing="The same comment above a line whose figures agree with every other article."),
    RuleSpec(
        id=UNKNOWN, kind="built-in", severity=Severity.warning,
        message="A suppression comment names a rule id that does not exist.",
        description="The rule id in a `<!-- claimcheck: ignore RULE -->` comment is none of the rules in force "
                    "(see `claimcheck rules`), nor `*` or `all`. Usually a typo: the finding it was meant "
                    "to hide is reported anyway.",
        passing="<!-- claimcheck: ignore same-figure-mismatch restated -->",
        failing="<!-- claimcheck: ignore same-figure restated -->"),
)


# Not findings but what a report says about the run: SARIF's toolExecutionNotifications carry this id
# (report/sarif.py), so `explain` knows it too; no rule runs it, so it is neither listed nor selectable.
NOTIFICATIONS = (
    RuleSpec(
        id="unreadable-file", kind="notification", severity=Severity.warning,
        message="A file under the checked paths was not checked.",
        description="The file was never read, or could not be: binary or undecodable, not a plain file (a FIFO, "
                    "device or socket), a symbolic link whose target leaves the checked tree, or larger than "
                    "max_file_mb. It is named in a warning, in the JSON summary's `unreadable` list and as a "
                    "SARIF tool notification, and fails the run unless --no-fail-on-unreadable is given or the "
                    "config sets fail_on_unreadable = false.",
        passing="articles/a.md, a UTF-8 article.",
        failing="articles/notes.txt, a link to ~/.aws/credentials; articles/scan.md, a PNG image."),
)


def find(rule_id: str) -> RuleSpec | None:
    return next((b for b in BUILTIN if b.id == rule_id), None)


def flag_unknown(findings: Sequence[Finding], articles: Iterable[Article] | Suppressions, rules: Iterable[RuleSpec]) -> list[Finding]:
    """Say so when a suppression names no rule, instead of only calling it unused.

    Such a comment can never match (findings carry known ids only), so the engine always
    reports it as unused; its unused-suppression finding is replaced by one naming the id.
    """
    known = {r.id for r in rules} | {b.id for b in BUILTIN}
    sup = articles if isinstance(articles, dict) else suppressions(articles)  # a store keeps the comments, not the texts
    unknown = [(file, line, rid) for (file, line), rids in sup.items()
               for rid in rids if rid not in known and rid not in WILDCARDS]
    if not unknown:
        return list(findings)
    stale = {fingerprint(UNUSED, f"{file}|{rid}", ()) for file, _, rid in unknown}
    out = [f for f in findings if not (f.rule == UNUSED and f.fingerprint in stale)]
    out += [_unknown(file, line, rid, known) for file, line, rid in unknown]
    # as engine.run orders them: by severity first; sort is stable, so the rest keeps its order
    out.sort(key=lambda f: -ORDER.index(f.severity))
    return out


def _unknown(file: str, line: int, rid: str, known: set[str]) -> Finding:
    close = difflib.get_close_matches(rid, sorted(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else " (see 'claimcheck rules')"
    return Finding(rule=UNKNOWN, severity=Severity.warning, claims=(),
                   message=f"{file}:{line}: the suppression names '{rid}', which is no rule id{hint}.",
                   fingerprint=fingerprint(UNKNOWN, f"{file}|{rid}", ()))
