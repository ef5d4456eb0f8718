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
    """The whole document as indented JSON text with a trailing newline."""
    doc = {
        "schema": SCHEMA,
        "findings": [finding_dict(f, claim_dict) for f in findings],
        "summary": summary.model_dump(mode="json"),
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
