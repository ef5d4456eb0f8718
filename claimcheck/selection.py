"""`--select` / `--ignore` rule ids on the command line, over the config's select and disable.

As in ruff, `--select` replaces the config's selection and `--ignore` adds to what it disables.
The built-in ids (unused-suppression, unknown-suppression) are no rule file: they are selected or
ignored by dropping their findings after the run.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .config import Config


class SelectionError(ValueError):
    """An unknown or contradictory rule id on the command line (one-line message)."""


def ids(values: Iterable[str] | None) -> list[str]:
    """Repeated options and comma-separated lists alike: `--select a,b --select c`."""
    return list(dict.fromkeys(x.strip() for v in values or () for x in v.split(",") if x.strip()))


def apply(cfg: Config, rule_ids: set[str], builtin_ids: set[str], select: Sequence[str],
          ignore: Sequence[str]) -> tuple[Config, Callable[[str], bool]]:
    """The config with the command line's selection, and which findings' rule ids to keep."""
    known = rule_ids | builtin_ids
    for flag, named in (("--select", select), ("--ignore", ignore)):
        bad = [r for r in named if r not in known]
        if bad:
            raise SelectionError(f"{flag}: unknown rule '{bad[0]}' (known: {', '.join(sorted(known))})")
    both = sorted(set(select) & set(ignore))
    if both:
        raise SelectionError(f"rule '{both[0]}' is both in --select and in --ignore")
    if not select and not ignore:
        return cfg, lambda _: True
    chosen = [r for r in select if r in rule_ids] if select else cfg.select
    disable = list(dict.fromkeys([*cfg.disable, *(r for r in ignore if r in rule_ids)]))
    if chosen is not None:
        chosen = [r for r in chosen if r not in disable]  # a config select the command line ignores: ignore wins
    cfg = cfg.model_copy(update={"select": chosen, "disable": disable})
    picked, dropped = set(select), set(ignore)
    return cfg, lambda rule: rule not in dropped and (not picked or rule in picked)
