"""A rule as `claimcheck explain` prints it: id, kind, severity, description, examples and every option.

Reporters only render: the check kind's documentation (its option lines, the evidence note and how
it works) is looked up by the caller and handed in, so this module imports no stage above it.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..rule_spec import RuleSpec


def render(spec: RuleSpec, option_lines: Sequence[str] = (), evidence_note: str = "", how: str | None = None) -> str:
    out = [f"{spec.id} ({spec.kind}, {spec.severity.value}): {spec.message}\n", spec.description + "\n"]
    if spec.passing:
        out.append(f"Passing: {spec.passing}")
    if spec.failing:
        out.append(f"Failing: {spec.failing}")
    if how is not None:
        out.append("\nOptions:")
        # every option: its value, its default where changed, its doc
        out.extend("  " + line for line in option_lines)
        out.append("\n" + evidence_note)
        out.append("\nHow the check works:\n" + how)
    return "\n".join(out) + "\n"
