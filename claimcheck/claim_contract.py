"""Claim serialisation: the JSON contract (../shared/spec/claims.md) for reports, and the field
types the cache's columns are validated against."""
from __future__ import annotations

import types
import typing
from typing import Any

from .models import Claim, Ev


def evidence_object(evidence: tuple[Ev, ...]) -> dict:
    """A claim's evidence as the contract's object: field -> {source, line, text}."""
    return {f: {"source": s, "line": ln, "text": t} for f, s, ln, t in evidence}


INTERNAL = {"sentence", "context_year", "context_month", "half_width", "forecaster"}  # fields of a Claim the JSON contract does not carry
FIELDS = tuple(k for k in Claim.model_fields if k not in INTERNAL)
SCALARS = (str, int, float, bool, type(None))


def scalar_types(ann: object) -> set[type] | None:
    """The types a field so annotated holds, if all are JSON scalars (kept as-is by a JSON dump)."""
    if ann in SCALARS:
        return {ann}  # type: ignore[arg-type, unused-ignore]
    origin, args = typing.get_origin(ann), typing.get_args(ann)
    if origin is typing.Literal:
        return {type(a) for a in args} if all(type(a) in SCALARS for a in args) else None
    if origin in (typing.Union, types.UnionType):
        parts = [scalar_types(a) for a in args]
        return None if None in parts else set().union(*parts)  # type: ignore[arg-type]
    return None


# fields kept compact on the claim and shaped for the contract on the way out
CONVERT = {"evidence": evidence_object}
# model_dump(mode="json") hands such fields back unchanged; reading them straight is ~3x cheaper
PLAIN = all(scalar_types(f.annotation) is not None for k, f in Claim.model_fields.items() if k not in CONVERT)


def claim_dict(c: Claim) -> dict[str, Any]:
    """A claim as the contract's object, with its `evidence`."""
    if not PLAIN:
        out = c.model_dump(mode="json", exclude=INTERNAL)
    else:
        d = c.__dict__
        out = {k: d[k] for k in FIELDS}
    out["evidence"] = evidence_object(c.evidence)
    return out
