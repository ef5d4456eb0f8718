"""Baselines: record today's findings by fingerprint so CI only fails on new ones."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .models import Finding

SCHEMA = "claimcheck/baseline@1"


class BaselineError(ValueError):
    """A baseline file that is missing or not a claimcheck baseline; the message is one line."""


def write(path: Path, findings: Iterable[Finding]) -> None:
    """Write the baseline, sorted by fingerprint so re-running on the same corpus changes nothing."""
    by_print: dict[str, Finding] = {}
    for f in findings:
        by_print.setdefault(f.fingerprint, f)
    prints = sorted(by_print)
    doc = {
        "schema": SCHEMA,
        "fingerprints": prints,
        # Rule and message are for the humans reviewing the baseline diff; load() ignores them.
        "findings": [{"fingerprint": p, "rule": by_print[p].rule, "message": by_print[p].message} for p in prints],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load(path: Path) -> set[str]:
    """The fingerprints a baseline accepts; BaselineError when the file is missing or malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found") from None
    except IsADirectoryError:
        raise BaselineError(f"{path}: is a directory, not a baseline file") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: not UTF-8 text") from None
    except OSError as e:
        raise BaselineError(f"{path}: cannot read baseline ({e.strerror or e})") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise BaselineError(f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise BaselineError(f"{path}: not a claimcheck baseline (expected \"schema\": \"{SCHEMA}\")")
    prints = doc.get("fingerprints")
    if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
        raise BaselineError(f"{path}: \"fingerprints\" must be a list of strings")
    return set(prints)


def filter_new(findings: Iterable[Finding], known: set[str]) -> list[Finding]:
    """Findings not in the baseline, in their original order."""
    return [f for f in findings if f.fingerprint not in known]
