"""What `check` and `extract` share: running the pipeline (cache, jobs, progress) and picking a reporter."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path

from . import __version__
from .models import Claim

# internal fields of a Claim that the JSON contract does not carry
INTERNAL = {"sentence", "context_year", "half_width"}


def claim_dict(c: Claim) -> dict:
    return c.model_dump(mode="json", exclude=INTERNAL)


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


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


def render(format: CheckFormat, findings, summary, rules, output: Path | None) -> str:
    if format == CheckFormat.json:
        from .report import json_report

        return json_report.render(findings, summary, claim_dict)
    if format == CheckFormat.sarif:
        from .report import sarif

        return sarif.render(findings, rules, root=Path.cwd(), version=__version__)
    if format == CheckFormat.github:
        from .report import github

        return github.render([f for f in findings if not f.suppressed])
    from .report import text

    return text.render(findings, summary, color=color(output))


def color(output: Path | None) -> bool:
    return output is None and "NO_COLOR" not in os.environ and sys.stdout.isatty()
