"""Findings as the `claimcheck/findings@1` JSON document (contract: shared/spec/claims.md)."""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from ..models import Claim, Finding, Summary

SCHEMA = "claimcheck/findings@1"


def finding_dict(f: Finding, claim_dict: Callable[[Claim], dict]) -> dict:
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "claims": [claim_dict(c) for c in f.claims],
        "fingerprint": f.fingerprint,
        "why": f.why,
        "suppressed": f.suppressed,
    }


def render(findings: Sequence[Finding], summary: Summary, claim_dict: Callable[[Claim], dict]) -> str:
    """The whole document, one finding per line.

    json.dumps with indent falls back to the pure-Python encoder and held a 10,000-article
    report in memory several times over; each finding is encoded by the C encoder instead.
    """
    enc = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    rows = ",\n  ".join(enc(finding_dict(f, claim_dict)) for f in findings)
    body = f"[\n  {rows}\n]" if rows else "[]"
    return (f'{{"schema": {enc(SCHEMA)},\n"findings": {body},\n'
            f'"summary": {enc(summary.model_dump(mode="json"))}}}\n')
