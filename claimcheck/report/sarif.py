"""Findings as a SARIF 2.1.0 log for code-scanning dashboards (GitHub, Azure DevOps, IDEs)."""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import quote

from ..filed import filed_dict
from ..models import Claim, Edit, Finding, Severity
from ..rule_spec import RuleSpec
from ..summary import Summary
from ..figures import filed_line, show_value
from ..paged import heads

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def render(findings: Sequence[Finding], rules: Sequence[RuleSpec], root: Path | None = None,
           version: str = "0.1.0", summary: Summary | None = None) -> str:
    """The SARIF log as indented JSON text (trailing newline included)."""
    return "".join(stream(findings, rules, root, version, summary=summary))


# The results array sits at this depth of the log ($schema/runs/run/results); json.dumps with
# indent=2 puts its items 2 * RESULTS_DEPTH spaces in.
RESULTS_DEPTH = 4
HOLE = "claimcheck:results\x00"  # stands in for the results while the rest of the log is encoded


def stream(findings: Sequence[Finding], rules: Sequence[RuleSpec], root: Path | None = None,
           version: str = "0.1.0", piece: int = 1 << 16, summary: Summary | None = None) -> Iterator[str]:
    """render() in pieces of about `piece` characters: the log around the results, and each
    result encoded on its own, so neither the whole log nor all its results are ever held.
    With a summary, invocations[0] names the files not checked and counts what was hidden."""
    base = root.resolve() if root is not None else None
    descriptors = [_descriptor(r) for r in rules]
    index = {r.id: i for i, r in enumerate(rules)}
    # A finding whose rule was not passed in (a built-in or since-disabled rule)
    # still needs a descriptor, or its ruleIndex would point nowhere. (Heads: no claim is read for this.)
    for f in heads(findings):
        if f.rule not in index:
            index[f.rule] = len(descriptors)
            descriptors.append({"id": f.rule, "name": camel(f.rule), "shortDescription": {"text": f.rule}})
    run: dict = {
        "tool": {"driver": {"name": "claimcheck", "version": version, "semanticVersion": version,
                            "rules": descriptors}},
        # before the results: only the base URI may follow the hole (see below)
        **({"invocations": [_invocation(summary, base)]} if summary is not None else {}),
        "columnKind": "unicodeCodePoints",
        "results": HOLE,
    }
    if base is not None:
        # SARIF requires a base URI to end with a slash so relative URIs resolve beneath it.
        run["originalUriBaseIds"] = {SRCROOT: {"uri": base.as_uri().rstrip("/") + "/"}}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    # the last occurrence is the hole: a rule's text could spell the marker, but only the base
    # URI follows the results, and a file URI has its NUL percent-encoded
    head, tail = (json.dumps(log, indent=2, ensure_ascii=False) + "\n").rsplit(json.dumps(HOLE), 1)
    if not findings:
        yield head + "[]" + tail
        return
    # an item's own lines move in by the depth of the array; JSON text has no raw newline
    # inside a string, so every newline in it is a line break of the layout
    inner, outer = "\n" + "  " * RESULTS_DEPTH, "\n" + "  " * (RESULTS_DEPTH - 1)
    parts, size = [head, "["], 0
    sep = inner
    for f in findings:
        item = json.dumps(_result(f, index[f.rule], base), indent=2, ensure_ascii=False).replace("\n", inner)
        parts += (sep, item)
        sep = "," + inner
        size += len(item)
        if size >= piece:
            yield "".join(parts)
            parts, size = [], 0
    parts += (outer, "]", tail)
    yield "".join(parts)


def camel(rule_id: str) -> str:
    """`cross-article_mismatch` -> `CrossArticleMismatch` (SARIF's readable rule name)."""
    parts = [p for p in re.split(r"[^0-9A-Za-z]+", rule_id) if p]
    return "".join(p[:1].upper() + p[1:] for p in parts) or rule_id


def _first_sentence(text: str) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", text.strip(), re.S)
    return (m.group(1) if m else text.strip()).replace("\n", " ")


def _descriptor(rule: RuleSpec) -> dict:
    description = rule.description.strip() or rule.message
    help_lines = [description]
    if rule.passing.strip():
        help_lines.append(f"Passing: {rule.passing.strip()}")
    if rule.failing.strip():
        help_lines.append(f"Failing: {rule.failing.strip()}")
    return {
        "id": rule.id,
        "name": camel(rule.id),
        "shortDescription": {"text": _first_sentence(description) or rule.id},
        "fullDescription": {"text": description or rule.id},
        "help": {"text": "\n\n".join(help_lines) or rule.id},
        "defaultConfiguration": {"enabled": rule.enabled, "level": LEVEL[rule.severity]},
    }


