"""`claimcheck rules` and `claimcheck explain`: the rules in force, and one rule in full."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_common import fail, setup


def list_rules(config: Annotated[Optional[Path], typer.Option("--config", help="Config file.")] = None) -> None:
    """List the rules in force, with their kind, severity and whether they are enabled."""
    from .builtin import BUILTIN

    rules = setup(config).rules
    width = max(len(r.id) for r in [*rules, *BUILTIN])
    kind_width = max(len(r.kind) for r in [*rules, *BUILTIN])
    for r in [*rules, *BUILTIN]:
        state = "" if r.enabled else "  (disabled)"
        typer.echo(f"{r.id:<{width}}  {r.severity.value:<7}  {r.kind:<{kind_width}}  {r.message}{state}")


def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, as listed by `claimcheck rules`.")],
            config: Annotated[Optional[Path], typer.Option("--config", help="Config file.")] = None) -> None:
    """Print a rule's description, options and examples."""
    from .builtin import BUILTIN, NOTIFICATIONS
    from .report import rule_text

    rules = setup(config).rules
    spec = next((r for r in [*rules, *BUILTIN, *NOTIFICATIONS] if r.id == rule_id), None)
    if spec is None:
        fail(f"unknown rule '{rule_id}' (known: {', '.join(r.id for r in [*rules, *BUILTIN])})")
    from .checks import KINDS
    from .checks.common import EVIDENCE_NOTE, option_lines

    kind = KINDS.get(spec.kind)
    typer.echo(rule_text.render(spec, option_lines(spec.options) if kind else (), EVIDENCE_NOTE,
                                kind.doc if kind else None), nl=False)
