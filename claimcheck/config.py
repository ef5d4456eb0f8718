"""Finds and validates [tool.claimcheck] in pyproject.toml, or claimcheck.toml, upward from the checked paths."""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Annotated

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .files import DEFAULT_INCLUDE, DEFAULT_MAX_MB
from .models import Severity


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and the key."""


class FxBand(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    base: str
    quote: str
    low: float
    high: float
    # the years (of the article's date) the band is drawn from: a 2011 story converts yen at 76 to the dollar,
    # which no band of 2015-2026 levels allows
    since: int | None = None
    until: int | None = None


class Config(BaseModel):
    """Settings a newsroom keeps in its repo."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    include: list[str] = Field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = Field(default_factory=list)
    rules_dirs: list[str] = Field(default_factory=list)  # folders of extra rule files
    select: list[str] | None = None  # only these rule ids
    disable: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    options: dict[str, dict] = Field(default_factory=dict)  # rule id -> options (tolerances)
    aliases: dict[str, list[str]] = Field(default_factory=dict)  # entity -> extra names
    # entity -> fiscal year-end month; negative for a company that prints start-year labels (Sony: -3)
    fiscal_calendars: dict[str, Annotated[int, Field(ge=-12, le=12)]] = Field(default_factory=dict)
    fx_bands: list[FxBand] = Field(default_factory=list)
    fail_on: Severity = Severity.error
    fail_on_unreadable: bool = True  # a gate that skipped an article has not checked it
    max_file_mb: Annotated[float, Field(gt=0)] = DEFAULT_MAX_MB  # larger files are skipped, never read
    ledger: list[str] = Field(default_factory=list)  # filed-figure files or folders, relative to the config file


def start_dir(paths: Sequence[str]) -> Path:
    """Where discovery starts: the common parent of the checked paths (as ruff does), else the cwd.

    From the cwd, the same articles would get another newsroom's settings depending on where
    the command was typed.
    """
    if not paths:
        return Path.cwd()
    dirs = [os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)) for p in paths]
    return Path(os.path.commonpath(dirs))


def find(start: Path) -> Path | None:
    """The nearest claimcheck.toml, or pyproject.toml with a [tool.claimcheck] table."""
    for d in [start, *start.parents]:
        if (d / "claimcheck.toml").is_file():
            return d / "claimcheck.toml"
        py = d / "pyproject.toml"
        # a pyproject.toml that cannot be parsed may hold the settings: guessing it does not would
        # run without them and pass silently
        if py.is_file() and "claimcheck" in _table(_toml(py), "tool"):
            return py
    return None


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None


def _table(data: dict, key: str) -> dict:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def load(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _toml(path)
    tool = _table(data, "tool")
    if path.name == "pyproject.toml" or "claimcheck" in tool:
        data = tool.get("claimcheck", {})
    try:
        cfg = Config.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        key = ".".join(str(x) for x in err["loc"])
        if err["type"] == "extra_forbidden":
            valid = ", ".join(Config.model_fields)
            raise ConfigError(f"{path}: unknown key '{key}' (valid: {valid})") from None
        raise ConfigError(f"{path}: key '{key}': {err['msg']}" if key else f"{path}: {err['msg']}") from None
    problem = contradiction(cfg)
    if problem:
        raise ConfigError(f"{path}: {problem}")
    return cfg


def contradiction(cfg: Config) -> str | None:
    """The first setting that contradicts itself or another, worded with its key; None when all fit."""
    if not cfg.include:
        return "key 'include' is empty: no file would be checked"
    both = sorted(set(cfg.select or []) & set(cfg.disable))
    if both:
        return f"rule '{both[0]}' is both in 'select' and in 'disable'"
    zero = [e for e, month in cfg.fiscal_calendars.items() if month == 0]
    if zero:
        return f"key 'fiscal_calendars.{zero[0]}': 0 is no month (1..12, or -1..-12)"
    problem = band_problem(cfg.fx_bands)
    return f"key {problem}" if problem else _alias_problem(cfg.aliases)


def band_problem(bands: Sequence[FxBand], key: str = "fx_bands") -> str | None:
    """What makes a list of FX bands contradictory: a band with low > high, or two for one pair."""
    seen: dict[tuple[str, str], list[tuple[int, FxBand]]] = {}
    for i, b in enumerate(bands):
        where = f"'{key}[{i}]' ({b.base}/{b.quote})"
        if b.base == b.quote:
            return f"{where}: base and quote are the same currency"
        if not 0 < b.low <= b.high:
            return f"{where}: low {b.low:g} and high {b.high:g} make no band (need 0 < low <= high)"
        if b.since is not None and b.until is not None and b.since > b.until:
            return f"{where}: since {b.since} is after until {b.until}"
        if (clash := next((j for j, o in seen.get((b.base, b.quote), []) if _overlap(o, b)), None)) is not None:
            return f"{where}: the pair already has a band for these years at {key}[{clash}]"
        seen.setdefault((b.base, b.quote), []).append((i, b))
    return None


def _overlap(a: FxBand, b: FxBand) -> bool:
    lo = max(a.since or 0, b.since or 0)
    return lo <= min(a.until or 9999, b.until or 9999)


def _alias_problem(aliases: dict[str, list[str]]) -> str | None:
    owner: dict[str, str] = {}
    for entity, names in aliases.items():
        for name in names:
            first = owner.setdefault(name.casefold(), entity)
            if first != entity:
                return f"key 'aliases': '{name}' is given for both '{first}' and '{entity}'"
    return None


def describe(cfg: Config, path: Path | None) -> str:
    """The resolved settings, one `key = value` line each, after the file they came from."""
    lines = [f"# settings from: {path if path else 'no config file found (defaults)'}"]
    for key, value in cfg.model_dump(mode="json").items():
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"
