"""What `check` and `extract` share: running the pipeline (cache, jobs, progress) and picking a reporter."""
from __future__ import annotations

import os
import sys
import types
import typing
from pathlib import Path

from .models import Claim, evidence_object

# internal fields of a Claim that the JSON contract does not carry
INTERNAL = {"sentence", "context_year", "half_width"}
FIELDS = tuple(k for k in Claim.model_fields if k not in INTERNAL)
SCALARS = (str, int, float, bool, type(None))


def scalar_types(ann: object) -> set[type] | None:
    """The types a field so annotated holds, if all are JSON scalars (kept as-is by a JSON dump)."""
    if ann in SCALARS:
        return {ann}  # type: ignore[arg-type]
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


def claim_dict(c: Claim) -> dict:
    if not PLAIN:
        out = c.model_dump(mode="json", exclude=INTERNAL)
    else:
        d = c.__dict__
        out = {k: d[k] for k in FIELDS}
    out["evidence"] = evidence_object(c.evidence)
    return out


def run_args(jobs: int | None, no_cache: bool, cfg_path: Path | None, lex) -> dict:
    out: dict = {"jobs": jobs}
    if not no_cache:
        from . import cache as K

        out["cache"] = K.Cache(K.default_dir(cfg_path.parent if cfg_path else None), salt(lex))
    return out


PROGRESS_MIN_FILES = 200


def extract(srcs, lex, jobs, no_cache, cfg_path):
    """Run the pipeline, with a progress bar on stderr only for long runs on a terminal."""
    from .pipeline import run

    args = run_args(jobs, no_cache, cfg_path, lex)
    if len(srcs) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return run(srcs, lex, **args)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True, no_color="NO_COLOR" in os.environ), transient=True) as bar:
        task = bar.add_task("reading articles", total=len(srcs))
        return run(srcs, lex, progress=lambda n: bar.advance(task, n), **args)


def salt(lex) -> str:
    from . import cache as K

    # the code is part of the key: a checkout's version string does not change with every edit
    return K.salt({"aliases": sorted(lex.alias_to.items()), "fiscal": sorted(lex.fiscal.items())})
