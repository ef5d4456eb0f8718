"""Findings as JSON Lines: one finding object a line (the fields of the JSON report's findings),
then one `{"summary": {...}}` line, so a consumer can stream findings and still learn what was hidden."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from ..models import Claim, Finding
from ..summary import Summary
from .json_report import finding_dict


def stream(findings: Iterable[Finding], summary: Summary, claim_dict: Callable[[Claim], dict]) -> Iterator[str]:
    for f in findings:
        yield json.dumps(finding_dict(f, claim_dict), ensure_ascii=False) + "\n"
    yield json.dumps({"summary": summary.model_dump(mode="json")}, ensure_ascii=False) + "\n"