def _uri(file: str, base: Path | None) -> dict:
    path = Path(file)
    if base is not None:
        try:
            rel = path.resolve().relative_to(base)
        except ValueError:
            rel = None
        if rel is not None:
            return {"uri": quote(rel.as_posix()), "uriBaseId": SRCROOT}
    if path.is_absolute():
        return {"uri": path.as_uri()}
    # Without a root, a relative path stays relative: consumers resolve it against the checkout.
    return {"uri": quote(file.replace("\\", "/"))}


def _invocation(summary: Summary, base: Path | None) -> dict:
    """A file not checked is a tool notification, so a dashboard does not show its silence as clean."""
    notes = [{"level": "warning", "message": {"text": f"{u.file}: not checked: {u.reason}"},
              "locations": [{"physicalLocation": {"artifactLocation": _link_uri(u.file, base)}}],
              "descriptor": {"id": "unreadable-file"}} for u in summary.unreadable]
    counts: dict = {"suppressed": summary.suppressed, "hiddenByBaseline": summary.hidden_by_baseline,
                    "hiddenByChangedSince": summary.hidden_by_changed_since,
                    "hiddenByStaged": summary.hidden_by_staged, "unreadable": len(summary.unreadable)}
    if summary.ledger is not None:  # claims checked against filed figures
        counts["ledger"] = summary.ledger.model_dump()
    return {"executionSuccessful": True, "toolExecutionNotifications": notes, "properties": counts}


def _link_uri(file: str, base: Path | None) -> dict:
    """_uri() for a file that may be a link leaving the tree: its own place, never its target's."""
    path = Path(file)
    real = Path(os.path.abspath(file))
    real = real.parent.resolve() / real.name  # the folders resolved, the last link not followed
    if base is not None and real.is_relative_to(base):
        return {"uri": quote(real.relative_to(base).as_posix()), "uriBaseId": SRCROOT}
    return {"uri": real.as_uri()} if path.is_absolute() else {"uri": quote(file.replace("\\", "/"))}


def _span(line: int, column: int, text: str) -> dict:
    """The region `text` covers from line:column; endColumn is exclusive and counted on its last line."""
    lines = text.split("\n")
    region: dict = {"startLine": line, "startColumn": column}
    if len(lines) > 1:
        region["endLine"] = line + len(lines) - 1
        region["endColumn"] = len(lines[-1]) + 1
    else:
        region["endColumn"] = column + len(text)
    return region


def _region(c: Claim) -> dict:
    return {**_span(c.line, c.column, c.text), "snippet": {"text": c.text}}


def _fix(edits: Sequence[Edit], base: Path | None) -> dict:
    """The certain fix `check --fix` applies, as a SARIF fix a code-scanning tool can offer: per file,
    each figure's text replaced (deletedRegion counts code points, as the run's columnKind says)."""
    files: dict[str, list[dict]] = {}
    for e in sorted(edits, key=lambda e: (e.file, e.line, e.column)):
        files.setdefault(e.file, []).append({"deletedRegion": _span(e.line, e.column, e.old),
                                             "insertedContent": {"text": e.new}})
    said = "; ".join(f"'{e.old}' with '{e.new}'" for e in edits)
    return {"description": {"text": f"Replace {said}"},
            "artifactChanges": [{"artifactLocation": _uri(file, base), "replacements": reps}
                                for file, reps in files.items()]}


def _physical(c: Claim, base: Path | None) -> dict:
    return {"artifactLocation": _uri(c.file, base), "region": _region(c)}


def _result(f: Finding, rule_index: int, base: Path | None) -> dict:
    result: dict = {"ruleId": f.rule, "ruleIndex": rule_index, "level": LEVEL[f.severity],
                    "message": {"text": f.message}}
    if f.claims:
        result["locations"] = [{"physicalLocation": _physical(f.claims[0], base)}]
    if len(f.claims) > 1:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(c, base),
             "message": {"text": f"{show_value(c)} ({c.text}) in: {c.quote.strip()}"}}
            for i, c in enumerate(f.claims[1:], start=1)
        ]
    result["partialFingerprints"] = {"claimcheck/v1": f.fingerprint}
    if f.fix and not f.suppressed:  # as --fix: a suppressed finding's fix is not offered
        result["fixes"] = [_fix(f.fix, base)]
    if f.suppressed:
        # Kept in the log (not dropped) so dashboards show it as dismissed rather than fixed.
        result["suppressions"] = [{"kind": "external", "status": "accepted"}]
    props: dict = {"why": f.why} if f.why else {}
    if f.filed:  # the filed figure, then what it was computed from: as text to read and as ledger@1 records
        props["filed"] = [filed_line(x) for x in f.filed]
        props["filedRecords"] = [filed_dict(x) for x in f.filed]
    if props:
        result["properties"] = props
    return result
