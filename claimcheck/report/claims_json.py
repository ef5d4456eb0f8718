"""Claims as the `claimcheck/claims@1` JSON document, or one claim a line (JSON Lines); the
contract, with its `evidence` object, is ../shared/spec/claims.md."""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from ..models import Claim, claim_dict

SCHEMA = "claimcheck/claims@1"


def document(claims: Sequence[Claim]) -> Iterator[str]:
    yield json.dumps({"schema": SCHEMA, "claims": [claim_dict(c) for c in claims]}, ensure_ascii=False, indent=2) + "\n"


def lines(claims: Sequence[Claim]) -> Iterator[str]:
    for c in claims:
        yield json.dumps(claim_dict(c), ensure_ascii=False) + "\n"
