"""A rule as `claimcheck explain` prints it: id, kind, severity, description, examples and every option."""
from __future__ import annotations

from ..models import RuleSpec


def render(spec: RuleSpec) -> str:
    from ..checks import KINDS
    from ..checks.common import EVIDENCE_NOTE, option_lines

    out = [f"{spec.id} ({spec.kind}, {spec.severity.value}): {spec.message}\n", spec.description + "\n"]
    if spec.passing:
        out.append(f"Passing: {spec.passing}")
    if spec.failing:
        out.append(f"Failing: {spec.failing}")
    if spec.kind in KINDS:
        out.append("\nOptions:")
        # every option: its value, its default where changed, its doc
        out.extend("  " + line for line in option_lines(spec.options))
        out.append("\n" + EVIDENCE_NOTE)
        out.append("\nHow the check works:\n" + KINDS[spec.kind].doc)
    return "\n".join(out) + "\n"
