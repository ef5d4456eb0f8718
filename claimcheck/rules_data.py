"""The shipped rules/ folder and how its YAML data files are read."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

# the C loader when PyYAML was built with libyaml (both are the safe loader): the pure-Python one
# took 0.18 s of every run's start-up on these files, a pre-commit run's budget being 1 s
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_FILES = ("entities.yaml", "listed_kr.yaml", "listed_us.yaml", "listed_world.yaml", "metrics.yaml", "segments.yaml", "fiscal_calendars.yaml", "fx_bands.yaml", "ledger_concepts.yaml")


class LexiconError(ValueError):
    """A data file under rules/ is malformed."""


def rules_dir():
    """The shipped rules/ folder: beside the package in a checkout, package data when installed."""
    here = Path(__file__).resolve().parents[1] / "rules"
    if (here / "entities.yaml").is_file():
        return here
    return resources.files("claimcheck.rules")


def load(name: str) -> dict:
    """A data file under rules/ as a mapping, or LexiconError saying what is wrong with it."""
    text = rules_dir().joinpath(name).read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as e:
        raise LexiconError(f"rules/{name}: not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"rules/{name}: expected a mapping at the top")
    return data
